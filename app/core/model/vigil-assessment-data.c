/* vigil-assessment-data.c: the overall assessment of a hearing or a case, as decided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-assessment-data.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-text.h"

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
gboolean
vigil_assessment_check_reason_text (const char *reason, const char **out_field, GError **error)
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
gboolean
vigil_assessment_check_reason_given (VigilGrade   grade,
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
  if (!vigil_assessment_check_reason_text (data->reason, out_field, error)
      || !vigil_assessment_check_reason_given (data->grade, data->suggested, data->reason, out_field, error))
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
