/* vigil-claim-records.h: what a claim records beyond its heads of damage:
 * its status history, deadlines, payments, and the defendants' assets
 * that could pay it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char * const vigil_claim_payers[];          /* defendant, state_fund, ... */
extern const char * const vigil_claim_deadline_kinds[];  /* filing, limitation, ... */
extern const char * const vigil_asset_kinds[];           /* bank_account, real_estate, ... */
extern const char * const vigil_asset_states[];          /* frozen, confiscated, ... */

/**
 * VigilClaimStatusChange:
 * @status: the status the claim reached
 * @changed_on: YYYY-MM-DD, the day it did (a decision's date, not the
 *   day it was typed)
 * @changed_by: (nullable): who recorded it: the monitor of the key slot
 * @reason: (nullable): one of vigil_claim_reasons; required where
 *   vigil_claim_status_needs_reason() says so
 */
typedef struct
{
  char   *id;
  char   *claim_id;
  gint64  version;
  char   *status;
  char   *changed_on;
  char   *changed_by;
  char   *reason;
} VigilClaimStatusChange;

/**
 * VigilClaimDeadline:
 * @kind: one of vigil_claim_deadline_kinds
 * @due_on: YYYY-MM-DD
 * @done: met, so no longer shown as near or past
 */
typedef struct
{
  char     *id;
  char     *claim_id;
  gint64    version;
  char     *kind;
  char     *due_on;
  gboolean  done;
} VigilClaimDeadline;

/**
 * VigilClaimPayment:
 * @claimant_id: set by the store from the claim
 * @paid_on: (nullable): YYYY-MM-DD; NULL only for an amount recorded as
 *   paid before Vigil kept payments, whose date was never asked
 * @amount_minor: in minor units of the claim's currency, above zero (0
 *   only in an undated payment: an older record that nothing was paid)
 * @payer: one of vigil_claim_payers
 * @item_id: (nullable): the head of damage it pays; NULL for the claim as
 *   a whole
 */
typedef struct
{
  char   *id;
  char   *claim_id;
  char   *claimant_id;
  gint64  version;
  char   *paid_on;
  gint64  amount_minor;
  char   *payer;
  char   *item_id;
} VigilClaimPayment;

/**
 * VigilDefendantAsset:
 * @defendant_id: a person of the case whose role is defendant
 * @kind: one of vigil_asset_kinds
 * @has_estimate: whether @estimated_minor holds a value
 * @estimated_minor: in minor units of @currency
 * @currency: ISO 4217
 * @state: one of vigil_asset_states
 * @description: (nullable): where it is, account numbers, registry
 *   entries; sealed under the defendant's key
 */
typedef struct
{
  char     *id;
  char     *case_id;
  char     *defendant_id;
  gint64    version;
  char     *kind;
  gboolean  has_estimate;
  gint64    estimated_minor;
  char     *currency;
  char     *state;
  char     *description;
} VigilDefendantAsset;

/* A claim that an asset could pay. */
typedef struct
{
  char   *id;
  char   *claim_id;
  gint64  version;
  char   *asset_id;
} VigilClaimAssetLink;

VigilClaimStatusChange *vigil_claim_status_change_new  (void);
void                    vigil_claim_status_change_free (VigilClaimStatusChange *change);
VigilClaimDeadline     *vigil_claim_deadline_new       (void);
void                    vigil_claim_deadline_free      (VigilClaimDeadline     *deadline);
VigilClaimPayment      *vigil_claim_payment_new        (void);
void                    vigil_claim_payment_free       (VigilClaimPayment      *payment);
VigilDefendantAsset    *vigil_defendant_asset_new      (void);
void                    vigil_defendant_asset_free     (VigilDefendantAsset    *asset);
VigilClaimAssetLink    *vigil_claim_asset_link_new     (void);
void                    vigil_claim_asset_link_free    (VigilClaimAssetLink    *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimStatusChange, vigil_claim_status_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimDeadline, vigil_claim_deadline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimPayment, vigil_claim_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDefendantAsset, vigil_defendant_asset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimAssetLink, vigil_claim_asset_link_free)

/* FALSE with VIGIL_ERROR_INVALID and a message that starts with the field;
 * @out_field (may be NULL) names it as the interchange format spells it. */
gboolean vigil_claim_status_change_validate (const VigilClaimStatusChange  *change,
                                             const char                   **out_field,
                                             GError                       **error);
gboolean vigil_claim_deadline_validate      (const VigilClaimDeadline      *deadline,
                                             const char                   **out_field,
                                             GError                       **error);
gboolean vigil_claim_payment_validate       (const VigilClaimPayment       *payment,
                                             const char                   **out_field,
                                             GError                       **error);
gboolean vigil_defendant_asset_validate     (const VigilDefendantAsset     *asset,
                                             const char                   **out_field,
                                             GError                       **error);

/* The words of the vocabularies as people read them, translated; the word
 * itself for one they do not know. */
const char *vigil_claim_head_label     (const char *head);
const char *vigil_claim_payer_label    (const char *payer);
const char *vigil_claim_deadline_label (const char *kind);
const char *vigil_asset_kind_label     (const char *kind);
const char *vigil_asset_state_label    (const char *state);

G_END_DECLS
