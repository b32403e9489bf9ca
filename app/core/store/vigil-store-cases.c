/* vigil-store-cases.c: saving and reading cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-record-mapper.h"

/* private helpers */

static gboolean
case_notes_loaded (gpointer record)
{
  return vigil_case_get_notes_loaded (record);
}

static const VigilField case_fields[] = {
  { "reference", VIGIL_FIELD_TEXT, .property = "reference" },
  { "court", VIGIL_FIELD_TEXT, .property = "court" },
  { "jurisdiction", VIGIL_FIELD_TEXT, .property = "jurisdiction" },
  { "stage", VIGIL_FIELD_ENUM, .property = "stage" },
  { "outcome", VIGIL_FIELD_ENUM, .property = "outcome" },
  { "charges", VIGIL_FIELD_TEXT_LIST, .property = "charges" },
  { "convicted_charge", VIGIL_FIELD_TEXT, .property = "convicted-charge" },
  { "adjourned_sine_die", VIGIL_FIELD_BOOLEAN, .property = "adjourned-sine-die" },
  { "notes", VIGIL_FIELD_SEALED, .property = "notes" },
  { NULL },
};

/* Cases are read by vigil_store_query_cases(), with their counts in the
 * same query; the mapper writes them. */
static const VigilRecordKind case_kind = {
  .table = "cases",
  .record_kind = "case",
  .case_column = "id",
  .order_by = "reference COLLATE NOCASE, id",
  .fields = case_fields,
  .get_type = vigil_case_get_type,
  .sealed_loaded = case_notes_loaded,
  .not_found = N_("The case does not exist: it was erased, or never saved"),
  .cannot_read = N_("The case could not be read"),
  .cannot_read_list = N_("The cases could not be read"),
  .cannot_save = N_("The case could not be saved"),
  .cannot_delete = N_("The case could not be deleted"),
};

/* private API (vigil-store-private.h) */

int
vigil_case_compare (VigilCase *a, VigilCase *b)
{
  const char *ra = vigil_case_get_reference (a);
  const char *rb = vigil_case_get_reference (b);
  /* SQLite's NOCASE: ASCII letters folded, every other byte compared as is. */
  int by_reference = g_ascii_strcasecmp (ra != NULL ? ra : "", rb != NULL ? rb : "");

  if (by_reference != 0)
    return by_reference;
  return g_strcmp0 (vigil_case_get_id (a), vigil_case_get_id (b));
}

/* One query for every case and its counts: the list of a thousand cases
 * loads without a query per case. */
GPtrArray *
vigil_store_query_cases (VigilStore *self,
                         const char *case_id,
                         gboolean    open_notes,
                         GError    **error)
{
  VigilDbCache *statements = vigil_store_get_statements (self, error);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (VigilDbCached) query = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *sql = NULL;
  const VigilSealedColumn *notes_column = vigil_store_find_sealed_column ("cases", "notes");
  int rc;

  if (statements == NULL)
    return NULL;
  sql = g_strconcat (
    "SELECT c.id, c.version, c.created_at, c.updated_at, c.reference, c.court,"
    " c.jurisdiction, c.stage, c.outcome, c.charges, c.convicted_charge,"
    " c.adjourned_sine_die, c.notes,"
    " (SELECT count(*) FROM persons p WHERE p.case_id = c.id),"
    " (SELECT count(*) FROM hearings h WHERE h.case_id = c.id),"
    " (SELECT min(h.starts_at) FROM hearings h WHERE h.case_id = c.id"
    "   AND h.status = 'scheduled' AND h.starts_at >= ?1)"
    " FROM cases c",
    case_id != NULL ? " WHERE c.id = ?2" : "", " ORDER BY c.reference COLLATE NOCASE, c.id",
    NULL);
  /* Kept prepared: the list runs the one-case query after every save. */
  query = vigil_db_cache_get (statements, sql, error);
  if (query == NULL)
    return NULL;
  stmt = query->stmt;
  vigil_store_bind_text (stmt, 1, now);
  if (case_id != NULL)
    vigil_store_bind_text (stmt, 2, case_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (VigilCase) kase = g_object_new (VIGIL_TYPE_CASE, NULL);
      g_autoptr (GDateTime) created_at = vigil_store_column_time (stmt, 2);
      g_autoptr (GDateTime) updated_at = vigil_store_column_time (stmt, 3);
      g_autoptr (GDateTime) next_hearing = vigil_store_column_time (stmt, 15);
      g_auto (GStrv) charges = NULL;
      int stage, outcome;

      if (!vigil_store_row_is_sound (stmt, error)
          || !vigil_store_enum_column (stmt, 7, VIGIL_TYPE_CASE_STAGE, &stage, error)
          || !vigil_store_enum_column (stmt, 8, VIGIL_TYPE_CASE_OUTCOME, &outcome, error))
        return NULL;
      charges = vigil_record_text_list_from_json (vigil_store_column_text (stmt, 9), error);
      if (charges == NULL)
        return NULL;

      g_object_freeze_notify (G_OBJECT (kase));
      vigil_record_set_id (VIGIL_RECORD (kase), vigil_store_column_text (stmt, 0));
      vigil_record_set_version (VIGIL_RECORD (kase), sqlite3_column_int64 (stmt, 1));
      vigil_record_set_created_at (VIGIL_RECORD (kase), created_at);
      vigil_record_set_updated_at (VIGIL_RECORD (kase), updated_at);
      vigil_case_set_reference (kase, vigil_store_column_text (stmt, 4));
      vigil_case_set_court (kase, vigil_store_column_text (stmt, 5));
      vigil_case_set_jurisdiction (kase, vigil_store_column_text (stmt, 6));
      vigil_case_set_stage (kase, stage);
      vigil_case_set_outcome (kase, outcome);
      vigil_case_set_charges (kase, (const char * const *) charges);
      vigil_case_set_convicted_charge (kase, vigil_store_column_text (stmt, 10));
      vigil_case_set_adjourned_sine_die (kase, sqlite3_column_int (stmt, 11));
      vigil_case_set_counts (kase, sqlite3_column_int (stmt, 13), sqlite3_column_int (stmt, 14),
                             next_hearing);
      if (open_notes)
        {
          g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 12);
          g_autoptr (GError) local = NULL;
          g_autofree char *notes = NULL;

          notes = vigil_store_open_sealed (self, notes_column, vigil_case_get_id (kase),
                                           vigil_case_get_id (kase),
                                           vigil_case_get_version (kase), sealed, &local);
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          vigil_case_set_notes (kase, notes);
        }
      else
        vigil_case_set_notes_loaded (kase, FALSE);
      g_object_thaw_notify (G_OBJECT (kase));
      g_ptr_array_add (cases, g_steal_pointer (&kase));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), rc, _("The cases could not be read"),
                          error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* public API */

gboolean
vigil_store_save_case (VigilStore *self, VigilCase *kase, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_case_validate (kase, error))
    return FALSE;
  return vigil_record_save (self, &case_kind, kase, error);
}

/**
 * vigil_store_get_case:
 *
 * Returns: (transfer full): the case with its notes opened, or NULL with
 *   VIGIL_ERROR_NOT_FOUND
 */
VigilCase *
vigil_store_get_case (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  cases = vigil_store_query_cases (self, case_id, TRUE, error);
  if (cases == NULL)
    return NULL;
  if (cases->len == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The case does not exist: it was erased, or never saved"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (cases, 0));
}

/**
 * vigil_store_list_cases:
 *
 * Every case with its person and hearing counts and next hearing, in a few
 * queries whatever the number of cases. The sealed notes stay closed (a
 * list never shows them); vigil_store_get_case() opens them, and saving a
 * listed case keeps the stored notes.
 *
 * Returns: (transfer full) (element-type VigilCase): the cases, sorted by reference
 */
GPtrArray *
vigil_store_list_cases (VigilStore *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  return vigil_store_query_cases (self, NULL, FALSE, error);
}

