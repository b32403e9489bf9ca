/* vigil-interchange-private.h: what the interchange files share
 *
 * Loading a document turns it into a plan: the records it will create,
 * already built and validated, with the ids that tie them together. The
 * import then only writes the plan.
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-interchange.h"
#include "vigil-json-private.h"
#include "vigil-store-assessments.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-hearing-moves.h"
#include "vigil-store-protection.h"
#include "vigil-store-risk-assessments.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  char          *path;     /* "$.cases[0].persons[1]" */
  VigilPerson   *person;
  VigilIdentity *identity; /* NULL when the document holds none */
  GPtrArray     *consents; /* VigilConsent */
  GPtrArray     *risks;    /* VigilRiskAssessmentData */
} VigilPlanPerson;

typedef struct
{
  char                *path;
  VigilHearing        *hearing;      /* NULL when it had problems */
  GPtrArray           *observations; /* VigilObservationData, with their entries */
  VigilAssessmentData *assessment;   /* NULL when the document holds none */
  GPtrArray           *moves;        /* VigilHearingMove; NULL when it had problems */
} VigilPlanHearing;

typedef struct
{
  char      *path;
  VigilCase *kase;
  gboolean   has_id;   /* the document named the case's id */
  GPtrArray *persons;  /* VigilPlanPerson */
  GPtrArray *hearings; /* VigilPlanHearing */
  GPtrArray *measures; /* VigilProtectionData */
  GPtrArray *assets;   /* VigilDefendantAsset, each with its id already */
  GPtrArray *claims;   /* VigilClaimData */
  VigilAssessmentData *assessment; /* of the case as a whole, or NULL */
} VigilPlanCase;

struct _VigilInterchange
{
  GObject                parent_instance;

  GPtrArray             *cases; /* VigilPlanCase */
  VigilInterchangeCounts counts;
  gboolean               imported;
};

VigilPlanCase *vigil_plan_case_new       (void);
void           vigil_plan_case_free      (VigilPlanCase *plan);

/* vigil-interchange.c */
GPtrArray     *vigil_interchange_problems_new (void);
G_GNUC_PRINTF (3, 4)
void           vigil_interchange_add_problem  (GPtrArray   *problems,
                                               const char  *path,
                                               const char  *format,
                                               ...);
/* Sets VIGIL_ERROR_IMPORT listing the first problems of @problems. */
void           vigil_interchange_set_error    (GError     **error,
                                               GPtrArray   *problems);

/* vigil-interchange-scan.c: reads @data as strict JSON before json-glib
 * does, refusing what json-glib cannot read safely or would read other
 * than it was written. Appends a problem for each thing wrong; TRUE when
 * there was none and json-glib may parse @data. */
gboolean       vigil_interchange_scan         (const char  *data,
                                               gsize        length,
                                               GPtrArray   *problems);
/* The problem of a file of @size bytes, over VIGIL_INTERCHANGE_MAX_BYTES. */
void           vigil_interchange_add_too_large (GPtrArray  *problems,
                                                guint64     size);

/* vigil-interchange-parse.c: validates @root, appending a VigilPlanCase to
 * @cases for each case and a problem to @problems for each thing wrong. */
void           vigil_interchange_parse        (JsonNode    *root,
                                               GPtrArray   *cases,
                                               GPtrArray   *problems);


/* vigil-interchange-walk.c: the pieces of validation */

typedef enum
{
  TYPE_STRING,
  TYPE_BOOLEAN,
  TYPE_INTEGER,
  TYPE_ARRAY,
  TYPE_OBJECT,
} MemberType;

typedef enum
{
  OPTIONAL = 0,
  REQUIRED = 1 << 0, /* present, and not null unless NULLABLE */
  NULLABLE = 1 << 1,
} MemberFlags;

/* One key of an object of the format; tables end with a NULL @name. */
typedef struct
{
  const char  *name;
  MemberType   type;
  MemberFlags  flags;
} Member;

typedef struct
{
  GPtrArray *problems; /* VigilInterchangeProblem */
} Walk;

/* @text as a JSON string for a message, cut when long. */
char        *vigil_walk_quote          (const char   *text);
/* "$.cases[0]" and "persons" give "$.cases[0].persons". */
char        *vigil_walk_member_path    (const char   *parent,
                                        const char   *key);
char        *vigil_walk_index_path     (const char   *parent,
                                        guint         index);
/* Checks that @node is an object whose keys are all in @members, each of
 * the right type, with every required one present. Returns the object, or
 * NULL when @node is not one. A member of the wrong type reads as absent
 * afterwards. */
JsonObject  *vigil_walk_check_object   (Walk         *w,
                                        const char   *path,
                                        JsonNode     *node,
                                        const Member *members);
/* Members of @object, NULL (or FALSE) when absent, null or of another type. */
JsonNode    *vigil_walk_get_typed      (JsonObject   *object,
                                        const char   *name,
                                        MemberType    type);
const char  *vigil_walk_get_string     (JsonObject   *object,
                                        const char   *name);
gboolean     vigil_walk_get_boolean    (JsonObject   *object,
                                        const char   *name);
JsonArray   *vigil_walk_get_array      (JsonObject   *object,
                                        const char   *name);
/* A list of texts as a NULL-terminated vector; each element that is not a
 * text is a problem. */
char       **vigil_walk_get_strv       (Walk         *w,
                                        JsonObject   *object,
                                        const char   *name,
                                        const char   *path);
/* The member as a nick of @type; @noun names the enumeration in the
 * problem when it is not one. FALSE when absent or not a nick. */
gboolean     vigil_walk_get_enum       (Walk         *w,
                                        JsonObject   *object,
                                        const char   *path,
                                        const char   *name,
                                        GType         type,
                                        const char   *noun,
                                        int          *out);
/* The same for a word of one of the vocabularies of vigil-store-extra.h:
 * TRUE and NULL when absent. */
gboolean     vigil_walk_get_word       (Walk               *w,
                                        JsonObject         *object,
                                        const char         *path,
                                        const char         *name,
                                        const char * const *vocabulary,
                                        const char         *noun,
                                        const char        **out);
/* A date and time with its zone (ISO 8601); NULL when absent, and NULL
 * with a problem and *@ok FALSE when it does not parse. */
GDateTime   *vigil_walk_get_time       (Walk         *w,
                                        JsonObject   *object,
                                        const char   *path,
                                        const char   *name,
                                        gboolean     *ok);
/* Reports @error of a record's validate function at @path, or at its
 * member @field when the function named one. */
void         vigil_walk_record_problem (Walk         *w,
                                        const char   *path,
                                        const char   *field,
                                        GError       *error);

/* The person of the case whose pseudonym is member @name of @object, or
 * NULL with a problem at its path. @seen holds the pseudonyms of persons
 * who had problems of their own: they are not reported a second time. */
VigilPerson   *vigil_interchange_find_person  (Walk          *w,
                                               VigilPlanCase *plan,
                                               GHashTable    *seen,
                                               JsonObject    *object,
                                               const char    *path,
                                               const char    *name);

/* vigil-interchange-hearing.c: a hearing with its facts, attendance,
 * observations and assessment, appended to @plan's hearings (with a NULL
 * hearing when it had problems, so indexes stay right). */
void           vigil_interchange_parse_hearing (Walk          *w,
                                                VigilPlanCase *plan,
                                                GHashTable    *seen,
                                                JsonNode      *node,
                                                const char    *path);
/* The member "assessment" of the case @object, over the observations of
 * every hearing of @plan. */
/* vigil-interchange-claims.c: a defendant's asset (a ParsePart), and the
 * status history, deadlines, payments and asset indexes of @claim, whose
 * items are parsed already. */
void           vigil_interchange_parse_asset       (Walk           *w,
                                                    VigilPlanCase  *plan,
                                                    GHashTable     *seen,
                                                    JsonNode       *node,
                                                    const char     *path);
void           vigil_interchange_parse_claim_parts (Walk           *w,
                                                    VigilPlanCase  *plan,
                                                    VigilClaimData *claim,
                                                    JsonObject     *object,
                                                    const char     *path);
void           vigil_interchange_parse_case_assessment (Walk          *w,
                                                        VigilPlanCase *plan,
                                                        JsonObject    *object);

G_END_DECLS
