/* vigil-checklist.h: the standards to check at one hearing, with what the
 * monitor recorded for each
 *
 * The hearing page and the live hearing mode show the same list and
 * change it the same way; the list and its rules live here, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-catalogue.h"
#include "vigil-store-observations.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CHECKLIST (vigil_checklist_get_type ())
G_DECLARE_FINAL_TYPE (VigilChecklist, vigil_checklist, VIGIL, CHECKLIST, GObject)

/* Signal "changed" (const char *standard_id): after an entry for that
 * standard was committed, or with NULL after vigil_checklist_reload(). */

VigilChecklist             *vigil_checklist_new             (VigilStore      *store,
                                                             VigilCatalogue  *catalogue,
                                                             const char      *hearing_id,
                                                             GError         **error);
VigilHearing               *vigil_checklist_get_hearing     (VigilChecklist  *self);
VigilCatalogue             *vigil_checklist_get_catalogue   (VigilChecklist  *self);
/* (transfer none): the standards that apply to the hearing, and any other
 * one an observation was already recorded for, in catalogue order. */
GListModel                 *vigil_checklist_get_standards   (VigilChecklist  *self);
/* (nullable): what was recorded for @standard_id, notes included. */
const VigilObservationData *vigil_checklist_get_observation (VigilChecklist  *self,
                                                             const char      *standard_id);
/* Whether @standard_id is on the list because of an earlier observation
 * only: the hearing's facts no longer make it apply. */
gboolean                    vigil_checklist_is_extra        (VigilChecklist  *self,
                                                             const char      *standard_id);
/* How many standards of the list have a status recorded. */
guint                       vigil_checklist_count_recorded  (VigilChecklist  *self);
/* The status of @standard_id, or -1 when none was recorded. */
int                         vigil_checklist_get_status      (VigilChecklist  *self,
                                                             const char      *standard_id);
/* Each commits before it returns (see vigil-store-observation-notes.h). */
gboolean                    vigil_checklist_set_status      (VigilChecklist  *self,
                                                             const char      *standard_id,
                                                             VigilObservationStatus status,
                                                             const char      *severity,
                                                             GError         **error);
/* Takes back the status of @standard_id as if none had been set (see
 * vigil_store_clear_observation_status()); the standard stays on the list
 * until the next reload. */
gboolean                    vigil_checklist_clear_status    (VigilChecklist  *self,
                                                             const char      *standard_id,
                                                             GError         **error);
gboolean                    vigil_checklist_add_note        (VigilChecklist  *self,
                                                             const char      *standard_id,
                                                             const char      *text,
                                                             GError         **error);
/* Reads the hearing and its observations again: after its facts or its
 * attendance changed, the standards that apply may have too. */
gboolean                    vigil_checklist_reload          (VigilChecklist  *self,
                                                             GError         **error);

G_END_DECLS
