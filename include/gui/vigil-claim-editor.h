/* vigil-claim-editor.h: one compensation claim, followed from drafting to
 * the money paid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CLAIM_EDITOR (vigil_claim_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilClaimEditor, vigil_claim_editor, VIGIL, CLAIM_EDITOR, AdwWindow)

/* NULL with @error when the claim cannot be read. */
GtkWidget           *vigil_claim_editor_new                (GtkWindow         *parent,
                                                            VigilStore        *store,
                                                            const char        *claim_id,
                                                            GError           **error);
const char          *vigil_claim_editor_get_claim_id       (VigilClaimEditor  *self);
/* The day new payments and changes of status default to (YYYY-MM-DD). */
void                 vigil_claim_editor_set_today          (VigilClaimEditor  *self,
                                                            const char        *today);
/* The "Evidence" group: a VigilEvidenceList of the documents attached to
 * the claim. */
AdwPreferencesGroup *vigil_claim_editor_get_evidence_group (VigilClaimEditor  *self);

/* The claim's worksheet PDF, with the last wage calculation; what the
 * "Worksheet PDF…" button writes after asking. */
gboolean             vigil_claim_editor_save_worksheet     (VigilClaimEditor  *self,
                                                            const char        *path,
                                                            gboolean           with_identity,
                                                            GError           **error);

G_END_DECLS
