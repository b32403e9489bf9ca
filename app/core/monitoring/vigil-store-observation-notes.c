/* vigil-store-observation-notes.c: recording observations as they happen
 *
 * The live hearing mode saves every entry the moment it is made, so these
 * functions do the least that keeps the store's rules: one transaction,
 * one row read, the row written with its version and audit entry. The
 * store's other saves re-read and re-write whole records; these never do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-record-rules.h"
#include "vigil-monitoring-kinds.h"
#include "vigil-store-observations.h"
#include "vigil-store-observation-notes.h"

#define NOTE(member) G_STRUCT_OFFSET (VigilObservationNote, member)

static const VigilField note_fields[] = {
  { "case_id", VIGIL_FIELD_TEXT, .offset = NOTE (case_id) },
  { "noted_at", VIGIL_FIELD_TIME, .offset = NOTE (noted_at) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = NOTE (monitor) },
  { "text", VIGIL_FIELD_SEALED, .offset = NOTE (text) },
  { NULL },
};

const VigilRecordKind vigil_observation_note_kind = {
  .table = "observation_notes",
  .record_kind = "observation_note",
  .parent_table = "observations",
  .parent_column = "observation_id",
  .case_column = "case_id",
  .order_by = "noted_at, rowid",
  .fields = note_fields,
  .struct_new = (gpointer (*) (void)) vigil_observation_note_new,
  .struct_free = (GDestroyNotify) vigil_observation_note_free,
  .id_offset = NOTE (id),
  .parent_offset = NOTE (observation_id),
  .version_offset = NOTE (version),
  .not_found = N_("The note does not exist"),
  .cannot_read = N_("The note could not be read"),
  .cannot_read_list = N_("The notes could not be read"),
  .cannot_save = N_("The note could not be saved"),
  .cannot_delete = N_("The note could not be deleted"),
};

/* private helpers */

static gboolean
check_standard (VigilCatalogue *catalogue, const char *standard_id, GError **error)
{
  if (vigil_catalogue_lookup (catalogue, standard_id) != NULL)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("“%s” is not a standard of the catalogue (version %s)"),
               standard_id != NULL ? standard_id : "", vigil_catalogue_get_version (catalogue));
  return FALSE;
}

/* The oldest observation of @standard_id at @hearing_id, or a new one (not
 * yet saved, at version 0) when there is none; NULL with @error when the
 * vault could not be read. */
static VigilObservationData *
find_observation (VigilStore     *self,
                  VigilCatalogue *catalogue,
                  const char     *hearing_id,
                  const char     *standard_id,
                  GError        **error)
{
  g_autoptr (GPtrArray) found = NULL;
  VigilObservationData *data;

  found = vigil_record_query (self, &vigil_observation_kind,
                              "WHERE hearing_id = ?1 AND standard_id = ?2"
                              " ORDER BY created_at, rowid LIMIT 1",
                              (const char *[]) { hearing_id, standard_id, NULL }, error);
  if (found == NULL)
    return NULL;
  if (found->len > 0)
    return g_ptr_array_steal_index (found, 0);
  data = vigil_observation_data_new ();
  data->case_id = vigil_store_case_of (self, "hearings", hearing_id, error);
  if (data->case_id == NULL)
    {
      vigil_observation_data_free (data);
      return NULL;
    }
  data->hearing_id = g_strdup (hearing_id);
  data->standard_id = g_strdup (standard_id);
  data->status = g_strdup (vigil_enum_to_nick (VIGIL_TYPE_OBSERVATION_STATUS,
                                               VIGIL_OBSERVATION_STATUS_NOT_OBSERVED));
  data->catalogue_version = g_strdup (vigil_catalogue_get_version (catalogue));
  data->monitor = g_strdup (vigil_vault_get_actor (vigil_store_get_vault (self)));
  return data;
}

/* public API */

/**
 * vigil_store_set_observation_status:
 *
 * Returns: (transfer full): the id of the observation, or NULL with @error
 */
char *
vigil_store_set_observation_status (VigilStore             *self,
                                    VigilCatalogue         *catalogue,
                                    const char             *hearing_id,
                                    const char             *standard_id,
                                    VigilObservationStatus  status,
                                    const char             *severity,
                                    GError                **error)
{
  g_autoptr (VigilObservationData) probe = vigil_observation_data_new ();
  g_autoptr (VigilObservationData) data = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_standard (catalogue, standard_id, error))
    return NULL;
  /* The record's own rules (a severity only with a failure ...). */
  probe->standard_id = g_strdup (standard_id);
  probe->status = g_strdup (vigil_enum_to_nick (VIGIL_TYPE_OBSERVATION_STATUS, status));
  probe->severity = g_strdup (severity);
  probe->catalogue_version = g_strdup (vigil_catalogue_get_version (catalogue));
  if (!vigil_observation_data_validate (probe, NULL, error))
    return NULL;

  if (!vigil_store_begin (self, error))
    return NULL;
  data = find_observation (self, catalogue, hearing_id, standard_id, error);
  if (data == NULL)
    goto fail;
  g_free (data->status);
  data->status = g_steal_pointer (&probe->status);
  g_free (data->severity);
  data->severity = g_steal_pointer (&probe->severity);
  g_free (data->catalogue_version);
  data->catalogue_version = g_steal_pointer (&probe->catalogue_version);
  g_free (data->monitor);
  data->monitor = g_strdup (vigil_vault_get_actor (vigil_store_get_vault (self)));
  if (!vigil_record_save (self, &vigil_observation_kind, data, error))
    goto fail;
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&data->id);

fail:
  vigil_store_rollback (self);
  return NULL;
}

/* Whether the observation @id has a timestamped note. */
static gboolean
has_entries (VigilDbCache *statements, const char *id, gboolean *out, GError **error)
{
  g_autoptr (VigilDbCached) query =
    vigil_db_cache_get (statements,
                        "SELECT EXISTS (SELECT 1 FROM observation_notes WHERE observation_id = ?)",
                        error);
  int rc;

  if (query == NULL)
    return FALSE;
  vigil_store_bind_text (query->stmt, 1, id);
  rc = sqlite3_step (query->stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), rc,
                          _("The notes of the observation could not be read"), error);
      return FALSE;
    }
  *out = sqlite3_column_int (query->stmt, 0) != 0;
  return TRUE;
}

/**
 * vigil_store_clear_observation_status:
 *
 * Returns: TRUE when the standard has no status of the monitor's any more
 */
gboolean
vigil_store_clear_observation_status (VigilStore     *self,
                                      VigilCatalogue *catalogue,
                                      const char     *hearing_id,
                                      const char     *standard_id,
                                      GError        **error)
{
  g_autoptr (VigilObservationData) data = NULL;
  g_autofree char *kept = NULL;
  gboolean entries = FALSE;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), FALSE);
  g_return_val_if_fail (hearing_id != NULL, FALSE);
  g_return_val_if_fail (standard_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  data = find_observation (self, catalogue, hearing_id, standard_id, error);
  if (data == NULL)
    goto fail;
  /* Nothing recorded for the standard yet: nothing to take back. */
  if (data->version == 0)
    return vigil_store_commit (self, error);
  if (data->notes == NULL
      && !has_entries (vigil_store_get_statements (self, NULL), data->id, &entries, error))
    goto fail;

  if (data->notes != NULL || entries)
    {
      /* A note is never taken back with a status. */
      kept = vigil_store_set_observation_status (self, catalogue, hearing_id, standard_id,
                                                 VIGIL_OBSERVATION_STATUS_NOT_OBSERVED, NULL,
                                                 error);
      if (kept == NULL)
        goto fail;
    }
  else if (!vigil_record_delete (self, &vigil_observation_kind, data->id, error))
    goto fail;
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/* The id and case of the observation of @standard_id at @hearing_id, if
 * there is one: all an entry needs, without opening the observation's
 * sealed notes, which a live hearing would pay for at every entry. */
static gboolean
find_observation_ids (VigilStore  *self,
                      const char  *hearing_id,
                      const char  *standard_id,
                      char       **out_id,
                      char       **out_case_id,
                      GError     **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);
  g_autoptr (VigilDbCached) query = NULL;
  int rc;

  *out_id = *out_case_id = NULL;
  if (statements == NULL)
    return FALSE;
  query = vigil_db_cache_get (statements,
                              "SELECT id, case_id FROM observations"
                              " WHERE hearing_id = ?1 AND standard_id = ?2"
                              " ORDER BY created_at, rowid LIMIT 1",
                              error);
  if (query == NULL)
    return FALSE;
  vigil_store_bind_text (query->stmt, 1, hearing_id);
  vigil_store_bind_text (query->stmt, 2, standard_id);
  rc = sqlite3_step (query->stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = g_strdup ((const char *) sqlite3_column_text (query->stmt, 0));
      *out_case_id = g_strdup ((const char *) sqlite3_column_text (query->stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (vigil_vault_get_db (vigil_store_get_vault (self), NULL), rc,
                          _("The observation could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * vigil_store_append_observation_note:
 *
 * Returns: (transfer full): the id of the note, or NULL with @error
 */
char *
vigil_store_append_observation_note (VigilStore     *self,
                                     VigilCatalogue *catalogue,
                                     const char     *hearing_id,
                                     const char     *standard_id,
                                     GDateTime      *noted_at,
                                     const char     *text,
                                     GError        **error)
{
  g_autoptr (VigilObservationNote) note = vigil_observation_note_new ();
  g_autoptr (VigilObservationData) data = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_standard (catalogue, standard_id, error))
    return NULL;
  note->noted_at = noted_at != NULL ? g_date_time_to_utc (noted_at) : g_date_time_new_now_utc ();
  note->text = g_strdup (text);
  note->monitor = g_strdup (vigil_vault_get_actor (vigil_store_get_vault (self)));
  if (!vigil_observation_note_validate (note, NULL, error))
    return NULL;

  if (!vigil_store_begin (self, error))
    return NULL;
  if (!find_observation_ids (self, hearing_id, standard_id, &note->observation_id,
                             &note->case_id, error))
    goto fail;
  if (note->observation_id == NULL)
    {
      data = find_observation (self, catalogue, hearing_id, standard_id, error);
      if (data == NULL || (data->version == 0
                           && !vigil_record_save (self, &vigil_observation_kind, data, error)))
        goto fail;
      note->observation_id = g_strdup (data->id);
      note->case_id = g_strdup (data->case_id);
    }
  if (!vigil_record_save (self, &vigil_observation_note_kind, note, error))
    goto fail;
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&note->id);

fail:
  vigil_store_rollback (self);
  return NULL;
}

/**
 * vigil_observation_note_validate:
 *
 * The rules of a note: a time (not before 1990 nor more than a day
 * ahead), a text that is not blank nor longer than
 * %VIGIL_OBSERVATION_NOTE_MAX characters, and a monitor that is a name.
 */
gboolean
vigil_observation_note_validate (const VigilObservationNote *note,
                                 const char                **out_field,
                                 GError                    **error)
{
  g_return_val_if_fail (note != NULL, FALSE);

  if (note->text == NULL || !g_utf8_validate (note->text, -1, NULL)
      || vigil_text_is_blank (note->text))
    {
      if (out_field != NULL)
        *out_field = "text";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The note is empty: there is nothing to save"));
      return FALSE;
    }
  if (g_utf8_strlen (note->text, -1) > VIGIL_OBSERVATION_NOTE_MAX)
    {
      if (out_field != NULL)
        *out_field = "text";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The note is longer than %d characters; split it into several"),
                   VIGIL_OBSERVATION_NOTE_MAX);
      return FALSE;
    }
  if (note->noted_at == NULL
      || !vigil_record_check_recorded_at (note->noted_at, "noted_at", "noted_at", NULL, NULL))
    {
      if (out_field != NULL)
        *out_field = "noted_at";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The time of the note is impossible (before %d, or in the future); "
                     "check the computer's clock"),
                   VIGIL_RECORD_EARLIEST_YEAR);
      return FALSE;
    }
  return vigil_record_check_monitor (note->monitor, out_field, error);
}

/**
 * vigil_store_list_observation_notes:
 *
 * Returns: (transfer full) (element-type VigilObservationNote): the notes,
 *   oldest first, their text opened
 */
GPtrArray *
vigil_store_list_observation_notes (VigilStore *self, const char *observation_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (observation_id != NULL, NULL);

  return vigil_record_list (self, &vigil_observation_note_kind, observation_id, error);
}
