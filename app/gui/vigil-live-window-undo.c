/* vigil-live-window-undo.c: taking back a status or severity in live mode
 *
 * One stray key must not change a finding unnoticed: every change of a
 * status or severity shows, for a few seconds, what it replaced, and
 * Ctrl+Z or the Undo button puts that back, then the change before, and
 * so on. An undo is itself an entry: a new version in the vault, audited;
 * undoing a standard's first status takes it back altogether.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-live-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-enum-types.h"
#include "vigil-live-window-private.h"
#include "vigil-observation-row.h"

/* How long the value a change replaced stays on screen. */
#define UNDO_SHOWN_SECONDS 8

typedef struct
{
  char *standard_id;
  int   before_status; /* -1: nothing was recorded */
  char *before_severity;
  int   after_status;
  char *after_severity;
} Change;

static gboolean on_undo_shown (gpointer user_data);

/* private helpers */

static void
change_free (Change *change)
{
  g_free (change->standard_id);
  g_free (change->before_severity);
  g_free (change->after_severity);
  g_free (change);
}

/* "Not respected (grave)", as the list says it, for a status (-1: none)
 * and a severity. */
static char *
describe_value (int status, const char *severity)
{
  g_autoptr (VigilObservationData) value = vigil_observation_data_new ();

  if (status >= 0)
    value->status = g_strdup (vigil_enum_to_nick (VIGIL_TYPE_OBSERVATION_STATUS, status));
  value->severity = g_strdup (severity);
  return vigil_observation_row_describe (value);
}

static const char *
title_of (VigilLiveWindow *self, const char *standard_id)
{
  VigilStandard *standard =
    vigil_catalogue_lookup (vigil_checklist_get_catalogue (self->checklist), standard_id);

  return standard != NULL ? vigil_standard_get_title (standard) : standard_id;
}

/* Shows @text in the undo bar for a few seconds; with the Undo button
 * while there is something to undo. */
static void
show_undo (VigilLiveWindow *self, const char *text)
{
  gtk_label_set_label (self->undo_label, text);
  gtk_widget_set_visible (self->undo_button, self->changes->len > 0);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  g_clear_handle_id (&self->undo_source, g_source_remove);
  self->undo_source = g_timeout_add_seconds (UNDO_SHOWN_SECONDS, on_undo_shown, self);
}

/* callbacks */

static gboolean
on_undo_shown (gpointer user_data)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (user_data);

  self->undo_source = 0;
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* private API (vigil-live-window-private.h) */

void
_vigil_live_window_undo_init (VigilLiveWindow *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

void
_vigil_live_window_record_change (VigilLiveWindow *self,
                                  VigilStandard   *standard,
                                  int              before_status,
                                  const char      *before_severity,
                                  int              after_status,
                                  const char      *after_severity)
{
  Change *change;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;

  /* The same key twice changes nothing, and leaves nothing to undo. */
  if (before_status == after_status && g_strcmp0 (before_severity, after_severity) == 0)
    return;
  change = g_new0 (Change, 1);
  change->standard_id = g_strdup (vigil_standard_get_id (standard));
  change->before_status = before_status;
  change->before_severity = g_strdup (before_severity);
  change->after_status = after_status;
  change->after_severity = g_strdup (after_severity);
  g_ptr_array_add (self->changes, change);

  before = describe_value (before_status, before_severity);
  /* Translators: a standard, then the status it had before a key changed
   * it; Ctrl+Z or the Undo button beside it puts that back */
  text = g_strdup_printf (_("“%s” was: %s"), vigil_standard_get_title (standard), before);
  show_undo (self, text);
}

void
_vigil_live_window_undo (VigilLiveWindow *self)
{
  g_autoptr (GError) error = NULL;
  const VigilObservationData *observation;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  Change *change;
  gboolean done;

  if (self->changes->len == 0)
    {
      _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_HINT, _("Nothing to undo"));
      return;
    }
  change = g_ptr_array_index (self->changes, self->changes->len - 1);
  observation = vigil_checklist_get_observation (self->checklist, change->standard_id);
  /* The hearing page shares the checklist: a value changed there since is
   * not this window's to take back. */
  if (vigil_checklist_get_status (self->checklist, change->standard_id) != change->after_status
      || g_strcmp0 (observation != NULL ? observation->severity : NULL,
                    change->after_severity) != 0)
    {
      text = g_strdup_printf (_("Nothing undone: “%s” was changed elsewhere since"),
                              title_of (self, change->standard_id));
      g_ptr_array_remove_index (self->changes, self->changes->len - 1);
      _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_HINT, text);
      return;
    }

  /* What comes back is shown where it happens. */
  _vigil_live_window_select_standard (self, change->standard_id);
  if (change->before_status < 0)
    done = vigil_checklist_clear_status (self->checklist, change->standard_id, &error);
  else
    done = vigil_checklist_set_status (self->checklist, change->standard_id,
                                       (VigilObservationStatus) change->before_status,
                                       change->before_severity, &error);
  if (!done)
    {
      /* Kept, to try again. */
      /* Translators: why an undo failed */
      text = g_strdup_printf (_("Not undone: %s"), error->message);
      _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_ERROR, text);
      return;
    }
  _vigil_live_window_entry_saved (self);
  value = describe_value (change->before_status, change->before_severity);
  /* Translators: a standard, then the status an undo gave back to it */
  text = g_strdup_printf (_("Undone. “%s” is back to: %s"),
                          title_of (self, change->standard_id), value);
  g_ptr_array_remove_index (self->changes, self->changes->len - 1);
  show_undo (self, text);
}
