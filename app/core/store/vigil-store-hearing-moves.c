/* vigil-store-hearing-moves.c: the old times of hearings that moved
 *
 * A hearing that moves makes the measures arranged around its old time
 * useless; its history says what it was, so the agenda and the rules can
 * tell a moved hearing from a new one, and an export can say the old
 * event is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-ids.h"
#include "vigil-record-mapper.h"
#include "vigil-store-hearing-moves.h"

/* private helpers */

static const VigilField move_fields[] = {
  { "hearing_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilHearingMove, hearing_id) },
  { "old_starts_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilHearingMove, old_starts_at) },
  { "new_starts_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilHearingMove, new_starts_at) },
  { "moved_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilHearingMove, moved_at) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilHearingMove, monitor) },
  { NULL },
};

static const VigilRecordKind move_kind = {
  .table = "hearing_moves",
  .record_kind = "hearing_move",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "moved_at, rowid",
  .fields = move_fields,
  .struct_new = (gpointer (*) (void)) vigil_hearing_move_new,
  .struct_free = (GDestroyNotify) vigil_hearing_move_free,
  .id_offset = G_STRUCT_OFFSET (VigilHearingMove, id),
  .parent_offset = G_STRUCT_OFFSET (VigilHearingMove, case_id),
  .version_offset = G_STRUCT_OFFSET (VigilHearingMove, version),
  .not_found = N_("The move of the hearing does not exist"),
  .cannot_read = N_("The move of the hearing could not be read"),
  .cannot_read_list = N_("The moves of hearings could not be read"),
  .cannot_save = N_("The move of the hearing could not be saved"),
  .cannot_delete = N_("The move of the hearing could not be deleted"),
};

static gboolean
check_hearing_of_case (VigilStore *self, gpointer record, GError **error)
{
  VigilHearingMove *move = record;
  g_autofree char *hearing_case = vigil_store_case_of (self, "hearings", move->hearing_id, error);

  if (hearing_case == NULL)
    return FALSE;
  if (!g_str_equal (hearing_case, move->case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The hearing that moved belongs to another case"));
      return FALSE;
    }
  return TRUE;
}

/* private API (vigil-store-private.h) */

/* Called by the hearing's save, in its transaction, before the row
 * changes: keeps the stored time when @new_starts_at differs from it. */
gboolean
vigil_store_note_hearing_move (VigilStore *self,
                               const char *hearing_id,
                               const char *case_id,
                               GDateTime  *new_starts_at,
                               GError    **error)
{
  g_autoptr (VigilDbCached) find = NULL;
  g_autoptr (VigilHearingMove) move = NULL;
  g_autoptr (GDateTime) old = NULL;

  if (new_starts_at == NULL)
    return TRUE;
  find = vigil_store_find_row (self, "starts_at", "hearings", hearing_id, error);
  if (find == NULL)
    return FALSE;
  old = vigil_store_column_time (find->stmt, 0);
  g_clear_pointer (&find, vigil_db_cached_release);
  if (old == NULL || g_date_time_equal (old, new_starts_at))
    return TRUE;

  move = vigil_hearing_move_new ();
  move->hearing_id = g_strdup (hearing_id);
  move->case_id = g_strdup (case_id);
  move->old_starts_at = g_steal_pointer (&old);
  move->new_starts_at = g_date_time_to_utc (new_starts_at);
  move->moved_at = g_date_time_new_now_utc ();
  move->monitor = g_strdup (vigil_store_get_monitor (self));
  return vigil_record_create (self, &move_kind, move, NULL, NULL, error);
}

/* public API */

/**
 * vigil_store_add_hearing_move:
 *
 * Writes @move as it is (an imported history), setting its id and version.
 */
gboolean
vigil_store_add_hearing_move (VigilStore *self, VigilHearingMove *move, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (move != NULL && move->hearing_id != NULL && move->case_id != NULL, FALSE);
  g_return_val_if_fail (move->old_starts_at != NULL && move->new_starts_at != NULL, FALSE);

  if (move->moved_at == NULL)
    move->moved_at = g_date_time_new_now_utc ();
  return vigil_record_create (self, &move_kind, move, check_hearing_of_case, NULL, error);
}

/**
 * vigil_store_list_hearing_moves:
 *
 * Returns: (transfer full) (element-type VigilHearingMove): the moves of
 *   the case's hearings, oldest first
 */
GPtrArray *
vigil_store_list_hearing_moves (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &move_kind, case_id, error);
}
