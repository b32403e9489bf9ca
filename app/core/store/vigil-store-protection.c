/* vigil-store-protection.c: what is arranged to protect a person
 *
 * Who is responsible and the details (places, times of movement, contacts)
 * are whereabouts: they are sealed under the protected person's key, so
 * erasing the person shreds them with everything else that is theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-protection.h"
#include "vigil-store-private.h"



/* private helpers */

static VigilProtectionData *
measure_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilProtectionData) data = vigil_protection_data_new ();
  g_autoptr (GBytes) responsible = vigil_db_column_bytes (stmt, 9);
  g_autoptr (GBytes) details = vigil_db_column_bytes (stmt, 10);
  g_autoptr (GError) local = NULL;

  data->id = g_strdup (vigil_store_column_text (stmt, 0));
  data->case_id = g_strdup (vigil_store_column_text (stmt, 1));
  data->person_id = g_strdup (vigil_store_column_text (stmt, 2));
  data->hearing_id = g_strdup (vigil_store_column_text (stmt, 3));
  data->version = sqlite3_column_int64 (stmt, 4);
  data->kind = g_strdup (vigil_store_column_text (stmt, 5));
  data->status = g_strdup (vigil_store_column_text (stmt, 6));
  data->starts_at = vigil_store_column_time (stmt, 7);
  data->ends_at = vigil_store_column_time (stmt, 8);
  if (!vigil_vocabulary_contains (vigil_protection_kinds, data->kind)
      || !vigil_vocabulary_contains (vigil_protection_statuses, data->status))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("A protection measure in the vault holds an unknown kind or status"));
      return NULL;
    }

  data->responsible =
    vigil_store_open_sealed (self,
                             vigil_store_find_sealed_column ("protection_measures", "responsible"),
                             data->person_id, data->id, data->version, responsible, &local);
  if (local == NULL)
    data->details =
      vigil_store_open_sealed (self,
                               vigil_store_find_sealed_column ("protection_measures", "details"),
                               data->person_id, data->id, data->version, details, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&data);
}




/**
 * vigil_store_add_protection_measure:
 * @data: the measure; its person and hearing (when set) must be of its case
 *
 * Creates the measure at version 1, seals who is responsible and the
 * details under the person's key and writes the "create" audit entry, in
 * one transaction.
 */
gboolean
vigil_store_add_protection_measure (VigilStore *self, VigilProtectionData *data, GError **error)
{
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *person_case = NULL;
  g_autofree char *hearing_case = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *id = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->case_id != NULL && data->person_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_protection_data_validate (data, NULL, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = data->id != NULL ? g_strdup (data->id) : vigil_uuid_new ();
  person_case = vigil_store_person_case_id (self, data->person_id, error);
  if (person_case == NULL)
    goto fail;
  if (data->hearing_id != NULL)
    {
      hearing_case = vigil_store_hearing_case_id (self, data->hearing_id, error);
      if (hearing_case == NULL)
        goto fail;
    }
  if (!g_str_equal (person_case, data->case_id)
      || (hearing_case != NULL && !g_str_equal (hearing_case, data->case_id)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The person or the hearing of the measure belongs to another case"));
      goto fail;
    }

  starts_at = vigil_time_to_iso (data->starts_at);
  ends_at = vigil_time_to_iso (data->ends_at);
  stmt = vigil_db_prepare (db,
                           "INSERT INTO protection_measures (id, case_id, person_id, hearing_id,"
                           " version, created_at, updated_at, kind, status, starts_at, ends_at)"
                           " VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    goto fail;
  vigil_store_bind_text (stmt, 1, id);
  vigil_store_bind_text (stmt, 2, data->case_id);
  vigil_store_bind_text (stmt, 3, data->person_id);
  vigil_store_bind_text (stmt, 4, data->hearing_id);
  vigil_store_bind_text (stmt, 5, now);
  vigil_store_bind_text (stmt, 6, data->kind);
  vigil_store_bind_text (stmt, 7, data->status);
  vigil_store_bind_text (stmt, 8, starts_at);
  vigil_store_bind_text (stmt, 9, ends_at);
  if (!vigil_store_step_done (db, stmt, _("The protection measure could not be saved"), error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!vigil_store_write_sealed (self,
                                 vigil_store_find_sealed_column ("protection_measures",
                                                                 "responsible"),
                                 data->person_id, id, 1, data->responsible, error)
      || !vigil_store_write_sealed (self,
                                    vigil_store_find_sealed_column ("protection_measures",
                                                                    "details"),
                                    data->person_id, id, 1, data->details, error)
      || !vigil_store_audit (self, "create", "protection_measure", id, 1, error))
    goto fail;
  vigil_store_note_case_changed (self, data->case_id);
  if (!vigil_store_commit (self, error))
    return FALSE;
  g_free (data->id);
  data->id = g_steal_pointer (&id);
  data->version = 1;
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_list_protection_measures:
 *
 * Returns: (transfer full) (element-type VigilProtectionData): the measures
 *   of the case with their sealed fields opened, in the order they were made
 */
GPtrArray *
vigil_store_list_protection_measures (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_data_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, case_id, person_id, hearing_id, version, kind, status,"
                           " starts_at, ends_at, responsible, details FROM protection_measures"
                           " WHERE case_id = ? ORDER BY created_at, rowid",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilProtectionData *data = measure_from_row (self, stmt, error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (list, data);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The protection measures could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
