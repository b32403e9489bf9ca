/* vigil-page-cipher.c: page keys and the sealing of one page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-db"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "vigil-page-cipher.h"
#include "vigil-page-vfs-private.h"

#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES   crypto_aead_xchacha20poly1305_ietf_ABYTES
#define DATA_BYTES  (VIGIL_PAGE_SIZE - VIGIL_PAGE_CIPHER_RESERVE)

G_STATIC_ASSERT (NONCE_BYTES + TAG_BYTES == VIGIL_PAGE_CIPHER_RESERVE);
G_STATIC_ASSERT (crypto_aead_xchacha20poly1305_ietf_KEYBYTES == VIGIL_PAGE_KEY_BYTES);

/* Keys by canonical path. A file holds a reference to its entry, so a key
 * forgotten while a connection is still closing stays valid until then. */
static GMutex keys_lock;
static GHashTable *keys; /* path -> VigilPageKey */

struct _VigilPageKey
{
  gint    refs;
  guint   sets;
  guint8 *key; /* sodium_malloc */
};

/* Additional data: what the page is and where it belongs. Not the WAL's
 * salts: SQLite writes frames of a transaction that rewrote one of its own
 * frames with zeros there, and fills them in at the commit. */
typedef struct
{
  char    domain[8];
  guint8  pgno[4];
  guint8  frame_index[8];
} PageAd;

static void
page_ad (PageAd *ad, guint32 pgno, const guint8 *wal_frame_header, guint64 frame_index)
{
  memset (ad, 0, sizeof *ad);
  /* Both names with their NUL fill the 8 bytes. */
  memcpy (ad->domain, wal_frame_header != NULL ? "vgl-wal" : "vgl-db\0", 8);
  for (int i = 0; i < 4; i++)
    ad->pgno[i] = (guint8) (pgno >> (8 * i));
  if (wal_frame_header != NULL)
    for (int i = 0; i < 8; i++)
      ad->frame_index[i] = (guint8) (frame_index >> (8 * i));
}

static void
page_key_unref (VigilPageKey *entry)
{
  if (entry != NULL && g_atomic_int_dec_and_test (&entry->refs))
    {
      sodium_free (entry->key);
      g_free (entry);
    }
}

/* private API (vigil-page-vfs-private.h) */

VigilPageKey *
vigil_page_key_lookup (const char *canonical_path)
{
  VigilPageKey *entry = NULL;

  g_mutex_lock (&keys_lock);
  if (keys != NULL)
    entry = g_hash_table_lookup (keys, canonical_path);
  if (entry != NULL)
    g_atomic_int_inc (&entry->refs);
  g_mutex_unlock (&keys_lock);
  return entry;
}

const guint8 *
vigil_page_key_bytes (VigilPageKey *entry)
{
  return entry->key;
}

void
vigil_page_key_release (VigilPageKey *entry)
{
  page_key_unref (entry);
}

/* public API */

void
vigil_page_key_derive (const guint8 *master_key, guint8 out[VIGIL_PAGE_KEY_BYTES])
{
  crypto_kdf_derive_from_key (out, VIGIL_PAGE_KEY_BYTES, 3, "vigilpag", master_key);
}

void
vigil_page_key_set (const char *path, const guint8 *key)
{
  g_autofree char *canonical = vigil_page_vfs_canonical_path (path);
  VigilPageKey *entry;

  g_mutex_lock (&keys_lock);
  if (keys == NULL)
    keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) page_key_unref);
  entry = g_hash_table_lookup (keys, canonical);
  if (entry == NULL)
    {
      entry = g_new0 (VigilPageKey, 1);
      entry->refs = 1;
      entry->key = sodium_malloc (VIGIL_PAGE_KEY_BYTES);
      memcpy (entry->key, key, VIGIL_PAGE_KEY_BYTES);
      sodium_mprotect_readonly (entry->key);
      g_hash_table_insert (keys, g_steal_pointer (&canonical), entry);
    }
  else if (sodium_memcmp (entry->key, key, VIGIL_PAGE_KEY_BYTES) != 0)
    {
      /* Another vault now at the same path (a copy renamed over it): the
       * connections still open on the old one keep its key. */
      g_hash_table_steal (keys, canonical);
      page_key_unref (entry);
      g_mutex_unlock (&keys_lock);
      vigil_page_key_set (path, key);
      return;
    }
  entry->sets++;
  g_mutex_unlock (&keys_lock);
}

void
vigil_page_key_forget (const char *path)
{
  g_autofree char *canonical = vigil_page_vfs_canonical_path (path);
  VigilPageKey *entry;

  g_mutex_lock (&keys_lock);
  entry = keys != NULL ? g_hash_table_lookup (keys, canonical) : NULL;
  if (entry != NULL && --entry->sets == 0)
    g_hash_table_remove (keys, canonical);
  g_mutex_unlock (&keys_lock);
}

void
vigil_page_seal (const guint8 *key,
                 guint32       pgno,
                 const guint8 *wal_frame_header,
                 guint64       frame_index,
                 const guint8 *page,
                 guint8       *out)
{
  PageAd ad;
  guint8 *nonce = out + DATA_BYTES;
  guint8 *tag = nonce + NONCE_BYTES;

  page_ad (&ad, pgno, wal_frame_header, frame_index);
  randombytes_buf (nonce, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (out, tag, NULL, page, DATA_BYTES,
                                                       (const guint8 *) &ad, sizeof ad, NULL,
                                                       nonce, key);
}

gboolean
vigil_page_open (const guint8 *key,
                 guint32       pgno,
                 const guint8 *wal_frame_header,
                 guint64       frame_index,
                 guint8       *page)
{
  PageAd ad;
  guint8 nonce[NONCE_BYTES];
  guint8 tag[TAG_BYTES];

  page_ad (&ad, pgno, wal_frame_header, frame_index);
  memcpy (nonce, page + DATA_BYTES, NONCE_BYTES);
  memcpy (tag, page + DATA_BYTES + NONCE_BYTES, TAG_BYTES);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached (page, NULL, page, DATA_BYTES, tag,
                                                           (const guint8 *) &ad, sizeof ad,
                                                           nonce, key)
      != 0)
    return FALSE;
  /* SQLite hands back its pages with these bytes as it read them, and a
   * WAL frame's checksum covers them: zeros, as in a page SQLite made. */
  memset (page + DATA_BYTES, 0, VIGIL_PAGE_CIPHER_RESERVE);
  return TRUE;
}
