/* test-editors.c: the case, hearing and person editors with real keys and
 * clicks, each result read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/* Scrolls the form to its end, as a person would to reach @widget. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *inner = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *form = gtk_widget_get_ancestor (gtk_widget_get_parent (inner),
                                             GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  vigil_test_run_for (200);
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
  vigil_test_screenshot (GTK_WIDGET (editor), "case-editor-charges");
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

static gboolean
dialog_shown (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static GtkWindow *
open_hearing_editor (EditorFixture *f)
{
  GtkWindow *editor = GTK_WINDOW (vigil_hearing_editor_new (f->window, f->store.store,
                                                            vigil_case_get_id (f->kase), NULL));

  gtk_window_present (editor);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  return editor;
}

static guint
count_hearings (EditorFixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hearings = vigil_store_list_hearings (f->store.store,
                                                             vigil_case_get_id (f->kase), &error);

  g_assert_no_error (error);
  return hearings->len;
}

/* Escape closes an editor with nothing changed at once; one with changes
 * only after "Discard" in a dialog whose default is Cancel; and Escape in
 * the date's popover closes only the popover. */
static void
test_hearing_escape (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_hearing_editor (f);
  GtkWidget *date = NULL;
  GtkWidget *room = NULL;
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "Escape");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  editor = open_hearing_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  date = find_nth (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON, 0);
  vigil_test_input_click (date);
  vigil_test_run_for (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (date)))));
  vigil_test_input_keys (editor, "Escape");
  vigil_test_run_for (300);
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (date)))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  room = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Courtroom");
  vigil_test_input_click (room);
  vigil_test_input_keys (editor, "type:Room 4");

  /* Escape on changes asks; Escape or Enter in the question keeps them. */
  vigil_test_input_keys (editor, "Escape");
  g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Discard Changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  vigil_test_screenshot (GTK_WIDGET (dialog), "hearing-editor-discard");
  vigil_test_input_keys (dialog, "Escape");
  g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (room)), ==, "Room 4");

  vigil_test_input_keys (editor, "Escape");
  g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  vigil_test_input_keys (dialog, "Return");
  g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));
  g_assert_nonnull (editor);

  /* Cancel asks the same; Discard closes without saving. */
  vigil_test_input_click (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Cancel"));
  g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  vigil_test_input_focus_window (dialog);
  vigil_test_input_click (find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Discard"));
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));
  g_assert_cmpuint (count_hearings (f), ==, 0);
}

static gboolean
shows (GtkWidget *root, const char *text)
{
  g_autofree char *all = vigil_test_widget_text (root);

  return strstr (all, text) != NULL;
}

static gboolean
focus_within (GtkWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A refused save lists every problem, puts the focus on the first, and
 * each goes as soon as its field is right. */
static void
test_case_all_errors (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_case_editor (f);
  GtkWidget *reference = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Court Reference");
  GtkWidget *court = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Court");
  GtkWidget *charges = find_nth (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 0);
  g_autoptr (VigilCase) saved = NULL;

  vigil_test_input_click (court);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (shows (GTK_WIDGET (editor), "Reference is empty"));
  g_assert_true (shows (GTK_WIDGET (editor), "Court is empty"));
  g_assert_true (shows (GTK_WIDGET (editor), "needs at least one charge"));
  g_assert_true (focus_within (editor, reference));
  g_assert_true (gtk_widget_has_css_class (court, "error"));
  vigil_test_screenshot (GTK_WIDGET (editor), "case-editor-errors");

  /* Spaces at the end of a reference are not kept. */
  vigil_test_input_keys (editor, "type:K 9/2025  ");
  g_assert_false (shows (GTK_WIDGET (editor), "Reference is empty"));
  g_assert_false (gtk_widget_has_css_class (reference, "error"));
  g_assert_true (shows (GTK_WIDGET (editor), "Court is empty"));
  vigil_test_input_click (court);
  vigil_test_input_keys (editor, "type:Cluj Tribunal");
  g_assert_false (shows (GTK_WIDGET (editor), "Court is empty"));
  g_assert_true (shows (GTK_WIDGET (editor), "needs at least one charge"));
  vigil_test_input_click (charges);
  vigil_test_input_keys (editor, "type:Art. 210 Trafficking");
  g_assert_false (shows (GTK_WIDGET (editor), "needs at least one charge"));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));
  saved = new_case (f);
  g_assert_cmpstr (vigil_case_get_reference (saved), ==, "K 9/2025");
  g_assert_cmpstr (vigil_case_get_charges (saved)[0], ==, "Art. 210 Trafficking");
}

/* A year too far is shown until a good one is picked; hour 99 is refused
 * as typed, not saved as 23. */
static void
test_hearing_date_and_time (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_hearing_editor (f);
  GtkCalendar *calendar = GTK_CALENDAR (find_nth (GTK_WIDGET (editor), GTK_TYPE_CALENDAR, 0));
  GtkWidget *hour = find_nth (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, 0);
  GtkWidget *date = find_nth (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON, 0);
  GtkWidget *notes = find_nth (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) far = g_date_time_add_years (now, 15);
  g_autoptr (GDateTime) next = g_date_time_add_years (now, 1);
  g_autofree char *far_year = g_strdup_printf ("%d is more than", g_date_time_get_year (far));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  g_autoptr (GDateTime) local = NULL;

  gtk_calendar_select_day (calendar, far);
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:99");
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (shows (GTK_WIDGET (editor), far_year));
  g_assert_true (shows (GTK_WIDGET (editor), "there is no hour 99"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hour)), ==, "99");
  g_assert_true (focus_within (editor, date));
  vigil_test_screenshot (GTK_WIDGET (editor), "hearing-editor-errors");
  g_assert_cmpuint (count_hearings (f), ==, 0);

  /* Picking a good day takes its error away at once, and only it. */
  gtk_calendar_select_day (calendar, next);
  g_assert_false (shows (GTK_WIDGET (editor), far_year));
  g_assert_true (shows (GTK_WIDGET (editor), "there is no hour 99"));
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:10");
  g_assert_false (shows (GTK_WIDGET (editor), "there is no hour"));

  /* The notes are a field several lines high, that a click goes into. */
  g_assert_cmpint (gtk_widget_get_height (notes), >=, 80);
  scroll_to_end (notes);
  vigil_test_input_click (notes);
  g_assert_true (gtk_widget_has_focus (notes));
  vigil_test_input_keys (editor, "type:Defence asked for a delay");
  vigil_test_screenshot (GTK_WIDGET (editor), "hearing-editor-notes");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));
  hearings = vigil_store_list_hearings (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, ==, 1);
  local = g_date_time_to_local (vigil_hearing_get_starts_at (hearings->pdata[0]));
  g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (next));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  g_assert_cmpstr (vigil_hearing_get_notes (hearings->pdata[0]), ==,
                   "Defence asked for a delay");
}

static GtkWindow *
open_person_editor (EditorFixture *f)
{
  GtkWindow *editor = GTK_WINDOW (vigil_person_editor_new (f->window, f->store.store,
                                                           vigil_case_get_id (f->kase), NULL,
                                                           NULL));

  gtk_window_present (editor);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  return editor;
}

static guint
count_persons (EditorFixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = vigil_store_list_persons (f->store.store,
                                                           vigil_case_get_id (f->kase), &error);

  g_assert_no_error (error);
  return persons->len;
}

/* A 1,400-character name is refused with the reason; an adult marked as
 * a child is saved only once the warning was seen and Save pressed
 * again. */
static void
test_person_plausibility (EditorFixture *f, gconstpointer data)
{
  GtkWindow *editor = open_person_editor (f);
  GtkWidget *name = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Full Name");
  GtkWidget *birth = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date of Birth (YYYY-MM-DD)");
  GtkWidget *child = find_nth (GTK_WIDGET (editor), GTK_TYPE_SWITCH, 0);
  g_autofree char *long_name = g_strnfill (1400, 'a');
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  VigilPerson *person;

  gtk_editable_set_text (GTK_EDITABLE (name), long_name);
  vigil_test_input_click (birth);
  vigil_test_input_keys (editor, "type:1980-03-14");
  vigil_test_input_click (child);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child)));
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (shows (GTK_WIDGET (editor), "Full name is longer than 200 characters"));
  g_assert_true (focus_within (editor, name));
  g_assert_cmpuint (count_persons (f), ==, 0);

  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:Ana Ionescu");
  g_assert_false (shows (GTK_WIDGET (editor), "Full name"));
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (shows (GTK_WIDGET (editor), "save again to keep it"));
  g_assert_true (focus_within (editor, child));
  vigil_test_screenshot (GTK_WIDGET (editor), "person-editor-warning");
  g_assert_cmpuint (count_persons (f), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));
  persons = vigil_store_list_persons (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 1);
  person = persons->pdata[0];
  g_assert_true (vigil_person_get_is_child (person));
  identity = vigil_store_load_identity (f->store.store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->full_name, ==, "Ana Ionescu");
  g_assert_cmpstr (identity->date_of_birth, ==, "1980-03-14");
}

/* Each control the editors put up says what it is, without a mnemonic's
 * underscore. */
static void
assert_named (GtkWidget *root)
{
  GType controls[] = { GTK_TYPE_BUTTON, GTK_TYPE_MENU_BUTTON, GTK_TYPE_SWITCH,
                       GTK_TYPE_SPIN_BUTTON, GTK_TYPE_TEXT_VIEW, GTK_TYPE_TEXT };

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
        if (G_TYPE_CHECK_INSTANCE_TYPE (child, controls[i])
            /* The pieces GTK and libadwaita build inside their own
             * widgets are theirs to name. */
            && !GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (child))
            && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child))
            && (GTK_IS_TEXT (child) || gtk_widget_get_ancestor (child, ADW_TYPE_ENTRY_ROW) == NULL)
            && gtk_widget_get_ancestor (child, ADW_TYPE_COMBO_ROW) == NULL
            && gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) == NULL)
          {
            const char *label = GTK_IS_BUTTON (child)
                                  ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;
            g_autofree char *differs = NULL;

            if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL))
              g_error ("a %s of %s has no accessible name", G_OBJECT_TYPE_NAME (child),
                       G_OBJECT_TYPE_NAME (gtk_widget_get_root (child)));
            if (label == NULL || strchr (label, '_') == NULL)
              continue;
            /* Named by its label as written, the mnemonic leaks. */
            differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label);
            if (differs == NULL)
              g_error ("the button \"%s\" of %s is named with its underscore", label,
                       G_OBJECT_TYPE_NAME (gtk_widget_get_root (child)));
          }
      assert_named (child);
    }
}

static void
test_accessible_names (EditorFixture *f, gconstpointer data)
{
  GtkWidget *editors[] = {
    vigil_case_editor_new (f->window, f->store.store, NULL),
    vigil_hearing_editor_new (f->window, f->store.store, vigil_case_get_id (f->kase), NULL),
    vigil_person_editor_new (f->window, f->store.store, vigil_case_get_id (f->kase), NULL, NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkWidget *save = find (editors[i], GTK_TYPE_BUTTON, "_Save");
      g_autofree char *wrong = NULL;

      assert_named (editors[i]);
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (save),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");
      g_assert_null (wrong);
      gtk_window_destroy (GTK_WINDOW (editors[i]));
    }

  /* Whose identity a button reveals is in its name. */
  {
    g_autoptr (VigilPerson) person = add_person (&f->store, f->kase, "V-01",
                                                 VIGIL_PERSON_ROLE_VICTIM);
    GtkWidget *editor = vigil_person_editor_new (f->window, f->store.store,
                                                 vigil_case_get_id (f->kase), person, NULL);
    GtkWidget *reveal = find (editor, GTK_TYPE_BUTTON, "_Reveal…");
    g_autofree char *wrong = NULL;

    assert_named (editor);
    wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (reveal),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Reveal the identity of V-01");
    g_assert_null (wrong);
    gtk_window_destroy (GTK_WINDOW (editor));
  }
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/editors/case/charges-click", EditorFixture, NULL, editor_set_up,
              test_case_charges_click, editor_tear_down);
  g_test_add ("/editors/case/enter-then-type", EditorFixture, NULL, editor_set_up,
              test_case_enter_then_type, editor_tear_down);
  g_test_add ("/editors/case/all-errors", EditorFixture, NULL, editor_set_up,
              test_case_all_errors, editor_tear_down);
  g_test_add ("/editors/hearing/escape", EditorFixture, NULL, editor_set_up,
              test_hearing_escape, editor_tear_down);
  g_test_add ("/editors/hearing/date-and-time", EditorFixture, NULL, editor_set_up,
              test_hearing_date_and_time, editor_tear_down);
  g_test_add ("/editors/person/plausibility", EditorFixture, NULL, editor_set_up,
              test_person_plausibility, editor_tear_down);
  g_test_add ("/editors/accessible-names", EditorFixture, NULL, editor_set_up,
              test_accessible_names, editor_tear_down);
  return g_test_run ();
}
