/* vigil-compensation-page.h: compensation claims across cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-claims-overview.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Deadlines this near, or past, are listed on the page. */
#define VIGIL_COMPENSATION_DEADLINE_DAYS 30
/* Deadlines this near, or past, raise a desktop notification. */
#define VIGIL_COMPENSATION_NOTIFY_DAYS 7

#define VIGIL_TYPE_COMPENSATION_PAGE (vigil_compensation_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilCompensationPage, vigil_compensation_page, VIGIL, COMPENSATION_PAGE,
                      AdwBin)

GtkWidget           *vigil_compensation_page_new          (void);
/* Reads the claims again whenever the store says a case changed. */
void                 vigil_compensation_page_set_store    (VigilCompensationPage *self,
                                                           VigilStore            *store);
/* The day deadlines are counted from (YYYY-MM-DD); NULL for today. */
void                 vigil_compensation_page_set_today    (VigilCompensationPage *self,
                                                           const char            *today);
void                 vigil_compensation_page_refresh      (VigilCompensationPage *self);
/* (nullable): what the page shows */
VigilClaimsOverview *vigil_compensation_page_get_overview (VigilCompensationPage *self);

G_END_DECLS
