/* vigil-hearing-move.h: a hearing's time changed, kept as history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VigilHearingMove:
 * @old_starts_at: the time the hearing had, UTC
 * @new_starts_at: the time it was given, UTC
 * @moved_at: when the change was saved, UTC
 * @monitor: (nullable): who saved it
 */
typedef struct
{
  char      *id;
  char      *hearing_id;
  char      *case_id;
  gint64     version;
  GDateTime *old_starts_at;
  GDateTime *new_starts_at;
  GDateTime *moved_at;
  char      *monitor;
} VigilHearingMove;

VigilHearingMove *vigil_hearing_move_new  (void);
void              vigil_hearing_move_free (VigilHearingMove *move);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilHearingMove, vigil_hearing_move_free)

G_END_DECLS
