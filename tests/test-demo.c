/* test-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-demo-private.h"
#include "vigil-demo.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-identifier-detector.h"
#include "vigil-interchange.h"
#include "vigil-store.h"
#include "vigil-test-util.h"

static char *
generate (guint n_cases, guint64 seed)
{
  g_autoptr (JsonNode) root = vigil_demo_generate (n_cases, seed);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  g_assert_nonnull (root);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
test_same_seed (void)
{
  g_autofree char *a = generate (12, 42);
  g_autofree char *b = generate (12, 42);

  g_assert_cmpstr (a, ==, b);
}

static void
test_different_seeds (void)
{
  g_autofree char *a = generate (12, 42);
  g_autofree char *b = generate (12, 43);
  g_autofree char *c = generate (12, G_MAXUINT64);

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (b, !=, c);
}

/* Names of several countries, many with their diacritics. */
static void
test_names (void)
{
  g_autoptr (JsonNode) root = vigil_demo_generate (40, 7);
  g_autoptr (GHashTable) jurisdictions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *cases = json_object_get_array_member (json_node_get_object (root), "cases");
  guint persons = 0, with_diacritics = 0, with_phone = 0, with_address = 0;

  g_assert_cmpuint (json_array_get_length (cases), ==, 40);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *kase = json_array_get_object_element (cases, i);
      JsonArray *list = json_object_get_array_member (kase, "persons");
      guint hearings = json_array_get_length (json_object_get_array_member (kase, "hearings"));

      g_hash_table_add (jurisdictions,
                        (gpointer) json_object_get_string_member (kase, "jurisdiction"));
      g_assert_cmpuint (json_array_get_length (list), >=, 3);
      g_assert_cmpuint (json_array_get_length (list), <=, 8);
      g_assert_cmpuint (hearings, >=, 2);
      g_assert_cmpuint (hearings, <=, 10);
      for (guint p = 0; p < json_array_get_length (list); p++)
        {
          JsonObject *identity =
            json_object_get_object_member (json_array_get_object_element (list, p), "identity");
          const char *name = json_object_get_string_member (identity, "full_name");
          gboolean ascii = TRUE;

          for (const char *c = name; *c != '\0'; c++)
            ascii &= (guchar) *c < 0x80;
          with_diacritics += !ascii;
          with_phone += !json_object_get_null_member (identity, "phone");
          with_address += !json_object_get_null_member (identity, "address");
          g_hash_table_add (names, (gpointer) name);
          persons++;
        }
    }
  g_test_message ("%u persons, %u names with diacritics, %u jurisdictions", persons,
                  with_diacritics, g_hash_table_size (jurisdictions));
  g_assert_cmpuint (g_hash_table_size (jurisdictions), >=, 6);
  g_assert_cmpuint (with_diacritics, >=, persons / 5);
  g_assert_cmpuint (with_phone, >=, persons / 2);
  g_assert_cmpuint (with_address, >=, persons / 4);
  /* Combined at random, few names repeat (as in life, some do). */
  g_assert_cmpuint (g_hash_table_size (names), >=, persons * 3 / 4);
}

/* Every document, whatever the seed, passes the import's validation. */
static void
test_valid (void)
{
  for (guint64 seed = 0; seed < 40; seed++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) root = vigil_demo_generate (15, seed * 7919 + 1);
      g_autoptr (VigilInterchange) document = vigil_interchange_load_node (root, NULL, &error);

      if (error != NULL)
        g_test_message ("seed %" G_GUINT64_FORMAT ": %s", seed * 7919 + 1, error->message);
      g_assert_no_error (error);
      g_assert_cmpuint (vigil_interchange_get_counts (document)->cases, ==, 15);
    }
}

/* And it imports: a vault full of demo data checks out, its identities
 * sealed. */
static void
test_imports (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "vault.vigil", NULL);
  g_autoptr (JsonNode) root = vigil_demo_generate (6, 2024);
  g_autoptr (VigilInterchange) document = vigil_interchange_load_node (root, NULL, &error);
  g_autoptr (VigilVault) vault = vigil_vault_create (path, "demo passphrase", VIGIL_KDF_INTERACTIVE, &error);
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  const VigilInterchangeCounts *counts;

  g_assert_no_error (error);
  store = vigil_store_new (vault);
  g_assert_true (vigil_interchange_import (document, store, NULL, &error));
  g_assert_no_error (error);
  counts = vigil_interchange_get_counts (document);
  g_assert_cmpuint (counts->observations, >, 0);
  g_assert_cmpuint (counts->attendees, >, 0);
  g_assert_cmpuint (counts->observation_entries, >, 0);
  g_assert_cmpuint (counts->assessments, >, 0);
  g_assert_cmpuint (counts->protection_measures + counts->claims, >, 0);
  report = vigil_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_check_report_ok (report));
  g_assert_cmpint (report->sealed_values, >, counts->identities);

  g_clear_object (&store);
  vigil_vault_lock (vault);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

static VigilPersonRole
role_of (JsonArray *persons, const char *pseudonym)
{
  for (guint i = 0; i < json_array_get_length (persons); i++)
    {
      JsonObject *person = json_array_get_object_element (persons, i);
      int role = 0;

      if (g_str_equal (json_object_get_string_member (person, "pseudonym"), pseudonym))
        {
          g_assert_true (vigil_enum_from_nick (VIGIL_TYPE_PERSON_ROLE,
                                               json_object_get_string_member (person, "role"),
                                               &role));
          return role;
        }
    }
  g_assert_not_reached ();
}

/* What a monitor records is consistent: observations only on standards
 * that apply to the hearing's facts and attendance, interpreters for
 * foreign victims, outcomes only at verdicts, and some of everything. */
static void
test_hearing_records (void)
{
  g_autoptr (JsonNode) root = vigil_demo_generate (60, 11);
  JsonArray *cases = json_object_get_array_member (json_node_get_object (root), "cases");
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  guint observations = 0, entries = 0, assessments = 0, overrides = 0, testified = 0;
  guint interpreted = 0, foreign_without_interpreter = 0, severities = 0, outcomes = 0;

  for (guint c = 0; c < json_array_get_length (cases); c++)
    {
      JsonObject *kase = json_array_get_object_element (cases, c);
      JsonArray *persons = json_object_get_array_member (kase, "persons");
      JsonArray *hearings = json_object_get_array_member (kase, "hearings");

      for (guint h = 0; h < json_array_get_length (hearings); h++)
        {
          JsonObject *hearing = json_array_get_object_element (hearings, h);
          JsonObject *facts_object = json_object_get_object_member (hearing, "facts");
          JsonArray *attendance = json_object_get_array_member (hearing, "attendance");
          JsonArray *list = json_object_get_array_member (hearing, "observations");
          JsonNode *assessment = json_object_get_member (hearing, "assessment");
          VigilHearingFacts facts;
          gboolean victim_came = FALSE, interpreter_came = FALSE;
          int value = 0;

          vigil_hearing_facts_init (&facts);
          g_assert_true (vigil_enum_from_nick (VIGIL_TYPE_HEARING_KIND,
                                               json_object_get_string_member (hearing, "kind"),
                                               &value));
          facts.kind = value;
          g_assert_true (vigil_enum_from_nick (VIGIL_TYPE_HEARING_STATUS,
                                               json_object_get_string_member (hearing, "status"),
                                               &value));
          facts.status = value;
          facts.closed_session = json_object_get_boolean_member (hearing, "closed_session");
          facts.media_present = json_object_get_boolean_member (facts_object, "media_present");
          facts.interpreter_present =
            json_object_get_boolean_member (facts_object, "interpreter_present");
          facts.foreign_victim = json_object_get_boolean_member (facts_object, "foreign_victim");
          facts.interpretation_needed =
            json_object_get_boolean_member (facts_object, "interpretation_needed");
          facts.compensation_route_open =
            json_object_get_boolean_member (facts_object, "compensation_route_open");
          facts.victim_prosecuted =
            json_object_get_boolean_member (facts_object, "victim_prosecuted");
          g_assert_true (vigil_enum_from_nick (VIGIL_TYPE_CASE_OUTCOME,
                                               json_object_get_string_member (facts_object,
                                                                              "outcome"),
                                               &value));
          facts.outcome = value;
          if (facts.outcome != VIGIL_CASE_OUTCOME_NONE)
            {
              g_assert_cmpint (facts.kind, ==, VIGIL_HEARING_KIND_VERDICT);
              g_assert_cmpstr (json_object_get_string_member (kase, "outcome"), ==,
                               json_object_get_string_member (facts_object, "outcome"));
              outcomes++;
            }
          for (guint a = 0; a < json_array_get_length (attendance); a++)
            {
              JsonObject *attendee = json_array_get_object_element (attendance, a);
              VigilPersonRole role =
                role_of (persons, json_object_get_string_member (attendee, "person"));
              gboolean did = json_object_get_boolean_member (attendee, "testified");

              victim_came |= role == VIGIL_PERSON_ROLE_VICTIM
                             || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
                             || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
              interpreter_came |= role == VIGIL_PERSON_ROLE_INTERPRETER;
              testified += did;
              vigil_hearing_facts_add_attendee (&facts, role,
                                                role == VIGIL_PERSON_ROLE_CHILD_VICTIM, did);
            }
          /* Interpretation is needed exactly when a foreign victim is in
           * court; the interpreter present is the one who attended. */
          g_assert_cmpint (facts.interpretation_needed, ==, facts.foreign_victim && victim_came);
          g_assert_cmpint (facts.interpreter_present, ==, interpreter_came);
          interpreted += facts.interpretation_needed && interpreter_came;
          foreign_without_interpreter += facts.interpretation_needed && !interpreter_came;
          if (facts.status != VIGIL_HEARING_STATUS_HELD)
            g_assert_cmpuint (json_array_get_length (list), ==, 0);

          for (guint o = 0; o < json_array_get_length (list); o++)
            {
              JsonObject *observation = json_array_get_object_element (list, o);
              const char *id = json_object_get_string_member (observation, "standard");
              VigilStandard *standard = vigil_catalogue_lookup (catalogue, id);

              g_assert_nonnull (standard);
              if (!vigil_standard_applies_to (standard, &facts))
                g_test_message ("case %u hearing %u: “%s” does not apply", c, h, id);
              g_assert_true (vigil_standard_applies_to (standard, &facts));
              observations++;
              severities += !json_object_get_null_member (observation, "severity");
              entries += json_array_get_length (json_object_get_array_member (observation,
                                                                              "entries"));
            }
          if (!JSON_NODE_HOLDS_NULL (assessment))
            {
              JsonObject *object = json_node_get_object (assessment);

              g_assert_cmpint (facts.status, ==, VIGIL_HEARING_STATUS_HELD);
              assessments++;
              if (!g_str_equal (json_object_get_string_member (object, "grade"),
                                json_object_get_string_member (object, "suggested")))
                {
                  g_assert_false (json_object_get_null_member (object, "reason"));
                  overrides++;
                }
            }
        }
    }
  g_test_message ("%u observations (%u with a severity), %u entries, %u assessments (%u "
                  "overridden), %u testified, %u interpreted, %u without an interpreter, "
                  "%u outcomes",
                  observations, severities, entries, assessments, overrides, testified,
                  interpreted, foreign_without_interpreter, outcomes);
  g_assert_cmpuint (observations, >, 100);
  g_assert_cmpuint (severities, >, 10);
  g_assert_cmpuint (entries, >, 50);
  g_assert_cmpuint (assessments, >, 20);
  g_assert_cmpuint (overrides, >, 0);
  g_assert_cmpuint (overrides, <, assessments / 2);
  g_assert_cmpuint (testified, >, 20);
  g_assert_cmpuint (outcomes, >, 0);
  /* An interpreter usually attends for foreign victims, not always. */
  g_assert_cmpuint (interpreted, >, foreign_without_interpreter);
}

static gboolean
is_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_CYRILLIC)
      return TRUE;
  return FALSE;
}

/* Adds to @out the texts of the notes of @hearing: its own and its
 * observations' entries. */
static void
collect_notes (JsonObject *hearing, GPtrArray *out)
{
  JsonArray *observations = json_object_get_array_member (hearing, "observations");

  if (!json_object_get_null_member (hearing, "notes"))
    g_ptr_array_add (out, (gpointer) json_object_get_string_member (hearing, "notes"));
  for (guint i = 0; i < json_array_get_length (observations); i++)
    {
      JsonArray *entries =
        json_object_get_array_member (json_array_get_object_element (observations, i), "entries");

      for (guint k = 0; k < json_array_get_length (entries); k++)
        g_ptr_array_add (out, (gpointer) json_object_get_string_member (
                                json_array_get_object_element (entries, k), "text"));
    }
}

/* Persons of Ukraine, Serbia and Moldova are recorded in Cyrillic, as
 * those courts' files have them, and notes name them in the other
 * script; the one detector finds every such note, in both directions. */
static void
test_cyrillic (void)
{
  g_autoptr (JsonNode) root = vigil_demo_generate (120, 7);
  JsonArray *cases = json_object_get_array_member (json_node_get_object (root), "cases");
  guint cyrillic = 0, latin_notes = 0, cyrillic_notes = 0, other = 0;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *kase = json_array_get_object_element (cases, i);
      JsonArray *persons = json_object_get_array_member (kase, "persons");
      JsonArray *hearings = json_object_get_array_member (kase, "hearings");
      const char *jurisdiction = json_object_get_string_member (kase, "jurisdiction");
      gboolean cyrillic_courts = g_str_equal (jurisdiction, "Ukraine")
                                 || g_str_equal (jurisdiction, "Serbia")
                                 || g_str_equal (jurisdiction, "Moldova");
      g_autoptr (VigilIdentifierDetector) detector = vigil_identifier_detector_new ();
      g_autoptr (GPtrArray) notes = g_ptr_array_new ();

      for (guint p = 0; p < json_array_get_length (persons); p++)
        {
          JsonObject *person = json_array_get_object_element (persons, p);
          JsonObject *identity = json_object_get_object_member (person, "identity");
          g_autoptr (VigilIdentity) copy = vigil_identity_new ();

          copy->full_name = g_strdup (json_object_get_string_member (identity, "full_name"));
          if (is_cyrillic (copy->full_name))
            {
              g_assert_true (cyrillic_courts);
              cyrillic++;
            }
          vigil_identifier_detector_add_identity (detector, copy,
                                                  json_object_get_string_member (person,
                                                                                 "pseudonym"),
                                                  NULL);
        }
      for (guint h = 0; h < json_array_get_length (hearings); h++)
        collect_notes (json_array_get_object_element (hearings, h), notes);
      for (guint n = 0; n < notes->len; n++)
        {
          const char *text = g_ptr_array_index (notes, n);

          /* The notes that name a defendant: he spoke to or looked at the
           * victim-witness. */
          if (strstr (text, "the victim-witness") == NULL
              || (strstr (text, "looked at") == NULL && strstr (text, "spoke to") == NULL))
            continue;
          if (!cyrillic_courts)
            other++;
          else if (is_cyrillic (text))
            cyrillic_notes++;
          else
            latin_notes++;
          if (!vigil_identifier_detector_finds (detector, text))
            g_test_message ("not found: %s", text);
          g_assert_true (vigil_identifier_detector_finds (detector, text));
        }
    }
  g_test_message ("%u persons recorded in Cyrillic; %u notes name one in Latin, %u a person "
                  "recorded in Latin in Cyrillic, %u in other countries",
                  cyrillic, latin_notes, cyrillic_notes, other);
  g_assert_cmpuint (cyrillic, >=, 20);
  g_assert_cmpuint (latin_notes + cyrillic_notes, >=, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/same-seed", test_same_seed);
  g_test_add_func ("/demo/different-seeds", test_different_seeds);
  g_test_add_func ("/demo/names", test_names);
  g_test_add_func ("/demo/valid", test_valid);
  g_test_add_func ("/demo/imports", test_imports);
  g_test_add_func ("/demo/hearing-records", test_hearing_records);
  g_test_add_func ("/demo/cyrillic", test_cyrillic);

  return g_test_run ();
}
