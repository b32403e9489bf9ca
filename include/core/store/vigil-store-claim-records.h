/* vigil-store-claim-records.h: a claim's status history, deadlines and
 * payments, and the defendants' assets, in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-claim-records.h"
#include "vigil-claim.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The claim @id with its items, history, deadlines, payments and links. */
VigilClaimData *vigil_store_get_claim               (VigilStore           *self,
                                                     const char           *id,
                                                     GError              **error);
/* Moves @claim (as read: its version must be current) to @status on
 * @changed_on (YYYY-MM-DD) when the procedure allows it, recording the
 * change with who made it (the monitor of the key slot) and @reason
 * (required where vigil_claim_status_needs_reason() says so). @claim is
 * updated: its status, version and history. */
gboolean        vigil_store_change_claim_status     (VigilStore           *self,
                                                     VigilClaimData       *claim,
                                                     const char           *status,
                                                     const char           *changed_on,
                                                     const char           *reason,
                                                     GError              **error);
/* Creates (version 0) or saves a deadline of the claim @deadline->claim_id. */
gboolean        vigil_store_save_claim_deadline     (VigilStore           *self,
                                                     VigilClaimDeadline   *deadline,
                                                     GError              **error);
/* Records a payment to the claim @payment->claim_id; its item, when it
 * names one, must be a head of damage of that claim. */
gboolean        vigil_store_add_claim_payment       (VigilStore           *self,
                                                     VigilClaimPayment    *payment,
                                                     GError              **error);
/* Creates (version 0) or saves an asset; its defendant must be a person of
 * its case whose role is defendant. */
gboolean        vigil_store_save_defendant_asset    (VigilStore           *self,
                                                     VigilDefendantAsset  *asset,
                                                     GError              **error);
/* Element type VigilDefendantAsset, in the order they were recorded. */
GPtrArray      *vigil_store_list_defendant_assets   (VigilStore           *self,
                                                     const char           *case_id,
                                                     GError              **error);
/* Links the claim to an asset of its case that could pay it. */
gboolean        vigil_store_link_claim_asset        (VigilStore           *self,
                                                     const char           *claim_id,
                                                     const char           *asset_id,
                                                     GError              **error);

G_END_DECLS
