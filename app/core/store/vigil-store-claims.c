/* vigil-store-claims.c: compensation claims and their heads of damage
 *
 * Amounts are exact integers in minor units with the claim's ISO 4217
 * currency, and stay in clear so totals need no key; they say nothing
 * about who claims. Assets, notes and evidence are sealed under the
 * claimant's key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-claims.h"
#include "vigil-store-private.h"






static void
bind_optional_amount (sqlite3_stmt *stmt, int index, gboolean has, gint64 amount)
{
  if (has)
    sqlite3_bind_int64 (stmt, index, amount);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
add_item (VigilStore *self, VigilClaimData *claim, VigilClaimItemData *item, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *id = item->id != NULL ? g_strdup (item->id) : vigil_uuid_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (db == NULL)
    return FALSE;
  stmt = vigil_db_prepare (db,
                           "INSERT INTO claim_items (id, claim_id, claimant_id, version,"
                           " created_at, updated_at, head, claimed_minor, awarded_minor,"
                           " paid_minor) VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, id);
  vigil_store_bind_text (stmt, 2, claim->id);
  vigil_store_bind_text (stmt, 3, claim->claimant_id);
  vigil_store_bind_text (stmt, 4, now);
  vigil_store_bind_text (stmt, 5, item->head);
  sqlite3_bind_int64 (stmt, 6, item->claimed_minor);
  bind_optional_amount (stmt, 7, item->has_awarded, item->awarded_minor);
  bind_optional_amount (stmt, 8, item->has_paid, item->paid_minor);
  if (!vigil_store_step_done (db, stmt, _("The claim item could not be saved"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("claim_items", "evidence"),
                                 claim->claimant_id, id, 1, item->evidence, error)
      || !vigil_store_audit (self, "create", "claim_item", id, 1, error))
    return FALSE;
  g_free (item->id);
  item->id = g_steal_pointer (&id);
  item->version = 1;
  return TRUE;
}

static char *
open_column (VigilStore   *self,
             sqlite3_stmt *stmt,
             int           index,
             const char   *table,
             const char   *column,
             const char   *owner_id,
             const char   *id,
             gint64        version,
             GError      **error)
{
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, index);

  return vigil_store_open_sealed (self, vigil_store_find_sealed_column (table, column), owner_id,
                                  id, version, sealed, error);
}

static gboolean
load_items (VigilStore *self, VigilClaimData *claim, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = vigil_db_prepare (db,
                           "SELECT id, version, head, claimed_minor, awarded_minor, paid_minor,"
                           " evidence FROM claim_items WHERE claim_id = ?"
                           " ORDER BY created_at, rowid",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, claim->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (VigilClaimItemData) item = vigil_claim_item_data_new ();
      g_autoptr (GError) local = NULL;

      item->id = g_strdup (vigil_store_column_text (stmt, 0));
      item->version = sqlite3_column_int64 (stmt, 1);
      item->head = g_strdup (vigil_store_column_text (stmt, 2));
      item->claimed_minor = sqlite3_column_int64 (stmt, 3);
      item->has_awarded = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      item->awarded_minor = sqlite3_column_int64 (stmt, 4);
      item->has_paid = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      item->paid_minor = sqlite3_column_int64 (stmt, 5);
      item->evidence = open_column (self, stmt, 6, "claim_items", "evidence", claim->claimant_id,
                                    item->id, item->version, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!vigil_vocabulary_contains (vigil_claim_heads, item->head))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("A claim item in the vault holds an unknown head of damage"));
          return FALSE;
        }
      g_ptr_array_add (claim->items, g_steal_pointer (&item));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The claim items could not be read"), error);
      return FALSE;
    }
  return TRUE;
}







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
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *claimant_case = NULL;
  g_autofree char *previous_id = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

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
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  /* The items refer to the claim's id while they are written; a failure
   * gives the caller back the claim as it was. */
  previous_id = g_strdup (data->id);
  if (data->id == NULL)
    data->id = vigil_uuid_new ();
  claimant_case = vigil_store_person_case_id (self, data->claimant_id, error);
  if (claimant_case == NULL)
    goto fail;
  if (!g_str_equal (claimant_case, data->case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The claimant is a person of another case than the claim"));
      goto fail;
    }

  stmt = vigil_db_prepare (db,
                           "INSERT INTO claims (id, case_id, claimant_id, version, created_at,"
                           " updated_at, route, status, currency, filed_at, deadline)"
                           " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    goto fail;
  vigil_store_bind_text (stmt, 1, data->id);
  vigil_store_bind_text (stmt, 2, data->case_id);
  vigil_store_bind_text (stmt, 3, data->claimant_id);
  vigil_store_bind_text (stmt, 4, now);
  vigil_store_bind_text (stmt, 5, data->route);
  vigil_store_bind_text (stmt, 6, data->status);
  vigil_store_bind_text (stmt, 7, data->currency);
  vigil_store_bind_text (stmt, 8, data->filed_at);
  vigil_store_bind_text (stmt, 9, data->deadline);
  if (!vigil_store_step_done (db, stmt, _("The claim could not be saved"), error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("claims", "assets"),
                                 data->claimant_id, data->id, 1, data->assets, error)
      || !vigil_store_write_sealed (self, vigil_store_find_sealed_column ("claims", "notes"),
                                    data->claimant_id, data->id, 1, data->notes, error)
      || !vigil_store_audit (self, "create", "claim", data->id, 1, error))
    goto fail;
  for (guint i = 0; i < data->items->len; i++)
    if (!add_item (self, data, g_ptr_array_index (data->items, i), error))
      goto fail;

  vigil_store_note_case_changed (self, data->case_id);
  if (!vigil_store_commit (self, error))
    goto restore;
  data->version = 1;
  return TRUE;

fail:
  vigil_store_rollback (self);
restore:
  g_free (data->id);
  data->id = g_steal_pointer (&previous_id);
  return FALSE;
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
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_data_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, case_id, claimant_id, version, route, status, currency,"
                           " filed_at, deadline, assets, notes FROM claims WHERE case_id = ?"
                           " ORDER BY created_at, rowid",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (VigilClaimData) claim = vigil_claim_data_new ();
      g_autoptr (GError) local = NULL;

      claim->id = g_strdup (vigil_store_column_text (stmt, 0));
      claim->case_id = g_strdup (vigil_store_column_text (stmt, 1));
      claim->claimant_id = g_strdup (vigil_store_column_text (stmt, 2));
      claim->version = sqlite3_column_int64 (stmt, 3);
      claim->route = g_strdup (vigil_store_column_text (stmt, 4));
      claim->status = g_strdup (vigil_store_column_text (stmt, 5));
      claim->currency = g_strdup (vigil_store_column_text (stmt, 6));
      claim->filed_at = g_strdup (vigil_store_column_text (stmt, 7));
      claim->deadline = g_strdup (vigil_store_column_text (stmt, 8));
      if (!vigil_vocabulary_contains (vigil_claim_routes, claim->route)
          || !vigil_vocabulary_contains (vigil_claim_statuses, claim->status))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("A claim in the vault holds an unknown route or status"));
          return NULL;
        }
      claim->assets = open_column (self, stmt, 9, "claims", "assets", claim->claimant_id,
                                   claim->id, claim->version, &local);
      if (local == NULL)
        claim->notes = open_column (self, stmt, 10, "claims", "notes", claim->claimant_id,
                                    claim->id, claim->version, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (!load_items (self, claim, error))
        return NULL;
      g_ptr_array_add (list, g_steal_pointer (&claim));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The claims could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
