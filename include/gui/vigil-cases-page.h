/* vigil-cases-page.h: the searchable list of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASES_PAGE (vigil_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilCasesPage, vigil_cases_page, VIGIL, CASES_PAGE, AdwBin)

typedef enum
{
  VIGIL_CASES_VIEW_EMPTY,      /* no case at all: invite to add one */
  VIGIL_CASES_VIEW_NO_MATCHES, /* cases, but none matches the search */
  VIGIL_CASES_VIEW_LIST,
} VigilCasesView;

/* Which view fits @n_cases in the vault of which @n_shown match. */
VigilCasesView  vigil_cases_view_for          (guint           n_cases,
                                               guint           n_shown);

/* Properties: "store", "narrow" (the window shows one pane: offer the way
 * back to the sections). Signal "case-activated" (VigilCase *kase). */
GtkWidget      *vigil_cases_page_new          (void);
VigilStore     *vigil_cases_page_get_store    (VigilCasesPage *self);
void            vigil_cases_page_set_store    (VigilCasesPage *self,
                                               VigilStore     *store);
void            vigil_cases_page_set_search   (VigilCasesPage *self,
                                               const char     *text);
/* The cases that match the search, as shown. */
GListModel     *vigil_cases_page_get_shown    (VigilCasesPage *self);
VigilCasesView  vigil_cases_page_get_view     (VigilCasesPage *self);

G_END_DECLS
