/* vigil-audit-private.h: what the audit chain's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>

#include "vigil-audit.h"
#include "vigil-db-cache.h"

G_BEGIN_DECLS

#define VIGIL_AUDIT_HASH_BYTES 32

/* The chain's keyed BLAKE2b, keyed once for many entries. */
typedef struct
{
  crypto_generichash_state keyed;
} VigilAuditHasher;

void        vigil_audit_hasher_init  (VigilAuditHasher       *hasher,
                                      const guint8           *key);
void        vigil_audit_hasher_clear (VigilAuditHasher       *hasher);
/* The hash entry @seq must carry, given the hash @prev of the entry before. */
void        vigil_audit_hasher_entry (const VigilAuditHasher *hasher,
                                      const guint8           *prev,
                                      gint64                  seq,
                                      const char             *at,
                                      const char             *actor,
                                      const char             *action,
                                      const char             *record_kind,
                                      const char             *record_id,
                                      gint64                  record_version,
                                      guint8                  out[VIGIL_AUDIT_HASH_BYTES]);
/* vigil_audit_append() with the statements of @statements' connection. */
gboolean    vigil_audit_append_cached (VigilDbCache      *statements,
                                       const guint8      *key,
                                       const char        *actor,
                                       const char        *action,
                                       const char        *record_kind,
                                       const char        *record_id,
                                       gint64             record_version,
                                       GError           **error);
/* A text column, "" for NULL. */
const char *vigil_audit_column_text  (sqlite3_stmt           *stmt,
                                      int                     column);

G_END_DECLS
