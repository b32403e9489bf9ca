/* test-protection-store.c: risk assessments, identification dates, the
 * history of a measure's status and of a hearing's time, in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-error.h"
#include "vigil-store-hearing-moves.h"
#include "vigil-store-protection.h"
#include "vigil-store-risk-assessments.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

static VigilProtectionData *
add_measure (Fixture      *f,
             VigilPerson  *person,
             VigilHearing *hearing,
             const char   *kind)
{
  g_autoptr (GError) error = NULL;
  VigilProtectionData *data = vigil_protection_data_new ();

  data->case_id = g_strdup (vigil_person_get_case_id (person));
  data->person_id = g_strdup (vigil_person_get_id (person));
  data->hearing_id = hearing != NULL ? g_strdup (vigil_hearing_get_id (hearing)) : NULL;
  data->kind = g_strdup (kind);
  data->status = g_strdup ("requested");
  data->responsible = g_strdup ("Escort team Aurelia Mavrodin");
  g_assert_true (vigil_store_add_protection_measure (f->store, data, &error));
  g_assert_no_error (error);
  return data;
}

static void
test_transitions (void)
{
  g_assert_true (vigil_protection_status_can_change ("requested", "confirmed"));
  g_assert_true (vigil_protection_status_can_change ("requested", "cancelled"));
  g_assert_true (vigil_protection_status_can_change ("confirmed", "delivered"));
  g_assert_true (vigil_protection_status_can_change ("confirmed", "failed"));
  g_assert_true (vigil_protection_status_can_change ("confirmed", "cancelled"));
  g_assert_false (vigil_protection_status_can_change ("requested", "delivered"));
  g_assert_false (vigil_protection_status_can_change ("delivered", "failed"));
  g_assert_false (vigil_protection_status_can_change ("cancelled", "requested"));
  g_assert_false (vigil_protection_status_can_change ("failed", "confirmed"));
  g_assert_true (g_strv_contains (vigil_protection_kinds, "separate_arrival"));
  g_assert_true (g_strv_contains (vigil_protection_kinds, "debrief"));
  g_assert_true (g_strv_contains (vigil_protection_kinds, "relatives_protection"));
  g_assert_true (g_strv_contains (vigil_protection_kinds, "familiarisation_visit"));
  g_assert_true (g_strv_contains (vigil_protection_kinds, "courtroom_accompaniment"));
}

/* Each change is kept with who made it; a change the order of things
 * forbids is refused and leaves nothing. */
static void
test_status_history (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 1/2026");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, 7, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilProtectionData) measure = add_measure (f, person, hearing, "police_escort");
  g_autoptr (GPtrArray) measures = NULL;
  VigilProtectionData *read;
  VigilProtectionStatusChange *change;

  g_assert_true (vigil_store_set_monitor (f->store, "Field monitor 3", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_set_protection_status (f->store, measure->id, "delivered", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vigil_store_set_protection_status (f->store, measure->id, "confirmed", &error));
  g_assert_no_error (error);
  g_assert_true (vigil_store_set_protection_status (f->store, measure->id, "cancelled", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_set_protection_status (f->store, measure->id, "confirmed", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);

  measures = vigil_store_list_protection_measures (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_load_protection_history (f->store, vigil_case_get_id (kase),
                                                      measures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 1);
  read = g_ptr_array_index (measures, 0);
  g_assert_cmpstr (read->status, ==, "cancelled");
  g_assert_cmpint (read->version, ==, 3);
  g_assert_cmpuint (read->history->len, ==, 3);
  change = g_ptr_array_index (read->history, 0);
  g_assert_cmpstr (change->status, ==, "requested");
  change = g_ptr_array_index (read->history, 1);
  g_assert_cmpstr (change->status, ==, "confirmed");
  g_assert_cmpstr (change->monitor, ==, "Field monitor 3");
  g_assert_nonnull (change->changed_at);
  change = g_ptr_array_index (read->history, 2);
  g_assert_cmpstr (change->status, ==, "cancelled");
  g_assert_cmpint (count (f, "SELECT count(*) FROM protection_status_changes"), ==, 3);
  assert_check_ok (f);
}

/* A hearing given a new time keeps the old one; saving it unchanged
 * keeps nothing. */
static void
test_hearing_move (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 2/2026");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, 7, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (GDateTime) old = g_date_time_ref (vigil_hearing_get_starts_at (hearing));
  g_autoptr (GDateTime) later = g_date_time_add_days (old, 2);
  g_autoptr (GPtrArray) moves = NULL;
  VigilHearingMove *move;

  g_assert_true (vigil_store_set_monitor (f->store, "Support worker 1", &error));
  vigil_hearing_set_notes (hearing, "Unchanged time");
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);
  vigil_hearing_set_starts_at (hearing, later);
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);

  moves = vigil_store_list_hearing_moves (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 1);
  move = g_ptr_array_index (moves, 0);
  g_assert_cmpstr (move->hearing_id, ==, vigil_hearing_get_id (hearing));
  g_assert_cmpint (g_date_time_to_unix (move->old_starts_at), ==, g_date_time_to_unix (old));
  g_assert_cmpint (g_date_time_to_unix (move->new_starts_at), ==, g_date_time_to_unix (later));
  g_assert_cmpstr (move->monitor, ==, "Support worker 1");
  assert_check_ok (f);
}

/* Level and dates clear, assessor and factors sealed under the person's
 * key, and read back as written. */
static void
test_risk_assessment (Fixture *f, gconstpointer unused)
{
  static const char * const factors[] = { "defendant_network_threats", "child", NULL };
  static const char * const bad[] = { "bad_luck", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 3/2026");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilRiskAssessmentData) data = vigil_risk_assessment_data_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_auto (GStrv) read_factors = NULL;
  VigilRiskAssessmentData *read;

  data->case_id = g_strdup (vigil_case_get_id (kase));
  data->person_id = g_strdup (vigil_person_get_id (person));
  data->level = g_strdup ("very_high");
  data->assessed_at = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
  data->review_on = g_strdup ("2026-06-01");
  data->assessor = g_strdup ("Inspector Valentina Caragiale");
  vigil_risk_assessment_data_set_factors (data, bad);
  g_assert_false (vigil_store_add_risk_assessment (f->store, data, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  vigil_risk_assessment_data_set_factors (data, factors);
  g_assert_true (vigil_store_add_risk_assessment (f->store, data, &error));
  g_assert_no_error (error);

  list = vigil_store_list_risk_assessments (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  read = g_ptr_array_index (list, 0);
  g_assert_cmpstr (read->level, ==, "very_high");
  g_assert_cmpstr (read->review_on, ==, "2026-06-01");
  g_assert_cmpstr (read->assessor, ==, "Inspector Valentina Caragiale");
  read_factors = vigil_risk_assessment_data_get_factors (read);
  g_assert_true (g_strv_equal ((const char * const *) read_factors, factors));
  g_assert_cmpint (count (f, "SELECT count(*) FROM risk_assessments WHERE level = 'very_high'"),
                   ==, 1);
  assert_check_ok (f);
  vigil_vault_lock (f->vault);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Valentina"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "defendant_network_threats"));
}

static void
test_identified_on (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 4/2026");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) read = NULL;

  vigil_person_set_identified_on (person, "2026-02-30");
  g_assert_false (vigil_store_save_person (f->store, person, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  vigil_person_set_identified_on (person, "2026-01-15");
  g_assert_true (vigil_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  read = vigil_store_get_person (f->store, vigil_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_person_get_identified_on (read), ==, "2026-01-15");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/protection/status/transitions", test_transitions);
  g_test_add ("/protection/status/history", Fixture, NULL, fixture_set_up, test_status_history,
              fixture_tear_down);
  g_test_add ("/protection/hearing/move-kept", Fixture, NULL, fixture_set_up, test_hearing_move,
              fixture_tear_down);
  g_test_add ("/protection/risk/sealed", Fixture, NULL, fixture_set_up, test_risk_assessment,
              fixture_tear_down);
  g_test_add ("/protection/person/identified-on", Fixture, NULL, fixture_set_up,
              test_identified_on, fixture_tear_down);
  return g_test_run ();
}
