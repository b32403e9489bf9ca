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
/* Whether @c overrides or isolates the direction text is shown in
 * (U+202A to U+202E, U+2066 to U+2069): with one, a text can be made to
 * look like another, a name or a path spelt backwards. */
gboolean    vigil_text_is_direction_control (gunichar c);
/* Whether @c is a control character (Unicode's Cc: U+0000 to U+001F and
 * U+007F to U+009F), tab and line breaks included. */
gboolean    vigil_text_is_control      (gunichar      c);

G_END_DECLS
