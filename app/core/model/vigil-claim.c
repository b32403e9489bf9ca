/* vigil-claim.c: a compensation claim and its heads of damage, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-claim.h"
#include "vigil-claim-records.h"
#include "vigil-currency.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"

const char * const vigil_claim_routes[] = {
  "civil_claim", "civil_suit", "state_fund", "labour_tribunal", NULL,
};

/* In the order of the procedure (vigil-claim-status.c); "enforced" last:
 * older vaults and files wrote it for a claim under enforcement. */
const char * const vigil_claim_statuses[] = {
  "drafting", "filed", "heard", "awarded", "partly_awarded", "rejected", "appealed",
  "under_enforcement", "paid", "partly_paid", "enforced", NULL,
};

const char * const vigil_claim_heads[] = {
  "unpaid_wages", "medical_costs", "lost_earnings", "travel_and_housing", "moral_damage",
  "legal_costs", "other", NULL,
};

/* private helpers */

/* A real ISO 4217 code with a minor unit, so that every amount of the
 * claim can be written and read exactly. */
static gboolean
currency_is_valid (const char *currency)
{
  return vigil_currency_lookup (currency) != NULL;
}

static gboolean
check_amount (gint64       amount,
              const char  *field,
              const char  *label,
              const char **out_field,
              GError     **error)
{
  if (amount >= 0 && amount <= VIGIL_AMOUNT_MAX)
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  if (amount < 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                 _("%s is negative; amounts are never below zero"), label);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                 _("%s is above %" G_GINT64_FORMAT " minor units; check the amount"), label,
                 VIGIL_AMOUNT_MAX);
  return FALSE;
}

/* public API */

VigilClaimItemData *
vigil_claim_item_data_new (void)
{
  return g_new0 (VigilClaimItemData, 1);
}

void
vigil_claim_item_data_free (VigilClaimItemData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->claim_id);
  g_free (data->claimant_id);
  g_free (data->head);
  vigil_record_wipe_string (data->evidence);
  g_free (data);
}

VigilClaimData *
vigil_claim_data_new (void)
{
  VigilClaimData *data = g_new0 (VigilClaimData, 1);

  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_item_data_free);
  data->history
      = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_status_change_free);
  data->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_deadline_free);
  data->payments = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_payment_free);
  data->asset_links
      = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_asset_link_free);
  return data;
}

void
vigil_claim_data_free (VigilClaimData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->case_id);
  g_free (data->claimant_id);
  g_free (data->route);
  g_free (data->status);
  g_free (data->currency);
  g_free (data->filed_at);
  g_free (data->deadline);
  vigil_record_wipe_string (data->assets);
  vigil_record_wipe_string (data->notes);
  g_ptr_array_unref (data->items);
  g_ptr_array_unref (data->history);
  g_ptr_array_unref (data->deadlines);
  g_ptr_array_unref (data->payments);
  g_ptr_array_unref (data->asset_links);
  g_free (data);
}

gboolean
vigil_claim_item_data_validate (const VigilClaimItemData *data,
                                const char              **out_field,
                                GError                  **error)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (!vigil_vocabulary_contains (vigil_claim_heads, data->head))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_claim_heads);

      if (out_field != NULL)
        *out_field = "head";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Head of damage must be one of %s"), expected);
      return FALSE;
    }
  return check_amount (data->claimed_minor, "claimed_minor", _("Amount claimed"), out_field,
                       error)
         && (!data->has_awarded
             || check_amount (data->awarded_minor, "awarded_minor", _("Amount awarded"),
                              out_field, error))
         && (!data->has_paid
             || check_amount (data->paid_minor, "paid_minor", _("Amount paid"), out_field,
                              error))
         && vigil_record_check_utf8 (data->evidence, "evidence", _("Evidence"), out_field, error);
}

gboolean
vigil_claim_data_validate (const VigilClaimData *data, const char **out_field, GError **error)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (!vigil_vocabulary_contains (vigil_claim_routes, data->route))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_claim_routes);

      if (out_field != NULL)
        *out_field = "route";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Route must be one of %s"),
                   expected);
      return FALSE;
    }
  if (!vigil_vocabulary_contains (vigil_claim_statuses, data->status))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_claim_statuses);

      if (out_field != NULL)
        *out_field = "status";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Status of a claim must be one of %s"), expected);
      return FALSE;
    }
  if (!currency_is_valid (data->currency))
    {
      if (out_field != NULL)
        *out_field = "currency";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Currency must be an ISO 4217 code with a minor unit, like EUR"));
      return FALSE;
    }
  if (data->filed_at != NULL && !vigil_record_date_is_valid (data->filed_at))
    {
      if (out_field != NULL)
        *out_field = "filed_at";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Filing date is not a date in the form YYYY-MM-DD"));
      return FALSE;
    }
  if (data->deadline != NULL && !vigil_record_date_is_valid (data->deadline))
    {
      if (out_field != NULL)
        *out_field = "deadline";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Deadline is not a date in the form YYYY-MM-DD"));
      return FALSE;
    }
  return vigil_record_check_utf8 (data->assets, "assets", _("Assets"), out_field, error)
         && vigil_record_check_utf8 (data->notes, "notes", _("Notes"), out_field, error);
}
