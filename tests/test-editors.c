/* test-editors.c: the case, hearing and person editors with real keys and
 * clicks, each result read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-case-editor.h"
#include "vigil-hearing-editor.h"
#include "vigil-person-editor.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  Fixture    store;
  VigilCase *kase;
  GtkWindow *window;
} EditorFixture;

static void
editor_set_up (EditorFixture *f, gconstpointer data)
{
  fixture_set_up (&f->store, data);
  f->kase = add_case (&f->store, "K 1/2025");
  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 900, 800);
  gtk_window_present (f->window);
}

static void
editor_tear_down (EditorFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (50);
  g_clear_object (&f->kase);
  fixture_tear_down (&f->store, data);
}

/* The @n-th (from 0) descendant of @root of @type. */
static GtkWidget *
nth_widget (GtkWidget *root, GType type, guint *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (*n)-- == 0)
        return child;
      found = nth_widget (child, type, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_nth (GtkWidget *root, GType type, guint n)
{
  GtkWidget *found = nth_widget (root, type, &n);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find (GtkWidget *root, GType type, const char *label)
{
  GtkWidget *found = vigil_test_find_widget (root, type, label);

  if (found == NULL)
    g_error ("no %s \"%s\" in the editor", g_type_name (type), label);
  return found;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* The one case whose reference is not the fixture's. */
static VigilCase *
new_case (EditorFixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store.store, &error);
  VigilCase *found = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (vigil_case_get_id (cases->pdata[i]), vigil_case_get_id (f->kase)) != 0)
      found = g_object_ref (cases->pdata[i]);
  return found;
}

static GtkWindow *
open_case_editor (EditorFixture *f)
{
  GtkWindow *editor = GTK_WINDOW (vigil_case_editor_new (f->window, f->store.store, NULL));

  gtk_window_present (editor);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  return editor;
}

/* Charges and notes are fields a person sees and clicks into: a click
 * under "Charges" puts the cursor there, not in the reference that had
 * the focus, so what is typed lands in the charges. */
static void
test_case_charges_click (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_case_editor (f);
  GtkWidget *charges = find_nth (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 0);
  GtkWidget *notes = find_nth (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 1);
  g_autoptr (VigilCase) saved = NULL;
  const char * const *list;

  /* Several lines high, the notes too. */
  g_assert_cmpint (gtk_widget_get_height (charges), >=, 80);
  g_assert_cmpint (gtk_widget_get_height (notes), >=, 80);
  vigil_test_screenshot (GTK_WIDGET (editor), "case-editor");

  vigil_test_input_keys (editor, "type:K 123/2024");
  vigil_test_input_click (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Court"));
  vigil_test_input_keys (editor, "type:Cluj Tribunal");
  vigil_test_input_click (charges);
  g_assert_true (gtk_widget_has_focus (charges));
  vigil_test_input_keys (editor, "type:Art. 210 Trafficking\nArt. 367 Organised crime");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  saved = new_case (f);
  g_assert_cmpstr (vigil_case_get_reference (saved), ==, "K 123/2024");
  g_assert_cmpstr (vigil_case_get_court (saved), ==, "Cluj Tribunal");
  list = vigil_case_get_charges (saved);
  g_assert_cmpuint (g_strv_length ((char **) list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Art. 210 Trafficking");
  g_assert_cmpstr (list[1], ==, "Art. 367 Organised crime");
}

/* Enter saves, and nothing typed after it reaches the record. */
static void
test_case_enter_then_type (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_case_editor (f);
  GtkWidget *reference = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Court Reference");
  GtkTextView *charges = GTK_TEXT_VIEW (find_nth (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 0));
  g_autoptr (VigilCase) saved = NULL;

  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Court")),
                         "Cluj Tribunal");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (charges), "Art. 210 Trafficking", -1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), reference));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "type:K 123/2024");
  vigil_test_input_keys (editor, "Return");
  /* Typed at once, to whichever window has the keyboard now. */
  vigil_test_input_keys (editor != NULL ? editor : f->window, "type:XYZ");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  saved = new_case (f);
  g_assert_cmpstr (vigil_case_get_reference (saved), ==, "K 123/2024");
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/editors/case/charges-click", EditorFixture, NULL, editor_set_up,
              test_case_charges_click, editor_tear_down);
  g_test_add ("/editors/case/enter-then-type", EditorFixture, NULL, editor_set_up,
              test_case_enter_then_type, editor_tear_down);
  return g_test_run ();
}
