/* bench-evidence-attach.c: attaching a 100-page PDF until it is searchable
 *
 * A PDF of 100 pages made by cairo is attached to a claim of a fresh
 * vault, again and again: Poppler opens it from memory and extracts its
 * text, the store seals it in chunks under the claimant's key with its
 * text, and a search over the case's documents then finds it. Reported:
 * the median time from the bytes to the search finding them, pages per
 * second, and the part that is Poppler's. Figures, not pass marks.
 *
 *   build/tests/bench/bench-evidence-attach [--quick] [--pages N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-store-claims.h"
#include "vigil-store-evidence.h"
#include "vigil-test-pdf.h"

#define PASSPHRASE "synthetic benchmark vault, fictional data only"

static int
compare_usec (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *usec)
{
  g_array_sort (usec, compare_usec);
  return g_array_index (usec, gint64, usec->len / 2) / 1000.0;
}

static int
fail (const char *what, const GError *error)
{
  g_printerr ("bench-evidence-attach: %s: %s\n", what, error->message);
  return 1;
}

int
main (int argc, char **argv)
{
  gboolean quick = FALSE;
  int pages = 100;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Three attachments instead of nine", NULL },
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, "Pages of the PDF (default 100)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— time attaching a PDF");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) poppler = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilClaimData) claim = vigil_claim_data_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  guint runs;
  double ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-evidence-attach: %s\n", error->message);
      return 2;
    }
  runs = quick ? 3 : 9;
  pdf = vigil_test_pdf_new ((guint) MAX (pages, 1), "Judgment of the Regional Court",
                            "Searchable evidence marker Zephyrine");
  size = g_strdup_printf ("%.1f KiB", g_bytes_get_size (pdf) / 1024.0);

  dir = g_dir_make_tmp ("vigil-bench-evidence-XXXXXX", &error);
  if (dir == NULL)
    return fail ("a temporary folder", error);
  path = g_build_filename (dir, "bench.vigil", NULL);
  vault = vigil_vault_create (path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  if (vault == NULL)
    return fail ("creating the vault", error);
  store = vigil_store_new (vault);
  kase = vigil_case_new ();
  vigil_case_set_reference (kase, "K 100/2025");
  vigil_case_set_court (kase, "Regional Court");
  person = vigil_person_new (vigil_case_get_id (kase));
  vigil_person_set_pseudonym (person, "V-01");
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_VICTIM);
  claim->case_id = g_strdup (vigil_case_get_id (kase));
  claim->claimant_id = g_strdup (vigil_person_get_id (person));
  claim->route = g_strdup ("civil_claim");
  claim->status = g_strdup ("drafting");
  claim->currency = g_strdup ("EUR");
  if (!vigil_store_save_case (store, kase, &error) || !vigil_store_save_person (store, person, &error)
      || !vigil_store_add_claim (store, claim, &error))
    return fail ("writing the claim", error);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (VigilEvidenceData) doc = NULL;
      g_autoptr (GPtrArray) found = NULL;
      g_autoptr (VigilPdf) opened = NULL;
      g_autofree char *text = NULL;
      gint64 start = g_get_monotonic_time (), elapsed;

      doc = vigil_store_attach_evidence (store, claim->id, NULL, "judgment.pdf", pdf, &error);
      if (doc == NULL)
        return fail ("attaching", error);
      found = vigil_store_search_evidence (store, vigil_case_get_id (kase), "zephyrine", &error);
      if (found == NULL)
        return fail ("searching", error);
      elapsed = g_get_monotonic_time () - start;
      if (found->len != i + 1)
        {
          g_printerr ("bench-evidence-attach: the search found %u documents, not %u\n",
                      found->len, i + 1);
          return 1;
        }
      g_array_append_val (total, elapsed);

      /* Poppler's part alone: opening from memory and extracting the text. */
      start = g_get_monotonic_time ();
      opened = vigil_pdf_open (pdf, &error);
      if (opened == NULL)
        return fail ("opening with Poppler", error);
      text = vigil_pdf_extract_text (opened);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (poppler, elapsed);
    }

  ms = median_ms (total);
  g_print ("evidence: attaching a %d-page PDF (%s) until a search finds it, median of %u\n",
           pages, size, runs);
  g_print ("  %-40s %10.0f ms\n", "time", ms);
  g_print ("  %-40s %10.0f /s\n", "pages per second", pages / (ms / 1000.0));
  g_print ("  %-40s %10.0f ms\n", "of which Poppler (open, extract text)", median_ms (poppler));

  vigil_vault_lock (vault);
  g_clear_object (&store);
  g_clear_object (&vault);
  {
    g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
