/* vigil-agenda.h: hearings, their measures and their problems, in time
 * order, for the days a support worker plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection-rules.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_AGENDA_HEARING,
  VIGIL_AGENDA_MEASURE,
  VIGIL_AGENDA_PROBLEM,
} VigilAgendaRowKind;

/**
 * VigilAgendaRow:
 * @kind: what the row is
 * @at: when: the hearing's time, a measure's start (its hearing's when it
 *   has no window), a problem's hearing or measure
 * @ends_at: (nullable): a measure's end
 * @data: the case the row belongs to (not owned)
 * @hearing: (nullable): the hearing (not owned); of a measure, its hearing
 * @measure: (nullable): the measure (not owned)
 * @problem: (nullable): the problem (not owned)
 * @pseudonym: (nullable): the person of a measure or problem
 * @testifying: (nullable): for a hearing, the pseudonyms of who testifies
 *   there, comma-separated
 *
 * A row points into the cases and problems it was built from, which must
 * outlive it.
 */
typedef struct
{
  VigilAgendaRowKind             kind;
  GDateTime                     *at;
  GDateTime                     *ends_at;
  const VigilProtectionCaseData *data;
  VigilHearing                  *hearing;
  const VigilProtectionData     *measure;
  const VigilProtectionProblem  *problem;
  const char                    *pseudonym;
  char                          *testifying;
} VigilAgendaRow;

void vigil_agenda_row_free (VigilAgendaRow *row);

/**
 * vigil_agenda_build:
 * @cases: (array length=n_cases)
 * @problems: (element-type VigilProtectionProblem): of @cases
 * @from: the first moment of the agenda
 * @to: the moment it ends (excluded)
 * @problems_only: only the problems, and no hearing or measure
 *
 * Each hearing from @from to @to, its measures under it, and the problems
 * about it or its measures after them; measures over a period that meets
 * the agenda's days, and problems about a person (an overdue review) of a
 * case with a hearing in those days, at the start.
 *
 * Returns: (transfer full) (element-type VigilAgendaRow)
 */
GPtrArray *vigil_agenda_build (VigilProtectionCaseData * const *cases,
                               guint                            n_cases,
                               GPtrArray                       *problems,
                               GDateTime                       *from,
                               GDateTime                       *to,
                               gboolean                         problems_only);

/**
 * VigilAgendaFilter:
 * @pseudonym: (nullable): only what concerns this person (as typed: case
 *   and spaces do not count)
 * @court: (nullable): only this court's hearings
 * @agency: (nullable): only measures whose responsible holds these words
 *
 * A hearing stays when it matches, or when one of its measures does; a
 * measure or a problem when it matches and its hearing stays.
 */
typedef struct
{
  const char *pseudonym;
  const char *court;
  const char *agency;
} VigilAgendaFilter;

/* The rows of @rows (not copied: the array does not own them) that pass
 * @filter. */
GPtrArray *vigil_agenda_filter (GPtrArray               *rows,
                                const VigilAgendaFilter *filter);

/* A kind of measure, a status or a risk level as a person reads it. */
const char *vigil_protection_kind_label   (const char *kind);
const char *vigil_protection_status_label (const char *status);

G_END_DECLS
