/* vigil-assessment.h: the overall assessment of a hearing or a case
 *
 * Vigil suggests a grade from the observations; the monitor confirms it or
 * chooses another with a written reason (vigil-store-assessments.h).
 *
 * The rule. Only observations with the status respected, partly respected
 * or not respected are assessed; "not applicable" and "could not be
 * observed" say nothing about the hearing. Each standard found wanting
 * weighs by its severity: minor 1, serious 3, grave 9, and a failure
 * whose severity was not recorded weighs as serious (3). A standard not
 * respected weighs twice as much as one partly respected. The score is the
 * sum of the weights, and the suggested grade is:
 *
 *   not assessed          no observation was assessed
 *   grave shortcomings    any standard found wanting with severity grave,
 *                         or a score of 18 or more
 *   serious shortcomings  a score of 6 or more (e.g. one serious failure,
 *                         two serious partial failures, three minor failures)
 *   minor shortcomings    a score of 1 to 5
 *   standards respected   every assessed standard respected (score 0)
 *
 * A case is graded by the same rule over the observations of all its
 * hearings, so the same failure at several hearings weighs several times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-enums.h"

G_BEGIN_DECLS

/* Weights and thresholds of the rule above. */
#define VIGIL_GRADE_WEIGHT_MINOR    1
#define VIGIL_GRADE_WEIGHT_SERIOUS  3
#define VIGIL_GRADE_WEIGHT_GRAVE    9
#define VIGIL_GRADE_SERIOUS_SCORE   6
#define VIGIL_GRADE_GRAVE_SCORE    18

/**
 * VigilGradeTally:
 * @respected: ... @not_observed: observations by status
 * @minor, @serious, @grave: standards found wanting (partly or not
 *   respected) by severity
 * @unspecified: found wanting without a severity
 * @score: the sum of the weights
 *
 * What the grade is computed from. Start it zeroed (VigilGradeTally t = { 0 }).
 */
typedef struct
{
  guint respected;
  guint partly_respected;
  guint not_respected;
  guint not_applicable;
  guint not_observed;
  guint minor;
  guint serious;
  guint grave;
  guint unspecified;
  guint score;
} VigilGradeTally;

/* The weight of one observation under the rule: 0 unless it was found
 * wanting. @severity: minor, serious, grave, or NULL. */
guint      vigil_grade_weight     (VigilObservationStatus  status,
                                   const char             *severity);
/* Counts one observation; FALSE (and nothing counted) for an unknown
 * status or severity. */
gboolean   vigil_grade_tally_add  (VigilGradeTally        *tally,
                                   VigilObservationStatus  status,
                                   const char             *severity);
/* How many observations were assessed (respected, partly or not). */
guint      vigil_grade_tally_assessed (const VigilGradeTally *tally);
/* The suggested grade by the rule above. */
VigilGrade vigil_grade_suggest    (const VigilGradeTally  *tally);

G_END_DECLS
