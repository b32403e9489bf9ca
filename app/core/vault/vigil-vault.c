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
#include "vigil-page-cipher.h"
#include "vigil-schema.h"
#include "vigil-vault-internal.h"

G_DEFINE_FINAL_TYPE (VigilVault, vigil_vault, G_TYPE_OBJECT)

/* How many vaults are unlocked in this process: core dumps stay off while
 * any is. */
static guint unlocked_count;
static struct rlimit saved_core_limit;
static int saved_dumpable = 1;
G_LOCK_DEFINE_STATIC (unlocked_count);

/* private helpers */

void
vigil_vault_secure_memory_hold (void)
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
  g_free (self->slots_warning);
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

const char *
vigil_vault_get_older_copy_warning (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->older_copy;
}

const char *
vigil_vault_get_slots_warning (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  return self->slots_warning;
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
  if (self->page_key_set)
    vigil_page_key_forget (self->path);
  self->page_key_set = FALSE;
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
  return vigil_vault_query_int (self->db, "SELECT count(*) FROM meta WHERE key = 'shred_pending'", &pending,
                    NULL)
         && pending > 0;
}
