/* vigil-bench-protection.c: the protection rules and the agenda, timed
 *
 * Three figures of issue 12: the rules over every case of the vault (from
 * what is loaded), re-checking one case after one of its hearings moves
 * (reading that case again from the store, then judging it), and the
 * agenda of a week from the store to the rows the Protection page shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include "vigil-agenda.h"
#include "vigil-bench.h"
#include "vigil-protection-load.h"

static double
median_ms (GArray *usec)
{
  return vigil_bench_median (usec) / 1000.0;
}

static void
add_sample (GArray *usec, gint64 start)
{
  gint64 elapsed = g_get_monotonic_time () - start;

  g_array_append_val (usec, elapsed);
}

/* The busiest week of the vault: the Monday of its first hearing after
 * the middle one, in UTC. */
static GDateTime *
some_monday (GPtrArray *cases)
{
  VigilProtectionCaseData *data = g_ptr_array_index (cases, cases->len / 2);
  GDateTime *at;

  if (data->hearings->len == 0)
    return g_date_time_new_utc (2026, 3, 2, 0, 0, 0);
  at = vigil_hearing_get_starts_at (data->hearings->pdata[data->hearings->len / 2]);
  return g_date_time_new_utc (g_date_time_get_year (at), g_date_time_get_month (at),
                              g_date_time_get_day_of_month (at), 0, 0, 0);
}

gboolean
vigil_bench_measure_protection (VigilStore *store, guint repetitions, GError **error)
{
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) recheck = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) week = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  VigilProtectionSettings settings;
  guint measures = 0, problems = 0;

  g_printerr ("vigil-bench: protection rules and agenda\n");
  vigil_protection_settings_init (&settings, now);
  cases = vigil_protection_load_all (store, error);
  if (cases == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    measures += ((VigilProtectionCaseData *) cases->pdata[i])->measures->len;
  from = some_monday (cases);
  to = g_date_time_add_days (from, 7);

  for (guint i = 0; i < repetitions * 5; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) found = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata,
                                                           cases->len, NULL, &settings);

      add_sample (rules, start);
      problems = found->len;
    }

  /* A hearing of one case moves by a day: saved, then that case read
   * again and judged (with the bookings of every other case). */
  for (guint i = 0; i < repetitions * 5; i++)
    {
      VigilProtectionCaseData *data = g_ptr_array_index (cases, (i * 37) % cases->len);
      g_autofree char *case_id = g_strdup (vigil_case_get_id (data->kase));
      g_autoptr (GPtrArray) found = NULL;
      VigilHearing *hearing;
      g_autoptr (GDateTime) moved = NULL;
      gint64 start;

      if (data->hearings->len == 0)
        continue;
      hearing = data->hearings->pdata[0];
      moved = g_date_time_add_days (vigil_hearing_get_starts_at (hearing), i % 2 == 0 ? 1 : -1);
      vigil_hearing_set_starts_at (hearing, moved);
      if (!vigil_store_save_hearing (store, hearing, error))
        return FALSE;
      start = g_get_monotonic_time ();
      if (!vigil_protection_reload_case (store, cases, case_id, error))
        return FALSE;
      found = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len,
                                      case_id, &settings);
      add_sample (recheck, start);
    }

  /* The Protection page's week, from nothing loaded: the cases that meet
   * in it, judged, and the rows. */
  for (guint i = 0; i < repetitions * 2; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) loaded = vigil_protection_load_span (store, from, to, error);
      g_autoptr (GPtrArray) found = NULL;
      g_autoptr (GPtrArray) rows = NULL;

      if (loaded == NULL)
        return FALSE;
      found = vigil_protection_check ((VigilProtectionCaseData **) loaded->pdata, loaded->len,
                                      NULL, &settings);
      rows = vigil_agenda_build ((VigilProtectionCaseData **) loaded->pdata, loaded->len, found,
                                 from, to, FALSE);
      add_sample (week, start);
      /* The rows point into what was loaded: they go first. */
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  vigil_bench_emit ("protection_measures", measures);
  vigil_bench_emit ("protection_problems", problems);
  vigil_bench_emit ("protection_rules_ms", median_ms (rules));
  vigil_bench_emit ("protection_recheck_ms", median_ms (recheck));
  vigil_bench_emit ("protection_week_ms", median_ms (week));
  return TRUE;
}
