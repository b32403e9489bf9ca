/* vigil-evidence-pdf.h: reading evidence PDFs with Poppler, from memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The largest document Vigil attaches: a scanned judgment of a few hundred
 * pages fits; the whole of it is held in memory while it is sealed. */
#define VIGIL_EVIDENCE_MAX_BYTES ((gsize) 64 * 1024 * 1024)

#define VIGIL_EVIDENCE_ERROR (vigil_evidence_error_quark ())

/**
 * VigilEvidenceError:
 * @VIGIL_EVIDENCE_ERROR_EMPTY: the file has no bytes
 * @VIGIL_EVIDENCE_ERROR_NOT_PDF: the file is not a PDF
 * @VIGIL_EVIDENCE_ERROR_DAMAGED: a PDF that cannot be read
 * @VIGIL_EVIDENCE_ERROR_PASSWORD: a PDF that opens only with a password
 * @VIGIL_EVIDENCE_ERROR_TOO_LARGE: over VIGIL_EVIDENCE_MAX_BYTES
 *
 * Why a file was refused, one code each.
 */
typedef enum
{
  VIGIL_EVIDENCE_ERROR_EMPTY,
  VIGIL_EVIDENCE_ERROR_NOT_PDF,
  VIGIL_EVIDENCE_ERROR_DAMAGED,
  VIGIL_EVIDENCE_ERROR_PASSWORD,
  VIGIL_EVIDENCE_ERROR_TOO_LARGE,
} VigilEvidenceError;

GQuark vigil_evidence_error_quark (void);

/* A PDF opened from memory. Poppler's document is not thread-safe: one
 * thread at a time uses a VigilPdf. */
typedef struct _VigilPdf VigilPdf;

/* Opens @pdf (kept, never copied to a file) or says why it is refused. */
VigilPdf        *vigil_pdf_open           (GBytes      *pdf,
                                           GError     **error);
void             vigil_pdf_free           (VigilPdf    *pdf);
guint            vigil_pdf_get_n_pages    (VigilPdf    *pdf);
/* The text of every page, pages separated by a form feed. */
char            *vigil_pdf_extract_text   (VigilPdf    *pdf);
/* The text of page @index (from 0). */
char            *vigil_pdf_page_text      (VigilPdf    *pdf,
                                           guint        index);
/* Page @index drawn on white, @width pixels wide. */
cairo_surface_t *vigil_pdf_render_page    (VigilPdf    *pdf,
                                           guint        index,
                                           int          width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPdf, vigil_pdf_free)

G_END_DECLS
