/* vigil-assessment-data.h: the overall assessment of a hearing or a case, as decided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-assessment.h"

G_BEGIN_DECLS

/* The longest reason for an override, in characters. */
#define VIGIL_ASSESSMENT_REASON_MAX 10000

/**
 * VigilAssessmentData:
 * @hearing_id: (nullable): the hearing; NULL for the case as a whole
 * @suggested: what the rule suggested when the monitor decided
 * @grade: what the monitor decided
 * @score: the rule's score then
 * @monitor: (nullable): who decided (the vault's actor)
 * @catalogue_version: the catalogue in force then
 * @decided_at: when, UTC
 * @reason: (nullable): why the monitor chose another grade than the
 *   suggested one (always set then); sealed
 */
typedef struct
{
  char       *id;
  char       *case_id;
  char       *hearing_id;
  gint64      version;
  VigilGrade  suggested;
  VigilGrade  grade;
  guint       score;
  char       *monitor;
  char       *catalogue_version;
  GDateTime  *decided_at;
  char       *reason;
} VigilAssessmentData;

void     vigil_assessment_data_free (VigilAssessmentData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAssessmentData, vigil_assessment_data_free)

/* Whether the monitor chose another grade than the one suggested. */
gboolean vigil_assessment_data_is_override (const VigilAssessmentData *data);

/* The rules of a decision as recorded (vigil_store_add_assessment()):
 * FALSE with VIGIL_ERROR_INVALID; @out_field (may be NULL) names the
 * field as the interchange format spells it ("grade", "reason" ...). A
 * grade other than the suggested one needs a reason. */
gboolean vigil_assessment_data_validate (const VigilAssessmentData *data,
                                         const char               **out_field,
                                         GError                   **error);

/* A reason is text of at most VIGIL_ASSESSMENT_REASON_MAX characters. */
gboolean vigil_assessment_check_reason_text  (const char  *reason,
                                              const char **out_field,
                                              GError     **error);
/* A grade other than the suggested one needs a written reason. */
gboolean vigil_assessment_check_reason_given (VigilGrade   grade,
                                              VigilGrade   suggested,
                                              const char  *reason,
                                              const char **out_field,
                                              GError     **error);

G_END_DECLS
