/* vigil-audit-mac.h: verifying the audit chain on open, segment by segment
 *
 * The chain is cut into segments of VIGIL_AUDIT_SEGMENT_ENTRIES entries.
 * Once every entry of a full segment has been verified against the chain,
 * the segment gets a MAC: Poly1305 over every column of every entry in it,
 * under a one-time key derived from the audit key, the segment's bounds and
 * a random nonce. Opening a vault reads every entry; a segment with a MAC
 * is checked by that one MAC, the others entry by entry against the chain.
 * The MACs are kept in the meta table as "audit-mac-<segment>".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_AUDIT_SEGMENT_ENTRIES 1024

typedef struct _VigilAuditMac VigilAuditMac;

/* Verifies every entry of the chain: each is in place, linked to the one
 * before, and either under a segment MAC that holds or matching its chain
 * hash. A MAC whose segment is missing entries is tampering. Adds to
 * @out_new_macs (element type VigilAuditMac) the MACs of full segments that
 * had none; store them with vigil_audit_mac_store() once the vault is open
 * for writing. */
gboolean vigil_audit_verify_segments (sqlite3       *db,
                                      const guint8  *key,
                                      gint64        *out_entries,
                                      GPtrArray     *out_new_macs,
                                      GError       **error);
/* Writes @macs (element type VigilAuditMac) in one transaction. */
gboolean vigil_audit_mac_store       (sqlite3       *db,
                                      GPtrArray     *macs,
                                      GError       **error);
/* The number of segment MACs stored, for tests and checks. */
gint64   vigil_audit_mac_count       (sqlite3       *db,
                                      GError       **error);

G_END_DECLS
