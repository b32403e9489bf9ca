/* vigil-store-risk-assessments.c: risk assessments of persons
 *
 * Who assessed and on what factors (family abroad, threats by the
 * defendant's network) say where a person is vulnerable: both are sealed
 * under the person's key, so erasing the person shreds them. The level
 * and the dates stay clear, for the rules and the agenda.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-mapper.h"
#include "vigil-store-risk-assessments.h"

/* private helpers */

static const VigilField risk_fields[] = {
  { "person_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, person_id) },
  { "level", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, level),
    .vocabulary = vigil_risk_levels },
  { "assessed_at", VIGIL_FIELD_TIME,
    .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, assessed_at) },
  { "review_on", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, review_on) },
  { "factors", VIGIL_FIELD_SEALED, .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, factors) },
  { "assessor", VIGIL_FIELD_SEALED, .offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, assessor) },
  { NULL },
};

static const VigilRecordKind risk_kind = {
  .table = "risk_assessments",
  .record_kind = "risk_assessment",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "assessed_at, rowid",
  .fields = risk_fields,
  .struct_new = (gpointer (*) (void)) vigil_risk_assessment_data_new,
  .struct_free = (GDestroyNotify) vigil_risk_assessment_data_free,
  .id_offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, id),
  .parent_offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, case_id),
  .version_offset = G_STRUCT_OFFSET (VigilRiskAssessmentData, version),
  .not_found = N_("The risk assessment does not exist"),
  .cannot_read = N_("The risk assessment could not be read"),
  .cannot_read_list = N_("The risk assessments could not be read"),
  .cannot_save = N_("The risk assessment could not be saved"),
  .cannot_delete = N_("The risk assessment could not be deleted"),
};

static gboolean
check_person_of_case (VigilStore *self, gpointer record, GError **error)
{
  const VigilRiskAssessmentData *data = record;
  g_autofree char *person_case = vigil_store_case_of (self, "persons", data->person_id, error);

  if (person_case == NULL)
    return FALSE;
  if (!g_str_equal (person_case, data->case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The person assessed belongs to another case"));
      return FALSE;
    }
  return TRUE;
}

/* public API */

/**
 * vigil_store_add_risk_assessment:
 *
 * Checks @data, then writes it with its "create" audit entry, the factors
 * and the assessor sealed under the person's key.
 */
gboolean
vigil_store_add_risk_assessment (VigilStore *self, VigilRiskAssessmentData *data, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL && data->case_id != NULL && data->person_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_risk_assessment_data_validate (data, NULL, error))
    return FALSE;
  return vigil_record_create (self, &risk_kind, data, check_person_of_case, NULL, error);
}

/**
 * vigil_store_list_risk_assessments:
 *
 * Returns: (transfer full) (element-type VigilRiskAssessmentData): the
 *   assessments of the case's persons, oldest first
 */
GPtrArray *
vigil_store_list_risk_assessments (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &risk_kind, case_id, error);
}
