/* vigil-store-identifiers.h: screening text that leaves the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* Every identifier the vault holds for the persons of @case_id (full names
 * and each part of them, aliases, phones, addresses), for screening text
 * that is about to leave the vault: opaque strings, only for
 * vigil_text_names_identifier(). Opening them writes no "reveal" audit
 * entry: nobody sees them. The strings are wiped when the array is freed. */
GPtrArray *vigil_store_case_identifiers        (VigilStore          *self,
                                                const char          *case_id,
                                                GError             **error);
/* The same, of one person. */
GPtrArray *vigil_store_person_identifiers      (VigilStore          *self,
                                                const char          *person_id,
                                                GError             **error);
/* Whether @text names any of @identifiers (from
 * vigil_store_case_identifiers()): a full name, an alias or a part of
 * either as whole words (an alias "Ani" is not in "Romanian"; a name of
 * several words is found across any spaces or punctuation between them),
 * an address anywhere, a phone by its last digits among the digits of
 * @text. Case and diacritics do not matter. */
gboolean   vigil_text_names_identifier         (const char          *text,
                                                GPtrArray           *identifiers);

/* @text with every place that vigil_text_names_identifier() finds
 * replaced by @replacement (a pseudonym): a whole phone number, with its
 * country code and separators, and a name of several words as one.
 * @n_replaced (may be NULL) counts the places. NULL for NULL. */
char      *vigil_text_replace_identifiers      (const char          *text,
                                                GPtrArray           *identifiers,
                                                const char          *replacement,
                                                guint               *n_replaced);

G_END_DECLS
