/* vigil-claim.h: a compensation claim and its heads of damage, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-record-rules.h"

G_BEGIN_DECLS

/* The closed vocabularies, as stored and exchanged; NULL-terminated. */
extern const char * const vigil_claim_routes[];           /* civil_claim, state_fund, ... */
extern const char * const vigil_claim_statuses[];         /* drafting ... paid */
extern const char * const vigil_claim_heads[];            /* unpaid_wages, moral_damage, ... */

/* The largest amount a claim item may hold, in minor units: ten trillion
 * units of any currency is a typing error, and sums of amounts below it
 * never overflow. */
#define VIGIL_AMOUNT_MAX G_GINT64_CONSTANT (1000000000000000)

/**
 * VigilClaimItemData:
 * @head: one of vigil_claim_heads
 * @claimed_minor: amount claimed, in minor units of the claim's currency
 * @has_awarded: whether an amount was awarded (@awarded_minor holds it)
 * @has_paid: whether anything was paid (@paid_minor holds it): the sum of
 *   the claim's payments against this head, computed when the claim is
 *   read; set by hand only in a claim being created from an older file,
 *   where it becomes a payment with no date
 * @evidence: (nullable): sealed under the claimant's key
 *
 * @claim_id and @claimant_id are set by the store from the claim.
 *
 * One head of damage of a claim. Amounts are exact integers, never
 * negative, at most %VIGIL_AMOUNT_MAX.
 */
typedef struct
{
  char     *id;
  char     *claim_id;
  char     *claimant_id;
  gint64    version;
  char     *head;
  gint64    claimed_minor;
  gboolean  has_awarded;
  gint64    awarded_minor;
  gboolean  has_paid;
  gint64    paid_minor;
  char     *evidence;
} VigilClaimItemData;

/**
 * VigilClaimData:
 * @claimant_id: the person who claims
 * @route: one of vigil_claim_routes
 * @status: one of vigil_claim_statuses
 * @currency: ISO 4217 code, three capital letters
 * @filed_at: (nullable): YYYY-MM-DD
 * @deadline: (nullable): YYYY-MM-DD
 * @assets: (nullable): confiscated or frozen assets; sealed
 * @notes: (nullable): sealed
 * @items: element type #VigilClaimItemData
 * @history: element type #VigilClaimStatusChange, oldest first; read only
 * @deadlines: element type #VigilClaimDeadline, by due date; read only
 * @payments: element type #VigilClaimPayment, by date; read only
 * @asset_links: element type #VigilClaimAssetLink; read only
 * @paid_minor: the sum of @payments, computed when the claim is read
 *
 * What is marked read only is filled by the store when it reads the claim
 * and changed through its own functions (vigil-store-claim-records.h).
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *claimant_id;
  gint64     version;
  char      *route;
  char      *status;
  char      *currency;
  char      *filed_at;
  char      *deadline;
  char      *assets;
  char      *notes;
  GPtrArray *items;
  GPtrArray *history;
  GPtrArray *deadlines;
  GPtrArray *payments;
  GPtrArray *asset_links;
  gint64     paid_minor;
} VigilClaimData;

/* The free functions wipe the sealed fields' text before freeing it. */
VigilClaimItemData   *vigil_claim_item_data_new   (void);
void                  vigil_claim_item_data_free  (VigilClaimItemData   *data);
VigilClaimData       *vigil_claim_data_new        (void);
void                  vigil_claim_data_free       (VigilClaimData       *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimItemData, vigil_claim_item_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimData, vigil_claim_data_free)

/* FALSE with VIGIL_ERROR_INVALID and a message that starts with the
 * field; @out_field (may be NULL) names the field as the interchange format
 * spells it. Ids are not checked here. */
gboolean vigil_claim_item_data_validate  (const VigilClaimItemData   *data,
                                          const char                **out_field,
                                          GError                    **error);
/* The claim's own fields; its items are validated one by one. */
gboolean vigil_claim_data_validate       (const VigilClaimData       *data,
                                          const char                **out_field,
                                          GError                    **error);

G_END_DECLS
