/* vigil-page-cipher.h: every page of a vault encrypted and authenticated
 *
 * A vault file is a plain header of key slots (VIGIL_PAGE_FILE_OFFSET
 * bytes, vigil-vault-header.h) followed by SQLite's pages, each encrypted
 * with XChaCha20-Poly1305 under a page key derived from the master key.
 * SQLite reserves VIGIL_PAGE_CIPHER_RESERVE bytes at the end of each page:
 * there go the nonce and the tag. The additional data binds each page to
 * its number, and a WAL frame also to its place in the log, so no page can
 * be moved or swapped. (A frame's place within one generation of the log
 * is also held by SQLite's checksums, which run from frame to frame over
 * the pages before they are sealed.)
 *
 * Without the key a vault shows its size and its key slots: no table name,
 * no value, not even "SQLite format 3", and a plain sqlite3 cannot open it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every encrypted vault has pages of this size. */
#define VIGIL_PAGE_SIZE            4096
/* The nonce (24 bytes) and the tag (16 bytes) at the end of each page. */
#define VIGIL_PAGE_CIPHER_RESERVE  40
/* Where SQLite's first page starts in an encrypted vault file. */
#define VIGIL_PAGE_FILE_OFFSET     8192
#define VIGIL_PAGE_KEY_BYTES       32
/* A WAL's header and each frame's header, before its page. */
#define VIGIL_WAL_HEADER_BYTES       32
#define VIGIL_WAL_FRAME_HEADER_BYTES 24

/* Derives the page key of a vault from its master key. */
void     vigil_page_key_derive   (const guint8 *master_key,
                                  guint8        out[VIGIL_PAGE_KEY_BYTES]);

/* Makes @key the page key of the vault file at @path (and its WAL) for
 * every connection this process opens through the page VFS, until as many
 * vigil_page_key_forget() calls as vigil_page_key_set() ones. The key is
 * copied into guarded memory. */
void     vigil_page_key_set      (const char   *path,
                                  const guint8 *key);
void     vigil_page_key_forget   (const char   *path);

/* Encrypts @page (VIGIL_PAGE_SIZE bytes, the reserved tail ignored) into
 * @out as page @pgno of the main file, or, with @wal_frame_header, as the
 * page of that WAL frame, the @frame_index-th of the log. */
void     vigil_page_seal         (const guint8 *key,
                                  guint32       pgno,
                                  const guint8 *wal_frame_header,
                                  guint64       frame_index,
                                  const guint8 *page,
                                  guint8       *out);
/* The reverse, in place. FALSE when the page is not what was sealed there:
 * damaged, altered, moved or sealed under another key. */
gboolean vigil_page_open         (const guint8 *key,
                                  guint32       pgno,
                                  const guint8 *wal_frame_header,
                                  guint64       frame_index,
                                  guint8       *page);

G_END_DECLS
