/* vigil-bench.c: Vigil's benchmarks
 *
 * Generates (or takes from the cache) a synthetic vault of each size,
 * measures each in child processes of its own, times the first window of
 * vigil beside a minimal libadwaita window, and prints one table. Missed
 * targets are reported, not failed: the exit status says only whether
 * every measurement ran.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vigil-bench.h"
#include "vigil-schema.h"

static const guint full_sizes[] = { 10, 100, 1000 };
static const guint quick_sizes[] = { 10, 100 };

/* private helpers */

static void
size_free (VigilBenchSize *size)
{
  g_clear_pointer (&size->generation, g_hash_table_unref);
  g_clear_pointer (&size->figures, g_hash_table_unref);
  g_free (size->failure);
  g_free (size);
}

static GHashTable *
new_values (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* "key value" lines, as the children print them. */
static void
parse_values (GHashTable *into, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (lines[i], " ", 2);
      char *end = NULL;
      double value;

      if (g_strv_length (parts) != 2)
        continue;
      value = g_ascii_strtod (parts[1], &end);
      if (end == parts[1])
        continue;
      g_hash_table_replace (into, g_strdup (parts[0]), g_memdup2 (&value, sizeof value));
    }
}

static char *
self_path (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  return path != NULL ? path : g_strdup ("vigil-bench");
}

/* Runs @program with @args; its "key value" lines go into @into. */
static gboolean
run_program (const char *program, const char * const *args, GHashTable *into,
             char **out_failure)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *name = g_path_get_basename (program);
  int status = 0;

  g_ptr_array_add (argv, g_strdup (program));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      *out_failure = g_strdup_printf ("%s %s failed: %s", name, args[0], error->message);
      return FALSE;
    }
  parse_values (into, out);
  return TRUE;
}

/* Runs this program with @args, a sub-command first. */
static gboolean
run_child (const char * const *args, GHashTable *into, char **out_failure)
{
  g_autofree char *self = self_path ();

  return run_program (self, args, into, out_failure);
}

static char *
cached_vault_path (const char *cache_dir, guint cases, guint64 seed)
{
  g_autofree char *name
    = g_strdup_printf ("vault-g%d-s%d-seed%" G_GUINT64_FORMAT "-%u.vigil",
                       VIGIL_BENCH_GENERATOR_VERSION, vigil_schema_latest_version (), seed, cases);

  return g_build_filename (cache_dir, name, NULL);
}

/* The cached vault of @size, generated when missing; its generation
 * figures are kept beside it. */
static gboolean
ensure_vault (VigilBenchSize *size, const char *cache_dir, guint64 seed, char **out_path)
{
  g_autofree char *path = cached_vault_path (cache_dir, size->cases, seed);
  g_autofree char *stats_path = g_strconcat (path, ".stats", NULL);
  g_autofree char *stats = NULL;
  g_autofree char *cases = g_strdup_printf ("%u", size->cases);
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);

  size->generation = new_values ();
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR)
      && g_file_get_contents (stats_path, &stats, NULL, NULL))
    {
      size->cached = TRUE;
      parse_values (size->generation, stats);
      *out_path = g_steal_pointer (&path);
      return TRUE;
    }
  g_unlink (path);
  {
    const char *args[] = { "generate", "--cases", cases, "--seed", seed_text, "--out", path,
                           NULL };
    g_autoptr (GHashTable) values = new_values ();
    g_autoptr (GString) text = g_string_new (NULL);
    GHashTableIter iter;
    gpointer key, value;

    if (!run_child (args, values, &size->failure))
      return FALSE;
    g_hash_table_iter_init (&iter, values);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append_printf (text, "%s %s\n", (const char *) key,
                                g_ascii_dtostr (number, sizeof number, *(double *) value));
        g_hash_table_replace (size->generation, g_strdup (key),
                              g_memdup2 (value, sizeof (double)));
      }
    g_file_set_contents (stats_path, text->str, -1, NULL);
  }
  *out_path = g_steal_pointer (&path);
  return TRUE;
}

static void
remove_work_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Measures a copy of the cached vault: the live-hearing entries write to
 * it, and the cache stays as generated. */
static void
measure_size (VigilBenchReport *report, VigilBenchSize *size, const char *cache_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *vault = NULL;
  g_autofree char *work = g_strdup_printf ("%s/work-%d-%u.vigil", cache_dir, (int) getpid (),
                                           size->cases);
  g_autofree char *reps = g_strdup_printf ("%u", report->repetitions);
  g_autofree char *writes = g_strdup_printf ("%u", report->writes);
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;

  size->figures = new_values ();
  if (!ensure_vault (size, cache_dir, report->seed, &vault))
    return;
  from = g_file_new_for_path (vault);
  to = g_file_new_for_path (work);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      size->failure = g_strdup_printf ("could not copy the vault: %s", error->message);
      return;
    }
  {
    const char *measure[] = { "measure", "--vault", work, "--repetitions", reps, "--writes",
                              writes, NULL };
    const char *memory[] = { "memory", "--vault", work, NULL };
    const char *build_report[] = { "report", "--vault", work, "--repetitions", reps, NULL };
    const char *render_report[] = { "render", "--vault", work, NULL };

    const char *window[] = { work, NULL };

    g_printerr ("vigil-bench: measuring %u cases\n", size->cases);
    if (run_child (measure, size->figures, &size->failure)
        && run_child (memory, size->figures, &size->failure)
        && run_child (build_report, size->figures, &size->failure)
        && run_child (render_report, size->figures, &size->failure))
      run_program (report->window_memory, window, size->figures, &size->failure);
  }
  remove_work_files (work);
}

/* One run of @argv, unless an earlier one failed; counted when @count. */
static void
time_window (const char * const *argv, guint timeout_s, gboolean count, GArray *exits,
             GArray *frames, long *peak_kib, char **reason)
{
  gint64 exit_usec, frame_usec;
  long peak = -1;
  g_autofree char *why = NULL;
  g_autofree char *name = g_path_get_basename (argv[0]);

  if (*reason != NULL)
    return;
  if (!vigil_bench_time_first_frame (argv, timeout_s, &exit_usec, &frame_usec, &peak, &why))
    {
      if (g_str_has_prefix (why, "could not"))
        *reason = g_strdup_printf ("%s %s", name, why);
      else
        *reason = g_strdup_printf ("needs %s to quit after its first frame when "
                                   "VIGIL_BENCH_FIRST_FRAME=1; it %s",
                                   name, why);
      return;
    }
  if (count)
    {
      g_array_append_val (exits, exit_usec);
      g_array_append_val (frames, frame_usec);
      *peak_kib = MAX (*peak_kib, peak);
    }
}

static gboolean
all_printed (GArray *frames)
{
  for (guint i = 0; i < frames->len; i++)
    if (g_array_index (frames, gint64, i) < 0)
      return FALSE;
  return frames->len > 0;
}

static void
measure_first_window (VigilBenchReport *report, const char *vigil, const char *minimal,
                      guint runs, guint timeout_s)
{
  const char *vigil_argv[] = { vigil, NULL };
  const char *minimal_argv[] = { minimal, NULL };
  g_autoptr (GArray) vigil_exit = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) vigil_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) minimal_exit = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) minimal_frame = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_getenv ("DISPLAY") == NULL)
    {
      report->vigil_reason = g_strdup ("needs an X display: run under xvfb-run, as "
                                       "./packaging/vigil-bench does");
      report->minimal_reason = g_strdup (report->vigil_reason);
      report->vigil_usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      report->minimal_usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      return;
    }
  g_printerr ("vigil-bench: first windows, %u runs each\n", runs);
  /* One run each that is not counted warms the caches (fonts, icons,
   * shaders) for both; then they take turns. */
  for (guint i = 0; i <= runs; i++)
    {
      time_window (minimal_argv, timeout_s, i > 0, minimal_exit, minimal_frame,
                   &report->minimal_peak_kib, &report->minimal_reason);
      time_window (vigil_argv, timeout_s, i > 0, vigil_exit, vigil_frame,
                   &report->vigil_peak_kib, &report->vigil_reason);
    }
  /* Both to their first frame when both say when it was drawn; otherwise
   * both to their exit, which adds the same quit to each. */
  report->to_exit = !all_printed (vigil_frame) || !all_printed (minimal_frame);
  report->vigil_usec = g_array_ref (report->to_exit ? vigil_exit : vigil_frame);
  report->minimal_usec = g_array_ref (report->to_exit ? minimal_exit : minimal_frame);
}

/* sub-commands */

static int
cmd_generate (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- write a synthetic vault");
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int cases = 10;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Number of cases", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed", "S" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Path of the new vault", "PATH" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || out == NULL || cases < 1)
    {
      g_printerr ("vigil-bench generate: %s\n",
                  error != NULL ? error->message : "--out PATH and --cases N ≥ 1 are needed");
      return 2;
    }
  return vigil_bench_cmd_generate (out, (guint) cases, (guint64) seed);
}

typedef enum
{
  VAULT_MEASURE,
  VAULT_MEMORY,
  VAULT_REPORT,
  VAULT_RENDER,
} VaultCommand;

static int
cmd_vault (int argc, char **argv, VaultCommand command)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- measure a vault");
  g_autoptr (GError) error = NULL;
  g_autofree char *vault = NULL;
  int repetitions = 3, writes = 50;
  GOptionEntry entries[] = {
    { "vault", 0, 0, G_OPTION_ARG_FILENAME, &vault, "The vault", "PATH" },
    { "repetitions", 0, 0, G_OPTION_ARG_INT, &repetitions, "Opens", "N" },
    { "writes", 0, 0, G_OPTION_ARG_INT, &writes, "Live-hearing entries", "N" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || vault == NULL
      || repetitions < 1 || writes < 1)
    {
      g_printerr ("vigil-bench: %s\n", error != NULL ? error->message : "--vault PATH is needed");
      return 2;
    }
  switch (command)
    {
    case VAULT_MEASURE:
      return vigil_bench_cmd_measure (vault, (guint) repetitions, (guint) writes);
    case VAULT_REPORT:
      return vigil_bench_cmd_report (vault, (guint) repetitions);
    case VAULT_RENDER:
      return vigil_bench_cmd_render (vault);
    case VAULT_MEMORY:
    default:
      return vigil_bench_cmd_memory (vault);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sizes = g_ptr_array_new_with_free_func ((GDestroyNotify) size_free);
  g_autofree char *cache_dir = NULL;
  g_autofree char *vigil = NULL;
  g_autofree char *minimal = NULL;
  g_autofree char *window_memory = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *gui_home = NULL;
  gboolean quick = FALSE, list_rows = FALSE, complete = TRUE;
  gint64 seed = 1;
  VigilBenchReport report = { 0 };
  const guint *size_list;
  guint n_sizes;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Sizes 10 and 100 only, few repetitions",
      NULL },
    { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
      "Where generated vaults are kept (default: bench-cache in the build folder)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the synthetic vaults (default 1)", "S" },
    { "vigil", 0, 0, G_OPTION_ARG_FILENAME, &vigil, "The vigil program to time", "PATH" },
    { "minimal-window", 0, 0, G_OPTION_ARG_FILENAME, &minimal,
      "The minimal libadwaita window to time beside it", "PATH" },
    { "window-memory", 0, 0, G_OPTION_ARG_FILENAME, &window_memory,
      "The program that measures the window's memory with a vault open", "PATH" },
    { "list-rows", 0, 0, G_OPTION_ARG_NONE, &list_rows, "Print the label of every row", NULL },
    { NULL },
  };

  setlocale (LC_ALL, "");
  if (argc > 1 && g_str_equal (argv[1], "generate"))
    return cmd_generate (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "measure"))
    return cmd_vault (argc - 1, argv + 1, VAULT_MEASURE);
  if (argc > 1 && g_str_equal (argv[1], "memory"))
    return cmd_vault (argc - 1, argv + 1, VAULT_MEMORY);
  if (argc > 1 && g_str_equal (argv[1], "report"))
    return cmd_vault (argc - 1, argv + 1, VAULT_REPORT);
  if (argc > 1 && g_str_equal (argv[1], "render"))
    return cmd_vault (argc - 1, argv + 1, VAULT_RENDER);

  context = g_option_context_new ("- measure Vigil with synthetic vaults");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vigil-bench: %s\n", error->message);
      return 2;
    }
  if (list_rows)
    {
      vigil_bench_print_labels ();
      return 0;
    }
  if (cache_dir == NULL)
    cache_dir = g_build_filename (BUILD_DIR, "bench-cache", NULL);
  if (vigil == NULL)
    vigil = g_build_filename (BUILD_DIR, "app", "gui", "vigil", NULL);
  if (minimal == NULL)
    minimal = g_build_filename (BUILD_DIR, "tests", "bench", "bench-minimal-window", NULL);
  if (window_memory == NULL)
    window_memory = g_build_filename (BUILD_DIR, "tests", "bench", "bench-window-memory", NULL);
  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      g_printerr ("vigil-bench: could not create %s\n", cache_dir);
      return 1;
    }

  /* The windows find the build's settings schema, and keep to a home of
   * their own: no user data is read or written. */
  schemas = g_build_filename (BUILD_DIR, "resources", NULL);
  gui_home = g_build_filename (cache_dir, "gui-home", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("XDG_DATA_HOME", gui_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", gui_home, TRUE);
  g_setenv ("XDG_STATE_HOME", gui_home, TRUE);

  report.quick = quick;
  report.vigil_peak_kib = -1;
  report.minimal_peak_kib = -1;
  report.window_memory = window_memory;
  report.seed = (guint64) seed;
  report.sizes = sizes;
  report.repetitions = quick ? 2 : 5;
  report.writes = quick ? 40 : 400;
  size_list = quick ? quick_sizes : full_sizes;
  n_sizes = quick ? G_N_ELEMENTS (quick_sizes) : G_N_ELEMENTS (full_sizes);
  for (guint i = 0; i < n_sizes; i++)
    {
      VigilBenchSize *size = g_new0 (VigilBenchSize, 1);

      size->cases = size_list[i];
      g_ptr_array_add (sizes, size);
      measure_size (&report, size, cache_dir);
      complete &= size->failure == NULL;
    }
  measure_first_window (&report, vigil, minimal, quick ? 3 : 7, quick ? 10 : 20);
  vigil_bench_print_report (&report);

  g_clear_pointer (&report.vigil_usec, g_array_unref);
  g_clear_pointer (&report.minimal_usec, g_array_unref);
  g_free (report.vigil_reason);
  g_free (report.minimal_reason);
  return complete ? EXIT_SUCCESS : EXIT_FAILURE;
}
