/* test-protection-page.c: the Protection section: the agenda by week and
 * by day with the problems beside what they concern, the filters, and
 * adding a measure, recording a risk assessment and cancelling a measure
 * with real clicks and keys, each read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-agenda.h"
#include "vigil-measure-editor.h"
#include "vigil-monitor-dialog.h"
#include "vigil-protection-page.h"
#include "vigil-unlock-page.h"
#include "vigil-window.h"
#include "vigil-risk-editor.h"
#include "vigil-store-protection.h"
#include "vigil-store-risk-assessments.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  Fixture       store;
  VigilCase    *kase;
  VigilPerson  *victim;
  VigilHearing *hearing;
  GDateTime    *day;
  GtkWindow    *window;
  VigilProtectionPage *page;
} PageFixture;

static VigilHearing *
hearing_at (PageFixture *f, VigilCase *kase, GDateTime *when)
{
  g_autoptr (GError) error = NULL;
  VigilHearing *hearing = vigil_hearing_new (vigil_case_get_id (kase));

  vigil_hearing_set_starts_at (hearing, when);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_TESTIMONY);
  vigil_hearing_set_room (hearing, "Sala 4");
  g_assert_true (vigil_store_save_hearing (f->store.store, hearing, &error));
  g_assert_no_error (error);
  return hearing;
}

static void
page_set_up (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr (GDateTime) nine = g_date_time_new_local (g_date_time_get_year (later),
                                                      g_date_time_get_month (later),
                                                      g_date_time_get_day_of_month (later), 9, 0,
                                                      0);
  g_autoptr (GDateTime) eleven = g_date_time_add_hours (nine, 2);
  g_autoptr (VigilCase) other = NULL;
  g_autoptr (VigilPerson) witness = NULL;
  g_autoptr (VigilHearing) other_hearing = NULL;
  g_autoptr (VigilProtectionData) escort = vigil_protection_data_new ();

  fixture_set_up (&f->store, data);
  f->day = g_date_time_ref (nine);
  f->kase = add_case (&f->store, "K 7/2026");
  f->victim = add_person (&f->store, f->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  f->hearing = hearing_at (f, f->kase, nine);
  vigil_hearing_add_attendee (f->hearing, f->victim, TRUE);
  g_assert_true (vigil_store_save_hearing (f->store.store, f->hearing, &error));
  g_assert_no_error (error);

  escort->case_id = g_strdup (vigil_case_get_id (f->kase));
  escort->person_id = g_strdup (vigil_person_get_id (f->victim));
  escort->hearing_id = g_strdup (vigil_hearing_get_id (f->hearing));
  escort->kind = g_strdup ("police_escort");
  escort->status = g_strdup ("requested");
  escort->starts_at = g_date_time_add_hours (nine, -1);
  escort->ends_at = g_date_time_add_hours (nine, 4);
  escort->responsible = g_strdup ("Poliția Iași");
  g_assert_true (vigil_store_add_protection_measure (f->store.store, escort, &error));
  g_assert_no_error (error);

  /* Another court's hearing the same day, with a witness. */
  other = add_case (&f->store, "K 8/2026");
  vigil_case_set_court (other, "Tribunalul Cluj");
  g_assert_true (vigil_store_save_case (f->store.store, other, &error));
  g_assert_no_error (error);
  witness = add_person (&f->store, other, "W-01", VIGIL_PERSON_ROLE_WITNESS);
  other_hearing = hearing_at (f, other, eleven);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 1000, 800);
  f->page = VIGIL_PROTECTION_PAGE (vigil_protection_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), GTK_WIDGET (f->page));
  vigil_protection_page_set_store (f->page, f->store.store);
  vigil_protection_page_show (f->page, f->day, TRUE);
  gtk_window_present (f->window);
  vigil_test_input_focus_window (f->window);
  vigil_test_run_for (300);
}

static void
page_tear_down (PageFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (50);
  g_date_time_unref (f->day);
  g_clear_object (&f->hearing);
  g_clear_object (&f->victim);
  g_clear_object (&f->kase);
  fixture_tear_down (&f->store, data);
}

/* The button whose tooltip is @tooltip in the row whose title holds
 * @title. */
static GtkWidget *
row_button (GtkWidget *root, const char *title, const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child)
          && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) != NULL)
        {
          GtkWidget *button = vigil_test_find_widget (child, GTK_TYPE_BUTTON, NULL);

          for (; button != NULL; button = gtk_widget_get_next_sibling (button))
            if (GTK_IS_BUTTON (button) && g_strcmp0 (gtk_widget_get_tooltip_text (button), tooltip) == 0)
              return button;
        }
      found = row_button (child, title, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (PageFixture *f, VigilAgendaRowKind kind, const char *rule)
{
  GPtrArray *rows = vigil_protection_page_get_rows (f->page);
  guint n = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      VigilAgendaRow *row = g_ptr_array_index (rows, i);

      n += row->kind == kind && (rule == NULL || g_str_equal (row->problem->rule, rule));
    }
  return n;
}

static gboolean
window_of_type (gpointer type)
{
  return vigil_test_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

typedef struct
{
  PageFixture        *f;
  VigilAgendaRowKind  kind;
  const char         *rule;
  guint               n;
} RowCount;

static gboolean
rows_are (gpointer data)
{
  RowCount *c = data;

  return count_rows (c->f, c->kind, c->rule) == c->n;
}

static void
test_agenda (PageFixture *f, gconstpointer data)
{
  GPtrArray *rows = vigil_protection_page_get_rows (f->page);
  GtkWidget *person = vigil_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  VigilAgendaRow *row;

  /* The week: two hearings; under the first its problems, then its escort
   * still requested, then that escort's own problem. */
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_HEARING, NULL), ==, 2);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_MEASURE, NULL), ==, 1);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_PROBLEM, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==,
                    1);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_PROBLEM, VIGIL_PROTECTION_RULE_STILL_REQUESTED), ==,
                    1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_HEARING);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_PROBLEM);
  g_assert_cmpstr (row->problem->hearing_id, ==, vigil_hearing_get_id (f->hearing));
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_PROBLEM);
  g_assert_nonnull (row->problem->measure_id);
  vigil_test_screenshot (GTK_WIDGET (f->window), "protection-agenda-week");

  vigil_protection_page_show (f->page, f->day, FALSE);
  vigil_test_run_for (200);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_HEARING, NULL), ==, 2);
  vigil_test_screenshot (GTK_WIDGET (f->window), "protection-agenda-day");

  /* Typing a pseudonym leaves only what concerns that person. */
  vigil_test_input_click (person);
  vigil_test_input_keys (f->window, "type:W-01");
  vigil_test_run_for (400);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_HEARING, NULL), ==, 0);
  vigil_test_input_keys (f->window, "ctrl+a");
  vigil_test_input_keys (f->window, "type:v-01");
  vigil_test_run_for (400);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_HEARING, NULL), ==, 1);
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_MEASURE, NULL), ==, 1);
}

/* Add a support person, confirmed, with clicks and keys: it is in the
 * vault, and the problem it answers goes from the agenda within a second. */
static void
test_add_measure (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  GtkWidget *add = row_button (GTK_WIDGET (f->page), "K 7/2026", "Add Measure");
  GtkWindow *editor;
  RowCount solved = { f, VIGIL_AGENDA_PROBLEM, VIGIL_PROTECTION_RULE_MISSING_MEASURE, 0 };
  VigilProtectionData *added = NULL;

  g_assert_nonnull (add);
  vigil_test_input_click (add);
  g_assert_true (vigil_test_wait_until (window_of_type,
                                        GSIZE_TO_POINTER (VIGIL_TYPE_MEASURE_EDITOR), 2000));
  editor = vigil_test_find_window (VIGIL_TYPE_MEASURE_EDITOR);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (300);

  /* Kind: support person, the seventh; status: confirmed, the second. */
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                  "_Kind"));
  vigil_test_run_for (300);
  vigil_test_input_keys (editor, "Down Down Down Down Down Down Return");
  vigil_test_run_for (300);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                  "_Status"));
  vigil_test_run_for (300);
  vigil_test_input_keys (editor, "Down Return");
  vigil_test_run_for (300);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                  "_Responsible"));
  vigil_test_input_keys (editor, "type:ADPARE support team");
  vigil_test_screenshot (GTK_WIDGET (editor), "protection-measure-editor");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  measures = vigil_store_list_protection_measures (f->store.store, vigil_case_get_id (f->kase),
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 2);
  added = g_ptr_array_index (measures, 1);
  g_assert_cmpstr (added->kind, ==, "support_person");
  g_assert_cmpstr (added->status, ==, "confirmed");
  g_assert_cmpstr (added->responsible, ==, "ADPARE support team");
  g_assert_cmpstr (added->person_id, ==, vigil_person_get_id (f->victim));
  g_assert_cmpstr (added->hearing_id, ==, vigil_hearing_get_id (f->hearing));
  g_assert_true (vigil_test_wait_until (rows_are, &solved, 1000));
  g_assert_cmpuint (count_rows (f, VIGIL_AGENDA_MEASURE, NULL), ==, 2);
}

/* Record a very high risk: read back with its factor sealed, and the
 * agenda asks at once for what that level calls for. */
static void
test_risk_assessment (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_auto (GStrv) factors = NULL;
  GtkWidget *assess = row_button (GTK_WIDGET (f->page), "K 7/2026", "Record Risk Assessment");
  GtkWindow *editor;
  RowCount more = { f, VIGIL_AGENDA_PROBLEM, VIGIL_PROTECTION_RULE_MISSING_MEASURE, 6 };
  VigilRiskAssessmentData *risk;

  g_assert_nonnull (assess);
  vigil_test_input_click (assess);
  g_assert_true (vigil_test_wait_until (window_of_type,
                                        GSIZE_TO_POINTER (VIGIL_TYPE_RISK_EDITOR), 2000));
  editor = vigil_test_find_window (VIGIL_TYPE_RISK_EDITOR);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (300);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                  "_Level"));
  vigil_test_run_for (300);
  vigil_test_input_keys (editor, "Down Down Down Return");
  vigil_test_run_for (300);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                  "Earlier intimidation"));
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (editor), "protection-risk-assessment");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  risks = vigil_store_list_risk_assessments (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 1);
  risk = g_ptr_array_index (risks, 0);
  g_assert_cmpstr (risk->level, ==, "very_high");
  g_assert_cmpstr (risk->person_id, ==, vigil_person_get_id (f->victim));
  factors = vigil_risk_assessment_data_get_factors (risk);
  g_assert_true (g_strv_contains ((const char * const *) factors, "earlier_intimidation"));
  g_assert_cmpuint (g_strv_length (factors), ==, 1);
  /* Very high calls for six confirmed measures: none is yet. */
  g_assert_true (vigil_test_wait_until (rows_are, &more, 1000));
}

static void
test_cancel_measure (PageFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  GtkWidget *cancel = row_button (GTK_WIDGET (f->page), "Police escort for V-01",
                                  "Cancel Measure");
  GtkWindow *dialog;
  RowCount gone = { f, VIGIL_AGENDA_PROBLEM, VIGIL_PROTECTION_RULE_STILL_REQUESTED, 0 };

  g_assert_nonnull (cancel);
  vigil_test_input_click (cancel);
  g_assert_true (vigil_test_wait_until (window_of_type,
                                        GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 2000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "keep");
  vigil_test_input_focus_window (dialog);
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (dialog), "protection-cancel-measure");
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Cancel Measure"));
  g_assert_true (vigil_test_wait_until (rows_are, &gone, 2000));
  measures = vigil_store_list_protection_measures (f->store.store, vigil_case_get_id (f->kase),
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilProtectionData *) measures->pdata[0])->status, ==, "cancelled");
}

static gboolean
is_unlocked (gpointer window)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (window));
}

/* A reminder clicked while the vault is locked: nothing shows before the
 * passphrase, and the agenda right after it. */
static void
test_reminder_after_unlock (void)
{
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "vault.vigil", NULL);
  VigilWindow *window = vigil_window_new (NULL, path);
  VigilUnlockPage *page = vigil_window_get_unlock_page (window);
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  vigil_window_show_protection (window);
  g_assert_false (vigil_window_get_showing_protection (window));
  vigil_unlock_page_set_kdf_level (page, VIGIL_KDF_INTERACTIVE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), VIGIL_TEST_PASSPHRASE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Confirm Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), VIGIL_TEST_PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, window, 60000));
  vigil_test_answer_monitor ("Support worker");
  g_assert_true (vigil_window_get_showing_protection (window));
  vigil_test_screenshot (GTK_WIDGET (window), "protection-after-unlock");
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/protection/page/agenda", PageFixture, NULL, page_set_up, test_agenda,
              page_tear_down);
  g_test_add ("/protection/page/add-measure", PageFixture, NULL, page_set_up, test_add_measure,
              page_tear_down);
  g_test_add ("/protection/page/risk-assessment", PageFixture, NULL, page_set_up,
              test_risk_assessment, page_tear_down);
  g_test_add ("/protection/page/cancel-measure", PageFixture, NULL, page_set_up,
              test_cancel_measure, page_tear_down);
  g_test_add_func ("/protection/page/reminder-after-unlock", test_reminder_after_unlock);
  return g_test_run ();
}
