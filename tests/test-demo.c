/* test-demo.c: the demo generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-demo-private.h"
#include "vigil-demo.h"
#include "vigil-error.h"
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
  g_autoptr (VigilVault) vault = vigil_vault_create (path, "demo", VIGIL_KDF_INTERACTIVE, &error);
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  const VigilInterchangeCounts *counts;

  g_assert_no_error (error);
  store = vigil_store_new (vault);
  g_assert_true (vigil_interchange_import (document, store, NULL, &error));
  g_assert_no_error (error);
  counts = vigil_interchange_get_counts (document);
  g_assert_cmpuint (counts->observations, >, 0);
  g_assert_cmpuint (counts->protection_measures + counts->claims, >, 0);
  report = vigil_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_check_report_ok (report));
  g_assert_cmpint (report->sealed_values, >, counts->identities);

  g_clear_object (&store);
  vigil_vault_lock (vault);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Demo observations name standards of the catalogue Vigil ships. */
static void
test_standards_in_catalogue (void)
{
  guint n = 0;

  for (const char * const *id = vigil_demo_standards; *id != NULL; id++, n++)
    {
      if (vigil_catalogue_lookup (vigil_catalogue_get_default (), *id) == NULL)
        g_test_message ("the demo uses “%s”, which is not in the catalogue", *id);
      g_assert_nonnull (vigil_catalogue_lookup (vigil_catalogue_get_default (), *id));
    }
  g_assert_cmpuint (n, >=, 10);
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
  g_test_add_func ("/demo/standards-in-catalogue", test_standards_in_catalogue);

  return g_test_run ();
}
