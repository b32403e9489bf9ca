/* test-vault.c: key slots, unlocking, sealing, damage and tampering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-schema.h"
#include "vigil-passphrase.h"
#include "vigil-test-util.h"
#include "vigil-vault-header.h"
#include "vigil-vault-internal.h"
#include "vigil-vault-private.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.vigil", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  vigil_test_tmpdir_free (f->dir);
}

static VigilVault *
create_vault (const char *path)
{
  g_autoptr (GError) error = NULL;
  VigilVault *vault = vigil_vault_create (path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

static VigilSealRef
person_ref (const char *person_id, const char *field, gint64 version)
{
  VigilSealRef ref = {
    .owner = VIGIL_KEY_OWNER_PERSON,
    .owner_id = person_id,
    .record_kind = "person",
    .record_id = person_id,
    .field = field,
    .version = version,
  };
  return ref;
}

static GBytes *
seal (VigilVault *vault, const VigilSealRef *ref, const char *text)
{
  g_autoptr (GError) error = NULL;
  GBytes *sealed = vigil_vault_seal_text (vault, ref, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sealed);
  return sealed;
}

/* A vault with one sealed value stored in its persons table: enough for the
 * file to hold every kind of page. */
static void
write_sample (const char *path, const char *person_id, const char *text)
{
  g_autoptr (VigilVault) vault = create_vault (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  VigilSealRef ref = person_ref (person_id, "identity", 1);
  sqlite3 *db = vigil_vault_get_db (vault, &error);

  g_assert_no_error (error);
  g_assert_true (vigil_vault_begin (vault, &error));
  sealed = seal (vault, &ref, text);
  g_assert_true (vigil_db_exec (db,
                                "INSERT INTO cases (id, version, created_at, updated_at,"
                                " reference, court, stage) VALUES ('c1', 1, 'now', 'now',"
                                " 'K 1/2024', 'Court', 'trial')",
                                &error));
  stmt = vigil_db_prepare (db,
                           "INSERT INTO persons (id, case_id, version, created_at, updated_at,"
                           " pseudonym, role, identity) VALUES (?, 'c1', 1, 'now', 'now', 'V-01',"
                           " 'victim', ?)",
                           &error);
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  vigil_db_bind_bytes (stmt, 2, sealed);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_true (vigil_audit_append (db, vigil_vault_get_audit_key (vault),
                                     vigil_vault_get_actor (vault), "create", "person",
                                     person_id, 1, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_vault_commit (vault, &error));
  g_clear_pointer (&stmt, sqlite3_finalize);
  vigil_vault_lock (vault);
}

/* The sealed identity of the sample, opened; NULL with @error when it fails. */
static char *
read_sample (VigilVault *vault, const char *person_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) sealed = NULL;
  VigilSealRef ref = person_ref (person_id, "identity", 1);
  sqlite3 *db = vigil_vault_get_db (vault, error);

  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db, "SELECT identity FROM persons WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, "row missing");
      return NULL;
    }
  sealed = vigil_db_column_bytes (stmt, 0);
  if (sealed == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, "value missing");
      return NULL;
    }
  return vigil_vault_unseal_text (vault, &ref, sealed, error);
}

static char *
file_digest (const char *path)
{
  g_autoptr (GBytes) bytes = vigil_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
test_create_and_open (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  write_sample (f->path, "p1", "Ana Popescu");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (vigil_test_vault_contains (f->path, PASSPHRASE, "Ana Popescu"));

  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_false (vigil_vault_is_locked (vault));
  g_assert_true (vigil_vault_core_dumps_disabled ());
  text = read_sample (vault, "p1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ana Popescu");
}

static void
test_create_refuses_existing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "precious", -1, NULL));
  before = file_digest (f->path);
  vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS);
  g_assert_null (vault);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_sample (f->path, "p1", "Ana Popescu");
  before = file_digest (f->path);
  vault = vigil_vault_open (f->path, "not the passphrase", &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE);
  g_assert_null (vault);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_open (f->path, PASSPHRASE, &error);

  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_null (vault);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_not_a_vault (Fixture *f, gconstpointer data)
{
  guint8 noise[8192];
  g_autofree char *plain_sqlite = g_build_filename (f->dir, "other.db", NULL);
  const char *paths[] = { f->path, plain_sqlite };

  randombytes_buf (noise, sizeof noise);
  g_assert_true (g_file_set_contents (f->path, (const char *) noise, sizeof noise, NULL));
  vigil_test_raw_sql (plain_sqlite, PASSPHRASE, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autofree char *before = file_digest (paths[i]);
      g_autofree char *after = NULL;

      vault = vigil_vault_open (paths[i], PASSPHRASE, &error);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
      g_assert_null (vault);
      after = file_digest (paths[i]);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);
  g_autoptr (GBytes) bytes = NULL;
  gsize size;

  write_sample (pristine, "p1", "Ana Popescu");
  bytes = vigil_test_read_file (pristine);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >, 4096);

  /* Every page boundary and a few cuts inside pages. */
  for (gsize cut = 0; cut < size; cut += (cut < 200 ? 37 : 1024))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;

      g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), cut, NULL));
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      if (vault != NULL)
        {
          /* A cut past every page in use may leave a working vault; then its
           * data must be intact. */
          g_autofree char *text = read_sample (vault, "p1", &error);

          g_assert_no_error (error);
          g_assert_cmpstr (text, ==, "Ana Popescu");
          continue;
        }
      g_test_message ("cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
      g_unlink (f->path);
    }
}

static void
test_byte_flips (Fixture *f, gconstpointer data)
{
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  guint opened = 0, refused = 0;
  gsize size;

  g_autoptr (GArray) used = g_array_new (FALSE, FALSE, sizeof (gsize));
  const guint8 *pristine_bytes;

  write_sample (pristine, "p1", "Ana Popescu");
  bytes = vigil_test_read_file (pristine);
  pristine_bytes = g_bytes_get_data (bytes, &size);
  /* Most of a small vault is zeroed free space; flips aim at bytes in use. */
  for (gsize i = 0; i < size; i++)
    if (pristine_bytes[i] != 0)
      g_array_append_val (used, i);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autofree guint8 *copy = g_memdup2 (pristine_bytes, size);
      gsize at = g_array_index (used, gsize, g_rand_int_range (rand, 0, (gint32) used->len));

      copy[at] ^= (guint8) g_rand_int_range (rand, 1, 256);
      g_assert_true (g_file_set_contents (f->path, (const char *) copy, size, NULL));
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      if (vault != NULL)
        {
          g_autofree char *text = read_sample (vault, "p1", &error);

          /* Never silent wrong data: the value is intact or refused. */
          if (text != NULL)
            g_assert_cmpstr (text, ==, "Ana Popescu");
          else
            g_assert_true (error->domain == VIGIL_ERROR
                           && (error->code == VIGIL_ERROR_TAMPERED
                               || error->code == VIGIL_ERROR_DAMAGED));
          opened++;
        }
      else
        {
          g_test_message ("flip at %" G_GSIZE_FORMAT ": %s", at, error->message);
          g_assert_true (error->domain == VIGIL_ERROR
                         && (error->code == VIGIL_ERROR_DAMAGED
                             || error->code == VIGIL_ERROR_TAMPERED
                             || error->code == VIGIL_ERROR_NEWER_FORMAT));
          refused++;
        }
      g_clear_object (&vault);
      g_unlink (f->path);
    }
  g_test_message ("%u opened, %u refused", opened, refused);
}

/* Whether the vault at @path opens and reads every page back whole; FALSE
 * with DAMAGED in @error when it does not. */
static gboolean
opens_whole (const char *path, GError **error)
{
  g_autoptr (VigilVault) vault = vigil_vault_open (path, PASSPHRASE, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if (vault == NULL)
    return FALSE;
  db = vigil_vault_get_db (vault, error);
  stmt = vigil_db_prepare (db, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    return TRUE;
  vigil_db_set_error (db, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, "reading", error);
  return FALSE;
}

/* A seized vault shows its size and its key slots: no value, no table, not
 * even what kind of file it is; and one changed byte anywhere in its pages,
 * or two pages swapped, is damage, never another value (F1). */
static void
test_page_encryption (Fixture *f, gconstpointer data)
{
  static const char * const clear[] = { "K 1/2024", "Ana Popescu", "SQLite format 3", "cases",
                                        "CREATE TABLE", "persons" };
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  sqlite3 *plain = NULL;
  gsize size, pages;

  write_sample (pristine, "p1", "Ana Popescu");
  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    g_assert_false (vigil_test_file_contains (pristine, clear[i]));
  /* Behind the encryption, the case's reference is in clear: the pages
   * were read, not skipped. */
  g_assert_true (vigil_test_vault_contains (pristine, PASSPHRASE, "K 1/2024"));

  /* A plain SQLite program cannot open it, and leaves it as it was (F7). */
  g_assert_cmpint (sqlite3_open_v2 (pristine, &plain, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (plain, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL),
                   ==, SQLITE_NOTADB);
  sqlite3_close (plain);

  bytes = vigil_test_read_file (pristine);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size % 4096, ==, 0);
  pages = size / 4096 - 2;
  g_assert_cmpuint (pages, >=, 3);
  /* A dozen pages spread over the file, each open costing a derivation. */
  for (gsize page = 0; page < pages; page += MAX (pages / 12, 1))
    {
      g_autoptr (GError) error = NULL;
      gsize at = 8192 + page * 4096 + (page * 977) % 4096;

      copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      copy[at] ^= 0x01;
      g_assert_true (g_file_set_contents (f->path, (const char *) copy, size, NULL));
      g_clear_pointer (&copy, g_free);
      g_assert_false (opens_whole (f->path, &error));
      g_test_message ("page %zu flipped: %s", page + 1, error->message);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
      g_unlink (f->path);
    }
  /* Two whole pages swapped: each is authentic, but not where it is. */
  {
    g_autoptr (GError) error = NULL;
    guint8 page[4096];

    copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
    memcpy (page, copy + 8192 + 4096, 4096);
    memcpy (copy + 8192 + 4096, copy + 8192 + 2 * 4096, 4096);
    memcpy (copy + 8192 + 2 * 4096, page, 4096);
    g_assert_true (g_file_set_contents (f->path, (const char *) copy, size, NULL));
    g_assert_false (opens_whole (f->path, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
  }
}

/* A vault cut down to its key slots is damage, and its WAL is left as it
 * was: SQLite, finding no page, would delete it as stale. */
static void
test_cut_to_header (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *wal_text = NULL;

  write_sample (f->path, "p1", "Ana Popescu");
  bytes = vigil_test_read_file (f->path);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), 8192, NULL));
  g_assert_true (g_file_set_contents (wal, "frames of the last commits", -1, NULL));
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
  g_assert_null (vault);
  g_assert_true (g_file_get_contents (wal, &wal_text, NULL, NULL));
  g_assert_cmpstr (wal_text, ==, "frames of the last commits");
}

/* The key slots live in the file's header, in two copies. A flip in one
 * copy is survived; in both, or in a slot rewritten as the format says, it
 * is damage, or an altered slot, never "wrong passphrase". */
static void
test_slot_damage (Fixture *f, gconstpointer data)
{
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);
  g_autoptr (GBytes) bytes = NULL;
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  gsize size;

  write_sample (pristine, "p1", "Ana Popescu");
  bytes = vigil_test_read_file (pristine);
  size = g_bytes_get_size (bytes);

  /* Byte flips in the salt of the first slot: one copy, then both. */
  for (guint copies = 1; copies <= 2; copies++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

      for (guint c = 0; c < copies; c++)
        copy[c * 4096 + 32 + 24] ^= 0x80;
      g_assert_true (g_file_set_contents (f->path, (const char *) copy, size, NULL));
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      if (copies == 1)
        g_assert_no_error (error);
      else
        g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
    }

  /* Slots rewritten whole, the header's checksums made right. */
  for (guint edit = 0; edit < 6; edit++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      VigilHeaderSlot *slot = &header.slots[0];
      GQuark domain = VIGIL_ERROR;
      int expected = VIGIL_ERROR_DAMAGED;

      vigil_test_copy_file (pristine, f->path);
      g_assert_true (vigil_vault_header_read (f->path, &kind, &header, NULL));
      g_assert_cmpint (kind, ==, VIGIL_VAULT_FILE_ENCRYPTED);
      switch (edit)
        {
        case 0: /* the slot's own checksum no longer matches */
          memset (slot->salt, 0, sizeof slot->salt);
          break;
        case 1:
          memset (slot->wrapped, 0, sizeof slot->wrapped);
          break;
        case 2: /* a hostile slot asking for a terabyte: refused before */
          slot->memlimit = G_GUINT64_CONSTANT (1099511627776);
          vigil_vault_header_slot_set_checksum (slot);
          break;
        case 3: /* weakened below the floor */
          slot->opslimit = 1;
          vigil_vault_header_slot_set_checksum (slot);
          break;
        case 4:
          header.n_slots = 0;
          break;
        case 5: /* within bounds, checksum right: altered, not a wrong passphrase */
          slot->opslimit += 1;
          vigil_vault_header_slot_set_checksum (slot);
          expected = VIGIL_ERROR_TAMPERED;
          break;
        }
      g_assert_true (vigil_vault_header_write (f->path, &header, NULL));
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      g_test_message ("edit %u: %s", edit, error != NULL ? error->message : "opened");
      g_assert_error (error, domain, expected);
      g_assert_null (vault);
    }
}

/* A second slot altered in the header while the first opens: the vault's
 * own record of its slots, under the page key, says it was altered; the
 * header is written again from it and the user is told. */
static void
test_slot_altered_beside (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  VigilVaultHeader header, after;
  VigilVaultFileKind kind;
  gint64 second = -1;

  vault = create_vault (f->path);
  g_assert_true (vigil_vault_add_slot (vault, "second", "second passphrase 2026",
                                       VIGIL_KDF_INTERACTIVE, &second, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  g_assert_true (vigil_vault_header_read (f->path, &kind, &header, NULL));
  g_assert_cmpuint (header.n_slots, ==, 2);
  /* Another level Vigil writes, the slot's checksum made right. */
  header.slots[1].opslimit = 3;
  header.slots[1].memlimit = 268435456;
  vigil_vault_header_slot_set_checksum (&header.slots[1]);
  g_assert_true (vigil_vault_header_write (f->path, &header, NULL));

  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vigil_vault_get_slots_warning (vault), "key slots"));
  g_assert_null (vigil_vault_get_older_copy_warning (vault));
  g_assert_true (vigil_vault_header_read (f->path, &kind, &after, NULL));
  g_assert_cmpuint (after.slots[1].opslimit, ==, 2);
  g_clear_object (&vault);
  vault = vigil_vault_open (f->path, "second passphrase 2026", &error);
  g_assert_no_error (error);
}

/* The place of a value is read from its row: a row at version 0 or
 * without an id is damage, reported as such, not a programming error. */
static void
test_seal_invalid_place (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GBytes) opened = NULL;
  VigilSealRef ref = person_ref ("p1", "identity", 1);

  sealed = seal (vault, &ref, "Ana Popescu");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      VigilSealRef bad = ref;

      if (i == 0)
        bad.version = 0;
      else
        bad.record_id = NULL;
      opened = vigil_vault_unseal (vault, &bad, sealed, &error);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
      g_assert_null (opened);
    }
}

static void
test_newer_format (Fixture *f, gconstpointer data)
{
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           vigil_schema_latest_version () + 1);
  const char *edits[] = { bump, "UPDATE meta SET value = '99' WHERE key = 'format'" };

  write_sample (pristine, "p1", "Ana Popescu");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      vigil_test_copy_file (pristine, f->path);
      vigil_test_raw_sql (f->path, PASSPHRASE, edits[i]);
      before = file_digest (f->path);
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT);
      after = file_digest (f->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_seal_bindings (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  g_autoptr (GError) error = NULL;
  VigilSealRef a = person_ref ("p1", "identity", 3);
  VigilSealRef other_row = person_ref ("p2", "identity", 3);
  VigilSealRef other_field = person_ref ("p1", "notes", 3);
  VigilSealRef older = person_ref ("p1", "identity", 2);
  VigilSealRef other_kind = a;
  g_autoptr (GBytes) sealed = seal (vault, &a, "Ana Popescu");
  g_autoptr (GBytes) other = seal (vault, &other_row, "Ion Rusu");
  const VigilSealRef *wrong[] = { &other_row, &other_field, &older, &other_kind };
  g_autofree char *text = NULL;

  other_kind.record_kind = "hearing";
  text = vigil_vault_unseal_text (vault, &a, sealed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ana Popescu");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *moved = vigil_vault_unseal_text (vault, wrong[i], sealed, &local);

      g_assert_error (local, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
      g_assert_null (moved);
    }
}

static void
test_seal_padding (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  VigilSealRef ref = person_ref ("p1", "identity", 1);
  g_autoptr (GBytes) a = seal (vault, &ref, "Ana");
  g_autoptr (GBytes) b = seal (vault, &ref, "Anastasia-Maria Popescu-Rădulescu");
  g_autoptr (GBytes) c = seal (vault, &ref, "Ana");

  g_assert_cmpuint (g_bytes_get_size (a), ==, g_bytes_get_size (b));
  /* Random nonces: the same text never seals the same way twice. */
  g_assert_false (g_bytes_equal (a, c));
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  g_autoptr (GError) error = NULL;
  VigilSealRef ref = person_ref ("p1", "identity", 1);
  g_autoptr (GBytes) sealed = seal (vault, &ref, "Ana Popescu");
  g_autofree char *text = NULL;

  g_assert_true (vigil_vault_core_dumps_disabled ());
  vigil_vault_lock (vault);
  g_assert_true (vigil_vault_is_locked (vault));
  g_assert_false (vigil_vault_core_dumps_disabled ());
  text = vigil_vault_unseal_text (vault, &ref, sealed, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_assert_null (text);
}

static void
test_data_key_destroyed (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  g_autoptr (GError) error = NULL;
  VigilSealRef ref = person_ref ("p1", "identity", 1);
  VigilSealRef kept = person_ref ("p2", "identity", 1);
  g_autoptr (GBytes) sealed = seal (vault, &ref, "Ana Popescu");
  g_autoptr (GBytes) sealed_kept = seal (vault, &kept, "Ion Rusu");
  g_autofree char *gone = NULL;
  g_autofree char *still = NULL;

  g_assert_true (vigil_vault_destroy_data_key (vault, VIGIL_KEY_OWNER_PERSON, "p1", &error));
  g_assert_true (vigil_vault_purge (vault, &error));
  g_assert_no_error (error);
  gone = vigil_vault_unseal_text (vault, &ref, sealed, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_ERASED);
  g_assert_null (gone);
  g_clear_error (&error);
  still = vigil_vault_unseal_text (vault, &kept, sealed_kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (still, ==, "Ion Rusu");
}

/* A key created in work that was rolled back is gone, not cached. */
static void
test_rollback_forgets_keys (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilVault) vault = create_vault (f->path);
  g_autoptr (GError) error = NULL;
  VigilSealRef ref = person_ref ("p1", "identity", 1);
  g_autoptr (GBytes) sealed = NULL;
  g_autofree char *text = NULL;

  g_assert_true (vigil_vault_begin (vault, &error));
  g_assert_true (vigil_vault_begin (vault, &error));
  sealed = seal (vault, &ref, "Ana Popescu");
  g_assert_true (vigil_vault_commit (vault, &error));
  vigil_vault_rollback (vault);
  text = vigil_vault_unseal_text (vault, &ref, sealed, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_ERASED);
  g_assert_null (text);
}

static void
test_slots (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (GPtrArray) slots = NULL;
  g_autofree char *text = NULL;
  gint64 second = 0;

  write_sample (f->path, "p1", "Ana Popescu");
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);

  g_assert_true (vigil_vault_add_slot (vault, "field office", "second passphrase here",
                                       VIGIL_KDF_INTERACTIVE, &second, &error));
  g_assert_no_error (error);
  slots = vigil_vault_list_slots (vault, &error);
  g_assert_cmpuint (slots->len, ==, 2);
  g_assert_cmpstr (((VigilKeySlotInfo *) slots->pdata[1])->label, ==, "field office");
  g_assert_cmpint (((VigilKeySlotInfo *) slots->pdata[1])->id, ==, second);
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* The first slot goes; the second still opens the same data. */
  vigil_vault_remove_slot (vault, ((gint64) 1), &error);
  g_assert_no_error (error);
  g_assert_no_error (error);
  g_assert_false (vigil_vault_remove_slot (vault, second, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&vault);

  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = vigil_vault_open (f->path, "second passphrase here", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_vault_get_actor (vault), ==, "field office");
  text = read_sample (vault, "p1", &error);
  g_assert_cmpstr (text, ==, "Ana Popescu");
  g_assert_true (vigil_audit_verify (vigil_vault_get_db (vault, NULL),
                                     vigil_vault_get_audit_key (vault), NULL, &error));
  g_assert_no_error (error);
}

static void
test_change_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autofree char *text = NULL;

  write_sample (f->path, "p1", "Ana Popescu");
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_false (vigil_vault_change_passphrase (vault, "wrong", "new passphrase 2026", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (vigil_vault_change_passphrase (vault, PASSPHRASE, "new passphrase 2026",
                                                &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = vigil_vault_open (f->path, "new passphrase 2026", &error);
  g_assert_no_error (error);
  text = read_sample (vault, "p1", &error);
  g_assert_cmpstr (text, ==, "Ana Popescu");
}

static void
test_audit_tampering (Fixture *f, gconstpointer data)
{
  static const char * const edits[] = {
    "UPDATE audit SET action = 'read' WHERE seq = 1",
    "UPDATE audit SET record_version = 7 WHERE seq = 2",
    "DELETE FROM audit WHERE seq = 2",
    "DELETE FROM audit WHERE seq = 1",
    "UPDATE audit SET actor = 'someone else' WHERE seq = 3",
  };
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.vigil", NULL);

  {
    g_autoptr (VigilVault) vault = create_vault (pristine);
    g_autoptr (GError) error = NULL;
    sqlite3 *db = vigil_vault_get_db (vault, &error);
    gint64 entries = 0;

    for (int i = 1; i <= 3; i++)
      g_assert_true (vigil_audit_append (db, vigil_vault_get_audit_key (vault),
                                         vigil_vault_get_actor (vault), "update", "case", "c1",
                                         i, &error));
    g_assert_true (vigil_audit_verify (db, vigil_vault_get_audit_key (vault), &entries,
                                       &error));
    g_assert_cmpint (entries, ==, 3);
  }

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      vigil_test_copy_file (pristine, f->path);
      vigil_test_raw_sql (f->path, PASSPHRASE, edits[i]);
      before = file_digest (f->path);
      vault = vigil_vault_open (f->path, PASSPHRASE, &error);
      g_test_message ("%s: %s", edits[i], error != NULL ? error->message : "opened");
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
      g_assert_null (vault);
      after = file_digest (f->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilVault) created = NULL;

  vigil_vault_create_async (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, NULL, on_opened,
                            &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  created = vigil_vault_create_finish (result, &error);
  g_assert_no_error (error);
  vigil_vault_lock (created);
  g_clear_object (&result);

  vigil_vault_open_async (f->path, "wrong", NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  vault = vigil_vault_open_finish (result, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&result);

  vigil_vault_open_async (f->path, PASSPHRASE, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  vault = vigil_vault_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_false (vigil_vault_is_locked (vault));
}

/* One rule for a new passphrase, in the core, so the window and the command
 * line cannot differ; the key comes from the passphrase in NFC, so the
 * same words composed or decomposed open the same vault. */
static void
test_passphrase_rules (Fixture *f, gconstpointer data)
{
  /* "café" with a precomposed é, then with e and a combining acute. */
  static const char composed[] = "caf\xc3\xa9 au lait pass";
  static const char decomposed[] = "cafe\xcc\x81 au lait pass";
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilVault) reopened = NULL;

  vault = vigil_vault_create (f->path, "short one", VIGIL_KDF_INTERACTIVE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12"));
  g_assert_null (vault);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  vault = vigil_vault_create (f->path, "a tab\there is bad", VIGIL_KDF_INTERACTIVE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_null (vault);
  g_clear_error (&error);
  /* 12 characters in NFC, though 13 in the form typed: the characters
   * counted are those the key is derived from. */
  g_assert_cmpint (vigil_passphrase_length ("cafe\xcc\x81 au lait"), ==, 12);

  vault = vigil_vault_create (f->path, decomposed, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  vigil_vault_lock (vault);
  reopened = vigil_vault_open (f->path, composed, &error);
  g_assert_no_error (error);
  vigil_vault_lock (reopened);
  g_clear_object (&reopened);
  reopened = vigil_vault_open (f->path, decomposed, &error);
  g_assert_no_error (error);
  g_assert_false (vigil_vault_add_slot (reopened, "second", "too short", VIGIL_KDF_INTERACTIVE,
                                        NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vigil_vault_change_passphrase (reopened, composed, "tiny", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
}

/* A whole vault put back to an older copy is whole in itself; what this
 * computer saw of it last says that it is older. */
static void
test_older_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                                     &error);
  g_autofree char *older = g_strconcat (f->path, ".older", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (vigil_vault_add_slot (vault, "second", "second passphrase here",
                                       VIGIL_KDF_INTERACTIVE, NULL, &error));
  g_assert_no_error (error);
  vigil_vault_lock (vault);
  g_clear_object (&vault);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (older, contents, length, NULL));

  /* Opened again as it is: nothing to say. */
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_null (vigil_vault_get_older_copy_warning (vault));
  g_assert_true (vigil_vault_add_slot (vault, "third", "third passphrase here",
                                       VIGIL_KDF_INTERACTIVE, NULL, &error));
  g_assert_no_error (error);
  vigil_vault_lock (vault);
  g_clear_object (&vault);

  /* The older copy put back in its place. */
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vigil_vault_get_older_copy_warning (vault));
  g_assert_nonnull (strstr (vigil_vault_get_older_copy_warning (vault), "older than the one last "
                                                                        "opened on this computer"));
  /* That copy then goes its own way: a different history, not an older one. */
  g_assert_true (vigil_vault_add_slot (vault, "elsewhere", "another passphrase here",
                                       VIGIL_KDF_INTERACTIVE, NULL, &error));
  g_assert_true (vigil_vault_add_slot (vault, "and again", "yet another passphrase",
                                       VIGIL_KDF_INTERACTIVE, NULL, &error));
  g_assert_no_error (error);
  vigil_vault_lock (vault);
  g_clear_object (&vault);
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  /* Seen last as it was at the lock just before: no warning now. */
  g_assert_null (vigil_vault_get_older_copy_warning (vault));
  vigil_vault_lock (vault);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/vault/create-and-open", test_create_and_open);
  ADD ("/vault/create/refuses-existing", test_create_refuses_existing);
  ADD ("/vault/unlock/wrong-passphrase", test_wrong_passphrase);
  ADD ("/vault/unlock/missing-file", test_missing_file);
  ADD ("/vault/unlock/not-a-vault", test_not_a_vault);
  ADD ("/vault/unlock/truncated", test_truncated);
  ADD ("/vault/unlock/byte-flips", test_byte_flips);
  ADD ("/vault/unlock/slot-damage", test_slot_damage);
  ADD ("/vault/unlock/page-encryption", test_page_encryption);
  ADD ("/vault/unlock/cut-to-header", test_cut_to_header);
  ADD ("/vault/unlock/slot-altered-beside", test_slot_altered_beside);
  ADD ("/vault/unlock/newer-format", test_newer_format);
  ADD ("/vault/unlock/async", test_async);
  ADD ("/vault/seal/bindings", test_seal_bindings);
  ADD ("/vault/seal/padding", test_seal_padding);
  ADD ("/vault/seal/invalid-place", test_seal_invalid_place);
  ADD ("/vault/lock", test_locked);
  ADD ("/vault/data-key/destroyed", test_data_key_destroyed);
  ADD ("/vault/data-key/rollback", test_rollback_forgets_keys);
  ADD ("/vault/slots/add-remove", test_slots);
  ADD ("/vault/slots/change-passphrase", test_change_passphrase);
  ADD ("/vault/passphrase/rules", test_passphrase_rules);
  ADD ("/vault/older-copy", test_older_copy);
  ADD ("/vault/audit/tampering", test_audit_tampering);
#undef ADD

  return g_test_run ();
}
