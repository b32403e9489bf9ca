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
 * @history: (nullable) (element-type VigilProtectionStatusChange): its
 *   status changes, oldest first, when read or to be written with it
 *
 * A measure is tied to a hearing (@hearing_id) or to a period (@starts_at
 * to @ends_at), or to both: the time around a hearing it covers.
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
  GPtrArray *history;
} VigilProtectionData;

/**
 * VigilProtectionStatusChange:
 * @status: the status the measure took
 * @changed_at: when, UTC
 * @monitor: (nullable): who made the change (the monitor's name of the
 *   key slot that unlocked the vault)
 *
 * One step of a measure's history; the first is the status it was made
 * with.
 */
typedef struct
{
  char      *id;
  char      *measure_id;
  char      *case_id;
  gint64     version;
  char      *status;
  GDateTime *changed_at;
  char      *monitor;
} VigilProtectionStatusChange;

VigilProtectionStatusChange *vigil_protection_status_change_new  (void);
void                         vigil_protection_status_change_free (VigilProtectionStatusChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilProtectionStatusChange, vigil_protection_status_change_free)

/* requested → confirmed → delivered | failed; requested or confirmed →
 * cancelled. */
gboolean vigil_protection_status_can_change (const char *from,
                                             const char *to);
/* Requested or confirmed: not yet settled either way. */
gboolean vigil_protection_status_is_open    (const char *status);
/* A kind carried out by a person or a team who cannot be at two hearings
 * at once (escort, support person, interpreter, accompaniment). */
gboolean vigil_protection_kind_is_staffed   (const char *kind);

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
