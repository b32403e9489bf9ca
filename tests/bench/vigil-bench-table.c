/* vigil-bench-table.c: the benchmark's table
 *
 * One column per vault size, so every figure stands with the size it was
 * measured at; then how it grew from the smallest size to the largest,
 * the target of the figure and whether it was met. Targets are reported,
 * never enforced: a missed target is a finding, not a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "vigil-bench.h"

#define TOP_SIZE 1000

typedef enum
{
  TARGET_NONE,
  TARGET_MAX_AT_TOP,      /* at most @limit at TOP_SIZE cases */
  TARGET_MIN_AT_TOP,      /* at least @limit at TOP_SIZE cases */
  TARGET_TIMES_RAW_P99,   /* at most @limit times the raw fdatasync p99, at every size */
} TargetKind;

typedef enum
{
  UNIT_MS,
  UNIT_MIB,
  UNIT_S,
  UNIT_COUNT,
  UNIT_RATE,
  UNIT_RATIO,
} Unit;

typedef struct
{
  const char *label;
  const char *key;
  Unit        unit;
  gboolean    growth;     /* whether "at most linear" applies */
  TargetKind  target;
  double      limit;
  const char *target_text;
} Row;

static const Row vault_rows[] = {
  { "vault: cases", "cases", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: hearings", "hearings", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: observations", "observations", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: persons", "persons", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: protection measures", "measures", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: claims", "claims", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: records in all", "records", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "vault: file size", "file_mib", UNIT_MIB, FALSE, TARGET_NONE, 0, "" },
  { "vault: generation, one txn a case", "generate_s", UNIT_S, TRUE, TARGET_NONE, 0, "" },
  { "vault: generation rate", "records_per_s", UNIT_RATE, FALSE, TARGET_NONE, 0, "" },
};

static const Row figure_rows[] = {
  { "key derivation (Argon2id moderate)", "kdf_ms", UNIT_MS, TRUE, TARGET_NONE, 0,
    "reported apart" },
  { "vault open after key derivation", "open_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP, 150,
    "≤ 150 ms at 1,000" },
  { "  first open, writes audit MACs", "open_first_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "case list load (GListModel)", "list_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP, 50,
    "≤ 50 ms at 1,000" },
  { "search over the case list", "search_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP, 50,
    "≤ 50 ms at 1,000" },
  { "protection rules over the vault", "protection_rules_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP,
    50, "≤ 50 ms at 1,000" },
  { "  re-check one case after a move", "protection_recheck_ms", UNIT_MS, TRUE,
    TARGET_MAX_AT_TOP, 5, "≤ 5 ms at 1,000" },
  { "protection agenda of a week, from the store", "protection_week_ms", UNIT_MS, TRUE,
    TARGET_MAX_AT_TOP, 30, "≤ 30 ms at 1,000" },
  { "claim totals per currency", "claim_totals_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP, 20,
    "≤ 20 ms at 1,000" },
  { "Compensation overview model", "claims_overview_ms", UNIT_MS, TRUE, TARGET_MAX_AT_TOP, 50,
    "≤ 50 ms at 1,000" },
  { "live-hearing entry, p50", "entry_p50_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "live-hearing entry, p99", "entry_p99_ms", UNIT_MS, TRUE, TARGET_TIMES_RAW_P99, 2,
    "≤ 2 × raw fdatasync p99" },
  { "raw fdatasync of 4 KiB, p50", "raw_sync_p50_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "raw fdatasync of 4 KiB, p99", "raw_sync_p99_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "peak memory, window with the vault open", "rss_window_mib", UNIT_MIB, TRUE,
    TARGET_MAX_AT_TOP, 150, "≤ 150 MiB at 1,000" },
  { "  the same, incl. key derivation", "rss_window_total_mib", UNIT_MIB, TRUE, TARGET_MAX_AT_TOP,
    150, "≤ 150 MiB at 1,000" },
  { "  the window before unlocking", "rss_window_locked_mib", UNIT_MIB, TRUE, TARGET_NONE, 0,
    "" },
  { "  core alone: vault open + case list", "rss_open_mib", UNIT_MIB, TRUE, TARGET_NONE, 0, "" },
  { "  core alone, incl. key derivation", "rss_total_mib", UNIT_MIB, TRUE, TARGET_NONE, 0, "" },
  { "report document, built (anonymizer)", "report_build_ms", UNIT_MS, TRUE, TARGET_NONE, 0,
    "" },
  { "  blocks in it", "report_blocks", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "  peak memory while building it", "rss_report_mib", UNIT_MIB, TRUE, TARGET_NONE, 0, "" },
  { "report PDF: pages, every case", "report_pages", UNIT_COUNT, FALSE, TARGET_NONE, 0, "" },
  { "  typesetting it", "report_typeset_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "  pages a second, typeset", "report_pages_per_s", UNIT_RATE, FALSE, TARGET_MIN_AT_TOP,
    50, "≥ 50 pages/s at 1,000" },
  { "  leak check (Poppler + detector)", "leak_check_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "  pdftotext of the same file", "pdftotext_ms", UNIT_MS, TRUE, TARGET_NONE, 0, "" },
  { "  leak check ÷ pdftotext", "leak_ratio", UNIT_RATIO, FALSE, TARGET_MAX_AT_TOP, 1.2,
    "≤ 1.2 at 1,000" },
  { "  peak memory, build + PDF + check", "rss_render_mib", UNIT_MIB, TRUE, TARGET_NONE, 0,
    "" },
};

/* Rows that do not depend on the vault's size. */
static const char * const single_labels[] = {
  "first window: vigil",
  "first window: minimal libadwaita window",
  "first window: vigil ÷ minimal",
  "first window, peak memory: vigil",
  "first window, peak memory: minimal",
  NULL,
};

#define LABEL_WIDTH  40
#define VALUE_WIDTH  12
#define GROWTH_WIDTH 24
#define TARGET_WIDTH 26

/* private helpers */

/* printf pads bytes; the table pads characters. */
static void
print_cell (const char *text, int width)
{
  long chars = g_utf8_strlen (text, -1);

  fputs (text, stdout);
  for (long i = chars; i < width; i++)
    putchar (' ');
  putchar (' ');
}

static char *
format_value (double value, Unit unit)
{
  switch (unit)
    {
    case UNIT_MS:
      return value < 10 ? g_strdup_printf ("%.2f ms", value)
             : value < 100 ? g_strdup_printf ("%.1f ms", value)
                           : g_strdup_printf ("%.0f ms", value);
    case UNIT_MIB:
      return g_strdup_printf ("%.1f MiB", value);
    case UNIT_S:
      return g_strdup_printf ("%.1f s", value);
    case UNIT_RATE:
      return g_strdup_printf ("%.0f /s", value);
    case UNIT_RATIO:
      return g_strdup_printf ("%.2f ×", value);
    case UNIT_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

static char *
format_cases (guint cases)
{
  return cases >= 1000 ? g_strdup_printf ("%u,%03u cases", cases / 1000, cases % 1000)
                       : g_strdup_printf ("%u cases", cases);
}

static VigilBenchSize *
find_size (VigilBenchReport *report, guint cases)
{
  for (guint i = 0; i < report->sizes->len; i++)
    {
      VigilBenchSize *size = g_ptr_array_index (report->sizes, i);

      if (size->cases == cases)
        return size;
    }
  return NULL;
}

/* How the figure grew from the smallest size to the largest: the ratio,
 * and the exponent k of n^k that gives it (1 is linear). */
static gboolean
growth (VigilBenchReport *report, const Row *row, double *out_ratio, double *out_exponent)
{
  VigilBenchSize *small = g_ptr_array_index (report->sizes, 0);
  VigilBenchSize *large = g_ptr_array_index (report->sizes, report->sizes->len - 1);
  double a, b;

  if (report->sizes->len < 2 || !vigil_bench_size_value (small, row->key, &a)
      || !vigil_bench_size_value (large, row->key, &b) || a <= 0 || b <= 0)
    return FALSE;
  *out_ratio = b / a;
  *out_exponent = log (b / a) / log ((double) large->cases / small->cases);
  return TRUE;
}

/* The verdict on the row's target, and a sentence on it for the summary
 * (NULL when the row has no target). */
static const char *
judge (VigilBenchReport *report, const Row *row, char **out_note)
{
  double value, raw, worst = 0;
  g_autofree char *shown = NULL;
  g_autofree char *limit = NULL;

  *out_note = NULL;
  switch (row->target)
    {
    case TARGET_MAX_AT_TOP:
      {
        VigilBenchSize *top = find_size (report, TOP_SIZE);

        if (top == NULL)
          return "not run at 1,000";
        if (!vigil_bench_size_value (top, row->key, &value))
          return "not measured";
        shown = format_value (value, row->unit);
        limit = format_value (row->limit, row->unit);
        if (value <= row->limit)
          {
            *out_note = g_strdup_printf ("%s at 1,000 cases: %s, target %s: met", row->label,
                                         shown, limit);
            return "met";
          }
        {
          g_autofree char *over = format_value (value - row->limit, row->unit);

          *out_note = g_strdup_printf ("%s at 1,000 cases: %s, target %s: missed by %s "
                                       "(%.2f × the target)",
                                       row->label, shown, limit, over, value / row->limit);
        }
        return "MISSED";
      }
    case TARGET_MIN_AT_TOP:
      {
        VigilBenchSize *top = find_size (report, TOP_SIZE);

        if (top == NULL)
          return "not run at 1,000";
        if (!vigil_bench_size_value (top, row->key, &value))
          return "not measured";
        shown = format_value (value, row->unit);
        limit = format_value (row->limit, row->unit);
        *out_note = g_strdup_printf ("%s at 1,000 cases: %s, target ≥ %s: %s", row->label,
                                     shown, limit, value >= row->limit ? "met" : "missed");
        return value >= row->limit ? "met" : "MISSED";
      }
    case TARGET_TIMES_RAW_P99:
      {
        guint worst_cases = 0;

        for (guint i = 0; i < report->sizes->len; i++)
          {
            VigilBenchSize *size = g_ptr_array_index (report->sizes, i);

            if (!vigil_bench_size_value (size, row->key, &value)
                || !vigil_bench_size_value (size, "raw_sync_p99_ms", &raw) || raw <= 0)
              return "not measured";
            if (value / raw > worst)
              {
                worst = value / raw;
                worst_cases = size->cases;
              }
          }
        *out_note = g_strdup_printf ("%s: at worst %.2f × the raw fdatasync p99 of the same "
                                     "run (at %u cases), target ≤ %.0f ×: %s",
                                     row->label, worst, worst_cases, row->limit,
                                     worst <= row->limit ? "met" : "missed");
        if (worst > row->limit)
          {
            char *longer = g_strdup_printf ("%s, by %.2f × the raw p99", *out_note,
                                            worst - row->limit);

            g_free (*out_note);
            *out_note = longer;
          }
        return worst <= row->limit ? "met" : "MISSED";
      }
    case TARGET_NONE:
    default:
      return "";
    }
}

static void
print_header (VigilBenchReport *report, const char *first)
{
  VigilBenchSize *small = g_ptr_array_index (report->sizes, 0);
  VigilBenchSize *large = g_ptr_array_index (report->sizes, report->sizes->len - 1);
  g_autofree char *from = format_cases (small->cases);
  g_autofree char *to = format_cases (large->cases);
  g_autofree char *growth_head = g_strdup_printf ("growth %u → %u", small->cases, large->cases);

  print_cell (first, LABEL_WIDTH);
  for (guint i = 0; i < report->sizes->len; i++)
    {
      g_autofree char *head = format_cases (((VigilBenchSize *) g_ptr_array_index (
                                               report->sizes, i))->cases);

      print_cell (head, VALUE_WIDTH);
    }
  print_cell (growth_head, GROWTH_WIDTH);
  print_cell ("≤ linear", 8);
  print_cell ("target", TARGET_WIDTH);
  puts ("met");
}

static void
print_rows (VigilBenchReport *report, const Row *rows, guint n_rows, gboolean generation,
            GPtrArray *notes)
{
  for (guint r = 0; r < n_rows; r++)
    {
      const Row *row = &rows[r];
      double ratio, exponent;
      g_autofree char *note = NULL;
      const char *verdict;

      print_cell (row->label, LABEL_WIDTH);
      for (guint i = 0; i < report->sizes->len; i++)
        {
          VigilBenchSize *size = g_ptr_array_index (report->sizes, i);
          GHashTable *table = generation ? size->generation : size->figures;
          double *value = table != NULL ? g_hash_table_lookup (table, row->key) : NULL;
          g_autofree char *text = value != NULL ? format_value (*value, row->unit)
                                                : g_strdup ("not measured");

          print_cell (text, VALUE_WIDTH);
        }
      if (row->growth && growth (report, row, &ratio, &exponent))
        {
          VigilBenchSize *small = g_ptr_array_index (report->sizes, 0);
          VigilBenchSize *large = g_ptr_array_index (report->sizes, report->sizes->len - 1);
          g_autofree char *text = g_strdup_printf ("× %.2f for × %u (n^%.2f)", ratio,
                                                   large->cases / small->cases, exponent);

          print_cell (text, GROWTH_WIDTH);
          print_cell (exponent <= 1.0 ? "yes" : "NO", 8);
          if (exponent > 1.0)
            g_ptr_array_add (notes, g_strdup_printf ("%s grows faster than linearly: n^%.2f",
                                                     row->label, exponent));
        }
      else
        {
          print_cell (row->growth ? "not measured" : "", GROWTH_WIDTH);
          print_cell ("", 8);
        }
      print_cell (row->target_text, TARGET_WIDTH);
      verdict = judge (report, row, &note);
      puts (verdict);
      if (note != NULL)
        g_ptr_array_add (notes, g_steal_pointer (&note));
    }
}

static void
print_single (const char *label, const char *value, const char *target, const char *verdict)
{
  print_cell (label, LABEL_WIDTH);
  print_cell (value, 44);
  print_cell (target, TARGET_WIDTH);
  puts (verdict);
}

static char *
first_window_text (GArray *usec, const char *reason, gboolean to_exit)
{
  if (reason != NULL)
    return g_strdup_printf ("not measured (%s)", reason);
  return g_strdup_printf ("%.0f ms (median of %u, start to %s)",
                          vigil_bench_median (usec) / 1000.0, usec->len,
                          to_exit ? "exit after first frame" : "first frame");
}

/* The toolkit and its renderer alone: what a window with the vault open
 * is weighed beside. */
static char *
peak_text (long kib)
{
  if (kib < 0)
    return g_strdup ("not measured");
  return g_strdup_printf ("%.1f MiB (the highest of its runs)",
                          kib / 1024.0);
}

static void
print_first_window (VigilBenchReport *report, GPtrArray *notes)
{
  g_autofree char *vigil
    = first_window_text (report->vigil_usec, report->vigil_reason, report->to_exit);
  g_autofree char *minimal
    = first_window_text (report->minimal_usec, report->minimal_reason, report->to_exit);

  print_single (single_labels[0], vigil, "", "");
  print_single (single_labels[1], minimal, "", "");
  if (report->vigil_reason == NULL && report->minimal_reason == NULL)
    {
      double ratio = vigil_bench_median (report->vigil_usec)
                     / MAX (vigil_bench_median (report->minimal_usec), 1.0);
      g_autofree char *text = g_strdup_printf ("%.2f", ratio);

      print_single (single_labels[2], text, "≤ 1.10", ratio <= 1.10 ? "met" : "MISSED");
      double over_ms = (vigil_bench_median (report->vigil_usec)
                        - 1.10 * vigil_bench_median (report->minimal_usec)) / 1000.0;

      if (ratio <= 1.10)
        g_ptr_array_add (notes, g_strdup_printf ("first window of vigil: %.2f × the minimal "
                                                 "libadwaita window, target ≤ 1.10 ×: met",
                                                 ratio));
      else
        g_ptr_array_add (notes, g_strdup_printf ("first window of vigil: %.2f × the minimal "
                                                 "libadwaita window, target ≤ 1.10 ×: missed "
                                                 "by %.0f ms",
                                                 ratio, over_ms));
    }
  else
    {
      print_single (single_labels[2], "not measured (needs both first windows)", "≤ 1.10",
                    "not measured");
      g_ptr_array_add (notes, g_strdup ("first window of vigil: not measured"));
    }
  {
    g_autofree char *vigil_peak = peak_text (report->vigil_peak_kib);
    g_autofree char *minimal_peak = peak_text (report->minimal_peak_kib);

    print_single (single_labels[3], vigil_peak, "", "");
    print_single (single_labels[4], minimal_peak, "", "");
  }
}

/* public API */

gboolean
vigil_bench_size_value (VigilBenchSize *size, const char *key, double *out)
{
  double *value = NULL;

  if (size->figures != NULL)
    value = g_hash_table_lookup (size->figures, key);
  if (value == NULL && size->generation != NULL)
    value = g_hash_table_lookup (size->generation, key);
  if (value == NULL)
    return FALSE;
  *out = *value;
  return TRUE;
}

void
vigil_bench_print_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vault_rows); i++)
    puts (vault_rows[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (figure_rows); i++)
    puts (figure_rows[i].label);
  for (guint i = 0; single_labels[i] != NULL; i++)
    puts (single_labels[i]);
}

void
vigil_bench_print_report (VigilBenchReport *report)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (report->sizes->len > 0);

  printf ("\nVigil benchmarks%s: seed %" G_GUINT64_FORMAT ", %u opens, %u live-hearing "
          "entries a size\n\n",
          report->quick ? " (quick)" : "", report->seed, report->repetitions, report->writes);
  print_header (report, "synthetic vault");
  print_rows (report, vault_rows, G_N_ELEMENTS (vault_rows), TRUE, notes);
  putchar ('\n');
  print_header (report, "figure");
  print_rows (report, figure_rows, G_N_ELEMENTS (figure_rows), FALSE, notes);
  putchar ('\n');
  print_single ("figure (no vault)", "value", "target", "met");
  print_first_window (report, notes);

  for (guint i = 0; i < report->sizes->len; i++)
    {
      VigilBenchSize *size = g_ptr_array_index (report->sizes, i);

      if (size->failure != NULL)
        g_ptr_array_add (notes, g_strdup_printf ("%u cases: %s", size->cases, size->failure));
    }
  puts ("\nTargets:");
  for (guint i = 0; i < notes->len; i++)
    printf ("- %s\n", (const char *) g_ptr_array_index (notes, i));
  fflush (stdout);
}
