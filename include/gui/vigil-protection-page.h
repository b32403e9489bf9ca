/* vigil-protection-page.h: the agenda of hearings, the protection arranged
 * around them and what is wrong with it, by day or by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PROTECTION_PAGE (vigil_protection_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilProtectionPage, vigil_protection_page, VIGIL, PROTECTION_PAGE, AdwBin)

GtkWidget *vigil_protection_page_new       (void);
/* NULL when the vault locks: everything read from it goes. */
void       vigil_protection_page_set_store (VigilProtectionPage *self,
                                            VigilStore          *store);
/* The day (any time of it, local) or its week, Monday first. */
void       vigil_protection_page_show      (VigilProtectionPage *self,
                                            GDateTime           *day,
                                            gboolean             week);
/* Element type VigilAgendaRow: the rows shown, in order. */
GPtrArray *vigil_protection_page_get_rows  (VigilProtectionPage *self);

G_END_DECLS
