/* vigil-hearing.h: one session of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-enums.h"
#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_HEARING (vigil_hearing_get_type ())
G_DECLARE_FINAL_TYPE (VigilHearing, vigil_hearing, VIGIL, HEARING, GObject)

/* Properties: "id", "case-id", "version", "starts-at" (GDateTime, UTC),
 * "room", "kind", "status", "closed-session", "adjournment-reason",
 * "notes", "created-at", "updated-at". */
VigilHearing       *vigil_hearing_new                    (const char         *case_id);

const char         *vigil_hearing_get_id                 (VigilHearing       *self);
const char         *vigil_hearing_get_case_id            (VigilHearing       *self);
gint64              vigil_hearing_get_version            (VigilHearing       *self);
GDateTime          *vigil_hearing_get_starts_at          (VigilHearing       *self);
void                vigil_hearing_set_starts_at          (VigilHearing       *self,
                                                          GDateTime          *starts_at);
const char         *vigil_hearing_get_room               (VigilHearing       *self);
void                vigil_hearing_set_room               (VigilHearing       *self,
                                                          const char         *room);
VigilHearingKind    vigil_hearing_get_kind               (VigilHearing       *self);
void                vigil_hearing_set_kind               (VigilHearing       *self,
                                                          VigilHearingKind    kind);
VigilHearingStatus  vigil_hearing_get_status             (VigilHearing       *self);
void                vigil_hearing_set_status             (VigilHearing       *self,
                                                          VigilHearingStatus  status);
gboolean            vigil_hearing_get_closed_session     (VigilHearing       *self);
void                vigil_hearing_set_closed_session     (VigilHearing       *self,
                                                          gboolean            closed);
const char         *vigil_hearing_get_adjournment_reason (VigilHearing       *self);
void                vigil_hearing_set_adjournment_reason (VigilHearing       *self,
                                                          const char         *reason);
const char         *vigil_hearing_get_notes              (VigilHearing       *self);
void                vigil_hearing_set_notes              (VigilHearing       *self,
                                                          const char         *notes);
GDateTime          *vigil_hearing_get_created_at         (VigilHearing       *self);
GDateTime          *vigil_hearing_get_updated_at         (VigilHearing       *self);

/* FALSE with VIGIL_ERROR_INVALID for a missing or impossible date
 * (before 1990 or more than ten years ahead), or an adjourned hearing
 * without a reason. */
gboolean            vigil_hearing_validate               (VigilHearing       *self,
                                                          GError            **error);

G_END_DECLS
