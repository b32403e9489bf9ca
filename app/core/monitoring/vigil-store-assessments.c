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
#include "vigil-record-mapper.h"

/* private helpers */

/* The hearing must be one of the case's. */
static gboolean
check_scope (VigilStore *self, const char *case_id, const char *hearing_id, GError **error)
{
  g_autofree char *owner = NULL;

  if (hearing_id == NULL)
    return vigil_store_require_row (self, "cases", case_id, error);
  owner = vigil_store_case_of (self, "hearings", hearing_id, error);
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

static char *
assessment_scope (gconstpointer record)
{
  const VigilAssessmentData *data = record;

  return g_strdup (data->hearing_id != NULL ? data->hearing_id : data->case_id);
}

static gpointer
assessment_new (void)
{
  return g_new0 (VigilAssessmentData, 1);
}

#define ASSESSMENT(member) G_STRUCT_OFFSET (VigilAssessmentData, member)

static const VigilField assessment_fields[] = {
  { "hearing_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = ASSESSMENT (hearing_id) },
  /* One assessment per hearing, and one of the case as a whole. */
  { "scope_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .get_text = assessment_scope },
  { "suggested_grade", VIGIL_FIELD_ENUM, .offset = ASSESSMENT (suggested),
    .nick_of = vigil_grade_get_type },
  { "grade", VIGIL_FIELD_ENUM, .offset = ASSESSMENT (grade), .nick_of = vigil_grade_get_type },
  { "score", VIGIL_FIELD_UINT, .offset = ASSESSMENT (score) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = ASSESSMENT (monitor) },
  { "catalogue_version", VIGIL_FIELD_TEXT, .offset = ASSESSMENT (catalogue_version) },
  { "reason", VIGIL_FIELD_SEALED, .offset = ASSESSMENT (reason) },
  { NULL },
};

static const VigilRecordKind assessment_kind = {
  .table = "assessments",
  .record_kind = "assessment",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = assessment_fields,
  .struct_new = assessment_new,
  .struct_free = (GDestroyNotify) vigil_assessment_data_free,
  .id_offset = ASSESSMENT (id),
  .parent_offset = ASSESSMENT (case_id),
  .version_offset = ASSESSMENT (version),
  /* A decision keeps the time it was made, wherever that was. */
  .time_offset = ASSESSMENT (decided_at),
  .not_found = N_("The assessment does not exist"),
  .cannot_read = N_("The assessment could not be read"),
  .cannot_read_list = N_("The assessments could not be read"),
  .cannot_save = N_("The assessment could not be saved"),
  .cannot_delete = N_("The assessment could not be deleted"),
};

/* The hearing (or the case) is the case's, and has no assessment yet. */
static gboolean
check_new_scope (VigilStore *self, gpointer record, GError **error)
{
  const VigilAssessmentData *data = record;
  g_autoptr (VigilAssessmentData) existing = NULL;
  g_autoptr (GError) local = NULL;

  if (!check_scope (self, data->case_id, data->hearing_id, error))
    return FALSE;
  existing = vigil_store_get_assessment (self, data->case_id, data->hearing_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (existing == NULL)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
               _("An assessment of this hearing or case is already recorded"));
  return FALSE;
}

/* public API */






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
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  found = vigil_record_query (self, &assessment_kind, "WHERE scope_id = ?1 AND case_id = ?2",
                              (const char *[]) { hearing_id != NULL ? hearing_id : case_id,
                                                 case_id, NULL },
                              error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_ptr_array_steal_index (found, 0);
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
  g_autoptr (VigilAssessmentData) data = NULL;
  g_autoptr (GError) local = NULL;
  VigilGradeTally tally;
  VigilGrade suggested;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (vigil_enum_to_nick (VIGIL_TYPE_GRADE, grade) == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Grade: not a grade"));
      return NULL;
    }
  if (!vigil_assessment_check_reason_text (reason, NULL, error))
    return NULL;
  if (reason != NULL && vigil_text_is_blank (reason))
    reason = NULL;

  if (!vigil_store_begin (self, error))
    return NULL;
  /* The suggestion is computed here, in the transaction, so it is the one
   * for the observations as they stand when the decision is written. */
  if (!vigil_store_tally_observations (self, case_id, hearing_id, &tally, error))
    goto fail;
  suggested = vigil_grade_suggest (&tally);
  if (!vigil_assessment_check_reason_given (grade, suggested, reason, NULL, error))
    goto fail;

  data = vigil_store_get_assessment (self, case_id, hearing_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if (data == NULL)
    {
      data = g_new0 (VigilAssessmentData, 1);
      data->case_id = g_strdup (case_id);
      data->hearing_id = g_strdup (hearing_id);
    }
  data->suggested = suggested;
  data->grade = grade;
  data->score = tally.score;
  g_free (data->monitor);
  data->monitor = g_strdup (vigil_vault_get_actor (vigil_store_get_vault (self)));
  g_free (data->catalogue_version);
  data->catalogue_version = g_strdup (vigil_catalogue_get_version (catalogue));
  vigil_record_wipe_string (data->reason);
  data->reason = g_strdup (reason);
  g_clear_pointer (&data->decided_at, g_date_time_unref);
  data->decided_at = g_date_time_new_now_utc ();
  if (!vigil_record_save (self, &assessment_kind, data, error))
    goto fail;
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL && data->case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_assessment_data_validate (data, NULL, error))
    return FALSE;
  /* A blank reason is no reason: it is stored as none. */
  if (data->reason != NULL && vigil_text_is_blank (data->reason))
    g_clear_pointer (&data->reason, vigil_record_wipe_string);
  return vigil_record_create (self, &assessment_kind, data, check_new_scope, NULL, error);
}
