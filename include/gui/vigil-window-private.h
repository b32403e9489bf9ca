/* vigil-window-private.h: the idle clock, open to the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-window.h"

G_BEGIN_DECLS

/* Whether a vault idle since @last_activity_us (monotonic microseconds)
 * is due to lock at @now_us, with auto-lock after @minutes (0: never). */
gboolean vigil_auto_lock_due        (gint64       now_us,
                                     gint64       last_activity_us,
                                     guint        minutes);

/* Runs the idle check as if the monotonic clock read @now_us; locks the
 * window when it is due. Returns whether it locked. */
gboolean vigil_window_idle_check_at (VigilWindow *self,
                                     gint64       now_us);
/* When the last key or pointer event reached the window (monotonic). */
gint64   vigil_window_get_last_activity (VigilWindow *self);

G_END_DECLS
