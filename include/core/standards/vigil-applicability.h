/* vigil-applicability.h: which standards apply to a hearing
 *
 * A monitor records facts about a hearing (who attended and in what role,
 * whether a victim testified, a closed session, media present ...). Those
 * facts make some conditions (VigilCondition) true; each standard of the
 * catalogue has a rule over those conditions, from its "applies" key. All of
 * it is pure: no store, no catalogue file, no clock.
 *
 * A rule is written as alternatives separated by ";", each alternative one
 * or more conditions joined by "+", a condition negated by a leading "!":
 *
 *   always                          every hearing
 *   victim_testifies                a victim testified
 *   child_victim+victim_testifies   a child victim attended and a victim testified
 *   victim_present;victim_prosecuted  either
 *   held+!preliminary               a held hearing that is not a preliminary one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-enums.h"

G_BEGIN_DECLS

/**
 * VigilHearingFacts:
 * @kind: the kind of hearing
 * @status: scheduled, held or adjourned
 * @closed_session: held without the public
 * @media_present: reporters, cameras or recording in the courtroom
 * @interpreter_present: an interpreter was in the courtroom
 * @foreign_victim: a victim is a foreign national (the monitor's judgment)
 * @interpretation_needed: a victim does not understand the court's language
 * @compensation_route_open: a compensation claim is open in the case
 * @victim_prosecuted: a defendant is, or may be, a trafficked person
 * @outcome: what a verdict decided; NONE otherwise
 * @victims_present: attendees who are victims (victim, victim-witness,
 *   child victim)
 * @victims_testified: of those, how many testified
 * @children_present: attendees who are child victims (the role, or a
 *   victim marked as a child)
 * @defendants_present: attendees who are defendants
 *
 * What a monitor recorded about one hearing, as far as applicability goes.
 * Start with vigil_hearing_facts_init(), set the fields, and count each
 * attendee with vigil_hearing_facts_add_attendee(); or take all of it from
 * a hearing with vigil_hearing_get_facts().
 */
typedef struct
{
  VigilHearingKind   kind;
  VigilHearingStatus status;
  gboolean           closed_session;
  gboolean           media_present;
  gboolean           interpreter_present;
  gboolean           foreign_victim;
  gboolean           interpretation_needed;
  gboolean           compensation_route_open;
  gboolean           victim_prosecuted;
  VigilCaseOutcome   outcome;
  guint              victims_present;
  guint              victims_testified;
  guint              children_present;
  guint              defendants_present;
} VigilHearingFacts;

/* A held main hearing, no one attending, nothing else recorded. */
void     vigil_hearing_facts_init          (VigilHearingFacts       *facts);
/* Counts one attendee by role; @is_child marks a victim who is a child. */
void     vigil_hearing_facts_add_attendee  (VigilHearingFacts       *facts,
                                            VigilPersonRole          role,
                                            gboolean                 is_child,
                                            gboolean                 testified);
/* Whether @condition holds for @facts. */
gboolean vigil_hearing_facts_holds         (const VigilHearingFacts *facts,
                                            VigilCondition           condition);
/* Every condition that holds, as bits (1 << VigilCondition). */
guint32  vigil_hearing_facts_conditions    (const VigilHearingFacts *facts);

/* A parsed "applies" rule. */
typedef struct _VigilApplicability VigilApplicability;

/* Parses @text; FALSE with VIGIL_ERROR_INVALID naming the unknown condition
 * or the empty alternative. "always" must stand alone in its alternative. */
VigilApplicability *vigil_applicability_parse    (const char               *text,
                                                  GError                  **error);
void                vigil_applicability_free     (VigilApplicability       *rule);
/* Whether the rule holds for @facts: any alternative whose conditions all
 * hold (and whose negated ones all fail). */
gboolean            vigil_applicability_evaluate (const VigilApplicability *rule,
                                                  const VigilHearingFacts  *facts);
/* The rule for people, translated: "A victim testifies and a child victim
 * attends, or a trafficked person is prosecuted". */
char               *vigil_applicability_describe (const VigilApplicability *rule);
/* The rule as text, normalized (the form vigil_applicability_parse() reads). */
char               *vigil_applicability_to_string (const VigilApplicability *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilApplicability, vigil_applicability_free)

G_END_DECLS
