/* vigil-standard-row.h: one standard of the catalogue, expandable to what
 * a monitor looks for, when it applies, and its sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-catalogue.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_STANDARD_ROW (vigil_standard_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilStandardRow, vigil_standard_row, VIGIL, STANDARD_ROW, AdwExpanderRow)

GtkWidget     *vigil_standard_row_new          (VigilCatalogue   *catalogue,
                                                VigilStandard    *standard);
VigilStandard *vigil_standard_row_get_standard (VigilStandardRow *self);

G_END_DECLS
