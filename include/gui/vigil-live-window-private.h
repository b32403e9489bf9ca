/* vigil-live-window-private.h: what the files of live mode share
 *
 * The window is vigil-live-window.c; taking back a status or severity is
 * vigil-live-window-undo.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-live-window.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_LIVE_MESSAGE_ERROR,
  VIGIL_LIVE_MESSAGE_HINT,
  VIGIL_LIVE_MESSAGE_NOTE, /* about the note typed: shown beside it */
} VigilLiveMessage;

struct _VigilLiveWindow
{
  AdwWindow       parent_instance;

  /* template children */
  GtkLabel       *clock_label;
  GtkLabel       *saved_label;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  AdwFlap        *flap;
  GtkListBox     *standards_list;
  GtkLabel       *hearing_label;
  GtkLabel       *category_label;
  GtkLabel       *title_label;
  GtkLabel       *look_for_label;
  GtkLabel       *status_label;
  GtkListBox     *notes_list;
  GtkEntry       *note_entry;
  GtkLabel       *note_message_label;
  GtkRevealer    *undo_revealer;
  GtkLabel       *undo_label;
  GtkWidget      *undo_button;

  VigilChecklist *checklist;
  guint           saved_entries;
  char           *message;
  guint           clock_source;
  GPtrArray      *changes; /* what undo takes back, oldest first */
  guint           undo_source;
};

/* vigil-live-window.c */

/* Shows @text, or no message for NULL. */
void _vigil_live_window_show_message    (VigilLiveWindow  *self,
                                         VigilLiveMessage  kind,
                                         const char       *text);
/* Counts an entry committed, says so, and clears the message. */
void _vigil_live_window_entry_saved     (VigilLiveWindow  *self);
void _vigil_live_window_select_standard (VigilLiveWindow  *self,
                                         const char       *standard_id);

/* vigil-live-window-undo.c */

void _vigil_live_window_undo_init       (VigilLiveWindow  *self);
/* After a key set @standard's status and severity (committed): keeps what
 * they were (@before_status -1: nothing recorded) to undo, and shows it
 * for a few seconds with the Undo button. */
void _vigil_live_window_record_change   (VigilLiveWindow  *self,
                                         VigilStandard    *standard,
                                         int               before_status,
                                         const char       *before_severity,
                                         int               after_status,
                                         const char       *after_severity);
/* Takes back the last change recorded, as a new entry. */
void _vigil_live_window_undo            (VigilLiveWindow  *self);

G_END_DECLS
