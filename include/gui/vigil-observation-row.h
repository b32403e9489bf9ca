/* vigil-observation-row.h: one standard of a hearing's checklist, with
 * its status, severity, timestamped notes and sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-checklist.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_OBSERVATION_ROW (vigil_observation_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilObservationRow, vigil_observation_row, VIGIL, OBSERVATION_ROW,
                      AdwExpanderRow)

/* The words for a status, as a row's subtitle shows them: "Not respected
 * (serious) · 2 notes"; "Not recorded yet" for no observation. */
char          *vigil_observation_row_describe      (const VigilObservationData *observation);

GtkWidget     *vigil_observation_row_new           (VigilChecklist      *checklist,
                                                    VigilStandard       *standard);
VigilStandard *vigil_observation_row_get_standard  (VigilObservationRow *self);
/* Shows what the checklist now holds for the row's standard. */
void           vigil_observation_row_update        (VigilObservationRow *self);

G_END_DECLS
