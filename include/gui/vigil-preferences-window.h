/* vigil-preferences-window.h: the settings a person can change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PREFERENCES_WINDOW (vigil_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window, VIGIL,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *vigil_preferences_window_new       (GtkWindow              *parent);
/* The vault whose monitor's name the window shows and changes; NULL (the
 * vault is locked) hides it. */
void       vigil_preferences_window_set_store (VigilPreferencesWindow *self,
                                               VigilStore             *store);

G_END_DECLS
