/* bench-minimal-window.c: the smallest libadwaita program with a window
 *
 * The yardstick for the time Vigil takes to show its first window: an
 * AdwApplication whose AdwApplicationWindow holds a header bar and a
 * status page. With VIGIL_BENCH_FIRST_FRAME set it prints "first-frame T"
 * and its peak memory so far ("peak-rss-kib N"), and quits right after the
 * first frame of its first window is drawn, the contract vigil honours
 * too, so both are started, timed and weighed the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-minimal-window"

#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>

/* callbacks */

/* The benchmark reads when the frame was drawn on the monotonic clock,
 * the same in every process. */
static void
on_after_paint (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  struct rusage usage;

  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("peak-rss-kib %ld\n", usage.ru_maxrss);
  g_application_quit (app);
}

/* The surface, and so its frame clock, exists once the window is realized. */
static void
on_realize (GtkWidget *window, GApplication *app)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (on_after_paint), app, 0);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-search-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  if (g_getenv ("VIGIL_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app
    = adw_application_new ("org.vigilsuite.Vigil.BenchWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
