/* vigil-record-mapper-write.c: save, create, reseal and delete for every
 * kind of record
 *
 * A save writes the row's columns as the record holds them, sealing each
 * sealed field for the new version (vigil_store_seal_ref() binds the
 * version), carrying over those it keeps, and appends the audit entry in
 * the same transaction. Reading is in vigil-record-mapper.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-record-mapper-private.h"
#include "vigil-record-private.h"

/* private helpers */

/* Seals @field of @record for @version, or NULL when it holds nothing. */
static GBytes *
seal_field (VigilStore            *store,
            const VigilRecordKind *kind,
            const VigilField      *field,
            gpointer               record,
            const char            *owner_id,
            const char            *id,
            gint64                 version,
            GError               **error)
{
  const VigilSealedColumn *column = vigil_store_find_sealed_column (kind->table, field->column);
  VigilSealRef ref = vigil_store_seal_ref (column, owner_id, id, version);
  g_autofree char *text = vigil_record_field_text (field, record, vigil_record_is_object (kind));
  GBytes *sealed;

  if (text == NULL)
    return g_bytes_new (NULL, 0);
  sealed = vigil_vault_seal_text (vigil_store_get_vault (store), &ref, text, error);
  sodium_memzero (text, strlen (text));
  return sealed;
}

/* The id of the owner of a sealed column, named by its owner column. */
static char *
owner_of (const VigilRecordKind   *kind,
          const VigilSealedColumn *column,
          gpointer                 record,
          const char              *id,
          const char              *parent_id)
{
  if (g_str_equal (column->owner_column, "id"))
    return g_strdup (id);
  if (g_strcmp0 (column->owner_column, kind->parent_column) == 0)
    return g_strdup (parent_id);
  for (const VigilField *field = kind->fields; field->column != NULL; field++)
    if (g_str_equal (field->column, column->owner_column))
      return vigil_record_field_text (field, record, vigil_record_is_object (kind));
  g_return_val_if_reached (NULL);
}

/* Whether a save writes @field from the record, or carries over what is
 * stored. */
static gboolean
writes_field (const VigilRecordKind *kind, const VigilField *field, gpointer record, gboolean insert)
{
  if (field->flags & VIGIL_FIELD_KEPT)
    return FALSE;
  if (!insert && (field->flags & VIGIL_FIELD_INSERT_ONLY))
    return FALSE;
  if (!insert && vigil_record_field_is_sealed (field) && kind->sealed_loaded != NULL && !kind->sealed_loaded (record))
    return FALSE;
  return TRUE;
}

static char *
write_sql (const VigilRecordKind *kind, gpointer record, gboolean insert)
{
  GString *sql = g_string_new (NULL);
  int index = 6;

  if (insert)
    {
      g_string_append_printf (sql, "INSERT INTO %s (id, version, created_at, updated_at",
                              kind->table);
      if (kind->parent_column != NULL)
        g_string_append_printf (sql, ", %s", kind->parent_column);
      for (const VigilField *field = kind->fields; field->column != NULL; field++)
        if (writes_field (kind, field, record, insert))
          g_string_append_printf (sql, ", %s", field->column);
      g_string_append (sql, ") VALUES (?1, ?3, ?5, ?5");
      if (kind->parent_column != NULL)
        g_string_append (sql, ", ?2");
      for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
        if (writes_field (kind, field, record, insert))
          g_string_append_printf (sql, ", ?%d", index);
      g_string_append_c (sql, ')');
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET version = ?3, updated_at = ?5", kind->table);
      for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
        if (writes_field (kind, field, record, insert))
          g_string_append_printf (sql, ", %s = ?%d", field->column, index);
      g_string_append (sql, " WHERE id = ?1 AND version = ?4");
      if (kind->parent_column != NULL)
        g_string_append_printf (sql, " AND %s = ?2", kind->parent_column);
    }
  return g_string_free (sql, FALSE);
}

static void
set_struct_meta (const VigilRecordKind *kind, gpointer record, const char *id, gint64 version)
{
  char **id_member = MEMBER (record, kind->id_offset, char *);

  if (*id_member != id)
    {
      g_free (*id_member);
      *id_member = g_strdup (id);
    }
  *MEMBER (record, kind->version_offset, gint64) = version;
}

/* public API (vigil-record-mapper.h) */

char *
vigil_record_case_id (VigilStore *store, const VigilRecordKind *kind, gpointer record, GError **error)
{
  g_autofree char *owned_parent = NULL;
  g_autofree char *owned_id = NULL;
  const char *parent_id = vigil_record_parent_of (kind, record, &owned_parent);

  if (kind->case_column != NULL)
    {
      if (g_str_equal (kind->case_column, "id"))
        return g_strdup (vigil_record_id_of (kind, record, &owned_id));
      if (g_strcmp0 (kind->case_column, kind->parent_column) == 0)
        return g_strdup (parent_id);
      for (const VigilField *field = kind->fields; field->column != NULL; field++)
        if (g_str_equal (field->column, kind->case_column))
          return vigil_record_field_text (field, record, vigil_record_is_object (kind));
      g_return_val_if_reached (NULL);
    }
  return vigil_store_case_of (store, kind->parent_table, parent_id, error);
}

gboolean
vigil_record_save (VigilStore *store, const VigilRecordKind *kind, gpointer record, GError **error)
{
  gboolean object = vigil_record_is_object (kind);
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *owned_id = NULL;
  g_autofree char *owned_parent = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (VigilDbCached) write = NULL;
  VigilDbCache *statements;
  const char *id, *parent_id;
  gint64 old_version, new_version;
  gboolean insert;
  int index = 6;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (store, error))
    return FALSE;
  statements = vigil_store_get_statements (store, NULL);
  if (kind->time_offset != 0 && *MEMBER (record, kind->time_offset, GDateTime *) != NULL)
    {
      g_free (now);
      now = vigil_time_to_iso (*MEMBER (record, kind->time_offset, GDateTime *));
    }
  id = vigil_record_id_of (kind, record, &owned_id);
  if (id == NULL)
    id = owned_id = vigil_uuid_new ();
  parent_id = vigil_record_parent_of (kind, record, &owned_parent);
  old_version = vigil_record_version_of (kind, record);
  new_version = old_version + 1;
  insert = old_version == 0;

  if (kind->parent_table != NULL
      && !vigil_store_require_row (store, kind->parent_table, parent_id, error))
    goto fail;
  case_id = vigil_record_case_id (store, kind, record, error);
  if (case_id == NULL)
    goto fail;

  sql = write_sql (kind, record, insert);
  write = vigil_db_cache_get (statements, sql, error);
  if (write == NULL)
    goto fail;
  vigil_store_bind_text (write->stmt, 1, id);
  vigil_store_bind_text (write->stmt, 2, parent_id);
  sqlite3_bind_int64 (write->stmt, 3, new_version);
  sqlite3_bind_int64 (write->stmt, 4, old_version);
  vigil_store_bind_text (write->stmt, 5, now);
  for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
    {
      if (!writes_field (kind, field, record, insert))
        continue;
      if (vigil_record_field_is_sealed (field))
        {
          const VigilSealedColumn *column = vigil_store_find_sealed_column (kind->table,
                                                                            field->column);
          g_autofree char *owner = owner_of (kind, column, record, id, parent_id);
          g_autoptr (GBytes) sealed = seal_field (store, kind, field, record, owner, id,
                                                  new_version, error);

          if (sealed == NULL)
            goto fail;
          vigil_db_bind_bytes (write->stmt, index,
                               g_bytes_get_size (sealed) > 0 ? sealed : NULL);
        }
      else
        vigil_record_bind_field (write->stmt, index, field, record, object);
    }
  if (!vigil_store_step_done (vigil_db_cache_get_db (statements), write->stmt,
                              g_dgettext (GETTEXT_PACKAGE, kind->cannot_save), error))
    goto fail;
  if (!insert && sqlite3_changes (vigil_db_cache_get_db (statements)) == 0)
    {
      vigil_store_set_update_error (store, kind->table, kind->record_kind, id, error);
      goto fail;
    }
  g_clear_pointer (&write, vigil_db_cached_release);

  for (const VigilField *field = kind->fields; !insert && field->column != NULL; field++)
    if (vigil_record_field_is_sealed (field) && !writes_field (kind, field, record, insert))
      {
        const VigilSealedColumn *column = vigil_store_find_sealed_column (kind->table,
                                                                          field->column);
        g_autofree char *owner = owner_of (kind, column, record, id, parent_id);

        if (!vigil_store_carry_sealed (store, column, owner, id, old_version, new_version, error))
          goto fail;
      }
  if (!vigil_store_audit (store, insert ? "create" : "update", kind->record_kind, id, new_version,
                          error))
    goto fail;
  vigil_store_note_case_changed (store, case_id);
  /* Before the commit, so "case-changed" handlers see the new version; a
   * failed commit takes it back like any rollback. */
  if (object)
    vigil_store_record_saved (store, record, new_version, now);
  else
    set_struct_meta (kind, record, id, new_version);
  return vigil_store_commit (store, error);

fail:
  vigil_store_rollback (store);
  return FALSE;
}

gboolean
vigil_record_create (VigilStore            *store,
                     const VigilRecordKind *kind,
                     gpointer               record,
                     VigilRecordStep        before,
                     VigilRecordStep        after,
                     GError               **error)
{
  char **id_member;
  g_autofree char *previous_id = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && !vigil_record_is_object (kind) && record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (store, error))
    return FALSE;
  id_member = MEMBER (record, kind->id_offset, char *);
  previous_id = g_strdup (*id_member);
  *MEMBER (record, kind->version_offset, gint64) = 0;
  if ((before != NULL && !before (store, record, error))
      || !vigil_record_save (store, kind, record, error)
      || (after != NULL && !after (store, record, error)))
    {
      vigil_store_rollback (store);
      goto restore;
    }
  if (vigil_store_commit (store, error))
    return TRUE;

restore:
  g_free (*id_member);
  *id_member = g_steal_pointer (&previous_id);
  *MEMBER (record, kind->version_offset, gint64) = 0;
  return FALSE;
}

gboolean
vigil_record_reseal (VigilStore *store,
                     const char *table,
                     const char *owner_id,
                     const char *id,
                     gint64      old_version,
                     GHashTable *texts,
                     GError    **error)
{
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET version = ?1, updated_at = ?2"
                                          " WHERE id = ?3 AND version = ?4",
                                          table);
  const char *record_kind = NULL;
  VigilDbCache *statements;
  g_autoptr (VigilDbCached) update = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL && owner_id != NULL && id != NULL && texts != NULL, FALSE);

  for (const VigilRecordTable *t = vigil_store_record_tables; t->table != NULL; t++)
    if (g_str_equal (t->table, table))
      record_kind = t->record_kind;
  g_return_val_if_fail (record_kind != NULL, FALSE);

  if (!vigil_store_begin (store, error))
    return FALSE;
  statements = vigil_store_get_statements (store, NULL);
  update = vigil_db_cache_get (statements, sql, error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update->stmt, 1, old_version + 1);
  vigil_store_bind_text (update->stmt, 2, now);
  vigil_store_bind_text (update->stmt, 3, id);
  sqlite3_bind_int64 (update->stmt, 4, old_version);
  if (!vigil_store_step_done (vigil_db_cache_get_db (statements), update->stmt,
                              _("The record could not be saved"), error))
    goto fail;
  if (sqlite3_changes (vigil_db_cache_get_db (statements)) == 0)
    {
      vigil_store_set_update_error (store, table, record_kind, id, error);
      goto fail;
    }
  g_clear_pointer (&update, vigil_db_cached_release);
  for (const VigilSealedColumn *column = vigil_store_sealed_columns; column->table != NULL; column++)
    {
      gpointer text;

      if (!g_str_equal (column->table, table))
        continue;
      if (g_hash_table_lookup_extended (texts, column->column, NULL, &text))
        {
          if (!vigil_store_write_sealed (store, column, owner_id, id, old_version + 1, text, error))
            goto fail;
        }
      else if (!vigil_store_carry_sealed (store, column, owner_id, id, old_version,
                                          old_version + 1, error))
        goto fail;
    }
  if (!vigil_store_audit (store, "update", record_kind, id, old_version + 1, error))
    goto fail;
  return vigil_store_commit (store, error);

fail:
  vigil_store_rollback (store);
  return FALSE;
}

gboolean
vigil_record_delete (VigilStore *store, const VigilRecordKind *kind, const char *id, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  sqlite3 *db;
  gpointer record;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL, FALSE);

  if (!vigil_store_begin (store, error))
    return FALSE;
  db = vigil_store_get_db (store, NULL);
  record = vigil_record_get (store, kind, id, error);
  if (record == NULL)
    goto fail;
  found = g_ptr_array_new_with_free_func (vigil_record_free_func (kind));
  g_ptr_array_add (found, record);
  case_id = vigil_record_case_id (store, kind, record, error);
  if (case_id == NULL)
    goto fail;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", kind->table);
  del = vigil_db_prepare (db, sql, error);
  if (del == NULL)
    goto fail;
  vigil_store_bind_text (del, 1, id);
  if (!vigil_store_step_done (db, del, g_dgettext (GETTEXT_PACKAGE, kind->cannot_delete), error)
      || !vigil_store_audit (store, "delete", kind->record_kind, id, vigil_record_version_of (kind, record),
                             error))
    goto fail;
  vigil_store_note_case_changed (store, case_id);
  return vigil_store_commit (store, error);

fail:
  vigil_store_rollback (store);
  return FALSE;
}
