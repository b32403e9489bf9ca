/* vigil-store-check.c: is the vault whole?
 *
 * The check reads everything: SQLite's own integrity check and foreign
 * keys, the audit chain, every sealed value of every table (opened and
 * wiped again), that every record's current version has its audit entry,
 * and that no data key outlived its owner (which would mean an erase did
 * not finish). Problems are described by table, record kind and id, never
 * by content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-store-private.h"

/* A damaged file can fail in thousands of places; past this many lines the
 * report says how many more there were. */
#define MAX_PROBLEMS 100

/* private helpers */

typedef struct
{
  VigilCheckReport *report;
  guint             dropped;
} Check;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Check *check, const char *format, ...)
{
  va_list args;

  if (check->report->problems->len >= MAX_PROBLEMS)
    {
      check->dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (check->report->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
check_integrity (Check *check, sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "PRAGMA integrity_check", error);
  g_autoptr (sqlite3_stmt) keys = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  check->report->integrity_ok = TRUE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = vigil_store_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      check->report->integrity_ok = FALSE;
      /* SQLite describes pages, indexes and row numbers, not values. */
      add_problem (check, _("SQLite integrity: %s"), line);
    }
  if (rc != SQLITE_DONE)
    {
      check->report->integrity_ok = FALSE;
      add_problem (check, _("SQLite integrity check could not finish: %s"), sqlite3_errstr (rc));
      return TRUE;
    }

  keys = vigil_db_prepare (db, "PRAGMA foreign_key_check", error);
  if (keys == NULL)
    return FALSE;
  while ((rc = sqlite3_step (keys)) == SQLITE_ROW)
    {
      check->report->integrity_ok = FALSE;
      add_problem (check, _("Row %" G_GINT64_FORMAT " of %s refers to a missing row of %s"),
                   (gint64) sqlite3_column_int64 (keys, 1), vigil_store_column_text (keys, 0),
                   vigil_store_column_text (keys, 2));
    }
  return TRUE;
}

static void
check_audit (Check *check, VigilStore *self, sqlite3 *db)
{
  g_autoptr (GError) local = NULL;
  gint64 entries = 0;

  check->report->audit_ok = vigil_audit_verify (db, vigil_vault_get_audit_key (self->vault),
                                                &entries, &local)
                            && vigil_audit_verify_head (db,
                                                        vigil_vault_get_audit_key (self->vault),
                                                        NULL, &local);
  if (check->report->audit_ok)
    check->report->audit_entries = entries;
  else
    {
      g_autoptr (sqlite3_stmt) count = vigil_db_prepare (db, "SELECT count(*) FROM audit", NULL);

      add_problem (check, "%s", local->message);
      if (count != NULL && sqlite3_step (count) == SQLITE_ROW)
        check->report->audit_entries = sqlite3_column_int64 (count, 0);
    }
}

/* Every record's current version is the newest one the audit log
 * records for it: a row without its entry was written behind Vigil's back,
 * and a row at an older version than its newest entry was put back from an
 * older copy. One pass over the audit log, one over each table. */
static gboolean
check_records (Check *check, sqlite3 *db, GError **error)
{
  g_autoptr (GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) audit = NULL;
  int rc;

  audit = vigil_db_prepare (db,
                            "SELECT record_kind, record_id, max(record_version) FROM audit"
                            " GROUP BY record_kind, record_id",
                            error);
  if (audit == NULL)
    return FALSE;
  while ((rc = sqlite3_step (audit)) == SQLITE_ROW)
    g_hash_table_insert (newest,
                         g_strdup_printf ("%s\x1f%s", vigil_store_column_text (audit, 0),
                                          vigil_store_column_text (audit, 1)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (audit, 2)));
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return FALSE;
    }

  for (const VigilRecordTable *t = vigil_store_record_tables; t->table != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, version FROM %s", t->table);
      g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *id = vigil_store_column_text (stmt, 0);
          gint64 version = sqlite3_column_int64 (stmt, 1);
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", t->record_kind, id ? id : "");
          gpointer logged;

          check->report->records++;
          if (!g_hash_table_lookup_extended (newest, key, NULL, &logged)
              || version > (gint64) GPOINTER_TO_SIZE (logged))
            add_problem (check,
                         _("%s %s is at version %" G_GINT64_FORMAT " but no audit entry records "
                           "that version: it was changed outside Vigil"),
                         t->record_kind, id ? id : "?", version);
          else if (version < (gint64) GPOINTER_TO_SIZE (logged))
            add_problem (check,
                         _("%s %s is at version %" G_GINT64_FORMAT " but the audit log records "
                           "version %" G_GINT64_FORMAT ": it was put back from an older copy"),
                         t->record_kind, id ? id : "?", version,
                         (gint64) GPOINTER_TO_SIZE (logged));
        }
      if (rc != SQLITE_DONE)
        {
          vigil_db_set_error (db, rc, _("The vault could not be read"), error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_sealed (Check *check, VigilStore *self, sqlite3 *db, GError **error)
{
  for (const VigilSealedColumn *c = vigil_store_sealed_columns; c->table != NULL; c++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, version, %s, %s FROM %s"
                                              " WHERE %s IS NOT NULL",
                                              c->owner_column, c->column, c->table, c->column);
      g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *id = vigil_store_column_text (stmt, 0);
          const char *owner_id = vigil_store_column_text (stmt, 2);
          g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 3);
          g_autoptr (GBytes) plain = NULL;
          g_autoptr (GError) local = NULL;
          VigilSealRef ref;

          if (id == NULL || owner_id == NULL)
            {
              check->report->sealed_failures++;
              add_problem (check, _("%s.%s: a row has no id or owner"), c->table, c->column);
              continue;
            }
          /* Only a damaged index lets an empty value through the WHERE. */
          if (sealed == NULL)
            {
              check->report->sealed_failures++;
              add_problem (check, _("%s.%s: a value the index lists is not in its row"),
                           c->table, c->column);
              continue;
            }
          ref = vigil_store_seal_ref (c, owner_id, id, sqlite3_column_int64 (stmt, 1));
          /* The opened bytes are wiped when freed, right here. */
          plain = vigil_vault_unseal (self->vault, &ref, sealed, &local);
          if (plain != NULL)
            check->report->sealed_values++;
          else
            {
              check->report->sealed_failures++;
              add_problem (check, "%s.%s: %s", c->table, c->column, local->message);
            }
        }
      if (rc != SQLITE_DONE)
        {
          vigil_db_set_error (db, rc, _("The vault could not be read"), error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every document sealed in chunks opens whole, to its FINAL chunk. */
static gboolean
check_streams (Check *check, VigilStore *self, sqlite3 *db, GError **error)
{
  for (const VigilSealedStream *s = vigil_store_sealed_streams; s->table != NULL; s++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", s->table);
      g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, error);
      g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup (vigil_store_column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        {
          vigil_db_set_error (db, rc, _("The vault could not be read"), error);
          return FALSE;
        }
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr (GError) local = NULL;
          /* Wiped when freed, right here. */
          g_autoptr (GBytes) plain = NULL;

          if (g_ptr_array_index (ids, i) == NULL)
            continue;
          plain = vigil_store_stream_read (self, s, g_ptr_array_index (ids, i), &local);
          if (plain != NULL)
            check->report->sealed_values++;
          else
            {
              check->report->sealed_failures++;
              add_problem (check, "%s.%s: %s", s->chunk_table, s->chunk_column, local->message);
            }
        }
    }
  return TRUE;
}

static gboolean
check_orphan_keys (Check *check, sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = vigil_db_prepare (db,
                           "SELECT owner_kind, owner_id FROM data_keys"
                           " WHERE (owner_kind = 'case' AND owner_id NOT IN (SELECT id FROM cases))"
                           " OR (owner_kind = 'person'"
                           "     AND owner_id NOT IN (SELECT id FROM persons))"
                           " OR owner_kind NOT IN ('case', 'person')",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (check,
                 _("The data key of %s %s outlived its record: an erase did not finish, so "
                   "its data was not shredded"),
                 vigil_store_column_text (stmt, 0), vigil_store_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The data keys could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

/* public API */

void
vigil_check_report_free (VigilCheckReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

gboolean
vigil_check_report_ok (const VigilCheckReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->integrity_ok && report->audit_ok && report->sealed_failures == 0
         && report->problems->len == 0;
}

/**
 * vigil_store_check:
 *
 * Returns: (transfer full): what was checked and what was wrong; NULL only
 *   when the check could not run (a locked vault, an unreadable file)
 */
VigilCheckReport *
vigil_store_check (VigilStore *self, GError **error)
{
  g_autoptr (VigilCheckReport) report = g_new0 (VigilCheckReport, 1);
  Check check = { report, 0 };
  sqlite3 *db;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report->problems = g_ptr_array_new_with_free_func (g_free);
  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;

  if (!check_integrity (&check, db, error))
    return NULL;
  check_audit (&check, self, db);
  if (!check_records (&check, db, error) || !check_sealed (&check, self, db, error)
      || !check_streams (&check, self, db, error) || !check_orphan_keys (&check, db, error))
    return NULL;
  if (vigil_vault_get_shred_pending (vigil_store_get_vault (self)))
    add_problem (&check, "%s",
                 _("An erase is not finished: old copies of erased data are still in the file, "
                   "because another program held it open. Close every other program using "
                   "the vault and open it again."));

  if (check.dropped > 0)
    g_ptr_array_add (report->problems,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                   "… and %u more problems", check.dropped),
                                      check.dropped));
  return g_steal_pointer (&report);
}
