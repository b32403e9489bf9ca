/* vigil-db.h: small SQLite helpers shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

#include "vigil-ids.h"

G_BEGIN_DECLS

/* Runs @sql (no results); maps SQLite errors to VIGIL_ERROR codes. */
gboolean  vigil_db_exec         (sqlite3       *db,
                                 const char    *sql,
                                 GError       **error);
/* Sets @error from SQLite result @rc: a full disk or I/O failure becomes
 * VIGIL_ERROR_IO, a corrupt or foreign file VIGIL_ERROR_DAMAGED, a broken
 * constraint VIGIL_ERROR_INVALID; the message starts with @what. */
void      vigil_db_set_error    (sqlite3       *db,
                                 int            rc,
                                 const char    *what,
                                 GError       **error);
/* Prepares @sql, setting @error on failure. */
sqlite3_stmt *vigil_db_prepare  (sqlite3       *db,
                                 const char    *sql,
                                 GError       **error);
/* Binds a GBytes (NULL binds NULL) / reads a column as GBytes (NULL for NULL). */
int       vigil_db_bind_bytes   (sqlite3_stmt  *stmt,
                                 int            index,
                                 GBytes        *bytes);
GBytes   *vigil_db_column_bytes (sqlite3_stmt  *stmt,
                                 int            column);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
