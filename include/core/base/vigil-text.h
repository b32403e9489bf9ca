/* vigil-text.h: the one way texts are compared
 *
 * Search, and the screening of text that leaves the vault, compare texts
 * folded the same way, so that what one finds the other finds too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text case-folded, decomposed (NFKD) and stripped of combining marks, with
 * the few Latin letters that do not decompose (ł, đ, ø, ...) mapped to their
 * base letter: the form every search compares. NULL gives "". */
char       *vigil_text_fold            (const char   *text);
/* Whether every whitespace-separated word of @query (already folded) occurs
 * in @haystack (already folded). An empty query matches everything. */
gboolean    vigil_text_fold_matches    (const char   *haystack,
                                        const char   *folded_query);
/* TRUE when @text is NULL or only whitespace. */
gboolean    vigil_text_is_blank        (const char   *text);

G_END_DECLS
