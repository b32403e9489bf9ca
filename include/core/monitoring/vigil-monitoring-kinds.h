/* vigil-monitoring-kinds.h: the record kinds of what a monitor records,
 * shared by the files of the monitoring layer
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-record-mapper.h"

G_BEGIN_DECLS

/* VigilObservationData rows (vigil-store-observations.c). */
extern const VigilRecordKind vigil_observation_kind;
/* VigilObservationNote rows: the timestamped notes of live mode
 * (vigil-store-observation-notes.c). */
extern const VigilRecordKind vigil_observation_note_kind;

G_END_DECLS
