/* vigil-report-job.h: typesetting, checking and previewing a report off
 * the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-leak-check.h"

G_BEGIN_DECLS

/* One page drawn for the preview: 32-bit pixels in cairo's ARGB32 layout
 * (premultiplied, native-endian), @stride bytes a row. */
typedef struct
{
  GBytes *pixels;
  int     width;
  int     height;
  int     stride;
} VigilReportPreview;

typedef struct
{
  VigilReportFormat  format;
  GBytes            *bytes;
  guint              n_pages;
  /* VigilLeak, in page order; empty when the report is clean. */
  GPtrArray         *leaks;
  /* VigilReportPreview of the first pages of the PDF (the ODT's PDF
   * twin for an ODT), when previews were asked for. */
  GPtrArray         *previews;
} VigilReportJobResult;

void vigil_report_job_result_free (VigilReportJobResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilReportJobResult, vigil_report_job_result_free)

/* What the job is doing, 0 to 1, called in the caller's main context. */
typedef void (*VigilReportProgressFunc) (double      fraction,
                                         const char *what,
                                         gpointer    user_data);

/* Renders @doc as @format, reads it back through @check, and draws up to
 * @max_previews pages @preview_width pixels wide, all in a worker thread
 * that touches only @doc (read-only from now on) and @check (owned by the
 * job). The store is not used: @check was filled from it before. */
void                  vigil_report_job_run_async  (VigilReportDoc          *doc,
                                                   VigilLeakCheck          *check,
                                                   VigilReportFormat        format,
                                                   guint                    max_previews,
                                                   int                      preview_width,
                                                   VigilReportProgressFunc  progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
VigilReportJobResult *vigil_report_job_run_finish (GAsyncResult            *result,
                                                   GError                 **error);

/* Up to @max_pages pages of the PDF @bytes drawn @width pixels wide, in
 * the calling thread (VigilReportPreview). */
GPtrArray            *vigil_report_draw_previews  (GBytes                  *bytes,
                                                   guint                    max_pages,
                                                   int                      width,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);

G_END_DECLS
