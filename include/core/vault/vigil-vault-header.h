/* vigil-vault-header.h: the key slots, in clear, before a vault's pages
 *
 * An encrypted vault (vigil-page-cipher.h) starts with this header: the key
 * slots are what a passphrase opens, so they are read before any key is
 * known. It holds nothing else: no label, no name, no date. The slots are
 * kept inside the vault too (the key_slots table), and that copy, under the
 * page key, is the one that counts: after an unlock the header is compared
 * with it, which tells an altered slot from a wrong passphrase.
 *
 * The header is two copies of VIGIL_VAULT_HEADER_COPY_BYTES, each with a
 * generation and a checksum; a write goes to the older copy and is synced,
 * so a crash in the middle of one leaves the other whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_VAULT_HEADER_MAX_SLOTS 16
#define VIGIL_VAULT_HEADER_COPY_BYTES 4096
#define VIGIL_VAULT_FILE_FORMAT 2

typedef struct
{
  gint64  id;
  guint64 opslimit;
  guint64 memlimit;
  guint8  salt[16];
  guint8  wrapped[72];
  guint8  checksum[32];
} VigilHeaderSlot;

typedef struct
{
  guint64         generation;
  guint           n_slots;
  VigilHeaderSlot slots[VIGIL_VAULT_HEADER_MAX_SLOTS];
} VigilVaultHeader;

typedef enum
{
  VIGIL_VAULT_FILE_ENCRYPTED,
  /* A vault of the earlier format: plain SQLite pages with checksums. */
  VIGIL_VAULT_FILE_LEGACY,
} VigilVaultFileKind;

/* Reads the header of the vault at @path. A file of the earlier format is
 * VIGIL_VAULT_FILE_LEGACY and leaves @out empty. Errors: NOT_FOUND, IO,
 * DAMAGED (not a vault, or both copies damaged), NEWER_FORMAT. */
gboolean vigil_vault_header_read    (const char              *path,
                                     VigilVaultFileKind      *out_kind,
                                     VigilVaultHeader        *out,
                                     GError                 **error);
/* Creates the file at @path, mode 0600, holding only the header; fails
 * with EXISTS if there is a file there. */
gboolean vigil_vault_header_create  (const char              *path,
                                     VigilVaultHeader        *header,
                                     GError                 **error);
/* Writes @header over the older copy of an existing vault's header and
 * syncs it, then the other copy: no copy keeps an earlier slot. */
gboolean vigil_vault_header_write   (const char              *path,
                                     VigilVaultHeader        *header,
                                     GError                 **error);
gboolean vigil_vault_header_same_slots (const VigilVaultHeader *a,
                                        const VigilVaultHeader *b);

G_END_DECLS
