/* vigil-evidence-preview.h: the pages and the text of one evidence
 * document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVIDENCE_PREVIEW (vigil_evidence_preview_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvidencePreview, vigil_evidence_preview, VIGIL, EVIDENCE_PREVIEW,
                      AdwBin)

GtkWidget *vigil_evidence_preview_new          (void);
/* Opens the document @evidence_id of @store and starts drawing its pages;
 * FALSE with the store's error when it cannot be read. */
gboolean   vigil_evidence_preview_load         (VigilEvidencePreview *self,
                                                VigilStore           *store,
                                                const char           *evidence_id,
                                                GError              **error);
/* Stops drawing and lets go of the document, its pages and its text: for
 * the vault locking. */
void       vigil_evidence_preview_clear        (VigilEvidencePreview *self);
/* The document's title, or NULL. */
const char *vigil_evidence_preview_get_title   (VigilEvidencePreview *self);
guint      vigil_evidence_preview_get_n_pages  (VigilEvidencePreview *self);
/* How many pages are drawn so far. */
guint      vigil_evidence_preview_get_n_drawn  (VigilEvidencePreview *self);
/* Shows the text of page @index (from 0) and selects its preview. */
void       vigil_evidence_preview_select_page  (VigilEvidencePreview *self,
                                                guint                 index);
/* The page whose text is shown. */
guint      vigil_evidence_preview_get_page     (VigilEvidencePreview *self);

G_END_DECLS
