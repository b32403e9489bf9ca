/* vigil-window-interchange.h: importing and exporting interchange files
 * from the main window
 *
 * The window's "win.import" and "win.export" actions ask for a file and
 * then call these. They are open to the tests, which cannot click through
 * a file chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-interchange.h"
#include "vigil-window.h"

G_BEGIN_DECLS

/* Asks for a file to import, then goes on as vigil_window_import_file(). */
void vigil_window_choose_import (VigilWindow     *self);
/* Asks whether identities go into the file and where to write it, then
 * goes on as vigil_window_export_file(). */
void vigil_window_choose_export (VigilWindow     *self);

/* Checks the whole of @file first. A file with problems is refused in a
 * dialog that lists them by their JSON path; otherwise a dialog says what
 * the file holds and imports it, all or nothing, when confirmed. */
void vigil_window_import_file   (VigilWindow     *self,
                                 GFile           *file);
/* Writes every case of the vault to @file (atomically) and says so in a
 * toast; a failure is shown in a dialog and leaves @file as it was. */
void vigil_window_export_file   (VigilWindow     *self,
                                 GFile           *file,
                                 VigilExportFlags flags);

G_END_DECLS
