/* vigil-wal-check.h: a damaged frame in the middle of a vault's WAL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the WAL beside the vault at @path, if there is one, as SQLite
 * would. SQLite ends the log at the first frame that fails its checksum,
 * as after a crash; but when two or more commits follow that frame, the
 * first of them was synced before the next began, so the frame was whole
 * once: the file was damaged, and opening would silently drop committed
 * changes. FALSE with VIGIL_ERROR_DAMAGED then, or VIGIL_ERROR_IO when the
 * WAL cannot be read; TRUE otherwise. Reads only. With @page_key, the
 * vault is encrypted (vigil-page-cipher.h) and its frames are opened with
 * it first; NULL for a vault of the earlier format. */
gboolean vigil_wal_check (const char    *path,
                          const guint8  *page_key,
                          GError       **error);

G_END_DECLS
