/* test-schema.c: the tables, their clear and sealed columns, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-db.h"
#include "vigil-error.h"
#include "vigil-schema.h"

static gboolean
on_list (const char * const *list, const char *name)
{
  for (; *list != NULL; list++)
    if (g_str_equal (*list, name))
      return TRUE;
  return FALSE;
}

static sqlite3 *
open_memory (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  return db;
}

/* A new column must be declared clear or sealed before it can land. */
static void
test_every_column_listed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) tables = NULL;
  sqlite3 *db = open_memory ();
  guint columns = 0;

  g_assert_true (vigil_schema_migrate (db, vigil_schema_latest_version (), &error));
  g_assert_no_error (error);

  tables = vigil_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", &error);
  g_assert_no_error (error);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
      g_autoptr (sqlite3_stmt) cols = vigil_db_prepare (db, sql, &error);

      g_assert_no_error (error);
      while (sqlite3_step (cols) == SQLITE_ROW)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", table, sqlite3_column_text (cols, 0));
          gboolean clear = on_list (vigil_schema_clear_columns, name);
          gboolean sealed = on_list (vigil_schema_sealed_columns, name);

          if (clear == sealed)
            g_test_message ("%s is on %s list", name, clear ? "both lists" : "neither");
          g_assert_true (clear != sealed);
          columns++;
        }
    }
  g_assert_cmpuint (columns, >, 50);
  /* close_v2: the g_autoptr statements are finalized after this line. */
  sqlite3_close_v2 (db);
}

/* No list names a column the schema does not have (a stale entry would hide
 * a renamed column). */
static void
test_no_stale_entries (void)
{
  const char * const *lists[] = { vigil_schema_clear_columns, vigil_schema_sealed_columns };
  g_autoptr (GError) error = NULL;
  sqlite3 *db = open_memory ();

  g_assert_true (vigil_schema_migrate (db, vigil_schema_latest_version (), &error));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (const char * const *p = lists[l]; *p != NULL; p++)
      {
        g_auto (GStrv) parts = g_strsplit (*p, ".", 2);
        g_autofree char *sql = g_strdup_printf (
          "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'", parts[0], parts[1]);
        g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, sql, &error);

        g_assert_no_error (error);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        if (sqlite3_column_int (stmt, 0) != 1)
          g_test_message ("%s is listed but is not in the schema", *p);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      }
  /* close_v2: the g_autoptr statements are finalized after this line. */
  sqlite3_close_v2 (db);
}

/* Each step runs alone from the version before it. */
static void
test_migrate_stepwise (void)
{
  for (int from = 0; from < vigil_schema_latest_version (); from++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (sqlite3_stmt) stmt = NULL;
      sqlite3 *db = open_memory ();

      g_assert_true (vigil_schema_migrate (db, from, &error));
      g_assert_no_error (error);
      g_assert_true (vigil_schema_migrate (db, vigil_schema_latest_version (), &error));
      g_assert_no_error (error);
      stmt = vigil_db_prepare (db, "PRAGMA user_version", &error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, vigil_schema_latest_version ());
      g_clear_pointer (&stmt, sqlite3_finalize);
      /* close_v2: the g_autoptr statements are finalized after this line. */
  sqlite3_close_v2 (db);
    }
}

static void
test_newer_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          vigil_schema_latest_version () + 1);
  sqlite3 *db = open_memory ();

  g_assert_true (vigil_db_exec (db, sql, &error));
  g_assert_false (vigil_schema_migrate (db, vigil_schema_latest_version (), &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT);
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/every-column-listed", test_every_column_listed);
  g_test_add_func ("/schema/no-stale-entries", test_no_stale_entries);
  g_test_add_func ("/schema/migrate-stepwise", test_migrate_stepwise);
  g_test_add_func ("/schema/newer-refused", test_newer_refused);
  return g_test_run ();
}
