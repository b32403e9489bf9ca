/* vigil-store.c: the domain records of an unlocked vault
 *
 * Every save runs in one transaction that writes the row with its version
 * bumped, seals its sensitive fields for that new version, and appends the
 * audit entry. An update names the version it was read at, so a stale copy
 * never overwrites a newer one. This file holds the object, transactions
 * and the sealing helpers; the records are in vigil-store-cases.c,
 * vigil-store-persons.c (with identities and consents) and
 * vigil-store-hearings.c, erasing in vigil-store-erase.c, the check in
 * vigil-store-check.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-audit-private.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-store-private.h"

G_DEFINE_FINAL_TYPE (VigilStore, vigil_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CASE_CHANGED,
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const VigilSealedColumn vigil_store_sealed_columns[] = {
  { "cases", "notes", VIGIL_KEY_OWNER_CASE, "id", "case" },
  { "persons", "identity", VIGIL_KEY_OWNER_PERSON, "id", "person" },
  { "persons", "notes", VIGIL_KEY_OWNER_PERSON, "id", "person" },
  { "hearings", "adjournment_reason", VIGIL_KEY_OWNER_CASE, "case_id", "hearing" },
  { "hearings", "notes", VIGIL_KEY_OWNER_CASE, "case_id", "hearing" },
  { "consents", "shared_with", VIGIL_KEY_OWNER_PERSON, "person_id", "consent" },
  { "observations", "notes", VIGIL_KEY_OWNER_CASE, "case_id", "observation" },
  { "protection_measures", "responsible", VIGIL_KEY_OWNER_PERSON, "person_id",
    "protection_measure" },
  { "protection_measures", "details", VIGIL_KEY_OWNER_PERSON, "person_id",
    "protection_measure" },
  { "claims", "assets", VIGIL_KEY_OWNER_PERSON, "claimant_id", "claim" },
  { "claims", "notes", VIGIL_KEY_OWNER_PERSON, "claimant_id", "claim" },
  { "claim_items", "evidence", VIGIL_KEY_OWNER_PERSON, "claimant_id", "claim_item" },
  { "attachments", "title", VIGIL_KEY_OWNER_CASE, "case_id", "attachment" },
  { "attachments", "content", VIGIL_KEY_OWNER_CASE, "case_id", "attachment" },
  { "attachments", "extracted_text", VIGIL_KEY_OWNER_CASE, "case_id", "attachment" },
  { "hearings", "interpreter_languages", VIGIL_KEY_OWNER_CASE, "case_id", "hearing" },
  { "observation_notes", "text", VIGIL_KEY_OWNER_CASE, "case_id", "observation_note" },
  { "assessments", "reason", VIGIL_KEY_OWNER_CASE, "case_id", "assessment" },
  { "risk_assessments", "factors", VIGIL_KEY_OWNER_PERSON, "person_id", "risk_assessment" },
  { "risk_assessments", "assessor", VIGIL_KEY_OWNER_PERSON, "person_id", "risk_assessment" },
  /* What a defendant owns and where: theirs, shredded with them. */
  { "defendant_assets", "description", VIGIL_KEY_OWNER_PERSON, "defendant_id",
    "defendant_asset" },
  { "evidence_documents", "title", VIGIL_KEY_OWNER_PERSON, "claimant_id", "evidence" },
  { "evidence_documents", "extracted_text", VIGIL_KEY_OWNER_PERSON, "claimant_id", "evidence" },
  { NULL },
};

const VigilRecordTable vigil_store_record_tables[] = {
  { "cases", "case" },
  { "persons", "person" },
  { "hearings", "hearing" },
  { "consents", "consent" },
  { "observations", "observation" },
  { "protection_measures", "protection_measure" },
  { "claims", "claim" },
  { "claim_items", "claim_item" },
  { "attachments", "attachment" },
  { "observation_notes", "observation_note" },
  { "assessments", "assessment" },
  { "risk_assessments", "risk_assessment" },
  { "protection_status_changes", "protection_status_change" },
  { "hearing_moves", "hearing_move" },
  { "claim_status_changes", "claim_status_change" },
  { "claim_deadlines", "claim_deadline" },
  { "claim_payments", "claim_payment" },
  { "defendant_assets", "defendant_asset" },
  { "claim_assets", "claim_asset" },
  { "evidence_documents", "evidence" },
  { NULL },
};

/* A record saved inside a transaction level that is still open: if that
 * level rolls back, the object gets back the version and times it had. */
typedef struct
{
  VigilRecord *record;
  guint      depth;
  gint64     version;
  GDateTime *created_at;
  GDateTime *updated_at;
} UndoEntry;

/* private helpers */

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static void
undo_entry_free (UndoEntry *entry)
{
  g_object_unref (entry->record);
  g_clear_pointer (&entry->created_at, g_date_time_unref);
  g_clear_pointer (&entry->updated_at, g_date_time_unref);
  g_free (entry);
}

static void
undo_entry_apply (UndoEntry *entry)
{
  vigil_record_set_version (entry->record, entry->version);
  vigil_record_set_created_at (entry->record, entry->created_at);
  vigil_record_set_updated_at (entry->record, entry->updated_at);
}

/* After the level above self->depth ended without committing. */
static void
levels_rolled_back (VigilStore *self)
{
  for (guint i = self->undo->len; i > 0; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo, i - 1);

      if (entry->depth > self->depth)
        {
          undo_entry_apply (entry);
          g_ptr_array_remove_index (self->undo, i - 1);
        }
    }
  if (self->depth == 0)
    {
      g_ptr_array_set_size (self->changed_cases, 0);
      self->purge_pending = FALSE;
    }
}

static void
emit_changes (VigilStore *self)
{
  g_autoptr (GPtrArray) changed = g_steal_pointer (&self->changed_cases);

  self->changed_cases = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[CASE_CHANGED], 0, g_ptr_array_index (changed, i));
}

const char *
vigil_store_record_label (const char *record_kind)
{
  if (g_str_equal (record_kind, "case"))
    return _("case");
  if (g_str_equal (record_kind, "person"))
    return _("person");
  if (g_str_equal (record_kind, "hearing"))
    return _("hearing");
  if (g_str_equal (record_kind, "consent"))
    return _("consent");
  if (g_str_equal (record_kind, "observation"))
    return _("observation");
  if (g_str_equal (record_kind, "assessment"))
    return _("assessment");
  return record_kind;
}

/* An UPDATE ... WHERE version = ? changed nothing: tell a stale copy from
 * a record that is gone. */
void
vigil_store_set_update_error (VigilStore *self,
                              const char *table,
                              const char *record_kind,
                              const char *id,
                              GError    **error)
{
  sqlite3 *db = self->vault != NULL ? vigil_vault_get_db (self->vault, NULL) : NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = db != NULL ? vigil_db_prepare (db, sql, NULL) : NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                       _("This %s was changed elsewhere since it was opened (it is now at "
                         "version %" G_GINT64_FORMAT "); reopen it and make the change again"),
                       vigil_store_record_label (record_kind), (gint64) sqlite3_column_int64 (stmt, 0));
          return;
        }
    }
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
               _("This %s no longer exists: it was deleted or erased"),
               vigil_store_record_label (record_kind));
}





/* What a table holds, for "it does not exist" messages. */
static void
set_not_found (const char *table, GError **error)
{
  if (g_str_equal (table, "cases"))
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The case does not exist: it was erased, or never saved"));
  else if (g_str_equal (table, "hearings"))
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The hearing does not exist: it was deleted, or never saved"));
  else if (g_str_equal (table, "claims"))
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The claim does not exist: it was erased, or never saved"));
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The person does not exist: they were erased, or never saved"));
}

VigilDbCached *
vigil_store_find_row (VigilStore *self,
                      const char *columns,
                      const char *table,
                      const char *id,
                      GError    **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, table);
  g_autoptr (VigilDbCached) query = NULL;
  int rc;

  /* Kept prepared: every save of a record checks its parent. */
  if (statements == NULL || (query = vigil_db_cache_get (statements, sql, error)) == NULL)
    return NULL;
  vigil_store_bind_text (query->stmt, 1, id);
  rc = sqlite3_step (query->stmt);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&query);
  if (rc != SQLITE_DONE)
    vigil_db_set_error (vigil_db_cache_get_db (statements), rc, _("The vault could not be read"),
                        error);
  else
    set_not_found (table, error);
  return NULL;
}

gboolean
vigil_store_require_row (VigilStore *self, const char *table, const char *id, GError **error)
{
  g_autoptr (VigilDbCached) row = vigil_store_find_row (self, "1", table, id, error);

  return row != NULL;
}

char *
vigil_store_case_of (VigilStore *self, const char *table, const char *id, GError **error)
{
  g_autoptr (VigilDbCached) row = vigil_store_find_row (self, "case_id", table, id, error);

  return row != NULL ? g_strdup (vigil_store_column_text (row->stmt, 0)) : NULL;
}

gboolean
vigil_store_enum_column (sqlite3_stmt *stmt, int column, GType type, int *out, GError **error)
{
  if (!vigil_enum_from_nick (type, vigil_store_column_text (stmt, column), out))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("A record in the vault holds an unknown value “%s” for %s"),
                   vigil_store_column_text (stmt, column) ? vigil_store_column_text (stmt, column) : "",
                   sqlite3_column_name (stmt, column));
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_row_is_sound (sqlite3_stmt *stmt, GError **error)
{
  int columns = sqlite3_column_count (stmt);

  for (int i = 0; i < columns; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      int type = sqlite3_column_type (stmt, i);
      gboolean sound = TRUE;

      if (g_strcmp0 (name, "id") == 0)
        sound = type == SQLITE_TEXT;
      else if (g_strcmp0 (name, "version") == 0)
        sound = type == SQLITE_INTEGER && sqlite3_column_int64 (stmt, i) >= 1;
      if (sound && type == SQLITE_TEXT)
        sound = g_utf8_validate ((const char *) sqlite3_column_text (stmt, i),
                                 sqlite3_column_bytes (stmt, i), NULL);
      if (!sound)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("A record in the vault is damaged: its %s cannot be right"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* GObject overrides */

static void
vigil_store_dispose (GObject *object)
{
  VigilStore *self = VIGIL_STORE (object);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_object_set_data (object, "vigil-case-list", NULL);
  g_clear_object (&self->vault);
  G_OBJECT_CLASS (vigil_store_parent_class)->dispose (object);
}

static void
vigil_store_finalize (GObject *object)
{
  VigilStore *self = VIGIL_STORE (object);

  g_clear_pointer (&self->changed_cases, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_store_parent_class)->finalize (object);
}

static void
vigil_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilStore *self = VIGIL_STORE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VigilStore *self = VIGIL_STORE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_store_constructed (GObject *object)
{
  VigilStore *self = VIGIL_STORE (object);

  G_OBJECT_CLASS (vigil_store_parent_class)->constructed (object);
  /* What is in the file now is what this store starts from. */
  self->data_version_known = vigil_vault_get_data_version (self->vault, &self->data_version, NULL);
}

static void
vigil_store_class_init (VigilStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigil_store_constructed;
  object_class->dispose = vigil_store_dispose;
  object_class->finalize = vigil_store_finalize;
  object_class->get_property = vigil_store_get_property;
  object_class->set_property = vigil_store_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, VIGIL_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilStore::case-changed:
   * @case_id: the case that was created, changed or erased, or whose
   *   persons, hearings or consents were
   *
   * Emitted once per case after the outermost commit, never for work that
   * was rolled back.
   */
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_STRING);
  /**
   * VigilStore::changed-elsewhere:
   *
   * Another connection to the vault file committed; see
   * vigil_store_poll_changes_elsewhere().
   */
  signals[CHANGED_ELSEWHERE] = g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
}

static void
vigil_store_init (VigilStore *self)
{
  self->changed_cases = g_ptr_array_new_with_free_func (g_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);
}

/* private API (vigil-store-private.h) */

const VigilSealedColumn *
vigil_store_find_sealed_column (const char *table, const char *column)
{
  for (const VigilSealedColumn *c = vigil_store_sealed_columns; c->table != NULL; c++)
    if (g_str_equal (c->table, table) && g_str_equal (c->column, column))
      return c;
  g_return_val_if_reached (NULL);
}

sqlite3 *
vigil_store_get_db (VigilStore *self, GError **error)
{
  return vigil_vault_get_db (self->vault, error);
}

VigilDbCache *
vigil_store_get_statements (VigilStore *self, GError **error)
{
  return vigil_vault_get_statements (self->vault, error);
}

gboolean
vigil_store_audit (VigilStore *self,
                   const char *action,
                   const char *record_kind,
                   const char *record_id,
                   gint64      version,
                   GError    **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);

  if (statements == NULL)
    return FALSE;
  return vigil_audit_append_cached (statements, vigil_vault_get_audit_key (self->vault),
                                    vigil_vault_get_actor (self->vault), action, record_kind,
                                    record_id, version, error);
}

void
vigil_store_note_case_changed (VigilStore *self, const char *case_id)
{
  for (guint i = 0; i < self->changed_cases->len; i++)
    if (g_str_equal (g_ptr_array_index (self->changed_cases, i), case_id))
      return;
  g_ptr_array_add (self->changed_cases, g_strdup (case_id));
}

VigilSealRef
vigil_store_seal_ref (const VigilSealedColumn *column,
          const char              *owner_id,
          const char              *record_id,
          gint64                   version)
{
  VigilSealRef ref = {
    .owner = column->owner,
    .owner_id = owner_id,
    .record_kind = column->record_kind,
    .record_id = record_id,
    .field = column->column,
    .version = version,
  };
  return ref;
}

static gboolean
write_sealed_bytes (VigilStore              *self,
                    const VigilSealedColumn *column,
                    const char              *record_id,
                    GBytes                  *sealed,
                    GError                 **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);
  g_autofree char *sql = NULL;
  g_autoptr (VigilDbCached) update = NULL;

  if (statements == NULL)
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?", column->table, column->column);
  update = vigil_db_cache_get (statements, sql, error);
  if (update == NULL)
    return FALSE;
  vigil_db_bind_bytes (update->stmt, 1, sealed);
  vigil_store_bind_text (update->stmt, 2, record_id);
  return vigil_store_step_done (vigil_db_cache_get_db (statements), update->stmt,
                                _("The sealed value could not be written"), error);
}

gboolean
vigil_store_write_sealed (VigilStore              *self,
                          const VigilSealedColumn *column,
                          const char              *owner_id,
                          const char              *record_id,
                          gint64                   version,
                          const char              *text,
                          GError                 **error)
{
  VigilSealRef ref = vigil_store_seal_ref (column, owner_id, record_id, version);
  g_autoptr (GBytes) sealed = NULL;

  if (text != NULL)
    {
      sealed = vigil_vault_seal_text (self->vault, &ref, text, error);
      if (sealed == NULL)
        return FALSE;
    }
  return write_sealed_bytes (self, column, record_id, sealed, error);
}

gboolean
vigil_store_carry_sealed (VigilStore              *self,
                          const VigilSealedColumn *column,
                          const char              *owner_id,
                          const char              *record_id,
                          gint64                   old_version,
                          gint64                   new_version,
                          GError                 **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);
  VigilSealRef old_ref = vigil_store_seal_ref (column, owner_id, record_id, old_version);
  VigilSealRef new_ref = vigil_store_seal_ref (column, owner_id, record_id, new_version);
  g_autofree char *sql = NULL;
  g_autoptr (VigilDbCached) query = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GBytes) plain = NULL;
  g_autoptr (GBytes) resealed = NULL;
  int rc;

  if (statements == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", column->column, column->table);
  query = vigil_db_cache_get (statements, sql, error);
  if (query == NULL)
    return FALSE;
  vigil_store_bind_text (query->stmt, 1, record_id);
  rc = sqlite3_step (query->stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), rc,
                          _("The vault could not be read"), error);
      return FALSE;
    }
  sealed = vigil_db_column_bytes (query->stmt, 0);
  g_clear_pointer (&query, vigil_db_cached_release);
  if (sealed == NULL)
    return TRUE;

  /* The plaintext lives only in the vault's wiping buffer. */
  plain = vigil_vault_unseal (self->vault, &old_ref, sealed, error);
  if (plain == NULL)
    return FALSE;
  resealed = vigil_vault_seal (self->vault, &new_ref, g_bytes_get_data (plain, NULL),
                               g_bytes_get_size (plain), error);
  if (resealed == NULL)
    return FALSE;
  return write_sealed_bytes (self, column, record_id, resealed, error);
}

char *
vigil_store_open_sealed (VigilStore              *self,
                         const VigilSealedColumn *column,
                         const char              *owner_id,
                         const char              *record_id,
                         gint64                   version,
                         GBytes                  *sealed,
                         GError                 **error)
{
  VigilSealRef ref = vigil_store_seal_ref (column, owner_id, record_id, version);

  if (sealed == NULL)
    return NULL;
  return vigil_vault_unseal_text (self->vault, &ref, sealed, error);
}

/* A save is about to commit: the object takes its new version and times,
 * and the store remembers the old ones until no level that could still
 * roll back is open. */
void
vigil_store_record_saved (VigilStore *self, VigilRecord *record, gint64 version, const char *now_iso)
{
  g_autoptr (GDateTime) now = vigil_time_from_iso (now_iso);
  UndoEntry *entry = NULL;

  if (self->depth > 0)
    {
      entry = g_new0 (UndoEntry, 1);
      entry->record = g_object_ref (record);
      entry->depth = self->depth;
      g_ptr_array_add (self->undo, entry);
    }

  if (entry != NULL)
    {
      entry->version = vigil_record_get_version (record);
      entry->created_at = ref_time (vigil_record_get_created_at (record));
      entry->updated_at = ref_time (vigil_record_get_updated_at (record));
    }
  g_object_freeze_notify (G_OBJECT (record));
  if (vigil_record_get_version (record) == 0)
    vigil_record_set_created_at (record, now);
  vigil_record_set_updated_at (record, now);
  vigil_record_set_version (record, version);
  g_object_thaw_notify (G_OBJECT (record));
}

/* public API */

/**
 * vigil_store_new:
 * @vault: an unlocked vault
 *
 * Returns: (transfer full): the store of @vault's records
 */
VigilStore *
vigil_store_new (VigilVault *vault)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (vault), NULL);

  return g_object_new (VIGIL_TYPE_STORE, "vault", vault, NULL);
}

/**
 * vigil_store_get_vault:
 *
 * Returns: (transfer none): the vault
 */
VigilVault *
vigil_store_get_vault (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return self->vault;
}

/**
 * vigil_store_begin:
 *
 * Opens a transaction level. Saves, deletes and erases until the matching
 * vigil_store_commit() land together or, after vigil_store_rollback(), not
 * at all; records saved inside a level that rolls back get their earlier
 * version back. "case-changed" and the purge after an erase wait for the
 * outermost commit.
 */
gboolean
vigil_store_begin (VigilStore *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_vault_begin (self->vault, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
vigil_store_commit (VigilStore *self, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!vigil_vault_commit (self->vault, error))
    {
      /* The vault has rolled this level back itself. */
      self->depth--;
      levels_rolled_back (self);
      return FALSE;
    }
  self->depth--;

  if (self->depth > 0)
    {
      /* What this level saved now stands or falls with the one around it. */
      for (guint i = 0; i < self->undo->len; i++)
        {
          UndoEntry *entry = g_ptr_array_index (self->undo, i);

          entry->depth = MIN (entry->depth, self->depth);
        }
      return TRUE;
    }

  g_ptr_array_set_size (self->undo, 0);
  if (self->purge_pending)
    {
      self->purge_pending = FALSE;
      if (!vigil_vault_purge (self->vault, &local))
        g_set_error (error, VIGIL_ERROR, local->code == VIGIL_ERROR_BUSY ? VIGIL_ERROR_BUSY
                                                                          : VIGIL_ERROR_IO,
                     _("The records are erased, but their old copies are still in the vault "
                       "file: %s"),
                     local->message);
    }
  emit_changes (self);
  return local == NULL;
}

void
vigil_store_rollback (VigilStore *self)
{
  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  vigil_vault_rollback (self->vault);
  self->depth--;
  levels_rolled_back (self);
}

gboolean
vigil_store_poll_changes_elsewhere (VigilStore *self, GError **error)
{
  gint64 version;
  gboolean known;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  /* Inside a transaction the connection reads its own snapshot. */
  if (self->depth > 0)
    return FALSE;
  if (!vigil_vault_get_data_version (self->vault, &version, error))
    return FALSE;
  known = self->data_version_known;
  self->data_version_known = TRUE;
  if (known && version == self->data_version)
    return FALSE;
  self->data_version = version;
  if (!known)
    return FALSE;
  g_signal_emit (self, signals[CHANGED_ELSEWHERE], 0);
  return TRUE;
}

static gboolean
on_watch (gpointer user_data)
{
  VigilStore *self = VIGIL_STORE (user_data);
  g_autoptr (GError) error = NULL;

  if (!vigil_store_poll_changes_elsewhere (self, &error) && error != NULL)
    {
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED))
        {
          self->watch_source = 0;
          return G_SOURCE_REMOVE;
        }
      /* Busy or unreadable for now: the next turn asks again. */
      g_debug ("Could not look for changes made elsewhere: %s", error->message);
    }
  return G_SOURCE_CONTINUE;
}

void
vigil_store_watch_changes_elsewhere (VigilStore *self, guint interval_ms)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (interval_ms > 0)
    self->watch_source = g_timeout_add (interval_ms, on_watch, self);
}
