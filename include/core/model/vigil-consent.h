/* vigil-consent.h: what a person agreed to, and its withdrawal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-enums.h"
#include "vigil-record.h"
#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CONSENT (vigil_consent_get_type ())
G_DECLARE_FINAL_TYPE (VigilConsent, vigil_consent, VIGIL, CONSENT, VigilRecord)

/* Properties: "id", "person-id", "version", "kind", "shared-with" (sealed
 * text: with whom data may be shared), "given-at", "withdrawn-at" (NULL
 * while in force). */
VigilConsent     *vigil_consent_new              (const char       *person_id,
                                                  VigilConsentKind  kind,
                                                  GDateTime        *given_at);

const char       *vigil_consent_get_id           (VigilConsent     *self);
const char       *vigil_consent_get_person_id    (VigilConsent     *self);
gint64            vigil_consent_get_version      (VigilConsent     *self);
VigilConsentKind  vigil_consent_get_kind         (VigilConsent     *self);
const char       *vigil_consent_get_shared_with  (VigilConsent     *self);
void              vigil_consent_set_shared_with  (VigilConsent     *self,
                                                  const char       *shared_with);
GDateTime        *vigil_consent_get_given_at     (VigilConsent     *self);
GDateTime        *vigil_consent_get_withdrawn_at (VigilConsent     *self);
gboolean          vigil_consent_is_in_force      (VigilConsent     *self);

G_END_DECLS
