/* vigil-store-claims.h: compensation claims in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-claim.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Creates the claim and every item of it. */
gboolean   vigil_store_add_claim              (VigilStore           *self,
                                               VigilClaimData       *data,
                                               GError              **error);
/* Element type VigilClaimData with their items, in the order they were made. */
GPtrArray *vigil_store_list_claims             (VigilStore          *self,
                                                const char          *case_id,
                                                GError             **error);

/* Creates (version 0) or saves one head of damage of @claim. */
gboolean   vigil_store_save_claim_item         (VigilStore          *self,
                                                VigilClaimData      *claim,
                                                VigilClaimItemData  *item,
                                                GError             **error);

G_END_DECLS
