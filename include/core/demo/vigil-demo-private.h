/* vigil-demo-private.h: the demo generator's random numbers and word lists
 *
 * Only app/core includes this, and the benchmarks' generator of synthetic
 * vaults (tests/bench), which draws from the same lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vigil-enums.h"

G_BEGIN_DECLS

/* vigil-demo-data.c: the word lists.
 *
 * Patterns: "{key}" is replaced by a value, "#" by a random digit. */
typedef struct
{
  const char *name;
  const char *reference; /* keys: n (number), y (year), yy (two digits of it) */
} VigilDemoCourt;

typedef struct
{
  const char           *jurisdiction;
  const char           *nationality;
  const char * const   *languages;
  const char * const   *male_names;
  const char * const   *female_names;
  const char * const   *male_surnames;
  const char * const   *female_surnames;
  gboolean              surname_first;  /* Hungarian order */
  const VigilDemoCourt *courts;         /* ends with a NULL name */
  const char * const   *cities;
  const char * const   *streets;
  const char           *address;        /* keys: street, num, city */
  const char           *phone;
  const char           *room;           /* keys: num */
  const char           *currency;
  guint                 minor_per_euro; /* rough, for plausible amounts */
} VigilDemoCountry;

typedef struct
{
  guint64 s[4];
} VigilDemoRng;

/* A name in Latin letters and in Cyrillic. */
typedef struct
{
  const char *latin;
  const char *cyrillic;
} VigilDemoSpelling;

/* vigil-demo-random.c */
void        vigil_demo_rng_seed   (VigilDemoRng       *rng,
                                   guint64             seed);
guint64     vigil_demo_rng_next   (VigilDemoRng       *rng);
/* Uniform in [0, @n). */
guint       vigil_demo_rng_below  (VigilDemoRng       *rng,
                                   guint               n);
/* Uniform in [@low, @high]. */
guint       vigil_demo_rng_range  (VigilDemoRng       *rng,
                                   guint               low,
                                   guint               high);
gboolean    vigil_demo_rng_chance (VigilDemoRng       *rng,
                                   guint               percent);
/* An element of a NULL-terminated list. */
const char *vigil_demo_pick       (VigilDemoRng       *rng,
                                   const char * const *list);
/* @pattern with "{key}" replaced by the value of the key at the same index
 * of @values, and "#" by a random digit. */
char       *vigil_demo_expand     (VigilDemoRng       *rng,
                                   const char         *pattern,
                                   const char * const *keys,
                                   const char * const *values);

/* vigil-demo-data.c. Ends with an entry whose @jurisdiction is NULL. */
extern const VigilDemoCountry vigil_demo_countries[];

/* NULL-terminated lists. */
extern const char * const vigil_demo_charges[];
extern const char * const vigil_demo_nicknames[];
extern const VigilDemoSpelling vigil_demo_cyrillic[]; /* ends with NULL */
extern const char * const vigil_demo_adjournment_reasons[];
extern const char * const vigil_demo_hearing_notes[];
extern const char * const vigil_demo_case_notes[];
extern const char * const vigil_demo_person_notes[];
extern const char * const vigil_demo_monitors[];
extern const char * const vigil_demo_assessment_reasons[];
extern const char * const vigil_demo_observation_notes_good[];
extern const char * const vigil_demo_observation_notes_bad[];
extern const char * const vigil_demo_responsible[];
extern const char * const vigil_demo_measure_details[];
extern const char * const vigil_demo_evidence[];
extern const char * const vigil_demo_assets[];

/* vigil-demo-hearing.c: what a monitor records about one hearing. */
typedef struct
{
  const char      *pseudonym;
  VigilPersonRole  role;
} VigilDemoPerson;

typedef struct
{
  GDateTime             *starts_at;
  VigilHearingKind       kind;
  VigilHearingStatus     status;
  gboolean               closed_session;
  gboolean               last;              /* the case's last hearing */
  const VigilDemoPerson *persons;           /* of the case */
  guint                  n_persons;
  gboolean               foreign;           /* victims from another country than the court's */
  const char * const    *languages;         /* the victims' */
  gboolean               compensation_open; /* a victim has a claim */
  gboolean               victim_prosecuted;
  VigilCaseOutcome       case_outcome;
  const char            *convicted_charge;
  const char            *defendant_surname; /* for notes that name him */
} VigilDemoHearing;

/* Writes the members "facts", "attendance", "observations" and
 * "assessment" of the hearing @h, drawing from @rng. */
void vigil_demo_hearing_record (VigilDemoRng           *rng,
                                JsonBuilder            *builder,
                                const VigilDemoHearing *h);

G_END_DECLS
