/* vigil-report-figures.h: the aggregate figures of a report, as CSV or
 * JSON, for spreadsheets and for merging reports
 *
 * Written from the report document only (its findings, tables and
 * charts), so they hold what the report holds and nothing more: small
 * figures already suppressed, no note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-report-doc.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_REPORT_FIGURES_CSV,
  VIGIL_REPORT_FIGURES_JSON,
} VigilReportFiguresFormat;

/* The figures of @doc in @format: CSV (RFC 4180, UTF-8, one block per
 * table, a blank line between) or JSON (an object: "title", "period",
 * "findings", "tables", "charts"; a suppressed chart value is null). */
GBytes   *vigil_report_figures_render (VigilReportDoc           *doc,
                                       VigilReportFiguresFormat  format);
/* Which format @path's name asks for (.csv or .json, any case); FALSE for
 * another. */
gboolean  vigil_report_figures_format_for_path (const char               *path,
                                                VigilReportFiguresFormat *out);
/* Writes the figures to @path atomically with mode 0600 (vigil-file.h). */
gboolean  vigil_report_figures_write  (VigilReportDoc           *doc,
                                       VigilReportFiguresFormat  format,
                                       const char               *path,
                                       GError                  **error);

G_END_DECLS
