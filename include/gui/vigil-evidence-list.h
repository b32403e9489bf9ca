/* vigil-evidence-list.h: the documents attached to a compensation claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-evidence-pdf.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVIDENCE_LIST (vigil_evidence_list_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvidenceList, vigil_evidence_list, VIGIL, EVIDENCE_LIST,
                      AdwPreferencesGroup)

GtkWidget *vigil_evidence_list_new          (void);
/* Shows the documents of the claim @claim_id of @store, whose claimant is
 * @claimant (a pseudonym, for the names of the controls); a NULL @store
 * shows nothing and lets go of the store. */
void       vigil_evidence_list_set_claim    (VigilEvidenceList *self,
                                             VigilStore        *store,
                                             const char        *claim_id,
                                             const char        *claimant);
/* Only the documents of the claim's head of damage @item_id, to which
 * "Attach PDF…" then attaches; NULL: every document of the claim. */
void       vigil_evidence_list_set_item     (VigilEvidenceList *self,
                                             const char        *item_id);
/* Reads the list again from the store. */
void       vigil_evidence_list_reload       (VigilEvidenceList *self);
/* Attaches @pdf under @title, as the file chooser does; FALSE with the
 * store's error (a refused file: VIGIL_EVIDENCE_ERROR). */
gboolean   vigil_evidence_list_attach       (VigilEvidenceList *self,
                                             const char        *title,
                                             GBytes            *pdf,
                                             GError           **error);
/* The same for a file read beforehand (vigil_evidence_file_inspect()). */
gboolean   vigil_evidence_list_attach_file  (VigilEvidenceList *self,
                                             const char        *title,
                                             VigilEvidenceFile *file,
                                             GError           **error);
guint      vigil_evidence_list_get_n_documents (VigilEvidenceList *self);
/* Opens the preview of document @index (in the order listed). */
GtkWidget *vigil_evidence_list_open_preview (VigilEvidenceList *self,
                                             guint              index);

G_END_DECLS
