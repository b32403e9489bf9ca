/* vigil-case-page.h: one case, its persons and its hearings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASE_PAGE (vigil_case_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilCasePage, vigil_case_page, VIGIL, CASE_PAGE, AdwBin)

/* Properties: "store", "case-id", "narrow". Signal "closed": the case is
 * gone (erased) or the person asked to go back to the list. */
GtkWidget  *vigil_case_page_new              (void);
VigilStore *vigil_case_page_get_store        (VigilCasePage *self);
void        vigil_case_page_set_store        (VigilCasePage *self,
                                              VigilStore    *store);
const char *vigil_case_page_get_case_id      (VigilCasePage *self);
/* Loads the case; errors are shown as a toast. */
void        vigil_case_page_set_case_id      (VigilCasePage *self,
                                              const char    *case_id);
/* Asks for confirmation (when the settings say so), then shows the
 * identity of the person. */
void        vigil_case_page_reveal_person    (VigilCasePage *self,
                                              const char    *person_id);
gboolean    vigil_case_page_is_revealed      (VigilCasePage *self,
                                              const char    *person_id);
/* Hides every revealed identity and forgets it. */
void        vigil_case_page_hide_identities  (VigilCasePage *self);

G_END_DECLS
