/* vigil-store-erase.c: erasing persons and cases, and withdrawn consent
 *
 * Erasing is crypto-shredding: the rows go, and so does the data key that
 * sealed them, in one transaction with its audit entry. After the commit
 * the vault is purged (secure_delete has zeroed the freed cells; the WAL is
 * checkpointed and truncated and the file vacuumed), so neither the
 * ciphertexts nor the wrapped key survive anywhere in the file or its WAL,
 * and a backup taken earlier cannot be opened for them without the key.
 *
 * What the case says about an erased person (its notes, hearing notes,
 * reasons, observation notes and entries) is sealed under the case's key,
 * which survives: before the person's key goes, every place there that
 * names them is replaced by their pseudonym, so that no export or report
 * can leak a name the vault no longer knows to look for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-mapper.h"
#include "vigil-record-private.h"
#include "vigil-record-rules.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-private.h"

/* private helpers */

/* Rewrites the texts of @table's rows of @case_id that name the person. */
static gboolean
scrub_table (VigilStore *self,
             const char *table,
             const char *case_id,
             VigilIdentifierDetector *identifiers,
             const char *pseudonym,
             guint      *n_texts,
             GError    **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  g_autoptr (GString) sql = g_string_new ("SELECT id, version");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db = vigil_store_get_db (self, error);
  const char *owner_column = NULL;
  int rc;

  for (const VigilSealedColumn *column = vigil_store_sealed_columns; column->table != NULL; column++)
    /* Attachments' content is a document, not text to rewrite. */
    if (g_str_equal (column->table, table) && column->owner == VIGIL_KEY_OWNER_CASE
        && !g_str_equal (column->column, "content"))
      {
        g_ptr_array_add (columns, (gpointer) column);
        g_string_append_printf (sql, ", %s", column->column);
        owner_column = column->owner_column;
      }
  if (columns->len == 0 || db == NULL)
    return db != NULL;
  g_string_append_printf (sql, " FROM %s WHERE %s = ?", table, owner_column);
  stmt = vigil_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GHashTable) texts =
        g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) vigil_record_wipe_string);
      const char *id = vigil_store_column_text (stmt, 0);
      gint64 version = sqlite3_column_int64 (stmt, 1);

      for (guint i = 0; i < columns->len; i++)
        {
          const VigilSealedColumn *column = g_ptr_array_index (columns, i);
          g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 2 + i);
          g_autoptr (GError) local = NULL;
          char *text = vigil_store_open_sealed (self, column, case_id, id, version, sealed, &local);
          char *scrubbed;
          guint places = 0;

          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          if (text == NULL)
            continue;
          scrubbed = vigil_identifier_detector_replace (identifiers, text, pseudonym, &places);
          vigil_record_wipe_string (text);
          if (places > 0)
            {
              g_hash_table_insert (texts, (gpointer) column->column, scrubbed);
              (*n_texts)++;
            }
          else
            vigil_record_wipe_string (scrubbed);
        }
      if (g_hash_table_size (texts) > 0
          && !vigil_record_reseal (self, table, case_id, id, version,
                                   texts, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The texts of the case could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/* Replaces, in every text of the case sealed under its key, each place
 * that names the person by their pseudonym. */
static gboolean
scrub_case_texts (VigilStore *self,
                  const char *case_id,
                  const char *person_id,
                  const char *pseudonym,
                  guint      *n_texts,
                  GError    **error)
{
  g_autoptr (VigilIdentifierDetector) identifiers = vigil_store_person_identifiers (self, person_id, error);

  if (identifiers == NULL)
    return FALSE;
  if (vigil_identifier_detector_get_count (identifiers) == 0)
    return TRUE;
  for (const VigilRecordTable *table = vigil_store_record_tables; table->table != NULL; table++)
    if (!scrub_table (self, table->table, case_id, identifiers, pseudonym, n_texts, error))
      return FALSE;
  return TRUE;
}

/* private API (vigil-store-private.h) */

gboolean
vigil_store_erase_person_in_txn (VigilStore *self,
                                 const char *person_id,
                                 guint      *n_texts,
                                 GError    **error)
{
  g_autofree char *pseudonym = NULL;
  guint scrubbed = 0;
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (VigilDbCached) find = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autofree char *case_id = NULL;
  gint64 version;

  if (db == NULL)
    return FALSE;
  find = vigil_store_find_row (self, "case_id, version, pseudonym", "persons", person_id, error);
  if (find == NULL)
    return FALSE;
  case_id = g_strdup (vigil_store_column_text (find->stmt, 0));
  version = sqlite3_column_int64 (find->stmt, 1);
  pseudonym = g_strdup (vigil_store_column_text (find->stmt, 2));
  g_clear_pointer (&find, vigil_db_cached_release);
  /* While the person's key still opens their identity. */
  if (!scrub_case_texts (self, case_id, person_id, pseudonym, &scrubbed, error))
    return FALSE;
  if (n_texts != NULL)
    *n_texts = scrubbed;

  /* Consents, protection measures, claims and their items cascade. */
  del = vigil_db_prepare (db, "DELETE FROM persons WHERE id = ?", error);
  if (del == NULL)
    return FALSE;
  vigil_store_bind_text (del, 1, person_id);
  if (!vigil_store_step_done (db, del, _("The person could not be erased"), error)
      || !vigil_vault_destroy_data_key (self->vault, VIGIL_KEY_OWNER_PERSON, person_id, error)
      || !vigil_store_audit (self, "erase", "person", person_id, version, error))
    return FALSE;

  vigil_store_note_case_changed (self, case_id);
  self->purge_pending = TRUE;
  return TRUE;
}

/* public API */

gboolean
vigil_store_erase_person (VigilStore *self,
                          const char *person_id,
                          guint      *n_texts,
                          GError    **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!vigil_store_erase_person_in_txn (self, person_id, n_texts, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_erase_case (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (VigilDbCached) find = NULL;
  g_autoptr (sqlite3_stmt) persons = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (GPtrArray) person_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) person_versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  gint64 version;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  db = vigil_store_get_db (self, NULL);

  find = vigil_store_find_row (self, "version", "cases", case_id, error);
  if (find == NULL)
    goto fail;
  version = sqlite3_column_int64 (find->stmt, 0);
  /* No statement may be left open at the commit: the purge's VACUUM that
   * follows refuses to run beside one. */
  g_clear_pointer (&find, vigil_db_cached_release);

  persons = vigil_db_prepare (db, "SELECT id, version FROM persons WHERE case_id = ?", error);
  if (persons == NULL)
    goto fail;
  vigil_store_bind_text (persons, 1, case_id);
  while ((rc = sqlite3_step (persons)) == SQLITE_ROW)
    {
      gint64 person_version = sqlite3_column_int64 (persons, 1);

      g_ptr_array_add (person_ids, g_strdup (vigil_store_column_text (persons, 0)));
      g_array_append_val (person_versions, person_version);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons of the case could not be read"), error);
      goto fail;
    }
  g_clear_pointer (&persons, sqlite3_finalize);

  /* Persons, hearings, observations, measures, claims and attachments
   * cascade. */
  del = vigil_db_prepare (db, "DELETE FROM cases WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  vigil_store_bind_text (del, 1, case_id);
  if (!vigil_store_step_done (db, del, _("The case could not be erased"), error)
      || !vigil_vault_destroy_data_key (self->vault, VIGIL_KEY_OWNER_CASE, case_id, error))
    goto fail;
  for (guint i = 0; i < person_ids->len; i++)
    {
      const char *person_id = g_ptr_array_index (person_ids, i);

      if (!vigil_vault_destroy_data_key (self->vault, VIGIL_KEY_OWNER_PERSON, person_id, error)
          || !vigil_store_audit (self, "erase", "person", person_id,
                                 g_array_index (person_versions, gint64, i), error))
        goto fail;
    }
  if (!vigil_store_audit (self, "erase", "case", case_id, version, error))
    goto fail;

  g_clear_pointer (&del, sqlite3_finalize);
  vigil_store_note_case_changed (self, case_id);
  self->purge_pending = TRUE;
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_withdraw_consent:
 * @withdrawn_at: (nullable): when; NULL for now
 *
 * Records that the person withdrew the consent. Consent to storing their
 * data is the ground on which Vigil holds anything about the person at all:
 * when it is withdrawn nothing of theirs may stay, so the person is erased
 * (crypto-shredded, with everything that is theirs) in the same
 * transaction. The "withdraw" audit entry remains as the record that this
 * happened and why.
 */
gboolean
vigil_store_withdraw_consent (VigilStore *self,
                              const char *consent_id,
                              GDateTime  *withdrawn_at,
                              GError    **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) given_at = NULL;
  g_autoptr (GDateTime) right_now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (right_now, 1);
  g_autofree char *person_id = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *when_iso = NULL;
  sqlite3 *db;
  gint64 version;
  int kind = VIGIL_CONSENT_KIND_STORAGE;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (consent_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  when = withdrawn_at != NULL ? g_date_time_to_utc (withdrawn_at) : g_date_time_new_now_utc ();
  when_iso = vigil_time_to_iso (when);

  if (!vigil_store_begin (self, error))
    return FALSE;
  db = vigil_store_get_db (self, NULL);

  find = vigil_db_prepare (db,
                           "SELECT person_id, version, kind, given_at, withdrawn_at FROM consents"
                           " WHERE id = ?",
                           error);
  if (find == NULL)
    goto fail;
  vigil_store_bind_text (find, 1, consent_id);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("The consent does not exist: it was erased with its person, or never "
                       "saved"));
      else
        vigil_db_set_error (db, rc, _("The consent could not be read"), error);
      goto fail;
    }
  person_id = g_strdup (vigil_store_column_text (find, 0));
  version = sqlite3_column_int64 (find, 1);
  if (!vigil_store_enum_column (find, 2, VIGIL_TYPE_CONSENT_KIND, &kind, error))
    goto fail;
  given_at = vigil_store_column_time (find, 3);
  if (sqlite3_column_type (find, 4) != SQLITE_NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("This consent was already withdrawn"));
      goto fail;
    }
  if (given_at != NULL && g_date_time_compare (when, given_at) < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Withdrawn on: the date is before the consent was given"));
      goto fail;
    }
  if (g_date_time_compare (when, tomorrow) > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Withdrawn on: the date is in the future"));
      goto fail;
    }
  g_clear_pointer (&find, sqlite3_finalize);

  case_id = vigil_store_case_of (self, "persons", person_id, error);
  if (case_id == NULL)
    goto fail;

  update = vigil_db_prepare (db,
                             "UPDATE consents SET version = ?, updated_at = ?, withdrawn_at = ?"
                             " WHERE id = ? AND version = ?",
                             error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, version + 1);
  vigil_store_bind_text (update, 2, now);
  vigil_store_bind_text (update, 3, when_iso);
  vigil_store_bind_text (update, 4, consent_id);
  sqlite3_bind_int64 (update, 5, version);
  if (!vigil_store_step_done (db, update, _("The consent could not be withdrawn"), error)
      || !vigil_store_carry_sealed (self,
                                    vigil_store_find_sealed_column ("consents", "shared_with"),
                                    person_id, consent_id, version, version + 1, error)
      || !vigil_store_audit (self, "withdraw", "consent", consent_id, version + 1, error))
    goto fail;

  if (kind == VIGIL_CONSENT_KIND_STORAGE
      && !vigil_store_erase_person_in_txn (self, person_id, NULL, error))
    goto fail;

  g_clear_pointer (&update, sqlite3_finalize);
  vigil_store_note_case_changed (self, case_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}
