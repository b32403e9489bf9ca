/* vigil-claim-records.c: a claim's status history, deadlines, payments,
 * and the defendants' assets that could pay it, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim-records.h"
#include "vigil-claim-status.h"
#include "vigil-claim.h"
#include "vigil-currency.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"

const char * const vigil_claim_payers[] = {
  "defendant", "state_fund", "confiscated_assets", "other", NULL,
};

const char * const vigil_claim_deadline_kinds[] = {
  "filing", "limitation", "appeal", "enforcement", NULL,
};

const char * const vigil_asset_kinds[] = {
  "bank_account", "real_estate", "vehicle", "cash", "business", "other", NULL,
};

const char * const vigil_asset_states[] = {
  "frozen", "confiscated", "released", "used_for_payment", NULL,
};

/* private helpers */

static gboolean
refuse (const char **out_field, const char *field, GError **error, const char *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_word (const char * const *vocabulary,
            const char         *word,
            const char         *field,
            const char         *label,
            const char        **out_field,
            GError            **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;

  if (vigil_vocabulary_contains (vocabulary, word))
    return TRUE;
  expected = vigil_vocabulary_join (vocabulary);
  message = g_strdup_printf (_("%s must be one of %s"), label, expected);
  return refuse (out_field, field, error, message);
}

static gboolean
check_date (const char  *date,
            gboolean     required,
            const char  *field,
            const char  *label,
            const char **out_field,
            GError     **error)
{
  g_autofree char *message = NULL;

  if (date == NULL && !required)
    return TRUE;
  if (date != NULL && vigil_record_date_is_valid (date))
    return TRUE;
  message = date == NULL ? g_strdup_printf (_("%s is missing"), label)
                         : g_strdup_printf (_("%s is not a date in the form YYYY-MM-DD"), label);
  return refuse (out_field, field, error, message);
}

/* public API */

VigilClaimStatusChange *
vigil_claim_status_change_new (void)
{
  return g_new0 (VigilClaimStatusChange, 1);
}

void
vigil_claim_status_change_free (VigilClaimStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->claim_id);
  g_free (change->status);
  g_free (change->changed_on);
  g_free (change->changed_by);
  g_free (change->reason);
  g_free (change);
}

VigilClaimDeadline *
vigil_claim_deadline_new (void)
{
  return g_new0 (VigilClaimDeadline, 1);
}

void
vigil_claim_deadline_free (VigilClaimDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->id);
  g_free (deadline->claim_id);
  g_free (deadline->kind);
  g_free (deadline->due_on);
  g_free (deadline);
}

VigilClaimPayment *
vigil_claim_payment_new (void)
{
  return g_new0 (VigilClaimPayment, 1);
}

void
vigil_claim_payment_free (VigilClaimPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->id);
  g_free (payment->claim_id);
  g_free (payment->claimant_id);
  g_free (payment->paid_on);
  g_free (payment->payer);
  g_free (payment->item_id);
  g_free (payment);
}

VigilDefendantAsset *
vigil_defendant_asset_new (void)
{
  return g_new0 (VigilDefendantAsset, 1);
}

void
vigil_defendant_asset_free (VigilDefendantAsset *asset)
{
  if (asset == NULL)
    return;
  g_free (asset->id);
  g_free (asset->case_id);
  g_free (asset->defendant_id);
  g_free (asset->kind);
  g_free (asset->currency);
  g_free (asset->state);
  vigil_record_wipe_string (asset->description);
  g_free (asset);
}

VigilClaimAssetLink *
vigil_claim_asset_link_new (void)
{
  return g_new0 (VigilClaimAssetLink, 1);
}

void
vigil_claim_asset_link_free (VigilClaimAssetLink *link)
{
  if (link == NULL)
    return;
  g_free (link->id);
  g_free (link->claim_id);
  g_free (link->asset_id);
  g_free (link);
}

gboolean
vigil_claim_status_change_validate (const VigilClaimStatusChange *change,
                                    const char                  **out_field,
                                    GError                      **error)
{
  g_return_val_if_fail (change != NULL, FALSE);

  if (!check_word (vigil_claim_statuses, change->status, "status", _("Status of a claim"),
                   out_field, error)
      || !check_date (change->changed_on, TRUE, "changed_on", _("Date of the change"),
                      out_field, error))
    return FALSE;
  if (change->reason != NULL
      && !check_word (vigil_claim_reasons, change->reason, "reason", _("Reason"), out_field,
                      error))
    return FALSE;
  if (change->reason == NULL && vigil_claim_status_needs_reason (change->status))
    {
      g_autofree char *message
          = g_strdup_printf (_("Reason is missing: a claim that is %s says why"),
                             vigil_claim_status_label (change->status));

      return refuse (out_field, "reason", error, message);
    }
  if (change->changed_by != NULL && !vigil_record_check_monitor (change->changed_by, NULL, NULL))
    return refuse (out_field, "changed_by", error,
                   _("Changed by must be one line of at most 200 characters"));
  return TRUE;
}

gboolean
vigil_claim_deadline_validate (const VigilClaimDeadline *deadline,
                               const char              **out_field,
                               GError                  **error)
{
  g_return_val_if_fail (deadline != NULL, FALSE);

  return check_word (vigil_claim_deadline_kinds, deadline->kind, "kind",
                     _("Kind of deadline"), out_field, error)
         && check_date (deadline->due_on, TRUE, "due_on", _("Due date"), out_field, error);
}

gboolean
vigil_claim_payment_validate (const VigilClaimPayment *payment,
                              const char             **out_field,
                              GError                 **error)
{
  g_return_val_if_fail (payment != NULL, FALSE);

  if (!check_date (payment->paid_on, FALSE, "paid_on", _("Date of payment"), out_field, error)
      || !check_word (vigil_claim_payers, payment->payer, "payer", _("Payer"), out_field,
                      error))
    return FALSE;
  /* An older file's "paid 0" is kept as an undated payment of nothing:
   * it says nothing was paid, which is not the same as not knowing. */
  if (payment->amount_minor < 0 || (payment->amount_minor == 0 && payment->paid_on != NULL))
    return refuse (out_field, "amount_minor", error,
                   _("Amount paid must be above zero"));
  if (payment->amount_minor > VIGIL_AMOUNT_MAX)
    return refuse (out_field, "amount_minor", error,
                   _("Amount paid is above 10^15 minor units; check the amount"));
  return TRUE;
}

gboolean
vigil_defendant_asset_validate (const VigilDefendantAsset *asset,
                                const char               **out_field,
                                GError                   **error)
{
  g_return_val_if_fail (asset != NULL, FALSE);

  if (!check_word (vigil_asset_kinds, asset->kind, "kind", _("Kind of asset"), out_field, error)
      || !check_word (vigil_asset_states, asset->state, "state", _("State of an asset"),
                      out_field, error))
    return FALSE;
  if (vigil_currency_lookup (asset->currency) == NULL)
    return refuse (out_field, "currency", error,
                   _("Currency must be an ISO 4217 code with a minor unit, like EUR"));
  if (asset->has_estimate
      && (asset->estimated_minor < 0 || asset->estimated_minor > VIGIL_AMOUNT_MAX))
    return refuse (out_field, "estimated_minor", error,
                   _("Estimated value must be from 0 to 10^15 minor units"));
  return vigil_record_check_utf8 (asset->description, "description", _("Description"),
                                  out_field, error);
}

typedef struct
{
  const char *word;
  const char *label;
} Label;

static const char *
find_label (const Label *labels, guint n, const char *word)
{
  for (guint i = 0; word != NULL && i < n; i++)
    if (g_str_equal (labels[i].word, word))
      return _(labels[i].label);
  return word;
}

/**
 * vigil_claim_head_label:
 *
 * Returns: "Unpaid wages", translated; the word for one it does not know
 */
const char *
vigil_claim_head_label (const char *head)
{
  static const Label labels[] = {
    { "unpaid_wages", N_("Unpaid wages") },
    { "medical_costs", N_("Medical costs") },
    { "lost_earnings", N_("Lost earnings") },
    { "travel_and_housing", N_("Travel and housing") },
    { "moral_damage", N_("Moral damage") },
    { "legal_costs", N_("Legal costs") },
    { "other", N_("Other damage") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), head);
}

const char *
vigil_claim_payer_label (const char *payer)
{
  static const Label labels[] = {
    { "defendant", N_("A defendant") },
    { "state_fund", N_("A state fund") },
    { "confiscated_assets", N_("Confiscated assets") },
    { "other", N_("Other") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), payer);
}

const char *
vigil_claim_deadline_label (const char *kind)
{
  static const Label labels[] = {
    { "filing", N_("Filing deadline") },
    { "limitation", N_("Limitation period ends") },
    { "appeal", N_("Appeal deadline") },
    { "enforcement", N_("Enforcement deadline") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), kind);
}

const char *
vigil_asset_kind_label (const char *kind)
{
  static const Label labels[] = {
    { "bank_account", N_("Bank account") },
    { "real_estate", N_("Real estate") },
    { "vehicle", N_("Vehicle") },
    { "cash", N_("Cash") },
    { "business", N_("Business") },
    { "other", N_("Other asset") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), kind);
}

const char *
vigil_asset_state_label (const char *state)
{
  static const Label labels[] = {
    { "frozen", N_("Frozen") },
    { "confiscated", N_("Confiscated") },
    { "released", N_("Released") },
    { "used_for_payment", N_("Used for payment") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), state);
}
