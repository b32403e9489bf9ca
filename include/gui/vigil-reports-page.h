/* vigil-reports-page.h: building, checking and saving anonymized reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-leak-check.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_REPORTS_PAGE (vigil_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilReportsPage, vigil_reports_page, VIGIL, REPORTS_PAGE, AdwBin)

GtkWidget *vigil_reports_page_new          (void);
/* The store the report is built from; NULL when the vault locks, which
 * cancels a build and drops the preview. */
void       vigil_reports_page_set_store    (VigilReportsPage *self,
                                            VigilStore       *store);
/* Whether a build is running. */
gboolean   vigil_reports_page_get_busy     (VigilReportsPage *self);
/* The last build's identifiers found (VigilLeak), or NULL before one. */
GPtrArray *vigil_reports_page_get_leaks    (VigilReportsPage *self);
/* How many pages the preview shows. */
guint      vigil_reports_page_get_n_previews (VigilReportsPage *self);
/* The path of the last report saved, or NULL. */
const char *vigil_reports_page_get_saved_path (VigilReportsPage *self);
/* Saves the checked report to @file without a file chooser (the tests,
 * and the chooser's answer). */
void       vigil_reports_page_save_to      (VigilReportsPage *self,
                                            GFile            *file);

G_END_DECLS
