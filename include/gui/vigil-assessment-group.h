/* vigil-assessment-group.h: the overall assessment of a hearing or of a
 * whole case: the grade the rule suggests, and the monitor's decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ASSESSMENT_GROUP (vigil_assessment_group_get_type ())
G_DECLARE_FINAL_TYPE (VigilAssessmentGroup, vigil_assessment_group, VIGIL, ASSESSMENT_GROUP,
                      AdwPreferencesGroup)

GtkWidget *vigil_assessment_group_new    (void);
/* What to assess: a hearing of @case_id, or with @hearing_id NULL the
 * whole case; @store NULL shows nothing. */
void       vigil_assessment_group_set    (VigilAssessmentGroup *self,
                                          VigilStore           *store,
                                          const char           *case_id,
                                          const char           *hearing_id);
/* Reads the observations and the decision again. */
void       vigil_assessment_group_update (VigilAssessmentGroup *self);
/* Records the grade chosen; FALSE (and a message shown) when refused. */
gboolean   vigil_assessment_group_decide (VigilAssessmentGroup *self);

G_END_DECLS
