/* vigil-bench-render.c: the report of a whole vault typeset as a PDF, and
 * the leak check that reads it back
 *
 * Pages per second are the typesetting's, from the anonymized document to
 * the PDF's last byte; building that document from the store is timed by
 * vigil-bench-report.c. The leak check
 * is weighed against pdftotext, run on the same file in the same process
 * run, so that the ratio says what the check costs beyond reading the
 * text out, whatever the machine. The peak memory is counted from the
 * moment the vault is open (Argon2id's working memory left out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "vigil-bench.h"
#include "vigil-catalogue.h"
#include "vigil-leak-check.h"
#include "vigil-poppler.h"
#include "vigil-report.h"
#include "vigil-vault.h"

static int
fail (const char *what, GError *error)
{
  g_printerr ("vigil-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  return 1;
}

/* pdftotext of @pdf, in milliseconds, or a negative number. */
static double
time_pdftotext (const char *pdf, const char *txt)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, txt, NULL };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                     | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
vigil_bench_cmd_render (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (VigilLeakCheck) check = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  g_autofree char *pdf_path = g_strconcat (path, ".report.pdf", NULL);
  g_autofree char *txt_path = g_strconcat (path, ".report.txt", NULL);
  gint64 built, typeset;
  double check_ms, pdftotext_ms = -1;
  gboolean reset;
  int pages;

  vault = vigil_vault_open (path, VIGIL_BENCH_PASSPHRASE, &error);
  if (vault == NULL)
    return fail ("opening the vault", error);
  reset = vigil_bench_reset_peak_rss ();
  store = vigil_store_new (vault);

  doc = vigil_report_build (store, vigil_catalogue_get_default (), options, NULL, &error);
  if (doc == NULL)
    return fail ("building the report", error);
  built = g_get_monotonic_time ();
  pdf = vigil_report_render_pdf (doc, NULL, &error);
  if (pdf == NULL)
    return fail ("typesetting the report", error);
  typeset = g_get_monotonic_time ();
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  if (document == NULL)
    return fail ("reading the report", error);
  pages = poppler_document_get_n_pages (document);
  g_clear_object (&document);

  /* The identities are read from the vault once, as a save does, before
   * the file is; the check proper is timed. */
  check = vigil_leak_check_new (store, NULL, &error);
  if (check == NULL)
    return fail ("reading the vault's identities", error);
  {
    gint64 from = g_get_monotonic_time ();

    leaks = vigil_leak_check_bytes (check, pdf, VIGIL_REPORT_FORMAT_PDF, NULL, &error);
    if (leaks == NULL)
      return fail ("checking the report", error);
    check_ms = (g_get_monotonic_time () - from) / 1000.0;
  }
  if (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL))
    {
      /* The better of two runs each way: the first of pdftotext also
       * loads its libraries from the disk. */
      double again;
      gint64 from;

      pdftotext_ms = time_pdftotext (pdf_path, txt_path);
      again = time_pdftotext (pdf_path, txt_path);
      if (again >= 0 && (pdftotext_ms < 0 || again < pdftotext_ms))
        pdftotext_ms = again;
      g_clear_pointer (&leaks, g_ptr_array_unref);
      from = g_get_monotonic_time ();
      leaks = vigil_leak_check_bytes (check, pdf, VIGIL_REPORT_FORMAT_PDF, NULL, &error);
      if (leaks == NULL)
        return fail ("checking the report", error);
      check_ms = MIN (check_ms, (g_get_monotonic_time () - from) / 1000.0);
      g_remove (pdf_path);
      g_remove (txt_path);
    }

  vigil_bench_emit ("report_pages", pages);
  vigil_bench_emit ("report_typeset_ms", (typeset - built) / 1000.0);
  /* The renderer's own rate: building the document is timed apart. */
  vigil_bench_emit ("report_pages_per_s", pages / MAX ((typeset - built) / 1e6, 1e-6));
  vigil_bench_emit ("leak_check_ms", check_ms);
  vigil_bench_emit ("report_leaks", leaks->len);
  if (pdftotext_ms > 0)
    {
      vigil_bench_emit ("pdftotext_ms", pdftotext_ms);
      vigil_bench_emit ("leak_ratio", check_ms / pdftotext_ms);
    }
  if (reset)
    vigil_bench_emit ("rss_render_mib", vigil_bench_max_rss_kib () / 1024.0);
  return 0;
}
