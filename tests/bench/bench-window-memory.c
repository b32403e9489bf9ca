/* bench-window-memory.c: peak memory of the window with a vault open
 *
 * Usage: bench-window-memory VAULT
 *
 * Builds the main window as the program does, unlocks VAULT through its
 * unlock page (the synthetic vault's passphrase, which is no secret, is
 * typed into it, never passed on a command line), waits for the case list
 * to be drawn, searches it and clears the search, opens the case in the
 * middle of the list and goes back. Prints "key value" lines for
 * vigil-bench:
 *   window_cases          the cases the list shows after unlocking
 *   rss_window_locked_mib the peak before unlocking: the window alone
 *   rss_window_total_mib  the peak of the whole run, key derivation in it
 *   rss_window_mib        the peak from the unlock on: key derivation's
 *                         memory is freed by then, the window's stays
 * Exits 1 when any step did not happen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vigil-bench.h"
#include "vigil-case-list.h"
#include "vigil-case-page.h"
#include "vigil-cases-page.h"
#include "vigil-test-gui.h"
#include "vigil-unlock-page.h"
#include "vigil-window.h"

#define TIMEOUT_MS (300 * 1000)

/* In the sanitizer build, LeakSanitizer asks this at exit. A window leaves
 * fontconfig's caches and an unloaded graphics module's allocations behind,
 * which no narrow suppression holds (tests/meson.build says the same of the
 * widget tests); the core programs of the benchmark keep leak detection. */
int __lsan_is_turned_off (void);

int
__lsan_is_turned_off (void)
{
  return 1;
}

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

/* Each step ends when the window has drawn what it changed. */
static void
draw (GtkWidget *window)
{
  gtk_widget_queue_draw (window);
  vigil_test_run_for (300);
}

static int
fail (const char *what)
{
  g_printerr ("bench-window-memory: %s\n", what);
  return 1;
}

int
main (int argc, char **argv)
{
  VigilWindow *window;
  VigilUnlockPage *unlock;
  VigilCasesPage *cases;
  GtkWidget *row;
  GListModel *shown;
  long locked_kib, total_kib, open_kib;
  guint n_cases;
  gboolean reset;

  if (argc != 2)
    return fail ("usage: bench-window-memory VAULT");
  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "icons");
  /* Xvfb has no window manager to hand out focus: a blinking cursor's
   * timer would warn that focus never left its entry. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  window = vigil_window_new (NULL, argv[1]);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  draw (GTK_WIDGET (window));
  locked_kib = vigil_bench_max_rss_kib ();

  unlock = vigil_window_get_unlock_page (window);
  row = vigil_test_find_widget (GTK_WIDGET (unlock), ADW_TYPE_ENTRY_ROW, "Passphrase");
  if (row == NULL)
    return fail ("the unlock page has no passphrase field");
  gtk_editable_set_text (GTK_EDITABLE (row), VIGIL_BENCH_PASSPHRASE);
  if (!gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.submit", NULL)
      || !vigil_test_wait_until (is_unlocked, window, TIMEOUT_MS))
    return fail ("the vault did not unlock");
  total_kib = vigil_bench_max_rss_kib ();
  reset = vigil_bench_reset_peak_rss ();

  draw (GTK_WIDGET (window));
  cases = VIGIL_CASES_PAGE (vigil_test_find_widget (GTK_WIDGET (window),
                                                    VIGIL_TYPE_CASES_PAGE, NULL));
  if (cases == NULL)
    return fail ("the window shows no case list");
  shown = vigil_cases_page_get_shown (cases);
  n_cases = g_list_model_get_n_items (shown);
  if (n_cases == 0)
    return fail ("the case list is empty");

  /* A court name every synthetic case list has many of. */
  vigil_cases_page_set_search (cases, "court");
  draw (GTK_WIDGET (window));
  vigil_cases_page_set_search (cases, "");
  draw (GTK_WIDGET (window));
  {
    g_autoptr (VigilCase) middle = g_list_model_get_item (shown, n_cases / 2);

    GtkWidget *case_page;

    g_signal_emit_by_name (cases, "case-activated", middle);
    draw (GTK_WIDGET (window));
    case_page = vigil_test_find_widget (GTK_WIDGET (window), VIGIL_TYPE_CASE_PAGE, NULL);
    if (case_page == NULL || !gtk_widget_get_mapped (case_page))
      return fail ("the case did not open");
    gtk_widget_activate_action (case_page, "case.back", NULL);
    draw (GTK_WIDGET (window));
  }

  open_kib = vigil_bench_max_rss_kib ();
  g_print ("window_cases %u\n", n_cases);
  g_print ("rss_window_locked_mib %.1f\n", locked_kib / 1024.0);
  g_print ("rss_window_total_mib %.1f\n", MAX (total_kib, open_kib) / 1024.0);
  if (reset)
    g_print ("rss_window_mib %.1f\n", open_kib / 1024.0);
  else
    g_printerr ("bench-window-memory: /proc/self/clear_refs could not reset the peak\n");
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
