/* vigil-live-window.h: live hearing mode, for the courtroom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-checklist.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_LIVE_WINDOW (vigil_live_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilLiveWindow, vigil_live_window, VIGIL, LIVE_WINDOW, AdwWindow)

/* Property "saved-entries" (guint): entries committed since the window
 * opened; it changes only after the vault has them on disk. */

GtkWidget     *vigil_live_window_new               (GtkWindow       *parent,
                                                    VigilChecklist  *checklist);
guint          vigil_live_window_get_saved_entries (VigilLiveWindow *self);
/* (nullable): the standard the keys act on. */
VigilStandard *vigil_live_window_get_current       (VigilLiveWindow *self);
/* (nullable): why the last entry was not saved. */
const char    *vigil_live_window_get_message       (VigilLiveWindow *self);

G_END_DECLS
