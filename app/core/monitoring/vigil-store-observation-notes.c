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
#include "vigil-store-observations.h"
#include "vigil-store-private.h"
#include "vigil-store-observation-notes.h"

/* What the live calls need of an observation. */
typedef struct
{
  char     *id;
  char     *case_id;
  gint64    version;
  gboolean  has_notes; /* its single older note, sealed, is to move with it */
} Found;

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->id, g_free);
  g_clear_pointer (&found->case_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

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

/* The oldest observation of @standard_id at @hearing_id; FALSE without
 * error when there is none. */
static gboolean
find_observation (VigilDbCache  *statements,
                  const char    *hearing_id,
                  const char    *standard_id,
                  Found         *out,
                  GError       **error)
{
  g_autoptr (VigilDbCached) query =
    vigil_db_cache_get (statements,
                        "SELECT id, case_id, version, notes IS NOT NULL FROM observations"
                        " WHERE hearing_id = ? AND standard_id = ? ORDER BY created_at, rowid"
                        " LIMIT 1",
                        error);
  int rc;

  if (query == NULL)
    return FALSE;
  vigil_store_bind_text (query->stmt, 1, hearing_id);
  vigil_store_bind_text (query->stmt, 2, standard_id);
  rc = sqlite3_step (query->stmt);
  if (rc == SQLITE_ROW)
    {
      out->id = g_strdup (vigil_store_column_text (query->stmt, 0));
      out->case_id = g_strdup (vigil_store_column_text (query->stmt, 1));
      out->version = sqlite3_column_int64 (query->stmt, 2);
      out->has_notes = sqlite3_column_int (query->stmt, 3) != 0;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    vigil_db_set_error (vigil_db_cache_get_db (statements), rc,
                        _("The observation could not be read"), error);
  return FALSE;
}

/* Creates the observation at version 1 inside the caller's transaction. */
static gboolean
create_observation (VigilStore             *self,
                    VigilCatalogue         *catalogue,
                    const char             *hearing_id,
                    const char             *standard_id,
                    VigilObservationStatus  status,
                    const char             *severity,
                    const char             *now,
                    Found                  *out,
                    GError                **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, NULL);
  g_autoptr (VigilDbCached) insert = NULL;

  out->case_id = vigil_store_hearing_case_id (self, hearing_id, error);
  if (out->case_id == NULL)
    return FALSE;
  out->id = vigil_uuid_new ();
  out->version = 1;
  insert = vigil_db_cache_get (statements,
                               "INSERT INTO observations (id, hearing_id, case_id, version,"
                               " created_at, updated_at, standard_id, status, severity,"
                               " catalogue_version, monitor)"
                               " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (insert == NULL)
    return FALSE;
  vigil_store_bind_text (insert->stmt, 1, out->id);
  vigil_store_bind_text (insert->stmt, 2, hearing_id);
  vigil_store_bind_text (insert->stmt, 3, out->case_id);
  vigil_store_bind_text (insert->stmt, 4, now);
  vigil_store_bind_text (insert->stmt, 5, standard_id);
  vigil_store_bind_text (insert->stmt, 6,
                         vigil_enum_to_nick (VIGIL_TYPE_OBSERVATION_STATUS, status));
  vigil_store_bind_text (insert->stmt, 7, severity);
  vigil_store_bind_text (insert->stmt, 8, vigil_catalogue_get_version (catalogue));
  vigil_store_bind_text (insert->stmt, 9, vigil_vault_get_actor (vigil_store_get_vault (self)));
  if (!vigil_store_step_done (vigil_db_cache_get_db (statements), insert->stmt,
                              _("The observation could not be saved"), error))
    return FALSE;
  return vigil_store_audit (self, "create", "observation", out->id, 1, error);
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
  g_autofree char *now = vigil_now_iso ();
  g_auto (Found) found = { 0 };
  g_autoptr (VigilObservationData) probe = vigil_observation_data_new ();
  g_autoptr (GError) local = NULL;
  VigilDbCache *statements;

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
  statements = vigil_store_get_statements (self, NULL);
  if (find_observation (statements, hearing_id, standard_id, &found, &local))
    {
      g_autoptr (VigilDbCached) update = NULL;
      gint64 new_version = found.version + 1;

      update = vigil_db_cache_get (statements,
                                   "UPDATE observations SET version = ?1, updated_at = ?2,"
                                   " status = ?3, severity = ?4, catalogue_version = ?5,"
                                   " monitor = ?6 WHERE id = ?7 AND version = ?8",
                                   error);
      if (update == NULL)
        goto fail;
      sqlite3_bind_int64 (update->stmt, 1, new_version);
      vigil_store_bind_text (update->stmt, 2, now);
      vigil_store_bind_text (update->stmt, 3, probe->status);
      vigil_store_bind_text (update->stmt, 4, severity);
      vigil_store_bind_text (update->stmt, 5, probe->catalogue_version);
      vigil_store_bind_text (update->stmt, 6,
                             vigil_vault_get_actor (vigil_store_get_vault (self)));
      vigil_store_bind_text (update->stmt, 7, found.id);
      sqlite3_bind_int64 (update->stmt, 8, found.version);
      if (!vigil_store_step_done (vigil_db_cache_get_db (statements), update->stmt,
                                  _("The observation could not be saved"), error))
        goto fail;
      g_clear_pointer (&update, vigil_db_cached_release);
      /* The older single note moves to the new version with the record;
       * most observations have none, and nothing is read for them. */
      if ((found.has_notes
           && !vigil_store_carry_sealed (self,
                                         vigil_store_find_sealed_column ("observations", "notes"),
                                         found.case_id, found.id, found.version, new_version,
                                         error))
          || !vigil_store_audit (self, "update", "observation", found.id, new_version, error))
        goto fail;
    }
  else if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  else if (!create_observation (self, catalogue, hearing_id, standard_id, status, severity, now,
                                &found, error))
    goto fail;

  vigil_store_note_case_changed (self, found.case_id);
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&found.id);

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
  g_auto (Found) found = { 0 };
  g_autoptr (GError) local = NULL;
  g_autoptr (VigilDbCached) del = NULL;
  g_autofree char *kept = NULL;
  VigilDbCache *statements;
  gboolean entries = FALSE;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), FALSE);
  g_return_val_if_fail (hearing_id != NULL, FALSE);
  g_return_val_if_fail (standard_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  statements = vigil_store_get_statements (self, NULL);
  if (!find_observation (statements, hearing_id, standard_id, &found, &local))
    {
      if (local == NULL)
        return vigil_store_commit (self, error);
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (!found.has_notes && !has_entries (statements, found.id, &entries, error))
    goto fail;

  if (found.has_notes || entries)
    {
      /* A note is never taken back with a status. */
      kept = vigil_store_set_observation_status (self, catalogue, hearing_id, standard_id,
                                                 VIGIL_OBSERVATION_STATUS_NOT_OBSERVED, NULL,
                                                 error);
      if (kept == NULL)
        goto fail;
    }
  else
    {
      del = vigil_db_cache_get (statements,
                                "DELETE FROM observations WHERE id = ?1 AND version = ?2", error);
      if (del == NULL)
        goto fail;
      vigil_store_bind_text (del->stmt, 1, found.id);
      sqlite3_bind_int64 (del->stmt, 2, found.version);
      if (!vigil_store_step_done (vigil_db_cache_get_db (statements), del->stmt,
                                  _("The observation could not be deleted"), error))
        goto fail;
      g_clear_pointer (&del, vigil_db_cached_release);
      if (!vigil_store_audit (self, "delete", "observation", found.id, found.version, error))
        goto fail;
    }
  vigil_store_note_case_changed (self, found.case_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
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
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *note_id = vigil_uuid_new ();
  g_autofree char *at = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (VigilDbCached) insert = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GError) local = NULL;
  g_auto (Found) found = { 0 };
  VigilObservationNote probe = { 0 };
  VigilSealRef ref;
  VigilDbCache *statements;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_standard (catalogue, standard_id, error))
    return NULL;
  utc = noted_at != NULL ? g_date_time_to_utc (noted_at) : vigil_time_from_iso (now);
  probe.noted_at = utc;
  probe.text = (char *) text;
  if (!vigil_observation_note_validate (&probe, NULL, error))
    return NULL;
  at = vigil_time_to_iso (utc);

  if (!vigil_store_begin (self, error))
    return NULL;
  statements = vigil_store_get_statements (self, NULL);
  if (!find_observation (statements, hearing_id, standard_id, &found, &local))
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      if (!create_observation (self, catalogue, hearing_id, standard_id,
                               VIGIL_OBSERVATION_STATUS_NOT_OBSERVED, NULL, now, &found, error))
        goto fail;
    }

  /* Sealed for version 1 before the row exists, so the row is written
   * once, with its text. */
  ref = vigil_store_seal_ref (vigil_store_find_sealed_column ("observation_notes", "text"),
                              found.case_id, note_id, 1);
  sealed = vigil_vault_seal_text (vigil_store_get_vault (self), &ref, text, error);
  if (sealed == NULL)
    goto fail;
  insert = vigil_db_cache_get (statements,
                               "INSERT INTO observation_notes (id, observation_id, case_id,"
                               " version, created_at, updated_at, noted_at, monitor, text)"
                               " VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5, ?6, ?7)",
                               error);
  if (insert == NULL)
    goto fail;
  vigil_store_bind_text (insert->stmt, 1, note_id);
  vigil_store_bind_text (insert->stmt, 2, found.id);
  vigil_store_bind_text (insert->stmt, 3, found.case_id);
  vigil_store_bind_text (insert->stmt, 4, now);
  vigil_store_bind_text (insert->stmt, 5, at);
  vigil_store_bind_text (insert->stmt, 6, vigil_vault_get_actor (vigil_store_get_vault (self)));
  vigil_db_bind_bytes (insert->stmt, 7, sealed);
  if (!vigil_store_step_done (vigil_db_cache_get_db (statements), insert->stmt,
                              _("The note could not be saved"), error))
    goto fail;
  g_clear_pointer (&insert, vigil_db_cached_release);
  if (!vigil_store_audit (self, "create", "observation_note", note_id, 1, error))
    goto fail;

  vigil_store_note_case_changed (self, found.case_id);
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&note_id);

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
  g_autoptr (GPtrArray) notes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observation_note_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (observation_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, observation_id, version, noted_at, monitor, case_id, text"
                           " FROM observation_notes WHERE observation_id = ?"
                           " ORDER BY noted_at, rowid",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, observation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilObservationNote *note = vigil_store_observation_note_from_row (self, stmt, error);

      if (note == NULL)
        return NULL;
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The notes could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/* private API (vigil-store-extra-private.h) */

VigilObservationNote *
vigil_store_observation_note_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilObservationNote) note = vigil_observation_note_new ();
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 6);
  g_autoptr (GError) local = NULL;

  note->id = g_strdup (vigil_store_column_text (stmt, 0));
  note->observation_id = g_strdup (vigil_store_column_text (stmt, 1));
  note->version = sqlite3_column_int64 (stmt, 2);
  note->noted_at = vigil_store_column_time (stmt, 3);
  note->monitor = g_strdup (vigil_store_column_text (stmt, 4));
  note->text = vigil_store_open_sealed (self,
                                        vigil_store_find_sealed_column ("observation_notes",
                                                                        "text"),
                                        vigil_store_column_text (stmt, 5), note->id, note->version,
                                        sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&note);
}
