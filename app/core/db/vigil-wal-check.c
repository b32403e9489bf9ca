/* vigil-wal-check.c: a damaged frame in the middle of a vault's WAL
 *
 * The layout read here is SQLite's WAL format
 * (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header,
 * then frames of a 24-byte header and one page. Each frame's checksum
 * runs on from the one before, so one bad frame hides every frame after
 * it from SQLite, and the vault opens as it was before that frame.
 *
 * With synchronous=FULL a commit is synced before the next transaction
 * writes anything, so at most the last transaction can be torn by a crash
 * or a power cut. A bad frame followed by the commit frames of two
 * transactions cannot be a crash: it is damage, and opening would lose
 * what those commits hold without a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-wal-check"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-page-cipher.h"
#include "vigil-wal-check.h"

#define WAL_HEADER_BYTES  32
#define FRAME_HEADER_BYTES 24
#define WAL_MAGIC_LE 0x377f0682u
#define WAL_MAGIC_BE 0x377f0683u

/* private helpers */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* SQLite's WAL checksum over @len bytes (a multiple of 8), running on
 * from @s. */
static void
wal_checksum (gboolean big_endian, const guint8 *data, gsize len, guint32 s[2])
{
  for (gsize i = 0; i + 8 <= len; i += 8)
    {
      guint32 x0 = big_endian ? read_be32 (data + i) : read_le32 (data + i);
      guint32 x1 = big_endian ? read_be32 (data + i + 4) : read_le32 (data + i + 4);

      s[0] += x0 + s[1];
      s[1] += x1 + s[0];
    }
}

/* The page size the main file's header gives, or 0. */
static guint
main_page_size (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  guint8 header[100];
  gsize got = 0;
  guint size;

  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, NULL)
      || got < sizeof header)
    return 0;
  size = ((guint) header[16] << 8) | header[17];
  if (size == 1)
    size = 65536;
  if (size < 512 || size > 65536 || (size & (size - 1)) != 0)
    return 0;
  return size;
}

static gboolean
frame_is_commit (const guint8 *frame)
{
  return read_be32 (frame + 4) != 0;
}

static gboolean
frame_has_salts (const guint8 *frame, const guint8 *salts)
{
  return memcmp (frame + 8, salts, 8) == 0;
}

/* Commit frames from @first on whose salts are @salts. */
static guint
count_commits (const guint8 *frames, gsize n_frames, gsize frame_bytes, gsize first,
               const guint8 *salts)
{
  guint commits = 0;

  for (gsize i = first; i < n_frames; i++)
    {
      const guint8 *frame = frames + i * frame_bytes;

      if (frame_has_salts (frame, salts) && frame_is_commit (frame))
        commits++;
    }
  return commits;
}

/* How many frames from the first are whole: of this generation (@salts)
 * with a checksum that runs on from @seed. @out_commits counts the commit
 * frames among them. */
static gsize
valid_prefix (gboolean       big_endian,
              const guint8  *frames,
              gsize          n_frames,
              gsize          frame_bytes,
              guint          page_size,
              const guint8  *salts,
              const guint32  seed[2],
              guint         *out_commits)
{
  guint32 s[2] = { seed[0], seed[1] };
  guint commits = 0;
  gsize i;

  for (i = 0; i < n_frames; i++)
    {
      const guint8 *frame = frames + i * frame_bytes;

      if (!frame_has_salts (frame, salts) || read_be32 (frame) == 0)
        break;
      wal_checksum (big_endian, frame, 8, s);
      wal_checksum (big_endian, frame + FRAME_HEADER_BYTES, page_size, s);
      if (s[0] != read_be32 (frame + 16) || s[1] != read_be32 (frame + 20))
        break;
      if (frame_is_commit (frame))
        commits++;
    }
  if (out_commits != NULL)
    *out_commits = commits;
  return i;
}

/* public API */

gboolean
vigil_wal_check (const char *path, const guint8 *page_key, GError **error)
{
  g_autofree char *wal_path = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr (GError) local = NULL;
  gsize len = 0, frame_bytes, n_frames;
  const guint8 *frames;
  const guint8 *salts;
  guint page_size;
  guint32 magic, computed[2] = { 0, 0 }, stored[2];
  gboolean big_endian, header_ok;
  guint later_commits = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  wal_path = g_strconcat (path, "-wal", NULL);
  if (!g_file_get_contents (wal_path, (char **) &data, &len, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not read %s: %s"), wal_path,
                   local->message);
      return FALSE;
    }
  page_size = page_key != NULL ? VIGIL_PAGE_SIZE : main_page_size (path);
  /* Nothing to lose, or the main file is refused on its own later. */
  if (len < WAL_HEADER_BYTES || page_size == 0)
    return TRUE;
  salts = data + 16;

  frame_bytes = FRAME_HEADER_BYTES + page_size;
  n_frames = (len - WAL_HEADER_BYTES) / frame_bytes;
  frames = data + WAL_HEADER_BYTES;
  /* SQLite's checksums are over the pages as it wrote them, before they
   * were sealed. A frame that does not open keeps its sealed bytes, and
   * fails its checksum as a damaged one would. */
  if (page_key != NULL)
    for (gsize i = 0; i < n_frames; i++)
      {
        guint8 *frame = data + WAL_HEADER_BYTES + i * frame_bytes;
        g_autofree guint8 *page = g_memdup2 (frame + FRAME_HEADER_BYTES, page_size);

        if (vigil_page_open (page_key, read_be32 (frame), frame, i, page))
          memcpy (frame + FRAME_HEADER_BYTES, page, page_size);
      }
  magic = read_be32 (data);
  if (magic != WAL_MAGIC_LE && magic != WAL_MAGIC_BE)
    big_endian = FALSE;
  else
    big_endian = magic == WAL_MAGIC_BE;
  wal_checksum (big_endian, data, 24, computed);
  stored[0] = read_be32 (data + 24);
  stored[1] = read_be32 (data + 28);
  header_ok = (magic == WAL_MAGIC_LE || magic == WAL_MAGIC_BE) && computed[0] == stored[0]
              && computed[1] == stored[1] && read_be32 (data + 8) == page_size;

  if (header_ok)
    {
      gsize end = valid_prefix (big_endian, frames, n_frames, frame_bytes, page_size, salts,
                                stored, NULL);

      /* The log ends at frame @end for SQLite. A bad commit frame of this
       * generation was the end of a transaction of its own. */
      if (end < n_frames)
        {
          const guint8 *frame = frames + end * frame_bytes;

          later_commits = count_commits (frames, n_frames, frame_bytes, end + 1, salts)
                          + (frame_has_salts (frame, salts) && frame_is_commit (frame) ? 1 : 0);
        }
    }
  else
    {
      /* With its header damaged SQLite ignores the whole log. The frames
       * chain on from the header's checksum: the one stored, or the one
       * its other bytes give, whichever part was hit. Two whole commits
       * mean the header was synced with the first, so it was damaged
       * since. A header torn by a crash never chains to two commits. */
      guint with_stored = 0, with_computed = 0;

      valid_prefix (big_endian, frames, n_frames, frame_bytes, page_size, salts, stored,
                    &with_stored);
      valid_prefix (big_endian, frames, n_frames, frame_bytes, page_size, salts, computed,
                    &with_computed);
      later_commits = MAX (with_stored, with_computed);
    }

  if (later_commits >= 2)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("The journal of the vault (%s) is damaged: opening the vault would "
                     "silently lose changes that were saved. Nothing was written. Keep both "
                     "files for inspection and open a backup copy."),
                   wal_path);
      return FALSE;
    }
  return TRUE;
}
