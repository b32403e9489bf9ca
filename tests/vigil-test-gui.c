/* vigil-test-gui.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-monitor-dialog.h"
#include "vigil-test-gui.h"

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
vigil_test_gui_init (int *argc, char ***argv)
{
  /* The tests must not depend on the theme or settings of whoever runs them. */
  g_unsetenv ("GTK_THEME");
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* What the application's resource-base-path does for the program. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "icons");
  /* Xvfb has no window manager to hand out keyboard focus: a blinking
   * cursor's timer would then warn that focus never left its entry. */
  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", FALSE,
                "gtk-enable-animations", FALSE,
                NULL);
}

gboolean
vigil_test_wait_until (gboolean (*condition) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return condition (data);
}

void
vigil_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
vigil_test_screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("VIGIL_SCREENSHOTS_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer;
  int width = 0, height = 0;
  gboolean varied = FALSE;

  g_assert_true (GTK_IS_WINDOW (window));
  g_assert_true (vigil_test_wait_until (is_drawn, window, 5000));
  /* Let transitions and deferred layout finish. */
  vigil_test_run_for (400);

  paintable = gtk_widget_paintable_new (window);
  /* A window busy with other work (a key derivation beside it, a loaded
   * machine) may have nothing to paint for a moment: try again, a while. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      if (tries > 0)
        vigil_test_run_for (100);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  /* A screenshot of one flat colour means nothing was drawn. */
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 4; i < (gsize) width * height * 4 && !varied; i += 4)
    varied = memcmp (pixels, pixels + i, 4) != 0;
  g_assert_true (varied);

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
widget_has_label (GtkWidget *widget, const char *label)
{
  const char *text = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_STATUS_PAGE (widget))
    text = adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return g_strcmp0 (text, label) == 0;
}

GtkWidget *
vigil_test_find_widget (GtkWidget *root, GType type, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (label == NULL || widget_has_label (child, label)))
        return child;
      found = vigil_test_find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  const char *texts[2] = { NULL, NULL };

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    texts[0] = gtk_label_get_text (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    {
      texts[0] = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      if (ADW_IS_ACTION_ROW (widget))
        texts[1] = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
      else if (ADW_IS_EXPANDER_ROW (widget))
        texts[1] = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget));
    }
  if (GTK_IS_EDITABLE (widget) && !ADW_IS_PREFERENCES_ROW (widget))
    texts[1] = gtk_editable_get_text (GTK_EDITABLE (widget));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && texts[i][0] != '\0')
      g_string_append_printf (out, "%s\n", texts[i]);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
vigil_test_widget_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

GtkWindow *
vigil_test_find_window (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

void
vigil_test_answer_monitor (const char *name)
{
  GtkWindow *dialog = vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG);
  GtkWidget *row;

  if (dialog == NULL)
    return;
  row = vigil_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your Name");
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_signal_emit_by_name (row, "entry-activated");
  vigil_test_run_for (50);
  g_assert_null (vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG));
}
