/* vigil-protection-rules.h: what is wrong with the protection planned
 * around hearings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-case.h"
#include "vigil-hearing.h"
#include "vigil-hearing-move.h"
#include "vigil-person.h"
#include "vigil-protection.h"
#include "vigil-risk-assessment.h"

G_BEGIN_DECLS

/**
 * VigilProtectionCaseData:
 * @kase: the case (its jurisdiction sets the reflection period)
 * @persons: (element-type VigilPerson)
 * @hearings: (element-type VigilHearing): with their attendance
 * @measures: (element-type VigilProtectionData): with who is responsible
 *   opened, to find double bookings
 * @risks: (element-type VigilRiskAssessmentData)
 * @moves: (element-type VigilHearingMove): the old times of its hearings
 *
 * Everything the rules read of one case: they never reach into the store.
 */
typedef struct
{
  VigilCase *kase;
  GPtrArray *persons;
  GPtrArray *hearings;
  GPtrArray *measures;
  GPtrArray *risks;
  GPtrArray *moves;

  /*< private >*/
  /* Who is responsible for each measure, folded once (measure → text):
   * folding is what a check costs most. Change who is responsible and
   * the case data is read again. */
  GHashTable *teams;
} VigilProtectionCaseData;

VigilProtectionCaseData *vigil_protection_case_data_new  (VigilCase               *kase);
void                     vigil_protection_case_data_free (VigilProtectionCaseData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilProtectionCaseData, vigil_protection_case_data_free)

/**
 * VigilProtectionSettings:
 * @now: the time the rules judge at
 * @requested_days: a measure still only requested this many days (or
 *   fewer) before its hearing is a problem
 * @reflection_days: (nullable): jurisdiction → minimum days (a
 *   GUINT_TO_POINTER) between identification and testimony; a jurisdiction
 *   not in it has the default of three calendar months
 * @hearing_hours: how long a hearing is taken to last when a measure gives
 *   no time window of its own
 */
typedef struct
{
  GDateTime  *now;
  guint       requested_days;
  GHashTable *reflection_days;
  guint       hearing_hours;
} VigilProtectionSettings;

/* now, 3 days, no jurisdiction of its own, 4 hours. */
void vigil_protection_settings_init (VigilProtectionSettings *settings,
                                     GDateTime               *now);

/* The rules, by the name a problem carries. */
#define VIGIL_PROTECTION_RULE_MISSING_MEASURE   "missing-measure"
#define VIGIL_PROTECTION_RULE_WINDOW_MISSED     "window-missed"
#define VIGIL_PROTECTION_RULE_DOUBLE_BOOKED     "double-booked"
#define VIGIL_PROTECTION_RULE_NO_INTERPRETER    "interpreter-not-confirmed"
#define VIGIL_PROTECTION_RULE_CHILD_ALONE       "child-unaccompanied"
#define VIGIL_PROTECTION_RULE_REFLECTION        "reflection-period"
#define VIGIL_PROTECTION_RULE_STILL_REQUESTED   "still-requested"
#define VIGIL_PROTECTION_RULE_NOT_SETTLED       "not-settled"
#define VIGIL_PROTECTION_RULE_REVIEW_OVERDUE    "review-overdue"

/**
 * VigilProtectionProblem:
 * @rule: one of VIGIL_PROTECTION_RULE_*
 * @severity: "minor", "serious" or "grave", as observations grade
 * @standard_id: the catalogue standard the rule protects
 * @case_id: the case
 * @person_id: (nullable): the person it concerns
 * @hearing_id: (nullable): the hearing it concerns
 * @measure_id: (nullable): the measure it concerns
 * @risk_id: (nullable): the risk assessment it concerns
 * @kind: (nullable): the kind of measure missing or at fault
 * @message: what is wrong, naming persons by pseudonym only and never who
 *   is responsible for a measure
 */
typedef struct
{
  char *rule;
  char *severity;
  char *standard_id;
  char *case_id;
  char *person_id;
  char *hearing_id;
  char *measure_id;
  char *risk_id;
  char *kind;
  char *message;
} VigilProtectionProblem;

void vigil_protection_problem_free (VigilProtectionProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilProtectionProblem, vigil_protection_problem_free)

/* The confirmed measures a level calls for when its person testifies
 * (NULL-terminated kinds; "video_link|screen" means either). */
const char * const *vigil_protection_required_kinds (const char *level);

/**
 * vigil_protection_check:
 * @cases: (array length=n_cases): every case whose measures may meet
 * @focus_case_id: (nullable): only the problems of this case (those that
 *   come from another case's bookings too); NULL for all
 *
 * The one function that judges protection: pure, it reads only what it is
 * given.
 *
 * Returns: (transfer full) (element-type VigilProtectionProblem): the
 *   problems, by case in the order given, then by rule
 */
GPtrArray *vigil_protection_check (VigilProtectionCaseData * const *cases,
                                   guint                            n_cases,
                                   const char                      *focus_case_id,
                                   const VigilProtectionSettings   *settings);

/**
 * vigil_protection_check_move:
 * @data: the case, as stored
 * @hearing_id: a hearing of @data
 * @new_starts_at: the time it would move to
 *
 * What moving the hearing would break, before it is saved: the problems
 * about the hearing and its measures that the new time makes and the
 * present one does not have (windows the hearing leaves, measures still
 * requested too close to it, a reflection period it now falls in). @data
 * is left as it was.
 *
 * Returns: (transfer full) (element-type VigilProtectionProblem)
 */
GPtrArray *vigil_protection_check_move (VigilProtectionCaseData       *data,
                                        const char                    *hearing_id,
                                        GDateTime                     *new_starts_at,
                                        const VigilProtectionSettings *settings);

G_END_DECLS
