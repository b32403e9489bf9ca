/* vigil-store-evidence.h: evidence documents of compensation claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-evidence-pdf.h"
#include "vigil-evidence.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Attaches the PDF @pdf under @title to the claim @claim_id, or to its
 * head of damage @claim_item_id. A refused file fails with a
 * VIGIL_EVIDENCE_ERROR code and leaves nothing in the vault. */
VigilEvidenceData *vigil_store_attach_evidence    (VigilStore   *self,
                                                   const char   *claim_id,
                                                   const char   *claim_item_id,
                                                   const char   *title,
                                                   GBytes       *pdf,
                                                   GError      **error);
/* The same, for a file already inspected (on another thread). */
VigilEvidenceData *vigil_store_attach_evidence_file (VigilStore        *self,
                                                     const char        *claim_id,
                                                     const char        *claim_item_id,
                                                     const char        *title,
                                                     VigilEvidenceFile *file,
                                                     GError           **error);
/* Element type VigilEvidenceData: the documents of the claim (those of its
 * heads of damage too), in the order they were attached. */
GPtrArray         *vigil_store_list_evidence      (VigilStore   *self,
                                                   const char   *claim_id,
                                                   GError      **error);
VigilEvidenceData *vigil_store_get_evidence       (VigilStore   *self,
                                                   const char   *evidence_id,
                                                   GError      **error);
/* The document's bytes, in memory wiped when the GBytes is freed. */
GBytes            *vigil_store_read_evidence      (VigilStore   *self,
                                                   const char   *evidence_id,
                                                   GError      **error);
/* Its text, pages separated by a form feed. */
char              *vigil_store_get_evidence_text  (VigilStore   *self,
                                                   const char   *evidence_id,
                                                   GError      **error);
gboolean           vigil_store_remove_evidence    (VigilStore   *self,
                                                   const char   *evidence_id,
                                                   GError      **error);
/* Element type VigilEvidenceData: the documents of the case @case_id (every
 * case when NULL) whose text holds every word of @query, ignoring case
 * and diacritics. */
GPtrArray         *vigil_store_search_evidence    (VigilStore   *self,
                                                   const char   *case_id,
                                                   const char   *query,
                                                   GError      **error);

G_END_DECLS
