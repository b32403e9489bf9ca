/* test-protection-interchange.c: risk assessments, identification dates,
 * a measure's history and a hearing's moves in the interchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vigil-demo.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-protection-load.h"
#include "vigil-store-hearing-moves.h"
#include "vigil-store-protection.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

#define DOCUMENT(PERSON_EXTRA, HISTORY, MOVES) \
  "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{" \
  "\"reference\": \"K 77/2026\", \"court\": \"Tribunalul Iași\", \"jurisdiction\": \"Romania\"," \
  "\"stage\": \"trial\", \"charges\": [\"Trafficking in human beings\"]," \
  "\"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false" \
  PERSON_EXTRA "}]," \
  "\"hearings\": [{\"starts_at\": \"2026-03-10T09:00:00Z\", \"kind\": \"testimony\"," \
  "\"closed_session\": true" MOVES "}]," \
  "\"protection_measures\": [{\"person\": \"V-01\", \"hearing_index\": 0," \
  "\"kind\": \"separate_arrival\", \"status\": \"delivered\"," \
  "\"responsible\": \"Escort team Radu Vasilescu\"" HISTORY "}]}]}"

#define GOOD_PERSON \
  ", \"identified_on\": \"2025-11-02\", \"risk_assessments\": [{\"level\": \"high\"," \
  "\"factors\": [\"earlier_intimidation\", \"media_exposure\"]," \
  "\"assessor\": \"Inspector Oana Dragomir\", \"assessed_at\": \"2026-01-05T10:00:00Z\"," \
  "\"review_on\": \"2026-04-05\"}]"
#define GOOD_HISTORY \
  ", \"history\": [{\"status\": \"requested\", \"at\": \"2026-02-01T08:00:00Z\"," \
  "\"monitor\": \"Support worker 2\"}, {\"status\": \"confirmed\"," \
  "\"at\": \"2026-02-03T08:00:00Z\", \"monitor\": \"Support worker 2\"}," \
  "{\"status\": \"delivered\", \"at\": \"2026-03-10T13:00:00Z\", \"monitor\": null}]"
#define GOOD_MOVES \
  ", \"moves\": [{\"from\": \"2026-03-03T09:00:00Z\", \"to\": \"2026-03-10T09:00:00Z\"," \
  "\"moved_at\": \"2026-02-20T15:00:00Z\", \"monitor\": \"Support worker 2\"}]"

static char *
export_text (VigilStore *store, VigilExportFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vigil_interchange_export_node (store, flags, NULL, &error);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  json_object_remove_member (object, "exported_at");
  /* Case ids are kept; nothing else differs between two vaults. */
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
test_round_trip (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document =
    vigil_interchange_load_data (DOCUMENT (GOOD_PERSON, GOOD_HISTORY, GOOD_MOVES), -1, NULL,
                                 &error);
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) moves = NULL;
  g_autoptr (VigilInterchange) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pseudonyms = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.vigil", NULL);
  g_autoptr (VigilVault) other_vault = NULL;
  g_autoptr (VigilStore) other = NULL;
  VigilProtectionCaseData *data;
  VigilRiskAssessmentData *risk;
  VigilProtectionData *measure;

  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);

  cases = vigil_protection_load_all (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  data = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (vigil_person_get_identified_on (data->persons->pdata[0]), ==, "2025-11-02");
  g_assert_cmpuint (data->risks->len, ==, 1);
  risk = g_ptr_array_index (data->risks, 0);
  g_assert_cmpstr (risk->level, ==, "high");
  g_assert_cmpstr (risk->assessor, ==, "Inspector Oana Dragomir");
  g_assert_cmpstr (risk->factors, ==, "earlier_intimidation\nmedia_exposure");
  measure = g_ptr_array_index (data->measures, 0);
  g_assert_true (vigil_store_load_protection_history (f->store, vigil_case_get_id (data->kase),
                                                      data->measures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (measure->history->len, ==, 3);
  moves = vigil_store_list_hearing_moves (f->store, vigil_case_get_id (data->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 1);
  assert_check_ok (f);

  /* Into another vault and out again: the same document. */
  first = export_text (f->store, VIGIL_EXPORT_IDENTITIES);
  g_assert_nonnull (strstr (first, "\"identified_on\" : \"2025-11-02\""));
  g_assert_nonnull (strstr (first, "Inspector Oana Dragomir"));
  g_assert_nonnull (strstr (first, "\"moved_at\""));
  other_vault = vigil_vault_create (other_path, VIGIL_TEST_PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                    &error);
  g_assert_no_error (error);
  other = vigil_store_new (other_vault);
  again = vigil_interchange_load_data (first, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (again, other, NULL, &error));
  g_assert_no_error (error);
  second = export_text (other, VIGIL_EXPORT_IDENTITIES);
  g_assert_cmpstr (first, ==, second);

  /* Pseudonyms only: the level and dates, not who assessed nor why. */
  pseudonyms = export_text (f->store, VIGIL_EXPORT_DEFAULT);
  g_assert_nonnull (strstr (pseudonyms, "\"level\" : \"high\""));
  g_assert_null (strstr (pseudonyms, "Oana"));
  g_assert_null (strstr (pseudonyms, "media_exposure"));
  g_assert_null (strstr (pseudonyms, "Radu"));
}

static void
test_problems (void)
{
  static const struct
  {
    const char      *json;
    VigilTestProblem problem;
  } cases[] = {
    { DOCUMENT (", \"identified_on\": \"2025-02-30\"", "", ""),
      { "$.cases[0].persons[0].identified_on", "not a date" } },
    { DOCUMENT (", \"risk_assessments\": [{\"level\": \"extreme\", \"assessed_at\": "
                "\"2026-01-05T10:00:00Z\"}]", "", ""),
      { "$.cases[0].persons[0].risk_assessments[0].level", "Risk level must be one of" } },
    { DOCUMENT (", \"risk_assessments\": [{\"level\": \"low\", \"factors\": [\"bad_luck\"], "
                "\"assessed_at\": \"2026-01-05T10:00:00Z\"}]", "", ""),
      { "$.cases[0].persons[0].risk_assessments[0].factors", "not a risk factor" } },
    { DOCUMENT ("", ", \"history\": [{\"status\": \"requested\", \"at\": \"2026-02-01T08:00:00Z\"},"
                " {\"status\": \"delivered\", \"at\": \"2026-02-02T08:00:00Z\"}]", ""),
      { "$.cases[0].protection_measures[0].history[1].status", "cannot become delivered" } },
    { DOCUMENT ("", ", \"history\": [{\"status\": \"requested\", \"at\": \"2026-02-01T08:00:00Z\"},"
                " {\"status\": \"confirmed\", \"at\": \"2026-02-02T08:00:00Z\"}]", ""),
      { "$.cases[0].protection_measures[0].history", "ends with confirmed" } },
    { DOCUMENT ("", "", ", \"moves\": [{\"from\": \"2026-03-03T09:00:00Z\", \"moved_at\": \"2026-02-20T15:00:00Z\"}]"),
      { "$.cases[0].hearings[0].moves[0].to", "missing" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (VigilInterchange) document =
        vigil_interchange_load_data (cases[i].json, -1, &problems, &error);

      g_assert_null (document);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
      vigil_test_assert_problems (problems, &cases[i].problem, 1);
    }
}

/* A fresh demo vault: assessments, identification dates, measures in
 * every state, and problems for the agenda to show (judged on the demo's
 * own "today", 1 November 2026). */
static void
test_demo (Fixture *f, gconstpointer unused)
{
  static const char * const rules[] = {
    VIGIL_PROTECTION_RULE_MISSING_MEASURE, VIGIL_PROTECTION_RULE_WINDOW_MISSED,
    VIGIL_PROTECTION_RULE_NOT_SETTLED, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE,
    VIGIL_PROTECTION_RULE_REFLECTION,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) demo = vigil_demo_generate (20, 1);
  g_autoptr (VigilInterchange) document = vigil_interchange_load_node (demo, NULL, &error);
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GDateTime) today = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autoptr (GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  VigilProtectionSettings settings;
  guint risks = 0, identified = 0;

  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  cases = vigil_protection_load_all (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      VigilProtectionCaseData *data = g_ptr_array_index (cases, i);

      risks += data->risks->len;
      for (guint p = 0; p < data->persons->len; p++)
        identified += vigil_person_get_identified_on (data->persons->pdata[p]) != NULL;
      for (guint m = 0; m < data->measures->len; m++)
        g_hash_table_add (statuses, ((VigilProtectionData *) data->measures->pdata[m])->status);
    }
  g_assert_cmpuint (risks, >, 0);
  g_assert_cmpuint (identified, >, 0);
  for (guint i = 0; vigil_protection_statuses[i] != NULL; i++)
    {
      if (!g_hash_table_contains (statuses, vigil_protection_statuses[i]))
        g_test_message ("no measure is %s", vigil_protection_statuses[i]);
      g_assert_true (g_hash_table_contains (statuses, vigil_protection_statuses[i]));
    }

  vigil_protection_settings_init (&settings, today);
  problems = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len, NULL,
                                     &settings);
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      guint n = 0;

      for (guint i = 0; i < problems->len; i++)
        n += g_str_equal (((VigilProtectionProblem *) problems->pdata[i])->rule, rules[r]);
      if (n == 0)
        g_test_message ("no problem of %s", rules[r]);
      g_assert_cmpuint (n, >, 0);
    }
  assert_check_ok (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/protection/interchange/round-trip", Fixture, NULL, fixture_set_up,
              test_round_trip, fixture_tear_down);
  g_test_add_func ("/protection/interchange/problems", test_problems);
  g_test_add ("/protection/demo/shows-problems", Fixture, NULL, fixture_set_up, test_demo,
              fixture_tear_down);
  return g_test_run ();
}
