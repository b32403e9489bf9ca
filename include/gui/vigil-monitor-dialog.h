/* vigil-monitor-dialog.h: "Who is monitoring?", asked once per key slot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_MONITOR_DIALOG (vigil_monitor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilMonitorDialog, vigil_monitor_dialog, VIGIL, MONITOR_DIALOG,
                      AdwMessageDialog)

/* Asks the name of whoever unlocked @store's vault and keeps it with the
 * key slot they unlocked it with (vigil_store_set_monitor()); "Later"
 * leaves it to the next unlock. */
GtkWidget *vigil_monitor_dialog_new (GtkWindow  *parent,
                                     VigilStore *store);

G_END_DECLS
