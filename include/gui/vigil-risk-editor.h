/* vigil-risk-editor.h: a window to record a person's risk assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_RISK_EDITOR (vigil_risk_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilRiskEditor, vigil_risk_editor, VIGIL, RISK_EDITOR, AdwWindow)

/* For a person of @case_id, @person_id first when given. Signal "saved". */
GtkWidget  *vigil_risk_editor_new         (GtkWindow       *parent,
                                           VigilStore      *store,
                                           const char      *case_id,
                                           const char      *person_id);
gboolean    vigil_risk_editor_save        (VigilRiskEditor *self);
const char *vigil_risk_editor_get_message (VigilRiskEditor *self);

G_END_DECLS
