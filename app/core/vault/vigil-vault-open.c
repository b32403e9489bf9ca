/* vigil-vault-open.c: creating a vault file, and unlocking one
 *
 * Unlocking reads the key slots from the file's header, derives the page
 * key, and checks everything that can be checked without writing: a vault
 * that fails is left exactly as it was. A vault of the earlier format is
 * first moved to the encrypted one (vigil-vault-migrate.c).
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

#include "vigil-audit-mac.h"
#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-page-cipher.h"
#include "vigil-page-vfs.h"
#include "vigil-schema.h"
#include "vigil-vault-header.h"
#include "vigil-vault-internal.h"
#include "vigil-wal-check.h"

/* private helpers */

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

/* Takes the unlocked state: the master key moves into the vault, whose
 * page key stays registered for @path until it is locked. */
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
  self->page_key_set = TRUE;
  vigil_vault_secure_memory_hold ();
}

/* Registers the page key of the vault at @path for this process. */
static void
set_page_key (const char *path, const guint8 *master_key)
{
  guint8 page_key[VIGIL_PAGE_KEY_BYTES];

  vigil_page_key_derive (master_key, page_key);
  vigil_page_key_set (path, page_key);
  sodium_memzero (page_key, sizeof page_key);
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
  VigilVaultHeader header = { 0 };
  sqlite3 *db = NULL;
  guint8 *master_key = NULL;
  const char *label;
  guint64 opslimit;
  gsize memlimit;
  int reserve = VIGIL_PAGE_CIPHER_RESERVE;
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
  /* The header first, without slots: the slot is written inside the vault
   * and copied into the header once it is committed. */
  if (!vigil_vault_header_create (path, &header, error))
    return NULL;

  master_key = sodium_malloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  crypto_aead_xchacha20poly1305_ietf_keygen (master_key);
  set_page_key (path, master_key);
  vigil_page_vfs_register ();
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not create the vault"), error);
      goto fail;
    }
  /* Before the first page is written: every page then keeps room for its
   * nonce and tag (vigil-page-cipher.h). */
  sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);

  label = g_get_user_name ();
  vigil_kdf_level_params (level, &opslimit, &memlimit);
  meta_sql = g_strdup_printf ("PRAGMA application_id = %d;"
                              "INSERT INTO meta (key, value) VALUES ('format', '%d');"
                              "INSERT INTO meta (key, value) VALUES ('created_at', '%s');",
                              VIGIL_SCHEMA_APPLICATION_ID, VIGIL_VAULT_FORMAT, now);

  if (!vigil_db_exec (db, "PRAGMA page_size = " G_STRINGIFY (VIGIL_PAGE_SIZE) ";", error)
      || !vigil_vault_apply_pragmas (db, error)
      || !vigil_schema_migrate (db, schema_version, error)
      || !vigil_db_exec (db, "BEGIN IMMEDIATE", error) || !vigil_db_exec (db, meta_sql, error)
      || !vigil_vault_write_slot (db, -1, label, passphrase, opslimit, memlimit, master_key,
                                  error)
      || !vigil_db_exec (db, "COMMIT", error)
      || !vigil_vault_header_from_table (db, &header, error)
      || !vigil_vault_header_write (path, &header, error))
    goto fail;

  self = g_object_new (VIGIL_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  vault_set_unlocked (self, db, master_key, header.slots[0].id, label, NULL);
  return g_steal_pointer (&self);

fail:
  sodium_free (master_key);
  sqlite3_close (db);
  vigil_page_key_forget (path);
  /* Only what this call created is removed: the path did not exist. */
  remove_vault_files (path);
  return NULL;
}

/* Everything about the pages that can be checked without writing: format,
 * schema, and the audit chain, entry by entry where no MAC covers it yet.
 * Adds to @out_audit_macs the MACs of segments verified entry by entry. */
static gboolean
verify_read_only (const char       *path,
                  const guint8     *master_key,
                  gint64            slot_id,
                  char            **out_label,
                  VigilVaultHeader *out_own,
                  GPtrArray        *out_audit_macs,
                  GError          **error)
{
  g_autoptr (GError) local = NULL;
  sqlite3 *db = NULL;
  guint8 audit_key[VIGIL_AUDIT_KEY_BYTES];
  int app_id = 0, user_version = 0;
  gboolean ok = FALSE;
  int rc;

  vigil_page_vfs_register ();
  /* This connection stays on this thread: no mutex around each call, of
   * which the audit chain's walk makes millions. */
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      sqlite3_close (db);
      return FALSE;
    }

  if (!vigil_vault_query_int (db, "PRAGMA application_id", &app_id, &local)
      || !vigil_vault_query_int (db, "PRAGMA user_version", &user_version, &local))
    {
      /* A disk that cannot be read, or is full, is not a damaged vault. */
      if (g_error_matches (local, VIGIL_ERROR, VIGIL_ERROR_IO))
        g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Could not open %s: "),
                                    path);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                     _("%s is not a Vigil vault, or it is damaged beyond reading"), path);
      goto out;
    }
  if (app_id != VIGIL_SCHEMA_APPLICATION_ID || user_version < 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, _("%s is not a Vigil vault"), path);
      goto out;
    }
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* Fuzzing builds let pages of the earlier format reach SQLite unchecked
   * (vigil-page-vfs.c). SQLite does not bound its walk through b-tree pages
   * that point at each other, which it reads for as long as a cycle lasts;
   * the checksums of a real build never let such pages through, so here
   * the structure is checked in their place. */
  {
    g_autoptr (sqlite3_stmt) quick = vigil_db_prepare (db, "PRAGMA quick_check", NULL);

    if (quick == NULL || sqlite3_step (quick) != SQLITE_ROW
        || g_strcmp0 ((const char *) sqlite3_column_text (quick, 0), "ok") != 0)
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, _("%s is damaged"), path);
        goto out;
      }
  }
#endif
  if (user_version > vigil_schema_latest_version ())
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT,
                   _("This vault was written by a newer version of Vigil (schema %d; this "
                     "version knows up to %d). Update Vigil to open it."),
                   user_version, vigil_schema_latest_version ());
      goto out;
    }
  if (!vigil_vault_check_format (db, error))
    goto out;
  /* The slot that opened the vault, and every slot, as the vault's own
   * record under the page key holds them. */
  if (out_label != NULL
      && (!vigil_vault_read_slot_label (db, slot_id, out_label, error)
          || !vigil_vault_header_from_table (db, out_own, error)))
    goto out;

  crypto_kdf_derive_from_key (audit_key, sizeof audit_key, 1, "vigilaud", master_key);
  ok = vigil_audit_verify_segments (db, audit_key, NULL, out_audit_macs, error)
       && vigil_audit_verify_head (db, audit_key, NULL, error);
  sodium_memzero (audit_key, sizeof audit_key);

out:
  sqlite3_close (db);
  return ok;
}

/* The master key of a vault of the earlier format, its key slots read from
 * inside it, checked as before; then the vault is moved to the encrypted
 * format. */
static guint8 *
unlock_legacy (const char  *path,
               const char  *passphrase,
               gint64      *out_slot_id,
               gint64      *out_kdf_usec,
               GError     **error)
{
  g_autoptr (GPtrArray) audit_macs = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  guint8 *master_key;
  gint64 kdf_start;
  int rc;

  if (!vigil_wal_check (path, NULL, error))
    return NULL;
  vigil_page_vfs_register ();
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      sqlite3_close (db);
      return NULL;
    }
  kdf_start = g_get_monotonic_time ();
  master_key = vigil_vault_unwrap_any_slot (db, passphrase, out_slot_id, NULL, error);
  *out_kdf_usec = g_get_monotonic_time () - kdf_start;
  sqlite3_close (db);
  if (master_key == NULL)
    return NULL;
  if (!verify_read_only (path, master_key, -1, NULL, NULL, audit_macs, error)
      || !vigil_vault_migrate (path, master_key, error))
    {
      sodium_free (master_key);
      return NULL;
    }
  return master_key;
}

static gboolean
has_pages (const char *path, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size <= VIGIL_PAGE_FILE_OFFSET)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("%s holds only its key slots: the rest of the vault was cut off. Nothing "
                     "was written; keep the file as it is and restore a backup."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static VigilVault *
open_vault (const char *path, const char *passphrase, GError **error)
{
  g_autoptr (VigilVault) self = NULL;
  g_autofree char *label = NULL;
  g_autofree char *monitor = NULL;
  g_autoptr (GPtrArray) audit_macs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  VigilVaultHeader header, own;
  VigilVaultFileKind kind;
  guint8 *master_key = NULL;
  guint8 page_key[VIGIL_PAGE_KEY_BYTES];
  sqlite3 *db = NULL;
  gint64 kdf_usec = 0;
  gint64 kdf_start;
  gint64 slot_id = -1;
  gboolean wal_ok, slots_restored;
  int rc;

  if (!vigil_vault_header_read (path, &kind, &header, error))
    return NULL;
  /* A vault is never without pages once created. One cut down to its key
   * slots would look empty to SQLite, which then deletes the WAL beside it
   * as stale: refused before SQLite sees it. */
  if (kind == VIGIL_VAULT_FILE_ENCRYPTED && !has_pages (path, error))
    return NULL;
  if (kind == VIGIL_VAULT_FILE_LEGACY)
    {
      master_key = unlock_legacy (path, passphrase, &slot_id, &kdf_usec, error);
      if (master_key == NULL || !vigil_vault_header_read (path, &kind, &header, error))
        goto fail_key;
    }
  else
    {
      kdf_start = g_get_monotonic_time ();
      master_key = vigil_vault_unwrap_header (&header, passphrase, &slot_id, error);
      kdf_usec = g_get_monotonic_time () - kdf_start;
      if (master_key == NULL)
        return NULL;
    }

  vigil_page_key_derive (master_key, page_key);
  vigil_page_key_set (path, page_key);
  wal_ok = vigil_wal_check (path, page_key, error);
  sodium_memzero (page_key, sizeof page_key);
  if (!wal_ok
      || !verify_read_only (path, master_key, slot_id, &label, &own, audit_macs, error))
    goto fail;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  /* The monitor's name has a column only from schema 5 on. */
  if (rc != SQLITE_OK || !vigil_vault_apply_pragmas (db, error)
      || !vigil_schema_migrate (db, vigil_schema_latest_version (), error)
      || !vigil_vault_read_slot_monitor (db, slot_id, &monitor, error))
    {
      if (rc != SQLITE_OK)
        vigil_db_set_error (db, rc, _("Could not open the vault for writing"), error);
      goto fail;
    }
  /* The slots inside the vault, under the page key, are the ones that
   * count: a header that differs was altered, or its update was cut short
   * by a crash after a change of passphrase. Either way it is written
   * again from them, so a removed passphrase never opens the file. */
  slots_restored = !vigil_vault_header_same_slots (&header, &own);
  if (slots_restored)
    {
      g_clear_error (&local);
      if (!vigil_vault_header_write (path, &own, &local))
        g_debug ("The key-slot header could not be restored: %s", local->message);
    }
  /* The next open checks these segments by their MAC; without them it
   * checks them entry by entry, so a disk that refuses them loses nothing. */
  g_clear_error (&local);
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
  if (slots_restored)
    self->slots_warning = g_strdup (_("The key slots at the start of the vault file were not "
                                      "the vault's own: they were altered, or a change of "
                                      "passphrase was cut short. They were written again from "
                                      "the vault's record, so only its own passphrases open "
                                      "it."));
  vigil_vault_remember_seen (self);
  if (vigil_vault_get_shred_pending (self))
    {
      g_clear_error (&local);
      if (!vigil_vault_purge (self, &local))
        g_debug ("An earlier erase is still not finished: %s", local->message);
    }
  return g_steal_pointer (&self);

fail:
  sqlite3_close (db);
  vigil_page_key_forget (path);
fail_key:
  g_clear_pointer (&master_key, sodium_free);
  return NULL;
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

/* internal API (vigil-vault-internal.h) */

gboolean
vigil_vault_apply_pragmas (sqlite3 *db, GError **error)
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

gboolean
vigil_vault_query_int (sqlite3 *db, const char *sql, int *out, GError **error)
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

/* public API */

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

sqlite3 *
vigil_vault_open_raw (const char *path, const char *passphrase, GError **error)
{
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  guint8 *master_key;
  gint64 slot_id;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL && passphrase != NULL, NULL);

  vigil_vault_ensure_sodium ();
  if (!vigil_vault_header_read (path, &kind, &header, error))
    return NULL;
  vigil_page_vfs_register ();
  if (kind == VIGIL_VAULT_FILE_ENCRYPTED)
    {
      master_key = vigil_vault_unwrap_header (&header, passphrase, &slot_id, error);
      if (master_key == NULL)
        return NULL;
      set_page_key (path, master_key);
      sodium_free (master_key);
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      vigil_vault_close_raw (kind == VIGIL_VAULT_FILE_ENCRYPTED ? path : NULL, db);
      return NULL;
    }
  return db;
}

void
vigil_vault_close_raw (const char *path, sqlite3 *db)
{
  VigilVaultHeader header;
  VigilVaultFileKind kind = VIGIL_VAULT_FILE_LEGACY;

  sqlite3_close (db);
  if (path != NULL && vigil_vault_header_read (path, &kind, &header, NULL)
      && kind == VIGIL_VAULT_FILE_ENCRYPTED)
    vigil_page_key_forget (path);
}

/* Appends to @out the page of each frame of the WAL at @wal_path that
 * opens with @page_key. */
static void
append_clear_frames (GByteArray *out, const char *wal_path, const guint8 *page_key)
{
  g_autofree guint8 *wal = NULL;
  gsize len = 0;
  const gsize frame_bytes = VIGIL_WAL_FRAME_HEADER_BYTES + VIGIL_PAGE_SIZE;
  guint8 page[VIGIL_PAGE_SIZE];

  if (!g_file_get_contents (wal_path, (char **) &wal, &len, NULL) || len < VIGIL_WAL_HEADER_BYTES)
    return;
  for (gsize i = 0; VIGIL_WAL_HEADER_BYTES + (i + 1) * frame_bytes <= len; i++)
    {
      const guint8 *frame = wal + VIGIL_WAL_HEADER_BYTES + i * frame_bytes;
      guint32 pgno = ((guint32) frame[0] << 24) | ((guint32) frame[1] << 16)
                     | ((guint32) frame[2] << 8) | frame[3];

      memcpy (page, frame + VIGIL_WAL_FRAME_HEADER_BYTES, sizeof page);
      if (vigil_page_open (page_key, pgno, frame, i, page))
        g_byte_array_append (out, page, sizeof page);
    }
  sodium_memzero (page, sizeof page);
}

GBytes *
vigil_vault_read_clear_pages (const char *path, const char *passphrase, GError **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree guint8 *file = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  guint8 page_key[VIGIL_PAGE_KEY_BYTES];
  guint8 page[VIGIL_PAGE_SIZE];
  guint8 *master_key;
  gint64 slot_id;
  gsize len = 0;

  g_return_val_if_fail (path != NULL && passphrase != NULL, NULL);

  vigil_vault_ensure_sodium ();
  if (!vigil_vault_header_read (path, &kind, &header, error))
    return NULL;
  if (!g_file_get_contents (path, (char **) &file, &len, NULL))
    len = 0;
  if (kind == VIGIL_VAULT_FILE_LEGACY)
    {
      g_autofree char *wal = NULL;
      gsize wal_len = 0;

      g_byte_array_append (out, file, (guint) len);
      if (g_file_get_contents (wal_path, &wal, &wal_len, NULL))
        g_byte_array_append (out, (const guint8 *) wal, (guint) wal_len);
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  master_key = vigil_vault_unwrap_header (&header, passphrase, &slot_id, error);
  if (master_key == NULL)
    return NULL;
  vigil_page_key_derive (master_key, page_key);
  sodium_free (master_key);
  for (gsize offset = VIGIL_PAGE_FILE_OFFSET; offset + VIGIL_PAGE_SIZE <= len;
       offset += VIGIL_PAGE_SIZE)
    {
      memcpy (page, file + offset, sizeof page);
      if (vigil_page_open (page_key, (guint32) ((offset - VIGIL_PAGE_FILE_OFFSET) / VIGIL_PAGE_SIZE)
                                       + 1,
                           NULL, 0, page))
        g_byte_array_append (out, page, sizeof page);
    }
  append_clear_frames (out, wal_path, page_key);
  sodium_memzero (page, sizeof page);
  sodium_memzero (page_key, sizeof page_key);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
