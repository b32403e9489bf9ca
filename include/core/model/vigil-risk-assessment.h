/* vigil-risk-assessment.h: how much danger a person is in, as assessed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* low, medium, high, very_high; NULL-terminated, lowest first. */
extern const char * const vigil_risk_levels[];
/* The factors an assessment names, NULL-terminated. The list only grows:
 * a stored factor always stays one of it. */
extern const char * const vigil_risk_factors[];

/**
 * VigilRiskAssessmentData:
 * @person_id: whom it assesses
 * @level: one of vigil_risk_levels
 * @assessed_at: when, UTC
 * @review_on: (nullable): YYYY-MM-DD, when it is to be assessed again
 * @factors: (nullable): factors of vigil_risk_factors, one a line; sealed
 *   under the person's key
 * @assessor: (nullable): who assessed; sealed under the person's key
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *person_id;
  gint64     version;
  char      *level;
  GDateTime *assessed_at;
  char      *review_on;
  char      *factors;
  char      *assessor;
} VigilRiskAssessmentData;

VigilRiskAssessmentData *vigil_risk_assessment_data_new   (void);
/* Wipes the sealed fields' text before freeing it. */
void                     vigil_risk_assessment_data_free  (VigilRiskAssessmentData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilRiskAssessmentData, vigil_risk_assessment_data_free)

/* Sets @factors from a list (NULL or empty: none). */
void     vigil_risk_assessment_data_set_factors (VigilRiskAssessmentData  *data,
                                                 const char * const       *factors);
/* The factors as a list; never NULL. */
char   **vigil_risk_assessment_data_get_factors (const VigilRiskAssessmentData *data);
/* The place of @level in vigil_risk_levels, or -1. */
int      vigil_risk_level_rank                  (const char               *level);
/* FALSE with VIGIL_ERROR_INVALID and a message that starts with the
 * field; @out_field (may be NULL) names the field as the interchange
 * format spells it. */
gboolean vigil_risk_assessment_data_validate    (const VigilRiskAssessmentData *data,
                                                 const char              **out_field,
                                                 GError                  **error);

G_END_DECLS
