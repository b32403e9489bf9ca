/* vigil-catalogue.h: the catalogue of victim-rights standards
 *
 * The catalogue is data: resources/standards.ini, compiled into the core
 * library as the resource VIGIL_CATALOGUE_RESOURCE together with the seed
 * documents it cites (VIGIL_SEEDS_RESOURCE_DIR). It is a GListModel of
 * VigilStandard, sorted by category (in the order of
 * vigil_standard_categories) and, within one, as the file lists them.
 * Titles and what to look for are translated for the locale in force when
 * the catalogue is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-standard.h"

G_BEGIN_DECLS

#define VIGIL_CATALOGUE_RESOURCE  "/org/vigilsuite/Vigil/standards.ini"
#define VIGIL_SEEDS_RESOURCE_DIR  "/org/vigilsuite/Vigil/seeds"
/* The separator of the parts of a source's section. */
#define VIGIL_SECTION_SEPARATOR   " > "

#define VIGIL_TYPE_CATALOGUE (vigil_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (VigilCatalogue, vigil_catalogue, VIGIL, CATALOGUE, GObject)

/* Parses and checks catalogue data in the format of resources/standards.ini:
 * a [Catalogue] version, [Document FILE] groups with a title, [Standard ID]
 * groups whose ids are unique and well-formed, whose categories and
 * conditions are known and which name at least one source in a declared
 * document. Unknown groups and keys are refused (a misspelt key would
 * otherwise lose what it holds). NULL with VIGIL_ERROR_INVALID and a
 * message naming the group, key or line otherwise. */
VigilCatalogue  *vigil_catalogue_new_from_bytes   (GBytes          *data,
                                                   GError         **error);
/* The catalogue Vigil ships, loaded once: (transfer none), never NULL (the
 * shipped data is checked by the tests). */
VigilCatalogue  *vigil_catalogue_get_default      (void);

/* The [Catalogue] version, stored with every observation made against it. */
const char      *vigil_catalogue_get_version      (VigilCatalogue  *self);
/* (transfer none): the standard with @id, or NULL. */
VigilStandard   *vigil_catalogue_lookup           (VigilCatalogue  *self,
                                                   const char      *id);
/* (transfer full): the standards vigil_standard_matches() @query, in
 * catalogue order. */
GListModel      *vigil_catalogue_search           (VigilCatalogue  *self,
                                                   const char      *query);
/* (transfer full): the standards that apply to a hearing with @facts, in
 * catalogue order: the checklist of that hearing. */
GListModel      *vigil_catalogue_applicable       (VigilCatalogue  *self,
                                                   const VigilHearingFacts *facts);
/* (transfer full): the standards of @category, in catalogue order. */
GListModel      *vigil_catalogue_in_category      (VigilCatalogue  *self,
                                                   const char      *category);

/* The seed documents the catalogue declares, NULL-terminated file names. */
const char * const *vigil_catalogue_get_documents (VigilCatalogue  *self);
/* A document's translated title and short title, or NULL for an unknown
 * file. */
const char      *vigil_catalogue_get_document_title       (VigilCatalogue *self,
                                                           const char     *document);
const char      *vigil_catalogue_get_document_short_title (VigilCatalogue *self,
                                                           const char     *document);
/* A source for people: "OSCE Action Plan, III. Investigation, law
 * enforcement and prosecution > 4.5". */
char            *vigil_catalogue_describe_source  (VigilCatalogue            *self,
                                                   const VigilStandardSource *source);
/* The text of the section a source cites, from the seed document shipped
 * with Vigil: from the line where its last part starts to the end of the
 * paragraph after it, at most a few thousand characters. NULL with
 * VIGIL_ERROR_NOT_FOUND when the document or section is not there. */
char            *vigil_catalogue_get_source_excerpt (VigilCatalogue            *self,
                                                     const VigilStandardSource *source,
                                                     GError                   **error);

/* Where @section is in @text: each part (split at
 * VIGIL_SECTION_SEPARATOR) is found word for word, after the part before
 * it, not inside a longer number or word (so "4.5" is not found in "14.5"
 * nor "Working Group I" in "Working Group II"). Sets the byte offset of
 * the last part's start; FALSE when a part is not found. The rule the
 * tests hold every source to. */
gboolean         vigil_catalogue_locate_section   (const char      *text,
                                                   const char      *section,
                                                   gsize           *out_offset);

G_END_DECLS
