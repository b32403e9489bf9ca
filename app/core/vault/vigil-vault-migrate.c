/* vigil-vault-migrate.c: a vault of the earlier format moves to the
 * encrypted one
 *
 * The new file is written beside the old one, checked, synced, and renamed
 * over it: a crash at any point leaves one whole vault, the old one until
 * the rename and the new one after it. A new file left by a crash is never
 * opened; the next unlock removes it and starts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <unistd.h>

#include <string.h>

#include "vigil-db.h"
#include "vigil-error.h"
#include "vigil-page-cipher.h"
#include "vigil-page-vfs.h"
#include "vigil-vault-header.h"
#include "vigil-vault-internal.h"

#define NEW_SUFFIX ".encrypting"

/* private helpers */

static void
remove_new_files (const char *new_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (new_path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
sync_path (const char *path, gboolean directory, GError **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not write %s to the disk: %s"), path,
               g_strerror (saved));
  return FALSE;
}

/* Copies every page of the old vault into the new file, sealed. */
static gboolean
copy_into (const char *path, const char *new_path, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  int reserve = VIGIL_PAGE_CIPHER_RESERVE;
  int log = -1, copied = -1;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      goto out;
    }
  if (!vigil_vault_apply_pragmas (db, error))
    goto out;
  /* Every committed page in the main file, and no other program in it:
   * one that kept writing would write to a file about to be replaced. */
  rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
  if (rc == SQLITE_BUSY || (rc == SQLITE_OK && copied < log))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_BUSY,
                   _("Another program has the vault open, so it cannot be moved to the "
                     "encrypted format now. Close it and unlock again; nothing was changed"));
      goto out;
    }
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      goto out;
    }
  /* VACUUM INTO gives the new file the page size asked next, and the
   * reserve asked of the old one: an encrypted vault has pages of one size
   * only, which an older file need not have had. The page size first: the
   * pragma forgets a reserve asked before it. */
  if (!vigil_db_exec (db, "PRAGMA page_size = " G_STRINGIFY (VIGIL_PAGE_SIZE) ";", error))
    goto out;
  sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
  sql = sqlite3_mprintf ("VACUUM INTO %Q", new_path);
  ok = vigil_db_exec (db, sql, error);
  sqlite3_free (sql);
  sql = NULL;

out:
  sqlite3_close (db);
  return ok;
}

/* VACUUM INTO writes a file in rollback-journal mode; turning WAL mode on
 * through SQLite would put its first page, in clear, in a journal. The
 * two header bytes that say "WAL" are set here instead, in the sealed
 * page, as SQLite itself would set them. */
static gboolean
set_wal_mode (const char *new_path, const guint8 *page_key, GError **error)
{
  guint8 page[VIGIL_PAGE_SIZE];
  guint8 sealed[VIGIL_PAGE_SIZE];
  int fd = g_open (new_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean ok;

  ok = fd >= 0 && pread (fd, page, sizeof page, VIGIL_PAGE_FILE_OFFSET) == sizeof page;
  if (ok && !vigil_page_open (page_key, 1, NULL, 0, page))
    ok = FALSE;
  if (ok)
    {
      /* The file format's read and write versions: 2 is WAL. */
      page[18] = 2;
      page[19] = 2;
      vigil_page_seal (page_key, 1, NULL, 0, page, sealed);
      ok = pwrite (fd, sealed, sizeof sealed, VIGIL_PAGE_FILE_OFFSET) == sizeof sealed;
    }
  sodium_memzero (page, sizeof page);
  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                 _("The encrypted copy of the vault could not be finished; the vault was left "
                   "as it was"));
  return ok;
}

/* The new file opens with the page key and is whole. */
static gboolean
check_new (const char *new_path, GError **error)
{
  sqlite3 *db = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (new_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                        VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK || !vigil_vault_apply_pragmas (db, error))
    {
      if (rc != SQLITE_OK)
        vigil_db_set_error (db, rc, _("The encrypted copy could not be opened"), error);
      goto out;
    }
  stmt = vigil_db_prepare (db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    goto out;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("The encrypted copy of the vault did not read back whole; the vault was "
                     "left as it was"));
      goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* The last connection's close checkpoints and removes the WAL. */
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("The encrypted copy could not be closed"));
      ok = FALSE;
    }
  return ok;
}

/* internal API (vigil-vault-internal.h) */

gboolean
vigil_vault_migrate (const char *path, const guint8 *master_key, GError **error)
{
  g_autofree char *new_path = g_strconcat (path, NEW_SUFFIX, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  VigilVaultHeader header;
  guint8 page_key[VIGIL_PAGE_KEY_BYTES];
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  vigil_page_vfs_register ();
  remove_new_files (new_path);

  /* The same slots, so the same passphrases open the new file. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, VIGIL_PAGE_VFS);
  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("Could not open the vault"), error);
      sqlite3_close (db);
      return FALSE;
    }
  ok = vigil_vault_header_from_table (db, &header, error);
  sqlite3_close (db);
  if (!ok || !vigil_vault_header_create (new_path, &header, error))
    return FALSE;

  vigil_page_key_derive (master_key, page_key);
  vigil_page_key_set (new_path, page_key);
  ok = copy_into (path, new_path, error) && set_wal_mode (new_path, page_key, error)
       && check_new (new_path, error) && sync_path (new_path, FALSE, error);
  sodium_memzero (page_key, sizeof page_key);
  vigil_page_key_forget (new_path);
  if (ok && g_rename (new_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("The vault could not be replaced by its encrypted copy: %s"),
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      remove_new_files (new_path);
      return FALSE;
    }
  return sync_path (dir, TRUE, error);
}
