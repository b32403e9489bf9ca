/* vigil-store-risk-assessments.h: risk assessments of persons in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-risk-assessment.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Records a new assessment (version 1, setting @data's id and version);
 * an assessment is never changed afterwards: a new one replaces it, and
 * the old ones stay as history. The person must be of @data's case. */
gboolean   vigil_store_add_risk_assessment   (VigilStore              *self,
                                              VigilRiskAssessmentData *data,
                                              GError                 **error);
/* Element type VigilRiskAssessmentData: every assessment of the case's
 * persons, oldest first, sealed fields opened. */
GPtrArray *vigil_store_list_risk_assessments (VigilStore              *self,
                                              const char              *case_id,
                                              GError                 **error);

G_END_DECLS
