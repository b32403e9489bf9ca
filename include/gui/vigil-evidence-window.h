/* vigil-evidence-window.h: a window to read one evidence document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-evidence-preview.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVIDENCE_WINDOW (vigil_evidence_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvidenceWindow, vigil_evidence_window, VIGIL, EVIDENCE_WINDOW,
                      AdwWindow)

/* Opens the document @evidence_id of @store over @parent; NULL with the
 * store's error when it cannot be read. */
GtkWidget            *vigil_evidence_window_new         (GtkWindow           *parent,
                                                         VigilStore          *store,
                                                         const char          *evidence_id,
                                                         GError             **error);
VigilEvidencePreview *vigil_evidence_window_get_preview (VigilEvidenceWindow *self);

G_END_DECLS
