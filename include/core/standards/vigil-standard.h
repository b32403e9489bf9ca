/* vigil-standard.h: one victim-rights standard of the catalogue
 *
 * A standard is what a monitor checks at a hearing: a stable id, a
 * category, a short title, what to look for in court, when it applies, and
 * the seed documents and sections it comes from. Standards are immutable;
 * the catalogue (vigil-catalogue.h) makes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-applicability.h"

G_BEGIN_DECLS

/* The longest id a standard may have. */
#define VIGIL_STANDARD_ID_MAX 64

/**
 * VigilStandardSource:
 * @document: the seed document's file name, e.g. `osce-action-plan-pc-dec-557.txt`
 * @section: the section, as headings and paragraph numbers joined by
 *   " > ", each as it is written in the document, e.g.
 *   `III. Investigation, law enforcement and prosecution > 4.5`
 *
 * Where a standard comes from.
 */
typedef struct
{
  char *document;
  char *section;
} VigilStandardSource;

#define VIGIL_TYPE_STANDARD_SOURCE (vigil_standard_source_get_type ())
GType                vigil_standard_source_get_type (void) G_GNUC_CONST;
VigilStandardSource *vigil_standard_source_new      (const char                *document,
                                                     const char                *section);
VigilStandardSource *vigil_standard_source_copy     (const VigilStandardSource *source);
void                 vigil_standard_source_free     (VigilStandardSource       *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilStandardSource, vigil_standard_source_free)

/* The categories, in the order a checklist shows them; NULL-terminated:
 * confrontation, repeated-testimony, physical-safety, identity-protection,
 * legal-assistance, language, ngo-support, non-punishment, redress,
 * residence, data-protection, child-victims, evidence, fair-trial. */
extern const char * const vigil_standard_categories[];

/* The translated name of @category ("Child victims"), or NULL when it is
 * not one of vigil_standard_categories. */
const char *vigil_standard_category_label (const char *category);
/* Its place in vigil_standard_categories, or -1. */
int         vigil_standard_category_index (const char *category);
/* Whether @id is a well-formed standard id: `[a-z0-9-]+`, at most
 * VIGIL_STANDARD_ID_MAX characters. */
gboolean    vigil_standard_id_is_valid    (const char *id);

#define VIGIL_TYPE_STANDARD (vigil_standard_get_type ())
G_DECLARE_FINAL_TYPE (VigilStandard, vigil_standard, VIGIL, STANDARD, GObject)

/* Properties (read-only): "id", "category", "category-label", "title",
 * "look-for", "applies" (the rule as text), "applies-label" (the rule for
 * people). */

/* Checks every field: a valid id, a known category, a title, what to look
 * for, a rule that parses, at least one source; NULL with
 * VIGIL_ERROR_INVALID otherwise. @sources: element type
 * VigilStandardSource, copied. */
VigilStandard            *vigil_standard_new            (const char              *id,
                                                         const char              *category,
                                                         const char              *title,
                                                         const char              *look_for,
                                                         const char              *applies,
                                                         GPtrArray               *sources,
                                                         GError                 **error);

const char               *vigil_standard_get_id          (VigilStandard           *self);
const char               *vigil_standard_get_category    (VigilStandard           *self);
const char               *vigil_standard_get_category_label (VigilStandard        *self);
const char               *vigil_standard_get_title       (VigilStandard           *self);
const char               *vigil_standard_get_look_for    (VigilStandard           *self);
/* The rule, normalized: "child_victim+victim_testifies". */
const char               *vigil_standard_get_applies     (VigilStandard           *self);
/* The rule for people: "A victim testifies and a child victim attends". */
const char               *vigil_standard_get_applies_label (VigilStandard         *self);
const VigilApplicability *vigil_standard_get_rule        (VigilStandard           *self);
guint                     vigil_standard_get_n_sources   (VigilStandard           *self);
const VigilStandardSource *vigil_standard_get_source     (VigilStandard           *self,
                                                          guint                    index);

/* Whether the standard applies to a hearing with these facts. */
gboolean                  vigil_standard_applies_to      (VigilStandard           *self,
                                                          const VigilHearingFacts *facts);
/* Whether every word of @query occurs in the standard's id, title, what to
 * look for, category or sources, ignoring case and diacritics. An empty
 * query matches. For a GtkCustomFilter. */
gboolean                  vigil_standard_matches         (VigilStandard           *self,
                                                          const char              *query);

G_END_DECLS
