/* test-interchange-hearings.c: what a monitor records about hearings, in
 * the interchange format
 *
 * Facts, attendance, timestamped entries and assessments made through the
 * store (as the hearing page and the live hearing mode make them) leave in
 * an export and come back from it unchanged; every new key is checked at
 * its JSON path; a refused write leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store-assessments.h"
#include "vigil-store-observation-notes.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* A valid document with one of each new key. */
static const char valid_document[] =
  "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
  " \"reference\": \"K 9/2025\", \"court\": \"Court\", \"jurisdiction\": null,"
  " \"stage\": \"trial\", \"charges\": [\"Trafficking\"],"
  " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false},"
  "  {\"pseudonym\": \"I-01\", \"role\": \"interpreter\", \"is_child\": false}],"
  " \"hearings\": [{\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"testimony\","
  "  \"status\": \"held\", \"closed_session\": true,"
  "  \"facts\": {\"foreign_victim\": true, \"interpretation_needed\": true,"
  "   \"interpreter_present\": true, \"interpreter_languages\": [\"Tagalog\"]},"
  "  \"attendance\": [{\"person\": \"V-01\", \"testified\": true}, {\"person\": \"I-01\"}],"
  "  \"observations\": [{\"standard\": \"interpreter-provided\", \"status\": \"partly_respected\","
  "   \"severity\": \"minor\", \"notes\": null, \"entries\": [{\"noted_at\": "
  "   \"2024-03-05T10:02:00Z\", \"text\": \"Interpretation paused twice for a missing word.\"}]}],"
  "  \"assessment\": {\"grade\": \"minor_shortcomings\", \"decided_at\": \"2024-03-05T16:00:00Z\"}}],"
  " \"assessment\": {\"grade\": \"serious_shortcomings\", \"reason\": \"A pattern across the "
  "  hearings.\", \"decided_at\": \"2024-03-06T09:00:00Z\"}}]}";

static char *
export_to_string (VigilStore *store, VigilExportFlags flags, VigilInterchangeCounts *counts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vigil_interchange_export_node (store, flags, counts, &error);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_assert_no_error (error);
  json_object_remove_member (json_node_get_object (root), "exported_at");
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static VigilStore *
new_vault (Fixture *f, const char *name, VigilVault **out_vault)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  *out_vault = vigil_vault_create (path, VIGIL_TEST_PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  return vigil_store_new (*out_vault);
}

/* Made as the window makes it: facts and attendance saved with the
 * hearing, statuses and notes one entry at a time, assessments decided. */
static void
test_round_trip_live (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 17/2025");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilPerson) defendant = add_person (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilPerson) interpreter = add_person (f, kase, "I-01",
                                                    VIGIL_PERSON_ROLE_INTERPRETER);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, -3, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilHearing) later = add_hearing (f, kase, -1, VIGIL_HEARING_STATUS_ADJOURNED);
  g_autoptr (VigilAssessmentData) decided = NULL;
  g_autoptr (VigilAssessmentData) whole = NULL;
  g_autoptr (VigilIdentity) identity = make_identity ("Ilinca Dumitrescu", "+40 721 000 111",
                                                      "Strada Lunga 4, Brasov");
  g_autoptr (VigilVault) other_vault = NULL;
  g_autoptr (VigilStore) other = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pseudonymous = NULL;
  g_autofree char *monitor = NULL;
  g_autofree char *id = NULL;
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  const char *languages[] = { "Romanian", "English", NULL };
  const char *hid = vigil_hearing_get_id (hearing);
  VigilInterchangeCounts counts = { 0 };

  g_assert_true (vigil_store_save_identity (f->store, victim, identity, &error));
  g_assert_no_error (error);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_TESTIMONY);
  vigil_hearing_set_foreign_victim (hearing, TRUE);
  vigil_hearing_set_interpretation_needed (hearing, TRUE);
  vigil_hearing_set_interpreter_present (hearing, TRUE);
  vigil_hearing_set_interpreter_languages (hearing, languages);
  vigil_hearing_set_media_present (hearing, TRUE);
  vigil_hearing_add_attendee (hearing, victim, TRUE);
  vigil_hearing_add_attendee (hearing, defendant, FALSE);
  vigil_hearing_add_attendee (hearing, interpreter, FALSE);
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);
  vigil_hearing_set_adjourned_sine_die (later, TRUE);
  g_assert_true (vigil_store_save_hearing (f->store, later, &error));
  g_assert_no_error (error);

  id = vigil_store_set_observation_status (f->store, catalogue, hid, "interpreter-provided",
                                           VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, "grave",
                                           &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, g_free);
  id = vigil_store_append_observation_note (f->store, catalogue, hid, "interpreter-provided", NULL,
                                            "No interpreter for the first hour.", &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, g_free);
  /* A note that names the victim: sealed, and kept out of a pseudonymous
   * export. */
  id = vigil_store_append_observation_note (f->store, catalogue, hid, "interpreter-provided", NULL,
                                            "Dumitrescu asked twice for a break.", &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, g_free);
  /* A note before any status: the observation starts as not observed. */
  id = vigil_store_append_observation_note (f->store, catalogue, hid, "no-visual-contact", NULL,
                                            "Screen in place from the start.", &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, g_free);

  decided = vigil_store_decide_assessment (f->store, catalogue, vigil_case_get_id (kase), hid,
                                           VIGIL_GRADE_SERIOUS_SHORTCOMINGS,
                                           "The interpreter arrived in the end.", &error);
  g_assert_no_error (error);
  g_assert_true (vigil_assessment_data_is_override (decided));
  whole = vigil_store_decide_assessment (f->store, catalogue, vigil_case_get_id (kase), NULL,
                                         VIGIL_GRADE_GRAVE_SHORTCOMINGS, NULL, &error);
  g_assert_no_error (error);

  before = export_to_string (f->store, VIGIL_EXPORT_IDENTITIES, &counts);
  g_assert_cmpuint (counts.attendees, ==, 3);
  g_assert_cmpuint (counts.observations, ==, 2);
  g_assert_cmpuint (counts.observation_entries, ==, 3);
  g_assert_cmpuint (counts.assessments, ==, 2);
  g_assert_cmpuint (counts.notes_withheld, ==, 0);
  /* The monitor is the vault's actor, here and on import. */
  monitor = g_strdup_printf ("\"monitor\" : \"%s\"", vigil_vault_get_actor (f->vault));
  g_assert_nonnull (vigil_vault_get_actor (f->vault));
  g_assert_nonnull (strstr (before, monitor));
  g_assert_nonnull (strstr (before, "\"adjourned_sine_die\" : true"));
  g_assert_nonnull (strstr (before, "\"Romanian\""));

  other = new_vault (f, "other.vigil", &other_vault);
  document = vigil_interchange_load_data (before, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, other, NULL, &error));
  g_assert_no_error (error);
  after = export_to_string (other, VIGIL_EXPORT_IDENTITIES, NULL);
  g_assert_cmpstr (before, ==, after);
  /* Sealed at rest in the second vault as in the first. */
  {
    const char *other_path = vigil_vault_get_path (other_vault);

    g_assert_false (vigil_test_vault_contains (other_path, VIGIL_TEST_PASSPHRASE, "first hour"));
    g_assert_false (vigil_test_vault_contains (other_path, VIGIL_TEST_PASSPHRASE, "arrived in the end"));
    g_assert_false (vigil_test_vault_contains (other_path, VIGIL_TEST_PASSPHRASE, "Romanian"));
  }

  /* Without identities: the note naming the victim stays behind, the
   * others go. */
  pseudonymous = export_to_string (f->store, VIGIL_EXPORT_DEFAULT, &counts);
  g_assert_cmpuint (counts.notes_withheld, ==, 1);
  g_assert_cmpuint (counts.observation_entries, ==, 2);
  g_assert_null (strstr (pseudonymous, "Dumitrescu"));
  g_assert_nonnull (strstr (pseudonymous, "first hour"));
  g_assert_nonnull (strstr (pseudonymous, "arrived in the end"));
  vigil_vault_lock (other_vault);
}

/* Each new key, wrong in each way, at its own path. */
static void
test_errors (void)
{
  static const VigilTestProblem expected[] = {
    { "$.cases[0].hearings[0].facts.media_present", "expected true or false, found a text" },
    { "$.cases[0].hearings[0].facts.colour", "unknown key" },
    { "$.cases[0].hearings[0].facts.outcome", "\"convicted\" is not a" },
    { "$.cases[0].hearings[0].attendance[0].person",
      "\"V-09\" is not the pseudonym of a person of this case" },
    { "$.cases[0].hearings[0].attendance[2].person",
      "already listed at $.cases[0].hearings[0].attendance[1]" },
    { "$.cases[0].hearings[0].attendance[3].testified", "expected true or false" },
    { "$.cases[0].hearings[0].observations[0].entries[0].noted_at",
      "\"2024-02-30T10:00:00Z\" is not a date and time" },
    { "$.cases[0].hearings[0].observations[0].entries[1].noted_at", "impossible" },
    { "$.cases[0].hearings[0].observations[0].entries[2].text", "empty" },
    { "$.cases[0].hearings[0].observations[0].entries[3].text", "longer than 10000" },
    { "$.cases[0].hearings[0].observations[0].entries[4].text", "missing" },
    { "$.cases[0].hearings[0].observations[1].severity", "Severity is given" },
    { "$.cases[0].hearings[0].observations[2].monitor", "Monitor must be a name" },
    { "$.cases[0].hearings[0].assessment.grade", "\"excellent\" is not a grade" },
    { "$.cases[0].hearings[1].facts.interpreter_languages", "no interpreter was present" },
    { "$.cases[0].hearings[1].assessment.reason", "needs a written reason" },
    { "$.cases[0].hearings[2].facts.outcome", "only a verdict or an appeal" },
    { "$.cases[0].hearings[2].assessment.decided_at", "impossible" },
    { "$.cases[0].hearings[3].facts.adjourned_sine_die", "only an adjourned hearing" },
    { "$.cases[0].hearings[3].assessment.score", "-1 is not a score" },
    { "$.cases[0].hearings[4].facts.convicted_charge", "longer than 200" },
    { "$.cases[0].assessment.reason", "needs a written reason" },
  };
  g_autofree char *long_note = g_strnfill (VIGIL_OBSERVATION_NOTE_MAX + 1, 'n');
  g_autofree char *long_charge = g_strnfill (201, 'c');
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
    " \"reference\": \"K 1/2025\", \"court\": \"Court\", \"jurisdiction\": null,"
    " \"stage\": \"trial\", \"charges\": [\"Trafficking\"],"
    " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false},"
    "  {\"pseudonym\": \"D-01\", \"role\": \"defendant\", \"is_child\": false}],"
    " \"hearings\": ["
    "  {\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"main\", \"status\": \"held\","
    "   \"closed_session\": false,"
    "   \"facts\": {\"media_present\": \"yes\", \"colour\": 1, \"outcome\": \"convicted\"},"
    "   \"attendance\": [{\"person\": \"V-09\"}, {\"person\": \"V-01\", \"testified\": true},"
    "    {\"person\": \"V-01\"}, {\"person\": \"D-01\", \"testified\": \"no\"}],"
    "   \"observations\": ["
    "    {\"standard\": \"separate-waiting-room\", \"status\": \"respected\", \"notes\": null,"
    "     \"entries\": [{\"noted_at\": \"2024-02-30T10:00:00Z\", \"text\": \"a\"},"
    "      {\"noted_at\": \"1985-03-05T10:00:00Z\", \"text\": \"b\"},"
    "      {\"noted_at\": \"2024-03-05T10:00:00Z\", \"text\": \"   \"},"
    "      {\"noted_at\": \"2024-03-05T10:00:00Z\", \"text\": \"%s\"},"
    "      {\"noted_at\": \"2024-03-05T10:00:00Z\"}]},"
    "    {\"standard\": \"interpreter-provided\", \"status\": \"respected\","
    "     \"severity\": \"minor\", \"notes\": null},"
    "    {\"standard\": \"no-visual-contact\", \"status\": \"respected\", \"monitor\": \"\","
    "     \"notes\": null}],"
    "   \"assessment\": {\"grade\": \"excellent\", \"decided_at\": \"2024-03-05T16:00:00Z\"}},"
    "  {\"starts_at\": \"2024-04-05T09:30:00Z\", \"kind\": \"main\", \"status\": \"held\","
    "   \"closed_session\": false, \"facts\": {\"interpreter_languages\": [\"Romanian\"]},"
    "   \"assessment\": {\"grade\": \"grave_shortcomings\", \"suggested\": \"adequate\","
    "    \"decided_at\": \"2024-04-05T16:00:00Z\"}},"
    "  {\"starts_at\": \"2024-05-05T09:30:00Z\", \"kind\": \"main\", \"status\": \"held\","
    "   \"closed_session\": false, \"facts\": {\"outcome\": \"conviction\"},"
    "   \"assessment\": {\"grade\": \"not_assessed\", \"decided_at\": \"2099-01-01T00:00:00Z\"}},"
    "  {\"starts_at\": \"2024-06-05T09:30:00Z\", \"kind\": \"main\", \"status\": \"held\","
    "   \"closed_session\": false, \"facts\": {\"adjourned_sine_die\": true},"
    "   \"assessment\": {\"grade\": \"not_assessed\", \"score\": -1,"
    "    \"decided_at\": \"2024-06-05T16:00:00Z\"}},"
    "  {\"starts_at\": \"2024-07-05T09:30:00Z\", \"kind\": \"verdict\", \"status\": \"held\","
    "   \"closed_session\": false,"
    "   \"facts\": {\"outcome\": \"conviction\", \"convicted_charge\": \"%s\"}}],"
    " \"assessment\": {\"grade\": \"minor_shortcomings\", \"decided_at\": \"2024-07-06T10:00:00Z\"}"
    "}]}",
    long_note, long_charge);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = vigil_interchange_load_data (json, -1, &problems, &error);

  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));
  /* Notes are never quoted in messages. */
  g_assert_null (strstr (error->message, "nnnnnnnnnn"));
}

/* Old files, without any of the new keys, still load; and "facts" with
 * nothing in it is a hearing with nothing recorded. */
static void
test_old_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = vigil_interchange_load_data (
    "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
    " \"reference\": \"K 1/2025\", \"court\": \"Court\", \"jurisdiction\": null,"
    " \"stage\": \"trial\", \"charges\": [\"Trafficking\"], \"persons\": [],"
    " \"hearings\": [{\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"main\","
    "  \"closed_session\": false, \"facts\": {}, \"attendance\": [], \"assessment\": null,"
    "  \"observations\": [{\"standard\": \"no-visual-contact\", \"status\": \"respected\","
    "   \"notes\": null}]}]}]}",
    -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (vigil_interchange_get_counts (document)->observations, ==, 1);
  g_assert_cmpuint (vigil_interchange_get_counts (document)->assessments, ==, 0);
}

/* The vault refuses the last write (the case's assessment): the case, its
 * attendance, entries and the hearing's assessment go too. */
static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document =
    vigil_interchange_load_data (valid_document, -1, NULL, &error);
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  VigilCase *kase;
  g_autoptr (VigilAssessmentData) whole = NULL;
  gint64 audit_before = count (f, "SELECT count(*) FROM audit");

  g_assert_no_error (error);
  g_assert_cmpuint (vigil_interchange_get_counts (document)->observation_entries, ==, 1);
  g_assert_true (vigil_db_exec (vigil_store_get_db (f->store, NULL),
                                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.assessments"
                                " WHEN NEW.hearing_id IS NULL"
                                " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                &error));
  g_assert_no_error (error);
  g_assert_false (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "$.cases[0].assessment: "));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM hearing_attendance"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM observation_notes"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM assessments"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit_before);

  g_assert_true (vigil_db_exec (vigil_store_get_db (f->store, NULL), "DROP TRIGGER temp.refuse",
                                &error));
  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM hearing_attendance WHERE testified"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM observation_notes"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM assessments"), ==, 2);
  /* Each record written has its audit entry. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE record_kind = 'observation_note'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE record_kind = 'assessment'"), ==, 2);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "missing word"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Tagalog"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "pattern across"));

  /* The case's grade overrode what the rule suggested, with its reason. */
  cases = vigil_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  kase = g_ptr_array_index (cases, 0);
  whole = vigil_store_get_assessment (f->store, vigil_case_get_id (kase), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (whole->suggested, ==, VIGIL_GRADE_MINOR_SHORTCOMINGS);
  g_assert_cmpint (whole->grade, ==, VIGIL_GRADE_SERIOUS_SHORTCOMINGS);
  g_assert_cmpuint (whole->score, ==, 1);
  g_assert_null (whole->monitor);
  hearings = vigil_store_list_hearings (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_true (vigil_hearing_get_foreign_victim (g_ptr_array_index (hearings, 0)));
  assert_check_ok (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/interchange/hearings/round-trip-live", test_round_trip_live);
  g_test_add_func ("/interchange/hearings/errors", test_errors);
  g_test_add_func ("/interchange/hearings/old-files", test_old_files);
  ADD ("/interchange/hearings/all-or-nothing", test_all_or_nothing);

  return g_test_run ();
}
