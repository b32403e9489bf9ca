/* vigil-record-mapper.c: reading every kind of record, and what reading and
 * writing share about a record's fields
 *
 * A row is read as "id, parent, version, created_at, updated_at" followed
 * by the kind's fields in their order; a save writes the same columns
 * (vigil-record-mapper-write.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-enums.h"
#include "vigil-error.h"
#include "vigil-record-mapper-private.h"
#include "vigil-record-private.h"

#define META_COLUMNS 5

/* private helpers */

GDestroyNotify
vigil_record_free_func (const VigilRecordKind *kind)
{
  return kind->get_type != NULL ? g_object_unref : kind->struct_free;
}

static void
free_record (const VigilRecordKind *kind, gpointer record)
{
  vigil_record_free_func (kind) (record);
}

gboolean
vigil_record_is_object (const VigilRecordKind *kind)
{
  return kind->get_type != NULL;
}

gboolean
vigil_record_field_is_sealed (const VigilField *field)
{
  return field->type == VIGIL_FIELD_SEALED || field->type == VIGIL_FIELD_SEALED_LINES;
}

static const char *
struct_text (gpointer record, gsize offset)
{
  return *MEMBER (record, offset, char *);
}

const char *
vigil_record_id_of (const VigilRecordKind *kind, gpointer record, char **owned)
{
  if (!vigil_record_is_object (kind))
    return struct_text (record, kind->id_offset);
  return vigil_record_get_id (record);
}

const char *
vigil_record_parent_of (const VigilRecordKind *kind, gpointer record, char **owned)
{
  if (kind->parent_column == NULL)
    return NULL;
  if (!vigil_record_is_object (kind))
    return struct_text (record, kind->parent_offset);
  g_object_get (record, kind->parent_property, owned, NULL);
  return *owned;
}

gint64
vigil_record_version_of (const VigilRecordKind *kind, gpointer record)
{
  if (!vigil_record_is_object (kind))
    return *MEMBER (record, kind->version_offset, gint64);
  return vigil_record_get_version (record);
}

/* The text of a text-like field as stored (before sealing); NULL for none. */
char *
vigil_record_field_text (const VigilField *field, gpointer record, gboolean object)
{
  if (field->get_text != NULL)
    return field->get_text (record);
  if (field->type == VIGIL_FIELD_ENUM && !object)
    return g_strdup (vigil_enum_to_nick (field->nick_of (), *MEMBER (record, field->offset, int)));
  if (field->type == VIGIL_FIELD_SEALED_LINES)
    {
      g_auto (GStrv) lines = NULL;

      g_object_get (record, field->property, &lines, NULL);
      return lines != NULL && lines[0] != NULL ? g_strjoinv ("\n", lines) : NULL;
    }
  if (field->type == VIGIL_FIELD_TEXT_LIST)
    {
      g_auto (GStrv) texts = NULL;

      g_object_get (record, field->property, &texts, NULL);
      return vigil_record_text_list_to_json ((const char * const *) texts);
    }
  if (field->type == VIGIL_FIELD_TIME)
    {
      g_autoptr (GDateTime) time = NULL;

      if (object)
        g_object_get (record, field->property, &time, NULL);
      else if (*MEMBER (record, field->offset, GDateTime *) != NULL)
        time = g_date_time_ref (*MEMBER (record, field->offset, GDateTime *));
      return vigil_time_to_iso (time);
    }
  if (field->type == VIGIL_FIELD_ENUM)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                        field->property);
      int value = 0;

      g_object_get (record, field->property, &value, NULL);
      return g_strdup (vigil_enum_to_nick (pspec->value_type, value));
    }
  if (object)
    {
      char *text = NULL;

      g_object_get (record, field->property, &text, NULL);
      return text;
    }
  return g_strdup (struct_text (record, field->offset));
}

void
vigil_record_bind_field (sqlite3_stmt *stmt, int index, const VigilField *field, gpointer record, gboolean object)
{
  switch (field->type)
    {
    case VIGIL_FIELD_INT64:
      if (object)
        {
          gint64 value = 0;

          g_object_get (record, field->property, &value, NULL);
          sqlite3_bind_int64 (stmt, index, value);
        }
      else if (field->has_offset != 0 && !*MEMBER (record, field->has_offset, gboolean))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, *MEMBER (record, field->offset, gint64));
      break;
    case VIGIL_FIELD_UINT:
      {
        guint value = 0;

        if (object)
          g_object_get (record, field->property, &value, NULL);
        else
          value = *MEMBER (record, field->offset, guint);
        sqlite3_bind_int64 (stmt, index, value);
      }
      break;
    case VIGIL_FIELD_BOOLEAN:
      {
        gboolean value = FALSE;

        if (object)
          g_object_get (record, field->property, &value, NULL);
        else
          value = *MEMBER (record, field->offset, gboolean);
        sqlite3_bind_int (stmt, index, value);
      }
      break;
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_TIME:
    case VIGIL_FIELD_ENUM:
    case VIGIL_FIELD_TEXT_LIST:
      {
        g_autofree char *text = vigil_record_field_text (field, record, object);

        vigil_store_bind_text (stmt, index, text);
      }
      break;
    case VIGIL_FIELD_SEALED:
    case VIGIL_FIELD_SEALED_LINES:
    default:
      g_assert_not_reached ();
    }
}

/* Reads column @index into the member of a struct record; FALSE with
 * VIGIL_ERROR_DAMAGED for a value no save writes. */
static gboolean
read_member (sqlite3_stmt *stmt, int index, const VigilField *field, gpointer record, GError **error)
{
  const char *text = vigil_store_column_text (stmt, index);

  switch (field->type)
    {
    case VIGIL_FIELD_TEXT:
      if (field->nick_of != NULL)
        {
          int value;

          if (!vigil_store_enum_column (stmt, index, field->nick_of (), &value, error))
            return FALSE;
        }
      if (field->vocabulary != NULL && !g_strv_contains (field->vocabulary, text != NULL ? text : ""))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("A record in the vault holds an unknown value “%s” for %s"),
                       text != NULL ? text : "", field->column);
          return FALSE;
        }
      *MEMBER (record, field->offset, char *) = g_strdup (text);
      return TRUE;
    case VIGIL_FIELD_TIME:
      *MEMBER (record, field->offset, GDateTime *) = vigil_store_column_time (stmt, index);
      return TRUE;
    case VIGIL_FIELD_INT64:
      *MEMBER (record, field->offset, gint64) = sqlite3_column_int64 (stmt, index);
      if (field->has_offset != 0)
        *MEMBER (record, field->has_offset, gboolean) =
          sqlite3_column_type (stmt, index) != SQLITE_NULL;
      return TRUE;
    case VIGIL_FIELD_UINT:
      *MEMBER (record, field->offset, guint) = (guint) sqlite3_column_int64 (stmt, index);
      return TRUE;
    case VIGIL_FIELD_BOOLEAN:
      *MEMBER (record, field->offset, gboolean) = sqlite3_column_int (stmt, index) != 0;
      return TRUE;
    case VIGIL_FIELD_ENUM:
      return vigil_store_enum_column (stmt, index, field->nick_of (),
                                      MEMBER (record, field->offset, int), error);
    case VIGIL_FIELD_TEXT_LIST:
    case VIGIL_FIELD_SEALED:
    case VIGIL_FIELD_SEALED_LINES:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Column @index as the value of the property @pspec of a GObject record. */
static gboolean
read_value (sqlite3_stmt     *stmt,
            int               index,
            const VigilField *field,
            GParamSpec       *pspec,
            GValue           *value,
            GError          **error)
{
  g_value_init (value, pspec->value_type);
  switch (field->type)
    {
    case VIGIL_FIELD_TEXT:
      g_value_set_string (value, vigil_store_column_text (stmt, index));
      return TRUE;
    case VIGIL_FIELD_TIME:
      g_value_take_boxed (value, vigil_store_column_time (stmt, index));
      return TRUE;
    case VIGIL_FIELD_INT64:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
      return TRUE;
    case VIGIL_FIELD_UINT:
      g_value_set_uint (value, (guint) sqlite3_column_int64 (stmt, index));
      return TRUE;
    case VIGIL_FIELD_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
      return TRUE;
    case VIGIL_FIELD_TEXT_LIST:
      {
        char **texts = vigil_record_text_list_from_json (vigil_store_column_text (stmt, index),
                                                         error);

        if (texts == NULL)
          return FALSE;
        g_value_take_boxed (value, texts);
      }
      return TRUE;
    case VIGIL_FIELD_ENUM:
      {
        int nick_value;

        if (!vigil_store_enum_column (stmt, index, pspec->value_type, &nick_value, error))
          return FALSE;
        g_value_set_enum (value, nick_value);
      }
      return TRUE;
    case VIGIL_FIELD_SEALED:
    case VIGIL_FIELD_SEALED_LINES:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static char *
select_sql (const VigilRecordKind *kind)
{
  GString *sql = g_string_new ("SELECT id, ");

  g_string_append_printf (sql, "%s, version, created_at, updated_at",
                          kind->parent_column != NULL ? kind->parent_column : "NULL");
  for (const VigilField *field = kind->fields; field->column != NULL; field++)
    g_string_append_printf (sql, ", %s", field->column);
  g_string_append_printf (sql, " FROM %s", kind->table);
  return g_string_free (sql, FALSE);
}

/* The value of @column in the row: the owner of a sealed field is named by
 * the record's id, its parent or one of its fields. */
static const char *
row_text (const VigilRecordKind *kind, sqlite3_stmt *stmt, const char *column)
{
  int index = 0;

  if (g_str_equal (column, "id"))
    return vigil_store_column_text (stmt, 0);
  if (g_strcmp0 (column, kind->parent_column) == 0)
    return vigil_store_column_text (stmt, 1);
  for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
    if (g_str_equal (field->column, column))
      return vigil_store_column_text (stmt, META_COLUMNS + index);
  g_return_val_if_reached (NULL);
}

static gboolean
read_sealed (VigilStore            *store,
             const VigilRecordKind *kind,
             sqlite3_stmt          *stmt,
             int                    index,
             const VigilField      *field,
             gpointer               record,
             gboolean               object,
             GError               **error)
{
  const VigilSealedColumn *column = vigil_store_find_sealed_column (kind->table, field->column);
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, index);
  g_autoptr (GError) local = NULL;
  char *text;

  text = vigil_store_open_sealed (store, column, row_text (kind, stmt, column->owner_column),
                                  vigil_store_column_text (stmt, 0),
                                  sqlite3_column_int64 (stmt, 2), sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (field->type == VIGIL_FIELD_SEALED_LINES)
    {
      g_auto (GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);

      g_object_set (record, field->property, lines, NULL);
    }
  else if (object)
    g_object_set (record, field->property, text, NULL);
  else
    {
      *MEMBER (record, field->offset, char *) = text;
      return TRUE;
    }
  if (text != NULL)
    sodium_memzero (text, strlen (text));
  g_free (text);
  return TRUE;
}

/* A GObject record is made with every clear value it has a property for,
 * so construct-only properties get theirs; a value only the store may set
 * goes through the field's setter. */
static gpointer
object_from_row (const VigilRecordKind *kind, sqlite3_stmt *stmt, GError **error)
{
  GObjectClass *klass = g_type_class_ref (kind->get_type ());
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr (GDateTime) created_at = vigil_store_column_time (stmt, 3);
  g_autoptr (GDateTime) updated_at = vigil_store_column_time (stmt, 4);
  GObject *record = NULL;
  GValue parent = G_VALUE_INIT;
  int index = META_COLUMNS;
  gboolean ok = TRUE;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  if (kind->parent_property != NULL)
    {
      g_value_init (&parent, G_TYPE_STRING);
      g_value_set_string (&parent, vigil_store_column_text (stmt, 1));
      g_ptr_array_add (names, (gpointer) kind->parent_property);
      g_array_append_val (values, parent);
    }
  for (const VigilField *field = kind->fields; ok && field->column != NULL; field++, index++)
    {
      GValue value = G_VALUE_INIT;

      if (vigil_record_field_is_sealed (field) || (field->flags & VIGIL_FIELD_KEPT) || field->set != NULL
          || field->get_text != NULL)
        continue;
      ok = read_value (stmt, index, field, g_object_class_find_property (klass, field->property),
                       &value, error);
      if (ok)
        {
          g_ptr_array_add (names, (gpointer) field->property);
          g_array_append_val (values, value);
        }
    }
  if (ok)
    {
      record = g_object_new_with_properties (kind->get_type (), names->len,
                                             (const char **) names->pdata,
                                             (const GValue *) values->data);
      vigil_record_set_id (VIGIL_RECORD (record), vigil_store_column_text (stmt, 0));
      vigil_record_set_version (VIGIL_RECORD (record), sqlite3_column_int64 (stmt, 2));
      vigil_record_set_created_at (VIGIL_RECORD (record), created_at);
      vigil_record_set_updated_at (VIGIL_RECORD (record), updated_at);
      index = META_COLUMNS;
      for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
        if (field->set != NULL)
          {
            GValue value = G_VALUE_INIT;

            read_value (stmt, index, field, g_object_class_find_property (klass, field->property),
                        &value, NULL);
            field->set (record, &value);
            g_value_unset (&value);
          }
    }
  g_type_class_unref (klass);
  return record;
}

static gpointer
record_from_row (VigilStore *store, const VigilRecordKind *kind, sqlite3_stmt *stmt, GError **error)
{
  gboolean object = vigil_record_is_object (kind);
  gpointer record;
  int index = META_COLUMNS;

  if (!vigil_store_row_is_sound (stmt, error))
    return NULL;
  if (object)
    {
      record = object_from_row (kind, stmt, error);
      if (record == NULL)
        return NULL;
    }
  else
    {
      record = kind->struct_new ();
      *MEMBER (record, kind->id_offset, char *) = g_strdup (vigil_store_column_text (stmt, 0));
      *MEMBER (record, kind->parent_offset, char *) = g_strdup (vigil_store_column_text (stmt, 1));
      *MEMBER (record, kind->version_offset, gint64) = sqlite3_column_int64 (stmt, 2);
      if (kind->time_offset != 0)
        *MEMBER (record, kind->time_offset, GDateTime *) = vigil_store_column_time (stmt, 4);
    }

  for (const VigilField *field = kind->fields; field->column != NULL; field++, index++)
    {
      gboolean ok = TRUE;

      if ((field->flags & VIGIL_FIELD_KEPT) || field->get_text != NULL)
        continue;
      if (vigil_record_field_is_sealed (field))
        ok = read_sealed (store, kind, stmt, index, field, record, object, error);
      else if (!object)
        ok = read_member (stmt, index, field, record, error);
      if (!ok)
        goto fail;
    }
  if (kind->after_read != NULL && !kind->after_read (store, record, error))
    goto fail;
  return record;

fail:
  free_record (kind, record);
  return NULL;
}


static GPtrArray *
read_rows (VigilStore            *store,
           const VigilRecordKind *kind,
           const char            *sql_where,
           const char * const    *binds,
           GError               **error)
{
  VigilDbCache *statements = vigil_store_get_statements (store, error);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (VigilDbCached) query = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  int rc;

  if (statements == NULL)
    return NULL;
  select = select_sql (kind);
  sql = g_strconcat (select, " ", sql_where, NULL);
  query = vigil_db_cache_get (statements, sql, error);
  if (query == NULL)
    return NULL;
  for (int i = 0; binds != NULL && binds[i] != NULL; i++)
    vigil_store_bind_text (query->stmt, i + 1, binds[i]);
  records = g_ptr_array_new_with_free_func (vigil_record_free_func (kind));
  while ((rc = sqlite3_step (query->stmt)) == SQLITE_ROW)
    {
      gpointer record = record_from_row (store, kind, query->stmt, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), rc,
                          g_dgettext (GETTEXT_PACKAGE, kind->cannot_read_list), error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* public API (vigil-record-mapper.h) */

char *
vigil_record_text_list_to_json (const char * const *texts)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    json_builder_add_string_value (builder, texts[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char **
vigil_record_text_list_from_json (const char *json, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    goto damaged;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        goto damaged;
      g_ptr_array_add (texts, g_strdup (json_node_get_string (node)));
    }
  g_ptr_array_set_free_func (texts, NULL);
  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);

damaged:
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
               _("A list in the vault is damaged: it is not a list of texts"));
  return NULL;
}

gpointer
vigil_record_get (VigilStore *store, const VigilRecordKind *kind, const char *id, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  found = read_rows (store, kind, "WHERE id = ?1", (const char *[]) { id, NULL }, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                           g_dgettext (GETTEXT_PACKAGE, kind->not_found));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
vigil_record_list (VigilStore *store, const VigilRecordKind *kind, const char *parent_id, GError **error)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && parent_id != NULL, NULL);

  if (kind->list_needs_parent && !vigil_store_require_row (store, kind->parent_table, parent_id, error))
    return NULL;
  where = g_strdup_printf ("WHERE %s = ?1 ORDER BY %s", kind->parent_column, kind->order_by);
  return read_rows (store, kind, where, (const char *[]) { parent_id, NULL }, error);
}

GPtrArray *
vigil_record_query (VigilStore            *store,
                    const VigilRecordKind *kind,
                    const char            *sql_where,
                    const char * const    *binds,
                    GError               **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && sql_where != NULL, NULL);

  return read_rows (store, kind, sql_where, binds, error);
}
