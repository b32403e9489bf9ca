/* test-observations.c: hearing facts, live observations and assessments
 *
 * Against a real vault file: every save has its version and audit entry,
 * sealed text (notes, interpreter languages, reasons) never appears in the
 * file's bytes, the live calls create what they need and refuse what the
 * catalogue does not know, and the grade follows the documented rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-audit.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-assessments.h"
#include "vigil-store-observation-notes.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

#define NOTE_TEXT "Defence counsel shouted at the witness about the flat on Str. Zorilor"
#define REASON_TEXT "The judge stopped the questioning at once; the harm was limited"

static VigilCatalogue *
catalogue (void)
{
  return vigil_catalogue_get_default ();
}

/* How many audit entries record @action on @kind @id at @version. */
static gint64
audit_count (Fixture *f, const char *action, const char *kind, const char *id, gint64 version)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'"
                                          " AND record_kind = '%s' AND record_id = '%s'"
                                          " AND record_version = %" G_GINT64_FORMAT,
                                          action, kind, id, version);

  return count (f, sql);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  vigil_vault_lock (f->vault);
  g_clear_object (&f->vault);
  f->vault = vigil_vault_open (f->path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  f->store = vigil_store_new (f->vault);
}

static void
test_hearing_facts_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 10/2025");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilPerson) defendant = add_person (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -3, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilHearing) loaded = NULL;
  const char *languages[] = { "Tigrinya", "en", NULL };
  const VigilAttendee *attendee;
  VigilHearingFacts facts;

  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_VERDICT);
  vigil_hearing_set_media_present (hearing, TRUE);
  vigil_hearing_set_interpreter_present (hearing, TRUE);
  vigil_hearing_set_interpreter_languages (hearing, languages);
  vigil_hearing_set_foreign_victim (hearing, TRUE);
  vigil_hearing_set_interpretation_needed (hearing, TRUE);
  vigil_hearing_set_compensation_route_open (hearing, TRUE);
  vigil_hearing_set_outcome (hearing, VIGIL_CASE_OUTCOME_CONVICTION);
  vigil_hearing_set_convicted_charge (hearing, "Trafficking in human beings");
  vigil_hearing_add_attendee (hearing, victim, TRUE);
  vigil_hearing_add_attendee (hearing, defendant, FALSE);
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_hearing_get_version (hearing), ==, 2);
  g_assert_cmpint (audit_count (f, "update", "hearing", vigil_hearing_get_id (hearing), 2), ==, 1);

  reopen (f);
  loaded = vigil_store_get_hearing (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_true (vigil_hearing_get_media_present (loaded));
  g_assert_true (vigil_hearing_get_interpreter_present (loaded));
  g_assert_cmpstrv (vigil_hearing_get_interpreter_languages (loaded), languages);
  g_assert_true (vigil_hearing_get_foreign_victim (loaded));
  g_assert_true (vigil_hearing_get_interpretation_needed (loaded));
  g_assert_true (vigil_hearing_get_compensation_route_open (loaded));
  g_assert_false (vigil_hearing_get_victim_prosecuted (loaded));
  g_assert_cmpint (vigil_hearing_get_outcome (loaded), ==, VIGIL_CASE_OUTCOME_CONVICTION);
  g_assert_cmpstr (vigil_hearing_get_convicted_charge (loaded), ==,
                   "Trafficking in human beings");
  g_assert_cmpuint (vigil_hearing_get_n_attendees (loaded), ==, 2);
  attendee = vigil_hearing_get_attendee (loaded, 0);
  g_assert_cmpstr (attendee->pseudonym, ==, "D-01");
  g_assert_cmpint (attendee->role, ==, VIGIL_PERSON_ROLE_DEFENDANT);
  g_assert_false (attendee->testified);
  attendee = vigil_hearing_find_attendee (loaded, vigil_person_get_id (victim));
  g_assert_cmpstr (attendee->pseudonym, ==, "V-01");
  g_assert_true (attendee->testified);

  vigil_hearing_get_facts (loaded, &facts);
  g_assert_cmpuint (facts.victims_testified, ==, 1);
  g_assert_cmpuint (facts.defendants_present, ==, 1);
  g_assert_true (vigil_hearing_facts_holds (&facts, VIGIL_CONDITION_CONVICTION));
  g_assert_true (vigil_standard_applies_to (vigil_catalogue_lookup (catalogue (),
                                                                    "compensation-decided"),
                                            &facts));

  /* Languages hint at a victim's origin: sealed. */
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Tigrinya"));

  /* Removing an attendee removes their row on the next save. */
  g_assert_true (vigil_hearing_remove_attendee (loaded, vigil_person_get_id (defendant)));
  g_assert_false (vigil_hearing_remove_attendee (loaded, vigil_person_get_id (defendant)));
  g_assert_true (vigil_store_save_hearing (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM hearing_attendance"), ==, 1);
  assert_check_ok (f);
}

static void
test_hearing_facts_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilCase) kase = add_case (f, "K 11/2025");
  g_autoptr (VigilCase) other = add_case (f, "K 12/2025");
  g_autoptr (VigilPerson) stranger = add_person (f, other, "V-09", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  const char *blank[] = { "  ", NULL };
  const char *fine[] = { "ro", NULL };
  g_autoptr (GError) error = NULL;

  /* Adjourned without a date, but held. */
  vigil_hearing_set_adjourned_sine_die (hearing, TRUE);
  g_assert_false (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  vigil_hearing_set_adjourned_sine_die (hearing, FALSE);

  /* An outcome on a main hearing, and a dropped "verdict". */
  vigil_hearing_set_outcome (hearing, VIGIL_CASE_OUTCOME_ACQUITTAL);
  g_assert_false (vigil_hearing_validate (hearing, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_VERDICT);
  vigil_hearing_set_outcome (hearing, VIGIL_CASE_OUTCOME_DROPPED);
  g_assert_false (vigil_hearing_validate (hearing, &error));
  g_clear_error (&error);

  /* A convicted charge without a conviction. */
  vigil_hearing_set_outcome (hearing, VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE);
  vigil_hearing_set_convicted_charge (hearing, "Pimping");
  g_assert_false (vigil_hearing_validate (hearing, &error));
  g_clear_error (&error);
  vigil_hearing_set_convicted_charge (hearing, NULL);
  g_assert_true (vigil_hearing_validate (hearing, &error));
  g_assert_no_error (error);

  /* Languages without an interpreter; a blank language. */
  vigil_hearing_set_interpreter_languages (hearing, fine);
  g_assert_false (vigil_hearing_validate (hearing, &error));
  g_clear_error (&error);
  vigil_hearing_set_interpreter_present (hearing, TRUE);
  vigil_hearing_set_interpreter_languages (hearing, blank);
  g_assert_false (vigil_hearing_validate (hearing, &error));
  g_clear_error (&error);
  vigil_hearing_set_interpreter_languages (hearing, fine);

  /* A person of another case cannot attend; nothing of the save lands. */
  {
    VigilAttendee intruder = {
      .person_id = (char *) vigil_person_get_id (stranger),
      .pseudonym = (char *) "V-09",
      .role = VIGIL_PERSON_ROLE_VICTIM,
    };

    vigil_hearing_set_attendee (hearing, &intruder);
    g_assert_false (vigil_store_save_hearing (f->store, hearing, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "V-09"));
    g_clear_error (&error);
    g_assert_cmpint (vigil_hearing_get_version (hearing), ==, 1);
    g_assert_cmpint (count (f, "SELECT count(*) FROM hearing_attendance"), ==, 0);
    g_assert_cmpint (count (f, "SELECT version FROM hearings"), ==, 1);
  }
  assert_check_ok (f);
}

/* Erasing a person takes them out of every hearing's attendance. */
static void
test_attendance_follows_erase (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 13/2025");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilHearing) loaded = NULL;

  vigil_hearing_add_attendee (hearing, victim, TRUE);
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_true (vigil_store_erase_person (f->store, vigil_person_get_id (victim), NULL, &error));
  g_assert_no_error (error);
  loaded = vigil_store_get_hearing (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_hearing_get_n_attendees (loaded), ==, 0);
  assert_check_ok (f);
}

/* F6: erasing a person replaces, in the case's own texts (sealed under the
 * case's key, which survives), every place that names them by their
 * pseudonym; each changed record is a new version with its audit entry,
 * and what names nobody else is left as it was. */
static void
test_erase_scrubs_case_texts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 14/2025");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) witness = add_person (f, kase, "W-01", VIGIL_PERSON_ROLE_WITNESS);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilIdentity) identity = make_identity ("Mirela Constantinescu", "+40 744 123 456",
                                                      "Strada Florilor 3, Iași");
  g_autoptr (VigilIdentity) other = make_identity ("Dan Ionescu", NULL, NULL);
  g_autoptr (VigilCase) case_back = NULL;
  g_autoptr (VigilHearing) hearing_back = NULL;
  g_autoptr (GPtrArray) observations = NULL;
  g_autofree char *note_id = NULL;
  VigilObservationData *obs;
  VigilObservationNote *entry;
  guint n_texts = 0;

  g_assert_true (vigil_store_save_identity (f->store, victim, identity, &error));
  g_assert_true (vigil_store_save_identity (f->store, witness, other, &error));
  g_assert_no_error (error);
  vigil_case_set_notes (kase, "Mirela lives at strada florilor 3, Iasi; Dan Ionescu knows her.");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  vigil_hearing_set_notes (hearing, "CONSTANTINESCU testified behind a screen.");
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);
  note_id = vigil_store_append_observation_note (f->store, catalogue (), vigil_hearing_get_id (hearing),
                                                 "no-repeated-testimony", NULL,
                                                 "Asked Mirela Constantinescu (0744 123 456) "
                                                 "the same question three times.",
                                                 &error);
  g_assert_no_error (error);

  g_assert_true (vigil_store_erase_person (f->store, vigil_person_get_id (victim), &n_texts,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_texts, ==, 3);

  case_back = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_case_get_notes (case_back), ==, "V-01 lives at V-01; Dan Ionescu knows her.");
  g_assert_cmpint (vigil_case_get_version (case_back), ==, vigil_case_get_version (kase) + 1);
  hearing_back = vigil_store_get_hearing (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_hearing_get_notes (hearing_back), ==, "V-01 testified behind a screen.");
  observations = vigil_store_list_observations (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (observations->len, ==, 1);
  obs = g_ptr_array_index (observations, 0);
  g_assert_cmpuint (obs->entries->len, ==, 1);
  entry = g_ptr_array_index (obs->entries, 0);
  g_assert_cmpstr (entry->text, ==, "Asked V-01 (V-01) the same question three times.");
  g_assert_cmpint (entry->version, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'update'"
                             " AND record_kind = 'observation_note'"),
                   ==, 1);
  assert_check_ok (f);
}

static void
test_set_status (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 20/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  const char *hid = vigil_hearing_get_id (hearing);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GPtrArray) list = NULL;
  VigilObservationData *obs;

  first = vigil_store_set_observation_status (f->store, catalogue (), hid, "interpreter-provided",
                                              VIGIL_OBSERVATION_STATUS_RESPECTED, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_uuid_is_valid (first));
  g_assert_cmpint (audit_count (f, "create", "observation", first, 1), ==, 1);

  /* The same standard again: the same observation, next version. */
  second = vigil_store_set_observation_status (f->store, catalogue (), hid,
                                               "interpreter-provided",
                                               VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "grave",
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpint (audit_count (f, "update", "observation", first, 2), ==, 1);

  list = vigil_store_list_observations (f->store, hid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  obs = g_ptr_array_index (list, 0);
  g_assert_cmpint (obs->version, ==, 2);
  g_assert_cmpstr (obs->status, ==, "not_respected");
  g_assert_cmpstr (obs->severity, ==, "grave");
  g_assert_cmpstr (obs->catalogue_version, ==, vigil_catalogue_get_version (catalogue ()));
  g_assert_cmpstr (obs->monitor, ==, vigil_vault_get_actor (f->vault));
  g_assert_cmpuint (f->changed->len, >=, 2);

  /* What the catalogue does not know, or a severity on a respected standard. */
  g_assert_null (vigil_store_set_observation_status (f->store, catalogue (), hid,
                                                     "interpreter-provide",
                                                     VIGIL_OBSERVATION_STATUS_RESPECTED, NULL,
                                                     &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "interpreter-provide"));
  g_clear_error (&error);
  g_assert_null (vigil_store_set_observation_status (f->store, catalogue (), hid,
                                                     "interpreter-provided",
                                                     VIGIL_OBSERVATION_STATUS_RESPECTED, "minor",
                                                     &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vigil_store_set_observation_status (f->store, catalogue (), hid,
                                                     "interpreter-provided",
                                                     VIGIL_OBSERVATION_STATUS_NOT_RESPECTED,
                                                     "dreadful", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vigil_store_set_observation_status (f->store, catalogue (),
                                                     "00000000-0000-4000-8000-000000000000",
                                                     "interpreter-provided",
                                                     VIGIL_OBSERVATION_STATUS_RESPECTED, NULL,
                                                     &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* None of the refused calls wrote anything. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM observations"), ==, 1);
  g_assert_cmpint (count (f, "SELECT max(version) FROM observations"), ==, 2);
  assert_check_ok (f);
}

/* An observation imported with a single sealed note keeps it through the
 * live updates, re-sealed for each new version. */
static void
test_status_carries_old_notes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 21/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilObservationData) data_in = vigil_observation_data_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *id = NULL;

  data_in->case_id = g_strdup (vigil_case_get_id (kase));
  data_in->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  data_in->standard_id = g_strdup ("separate-waiting-room");
  data_in->status = g_strdup ("respected");
  data_in->catalogue_version = g_strdup ("1");
  data_in->notes = g_strdup ("Waited in the witness room on the second floor");
  g_assert_true (vigil_store_add_observation (f->store, data_in, &error));
  g_assert_no_error (error);

  id = vigil_store_set_observation_status (f->store, catalogue (), vigil_hearing_get_id (hearing),
                                           "separate-waiting-room",
                                           VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED, "minor",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, data_in->id);
  list = vigil_store_list_observations (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilObservationData *) g_ptr_array_index (list, 0))->notes, ==,
                   "Waited in the witness room on the second floor");
  assert_check_ok (f);
}

/* Undoing a first status: an observation with nothing else in it goes,
 * audited; one with a note keeps it as "could not be observed". */
static void
test_clear_status (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 22/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  const char *hid = vigil_hearing_get_id (hearing);
  g_autofree char *bare = NULL;
  g_autofree char *noted = NULL;
  g_autofree char *note = NULL;
  g_autoptr (GPtrArray) list = NULL;
  VigilObservationData *obs;

  bare = vigil_store_set_observation_status (f->store, catalogue (), hid, "interpreter-provided",
                                             VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "grave",
                                             &error);
  g_assert_no_error (error);
  noted = vigil_store_set_observation_status (f->store, catalogue (), hid, "risk-assessment",
                                              VIGIL_OBSERVATION_STATUS_RESPECTED, NULL, &error);
  g_assert_no_error (error);
  note = vigil_store_append_observation_note (f->store, catalogue (), hid, "risk-assessment",
                                              NULL, NOTE_TEXT, &error);
  g_assert_no_error (error);

  g_assert_true (vigil_store_clear_observation_status (f->store, catalogue (), hid,
                                                       "interpreter-provided", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "delete", "observation", bare, 1), ==, 1);
  g_assert_true (vigil_store_clear_observation_status (f->store, catalogue (), hid,
                                                       "risk-assessment", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "update", "observation", noted, 2), ==, 1);
  /* Nothing recorded: nothing to do. */
  g_assert_true (vigil_store_clear_observation_status (f->store, catalogue (), hid,
                                                       "separate-waiting-room", &error));
  g_assert_no_error (error);

  list = vigil_store_list_observations (f->store, hid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  obs = g_ptr_array_index (list, 0);
  g_assert_cmpstr (obs->id, ==, noted);
  g_assert_cmpstr (obs->status, ==, "not_observed");
  g_assert_null (obs->severity);
  g_assert_cmpuint (obs->entries->len, ==, 1);
  g_assert_cmpstr (((VigilObservationNote *) g_ptr_array_index (obs->entries, 0))->text, ==,
                   NOTE_TEXT);
  assert_check_ok (f);
}

static void
test_append_note (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 30/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  const char *hid = vigil_hearing_get_id (hearing);
  g_autoptr (GDateTime) at = g_date_time_new_utc (2025, 3, 4, 9, 15, 0);
  g_autoptr (GDateTime) later = g_date_time_new_utc (2025, 3, 4, 9, 40, 0);
  g_autoptr (GDateTime) future = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *obs_id = NULL;
  VigilObservationData *obs;
  VigilObservationNote *note;

  /* The later note first: they come back by the time they were written. */
  second = vigil_store_append_observation_note (f->store, catalogue (), hid,
                                                "no-repeated-testimony", later, "Asked again",
                                                &error);
  g_assert_no_error (error);
  first = vigil_store_append_observation_note (f->store, catalogue (), hid,
                                               "no-repeated-testimony", at, NOTE_TEXT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "create", "observation_note", first, 1), ==, 1);
  g_assert_cmpint (audit_count (f, "create", "observation_note", second, 1), ==, 1);

  /* The first note made the observation, status not set yet. */
  list = vigil_store_list_observations (f->store, hid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  obs = g_ptr_array_index (list, 0);
  g_assert_cmpstr (obs->status, ==, "not_observed");
  g_assert_cmpint (obs->version, ==, 1);
  g_assert_cmpuint (obs->entries->len, ==, 2);
  note = g_ptr_array_index (obs->entries, 0);
  g_assert_cmpstr (note->id, ==, first);
  g_assert_cmpstr (note->text, ==, NOTE_TEXT);
  g_assert_true (g_date_time_equal (note->noted_at, at));
  g_assert_cmpstr (note->monitor, ==, vigil_vault_get_actor (f->vault));

  /* Setting the status afterwards keeps the notes. */
  obs_id = vigil_store_set_observation_status (f->store, catalogue (), hid,
                                               "no-repeated-testimony",
                                               VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "serious",
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (obs_id, ==, obs->id);
  notes = vigil_store_list_observation_notes (f->store, obs_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((VigilObservationNote *) g_ptr_array_index (notes, 1))->text, ==,
                   "Asked again");

  /* Nothing empty, from the future, or for an unknown standard. */
  g_assert_null (vigil_store_append_observation_note (f->store, catalogue (), hid,
                                                      "no-repeated-testimony", NULL, " \n ",
                                                      &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

    future = g_date_time_add_days (now, 3);
  }
  g_assert_null (vigil_store_append_observation_note (f->store, catalogue (), hid,
                                                      "no-repeated-testimony", future, "Later",
                                                      &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vigil_store_append_observation_note (f->store, catalogue (), hid, "gossip",
                                                      NULL, "Something", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM observation_notes"), ==, 2);

  /* Sealed: not in the file, nor in its WAL. */
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Str. Zorilor"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Asked again"));

  /* Still there after the vault was locked and opened again. */
  reopen (f);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = vigil_store_list_observation_notes (f->store, obs_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  assert_check_ok (f);

  /* Erasing the case shreds the notes with it. */
  g_assert_true (vigil_store_erase_case (f->store, vigil_case_get_id (kase), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM observation_notes"), ==, 0);
}

static void
test_grade_rule (void)
{
  struct
  {
    const char *observations; /* status[:severity] separated by spaces */
    guint       score;
    VigilGrade  grade;
  } cases[] = {
    { "", 0, VIGIL_GRADE_NOT_ASSESSED },
    { "not_applicable not_observed", 0, VIGIL_GRADE_NOT_ASSESSED },
    { "respected", 0, VIGIL_GRADE_ADEQUATE },
    { "respected respected not_applicable", 0, VIGIL_GRADE_ADEQUATE },
    { "partly_respected:minor", 1, VIGIL_GRADE_MINOR_SHORTCOMINGS },
    { "not_respected:minor", 2, VIGIL_GRADE_MINOR_SHORTCOMINGS },
    { "not_respected:minor not_respected:minor partly_respected:minor", 5,
      VIGIL_GRADE_MINOR_SHORTCOMINGS },
    { "not_respected:minor not_respected:minor not_respected:minor", 6,
      VIGIL_GRADE_SERIOUS_SHORTCOMINGS },
    { "partly_respected:serious", 3, VIGIL_GRADE_MINOR_SHORTCOMINGS },
    { "partly_respected:serious partly_respected:serious", 6, VIGIL_GRADE_SERIOUS_SHORTCOMINGS },
    { "not_respected:serious", 6, VIGIL_GRADE_SERIOUS_SHORTCOMINGS },
    /* A failure nobody weighed counts as serious. */
    { "not_respected", 6, VIGIL_GRADE_SERIOUS_SHORTCOMINGS },
    { "partly_respected", 3, VIGIL_GRADE_MINOR_SHORTCOMINGS },
    { "partly_respected:grave", 9, VIGIL_GRADE_GRAVE_SHORTCOMINGS },
    { "not_respected:grave respected respected", 18, VIGIL_GRADE_GRAVE_SHORTCOMINGS },
    { "not_respected:serious not_respected:serious not_respected:serious", 18,
      VIGIL_GRADE_GRAVE_SHORTCOMINGS },
    { "not_respected:serious not_respected:serious partly_respected:serious "
      "partly_respected:minor partly_respected:minor",
      17, VIGIL_GRADE_SERIOUS_SHORTCOMINGS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) items = g_strsplit (cases[i].observations, " ", -1);
      VigilGradeTally tally = { 0 };

      for (guint j = 0; items[j] != NULL; j++)
        {
          g_auto (GStrv) parts = NULL;
          int status;

          if (items[j][0] == '\0')
            continue;
          parts = g_strsplit (items[j], ":", 2);
          g_assert_true (vigil_enum_from_nick (VIGIL_TYPE_OBSERVATION_STATUS, parts[0], &status));
          g_assert_true (vigil_grade_tally_add (&tally, status, parts[1]));
        }
      g_test_message ("“%s”: score %u", cases[i].observations, tally.score);
      g_assert_cmpuint (tally.score, ==, cases[i].score);
      g_assert_cmpint (vigil_grade_suggest (&tally), ==, cases[i].grade);
    }

  {
    VigilGradeTally tally = { 0 };

    g_assert_false (vigil_grade_tally_add (&tally, VIGIL_OBSERVATION_STATUS_NOT_RESPECTED,
                                           "awful"));
    g_assert_cmpuint (vigil_grade_tally_assessed (&tally), ==, 0);
  }
}

static void
test_assessment (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 40/2025");
  g_autoptr (VigilCase) other = add_case (f, "K 41/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -2, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilHearing) second = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilAssessmentData) decided = NULL;
  g_autoptr (VigilAssessmentData) again = NULL;
  g_autoptr (VigilAssessmentData) whole = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  VigilGradeTally tally;
  const char *hid = vigil_hearing_get_id (hearing);
  const char *cid = vigil_case_get_id (kase);

  /* Nothing decided yet: no record, no error. */
  g_assert_null (vigil_store_get_assessment (f->store, cid, hid, &error));
  g_assert_no_error (error);

  a = vigil_store_set_observation_status (f->store, catalogue (), hid, "separate-waiting-room",
                                          VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "serious",
                                          &error);
  b = vigil_store_set_observation_status (f->store, catalogue (), hid, "interpreter-provided",
                                          VIGIL_OBSERVATION_STATUS_RESPECTED, NULL, &error);
  c = vigil_store_set_observation_status (f->store, catalogue (), vigil_hearing_get_id (second),
                                          "identity-not-disclosed",
                                          VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "serious",
                                          &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_tally_observations (f->store, cid, hid, &tally, &error));
  g_assert_cmpuint (tally.score, ==, 6);
  g_assert_cmpuint (tally.respected, ==, 1);
  g_assert_cmpint (vigil_grade_suggest (&tally), ==, VIGIL_GRADE_SERIOUS_SHORTCOMINGS);

  /* An override needs a reason; without one nothing is written. */
  g_assert_null (vigil_store_decide_assessment (f->store, catalogue (), cid, hid,
                                                VIGIL_GRADE_MINOR_SHORTCOMINGS, "   ", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM assessments"), ==, 0);

  /* Confirming the suggestion needs none. */
  decided = vigil_store_decide_assessment (f->store, catalogue (), cid, hid,
                                           VIGIL_GRADE_SERIOUS_SHORTCOMINGS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (decided->version, ==, 1);
  g_assert_cmpint (decided->suggested, ==, VIGIL_GRADE_SERIOUS_SHORTCOMINGS);
  g_assert_false (vigil_assessment_data_is_override (decided));
  g_assert_null (decided->reason);
  g_assert_cmpstr (decided->hearing_id, ==, hid);
  g_assert_cmpint (audit_count (f, "create", "assessment", decided->id, 1), ==, 1);

  /* Overriding it, with a reason: same record, next version. */
  again = vigil_store_decide_assessment (f->store, catalogue (), cid, hid,
                                         VIGIL_GRADE_MINOR_SHORTCOMINGS, REASON_TEXT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, decided->id);
  g_assert_cmpint (again->version, ==, 2);
  g_assert_true (vigil_assessment_data_is_override (again));
  g_assert_cmpstr (again->reason, ==, REASON_TEXT);
  g_assert_cmpuint (again->score, ==, 6);
  g_assert_cmpstr (again->monitor, ==, vigil_vault_get_actor (f->vault));
  g_assert_cmpint (audit_count (f, "update", "assessment", again->id, 2), ==, 1);

  /* The case as a whole counts both hearings: two serious failures. */
  g_assert_true (vigil_store_tally_observations (f->store, cid, NULL, &tally, &error));
  g_assert_cmpuint (tally.score, ==, 12);
  whole = vigil_store_decide_assessment (f->store, catalogue (), cid, NULL,
                                         VIGIL_GRADE_SERIOUS_SHORTCOMINGS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (whole->hearing_id);
  g_assert_cmpstr (whole->id, !=, again->id);

  /* A hearing of another case is not this case's to assess. */
  g_assert_null (vigil_store_decide_assessment (f->store, catalogue (),
                                                vigil_case_get_id (other), hid,
                                                VIGIL_GRADE_NOT_ASSESSED, "x", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "the harm was limited"));
  reopen (f);
  {
    g_autoptr (VigilAssessmentData) read = vigil_store_get_assessment (f->store, cid, hid, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (read->reason, ==, REASON_TEXT);
    g_assert_cmpint (read->grade, ==, VIGIL_GRADE_MINOR_SHORTCOMINGS);
    g_assert_cmpint (read->suggested, ==, VIGIL_GRADE_SERIOUS_SHORTCOMINGS);
  }
  assert_check_ok (f);
}

static VigilObservationData *
observation_of (Fixture *f, const char *hearing_id, const char *standard_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = vigil_store_list_observations (f->store, hearing_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      VigilObservationData *obs = g_ptr_array_index (list, i);

      if (g_str_equal (obs->standard_id, standard_id))
        return g_ptr_array_steal_index (list, i);
    }
  g_assert_not_reached ();
}

/* Who the monitor is: a name kept with the key slot that unlocked the
 * vault, checked as observations check it, recorded from then on by
 * observations and the audit log, and asked of each slot on its own. */
static void
test_monitor_name (Fixture *f, gconstpointer data)
{
  static const char * const refused[] = { "", "   ", "Ana\nPopescu", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 30/2025");
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_HELD);
  const char *hid = vigil_hearing_get_id (hearing);
  g_autofree char *long_name = g_strnfill (VIGIL_MONITOR_MAX + 1, 'a');
  g_autofree char *id = NULL;
  g_autoptr (VigilObservationData) obs = NULL;
  g_autoptr (VigilVault) other = NULL;
  g_autoptr (VigilStore) other_store = NULL;

  g_assert_null (vigil_store_get_monitor (f->store));
  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_assert_false (vigil_store_set_monitor (f->store, refused[i], &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (vigil_store_set_monitor (f->store, long_name, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (vigil_store_get_monitor (f->store));

  /* Spaces around a name are not part of it. */
  g_assert_true (vigil_store_set_monitor (f->store, "  Ana Popescu ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_store_get_monitor (f->store), ==, "Ana Popescu");
  id = vigil_store_set_observation_status (f->store, catalogue (), hid, "interpreter-provided",
                                           VIGIL_OBSERVATION_STATUS_RESPECTED, NULL, &error);
  g_assert_no_error (error);
  obs = observation_of (f, hid, "interpreter-provided");
  g_assert_cmpstr (obs->monitor, ==, "Ana Popescu");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE actor = 'Ana Popescu'"
                             " AND action = 'set_monitor' AND record_kind = 'key_slot'"),
                   ==, 1);

  /* Kept with the slot: the next unlock with it is Ana again. */
  reopen (f);
  g_assert_cmpstr (vigil_store_get_monitor (f->store), ==, "Ana Popescu");
  g_assert_true (vigil_vault_add_slot (f->vault, "second", "another long passphrase",
                                       VIGIL_KDF_INTERACTIVE, NULL, &error));
  g_assert_no_error (error);

  /* Another passphrase is another person, not asked yet. */
  other = vigil_vault_open (f->path, "another long passphrase", &error);
  g_assert_no_error (error);
  other_store = vigil_store_new (other);
  g_assert_null (vigil_store_get_monitor (other_store));
  g_assert_true (vigil_store_set_monitor (other_store, "Ion Rusu", &error));
  g_assert_no_error (error);
  g_clear_pointer (&obs, vigil_observation_data_free);
  g_free (vigil_store_set_observation_status (other_store, catalogue (), hid,
                                              "interpreter-provided",
                                              VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "minor",
                                              &error));
  g_assert_no_error (error);
  reopen (f);
  obs = observation_of (f, hid, "interpreter-provided");
  g_assert_cmpstr (obs->monitor, ==, "Ion Rusu");
  g_assert_cmpstr (vigil_store_get_monitor (f->store), ==, "Ana Popescu");
  vigil_vault_lock (other);
  assert_check_ok (f);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/observations/hearing-facts-round-trip", test_hearing_facts_round_trip);
  ADD ("/observations/hearing-facts-rules", test_hearing_facts_rules);
  ADD ("/observations/attendance-follows-erase", test_attendance_follows_erase);
  ADD ("/observations/set-status", test_set_status);
  ADD ("/observations/status-carries-old-notes", test_status_carries_old_notes);
  ADD ("/observations/clear-status", test_clear_status);
  ADD ("/observations/append-note", test_append_note);
  ADD ("/observations/erase-scrubs-case-texts", test_erase_scrubs_case_texts);
  ADD ("/observations/assessment", test_assessment);
  ADD ("/observations/monitor-name", test_monitor_name);
#undef ADD
  g_test_add_func ("/observations/grade-rule", test_grade_rule);
  return g_test_run ();
}
