/* vigil-report.h: building an anonymized monitoring report
 *
 * The only way to a VigilReportDoc: the cases in scope are read, their
 * notes scrubbed and screened, persons left as pseudonyms, small figures
 * suppressed, and the document written from what is left. Renderers then
 * lay out the document (vigil-report-doc.h) and never see the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-catalogue.h"
#include "vigil-report-doc.h"
#include "vigil-report-options.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The report of @options, with the standards of @catalogue. NULL with
 * VIGIL_ERROR_INVALID for options that do not validate,
 * VIGIL_ERROR_NOT_FOUND for a case that is not in the vault, the store's
 * error, or G_IO_ERROR_CANCELLED. */
VigilReportDoc *vigil_report_build         (VigilStore               *store,
                                            VigilCatalogue           *catalogue,
                                            const VigilReportOptions *options,
                                            GCancellable             *cancellable,
                                            GError                  **error);

/* The same in a thread: the store is used from the worker only while it
 * runs, so the caller must not use it meanwhile (as with an export). */
void            vigil_report_build_async   (VigilStore               *store,
                                            VigilCatalogue           *catalogue,
                                            const VigilReportOptions *options,
                                            GCancellable             *cancellable,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
VigilReportDoc *vigil_report_build_finish  (GAsyncResult             *result,
                                            GError                  **error);

G_END_DECLS
