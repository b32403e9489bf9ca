/* vigil-vault-header.c: the key slots, in clear, before a vault's pages
 *
 * A copy, all numbers little-endian:
 *
 *   0   8  magic "VIGILVLT"
 *   8   4  file format (2)
 *   12  4  page size
 *   16  4  bytes reserved per page
 *   20  8  generation
 *   28  4  number of slots
 *   32     slots, each: id 8, opslimit 8, memlimit 8, salt 16, wrapped
 *          key 72, slot checksum 32
 *   4064 32 BLAKE2b-256 of the 4064 bytes before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "vigil-error.h"
#include "vigil-page-cipher.h"
#include "vigil-page-vfs.h"
#include "vigil-vault-header.h"

#define MAGIC         "VIGILVLT"
#define SLOTS_OFFSET  32
#define SLOT_BYTES    (8 + 8 + 8 + 16 + 72 + 32)
#define SUM_OFFSET    (VIGIL_VAULT_HEADER_COPY_BYTES - 32)

G_STATIC_ASSERT (2 * VIGIL_VAULT_HEADER_COPY_BYTES == VIGIL_PAGE_FILE_OFFSET);
G_STATIC_ASSERT (SLOTS_OFFSET + VIGIL_VAULT_HEADER_MAX_SLOTS * SLOT_BYTES <= SUM_OFFSET);

/* private helpers */

static void
put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint32
get_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
encode_copy (const VigilVaultHeader *header, guint8 *copy)
{
  memset (copy, 0, VIGIL_VAULT_HEADER_COPY_BYTES);
  memcpy (copy, MAGIC, 8);
  put_u32 (copy + 8, VIGIL_VAULT_FILE_FORMAT);
  put_u32 (copy + 12, VIGIL_PAGE_SIZE);
  put_u32 (copy + 16, VIGIL_PAGE_CIPHER_RESERVE);
  put_u64 (copy + 20, header->generation);
  put_u32 (copy + 28, header->n_slots);
  for (guint i = 0; i < header->n_slots; i++)
    {
      const VigilHeaderSlot *slot = &header->slots[i];
      guint8 *p = copy + SLOTS_OFFSET + i * SLOT_BYTES;

      put_u64 (p, (guint64) slot->id);
      put_u64 (p + 8, slot->opslimit);
      put_u64 (p + 16, slot->memlimit);
      memcpy (p + 24, slot->salt, 16);
      memcpy (p + 40, slot->wrapped, 72);
      memcpy (p + 112, slot->checksum, 32);
    }
  crypto_generichash (copy + SUM_OFFSET, 32, copy, SUM_OFFSET, NULL, 0);
}

typedef enum
{
  COPY_WHOLE,
  COPY_DAMAGED,
  COPY_NEWER,
} CopyState;

static CopyState
decode_copy (const guint8 *copy, VigilVaultHeader *out)
{
  guint8 sum[32];

  crypto_generichash (sum, sizeof sum, copy, SUM_OFFSET, NULL, 0);
  if (memcmp (copy, MAGIC, 8) != 0 || sodium_memcmp (sum, copy + SUM_OFFSET, 32) != 0)
    return COPY_DAMAGED;
  if (get_u32 (copy + 8) > VIGIL_VAULT_FILE_FORMAT)
    return COPY_NEWER;
  if (get_u32 (copy + 8) != VIGIL_VAULT_FILE_FORMAT || get_u32 (copy + 12) != VIGIL_PAGE_SIZE
      || get_u32 (copy + 16) != VIGIL_PAGE_CIPHER_RESERVE
      || get_u32 (copy + 28) > VIGIL_VAULT_HEADER_MAX_SLOTS)
    return COPY_DAMAGED;
  memset (out, 0, sizeof *out);
  out->generation = get_u64 (copy + 20);
  out->n_slots = get_u32 (copy + 28);
  for (guint i = 0; i < out->n_slots; i++)
    {
      VigilHeaderSlot *slot = &out->slots[i];
      const guint8 *p = copy + SLOTS_OFFSET + i * SLOT_BYTES;

      slot->id = (gint64) get_u64 (p);
      slot->opslimit = get_u64 (p + 8);
      slot->memlimit = get_u64 (p + 16);
      memcpy (slot->salt, p + 24, 16);
      memcpy (slot->wrapped, p + 40, 72);
      memcpy (slot->checksum, p + 112, 32);
    }
  return COPY_WHOLE;
}

/* @what says what failed, with the path and the reason at its end. */
static gboolean
set_io_error (GError **error, const char *what, const char *path, int saved)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, "%s %s: %s", what, path, g_strerror (saved));
  return FALSE;
}

static gboolean
write_all_at (int fd, const guint8 *data, gsize len, off_t offset)
{
  while (len > 0)
    {
      ssize_t n = pwrite (fd, data, len, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
      offset += n;
    }
  return TRUE;
}

/* public API */

gboolean
vigil_vault_header_read (const char          *path,
                         VigilVaultFileKind  *out_kind,
                         VigilVaultHeader    *out,
                         GError             **error)
{
  guint8 data[2 * VIGIL_VAULT_HEADER_COPY_BYTES];
  VigilVaultHeader copies[2];
  CopyState states[2];
  gssize got = 0;
  gsize done = 0;
  int saved = 0;

  memset (out, 0, sizeof *out);
  if (!vigil_page_vfs_file_io (path, FALSE, data, sizeof data, 0, &done, &saved))
    {
      if (saved == ENOENT)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND, _("There is no vault at %s"),
                       path);
          return FALSE;
        }
      return set_io_error (error, _("Could not read"), path, saved);
    }
  got = (gssize) done;

  if (got >= 100 && memcmp (data, "SQLite format 3", 16) == 0)
    {
      *out_kind = VIGIL_VAULT_FILE_LEGACY;
      return TRUE;
    }
  if (got < (gssize) sizeof data)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("%s is not a Vigil vault, or its beginning is damaged"), path);
      return FALSE;
    }
  states[0] = decode_copy (data, &copies[0]);
  states[1] = decode_copy (data + VIGIL_VAULT_HEADER_COPY_BYTES, &copies[1]);
  if (states[0] == COPY_NEWER || states[1] == COPY_NEWER)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT,
                   _("This vault was written by a newer version of Vigil. Update Vigil to open "
                     "it."));
      return FALSE;
    }
  if (states[0] != COPY_WHOLE && states[1] != COPY_WHOLE)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("%s is not a Vigil vault, or the header that holds its key slots is "
                     "damaged"),
                   path);
      return FALSE;
    }
  if (states[1] != COPY_WHOLE
      || (states[0] == COPY_WHOLE && copies[0].generation >= copies[1].generation))
    *out = copies[0];
  else
    *out = copies[1];
  *out_kind = VIGIL_VAULT_FILE_ENCRYPTED;
  sodium_memzero (data, sizeof data);
  return TRUE;
}

gboolean
vigil_vault_header_create (const char *path, VigilVaultHeader *header, GError **error)
{
  guint8 data[2 * VIGIL_VAULT_HEADER_COPY_BYTES];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  gboolean ok;

  if (fd < 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                       _("A file already exists at %s; Vigil will not write over it"), path);
          return FALSE;
        }
      return set_io_error (error, _("Could not create"), path, saved);
    }
  /* Generation g lives in copy g % 2: both copies the same, the newer in
   * the second, so the next write goes over the first. */
  header->generation = 0;
  encode_copy (header, data);
  header->generation = 1;
  encode_copy (header, data + VIGIL_VAULT_HEADER_COPY_BYTES);
  ok = write_all_at (fd, data, sizeof data, 0) && fsync (fd) == 0;
  if (!ok)
    {
      int saved = errno;

      close (fd);
      g_unlink (path);
      return set_io_error (error, _("Could not write"), path, saved);
    }
  close (fd);
  return TRUE;
}

gboolean
vigil_vault_header_write (const char *path, VigilVaultHeader *header, GError **error)
{
  VigilVaultHeader current;
  VigilVaultFileKind kind;
  guint8 copy[VIGIL_VAULT_HEADER_COPY_BYTES];

  if (!vigil_vault_header_read (path, &kind, &current, error))
    return FALSE;
  g_return_val_if_fail (kind == VIGIL_VAULT_FILE_ENCRYPTED, FALSE);
  /* First over the older copy, then over the other: a crash between the
   * two leaves the newer whole, and after both no copy keeps a slot that
   * was changed or removed, whose passphrase may be the reason. */
  for (int step = 1; step <= 2; step++)
    {
      int saved = 0;

      header->generation = current.generation + (guint64) step;
      encode_copy (header, copy);
      if (!vigil_page_vfs_file_io (path, TRUE, copy, sizeof copy,
                                   (gint64) (header->generation % 2)
                                     * VIGIL_VAULT_HEADER_COPY_BYTES,
                                   NULL, &saved))
        return set_io_error (error, _("Could not write the key slots of"), path, saved);
    }
  return TRUE;
}

gboolean
vigil_vault_header_same_slots (const VigilVaultHeader *a, const VigilVaultHeader *b)
{
  if (a->n_slots != b->n_slots)
    return FALSE;
  for (guint i = 0; i < a->n_slots; i++)
    {
      const VigilHeaderSlot *x = &a->slots[i], *y = &b->slots[i];

      if (x->id != y->id || x->opslimit != y->opslimit || x->memlimit != y->memlimit
          || memcmp (x->salt, y->salt, sizeof x->salt) != 0
          || memcmp (x->wrapped, y->wrapped, sizeof x->wrapped) != 0
          || memcmp (x->checksum, y->checksum, sizeof x->checksum) != 0)
        return FALSE;
    }
  return TRUE;
}
