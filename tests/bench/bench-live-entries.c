/* bench-live-entries.c: how long one live hearing entry takes
 *
 * Creates a vault in a temporary folder, then times N calls each of
 * vigil_store_set_observation_status() and
 * vigil_store_append_observation_note(), each a durable commit, and prints
 * the median and the slowest. Run by hand: build/tests/bench/bench-live-entries [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "vigil-store-observation-notes.h"
#include "vigil-store.h"

static int
compare (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what, GArray *times)
{
  g_array_sort (times, compare);
  printf ("%-14s n=%u  median %.2f ms  p90 %.2f ms  max %.2f ms\n", what, times->len,
          g_array_index (times, gint64, times->len / 2) / 1000.0,
          g_array_index (times, gint64, times->len * 9 / 10) / 1000.0,
          g_array_index (times, gint64, times->len - 1) / 1000.0);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.vigil", NULL);
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GArray) status_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) note_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint n_standards = g_list_model_get_n_items (G_LIST_MODEL (catalogue));

  vault = vigil_vault_create (path, "bench passphrase", VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  vigil_case_set_reference (kase, "B 1/2026");
  vigil_case_set_court (kase, "Bench Court");
  g_assert_true (vigil_store_save_case (store, kase, &error));
  hearing = vigil_hearing_new (vigil_case_get_id (kase));
  vigil_hearing_set_starts_at (hearing, now);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  g_assert_true (vigil_store_save_hearing (store, hearing, &error));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue),
                                                                  i % n_standards);
      g_autofree char *text = g_strdup_printf ("Entry %u: the judge asked the victim to repeat "
                                               "the account given to the police.", i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      a = vigil_store_set_observation_status (store, catalogue, vigil_hearing_get_id (hearing),
                                              vigil_standard_get_id (standard),
                                              VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED, "minor",
                                              &error);
      t1 = g_get_monotonic_time ();
      b = vigil_store_append_observation_note (store, catalogue, vigil_hearing_get_id (hearing),
                                               vigil_standard_get_id (standard), NULL, text,
                                               &error);
      t2 = g_get_monotonic_time ();
      g_assert_no_error (error);
      t1 -= t0;
      t2 -= t0 + t1;
      g_array_append_val (status_times, t1);
      g_array_append_val (note_times, t2);
    }
  report ("set status", status_times);
  report ("append note", note_times);

  vigil_vault_lock (vault);
  g_clear_object (&store);
  g_clear_object (&vault);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
