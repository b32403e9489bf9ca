/* vigil-file.h: writing a file that leaves the vault, all or nothing
 *
 * Exports and reports are written the same way: to a temporary file of
 * mode 0600 beside the target, flushed to disk and renamed over it, so
 * that a reader sees the old file or the whole new one, a crash leaves no
 * half-written file, and no one else on the computer can read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FALSE with VIGIL_ERROR_INVALID when @path exists and is not an ordinary
 * file (a link, a device, a folder): the rename would replace the link
 * itself, and /dev/stdout would become a file. Check before the work that
 * makes the contents. */
gboolean vigil_file_check_target  (const char  *path,
                                   GError     **error);
/* Writes @length bytes of @data to @path atomically with mode 0600 and
 * syncs its folder. FALSE with VIGIL_ERROR_INVALID (see above) or
 * VIGIL_ERROR_IO, naming @path, never the temporary file. */
gboolean vigil_file_write_atomic  (const char  *path,
                                   const void  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
