/* vigil-report-options.h: what a report covers and how it is anonymized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-enums.h"
#include "vigil-report-doc.h"

G_BEGIN_DECLS

/* The smallest count a figure may show unless it is 0 (k). */
#define VIGIL_REPORT_DEFAULT_MIN_CELL 3

typedef enum
{
  VIGIL_REPORT_SCOPE_ALL,    /* every case, the filters applied */
  VIGIL_REPORT_SCOPE_CASE,   /* one case, by reference or id */
  VIGIL_REPORT_SCOPE_PERIOD, /* hearings from @from to @to, the filters applied */
} VigilReportScope;

typedef enum
{
  VIGIL_REPORT_DATES_EXACT,
  VIGIL_REPORT_DATES_MONTH,
  VIGIL_REPORT_DATES_QUARTER,
} VigilReportDates;

typedef enum
{
  VIGIL_REPORT_COURTS_EXACT,
  VIGIL_REPORT_COURTS_REGION, /* the jurisdiction only */
  VIGIL_REPORT_COURTS_NONE,
} VigilReportCourts;

typedef enum
{
  VIGIL_REPORT_REFERENCES_CODES, /* "Case A", "Case B", ... */
  VIGIL_REPORT_REFERENCES_EXACT, /* the court's reference */
} VigilReportReferences;

/* Sections, each optional. */
typedef enum
{
  VIGIL_REPORT_SECTION_TITLE           = 1 << 0,
  VIGIL_REPORT_SECTION_SUMMARY         = 1 << 1,
  VIGIL_REPORT_SECTION_METHODOLOGY     = 1 << 2,
  VIGIL_REPORT_SECTION_FINDINGS        = 1 << 3,
  VIGIL_REPORT_SECTION_DURATION        = 1 << 4,
  VIGIL_REPORT_SECTION_OUTCOMES        = 1 << 5,
  VIGIL_REPORT_SECTION_PROTECTION      = 1 << 6,
  VIGIL_REPORT_SECTION_COMPENSATION    = 1 << 7,
  VIGIL_REPORT_SECTION_RECOMMENDATIONS = 1 << 8,
  VIGIL_REPORT_SECTION_ANNEX           = 1 << 9,
  VIGIL_REPORT_SECTION_ALL             = (1 << 10) - 1,
} VigilReportSection;

/**
 * VigilReportOptions:
 * @case_ref: the case of VIGIL_REPORT_SCOPE_CASE: its reference or id
 * @from, @to: (nullable): "YYYY-MM-DD", both included; for a period
 * @court, @jurisdiction, @charge: (nullable): only cases with it
 * @stage: only cases at this VigilCaseStage, or -1 for any
 * @min_cell: k: a figure counting 1 to k-1 persons or hearings is not shown
 * @sections: VigilReportSection flags
 * @programme, @title: (nullable): for the title page
 */
typedef struct
{
  VigilReportScope      scope;
  char                 *case_ref;
  char                 *from;
  char                 *to;
  char                 *court;
  char                 *jurisdiction;
  char                 *charge;
  int                   stage;
  VigilReportDates      dates;
  VigilReportCourts     courts;
  VigilReportReferences references;
  guint                 min_cell;
  guint                 sections;
  char                 *programme;
  char                 *title;
  VigilReportPaper      paper;
} VigilReportOptions;

/* Every case, dates by month, courts by region, references as codes,
 * k = 3, every section, A4. */
VigilReportOptions *vigil_report_options_new        (void);
void                vigil_report_options_free       (VigilReportOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilReportOptions, vigil_report_options_free)

/* The words the CLI and settings use: "exact", "month", "quarter";
 * "exact", "region", "none"; "codes", "exact". FALSE for another word. */
gboolean vigil_report_dates_from_nick      (const char            *nick,
                                            VigilReportDates      *out);
gboolean vigil_report_courts_from_nick     (const char            *nick,
                                            VigilReportCourts     *out);
gboolean vigil_report_references_from_nick (const char            *nick,
                                            VigilReportReferences *out);

/* FALSE with VIGIL_ERROR_INVALID for a case scope without a case, a
 * period without both dates, a date that is not YYYY-MM-DD, a period that
 * ends before it starts, or k of 0. */
gboolean vigil_report_options_validate     (const VigilReportOptions *options,
                                            GError                  **error);

G_END_DECLS
