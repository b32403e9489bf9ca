/* vigil-page-vfs-private.h: what the page VFS and the page keys share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VigilPageKey VigilPageKey;

/* The path SQLite would name the file by. */
char         *vigil_page_vfs_canonical_path (const char   *path);

/* A reference to the page key of the vault at @canonical_path, or NULL. */
VigilPageKey *vigil_page_key_lookup         (const char   *canonical_path);
const guint8 *vigil_page_key_bytes          (VigilPageKey *entry);
void          vigil_page_key_release        (VigilPageKey *entry);

G_END_DECLS
