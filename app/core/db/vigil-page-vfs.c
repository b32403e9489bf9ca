/* vigil-page-vfs.c: the VFS every vault file is opened through
 *
 * See vigil-page-vfs.h for what it does to which file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-db"

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <errno.h>
#include <string.h>

#include "vigil-page-cipher.h"
#include "vigil-page-vfs-private.h"
#include "vigil-page-vfs.h"

/* Offset of the "reserved bytes per page" byte in the database header. */
#define HEADER_RESERVE_OFFSET 20
#define HEADER_BYTES          100
#define FRAME_BYTES           (VIGIL_WAL_FRAME_HEADER_BYTES + VIGIL_PAGE_SIZE)

typedef enum
{
  MODE_PLAIN,    /* passes through; checksums if the header asks for them */
  MODE_MAIN,     /* an encrypted vault's main file */
  MODE_WAL,      /* an encrypted vault's WAL */
  MODE_REFUSED,  /* a rollback journal of an encrypted vault: never written */
} FileMode;

typedef struct
{
  sqlite3_file  base;
  const char   *name;
  FileMode      mode;
  gboolean      checksums; /* MODE_PLAIN: the header reserves room for them */
  VigilPageKey *key;
  guint8       *scratch;   /* one frame, for sealing without touching SQLite's page */
  /* the wrapped file follows */
} PageFile;

#define REAL_FILE(f) ((sqlite3_file *) (((PageFile *) (f)) + 1))
#define REAL_VFS(v)  ((sqlite3_vfs *) (v)->pAppData)

/* Not a secret: a fixed key makes SipHash a plain checksum. */
static const guint8 checksum_key[crypto_shorthash_KEYBYTES] = "vigil-page-sum-1";

static sqlite3_vfs page_vfs;
static sqlite3_io_methods page_methods;

/* private helpers */

static void
page_checksum (const guint8 *page, int size, guint8 out[VIGIL_PAGE_CHECKSUM_BYTES])
{
  G_STATIC_ASSERT (crypto_shorthash_BYTES == VIGIL_PAGE_CHECKSUM_BYTES);
  crypto_shorthash (out, page, (unsigned long long) (size - VIGIL_PAGE_CHECKSUM_BYTES),
                    checksum_key);
}

/* A read or write of one whole page: SQLite pages are powers of two from
 * 512 bytes, read and written at multiples of their size. */
static gboolean
is_page (int amount, sqlite3_int64 offset)
{
  return amount >= 512 && amount <= 65536 && (amount & (amount - 1)) == 0
         && offset % amount == 0;
}

/* The first bytes of the file tell whether its pages carry checksums. */
static void
note_header (PageFile *file, const guint8 *data, int amount, sqlite3_int64 offset)
{
  if (offset == 0 && amount >= HEADER_BYTES && memcmp (data, "SQLite format 3", 16) == 0)
    file->checksums = data[HEADER_RESERVE_OFFSET] == VIGIL_PAGE_CHECKSUM_BYTES;
}

static const guint8 *
file_key (PageFile *file)
{
  return vigil_page_key_bytes (file->key);
}

/* Reads page @pgno of an encrypted main file into @out, opened. */
static int
main_read_page (PageFile *file, guint32 pgno, guint8 *out)
{
  sqlite3_file *real = REAL_FILE (file);
  int rc = real->pMethods->xRead (real, out, VIGIL_PAGE_SIZE,
                                  VIGIL_PAGE_FILE_OFFSET
                                    + (sqlite3_int64) (pgno - 1) * VIGIL_PAGE_SIZE);

  if (rc == SQLITE_IOERR_SHORT_READ)
    {
      /* Past the end: SQLite expects zeros, never unauthenticated bytes. */
      memset (out, 0, VIGIL_PAGE_SIZE);
      return rc;
    }
  if (rc != SQLITE_OK)
    return rc;
  if (!vigil_page_open (file_key (file), pgno, NULL, 0, out))
    {
      memset (out, 0, VIGIL_PAGE_SIZE);
      sqlite3_log (SQLITE_IOERR_DATA, "page %u of %s failed authentication", pgno, file->name);
      return SQLITE_IOERR_DATA;
    }
  return SQLITE_OK;
}

static int
main_read (PageFile *file, void *buffer, int amount, sqlite3_int64 offset)
{
  guint32 pgno = (guint32) (offset / VIGIL_PAGE_SIZE) + 1;
  int within = (int) (offset % VIGIL_PAGE_SIZE);
  int rc;

  if (amount == VIGIL_PAGE_SIZE && within == 0)
    return main_read_page (file, pgno, buffer);
  /* SQLite reads parts of the first page (its header) on their own. */
  if (within + amount > VIGIL_PAGE_SIZE)
    return SQLITE_IOERR_READ;
  rc = main_read_page (file, pgno, file->scratch);
  memcpy (buffer, file->scratch + within, amount);
  return rc;
}

static int
main_write (PageFile *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = REAL_FILE (file);

  /* The pager writes whole pages only; anything else would go out in
   * clear, so it is refused. */
  if (amount != VIGIL_PAGE_SIZE || offset % VIGIL_PAGE_SIZE != 0)
    {
      sqlite3_log (SQLITE_IOERR_WRITE, "a write of %d bytes at %lld of %s is not a page",
                   amount, (long long) offset, file->name);
      return SQLITE_IOERR_WRITE;
    }
  vigil_page_seal (file_key (file), (guint32) (offset / VIGIL_PAGE_SIZE) + 1, NULL, 0, buffer,
                   file->scratch);
  return real->pMethods->xWrite (real, file->scratch, amount, VIGIL_PAGE_FILE_OFFSET + offset);
}

/* Where a WAL offset falls: in the page of frame @out_index, or not. */
static gboolean
wal_page_at (sqlite3_int64 offset, guint64 *out_index)
{
  sqlite3_int64 in_frames = offset - VIGIL_WAL_HEADER_BYTES - VIGIL_WAL_FRAME_HEADER_BYTES;

  if (in_frames < 0 || in_frames % FRAME_BYTES != 0)
    return FALSE;
  *out_index = (guint64) (in_frames / FRAME_BYTES);
  return TRUE;
}

static guint32
frame_pgno (const guint8 *frame_header)
{
  return ((guint32) frame_header[0] << 24) | ((guint32) frame_header[1] << 16)
         | ((guint32) frame_header[2] << 8) | frame_header[3];
}

static int
wal_read (PageFile *file, void *buffer, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = REAL_FILE (file);
  guint8 header[VIGIL_WAL_FRAME_HEADER_BYTES];
  guint64 index;
  int rc;

  if (amount == VIGIL_PAGE_SIZE && wal_page_at (offset, &index))
    {
      /* A page the log's index already counts as whole: it must open. */
      rc = real->pMethods->xRead (real, header, sizeof header,
                                  offset - VIGIL_WAL_FRAME_HEADER_BYTES);
      if (rc == SQLITE_OK)
        rc = real->pMethods->xRead (real, buffer, amount, offset);
      if (rc != SQLITE_OK)
        return rc;
      if (!vigil_page_open (file_key (file), frame_pgno (header), header, index, buffer))
        {
          memset (buffer, 0, amount);
          sqlite3_log (SQLITE_IOERR_DATA, "frame %llu of %s failed authentication",
                       (unsigned long long) index, file->name);
          return SQLITE_IOERR_DATA;
        }
      return SQLITE_OK;
    }
  rc = real->pMethods->xRead (real, buffer, amount, offset);
  if (rc == SQLITE_OK && amount == FRAME_BYTES
      && wal_page_at (offset + VIGIL_WAL_FRAME_HEADER_BYTES, &index))
    {
      guint8 *frame = buffer;

      /* A whole frame, read while SQLite rebuilds the log's index: one that
       * does not open gets zeros, its checksum fails, and the log ends
       * there for SQLite, as after a torn write (vigil-wal-check.h tells
       * damage from that). */
      if (!vigil_page_open (file_key (file), frame_pgno (frame), frame, index,
                            frame + VIGIL_WAL_FRAME_HEADER_BYTES))
        memset (frame + VIGIL_WAL_FRAME_HEADER_BYTES, 0, VIGIL_PAGE_SIZE);
    }
  return rc;
}

static int
wal_write (PageFile *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = REAL_FILE (file);
  guint8 header[VIGIL_WAL_FRAME_HEADER_BYTES];
  guint64 index;
  int rc;

  if (amount == VIGIL_PAGE_SIZE && wal_page_at (offset, &index))
    {
      /* SQLite writes a frame's header, then its page. */
      rc = real->pMethods->xRead (real, header, sizeof header,
                                  offset - VIGIL_WAL_FRAME_HEADER_BYTES);
      if (rc != SQLITE_OK)
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
      vigil_page_seal (file_key (file), frame_pgno (header), header, index, buffer,
                       file->scratch);
      return real->pMethods->xWrite (real, file->scratch, amount, offset);
    }
  if (amount == FRAME_BYTES && wal_page_at (offset + VIGIL_WAL_FRAME_HEADER_BYTES, &index))
    {
      const guint8 *frame = buffer;

      memcpy (file->scratch, frame, VIGIL_WAL_FRAME_HEADER_BYTES);
      vigil_page_seal (file_key (file), frame_pgno (frame), frame, index,
                       frame + VIGIL_WAL_FRAME_HEADER_BYTES,
                       file->scratch + VIGIL_WAL_FRAME_HEADER_BYTES);
      return real->pMethods->xWrite (real, file->scratch, amount, offset);
    }
  /* The log's header and frame headers: numbers and checksums only. */
  if (amount <= VIGIL_WAL_HEADER_BYTES)
    return real->pMethods->xWrite (real, buffer, amount, offset);
  sqlite3_log (SQLITE_IOERR_WRITE, "a write of %d bytes at %lld of %s is not a frame", amount,
               (long long) offset, file->name);
  return SQLITE_IOERR_WRITE;
}

/* io methods */

static int
page_close (sqlite3_file *f)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);

  g_clear_pointer (&file->key, vigil_page_key_release);
  if (file->scratch != NULL)
    sodium_free (file->scratch);
  file->scratch = NULL;
  return real->pMethods->xClose (real);
}

static int
page_read (sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);
  guint8 sum[VIGIL_PAGE_CHECKSUM_BYTES];
  int rc;

  if (file->mode == MODE_MAIN)
    return main_read (file, buffer, amount, offset);
  if (file->mode == MODE_WAL)
    return wal_read (file, buffer, amount, offset);
  rc = real->pMethods->xRead (real, buffer, amount, offset);
  if (rc != SQLITE_OK)
    return rc;
  note_header (file, buffer, amount, offset);
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* Fuzzing builds only: a mutated page must reach the code behind the
   * check, or every input stops here. */
  return SQLITE_OK;
#endif
  if (!file->checksums || !is_page (amount, offset))
    return SQLITE_OK;
  page_checksum (buffer, amount, sum);
  if (sodium_memcmp (sum, (guint8 *) buffer + amount - VIGIL_PAGE_CHECKSUM_BYTES, sizeof sum)
      != 0)
    {
      sqlite3_log (SQLITE_IOERR_DATA, "page checksum mismatch at offset %lld of %s",
                   (long long) offset, file->name);
      return SQLITE_IOERR_DATA;
    }
  return SQLITE_OK;
}

static int
page_write (sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);

  if (file->mode == MODE_MAIN)
    return main_write (file, buffer, amount, offset);
  if (file->mode == MODE_WAL)
    return wal_write (file, buffer, amount, offset);
  note_header (file, buffer, amount, offset);
  /* The reserved bytes of a page belong to whoever reserved them: SQLite
   * hands the page over with room for the checksum at its end. */
  if (file->checksums && is_page (amount, offset))
    page_checksum (buffer, amount, (guint8 *) buffer + amount - VIGIL_PAGE_CHECKSUM_BYTES);
  return real->pMethods->xWrite (real, buffer, amount, offset);
}

static int
page_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);

  if (file->mode == MODE_MAIN)
    size += VIGIL_PAGE_FILE_OFFSET;
  return real->pMethods->xTruncate (real, size);
}

static int
page_sync (sqlite3_file *f, int flags)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xSync (real, flags);
}

static int
page_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);
  int rc = real->pMethods->xFileSize (real, size);

  /* The key-slot header is not SQLite's. */
  if (rc == SQLITE_OK && file->mode == MODE_MAIN)
    *size = MAX (*size - VIGIL_PAGE_FILE_OFFSET, 0);
  return rc;
}

static int
page_lock (sqlite3_file *f, int level)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xLock (real, level);
}

static int
page_unlock (sqlite3_file *f, int level)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xUnlock (real, level);
}

static int
page_check_reserved_lock (sqlite3_file *f, int *out)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xCheckReservedLock (real, out);
}

static int
page_file_control (sqlite3_file *f, int op, void *arg)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xFileControl (real, op, arg);
}

static int
page_sector_size (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xSectorSize (real);
}

static int
page_device_characteristics (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xDeviceCharacteristics (real);
}

static int
page_shm_map (sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmMap (real, region, size, extend, out);
}

static int
page_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmLock (real, offset, n, flags);
}

static void
page_shm_barrier (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  real->pMethods->xShmBarrier (real);
}

static int
page_shm_unmap (sqlite3_file *f, int delete_flag)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmUnmap (real, delete_flag);
}

/* Memory-mapped pages would bypass the check on read: never map them. */
static int
page_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
page_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

/* vfs methods */

/* The vault a file belongs to: itself, or the one it is the WAL or the
 * rollback journal of. */
static char *
owner_of (const char *name, int flags)
{
  const char *suffix = NULL;

  if (flags & SQLITE_OPEN_MAIN_DB)
    return g_strdup (name);
  if (flags & SQLITE_OPEN_WAL)
    suffix = "-wal";
  else if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    suffix = "-journal";
  if (suffix == NULL || !g_str_has_suffix (name, suffix))
    return NULL;
  return g_strndup (name, strlen (name) - strlen (suffix));
}

/* Whether the encrypted vault at @path holds any page yet. */
static gboolean
has_pages (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || st.st_size > VIGIL_PAGE_FILE_OFFSET;
}

static int
page_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  sqlite3_vfs *real_vfs = REAL_VFS (vfs);
  PageFile *file = (PageFile *) f;
  g_autofree char *owner = name != NULL ? owner_of (name, flags) : NULL;
  VigilPageKey *key = owner != NULL ? vigil_page_key_lookup (owner) : NULL;
  FileMode mode = MODE_PLAIN;
  int rc;

  if (key != NULL)
    mode = (flags & SQLITE_OPEN_MAIN_DB) ? MODE_MAIN
           : (flags & SQLITE_OPEN_WAL)   ? MODE_WAL
           : has_pages (owner)           ? MODE_REFUSED
                                         : MODE_PLAIN;
  if (mode == MODE_REFUSED)
    {
      /* A rollback journal holds pages as SQLite sees them, in clear. An
       * encrypted vault is in WAL mode from its creation on, when its
       * first transaction (which turns WAL mode on) has no page to keep
       * in a journal; after that it never needs one. */
      vigil_page_key_release (key);
      sqlite3_log (SQLITE_CANTOPEN, "no rollback journal for the encrypted vault %s", owner);
      return SQLITE_CANTOPEN;
    }
  if (mode == MODE_PLAIN && (flags & SQLITE_OPEN_MAIN_DB) == 0)
    {
      /* The journal of a vault without pages (VACUUM INTO's new file) keeps
       * no reference: one kept would keep the key's memory for good. */
      g_clear_pointer (&key, vigil_page_key_release);
      return real_vfs->xOpen (real_vfs, name, f, flags, out_flags);
    }
  memset (file, 0, sizeof *file);
  rc = real_vfs->xOpen (real_vfs, name, REAL_FILE (f), flags, out_flags);
  /* SQLite calls xClose only on a file whose pMethods is set. */
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&key, vigil_page_key_release);
      return rc;
    }
  file->base.pMethods = &page_methods;
  file->name = name;
  file->mode = mode;
  file->key = key;
  if (mode != MODE_PLAIN)
    file->scratch = sodium_malloc (FRAME_BYTES);
  return rc;
}

static int
page_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return REAL_VFS (vfs)->xDelete (REAL_VFS (vfs), name, sync_dir);
}

static int
page_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return REAL_VFS (vfs)->xAccess (REAL_VFS (vfs), name, flags, out);
}

static int
page_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return REAL_VFS (vfs)->xFullPathname (REAL_VFS (vfs), name, size, out);
}

static void *
page_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xDlOpen (REAL_VFS (vfs), name);
}

static void
page_dl_error (sqlite3_vfs *vfs, int size, char *out)
{
  REAL_VFS (vfs)->xDlError (REAL_VFS (vfs), size, out);
}

static void (*page_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return REAL_VFS (vfs)->xDlSym (REAL_VFS (vfs), handle, symbol);
}

static void
page_dl_close (sqlite3_vfs *vfs, void *handle)
{
  REAL_VFS (vfs)->xDlClose (REAL_VFS (vfs), handle);
}

static int
page_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return REAL_VFS (vfs)->xRandomness (REAL_VFS (vfs), size, out);
}

static int
page_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return REAL_VFS (vfs)->xSleep (REAL_VFS (vfs), microseconds);
}

static int
page_current_time (sqlite3_vfs *vfs, double *out)
{
  return REAL_VFS (vfs)->xCurrentTime (REAL_VFS (vfs), out);
}

static int
page_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return REAL_VFS (vfs)->xGetLastError (REAL_VFS (vfs), size, out);
}

static int
page_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return REAL_VFS (vfs)->xCurrentTimeInt64 (REAL_VFS (vfs), out);
}

static int
page_set_system_call (sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
  return REAL_VFS (vfs)->xSetSystemCall (REAL_VFS (vfs), name, call);
}

static sqlite3_syscall_ptr
page_get_system_call (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xGetSystemCall (REAL_VFS (vfs), name);
}

static const char *
page_next_system_call (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xNextSystemCall (REAL_VFS (vfs), name);
}

/* private API (vigil-page-vfs-private.h) */

char *
vigil_page_vfs_canonical_path (const char *path)
{
  sqlite3_vfs *real;
  char *out;

  vigil_page_vfs_register ();
  real = REAL_VFS (&page_vfs);
  out = g_malloc0 ((gsize) real->mxPathname + 1);
  /* A path through a symbolic link is still a path (SQLITE_OK_SYMLINK). */
  if ((real->xFullPathname (real, path, real->mxPathname + 1, out) & 0xff) != SQLITE_OK)
    {
      g_free (out);
      return g_strdup (path);
    }
  return out;
}

/* public API */

gboolean
vigil_page_vfs_file_io (const char *path,
                        gboolean    write,
                        guint8     *data,
                        gsize       len,
                        gint64      offset,
                        gsize      *out_done,
                        int        *out_errno)
{
  sqlite3 *db = NULL;
  sqlite3_file *f = NULL;
  sqlite3_file *real;
  sqlite3_int64 size = 0;
  int rc;

  vigil_page_vfs_register ();
  *out_errno = 0;
  if (out_done != NULL)
    *out_done = 0;
  rc = sqlite3_open_v2 (path, &db,
                        (write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY)
                          | SQLITE_OPEN_NOFOLLOW,
                        VIGIL_PAGE_VFS);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &f);
  if (rc != SQLITE_OK || f == NULL || f->pMethods != &page_methods)
    {
      *out_errno = sqlite3_system_errno (db) != 0 ? sqlite3_system_errno (db) : EIO;
      sqlite3_close (db);
      return FALSE;
    }
  real = REAL_FILE (f);
  if (write)
    rc = real->pMethods->xWrite (real, data, (int) len, offset) == SQLITE_OK
             && real->pMethods->xSync (real, SQLITE_SYNC_FULL) == SQLITE_OK
           ? SQLITE_OK
           : SQLITE_IOERR;
  else
    {
      rc = real->pMethods->xFileSize (real, &size);
      if (rc == SQLITE_OK)
        {
          len = (gsize) CLAMP (size - offset, 0, (sqlite3_int64) len);
          rc = len == 0 ? SQLITE_OK : real->pMethods->xRead (real, data, (int) len, offset);
        }
    }
  if (rc == SQLITE_OK && out_done != NULL)
    *out_done = len;
  if (rc != SQLITE_OK)
    *out_errno = sqlite3_system_errno (db) != 0 ? sqlite3_system_errno (db) : EIO;
  /* SQLite keeps the descriptor open while this process holds locks on
   * the file through other connections, which a close would drop. */
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

void
vigil_page_vfs_register (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sqlite3_vfs *real = sqlite3_vfs_find (NULL);

      /* The Unix VFS of SQLite 3.40 is version 3, with every method. */
      g_assert (real != NULL && real->iVersion >= 3);
      page_methods = (sqlite3_io_methods) {
        .iVersion = 3,
        .xClose = page_close,
        .xRead = page_read,
        .xWrite = page_write,
        .xTruncate = page_truncate,
        .xSync = page_sync,
        .xFileSize = page_file_size,
        .xLock = page_lock,
        .xUnlock = page_unlock,
        .xCheckReservedLock = page_check_reserved_lock,
        .xFileControl = page_file_control,
        .xSectorSize = page_sector_size,
        .xDeviceCharacteristics = page_device_characteristics,
        .xShmMap = page_shm_map,
        .xShmLock = page_shm_lock,
        .xShmBarrier = page_shm_barrier,
        .xShmUnmap = page_shm_unmap,
        .xFetch = page_fetch,
        .xUnfetch = page_unfetch,
      };
      page_vfs = (sqlite3_vfs) {
        .iVersion = 3,
        .szOsFile = (int) sizeof (PageFile) + real->szOsFile,
        .mxPathname = real->mxPathname,
        .zName = VIGIL_PAGE_VFS,
        .pAppData = real,
        .xOpen = page_open,
        .xDelete = page_delete,
        .xAccess = page_access,
        .xFullPathname = page_full_pathname,
        .xDlOpen = page_dl_open,
        .xDlError = page_dl_error,
        .xDlSym = page_dl_sym,
        .xDlClose = page_dl_close,
        .xRandomness = page_randomness,
        .xSleep = page_sleep,
        .xCurrentTime = page_current_time,
        .xGetLastError = page_get_last_error,
        .xCurrentTimeInt64 = page_current_time_int64,
        .xSetSystemCall = page_set_system_call,
        .xGetSystemCall = page_get_system_call,
        .xNextSystemCall = page_next_system_call,
      };
      if (sqlite3_vfs_register (&page_vfs, 0) != SQLITE_OK)
        g_error ("The page VFS could not be registered");
      g_once_init_leave (&registered, 1);
    }
}
