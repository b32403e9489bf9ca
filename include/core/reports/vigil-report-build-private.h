/* vigil-report-build-private.h: what the files that write a report's
 * sections share
 *
 * vigil-report-build.c writes the summary, the methodology and the
 * findings and puts the document together; vigil-report-sections.c writes
 * the other sections; vigil-report-cells.c holds the one small-cell rule
 * every figure goes through, and the labels both use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-report-doc-private.h"
#include "vigil-report-private.h"

G_BEGIN_DECLS

/* At most this many notes are quoted per standard, and in all: a report
 * shows the shortcomings, it does not reprint the monitors' logs. */
#define MAX_QUOTES_PER_STANDARD 3
#define MAX_QUOTES 40
/* Recommendations: the standards most often found wanting. */
#define MAX_RECOMMENDATIONS 8
/* A seed source is quoted up to this many characters. */
#define MAX_EXCERPT_CHARS 600
/* Reasons for adjournment listed. */
#define MAX_REASONS 10

enum
{
  COL_RESPECTED,
  COL_PARTLY,
  COL_NOT,
  COL_NOT_OBSERVED,
  N_COLS
};

typedef struct
{
  guint counts[N_COLS];
} Tally;

typedef struct
{
  ReportData               *data;
  const VigilReportOptions *options;
  VigilReportDoc           *doc;
  guint                     suppressed;
} Build;

/* Duration bands, from the first hearing to the verdict. */
enum
{
  BAND_YEAR,
  BAND_THREE_YEARS,
  BAND_LONGER,
  BAND_PENDING,
  N_BANDS
};

/* vigil-report-cells.c */

/* Whether @count is a small figure: 1 to k-1. */
gboolean    vigil_report_small          (Build        *b,
                                         gint64        count);
/* A count as the report shows it: "< k" for a small one, which is
 * counted as suppressed. */
char       *vigil_report_cell           (Build        *b,
                                         gint64        count);
/* "7 of 23", the rule applied to both figures. */
char       *vigil_report_of             (Build        *b,
                                         gint64        value,
                                         gint64        total);
/* An amount in minor units, as "12,345.67". */
char       *vigil_report_money          (gint64        minor);
/* The column of a status, or -1 for one that is not tallied. */
int         vigil_report_status_column  (VigilObservationStatus status);
const char *vigil_report_column_label   (int           column);
/* The keys of @table, sorted; the array does not own them. */
GPtrArray  *vigil_report_keys_sorted    (GHashTable   *table);
/* Counters are GHashTables of key -> GUINT_TO_POINTER (count). */
guint       vigil_report_counter_value  (GHashTable   *table,
                                         const char   *key);
guint       vigil_report_sum_counter    (GHashTable   *table);
void        vigil_report_count_bands    (ReportData   *data,
                                         guint         bands[N_BANDS]);
const char *vigil_report_band_label     (guint         band);

/* vigil-report-sections.c */

void        vigil_report_add_duration        (Build      *b);
void        vigil_report_add_outcomes        (Build      *b);
void        vigil_report_add_protection      (Build      *b);
void        vigil_report_add_compensation    (Build      *b);
void        vigil_report_add_recommendations (Build      *b,
                                              GHashTable *by_standard);
void        vigil_report_add_annex           (Build      *b,
                                              GHashTable *by_standard);

G_END_DECLS
