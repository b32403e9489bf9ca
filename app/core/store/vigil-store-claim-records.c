/* vigil-store-claim-records.c: a claim's status history, deadlines and
 * payments, and the defendants' assets that could pay it
 *
 * Statuses, dates, amounts and payers stay in clear: reports count them,
 * and they say nothing about who claims. The description of an asset
 * (where it is, account numbers) is sealed under the defendant's key. A
 * payment names its claimant so that erasing them takes it along.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim-status.h"
#include "vigil-error.h"
#include "vigil-record-mapper.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims-private.h"
#include "vigil-vault.h"

#define CHANGE(member) G_STRUCT_OFFSET (VigilClaimStatusChange, member)
#define DEADLINE(member) G_STRUCT_OFFSET (VigilClaimDeadline, member)
#define PAYMENT(member) G_STRUCT_OFFSET (VigilClaimPayment, member)
#define ASSET(member) G_STRUCT_OFFSET (VigilDefendantAsset, member)
#define LINK(member) G_STRUCT_OFFSET (VigilClaimAssetLink, member)

static const VigilField change_fields[] = {
  { "status", VIGIL_FIELD_TEXT, .offset = CHANGE (status), .vocabulary = vigil_claim_statuses },
  { "changed_on", VIGIL_FIELD_TEXT, .offset = CHANGE (changed_on) },
  { "changed_by", VIGIL_FIELD_TEXT, .offset = CHANGE (changed_by) },
  { "reason", VIGIL_FIELD_TEXT, .offset = CHANGE (reason) },
  { NULL },
};

const VigilRecordKind vigil_claim_status_change_kind = {
  .table = "claim_status_changes",
  .record_kind = "claim_status_change",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .order_by = "changed_on, created_at, rowid",
  .fields = change_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_status_change_new,
  .struct_free = (GDestroyNotify) vigil_claim_status_change_free,
  .id_offset = CHANGE (id),
  .parent_offset = CHANGE (claim_id),
  .version_offset = CHANGE (version),
  .not_found = N_("The change of status does not exist"),
  .cannot_read = N_("The change of status could not be read"),
  .cannot_read_list = N_("The status history could not be read"),
  .cannot_save = N_("The change of status could not be saved"),
  .cannot_delete = N_("The change of status could not be deleted"),
};

static const VigilField deadline_fields[] = {
  { "kind", VIGIL_FIELD_TEXT, .offset = DEADLINE (kind),
    .vocabulary = vigil_claim_deadline_kinds },
  { "due_on", VIGIL_FIELD_TEXT, .offset = DEADLINE (due_on) },
  { "done", VIGIL_FIELD_BOOLEAN, .offset = DEADLINE (done) },
  { NULL },
};

const VigilRecordKind vigil_claim_deadline_kind = {
  .table = "claim_deadlines",
  .record_kind = "claim_deadline",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .order_by = "due_on, created_at, rowid",
  .fields = deadline_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_deadline_new,
  .struct_free = (GDestroyNotify) vigil_claim_deadline_free,
  .id_offset = DEADLINE (id),
  .parent_offset = DEADLINE (claim_id),
  .version_offset = DEADLINE (version),
  .not_found = N_("The deadline does not exist"),
  .cannot_read = N_("The deadline could not be read"),
  .cannot_read_list = N_("The deadlines could not be read"),
  .cannot_save = N_("The deadline could not be saved"),
  .cannot_delete = N_("The deadline could not be deleted"),
};

static const VigilField payment_fields[] = {
  { "claimant_id", VIGIL_FIELD_TEXT, .offset = PAYMENT (claimant_id) },
  { "paid_on", VIGIL_FIELD_TEXT, .offset = PAYMENT (paid_on) },
  { "amount_minor", VIGIL_FIELD_INT64, .offset = PAYMENT (amount_minor) },
  { "payer", VIGIL_FIELD_TEXT, .offset = PAYMENT (payer), .vocabulary = vigil_claim_payers },
  { "item_id", VIGIL_FIELD_TEXT, .offset = PAYMENT (item_id) },
  { NULL },
};

const VigilRecordKind vigil_claim_payment_kind = {
  .table = "claim_payments",
  .record_kind = "claim_payment",
  .parent_table = "claims",
  .parent_column = "claim_id",
  /* Undated payments (amounts recorded before payments were) first. */
  .order_by = "paid_on IS NOT NULL, paid_on, created_at, rowid",
  .fields = payment_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_payment_new,
  .struct_free = (GDestroyNotify) vigil_claim_payment_free,
  .id_offset = PAYMENT (id),
  .parent_offset = PAYMENT (claim_id),
  .version_offset = PAYMENT (version),
  .not_found = N_("The payment does not exist"),
  .cannot_read = N_("The payment could not be read"),
  .cannot_read_list = N_("The payments could not be read"),
  .cannot_save = N_("The payment could not be saved"),
  .cannot_delete = N_("The payment could not be deleted"),
};

static const VigilField asset_fields[] = {
  { "defendant_id", VIGIL_FIELD_TEXT, .offset = ASSET (defendant_id) },
  { "kind", VIGIL_FIELD_TEXT, .offset = ASSET (kind), .vocabulary = vigil_asset_kinds },
  { "estimated_minor", VIGIL_FIELD_INT64, .offset = ASSET (estimated_minor),
    .has_offset = ASSET (has_estimate) },
  { "currency", VIGIL_FIELD_TEXT, .offset = ASSET (currency) },
  { "state", VIGIL_FIELD_TEXT, .offset = ASSET (state), .vocabulary = vigil_asset_states },
  { "description", VIGIL_FIELD_SEALED, .offset = ASSET (description) },
  { NULL },
};

const VigilRecordKind vigil_defendant_asset_kind = {
  .table = "defendant_assets",
  .record_kind = "defendant_asset",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = asset_fields,
  .struct_new = (gpointer (*) (void)) vigil_defendant_asset_new,
  .struct_free = (GDestroyNotify) vigil_defendant_asset_free,
  .id_offset = ASSET (id),
  .parent_offset = ASSET (case_id),
  .version_offset = ASSET (version),
  .not_found = N_("The asset does not exist"),
  .cannot_read = N_("The asset could not be read"),
  .cannot_read_list = N_("The assets could not be read"),
  .cannot_save = N_("The asset could not be saved"),
  .cannot_delete = N_("The asset could not be deleted"),
};

static const VigilField link_fields[] = {
  { "asset_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = LINK (asset_id) },
  { NULL },
};

const VigilRecordKind vigil_claim_asset_link_kind = {
  .table = "claim_assets",
  .record_kind = "claim_asset",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .order_by = "created_at, rowid",
  .fields = link_fields,
  .struct_new = (gpointer (*) (void)) vigil_claim_asset_link_new,
  .struct_free = (GDestroyNotify) vigil_claim_asset_link_free,
  .id_offset = LINK (id),
  .parent_offset = LINK (claim_id),
  .version_offset = LINK (version),
  .not_found = N_("The link between the claim and the asset does not exist"),
  .cannot_read = N_("The assets of the claim could not be read"),
  .cannot_read_list = N_("The assets of the claim could not be read"),
  .cannot_save = N_("The claim could not be linked to the asset"),
  .cannot_delete = N_("The claim could not be unlinked from the asset"),
};

/* private helpers */

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, message);
  return FALSE;
}

/* The claim's case and claimant, from its row. */
static gboolean
claim_row (VigilStore *self, const char *claim_id, char **case_id, char **claimant_id,
           GError **error)
{
  g_autoptr (VigilDbCached) row = vigil_store_find_row (self, "case_id, claimant_id", "claims",
                                                        claim_id, error);

  if (row == NULL)
    return FALSE;
  if (case_id != NULL)
    *case_id = g_strdup (vigil_store_column_text (row->stmt, 0));
  if (claimant_id != NULL)
    *claimant_id = g_strdup (vigil_store_column_text (row->stmt, 1));
  return TRUE;
}

/* public API */

/**
 * vigil_store_get_claim:
 *
 * Returns: (transfer full): the claim, or NULL with VIGIL_ERROR_NOT_FOUND
 */
VigilClaimData *
vigil_store_get_claim (VigilStore *self, const char *id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return vigil_store_get_claim_record (self, id, error);
}

/**
 * vigil_store_change_claim_status:
 *
 * Returns: FALSE when the procedure does not lead there (the message says
 *   where it does), a reason is missing, or the claim changed since read
 */
gboolean
vigil_store_change_claim_status (VigilStore     *self,
                                 VigilClaimData *claim,
                                 const char     *status,
                                 const char     *changed_on,
                                 const char     *reason,
                                 GError        **error)
{
  g_autoptr (VigilClaimStatusChange) change = vigil_claim_status_change_new ();
  g_autofree char *old_status = NULL;
  gint64 old_version;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (claim != NULL && claim->id != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_claim_status_check_change (claim->status, status, error))
    return FALSE;
  change->claim_id = g_strdup (claim->id);
  change->status = g_strdup (status);
  change->changed_on = g_strdup (changed_on);
  change->reason = g_strdup (reason);
  change->changed_by = g_strdup (vigil_vault_get_actor (vigil_store_get_vault (self)));
  if (!vigil_claim_status_change_validate (change, NULL, error))
    return FALSE;

  old_status = g_steal_pointer (&claim->status);
  old_version = claim->version;
  claim->status = g_strdup (status);
  if (!vigil_store_begin (self, error))
    goto fail;
  if (!vigil_store_save_claim_record (self, claim, error)
      || !vigil_record_save (self, &vigil_claim_status_change_kind, change, error))
    {
      vigil_store_rollback (self);
      goto fail;
    }
  if (!vigil_store_commit (self, error))
    goto fail;
  g_ptr_array_add (claim->history, g_steal_pointer (&change));
  return TRUE;

fail:
  g_free (claim->status);
  claim->status = g_steal_pointer (&old_status);
  claim->version = old_version;
  return FALSE;
}

/**
 * vigil_store_save_claim_deadline:
 */
gboolean
vigil_store_save_claim_deadline (VigilStore *self, VigilClaimDeadline *deadline, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (deadline != NULL && deadline->claim_id != NULL, FALSE);

  if (!vigil_claim_deadline_validate (deadline, NULL, error))
    return FALSE;
  return vigil_record_save (self, &vigil_claim_deadline_kind, deadline, error);
}

/**
 * vigil_store_add_claim_payment:
 *
 * Returns: FALSE when the payment is not valid, or its item is not a head
 *   of damage of its claim
 */
gboolean
vigil_store_add_claim_payment (VigilStore *self, VigilClaimPayment *payment, GError **error)
{
  g_autofree char *claimant_id = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (payment != NULL && payment->claim_id != NULL, FALSE);
  g_return_val_if_fail (payment->version == 0, FALSE);

  if (!vigil_claim_payment_validate (payment, NULL, error)
      || !claim_row (self, payment->claim_id, NULL, &claimant_id, error))
    return FALSE;
  if (payment->item_id != NULL)
    {
      g_autoptr (VigilDbCached) row = vigil_store_find_row (self, "claim_id", "claim_items",
                                                            payment->item_id, error);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (vigil_store_column_text (row->stmt, 0), payment->claim_id) != 0)
        return refuse (error, _("The head of damage paid is not one of this claim"));
    }
  g_free (payment->claimant_id);
  payment->claimant_id = g_steal_pointer (&claimant_id);
  return vigil_record_save (self, &vigil_claim_payment_kind, payment, error);
}

/**
 * vigil_store_save_defendant_asset:
 */
gboolean
vigil_store_save_defendant_asset (VigilStore *self, VigilDefendantAsset *asset, GError **error)
{
  g_autoptr (VigilDbCached) row = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (asset != NULL && asset->case_id != NULL, FALSE);
  g_return_val_if_fail (asset->defendant_id != NULL, FALSE);

  if (!vigil_defendant_asset_validate (asset, NULL, error))
    return FALSE;
  row = vigil_store_find_row (self, "case_id, role", "persons", asset->defendant_id, error);
  if (row == NULL)
    return FALSE;
  if (g_strcmp0 (vigil_store_column_text (row->stmt, 0), asset->case_id) != 0)
    return refuse (error, _("The defendant is a person of another case than the asset"));
  if (g_strcmp0 (vigil_store_column_text (row->stmt, 1), "defendant") != 0)
    return refuse (error, _("An asset is a defendant's: the person is not a defendant"));
  g_clear_pointer (&row, vigil_db_cached_release);
  return vigil_record_save (self, &vigil_defendant_asset_kind, asset, error);
}

/**
 * vigil_store_list_defendant_assets:
 *
 * Returns: (transfer full) (element-type VigilDefendantAsset): the assets
 *   of the case's defendants, their descriptions opened
 */
GPtrArray *
vigil_store_list_defendant_assets (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &vigil_defendant_asset_kind, case_id, error);
}

/**
 * vigil_store_link_claim_asset:
 *
 * Returns: FALSE when the asset is of another case than the claim, or
 *   already linked to it
 */
gboolean
vigil_store_link_claim_asset (VigilStore *self,
                              const char *claim_id,
                              const char *asset_id,
                              GError    **error)
{
  g_autoptr (VigilClaimAssetLink) link = vigil_claim_asset_link_new ();
  g_autoptr (GPtrArray) existing = NULL;
  g_autofree char *claim_case = NULL;
  g_autofree char *asset_case = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (claim_id != NULL && asset_id != NULL, FALSE);

  if (!claim_row (self, claim_id, &claim_case, NULL, error)
      || (asset_case = vigil_store_case_of (self, "defendant_assets", asset_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (claim_case, asset_case))
    return refuse (error, _("The asset is of another case than the claim"));
  existing = vigil_record_query (self, &vigil_claim_asset_link_kind,
                                 "WHERE claim_id = ?1 AND asset_id = ?2",
                                 (const char *[]) { claim_id, asset_id, NULL }, error);
  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return refuse (error, _("The asset is already linked to this claim"));
  link->claim_id = g_strdup (claim_id);
  link->asset_id = g_strdup (asset_id);
  return vigil_record_save (self, &vigil_claim_asset_link_kind, link, error);
}
