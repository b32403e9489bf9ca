/* vigil-test-util.h: helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its files by vigil_test_tmpdir_free(). */
char     *vigil_test_tmpdir_new      (void);
void      vigil_test_tmpdir_free     (char        *dir);
/* Whole contents of @path; an empty GBytes when it does not exist. */
GBytes   *vigil_test_read_file       (const char  *path);
/* Whether @needle occurs in @haystack's bytes. */
gboolean  vigil_test_bytes_contain   (GBytes      *haystack,
                                      const char  *needle);
/* Whether @needle occurs in the bytes of the file at @path or its WAL. */
gboolean  vigil_test_file_contains   (const char  *path,
                                      const char  *needle);
/* The pages of the vault at @path and its WAL, opened with the page key
 * (vigil_vault_read_clear_pages()). */
GBytes   *vigil_test_vault_clear_pages (const char *path,
                                        const char *passphrase);
/* Whether @needle occurs in the vault at @path or its WAL, in their bytes
 * or in their pages once opened: what the sealing of values alone keeps
 * out. */
gboolean  vigil_test_vault_contains  (const char  *path,
                                      const char  *passphrase,
                                      const char  *needle);
/* Copies @from to @to. */
void      vigil_test_copy_file       (const char  *from,
                                      const char  *to);
/* Runs raw SQL on a vault file behind Vigil's back, as an attacker who
 * holds @passphrase would (vigil_vault_open_raw()). */
void      vigil_test_raw_sql         (const char  *path,
                                      const char  *passphrase,
                                      const char  *sql);

/* A problem an import must report: at @path, with @message in its text. */
typedef struct
{
  const char *path;
  const char *message;
} VigilTestProblem;

/* Each of @expected is among @problems, and nothing else is. */
void      vigil_test_assert_problems (GPtrArray              *problems,
                                      const VigilTestProblem *expected,
                                      guint                   n_expected);

G_END_DECLS
