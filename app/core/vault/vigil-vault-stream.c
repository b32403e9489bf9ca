/* vigil-vault-stream.c: long values sealed in chunks
 *
 * A document of many megabytes is not sealed as one value: it would have to
 * sit whole in memory twice and be one row of the file. It is a
 * secretstream (XChaCha20-Poly1305) under a key derived from its owner's
 * data key, so that erasing the owner shreds it like any sealed value. The
 * key and every chunk's associated data name the record kind, record id and
 * field, so a stream, or one chunk of it, moved to another document fails
 * to open; the associated data also numbers the chunk, and the stream's own
 * state chains them, so chunks cannot be reordered or dropped; the last
 * chunk carries the FINAL tag, so a stream cut short is caught when its
 * reader reaches the end without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-vault-internal.h"
#include "vigil-vault-stream.h"

#define STREAM_KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES

struct _VigilVaultStream
{
  crypto_secretstream_xchacha20poly1305_state *state; /* sodium_malloc */
  GByteArray *ad;        /* the place, then the chunk's number */
  guint       ad_prefix; /* bytes of @ad before the number */
  guint64     index;
  char       *what;      /* "field of kind id", for messages */
};

/* private helpers */

static gboolean
ref_is_valid (const VigilSealRef *ref)
{
  return ref != NULL && ref->owner_id != NULL && ref->record_kind != NULL
         && ref->record_id != NULL && ref->field != NULL;
}

static void
append_place (GByteArray *out, const VigilSealRef *ref)
{
  g_byte_array_append (out, (const guint8 *) "vigil-stream-1", 15);
  g_byte_array_append (out, (const guint8 *) ref->record_kind, strlen (ref->record_kind) + 1);
  g_byte_array_append (out, (const guint8 *) ref->record_id, strlen (ref->record_id) + 1);
  g_byte_array_append (out, (const guint8 *) ref->field, strlen (ref->field) + 1);
}

/* The stream's own key: the owner's data key never meets secretstream
 * directly, and each place gets a key no other place shares. */
static guint8 *
derive_key (VigilVault *vault, const VigilSealRef *ref, gboolean create, GError **error)
{
  g_autoptr (GByteArray) place = g_byte_array_new ();
  const guint8 *data_key = vigil_vault_get_data_key (vault, ref->owner, ref->owner_id, create,
                                                     error);
  guint8 *key;

  if (data_key == NULL)
    return NULL;
  append_place (place, ref);
  key = sodium_malloc (STREAM_KEY_BYTES);
  crypto_generichash (key, STREAM_KEY_BYTES, place->data, place->len, data_key,
                      crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  return key;
}

static VigilVaultStream *
stream_new (const VigilSealRef *ref)
{
  VigilVaultStream *stream = g_new0 (VigilVaultStream, 1);

  stream->state = sodium_malloc (sizeof *stream->state);
  stream->ad = g_byte_array_new ();
  append_place (stream->ad, ref);
  stream->ad_prefix = stream->ad->len;
  stream->what = g_strdup_printf ("%s of %s %s", ref->field, ref->record_kind, ref->record_id);
  return stream;
}

static void
next_ad (VigilVaultStream *stream)
{
  guint64 index = GUINT64_TO_LE (stream->index);

  g_byte_array_set_size (stream->ad, stream->ad_prefix);
  g_byte_array_append (stream->ad, (const guint8 *) &index, sizeof index);
  stream->index++;
}

/* public API */

VigilVaultStream *
vigil_vault_stream_seal_start (VigilVault         *vault,
                               const VigilSealRef *ref,
                               guint8              header[VIGIL_VAULT_STREAM_HEADER_BYTES],
                               GError            **error)
{
  VigilVaultStream *stream;
  guint8 *key;

  g_return_val_if_fail (VIGIL_IS_VAULT (vault), NULL);
  g_return_val_if_fail (ref_is_valid (ref), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  if (vigil_vault_get_db (vault, error) == NULL)
    return NULL;
  key = derive_key (vault, ref, TRUE, error);
  if (key == NULL)
    return NULL;
  stream = stream_new (ref);
  crypto_secretstream_xchacha20poly1305_init_push (stream->state, header, key);
  sodium_free (key);
  return stream;
}

GBytes *
vigil_vault_stream_seal_chunk (VigilVaultStream *stream,
                               const guint8     *data,
                               gsize             length,
                               gboolean          final)
{
  guint8 *out;
  unsigned long long out_len = 0;

  g_return_val_if_fail (stream != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  next_ad (stream);
  out = g_malloc (length + VIGIL_VAULT_STREAM_CHUNK_EXTRA);
  crypto_secretstream_xchacha20poly1305_push (stream->state, out, &out_len, data, length,
                                              stream->ad->data, stream->ad->len,
                                              final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                    : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  return g_bytes_new_take (out, out_len);
}

VigilVaultStream *
vigil_vault_stream_open_start (VigilVault         *vault,
                               const VigilSealRef *ref,
                               const guint8       *header,
                               gsize               header_length,
                               GError            **error)
{
  g_autoptr (VigilVaultStream) stream = NULL;
  guint8 *key;
  int rc;

  g_return_val_if_fail (VIGIL_IS_VAULT (vault), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  if (vigil_vault_get_db (vault, error) == NULL)
    return NULL;
  /* The ids come from the row; a row without them was altered. */
  if (!ref_is_valid (ref) || header == NULL || header_length != VIGIL_VAULT_STREAM_HEADER_BYTES)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The %s of %s %s has no valid stream header: it was altered outside Vigil"),
                   ref->field != NULL ? ref->field : "?",
                   ref->record_kind != NULL ? ref->record_kind : "?",
                   ref->record_id != NULL ? ref->record_id : "?");
      return NULL;
    }
  key = derive_key (vault, ref, FALSE, error);
  if (key == NULL)
    return NULL;
  stream = stream_new (ref);
  rc = crypto_secretstream_xchacha20poly1305_init_pull (stream->state, header, key);
  sodium_free (key);
  if (rc != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The %s has no valid stream header: it was altered outside Vigil"),
                   stream->what);
      return NULL;
    }
  return g_steal_pointer (&stream);
}

gboolean
vigil_vault_stream_open_chunk (VigilVaultStream *stream,
                               GBytes           *chunk,
                               guint8           *out,
                               gsize            *out_length,
                               gboolean         *out_final,
                               GError          **error)
{
  gsize len;
  const guint8 *data;
  unsigned long long plain_len = 0;
  unsigned char tag = 0;

  g_return_val_if_fail (stream != NULL && chunk != NULL && out != NULL, FALSE);

  data = g_bytes_get_data (chunk, &len);
  next_ad (stream);
  if (len < VIGIL_VAULT_STREAM_CHUNK_EXTRA
      || crypto_secretstream_xchacha20poly1305_pull (stream->state, out, &plain_len, &tag, data,
                                                     len, stream->ad->data, stream->ad->len)
           != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("Part %" G_GUINT64_FORMAT " of the %s fails authentication: it was "
                     "altered, moved from another document or put out of its place outside "
                     "Vigil"),
                   stream->index, stream->what);
      return FALSE;
    }
  if (out_length != NULL)
    *out_length = plain_len;
  if (out_final != NULL)
    *out_final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  return TRUE;
}

void
vigil_vault_stream_free (VigilVaultStream *stream)
{
  if (stream == NULL)
    return;
  sodium_free (stream->state);
  g_byte_array_unref (stream->ad);
  g_free (stream->what);
  g_free (stream);
}
