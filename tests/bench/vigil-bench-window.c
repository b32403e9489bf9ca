/* vigil-bench-window.c: time from starting a program to its first frame
 *
 * The program is started with VIGIL_BENCH_FIRST_FRAME=1 and quits right
 * after it has drawn its first frame, so the time from spawning it to its
 * exit is the time to its first window (plus a quit, the same for every
 * program measured this way). A program that does not know the variable
 * never quits by itself: after the time limit it is killed and not
 * measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "vigil-bench.h"

typedef struct
{
  GMainLoop *loop;
  gint64     exited_at;
  int        wait_status;
  gboolean   exited;
  gboolean   timed_out;
} Run;

/* callbacks */

static void
on_child_exit (GPid pid, int wait_status, gpointer user_data)
{
  Run *run = user_data;

  run->exited_at = g_get_monotonic_time ();
  run->wait_status = wait_status;
  run->exited = TRUE;
  g_spawn_close_pid (pid);
  g_main_loop_quit (run->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* public API */

/**
 * vigil_bench_time_first_frame:
 * @argv: the program and its arguments
 *
 * Returns: TRUE when the program quit by itself, with status 0, in time
 */
gboolean
vigil_bench_time_first_frame (const char * const *argv,
                              guint               timeout_s,
                              gint64             *out_usec,
                              char              **out_reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr (GSource) child = NULL;
  g_autoptr (GSource) timer = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  Run run = { .loop = loop };
  gint64 started;
  GPid pid;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);
  g_return_val_if_fail (out_usec != NULL && out_reason != NULL, FALSE);

  envp = g_environ_setenv (envp, "VIGIL_BENCH_FIRST_FRAME", "1", TRUE);
  g_main_context_push_thread_default (context);
  started = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    {
      g_main_context_pop_thread_default (context);
      *out_reason = g_strdup_printf ("could not be started: %s", error->message);
      return FALSE;
    }
  child = g_child_watch_source_new (pid);
  g_source_set_callback (child, (GSourceFunc) (void (*) (void)) on_child_exit, &run, NULL);
  g_source_attach (child, context);
  timer = g_timeout_source_new_seconds (timeout_s);
  g_source_set_callback (timer, on_timeout, &run, NULL);
  g_source_attach (timer, context);
  g_main_loop_run (loop);

  if (run.timed_out && !run.exited)
    {
      kill (pid, SIGKILL);
      /* Reaped by the child watch. */
      while (!run.exited)
        g_main_context_iteration (context, TRUE);
      g_source_destroy (timer);
      g_source_destroy (child);
      g_main_context_pop_thread_default (context);
      *out_reason = g_strdup_printf ("did not quit after its first frame within %u s", timeout_s);
      return FALSE;
    }
  g_source_destroy (timer);
  g_source_destroy (child);
  g_main_context_pop_thread_default (context);
  if (!WIFEXITED (run.wait_status) || WEXITSTATUS (run.wait_status) != 0)
    {
      *out_reason = WIFEXITED (run.wait_status)
                      ? g_strdup_printf ("exited with status %d", WEXITSTATUS (run.wait_status))
                      : g_strdup_printf ("was killed by signal %d", WTERMSIG (run.wait_status));
      return FALSE;
    }
  *out_usec = run.exited_at - started;
  return TRUE;
}
