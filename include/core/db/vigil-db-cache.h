/* vigil-db-cache.h: prepared statements kept for a connection's hot paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* The statements of one connection, each prepared once and kept until the
 * cache is freed, which must happen before the connection closes. Not
 * thread-safe: a cache is used where its connection is. */
typedef struct _VigilDbCache VigilDbCache;

/**
 * VigilDbCached:
 * @stmt: the statement, without bindings, ready to bind and step
 *
 * A statement borrowed from a #VigilDbCache. Hold it in
 * g_autoptr (VigilDbCached): leaving the scope resets it and clears its
 * bindings, so it keeps no read snapshot open and no value bound.
 */
typedef struct _VigilDbCached VigilDbCached;

struct _VigilDbCached
{
  sqlite3_stmt *stmt;
  /*< private >*/
  gboolean      leased;
  gboolean      spare; /* prepared for a nested use of a leased one */
};

VigilDbCache  *vigil_db_cache_new      (sqlite3       *db);
/* Finalizes every statement. */
void           vigil_db_cache_free     (VigilDbCache  *cache);
sqlite3       *vigil_db_cache_get_db   (VigilDbCache  *cache);
/* The statement of @sql, prepared at its first use; NULL with @error when
 * @sql does not prepare. */
VigilDbCached *vigil_db_cache_get      (VigilDbCache  *cache,
                                        const char    *sql,
                                        GError       **error);
/* Gives the statement back: reset, bindings cleared. */
void           vigil_db_cached_release (VigilDbCached *cached);
/* Runs @sql (no results) as vigil_db_exec() does, prepared once. */
gboolean       vigil_db_cache_exec     (VigilDbCache  *cache,
                                        const char    *sql,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDbCache, vigil_db_cache_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDbCached, vigil_db_cached_release)

G_END_DECLS
