/* vigil-bench-window.c: time from starting a program to its first frame
 *
 * The program is started with VIGIL_BENCH_FIRST_FRAME=1 and quits right
 * after it has drawn its first frame, so the time from spawning it to its
 * exit is the time to its first window (plus a quit, the same for every
 * program measured this way). A program that does not know the variable
 * never quits by itself: after the time limit it is killed and not
 * measured. The X server is watched too: a program that exits without
 * having mapped a window showed nothing, and is not measured either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <X11/Xlib.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vigil-bench.h"

typedef struct
{
  GMainLoop *loop;
  Display   *display;
  gboolean   mapped;    /* a window was mapped on the display */
  gint64     exited_at;
  int        wait_status;
  gboolean   exited;
  gboolean   timed_out;
} Run;

/* private helpers */

static void
read_x_events (Run *run)
{
  while (XPending (run->display) > 0)
    {
      XEvent event;

      XNextEvent (run->display, &event);
      if (event.type == MapNotify)
        run->mapped = TRUE;
    }
}

/* "first-frame T", T the monotonic clock in microseconds when the frame
 * was drawn (the same clock in every process), if the program printed it:
 * the time from @started to it, or -1; and "peak-rss-kib N" in
 * @out_peak_kib, or -1. Read once the program has exited, so everything it
 * wrote is in the pipe. */
static gint64
first_frame_at (int fd, gint64 started, long *out_peak_kib)
{
  gint64 frame = -1;

  char buffer[4096];
  gssize got, total = 0;
  g_auto (GStrv) lines = NULL;

  while (total < (gssize) sizeof buffer - 1
         && (got = read (fd, buffer + total, sizeof buffer - 1 - total)) > 0)
    total += got;
  buffer[total] = '\0';
  lines = g_strsplit (buffer, "\n", -1);
  *out_peak_kib = -1;
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "first-frame "))
      {
        gint64 at = g_ascii_strtoll (lines[i] + strlen ("first-frame "), NULL, 10);

        frame = at > started ? at - started : -1;
      }
    else if (g_str_has_prefix (lines[i], "peak-rss-kib "))
      *out_peak_kib = (long) g_ascii_strtoll (lines[i] + strlen ("peak-rss-kib "), NULL, 10);
  return frame;
}

/* callbacks */

static gboolean
on_x_events (int fd, GIOCondition condition, gpointer user_data)
{
  read_x_events (user_data);
  return G_SOURCE_CONTINUE;
}

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
                              gint64             *out_exit_usec,
                              gint64             *out_frame_usec,
                              long               *out_peak_kib,
                              char              **out_reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr (GSource) child = NULL;
  g_autoptr (GSource) timer = NULL;
  g_autoptr (GSource) x_source = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  Run run = { .loop = loop };
  gboolean ok;
  gint64 started;
  int out_fd = -1;
  GPid pid;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);
  g_return_val_if_fail (out_exit_usec != NULL && out_frame_usec != NULL, FALSE);
  g_return_val_if_fail (out_peak_kib != NULL, FALSE);
  g_return_val_if_fail (out_reason != NULL, FALSE);

  /* A display that has just started may refuse for a moment. */
  for (guint attempt = 0; attempt < 20 && run.display == NULL; attempt++)
    {
      run.display = XOpenDisplay (NULL);
      if (run.display == NULL)
        g_usleep (G_USEC_PER_SEC / 4);
    }
  if (run.display == NULL)
    {
      *out_reason = g_strdup_printf ("could not connect to the X display %s",
                                     g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : "");
      return FALSE;
    }
  /* Without a window manager, every top-level window is mapped as a child
   * of the root window. */
  XSelectInput (run.display, DefaultRootWindow (run.display), SubstructureNotifyMask);
  XSync (run.display, False);
  x_source = g_unix_fd_source_new (ConnectionNumber (run.display), G_IO_IN);
  g_source_set_callback (x_source, (GSourceFunc) (void (*) (void)) on_x_events, &run, NULL);
  g_source_attach (x_source, context);

  envp = g_environ_setenv (envp, "VIGIL_BENCH_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  g_main_context_push_thread_default (context);
  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_main_context_pop_thread_default (context);
      g_source_destroy (x_source);
      XCloseDisplay (run.display);
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
      *out_reason = g_strdup_printf ("did not quit after its first frame within %u s", timeout_s);
      ok = FALSE;
    }
  else if (!WIFEXITED (run.wait_status) || WEXITSTATUS (run.wait_status) != 0)
    {
      *out_reason = WIFEXITED (run.wait_status)
                      ? g_strdup_printf ("exited with status %d", WEXITSTATUS (run.wait_status))
                      : g_strdup_printf ("was killed by signal %d", WTERMSIG (run.wait_status));
      ok = FALSE;
    }
  else
    {
      /* Whatever the server sent before the exit. */
      XSync (run.display, False);
      read_x_events (&run);
      ok = run.mapped;
      if (ok)
        {
          *out_exit_usec = run.exited_at - started;
          *out_frame_usec = first_frame_at (out_fd, started, out_peak_kib);
        }
      else
        *out_reason = g_strdup ("exited without showing a window");
    }
  g_source_destroy (timer);
  g_source_destroy (child);
  g_source_destroy (x_source);
  g_main_context_pop_thread_default (context);
  XCloseDisplay (run.display);
  close (out_fd);
  return ok;
}
