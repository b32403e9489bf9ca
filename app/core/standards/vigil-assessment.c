/* vigil-assessment.c: the suggested grade of a hearing or a case
 *
 * The rule is in vigil-assessment.h, where a monitor reading the code
 * finds it next to the numbers; README.md says the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-assessment"

#include "config.h"

#include "vigil-assessment.h"

/* public API */

guint
vigil_grade_weight (VigilObservationStatus status, const char *severity)
{
  guint weight;

  if (status != VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
      && status != VIGIL_OBSERVATION_STATUS_NOT_RESPECTED)
    return 0;
  if (g_strcmp0 (severity, "minor") == 0)
    weight = VIGIL_GRADE_WEIGHT_MINOR;
  else if (g_strcmp0 (severity, "grave") == 0)
    weight = VIGIL_GRADE_WEIGHT_GRAVE;
  else
    /* "serious", or not recorded: a failure nobody weighed is not minor. */
    weight = VIGIL_GRADE_WEIGHT_SERIOUS;
  return status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED ? 2 * weight : weight;
}

gboolean
vigil_grade_tally_add (VigilGradeTally *tally, VigilObservationStatus status, const char *severity)
{
  gboolean failed = status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
                    || status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED;

  g_return_val_if_fail (tally != NULL, FALSE);

  if (severity != NULL && !g_str_equal (severity, "minor") && !g_str_equal (severity, "serious")
      && !g_str_equal (severity, "grave"))
    return FALSE;
  switch (status)
    {
    case VIGIL_OBSERVATION_STATUS_RESPECTED:
      tally->respected++;
      break;
    case VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED:
      tally->partly_respected++;
      break;
    case VIGIL_OBSERVATION_STATUS_NOT_RESPECTED:
      tally->not_respected++;
      break;
    case VIGIL_OBSERVATION_STATUS_NOT_APPLICABLE:
      tally->not_applicable++;
      break;
    case VIGIL_OBSERVATION_STATUS_NOT_OBSERVED:
      tally->not_observed++;
      break;
    default:
      return FALSE;
    }
  if (failed)
    {
      if (severity == NULL)
        tally->unspecified++;
      else if (g_str_equal (severity, "minor"))
        tally->minor++;
      else if (g_str_equal (severity, "serious"))
        tally->serious++;
      else
        tally->grave++;
      tally->score += vigil_grade_weight (status, severity);
    }
  return TRUE;
}

guint
vigil_grade_tally_assessed (const VigilGradeTally *tally)
{
  g_return_val_if_fail (tally != NULL, 0);
  return tally->respected + tally->partly_respected + tally->not_respected;
}

VigilGrade
vigil_grade_suggest (const VigilGradeTally *tally)
{
  g_return_val_if_fail (tally != NULL, VIGIL_GRADE_NOT_ASSESSED);

  if (vigil_grade_tally_assessed (tally) == 0)
    return VIGIL_GRADE_NOT_ASSESSED;
  if (tally->grave > 0 || tally->score >= VIGIL_GRADE_GRAVE_SCORE)
    return VIGIL_GRADE_GRAVE_SHORTCOMINGS;
  if (tally->score >= VIGIL_GRADE_SERIOUS_SCORE)
    return VIGIL_GRADE_SERIOUS_SHORTCOMINGS;
  if (tally->score > 0)
    return VIGIL_GRADE_MINOR_SHORTCOMINGS;
  return VIGIL_GRADE_ADEQUATE;
}
