/* vigil-store-assessments.h: the overall assessment of a hearing or a case
 *
 * Vigil suggests a grade from the observations by the rule of
 * vigil-assessment.h; the monitor confirms it, or chooses another grade
 * and writes why. The decision is a versioned record with its audit
 * entry; the reason is sealed under the case's key. There is one
 * assessment per hearing and one for the case as a whole (@hearing_id
 * NULL); deciding again updates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-assessment-data.h"
#include "vigil-catalogue.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Counts the observations of the hearing, or of every hearing of the case
 * when @hearing_id is NULL, into @out (zeroed first). Reads only clear
 * columns: nothing is unsealed. NOT_FOUND for a hearing not of the case. */
gboolean             vigil_store_tally_observations (VigilStore       *self,
                                                     const char       *case_id,
                                                     const char       *hearing_id,
                                                     VigilGradeTally  *out,
                                                     GError          **error);
/* The decision recorded for the hearing (or the case), or NULL: with no
 * error when none was made yet. */
VigilAssessmentData *vigil_store_get_assessment     (VigilStore       *self,
                                                     const char       *case_id,
                                                     const char       *hearing_id,
                                                     GError          **error);
/* Records the monitor's @grade for the hearing (or the case): computes the
 * suggestion from the observations in the same transaction; a @grade other
 * than the suggestion needs a @reason that is not blank
 * (VIGIL_ERROR_INVALID otherwise). Returns the saved decision. */
VigilAssessmentData *vigil_store_decide_assessment  (VigilStore       *self,
                                                     VigilCatalogue   *catalogue,
                                                     const char       *case_id,
                                                     const char       *hearing_id,
                                                     VigilGrade        grade,
                                                     const char       *reason,
                                                     GError          **error);
/* Records a decision made elsewhere (an import) as it was: its suggestion,
 * score, time, monitor and catalogue version are kept, not recomputed.
 * VIGIL_ERROR_EXISTS when the hearing (or case) has one already. */
gboolean             vigil_store_add_assessment     (VigilStore          *self,
                                                     VigilAssessmentData *data,
                                                     GError             **error);

G_END_DECLS
