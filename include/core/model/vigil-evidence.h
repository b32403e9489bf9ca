/* vigil-evidence.h: a document attached to a compensation claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VigilEvidenceData:
 * @id: its id
 * @claim_id: the claim it supports
 * @claim_item_id: (nullable): the head of damage it supports, or NULL for
 *   the claim as a whole
 * @case_id: the claim's case
 * @claimant_id: the claimant, under whose key it is sealed
 * @version: its version
 * @title: the name it was attached under (the file's name); sealed
 * @mime_type: "application/pdf"
 * @size_bytes: its length
 * @page_count: its pages
 * @chunk_count: the sealed chunks it is stored in
 * @stream_header: the header of their stream, in base64
 * @created_at: when it was attached
 *
 * The document itself and its text are read on request
 * (vigil_store_read_evidence(), vigil_store_get_evidence_text()).
 */
typedef struct
{
  char      *id;
  char      *claim_id;
  char      *claim_item_id;
  char      *case_id;
  char      *claimant_id;
  gint64     version;
  char      *title;
  char      *mime_type;
  gint64     size_bytes;
  guint      page_count;
  guint      chunk_count;
  char      *stream_header;
  GDateTime *created_at;
} VigilEvidenceData;

VigilEvidenceData *vigil_evidence_data_new      (void);
void               vigil_evidence_data_free     (VigilEvidenceData       *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilEvidenceData, vigil_evidence_data_free)

/* FALSE with VIGIL_ERROR_INVALID when the title is empty, not one line,
 * or longer than 255 characters. */
gboolean           vigil_evidence_title_validate (const char             *title,
                                                  GError                **error);

G_END_DECLS
