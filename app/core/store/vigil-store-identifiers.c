/* vigil-store-identifiers.c: the identities a screening looks for
 *
 * Free text (notes, reasons for adjournment) is written by people who know
 * the names of those they write about. Before such text leaves the vault
 * without identities, it is checked against every identifier the vault
 * holds, with the one detector (vigil-identifier-detector.c) filled here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-record-rules.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-private.h"

/* private helpers */

/* A detector of the identities of the persons "WHERE @column = @value",
 * or of all when @column is NULL. */
static VigilIdentifierDetector *
identifiers_of (VigilStore *self, const char *column, const char *value, GError **error)
{
  g_autoptr (VigilIdentifierDetector) detector = vigil_identifier_detector_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc;

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT id, version, identity, pseudonym, case_id FROM persons"
                         " WHERE %s = ? AND identity IS NOT NULL",
                         column != NULL ? column : "1");
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (column != NULL)
    vigil_store_bind_text (stmt, 1, value);
  else
    sqlite3_bind_int (stmt, 1, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = vigil_store_column_text (stmt, 0);
      g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 2);
      g_autoptr (VigilIdentity) identity = NULL;

      /* Only a damaged index lets an empty identity through the WHERE. */
      if (sealed == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("The vault is damaged: a person’s identity is missing from its row"));
          return NULL;
        }
      identity = vigil_store_open_identity (self, id, sqlite3_column_int64 (stmt, 1), sealed, error);
      if (identity == NULL)
        return NULL;
      vigil_identifier_detector_add_identity (detector, identity,
                                              vigil_store_column_text (stmt, 3),
                                              vigil_store_column_text (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons of the case could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&detector);
}

/* public API */

VigilIdentifierDetector *
vigil_store_case_identifiers (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return identifiers_of (self, "case_id", case_id, error);
}

VigilIdentifierDetector *
vigil_store_person_identifiers (VigilStore *self, const char *person_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  return identifiers_of (self, "id", person_id, error);
}

VigilIdentifierDetector *
vigil_store_all_identifiers (VigilStore *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  return identifiers_of (self, NULL, NULL, error);
}

GHashTable *
vigil_store_case_ages (VigilStore *self, const char *case_id, GDateTime *when, GError **error)
{
  g_autoptr (GHashTable) ages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL && when != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, version, identity FROM persons"
                           " WHERE case_id = ? AND identity IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = vigil_store_column_text (stmt, 0);
      g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 2);
      g_autoptr (VigilIdentity) identity = NULL;
      int y, m, d, age;

      if (sealed == NULL)
        continue;
      identity = vigil_store_open_identity (self, id, sqlite3_column_int64 (stmt, 1), sealed, error);
      if (identity == NULL)
        return NULL;
      if (identity->date_of_birth == NULL
          || sscanf (identity->date_of_birth, "%4d-%2d-%2d", &y, &m, &d) != 3)
        continue;
      age = g_date_time_get_year (when) - y;
      if (g_date_time_get_month (when) < m
          || (g_date_time_get_month (when) == m && g_date_time_get_day_of_month (when) < d))
        age--;
      if (age >= 0)
        g_hash_table_insert (ages, g_strdup (id), GINT_TO_POINTER (age + 1));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons of the case could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&ages);
}
