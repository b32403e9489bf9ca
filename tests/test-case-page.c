/* test-case-page.c: the cases list and a case page over a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-case-page.h"
#include "vigil-case-row.h"
#include "vigil-cases-page.h"
#include "vigil-hearing-editor.h"
#include "vigil-person-editor.h"
#include "vigil-test-gui.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

#define FULL_NAME "Ana-Maria Ionescu"
#define PHONE "+40 721 555 019"
#define ADDRESS "Strada Fabricii 12, Cluj-Napoca"

typedef struct
{
  Fixture       store;
  VigilCase    *kase;
  VigilPerson  *victim;
  GtkWindow    *window;
  VigilCasePage *page;
} PageFixture;

static void
page_set_up (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) defendant = NULL;
  g_autoptr (VigilPerson) interpreter = NULL;
  g_autoptr (VigilHearing) first = NULL;
  g_autoptr (VigilHearing) second = NULL;
  g_autoptr (VigilIdentity) identity = make_identity (FULL_NAME, PHONE, ADDRESS);
  const char *charges[] = { "Art. 210 Trafficking in persons", "Art. 367 Organised crime", NULL };

  fixture_set_up (&f->store, data);
  f->kase = add_case (&f->store, "2876/117/2025");
  vigil_case_set_court (f->kase, "Cluj Tribunal");
  vigil_case_set_jurisdiction (f->kase, "RO");
  vigil_case_set_stage (f->kase, VIGIL_CASE_STAGE_TRIAL);
  vigil_case_set_charges (f->kase, charges);
  g_assert_true (vigil_store_save_case (f->store.store, f->kase, &error));
  g_assert_no_error (error);

  f->victim = add_person (&f->store, f->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_assert_true (vigil_store_save_identity (f->store.store, f->victim, identity, &error));
  g_assert_no_error (error);
  defendant = add_person (&f->store, f->kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  interpreter = add_person (&f->store, f->kase, "I-01", VIGIL_PERSON_ROLE_INTERPRETER);
  first = add_hearing (&f->store, f->kase, -20, VIGIL_HEARING_STATUS_HELD);
  second = add_hearing (&f->store, f->kase, 14, VIGIL_HEARING_STATUS_SCHEDULED);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 900, 820);
  f->page = VIGIL_CASE_PAGE (vigil_case_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window),
                                      GTK_WIDGET (f->page));
  vigil_case_page_set_store (f->page, f->store.store);
  vigil_case_page_set_case_id (f->page, vigil_case_get_id (f->kase));
  gtk_window_present (f->window);
}

static void
page_tear_down (PageFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  vigil_case_page_set_store (f->page, NULL);
  gtk_window_destroy (f->window);
  vigil_test_run_for (50);
  g_clear_object (&f->victim);
  g_clear_object (&f->kase);
  fixture_tear_down (&f->store, data);
}

static gboolean
text_shows (GtkWidget *root, const char *needle)
{
  g_autofree char *text = vigil_test_widget_text (root);

  return strstr (text, needle) != NULL;
}

static guint
count_rows (GtkWidget *root, GType type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child))
        n++;
      n += count_rows (child, type);
    }
  return n;
}

static gboolean
has_message_dialog (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
is_revealed (gpointer data)
{
  PageFixture *f = data;

  return vigil_case_page_is_revealed (f->page, vigil_person_get_id (f->victim));
}

static void
test_shows_case (PageFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->window);

  vigil_test_run_for (100);
  g_assert_true (text_shows (root, "2876/117/2025"));
  g_assert_true (text_shows (root, "Cluj Tribunal"));
  g_assert_true (text_shows (root, "V-01"));
  g_assert_true (text_shows (root, "D-01"));
  g_assert_cmpuint (count_rows (root, g_type_from_name ("VigilPersonRow")), ==, 3);
  g_assert_cmpuint (count_rows (root, g_type_from_name ("VigilHearingRow")), ==, 2);
  /* Pseudonyms only, until someone asks. */
  g_assert_false (text_shows (root, FULL_NAME));
  g_assert_false (text_shows (root, PHONE));
  vigil_test_screenshot (root, "case-page");
}

static void
test_reveal (PageFixture *f, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  AdwMessageDialog *dialog;

  vigil_test_run_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.reveal-person", "s",
                                             vigil_person_get_id (f->victim)));
  g_assert_true (vigil_test_wait_until (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  vigil_test_screenshot (GTK_WIDGET (dialog), "case-page-reveal-confirm");
  /* Cancelling reveals nothing. */
  adw_message_dialog_response (dialog, "cancel");
  vigil_test_run_for (100);
  g_assert_false (is_revealed (f));
  g_assert_false (text_shows (root, FULL_NAME));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.reveal-person", "s",
                                             vigil_person_get_id (f->victim)));
  g_assert_true (vigil_test_wait_until (has_message_dialog, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "reveal");
  g_assert_true (vigil_test_wait_until (is_revealed, f, 5000));
  vigil_test_run_for (100);
  g_assert_true (text_shows (root, FULL_NAME));
  g_assert_true (text_shows (root, PHONE));
  vigil_test_screenshot (root, "case-page-revealed");

  vigil_case_page_hide_identities (f->page);
  vigil_test_run_for (100);
  g_assert_false (is_revealed (f));
  g_assert_false (text_shows (root, FULL_NAME));
}

static gboolean
has_window (gpointer data)
{
  return vigil_test_find_window ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static void
test_add_hearing (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  GtkWindow *editor;
  GtkWidget *room;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-hearing", NULL));
  g_assert_true (vigil_test_wait_until (has_window,
                                        GSIZE_TO_POINTER (VIGIL_TYPE_HEARING_EDITOR), 5000));
  editor = vigil_test_find_window (VIGIL_TYPE_HEARING_EDITOR);
  room = vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Courtroom");
  g_assert_nonnull (room);
  gtk_editable_set_text (GTK_EDITABLE (room), "Room 4");
  vigil_test_screenshot (GTK_WIDGET (editor), "hearing-editor");
  g_assert_true (vigil_hearing_editor_save (VIGIL_HEARING_EDITOR (editor)));
  g_assert_null (vigil_hearing_editor_get_message (VIGIL_HEARING_EDITOR (editor)));
  gtk_window_destroy (editor);

  hearings = vigil_store_list_hearings (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, ==, 3);
  vigil_test_run_for (100);
  g_assert_cmpuint (count_rows (GTK_WIDGET (f->window), g_type_from_name ("VigilHearingRow")),
                    ==, 3);
}

static void
test_add_person (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  GtkWindow *editor;
  GtkWidget *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-person", NULL));
  g_assert_true (vigil_test_wait_until (has_window,
                                        GSIZE_TO_POINTER (VIGIL_TYPE_PERSON_EDITOR), 5000));
  editor = vigil_test_find_window (VIGIL_TYPE_PERSON_EDITOR);
  name = vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Full Name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Dragoș Popescu");
  vigil_test_screenshot (GTK_WIDGET (editor), "person-editor");
  g_assert_true (vigil_person_editor_save (VIGIL_PERSON_EDITOR (editor)));
  gtk_window_destroy (editor);

  persons = vigil_store_list_persons (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 4);
  vigil_test_run_for (100);
  g_assert_cmpuint (count_rows (GTK_WIDGET (f->window), g_type_from_name ("VigilPersonRow")),
                    ==, 4);
  /* The name just typed is sealed, and not shown on the page. */
  g_assert_false (text_shows (GTK_WIDGET (f->window), "Dragoș Popescu"));
}

static void
test_adjourned_sine_die (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  GtkWidget *editor = vigil_hearing_editor_new (f->window, f->store.store,
                                                vigil_case_get_id (f->kase), NULL);
  GtkWidget *status = vigil_test_find_widget (editor, ADW_TYPE_COMBO_ROW, "Status");
  GtkWidget *reason = vigil_test_find_widget (editor, ADW_TYPE_ENTRY_ROW,
                                              "Reason for the Adjournment");
  GtkWidget *sine_die = vigil_test_find_widget (editor, ADW_TYPE_ACTION_ROW,
                                                "Adjourned _Without a Date");
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_nonnull (status);
  g_assert_nonnull (reason);
  g_assert_nonnull (sine_die);
  g_assert_false (gtk_widget_get_visible (sine_die));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), VIGIL_HEARING_STATUS_ADJOURNED);
  g_assert_true (gtk_widget_get_visible (sine_die));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Defence counsel withdrew");
  gtk_switch_set_active (GTK_SWITCH (vigil_test_find_widget (sine_die, GTK_TYPE_SWITCH, NULL)),
                         TRUE);
  g_assert_true (vigil_hearing_editor_save (VIGIL_HEARING_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));

  hearings = vigil_store_list_hearings (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hearings->len; i++)
    found |= vigil_hearing_get_adjourned_sine_die (g_ptr_array_index (hearings, i))
             && g_strcmp0 (vigil_hearing_get_adjournment_reason (g_ptr_array_index (hearings, i)),
                           "Defence counsel withdrew") == 0;
  g_assert_true (found);
}

static void
note_case (VigilCase **out, VigilCase *kase)
{
  *out = kase;
}

static guint
count_case_rows (GtkWidget *root)
{
  guint n = VIGIL_IS_CASE_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_case_rows (child);
  return n;
}

/* A mission's whole history: rows exist for the cases on screen, not for
 * every case, and the last case is reached by scrolling. */
static void
test_many_cases (Fixture *f, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  VigilCasesPage *cases = VIGIL_CASES_PAGE (vigil_cases_page_new ());
  GtkWidget *list;
  GtkAdjustment *scroll;
  guint rows;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *reference = g_strdup_printf ("%u/2026", 1000 + i);
      g_autoptr (VigilCase) kase = add_case (f, reference);
    }
  gtk_window_set_default_size (window, 900, 700);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (cases));
  vigil_cases_page_set_store (cases, f->store);
  gtk_window_present (window);
  vigil_test_run_for (300);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_cases_page_get_shown (cases)), ==, 1000);

  /* GTK 4.8's list view keeps up to about 200 rows around the view. */
  rows = count_case_rows (GTK_WIDGET (window));
  g_test_message ("%u rows for 1000 cases", rows);
  g_assert_cmpuint (rows, >, 5);
  g_assert_cmpuint (rows, <=, 250);

  list = vigil_test_find_widget (GTK_WIDGET (cases), GTK_TYPE_LIST_VIEW, NULL);
  scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (list)));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  vigil_test_run_for (300);
  {
    g_autofree char *text = vigil_test_widget_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, "1999/2026"));
  }
  g_assert_cmpuint (count_case_rows (GTK_WIDGET (window)), <=, 250);
  vigil_test_screenshot (GTK_WIDGET (window), "cases-page-scrolled");

  vigil_cases_page_set_store (cases, NULL);
  gtk_window_destroy (window);
}

static void
test_cases_page (PageFixture *f, gconstpointer data)
{
  g_autoptr (VigilCase) other = add_case (&f->store, "1043/2/2024");
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  VigilCasesPage *cases = VIGIL_CASES_PAGE (vigil_cases_page_new ());

  gtk_window_set_default_size (window, 900, 700);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (cases));
  vigil_cases_page_set_store (cases, f->store.store);
  gtk_window_present (window);
  vigil_test_run_for (100);

  g_assert_cmpint (vigil_cases_page_get_view (cases), ==, VIGIL_CASES_VIEW_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_cases_page_get_shown (cases)), ==, 2);
  vigil_test_screenshot (GTK_WIDGET (window), "cases-page");

  /* Activating an item of the list (a click, or Enter) opens its case. */
  {
    g_autoptr (VigilCase) second = g_list_model_get_item (vigil_cases_page_get_shown (cases), 1);
    VigilCase *opened = NULL;
    GtkWidget *list = vigil_test_find_widget (GTK_WIDGET (cases), GTK_TYPE_LIST_VIEW, NULL);

    g_signal_connect_swapped (cases, "case-activated", G_CALLBACK (note_case), &opened);
    g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 1));
    g_assert_true (opened == second);
    g_signal_handlers_disconnect_by_func (cases, note_case, &opened);
  }

  vigil_cases_page_set_search (cases, "cluj");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_cases_page_get_shown (cases)), ==, 1);
  vigil_cases_page_set_search (cases, "no such court");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_cases_page_get_shown (cases)), ==, 0);
  g_assert_cmpint (vigil_cases_page_get_view (cases), ==, VIGIL_CASES_VIEW_NO_MATCHES);
  vigil_test_screenshot (GTK_WIDGET (window), "cases-page-no-matches");

  vigil_cases_page_set_store (cases, NULL);
  gtk_window_destroy (window);
}

static void
test_views (void)
{
  g_assert_cmpint (vigil_cases_view_for (0, 0), ==, VIGIL_CASES_VIEW_EMPTY);
  g_assert_cmpint (vigil_cases_view_for (3, 0), ==, VIGIL_CASES_VIEW_NO_MATCHES);
  g_assert_cmpint (vigil_cases_view_for (3, 2), ==, VIGIL_CASES_VIEW_LIST);
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/cases-page/views", test_views);
  g_test_add ("/cases-page/many-cases", Fixture, NULL, fixture_set_up, test_many_cases,
              fixture_tear_down);
  g_test_add ("/cases-page/search", PageFixture, NULL, page_set_up, test_cases_page,
              page_tear_down);
  g_test_add ("/case-page/shows-case", PageFixture, NULL, page_set_up, test_shows_case,
              page_tear_down);
  g_test_add ("/case-page/reveal", PageFixture, NULL, page_set_up, test_reveal, page_tear_down);
  g_test_add ("/case-page/add-hearing", PageFixture, NULL, page_set_up, test_add_hearing,
              page_tear_down);
  g_test_add ("/case-page/adjourned-sine-die", PageFixture, NULL, page_set_up,
              test_adjourned_sine_die, page_tear_down);
  g_test_add ("/case-page/add-person", PageFixture, NULL, page_set_up, test_add_person,
              page_tear_down);
  return g_test_run ();
}
