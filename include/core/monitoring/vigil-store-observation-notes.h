/* vigil-store-observation-notes.h: recording observations as they happen
 *
 * What the live hearing mode calls, once per entry the monitor makes: set
 * the status (and severity) of a standard at a hearing, or append one
 * timestamped note to it. Each call is one transaction, committed to disk
 * (the vault runs with synchronous=FULL) before it returns: when it
 * returns an id, the entry survives a crash, a closed lid or kill -9. Each
 * writes the record with its version and its audit entry in that
 * transaction, and reads only the one observation it changes.
 *
 * Observations are found by (hearing, standard): the first call for a
 * standard at a hearing creates the observation. A note on a standard
 * whose status was not set yet creates it as "could not be observed"
 * until the monitor sets one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-catalogue.h"
#include "vigil-store-observations.h"

G_BEGIN_DECLS

/* The longest note, in characters. */
#define VIGIL_OBSERVATION_NOTE_MAX 10000

/* Sets the status of @standard_id at @hearing_id, creating the observation
 * or bumping its version; the observation takes @catalogue's version and
 * the vault's actor as its monitor. @severity: minor, serious, grave or
 * NULL, only with partly or not respected. Returns the observation's id,
 * or NULL with VIGIL_ERROR_INVALID (a standard @catalogue does not know, a
 * severity that does not fit), VIGIL_ERROR_NOT_FOUND (no such hearing),
 * VIGIL_ERROR_LOCKED or VIGIL_ERROR_IO. */
char      *vigil_store_set_observation_status  (VigilStore             *self,
                                                VigilCatalogue         *catalogue,
                                                const char             *hearing_id,
                                                const char             *standard_id,
                                                VigilObservationStatus  status,
                                                const char             *severity,
                                                GError                **error);
/* Takes back the status of @standard_id at @hearing_id, as if none had
 * been set: the undo of a standard's first status. An observation nothing
 * else was written to is deleted, with its audit entry; one with notes
 * keeps them and goes back to "could not be observed", the status a note
 * alone gives it. Nothing recorded is nothing to do. FALSE with
 * VIGIL_ERROR_LOCKED or VIGIL_ERROR_IO. */
gboolean   vigil_store_clear_observation_status (VigilStore            *self,
                                                 VigilCatalogue        *catalogue,
                                                 const char            *hearing_id,
                                                 const char            *standard_id,
                                                 GError               **error);
/* Appends a note (sealed under the case's key) to the observation of
 * @standard_id at @hearing_id, written at @noted_at (NULL: now; never
 * before 1990 nor more than a day ahead). Returns the note's id, or NULL
 * with VIGIL_ERROR_INVALID for an empty or too long text, and the errors
 * above. */
char      *vigil_store_append_observation_note (VigilStore             *self,
                                                VigilCatalogue         *catalogue,
                                                const char             *hearing_id,
                                                const char             *standard_id,
                                                GDateTime              *noted_at,
                                                const char             *text,
                                                GError                **error);
/* FALSE with VIGIL_ERROR_INVALID for an empty or too long text, a missing
 * or impossible time, or a monitor that is not a name; @out_field (may be
 * NULL) names the field as the interchange format spells it ("text",
 * "noted_at", "monitor"). */
gboolean   vigil_observation_note_validate     (const VigilObservationNote *note,
                                                const char            **out_field,
                                                GError                **error);
/* Element type VigilObservationNote: the notes of one observation, oldest
 * first. */
GPtrArray *vigil_store_list_observation_notes  (VigilStore             *self,
                                                const char             *observation_id,
                                                GError                **error);


G_END_DECLS
