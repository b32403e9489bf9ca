/* vigil-measure-editor.h: a window to arrange or change a protection
 * measure around a hearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_MEASURE_EDITOR (vigil_measure_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilMeasureEditor, vigil_measure_editor, VIGIL, MEASURE_EDITOR, AdwWindow)

/* @measure_id NULL arranges a new measure around @hearing_id (NULL: over
 * a period) of @case_id. Signal "saved" (the measure's id). */
GtkWidget  *vigil_measure_editor_new         (GtkWindow          *parent,
                                              VigilStore         *store,
                                              const char         *case_id,
                                              const char         *hearing_id,
                                              const char         *measure_id);
gboolean    vigil_measure_editor_save        (VigilMeasureEditor *self);
const char *vigil_measure_editor_get_message (VigilMeasureEditor *self);

G_END_DECLS
