/* vigil-identifier-detector.h: the one detector of identities in free text
 *
 * Text that leaves the vault without identities (the pseudonymized
 * interchange export, the anonymized reports, the erasure of a person)
 * is screened here, against the identities the vault holds: full names
 * and each of their parts, aliases, phones, addresses and dates of birth.
 * Matching ignores case, diacritics, spacing and hyphenation at line ends,
 * and crosses scripts: both sides are transliterated to Latin by ICU
 * ("Any-Latin; Latin-ASCII") and reduced to one spelling, so that
 * "Наталья Иванова" is found for "Natalia Ivanova" and the reverse.
 *
 * A hit says what kind of identifier it is and whose (the pseudonym and
 * the case), never the identifier: messages built from it are safe to
 * show in a terminal or a log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-identity.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_IDENTIFIER_NAME,          /* a full name, whole */
  VIGIL_IDENTIFIER_NAME_PART,     /* one part of a full name */
  VIGIL_IDENTIFIER_ALIAS,         /* an alias or a part of one */
  VIGIL_IDENTIFIER_PHONE,
  VIGIL_IDENTIFIER_ADDRESS,
  VIGIL_IDENTIFIER_DATE_OF_BIRTH,
} VigilIdentifierKind;

/* One place in a text that names a person. Strings belong to the
 * detector. */
typedef struct
{
  VigilIdentifierKind kind;
  gsize               start; /* bytes of the text screened */
  gsize               end;
  const char         *pseudonym;
  const char         *case_id;
} VigilIdentifierHit;

#define VIGIL_TYPE_IDENTIFIER_DETECTOR (vigil_identifier_detector_get_type ())
G_DECLARE_FINAL_TYPE (VigilIdentifierDetector, vigil_identifier_detector, VIGIL,
                      IDENTIFIER_DETECTOR, GObject)

VigilIdentifierDetector *vigil_identifier_detector_new       (void);
/* Adds what @identity holds, as the identifiers of @pseudonym in
 * @case_id. The detector keeps only reduced forms, wiped when it is
 * finalized. */
void          vigil_identifier_detector_add_identity         (VigilIdentifierDetector *self,
                                                              const VigilIdentity     *identity,
                                                              const char              *pseudonym,
                                                              const char              *case_id);
/* How many identifiers it looks for (0: it finds nothing). */
guint         vigil_identifier_detector_get_count            (VigilIdentifierDetector *self);
/* Whether @text names anyone. NULL names nobody. */
gboolean      vigil_identifier_detector_finds                (VigilIdentifierDetector *self,
                                                              const char              *text);
/* Every place in @text that names someone (VigilIdentifierHit), by start;
 * places may overlap (a full name and its parts). */
GArray       *vigil_identifier_detector_find                 (VigilIdentifierDetector *self,
                                                              const char              *text);
/* @text with each place found replaced by @replacement, or by the
 * pseudonym of whom it names when @replacement is NULL; overlapping
 * places are one. @n_replaced (may be NULL) counts them. NULL for NULL. */
char         *vigil_identifier_detector_replace              (VigilIdentifierDetector *self,
                                                              const char              *text,
                                                              const char              *replacement,
                                                              guint                   *n_replaced);

/* The same with the places @text already found (from
 * vigil_identifier_detector_find() on @text), so that a caller that looked
 * at them first does not search again. */
char         *vigil_identifier_replace_hits                  (const char              *text,
                                                              GArray                  *hits,
                                                              const char              *replacement,
                                                              guint                   *n_replaced);

/* What a hit is, without the identifier: "part of the name of V-02",
 * followed by " in case @case_label" when that is not NULL. */
char         *vigil_identifier_hit_describe                  (const VigilIdentifierHit *hit,
                                                              const char               *case_label);

/* The form names are compared in: @text transliterated to Latin, folded,
 * and its spellings reduced ("Наталья" and "Natalia" give the same). For
 * tests and for callers that index words; "" for NULL. */
char         *vigil_identifier_reduce_word                   (const char              *word);

G_END_DECLS
