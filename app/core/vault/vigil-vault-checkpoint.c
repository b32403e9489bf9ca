/* vigil-vault-checkpoint.c: WAL checkpoints away from the writer's path
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the WAL
 * past 1,000 pages: that one write waits while pages are copied into the
 * database file and the file is synced. A commit in WAL mode with
 * synchronous=FULL is durable by itself, so the copy can wait: a thread of
 * its own, on a connection of its own, runs a PASSIVE checkpoint when a
 * commit leaves the WAL past that size. Nothing acknowledged depends on
 * it: a checkpoint that fails, or is cut short by a crash, leaves the WAL
 * as it was, and SQLite reads or replays it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include "vigil-vault-internal.h"

/* SQLite's own threshold for its automatic checkpoints, in pages. */
#define CHECKPOINT_PAGES 1000
/* A writer that never pauses (an import) can outrun a checkpoint that runs
 * beside it: from this size on, the commit checkpoints itself, as SQLite's
 * automatic checkpoint would. A person typing never gets near it. */
#define CHECKPOINT_PAGES_MAX (4 * CHECKPOINT_PAGES)

struct _VigilCheckpointer
{
  char    *path;
  char    *vfs;
  GThread *thread;
  GMutex   mutex;
  GCond    cond;
  gboolean wanted;
  gboolean running;
  gboolean stopping;
  guint    held;
};

/* private helpers */

static sqlite3 *
open_connection (VigilCheckpointer *self)
{
  sqlite3 *db = NULL;
  int rc;

  /* This connection stays on the checkpoint thread. */
  rc = sqlite3_open_v2 (self->path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        self->vfs);
  if (rc != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("No connection for checkpoints: %s", sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gpointer
checkpoint_thread (gpointer data)
{
  VigilCheckpointer *self = data;
  sqlite3 *db = NULL;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      int rc;

      while (!self->stopping && (!self->wanted || self->held > 0))
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        break;
      self->wanted = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->mutex);

      if (db == NULL)
        db = open_connection (self);
      if (db != NULL)
        {
          rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
          if (rc != SQLITE_OK)
            g_debug ("Checkpoint not done: %s", sqlite3_errstr (rc));
        }

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
  sqlite3_close (db);
  return NULL;
}

/* Called by SQLite after each commit on the vault's connection. */
static int
on_wal_commit (void *data, sqlite3 *db, const char *schema, int wal_pages)
{
  VigilCheckpointer *self = data;

  if (wal_pages < CHECKPOINT_PAGES)
    return SQLITE_OK;
  if (wal_pages >= CHECKPOINT_PAGES_MAX)
    {
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  g_mutex_lock (&self->mutex);
  if (!self->wanted && !self->stopping)
    {
      self->wanted = TRUE;
      if (self->thread == NULL)
        self->thread = g_thread_new ("vigil-checkpoint", checkpoint_thread, self);
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
  return SQLITE_OK;
}

/* internal API */

VigilCheckpointer *
vigil_checkpointer_start (sqlite3 *db, const char *path)
{
  VigilCheckpointer *self;
  sqlite3_vfs *vfs = NULL;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) != SQLITE_OK
      || vfs == NULL)
    return NULL;
  self = g_new0 (VigilCheckpointer, 1);
  self->path = g_strdup (path);
  self->vfs = g_strdup (vfs->zName);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  /* Replaces SQLite's automatic checkpoint on this connection. */
  sqlite3_wal_hook (db, on_wal_commit, self);
  return self;
}

void
vigil_checkpointer_stop (VigilCheckpointer *self, sqlite3 *db)
{
  if (self == NULL)
    return;
  sqlite3_wal_hook (db, NULL, NULL);
  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  if (self->thread != NULL)
    g_thread_join (self->thread);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self->vfs);
  g_free (self);
}

void
vigil_checkpointer_hold (VigilCheckpointer *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->held++;
  while (self->running)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

void
vigil_checkpointer_release (VigilCheckpointer *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  g_assert (self->held > 0);
  if (--self->held == 0 && self->wanted)
    g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}
