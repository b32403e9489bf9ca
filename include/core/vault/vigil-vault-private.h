/* vigil-vault-private.h: what the rest of the core needs from the vault
 *
 * Only app/core includes this; the GUI and the CLI go through the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "vigil-db-cache.h"
#include "vigil-db.h"
#include "vigil-vault.h"

G_BEGIN_DECLS

/* The connection of an unlocked vault; NULL (and VIGIL_ERROR_LOCKED) when locked. */
sqlite3    *vigil_vault_get_db           (VigilVault   *self,
                                          GError      **error);

/* Statements prepared once on that connection, for the paths that run
 * them often; finalized when the vault locks. NULL (and VIGIL_ERROR_LOCKED)
 * when locked. */
VigilDbCache *vigil_vault_get_statements (VigilVault  *self,
                                          GError     **error);

/* Transactions nest through savepoints: the outermost one is BEGIN IMMEDIATE. */
gboolean    vigil_vault_begin            (VigilVault   *self,
                                          GError      **error);
gboolean    vigil_vault_commit           (VigilVault   *self,
                                          GError      **error);
void        vigil_vault_rollback         (VigilVault   *self);

/* SQLite's PRAGMA data_version on the vault's connection: it changes when
 * another connection (vigil-cli, another window) commits to the file, and
 * never for this connection's own commits. */
gboolean    vigil_vault_get_data_version (VigilVault   *self,
                                          gint64       *out_version,
                                          GError      **error);

/* Who audit entries, observations, notes and assessments record: the
 * monitor's name kept with the key slot that unlocked the vault, or, until
 * one is given, that slot's label. */
const char *vigil_vault_get_actor       (VigilVault   *self);
/* The monitor's name kept with the key slot that unlocked the vault, or
 * NULL when none was given yet. */
const char *vigil_vault_get_monitor     (VigilVault   *self);
/* Keeps @name with that key slot and makes it the actor, with an audit
 * entry. The caller has checked it (vigil_record_check_monitor()). */
gboolean    vigil_vault_set_monitor     (VigilVault   *self,
                                         const char   *name,
                                         GError      **error);

/* The audit log's MAC key, derived from the master key; 32 bytes. */
const guint8 *vigil_vault_get_audit_key  (VigilVault   *self);

/* Microseconds the key derivation (trying the key slots) took when this
 * vault was opened; 0 for one just created. The benchmarks report it apart
 * from the rest of opening. */
gint64      vigil_vault_get_kdf_usec     (VigilVault   *self);

/* Whether core dumps are off for this process (they are while a vault is
 * unlocked). */
gboolean    vigil_vault_core_dumps_disabled (void);

/* Test-only: a vault whose schema stops at @schema_version, as an earlier
 * build of Vigil wrote it, to test the migrations from it. */
VigilVault *vigil_vault_create_at_schema (const char    *path,
                                          const char    *passphrase,
                                          VigilKdfLevel  level,
                                          int            schema_version,
                                          GError       **error);

/* A connection to the pages of the vault at @path with none of the vault's
 * checks: for inspecting a vault, and for testing the checks behind the
 * page encryption as someone who holds the passphrase. The page key stays
 * registered until vigil_vault_close_raw(). */
sqlite3    *vigil_vault_open_raw         (const char    *path,
                                          const char    *passphrase,
                                          GError       **error);
void        vigil_vault_close_raw        (const char    *path,
                                          sqlite3       *db);
/* Every page of the vault at @path and of its WAL that opens with the page
 * key, as SQLite sees them: what a search of the file would find if the
 * pages were not encrypted. For tests that show what the sealing of
 * values alone keeps out of the file. */
GBytes     *vigil_vault_read_clear_pages (const char    *path,
                                          const char    *passphrase,
                                          GError       **error);

G_END_DECLS
