/* test-cli.c: vigil-cli, run as a person or a script runs it
 *
 * Each test runs the built program (its path is in $VIGIL_CLI) through
 * GSubprocess, with the passphrase on standard input or in a file, against
 * vaults in a temporary folder, and checks exit statuses and messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-demo.h"
#include "vigil-store.h"
#include "vigil-pdf-writer.h"
#include "vigil-test-util.h"
#include "vigil-vault-private.h"

#define PASSPHRASE "cli test passphrase"

typedef struct
{
  char *dir;
  char *vault;
  char *passphrase_file;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->vault = g_build_filename (f->dir, "vault.vigil", NULL);
  f->passphrase_file = g_build_filename (f->dir, "passphrase", NULL);
  g_file_set_contents (f->passphrase_file, PASSPHRASE "\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (f->passphrase_file, 0600);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->out);
  g_free (f->err);
  g_free (f->vault);
  g_free (f->passphrase_file);
  vigil_test_tmpdir_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "interchange", name, NULL);
}

/* Runs vigil-cli with the NULL-terminated arguments, @input on its
 * standard input (never a terminal here); keeps its output in @f. */
static int
run (Fixture *f, const char *input, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *input_path = NULL;
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

  /* The input comes from a file, not a pipe: a command that never reads
   * it (its passphrase comes from --passphrase-file) must not make the
   * writing fail. */
  input_path = g_build_filename (f->dir, "stdin", NULL);
  g_assert_true (g_file_set_contents (input_path, input != NULL ? input : "", -1, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  /* The default vault path must never be a real one. */
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

#define PASS PASSPHRASE "\n"

static void
init_vault (Fixture *f)
{
  g_assert_cmpint (run (f, PASS, "init", "--vault", f->vault, "--kdf", "interactive", NULL), ==,
                   0);
}

static void
test_help (Fixture *f, gconstpointer data)
{
  /* The commands that work on a vault; "standards" needs none. */
  static const char * const commands[] = {
    "init", "import", "export", "check", "demo", "erase-person", "erase-case",
  };

  g_assert_cmpint (run (f, NULL, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (f->out, commands[i]));
  g_assert_nonnull (strstr (f->out, "standards"));
  g_assert_nonnull (strstr (f->out, "never taken from the command line"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("vigil-cli %s [OPTION", commands[i]);

      g_assert_cmpint (run (f, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (f->out, usage));
      g_assert_nonnull (strstr (f->out, "--vault"));
      g_assert_nonnull (strstr (f->out, "--passphrase-file"));
    }
  g_assert_cmpint (run (f, NULL, "init", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--kdf"));
  g_assert_cmpint (run (f, NULL, "export", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--with-identities"));
  g_assert_cmpint (run (f, NULL, "demo", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--seed"));
  g_assert_cmpint (run (f, NULL, "help", "erase-person", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--pseudonym"));

  /* Wrong usage exits with 2 and says what to run. */
  g_assert_cmpint (run (f, NULL, NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "unmake", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "no command"));
  g_assert_cmpint (run (f, NULL, "import", "--no-such-option", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--help"));
  g_assert_cmpint (run (f, NULL, "import", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "export", "--vault", f->vault, NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "demo", "--cases", "0", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "demo", "--seed", "minus one", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "init", "--kdf", "fast", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "erase-case", "--vault", f->vault, NULL), ==, 2);
  /* No vault was created by any of that. */
  g_assert_false (g_file_test (f->vault, G_FILE_TEST_EXISTS));
}

static void
test_init (Fixture *f, gconstpointer data)
{
  g_autofree char *default_vault = g_build_filename (f->dir, "vigil", "vault.vigil", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.vigil", NULL);
  GStatBuf st;

  init_vault (f);
  g_assert_nonnull (strstr (f->out, "Created a vault"));
  g_assert_cmpint (g_stat (f->vault, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  /* Never over an existing file. */
  g_assert_cmpint (run (f, PASS, "init", "--vault", f->vault, "--kdf", "interactive", NULL), ==,
                   1);
  g_assert_nonnull (strstr (f->err, "already exists"));

  /* The default path is under $XDG_DATA_HOME. */
  g_assert_cmpint (run (f, PASS, "init", "--kdf", "interactive", NULL), ==, 0);
  g_assert_true (g_file_test (default_vault, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (f, PASS, "check", NULL), ==, 0);

  /* An empty passphrase is refused. */
  g_assert_cmpint (run (f, "\n", "init", "--vault", other, "--kdf", "interactive", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "empty"));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* The core's rule, the same as the window's: 12 characters at least. */
  g_assert_cmpint (run (f, "eleven char\n", "init", "--vault", other, "--kdf", "interactive",
                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "at least 12 characters"));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* A NUL byte would cut the passphrase short without a word. */
  {
    static const char with_nul[] = "a long passphrase\0 and what follows\n";
    g_autofree char *nul_file = g_build_filename (f->dir, "nul", NULL);

    g_assert_true (g_file_set_contents_full (nul_file, with_nul, sizeof with_nul - 1,
                                             G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    g_assert_cmpint (run (f, NULL, "init", "--vault", other, "--kdf", "interactive",
                          "--passphrase-file", nul_file, NULL),
                     ==, 1);
    g_assert_nonnull (strstr (f->err, "NUL"));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static void
test_passphrase_sources (Fixture *f, gconstpointer data)
{
  g_autofree char *wrong_file = g_build_filename (f->dir, "wrong", NULL);

  g_assert_cmpint (run (f, NULL, "init", "--vault", f->vault, "--kdf", "interactive",
                        "--passphrase-file", f->passphrase_file, NULL),
                   ==, 0);
  /* The first line of the file, or of standard input; nothing after it. */
  g_assert_cmpint (run (f, NULL, "check", "--vault", f->vault, "--passphrase-file",
                        f->passphrase_file, NULL),
                   ==, 0);
  g_assert_cmpint (run (f, PASSPHRASE "\nsecond line\n", "check", "--vault", f->vault, NULL), ==,
                   0);
  g_assert_cmpint (run (f, PASSPHRASE, "check", "--vault", f->vault, NULL), ==, 0);
  g_assert_cmpint (run (f, PASSPHRASE "\r\n", "check", "--vault", f->vault, NULL), ==, 0);

  /* The file wins over standard input. */
  g_assert_cmpint (run (f, "wrong\n", "check", "--vault", f->vault, "--passphrase-file",
                        f->passphrase_file, NULL),
                   ==, 0);
  g_file_set_contents (wrong_file, "not it\n", -1, NULL);
  g_chmod (wrong_file, 0644);
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, "--passphrase-file", wrong_file,
                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "Wrong passphrase"));
  /* A passphrase file others can read is worth a warning. */
  g_assert_nonnull (strstr (f->err, "other users can read"));
  g_assert_cmpint (run (f, NULL, "check", "--vault", f->vault, "--passphrase-file", "/nonexistent",
                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "passphrase file"));
}

static void
test_open_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.vigil", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.vigil", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  init_vault (f);
  g_assert_cmpint (run (f, "wrong passphrase\n", "check", "--vault", f->vault, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Wrong passphrase"));
  g_assert_null (strstr (f->err, "wrong passphrase\n"));

  g_assert_cmpint (run (f, PASS, "check", "--vault", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no vault"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_file_set_contents (garbage, "This is a shopping list, not a vault.\n", -1, NULL);
  before = vigil_test_read_file (garbage);
  g_assert_cmpint (run (f, PASS, "check", "--vault", garbage, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "not a Vigil vault"));
  after = vigil_test_read_file (garbage);
  g_assert_true (g_bytes_equal (before, after));

  /* An audit entry changed behind Vigil's back. */
  g_assert_cmpint (run (f, PASS, "demo", "--vault", f->vault, "--cases", "1", NULL), ==, 0);
  vigil_test_raw_sql (f->vault, PASSPHRASE, "UPDATE audit SET action = 'delete' WHERE seq = 2");
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "changed outside Vigil"));

  /* A vault of a later Vigil. */
  vigil_test_raw_sql (f->vault, PASSPHRASE, "PRAGMA user_version = 99");
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "newer version of Vigil"));
}

static void
test_import_export (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("valid.json");
  g_autofree char *errors = fixture_path ("errors.json");
  g_autofree char *plain = g_build_filename (f->dir, "plain.json", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full.json", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.vigil", NULL);
  g_autoptr (GBytes) plain_bytes = NULL;
  g_autoptr (GBytes) full_bytes = NULL;
  guint lines = 0;

  init_vault (f);
  /* Every problem is printed with its path, and nothing is asked or
   * written: the file is checked before the vault is unlocked. */
  g_assert_cmpint (run (f, NULL, "import", "--vault", f->vault, errors, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "nothing was written. 29 problems"));
  g_assert_nonnull (strstr (f->err, "$.cases[0].persons[0].role: \"vicitm\" is not a role"));
  g_assert_nonnull (strstr (f->err, "$.cases[0].hearings[1].starts_at: \"2023-02-30T09:00:00Z\""));
  g_assert_nonnull (strstr (f->err, "$.cases[1].claims[0].items[2].paid_minor"));
  for (const char *p = f->err; (p = strstr (p, "\n  $.")) != NULL; p++)
    lines++;
  g_assert_cmpuint (lines, ==, 29);
  g_assert_cmpint (run (f, "not json", "import", "--vault", f->vault, "/nonexistent.json", NULL),
                   ==, 1);

  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "persons              5 (3 with an identity, 2 consents)"));
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "$.cases[0].id: a case with this id is already in the vault"));

  g_assert_cmpint (run (f, PASS, "export", "--vault", f->vault, "--out", plain, NULL), ==, 0);
  g_assert_null (strstr (f->err, "warning"));
  /* A hearing's notes, an observation's entry and an assessment's reason. */
  g_assert_nonnull (strstr (f->out, "3 notes were left out"));
  plain_bytes = vigil_test_read_file (plain);
  g_assert_false (vigil_test_bytes_contain (plain_bytes, "full_name"));
  g_assert_false (vigil_test_bytes_contain (plain_bytes, "+381 64 555 0192"));
  g_assert_false (vigil_test_bytes_contain (plain_bytes, "Ulica Lipa 17"));
  g_assert_true (vigil_test_bytes_contain (plain_bytes, "\"V-01\""));

  /* Not over an existing file without --force. */
  g_assert_cmpint (run (f, PASS, "export", "--vault", f->vault, "--out", plain, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--force"));

  g_assert_cmpint (run (f, PASS, "export", "--vault", f->vault, "--out", full,
                        "--with-identities", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->err, "warning"));
  full_bytes = vigil_test_read_file (full);
  g_assert_true (vigil_test_bytes_contain (full_bytes, "Zorica Vukašinović"));

  /* The full export moves the vault to another one, which checks out. */
  g_assert_cmpint (run (f, PASS, "init", "--vault", other, "--kdf", "interactive", NULL), ==, 0);
  g_assert_cmpint (run (f, PASS, "import", "--vault", other, full, NULL), ==, 0);
  g_assert_cmpint (run (f, PASS, "check", "--vault", other, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Audit chain:       ok"));
  g_assert_nonnull (strstr (f->out, "0 failed"));
}

/* A file nested a hundred thousand deep crashed vigil-cli inside
 * json-glib (F8); it is refused with a message, and nothing is asked. */
static void
test_import_deep (Fixture *f, gconstpointer data)
{
  g_autofree char *deep = g_build_filename (f->dir, "deep.json", NULL);
  g_autoptr (GString) json = g_string_new ("{\"format\": \"vigil-interchange\", \"version\": 1, "
                                           "\"cases\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  g_assert_true (g_file_set_contents (deep, json->str, json->len, NULL));

  init_vault (f);
  g_assert_cmpint (run (f, NULL, "import", "--vault", f->vault, deep, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "nothing was written. 1 problem:"));
  g_assert_nonnull (strstr (f->err, "lists and objects are nested more than 64 deep here"));
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autofree char *new_vault = g_build_filename (f->dir, "new.vigil", NULL);

  /* No vault, no --init: nothing is created. */
  g_assert_cmpint (run (f, PASS, "demo", "--vault", f->vault, "--cases", "3", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no vault"));
  g_assert_false (g_file_test (f->vault, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, PASS, "demo", "--vault", new_vault, "--init", "--kdf", "interactive",
                        "--cases", "3", "--seed", "11", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "cases                3"));
  /* The same seed again would duplicate the cases: refused, by path. */
  g_assert_cmpint (run (f, PASS, "demo", "--vault", new_vault, "--cases", "3", "--seed", "11",
                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "already in the vault"));
  g_assert_nonnull (strstr (f->err, "$.cases[0].reference"));
  g_assert_cmpint (run (f, PASS, "demo", "--vault", new_vault, "--cases", "2", "--seed", "12",
                        NULL),
                   ==, 0);
  g_assert_cmpint (run (f, PASS, "check", "--vault", new_vault, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "The vault is whole."));
}

static void
collect_strings (JsonNode *node, const char *key, GPtrArray *out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (g_str_equal (l->data, key) && JSON_NODE_HOLDS_VALUE (child))
            g_ptr_array_add (out, g_strdup (json_node_get_string (child)));
          else
            collect_strings (child, key, out);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_strings (json_array_get_element (array, i), key, out);
    }
}

/* After demo and import, no full name, phone or address of the data, nor
 * an entry or the reason of an assessment, is in the bytes of the vault
 * file or its WAL. */
static void
test_no_identities_in_file (Fixture *f, gconstpointer data)
{
  static const char * const keys[] = { "full_name", "phone", "address", "text", "reason" };
  g_autoptr (JsonNode) demo = vigil_demo_generate (8, 77);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *valid = fixture_path ("valid.json");
  g_autoptr (GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "demo", "--vault", f->vault, "--cases", "8", "--seed", "77",
                        NULL),
                   ==, 0);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 0);

  g_assert_true (json_parser_load_from_file (parser, valid, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      collect_strings (demo, keys[i], secrets);
      collect_strings (json_parser_get_root (parser), keys[i], secrets);
    }
  g_assert_cmpuint (secrets->len, >, 60);
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      if (secret == NULL)
        continue;
      if (vigil_test_vault_contains (f->vault, PASSPHRASE, secret))
        g_test_message ("in the vault file: %s", secret);
      g_assert_false (vigil_test_vault_contains (f->vault, PASSPHRASE, secret));
    }
  /* Public facts are in clear, so the search above could find text. */
  g_assert_true (vigil_test_vault_contains (f->vault, PASSPHRASE, "Viši sud u Novom Sadu"));
}

/* Table names, as the vault's own schema lists them. */
static void
collect_table_names (const char *path, GPtrArray *out)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = vigil_vault_open_raw (path, PASSPHRASE, &error);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  vigil_vault_close_raw (path, db);
}

/* What the file alone tells whoever holds it. Not one court name, case
 * reference, pseudonym or table name, and not what kind of file it is:
 * in the vault, and in its WAL while one is open with changes in it. */
static void
test_nothing_in_clear (Fixture *f, gconstpointer data)
{
  static const char * const keys[] = { "court", "reference", "pseudonym", "jurisdiction" };
  g_autoptr (JsonNode) demo = vigil_demo_generate (8, 77);
  g_autoptr (GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->vault, "-wal", NULL);
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  guint texts, tables;

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "demo", "--vault", f->vault, "--cases", "8", "--seed", "77",
                        NULL),
                   ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    collect_strings (demo, keys[i], needles);
  texts = needles->len;
  collect_table_names (f->vault, needles);
  tables = needles->len - texts;
  g_ptr_array_add (needles, g_strdup ("SQLite format"));
  g_ptr_array_add (needles, g_strdup ("Tribunalul Special 44"));
  g_ptr_array_add (needles, g_strdup ("KZ-9041/2026"));
  g_assert_cmpuint (needles->len, >, 40);

  /* A change still in the WAL. */
  vault = vigil_vault_open (f->vault, PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  vigil_case_set_reference (kase, "KZ-9041/2026");
  vigil_case_set_court (kase, "Tribunalul Special 44");
  vigil_case_set_jurisdiction (kase, "Timiș");
  g_assert_true (vigil_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < needles->len; i++)
        {
          const char *needle = g_ptr_array_index (needles, i);

          if (needle == NULL || strlen (needle) < 3)
            continue;
          if (vigil_test_file_contains (f->vault, needle))
            g_test_message ("in the file (round %u): %s", round, needle);
          g_assert_false (vigil_test_file_contains (f->vault, needle));
        }
      /* Then closed: the WAL checkpointed into the file. */
      g_clear_object (&store);
      g_clear_object (&vault);
    }
  /* The search finds what is there: behind the page key, all of it. */
  g_assert_true (vigil_test_vault_contains (f->vault, PASSPHRASE, "KZ-9041/2026"));
  g_assert_true (vigil_test_vault_contains (f->vault, PASSPHRASE,
                                            g_ptr_array_index (needles, texts)));
  g_test_message ("%u names and texts searched for, %u of them table names", needles->len,
                  tables);
}

static void
test_erase (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("valid.json");
  g_autofree char *full = g_build_filename (f->dir, "full.json", NULL);
  g_autoptr (GBytes) bytes = NULL;

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 0);

  /* Without a terminal, only --yes confirms; nothing is unlocked before. */
  g_assert_cmpint (run (f, PASS, "erase-person", "--vault", f->vault, "--case", "K 214/2023",
                        "--pseudonym", "V-01", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (f->err, "--yes"));
  g_assert_cmpint (run (f, PASS, "erase-person", "--vault", f->vault, "--case", "K 214/2023",
                        "--pseudonym", "V-09", "--yes", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "no person"));
  g_assert_cmpint (run (f, PASS, "erase-person", "--vault", f->vault, "--case", "K 999/2023",
                        "--pseudonym", "V-01", "--yes", NULL),
                   ==, 1);
  g_assert_cmpint (run (f, PASS, "erase-person", "--vault", f->vault, "--case", "K 214/2023",
                        "--pseudonym", "V-01", "--yes", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "Erased V-01"));
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 0);

  g_assert_cmpint (run (f, PASS, "export", "--vault", f->vault, "--out", full,
                        "--with-identities", NULL),
                   ==, 0);
  bytes = vigil_test_read_file (full);
  g_assert_false (vigil_test_bytes_contain (bytes, "Vukašinović"));
  g_assert_true (vigil_test_bytes_contain (bytes, "Radulović"));

  g_assert_cmpint (run (f, PASS, "erase-case", "--vault", f->vault, "--id",
                        "5f0c7a52-3d1e-4b8a-9c11-2a7e5b9d0f41", "--yes", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, PASS, "erase-case", "--vault", f->vault, "--reference", "III K 77/24",
                        "--yes", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "Erased case"));
  g_assert_cmpint (run (f, PASS, "erase-case", "--vault", f->vault, "--reference", "III K 77/24",
                        "--yes", NULL),
                   ==, 1);
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 0);
  g_assert_false (vigil_test_vault_contains (f->vault, PASSPHRASE, "Przybyłowska"));
  g_assert_false (vigil_test_vault_contains (f->vault, PASSPHRASE, "Viši sud u Novom Sadu"));
}

/* F5: with another program holding a read transaction, the erase must not
 * print that the key is destroyed and the file compacted: it exits 1 and
 * says the old copies are still in the file; `check` says the erase is not
 * finished while the other program still holds the file, and passes once
 * an open has finished it. */
static void
test_erase_reader_holds_file (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("valid.json");
  sqlite3 *reader = NULL;

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 0);
  reader = vigil_vault_open_raw (f->vault, PASSPHRASE, NULL);
  g_assert_nonnull (reader);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM persons;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_cmpint (run (f, PASS, "erase-person", "--vault", f->vault, "--case", "K 214/2023",
                        "--pseudonym", "V-01", "--yes", NULL),
                   ==, 1);
  g_assert_null (strstr (f->out, "destroyed"));
  g_assert_nonnull (strstr (f->err, "still in the vault file"));
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "erase is not finished"));

  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
  vigil_vault_close_raw (f->vault, reader);
  g_assert_cmpint (run (f, PASS, "check", "--vault", f->vault, NULL), ==, 0);
  g_assert_false (vigil_test_vault_contains (f->vault, PASSPHRASE, "Vukašinović"));
}

/* The catalogue, listed without a vault; an import naming a standard it
 * does not know is refused with the path. */
static void
test_standards (Fixture *f, gconstpointer data)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  g_autofree char *count_line = g_strdup_printf ("%u standards", n);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  guint rows = 0;

  g_assert_cmpint (run (f, NULL, "standards", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Standards catalogue, version 1"));
  g_assert_nonnull (strstr (f->out, count_line));
  g_assert_nonnull (strstr (f->out, "separate-waiting-room"));
  g_assert_nonnull (strstr (f->out, "source: OSCE Action Plan, III. Investigation, law "
                                    "enforcement and prosecution > 4.5"));

  /* One line per standard, four fields, sources as FILE|SECTION. */
  g_assert_cmpint (run (f, NULL, "standards", "--tsv", NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_nonnull (vigil_catalogue_lookup (catalogue, fields[0]));
      g_assert_nonnull (strchr (fields[3], '|'));
      rows++;
    }
  g_assert_cmpuint (rows, ==, n);

  g_assert_cmpint (run (f, NULL, "standards", "--category", "child-victims", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "child-guardian"));
  g_assert_null (strstr (f->out, "separate-waiting-room"));
  g_assert_cmpint (run (f, NULL, "standards", "--search", "interpreter", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "interpreter-provided"));
  g_assert_null (strstr (f->out, "child-guardian"));
  g_assert_cmpint (run (f, NULL, "standards", "--id", "legal-counselling-before-testimony",
                        NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Applies when:  A victim testifies"));
  g_assert_nonnull (strstr (f->out, "4.5 Providing legal counselling for victims"));

  g_assert_cmpint (run (f, NULL, "standards", "--category", "gossip", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "“gossip” is not a category"));
  g_assert_cmpint (run (f, NULL, "standards", "--id", "gossip", NULL), ==, 1);
  g_assert_cmpint (run (f, NULL, "standards", "extra", NULL), ==, 2);
  g_assert_cmpint (run (f, NULL, "standards", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--tsv"));

  init_vault (f);
  g_file_set_contents (bad,
                       "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{"
                       "\"reference\": \"K 1/2025\", \"court\": \"Court\", "
                       "\"jurisdiction\": null, \"stage\": \"trial\", \"charges\": [], "
                       "\"persons\": [], \"hearings\": [{\"starts_at\": "
                       "\"2024-03-05T09:30:00Z\", \"kind\": \"main\", "
                       "\"closed_session\": false, \"observations\": [{\"standard\": "
                       "\"no-such-standard\", \"status\": \"respected\", \"notes\": null},"
                       "{\"standard\": \"interpreter-provided\", \"status\": \"fine\", "
                       "\"notes\": null}]}]}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "$.cases[0].hearings[0].observations[0].standard: "
                                    "\"no-such-standard\" is not a standard"));
  g_assert_nonnull (strstr (f->err, "$.cases[0].hearings[0].observations[1].status: \"fine\""));
}

/* `report` writes the figures as CSV and JSON, mode 0600, with no name,
 * phone or case reference of the vault in them; a wrong scope or level is
 * a usage error that writes nothing. */
static void
test_report (Fixture *f, gconstpointer data)
{
  static const char * const keys[] = { "full_name", "phone", "reference" };
  static const char * const formats[] = { "report.csv", "report.json" };
  g_autoptr (JsonNode) demo = vigil_demo_generate (12, 5);
  g_autoptr (GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "demo", "--vault", f->vault, "--cases", "12", "--seed", "5",
                        NULL),
                   ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    collect_strings (demo, keys[i], secrets);
  g_assert_cmpuint (secrets->len, >, 30);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_build_filename (f->dir, formats[i], NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;

      g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--out", out, NULL),
                       ==, 0);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "Observations per standard"));
      for (guint k = 0; k < secrets->len; k++)
        {
          const char *secret = g_ptr_array_index (secrets, k);

          if (secret != NULL && strstr (contents, secret) != NULL)
            {
              g_test_message ("in %s: %s", formats[i], secret);
              g_assert_not_reached ();
            }
        }
      /* Written again only with --force. */
      g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--out", out, NULL),
                       ==, 1);
      g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--out", out,
                            "--force", "--dates", "quarter", "--courts", "none", NULL),
                       ==, 0);
    }

  g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--from", "2024-01-01",
                        "--to", "2024-12-31", "--out", bad, NULL),
                   ==, 2);
  g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--dates", "year",
                        "--out", bad, NULL),
                   ==, 2);
  g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--from", "2024-12-31", "--to",
                        "2024-01-01", "--out", bad, NULL),
                   ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--case", "no such case",
                        "--out", bad, NULL),
                   ==, 1);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
write_pdf (const char *path, const char *planted)
{
  g_autoptr (VigilPdfWriter) writer = vigil_pdf_writer_new (VIGIL_PAPER_A4, "Report", NULL,
                                                            "Report");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  vigil_pdf_writer_heading (writer, 1, "Summary");
  vigil_pdf_writer_paragraph (writer, "Hearings were held in public in 4 of 9 cases.");
  if (planted != NULL)
    {
      vigil_pdf_writer_heading (writer, 1, "Notes");
      vigil_pdf_writer_paragraph (writer, planted);
    }
  bytes = vigil_pdf_writer_finish (g_steal_pointer (&writer), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* verify-pdf: exit 0 on a clean file; on one that names a person, 1, and
 * the page and whose, never the name itself. */
static void
test_verify_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *valid = fixture_path ("valid.json");
  g_autofree char *clean = g_build_filename (f->dir, "clean.pdf", NULL);
  g_autofree char *named = g_build_filename (f->dir, "named.pdf", NULL);
  g_autofree char *other = g_build_filename (f->dir, "report.txt", NULL);

  init_vault (f);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, valid, NULL), ==, 0);
  write_pdf (clean, NULL);
  /* In other spellings than recorded: upper case, no diacritics. */
  write_pdf (named, "The court heard ZORICA VUKASINOVIC in a separate room.");

  g_assert_cmpint (run (f, PASS, "verify-pdf", "--vault", f->vault, clean, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "no identity of the vault found"));

  g_assert_cmpint (run (f, PASS, "verify-pdf", "--vault", f->vault, named, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "page 2: the name of V-01 in case K 214/2023"));
  g_assert_null (strcasestr (f->out, "zorica"));
  g_assert_null (strcasestr (f->out, "vukas"));
  g_assert_null (strcasestr (f->err, "zorica"));

  g_assert_cmpint (run (f, PASS, "verify-pdf", "--vault", f->vault, other, NULL), ==, 2);
  g_assert_cmpint (run (f, PASS, "verify-pdf", "--vault", f->vault, NULL), ==, 2);

  /* vigil-cli report writes PDF and ODT, checked, mode 0600; the check
   * finds nothing in them afterwards either. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = g_build_filename (f->dir, i == 0 ? "report.pdf" : "report.odt",
                                               NULL);
      GStatBuf st;

      g_assert_cmpint (run (f, PASS, "report", "--vault", f->vault, "--all", "--out", out, NULL),
                       ==, 0);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (run (f, PASS, "verify-pdf", "--vault", f->vault, out, NULL), ==, 0);
    }
}

/* Two cases, three claims in two currencies: the list, its filters, the
 * totals per currency with exactly the columns scripts read, and the
 * deadlines near or past, counted from a given day. */
static void
test_claims (Fixture *f, gconstpointer data)
{
  static const char document[] =
    "{\"format\": \"vigil-interchange\", \"version\": 1,"
    " \"exported_at\": \"2024-08-01T10:00:00Z\", \"cases\": ["
    "{\"reference\": \"K 1/2024\", \"court\": \"Tribunalul Iasi\", \"jurisdiction\": \"Romania\","
    " \"stage\": \"trial\", \"charges\": [\"trafficking\"],"
    " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\", \"is_child\": false},"
    "               {\"pseudonym\": \"V-02\", \"role\": \"victim\", \"is_child\": false}],"
    " \"hearings\": [],"
    " \"claims\": [{\"claimant\": \"V-01\", \"route\": \"civil_claim\", \"status\": \"awarded\","
    "   \"currency\": \"EUR\","
    "   \"items\": [{\"head\": \"unpaid_wages\", \"claimed_minor\": 450000,"
    "                \"awarded_minor\": 300000},"
    "               {\"head\": \"moral_damage\", \"claimed_minor\": 1000000,"
    "                \"awarded_minor\": 500000}],"
    "   \"deadlines\": [{\"kind\": \"enforcement\", \"due_on\": \"2024-09-04\"}],"
    "   \"payments\": [{\"paid_on\": \"2024-07-01\", \"amount_minor\": 120000,"
    "                   \"payer\": \"state_fund\", \"item_index\": 0}]},"
    "  {\"claimant\": \"V-02\", \"route\": \"labour_tribunal\", \"status\": \"filed\","
    "   \"currency\": \"RON\","
    "   \"items\": [{\"head\": \"unpaid_wages\", \"claimed_minor\": 1275043}],"
    "   \"deadlines\": [{\"kind\": \"limitation\", \"due_on\": \"2024-08-22\"}]}]},"
    "{\"reference\": \"K 2/2024\", \"court\": \"Tribunalul Cluj\", \"jurisdiction\": \"Romania\","
    " \"stage\": \"trial\", \"charges\": [\"trafficking\"],"
    " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\", \"is_child\": false}],"
    " \"hearings\": [],"
    " \"claims\": [{\"claimant\": \"V-01\", \"route\": \"civil_claim\", \"status\": \"paid\","
    "   \"currency\": \"EUR\","
    "   \"items\": [{\"head\": \"medical_costs\", \"claimed_minor\": 80000,"
    "                \"awarded_minor\": 80000, \"paid_minor\": 80000}]}]}]}";
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "claims.json", NULL);

  init_vault (f);
  g_file_set_contents (path, document, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (f, PASS, "import", "--vault", f->vault, path, NULL), ==, 0);

  /* EUR: claimed 14 500,00 + 800,00; awarded 8 000,00 + 800,00; paid
   * 1 200,00 + 800,00; awarded but unpaid 6 800,00 + 0. RON: claimed only. */
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--totals", "--format", "tsv",
                        "--today", "2024-08-01", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "currency\tclaimed_minor\tawarded_minor\tpaid_minor\tawarded_unpaid_minor\n"
                   "EUR\t1530000\t880000\t200000\t680000\n"
                   "RON\t1275043\t0\t0\t0\n");
  /* The deadlines went beside the table: the limitation in 21 days, the
   * enforcement (34 days away) not within 30. */
  g_assert_nonnull (strstr (f->err, "in 21 days: limitation (2024-08-22), K 1/2024, V-02"));
  g_assert_null (strstr (f->err, "enforcement"));

  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--format", "tsv", "--today",
                        "2024-09-10", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "case\tcourt\tclaimant\troute\tstatus\tcurrency\t"
                                           "claimed_minor\tawarded_minor\tpaid_minor\t"
                                           "awarded_unpaid_minor\tnext_deadline\t"
                                           "next_deadline_kind\n"));
  g_assert_nonnull (strstr (f->out, "K 1/2024\tTribunalul Iasi\tV-01\tcivil_claim\tawarded\tEUR\t"
                                    "1450000\t800000\t120000\t680000\t2024-09-04\tenforcement\n"));
  g_assert_nonnull (strstr (f->out, "K 1/2024\tTribunalul Iasi\tV-02\tlabour_tribunal\tfiled\t"
                                    "RON\t1275043\t\t0\t0\t2024-08-22\tlimitation\n"));
  g_assert_nonnull (strstr (f->err, "6 days past: enforcement (2024-09-04)"));
  g_assert_nonnull (strstr (f->err, "19 days past: limitation (2024-08-22)"));

  /* Filters: a case, a status; the table shows what stands out. */
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--case", "K 2/2024", "--format",
                        "tsv", NULL), ==, 0);
  {
    g_auto (GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  g_assert_nonnull (strstr (f->out, "K 2/2024\tTribunalul Cluj\tV-01\tcivil_claim\tpaid\tEUR\t"
                                    "80000\t80000\t80000\t0\t\t\n"));
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--status", "filed", "--format",
                        "tsv", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\tfiled\t"));
  g_assert_null (strstr (f->out, "\tawarded\t"));
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--today", "2024-08-01", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "K 1/2024 (Tribunalul Iasi), V-01: Awarded"));
  g_assert_nonnull (strstr (f->out, "AWARDED BUT NOT PAID: "));
  g_assert_nonnull (strstr (f->out, "in 21 days: limitation"));

  /* Wrong usage says what is right. */
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--status", "won", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "under_enforcement"));
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--format", "csv", NULL), ==, 2);
  g_assert_cmpint (run (f, PASS, "claims", "--vault", f->vault, "--case", "K 9/2024", NULL), ==,
                   1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/init", test_init);
  ADD ("/cli/passphrase-sources", test_passphrase_sources);
  ADD ("/cli/open-errors", test_open_errors);
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/import-deep", test_import_deep);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/no-identities-in-file", test_no_identities_in_file);
  ADD ("/cli/nothing-in-clear", test_nothing_in_clear);
  ADD ("/cli/erase", test_erase);
  ADD ("/cli/erase-reader-holds-file", test_erase_reader_holds_file);
  ADD ("/cli/standards", test_standards);
  ADD ("/cli/report", test_report);
  ADD ("/cli/verify-pdf", test_verify_pdf);
  ADD ("/cli/claims", test_claims);

  return g_test_run ();
}
