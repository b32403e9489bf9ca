/* test-audit-mac.c: the audit chain verified on open by segment MACs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-audit-mac.h"
#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-test-util.h"
#include "vigil-vault-private.h"

#define PASSPHRASE "correct horse battery staple"
#define SEGMENT    VIGIL_AUDIT_SEGMENT_ENTRIES
/* Enough full segments for the two-thread walk, and a tail without a MAC. */
#define LARGE      (8 * SEGMENT + 100)
/* Few enough for one thread. */
#define SMALL      (3 * SEGMENT + 5)

typedef struct
{
  char *dir;
  char *path;
  char *small;
  char *large;
} Fixture;

/* private helpers */

static char *
file_digest (const char *path)
{
  g_autoptr (GBytes) bytes = vigil_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gint64
mac_count (const char *path)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 count;

  db = vigil_vault_open_raw (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  count = vigil_audit_mac_count (db, &error);
  g_assert_no_error (error);
  vigil_vault_close_raw (path, db);
  return count;
}

/* A vault whose chain holds @entries entries, each about its own record,
 * opened once so that its full segments have their MACs. */
static void
write_chain (const char *path, gint64 entries)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (path, PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                                     &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = vigil_vault_get_db (vault, &error);
  g_assert_true (vigil_vault_begin (vault, &error));
  for (gint64 i = 1; i <= entries; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%" G_GINT64_FORMAT, i);

      g_assert_true (vigil_audit_append (db, vigil_vault_get_audit_key (vault),
                                         vigil_vault_get_actor (vault), i % 3 ? "update" : "create",
                                         "case", id, i, &error));
    }
  g_assert_true (vigil_vault_commit (vault, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  g_assert_cmpint (mac_count (path), ==, 0);

  vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_assert_cmpint (mac_count (path), ==, entries / SEGMENT);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.vigil", NULL);
  f->small = g_build_filename (f->dir, "small.vigil", NULL);
  f->large = g_build_filename (f->dir, "large.vigil", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->small);
  g_free (f->large);
  vigil_test_tmpdir_free (f->dir);
}

/* Opening a copy of @pristine edited by @sql fails as tampered, and leaves
 * the file as it was. */
static void
assert_tampered (const char *pristine, const char *path, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  vigil_test_copy_file (pristine, path);
  vigil_test_raw_sql (path, PASSPHRASE, sql);
  before = file_digest (path);
  vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_test_message ("%s: %s", sql, error != NULL ? error->message : "opened");
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_null (vault);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

/* tests */

static void
test_open_writes_macs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_free);
  gint64 walked = 0, verified = 0;
  sqlite3 *db;

  write_chain (f->large, LARGE);
  vault = vigil_vault_open (f->large, PASSPHRASE, &error);
  g_assert_no_error (error);
  db = vigil_vault_get_db (vault, &error);

  /* The segments and the full walk agree, and nothing is left to seal. */
  g_assert_true (vigil_audit_verify (db, vigil_vault_get_audit_key (vault), &walked, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_audit_verify_segments (db, vigil_vault_get_audit_key (vault), &verified,
                                              fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (walked, ==, LARGE);
  g_assert_cmpint (verified, ==, LARGE);
  g_assert_cmpuint (fresh->len, ==, 0);

  /* Entries that fill the next segment get its MAC at the next open. */
  g_assert_true (vigil_vault_begin (vault, &error));
  for (int i = 0; i < SEGMENT; i++)
    g_assert_true (vigil_audit_append (db, vigil_vault_get_audit_key (vault),
                                       vigil_vault_get_actor (vault), "update", "case", "later",
                                       i + 1, &error));
  g_assert_true (vigil_vault_commit (vault, &error));
  g_clear_object (&vault);
  vault = vigil_vault_open (f->large, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mac_count (f->large), ==, LARGE / SEGMENT + 1);
}

static void
test_removed_mac_is_rebuilt (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;

  /* A MAC taken away only means its segment is walked entry by entry. */
  write_chain (f->small, SMALL);
  vigil_test_copy_file (f->small, f->path);
  vigil_test_raw_sql (f->path, PASSPHRASE, "DELETE FROM meta WHERE key = 'audit-mac-0000000001'");
  g_assert_cmpint (mac_count (f->path), ==, SMALL / SEGMENT - 1);
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mac_count (f->path), ==, SMALL / SEGMENT);
}

static void
test_tampering (Fixture *f, gconstpointer data)
{
  /* Edits of a vault of three full segments and a tail (one thread). */
  static const char * const small_edits[] = {
    /* an entry under a MAC: changed, its hash replaced, removed */
    "UPDATE audit SET action = 'read' WHERE seq = 5",
    "UPDATE audit SET record_id = 'r6' WHERE seq = 7",
    "UPDATE audit SET record_version = 99 WHERE seq = 1500",
    "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 2048",
    "UPDATE audit SET hash = zeroblob(32) WHERE seq = 1024",
    "UPDATE audit SET prev_hash = zeroblob(32) WHERE seq = 1025",
    "DELETE FROM audit WHERE seq = 3000",
    "DELETE FROM audit WHERE seq = 1",
    /* two entries swapped */
    "UPDATE audit SET seq = -1 WHERE seq = 100;"
    "UPDATE audit SET seq = 100 WHERE seq = 101;"
    "UPDATE audit SET seq = 101 WHERE seq = -1",
    /* the chain cut inside a segment under a MAC, or before one */
    "DELETE FROM audit WHERE seq > 2500",
    "DELETE FROM audit WHERE seq > 2048",
    /* a MAC forged, damaged, or taken from another segment */
    "UPDATE meta SET value = substr(value, 1, 49) || '00000000000000000000000000000000'"
    " WHERE key = 'audit-mac-0000000002'",
    "UPDATE meta SET value = 'not a mac' WHERE key = 'audit-mac-0000000000'",
    "UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'audit-mac-0000000000')"
    " WHERE key = 'audit-mac-0000000001'",
    /* a MAC removed together with an edit of its segment */
    "DELETE FROM meta WHERE key = 'audit-mac-0000000001';"
    "UPDATE audit SET actor = 'someone else' WHERE seq = 1111",
    /* the tail, which has no MAC */
    "UPDATE audit SET action = 'read' WHERE seq = 3074",
    "DELETE FROM audit WHERE seq = 3073",
  };
  /* Edits of a vault walked by two threads, on both sides of their split. */
  static const char * const large_edits[] = {
    "UPDATE audit SET action = 'read' WHERE seq = 10",
    "UPDATE audit SET actor = 'someone else' WHERE seq = 6000",
    "UPDATE audit SET hash = zeroblob(32) WHERE seq = 4096",
    "UPDATE audit SET prev_hash = zeroblob(32) WHERE seq = 4097",
    "DELETE FROM audit WHERE seq = 4096",
    "DELETE FROM audit WHERE seq = 4097",
    "DELETE FROM audit WHERE seq > 8000",
    "UPDATE audit SET action = 'read' WHERE seq = 8250",
  };

  write_chain (f->small, SMALL);
  for (guint i = 0; i < G_N_ELEMENTS (small_edits); i++)
    assert_tampered (f->small, f->path, small_edits[i]);
  write_chain (f->large, LARGE);
  for (guint i = 0; i < G_N_ELEMENTS (large_edits); i++)
    assert_tampered (f->large, f->path, large_edits[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit-mac/open-writes-macs", Fixture, NULL, fixture_set_up,
              test_open_writes_macs, fixture_tear_down);
  g_test_add ("/audit-mac/removed-mac-is-rebuilt", Fixture, NULL, fixture_set_up,
              test_removed_mac_is_rebuilt, fixture_tear_down);
  g_test_add ("/audit-mac/tampering", Fixture, NULL, fixture_set_up, test_tampering,
              fixture_tear_down);
  return g_test_run ();
}
