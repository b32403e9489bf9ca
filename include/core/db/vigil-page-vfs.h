/* vigil-page-vfs.h: the SQLite VFS every vault file is opened through
 *
 * It wraps the default VFS and looks after each page of a vault:
 *
 * - an encrypted vault (vigil-page-cipher.h) whose page key this process
 *   holds: its main file is shifted past the key-slot header, and every
 *   page of it and every page in its WAL is sealed on write and opened
 *   and authenticated on read, where a failure is SQLITE_IOERR_DATA;
 * - a vault of the earlier format, read once to be moved to the encrypted
 *   one: each page ends with an 8-byte checksum, written with the page and
 *   checked on each read. That checksum finds damage, not an attacker.
 *
 * Any other file passes through unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name to open vault files with (sqlite3_open_v2's last argument). */
#define VIGIL_PAGE_VFS "vigil-page"
/* Bytes a vault of the earlier format leaves at the end of each page for
 * the checksum. */
#define VIGIL_PAGE_CHECKSUM_BYTES 8

/* Registers the VFS once; later calls do nothing. */
void     vigil_page_vfs_register (void);

/* Reads (at most @len bytes, @out_done says how many) or writes and syncs
 * @len bytes at @offset of the file at @path, in the file's own bytes (a
 * vault's key-slot header), through SQLite's handle of it. A descriptor of
 * its own would do, but closing it would drop every lock this process
 * holds on the file through its connections, as POSIX locks go: another
 * process would then checkpoint and remove the WAL under them. FALSE with
 * @out_errno set when the file cannot be opened, read or written. */
gboolean vigil_page_vfs_file_io (const char *path,
                                 gboolean    write,
                                 guint8     *data,
                                 gsize       len,
                                 gint64      offset,
                                 gsize      *out_done,
                                 int        *out_errno);

G_END_DECLS
