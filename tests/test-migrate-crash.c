/* test-migrate-crash.c: the move of a vault of the earlier format to the
 * encrypted one, killed at each of its writes, leaves one whole vault
 *
 * The first unlock of tests/fixtures/vault-v1/demo.vigil moves it to the
 * encrypted format (vigil-vault-migrate.c). A first run of that unlock in
 * vigil-test-open, under strace, lists every call that writes: write,
 * pwrite64, fsync, fdatasync, rename(at)(2), ftruncate, unlink. Then, for
 * each of them, a fresh copy of the fixture is unlocked again with strace
 * sending SIGKILL as that call starts (strace counts per system call, so
 * the Nth write of the run is "the Kth pwrite64"). After each kill:
 *
 * - the file at the vault's path is either the old vault, byte for byte,
 *   or a vault of the encrypted format: never a mix, never missing;
 * - an unlock without strace opens it with exactly the fixture's records
 *   (the committed export-with-identities.json, read back the way
 *   vigil-test-export.c writes it);
 * - no file of the ".encrypting" copy is left beside it afterwards, so a
 *   half-written copy is never taken for the vault.
 *
 * Every write of the migration proper (its new file's header and page 1,
 * the syncs, the rename) is a kill point, except that, of the other pages
 * VACUUM INTO copies and of the one-byte writes that grow SQLite's
 * shared-memory index, every PAGE_STEP-th is (with the first and the
 * last), and of the writes after the migration (ordinary transactions of
 * the open and of the export, which the crash test covers), every
 * AFTER_STEP-th.
 * When written, one unlock and export of the fixture made 341 writing
 * calls, 145 of them up to the sync of the folder after the rename: this
 * kills at 71 of them in a minute or so; the slow mode (-m slow) kills at
 * every one, in about seven.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "vigil-page-cipher.h"
#include "vigil-test-util.h"
#include "vigil-vault-header.h"

#define SYSCALLS "write,pwrite64,fsync,fdatasync,rename,renameat,renameat2,ftruncate,unlink"
#define NEW_SUFFIX ".encrypting"
#define PAGE_STEP  8
#define AFTER_STEP 8

typedef enum
{
  WRITE_MIGRATION, /* up to the sync of the folder after the rename */
  WRITE_PAGE,      /* a page of the encrypted copy, written by VACUUM INTO */
  WRITE_SHM,       /* a byte that grows a shared-memory index */
  WRITE_AFTER,     /* the open and the export, on the new vault */
} WriteKind;

typedef struct
{
  char      *syscall;
  guint      nth;   /* of this system call in the run, from 1 */
  char      *line;  /* as strace printed it, for a failure's message */
  WriteKind  kind;
} Write;

static void
write_free (Write *write)
{
  g_free (write->syscall);
  g_free (write->line);
  g_free (write);
}

/* private helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "vault-v1", name, NULL);
}

static char *
read_passphrase_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("passphrase");
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  /* The first line, as vigil-cli --passphrase-file reads it. */
  text[strcspn (text, "\r\n")] = '\0';
  return g_strconcat (text, "\n", NULL);
}

/* The fixture's records as vigil-test-open compares them: its committed
 * export with identities, without the moment of export, written again by
 * json-glib's generator. Taken from the fixture rather than from a
 * migration of it, so a migration that loses or changes a record cannot
 * pass by agreeing with itself. */
static char *
write_expected (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *export = fixture_path ("export-with-identities.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "expected.json", NULL);
  JsonNode *root;

  g_assert_true (json_parser_load_from_file (parser, export, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (json_object_has_member (json_node_get_object (root), "exported_at"));
  json_object_remove_member (json_node_get_object (root), "exported_at");
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs vigil-test-open on @vault, under strace with @strace_args when not
 * NULL, with @state as its state folder (where vaults seen are kept).
 * Returns what it printed; *@out_signal is the signal that ended it, or 0. */
static char *
run_open (const char  *vault,
          const char  *expected,
          const char  *state,
          const char **strace_args,
          int         *out_signal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "vigil-test-open", NULL);
  g_autofree char *passphrase = read_passphrase_line ();
  g_autofree char *asan = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  if (strace_args != NULL)
    {
      /* LeakSanitizer stops the process with ptrace to look for leaks,
       * which it cannot do under strace. The open after a kill keeps it. */
      asan = g_strconcat (g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "",
                          ":detect_leaks=0", NULL);
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
      g_ptr_array_add (argv, (gpointer) "strace");
      for (guint i = 0; strace_args[i] != NULL; i++)
        g_ptr_array_add (argv, (gpointer) strace_args[i]);
    }
  g_ptr_array_add (argv, helper);
  g_ptr_array_add (argv, (gpointer) vault);
  g_ptr_array_add (argv, (gpointer) expected);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, passphrase, NULL, &out, &err, &error));
  g_assert_no_error (error);
  *out_signal = g_subprocess_get_if_signaled (proc) ? g_subprocess_get_term_sig (proc) : 0;
  if (*out_signal == 0 && g_subprocess_get_exit_status (proc) != 0)
    g_test_message ("vigil-test-open said: %s", err);
  if (*out_signal == 0)
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return g_strchomp (out);
}

/* The file a line of strace -y names first, between < and >. */
static char *
line_target (const char *line)
{
  const char *start = strchr (line, '<');
  const char *end = start != NULL ? strchr (start, '>') : NULL;

  if (start == NULL || end == NULL)
    return NULL;
  return g_strndup (start + 1, end - start - 1);
}

/* Where a pwrite64 of one page writes, or -1 for another write. Page 1
 * (written by VACUUM INTO, then again with its WAL flag set) is not one
 * of the copied pages sampled: its writes are the new file's header. */
static gint64
copied_page_offset (const char *call)
{
  const char *size = g_strrstr (call, ", " G_STRINGIFY (VIGIL_PAGE_SIZE) ", ");

  if (size == NULL)
    return -1;
  return g_ascii_strtoll (size + strlen (", " G_STRINGIFY (VIGIL_PAGE_SIZE) ", "), NULL, 10);
}

/* Every writing call of the main thread in the trace at @trace_path, in
 * order, each with its rank among the calls of its kind. */
static GPtrArray *
parse_trace (const char *trace_path, const char *vault)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *new_path = g_strconcat (vault, NEW_SUFFIX, NULL);
  g_autofree char *main_tid = NULL;
  GPtrArray *writes = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
  gboolean renamed = FALSE, migrated = FALSE;

  g_file_get_contents (trace_path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *call;
      g_autofree char *tid = NULL;
      g_autofree char *target = NULL;
      Write *write;
      gsize len;

      if (*line == '\0')
        continue;
      /* "TID  call(args) = result": strace counts per thread. */
      len = strspn (line, "0123456789");
      g_assert_cmpuint (len, >, 0);
      tid = g_strndup (line, len);
      if (main_tid == NULL)
        main_tid = g_strdup (tid);
      call = line + len + strspn (line + len, " ");
      /* The end of a call another thread interrupted; it was counted. */
      if (g_str_has_prefix (call, "<..."))
        continue;
      g_assert_cmpstr (tid, ==, main_tid);

      write = g_new0 (Write, 1);
      write->syscall = g_strndup (call, strcspn (call, "("));
      write->nth = GPOINTER_TO_UINT (g_hash_table_lookup (counts, write->syscall)) + 1;
      g_hash_table_insert (counts, g_strdup (write->syscall), GUINT_TO_POINTER (write->nth));
      write->line = g_strdup (call);
      target = line_target (call);
      if (migrated)
        write->kind = WRITE_AFTER;
      else if (g_str_equal (write->syscall, "pwrite64") && target != NULL
               && g_str_has_suffix (target, "-shm"))
        write->kind = WRITE_SHM;
      else if (g_str_equal (write->syscall, "pwrite64") && g_strcmp0 (target, new_path) == 0
               && copied_page_offset (call) > VIGIL_PAGE_FILE_OFFSET)
        write->kind = WRITE_PAGE;
      else
        write->kind = WRITE_MIGRATION;
      /* The folder's sync after the rename ends the migration. */
      if (renamed && (g_str_equal (write->syscall, "fsync")
                      || g_str_equal (write->syscall, "fdatasync")))
        migrated = TRUE;
      if (g_str_has_prefix (write->syscall, "rename") && strstr (call, NEW_SUFFIX "\"") != NULL)
        renamed = TRUE;
      g_ptr_array_add (writes, write);
    }
  /* Without a rename (a migration that wrote over the old file), every
   * write is one of the migration's. */
  if (!migrated)
    g_test_message ("the migration ended in no rename and sync of %s", new_path);
  return writes;
}

/* Whether the kill at @writes[@index] is one of this run's. */
static gboolean
is_kill_point (GPtrArray *writes, guint index)
{
  const Write *write = writes->pdata[index];
  guint rank = 0, last = 0;

  if (g_test_slow () || write->kind == WRITE_MIGRATION)
    return TRUE;
  for (guint i = 0; i < writes->len; i++)
    if (((Write *) writes->pdata[i])->kind == write->kind)
      {
        if (i < index)
          rank++;
        last = i;
      }
  return rank % (write->kind == WRITE_AFTER ? AFTER_STEP : PAGE_STEP) == 0 || index == last;
}

static void
remove_vault_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *new_file = g_strconcat (path, NEW_SUFFIX, suffixes[i], NULL);

      g_remove (file);
      g_remove (new_file);
    }
}

static void
assert_no_new_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, NEW_SUFFIX, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_test_message ("%s was left beside the vault", file);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

/* tests */

static void
test_kill_at_every_write (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *dir = NULL;
  g_autofree char *original = fixture_path ("demo.vigil");
  g_autofree char *expected = NULL;
  g_autofree char *count_vault = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *state = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GBytes) original_bytes = NULL;
  g_autoptr (GPtrArray) writes = NULL;
  guint points = 0, old = 0, new = 0;
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  gint64 start;
  int sig;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }
  dir = vigil_test_tmpdir_new ();
  expected = write_expected (dir);
  original_bytes = vigil_test_read_file (original);
  g_assert_cmpuint (g_bytes_get_size (original_bytes), >, 0);

  /* The whole unlock once, to list its writes: it must read back the
   * fixture's records, or the kills below would prove nothing. */
  count_vault = g_build_filename (dir, "count.vigil", NULL);
  trace = g_build_filename (dir, "trace", NULL);
  state = g_build_filename (dir, "state-count", NULL);
  vigil_test_copy_file (original, count_vault);
  {
    const char *args[] = { "-f", "-qq", "-y", "-o", trace, "-e", "trace=" SYSCALLS, NULL };

    out = run_open (count_vault, expected, state, args, &sig);
  }
  g_assert_cmpint (sig, ==, 0);
  g_assert_cmpstr (out, ==, "intact 0");
  /* It did move the vault to the encrypted format. */
  g_assert_true (vigil_vault_header_read (count_vault, &kind, &header, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, VIGIL_VAULT_FILE_ENCRYPTED);
  writes = parse_trace (trace, count_vault);
  g_assert_cmpuint (writes->len, >, 0);
  g_test_message ("one migrating unlock and export: %u writing calls", writes->len);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < writes->len; i++)
    {
      const Write *write = writes->pdata[i];
      g_autofree char *vault = NULL;
      g_autofree char *run_state = NULL;
      g_autofree char *inject = NULL;
      g_autofree char *killed_out = NULL;
      g_autofree char *reopened = NULL;
      g_autoptr (GBytes) after = NULL;

      if (!is_kill_point (writes, i))
        continue;
      points++;
      vault = g_strdup_printf ("%s/kill-%u.vigil", dir, i);
      run_state = g_strdup_printf ("%s/state-%u", dir, i);
      vigil_test_copy_file (original, vault);
      inject = g_strdup_printf ("inject=%s:signal=KILL:when=%u", write->syscall, write->nth);
      {
        const char *args[] = { "-f", "-qq", "-o", "/dev/null", "-e", "trace=" SYSCALLS,
                               "-e", inject, NULL };

        killed_out = run_open (vault, expected, run_state, args, &sig);
      }
      /* Each kill point must be reached, or the run proves nothing. */
      if (sig != SIGKILL)
        g_test_message ("write %u (%s) was not reached: the run printed \"%s\"", i,
                        write->line, killed_out);
      g_assert_cmpint (sig, ==, SIGKILL);

      /* One whole vault at its path: the old one untouched, or the new. */
      if (!vigil_vault_header_read (vault, &kind, &header, &error))
        g_test_message ("killed at write %u (%s), the vault's path holds no vault", i,
                        write->line);
      g_assert_no_error (error);
      if (kind == VIGIL_VAULT_FILE_LEGACY)
        {
          after = vigil_test_read_file (vault);
          if (!g_bytes_equal (after, original_bytes))
            g_test_message ("killed at write %u (%s): the old vault was changed", i,
                            write->line);
          g_assert_true (g_bytes_equal (after, original_bytes));
          old++;
        }
      else
        new++;

      /* Opened as a person would after the crash, it holds the fixture's
       * records, whichever of the two it is. */
      reopened = run_open (vault, expected, run_state, NULL, &sig);
      g_assert_cmpint (sig, ==, 0);
      if (!g_str_equal (reopened, "intact 0"))
        g_test_message ("killed at write %u (%s), the vault then opened as \"%s\"", i,
                        write->line, reopened);
      g_assert_cmpstr (reopened, ==, "intact 0");
      g_assert_true (vigil_vault_header_read (vault, &kind, &header, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, VIGIL_VAULT_FILE_ENCRYPTED);
      assert_no_new_files (vault);
      remove_vault_files (vault);
    }
  g_test_message ("%u kill points of %u writing calls: %u left the old vault, %u the new one; "
                  "%.1f s",
                  points, writes->len, old, new,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  /* Both sides of the rename were reached. */
  g_assert_cmpuint (old, >, 0);
  g_assert_cmpuint (new, >, 0);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/migrate/kill-at-every-write", test_kill_at_every_write);
  return g_test_run ();
}
