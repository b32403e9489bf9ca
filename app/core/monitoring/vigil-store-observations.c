/* vigil-store-observations.c: a monitor's findings at a hearing
 *
 * An observation's notes are sealed under the case's key: they are about
 * the proceeding, and go when the case is erased. The standard is stored by
 * id with the catalogue version it was made against, so a later catalogue
 * never changes what an old observation meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-observations.h"
#include "vigil-store-private.h"
#include "vigil-store-observation-notes.h"





/* Reads the notes of every observation of @hearing_id in one query and
 * hands each to its observation. */
static gboolean
load_entries (VigilStore *self, const char *hearing_id, GPtrArray *observations, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  for (guint i = 0; i < observations->len; i++)
    {
      VigilObservationData *data = g_ptr_array_index (observations, i);

      g_hash_table_insert (by_id, data->id, data);
    }
  stmt = vigil_db_prepare (db,
                           "SELECT n.id, n.observation_id, n.version, n.noted_at, n.monitor,"
                           " n.case_id, n.text FROM observation_notes n"
                           " JOIN observations o ON o.id = n.observation_id"
                           " WHERE o.hearing_id = ? ORDER BY n.noted_at, n.rowid",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, hearing_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilObservationData *data = g_hash_table_lookup (by_id, vigil_store_column_text (stmt, 1));
      VigilObservationNote *note = vigil_store_observation_note_from_row (self, stmt, error);

      if (note == NULL)
        return FALSE;
      if (data == NULL)
        vigil_observation_note_free (note);
      else
        g_ptr_array_add (data->entries, note);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The notes of the observations could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/* Writes one entry of an observation being created, as it is: its time
 * and monitor are those it was written with, wherever that was. */
static gboolean
add_entry (VigilStore           *self,
           const char           *observation_id,
           const char           *case_id,
           const char           *now,
           VigilObservationNote *note,
           GError              **error)
{
  sqlite3 *db = vigil_store_get_db (self, NULL);
  g_autofree char *id = vigil_uuid_new ();
  g_autofree char *at = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!vigil_observation_note_validate (note, NULL, error))
    return FALSE;
  at = vigil_time_to_iso (note->noted_at);
  stmt = vigil_db_prepare (db,
                           "INSERT INTO observation_notes (id, observation_id, case_id, version,"
                           " created_at, updated_at, noted_at, monitor)"
                           " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, id);
  vigil_store_bind_text (stmt, 2, observation_id);
  vigil_store_bind_text (stmt, 3, case_id);
  vigil_store_bind_text (stmt, 4, now);
  vigil_store_bind_text (stmt, 5, at);
  vigil_store_bind_text (stmt, 6, note->monitor);
  if (!vigil_store_step_done (db, stmt, _("The note could not be saved"), error)
      || !vigil_store_write_sealed (self,
                                    vigil_store_find_sealed_column ("observation_notes", "text"),
                                    case_id, id, 1, note->text, error)
      || !vigil_store_audit (self, "create", "observation_note", id, 1, error))
    return FALSE;
  g_free (note->id);
  note->id = g_steal_pointer (&id);
  note->version = 1;
  return TRUE;
}

static VigilObservationData *
observation_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilObservationData) data = vigil_observation_data_new ();
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 8);
  g_autoptr (GError) local = NULL;
  int status;

  if (!vigil_store_enum_column (stmt, 5, VIGIL_TYPE_OBSERVATION_STATUS, &status, error))
    return NULL;
  data->id = g_strdup (vigil_store_column_text (stmt, 0));
  data->case_id = g_strdup (vigil_store_column_text (stmt, 1));
  data->hearing_id = g_strdup (vigil_store_column_text (stmt, 2));
  data->version = sqlite3_column_int64 (stmt, 3);
  data->standard_id = g_strdup (vigil_store_column_text (stmt, 4));
  data->status = g_strdup (vigil_store_column_text (stmt, 5));
  data->severity = g_strdup (vigil_store_column_text (stmt, 6));
  data->catalogue_version = g_strdup (vigil_store_column_text (stmt, 7));
  data->monitor = g_strdup (vigil_store_column_text (stmt, 9));
  data->notes = vigil_store_open_sealed (self,
                                         vigil_store_find_sealed_column ("observations", "notes"),
                                         data->case_id, data->id, data->version, sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&data);
}






/**
 * vigil_store_add_observation:
 * @data: the observation; its @case_id must be the case of its @hearing_id
 *
 * Creates the observation at version 1, seals its notes under the case's
 * key and writes the "create" audit entry, in one transaction.
 */
gboolean
vigil_store_add_observation (VigilStore *self, VigilObservationData *data, GError **error)
{
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *case_id = NULL;
  g_autofree char *id = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->hearing_id != NULL && data->case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_observation_data_validate (data, NULL, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = data->id != NULL ? g_strdup (data->id) : vigil_uuid_new ();
  case_id = vigil_store_hearing_case_id (self, data->hearing_id, error);
  if (case_id == NULL)
    goto fail;
  if (!g_str_equal (case_id, data->case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The hearing belongs to another case than the observation"));
      goto fail;
    }

  stmt = vigil_db_prepare (db,
                           "INSERT INTO observations (id, hearing_id, case_id, version,"
                           " created_at, updated_at, standard_id, status, severity,"
                           " catalogue_version, monitor)"
                           " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    goto fail;
  vigil_store_bind_text (stmt, 1, id);
  vigil_store_bind_text (stmt, 2, data->hearing_id);
  vigil_store_bind_text (stmt, 3, data->case_id);
  vigil_store_bind_text (stmt, 4, now);
  vigil_store_bind_text (stmt, 5, data->standard_id);
  vigil_store_bind_text (stmt, 6, data->status);
  vigil_store_bind_text (stmt, 7, data->severity);
  vigil_store_bind_text (stmt, 8, data->catalogue_version);
  vigil_store_bind_text (stmt, 9, data->monitor);
  if (!vigil_store_step_done (db, stmt, _("The observation could not be saved"), error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("observations", "notes"),
                                 data->case_id, id, 1, data->notes, error)
      || !vigil_store_audit (self, "create", "observation", id, 1, error))
    goto fail;
  for (guint i = 0; i < data->entries->len; i++)
    if (!add_entry (self, id, data->case_id, now, g_ptr_array_index (data->entries, i), error))
      goto fail;
  vigil_store_note_case_changed (self, data->case_id);
  if (!vigil_store_commit (self, error))
    return FALSE;
  g_free (data->id);
  data->id = g_steal_pointer (&id);
  data->version = 1;
  for (guint i = 0; i < data->entries->len; i++)
    {
      VigilObservationNote *note = g_ptr_array_index (data->entries, i);

      g_free (note->observation_id);
      note->observation_id = g_strdup (data->id);
    }
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_list_observations:
 *
 * Returns: (transfer full) (element-type VigilObservationData): the
 *   observations of the hearing with their notes opened, in the order they
 *   were made
 */
GPtrArray *
vigil_store_list_observations (VigilStore *self, const char *hearing_id, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observation_data_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, case_id, hearing_id, version, standard_id, status,"
                           " severity, catalogue_version, notes, monitor FROM observations"
                           " WHERE hearing_id = ? ORDER BY created_at, rowid",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, hearing_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilObservationData *data = observation_from_row (self, stmt, error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (list, data);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The observations could not be read"), error);
      return NULL;
    }
  if (!load_entries (self, hearing_id, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

