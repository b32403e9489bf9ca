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
#include "vigil-record-mapper.h"
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

#define OBSERVATION(member) G_STRUCT_OFFSET (VigilObservationData, member)

static const VigilField observation_fields[] = {
  { "case_id", VIGIL_FIELD_TEXT, .offset = OBSERVATION (case_id) },
  { "standard_id", VIGIL_FIELD_TEXT, .offset = OBSERVATION (standard_id) },
  { "status", VIGIL_FIELD_TEXT, .offset = OBSERVATION (status),
    .nick_of = vigil_observation_status_get_type },
  { "severity", VIGIL_FIELD_TEXT, .offset = OBSERVATION (severity) },
  { "catalogue_version", VIGIL_FIELD_TEXT, .offset = OBSERVATION (catalogue_version) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = OBSERVATION (monitor) },
  { "notes", VIGIL_FIELD_SEALED, .offset = OBSERVATION (notes) },
  { NULL },
};

static const VigilRecordKind observation_kind = {
  .table = "observations",
  .record_kind = "observation",
  .parent_table = "hearings",
  .parent_column = "hearing_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = observation_fields,
  .struct_new = (gpointer (*) (void)) vigil_observation_data_new,
  .struct_free = (GDestroyNotify) vigil_observation_data_free,
  .id_offset = OBSERVATION (id),
  .parent_offset = OBSERVATION (hearing_id),
  .version_offset = OBSERVATION (version),
  .not_found = N_("The observation does not exist"),
  .cannot_read = N_("The observation could not be read"),
  .cannot_read_list = N_("The observations could not be read"),
  .cannot_save = N_("The observation could not be saved"),
  .cannot_delete = N_("The observation could not be deleted"),
};

static gboolean
check_same_case (VigilStore *self, const VigilObservationData *data, GError **error)
{
  g_autofree char *case_id = vigil_store_hearing_case_id (self, data->hearing_id, error);

  if (case_id == NULL)
    return FALSE;
  if (g_str_equal (case_id, data->case_id))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("The hearing belongs to another case than the observation"));
  return FALSE;
}

/* public API */

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
  g_autofree char *previous_id = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->hearing_id != NULL && data->case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_observation_data_validate (data, NULL, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  previous_id = g_strdup (data->id);
  data->version = 0;
  if (!check_same_case (self, data, error)
      || !vigil_record_save (self, &observation_kind, data, error))
    goto fail;
  for (guint i = 0; i < data->entries->len; i++)
    if (!add_entry (self, data->id, data->case_id, now, g_ptr_array_index (data->entries, i),
                    error))
      goto fail;
  if (!vigil_store_commit (self, error))
    goto restore;
  for (guint i = 0; i < data->entries->len; i++)
    {
      VigilObservationNote *note = g_ptr_array_index (data->entries, i);

      g_free (note->observation_id);
      note->observation_id = g_strdup (data->id);
    }
  return TRUE;

fail:
  vigil_store_rollback (self);
restore:
  /* A failure gives the caller back the observation as it was. */
  g_free (data->id);
  data->id = g_steal_pointer (&previous_id);
  data->version = 0;
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
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);

  list = vigil_record_list (self, &observation_kind, hearing_id, error);
  if (list == NULL || !load_entries (self, hearing_id, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

