/* vigil-observation.h: a monitor's finding on one standard at one hearing, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-enums.h"
#include "vigil-record-rules.h"

G_BEGIN_DECLS

/* The catalogue version of an observation made before any catalogue was
 * installed (or imported without one). */
#define VIGIL_OBSERVATION_NO_CATALOGUE "none"

/* The closed vocabulary of severities, as stored and exchanged;
 * NULL-terminated: minor, serious, grave. */
extern const char * const vigil_observation_severities[];

/* Whether an observation with @status may carry a severity: only a
 * standard found wanting (partly or not respected) has one. */
gboolean vigil_observation_status_takes_severity (VigilObservationStatus status);

/**
 * VigilObservationNote:
 * @noted_at: when the monitor wrote it, UTC
 * @monitor: (nullable): who wrote it (the vault's actor)
 * @text: sealed under the case's key
 * @case_id: the case whose key seals @text; set by the store
 *
 * One timestamped entry of an observation's log, as the live hearing mode
 * writes them (vigil-store-observation-notes.h). Entries are only ever
 * added: a correction is a new entry.
 */
typedef struct
{
  char      *id;
  char      *observation_id;
  char      *case_id;
  gint64     version;
  GDateTime *noted_at;
  char      *monitor;
  char      *text;
} VigilObservationNote;

/**
 * VigilObservationData:
 * @standard_id: id of the standard, `[a-z0-9-]+`
 * @status: a #VigilObservationStatus nick
 * @severity: (nullable): one of vigil_observation_severities; only when the
 *   standard was not or only partly respected
 * @catalogue_version: the catalogue the standard id belongs to
 * @notes: (nullable): sealed under the case's key
 * @monitor: (nullable): who made or last changed it (the vault's actor)
 * @entries: (element-type VigilObservationNote): its timestamped notes,
 *   oldest first; filled by vigil_store_list_observations(), and written
 *   with the observation by vigil_store_add_observation()
 *
 * A monitor's finding on one standard at one hearing. @id and @version are
 * set by the store.
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *hearing_id;
  gint64     version;
  char      *standard_id;
  char      *status;
  char      *severity;
  char      *catalogue_version;
  char      *notes;
  char      *monitor;
  GPtrArray *entries;
} VigilObservationData;

/* The free functions wipe the sealed fields' text before freeing it. */
VigilObservationNote *vigil_observation_note_new  (void);
void                  vigil_observation_note_free (VigilObservationNote *note);
VigilObservationData *vigil_observation_data_new  (void);
void                  vigil_observation_data_free (VigilObservationData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilObservationNote, vigil_observation_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilObservationData, vigil_observation_data_free)

/* FALSE with VIGIL_ERROR_INVALID and a message that starts with the
 * field; @out_field (may be NULL) names the field as the interchange format
 * spells it. Ids are not checked here. */
gboolean vigil_observation_data_validate (const VigilObservationData *data,
                                          const char                **out_field,
                                          GError                    **error);

G_END_DECLS
