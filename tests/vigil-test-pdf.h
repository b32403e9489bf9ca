/* vigil-test-pdf.h: PDFs made on the spot with cairo, for the evidence
 * tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF of @n_pages A4 pages: each headed "@heading, page N of M" over a
 * few lines of text that include @words (may be NULL) on page 1. */
GBytes *vigil_test_pdf_new (guint       n_pages,
                            const char *heading,
                            const char *words);

G_END_DECLS
