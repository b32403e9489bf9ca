/* vigil-audit.h: the append-only, hash-chained audit log
 *
 * Each entry says who did what to which record at which version, and when;
 * never the sensitive content. Entry n carries a keyed BLAKE2b hash over its
 * fields and the hash of entry n-1, so an entry changed, removed or inserted
 * breaks the chain; the key comes from the master key, so the chain cannot be
 * rebuilt without the passphrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_AUDIT_KEY_BYTES 32

typedef struct
{
  gint64  seq;
  char   *at;          /* ISO 8601, UTC */
  char   *actor;       /* label of the key slot that unlocked the vault */
  char   *action;      /* "create", "update", "delete", "erase", "import", ... */
  char   *record_kind; /* "case", "person", ... */
  char   *record_id;
  gint64  record_version;
} VigilAuditEntry;

void vigil_audit_entry_free (VigilAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAuditEntry, vigil_audit_entry_free)

/* Appends one entry; call inside the transaction of the mutation it records. */
gboolean   vigil_audit_append (sqlite3       *db,
                               const guint8  *key,
                               const char    *actor,
                               const char    *action,
                               const char    *record_kind,
                               const char    *record_id,
                               gint64         record_version,
                               GError       **error);
/* Walks the whole chain; VIGIL_ERROR_TAMPERED names the first bad entry. */
gboolean   vigil_audit_verify (sqlite3       *db,
                               const guint8  *key,
                               gint64        *out_entries,
                               GError       **error);
/* The newest @limit entries (all when 0), newest first; element type VigilAuditEntry. */
GPtrArray *vigil_audit_list   (sqlite3       *db,
                               guint          limit,
                               GError       **error);

/* The head of the log, kept in the vault's meta table with each entry: the
 * last entry's number and hash under the audit key. A log whose end was
 * cut off, or whose newest entries were removed with what they recorded,
 * no longer ends where its head says: VIGIL_ERROR_TAMPERED. A vault
 * without a head yet (written before heads were kept) sets @out_missing. */
gboolean vigil_audit_verify_head (sqlite3       *db,
                                  const guint8  *key,
                                  gboolean      *out_missing,
                                  GError       **error);
/* Writes the head for the log as it stands. */
gboolean vigil_audit_store_head  (sqlite3       *db,
                                  const guint8  *key,
                                  GError       **error);

G_END_DECLS
