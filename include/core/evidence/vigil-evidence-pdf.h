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

/* A file checked and read, ready to attach: the slow part of attaching
 * (Poppler), which may run on any thread, apart from the writing, which
 * runs where the store is used. */
typedef struct _VigilEvidenceFile VigilEvidenceFile;

/* Opens @pdf, counts its pages and extracts its text; or says why it is
 * refused (VIGIL_EVIDENCE_ERROR). Touches nothing but @pdf. */
VigilEvidenceFile *vigil_evidence_file_inspect     (GBytes            *pdf,
                                                    GError           **error);
/* Wipes the extracted text. */
void               vigil_evidence_file_free        (VigilEvidenceFile *file);
GBytes            *vigil_evidence_file_get_bytes   (VigilEvidenceFile *file);
guint              vigil_evidence_file_get_n_pages (VigilEvidenceFile *file);
const char        *vigil_evidence_file_get_text    (VigilEvidenceFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilEvidenceFile, vigil_evidence_file_free)

G_END_DECLS
