/* vigil-interchange.h: the JSON interchange format
 *
 * A document ({"format": "vigil-interchange", "version": 1, "cases": [...]},
 * described field by field in README.md) carries cases with their persons,
 * hearings, observations, protection measures and claims from one vault to
 * another. Loading one validates the whole document before anything is
 * written; importing it writes everything in one transaction, or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_INTERCHANGE_FORMAT  "vigil-interchange"
#define VIGIL_INTERCHANGE_VERSION 1
/* The largest file an import reads: a thousand cases of the demo take
 * about 20 MiB, and json-glib needs some seven times a file's size in
 * memory to hold it. */
#define VIGIL_INTERCHANGE_MAX_BYTES (256 * 1024 * 1024)
/* How deep lists and objects may nest. The format itself nests about 10
 * deep (the entry of an observation of a hearing of a case); json-glib,
 * which descends one C call per level, is never given deeper. */
#define VIGIL_INTERCHANGE_MAX_DEPTH 64
/* How many problems the message of a VIGIL_ERROR_IMPORT error lists; the
 * @out_problems array holds all of them. */
#define VIGIL_INTERCHANGE_LISTED_PROBLEMS 20

/**
 * VigilInterchangeProblem:
 * @path: where, as a JSON path: `$.cases[2].persons[0].role`
 * @message: what is wrong, for people
 *
 * One thing wrong with a document. Messages quote enumerations and dates
 * but never the text of an identity or a note.
 */
typedef struct
{
  char *path;
  char *message;
} VigilInterchangeProblem;

void vigil_interchange_problem_free (VigilInterchangeProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilInterchangeProblem, vigil_interchange_problem_free)

/**
 * VigilInterchangeCounts:
 *
 * How much a document holds, or an export wrote. @attendees counts persons
 * at hearings, @observation_entries the timestamped notes of observations,
 * @assessments those of hearings and of cases. @notes_withheld counts
 * texts (notes, entries, reasons, interpreter languages) an export without
 * identities left out because they name a person.
 */
typedef struct
{
  guint cases;
  guint persons;
  guint identities;
  guint consents;
  guint hearings;
  guint attendees;
  guint observations;
  guint observation_entries;
  guint assessments;
  guint protection_measures;
  guint claims;
  guint claim_items;
  guint notes_withheld;
} VigilInterchangeCounts;

typedef enum
{
  VIGIL_EXPORT_DEFAULT    = 0,
  /* Identities, consents, person notes and the free text sealed under
   * persons' keys (protection details, claim assets and evidence) go into
   * the file. */
  VIGIL_EXPORT_IDENTITIES = 1 << 0,
} VigilExportFlags;

#define VIGIL_TYPE_INTERCHANGE (vigil_interchange_get_type ())
G_DECLARE_FINAL_TYPE (VigilInterchange, vigil_interchange, VIGIL, INTERCHANGE, GObject)

/* Read and validate a whole document, without any vault. On any problem:
 * NULL, a VIGIL_ERROR_IMPORT error whose message lists the first
 * VIGIL_INTERCHANGE_LISTED_PROBLEMS with their paths, and, when
 * @out_problems is not NULL, every problem (element type
 * VigilInterchangeProblem). */
VigilInterchange *vigil_interchange_load_file   (const char        *path,
                                                 GPtrArray        **out_problems,
                                                 GError           **error);
/* The same for a file GIO can read, local or not. */
VigilInterchange *vigil_interchange_load_gfile  (GFile             *file,
                                                 GPtrArray        **out_problems,
                                                 GError           **error);
VigilInterchange *vigil_interchange_load_data   (const char        *data,
                                                 gssize             length,
                                                 GPtrArray        **out_problems,
                                                 GError           **error);
VigilInterchange *vigil_interchange_load_node   (JsonNode          *root,
                                                 GPtrArray        **out_problems,
                                                 GError           **error);

const VigilInterchangeCounts *vigil_interchange_get_counts (VigilInterchange *self);

/* Checks the document against what @store holds (a case whose id, or whose
 * court and reference, is already there), then writes every record in one
 * transaction: all of it or, on any failure, nothing. Problems found
 * against the store are reported like those of loading. A document is
 * imported once. */
gboolean          vigil_interchange_import      (VigilInterchange  *self,
                                                 VigilStore        *store,
                                                 GPtrArray        **out_problems,
                                                 GError           **error);

/* The whole vault as a document, cases by reference, keys in a fixed order.
 * Without VIGIL_EXPORT_IDENTITIES it holds pseudonyms only: no identity, no
 * consent, no text sealed under a person's key, and no case-level note that
 * names a person of its case (those are counted in @out_counts). */
JsonNode         *vigil_interchange_export_node (VigilStore              *store,
                                                 VigilExportFlags         flags,
                                                 VigilInterchangeCounts  *out_counts,
                                                 GError                 **error);
/* Writes the export to @path atomically: a temporary file of mode 0600 in
 * the same folder, flushed to disk, then renamed over @path; a failure
 * leaves no file behind and @path as it was. */
gboolean          vigil_interchange_export_file (VigilStore              *store,
                                                 const char              *path,
                                                 VigilExportFlags         flags,
                                                 VigilInterchangeCounts  *out_counts,
                                                 GError                 **error);

G_END_DECLS
