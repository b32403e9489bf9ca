/* vigil-store-observations.h: a monitor's findings at a hearing, in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-observation.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Creates the record (version 1), setting @data's id and version; an
 * observation's @entries are written with it, as they are (their times
 * and monitors kept), each with its id set. The hearing, person and case
 * must exist and belong together. */
gboolean   vigil_store_add_observation        (VigilStore           *self,
                                               VigilObservationData *data,
                                               GError              **error);
/* Element type VigilObservationData, in the order they were made, each
 * with its timestamped notes (@entries). */
GPtrArray *vigil_store_list_observations       (VigilStore          *self,
                                                const char          *hearing_id,
                                                GError             **error);

G_END_DECLS
