/* vigil-hearing-row.h: one hearing of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-hearing.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_HEARING_ROW (vigil_hearing_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilHearingRow, vigil_hearing_row, VIGIL, HEARING_ROW, AdwActionRow)

/* "Main hearing · Room 4 · Adjourned". */
char         *vigil_hearing_row_describe    (VigilHearing    *hearing);

GtkWidget    *vigil_hearing_row_new         (VigilHearing    *hearing);
VigilHearing *vigil_hearing_row_get_hearing (VigilHearingRow *self);

G_END_DECLS
