/* vigil-hearing-page.h: one hearing: its checklist of standards,
 * attendance, facts and assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-checklist.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_HEARING_PAGE (vigil_hearing_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilHearingPage, vigil_hearing_page, VIGIL, HEARING_PAGE, AdwBin)

/* Signal "closed": the page is left, back to its case. */

GtkWidget      *vigil_hearing_page_new           (void);
void            vigil_hearing_page_set_store     (VigilHearingPage *self,
                                                  VigilStore       *store);
/* Shows @hearing_id (NULL: nothing); FALSE with @error when it cannot be read. */
gboolean        vigil_hearing_page_set_hearing   (VigilHearingPage *self,
                                                  const char       *hearing_id,
                                                  GError          **error);
VigilChecklist *vigil_hearing_page_get_checklist (VigilHearingPage *self);

G_END_DECLS
