/* vigil-vault-seal.c: data keys, and sealing values under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-vault-internal.h"

#define KEY_BYTES     crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES   crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES     crypto_aead_xchacha20poly1305_ietf_ABYTES
#define SEAL_FORMAT   0x01
/* Lengths are rounded up to this, so a sealed name does not tell how long
 * the name is. */
#define PAD_BLOCK     64

/* private helpers */

static const char *
owner_kind (VigilKeyOwner owner)
{
  return owner == VIGIL_KEY_OWNER_PERSON ? "person" : "case";
}

static GByteArray *
data_key_ad (const char *kind, const char *owner_id)
{
  GByteArray *ad = g_byte_array_new ();

  g_byte_array_append (ad, (const guint8 *) "vigil-dk-1", 11);
  g_byte_array_append (ad, (const guint8 *) kind, strlen (kind) + 1);
  g_byte_array_append (ad, (const guint8 *) owner_id, strlen (owner_id) + 1);
  return ad;
}

static GByteArray *
seal_ad (const VigilSealRef *ref)
{
  GByteArray *ad = g_byte_array_new ();
  guint64 version = GUINT64_TO_LE ((guint64) ref->version);

  g_byte_array_append (ad, (const guint8 *) "vigil-seal-1", 13);
  g_byte_array_append (ad, (const guint8 *) ref->record_kind, strlen (ref->record_kind) + 1);
  g_byte_array_append (ad, (const guint8 *) ref->record_id, strlen (ref->record_id) + 1);
  g_byte_array_append (ad, (const guint8 *) ref->field, strlen (ref->field) + 1);
  g_byte_array_append (ad, (const guint8 *) &version, sizeof version);
  return ad;
}

static guint8 *
unwrap_data_key (VigilVault *self, const char *kind, const char *owner_id, GBytes *wrapped,
                 GError **error)
{
  g_autoptr (GByteArray) ad = data_key_ad (kind, owner_id);
  gsize len;
  const guint8 *data = g_bytes_get_data (wrapped, &len);
  guint8 *key = sodium_malloc (KEY_BYTES);

  if (len != NONCE_BYTES + KEY_BYTES + TAG_BYTES
      || crypto_aead_xchacha20poly1305_ietf_decrypt (key, NULL, NULL, data + NONCE_BYTES,
                                                     len - NONCE_BYTES, ad->data, ad->len, data,
                                                     self->master_key)
           != 0)
    {
      sodium_free (key);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The data key of %s %s fails authentication: the vault was altered "
                     "outside Vigil"),
                   kind, owner_id);
      return NULL;
    }
  return key;
}

static guint8 *
create_data_key (VigilVault *self, const char *kind, const char *owner_id, GError **error)
{
  g_autoptr (GByteArray) ad = data_key_ad (kind, owner_id);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = vigil_now_iso ();
  guint8 wrapped[NONCE_BYTES + KEY_BYTES + TAG_BYTES];
  guint8 *key = sodium_malloc (KEY_BYTES);
  int rc;

  crypto_aead_xchacha20poly1305_ietf_keygen (key);
  randombytes_buf (wrapped, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (wrapped + NONCE_BYTES, NULL, key, KEY_BYTES,
                                              ad->data, ad->len, NULL, wrapped,
                                              self->master_key);
  stmt = vigil_db_prepare (self->db,
                           "INSERT INTO data_keys (owner_kind, owner_id, wrapped_key, created_at)"
                           " VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    {
      sodium_free (key);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, wrapped, sizeof wrapped, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      sodium_free (key);
      vigil_db_set_error (self->db, rc, _("The data key could not be stored"), error);
      return NULL;
    }
  return key;
}

/* The owner's data key, from the cache or the file; created when @create
 * and the owner has none yet. Owned by the cache. */
static const guint8 *
get_data_key (VigilVault   *self,
              VigilKeyOwner owner,
              const char   *owner_id,
              gboolean      create,
              GError      **error)
{
  const char *kind = owner_kind (owner);
  g_autofree char *cache_key = g_strconcat (kind, ":", owner_id, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint8 *key = g_hash_table_lookup (self->data_keys, cache_key);
  int rc;

  if (key != NULL)
    return key;

  stmt = vigil_db_prepare (self->db,
                           "SELECT wrapped_key FROM data_keys WHERE owner_kind = ? AND owner_id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr (GBytes) wrapped = vigil_db_column_bytes (stmt, 0);

      if (wrapped == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The data key of %s %s is missing its bytes"), kind, owner_id);
          return NULL;
        }
      key = unwrap_data_key (self, kind, owner_id, wrapped, error);
    }
  else if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (self->db, rc, _("The data key could not be read"), error);
      return NULL;
    }
  else if (create)
    key = create_data_key (self, kind, owner_id, error);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_ERASED,
                 _("The data of %s %s was erased: its key no longer exists"), kind, owner_id);

  if (key == NULL)
    return NULL;
  g_hash_table_insert (self->data_keys, g_steal_pointer (&cache_key), key);
  return key;
}

static void
wiping_free (gpointer data)
{
  guint8 *base = (guint8 *) data - sizeof (gsize);
  gsize len;

  memcpy (&len, base, sizeof len);
  sodium_memzero (base, sizeof (gsize) + len + 1);
  g_free (base);
}

/* A GBytes of @len bytes plus a NUL, wiped when freed. */
static GBytes *
wiping_bytes_new (const guint8 *data, gsize len)
{
  guint8 *base = g_malloc (sizeof (gsize) + len + 1);
  guint8 *payload = base + sizeof (gsize);

  memcpy (base, &len, sizeof len);
  memcpy (payload, data, len);
  payload[len] = '\0';
  return g_bytes_new_with_free_func (payload, len, wiping_free, payload);
}

static gboolean
ref_is_valid (const VigilSealRef *ref)
{
  return ref != NULL && ref->owner_id != NULL && ref->record_kind != NULL
         && ref->record_id != NULL && ref->field != NULL && ref->version > 0;
}

/* public API */

GBytes *
vigil_vault_seal (VigilVault         *self,
                  const VigilSealRef *ref,
                  const void         *plaintext,
                  gsize               length,
                  GError            **error)
{
  g_autoptr (GByteArray) ad = NULL;
  const guint8 *key;
  guint8 *padded;
  guint8 *out;
  gsize padded_len = 0;
  gsize capacity = length + PAD_BLOCK;
  gsize out_len;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  g_return_val_if_fail (ref_is_valid (ref), NULL);
  g_return_val_if_fail (plaintext != NULL || length == 0, NULL);

  if (vigil_vault_get_db (self, error) == NULL)
    return NULL;
  key = get_data_key (self, ref->owner, ref->owner_id, TRUE, error);
  if (key == NULL)
    return NULL;

  /* Plain heap memory, wiped below: sodium_malloc maps guard pages on every
   * call, far too slow for opening thousands of values. */
  padded = g_malloc (capacity);
  if (length > 0)
    memcpy (padded, plaintext, length);
  if (sodium_pad (&padded_len, padded, length, PAD_BLOCK, capacity) != 0)
    g_assert_not_reached ();

  ad = seal_ad (ref);
  out_len = 1 + NONCE_BYTES + padded_len + TAG_BYTES;
  out = g_malloc (out_len);
  out[0] = SEAL_FORMAT;
  randombytes_buf (out + 1, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + 1 + NONCE_BYTES, NULL, padded, padded_len,
                                              ad->data, ad->len, NULL, out + 1, key);
  sodium_memzero (padded, capacity);
  g_free (padded);
  return g_bytes_new_take (out, out_len);
}

GBytes *
vigil_vault_unseal (VigilVault         *self,
                    const VigilSealRef *ref,
                    GBytes             *sealed,
                    GError            **error)
{
  g_autoptr (GByteArray) ad = NULL;
  const guint8 *key;
  const guint8 *data;
  guint8 *plain;
  gsize len, plain_len, unpadded_len;
  GBytes *result;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);
  g_return_val_if_fail (ref != NULL && ref->record_kind != NULL && ref->field != NULL, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  if (vigil_vault_get_db (self, error) == NULL)
    return NULL;
  /* Ids and versions come from the row the value was read from: a row
   * without them, or at version 0, was altered or damaged, which is not a
   * mistake of the caller's. */
  if (!ref_is_valid (ref))
    goto tampered;
  key = get_data_key (self, ref->owner, ref->owner_id, FALSE, error);
  if (key == NULL)
    return NULL;

  data = g_bytes_get_data (sealed, &len);
  if (len < 1 + NONCE_BYTES + PAD_BLOCK + TAG_BYTES || data[0] != SEAL_FORMAT
      || (len - 1 - NONCE_BYTES - TAG_BYTES) % PAD_BLOCK != 0)
    goto tampered;

  ad = seal_ad (ref);
  plain_len = len - 1 - NONCE_BYTES - TAG_BYTES;
  plain = g_malloc (plain_len);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL, data + 1 + NONCE_BYTES,
                                                  len - 1 - NONCE_BYTES, ad->data, ad->len,
                                                  data + 1, key)
        != 0
      || sodium_unpad (&unpadded_len, plain, plain_len, PAD_BLOCK) != 0)
    {
      sodium_memzero (plain, plain_len);
      g_free (plain);
      goto tampered;
    }
  result = wiping_bytes_new (plain, unpadded_len);
  sodium_memzero (plain, plain_len);
  g_free (plain);
  return result;

tampered:
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
               _("The %s of %s %s fails authentication: it was altered, moved from another "
                 "record or put back from an older version outside Vigil"),
               ref->field, ref->record_kind, ref->record_id != NULL ? ref->record_id : "?");
  return NULL;
}

GBytes *
vigil_vault_seal_text (VigilVault *self, const VigilSealRef *ref, const char *text, GError **error)
{
  if (text == NULL)
    return NULL;
  return vigil_vault_seal (self, ref, text, strlen (text), error);
}

char *
vigil_vault_unseal_text (VigilVault *self, const VigilSealRef *ref, GBytes *sealed, GError **error)
{
  g_autoptr (GBytes) plain = NULL;
  gsize len;
  const char *data;

  if (sealed == NULL)
    return NULL;
  plain = vigil_vault_unseal (self, ref, sealed, error);
  if (plain == NULL)
    return NULL;
  data = g_bytes_get_data (plain, &len);
  if (!g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The %s of %s %s is not valid text"), ref->field, ref->record_kind,
                   ref->record_id);
      return NULL;
    }
  return g_strndup (data, len);
}

gboolean
vigil_vault_destroy_data_key (VigilVault   *self,
                              VigilKeyOwner owner,
                              const char   *owner_id,
                              GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *cache_key = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (owner_id != NULL, FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  stmt = vigil_db_prepare (self->db,
                           "DELETE FROM data_keys WHERE owner_kind = ? AND owner_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_kind (owner), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (self->db, rc, _("The data key could not be destroyed"), error);
      return FALSE;
    }
  cache_key = g_strconcat (owner_kind (owner), ":", owner_id, NULL);
  g_hash_table_remove (self->data_keys, cache_key);
  /* Until the purge has run, old pages in the file still hold the key:
   * the marker commits with the erase, so an interrupted purge is finished
   * by the next open. */
  return vigil_db_exec (self->db,
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('shred_pending', '1')",
                        error);
}

/* private API (vigil-vault-internal.h) */

const guint8 *
vigil_vault_get_data_key (VigilVault   *self,
                          VigilKeyOwner owner,
                          const char   *owner_id,
                          gboolean      create,
                          GError      **error)
{
  return get_data_key (self, owner, owner_id, create, error);
}
