/* test-protection-editors.c: moving a hearing in its editor with real keys
 * shows, before the save, which protection measures the move breaks; the
 * move is then read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-hearing-editor.h"
#include "vigil-person-editor.h"
#include "vigil-protection-load.h"
#include "vigil-store-hearing-moves.h"
#include "vigil-store-protection.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  Fixture       store;
  VigilCase    *kase;
  VigilPerson  *person;
  VigilHearing *hearing;
  char         *escort_id;
  GtkWindow    *window;
} MoveFixture;

static void
move_set_up (MoveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) day = g_date_time_add_days (now, 10);
  g_autoptr (GDateTime) nine = g_date_time_new_local (g_date_time_get_year (day),
                                                      g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 9, 0,
                                                      0);
  g_autoptr (VigilProtectionData) escort = vigil_protection_data_new ();

  fixture_set_up (&f->store, data);
  f->kase = add_case (&f->store, "K 5/2026");
  f->person = add_person (&f->store, f->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  f->hearing = add_hearing (&f->store, f->kase, 10, VIGIL_HEARING_STATUS_SCHEDULED);
  vigil_hearing_set_starts_at (f->hearing, nine);
  g_assert_true (vigil_store_save_hearing (f->store.store, f->hearing, &error));
  g_assert_no_error (error);

  /* The escort is booked from 08:00 to 12:00 around the 09:00 hearing. */
  escort->case_id = g_strdup (vigil_case_get_id (f->kase));
  escort->person_id = g_strdup (vigil_person_get_id (f->person));
  escort->hearing_id = g_strdup (vigil_hearing_get_id (f->hearing));
  escort->kind = g_strdup ("police_escort");
  escort->status = g_strdup ("confirmed");
  escort->starts_at = g_date_time_add_hours (nine, -1);
  escort->ends_at = g_date_time_add_hours (nine, 3);
  escort->responsible = g_strdup ("Escort team 3");
  g_assert_true (vigil_store_add_protection_measure (f->store.store, escort, &error));
  g_assert_no_error (error);
  f->escort_id = g_strdup (escort->id);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 900, 800);
  gtk_window_present (f->window);
}

static void
move_tear_down (MoveFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (50);
  g_free (f->escort_id);
  g_clear_object (&f->hearing);
  g_clear_object (&f->person);
  g_clear_object (&f->kase);
  fixture_tear_down (&f->store, data);
}

static GtkWidget *
first_of_type (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = first_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
warning_shown (gpointer editor)
{
  return vigil_hearing_editor_get_move_warning (editor) != NULL;
}

static gboolean
warning_gone (gpointer editor)
{
  return vigil_hearing_editor_get_move_warning (editor) == NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static void
test_move_warning (MoveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilHearing) stored = NULL;
  g_autoptr (GPtrArray) moves = NULL;
  g_autoptr (VigilProtectionCaseData) reloaded = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local = NULL;
  GtkWindow *editor = GTK_WINDOW (vigil_hearing_editor_new (f->window, f->store.store,
                                                            vigil_case_get_id (f->kase),
                                                            f->hearing));
  GtkWidget *hour;
  VigilProtectionSettings settings;
  guint window_missed = 0;
  gint64 before;

  gtk_window_present (editor);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  g_assert_null (vigil_hearing_editor_get_move_warning (VIGIL_HEARING_EDITOR (editor)));

  /* 10:00 is still inside the escort's booking: nothing to say. */
  hour = first_of_type (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON);
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:10");
  vigil_test_input_keys (editor, "Tab");
  vigil_test_run_for (300);
  g_assert_null (vigil_hearing_editor_get_move_warning (VIGIL_HEARING_EDITOR (editor)));

  /* 14:00 is not: the warning says so within a second, before any save. */
  before = g_get_monotonic_time ();
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:14");
  vigil_test_input_keys (editor, "Tab");
  g_assert_true (vigil_test_wait_until (warning_shown, editor, 1000));
  g_test_message ("warning after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - before) / 1000);
  g_assert_nonnull (strstr (vigil_hearing_editor_get_move_warning (VIGIL_HEARING_EDITOR (editor)),
                            "Police escort for V-01"));
  g_assert_null (strstr (vigil_hearing_editor_get_move_warning (VIGIL_HEARING_EDITOR (editor)),
                         "Escort team"));
  stored = vigil_store_get_hearing (f->store.store, vigil_hearing_get_id (f->hearing), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_hearing_get_version (stored), ==, vigil_hearing_get_version (f->hearing));
  vigil_test_screenshot (GTK_WIDGET (editor), "protection-move-warning");

  /* Back to nine, and it goes; then to 14:00 again, and save. */
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:09");
  vigil_test_input_keys (editor, "Tab");
  g_assert_true (vigil_test_wait_until (warning_gone, editor, 1000));
  vigil_test_input_click (hour);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:14");
  vigil_test_input_keys (editor, "Tab");
  g_assert_true (vigil_test_wait_until (warning_shown, editor, 1000));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));

  /* In the vault: the new time, the old one kept, and the escort's window
   * a problem. */
  g_clear_object (&stored);
  stored = vigil_store_get_hearing (f->store.store, vigil_hearing_get_id (f->hearing), &error);
  g_assert_no_error (error);
  local = g_date_time_to_local (vigil_hearing_get_starts_at (stored));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 14);
  moves = vigil_store_list_hearing_moves (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  /* The set-up moved it to 09:00 once already. */
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_true (g_date_time_equal (((VigilHearingMove *) moves->pdata[1])->new_starts_at,
                                    vigil_hearing_get_starts_at (stored)));
  g_assert_true (g_date_time_equal (((VigilHearingMove *) moves->pdata[1])->old_starts_at,
                                    vigil_hearing_get_starts_at (f->hearing)));
  reloaded = vigil_protection_load_case (f->store.store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  vigil_protection_settings_init (&settings, now);
  problems = vigil_protection_check (&reloaded, 1, NULL, &settings);
  for (guint i = 0; i < problems->len; i++)
    {
      VigilProtectionProblem *p = g_ptr_array_index (problems, i);

      if (g_str_equal (p->rule, VIGIL_PROTECTION_RULE_WINDOW_MISSED))
        {
          window_missed++;
          g_assert_cmpstr (p->measure_id, ==, f->escort_id);
        }
    }
  g_assert_cmpuint (window_missed, ==, 1);
}

/* The day a victim was identified, typed in the person editor: a day
 * that is none is refused at its field, a good one saved. */
static void
test_identified_on (MoveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) stored = NULL;
  GtkWindow *editor = GTK_WINDOW (vigil_person_editor_new (f->window, f->store.store,
                                                           vigil_case_get_id (f->kase), f->person,
                                                           NULL));
  GtkWidget *row;

  gtk_window_present (editor);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  row = vigil_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                "Identified as a Victim on (YYYY-MM-DD)");
  g_assert_nonnull (row);
  vigil_test_input_click (row);
  vigil_test_input_keys (editor, "type:2026-02-30");
  vigil_test_input_keys (editor, "ctrl+s");
  vigil_test_run_for (300);
  g_assert_nonnull (vigil_person_editor_get_message (VIGIL_PERSON_EDITOR (editor)));
  g_assert_nonnull (strstr (vigil_person_editor_get_message (VIGIL_PERSON_EDITOR (editor)),
                            "not a day"));
  vigil_test_screenshot (GTK_WIDGET (editor), "protection-person-identified");
  vigil_test_input_click (row);
  vigil_test_input_keys (editor, "ctrl+a");
  vigil_test_input_keys (editor, "type:2026-01-15");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_keys (editor, "ctrl+s");
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 2000));
  stored = vigil_store_get_person (f->store.store, vigil_person_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_person_get_identified_on (stored), ==, "2026-01-15");
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/protection/editors/move-warning", MoveFixture, NULL, move_set_up,
              test_move_warning, move_tear_down);
  g_test_add ("/protection/editors/identified-on", MoveFixture, NULL, move_set_up,
              test_identified_on, move_tear_down);
  return g_test_run ();
}
