/* vigil-leak-check.h: reading a report back before it is kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-report-render.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* One identifier found in a file: where (a page of a PDF, a paragraph of
 * an ODT, counting from 1; 0 for the document's properties, such as a
 * PDF's title or an ODT's running header) and a message that says where, what kind of
 * identifier and whose ("page 3: part of the name of V-02 in case
 * B.476/2023"), never the identifier itself. */
typedef struct
{
  guint  page;
  char  *message;
} VigilLeak;

void vigil_leak_free (VigilLeak *leak);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilLeak, vigil_leak_free)

/* Every identifier of the vault, read once, to check any number of files. */
typedef struct _VigilLeakCheck VigilLeakCheck;

VigilLeakCheck *vigil_leak_check_new         (VigilStore         *store,
                                              GCancellable       *cancellable,
                                              GError            **error);
void            vigil_leak_check_free        (VigilLeakCheck     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilLeakCheck, vigil_leak_check_free)

/* The text of each page of @bytes (a PDF through Poppler, an ODT from its
 * XML, one "page" a paragraph), as the check reads it. */
GPtrArray      *vigil_leak_check_extract     (GBytes             *bytes,
                                              VigilReportFormat   format,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* The identifiers found in @bytes: an empty array when there are none,
 * VigilLeak elements in page order otherwise; NULL with an error when the
 * file cannot be read (VIGIL_ERROR_INVALID) or the check was cancelled. */
GPtrArray      *vigil_leak_check_bytes       (VigilLeakCheck     *self,
                                              GBytes             *bytes,
                                              VigilReportFormat   format,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* The same, calling @progress (from this thread) after each page. */
typedef void (*VigilLeakProgressFunc) (guint     page,
                                       guint     n_pages,
                                       gpointer  data);
GPtrArray      *vigil_leak_check_bytes_full  (VigilLeakCheck     *self,
                                              GBytes             *bytes,
                                              VigilReportFormat   format,
                                              VigilLeakProgressFunc progress,
                                              gpointer            progress_data,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* The same for the file at @path, its format by its extension. */
GPtrArray      *vigil_leak_check_file        (VigilLeakCheck     *self,
                                              const char         *path,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* Renders @doc, checks it against every identifier in @store's vault and
 * only then writes it to @path atomically, mode 0600. A leak leaves @path
 * as it was and fails with VIGIL_ERROR_LEAK, whose message names each
 * place; @out_leaks (may be NULL) receives them. */
gboolean        vigil_report_save            (VigilStore         *store,
                                              VigilReportDoc     *doc,
                                              VigilReportFormat   format,
                                              const char         *path,
                                              GPtrArray         **out_leaks,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* Writes already-checked @bytes to @path: a temporary file of mode 0600
 * beside it, flushed and renamed over it. */
gboolean        vigil_report_write_file      (GBytes             *bytes,
                                              const char         *path,
                                              GError            **error);

G_END_DECLS
