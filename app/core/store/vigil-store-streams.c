/* vigil-store-streams.c: documents sealed in chunks, one row each
 *
 * A stream's chunks are rows of their own table, numbered from 0, each
 * sealed by vigil-vault-stream.c. The record that holds the stream keeps
 * its header, its length and how many chunks it has, so a reader finds
 * a stream cut short or grown even before the FINAL tag would tell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-store-private.h"
#include "vigil-vault-stream.h"

/* A stream longer than this is damage, whatever its row says: four times
 * the largest document Vigil accepts. */
#define STREAM_MAX_BYTES ((gint64) 256 * 1024 * 1024)

const VigilSealedStream vigil_store_sealed_streams[] = {
  { "evidence_documents", "evidence", "content", VIGIL_KEY_OWNER_PERSON, "claimant_id",
    "stream_header", "size_bytes", "chunk_count", "evidence_chunks", "document_id", "data" },
  { NULL },
};

/* private helpers */

static VigilSealRef
stream_ref (const VigilSealedStream *stream, const char *owner_id, const char *record_id)
{
  VigilSealRef ref = {
    .owner = stream->owner,
    .owner_id = owner_id,
    .record_kind = stream->record_kind,
    .record_id = record_id,
    .field = stream->field,
    .version = 1,
  };
  return ref;
}

static void
set_damaged (GError **error, const VigilSealedStream *stream, const char *record_id,
             const char *why)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
               _("The %s of %s %s %s: it was altered outside Vigil"), stream->field,
               stream->record_kind, record_id, why);
}

/* private API (vigil-store-private.h) */

const VigilSealedStream *
vigil_store_find_sealed_stream (const char *table)
{
  for (const VigilSealedStream *s = vigil_store_sealed_streams; s->table != NULL; s++)
    if (g_str_equal (s->table, table))
      return s;
  g_return_val_if_reached (NULL);
}

guint
vigil_store_stream_chunk_count (gsize length)
{
  return length == 0 ? 1 : (guint) ((length + VIGIL_STORE_STREAM_CHUNK_BYTES - 1)
                                    / VIGIL_STORE_STREAM_CHUNK_BYTES);
}

VigilVaultStream *
vigil_store_stream_start (VigilStore              *self,
                          const VigilSealedStream *stream,
                          const char              *owner_id,
                          const char              *record_id,
                          char                   **out_header,
                          GError                 **error)
{
  VigilSealRef ref = stream_ref (stream, owner_id, record_id);
  guint8 header[VIGIL_VAULT_STREAM_HEADER_BYTES];
  VigilVaultStream *sealer;

  sealer = vigil_vault_stream_seal_start (self->vault, &ref, header, error);
  if (sealer != NULL)
    *out_header = g_base64_encode (header, sizeof header);
  return sealer;
}

gboolean
vigil_store_stream_write (VigilStore              *self,
                          const VigilSealedStream *stream,
                          VigilVaultStream        *sealer,
                          const char              *record_id,
                          const guint8            *data,
                          gsize                    length,
                          GError                 **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, seq, %s) VALUES (?, ?, ?)",
                                          stream->chunk_table, stream->chunk_parent,
                                          stream->chunk_column);
  g_autoptr (sqlite3_stmt) insert = NULL;
  sqlite3 *db = vigil_store_get_db (self, error);
  guint n = vigil_store_stream_chunk_count (length);

  if (db == NULL)
    return FALSE;
  insert = vigil_db_prepare (db, sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize offset = (gsize) i * VIGIL_STORE_STREAM_CHUNK_BYTES;
      gsize len = MIN (length - offset, VIGIL_STORE_STREAM_CHUNK_BYTES);
      g_autoptr (GBytes) chunk = vigil_vault_stream_seal_chunk (sealer, data + offset, len,
                                                                 i + 1 == n);

      sqlite3_reset (insert);
      vigil_store_bind_text (insert, 1, record_id);
      sqlite3_bind_int64 (insert, 2, i);
      vigil_db_bind_bytes (insert, 3, chunk);
      if (!vigil_store_step_done (db, insert, _("The document could not be stored"), error))
        return FALSE;
    }
  return TRUE;
}

GBytes *
vigil_store_stream_read (VigilStore              *self,
                         const VigilSealedStream *stream,
                         const char              *record_id,
                         GError                 **error)
{
  g_autofree char *row_sql = g_strdup_printf ("SELECT %s, %s, %s, %s FROM %s WHERE id = ?",
                                              stream->owner_column, stream->header_column,
                                              stream->size_column, stream->count_column,
                                              stream->table);
  g_autofree char *chunk_sql = g_strdup_printf ("SELECT seq, %s FROM %s WHERE %s = ?"
                                                " ORDER BY seq",
                                                stream->chunk_column, stream->chunk_table,
                                                stream->chunk_parent);
  g_autoptr (sqlite3_stmt) row = NULL;
  g_autoptr (sqlite3_stmt) chunks = NULL;
  g_autoptr (VigilVaultStream) opener = NULL;
  g_autofree guint8 *header = NULL;
  g_autofree char *owner_id = NULL;
  sqlite3 *db = vigil_store_get_db (self, error);
  VigilSealRef ref;
  gsize header_len = 0;
  gint64 size, count, seq = 0;
  gsize filled = 0;
  gboolean final = FALSE;
  guint8 *out;
  int rc;

  if (db == NULL)
    return NULL;
  row = vigil_db_prepare (db, row_sql, error);
  if (row == NULL)
    return NULL;
  vigil_store_bind_text (row, 1, record_id);
  rc = sqlite3_step (row);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The document does not exist: it was removed, or erased with its "
                     "owner"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The document could not be read"), error);
      return NULL;
    }
  owner_id = g_strdup (vigil_store_column_text (row, 0));
  if (sqlite3_column_type (row, 1) == SQLITE_TEXT)
    header = g_base64_decode (vigil_store_column_text (row, 1), &header_len);
  size = sqlite3_column_int64 (row, 2);
  count = sqlite3_column_int64 (row, 3);
  if (size < 0 || size > STREAM_MAX_BYTES
      || count != vigil_store_stream_chunk_count ((gsize) size))
    {
      set_damaged (error, stream, record_id, _("has an impossible length"));
      return NULL;
    }
  ref = stream_ref (stream, owner_id, record_id);
  opener = vigil_vault_stream_open_start (self->vault, &ref, header, header_len, error);
  if (opener == NULL)
    return NULL;

  chunks = vigil_db_prepare (db, chunk_sql, error);
  if (chunks == NULL)
    return NULL;
  vigil_store_bind_text (chunks, 1, record_id);
  /* Wiped when freed; never grown, so no copy is left behind. */
  out = sodium_malloc (MAX (size, 1));
  if (out == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("There is not enough memory to open the document"));
      return NULL;
    }
  while ((rc = sqlite3_step (chunks)) == SQLITE_ROW)
    {
      g_autoptr (GBytes) chunk = vigil_db_column_bytes (chunks, 1);
      gsize chunk_len = chunk != NULL ? g_bytes_get_size (chunk) : 0;
      gsize plain_len = 0;

      if (final)
        {
          set_damaged (error, stream, record_id, _("has parts past its end"));
          goto fail;
        }
      if (sqlite3_column_int64 (chunks, 0) != seq || chunk == NULL
          || chunk_len < VIGIL_VAULT_STREAM_CHUNK_EXTRA
          || chunk_len - VIGIL_VAULT_STREAM_CHUNK_EXTRA > (gsize) size - filled)
        {
          set_damaged (error, stream, record_id, _("has a part missing or out of place"));
          goto fail;
        }
      if (!vigil_vault_stream_open_chunk (opener, chunk, out + filled, &plain_len, &final, error))
        goto fail;
      filled += plain_len;
      seq++;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The document could not be read"), error);
      goto fail;
    }
  if (!final || seq != count || filled != (gsize) size)
    {
      set_damaged (error, stream, record_id, _("is cut short"));
      goto fail;
    }
  return g_bytes_new_with_free_func (out, size, sodium_free, out);

fail:
  sodium_free (out);
  return NULL;
}
