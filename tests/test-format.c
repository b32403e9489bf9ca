/* test-format.c: a vault and its exports from an earlier build, read again
 *
 * tests/fixtures/vault-v1 holds a vault that vigil-cli made on the day the
 * fixture was taken (demo --init --kdf=interactive --cases=3 --seed=7),
 * its passphrase, and the two exports vigil-cli wrote from a copy of it,
 * with identities and without. The core of today must open that file,
 * find it whole with the counts the check gave then, read the same records
 * through the store, and export it to the same bytes but for the moment of
 * export. However the core's files are rearranged, a change to the vault
 * on disk or to the interchange format fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-interchange.h"
#include "vigil-store.h"
#include "vigil-test-util.h"

/* What `vigil-cli check` printed for a fresh copy of the fixture. */
#define AUDIT_ENTRIES   174
#define SEALED_VALUES   118
#define SEALED_FAILURES 0
#define RECORDS         153

typedef struct
{
  char       *dir;
  char       *path;
  VigilVault *vault;
  VigilStore *store;
} Fixture;

typedef struct
{
  VigilExportFlags  flags;
  const char       *expected;
} ExportCase;

static const ExportCase export_identities = { VIGIL_EXPORT_IDENTITIES,
                                              "export-with-identities.json" };
static const ExportCase export_pseudonyms = { VIGIL_EXPORT_DEFAULT, "export-pseudonyms.json" };

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "vault-v1", name, NULL);
}

static char *
read_passphrase (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("passphrase");
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  /* The first line, as vigil-cli --passphrase-file reads it. */
  return g_strndup (text, strcspn (text, "\r\n"));
}

/* Every test opens its own copy: opening may write to the file, and an
 * export with identities adds audit entries the check would then count. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *original = fixture_path ("demo.vigil");
  g_autofree char *passphrase = read_passphrase ();

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "demo.vigil", NULL);
  vigil_test_copy_file (original, f->path);
  f->vault = vigil_vault_open (f->path, passphrase, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->vault);
  f->store = vigil_store_new (f->vault);
}

/* The same vault with 1024-byte pages, as SQLite lets a file of the
 * earlier format be rewritten: an encrypted vault has 4096-byte pages
 * only, so its move to the encrypted format must change their size (with
 * the reserve kept for nonce and tag) rather than refuse it as damaged. */
static void
fixture_set_up_small_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *original = fixture_path ("demo.vigil");
  g_autofree char *passphrase = read_passphrase ();

  g_autofree char *copy = NULL;
  g_autofree char *sql = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "demo.vigil", NULL);
  copy = g_build_filename (f->dir, "copy.vigil", NULL);
  vigil_test_copy_file (original, copy);
  /* Through the page VFS, which writes the earlier format's checksums;
   * VACUUM INTO takes the page size asked, and leaves a rollback journal
   * file, which WAL mode then replaces as in a vault of that time. */
  sql = g_strdup_printf ("PRAGMA page_size = 1024; VACUUM INTO '%s';", f->path);
  vigil_test_raw_sql (copy, passphrase, sql);
  vigil_test_raw_sql (f->path, passphrase, "PRAGMA journal_mode = WAL;");
  f->vault = vigil_vault_open (f->path, passphrase, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->vault);
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

static void
test_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("check: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_true (report->integrity_ok);
  g_assert_true (report->audit_ok);
  g_assert_true (vigil_check_report_ok (report));
  g_assert_cmpint (report->audit_entries, ==, AUDIT_ENTRIES);
  g_assert_cmpint (report->sealed_values, ==, SEALED_VALUES);
  g_assert_cmpint (report->sealed_failures, ==, SEALED_FAILURES);
  g_assert_cmpint (report->records, ==, RECORDS);
}

/* @text with the value of its "exported_at" replaced: the one part of an
 * export that differs between two runs. The shape of the time stays part
 * of what is compared. */
static char *
mask_exported_at (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) regex = NULL;
  char *masked;

  regex = g_regex_new ("^(  \"exported_at\" : )\"[0-9]{4}-[0-9]{2}-[0-9]{2}"
                       "T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{6})?Z\"",
                       G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, text, 0, NULL));
  masked = g_regex_replace (regex, text, -1, 0, "\\1\"(the time of export)\"", 0, &error);
  g_assert_no_error (error);
  return masked;
}

/* Fails on the first line that differs, and names it, so a change to the
 * format is readable from the test log without diffing two thousand lines by hand. */
static void
assert_same_lines (const char *exported, const char *expected)
{
  g_auto (GStrv) exported_lines = g_strsplit (exported, "\n", -1);
  g_auto (GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  guint n_exported = g_strv_length (exported_lines);
  guint n_expected = g_strv_length (expected_lines);

  for (guint i = 0; i < n_exported && i < n_expected; i++)
    if (!g_str_equal (exported_lines[i], expected_lines[i]))
      {
        g_test_message ("line %u differs:\n  expected: %s\n  exported: %s", i + 1,
                        expected_lines[i], exported_lines[i]);
        g_assert_cmpstr (exported_lines[i], ==, expected_lines[i]);
      }
  if (n_exported != n_expected)
    g_test_message ("line %u differs:\n  expected: %s\n  exported: %s",
                    MIN (n_exported, n_expected) + 1,
                    n_expected > n_exported ? expected_lines[n_exported] : "(end of file)",
                    n_exported > n_expected ? exported_lines[n_expected] : "(end of file)");
  g_assert_cmpuint (n_exported, ==, n_expected);
}

/* The whole of @path as a string; a NUL inside would hide what follows it
 * from the comparison, so there must be none. */
static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  gsize length = 0;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, length);
  return text;
}

/* Through vigil_interchange_export_file(), as vigil-cli export writes. */
static void
test_export (Fixture *f, gconstpointer data)
{
  const ExportCase *export = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *expected_path = fixture_path (export->expected);
  g_autofree char *exported_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  VigilInterchangeCounts counts = { 0 };

  g_assert_true (vigil_interchange_export_file (f->store, out, export->flags, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.cases, ==, 3);

  exported_text = read_text (out);
  expected_text = read_text (expected_path);
  exported = mask_exported_at (exported_text);
  expected = mask_exported_at (expected_text);
  assert_same_lines (exported, expected);
  g_assert_cmpstr (exported, ==, expected);
}

/* The same records read through the store, not the exporter: a bug shared
 * by the exporter and the reader it relies on would otherwise pass. */
static void
test_records (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store, &error);
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  VigilCase *first;
  VigilCase *last;
  VigilPerson *victim = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 3);

  /* Sorted by reference, as in the export. */
  first = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (vigil_case_get_id (first), ==, "86364103-1e58-4c43-9142-152fc92133b5");
  g_assert_cmpstr (vigil_case_get_reference (first), ==, "31 T 122/2023");
  g_assert_cmpstr (vigil_case_get_court (first), ==, "Krajský soud v Ostravě");
  g_assert_cmpstr (vigil_case_get_jurisdiction (first), ==, "Czechia");
  last = g_ptr_array_index (cases, 2);
  g_assert_cmpstr (vigil_case_get_id (last), ==, "7d63625a-83b8-4547-8a61-f641565b9544");
  g_assert_cmpstr (vigil_case_get_reference (last), ==, "IV K 1510/23");
  g_assert_cmpstr (vigil_case_get_court (last), ==, "Sąd Okręgowy w Gdańsku");

  persons = vigil_store_list_persons (f->store, vigil_case_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 7);
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (vigil_person_get_pseudonym (g_ptr_array_index (persons, i)), "V-01"))
      victim = g_ptr_array_index (persons, i);
  g_assert_nonnull (victim);
  g_assert_cmpint (vigil_person_get_role (victim), ==, VIGIL_PERSON_ROLE_CHILD_VICTIM);
  g_assert_true (vigil_person_get_is_child (victim));
  /* Sealed values, opened under the keys the old file wrapped. */
  g_assert_cmpstr (vigil_person_get_notes (victim), ==,
                   "Afraid of meeting the defendants' relatives at court.");
  identity = vigil_store_load_identity (f->store, victim, &error);
  g_assert_no_error (error);
  g_assert_nonnull (identity);
  g_assert_cmpstr (identity->full_name, ==, "Elif Şahin");
  g_assert_cmpstr (identity->date_of_birth, ==, "2010-02-04");
  g_assert_cmpstr (identity->phone, ==, "+90 553 641 76 22");
  g_assert_null (identity->address);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/format/v1/check", NULL, test_check);
  ADD ("/format/v1/export-identities", &export_identities, test_export);
  ADD ("/format/v1/export-pseudonyms", &export_pseudonyms, test_export);
  ADD ("/format/v1/records", NULL, test_records);
  g_test_add ("/format/v1/small-pages/check", Fixture, NULL, fixture_set_up_small_pages,
              test_check, fixture_tear_down);
  g_test_add ("/format/v1/small-pages/export-identities", Fixture, &export_identities,
              fixture_set_up_small_pages, test_export, fixture_tear_down);

#undef ADD
  return g_test_run ();
}
