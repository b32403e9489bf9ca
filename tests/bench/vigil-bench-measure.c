/* vigil-bench-measure.c: the measurements, each run in a child process
 *
 * Every sub-command prints "key value" lines on standard output for the
 * parent to put in its table; progress goes to standard error. Times are
 * in milliseconds, memory in KiB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vigil-bench.h"
#include "vigil-case-list.h"
#include "vigil-claims-overview.h"
#include "vigil-catalogue.h"
#include "vigil-standard.h"
#include "vigil-store-observation-notes.h"
#include "vigil-store.h"
#include "vigil-vault-private.h"

/* Searches a monitor types into the case list's search field: a charge, a
 * court, a word no case holds (every case is read to the end). */
static const char * const search_queries[] = {
  "forced labour", "tribunalul", "no-such-word-anywhere", NULL,
};

/* private helpers */

static double
usec_to_ms (double usec)
{
  return usec / 1000.0;
}

static void
emit_times (const char *key, GArray *usec)
{
  g_autofree char *p50 = g_strconcat (key, "_p50_ms", NULL);
  g_autofree char *p99 = g_strconcat (key, "_p99_ms", NULL);
  g_autofree char *n = g_strconcat (key, "_n", NULL);

  vigil_bench_emit (p50, usec_to_ms (vigil_bench_percentile (usec, 50)));
  vigil_bench_emit (p99, usec_to_ms (vigil_bench_percentile (usec, 99)));
  vigil_bench_emit (n, usec->len);
}

static void
add_sample (GArray *usec, gint64 start)
{
  gint64 elapsed = g_get_monotonic_time () - start;

  g_array_append_val (usec, elapsed);
}

static int
fail (const char *what, GError *error)
{
  g_printerr ("vigil-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  return 1;
}

/* A held hearing of the case at the middle of the list: where the live
 * entries go. */
static VigilHearing *
pick_hearing (VigilStore *store, GListModel *cases, GError **error)
{
  guint n = g_list_model_get_n_items (cases);
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (GPtrArray) hearings = NULL;

  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the vault holds no case");
      return NULL;
    }
  kase = g_list_model_get_item (cases, n / 2);
  hearings = vigil_store_list_hearings (store, vigil_case_get_id (kase), error);
  if (hearings == NULL)
    return NULL;
  for (guint i = 0; i < hearings->len; i++)
    if (vigil_hearing_get_status (g_ptr_array_index (hearings, i)) == VIGIL_HEARING_STATUS_HELD)
      return g_object_ref (g_ptr_array_index (hearings, i));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the case has no held hearing");
  return NULL;
}

/* One live-hearing entry, as the live hearing mode makes it: the status
 * of a standard, or a timestamped note on it, in turns, each durable when
 * it returns (WAL, synchronous=FULL). */
static gboolean
write_entry (VigilStore *store, VigilCatalogue *catalogue, VigilHearing *hearing, guint i,
             GError **error)
{
  GListModel *standards = G_LIST_MODEL (catalogue);
  g_autoptr (VigilStandard) standard = g_list_model_get_item (
    standards, (i / 2) % g_list_model_get_n_items (standards));
  g_autofree char *id = NULL;

  if (i % 2 == 0)
    id = vigil_store_set_observation_status (store, catalogue, vigil_hearing_get_id (hearing),
                                             vigil_standard_get_id (standard),
                                             i % 4 == 0 ? VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
                                                        : VIGIL_OBSERVATION_STATUS_RESPECTED,
                                             i % 4 == 0 ? "minor" : NULL, error);
  else
    {
      g_autofree char *text = g_strdup_printf ("%02u:%02u The victim-witness was led to a "
                                               "separate room before the defendants arrived.",
                                               10 + i / 60 % 8, i % 60);

      id = vigil_store_append_observation_note (store, catalogue, vigil_hearing_get_id (hearing),
                                                vigil_standard_get_id (standard), NULL, text,
                                                error);
    }
  return id != NULL;
}

/* The floor a durable write stands on: 4 KiB appended to a file on the
 * same disk, then fdatasync, as a log writer does. */
static gboolean
raw_sync (int fd, GError **error)
{
  static const char block[4096] = { 'v' };

  if (write (fd, block, sizeof block) != (ssize_t) sizeof block || fdatasync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "raw write: %s",
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* public API */

void
vigil_bench_emit (const char *key, double value)
{
  printf ("%s %.6f\n", key, value);
  fflush (stdout);
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank: the smallest sample with at least @percentile per cent of
 * the samples at or below it. */
double
vigil_bench_percentile (GArray *usec, double percentile)
{
  guint rank;

  g_return_val_if_fail (usec != NULL && usec->len > 0, 0);

  g_array_sort (usec, compare_gint64);
  rank = (guint) MAX (1.0, (percentile / 100.0) * usec->len + 0.999999);
  return (double) g_array_index (usec, gint64, MIN (rank, usec->len) - 1);
}

double
vigil_bench_median (GArray *usec)
{
  guint n = usec->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (usec, compare_gint64);
  if (n % 2 == 1)
    return (double) g_array_index (usec, gint64, n / 2);
  return (g_array_index (usec, gint64, n / 2 - 1) + g_array_index (usec, gint64, n / 2)) / 2.0;
}

int
vigil_bench_cmd_generate (const char *path, guint n_cases, guint64 seed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_strdup_printf ("%s.part-%d", path, (int) getpid ());
  g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
  VigilBenchVaultStats stats;
  GStatBuf st;
  guint records;

  g_printerr ("vigil-bench: generating %u cases into %s\n", n_cases, path);
  if (!vigil_bench_vault_generate (tmp, n_cases, seed, &stats, &error))
    {
      g_unlink (tmp);
      g_unlink (tmp_wal);
      return fail ("generating the vault", error);
    }
  /* Locked, the vault has checkpointed its WAL away: one file to rename,
   * so a half-made vault is never taken for a cached one. */
  if (g_file_test (tmp_wal, G_FILE_TEST_EXISTS) || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      g_unlink (tmp_wal);
      g_printerr ("vigil-bench: could not put the vault at %s\n", path);
      return 1;
    }
  records = stats.cases + stats.persons + stats.identities + stats.consents + stats.hearings
            + stats.observations + stats.measures + stats.claims + stats.claim_items;
  vigil_bench_emit ("cases", stats.cases);
  vigil_bench_emit ("persons", stats.persons);
  vigil_bench_emit ("consents", stats.consents);
  vigil_bench_emit ("hearings", stats.hearings);
  vigil_bench_emit ("observations", stats.observations);
  vigil_bench_emit ("measures", stats.measures);
  vigil_bench_emit ("claims", stats.claims);
  vigil_bench_emit ("claim_items", stats.claim_items);
  vigil_bench_emit ("records", records);
  vigil_bench_emit ("transactions", stats.transactions);
  vigil_bench_emit ("create_ms", usec_to_ms (stats.create_usec));
  vigil_bench_emit ("generate_s", stats.write_usec / 1e6);
  vigil_bench_emit ("records_per_s", records / MAX (stats.write_usec / 1e6, 1e-6));
  if (g_stat (path, &st) == 0)
    vigil_bench_emit ("file_mib", st.st_size / (1024.0 * 1024.0));
  return 0;
}

int
vigil_bench_cmd_measure (const char *path, guint repetitions, guint writes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) kdf = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) open_rest = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) list_load = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) search = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) overview = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) entry = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCaseList) cases = NULL;
  g_autoptr (VigilHearing) hearing = NULL;
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *raw_path = g_strdup_printf ("%s/raw-sync-%d.bin", dir, (int) getpid ());
  guint n_cases = 0, matches = 0;
  int fd;

  /* Opening: the key derivation is timed inside the open, so the rest is
   * exact, not a difference of two noisy totals. The first open is one
   * more, reported apart. */
  g_printerr ("vigil-bench: opening %s %u times\n", path, repetitions + 1);
  for (guint i = 0; i < repetitions + 1; i++)
    {
      gint64 start = g_get_monotonic_time (), total, kdf_usec;

      g_clear_object (&vault);
      vault = vigil_vault_open (path, VIGIL_BENCH_PASSPHRASE, &error);
      if (vault == NULL)
        return fail ("opening the vault", error);
      total = g_get_monotonic_time () - start;
      kdf_usec = vigil_vault_get_kdf_usec (vault);
      g_array_append_val (kdf, kdf_usec);
      total -= kdf_usec;
      g_array_append_val (open_rest, total);
    }
  vigil_bench_emit ("kdf_ms", usec_to_ms (vigil_bench_median (kdf)));
  /* The copy's first open checks the chain entry by entry and writes the
   * MACs of its segments; the later ones check those MACs. */
  vigil_bench_emit ("open_first_ms", usec_to_ms (g_array_index (open_rest, gint64, 0)));
  g_array_remove_index (open_rest, 0);
  vigil_bench_emit ("open_ms", usec_to_ms (vigil_bench_median (open_rest)));
  vigil_bench_emit ("open_n", open_rest->len);
  store = vigil_store_new (vault);

  /* The case list, as the window's sidebar builds it. */
  for (guint i = 0; i < repetitions * 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&cases);
      cases = vigil_case_list_new (store);
      n_cases = g_list_model_get_n_items (G_LIST_MODEL (cases));
      add_sample (list_load, start);
    }
  vigil_bench_emit ("list_ms", usec_to_ms (vigil_bench_median (list_load)));
  vigil_bench_emit ("list_n", list_load->len);
  vigil_bench_emit ("listed_cases", n_cases);

  /* Search: the one rule (vigil_case_matches) over every case of the list,
   * as a filter model runs it on each key press. */
  for (guint i = 0; i < repetitions * 10; i++)
    for (guint q = 0; search_queries[q] != NULL; q++)
      {
        gint64 start = g_get_monotonic_time ();

        matches = 0;
        for (guint c = 0; c < n_cases; c++)
          {
            g_autoptr (VigilCase) kase = g_list_model_get_item (G_LIST_MODEL (cases), c);

            matches += vigil_case_matches (kase, search_queries[q]);
          }
        add_sample (search, start);
      }
  vigil_bench_emit ("search_ms", usec_to_ms (vigil_bench_median (search)));
  vigil_bench_emit ("search_n", search->len);

  if (!vigil_bench_measure_protection (store, repetitions, &error))
    return fail ("the protection rules", error);
  /* Compensation: the totals per currency over every claim, as
   * `vigil-cli claims --totals` computes them, and the whole model of the
   * Compensation section (claims by status, totals, deadlines). */
  for (guint i = 0; i < repetitions * 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (VigilMoneyTotals) sums = vigil_store_claim_totals (store, NULL, NULL, &error);

      if (sums == NULL)
        return fail ("adding up the claims", error);
      add_sample (totals, start);
    }
  vigil_bench_emit ("claim_totals_ms", usec_to_ms (vigil_bench_median (totals)));
  vigil_bench_emit ("claim_totals_n", totals->len);
  for (guint i = 0; i < repetitions * 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (VigilClaimsOverview) model = vigil_claims_overview_new (store, "2025-01-15", 30,
                                                                         &error);

      if (model == NULL)
        return fail ("building the Compensation overview", error);
      add_sample (overview, start);
    }
  vigil_bench_emit ("claims_overview_ms", usec_to_ms (vigil_bench_median (overview)));
  vigil_bench_emit ("claims_overview_n", overview->len);

  /* Durable writes, each beside a raw fdatasync on the same disk, taken in
   * turns so that both see the same disk at the same moment. */
  hearing = pick_hearing (store, G_LIST_MODEL (cases), &error);
  if (hearing == NULL)
    return fail ("finding a hearing", error);
  fd = open (raw_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_printerr ("vigil-bench: %s: %s\n", raw_path, g_strerror (errno));
      return 1;
    }
  g_printerr ("vigil-bench: %u live-hearing entries and raw syncs\n", writes);
  for (guint i = 0; i < writes; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!write_entry (store, catalogue, hearing, i, &error))
        break;
      add_sample (entry, start);
      start = g_get_monotonic_time ();
      if (!raw_sync (fd, &error))
        break;
      add_sample (raw, start);
    }
  close (fd);
  g_unlink (raw_path);
  if (error != NULL)
    return fail ("writing", error);
  emit_times ("entry", entry);
  emit_times ("raw_sync", raw);
  vigil_bench_emit ("entry_over_raw_p99", vigil_bench_percentile (entry, 99)
                                            / MAX (vigil_bench_percentile (raw, 99), 1.0));
  return 0;
}

int
vigil_bench_cmd_memory (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  GListModel *cases;
  long with_kdf, after;
  gboolean reset;

  vault = vigil_vault_open (path, VIGIL_BENCH_PASSPHRASE, &error);
  if (vault == NULL)
    return fail ("opening the vault", error);
  with_kdf = vigil_bench_max_rss_kib ();
  /* Argon2id's working memory is freed when the open returns; what stays
   * is what the window lives with. */
  reset = vigil_bench_reset_peak_rss ();
  store = vigil_store_new (vault);
  cases = vigil_store_get_case_list (store);
  after = vigil_bench_max_rss_kib ();
  vigil_bench_emit ("memory_cases", g_list_model_get_n_items (cases));
  vigil_bench_emit ("rss_total_mib", MAX (with_kdf, after) / 1024.0);
  if (reset)
    vigil_bench_emit ("rss_open_mib", after / 1024.0);
  else
    g_printerr ("vigil-bench: /proc/self/clear_refs could not reset the peak\n");
  return 0;
}
