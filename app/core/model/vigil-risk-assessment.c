/* vigil-risk-assessment.c: how much danger a person is in, as assessed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-risk-assessment.h"

const char * const vigil_risk_levels[] = {
  "low", "medium", "high", "very_high", NULL,
};

const char * const vigil_risk_factors[] = {
  "defendant_network_threats", "family_in_origin_country", "child", "earlier_intimidation",
  "media_exposure", "testifies_against_organised_group", "lives_near_defendant",
  "health_or_trauma", NULL,
};

/* public API */

VigilRiskAssessmentData *
vigil_risk_assessment_data_new (void)
{
  return g_new0 (VigilRiskAssessmentData, 1);
}

void
vigil_risk_assessment_data_free (VigilRiskAssessmentData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->case_id);
  g_free (data->person_id);
  g_free (data->level);
  g_clear_pointer (&data->assessed_at, g_date_time_unref);
  g_free (data->review_on);
  vigil_record_wipe_string (data->factors);
  vigil_record_wipe_string (data->assessor);
  g_free (data);
}

void
vigil_risk_assessment_data_set_factors (VigilRiskAssessmentData *data,
                                        const char * const      *factors)
{
  g_return_if_fail (data != NULL);

  vigil_record_wipe_string (data->factors);
  data->factors = factors != NULL && factors[0] != NULL
                    ? g_strjoinv ("\n", (char **) factors)
                    : NULL;
}

char **
vigil_risk_assessment_data_get_factors (const VigilRiskAssessmentData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (data->factors == NULL || data->factors[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (data->factors, "\n", -1);
}

int
vigil_risk_level_rank (const char *level)
{
  for (int i = 0; level != NULL && vigil_risk_levels[i] != NULL; i++)
    if (g_str_equal (vigil_risk_levels[i], level))
      return i;
  return -1;
}

gboolean
vigil_risk_assessment_data_validate (const VigilRiskAssessmentData *data,
                                     const char                   **out_field,
                                     GError                       **error)
{
  g_auto (GStrv) factors = NULL;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!vigil_vocabulary_contains (vigil_risk_levels, data->level))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_risk_levels);

      if (out_field != NULL)
        *out_field = "level";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Risk level must be one of %s"),
                   expected);
      return FALSE;
    }
  if (data->assessed_at == NULL)
    {
      if (out_field != NULL)
        *out_field = "assessed_at";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Assessed: the time of the assessment is missing"));
      return FALSE;
    }
  if (data->review_on != NULL && !vigil_record_date_is_valid (data->review_on))
    {
      if (out_field != NULL)
        *out_field = "review_on";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Review: “%s” is not a date (YYYY-MM-DD)"), data->review_on);
      return FALSE;
    }
  factors = vigil_risk_assessment_data_get_factors (data);
  for (guint i = 0; factors[i] != NULL; i++)
    if (!g_strv_contains (vigil_risk_factors, factors[i]))
      {
        g_autofree char *expected = vigil_vocabulary_join (vigil_risk_factors);

        if (out_field != NULL)
          *out_field = "factors";
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                     _("Factors: “%s” is not a risk factor (expected one of %s)"), factors[i],
                     expected);
        return FALSE;
      }
  return vigil_record_check_utf8 (data->assessor, "assessor", _("Assessor"), out_field, error);
}
