/* test-interchange.c: the JSON interchange format
 *
 * Import against a real vault in a temporary folder: every kind of problem
 * is reported at its exact JSON path, nothing is written unless everything
 * is, an export imports back into a new vault unchanged, and an export
 * without identities holds none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigil-audit.h"
#include "vigil-catalogue.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store-assessments.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"
#include "vigil-store-observation-notes.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

#define PASSPHRASE "interchange test passphrase"

typedef struct
{
  char       *dir;
  char       *path;
  VigilVault *vault;
  VigilStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
  f->vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  f->store = vigil_store_new (f->vault);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  if (f->vault != NULL)
    vigil_vault_lock (f->vault);
  g_clear_object (&f->vault);
  g_free (f->path);
  vigil_test_tmpdir_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "interchange", name, NULL);
}

static VigilInterchange *
load_fixture (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  VigilInterchange *document = vigil_interchange_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gint64
count_rows (Fixture *f, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (vigil_store_get_db (f->store, NULL), sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_check_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("check: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_true (vigil_check_report_ok (report));
}

static VigilCase *
find_case (Fixture *f, const char *reference)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    if (g_str_equal (vigil_case_get_reference (g_ptr_array_index (cases, i)), reference))
      return g_object_ref (g_ptr_array_index (cases, i));
  return NULL;
}

/* A valid document lands whole: every record, sealed field and amount. */
static void
test_import_valid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = load_fixture ("valid.json");
  const VigilInterchangeCounts *counts = vigil_interchange_get_counts (document);
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilCase) full = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  g_autoptr (GPtrArray) observations = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  g_autoptr (VigilAssessmentData) assessment = NULL;
  VigilObservationData *observation;
  VigilObservationNote *note;
  VigilHearing *hearing;
  VigilProtectionData *measure;
  VigilClaimData *claim;
  VigilClaimItemData *item;

  g_assert_cmpuint (counts->cases, ==, 2);
  g_assert_cmpuint (counts->persons, ==, 5);
  g_assert_cmpuint (counts->identities, ==, 3);
  g_assert_cmpuint (counts->consents, ==, 2);
  g_assert_cmpuint (counts->hearings, ==, 3);
  g_assert_cmpuint (counts->attendees, ==, 4);
  g_assert_cmpuint (counts->observations, ==, 3);
  g_assert_cmpuint (counts->observation_entries, ==, 3);
  g_assert_cmpuint (counts->assessments, ==, 2);
  g_assert_cmpuint (counts->protection_measures, ==, 1);
  g_assert_cmpuint (counts->claims, ==, 1);
  g_assert_cmpuint (counts->claim_items, ==, 2);

  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);

  kase = find_case (f, "K 214/2023");
  g_assert_nonnull (kase);
  /* The id of the document is kept: records from several vaults merge. */
  g_assert_cmpstr (vigil_case_get_id (kase), ==, "5f0c7a52-3d1e-4b8a-9c11-2a7e5b9d0f41");
  full = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_case_get_notes (full), ==, "Monitoring requested by the field office.");
  g_assert_cmpint (vigil_case_get_stage (full), ==, VIGIL_CASE_STAGE_TRIAL);
  g_assert_cmpstr (vigil_case_get_charges (full)[1], ==, "forced labour");

  persons = vigil_store_list_persons (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 3);
  g_assert_cmpstr (vigil_person_get_pseudonym (g_ptr_array_index (persons, 2)), ==, "V-01");
  identity = vigil_store_load_identity (f->store, g_ptr_array_index (persons, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->full_name, ==, "Zorica Vukašinović");
  g_assert_cmpstr (identity->aliases[0], ==, "Zoka");
  g_assert_cmpstr (identity->phone, ==, "+381 64 555 0192");
  consents = vigil_store_list_consents (
      f->store, vigil_person_get_id (g_ptr_array_index (persons, 2)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 2);
  g_assert_cmpstr (vigil_consent_get_shared_with (g_ptr_array_index (consents, 1)), ==,
                   "The victims' lawyers' network");
  g_assert_false (vigil_consent_is_in_force (g_ptr_array_index (consents, 1)));

  hearings = vigil_store_list_hearings (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, ==, 2);
  g_assert_cmpint (vigil_hearing_get_status (g_ptr_array_index (hearings, 1)), ==,
                   VIGIL_HEARING_STATUS_ADJOURNED);
  /* 09:00 at +02:00 is 07:00 UTC. */
  g_assert_cmpint (
      g_date_time_get_hour (vigil_hearing_get_starts_at (g_ptr_array_index (hearings, 1))), ==, 7);

  observations = vigil_store_list_observations (
    f->store, vigil_hearing_get_id (g_ptr_array_index (hearings, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (observations->len, ==, 2);
  observation = g_ptr_array_index (observations, 1);
  g_assert_cmpstr (observation->standard_id, ==, "separate-waiting-room");
  g_assert_cmpstr (observation->severity, ==, "serious");
  /* Without a catalogue version in the file, the ids are this Vigil's. */
  g_assert_cmpstr (observation->catalogue_version, ==,
                   vigil_catalogue_get_version (vigil_catalogue_get_default ()));
  g_assert_null (observation->monitor);
  g_assert_cmpuint (observation->entries->len, ==, 1);
  note = g_ptr_array_index (observation->entries, 0);
  /* 10:35 at +02:00 is 08:35 UTC. */
  g_assert_cmpint (g_date_time_get_hour (note->noted_at), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (note->noted_at), ==, 35);
  g_assert_cmpstr (note->monitor, ==, "Field monitor 2");
  g_assert_cmpstr (note->text, ==, "Radulović's relatives waited on the same bench.");
  /* The entries are in the order they were written, whoever wrote them. */
  observation = g_ptr_array_index (observations, 0);
  g_assert_cmpstr (observation->monitor, ==, "Field monitor 2");
  g_assert_cmpuint (observation->entries->len, ==, 2);
  note = g_ptr_array_index (observation->entries, 1);
  g_assert_null (note->monitor);
  g_assert_cmpint (g_date_time_get_microsecond (note->noted_at), ==, 250000);

  /* The facts and who attended. */
  hearing = g_ptr_array_index (hearings, 0);
  g_assert_true (vigil_hearing_get_media_present (hearing));
  g_assert_true (vigil_hearing_get_interpreter_present (hearing));
  g_assert_cmpstr (vigil_hearing_get_interpreter_languages (hearing)[1], ==, "Serbian");
  g_assert_true (vigil_hearing_get_interpretation_needed (hearing));
  g_assert_true (vigil_hearing_get_compensation_route_open (hearing));
  g_assert_false (vigil_hearing_get_foreign_victim (hearing));
  g_assert_cmpuint (vigil_hearing_get_n_attendees (hearing), ==, 3);
  g_assert_cmpstr (vigil_hearing_get_attendee (hearing, 0)->pseudonym, ==, "D-01");
  g_assert_cmpint (vigil_hearing_get_attendee (hearing, 2)->role, ==,
                   VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_assert_false (vigil_hearing_get_attendee (hearing, 2)->testified);

  /* The monitor overrode the suggestion, with a reason; what the rule
   * suggested is computed from the file's observations (one serious
   * failure: 2 × 3). */
  assessment = vigil_store_get_assessment (f->store, vigil_case_get_id (kase),
                                           vigil_hearing_get_id (hearing), &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_assert_cmpint (assessment->grade, ==, VIGIL_GRADE_GRAVE_SHORTCOMINGS);
  g_assert_cmpint (assessment->suggested, ==, VIGIL_GRADE_SERIOUS_SHORTCOMINGS);
  g_assert_cmpuint (assessment->score, ==, 6);
  g_assert_cmpstr (assessment->monitor, ==, "Field monitor 2");
  g_assert_cmpint (g_date_time_get_hour (assessment->decided_at), ==, 15);
  g_assert_true (g_str_has_prefix (assessment->reason, "Two men"));
  g_clear_pointer (&assessment, vigil_assessment_data_free);
  assessment = vigil_store_get_assessment (f->store, vigil_case_get_id (kase), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (assessment);

  measures = vigil_store_list_protection_measures (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 1);
  measure = g_ptr_array_index (measures, 0);
  g_assert_cmpstr (measure->hearing_id, ==, vigil_hearing_get_id (g_ptr_array_index (hearings, 1)));
  g_assert_cmpstr (measure->details, ==, "Calls from the shelter office, room 3.");

  claims = vigil_store_list_claims (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 1);
  claim = g_ptr_array_index (claims, 0);
  g_assert_cmpstr (claim->currency, ==, "RSD");
  g_assert_cmpstr (claim->assets, ==, "A van seized at the border.");
  g_assert_cmpuint (claim->items->len, ==, 2);
  item = g_ptr_array_index (claim->items, 1);
  g_assert_cmpint (item->claimed_minor, ==, 120000000);
  g_assert_true (item->has_awarded);
  g_assert_cmpint (item->awarded_minor, ==, 60000000);
  g_assert_true (item->has_paid);
  g_assert_cmpint (item->paid_minor, ==, 0);
  g_assert_false (((VigilClaimItemData *) g_ptr_array_index (claim->items, 0))->has_awarded);

  /* Names, phones and addresses are sealed: never in the file's bytes. */
  g_assert_false (vigil_test_vault_contains (f->path, "Vukašinović"));
  g_assert_false (vigil_test_vault_contains (f->path, "+381 64 555 0192"));
  g_assert_false (vigil_test_vault_contains (f->path, "Sremska Kamenica"));
  g_assert_false (vigil_test_vault_contains (f->path, "shelter office"));
  /* Entries, reasons and the languages interpreted are sealed too. */
  g_assert_false (vigil_test_vault_contains (f->path, "same bench"));
  g_assert_false (vigil_test_vault_contains (f->path, "watched the victim-witness"));
  g_assert_false (vigil_test_vault_contains (f->path, "English"));
  assert_check_ok (f);
}

static void
test_errors_paths (void)
{
  static const VigilTestProblem expected[] = {
    { "$.cases[0].refrence", "unknown key" },
    { "$.cases[0].reference", "missing" },
    { "$.cases[0].persons[0].role", "\"vicitm\" is not a role (expected one of victim, "
                                    "victim_witness, child_victim" },
    { "$.cases[0].hearings[1].starts_at", "\"2023-02-30T09:00:00Z\" is not a date and time" },
    { "$.cases[1].stage", "\"apeal\" is not a stage" },
    { "$.cases[1].charges[1]", "expected a text, found a number" },
    { "$.cases[1].persons[0].is_child", "expected true or false, found a text" },
    { "$.cases[1].persons[0].identity.date_of_birth", "Date of birth" },
    { "$.cases[1].persons[0].identity.phone", "Phone" },
    { "$.cases[1].persons[1].pseudonym",
      "\"V-01\" is already the pseudonym of $.cases[1].persons[0]" },
    { "$.cases[1].persons[1].consents[0].withdrawn_at", "withdrew consent to storing" },
    { "$.cases[1].persons[1].consents[1]", "Shared with is empty" },
    { "$.cases[1].persons[2].pseudonym", "Pseudonym must look like V-01" },
    { "$.cases[1].hearings[0].observations[0].standard", "Standard must be the id" },
    { "$.cases[1].hearings[0].observations[1].severity", "Severity is given" },
    { "$.cases[1].hearings[0].observations[2].status", "\"ignored\" is not a status" },
    { "$.cases[1].hearings[0].observations[3].status", "missing" },
    { "$.cases[1].hearings[0].observations[3].notes", "missing" },
    { "$.cases[1].hearings[1].starts_at", "1985 is before 1990" },
    { "$.cases[1].hearings[2].starts_at", "\"2023-04-01T09:00:00\" is not a date and time" },
    { "$.cases[1].hearings[3]", "Adjournment reason is empty" },
    { "$.cases[1].protection_measures[0].person",
      "\"V-07\" is not the pseudonym of a person of this case" },
    { "$.cases[1].protection_measures[1].hearing_index", "9 is not the index of a hearing" },
    { "$.cases[1].protection_measures[1].kind", "\"teleport\" is not a kind of protection" },
    { "$.cases[1].protection_measures[2].ends_at", "ends before it starts" },
    { "$.cases[1].claims[0].currency", "ISO 4217" },
    { "$.cases[1].claims[0].items[0].claimed_minor", "negative" },
    { "$.cases[1].claims[0].items[1].claimed_minor", "expected a whole number, found a number "
                                                     "with a fraction" },
    { "$.cases[1].claims[0].items[2].paid_minor", "expected a whole number, found a text" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *path = fixture_path ("errors.json");
  g_autoptr (VigilInterchange) document = vigil_interchange_load_file (path, &problems, &error);

  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));

  /* The message lists the first twenty and says how many more there are. */
  g_assert_nonnull (strstr (error->message, "$.cases[0].persons[0].role: \"vicitm\""));
  g_assert_nonnull (strstr (error->message, "29 problems"));
  g_assert_nonnull (strstr (error->message, "9 more"));
  /* Identity values never appear in messages. */
  g_assert_null (strstr (error->message, "Test Person"));
  g_assert_null (strstr (error->message, "1990-02-30"));
}

static void
assert_single_problem (const char *json, const char *path, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = vigil_interchange_load_data (json, -1, &problems, &error);
  VigilTestProblem expected = { path, message };

  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, &expected, 1);
}

/* Observations name standards of the catalogue, by id, once per hearing;
 * what does not fit is reported at its path. */
static void
test_errors_standards (void)
{
  static const VigilTestProblem expected[] = {
    { "$.cases[0].hearings[0].observations[0].standard",
      "\"interpreter-provide\" is not a standard of the catalogue (version 1)" },
    { "$.cases[0].hearings[0].observations[1].status", "\"kept\" is not a status" },
    { "$.cases[0].hearings[0].observations[3].standard",
      "\"separate-waiting-room\" is already observed at this hearing" },
    { "$.cases[0].hearings[1].observations[0].catalogue_version",
      "catalogue version \"9\" is newer than this Vigil's (version 1): update Vigil" },
  };
  const char *json =
    "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
    " \"reference\": \"K 1/2025\", \"court\": \"Court\", \"jurisdiction\": null,"
    " \"stage\": \"trial\", \"charges\": [\"Trafficking\"], \"persons\": [],"
    " \"hearings\": ["
    "  {\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"main\", \"closed_session\": false,"
    "   \"observations\": ["
    "    {\"standard\": \"interpreter-provide\", \"status\": \"respected\", \"notes\": null},"
    "    {\"standard\": \"interpreter-provided\", \"status\": \"kept\", \"notes\": null},"
    "    {\"standard\": \"separate-waiting-room\", \"status\": \"respected\", \"notes\": null},"
    "    {\"standard\": \"separate-waiting-room\", \"status\": \"not_respected\","
    "     \"notes\": null},"
    "    {\"standard\": \"no-visual-contact\", \"status\": \"respected\","
    "     \"catalogue_version\": \"1\", \"notes\": null}]},"
    "  {\"starts_at\": \"2024-04-05T09:30:00Z\", \"kind\": \"main\", \"closed_session\": false,"
    "   \"observations\": ["
    "    {\"standard\": \"future-standard\", \"status\": \"respected\","
    "     \"catalogue_version\": \"9\", \"notes\": null},"
    "    {\"standard\": \"separate-waiting-room\", \"status\": \"respected\", \"notes\": null}]}"
    " ]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = vigil_interchange_load_data (json, -1, &problems, &error);

  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));
}

static void
test_errors_document (void)
{
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [",
                         "$", "not valid JSON");
  assert_single_problem ("", "$", "empty");
  assert_single_problem ("[1, 2]", "$", "expected an object, found a list");
  assert_single_problem ("{\"format\": \"csv\", \"version\": 1, \"cases\": []}", "$.format",
                         "not a Vigil interchange file");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 2, \"cases\": []}",
                         "$.version", "newer Vigil");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1}", "$.cases",
                         "missing");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [],"
                         " \"extra\": true}",
                         "$.extra", "unknown key");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [],"
                         " \"we ird\": 1}",
                         "$[\"we ird\"]", "unknown key");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"id\": \"not-a-uuid\", \"reference\": \"A 1\", \"court\": \"C\","
                         " \"jurisdiction\": null, \"stage\": \"trial\", \"charges\": [],"
                         " \"persons\": [], \"hearings\": []}]}",
                         "$.cases[0].id", "is not a case id");
  /* A rule of the record itself (vigil_case_validate) at the record's path. */
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"reference\": \"  \", \"court\": \"C\", \"jurisdiction\": null,"
                         " \"stage\": \"trial\", \"charges\": [], \"persons\": [],"
                         " \"hearings\": []}]}",
                         "$.cases[0]", "Reference is empty");
  /* An escape JSON lacks, which json-glib would read as the byte it names
   * (found by fuzz-import), is refused before json-glib reads it: in a
   * text at the text, in a member's name at its object. */
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"reference\": \"K \\214/2023\", \"court\": \"C\", \"jurisdiction\": null,"
                         " \"stage\": \"trial\", \"charges\": [], \"persons\": [],"
                         " \"hearings\": []}]}",
                         "$.cases[0].reference", "\\2 is not an escape of JSON");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [],"
                         " \"\\214\": 1}",
                         "$", "a member's name: \\2 is not an escape of JSON");
}

/* The rules of the records that the editors apply are the import's too:
 * a case at trial without charges, a reference with a space at its end, a
 * 1,400-character name, a child of 12 not marked as one, and hour 99. */
static void
test_errors_plausibility (void)
{
  g_autofree char *name = g_strnfill (1400, 'a');
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *born = g_strdup_printf ("%d-01-01", g_date_time_get_year (now) - 12);
  g_autofree char *person = NULL;
  g_autofree char *old_child = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;

  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"reference\": \"A 1\", \"court\": \"C\", \"jurisdiction\": null,"
                         " \"stage\": \"trial\", \"charges\": [], \"persons\": [],"
                         " \"hearings\": []}]}",
                         "$.cases[0]", "needs at least one charge");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"reference\": \"A 1 \", \"court\": \"C\", \"jurisdiction\": null,"
                         " \"stage\": \"trial\", \"charges\": [\"Fraud\"], \"persons\": [],"
                         " \"hearings\": []}]}",
                         "$.cases[0]", "Reference starts or ends with a space");
  assert_single_problem ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                         "\"reference\": \"A 1\", \"court\": \"C\", \"jurisdiction\": null,"
                         " \"stage\": \"trial\", \"charges\": [\"Fraud\"], \"persons\": [],"
                         " \"hearings\": [{\"starts_at\": \"2025-03-14T99:00:00Z\","
                         " \"kind\": \"main\", \"status\": \"held\", \"closed_session\": false}]}]}",
                         "$.cases[0].hearings[0].starts_at", "is not a date and time");

  person = g_strdup_printf ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                            "\"reference\": \"A 1\", \"court\": \"C\", \"jurisdiction\": null,"
                            " \"stage\": \"trial\", \"charges\": [\"Fraud\"], \"hearings\": [],"
                            " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\","
                            " \"is_child\": false, \"identity\": {\"full_name\": \"%s\"}},"
                            " {\"pseudonym\": \"V-02\", \"role\": \"victim\","
                            " \"is_child\": false, \"identity\": {\"date_of_birth\": \"%s\"}}]}]}",
                            name, born);
  document = vigil_interchange_load_data (person, -1, &problems, &error);
  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  {
    const VigilTestProblem expected[] = {
      { "$.cases[0].persons[0].identity.full_name", "Full name is longer than 200 characters" },
      { "$.cases[0].persons[1].is_child", "this person is 12 today" },
    };

    vigil_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));
  }

  /* Child on for someone born in 1980 is a warning for an editor to
   * confirm, which an import, with no one to ask, lets through. */
  old_child = g_strdup_printf ("{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                               "\"reference\": \"A 1\", \"court\": \"C\", \"jurisdiction\": null,"
                               " \"stage\": \"trial\", \"charges\": [\"Fraud\"], \"hearings\": [],"
                               " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\","
                               " \"is_child\": true, \"identity\": {\"date_of_birth\":"
                               " \"1980-05-01\"}}]}]}");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_clear_object (&document);
  document = vigil_interchange_load_data (old_child, -1, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Three valid cases, then one mistake in the last: not one record lands. */
static void
test_error_in_last_case_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autofree char *path = fixture_path ("valid.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *copy = NULL;
  JsonArray *cases;
  JsonObject *last;
  gint64 audit_before = count_rows (f, "audit");

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  cases = json_object_get_array_member (json_node_get_object (root), "cases");
  /* A third case, a copy of the second under another reference (through
   * text: json_node_copy() shares the object). */
  copy = json_to_string (json_array_get_element (cases, 1), FALSE);
  json_array_add_element (cases, json_from_string (copy, &error));
  g_assert_no_error (error);
  last = json_array_get_object_element (cases, 2);
  json_object_set_string_member (last, "reference", "III K 78/24");
  json_object_set_string_member (json_array_get_object_element (
                                   json_object_get_array_member (last, "hearings"), 0),
                                 "starts_at", "2024-02-30T08:00:00Z");

  document = vigil_interchange_load_node (root, &problems, &error);
  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((VigilInterchangeProblem *) g_ptr_array_index (problems, 0))->path, ==,
                   "$.cases[2].hearings[0].starts_at");
  g_assert_cmpint (count_rows (f, "cases"), ==, 0);
  g_assert_cmpint (count_rows (f, "audit"), ==, audit_before);
}

/* A problem only the vault can see (a case already there) and a write that
 * fails halfway both leave the vault exactly as it was. */
static void
test_import_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) first = load_fixture ("valid.json");
  g_autoptr (VigilInterchange) again = load_fixture ("valid.json");
  g_autoptr (VigilInterchange) third = load_fixture ("valid.json");
  g_autoptr (VigilCase) second = NULL;
  gint64 audit_before;

  g_assert_true (vigil_interchange_import (first, f->store, NULL, &error));
  g_assert_no_error (error);
  audit_before = count_rows (f, "audit");
  g_assert_cmpint (count_rows (f, "persons"), ==, 5);

  g_assert_false (vigil_interchange_import (again, f->store, &problems, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((VigilInterchangeProblem *) g_ptr_array_index (problems, 0))->path, ==,
                   "$.cases[0].id");
  g_assert_cmpstr (((VigilInterchangeProblem *) g_ptr_array_index (problems, 1))->path, ==,
                   "$.cases[1].reference");
  g_assert_cmpint (count_rows (f, "audit"), ==, audit_before);
  g_clear_error (&error);

  /* Erase the first case, then make the vault refuse the claim of the
   * document's first case: by then its case, persons and hearings are
   * written, and all of it must go. */
  g_assert_true (vigil_store_erase_case (f->store, "5f0c7a52-3d1e-4b8a-9c11-2a7e5b9d0f41",
                                         &error));
  g_assert_no_error (error);
  second = find_case (f, "III K 77/24");
  g_assert_true (vigil_store_erase_case (f->store, vigil_case_get_id (second), &error));
  g_assert_no_error (error);
  audit_before = count_rows (f, "audit");
  g_assert_true (vigil_db_exec (vigil_store_get_db (f->store, NULL),
                                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.claims"
                                " BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                &error));
  g_assert_no_error (error);
  g_assert_false (vigil_interchange_import (third, f->store, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "$.cases[0].claims[0]: "));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "cases"), ==, 0);
  g_assert_cmpint (count_rows (f, "persons"), ==, 0);
  g_assert_cmpint (count_rows (f, "hearings"), ==, 0);
  g_assert_cmpint (count_rows (f, "observations"), ==, 0);
  g_assert_cmpint (count_rows (f, "audit"), ==, audit_before);

  /* Once the vault accepts it, the same document imports whole. */
  g_assert_true (vigil_db_exec (vigil_store_get_db (f->store, NULL), "DROP TRIGGER temp.refuse",
                                &error));
  g_assert_true (vigil_interchange_import (third, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "persons"), ==, 5);
  g_assert_cmpint (count_rows (f, "claim_items"), ==, 2);
  assert_check_ok (f);
}

static char *
export_to_string (VigilStore *store, VigilExportFlags flags, VigilInterchangeCounts *counts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vigil_interchange_export_node (store, flags, counts, &error);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_assert_no_error (error);
  /* The one member that differs between two exports of the same data. */
  json_object_remove_member (json_node_get_object (root), "exported_at");
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Export, import into a new vault, export again: the same document. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = load_fixture ("valid.json");
  g_autoptr (VigilInterchange) exported = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.vigil", NULL);
  g_autoptr (VigilVault) other_vault = NULL;
  g_autoptr (VigilStore) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VigilInterchangeCounts counts = { 0 };
  GStatBuf st;

  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_export_file (f->store, file, VIGIL_EXPORT_IDENTITIES, &counts,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.cases, ==, 2);
  g_assert_cmpuint (counts.identities, ==, 3);
  g_assert_cmpuint (counts.consents, ==, 2);
  g_assert_cmpuint (counts.notes_withheld, ==, 0);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  before = export_to_string (f->store, VIGIL_EXPORT_IDENTITIES, NULL);

  other_vault = vigil_vault_create (other_path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  other = vigil_store_new (other_vault);
  exported = vigil_interchange_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (exported, other, NULL, &error));
  g_assert_no_error (error);
  after = export_to_string (other, VIGIL_EXPORT_IDENTITIES, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (after, "Weronika Przybyłowska"));
  g_assert_nonnull (strstr (after, "Calls from the shelter office"));
  g_assert_nonnull (strstr (after, "The victims' lawyers' network"));
  /* What the monitor recorded at the hearings came along. */
  g_assert_nonnull (strstr (after, "Radulović's relatives waited"));
  g_assert_nonnull (strstr (after, "\"noted_at\" : \"2023-03-14T08:52:30.250000Z\""));
  g_assert_nonnull (strstr (after, "\"interpreter_languages\" : [\n"));
  g_assert_nonnull (strstr (after, "\"suggested\" : \"serious_shortcomings\""));
  g_assert_nonnull (strstr (after, "\"convicted_charge\" : \"trafficking in human beings\""));
  g_assert_nonnull (strstr (after, "\"person\" : \"G-01\""));
  vigil_vault_lock (other_vault);
}

/* Without identities: pseudonyms only, and case notes that name someone
 * stay behind. */
static void
test_export_without_identities (Fixture *f, gconstpointer data)
{
  static const char * const absent[] = {
    "full_name", "\"identity\"", "Vukašinović", "Zoka", "+381 64 555 0192", "Sremska Kamenica",
    "Radulović", "Przybyłowska", "Prefers contact", "shelter office", "Court registry",
    "A van seized", "Payslips", "lawyers' network", "consents", "same bench", "Two men with",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = load_fixture ("valid.json");
  g_autoptr (VigilInterchange) reloaded = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr (GBytes) bytes = NULL;
  VigilInterchangeCounts counts = { 0 };
  gint64 reveals_before;

  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  /* An export that stays pseudonymous opens nobody's identity for anyone. */
  reveals_before = count_rows (f, "audit WHERE action = 'reveal'");
  g_file_set_contents (file, "an older export", -1, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_export_file (f->store, file, VIGIL_EXPORT_DEFAULT, &counts,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "audit WHERE action = 'reveal'"), ==, reveals_before);
  g_assert_cmpuint (counts.identities, ==, 0);
  /* The hearing's notes, an entry and the reason of an assessment. */
  g_assert_cmpuint (counts.notes_withheld, ==, 3);
  g_assert_cmpuint (counts.observation_entries, ==, 2);
  g_assert_cmpuint (counts.attendees, ==, 4);
  g_assert_cmpuint (counts.assessments, ==, 2);

  bytes = vigil_test_read_file (file);
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      if (vigil_test_bytes_contain (bytes, absent[i]))
        g_test_message ("found in the export: %s", absent[i]);
      g_assert_false (vigil_test_bytes_contain (bytes, absent[i]));
    }
  g_assert_true (vigil_test_bytes_contain (bytes, "\"V-01\""));
  g_assert_true (vigil_test_bytes_contain (bytes, "Monitoring requested by the field office."));
  g_assert_true (vigil_test_bytes_contain (bytes, "The judge explained the rights"));

  g_assert_true (vigil_test_bytes_contain (bytes, "Rights read out"));
  g_assert_true (vigil_test_bytes_contain (bytes, "\"English\""));
  g_assert_true (vigil_test_bytes_contain (bytes, "\"person\" : \"V-01\""));
  /* The override keeps its grade; its reason says it was left out. */
  g_assert_true (vigil_test_bytes_contain (bytes, "\"grave_shortcomings\""));
  g_assert_true (vigil_test_bytes_contain (bytes, "left out of this export"));

  /* It is still a document that imports, override and all. */
  reloaded = vigil_interchange_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_interchange_get_counts (reloaded)->identities, ==, 0);
  g_assert_cmpuint (vigil_interchange_get_counts (reloaded)->assessments, ==, 2);
}

/* A folder that does not exist: an error, and no stray file anywhere. */
static void
test_export_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "missing", "export.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_assert_false (vigil_interchange_export_file (f->store, file, VIGIL_EXPORT_DEFAULT, NULL,
                                                 &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
  g_clear_error (&error);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "vault.vigil"));

  /* A link is not written through, nor replaced. */
  g_assert_cmpint (symlink ("target.json", link), ==, 0);
  g_assert_false (vigil_interchange_export_file (f->store, link, VIGIL_EXPORT_DEFAULT, NULL,
                                                 &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (link, G_FILE_TEST_EXISTS));
}

static void
test_import_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = load_fixture ("valid.json");

  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS);
}

/* The screen that keeps names out of pseudonymous exports. */
static void
test_identifier_screen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = load_fixture ("valid.json");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;

  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  identifiers = vigil_store_case_identifiers (f->store, "5f0c7a52-3d1e-4b8a-9c11-2a7e5b9d0f41",
                                              &error);
  g_assert_no_error (error);
  g_assert_true (vigil_identifier_detector_finds (identifiers, "saw VUKASINOVIC today"));
  g_assert_true (vigil_identifier_detector_finds (identifiers, "Zoka was there"));
  g_assert_true (vigil_identifier_detector_finds (identifiers, "call 064 555 0192"));
  g_assert_true (vigil_identifier_detector_finds (identifiers, "lives at ulica lipa 17"));
  g_assert_false (vigil_identifier_detector_finds (identifiers, "Zorana testified"));
  g_assert_false (vigil_identifier_detector_finds (identifiers, "Room 17, 555 seats"));
  g_assert_false (vigil_identifier_detector_finds (identifiers, NULL));
}

/* An alias is a word: "Ani" does not take "Romanian" out of the export, but
 * a note that names her stays behind and is counted. */
static void
test_export_alias_as_word (Fixture *f, gconstpointer data)
{
  static const char document_json[] =
    "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
    "  \"reference\": \"K 9/2024\", \"court\": \"Tribunalul Brașov\", \"jurisdiction\": null,"
    "  \"stage\": \"trial\", \"charges\": [\"trafficking in human beings\"],"
    "  \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false,"
    "                \"identity\": {\"full_name\": \"Ana-Maria Popescu\","
    "                             \"aliases\": [\"Ani\"]}}],"
    "  \"hearings\": ["
    "    {\"starts_at\": \"2024-03-05T09:00:00Z\", \"kind\": \"testimony\", \"status\": \"held\","
    "     \"closed_session\": false, \"notes\": \"The Romanian interpreter was fine\","
    "     \"facts\": {\"interpreter_present\": true, \"interpreter_languages\": [\"Romanian\"]}},"
    "    {\"starts_at\": \"2024-03-06T09:00:00Z\", \"kind\": \"testimony\", \"status\": \"held\","
    "     \"closed_session\": false, \"notes\": \"Ani testified\"}"
    "  ]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  VigilInterchangeCounts counts = { 0 };
  JsonArray *hearings;
  JsonObject *first;
  JsonObject *second;
  JsonArray *languages;

  document = vigil_interchange_load_data (document_json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_export_file (f->store, file, VIGIL_EXPORT_DEFAULT, &counts,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.hearings, ==, 2);
  g_assert_cmpuint (counts.notes_withheld, ==, 1);

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  hearings = json_object_get_array_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases"),
      0),
    "hearings");
  g_assert_cmpuint (json_array_get_length (hearings), ==, 2);
  first = json_array_get_object_element (hearings, 0);
  second = json_array_get_object_element (hearings, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "notes"), ==,
                   "The Romanian interpreter was fine");
  languages = json_object_get_array_member (json_object_get_object_member (first, "facts"),
                                            "interpreter_languages");
  g_assert_nonnull (languages);
  g_assert_cmpuint (json_array_get_length (languages), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (languages, 0), ==, "Romanian");
  g_assert_true (json_object_has_member (second, "notes"));
  g_assert_true (json_object_get_null_member (second, "notes"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/interchange/import/valid", test_import_valid);
  g_test_add_func ("/interchange/errors/paths", test_errors_paths);
  g_test_add_func ("/interchange/errors/document", test_errors_document);
  g_test_add_func ("/interchange/errors/standards", test_errors_standards);
  g_test_add_func ("/interchange/errors/plausibility", test_errors_plausibility);
  ADD ("/interchange/import/error-in-last-case", test_error_in_last_case_writes_nothing);
  ADD ("/interchange/import/rolls-back", test_import_rolls_back);
  ADD ("/interchange/import/once", test_import_once);
  ADD ("/interchange/export/round-trip", test_round_trip);
  ADD ("/interchange/export/without-identities", test_export_without_identities);
  ADD ("/interchange/export/failure", test_export_failure);
  ADD ("/interchange/export/identifier-screen", test_identifier_screen);
  ADD ("/interchange/export/alias-as-word", test_export_alias_as_word);

  return g_test_run ();
}
