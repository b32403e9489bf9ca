/* test-crash.c: kill -9 in the middle of a stream of writes loses nothing
 * that was acknowledged, and leaves a vault that opens and checks clean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "vigil-error.h"
#include "vigil-store-observation-notes.h"
#include "vigil-store.h"
#include "vigil-test-util.h"

#define PASSPHRASE "crash test passphrase"

static char *
writer_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "vigil-test-writer", NULL);
}

/* Runs the writer until it has acknowledged @kill_after writes (or ended),
 * kills it with SIGKILL, and returns every id it acknowledged. */
static GPtrArray *
run_and_kill_mode (const char *vault_path,
                   guint       kill_after,
                   const char *mode,
                   char      **out_case_id,
                   char      **out_hearing_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *writer = writer_path ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  GOutputStream *in;
  GPtrArray *acked = g_ptr_array_new_with_free_func (g_free);
  char *line;
  gboolean killed = FALSE;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, writer, vault_path, "100000", mode, NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (proc);
  g_assert_true (g_output_stream_write_all (in, PASSPHRASE "\n", strlen (PASSPHRASE) + 1, NULL,
                                            NULL, &error));
  g_assert_true (g_output_stream_close (in, NULL, &error));
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));

  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "case "))
        *out_case_id = g_strdup (line + 5);
      else if (g_str_has_prefix (line, "hearing ") && out_hearing_id != NULL)
        *out_hearing_id = g_strdup (line + 8);
      else if (g_str_has_prefix (line, "ack "))
        g_ptr_array_add (acked, g_strdup (line + 4));
      g_free (line);
      if (!killed && acked->len >= kill_after)
        {
          g_subprocess_send_signal (proc, SIGKILL);
          killed = TRUE;
        }
    }
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (proc));
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
  return acked;
}

static GPtrArray *
run_and_kill (const char *vault_path, guint kill_after, char **out_case_id)
{
  return run_and_kill_mode (vault_path, kill_after, NULL, out_case_id, NULL);
}

/* The live hearing mode's entries: every note acknowledged ("ack ID entry
 * N") is there after kill -9, with its text. */
static void
test_kill_during_live_notes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  char *dir = vigil_test_tmpdir_new ();
  guint rounds = g_test_slow () ? 50 : 6;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/live-%u.vigil", dir, round);
      g_autofree char *case_id = NULL;
      g_autofree char *hearing_id = NULL;
      g_autoptr (VigilVault) created = vigil_vault_create (path, PASSPHRASE,
                                                           VIGIL_KDF_INTERACTIVE, &error);
      g_autoptr (GPtrArray) acked = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autoptr (VigilStore) store = NULL;
      g_autoptr (GPtrArray) observations = NULL;
      g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (VigilCheckReport) report = NULL;
      guint kill_after = (guint) g_rand_int_range (rand, 1, 40);

      g_assert_no_error (error);
      vigil_vault_lock (created);
      acked = run_and_kill_mode (path, kill_after, "notes", &case_id, &hearing_id);
      g_assert_nonnull (hearing_id);
      g_assert_cmpuint (acked->len, >=, kill_after);

      vault = vigil_vault_open (path, PASSPHRASE, &error);
      g_assert_no_error (error);
      store = vigil_store_new (vault);
      report = vigil_store_check (store, &error);
      g_assert_no_error (error);
      g_assert_true (vigil_check_report_ok (report));
      observations = vigil_store_list_observations (store, hearing_id, &error);
      g_assert_no_error (error);
      for (guint o = 0; o < observations->len; o++)
        {
          VigilObservationData *obs = g_ptr_array_index (observations, o);

          for (guint n = 0; n < obs->entries->len; n++)
            {
              VigilObservationNote *note = g_ptr_array_index (obs->entries, n);

              g_hash_table_insert (present, note->id, note->text);
            }
        }
      /* "ID entry N": the id, then the text it was saved with. */
      for (guint i = 0; i < acked->len; i++)
        {
          const char *line = acked->pdata[i];
          const char *space = strchr (line, ' ');
          g_autofree char *id = g_strndup (line, space - line);

          if (!g_hash_table_contains (present, id))
            g_test_message ("round %u: acknowledged note %s is missing", round, id);
          g_assert_cmpstr (g_hash_table_lookup (present, id), ==, space + 1);
        }
      g_test_message ("round %u: killed after %u acks, %u notes found", round, acked->len,
                      g_hash_table_size (present));
    }
  vigil_test_tmpdir_free (dir);
}

static void
test_kill_during_writes (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  char *dir = vigil_test_tmpdir_new ();
  guint rounds = g_test_slow () ? 100 : 12;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/crash-%u.vigil", dir, round);
      g_autofree char *case_id = NULL;
      g_autoptr (VigilVault) created = vigil_vault_create (path, PASSPHRASE,
                                                           VIGIL_KDF_INTERACTIVE, &error);
      g_autoptr (GPtrArray) acked = NULL;
      g_autoptr (VigilVault) vault = NULL;
      g_autoptr (VigilStore) store = NULL;
      g_autoptr (GPtrArray) hearings = NULL;
      g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (VigilCheckReport) report = NULL;
      guint kill_after = (guint) g_rand_int_range (rand, 1, 60);

      g_assert_no_error (error);
      vigil_vault_lock (created);

      acked = run_and_kill (path, kill_after, &case_id);
      g_assert_nonnull (case_id);
      g_assert_cmpuint (acked->len, >=, kill_after);

      /* Opening verifies the audit chain. */
      vault = vigil_vault_open (path, PASSPHRASE, &error);
      g_assert_no_error (error);
      store = vigil_store_new (vault);
      report = vigil_store_check (store, &error);
      g_assert_no_error (error);
      g_assert_true (vigil_check_report_ok (report));

      hearings = vigil_store_list_hearings (store, case_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < hearings->len; i++)
        g_hash_table_add (present, (gpointer) vigil_hearing_get_id (hearings->pdata[i]));
      for (guint i = 0; i < acked->len; i++)
        {
          if (!g_hash_table_contains (present, acked->pdata[i]))
            g_test_message ("round %u: acknowledged hearing %s is missing", round,
                            (char *) acked->pdata[i]);
          g_assert_true (g_hash_table_contains (present, acked->pdata[i]));
        }
      g_test_message ("round %u: killed after %u acks, %u found", round, acked->len,
                      hearings->len);
    }
  vigil_test_tmpdir_free (dir);
}

/* Runs the writer for @entries writes under strace, which makes the @nth
 * call of @syscall fail with @errno_name (and, when @sticky, every call
 * after it, as a disk that stays full); returns the acknowledged ids, the
 * writer's stderr and whether it exited with success. */
static GPtrArray *
run_with_fault (const char *vault_path,
                const char *syscall,
                const char *errno_name,
                guint       nth,
                gboolean    sticky,
                guint       entries,
                char      **out_stderr,
                gboolean   *out_success)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *writer = writer_path ();
  g_autofree char *inject = g_strdup_printf ("inject=%s:error=%s:when=%u%s", syscall, errno_name,
                                             nth, sticky ? "+" : "");
  g_autofree char *count = g_strdup_printf ("%u", entries);
  g_autofree char *out = NULL;
  g_autofree char *asan = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *acked = g_ptr_array_new_with_free_func (g_free);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* In the sanitizer build: LeakSanitizer stops the process with ptrace to
   * look for leaks, which it cannot do under strace. */
  asan = g_strconcat (g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "",
                      ":detect_leaks=0", NULL);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, "strace", "-f", "-qq", "-o", "/dev/null",
                                      "-e", inject, writer, vault_path, count, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, PASSPHRASE "\n", NULL, &out, out_stderr,
                                                &error));
  g_assert_no_error (error);
  /* A crash is never an answer to a failing disk. */
  g_assert_true (g_subprocess_get_if_exited (proc));
  *out_success = g_subprocess_get_exit_status (proc) == 0;
  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "ack "))
      g_ptr_array_add (acked, g_strdup (lines[i] + 4));
  return acked;
}

/* Every acknowledged write is there, and the vault opens and checks clean. */
static void
assert_vault_holds (const char *path, GPtrArray *acked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) hearings = NULL;

  g_assert_no_error (error);
  store = vigil_store_new (vault);
  report = vigil_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_check_report_ok (report));
  cases = vigil_store_list_cases (store, &error);
  g_assert_no_error (error);
  if (cases->len == 0)
    {
      g_assert_cmpuint (acked->len, ==, 0);
      return;
    }
  hearings = vigil_store_list_hearings (store, vigil_case_get_id (cases->pdata[0]), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hearings->len; i++)
    g_hash_table_add (present, (gpointer) vigil_hearing_get_id (hearings->pdata[i]));
  for (guint i = 0; i < acked->len; i++)
    g_assert_true (g_hash_table_contains (present, acked->pdata[i]));
}

typedef struct
{
  const char *syscall;
  const char *errno_name;
  const char *message; /* what the writer must say */
  gboolean    sticky;  /* every call from the Nth on fails */
  gboolean    every_n; /* every N until a run no longer fails, else a sample up to 300 */
} Fault;

static void
test_faults (gconstpointer data)
{
  const Fault *fault = data;
  char *dir;
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *pristine = NULL;
  g_autofree char *code = g_strdup_printf ("[%s %d]", g_quark_to_string (VIGIL_ERROR),
                                           VIGIL_ERROR_IO);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) created = NULL;
  guint failures_seen = 0;
  guint bound = fault->every_n ? 2000 : g_test_slow () ? 2000 : 300;
  /* Every N of a run of 10 writes is about 120 runs; slow mode covers 40. */
  guint entries = fault->every_n ? (g_test_slow () ? 40 : 10) : 40;
  guint nth;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }
  dir = vigil_test_tmpdir_new ();
  /* One key derivation for all runs: each starts from a copy. */
  pristine = g_strdup_printf ("%s/pristine.vigil", dir);
  created = vigil_vault_create (pristine, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  vigil_vault_lock (created);

  for (nth = 1; nth <= bound; nth += (fault->every_n || nth < 20 ? 1 : 23))
    {
      g_autofree char *path = g_strdup_printf ("%s/fault-%u.vigil", dir, nth);
      g_autofree char *err = NULL;
      g_autoptr (GPtrArray) acked = NULL;
      gboolean success = FALSE;

      vigil_test_copy_file (pristine, path);
      acked = run_with_fault (path, fault->syscall, fault->errno_name, nth, fault->sticky,
                              entries, &err, &success);
      if (!success)
        {
          failures_seen++;
          g_test_message ("%s #%u: %u acked; writer said: %s", fault->syscall, nth, acked->len,
                          err);
          /* The operation that met the fault says so: a VIGIL_ERROR_IO
           * whose message names the cause, not a bare SQLite code. */
          g_assert_nonnull (strstr (err, code));
          g_assert_nonnull (strstr (err, fault->message));
          /* A full disk is not a damaged vault. */
          g_assert_null (strstr (err, "damaged"));
          g_assert_cmpuint (acked->len, <, entries);
        }
      else
        g_assert_cmpuint (acked->len, ==, entries);
      assert_vault_holds (path, acked);
      /* Past the last write of the run, no N can fail any more. */
      if (fault->every_n && success && err != NULL && *err == '\0')
        break;
    }
  g_test_message ("%s %s: %u runs, %u failed as they should", fault->syscall, fault->errno_name,
                  MIN (nth, bound), failures_seen);
  /* The injection must have hit something, or this test proves nothing. */
  g_assert_cmpuint (failures_seen, >, 0);
  if (fault->every_n)
    g_assert_cmpuint (nth, <=, bound);
  vigil_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  /* The disk fills at the Nth write and stays full, for every N. */
  static const Fault enospc = { "pwrite64", "ENOSPC", "disk is full", TRUE, TRUE };
  static const Fault eio = { "fdatasync", "EIO", "input/output error", FALSE, FALSE };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-writes", test_kill_during_writes);
  g_test_add_func ("/crash/kill-during-live-notes", test_kill_during_live_notes);
  g_test_add_data_func ("/faults/disk-full", &enospc, test_faults);
  g_test_add_data_func ("/faults/fsync-eio", &eio, test_faults);
  return g_test_run ();
}
