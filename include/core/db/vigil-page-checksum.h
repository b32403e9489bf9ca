/* vigil-page-checksum.h: a checksum on every page of a vault file
 *
 * SQLite checks a file's structure but not the bytes of the values in it:
 * a flipped bit in a court's name, a record's parent id or an amount reads
 * back as a different value, without error. Every page of a vault
 * therefore ends with an 8-byte checksum, kept by an SQLite VFS that wraps
 * the default one: it writes the checksum with each page and checks it on
 * each read, where a mismatch is SQLITE_IOERR_DATA. Pages in the WAL are
 * covered by SQLite's own frame checksums until they are checkpointed.
 *
 * The checksum finds damage, not an attacker: it has no key, because the
 * key slots must be read before any key is known. Tampering is what the
 * sealed values and the audit chain are for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name to open vault files with (sqlite3_open_v2's last argument). */
#define VIGIL_PAGE_CHECKSUM_VFS "vigil-checksum"
/* Bytes SQLite leaves at the end of each page for the checksum. */
#define VIGIL_PAGE_CHECKSUM_BYTES 8

/* Registers the VFS once; later calls do nothing. */
void vigil_page_checksum_register (void);

G_END_DECLS
