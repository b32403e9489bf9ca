/* vigil-schema.h: the vault's tables and their migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* PRAGMA application_id of a vault: "VGIL". */
#define VIGIL_SCHEMA_APPLICATION_ID 0x5647494c

/* The schema version this build migrates to (PRAGMA user_version). */
int      vigil_schema_latest_version (void);

/* Migrates @db from its user_version up to @target, one transaction per
 * step. Fails with VIGIL_ERROR_NEWER_FORMAT when the file is already past
 * what this build knows. Tests pass a lower @target to build old vaults. */
gboolean vigil_schema_migrate        (sqlite3     *db,
                                      int          target,
                                      GError     **error);

/* "table.column" names, NULL-terminated. Every column of every table is on
 * exactly one list: clear ones hold only ids, parent ids, kinds, versions,
 * times and what is public anyway; sealed ones hold identities, whereabouts,
 * contacts and free text, as vigil_vault_seal() output. */
extern const char * const vigil_schema_clear_columns[];
extern const char * const vigil_schema_sealed_columns[];

G_END_DECLS
