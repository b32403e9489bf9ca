/* vigil-gui-util.c: small helpers the pages and editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-enums.h"
#include "vigil-gui-util.h"

/* Set on the main window only (vigil_gui_set_main_window()). */
#define TOAST_OVERLAY_KEY "vigil-gui-toast-overlay"
#define ON_EVENT_KEY      "vigil-gui-on-event"
/* The toasts an overlay shows or has queued (vigil_gui_add_toast()). */
#define TOASTS_KEY        "vigil-gui-toasts"

/* Long enough to read a sentence; an error a little longer. A toast that
 * never went away stayed over the window for minutes, across locking. */
#define TOAST_SECONDS       5
#define ERROR_TOAST_SECONDS 10

/* private helpers */

/* NULL unless @window is the main window. */
static AdwToastOverlay *
main_window_overlay (GtkWindow *window)
{
  return window != NULL ? g_object_get_data (G_OBJECT (window), TOAST_OVERLAY_KEY) : NULL;
}

static gboolean
reveal_needs_confirmation (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  return g_settings_get_boolean (settings, "confirm-reveal");
}

static void
show_toast (GtkWidget *widget, const char *message, guint timeout)
{
  AdwToastOverlay *main_overlay = NULL;
  GtkWidget *overlay;
  GtkRoot *root;
  AdwToast *toast;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, timeout);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      vigil_gui_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  /* From an editor: the toast goes to the main window it belongs to. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      main_overlay = main_window_overlay (GTK_WINDOW (root));
      if (main_overlay == NULL)
        main_overlay = main_window_overlay (gtk_window_get_transient_for (GTK_WINDOW (root)));
    }
  if (main_overlay != NULL)
    {
      vigil_gui_add_toast (main_overlay, toast);
      return;
    }

  /* Nowhere to show it: at least it is not lost. */
  g_message ("%s", message);
  g_object_unref (g_object_ref_sink (toast));
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type)
                           ? child
                           : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text an item of a drop-down shows: its first label's. */
static const char *
item_text (GtkWidget *item)
{
  GtkWidget *label = find_descendant (item, GTK_TYPE_LABEL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The items of a drop-down (GTK's list item widgets, whose role is a list
 * item) are named after what they show: GTK 4.8 has no accessible label
 * for a list item of its own. Returns the item showing @selected, if any. */
static GtkWidget *
name_items (GtkWidget *widget, const char *selected)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *in_child;

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child))
          == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        {
          const char *text = item_text (child);

          if (text != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          if (found == NULL && g_strcmp0 (text, selected) == 0)
            found = child;
          continue;
        }
      in_child = name_items (child, selected);
      found = found != NULL ? found : in_child;
    }
  return found;
}

static const char *
selected_string (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

/* callbacks */

static void
on_toast_dismissed (AdwToast *toast, GPtrArray *toasts)
{
  g_ptr_array_remove (toasts, toast);
}

/* A toast leaves the list of its overlay, which may go first. */
static void
forget_toast (gpointer toast)
{
  g_signal_handlers_disconnect_matched (toast, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_toast_dismissed, NULL);
  g_object_unref (toast);
}

/* Opened, the drop-down's list has the keyboard on the value chosen, so
 * Down and Up move from it: GTK 4.8 puts it on the item last focused,
 * and Down from there chose another value than the next one. */
static gboolean
focus_selected_item (gpointer data)
{
  GtkWidget *popover = data;
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_ancestor (popover, ADW_TYPE_COMBO_ROW));
  GtkWidget *item;

  if (row != NULL && gtk_widget_get_mapped (popover))
    {
      item = name_items (popover, selected_string (row));
      if (item != NULL)
        gtk_widget_grab_focus (item);
    }
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_combo_popover_mapped (GtkWidget *popover, gpointer data)
{
  /* After the popover has put the focus where GTK does. */
  g_idle_add (focus_selected_item, g_object_ref (popover));
}

static gboolean
name_shown_item (gpointer data)
{
  GtkWidget *row = data;

  name_items (row, NULL);
  g_object_unref (row);
  return G_SOURCE_REMOVE;
}

/* The row shows the value chosen in an item of its own, bound to it after
 * the change is announced. */
static void
on_combo_changed (GtkWidget *row)
{
  g_idle_add (name_shown_item, g_object_ref (row));
}

/* The task data is a flag: whether the task has returned. */
static void
confirm_return (GTask *task, gboolean reveal)
{
  if (g_task_get_task_data (task) != NULL)
    return;
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
  g_task_return_boolean (task, reveal);
}

static void
on_confirm_response (AdwMessageDialog *dialog, const char *response, GTask *task)
{
  confirm_return (task, g_strcmp0 (response, "reveal") == 0);
}

/* A dialog destroyed without an answer (the window locked under it) must
 * still finish the task, or its caller would wait forever. */
static void
on_confirm_destroy (AdwMessageDialog *dialog, GTask *task)
{
  confirm_return (task, FALSE);
  g_object_unref (task);
}

/* public API */

GtkStringList *
vigil_gui_enum_labels (GType enum_type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      /* The position in the list is the value: the enums count from 0. */
      g_warn_if_fail (klass->values[i].value == (int) i);
      gtk_string_list_append (list, vigil_enum_label (enum_type, klass->values[i].value));
    }
  return list;
}

void
vigil_gui_combo_row_set_model (AdwComboRow *row, GListModel *model)
{
  GtkWidget *popover;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  adw_combo_row_set_model (row, model);
  if (g_object_get_data (G_OBJECT (row), "vigil-gui-combo-row") != NULL)
    {
      name_items (GTK_WIDGET (row), NULL);
      return;
    }
  g_object_set_data (G_OBJECT (row), "vigil-gui-combo-row", GINT_TO_POINTER (TRUE));
  popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  if (popover != NULL)
    g_signal_connect_after (popover, "map", G_CALLBACK (on_combo_popover_mapped), NULL);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_changed), NULL);
  g_signal_connect (row, "map", G_CALLBACK (on_combo_changed), NULL);
  name_items (GTK_WIDGET (row), NULL);
}

void
vigil_gui_name_menu_button (GtkMenuButton *button, const char *name)
{
  GtkWidget *toggle;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  toggle = find_descendant (GTK_WIDGET (button), GTK_TYPE_TOGGLE_BUTTON);
  if (toggle == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* GTK 4.8 also labels the toggle by the menu button, and a name is its
   * own label followed by its labellers': "Main Menu Main Menu". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* "_Save" as read: "Save"; a doubled underscore is one underscore. */
static char *
without_mnemonic (const char *label)
{
  GString *read = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (read, *p);
    }
  return g_string_free (read, FALSE);
}

void
vigil_gui_keep_own_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (child);

      /* A button's own name, set by GTK from its label, keeps the
       * mnemonic's underscore ("_Save"): the name is the label as read.
       * (The only public way to read an accessible's attributes back in
       * GTK 4.8 is the test one, and it reads the real context.) */
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child))
          && gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        {
          const char *label = gtk_button_get_label (GTK_BUTTON (child));
          g_autofree char *differs =
            gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

          if (differs == NULL)
            {
              g_autofree char *read = without_mnemonic (label);

              gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, read, -1);
            }
        }
      if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
          && gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        gtk_accessible_reset_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      vigil_gui_keep_own_names (child);
    }
}

char *
vigil_gui_format_date (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date as in "Tue 4 Mar 2025"; see g_date_time_format() */
  return g_date_time_format (local, _("%a %-d %b %Y"));
}

char *
vigil_gui_format_date_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date and time as in "Tue 4 Mar 2025, 09:30"; see g_date_time_format() */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

GDateTime *
vigil_gui_compose_time (GTimeZone *zone, int year, int month, int day, int hour, int minute)
{
  g_autoptr (GTimeZone) local = NULL;
  g_autoptr (GDateTime) wall = NULL;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999
      || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    return NULL;
  wall = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (wall == NULL)
    return NULL;
  return g_date_time_to_utc (wall);
}

/**
 * vigil_gui_entry_row_text:
 *
 * Returns: (transfer full) (nullable): the row's text trimmed, or %NULL
 *   when nothing but spaces was typed
 */
char *
vigil_gui_entry_row_text (AdwEntryRow *row)
{
  char *text;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char **
vigil_gui_split_list (const char *text, const char *separators)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (separators != NULL, NULL);

  if (text == NULL)
    return g_strv_builder_end (builder);
  parts = g_strsplit_set (text, separators, -1);
  for (char **p = parts; *p != NULL; p++)
    {
      g_strstrip (*p);
      if (**p != '\0')
        g_strv_builder_add (builder, *p);
    }
  return g_strv_builder_end (builder);
}

char *
vigil_gui_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
vigil_gui_text_view_set_text (GtkTextView *view, const char *text)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

void
vigil_gui_set_main_window (GtkWindow *window, AdwToastOverlay *overlay, GCallback on_event)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (on_event != NULL);

  /* Borrowed: @overlay is a child of @window, and lives as long. */
  g_object_set_data (G_OBJECT (window), TOAST_OVERLAY_KEY, overlay);
  g_object_set_data (G_OBJECT (window), ON_EVENT_KEY, (gpointer) on_event);
}

void
vigil_gui_toast (GtkWidget *widget, const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  show_toast (widget, message, TOAST_SECONDS);
}

void
vigil_gui_add_toast (AdwToastOverlay *overlay, AdwToast *toast)
{
  GPtrArray *toasts;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toasts = g_object_get_data (G_OBJECT (overlay), TOASTS_KEY);
  if (toasts == NULL)
    {
      toasts = g_ptr_array_new_with_free_func (forget_toast);
      g_object_set_data_full (G_OBJECT (overlay), TOASTS_KEY, toasts,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  /* The overlay sinks the toast; the list holds it until it is dismissed,
   * by its timeout, by a person or by vigil_gui_dismiss_toasts(). */
  g_ptr_array_add (toasts, g_object_ref_sink (toast));
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed), toasts);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
vigil_gui_dismiss_toasts (AdwToastOverlay *overlay)
{
  g_autoptr (GPtrArray) toasts = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *shown;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  shown = g_object_get_data (G_OBJECT (overlay), TOASTS_KEY);
  /* Dismissing one takes it off the list: go over a copy. */
  for (guint i = 0; shown != NULL && i < shown->len; i++)
    g_ptr_array_add (toasts, g_object_ref (g_ptr_array_index (shown, i)));
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

void
vigil_gui_toast_error (GtkWidget *widget, const char *what, const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  /* Translators: "<what failed>: <why>" */
  message = g_strdup_printf (_("%s: %s"), what, error->message);
  show_toast (widget, message, ERROR_TOAST_SECONDS);
}

void
vigil_gui_confirm_reveal (GtkWidget          *widget,
                          const char         *pseudonym,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (pseudonym != NULL);

  task = g_task_new (widget, NULL, callback, user_data);
  g_task_set_source_tag (task, vigil_gui_confirm_reveal);

  if (!reveal_needs_confirmation ())
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  /* Translators: %s is a pseudonym such as V-01 */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Reveal the Identity of %s?"),
                                     pseudonym);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Their real name, date of birth and contact details will be "
                                 "shown on screen until you leave the case or the vault locks. "
                                 "Make sure no one else can see your screen."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reveal", _("_Reveal"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reveal",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The dialog holds the task until it is destroyed, answered or not. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), task);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_confirm_destroy), g_object_ref (task));

  if (GTK_IS_WINDOW (root))
    vigil_gui_watch_activity (GTK_WINDOW (root), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
vigil_gui_confirm_reveal_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigil_gui_confirm_reveal,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
vigil_gui_watch_activity (GtkWindow *parent, GtkWindow *window)
{
  GtkEventController *controller;
  GCallback on_event;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (!GTK_IS_WINDOW (parent))
    return;
  on_event = (GCallback) g_object_get_data (G_OBJECT (parent), ON_EVENT_KEY);
  if (on_event == NULL)
    return;

  /* The capture phase sees every event before a child can stop it; the
   * handler goes with @parent, should @window outlive it. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", on_event, parent, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

gboolean
vigil_gui_search_set_query (char         **query,
                            const char    *text,
                            GtkSearchBar  *bar,
                            GtkEditable   *entry,
                            gboolean      *syncing)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (query != NULL && syncing != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_SEARCH_BAR (bar) && GTK_IS_EDITABLE (entry), FALSE);

  if (text == NULL)
    text = "";
  trimmed = g_strstrip (g_strdup (text));
  if (g_strcmp0 (trimmed, *query != NULL ? *query : "") == 0)
    return FALSE;
  g_free (*query);
  *query = g_steal_pointer (&trimmed);

  if (g_strcmp0 (gtk_editable_get_text (entry), text) != 0)
    {
      *syncing = TRUE;
      gtk_editable_set_text (entry, text);
      *syncing = FALSE;
    }
  if ((*query)[0] != '\0')
    gtk_search_bar_set_search_mode (bar, TRUE);
  return TRUE;
}

void
vigil_gui_category_header (GtkListBoxRow *row, VigilStandard *standard, VigilStandard *before)
{
  GtkWidget *header;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));
  g_return_if_fail (VIGIL_IS_STANDARD (standard));

  if (before != NULL
      && g_strcmp0 (vigil_standard_get_category (standard), vigil_standard_get_category (before))
           == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (vigil_standard_get_category_label (standard));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

void
vigil_gui_protection_settings (VigilProtectionSettings *settings, GDateTime *now)
{
  g_autoptr (GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr (GVariant) minimums = g_settings_get_value (gsettings, "reflection-minimum-days");
  GVariantIter iter;
  const char *jurisdiction;
  guint32 days;

  g_return_if_fail (settings != NULL && now != NULL);

  vigil_protection_settings_init (settings, now);
  settings->requested_days = g_settings_get_uint (gsettings, "protection-requested-days");
  settings->reflection_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_variant_iter_init (&iter, minimums);
  while (g_variant_iter_next (&iter, "{&su}", &jurisdiction, &days))
    g_hash_table_insert (settings->reflection_days, g_strdup (jurisdiction),
                         GUINT_TO_POINTER (days));
}
