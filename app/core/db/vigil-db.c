/* vigil-db.c: small SQLite, id and time helpers shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-db"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "vigil-db.h"
#include "vigil-error.h"

static VigilError
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOLFS:
      return VIGIL_ERROR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_SCHEMA:
      return VIGIL_ERROR_DAMAGED;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return VIGIL_ERROR_INVALID;
    default:
      return VIGIL_ERROR_DAMAGED;
    }
}

void
vigil_db_set_error (sqlite3 *db, int rc, const char *what, GError **error)
{
  const char *detail;
  int primary = rc & 0xff;
  /* SQLite reports a full disk met while growing its shared-memory index
   * as a plain I/O error; the system's errno tells them apart. */
  int sys = db != NULL && (primary == SQLITE_IOERR || primary == SQLITE_FULL
                           || primary == SQLITE_CANTOPEN)
              ? sqlite3_system_errno (db)
              : 0;

  int extended = db != NULL && sqlite3_errcode (db) == primary ? sqlite3_extended_errcode (db) : rc;

  /* A page that fails its checksum, or a file shorter than its header
   * says, is a damaged vault, not a failing disk. */
  if (extended == SQLITE_IOERR_DATA || extended == SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED, "%s: %s", what,
                   extended == SQLITE_IOERR_DATA
                     ? _("the vault file is damaged or was altered: a page fails its authentication")
                     : _("the vault file is damaged: it is shorter than it should be"));
      return;
    }
  if (primary == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
    detail = _("the disk is full; nothing of this change was saved");
  else if (primary == SQLITE_IOERR)
    detail = _("the disk reported an input/output error; this change was not confirmed as saved");
  else if ((rc & 0xff) == SQLITE_READONLY)
    detail = _("the vault file cannot be written");
  else if ((rc & 0xff) == SQLITE_NOTADB)
    detail = _("the file is not a Vigil vault");
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    detail = _("the vault file is damaged");
  else if (db != NULL && sqlite3_errcode (db) == rc)
    detail = sqlite3_errmsg (db);
  else
    detail = sqlite3_errstr (rc);

  g_set_error (error, VIGIL_ERROR, sys == ENOSPC ? VIGIL_ERROR_IO : code_for_sqlite (rc), "%s: %s",
               what, detail);
}

gboolean
vigil_db_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("The vault could not be updated"), error);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
vigil_db_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

int
vigil_db_bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes)
{
  gsize len;
  const void *data;

  if (bytes == NULL)
    return sqlite3_bind_null (stmt, index);
  data = g_bytes_get_data (bytes, &len);
  /* A zero-length blob must stay a blob, not become NULL. */
  if (len == 0)
    return sqlite3_bind_zeroblob (stmt, index, 0);
  return sqlite3_bind_blob (stmt, index, data, (int) len, SQLITE_TRANSIENT);
}

GBytes *
vigil_db_column_bytes (sqlite3_stmt *stmt, int column)
{
  const void *data;
  int len;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  data = sqlite3_column_blob (stmt, column);
  len = sqlite3_column_bytes (stmt, column);
  return g_bytes_new (data, len);
}
