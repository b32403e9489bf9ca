/* vigil-protection.h: what is arranged to protect a person, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-record-rules.h"

G_BEGIN_DECLS

/* The closed vocabularies, as stored and exchanged; NULL-terminated. */
extern const char * const vigil_protection_kinds[];       /* police_escort, video_link, ... */
extern const char * const vigil_protection_statuses[];    /* requested ... failed */

/**
 * VigilProtectionData:
 * @person_id: whom it protects
 * @hearing_id: (nullable): the hearing it is arranged around
 * @kind: one of vigil_protection_kinds
 * @status: one of vigil_protection_statuses
 * @starts_at: (nullable): UTC
 * @ends_at: (nullable): UTC, not before @starts_at
 * @responsible: (nullable): who arranges it; sealed under the person's key
 * @details: (nullable): places, times of movement, contacts; sealed under
 *   the person's key
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *person_id;
  char      *hearing_id;
  gint64     version;
  char      *kind;
  char      *status;
  GDateTime *starts_at;
  GDateTime *ends_at;
  char      *responsible;
  char      *details;
} VigilProtectionData;

/* The free function wipes the sealed fields' text before freeing it. */
VigilProtectionData  *vigil_protection_data_new   (void);
void                  vigil_protection_data_free  (VigilProtectionData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilProtectionData, vigil_protection_data_free)

/* FALSE with VIGIL_ERROR_INVALID and a message that starts with the
 * field; @out_field (may be NULL) names the field as the interchange format
 * spells it. Ids are not checked here. */
gboolean vigil_protection_data_validate  (const VigilProtectionData  *data,
                                          const char                **out_field,
                                          GError                    **error);

G_END_DECLS
