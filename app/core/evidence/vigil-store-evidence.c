/* vigil-store-evidence.c: evidence documents of compensation claims
 *
 * A document belongs to the claimant: its name, its text and the document
 * itself are sealed under their key, so erasing them shreds it (the rows
 * cascade from the person, the key goes). The document is a secretstream
 * of 64 KiB chunks (vigil-store-streams.c), written in the same
 * transaction as its row and audit entry: a refused or failed attach
 * leaves nothing behind. Its text, for search, is opened only on request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-mapper.h"
#include "vigil-record-rules.h"
#include "vigil-store-evidence.h"
#include "vigil-text.h"
#include "vigil-vault-stream.h"

#define MIME_PDF "application/pdf"

/* private helpers */

#define DOC(member) G_STRUCT_OFFSET (VigilEvidenceData, member)

static const VigilField evidence_fields[] = {
  { "claim_item_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (claim_item_id) },
  { "case_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (case_id) },
  { "claimant_id", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (claimant_id) },
  { "mime_type", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (mime_type) },
  { "size_bytes", VIGIL_FIELD_INT64, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (size_bytes) },
  { "page_count", VIGIL_FIELD_UINT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (page_count) },
  { "chunk_count", VIGIL_FIELD_UINT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (chunk_count) },
  { "stream_header", VIGIL_FIELD_TEXT, VIGIL_FIELD_INSERT_ONLY, .offset = DOC (stream_header) },
  { "title", VIGIL_FIELD_SEALED, .offset = DOC (title) },
  /* Pages of text: opened by vigil_store_get_evidence_text() only. */
  { "extracted_text", VIGIL_FIELD_SEALED, VIGIL_FIELD_KEPT },
  { NULL },
};

static const VigilRecordKind evidence_kind = {
  .table = "evidence_documents",
  .record_kind = "evidence",
  .parent_table = "claims",
  .parent_column = "claim_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = evidence_fields,
  .struct_new = (gpointer (*) (void)) vigil_evidence_data_new,
  .struct_free = (GDestroyNotify) vigil_evidence_data_free,
  .id_offset = DOC (id),
  .parent_offset = DOC (claim_id),
  .version_offset = DOC (version),
  .time_offset = DOC (created_at),
  .not_found = N_("The document does not exist: it was removed, or erased with its claimant"),
  .cannot_read = N_("The document could not be read"),
  .cannot_read_list = N_("The documents of the claim could not be read"),
  .cannot_save = N_("The document could not be attached"),
  .cannot_delete = N_("The document could not be removed"),
};

/* Fills the claim's case and claimant into @data, and checks that the head
 * of damage, if any, is one of the claim's. */
static gboolean
find_claim (VigilStore *self, VigilEvidenceData *data, GError **error)
{
  g_autoptr (VigilDbCached) claim = vigil_store_find_row (self, "case_id, claimant_id", "claims",
                                                          data->claim_id, error);

  if (claim == NULL)
    return FALSE;
  data->case_id = g_strdup (vigil_store_column_text (claim->stmt, 0));
  data->claimant_id = g_strdup (vigil_store_column_text (claim->stmt, 1));
  g_clear_pointer (&claim, vigil_db_cached_release);
  if (data->claim_item_id != NULL)
    {
      g_autoptr (VigilDbCached) item = vigil_store_find_row (self, "claim_id", "claim_items",
                                                             data->claim_item_id, error);

      if (item == NULL)
        return FALSE;
      if (g_strcmp0 (vigil_store_column_text (item->stmt, 0), data->claim_id) != 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("The head of damage is one of another claim"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_document (VigilStore *self, VigilEvidenceData *data, GBytes *pdf, const char *text,
                GError **error)
{
  const VigilSealedStream *stream = vigil_store_find_sealed_stream (evidence_kind.table);
  g_autoptr (VigilVaultStream) sealer = NULL;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (pdf, &len);

  if (!find_claim (self, data, error))
    return FALSE;
  sealer = vigil_store_stream_start (self, stream, data->claimant_id, data->id,
                                     &data->stream_header, error);
  return sealer != NULL
         && vigil_record_save (self, &evidence_kind, data, error)
         && vigil_store_stream_write (self, stream, sealer, data->id, bytes, len, error)
         && vigil_store_write_sealed (self,
                                      vigil_store_find_sealed_column (evidence_kind.table,
                                                                      "extracted_text"),
                                      data->claimant_id, data->id, data->version, text, error);
}

/* public API */

/**
 * vigil_store_attach_evidence:
 * @claim_item_id: (nullable): the head of damage, or NULL for the claim
 * @title: the document's name, usually the file's
 * @pdf: the document
 *
 * Opens @pdf with Poppler from memory, then in one transaction writes the
 * document's record, its chunks and its text (for search), sealed under
 * the claimant's key, with the audit entry.
 *
 * Returns: (transfer full): the new document, or NULL: a refused file
 *   (VIGIL_EVIDENCE_ERROR), or a vault error
 */
VigilEvidenceData *
vigil_store_attach_evidence (VigilStore *self,
                             const char *claim_id,
                             const char *claim_item_id,
                             const char *title,
                             GBytes     *pdf,
                             GError    **error)
{
  g_autoptr (VigilEvidenceFile) file = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (claim_id != NULL && pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_evidence_title_validate (title, error))
    return NULL;
  /* Everything that can refuse the file runs before the first write. */
  file = vigil_evidence_file_inspect (pdf, error);
  if (file == NULL)
    return NULL;
  return vigil_store_attach_evidence_file (self, claim_id, claim_item_id, title, file, error);
}

/**
 * vigil_store_attach_evidence_file:
 * @file: what vigil_evidence_file_inspect() read
 *
 * vigil_store_attach_evidence() for a file inspected beforehand, so that
 * Poppler's work can run on a worker thread and only the writing where the
 * store is used.
 */
VigilEvidenceData *
vigil_store_attach_evidence_file (VigilStore        *self,
                                  const char        *claim_id,
                                  const char        *claim_item_id,
                                  const char        *title,
                                  VigilEvidenceFile *file,
                                  GError           **error)
{
  g_autoptr (VigilEvidenceData) data = NULL;
  GBytes *pdf;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (claim_id != NULL && file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_evidence_title_validate (title, error))
    return NULL;
  pdf = vigil_evidence_file_get_bytes (file);
  data = vigil_evidence_data_new ();
  data->id = vigil_uuid_new ();
  data->claim_id = g_strdup (claim_id);
  data->claim_item_id = g_strdup (claim_item_id);
  data->title = g_strdup (title);
  data->mime_type = g_strdup (MIME_PDF);
  data->size_bytes = (gint64) g_bytes_get_size (pdf);
  data->page_count = vigil_evidence_file_get_n_pages (file);
  data->chunk_count = vigil_store_stream_chunk_count (g_bytes_get_size (pdf));

  if (!vigil_store_begin (self, error))
    return NULL;
  if (!write_document (self, data, pdf, vigil_evidence_file_get_text (file), error))
    {
      vigil_store_rollback (self);
      return NULL;
    }
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&data);
}

/**
 * vigil_store_list_evidence:
 *
 * Returns: (transfer full) (element-type VigilEvidenceData): the claim's
 *   documents, without their content or text
 */
GPtrArray *
vigil_store_list_evidence (VigilStore *self, const char *claim_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  return vigil_record_list (self, &evidence_kind, claim_id, error);
}

VigilEvidenceData *
vigil_store_get_evidence (VigilStore *self, const char *evidence_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  return vigil_record_get (self, &evidence_kind, evidence_id, error);
}

/**
 * vigil_store_read_evidence:
 *
 * Returns: (transfer full): the document, in memory that is wiped when the
 *   bytes are freed; VIGIL_ERROR_TAMPERED when a chunk fails
 *   authentication or the document is cut short
 */
GBytes *
vigil_store_read_evidence (VigilStore *self, const char *evidence_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  return vigil_store_stream_read (self, vigil_store_find_sealed_stream (evidence_kind.table),
                                  evidence_id, error);
}

char *
vigil_store_get_evidence_text (VigilStore *self, const char *evidence_id, GError **error)
{
  g_autoptr (VigilDbCached) row = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autofree char *claimant_id = NULL;
  gint64 version;
  char *text;
  GError *local = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  row = vigil_store_find_row (self, "claimant_id, version, extracted_text",
                              evidence_kind.table, evidence_id, error);
  if (row == NULL)
    return NULL;
  claimant_id = g_strdup (vigil_store_column_text (row->stmt, 0));
  version = sqlite3_column_int64 (row->stmt, 1);
  sealed = vigil_db_column_bytes (row->stmt, 2);
  g_clear_pointer (&row, vigil_db_cached_release);
  text = vigil_store_open_sealed (self,
                                  vigil_store_find_sealed_column (evidence_kind.table,
                                                                  "extracted_text"),
                                  claimant_id, evidence_id, version, sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return text != NULL ? text : g_strdup ("");
}

gboolean
vigil_store_remove_evidence (VigilStore *self, const char *evidence_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (evidence_id != NULL, FALSE);

  /* Its chunks cascade; secure_delete zeroes the cells they held. */
  return vigil_record_delete (self, &evidence_kind, evidence_id, error);
}

/**
 * vigil_store_search_evidence:
 * @case_id: (nullable): the case, or NULL for every case
 *
 * Returns: (transfer full) (element-type VigilEvidenceData): the documents
 *   whose text holds every word of @query
 */
GPtrArray *
vigil_store_search_evidence (VigilStore *self,
                             const char *case_id,
                             const char *query,
                             GError    **error)
{
  const char *binds[] = { case_id, NULL };
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  all = vigil_record_query (self, &evidence_kind,
                            case_id != NULL ? "WHERE case_id = ?1 ORDER BY created_at, rowid"
                                            : "ORDER BY created_at, rowid",
                            binds, error);
  if (all == NULL)
    return NULL;
  folded_query = vigil_text_fold (query);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_evidence_data_free);
  for (guint i = 0; i < all->len; i++)
    {
      VigilEvidenceData *data = g_ptr_array_index (all, i);
      char *text = vigil_store_get_evidence_text (self, data->id, error);
      char *folded;
      gboolean match;

      if (text == NULL)
        return NULL;
      folded = vigil_text_fold (text);
      match = vigil_text_fold_matches (folded, folded_query);
      vigil_record_wipe_string (text);
      vigil_record_wipe_string (folded);
      if (match)
        g_ptr_array_add (found, g_ptr_array_steal_index (all, i--));
    }
  return g_steal_pointer (&found);
}
