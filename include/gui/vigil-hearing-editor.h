/* vigil-hearing-editor.h: a window to add or edit a hearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_HEARING_EDITOR (vigil_hearing_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilHearingEditor, vigil_hearing_editor, VIGIL, HEARING_EDITOR, AdwWindow)

/* @hearing NULL adds one to @case_id. Signal "saved" (VigilHearing *). */
GtkWidget  *vigil_hearing_editor_new         (GtkWindow          *parent,
                                              VigilStore         *store,
                                              const char         *case_id,
                                              VigilHearing       *hearing);
gboolean    vigil_hearing_editor_save        (VigilHearingEditor *self);
const char *vigil_hearing_editor_get_message (VigilHearingEditor *self);
const char *vigil_hearing_editor_get_move_warning (VigilHearingEditor *self);

G_END_DECLS
