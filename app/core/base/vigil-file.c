/* vigil-file.c: writing a file that leaves the vault, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-file"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigil-error.h"
#include "vigil-file.h"

/* private helpers */

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is durable once the folder is; a file system that cannot
   * sync folders still has the file. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* GLib's message names the temporary file, which the person never chose. */
static const char *
write_failure_reason (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;
  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("its folder does not exist");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("there is no permission to write in its folder");
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full; nothing was written");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    default:
      return error->message;
    }
}

/* public API */

gboolean
vigil_file_check_target (const char  *path,
                         GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("%s is not an ordinary file; Vigil writes exports only to ordinary files"),
                   path);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_file_write_atomic (const char  *path,
                         const void  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!vigil_file_check_target (path, error))
    return FALSE;
  /* GLib writes from the buffer given, without a copy of its own. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("%s could not be written: %s"), path,
                   write_failure_reason (local));
      return FALSE;
    }
  sync_folder (path);
  return TRUE;
}
