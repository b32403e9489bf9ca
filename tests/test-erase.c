/* test-erase.c: crypto-shredding persons and cases
 *
 * The names are sealed, so they are never in the file in clear; what
 * erasing must also remove are the ciphertexts and the wrapped data key,
 * which a copy of the passphrase would otherwise still open. The tests
 * read the raw bytes of the vault file and its WAL for all three.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-store-private.h"
#include "vigil-page-vfs.h"
#include "vigil-test-util.h"

#define PASSPHRASE "erase test passphrase"

/* Fictional people. */
static const char * const erased_strings[] = {
  "Radostina Vulcheva-Marinova", "Radka", "+359 87 654 3210", "ul. Tsar Simeon 41, Varna",
  "Meets her caseworker at the Lindenhof cafe on Tuesdays", "Only the shelter director",
};
static const char * const kept_strings[] = {
  "Oksana Hrytsenko", "+380 67 123 4567", "vul. Sadova 8, Lviv",
  "Moved to a safe flat in March",
};

typedef struct
{
  char       *dir;
  char       *path;
  VigilVault *vault;
  VigilStore *store;
  VigilCase  *kase;
  VigilPerson *erased;
  VigilPerson *kept;
} Fixture;

static VigilPerson *
add_person (Fixture          *f,
            const char       *pseudonym,
            const char * const *strings,
            gboolean          with_consent)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  VigilPerson *person = vigil_person_new (vigil_case_get_id (f->kase));
  const char *aliases[] = { NULL, NULL };

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  vigil_person_set_notes (person, with_consent ? strings[4] : strings[3]);
  g_assert_true (vigil_store_save_person (f->store, person, &error));
  g_assert_no_error (error);

  identity->full_name = g_strdup (strings[0]);
  if (with_consent)
    {
      aliases[0] = strings[1];
      identity->aliases = g_strdupv ((char **) aliases);
      identity->phone = g_strdup (strings[2]);
      identity->address = g_strdup (strings[3]);
    }
  else
    {
      identity->phone = g_strdup (strings[1]);
      identity->address = g_strdup (strings[2]);
    }
  identity->date_of_birth = g_strdup ("1994-11-03");
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);

  if (with_consent)
    {
      g_autoptr (VigilConsent) consent =
        vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_SHARING, NULL);

      vigil_consent_set_shared_with (consent, strings[5]);
      g_assert_true (vigil_store_save_consent (f->store, consent, &error));
      g_assert_no_error (error);
    }
  return person;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "erase.vigil", NULL);
  f->vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  f->store = vigil_store_new (f->vault);

  f->kase = vigil_case_new ();
  vigil_case_set_reference (f->kase, "KTS-41/2023");
  vigil_case_set_court (f->kase, "Regional Court");
  vigil_case_set_notes (f->kase, "The defence contests the identification.");
  g_assert_true (vigil_store_save_case (f->store, f->kase, &error));
  g_assert_no_error (error);

  f->erased = add_person (f, "V-01", erased_strings, TRUE);
  f->kept = add_person (f, "V-02", kept_strings, FALSE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->erased);
  g_clear_object (&f->kept);
  g_clear_object (&f->kase);
  g_clear_object (&f->store);
  g_clear_object (&f->vault);
  g_free (f->path);
  vigil_test_tmpdir_free (f->dir);
}

/* The bytes of one column of one row, as stored. */
static GBytes *
raw_value (Fixture *f, const char *sql, const char *id)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = vigil_vault_get_db (f->vault, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GBytes *bytes;

  g_assert_no_error (error);
  stmt = vigil_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  bytes = vigil_db_column_bytes (stmt, 0);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 32);
  return bytes;
}

static gint64
count (Fixture *f, const char *sql)
{
  sqlite3 *db = vigil_vault_get_db (f->vault, NULL);
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
file_contains (const char *path, GBytes *needle)
{
  g_autoptr (GBytes) haystack = vigil_test_read_file (path);
  gsize hay_len, needle_len;
  const void *hay = g_bytes_get_data (haystack, &hay_len);
  const void *data = g_bytes_get_data (needle, &needle_len);

  return hay_len > 0 && memmem (hay, hay_len, data, needle_len) != NULL;
}

/* In the file's bytes, or in its pages opened with the page key: an erase
 * must leave no copy even for someone who holds the passphrase. */
static gboolean
vault_contains_bytes (Fixture *f, GBytes *needle)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (GBytes) pages = vigil_test_vault_clear_pages (f->path, PASSPHRASE);
  gsize pages_len, needle_len;
  const void *data = g_bytes_get_data (pages, &pages_len);
  const void *bytes = g_bytes_get_data (needle, &needle_len);

  return file_contains (f->path, needle) || file_contains (wal, needle)
         || (pages_len > 0 && memmem (data, pages_len, bytes, needle_len) != NULL);
}

/* What would still open the person's data: their sealed values and the
 * wrapped key. */
static GPtrArray *
secret_bytes_of (Fixture *f, VigilPerson *person, gboolean with_consent)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *id = vigil_person_get_id (person);

  g_ptr_array_add (secrets, raw_value (f, "SELECT identity FROM persons WHERE id = ?", id));
  g_ptr_array_add (secrets, raw_value (f, "SELECT notes FROM persons WHERE id = ?", id));
  g_ptr_array_add (secrets, raw_value (f,
                                       "SELECT wrapped_key FROM data_keys"
                                       " WHERE owner_kind = 'person' AND owner_id = ?",
                                       id));
  if (with_consent)
    g_ptr_array_add (secrets,
                     raw_value (f, "SELECT shared_with FROM consents WHERE person_id = ?", id));
  return secrets;
}

static void
lock_and_close (Fixture *f)
{
  g_clear_object (&f->store);
  vigil_vault_lock (f->vault);
  g_clear_object (&f->vault);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  f->vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  f->store = vigil_store_new (f->vault);
}

static void
assert_check_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_true (vigil_check_report_ok (report));
  g_assert_cmpint (report->sealed_values, >, 0);
}

static void
assert_no_clear_names (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (erased_strings); i++)
    g_assert_false (vigil_test_vault_contains (f->path, PASSPHRASE, erased_strings[i]));
  /* Sealed, never in clear: the kept person's name neither. */
  for (guint i = 0; i < G_N_ELEMENTS (kept_strings); i++)
    g_assert_false (vigil_test_vault_contains (f->path, PASSPHRASE, kept_strings[i]));
}

static void
test_erase_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) erased_secrets = secret_bytes_of (f, f->erased, TRUE);
  g_autoptr (GPtrArray) kept_secrets = secret_bytes_of (f, f->kept, FALSE);
  g_autoptr (VigilPerson) gone = NULL;
  g_autoptr (VigilIdentity) gone_identity = NULL;
  g_autoptr (VigilIdentity) kept_identity = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GBytes) opened = NULL;
  VigilSealRef ref = {
    .owner = VIGIL_KEY_OWNER_PERSON,
    .owner_id = vigil_person_get_id (f->erased),
    .record_kind = "person",
    .record_id = vigil_person_get_id (f->erased),
    .field = "identity",
    .version = vigil_person_get_version (f->erased),
  };

  /* Before: everything is there, so the search below can find things. */
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_true (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  assert_check_ok (f);

  g_assert_true (vigil_store_erase_person (f->store, vigil_person_get_id (f->erased), NULL, &error));
  g_assert_no_error (error);

  /* No API returns their data any more. */
  gone = vigil_store_get_person (f->store, vigil_person_get_id (f->erased), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone_identity = vigil_store_load_identity (f->store, f->erased, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  consents = vigil_store_list_consents (f->store, vigil_person_get_id (f->erased), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Even the old ciphertext, kept aside, no longer opens: its key is gone. */
  opened = vigil_vault_unseal (f->vault, &ref, g_ptr_array_index (erased_secrets, 0), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_ERASED);
  g_assert_null (opened);
  g_clear_error (&error);

  persons = vigil_store_list_persons (f->store, vigil_case_get_id (f->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consents"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'erase'"
                             " AND record_kind = 'person'"),
                   ==, 1);
  assert_check_ok (f);

  /* Gone at once, while the vault is still open: a crash now must not
   * leave the old pages in the WAL for the next open to find. */
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));

  lock_and_close (f);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  for (guint i = 0; i < kept_secrets->len; i++)
    g_assert_true (vault_contains_bytes (f, g_ptr_array_index (kept_secrets, i)));
  assert_no_clear_names (f);

  reopen (f);
  kept_identity = vigil_store_load_identity (f->store, f->kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept_identity->full_name, ==, kept_strings[0]);
  assert_check_ok (f);
}

/* The erase lands with the transaction around it, and so does the purge. */
static void
test_erase_in_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) erased_secrets = secret_bytes_of (f, f->erased, TRUE);
  g_autoptr (VigilIdentity) still = NULL;

  g_assert_true (vigil_store_begin (f->store, &error));
  g_assert_true (vigil_store_erase_person (f->store, vigil_person_get_id (f->erased), NULL, &error));
  g_assert_no_error (error);
  vigil_store_rollback (f->store);

  still = vigil_store_load_identity (f->store, f->erased, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (still->full_name, ==, erased_strings[0]);
  assert_check_ok (f);

  g_assert_true (vigil_store_begin (f->store, &error));
  g_assert_true (vigil_store_erase_person (f->store, vigil_person_get_id (f->erased), NULL, &error));
  g_assert_true (vigil_store_commit (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));

  lock_and_close (f);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  reopen (f);
  assert_check_ok (f);
}

static void
test_erase_by_withdrawn_consent (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilConsent) storage =
    vigil_consent_new (vigil_person_get_id (f->erased), VIGIL_CONSENT_KIND_STORAGE, NULL);
  g_autoptr (GPtrArray) erased_secrets = NULL;

  g_assert_true (vigil_store_save_consent (f->store, storage, &error));
  g_assert_no_error (error);
  erased_secrets = secret_bytes_of (f, f->erased, TRUE);

  g_assert_true (vigil_store_withdraw_consent (f->store, vigil_consent_get_id (storage), NULL,
                                               &error));
  g_assert_no_error (error);

  lock_and_close (f);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  assert_no_clear_names (f);
  reopen (f);
  assert_check_ok (f);
}

static void
test_erase_case (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) erased_secrets = secret_bytes_of (f, f->erased, TRUE);
  g_autoptr (GPtrArray) kept_secrets = secret_bytes_of (f, f->kept, FALSE);
  g_autoptr (GBytes) case_notes = raw_value (f, "SELECT notes FROM cases WHERE id = ?",
                                             vigil_case_get_id (f->kase));
  g_autoptr (GBytes) case_key = raw_value (f,
                                           "SELECT wrapped_key FROM data_keys"
                                           " WHERE owner_kind = 'case' AND owner_id = ?",
                                           vigil_case_get_id (f->kase));
  g_autoptr (GBytes) hearing_notes = NULL;
  g_autoptr (VigilHearing) hearing = vigil_hearing_new (vigil_case_get_id (f->kase));
  g_autoptr (GDateTime) when = g_date_time_new_utc (2024, 2, 12, 9, 0, 0);
  g_autoptr (VigilCase) other = vigil_case_new ();
  g_autoptr (VigilPerson) other_person = vigil_person_new (vigil_case_get_id (other));
  g_autoptr (VigilIdentity) other_identity = vigil_identity_new ();
  g_autoptr (VigilIdentity) other_back = NULL;
  g_autoptr (VigilCase) gone = NULL;
  g_autoptr (VigilHearing) gone_hearing = NULL;
  g_autoptr (GPtrArray) gone_persons = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  vigil_hearing_set_starts_at (hearing, when);
  vigil_hearing_set_notes (hearing, "Victim-witness cried during cross-examination");
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  hearing_notes = raw_value (f, "SELECT notes FROM hearings WHERE id = ?",
                             vigil_hearing_get_id (hearing));

  vigil_case_set_reference (other, "KTS-99/2024");
  vigil_case_set_court (other, "Regional Court");
  g_assert_true (vigil_store_save_case (f->store, other, &error));
  vigil_person_set_pseudonym (other_person, "V-01");
  g_assert_true (vigil_store_save_person (f->store, other_person, &error));
  other_identity->full_name = g_strdup ("Another Fictional Person");
  g_assert_true (vigil_store_save_identity (f->store, other_person, other_identity, &error));
  g_assert_no_error (error);

  g_assert_true (vigil_store_erase_case (f->store, vigil_case_get_id (f->kase), &error));
  g_assert_no_error (error);

  gone = vigil_store_get_case (f->store, vigil_case_get_id (f->kase), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone_persons = vigil_store_list_persons (f->store, vigil_case_get_id (f->kase), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone_hearing = vigil_store_get_hearing (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (vigil_store_load_identity (f->store, f->kept, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cases = vigil_store_list_cases (f->store, &error);
  g_assert_cmpuint (cases->len, ==, 1);
  /* Only the other case's person keeps a key. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM data_keys"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'erase'"), ==, 3);
  assert_check_ok (f);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  g_assert_false (vault_contains_bytes (f, case_key));

  lock_and_close (f);
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  for (guint i = 0; i < kept_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (kept_secrets, i)));
  g_assert_false (vault_contains_bytes (f, case_notes));
  g_assert_false (vault_contains_bytes (f, case_key));
  g_assert_false (vault_contains_bytes (f, hearing_notes));
  assert_no_clear_names (f);
  g_assert_false (vigil_test_vault_contains (f->path, PASSPHRASE, "KTS-41/2023"));

  reopen (f);
  other_back = vigil_store_load_identity (f->store, other_person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other_back->full_name, ==, "Another Fictional Person");
  assert_check_ok (f);
}

static void
test_erase_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 entries = count (f, "SELECT count(*) FROM audit");

  g_assert_false (vigil_store_erase_person (f->store, "6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33",
                                            NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vigil_store_erase_case (f->store, "6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33",
                                          &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, entries);
}

/* F5: another program holds a read transaction on the file, so the purge
 * cannot rewrite it. The erase must not claim the data is gone from the
 * file: it fails with VIGIL_ERROR_BUSY, the records are erased all the
 * same, a marker says the purge is pending, and the next open finishes it
 * before anything else. */
static void
test_erase_reader_holds_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) erased_secrets = secret_bytes_of (f, f->erased, TRUE);
  g_autoptr (VigilPerson) gone = NULL;
  sqlite3 *reader = NULL;

  /* Through the page VFS: the vault is unlocked in this process, so its
   * page key is known to it, as it would be to another Vigil. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, VIGIL_PAGE_VFS), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM persons;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_false (vigil_store_erase_person (f->store, vigil_person_get_id (f->erased), NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_BUSY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (vigil_vault_get_shred_pending (f->vault));
  {
    g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_false (vigil_check_report_ok (report));
    g_assert_cmpuint (report->problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0), "erase is not finished"));
  }
  /* The erase itself stands: no API returns their data. */
  gone = vigil_store_get_person (f->store, vigil_person_get_id (f->erased), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* ...but the file still holds old copies, which is what was reported. */
  {
    gboolean any = FALSE;

    for (guint i = 0; i < erased_secrets->len; i++)
      any = any || vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i));
    g_assert_true (any);
  }

  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_close (reader), ==, SQLITE_OK);
  lock_and_close (f);
  reopen (f);
  g_assert_false (vigil_vault_get_shred_pending (f->vault));
  for (guint i = 0; i < erased_secrets->len; i++)
    g_assert_false (vault_contains_bytes (f, g_ptr_array_index (erased_secrets, i)));
  assert_no_clear_names (f);
  assert_check_ok (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/erase/person", test_erase_person);
  ADD ("/erase/person-in-transaction", test_erase_in_transaction);
  ADD ("/erase/withdrawn-storage-consent", test_erase_by_withdrawn_consent);
  ADD ("/erase/case", test_erase_case);
  ADD ("/erase/missing", test_erase_missing);
  ADD ("/erase/reader-holds-file", test_erase_reader_holds_file);

#undef ADD
  return g_test_run ();
}
