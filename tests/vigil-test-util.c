/* vigil-test-util.c: helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-interchange.h"
#include "vigil-page-vfs.h"
#include "vigil-vault-private.h"
#include "vigil-test-util.h"

char *
vigil_test_tmpdir_new (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigil-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
vigil_test_tmpdir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

GBytes *
vigil_test_read_file (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (data, len);
}

gboolean
vigil_test_bytes_contain (GBytes *haystack, const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (haystack, &len);

  return len > 0 && memmem (data, len, needle, strlen (needle)) != NULL;
}

gboolean
vigil_test_file_contains (const char *path, const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GBytes) main_bytes = vigil_test_read_file (path);
  g_autoptr (GBytes) wal_bytes = vigil_test_read_file (wal);

  return vigil_test_bytes_contain (main_bytes, needle)
         || vigil_test_bytes_contain (wal_bytes, needle);
}

GBytes *
vigil_test_vault_clear_pages (const char *path, const char *passphrase)
{
  g_autoptr (GError) error = NULL;
  GBytes *pages = vigil_vault_read_clear_pages (path, passphrase, &error);

  g_assert_no_error (error);
  return pages;
}

gboolean
vigil_test_vault_contains (const char *path, const char *passphrase, const char *needle)
{
  g_autoptr (GBytes) pages = vigil_test_vault_clear_pages (path, passphrase);

  return vigil_test_file_contains (path, needle) || vigil_test_bytes_contain (pages, needle);
}

void
vigil_test_copy_file (const char *from, const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = vigil_test_read_file (from);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (to, data != NULL ? data : "", len, &error);
  g_assert_no_error (error);
}

void
vigil_test_raw_sql (const char *path, const char *passphrase, const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db;
  char *message = NULL;

  /* With the page key: an attacker who can write the file but holds no
   * passphrase cannot change one byte of it (test-vault.c shows that), so
   * what is tested here is the defence behind the page encryption. A path
   * that is no vault yet becomes a plain SQLite file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = vigil_vault_open_raw (path, passphrase, &error);
      g_assert_no_error (error);
    }
  else
    {
      vigil_page_vfs_register ();
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                        VIGIL_PAGE_VFS),
                       ==, SQLITE_OK);
    }
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("raw SQL failed: %s", message);
  vigil_vault_close_raw (path, db);
}

void
vigil_test_assert_problems (GPtrArray *problems, const VigilTestProblem *expected, guint n_expected)
{
  for (guint i = 0; i < problems->len; i++)
    {
      VigilInterchangeProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem: %s: %s", problem->path, problem->message);
    }
  for (guint e = 0; e < n_expected; e++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len && !found; i++)
        {
          VigilInterchangeProblem *problem = g_ptr_array_index (problems, i);

          found = g_str_equal (problem->path, expected[e].path)
                  && strstr (problem->message, expected[e].message) != NULL;
        }
      if (!found)
        g_test_message ("not reported: %s: …%s…", expected[e].path, expected[e].message);
      g_assert_true (found);
    }
  /* One mistake gives one problem: nothing reported twice or by cascade. */
  g_assert_cmpuint (problems->len, ==, n_expected);
}
