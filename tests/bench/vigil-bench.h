/* vigil-bench.h: the parts of the benchmark program
 *
 * vigil-bench runs each measurement in a child process of its own (itself,
 * with a sub-command), so that the peak memory of one size is not that of
 * the process that generated or measured another, and prints their figures
 * as one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-types.h"

G_BEGIN_DECLS

/* Synthetic vaults hold fictional data only; their passphrase is no
 * secret, and never passes through a command line. */
#define VIGIL_BENCH_PASSPHRASE "synthetic benchmark vault, fictional data only"

/* Bump when the generator changes what it writes, or the vault file does:
 * cached vaults are named after it and regenerated. 2: pages carry
 * checksums. 3: pages are encrypted. */
#define VIGIL_BENCH_GENERATOR_VERSION 3

/**
 * VigilBenchVaultStats:
 *
 * What vigil_bench_vault_generate() wrote, and how long it took.
 */
typedef struct
{
  guint  cases;
  guint  persons;
  guint  identities;
  guint  consents;
  guint  hearings;
  guint  observations;
  guint  measures;
  guint  claims;
  guint  claim_items;
  guint  transactions;
  gint64 create_usec;   /* creating the empty vault, key derivation included */
  gint64 write_usec;    /* generating and writing every case */
} VigilBenchVaultStats;

/* vigil-bench-vault.c: a new vault at @path with @n_cases synthetic cases,
 * written through the store (sealed, audited), one transaction per case.
 * The same @seed gives the same records; ids and timestamps are the
 * store's own. */
gboolean vigil_bench_vault_generate (const char           *path,
                                     guint                 n_cases,
                                     guint64               seed,
                                     VigilBenchVaultStats *stats,
                                     GError              **error);

/* Results travel from a child to the parent as "key value" lines on its
 * standard output; vigil-bench-measure.c prints them. */
void     vigil_bench_emit           (const char           *key,
                                     double                value);

/* vigil-bench-measure.c: the sub-commands. Each prints its results with
 * vigil_bench_emit() and returns an exit status. */
int      vigil_bench_cmd_generate   (const char           *path,
                                     guint                 n_cases,
                                     guint64               seed);
int      vigil_bench_cmd_measure    (const char           *path,
                                     guint                 repetitions,
                                     guint                 writes);
int      vigil_bench_cmd_memory     (const char           *path);
/* vigil-bench-report.c: builds the anonymized report of every case
 * @repetitions times. */
int      vigil_bench_cmd_report     (const char           *path,
                                     guint                 repetitions);
/* vigil-bench-render.c: the same report typeset as a PDF, and its leak
 * check weighed against pdftotext of the same file. */
int      vigil_bench_cmd_render     (const char           *path);

/* vigil-bench-protection.c: the protection rules over the vault, a
 * re-check of one case after a hearing moved, and a week's agenda from the
 * store; emits protection_rules_ms, protection_recheck_ms and
 * protection_week_ms. */

gboolean vigil_bench_measure_protection (VigilStore *store,
                                         guint       repetitions,
                                         GError    **error);

/* vigil-bench-rss.c: the peak resident memory of this process so far, in
 * KiB, or -1; and a reset of that peak (FALSE where the kernel has none). */
long     vigil_bench_max_rss_kib    (void);
gboolean vigil_bench_reset_peak_rss (void);

/* vigil-bench-window.c: starts @argv with VIGIL_BENCH_FIRST_FRAME=1 and
 * waits for it to quit after its first frame. TRUE when it exited on its
 * own with status 0 within @timeout_s seconds, having mapped a window:
 * then @out_exit_usec is the time from start to exit, and @out_frame_usec
 * the time to its first frame when it printed "first-frame T" (T its
 * g_get_monotonic_time() then), or -1, and @out_peak_kib its peak memory
 * then when it printed "peak-rss-kib N", or -1. Otherwise FALSE with
 * @out_reason set (and the program killed). */
gboolean vigil_bench_time_first_frame (const char * const *argv,
                                       guint               timeout_s,
                                       gint64             *out_exit_usec,
                                       gint64             *out_frame_usec,
                                       long               *out_peak_kib,
                                       char              **out_reason);

/* One vault size of a run: what its children reported. */
typedef struct
{
  guint       cases;
  gboolean    cached;     /* the vault came from the cache */
  GHashTable *generation; /* key -> double *, from the generate child */
  GHashTable *figures;    /* key -> double *, from the measure and memory children */
  char       *failure;    /* why figures are missing, or NULL */
} VigilBenchSize;

typedef struct
{
  gboolean    quick;
  guint64     seed;
  const char *window_memory;  /* bench-window-memory */
  GPtrArray  *sizes;          /* VigilBenchSize, smallest first */
  guint       repetitions;
  guint       writes;
  GArray     *vigil_usec;     /* first frame of vigil, gint64 per run */
  GArray     *minimal_usec;   /* first frame of the minimal window */
  gboolean    to_exit;        /* the times run to the exit, not to the frame */
  char       *vigil_reason;   /* why vigil was not measured, or NULL */
  char       *minimal_reason;
  long        vigil_peak_kib;   /* at the first frame, the highest of the runs; -1: none */
  long        minimal_peak_kib;
} VigilBenchReport;

/* vigil-bench-table.c */
gboolean vigil_bench_size_value     (VigilBenchSize       *size,
                                     const char           *key,
                                     double               *out);
/* The label every row of the table starts with, one a line. */
void     vigil_bench_print_labels   (void);
void     vigil_bench_print_report   (VigilBenchReport     *report);

/* Statistics over an array of gint64 microseconds (sorted in place). */
double   vigil_bench_percentile     (GArray               *usec,
                                     double                percentile);
double   vigil_bench_median         (GArray               *usec);

G_END_DECLS
