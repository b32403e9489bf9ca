/* vigil-report-render.h: a report document as a PDF or an ODT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-report-doc.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_REPORT_FORMAT_PDF,
  VIGIL_REPORT_FORMAT_ODT,
} VigilReportFormat;

/* The programme's name when Preferences hold none. */
#define VIGIL_REPORT_DEFAULT_PROGRAMME N_("Trial monitoring programme")

/* The format @path's extension names (".pdf", ".odt"), or FALSE. */
gboolean  vigil_report_format_from_path (const char         *path,
                                         VigilReportFormat  *out_format);

/* @doc typeset as a PDF (cairo and pango), in memory. @cancellable is
 * looked at between blocks. */
GBytes   *vigil_report_render_pdf       (VigilReportDoc     *doc,
                                         GCancellable       *cancellable,
                                         GError            **error);
/* @doc as an OpenDocument Text file, in memory. */
GBytes   *vigil_report_render_odt       (VigilReportDoc     *doc,
                                         GCancellable       *cancellable,
                                         GError            **error);
GBytes   *vigil_report_render           (VigilReportDoc     *doc,
                                         VigilReportFormat   format,
                                         GCancellable       *cancellable,
                                         GError            **error);

G_END_DECLS
