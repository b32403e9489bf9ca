/* test-checkpoint.c: WAL checkpoints away from the writer's path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-db.h"
#include "vigil-test-util.h"
#include "vigil-vault-private.h"

#define PASSPHRASE "correct horse battery staple"
/* The thresholds of vigil-vault-checkpoint.c, in pages. */
#define CHECKPOINT_PAGES     1000
#define CHECKPOINT_PAGES_MAX 4000
/* Rows of about one page each, written by each commit. */
#define ROWS_PER_COMMIT 8

typedef struct
{
  char *dir;
  char *path;
  char *wal;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.vigil", NULL);
  f->wal = g_strconcat (f->path, "-wal", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->wal);
  vigil_test_tmpdir_free (f->dir);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* One durable commit of ROWS_PER_COMMIT rows. */
static void
commit_rows (VigilVault *vault, guint commit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  sqlite3 *db = vigil_vault_get_db (vault, &error);

  g_assert_no_error (error);
  g_assert_true (vigil_vault_begin (vault, &error));
  insert = vigil_db_prepare (db, "INSERT INTO meta (key, value) VALUES (?, hex(randomblob(1800)))",
                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ROWS_PER_COMMIT; i++)
    {
      g_autofree char *key = g_strdup_printf ("test-%06u-%u", commit, i);

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, key, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_assert_true (vigil_vault_commit (vault, &error));
  g_assert_no_error (error);
}

static void
assert_rows (const char *path, guint commits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_autoptr (sqlite3_stmt) count = NULL;
  g_autoptr (sqlite3_stmt) check = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = vigil_vault_get_db (vault, &error);
  count = vigil_db_prepare (db, "SELECT count(*) FROM meta WHERE key GLOB 'test-*'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (count, 0), ==, (gint64) commits * ROWS_PER_COMMIT);
  check = vigil_db_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
}

/* Past the threshold, a checkpoint copies the WAL into the file while the
 * writer waits for nothing; every commit is there afterwards. */
static void
test_background (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                                     &error);
  gint64 before;
  guint commits = 0;

  g_assert_no_error (error);
  /* Until a checkpoint, nothing of the commits reaches the file. */
  before = file_size (f->path);
  while (file_size (f->wal) < (gint64) (CHECKPOINT_PAGES + 2 * ROWS_PER_COMMIT) * 4096)
    commit_rows (vault, commits++);
  g_assert_cmpint (file_size (f->wal), <, (gint64) CHECKPOINT_PAGES_MAX * 4096);

  /* The checkpoint runs beside this thread; wait for its pages to land. */
  for (guint i = 0; i < 6000 && file_size (f->path) <= before; i++)
    g_usleep (10000);
  g_assert_cmpint (file_size (f->path), >, before);

  g_clear_object (&vault);
  assert_rows (f->path, commits);
}

/* A writer that never pauses keeps the WAL bounded all the same. */
static void
test_bounded (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                                     &error);
  /* Commits of three times the largest WAL allowed, in pages. */
  guint commits = 3 * CHECKPOINT_PAGES_MAX / ROWS_PER_COMMIT;
  gint64 largest = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < commits; i++)
    {
      commit_rows (vault, i);
      largest = MAX (largest, file_size (f->wal));
    }
  g_test_message ("largest WAL: %" G_GINT64_FORMAT " bytes", largest);
  g_assert_cmpint (largest, <, (gint64) (CHECKPOINT_PAGES_MAX + 40 * ROWS_PER_COMMIT) * 4200);

  g_clear_object (&vault);
  assert_rows (f->path, commits);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/checkpoint/background", Fixture, NULL, fixture_set_up, test_background,
              fixture_tear_down);
  g_test_add ("/checkpoint/bounded", Fixture, NULL, fixture_set_up, test_bounded,
              fixture_tear_down);
  return g_test_run ();
}
