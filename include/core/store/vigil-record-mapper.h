/* vigil-record-mapper.h: one description per kind of record, and one get,
 * list, save and delete for all of them
 *
 * A kind of record is a table whose rows are versioned, audited and partly
 * sealed. Its description (a VigilRecordKind) says which table, which clear
 * columns map to which field of the record, which columns are sealed (and,
 * through vigil_store_sealed_columns, under whose key), what the record
 * belongs to, and how to name it in a message. The mapper then reads a row
 * into a record, writes a record as a new version with its sealed values
 * bound to that version, carries the sealed values a save does not change
 * over to the new version, and appends the audit entry, the same way for
 * every kind. What really differs (a person's unique pseudonym, a hearing's
 * attendance, a claim's items) stays with the kind, in a hook or around the
 * call.
 *
 * Records are VigilRecord objects (their fields are properties; their id,
 * version and times are the base class's) or plain structs (their fields
 * are members, at an offset).
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store-private.h"

G_BEGIN_DECLS

/**
 * VigilFieldType:
 * @VIGIL_FIELD_TEXT: text (char *, or a string property)
 * @VIGIL_FIELD_TIME: a GDateTime, stored in UTC as vigil_time_to_iso() writes it
 * @VIGIL_FIELD_INT64: an integer (gint64)
 * @VIGIL_FIELD_UINT: a count (guint)
 * @VIGIL_FIELD_BOOLEAN: a boolean (gboolean)
 * @VIGIL_FIELD_ENUM: an enum (a property, or an int member whose enum
 *   type @nick_of gives), stored as its nick
 * @VIGIL_FIELD_TEXT_LIST: a list of texts (a GStrv property), stored as a
 *   JSON array
 * @VIGIL_FIELD_SEALED: text sealed under the owner's key
 * @VIGIL_FIELD_SEALED_LINES: a list of one-line texts (a GStrv property),
 *   sealed as one text, a line each
 */
typedef enum
{
  VIGIL_FIELD_TEXT,
  VIGIL_FIELD_TIME,
  VIGIL_FIELD_INT64,
  VIGIL_FIELD_UINT,
  VIGIL_FIELD_BOOLEAN,
  VIGIL_FIELD_ENUM,
  VIGIL_FIELD_TEXT_LIST,
  VIGIL_FIELD_SEALED,
  VIGIL_FIELD_SEALED_LINES,
} VigilFieldType;

typedef enum
{
  VIGIL_FIELD_DEFAULT = 0,
  /* Written when the row is made, never by a later save. */
  VIGIL_FIELD_INSERT_ONLY = 1 << 0,
  /* Not read with the record nor written from it: a save carries what is
   * stored over to the new version (a sealed identity, opened only on
   * request). */
  VIGIL_FIELD_KEPT = 1 << 1,
} VigilFieldFlags;

/**
 * VigilField:
 * @column: the column
 * @type: what it holds
 * @property: the property of a GObject record
 * @offset: the member of a struct record
 * @has_offset: for an optional %VIGIL_FIELD_INT64 member, the gboolean
 *   member that says whether it holds a value (NULL in the column when not);
 *   0 for none
 * @vocabulary: for a %VIGIL_FIELD_TEXT member, the words it may hold: a
 *   row holding another is damaged
 * @nick_of: (nullable): for a %VIGIL_FIELD_TEXT member, the enum whose
 *   nicks it holds: a row holding another is damaged
 * @get_text: (nullable): for a %VIGIL_FIELD_TEXT column that is derived
 *   from the record (and so never read back into it), how to derive it
 * @set: (nullable): for a property only the store may set (read-only to
 *   everyone else), how the store sets it
 */
typedef struct
{
  const char         *column;
  VigilFieldType      type;
  VigilFieldFlags     flags;
  const char         *property;
  gsize               offset;
  gsize               has_offset;
  const char * const *vocabulary;
  GType             (*nick_of) (void);
  char             *(*get_text) (gconstpointer record);
  void              (*set) (gpointer      record,
                            const GValue *value);
} VigilField;

typedef struct _VigilRecordKind VigilRecordKind;

/**
 * VigilRecordKind:
 * @table: its table
 * @record_kind: the kind its audit entries and sealed values name
 * @parent_table: (nullable): the table of what it belongs to; NULL for a
 *   record that belongs to nothing (a case)
 * @parent_column: (nullable): the column naming the parent's id
 * @list_needs_parent: whether listing the records of a parent that does not
 *   exist fails with VIGIL_ERROR_NOT_FOUND (otherwise it is an empty list)
 * @case_column: the column naming its case ("id" for a case itself); NULL
 *   when it is its parent's case
 * @order_by: how a list is sorted
 * @fields: its columns besides id, parent, version and times; ends with a
 *   field whose @column is NULL
 * @get_type: (nullable): the class of a VigilRecord record
 * @parent_property: (nullable): the construct property of a GObject record
 *   holding the parent's id
 * @sealed_loaded: (nullable): FALSE when a GObject record was read without
 *   its sealed values, which a save then carries over unchanged
 * @struct_new: (nullable): makes an empty struct record
 * @struct_free: frees a struct record
 * @id_offset: the char * member holding a struct record's id
 * @parent_offset: the char * member holding its parent's id
 * @version_offset: the gint64 member holding its version
 * @time_offset: when not 0, the GDateTime member holding when the record
 *   was made or last changed: written as its times (NULL: now) and read
 *   back from its last change; for records that keep the time they were
 *   decided elsewhere
 * @after_read: (nullable): reads what belongs to a record beyond its row
 * @not_found: the message when a record does not exist
 * @cannot_read: the message when one cannot be read
 * @cannot_read_list: the message when a list cannot be read
 * @cannot_save: the message when one cannot be saved
 * @cannot_delete: the message when one cannot be deleted
 */
struct _VigilRecordKind
{
  const char        *table;
  const char        *record_kind;
  const char        *parent_table;
  const char        *parent_column;
  gboolean           list_needs_parent;
  const char        *case_column;
  const char        *order_by;
  const VigilField  *fields;

  GType            (*get_type)       (void);
  const char        *parent_property;
  gboolean         (*sealed_loaded)  (gpointer     record);

  gpointer         (*struct_new)     (void);
  GDestroyNotify     struct_free;
  gsize              id_offset;
  gsize              parent_offset;
  gsize              version_offset;
  gsize              time_offset;

  gboolean         (*after_read)     (VigilStore  *store,
                                      gpointer     record,
                                      GError     **error);

  const char        *not_found;
  const char        *cannot_read;
  const char        *cannot_read_list;
  const char        *cannot_save;
  const char        *cannot_delete;
};

/* The record @id, or NULL with VIGIL_ERROR_NOT_FOUND. */
gpointer   vigil_record_get     (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 const char            *id,
                                 GError               **error);
/* The records of @parent_id, sorted by the kind's order; the array frees
 * them. */
GPtrArray *vigil_record_list    (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 const char            *parent_id,
                                 GError               **error);
/* Runs @sql_where ("WHERE ... ORDER BY ...", binding the texts of the
 * NULL-terminated @binds to ?1, ?2, ...) over the kind's columns: for the
 * few reads that are not by id or parent. */
GPtrArray *vigil_record_query   (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 const char            *sql_where,
                                 const char * const    *binds,
                                 GError               **error);
/* Writes @record as its next version (version 0 creates it, with a new id
 * when a struct record has none), seals its sealed fields for that version,
 * carries over those it keeps, and appends the "create" or "update" audit
 * entry; then notes its case as changed. Runs in its own transaction level,
 * so a caller may wrap more writes around it. A stale copy fails with
 * VIGIL_ERROR_CONFLICT. The record's version (and a GObject's times) are
 * updated. */
gboolean   vigil_record_save    (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 gpointer               record,
                                 GError               **error);
/* A step of vigil_record_create(), in its transaction. */
typedef gboolean (*VigilRecordStep) (VigilStore *store,
                                     gpointer    record,
                                     GError    **error);

/* Creates the struct record @record (version 1, with its own id when it
 * has one) in one transaction: @before (may be NULL) checks what the
 * record refers to, then the row is written, then @after (may be NULL)
 * writes what hangs off it (a claim's items, an observation's notes). On
 * any failure nothing is written and @record gets back the id and
 * version it had. */
gboolean   vigil_record_create  (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 gpointer               record,
                                 VigilRecordStep        before,
                                 VigilRecordStep        after,
                                 GError               **error);
/* Deletes the record @id (the schema cascades to what hangs off it) and
 * appends the "delete" audit entry. */
gboolean   vigil_record_delete  (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 const char            *id,
                                 GError               **error);
/* A list of texts as %VIGIL_FIELD_TEXT_LIST stores it, and back; NULL with
 * VIGIL_ERROR_DAMAGED when @json is not such a list. */
char      *vigil_record_text_list_to_json   (const char * const *texts);
char     **vigil_record_text_list_from_json (const char          *json,
                                             GError             **error);
/* Saves the row @id of @table (at @old_version) as its next version with
 * new text in some of its sealed columns (@texts: column name → text, a
 * NULL text for none), carrying the others over, and appends the
 * "update" audit entry: for rewriting a record's sealed text without
 * knowing its kind. Every sealed column of @table is sealed under
 * @owner_id's key. */
gboolean   vigil_record_reseal  (VigilStore            *store,
                                 const char            *table,
                                 const char            *owner_id,
                                 const char            *id,
                                 gint64                 old_version,
                                 GHashTable            *texts,
                                 GError               **error);
/* The case @record belongs to; for "case-changed". */
char      *vigil_record_case_id (VigilStore            *store,
                                 const VigilRecordKind *kind,
                                 gpointer               record,
                                 GError               **error);

G_END_DECLS
