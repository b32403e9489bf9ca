/* vigil-store-hearing-moves.h: the old times of hearings that moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-hearing-move.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Writes @move (its hearing of its case) as a record of its own: for an
 * import, which brings the history as it was. Saving a hearing with a new
 * time writes its move by itself. */
gboolean   vigil_store_add_hearing_move    (VigilStore        *self,
                                            VigilHearingMove  *move,
                                            GError           **error);
/* Element type VigilHearingMove: the moves of every hearing of the case,
 * oldest first. */
GPtrArray *vigil_store_list_hearing_moves  (VigilStore        *self,
                                            const char        *case_id,
                                            GError           **error);

G_END_DECLS
