/* vigil-hearing-move.c: a hearing's time changed, kept as history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include "vigil-hearing-move.h"

/* public API */

VigilHearingMove *
vigil_hearing_move_new (void)
{
  return g_new0 (VigilHearingMove, 1);
}

void
vigil_hearing_move_free (VigilHearingMove *move)
{
  if (move == NULL)
    return;
  g_free (move->id);
  g_free (move->hearing_id);
  g_free (move->case_id);
  g_clear_pointer (&move->old_starts_at, g_date_time_unref);
  g_clear_pointer (&move->new_starts_at, g_date_time_unref);
  g_clear_pointer (&move->moved_at, g_date_time_unref);
  g_free (move->monitor);
  g_free (move);
}
