/* vigil-store-claims.c: compensation claims and their heads of damage
 *
 * Amounts are exact integers in minor units with the claim's ISO 4217
 * currency, and stay in clear so totals need no key; they say nothing
 * about who claims. Assets, notes and evidence are sealed under the
 * claimant's key.
 *
 * What was paid is the sum of the claim's payments. Vaults written before
 * payments were recorded one by one hold an amount paid per item: the
 * first time a store reads claims, it moves each such amount into a
 * payment of payer "other" with no date, against its item, through the
 * mapper (so each move is audited), and clears the item's amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim-records.h"
#include "vigil-error.h"
#include "vigil-money.h"
#include "vigil-record-rules.h"
#include "vigil-store-claims.h"
#include "vigil-store-claims-private.h"
#include "vigil-record-mapper.h"

/* private helpers */

#define ITEM(member) G_STRUCT_OFFSET (VigilClaimItemData, member)
#define CLAIM(member) G_STRUCT_OFFSET (VigilClaimData, member)

static const VigilField item_fields[] = {
  { "claimant_id", VIGIL_FIELD_TEXT, .offset = ITEM (claimant_id) },
  { "head", VIGIL_FIELD_TEXT, .offset = ITEM (head), .vocabulary = vigil_claim_heads },
  { "claimed_minor", VIGIL_FIELD_INT64, .offset = ITEM (claimed_minor) },
  { "awarded_minor", VIGIL_FIELD_INT64, .offset = ITEM (awarded_minor),
    .has_offset = ITEM (has_awarded) },
  { "evidence", VIGIL_FIELD_SEALED, .offset = ITEM (evidence) },
  { NULL },
};

/* The same rows with the amount paid that vaults written before payments
 * held: only for moving it into a payment. */
static const VigilField legacy_item_fields[] = {
  { "claimant_id", VIGIL_FIELD_TEXT, .offset = ITEM (claimant_id) },
  { "head", VIGIL_FIELD_TEXT, .offset = ITEM (head), .vocabulary = vigil_claim_heads },
  { "claimed_minor", VIGIL_FIELD_INT64, .offset = ITEM (claimed_minor) },
  { "awarded_minor", VIGIL_FIELD_INT64, .offset = ITEM (awarded_minor),
    .has_offset = ITEM (has_awarded) },
  { "paid_minor", VIGIL_FIELD_INT64, .offset = ITEM (paid_minor), .has_offset = ITEM (has_paid) },
  { "evidence", VIGIL_FIELD_SEALED, VIGIL_FIELD_KEPT, .offset = ITEM (evidence) },
  { NULL },
};

static const VigilRecordKind item_kind = {
  .table = "claim_items",
  .record_kind = "claim_item",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .order_by = "created_at, rowid",
  .fields = item_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_item_data_new,
  .struct_free = (GDestroyNotify) vigil_claim_item_data_free,
  .id_offset = ITEM (id),
  .parent_offset = ITEM (claim_id),
  .version_offset = ITEM (version),
  .not_found = N_("The claim item does not exist"),
  .cannot_read = N_("The claim item could not be read"),
  .cannot_read_list = N_("The claim items could not be read"),
  .cannot_save = N_("The claim item could not be saved"),
  .cannot_delete = N_("The claim item could not be deleted"),
};

static const VigilRecordKind legacy_item_kind = {
  .table = "claim_items",
  .record_kind = "claim_item",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .order_by = "created_at, rowid",
  .fields = legacy_item_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_item_data_new,
  .struct_free = (GDestroyNotify) vigil_claim_item_data_free,
  .id_offset = ITEM (id),
  .parent_offset = ITEM (claim_id),
  .version_offset = ITEM (version),
  .not_found = N_("The claim item does not exist"),
  .cannot_read = N_("The claim item could not be read"),
  .cannot_read_list = N_("The claim items could not be read"),
  .cannot_save = N_("The claim item could not be saved"),
  .cannot_delete = N_("The claim item could not be deleted"),
};

static gboolean
replace_list (VigilStore            *self,
              const VigilRecordKind *kind,
              const char            *claim_id,
              GPtrArray            **list,
              GError               **error)
{
  GPtrArray *read = vigil_record_list (self, kind, claim_id, error);

  if (read == NULL)
    return FALSE;
  g_ptr_array_unref (*list);
  *list = read;
  return TRUE;
}

/* Paid, per item and in all, is the sum of the payments: never stored. */
static gboolean
sum_payments (VigilClaimData *claim, GError **error)
{
  claim->paid_minor = 0;
  for (guint i = 0; i < claim->payments->len; i++)
    {
      VigilClaimPayment *payment = g_ptr_array_index (claim->payments, i);

      if (!vigil_int64_checked_add (&claim->paid_minor, claim->paid_minor,
                                    payment->amount_minor))
        goto overflow;
      for (guint t = 0; payment->item_id != NULL && t < claim->items->len; t++)
        {
          VigilClaimItemData *item = g_ptr_array_index (claim->items, t);

          if (g_strcmp0 (item->id, payment->item_id) != 0)
            continue;
          if (!vigil_int64_checked_add (&item->paid_minor, item->has_paid ? item->paid_minor : 0,
                                        payment->amount_minor))
            goto overflow;
          item->has_paid = TRUE;
        }
    }
  return TRUE;

overflow:
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
               _("The payments of a claim add up beyond what can be counted exactly"));
  return FALSE;
}

static gboolean
claim_after_read (VigilStore *self, gpointer record, GError **error)
{
  VigilClaimData *claim = record;

  return replace_list (self, &item_kind, claim->id, &claim->items, error)
         && replace_list (self, &vigil_claim_status_change_kind, claim->id, &claim->history,
                          error)
         && replace_list (self, &vigil_claim_deadline_kind, claim->id, &claim->deadlines, error)
         && replace_list (self, &vigil_claim_payment_kind, claim->id, &claim->payments, error)
         && replace_list (self, &vigil_claim_asset_link_kind, claim->id, &claim->asset_links,
                          error)
         && sum_payments (claim, error);
}

static const VigilField claim_fields[] = {
  { "claimant_id", VIGIL_FIELD_TEXT, .offset = CLAIM (claimant_id) },
  { "route", VIGIL_FIELD_TEXT, .offset = CLAIM (route), .vocabulary = vigil_claim_routes },
  { "status", VIGIL_FIELD_TEXT, .offset = CLAIM (status), .vocabulary = vigil_claim_statuses },
  { "currency", VIGIL_FIELD_TEXT, .offset = CLAIM (currency) },
  { "filed_at", VIGIL_FIELD_TEXT, .offset = CLAIM (filed_at) },
  { "deadline", VIGIL_FIELD_TEXT, .offset = CLAIM (deadline) },
  { "assets", VIGIL_FIELD_SEALED, .offset = CLAIM (assets) },
  { "notes", VIGIL_FIELD_SEALED, .offset = CLAIM (notes) },
  { NULL },
};

static const VigilRecordKind claim_kind = {
  .table = "claims",
  .record_kind = "claim",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = claim_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_data_new,
  .struct_free = (GDestroyNotify) vigil_claim_data_free,
  .id_offset = CLAIM (id),
  .parent_offset = CLAIM (case_id),
  .version_offset = CLAIM (version),
  .after_read = claim_after_read,
  .not_found = N_("The claim does not exist"),
  .cannot_read = N_("The claim could not be read"),
  .cannot_read_list = N_("The claims could not be read"),
  .cannot_save = N_("The claim could not be saved"),
  .cannot_delete = N_("The claim could not be deleted"),
};

static gboolean
check_claimant (VigilStore *self, gpointer record, GError **error)
{
  const VigilClaimData *data = record;
  g_autofree char *claimant_case = vigil_store_case_of (self, "persons", data->claimant_id, error);

  if (claimant_case == NULL)
    return FALSE;
  if (g_str_equal (claimant_case, data->case_id))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("The claimant is a person of another case than the claim"));
  return FALSE;
}

/* The history, deadlines, payments and links a claim arrives with (from
 * an interchange file): written with it, all or nothing. */
static gboolean
add_parts (VigilStore *self, VigilClaimData *data, GError **error)
{
  for (guint i = 0; i < data->history->len; i++)
    {
      VigilClaimStatusChange *change = g_ptr_array_index (data->history, i);

      g_free (change->claim_id);
      change->claim_id = g_strdup (data->id);
      change->version = 0;
      if (!vigil_record_save (self, &vigil_claim_status_change_kind, change, error))
        return FALSE;
    }
  for (guint i = 0; i < data->deadlines->len; i++)
    {
      VigilClaimDeadline *deadline = g_ptr_array_index (data->deadlines, i);

      g_free (deadline->claim_id);
      deadline->claim_id = g_strdup (data->id);
      deadline->version = 0;
      if (!vigil_record_save (self, &vigil_claim_deadline_kind, deadline, error))
        return FALSE;
    }
  for (guint i = 0; i < data->payments->len; i++)
    {
      VigilClaimPayment *payment = g_ptr_array_index (data->payments, i);
      gboolean item_found = payment->item_id == NULL;

      for (guint t = 0; !item_found && t < data->items->len; t++)
        item_found = g_strcmp0 (((VigilClaimItemData *) g_ptr_array_index (data->items, t))->id,
                                payment->item_id)
                     == 0;
      if (!item_found)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Payment %u pays a head of damage of another claim"), i + 1);
          return FALSE;
        }
      g_free (payment->claim_id);
      payment->claim_id = g_strdup (data->id);
      g_free (payment->claimant_id);
      payment->claimant_id = g_strdup (data->claimant_id);
      payment->version = 0;
      if (!vigil_record_save (self, &vigil_claim_payment_kind, payment, error))
        return FALSE;
    }
  for (guint i = 0; i < data->asset_links->len; i++)
    {
      VigilClaimAssetLink *link = g_ptr_array_index (data->asset_links, i);
      g_autofree char *asset_case = vigil_store_case_of (self, "defendant_assets",
                                                         link->asset_id, error);

      if (asset_case == NULL)
        return FALSE;
      if (!g_str_equal (asset_case, data->case_id))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("The asset is of another case than the claim"));
          return FALSE;
        }
      g_free (link->claim_id);
      link->claim_id = g_strdup (data->id);
      link->version = 0;
      if (!vigil_record_save (self, &vigil_claim_asset_link_kind, link, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_items (VigilStore *self, gpointer record, GError **error)
{
  VigilClaimData *data = record;

  for (guint i = 0; i < data->items->len; i++)
    {
      VigilClaimItemData *item = g_ptr_array_index (data->items, i);

      /* Evidence is the claimant's: sealed under their key, shredded with them. */
      g_free (item->claim_id);
      item->claim_id = g_strdup (data->id);
      g_free (item->claimant_id);
      item->claimant_id = g_strdup (data->claimant_id);
      item->version = 0;
      if (!vigil_record_save (self, &item_kind, item, error))
        return FALSE;
      /* An amount paid typed with the item (an older file) is a payment
       * whose date and payer were never recorded. */
      if (item->has_paid)
        {
          g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();

          payment->claim_id = g_strdup (data->id);
          payment->claimant_id = g_strdup (data->claimant_id);
          payment->amount_minor = item->paid_minor;
          payment->payer = g_strdup ("other");
          payment->item_id = g_strdup (item->id);
          if (!vigil_record_save (self, &vigil_claim_payment_kind, payment, error))
            return FALSE;
        }
    }
  return add_parts (self, data, error);
}

/* Moves the amounts paid that items of an older vault hold into payments,
 * once per store: see the top of the file. */
static gboolean
move_legacy_payments (VigilStore *self, GError **error)
{
  static const char * const no_binds[] = { NULL };
  g_autoptr (GPtrArray) items = NULL;

  if (g_object_get_data (G_OBJECT (self), "vigil-legacy-payments-moved") != NULL)
    return TRUE;
  items = vigil_record_query (self, &legacy_item_kind,
                              "WHERE paid_minor IS NOT NULL ORDER BY created_at, rowid",
                              no_binds, error);
  if (items == NULL)
    return FALSE;
  if (items->len > 0)
    {
      if (!vigil_store_begin (self, error))
        return FALSE;
      for (guint i = 0; i < items->len; i++)
        {
          VigilClaimItemData *item = g_ptr_array_index (items, i);
          g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();

          payment->claim_id = g_strdup (item->claim_id);
          payment->claimant_id = g_strdup (item->claimant_id);
          payment->amount_minor = item->paid_minor;
          payment->payer = g_strdup ("other");
          payment->item_id = g_strdup (item->id);
          item->has_paid = FALSE;
          item->paid_minor = 0;
          if (!vigil_record_save (self, &vigil_claim_payment_kind, payment, error)
              || !vigil_record_save (self, &legacy_item_kind, item, error))
            {
              vigil_store_rollback (self);
              return FALSE;
            }
        }
      if (!vigil_store_commit (self, error))
        return FALSE;
    }
  g_object_set_data (G_OBJECT (self), "vigil-legacy-payments-moved", GINT_TO_POINTER (1));
  return TRUE;
}

/* public API */

/**
 * vigil_store_add_claim:
 * @data: the claim with its items; the claimant must be a person of its case
 *
 * Creates the claim and each of its items at version 1, sealing assets,
 * notes and evidence under the claimant's key, with an audit entry for
 * every record, in one transaction.
 */
gboolean
vigil_store_add_claim (VigilStore *self, VigilClaimData *data, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->case_id != NULL && data->claimant_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_claim_data_validate (data, NULL, error))
    return FALSE;
  for (guint i = 0; i < data->items->len; i++)
    if (!vigil_claim_item_data_validate (g_ptr_array_index (data->items, i), NULL, error))
      {
        g_prefix_error (error, _("Item %u: "), i + 1);
        return FALSE;
      }
  for (guint i = 0; i < data->history->len; i++)
    if (!vigil_claim_status_change_validate (g_ptr_array_index (data->history, i), NULL, error))
      return FALSE;
  for (guint i = 0; i < data->deadlines->len; i++)
    if (!vigil_claim_deadline_validate (g_ptr_array_index (data->deadlines, i), NULL, error))
      return FALSE;
  for (guint i = 0; i < data->payments->len; i++)
    if (!vigil_claim_payment_validate (g_ptr_array_index (data->payments, i), NULL, error))
      return FALSE;
  return vigil_record_create (self, &claim_kind, data, check_claimant, add_items, error);
}

/**
 * vigil_store_list_claims:
 *
 * Returns: (transfer full) (element-type VigilClaimData): the claims of the
 *   case with their items and sealed fields opened, in the order they were
 *   made
 */
GPtrArray *
vigil_store_list_claims (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (!move_legacy_payments (self, error))
    return NULL;
  return vigil_record_list (self, &claim_kind, case_id, error);
}

VigilClaimData *
vigil_store_get_claim_record (VigilStore *self, const char *id, GError **error)
{
  if (!move_legacy_payments (self, error))
    return NULL;
  return vigil_record_get (self, &claim_kind, id, error);
}

gboolean
vigil_store_save_claim_record (VigilStore *self, VigilClaimData *claim, GError **error)
{
  if (!vigil_claim_data_validate (claim, NULL, error))
    return FALSE;
  return vigil_record_save (self, &claim_kind, claim, error);
}

/**
 * vigil_store_save_claim_item:
 * @claim: the claim, as read
 * @item: a new head of damage (version 0) or one of @claim's
 *
 * Creates or saves one head of damage of @claim (what the unpaid-wages
 * calculator feeds, or an amount awarded), sealing its evidence under the
 * claimant's key. Its amount paid is never written: that is the payments'.
 */
gboolean
vigil_store_save_claim_item (VigilStore         *self,
                             VigilClaimData     *claim,
                             VigilClaimItemData *item,
                             GError            **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (claim != NULL && claim->id != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!vigil_claim_item_data_validate (item, NULL, error))
    return FALSE;
  g_free (item->claim_id);
  item->claim_id = g_strdup (claim->id);
  g_free (item->claimant_id);
  item->claimant_id = g_strdup (claim->claimant_id);
  return vigil_record_save (self, &item_kind, item, error);
}
