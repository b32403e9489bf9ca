/* vigil-store-claims-private.h: the record kinds of a claim's parts, for
 * the store files that read them with the claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-claim.h"
#include "vigil-record-mapper.h"

G_BEGIN_DECLS

extern const VigilRecordKind vigil_claim_status_change_kind;
extern const VigilRecordKind vigil_claim_deadline_kind;
extern const VigilRecordKind vigil_claim_payment_kind;
extern const VigilRecordKind vigil_defendant_asset_kind;
extern const VigilRecordKind vigil_claim_asset_link_kind;

/* The claim @id, read whole (vigil-store-claims.c). */
VigilClaimData *vigil_store_get_claim_record  (VigilStore      *self,
                                               const char      *id,
                                               GError         **error);
/* Saves the claim's own row as its next version; its parts are not
 * touched. */
gboolean        vigil_store_save_claim_record (VigilStore      *self,
                                               VigilClaimData  *claim,
                                               GError         **error);

G_END_DECLS
