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
#include "vigil-record-mapper.h"

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

static gboolean
hearing_after_read (VigilStore *self, gpointer record, GError **error)
{
  return load_attendance (self, record, error);
}

static const VigilField hearing_fields[] = {
  { "starts_at", VIGIL_FIELD_TIME, .property = "starts-at" },
  { "room", VIGIL_FIELD_TEXT, .property = "room" },
  { "kind", VIGIL_FIELD_ENUM, .property = "kind" },
  { "status", VIGIL_FIELD_ENUM, .property = "status" },
  { "closed_session", VIGIL_FIELD_BOOLEAN, .property = "closed-session" },
  { "adjournment_reason", VIGIL_FIELD_SEALED, .property = "adjournment-reason" },
  { "notes", VIGIL_FIELD_SEALED, .property = "notes" },
  { "media_present", VIGIL_FIELD_BOOLEAN, .property = "media-present" },
  { "interpreter_present", VIGIL_FIELD_BOOLEAN, .property = "interpreter-present" },
  { "interpreter_languages", VIGIL_FIELD_SEALED_LINES, .property = "interpreter-languages" },
  { "foreign_victim", VIGIL_FIELD_BOOLEAN, .property = "foreign-victim" },
  { "interpretation_needed", VIGIL_FIELD_BOOLEAN, .property = "interpretation-needed" },
  { "compensation_route_open", VIGIL_FIELD_BOOLEAN, .property = "compensation-route-open" },
  { "victim_prosecuted", VIGIL_FIELD_BOOLEAN, .property = "victim-prosecuted" },
  { "adjourned_sine_die", VIGIL_FIELD_BOOLEAN, .property = "adjourned-sine-die" },
  { "outcome", VIGIL_FIELD_ENUM, .property = "outcome" },
  { "convicted_charge", VIGIL_FIELD_TEXT, .property = "convicted-charge" },
  { NULL },
};

static const VigilRecordKind hearing_kind = {
  .table = "hearings",
  .record_kind = "hearing",
  .parent_table = "cases",
  .parent_column = "case_id",
  .list_needs_parent = TRUE,
  .case_column = "case_id",
  .order_by = "starts_at, id",
  .fields = hearing_fields,
  .get_type = vigil_hearing_get_type,
  .parent_property = "case-id",
  .after_read = hearing_after_read,
  .not_found = N_("The hearing does not exist: it was deleted, or never saved"),
  .cannot_read = N_("The hearing could not be read"),
  .cannot_read_list = N_("The hearings could not be read"),
  .cannot_save = N_("The hearing could not be saved"),
  .cannot_delete = N_("The hearing could not be deleted"),
};

/* public API */

gboolean
vigil_store_save_hearing (VigilStore *self, VigilHearing *hearing, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_HEARING (hearing), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_hearing_validate (hearing, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  /* The attendance is written after the row: a new hearing's id exists
   * only then. A stored hearing given another time keeps the old one. */
  if ((vigil_hearing_get_version (hearing) > 0
       && !vigil_store_note_hearing_move (self, vigil_hearing_get_id (hearing),
                                          vigil_hearing_get_case_id (hearing),
                                          vigil_hearing_get_starts_at (hearing), error))
      || !vigil_record_save (self, &hearing_kind, hearing, error)
      || !save_attendance (self, hearing, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  return vigil_store_commit (self, error);
}

/**
 * vigil_store_get_hearing:
 *
 * Returns: (transfer full): the hearing, or NULL with VIGIL_ERROR_NOT_FOUND
 */
VigilHearing *
vigil_store_get_hearing (VigilStore *self, const char *hearing_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);

  return vigil_record_get (self, &hearing_kind, hearing_id, error);
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &hearing_kind, case_id, error);
}

/* Observations and protection measures of the hearing go with it (the
 * schema cascades; measures keep their person and lose the hearing). */
gboolean
vigil_store_delete_hearing (VigilStore *self, const char *hearing_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (hearing_id != NULL, FALSE);

  return vigil_record_delete (self, &hearing_kind, hearing_id, error);
}

/**
 * vigil_store_list_cases_meeting:
 * @from: the first moment
 * @to: the moment after the last
 *
 * The cases with a hearing from @from to @to, or one that was there
 * before it moved: what an agenda of those days needs, without reading
 * every case.
 *
 * Returns: (transfer full) (element-type utf8): their ids, each once
 */
GPtrArray *
vigil_store_list_cases_meeting (VigilStore *self, GDateTime *from, GDateTime *to, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT case_id FROM hearings WHERE starts_at >= ?1 AND starts_at < ?2"
                           " UNION SELECT case_id FROM hearing_moves"
                           " WHERE old_starts_at >= ?1 AND old_starts_at < ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  from_iso = vigil_time_to_iso (from);
  to_iso = vigil_time_to_iso (to);
  vigil_store_bind_text (stmt, 1, from_iso);
  vigil_store_bind_text (stmt, 2, to_iso);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (vigil_store_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The hearings could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * vigil_store_list_hearings_meeting:
 *
 * Returns: (transfer full) (element-type VigilHearing): the hearings of the
 *   case from @from to @to (excluded), and those moved away from there, by
 *   start time
 */
GPtrArray *
vigil_store_list_hearings_meeting (VigilStore *self,
                                   const char *case_id,
                                   GDateTime  *from,
                                   GDateTime  *to,
                                   GError    **error)
{
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  const char *binds[4] = { case_id, NULL, NULL, NULL };

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL && from != NULL && to != NULL, NULL);

  from_iso = vigil_time_to_iso (from);
  to_iso = vigil_time_to_iso (to);
  binds[1] = from_iso;
  binds[2] = to_iso;
  return vigil_record_query (self, &hearing_kind,
                             "WHERE case_id = ?1 AND ((starts_at >= ?2 AND starts_at < ?3)"
                             " OR id IN (SELECT hearing_id FROM hearing_moves"
                             " WHERE old_starts_at >= ?2 AND old_starts_at < ?3))"
                             " ORDER BY starts_at, id",
                             binds, error);
}
