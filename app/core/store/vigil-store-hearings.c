/* vigil-store-hearings.c: the hearings of a case
 *
 * A hearing's reason for adjournment and notes are sealed under the case's
 * key: they are about the proceeding, and go when the case is erased.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-store-private.h"

static const char hearing_columns[] =
  "id, case_id, version, created_at, updated_at, starts_at, room, kind, status,"
  " closed_session, adjournment_reason, notes, media_present, interpreter_present,"
  " interpreter_languages, foreign_victim, interpretation_needed, compensation_route_open,"
  " victim_prosecuted, adjourned_sine_die, outcome, convicted_charge";

/* private helpers */

/* Who attended, with their pseudonym and role from the person records. */
static gboolean
load_attendance (VigilStore *self, VigilHearing *hearing, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  stmt = vigil_db_prepare (db,
                           "SELECT a.person_id, a.testified, p.pseudonym, p.role, p.is_child"
                           " FROM hearing_attendance a JOIN persons p ON p.id = a.person_id"
                           " WHERE a.hearing_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, vigil_hearing_get_id (hearing));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAttendee attendee = { 0 };
      int role;

      if (!vigil_store_enum_column (stmt, 3, VIGIL_TYPE_PERSON_ROLE, &role, error))
        return FALSE;
      attendee.person_id = (char *) vigil_store_column_text (stmt, 0);
      attendee.testified = sqlite3_column_int (stmt, 1);
      attendee.pseudonym = (char *) vigil_store_column_text (stmt, 2);
      attendee.role = role;
      attendee.is_child = sqlite3_column_int (stmt, 4);
      vigil_hearing_set_attendee (hearing, &attendee);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The attendance of a hearing could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/* Replaces the stored attendance by the hearing's; every attendee must be
 * a person of the hearing's case. */
static gboolean
save_attendance (VigilStore *self, VigilHearing *hearing, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (sqlite3_stmt) add = NULL;

  if (db == NULL)
    return FALSE;
  del = vigil_db_prepare (db, "DELETE FROM hearing_attendance WHERE hearing_id = ?", error);
  if (del == NULL)
    return FALSE;
  vigil_store_bind_text (del, 1, vigil_hearing_get_id (hearing));
  if (!vigil_store_step_done (db, del, _("The attendance could not be saved"), error))
    return FALSE;

  add = vigil_db_prepare (db,
                          "INSERT INTO hearing_attendance (hearing_id, person_id, testified)"
                          " SELECT ?1, id, ?3 FROM persons WHERE id = ?2 AND case_id = ?4",
                          error);
  if (add == NULL)
    return FALSE;
  for (guint i = 0; i < vigil_hearing_get_n_attendees (hearing); i++)
    {
      const VigilAttendee *attendee = vigil_hearing_get_attendee (hearing, i);

      sqlite3_reset (add);
      vigil_store_bind_text (add, 1, vigil_hearing_get_id (hearing));
      vigil_store_bind_text (add, 2, attendee->person_id);
      sqlite3_bind_int (add, 3, attendee->testified);
      vigil_store_bind_text (add, 4, vigil_hearing_get_case_id (hearing));
      if (!vigil_store_step_done (db, add, _("The attendance could not be saved"), error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Attendance: %s is not a person of this case (erased, or of "
                         "another case)"),
                       attendee->pseudonym != NULL ? attendee->pseudonym : attendee->person_id);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
open_column (VigilStore   *self,
             sqlite3_stmt *stmt,
             int           index,
             const char   *column,
             VigilHearing *hearing,
             GError      **error)
{
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, index);

  return vigil_store_open_sealed (self, vigil_store_find_sealed_column ("hearings", column),
                                  vigil_hearing_get_case_id (hearing),
                                  vigil_hearing_get_id (hearing),
                                  vigil_hearing_get_version (hearing), sealed, error);
}

static VigilHearing *
hearing_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) created_at = vigil_store_column_time (stmt, 3);
  g_autoptr (GDateTime) updated_at = vigil_store_column_time (stmt, 4);
  g_autoptr (GDateTime) starts_at = vigil_store_column_time (stmt, 5);
  g_autoptr (GError) local = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *languages = NULL;
  int kind, status, outcome;

  if (!vigil_store_row_is_sound (stmt, error)
      || !vigil_store_enum_column (stmt, 7, VIGIL_TYPE_HEARING_KIND, &kind, error)
      || !vigil_store_enum_column (stmt, 8, VIGIL_TYPE_HEARING_STATUS, &status, error)
      || !vigil_store_enum_column (stmt, 20, VIGIL_TYPE_CASE_OUTCOME, &outcome, error))
    return NULL;

  hearing = g_object_new (VIGIL_TYPE_HEARING, "case-id", vigil_store_column_text (stmt, 1), NULL);
  vigil_hearing_set_id (hearing, vigil_store_column_text (stmt, 0));
  vigil_hearing_set_version (hearing, sqlite3_column_int64 (stmt, 2));
  vigil_hearing_set_created_at (hearing, created_at);
  vigil_hearing_set_updated_at (hearing, updated_at);
  vigil_hearing_set_starts_at (hearing, starts_at);
  vigil_hearing_set_room (hearing, vigil_store_column_text (stmt, 6));
  vigil_hearing_set_kind (hearing, kind);
  vigil_hearing_set_status (hearing, status);
  vigil_hearing_set_closed_session (hearing, sqlite3_column_int (stmt, 9));
  vigil_hearing_set_media_present (hearing, sqlite3_column_int (stmt, 12));
  vigil_hearing_set_interpreter_present (hearing, sqlite3_column_int (stmt, 13));
  vigil_hearing_set_foreign_victim (hearing, sqlite3_column_int (stmt, 15));
  vigil_hearing_set_interpretation_needed (hearing, sqlite3_column_int (stmt, 16));
  vigil_hearing_set_compensation_route_open (hearing, sqlite3_column_int (stmt, 17));
  vigil_hearing_set_victim_prosecuted (hearing, sqlite3_column_int (stmt, 18));
  vigil_hearing_set_adjourned_sine_die (hearing, sqlite3_column_int (stmt, 19));
  vigil_hearing_set_outcome (hearing, outcome);
  vigil_hearing_set_convicted_charge (hearing, vigil_store_column_text (stmt, 21));

  reason = open_column (self, stmt, 10, "adjournment_reason", hearing, &local);
  if (local == NULL)
    notes = open_column (self, stmt, 11, "notes", hearing, &local);
  if (local == NULL)
    languages = open_column (self, stmt, 14, "interpreter_languages", hearing, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  vigil_hearing_set_adjournment_reason (hearing, reason);
  vigil_hearing_set_notes (hearing, notes);
  if (languages != NULL)
    {
      g_auto (GStrv) list = g_strsplit (languages, "\n", -1);

      vigil_hearing_set_interpreter_languages (hearing, (const char * const *) list);
    }
  if (!load_attendance (self, hearing, error))
    return NULL;
  return g_steal_pointer (&hearing);
}

/* public API */

gboolean
vigil_store_save_hearing (VigilStore *self, VigilHearing *hearing, GError **error)
{
  const char *id, *case_id;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *starts_at = NULL;
  g_autofree char *languages = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 old_version, new_version;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_HEARING (hearing), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_hearing_validate (hearing, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = vigil_hearing_get_id (hearing);
  case_id = vigil_hearing_get_case_id (hearing);
  old_version = vigil_hearing_get_version (hearing);
  new_version = old_version + 1;
  starts_at = vigil_time_to_iso (vigil_hearing_get_starts_at (hearing));
  if (vigil_hearing_get_interpreter_languages (hearing)[0] != NULL)
    languages = g_strjoinv ("\n", (char **) vigil_hearing_get_interpreter_languages (hearing));

  if (!vigil_store_require_row (self, "cases", case_id, error))
    goto fail;
  if (old_version == 0)
    stmt = vigil_db_prepare (db,
                             "INSERT INTO hearings (version, updated_at, starts_at, room, kind,"
                             " status, closed_session, id, case_id, created_at, media_present,"
                             " interpreter_present, foreign_victim, interpretation_needed,"
                             " compensation_route_open, victim_prosecuted, adjourned_sine_die,"
                             " outcome, convicted_charge)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?17, ?18, ?19)",
                             error);
  else
    stmt = vigil_db_prepare (db,
                             "UPDATE hearings SET version = ?1, updated_at = ?2, starts_at = ?3,"
                             " room = ?4, kind = ?5, status = ?6, closed_session = ?7,"
                             " media_present = ?11, interpreter_present = ?12,"
                             " foreign_victim = ?13, interpretation_needed = ?14,"
                             " compensation_route_open = ?15, victim_prosecuted = ?16,"
                             " adjourned_sine_die = ?17, outcome = ?18, convicted_charge = ?19"
                             " WHERE id = ?8 AND case_id = ?9 AND version = ?10",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, new_version);
  vigil_store_bind_text (stmt, 2, now);
  vigil_store_bind_text (stmt, 3, starts_at);
  vigil_store_bind_text (stmt, 4, vigil_hearing_get_room (hearing));
  vigil_store_bind_text (stmt, 5, vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND,
                                                      vigil_hearing_get_kind (hearing)));
  vigil_store_bind_text (stmt, 6, vigil_enum_to_nick (VIGIL_TYPE_HEARING_STATUS,
                                                      vigil_hearing_get_status (hearing)));
  sqlite3_bind_int (stmt, 7, vigil_hearing_get_closed_session (hearing));
  vigil_store_bind_text (stmt, 8, id);
  vigil_store_bind_text (stmt, 9, case_id);
  if (old_version > 0)
    sqlite3_bind_int64 (stmt, 10, old_version);
  sqlite3_bind_int (stmt, 11, vigil_hearing_get_media_present (hearing));
  sqlite3_bind_int (stmt, 12, vigil_hearing_get_interpreter_present (hearing));
  sqlite3_bind_int (stmt, 13, vigil_hearing_get_foreign_victim (hearing));
  sqlite3_bind_int (stmt, 14, vigil_hearing_get_interpretation_needed (hearing));
  sqlite3_bind_int (stmt, 15, vigil_hearing_get_compensation_route_open (hearing));
  sqlite3_bind_int (stmt, 16, vigil_hearing_get_victim_prosecuted (hearing));
  sqlite3_bind_int (stmt, 17, vigil_hearing_get_adjourned_sine_die (hearing));
  vigil_store_bind_text (stmt, 18, vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME,
                                                       vigil_hearing_get_outcome (hearing)));
  vigil_store_bind_text (stmt, 19, vigil_hearing_get_convicted_charge (hearing));
  if (!vigil_store_step_done (db, stmt, _("The hearing could not be saved"), error))
    goto fail;
  if (old_version > 0 && sqlite3_changes (db) == 0)
    {
      vigil_store_set_update_error (self, "hearings", "hearing", id, error);
      goto fail;
    }

  if (!vigil_store_write_sealed (self,
                                 vigil_store_find_sealed_column ("hearings", "adjournment_reason"),
                                 case_id, id, new_version,
                                 vigil_hearing_get_adjournment_reason (hearing), error)
      || !vigil_store_write_sealed (self, vigil_store_find_sealed_column ("hearings", "notes"),
                                    case_id, id, new_version, vigil_hearing_get_notes (hearing),
                                    error)
      || !vigil_store_write_sealed (self,
                                    vigil_store_find_sealed_column ("hearings",
                                                                    "interpreter_languages"),
                                    case_id, id, new_version, languages, error)
      || !save_attendance (self, hearing, error)
      || !vigil_store_audit (self, old_version == 0 ? "create" : "update", "hearing", id,
                             new_version, error))
    goto fail;
  vigil_store_note_case_changed (self, case_id);
  /* Before the commit, so "case-changed" handlers see the new version; a
   * failed commit takes it back like any rollback. */
  vigil_store_record_saved (self, G_OBJECT (hearing), new_version, now);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_get_hearing:
 *
 * Returns: (transfer full): the hearing, or NULL with VIGIL_ERROR_NOT_FOUND
 */
VigilHearing *
vigil_store_get_hearing (VigilStore *self, const char *hearing_id, GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM hearings WHERE id = ?", hearing_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, hearing_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hearing_from_row (self, stmt, error);
  if (rc != SQLITE_DONE)
    vigil_db_set_error (db, rc, _("The hearing could not be read"), error);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The hearing does not exist: it was deleted, or never saved"));
  return NULL;
}

/**
 * vigil_store_list_hearings:
 *
 * Returns: (transfer full) (element-type VigilHearing): the hearings of the
 *   case by start time; NULL with VIGIL_ERROR_NOT_FOUND when the case does
 *   not exist
 */
GPtrArray *
vigil_store_list_hearings (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (!vigil_store_require_row (self, "cases", case_id, error))
    return NULL;
  db = vigil_store_get_db (self, error);
  sql = g_strdup_printf ("SELECT %s FROM hearings WHERE case_id = ? ORDER BY starts_at, id",
                         hearing_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilHearing *hearing = hearing_from_row (self, stmt, error);

      if (hearing == NULL)
        return NULL;
      g_ptr_array_add (hearings, hearing);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The hearings could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&hearings);
}

/* Observations and protection measures of the hearing go with it (the
 * schema cascades; measures keep their person and lose the hearing). */
gboolean
vigil_store_delete_hearing (VigilStore *self, const char *hearing_id, GError **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autofree char *case_id = NULL;
  sqlite3 *db;
  gint64 version;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (hearing_id != NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  db = vigil_store_get_db (self, NULL);
  find = vigil_db_prepare (db, "SELECT case_id, version FROM hearings WHERE id = ?", error);
  if (find == NULL)
    goto fail;
  vigil_store_bind_text (find, 1, hearing_id);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("The hearing does not exist: it was deleted, or never saved"));
      else
        vigil_db_set_error (db, rc, _("The hearing could not be read"), error);
      goto fail;
    }
  case_id = g_strdup (vigil_store_column_text (find, 0));
  version = sqlite3_column_int64 (find, 1);
  g_clear_pointer (&find, sqlite3_finalize);

  del = vigil_db_prepare (db, "DELETE FROM hearings WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  vigil_store_bind_text (del, 1, hearing_id);
  if (!vigil_store_step_done (db, del, _("The hearing could not be deleted"), error)
      || !vigil_store_audit (self, "delete", "hearing", hearing_id, version, error))
    goto fail;
  g_clear_pointer (&del, sqlite3_finalize);
  vigil_store_note_case_changed (self, case_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}
