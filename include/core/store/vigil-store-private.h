/* vigil-store-private.h: what the store's files, and the rest of the core,
 * share about the store
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"
#include "vigil-vault-private.h"

G_BEGIN_DECLS

struct _VigilStore
{
  GObject        parent_instance;

  VigilVault    *vault;
  /* Levels of vigil_store_begin() open now; signals and the purge after an
   * erase wait until it is back to 0. */
  guint          depth;
  GPtrArray     *changed_cases; /* case ids, each once */
  GPtrArray     *undo;          /* UndoEntry: records saved inside a level still open */
  gboolean       purge_pending;
  /* What PRAGMA data_version said when last asked: another connection's
   * commit changes it, this one's never do. */
  gint64         data_version;
  gboolean       data_version_known;
  guint          watch_source;
};

/**
 * VigilSealedColumn:
 * @table: the table
 * @column: the sealed column, also the field of its #VigilSealRef
 * @owner: whose data key seals it
 * @owner_column: the column of @table holding the owner's id
 * @record_kind: the record kind of its #VigilSealRef and of its audit entries
 *
 * Where each sealed value of the domain lives and whose key seals it. Every
 * module that writes one of these columns seals it with exactly this owner
 * and record kind, so vigil_store_check() can open it. Case material
 * (hearings, observations, attachments) is sealed under the case's key;
 * what belongs to a person (identity, consents, protection, claims) under
 * the person's, so erasing the person shreds it.
 */
typedef struct
{
  const char    *table;
  const char    *column;
  VigilKeyOwner  owner;
  const char    *owner_column;
  const char    *record_kind;
} VigilSealedColumn;

/* Terminated by an entry whose @table is NULL. */
extern const VigilSealedColumn vigil_store_sealed_columns[];

/**
 * VigilSealedStream:
 * @table: the table of the records that hold a stream (a document)
 * @record_kind: their record kind, which the stream's place names
 * @field: the field the stream's place names
 * @owner: whose data key seals it
 * @owner_column: the column of @table holding the owner's id
 * @header_column: the column of @table holding the stream's header (base64)
 * @size_column: the column of @table holding the length of the plaintext
 * @count_column: the column of @table holding how many chunks it has
 * @chunk_table: the table of its chunks
 * @chunk_parent: the column of @chunk_table naming the record
 * @chunk_column: the column of @chunk_table holding a sealed chunk
 *
 * A long value sealed in chunks (vigil-vault-stream.h), one row of
 * @chunk_table each, numbered from 0 in "seq".
 */
typedef struct
{
  const char    *table;
  const char    *record_kind;
  const char    *field;
  VigilKeyOwner  owner;
  const char    *owner_column;
  const char    *header_column;
  const char    *size_column;
  const char    *count_column;
  const char    *chunk_table;
  const char    *chunk_parent;
  const char    *chunk_column;
} VigilSealedStream;

/* Terminated by an entry whose @table is NULL. */
extern const VigilSealedStream vigil_store_sealed_streams[];

/* Bytes of plaintext in each chunk of a stream but the last. */
#define VIGIL_STORE_STREAM_CHUNK_BYTES (64 * 1024)

typedef struct _VigilVaultStream VigilVaultStream;

/* How many chunks a stream of @length bytes has (one at least). */
guint       vigil_store_stream_chunk_count (gsize                    length);
/* Starts the stream of the record @record_id under @owner_id's key, before
 * its row is written: the header goes into that row. */
VigilVaultStream *vigil_store_stream_start (VigilStore              *self,
                                            const VigilSealedStream *stream,
                                            const char              *owner_id,
                                            const char              *record_id,
                                            char                   **out_header,
                                            GError                 **error);
/* Seals @data in chunks into @chunk_table, after the record's row; inside
 * the caller's transaction. */
gboolean    vigil_store_stream_write    (VigilStore              *self,
                                         const VigilSealedStream *stream,
                                         VigilVaultStream        *sealer,
                                         const char              *record_id,
                                         const guint8            *data,
                                         gsize                    length,
                                         GError                 **error);
/* The whole plaintext of the record's stream, in memory that is wiped when
 * the GBytes is freed. VIGIL_ERROR_TAMPERED for a chunk that fails
 * authentication, a stream cut short or one with chunks past its end;
 * VIGIL_ERROR_ERASED when its owner's key was destroyed. */
GBytes     *vigil_store_stream_read     (VigilStore              *self,
                                         const VigilSealedStream *stream,
                                         const char              *record_id,
                                         GError                 **error);
const VigilSealedStream *vigil_store_find_sealed_stream (const char *table);

/* Every table of versioned records and its record kind; each row's
 * (kind, id, version) has an audit entry. Terminated by a NULL table. */
typedef struct
{
  const char *table;
  const char *record_kind;
} VigilRecordTable;

extern const VigilRecordTable vigil_store_record_tables[];

const VigilSealedColumn *vigil_store_find_sealed_column (const char *table,
                                                         const char *column);

/* The connection, or NULL and VIGIL_ERROR_LOCKED. */
sqlite3    *vigil_store_get_db          (VigilStore              *self,
                                         GError                 **error);
/* The vault's kept statements, or NULL and VIGIL_ERROR_LOCKED. */
VigilDbCache *vigil_store_get_statements (VigilStore            *self,
                                          GError               **error);
/* Appends the audit entry of a mutation; call inside its transaction. */
gboolean    vigil_store_audit           (VigilStore              *self,
                                         const char              *action,
                                         const char              *record_kind,
                                         const char              *record_id,
                                         gint64                   version,
                                         GError                 **error);
/* Announces @case_id with "case-changed" after the outermost commit. */
void        vigil_store_note_case_changed (VigilStore            *self,
                                           const char            *case_id);

/* Seals @text (NULL writes NULL) into @column of the row @record_id at
 * @version. */
gboolean    vigil_store_write_sealed    (VigilStore              *self,
                                         const VigilSealedColumn *column,
                                         const char              *owner_id,
                                         const char              *record_id,
                                         gint64                   version,
                                         const char              *text,
                                         GError                 **error);
/* Re-seals what @column of @record_id holds at @old_version for
 * @new_version: every save bumps the version the associated data binds, so
 * a value the caller did not change still has to move with it. */
gboolean    vigil_store_carry_sealed    (VigilStore              *self,
                                         const VigilSealedColumn *column,
                                         const char              *owner_id,
                                         const char              *record_id,
                                         gint64                   old_version,
                                         gint64                   new_version,
                                         GError                 **error);
/* Opens a sealed text value; NULL @sealed gives NULL without error. */
char       *vigil_store_open_sealed     (VigilStore              *self,
                                         const VigilSealedColumn *column,
                                         const char              *owner_id,
                                         const char              *record_id,
                                         gint64                   version,
                                         GBytes                  *sealed,
                                         GError                 **error);

/* Cases with their counts, sorted as the case list sorts them: all of them
 * (@case_id NULL) or one (an empty array when it does not exist). Notes are
 * opened only when @open_notes. */
GPtrArray  *vigil_store_query_cases     (VigilStore              *self,
                                         const char              *case_id,
                                         gboolean                 open_notes,
                                         GError                 **error);
/* The order of the case list and of vigil_store_list_cases(). */
int         vigil_case_compare          (VigilCase               *a,
                                         VigilCase               *b);

/* Helpers the store's files share. */
void        vigil_store_record_saved    (VigilStore              *self,
                                         VigilRecord             *record,
                                         gint64                   version,
                                         const char              *now_iso);
/* In a hearing's save, before its row changes: keeps its stored time as a
 * move when @new_starts_at differs (vigil-store-hearing-moves.c). */
gboolean    vigil_store_note_hearing_move (VigilStore            *self,
                                           const char            *hearing_id,
                                           const char            *case_id,
                                           GDateTime             *new_starts_at,
                                           GError               **error);
/* FALSE with VIGIL_ERROR_NOT_FOUND when @table ("cases" or "persons") has
 * no row @id. */
gboolean    vigil_store_require_row     (VigilStore              *self,
                                         const char              *table,
                                         const char              *id,
                                         GError                 **error);
/* After an UPDATE ... WHERE version = ? that changed nothing:
 * VIGIL_ERROR_CONFLICT for a stale copy, VIGIL_ERROR_NOT_FOUND for a record
 * that is gone. */
void        vigil_store_set_update_error (VigilStore             *self,
                                          const char             *table,
                                          const char             *record_kind,
                                          const char             *id,
                                          GError                **error);
VigilSealRef vigil_store_seal_ref       (const VigilSealedColumn *column,
                                         const char              *owner_id,
                                         const char              *record_id,
                                         gint64                   version);
/* Reads a stored enum nick; VIGIL_ERROR_DAMAGED for an unknown one. */
/* FALSE with VIGIL_ERROR_DAMAGED when a record's row holds what no save
 * writes: text that is not UTF-8, no id, or a version below 1. Rows are
 * checked before their values reach the record setters. */
gboolean    vigil_store_row_is_sound    (sqlite3_stmt            *stmt,
                                         GError                 **error);
gboolean    vigil_store_enum_column     (sqlite3_stmt            *stmt,
                                         int                      column,
                                         GType                    type,
                                         int                     *out,
                                         GError                 **error);
/* The kept statement "SELECT @columns FROM @table WHERE id = ?" stepped to
 * the row @id, to read and release; NULL with VIGIL_ERROR_NOT_FOUND
 * (saying what @table holds) when there is none. */
VigilDbCached *vigil_store_find_row     (VigilStore              *self,
                                         const char              *columns,
                                         const char              *table,
                                         const char              *id,
                                         GError                 **error);
/* Opens the sealed identity of @person_id at @version: for a reveal, an
 * export with identities or the screening of text. VIGIL_ERROR_DAMAGED
 * when what opens is not an identity. */
VigilIdentity *vigil_store_open_identity (VigilStore             *self,
                                          const char             *person_id,
                                          gint64                  version,
                                          GBytes                 *sealed,
                                          GError                **error);
/* The case of the row @id of @table ("persons", "hearings", ...), or NULL
 * with VIGIL_ERROR_NOT_FOUND when there is no such row. */
char       *vigil_store_case_of         (VigilStore              *self,
                                         const char              *table,
                                         const char              *id,
                                         GError                 **error);
/* The translated word for a record kind, e.g. "hearing". */
const char *vigil_store_record_label    (const char              *record_kind);

static inline gboolean
vigil_store_step_done (sqlite3 *db, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

static inline void
vigil_store_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline const char *
vigil_store_column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline GDateTime *
vigil_store_column_time (sqlite3_stmt *stmt, int column)
{
  return vigil_time_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

/* vigil-store-erase.c: deletes the person's rows, destroys their key and
 * writes the "erase" entry, inside the caller's transaction; the purge
 * follows the outermost commit. */
gboolean    vigil_store_erase_person_in_txn (VigilStore          *self,
                                             const char          *person_id,
                                             guint               *n_texts,
                                             GError             **error);

G_END_DECLS
