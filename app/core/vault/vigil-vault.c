/* vigil-vault.c: the encrypted vault file: open, create, lock, transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "vigil-audit-mac.h"
#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-page-checksum.h"
#include "vigil-schema.h"
#include "vigil-vault-internal.h"
#include "vigil-wal-check.h"

G_DEFINE_FINAL_TYPE (VigilVault, vigil_vault, G_TYPE_OBJECT)

/* How many vaults are unlocked in this process: core dumps stay off while
 * any is. */
static guint unlocked_count;
static struct rlimit saved_core_limit;
static int saved_dumpable = 1;
G_LOCK_DEFINE_STATIC (unlocked_count);

/* private helpers */

static void
secure_memory_hold (void)
{
  G_LOCK (unlocked_count);
  if (unlocked_count++ == 0)
    {
      struct rlimit none = { 0, 0 };

      getrlimit (RLIMIT_CORE, &saved_core_limit);
      setrlimit (RLIMIT_CORE, &none);
      saved_dumpable = prctl (PR_GET_DUMPABLE, 0, 0, 0, 0);
      prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
  G_UNLOCK (unlocked_count);
}

static void
secure_memory_release (void)
{
  G_LOCK (unlocked_count);
  g_assert (unlocked_count > 0);
  if (--unlocked_count == 0)
    {
      setrlimit (RLIMIT_CORE, &saved_core_limit);
      prctl (PR_SET_DUMPABLE, saved_dumpable > 0 ? 1 : 0, 0, 0, 0);
    }
  G_UNLOCK (unlocked_count);
}

gboolean
vigil_vault_core_dumps_disabled (void)
{
  struct rlimit limit;

  getrlimit (RLIMIT_CORE, &limit);
  return limit.rlim_cur == 0 && prctl (PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

void
vigil_vault_ensure_sodium (void)
{
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

static gboolean
apply_pragmas (sqlite3 *db, GError **error)
{
  return vigil_db_exec (db,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA secure_delete = ON;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA busy_timeout = 5000;",
                        error);
}

static void
remove_vault_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Takes the unlocked state: the master key moves into the vault. */
static void
vault_set_unlocked (VigilVault *self,
                    sqlite3    *db,
                    guint8     *master_key,
                    gint64      slot_id,
                    const char *label,
                    char       *monitor)
{
  self->db = db;
  self->master_key = master_key;
  self->audit_key = sodium_malloc (VIGIL_AUDIT_KEY_BYTES);
  crypto_kdf_derive_from_key (self->audit_key, VIGIL_AUDIT_KEY_BYTES, 1, "vigilaud",
                              self->master_key);
  sodium_mprotect_readonly (self->audit_key);
  self->slot_id = slot_id;
  self->label = g_strdup (label);
  self->monitor = monitor;
  self->actor = g_strdup (monitor != NULL ? monitor : label);
  self->checkpointer = vigil_checkpointer_start (db, self->path);
  self->statements = vigil_db_cache_new (db);
  self->locked = FALSE;
  secure_memory_hold ();
}

static VigilVault *
create_at_schema (const char    *path,
                  const char    *passphrase,
                  VigilKdfLevel  level,
                  int            schema_version,
                  GError       **error)
{
  g_autoptr (VigilVault) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *meta_sql = NULL;
  sqlite3 *db = NULL;
  guint8 *master_key = NULL;
  const char *label;
  guint64 opslimit;
  gsize memlimit;
  int reserve = VIGIL_PAGE_CHECKSUM_BYTES;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                   _("A file already exists at %s; Vigil will not write over it"), path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not create the folder %s: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }

  vigil_page_checksum_register ();
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        VIGIL_PAGE_CHECKSUM_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not create the vault"), error);
      sqlite3_close (db);
      return NULL;
    }
  g_chmod (path, 0600);
  /* Before the first page is written: every page then keeps room for its
   * checksum (vigil-page-checksum.h). */
  sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);

  master_key = sodium_malloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  crypto_aead_xchacha20poly1305_ietf_keygen (master_key);
  label = g_get_user_name ();
  vigil_kdf_level_params (level, &opslimit, &memlimit);
  meta_sql = g_strdup_printf ("PRAGMA application_id = %d;"
                              "INSERT INTO meta (key, value) VALUES ('format', '%d');"
                              "INSERT INTO meta (key, value) VALUES ('created_at', '%s');",
                              VIGIL_SCHEMA_APPLICATION_ID, VIGIL_VAULT_FORMAT, now);

  if (!apply_pragmas (db, error) || !vigil_schema_migrate (db, schema_version, error)
      || !vigil_db_exec (db, "BEGIN IMMEDIATE", error) || !vigil_db_exec (db, meta_sql, error)
      || !vigil_vault_write_slot (db, -1, label, passphrase, opslimit, memlimit, master_key,
                                  error)
      || !vigil_db_exec (db, "COMMIT", error))
    {
      sodium_free (master_key);
      sqlite3_close (db);
      /* Only what this call created is removed: the path did not exist. */
      remove_vault_files (path);
      return NULL;
    }

  self = g_object_new (VIGIL_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  vault_set_unlocked (self, db, master_key, sqlite3_last_insert_rowid (db), label, NULL);
  return g_steal_pointer (&self);
}

static gboolean
check_header (const char *path, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GError) local = NULL;
  char header[100];
  gsize got = 0;

  in = g_file_read (file, NULL, &local);
  if (in == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND, _("There is no vault at %s"),
                     path);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not read %s: %s"), path,
                     local->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not read %s: %s"), path,
                   local->message);
      return FALSE;
    }
  /* Every vault keeps room for page checksums; a header without it is
   * not a vault, or one whose header byte was changed, which would turn
   * the checksums off. */
  if (got < sizeof header || memcmp (header, magic, sizeof magic) != 0
      || header[20] != VIGIL_PAGE_CHECKSUM_BYTES)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("%s is not a Vigil vault, or its beginning is damaged"), path);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (sqlite3 *db, const char *sql, int *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* The caller calls other failures damage; a disk that cannot be read
       * or is full keeps this message, which must not say "damaged". */
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Everything that can be checked without writing: a vault that fails here is
 * left exactly as it was. On success returns the master key and the label
 * of the slot that opened it, and adds to @out_audit_macs the MACs of audit
 * segments verified entry by entry. */
static guint8 *
unlock_read_only (const char  *path,
                  const char  *passphrase,
                  gint64      *out_slot_id,
                  char       **out_actor,
                  gint64      *out_kdf_usec,
                  GPtrArray   *out_audit_macs,
                  GError     **error)
{
  g_autoptr (GError) local = NULL;
  sqlite3 *db = NULL;
  guint8 *master_key = NULL;
  guint8 audit_key[VIGIL_AUDIT_KEY_BYTES];
  int app_id = 0, user_version = 0;
  gint64 kdf_start;
  int rc;

  if (!check_header (path, error) || !vigil_wal_check (path, error))
    return NULL;

  vigil_page_checksum_register ();
  /* This connection stays on this thread: no mutex around each call, of
   * which the audit chain's walk makes millions. */
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        VIGIL_PAGE_CHECKSUM_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      sqlite3_close (db);
      return NULL;
    }

  if (!query_int (db, "PRAGMA application_id", &app_id, &local)
      || !query_int (db, "PRAGMA user_version", &user_version, &local))
    {
      /* A disk that cannot be read, or is full, is not a damaged vault. */
      if (g_error_matches (local, VIGIL_ERROR, VIGIL_ERROR_IO))
        g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Could not open %s: "),
                                    path);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                     _("%s is not a Vigil vault, or it is damaged beyond reading"), path);
      goto fail;
    }
  if (app_id != VIGIL_SCHEMA_APPLICATION_ID || user_version < 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, _("%s is not a Vigil vault"), path);
      goto fail;
    }
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* Fuzzing builds let pages reach SQLite unchecked (vigil-page-checksum.c).
   * SQLite does not bound its walk through b-tree pages that point at each
   * other, which it reads for as long as a cycle lasts; the checksums of a
   * real build never let such pages through, so here the structure is
   * checked in their place, and mutated values still reach the code. */
  {
    g_autoptr (sqlite3_stmt) quick = vigil_db_prepare (db, "PRAGMA quick_check", NULL);

    if (quick == NULL || sqlite3_step (quick) != SQLITE_ROW
        || g_strcmp0 ((const char *) sqlite3_column_text (quick, 0), "ok") != 0)
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, _("%s is damaged"), path);
        goto fail;
      }
  }
#endif
  if (user_version > vigil_schema_latest_version ())
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT,
                   _("This vault was written by a newer version of Vigil (schema %d; this "
                     "version knows up to %d). Update Vigil to open it."),
                   user_version, vigil_schema_latest_version ());
      goto fail;
    }
  if (!vigil_vault_check_format (db, error))
    goto fail;

  kdf_start = g_get_monotonic_time ();
  master_key = vigil_vault_unwrap_any_slot (db, passphrase, out_slot_id, out_actor, error);
  *out_kdf_usec = g_get_monotonic_time () - kdf_start;
  if (master_key == NULL)
    goto fail;

  crypto_kdf_derive_from_key (audit_key, sizeof audit_key, 1, "vigilaud", master_key);
  if (!vigil_audit_verify_segments (db, audit_key, NULL, out_audit_macs, error)
      || !vigil_audit_verify_head (db, audit_key, NULL, error))
    {
      sodium_memzero (audit_key, sizeof audit_key);
      g_clear_pointer (&master_key, sodium_free);
      g_clear_pointer (out_actor, g_free);
      goto fail;
    }
  sodium_memzero (audit_key, sizeof audit_key);
  sqlite3_close (db);
  return master_key;

fail:
  sqlite3_close (db);
  return NULL;
}

static VigilVault *
open_vault (const char *path, const char *passphrase, GError **error)
{
  g_autoptr (VigilVault) self = NULL;
  g_autofree char *label = NULL;
  g_autofree char *monitor = NULL;
  g_autoptr (GPtrArray) audit_macs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  guint8 *master_key;
  sqlite3 *db = NULL;
  gint64 kdf_usec = 0;
  gint64 slot_id = -1;
  int rc;

  master_key = unlock_read_only (path, passphrase, &slot_id, &label, &kdf_usec, audit_macs,
                                 error);
  if (master_key == NULL)
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                        VIGIL_PAGE_CHECKSUM_VFS);
  /* The monitor's name has a column only from schema 5 on. */
  if (rc != SQLITE_OK || !apply_pragmas (db, error)
      || !vigil_schema_migrate (db, vigil_schema_latest_version (), error)
      || !vigil_vault_read_slot_monitor (db, slot_id, &monitor, error))
    {
      if (rc != SQLITE_OK)
        vigil_db_set_error (db, rc, _("Could not open the vault for writing"), error);
      sodium_free (master_key);
      sqlite3_close (db);
      return NULL;
    }
  /* The next open checks these segments by their MAC; without them it
   * checks them entry by entry, so a disk that refuses them loses nothing. */
  if (!vigil_audit_mac_store (db, audit_macs, &local))
    g_debug ("Audit segment MACs not stored: %s", local->message);
  {
    guint8 audit_key[VIGIL_AUDIT_KEY_BYTES];
    gboolean missing = FALSE;

    /* A vault from before heads were kept gets its head now, from the log
     * that was just verified entry by entry. */
    crypto_kdf_derive_from_key (audit_key, sizeof audit_key, 1, "vigilaud", master_key);
    g_clear_error (&local);
    if (vigil_audit_verify_head (db, audit_key, &missing, &local) && missing
        && !vigil_audit_store_head (db, audit_key, &local))
      g_debug ("Audit head not stored: %s", local->message);
    sodium_memzero (audit_key, sizeof audit_key);
  }

  self = g_object_new (VIGIL_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  self->kdf_usec = kdf_usec;
  vault_set_unlocked (self, db, master_key, slot_id, label, g_steal_pointer (&monitor));
  /* An erase whose purge was kept from finishing (another program held the
   * file) is finished before anything else; if it still cannot be, the
   * marker stays, vigil_vault_get_shred_pending() says so, and the next
   * open tries again. */
  self->older_copy = vigil_vault_compare_seen (self);
  vigil_vault_remember_seen (self);
  if (vigil_vault_get_shred_pending (self))
    {
      g_clear_error (&local);
      if (!vigil_vault_purge (self, &local))
        g_debug ("An earlier erase is still not finished: %s", local->message);
    }
  return g_steal_pointer (&self);
}

typedef struct
{
  char         *path;
  char         *passphrase; /* sodium_malloc */
  VigilKdfLevel level;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  sodium_free (data->passphrase);
  g_free (data);
}

static OpenData *
open_data_new (const char *path, const char *passphrase, VigilKdfLevel level)
{
  OpenData *data = g_new0 (OpenData, 1);
  gsize len = strlen (passphrase);

  data->path = g_strdup (path);
  data->passphrase = sodium_malloc (len + 1);
  memcpy (data->passphrase, passphrase, len + 1);
  data->level = level;
  return data;
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  VigilVault *vault = open_vault (data->path, data->passphrase, &error);

  if (vault == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  VigilVault *vault = create_at_schema (data->path, data->passphrase, data->level,
                                        vigil_schema_latest_version (), &error);

  if (vault == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
clear_data_keys (VigilVault *self)
{
  if (self->data_keys != NULL)
    g_hash_table_remove_all (self->data_keys);
}

/* GObject overrides */

static void
vigil_vault_finalize (GObject *object)
{
  VigilVault *self = VIGIL_VAULT (object);

  vigil_vault_lock (self);
  g_clear_pointer (&self->data_keys, g_hash_table_unref);
  g_free (self->path);
  g_free (self->older_copy);
  G_OBJECT_CLASS (vigil_vault_parent_class)->finalize (object);
}

static void
vigil_vault_class_init (VigilVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_vault_finalize;
  vigil_vault_ensure_sodium ();
}

static void
vigil_vault_init (VigilVault *self)
{
  self->locked = TRUE;
  self->data_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sodium_free);
}

/* public API */

char *
vigil_vault_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vigil", "vault.vigil", NULL);
}

VigilVault *
vigil_vault_create (const char *path, const char *passphrase, VigilKdfLevel level, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  vigil_vault_ensure_sodium ();
  return create_at_schema (path, passphrase, level, vigil_schema_latest_version (), error);
}

VigilVault *
vigil_vault_create_at_schema (const char    *path,
                              const char    *passphrase,
                              VigilKdfLevel  level,
                              int            schema_version,
                              GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (schema_version >= 1, NULL);
  g_return_val_if_fail (schema_version <= vigil_schema_latest_version (), NULL);

  vigil_vault_ensure_sodium ();
  return create_at_schema (path, passphrase, level, schema_version, error);
}

void
vigil_vault_create_async (const char          *path,
                          const char          *passphrase,
                          VigilKdfLevel        level,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  vigil_vault_ensure_sodium ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_vault_create_async);
  g_task_set_task_data (task, open_data_new (path, passphrase, level),
                        (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, create_thread);
}

VigilVault *
vigil_vault_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

VigilVault *
vigil_vault_open (const char *path, const char *passphrase, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  vigil_vault_ensure_sodium ();
  return open_vault (path, passphrase, error);
}

void
vigil_vault_open_async (const char          *path,
                        const char          *passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  vigil_vault_ensure_sodium ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_vault_open_async);
  g_task_set_task_data (task, open_data_new (path, passphrase, VIGIL_KDF_MODERATE),
                        (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

VigilVault *
vigil_vault_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
vigil_vault_get_older_copy_warning (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->older_copy;
}

const char *
vigil_vault_get_path (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->path;
}

gboolean
vigil_vault_is_locked (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), TRUE);
  return self->locked;
}

void
vigil_vault_lock (VigilVault *self)
{
  g_return_if_fail (VIGIL_IS_VAULT (self));

  if (self->locked)
    return;
  /* What was committed is what this computer has seen; work a caller left
   * in an open transaction is rolled back below. */
  if (self->txn_depth == 0)
    vigil_vault_remember_seen (self);
  clear_data_keys (self);
  g_clear_pointer (&self->master_key, sodium_free);
  g_clear_pointer (&self->audit_key, sodium_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->monitor, g_free);
  vigil_checkpointer_stop (g_steal_pointer (&self->checkpointer), self->db);
  /* Before the connection closes, which they would otherwise keep open. */
  g_clear_pointer (&self->statements, vigil_db_cache_free);
  if (self->txn_depth > 0)
    vigil_db_exec (self->db, "ROLLBACK", NULL);
  self->txn_depth = 0;
  /* close_v2: statements a caller still holds cannot keep the file open. */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  self->locked = TRUE;
  secure_memory_release ();
}

sqlite3 *
vigil_vault_get_db (VigilVault *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);

  if (self->locked)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED, _("The vault is locked"));
      return NULL;
    }
  return self->db;
}

VigilDbCache *
vigil_vault_get_statements (VigilVault *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);

  if (vigil_vault_get_db (self, error) == NULL)
    return NULL;
  return self->statements;
}

gboolean
vigil_vault_get_data_version (VigilVault *self, gint64 *out_version, GError **error)
{
  g_autoptr (VigilDbCached) query = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  if (vigil_vault_get_statements (self, error) == NULL)
    return FALSE;
  query = vigil_db_cache_get (self->statements, "PRAGMA data_version", error);
  if (query == NULL)
    return FALSE;
  rc = sqlite3_step (query->stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (self->db, rc, _("The vault could not be read"), error);
      return FALSE;
    }
  *out_version = sqlite3_column_int64 (query->stmt, 0);
  return TRUE;
}

const char *
vigil_vault_get_actor (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->actor;
}

gint64
vigil_vault_get_kdf_usec (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), 0);
  return self->kdf_usec;
}

const guint8 *
vigil_vault_get_audit_key (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->audit_key;
}

gboolean
vigil_vault_begin (VigilVault *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  sql = self->txn_depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                             : g_strdup_printf ("SAVEPOINT vigil_%d", self->txn_depth);
  if (!vigil_db_cache_exec (self->statements, sql, error))
    return FALSE;
  self->txn_depth++;
  return TRUE;
}

gboolean
vigil_vault_commit (VigilVault *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  sql = self->txn_depth == 1 ? g_strdup ("COMMIT")
                             : g_strdup_printf ("RELEASE vigil_%d", self->txn_depth - 1);
  if (!vigil_db_cache_exec (self->statements, sql, error))
    {
      /* A failed COMMIT (full disk) leaves the transaction open or rolled
       * back by SQLite; either way the caller's change did not land. */
      vigil_vault_rollback (self);
      return FALSE;
    }
  self->txn_depth--;
  return TRUE;
}

void
vigil_vault_rollback (VigilVault *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (VIGIL_IS_VAULT (self));

  if (self->locked || self->txn_depth == 0)
    return;
  self->txn_depth--;
  if (self->txn_depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db))
        vigil_db_exec (self->db, "ROLLBACK", NULL);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO vigil_%d; RELEASE vigil_%d", self->txn_depth,
                             self->txn_depth);
      vigil_db_exec (self->db, sql, NULL);
    }
  /* Keys created inside the rolled-back work no longer exist in the file. */
  clear_data_keys (self);
}

/* A TRUNCATE checkpoint that copied every frame into the file and emptied
 * the WAL. PRAGMA wal_checkpoint reports a reader in the way as a result
 * row, not as an error, so the result is read here. */
static gboolean
checkpoint_truncate (sqlite3 *db, GError **error)
{
  int log = -1, copied = -1;
  int rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);

  if (rc == SQLITE_BUSY || (rc == SQLITE_OK && copied < log))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_BUSY,
                   _("Another program has the vault open, so the old copies of erased data "
                     "could not yet be removed from the file. Close it; the next time Vigil "
                     "opens the vault it finishes the erase first"));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("The vault file could not be compacted"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_vault_purge (VigilVault *self, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (self->txn_depth == 0, FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  /* secure_delete has zeroed the freed cells; VACUUM rewrites the file so no
   * freed page keeps old bytes, and the TRUNCATE checkpoints leave a WAL of
   * zero bytes holding no earlier page images. Only once the second one
   * has copied everything is the file clean, and the marker may go. */
  vigil_checkpointer_hold (self->checkpointer);
  ok = checkpoint_truncate (self->db, error)
       && vigil_db_exec (self->db, "VACUUM", error)
       && checkpoint_truncate (self->db, error)
       && vigil_db_exec (self->db, "DELETE FROM meta WHERE key = 'shred_pending'", error);
  /* The marker's own removal holds nothing secret: a reader in the way of
   * this last checkpoint only leaves one page in the WAL. */
  if (ok)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  vigil_checkpointer_release (self->checkpointer);
  return ok;
}

gboolean
vigil_vault_get_shred_pending (VigilVault *self)
{
  int pending = 0;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);

  if (self->db == NULL)
    return FALSE;
  return query_int (self->db, "SELECT count(*) FROM meta WHERE key = 'shred_pending'", &pending,
                    NULL)
         && pending > 0;
}
