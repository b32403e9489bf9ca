/* vigil-store-assessments.c: the overall assessment of a hearing or a case
 *
 * A row per scope (a hearing, or the case as a whole: scope_id is the
 * hearing's id or the case's), so deciding again is an update of the same
 * record with its version bumped, and the audit log keeps every decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-store-assessments.h"
#include "vigil-record-rules.h"
#include "vigil-store-observations.h"
#include "vigil-store-private.h"

static const char assessment_columns[] =
  "id, case_id, hearing_id, version, suggested_grade, grade, score, monitor,"
  " catalogue_version, updated_at, reason";

/* private helpers */

/* The hearing must be one of the case's. */
static gboolean
check_scope (VigilStore *self, const char *case_id, const char *hearing_id, GError **error)
{
  g_autofree char *owner = NULL;

  if (hearing_id == NULL)
    return vigil_store_require_row (self, "cases", case_id, error);
  owner = vigil_store_hearing_case_id (self, hearing_id, error);
  if (owner == NULL)
    return FALSE;
  if (!g_str_equal (owner, case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The hearing is not one of this case's"));
      return FALSE;
    }
  return TRUE;
}

static VigilAssessmentData *
assessment_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilAssessmentData) data = g_new0 (VigilAssessmentData, 1);
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 10);
  g_autoptr (GError) local = NULL;
  int suggested, grade;

  if (!vigil_store_enum_column (stmt, 4, VIGIL_TYPE_GRADE, &suggested, error)
      || !vigil_store_enum_column (stmt, 5, VIGIL_TYPE_GRADE, &grade, error))
    return NULL;
  data->id = g_strdup (vigil_store_column_text (stmt, 0));
  data->case_id = g_strdup (vigil_store_column_text (stmt, 1));
  data->hearing_id = g_strdup (vigil_store_column_text (stmt, 2));
  data->version = sqlite3_column_int64 (stmt, 3);
  data->suggested = suggested;
  data->grade = grade;
  data->score = sqlite3_column_int (stmt, 6);
  data->monitor = g_strdup (vigil_store_column_text (stmt, 7));
  data->catalogue_version = g_strdup (vigil_store_column_text (stmt, 8));
  data->decided_at = vigil_store_column_time (stmt, 9);
  data->reason = vigil_store_open_sealed (self,
                                          vigil_store_find_sealed_column ("assessments", "reason"),
                                          data->case_id, data->id, data->version, sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&data);
}

/* public API */

void
vigil_assessment_data_free (VigilAssessmentData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->case_id);
  g_free (data->hearing_id);
  g_free (data->monitor);
  g_free (data->catalogue_version);
  g_clear_pointer (&data->decided_at, g_date_time_unref);
  vigil_record_wipe_string (data->reason);
  g_free (data);
}

gboolean
vigil_assessment_data_is_override (const VigilAssessmentData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return data->grade != data->suggested;
}

/* A reason is text of at most VIGIL_ASSESSMENT_REASON_MAX characters. */
static gboolean
check_reason_text (const char *reason, const char **out_field, GError **error)
{
  if (reason == NULL || (g_utf8_validate (reason, -1, NULL)
                         && g_utf8_strlen (reason, -1) <= VIGIL_ASSESSMENT_REASON_MAX))
    return TRUE;
  if (out_field != NULL)
    *out_field = "reason";
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("Reason: not text, or longer than %d characters"), VIGIL_ASSESSMENT_REASON_MAX);
  return FALSE;
}

/* A grade other than the suggested one needs a written reason. */
static gboolean
check_reason_given (VigilGrade   grade,
                    VigilGrade   suggested,
                    const char  *reason,
                    const char **out_field,
                    GError     **error)
{
  if (grade == suggested || !vigil_text_is_blank (reason))
    return TRUE;
  if (out_field != NULL)
    *out_field = "reason";
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("Reason: the suggested grade is “%s”; choosing “%s” instead needs a "
                 "written reason"),
               vigil_enum_label (VIGIL_TYPE_GRADE, suggested),
               vigil_enum_label (VIGIL_TYPE_GRADE, grade));
  return FALSE;
}

/**
 * vigil_assessment_data_validate:
 *
 * The rules of a decision as recorded: grades that exist, a reason that
 * is text of at most %VIGIL_ASSESSMENT_REASON_MAX characters and is given
 * whenever @grade is not @suggested, a time not before 1990 nor more than
 * a day ahead, a monitor that is a name and a catalogue version. Ids are
 * not checked here.
 */
gboolean
vigil_assessment_data_validate (const VigilAssessmentData *data,
                                const char               **out_field,
                                GError                   **error)
{
  const char *field = NULL;

  g_return_val_if_fail (data != NULL, FALSE);

  if (vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->grade) == NULL)
    field = "grade";
  else if (vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->suggested) == NULL)
    field = "suggested";
  if (field != NULL)
    {
      if (out_field != NULL)
        *out_field = field;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Grade: not a grade"));
      return FALSE;
    }
  if (!check_reason_text (data->reason, out_field, error)
      || !check_reason_given (data->grade, data->suggested, data->reason, out_field, error))
    return FALSE;
  if (!vigil_record_catalogue_version_is_valid (data->catalogue_version))
    {
      if (out_field != NULL)
        *out_field = "catalogue_version";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Catalogue version must be letters, digits, dots, hyphens or underscores"));
      return FALSE;
    }
  return vigil_record_check_recorded_at (data->decided_at, "decided_at", _("Decided at"),
                                        out_field, error)
         && vigil_record_check_monitor (data->monitor, out_field, error);
}

gboolean
vigil_store_tally_observations (VigilStore      *self,
                                const char      *case_id,
                                const char      *hearing_id,
                                VigilGradeTally *out,
                                GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (VigilGradeTally) { 0 };
  if (!check_scope (self, case_id, hearing_id, error))
    return FALSE;
  db = vigil_store_get_db (self, error);
  stmt = vigil_db_prepare (db,
                           hearing_id != NULL
                             ? "SELECT status, severity FROM observations WHERE hearing_id = ?"
                             : "SELECT status, severity FROM observations WHERE case_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, hearing_id != NULL ? hearing_id : case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status;

      if (!vigil_store_enum_column (stmt, 0, VIGIL_TYPE_OBSERVATION_STATUS, &status, error))
        return FALSE;
      if (!vigil_grade_tally_add (out, status, vigil_store_column_text (stmt, 1)))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("An observation in the vault holds an unknown severity"));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The observations could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * vigil_store_get_assessment:
 *
 * Returns: (transfer full) (nullable): the decision, or NULL
 */
VigilAssessmentData *
vigil_store_get_assessment (VigilStore *self,
                            const char *case_id,
                            const char *hearing_id,
                            GError    **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM assessments WHERE scope_id = ? AND case_id = ?",
                         assessment_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, hearing_id != NULL ? hearing_id : case_id);
  vigil_store_bind_text (stmt, 2, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return assessment_from_row (self, stmt, error);
  if (rc != SQLITE_DONE)
    vigil_db_set_error (db, rc, _("The assessment could not be read"), error);
  return NULL;
}

/**
 * vigil_store_decide_assessment:
 *
 * Returns: (transfer full): the saved decision, or NULL with @error
 */
VigilAssessmentData *
vigil_store_decide_assessment (VigilStore     *self,
                               VigilCatalogue *catalogue,
                               const char     *case_id,
                               const char     *hearing_id,
                               VigilGrade      grade,
                               const char     *reason,
                               GError        **error)
{
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *id = NULL;
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  VigilGradeTally tally;
  VigilGrade suggested;
  const char *scope;
  sqlite3 *db;
  gint64 old_version = 0, new_version;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (vigil_enum_to_nick (VIGIL_TYPE_GRADE, grade) == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Grade: not a grade"));
      return NULL;
    }
  if (!check_reason_text (reason, NULL, error))
    return NULL;
  if (reason != NULL && vigil_text_is_blank (reason))
    reason = NULL;

  if (!vigil_store_begin (self, error))
    return NULL;
  db = vigil_store_get_db (self, NULL);
  /* The suggestion is computed here, in the transaction, so it is the one
   * for the observations as they stand when the decision is written. */
  if (!vigil_store_tally_observations (self, case_id, hearing_id, &tally, error))
    goto fail;
  suggested = vigil_grade_suggest (&tally);
  if (!check_reason_given (grade, suggested, reason, NULL, error))
    goto fail;

  scope = hearing_id != NULL ? hearing_id : case_id;
  find = vigil_db_prepare (db, "SELECT id, version FROM assessments WHERE scope_id = ?", error);
  if (find == NULL)
    goto fail;
  vigil_store_bind_text (find, 1, scope);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      id = g_strdup (vigil_store_column_text (find, 0));
      old_version = sqlite3_column_int64 (find, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The assessment could not be read"), error);
      goto fail;
    }
  else
    id = vigil_uuid_new ();
  new_version = old_version + 1;

  if (old_version == 0)
    stmt = vigil_db_prepare (db,
                             "INSERT INTO assessments (version, updated_at, suggested_grade,"
                             " grade, score, monitor, catalogue_version, id, case_id, hearing_id,"
                             " scope_id, created_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?2)",
                             error);
  else
    stmt = vigil_db_prepare (db,
                             "UPDATE assessments SET version = ?1, updated_at = ?2,"
                             " suggested_grade = ?3, grade = ?4, score = ?5, monitor = ?6,"
                             " catalogue_version = ?7 WHERE id = ?8 AND version = ?12",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, new_version);
  vigil_store_bind_text (stmt, 2, now);
  vigil_store_bind_text (stmt, 3, vigil_enum_to_nick (VIGIL_TYPE_GRADE, suggested));
  vigil_store_bind_text (stmt, 4, vigil_enum_to_nick (VIGIL_TYPE_GRADE, grade));
  sqlite3_bind_int (stmt, 5, tally.score);
  vigil_store_bind_text (stmt, 6, vigil_vault_get_actor (vigil_store_get_vault (self)));
  vigil_store_bind_text (stmt, 7, vigil_catalogue_get_version (catalogue));
  vigil_store_bind_text (stmt, 8, id);
  if (old_version == 0)
    {
      vigil_store_bind_text (stmt, 9, case_id);
      vigil_store_bind_text (stmt, 10, hearing_id);
      vigil_store_bind_text (stmt, 11, scope);
    }
  else
    sqlite3_bind_int64 (stmt, 12, old_version);
  if (!vigil_store_step_done (db, stmt, _("The assessment could not be saved"), error))
    goto fail;
  if (old_version > 0 && sqlite3_changes (db) == 0)
    {
      vigil_store_set_update_error (self, "assessments", "assessment", id, error);
      goto fail;
    }
  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("assessments", "reason"),
                                 case_id, id, new_version, reason, error)
      || !vigil_store_audit (self, old_version == 0 ? "create" : "update", "assessment", id,
                             new_version, error))
    goto fail;
  vigil_store_note_case_changed (self, case_id);
  if (!vigil_store_commit (self, error))
    return NULL;
  return vigil_store_get_assessment (self, case_id, hearing_id, error);

fail:
  vigil_store_rollback (self);
  return NULL;
}

/**
 * vigil_store_add_assessment:
 * @data: a decision made elsewhere, as it was recorded there: its grades,
 *   score, monitor, catalogue version and time are kept
 *
 * Creates the assessment of the hearing (or the case) at version 1, seals
 * its reason under the case's key and writes the "create" audit entry, in
 * one transaction; sets @data's id and version. The case must not have one
 * for that scope yet (VIGIL_ERROR_EXISTS).
 */
gboolean
vigil_store_add_assessment (VigilStore *self, VigilAssessmentData *data, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *at = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (VigilAssessmentData) existing = NULL;
  g_autoptr (GError) local = NULL;
  const char *reason;
  sqlite3 *db;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL && data->case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_assessment_data_validate (data, NULL, error))
    return FALSE;
  reason = vigil_text_is_blank (data->reason) ? NULL : data->reason;
  if (!vigil_store_begin (self, error))
    return FALSE;
  db = vigil_store_get_db (self, NULL);
  if (!check_scope (self, data->case_id, data->hearing_id, error))
    goto fail;
  existing = vigil_store_get_assessment (self, data->case_id, data->hearing_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (existing != NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                   _("An assessment of this hearing or case is already recorded"));
      goto fail;
    }

  id = data->id != NULL ? g_strdup (data->id) : vigil_uuid_new ();
  at = vigil_time_to_iso (data->decided_at);
  stmt = vigil_db_prepare (db,
                           "INSERT INTO assessments (id, case_id, hearing_id, scope_id, version,"
                           " created_at, updated_at, suggested_grade, grade, score, monitor,"
                           " catalogue_version)"
                           " VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    goto fail;
  vigil_store_bind_text (stmt, 1, id);
  vigil_store_bind_text (stmt, 2, data->case_id);
  vigil_store_bind_text (stmt, 3, data->hearing_id);
  vigil_store_bind_text (stmt, 4, data->hearing_id != NULL ? data->hearing_id : data->case_id);
  vigil_store_bind_text (stmt, 5, at);
  vigil_store_bind_text (stmt, 6, vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->suggested));
  vigil_store_bind_text (stmt, 7, vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->grade));
  sqlite3_bind_int64 (stmt, 8, data->score);
  vigil_store_bind_text (stmt, 9, data->monitor);
  vigil_store_bind_text (stmt, 10, data->catalogue_version);
  if (!vigil_store_step_done (db, stmt, _("The assessment could not be saved"), error)
      || !vigil_store_write_sealed (self, vigil_store_find_sealed_column ("assessments", "reason"),
                                    data->case_id, id, 1, reason, error)
      || !vigil_store_audit (self, "create", "assessment", id, 1, error))
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
