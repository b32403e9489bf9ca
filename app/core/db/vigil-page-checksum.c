/* vigil-page-checksum.c: a checksum on every page of a vault file
 *
 * A shim over the default VFS. Only main database files are wrapped, and
 * only those whose header reserves VIGIL_PAGE_CHECKSUM_BYTES at the end of
 * each page get checksums: the journal, the WAL and its index pass through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-db"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-page-checksum.h"

/* Offset of the "reserved bytes per page" byte in the database header. */
#define HEADER_RESERVE_OFFSET 20
#define HEADER_BYTES          100

typedef struct
{
  sqlite3_file base;
  const char  *name;
  gboolean     checksums; /* the header reserves room for them */
  /* the wrapped file follows */
} PageFile;

#define REAL_FILE(f) ((sqlite3_file *) (((PageFile *) (f)) + 1))
#define REAL_VFS(v)  ((sqlite3_vfs *) (v)->pAppData)

/* Not a secret: a fixed key makes SipHash a plain checksum. */
static const guint8 checksum_key[crypto_shorthash_KEYBYTES] = "vigil-page-sum-1";

static sqlite3_vfs checksum_vfs;
static sqlite3_io_methods checksum_methods;

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

/* io methods */

static int
checksum_close (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xClose (real);
}

static int
checksum_read (sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);
  guint8 sum[VIGIL_PAGE_CHECKSUM_BYTES];
  int rc = real->pMethods->xRead (real, buffer, amount, offset);

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
checksum_write (sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
  PageFile *file = (PageFile *) f;
  sqlite3_file *real = REAL_FILE (f);

  note_header (file, buffer, amount, offset);
  /* The reserved bytes of a page belong to whoever reserved them: SQLite
   * hands the page over with room for the checksum at its end. */
  if (file->checksums && is_page (amount, offset))
    page_checksum (buffer, amount, (guint8 *) buffer + amount - VIGIL_PAGE_CHECKSUM_BYTES);
  return real->pMethods->xWrite (real, buffer, amount, offset);
}

static int
checksum_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xTruncate (real, size);
}

static int
checksum_sync (sqlite3_file *f, int flags)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xSync (real, flags);
}

static int
checksum_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xFileSize (real, size);
}

static int
checksum_lock (sqlite3_file *f, int level)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xLock (real, level);
}

static int
checksum_unlock (sqlite3_file *f, int level)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xUnlock (real, level);
}

static int
checksum_check_reserved_lock (sqlite3_file *f, int *out)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xCheckReservedLock (real, out);
}

static int
checksum_file_control (sqlite3_file *f, int op, void *arg)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xFileControl (real, op, arg);
}

static int
checksum_sector_size (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xSectorSize (real);
}

static int
checksum_device_characteristics (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xDeviceCharacteristics (real);
}

static int
checksum_shm_map (sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmMap (real, region, size, extend, out);
}

static int
checksum_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmLock (real, offset, n, flags);
}

static void
checksum_shm_barrier (sqlite3_file *f)
{
  sqlite3_file *real = REAL_FILE (f);

  real->pMethods->xShmBarrier (real);
}

static int
checksum_shm_unmap (sqlite3_file *f, int delete_flag)
{
  sqlite3_file *real = REAL_FILE (f);

  return real->pMethods->xShmUnmap (real, delete_flag);
}

/* Memory-mapped pages would bypass the check on read: never map them. */
static int
checksum_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
checksum_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

/* vfs methods */

static int
checksum_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  sqlite3_vfs *real_vfs = REAL_VFS (vfs);
  PageFile *file = (PageFile *) f;
  int rc;

  if ((flags & SQLITE_OPEN_MAIN_DB) == 0)
    return real_vfs->xOpen (real_vfs, name, f, flags, out_flags);
  memset (file, 0, sizeof *file);
  rc = real_vfs->xOpen (real_vfs, name, REAL_FILE (f), flags, out_flags);
  /* SQLite calls xClose only on a file whose pMethods is set. */
  if (rc == SQLITE_OK)
    {
      file->base.pMethods = &checksum_methods;
      file->name = name;
    }
  return rc;
}

static int
checksum_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return REAL_VFS (vfs)->xDelete (REAL_VFS (vfs), name, sync_dir);
}

static int
checksum_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return REAL_VFS (vfs)->xAccess (REAL_VFS (vfs), name, flags, out);
}

static int
checksum_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return REAL_VFS (vfs)->xFullPathname (REAL_VFS (vfs), name, size, out);
}

static void *
checksum_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xDlOpen (REAL_VFS (vfs), name);
}

static void
checksum_dl_error (sqlite3_vfs *vfs, int size, char *out)
{
  REAL_VFS (vfs)->xDlError (REAL_VFS (vfs), size, out);
}

static void (*checksum_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return REAL_VFS (vfs)->xDlSym (REAL_VFS (vfs), handle, symbol);
}

static void
checksum_dl_close (sqlite3_vfs *vfs, void *handle)
{
  REAL_VFS (vfs)->xDlClose (REAL_VFS (vfs), handle);
}

static int
checksum_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return REAL_VFS (vfs)->xRandomness (REAL_VFS (vfs), size, out);
}

static int
checksum_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return REAL_VFS (vfs)->xSleep (REAL_VFS (vfs), microseconds);
}

static int
checksum_current_time (sqlite3_vfs *vfs, double *out)
{
  return REAL_VFS (vfs)->xCurrentTime (REAL_VFS (vfs), out);
}

static int
checksum_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return REAL_VFS (vfs)->xGetLastError (REAL_VFS (vfs), size, out);
}

static int
checksum_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return REAL_VFS (vfs)->xCurrentTimeInt64 (REAL_VFS (vfs), out);
}

static int
checksum_set_system_call (sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
  return REAL_VFS (vfs)->xSetSystemCall (REAL_VFS (vfs), name, call);
}

static sqlite3_syscall_ptr
checksum_get_system_call (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xGetSystemCall (REAL_VFS (vfs), name);
}

static const char *
checksum_next_system_call (sqlite3_vfs *vfs, const char *name)
{
  return REAL_VFS (vfs)->xNextSystemCall (REAL_VFS (vfs), name);
}

/* public API */

void
vigil_page_checksum_register (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sqlite3_vfs *real = sqlite3_vfs_find (NULL);

      /* The Unix VFS of SQLite 3.40 is version 3, with every method. */
      g_assert (real != NULL && real->iVersion >= 3);
      checksum_methods = (sqlite3_io_methods) {
        .iVersion = 3,
        .xClose = checksum_close,
        .xRead = checksum_read,
        .xWrite = checksum_write,
        .xTruncate = checksum_truncate,
        .xSync = checksum_sync,
        .xFileSize = checksum_file_size,
        .xLock = checksum_lock,
        .xUnlock = checksum_unlock,
        .xCheckReservedLock = checksum_check_reserved_lock,
        .xFileControl = checksum_file_control,
        .xSectorSize = checksum_sector_size,
        .xDeviceCharacteristics = checksum_device_characteristics,
        .xShmMap = checksum_shm_map,
        .xShmLock = checksum_shm_lock,
        .xShmBarrier = checksum_shm_barrier,
        .xShmUnmap = checksum_shm_unmap,
        .xFetch = checksum_fetch,
        .xUnfetch = checksum_unfetch,
      };
      checksum_vfs = (sqlite3_vfs) {
        .iVersion = 3,
        .szOsFile = (int) sizeof (PageFile) + real->szOsFile,
        .mxPathname = real->mxPathname,
        .zName = VIGIL_PAGE_CHECKSUM_VFS,
        .pAppData = real,
        .xOpen = checksum_open,
        .xDelete = checksum_delete,
        .xAccess = checksum_access,
        .xFullPathname = checksum_full_pathname,
        .xDlOpen = checksum_dl_open,
        .xDlError = checksum_dl_error,
        .xDlSym = checksum_dl_sym,
        .xDlClose = checksum_dl_close,
        .xRandomness = checksum_randomness,
        .xSleep = checksum_sleep,
        .xCurrentTime = checksum_current_time,
        .xGetLastError = checksum_get_last_error,
        .xCurrentTimeInt64 = checksum_current_time_int64,
        .xSetSystemCall = checksum_set_system_call,
        .xGetSystemCall = checksum_get_system_call,
        .xNextSystemCall = checksum_next_system_call,
      };
      if (sqlite3_vfs_register (&checksum_vfs, 0) != SQLITE_OK)
        g_error ("The page checksum VFS could not be registered");
      g_once_init_leave (&registered, 1);
    }
}
