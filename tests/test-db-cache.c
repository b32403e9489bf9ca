/* test-db-cache.c: prepared statements kept for the hot paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-catalogue.h"
#include "vigil-db-cache.h"
#include "vigil-error.h"
#include "vigil-store-observation-notes.h"
#include "vigil-store.h"
#include "vigil-test-util.h"
#include "vigil-vault-private.h"

#define PASSPHRASE "correct horse battery staple"

static sqlite3 *
open_memory (void)
{
  sqlite3 *db = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (vigil_db_exec (db,
                                "CREATE TABLE t (x INTEGER);"
                                "INSERT INTO t VALUES (1), (2), (3);",
                                &error));
  g_assert_no_error (error);
  return db;
}

/* The same text gives the same statement back, with nothing left bound. */
static void
test_reuse (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = open_memory ();
  VigilDbCache *cache = vigil_db_cache_new (db);
  sqlite3_stmt *first;

  {
    g_autoptr (VigilDbCached) cached = vigil_db_cache_get (cache, "SELECT ?", &error);

    g_assert_no_error (error);
    first = cached->stmt;
    sqlite3_bind_text (cached->stmt, 1, "bound", -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (cached->stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (cached->stmt, 0), ==, "bound");
  }
  {
    g_autoptr (VigilDbCached) cached = vigil_db_cache_get (cache, "SELECT ?", &error);

    g_assert_no_error (error);
    g_assert_true (cached->stmt == first);
    g_assert_false (sqlite3_stmt_busy (cached->stmt));
    g_assert_cmpint (sqlite3_step (cached->stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_type (cached->stmt, 0), ==, SQLITE_NULL);
  }

  vigil_db_cache_free (cache);
  /* Every statement is finalized: the connection closes at once. */
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A statement lent further up the stack is not reset under its borrower:
 * a nested use of the same text gets one of its own. */
static void
test_nested (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = open_memory ();
  VigilDbCache *cache = vigil_db_cache_new (db);
  const char *sql = "SELECT x FROM t ORDER BY x";
  g_autoptr (VigilDbCached) outer = vigil_db_cache_get (cache, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (outer->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (outer->stmt, 0), ==, 1);
  {
    g_autoptr (VigilDbCached) inner = vigil_db_cache_get (cache, sql, &error);
    guint rows = 0;

    g_assert_no_error (error);
    g_assert_true (inner->stmt != outer->stmt);
    while (sqlite3_step (inner->stmt) == SQLITE_ROW)
      rows++;
    g_assert_cmpuint (rows, ==, 3);
  }
  g_assert_cmpint (sqlite3_step (outer->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (outer->stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_step (outer->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (outer->stmt, 0), ==, 3);
  g_clear_pointer (&outer, vigil_db_cached_release);

  vigil_db_cache_free (cache);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Only the first statement of a text would run: such a text is a
 * programming error, refused loudly. */
static void
test_one_statement (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      sqlite3 *db = open_memory ();
      VigilDbCache *cache = vigil_db_cache_new (db);

      vigil_db_cache_exec (cache, "DELETE FROM t; DELETE FROM t", &error);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Not one SQL statement*");
}

static int
insert_key (VigilDbCache *cache, int key)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilDbCached) insert = vigil_db_cache_get (cache, "INSERT INTO u VALUES (?)",
                                                         &error);

  g_assert_no_error (error);
  sqlite3_bind_int (insert->stmt, 1, key);
  return sqlite3_step (insert->stmt);
}

/* A statement whose step failed is ready for the next use; one that does
 * not prepare is an error, not a crash. */
static void
test_failure (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = open_memory ();
  VigilDbCache *cache = vigil_db_cache_new (db);

  g_assert_false (vigil_db_cache_exec (cache, "INSERT INTO missing VALUES (1)", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (vigil_db_cache_get (cache, "SELECT x FROM missing", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (vigil_db_cache_exec (cache, "CREATE TABLE u (y INTEGER PRIMARY KEY)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (insert_key (cache, 1), ==, SQLITE_DONE);
  g_assert_cmpint (insert_key (cache, 1), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (insert_key (cache, 2), ==, SQLITE_DONE);
  g_assert_false (vigil_db_cache_exec (cache, "INSERT INTO u VALUES (2)", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);

  vigil_db_cache_free (cache);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Locking finalizes the vault's kept statements, so its connection really
 * closes: the last connection to close removes the WAL. */
static void
test_vault_lock_closes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "test.vigil", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), 0);
  g_autofree char *observation = NULL;
  g_autofree char *note = NULL;

  vault = vigil_vault_create (path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  vigil_case_set_reference (kase, "T 1/2026");
  vigil_case_set_court (kase, "Test Court");
  g_assert_true (vigil_store_save_case (store, kase, &error));
  hearing = vigil_hearing_new (vigil_case_get_id (kase));
  vigil_hearing_set_starts_at (hearing, now);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  g_assert_true (vigil_store_save_hearing (store, hearing, &error));
  g_assert_no_error (error);

  observation = vigil_store_set_observation_status (store, catalogue,
                                                    vigil_hearing_get_id (hearing),
                                                    vigil_standard_get_id (standard),
                                                    VIGIL_OBSERVATION_STATUS_RESPECTED, NULL,
                                                    &error);
  g_assert_no_error (error);
  note = vigil_store_append_observation_note (store, catalogue, vigil_hearing_get_id (hearing),
                                              vigil_standard_get_id (standard), NULL,
                                              "The witness was heard behind a screen.", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_nonnull (vigil_vault_get_statements (vault, &error));

  vigil_vault_lock (vault);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_null (vigil_vault_get_statements (vault, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_clear_error (&error);

  /* And what was written is there after the next unlock. */
  g_clear_object (&store);
  g_clear_object (&vault);
  vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  {
    g_autoptr (GPtrArray) notes = vigil_store_list_observation_notes (store, observation, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpstr (((VigilObservationNote *) g_ptr_array_index (notes, 0))->text, ==,
                     "The witness was heard behind a screen.");
  }
  g_clear_object (&store);
  g_clear_object (&vault);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db-cache/reuse", test_reuse);
  g_test_add_func ("/db-cache/nested", test_nested);
  g_test_add_func ("/db-cache/one-statement", test_one_statement);
  g_test_add_func ("/db-cache/failure", test_failure);
  g_test_add_func ("/db-cache/vault-lock-closes", test_vault_lock_closes);

  return g_test_run ();
}
