/* vigil-standards-page.h: the catalogue of victim-rights standards, to
 * browse and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-catalogue.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_STANDARDS_PAGE (vigil_standards_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilStandardsPage, vigil_standards_page, VIGIL, STANDARDS_PAGE, AdwBin)

GtkWidget      *vigil_standards_page_new           (void);
VigilCatalogue *vigil_standards_page_get_catalogue (VigilStandardsPage *self);
void            vigil_standards_page_set_catalogue (VigilStandardsPage *self,
                                                    VigilCatalogue     *catalogue);
void            vigil_standards_page_set_search    (VigilStandardsPage *self,
                                                    const char         *text);
GListModel     *vigil_standards_page_get_shown     (VigilStandardsPage *self);

G_END_DECLS
