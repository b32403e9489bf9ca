/* vigil-db-cache.c: prepared statements kept for a connection's hot paths
 *
 * A live hearing entry runs the same few statements every time; parsing
 * and planning them anew took more of its time than stepping them. A
 * statement here is prepared once (SQLITE_PREPARE_PERSISTENT) and lent
 * out; SQLite prepares it again by itself when the schema changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-db-cache.h"
#include "vigil-db.h"
#include "vigil-error.h"

struct _VigilDbCache
{
  sqlite3    *db;
  GHashTable *statements; /* SQL text -> VigilDbCached */
};

/* private helpers */

static void
cached_free (VigilDbCached *cached)
{
  sqlite3_finalize (cached->stmt);
  g_free (cached);
}

static VigilDbCached *
cached_prepare (sqlite3 *db, const char *sql, guint flags, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *tail = NULL;
  VigilDbCached *cached;
  int rc = sqlite3_prepare_v3 (db, sql, -1, flags, &stmt, &tail);

  if (rc != SQLITE_OK)
    {
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;
  if (stmt == NULL || (tail != NULL && *tail != '\0'))
    {
      /* Only the first statement of a text would ever run: a mistake of
       * the caller's, never of the vault's. */
      g_critical ("Not one SQL statement: %s", sql);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("The vault could not be read"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  cached = g_new0 (VigilDbCached, 1);
  cached->stmt = stmt;
  return cached;
}

/* public API */

VigilDbCache *
vigil_db_cache_new (sqlite3 *db)
{
  VigilDbCache *cache;

  g_return_val_if_fail (db != NULL, NULL);

  cache = g_new0 (VigilDbCache, 1);
  cache->db = db;
  cache->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) cached_free);
  return cache;
}

void
vigil_db_cache_free (VigilDbCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->statements);
  g_free (cache);
}

sqlite3 *
vigil_db_cache_get_db (VigilDbCache *cache)
{
  g_return_val_if_fail (cache != NULL, NULL);
  return cache->db;
}

VigilDbCached *
vigil_db_cache_get (VigilDbCache *cache, const char *sql, GError **error)
{
  VigilDbCached *cached;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  cached = g_hash_table_lookup (cache->statements, sql);
  if (cached == NULL)
    {
      cached = cached_prepare (cache->db, sql, SQLITE_PREPARE_PERSISTENT, error);
      if (cached == NULL)
        return NULL;
      g_hash_table_insert (cache->statements, g_strdup (sql), cached);
    }
  else if (cached->leased)
    {
      /* Lent to a caller further up the stack: resetting it would cut that
       * caller's rows short. This use gets a statement of its own. */
      cached = cached_prepare (cache->db, sql, 0, error);
      if (cached == NULL)
        return NULL;
      cached->spare = TRUE;
    }
  cached->leased = TRUE;
  return cached;
}

void
vigil_db_cached_release (VigilDbCached *cached)
{
  if (cached == NULL)
    return;
  if (cached->spare)
    {
      cached_free (cached);
      return;
    }
  sqlite3_reset (cached->stmt);
  sqlite3_clear_bindings (cached->stmt);
  cached->leased = FALSE;
}

gboolean
vigil_db_cache_exec (VigilDbCache *cache, const char *sql, GError **error)
{
  g_autoptr (VigilDbCached) cached = vigil_db_cache_get (cache, sql, error);
  int rc;

  if (cached == NULL)
    return FALSE;
  while ((rc = sqlite3_step (cached->stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (cache->db, rc, _("The vault could not be updated"), error);
      return FALSE;
    }
  return TRUE;
}
