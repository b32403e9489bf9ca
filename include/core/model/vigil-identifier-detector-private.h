/* vigil-identifier-detector-private.h: what the detector's two files share
 *
 * vigil-identifier-words.c cuts texts into words and reduces them;
 * vigil-identifier-detector.c indexes identifiers and finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-identifier-detector.h"

G_BEGIN_DECLS

/* A word of a screened text. */
typedef struct
{
  gsize  start;       /* bytes of the text */
  gsize  end;
  char  *key;         /* reduced */
  char  *joined_key;  /* with the next word, when a hyphen ends the line */
} VigilIdentifierWord;

/* Wipes @text (identifiers and their reduced forms are secrets). */
void    vigil_identifier_wipe           (char        *text);
void    vigil_identifier_wipe_free      (gpointer     text);
/* @folded (lower case, no marks) with its letters reduced to one
 * spelling. */
char   *vigil_identifier_reduce_ascii   (const char  *folded);
/* @word transliterated, folded and reduced. */
char   *vigil_identifier_reduce         (const char  *word);
/* The words of @text (VigilIdentifierWord), each with its place and
 * reduced form; the array clears them (wiped) when freed. */
GArray *vigil_identifier_words_of       (const char  *text);
/* The month @key (reduced) names or abbreviates, 1-12, or 0. */
int     vigil_identifier_month_of_word  (const char  *key);

G_END_DECLS
