/* vigil-case.h: one criminal proceeding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-enums.h"
#include "vigil-record.h"
#include "vigil-field-problem.h"
#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASE (vigil_case_get_type ())
G_DECLARE_FINAL_TYPE (VigilCase, vigil_case, VIGIL, CASE, VigilRecord)

/* A new, unsaved case (version 0) with a fresh id. Properties: "id",
 * "version", "reference", "court", "jurisdiction", "stage", "outcome",
 * "charges" (GStrv), "convicted-charge", "adjourned-sine-die", "notes",
 * "created-at", "updated-at", "person-count", "hearing-count",
 * "next-hearing" (GDateTime, or NULL). */
VigilCase        *vigil_case_new                    (void);

const char       *vigil_case_get_id                 (VigilCase        *self);
gint64            vigil_case_get_version            (VigilCase        *self);
const char       *vigil_case_get_reference          (VigilCase        *self);
void              vigil_case_set_reference          (VigilCase        *self,
                                                     const char       *reference);
const char       *vigil_case_get_court              (VigilCase        *self);
void              vigil_case_set_court              (VigilCase        *self,
                                                     const char       *court);
const char       *vigil_case_get_jurisdiction       (VigilCase        *self);
void              vigil_case_set_jurisdiction       (VigilCase        *self,
                                                     const char       *jurisdiction);
VigilCaseStage    vigil_case_get_stage              (VigilCase        *self);
void              vigil_case_set_stage              (VigilCase        *self,
                                                     VigilCaseStage    stage);
VigilCaseOutcome  vigil_case_get_outcome            (VigilCase        *self);
void              vigil_case_set_outcome            (VigilCase        *self,
                                                     VigilCaseOutcome  outcome);
const char * const *vigil_case_get_charges          (VigilCase        *self);
void              vigil_case_set_charges            (VigilCase        *self,
                                                     const char * const *charges);
const char       *vigil_case_get_convicted_charge   (VigilCase        *self);
void              vigil_case_set_convicted_charge   (VigilCase        *self,
                                                     const char       *charge);
gboolean          vigil_case_get_adjourned_sine_die (VigilCase        *self);
void              vigil_case_set_adjourned_sine_die (VigilCase        *self,
                                                     gboolean          adjourned);
const char       *vigil_case_get_notes              (VigilCase        *self);
void              vigil_case_set_notes              (VigilCase        *self,
                                                     const char       *notes);
GDateTime        *vigil_case_get_created_at         (VigilCase        *self);
GDateTime        *vigil_case_get_updated_at         (VigilCase        *self);
guint             vigil_case_get_person_count       (VigilCase        *self);
guint             vigil_case_get_hearing_count      (VigilCase        *self);
GDateTime        *vigil_case_get_next_hearing       (VigilCase        *self);

/* Whether the case matches a search: every word of @query, case- and
 * diacritic-insensitively, in its reference, court, jurisdiction or charges.
 * The one search rule; the GUI and the CLI both call it. */
gboolean          vigil_case_matches                (VigilCase        *self,
                                                     const char       *query);
/* Every problem of the case (element type VigilFieldProblem), empty
 * when it can be saved: an empty reference or court, a one-line field
 * with a line break, a space at an end or too long, no charges at trial,
 * ... */
GPtrArray        *vigil_case_check                  (VigilCase        *self);
/* FALSE with VIGIL_ERROR_INVALID and the first problem of
 * vigil_case_check() as its message. */
gboolean          vigil_case_validate               (VigilCase        *self,
                                                     GError          **error);

G_END_DECLS
