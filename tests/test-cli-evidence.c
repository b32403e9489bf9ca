/* test-cli-evidence.c: `vigil-cli attach` and `vigil-cli evidence`, run as
 * a person or a script runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigil-test-pdf.h"
#include "vigil-test-util.h"

#define PASS "cli evidence passphrase\n"
#define CASE_REF "K 214/2023"

typedef struct
{
  char *dir;
  char *vault;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->vault = g_build_filename (f->dir, "vault.vigil", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->out);
  g_free (f->err);
  g_free (f->vault);
  vigil_test_tmpdir_free (f->dir);
}

/* Runs vigil-cli with the NULL-terminated arguments and @input on its
 * standard input; keeps its output in @f. */
static int
run (Fixture *f, const char *input, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *input_path = g_build_filename (f->dir, "stdin", NULL);
  const char *cli = g_getenv ("VIGIL_CLI");
  const char *arg;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_file_set_contents (input_path, input != NULL ? input : "", -1, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &f->out, &f->err, &error);
  g_assert_no_error (error);
  g_test_message ("$ vigil-cli %s …\n%s%s", (const char *) args->pdata[1], f->out, f->err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* A vault with the claim of V-01 in K 214/2023. */
static void
make_vault (Fixture *f)
{
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "fixtures", "interchange",
                                                 "valid.json", NULL);

  g_assert_cmpint (run (f, PASS, "init", "--vault", f->vault, "--kdf", "interactive", NULL), ==,
                   0);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, json, NULL), ==, 0);
}

static char *
write_file (Fixture *f, const char *name, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_documents (Fixture *f, guint expected)
{
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run (f, PASS, "evidence", "--vault", f->vault, "--case", CASE_REF, "--format",
                        "tsv", NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  /* The header, a line a document, and the empty rest after the last. */
  g_assert_cmpuint (g_strv_length (lines), ==, expected + 2);
}

static void
test_attach_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (3, "Judgment", "Wages withheld at the Dunarea farm");
  g_autofree char *path = NULL;

  make_vault (f);
  path = write_file (f, "judgment.pdf", pdf);
  g_assert_cmpint (run (f, PASS, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-01", path, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Attached “judgment.pdf” (3 pages"));
  g_assert_nonnull (strstr (f->out, "V-01"));

  g_assert_cmpint (run (f, PASS, "evidence", "--vault", f->vault, "--case", CASE_REF, NULL), ==,
                   0);
  g_assert_nonnull (strstr (f->out, "judgment.pdf"));
  g_assert_nonnull (strstr (f->out, "V-01"));
  assert_documents (f, 1);
  g_assert_nonnull (strstr (f->out, "\t3\t"));

  g_assert_cmpint (run (f, PASS, "evidence", "--vault", f->vault, "--case", CASE_REF, "--search",
                        "dunarea WAGES", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "judgment.pdf"));
  g_assert_cmpint (run (f, PASS, "evidence", "--vault", f->vault, "--case", CASE_REF, "--search",
                        "Dunarea harbour", NULL), ==, 0);
  g_assert_null (strstr (f->out, "judgment.pdf"));
  g_assert_nonnull (strstr (f->out, "No document holds those words"));

  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 0);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) text = g_bytes_new_static ("Not a PDF at all\n", 17);
  g_autofree char *locked = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence",
                                                   "encrypted.pdf", NULL);
  g_autofree char *empty_path = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);

  make_vault (f);
  empty_path = write_file (f, "empty.pdf", empty);
  text_path = write_file (f, "notes.pdf", text);
  /* Refused before any passphrase is asked for: none is given here. */
  g_assert_cmpint (run (f, NULL, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-01", empty_path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "empty.pdf: The file is empty"));
  g_assert_cmpint (run (f, NULL, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-01", text_path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "not a PDF"));
  g_assert_cmpint (run (f, NULL, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-01", locked, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "protected by a password"));
  g_assert_cmpint (run (f, NULL, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-01", missing, NULL), ==, 1);
  assert_documents (f, 0);
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 0);
}

static void
test_wrong_claim (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (1, "Receipt", NULL);
  g_autofree char *path = NULL;

  make_vault (f);
  path = write_file (f, "receipt.pdf", pdf);
  g_assert_cmpint (run (f, PASS, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "V-09", path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "no person “V-09”"));
  g_assert_cmpint (run (f, PASS, "attach", "--vault", f->vault, "--case", CASE_REF, "--claimant",
                        "D-01", path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "D-01 has no compensation claim"));
  g_assert_cmpint (run (f, PASS, "attach", "--vault", f->vault, "--case", "K 1/1999",
                        "--claimant", "V-01", path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "No case has the reference"));
  g_assert_cmpint (run (f, NULL, "attach", "--vault", f->vault, path, NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "attach", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--passphrase-file"));
  g_assert_nonnull (strstr (f->out, "--claimant"));
  assert_documents (f, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/evidence/attach-and-list", test_attach_and_list);
  ADD ("/cli/evidence/refused", test_refused);
  ADD ("/cli/evidence/wrong-claim", test_wrong_claim);

  return g_test_run ();
}
