/* vigil-bench-report.c: building the anonymized report of a whole vault
 *
 * The document every renderer reads, built by the anonymizer from every
 * case: each case read, each note screened against every identifier of
 * the vault and scrubbed. Timed a few times; the peak memory is that of
 * the build alone (the key derivation's is reset away first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include "vigil-bench.h"
#include "vigil-catalogue.h"
#include "vigil-report.h"
#include "vigil-store.h"
#include "vigil-vault.h"

int
vigil_bench_cmd_report (const char *path, guint repetitions)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint blocks = 0;
  gboolean reset;
  long peak;

  vault = vigil_vault_open (path, VIGIL_BENCH_PASSPHRASE, &error);
  if (vault == NULL)
    {
      g_printerr ("vigil-bench: opening the vault: %s\n", error->message);
      return 1;
    }
  reset = vigil_bench_reset_peak_rss ();
  store = vigil_store_new (vault);
  g_printerr ("vigil-bench: building the report of %s %u times\n", path, repetitions);
  for (guint i = 0; i < repetitions; i++)
    {
      gint64 start = g_get_monotonic_time (), usec;
      g_autoptr (VigilReportDoc) doc =
        vigil_report_build (store, vigil_catalogue_get_default (), options, NULL, &error);

      if (doc == NULL)
        {
          g_printerr ("vigil-bench: building the report: %s\n", error->message);
          return 1;
        }
      usec = g_get_monotonic_time () - start;
      g_array_append_val (times, usec);
      blocks = vigil_report_doc_get_n_blocks (doc);
    }
  peak = vigil_bench_max_rss_kib ();
  vigil_bench_emit ("report_build_ms", vigil_bench_median (times) / 1000.0);
  vigil_bench_emit ("report_blocks", blocks);
  if (reset && peak > 0)
    vigil_bench_emit ("rss_report_mib", peak / 1024.0);
  return 0;
}
