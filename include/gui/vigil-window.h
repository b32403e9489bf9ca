/* vigil-window.h: the main window, from unlock to lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"
#include "vigil-unlock-page.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_WINDOW (vigil_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilWindow, vigil_window, VIGIL, WINDOW, AdwApplicationWindow)

/* Properties: "vault-path" (construct-only; NULL for the default vault),
 * "store" (read-only; NULL while locked), "locked" (read-only). */
VigilWindow     *vigil_window_new             (GtkApplication *application,
                                               const char     *vault_path);
VigilUnlockPage *vigil_window_get_unlock_page (VigilWindow    *self);
VigilStore      *vigil_window_get_store       (VigilWindow    *self);
gboolean         vigil_window_get_locked      (VigilWindow    *self);
/* Drops the store, locks the vault (wiping its keys) and shows the unlock
 * page again. Does nothing when already locked. */
void             vigil_window_lock            (VigilWindow    *self);
/* The Protection agenda, now or once unlocked. */
void             vigil_window_show_protection (VigilWindow    *self);
gboolean         vigil_window_get_showing_protection (VigilWindow *self);
/* Counts key and pointer use in @other (an editor or a dialog of this
 * window) as activity, so the vault does not lock under someone typing. */
void             vigil_window_watch_activity  (VigilWindow    *self,
                                               GtkWindow      *other);
/* A message that must not be lost, as a toast over the window. */
void             vigil_window_add_toast       (VigilWindow    *self,
                                               AdwToast       *toast);

G_END_DECLS
