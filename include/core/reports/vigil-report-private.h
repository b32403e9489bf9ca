/* vigil-report-private.h: what a report is built from, between reading
 * the store and writing the document
 *
 * Gathering (vigil-report-gather.c) reads the cases in scope and keeps
 * only what a report may say: counts, enums, dates, and note texts
 * already scrubbed and cleared for quotation. Building
 * (vigil-report-build.c) turns that into the document. Nothing here holds
 * an identity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-catalogue.h"
#include "vigil-report-options.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  char             *label;           /* "Case A" or the reference */
  char             *court;           /* as the courts option shows it; NULL for none */
  char             *jurisdiction;
  VigilCaseStage    stage;
  VigilCaseOutcome  outcome;
  char             *convicted_charge;
  GDateTime        *first_hearing;   /* NULL without one */
  GDateTime        *verdict;         /* the first verdict hearing held; NULL before */
  guint             n_victims;
  guint             n_child_victims;
} ReportCase;

typedef struct
{
  ReportCase         *kase;
  GDateTime          *starts_at;
  VigilHearingStatus  status;
  char               *adjournment_reason; /* scrubbed; NULL when withheld or none */
  gboolean            victim_testified;
  gboolean            defendant_present;
  gboolean            screen_or_video;    /* delivered for it */
} ReportHearing;

typedef struct
{
  ReportHearing          *hearing;
  /* Interned (g_intern_string): a vault holds hundreds of thousands of
   * observations of a few dozen standards. */
  const char             *standard_id;
  VigilObservationStatus  status;
  const char             *severity;   /* NULL, "minor", "serious", "grave" */
  GPtrArray              *quotes;     /* scrubbed notes cleared for quotation; NULL for none */
} ReportObservation;

typedef struct
{
  char   *currency;
  guint   claims;
  guint   claimants;
  gint64  claimed;
  gint64  awarded;
  gint64  paid;
  guint   undecided;  /* drafting, filed or heard */
  guint   elsewhere;  /* referred to a separate civil suit, fund or tribunal */
} ReportMoney;

/* Victims' ages at the case's first hearing, in bands. */
typedef enum
{
  REPORT_AGE_UNDER_14,
  REPORT_AGE_14_17,
  REPORT_AGE_18_24,
  REPORT_AGE_25_34,
  REPORT_AGE_35_UP,
  REPORT_AGE_UNKNOWN,
  REPORT_N_AGE_BANDS
} ReportAgeBand;

typedef struct
{
  const VigilReportOptions *options;
  VigilCatalogue           *catalogue;

  GPtrArray  *cases;         /* ReportCase */
  GPtrArray  *hearings;      /* ReportHearing */
  GPtrArray  *observations;  /* ReportObservation */
  GHashTable *monitors;      /* the distinct monitors, for a count only */
  /* protection: kind -> counts of measures requested (any status) and
   * delivered; persons they were for, for the small-cell rule */
  GHashTable *protection_requested;  /* kind -> GUINT */
  GHashTable *protection_delivered;
  GHashTable *protection_persons;    /* kind -> GHashTable of person ids */
  GPtrArray  *money;         /* ReportMoney, by currency */
  guint       victims[REPORT_N_AGE_BANDS];
  guint       child_victims[REPORT_N_AGE_BANDS]; /* of them, recorded as children */

  guint       notes_withheld_consent; /* notes about someone who did not consent */
  guint       notes_withheld_scrub;   /* notes the scrubber could not clear */
  guint       notes_scrubbed;         /* notes with identifiers replaced */
  char       *period_from;            /* YYYY-MM-DD of the first and last hearing */
  char       *period_to;
} ReportData;

ReportData *vigil_report_data_gather (VigilStore               *store,
                                      VigilCatalogue           *catalogue,
                                      const VigilReportOptions *options,
                                      GCancellable             *cancellable,
                                      GError                  **error);
void        vigil_report_data_free   (ReportData               *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportData, vigil_report_data_free)

/* A date as the dates option shows it: "14 March 2024", "March 2024",
 * "2024 Q1". */
char       *vigil_report_format_date (GDateTime                *when,
                                      VigilReportDates          dates);
/* The label of the @index-th case (from 0): "Case A", ..., "Case Z",
 * "Case AA". */
char       *vigil_report_case_code   (guint                     index);

G_END_DECLS
