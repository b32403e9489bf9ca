/* vigil-report-cells.c: the one small-cell rule, and the labels of a
 * report's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-report-build-private.h"

gboolean
vigil_report_small (Build *b, gint64 count)
{
  return count > 0 && count < (gint64) b->options->min_cell;
}

/* A count as the report shows it. */
char *
vigil_report_cell (Build *b, gint64 count)
{
  if (vigil_report_small (b, count))
    {
      b->suppressed++;
      return g_strdup_printf ("< %u", b->options->min_cell);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* An amount in minor units, as "12,345.67". Currencies with other minor
 * units are rare among those of the cases; two is the default. */
char *
vigil_report_money (gint64 minor)
{
  g_autoptr (GString) whole = g_string_new (NULL);
  gint64 units = (minor < 0 ? -minor : minor) / 100;
  int cents = (int) ((minor < 0 ? -minor : minor) % 100);
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, units);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (whole, ',');
      g_string_append_c (whole, digits[i]);
    }
  return g_strdup_printf ("%s%s.%02d", minor < 0 ? "-" : "", whole->str, cents);
}

int
vigil_report_status_column (VigilObservationStatus status)
{
  switch (status)
    {
    case VIGIL_OBSERVATION_STATUS_RESPECTED:
      return COL_RESPECTED;
    case VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED:
      return COL_PARTLY;
    case VIGIL_OBSERVATION_STATUS_NOT_RESPECTED:
      return COL_NOT;
    case VIGIL_OBSERVATION_STATUS_NOT_OBSERVED:
      return COL_NOT_OBSERVED;
    case VIGIL_OBSERVATION_STATUS_NOT_APPLICABLE:
    default:
      return -1;
    }
}

const char *
vigil_report_column_label (int column)
{
  switch (column)
    {
    case COL_RESPECTED:
      return _("Respected");
    case COL_PARTLY:
      return _("Partly respected");
    case COL_NOT:
      return _("Not respected");
    case COL_NOT_OBSERVED:
    default:
      return _("Not observed");
    }
}

/* "7 of 23" with the rule applied to both figures. */
char *
vigil_report_of (Build *b, gint64 value, gint64 total)
{
  g_autofree char *v = vigil_report_cell (b, value);
  g_autofree char *t = vigil_report_cell (b, total);

  /* TRANSLATORS: a figure, "7 of 23" */
  return g_strdup_printf (_("%s of %s"), v, t);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @table, sorted; the array does not own them. */
GPtrArray *
vigil_report_keys_sorted (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

guint
vigil_report_counter_value (GHashTable *table, const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

guint
vigil_report_sum_counter (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;
  guint sum = 0;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += GPOINTER_TO_UINT (value);
  return sum;
}


void
vigil_report_count_bands (ReportData *data, guint bands[N_BANDS])
{
  memset (bands, 0, sizeof (guint) * N_BANDS);
  for (guint i = 0; i < data->cases->len; i++)
    {
      const ReportCase *c = g_ptr_array_index (data->cases, i);
      GTimeSpan span;

      if (c->first_hearing == NULL || c->verdict == NULL)
        {
          bands[BAND_PENDING]++;
          continue;
        }
      span = g_date_time_difference (c->verdict, c->first_hearing);
      if (span <= 365 * G_TIME_SPAN_DAY)
        bands[BAND_YEAR]++;
      else if (span <= 3 * 365 * G_TIME_SPAN_DAY)
        bands[BAND_THREE_YEARS]++;
      else
        bands[BAND_LONGER]++;
    }
}

const char *
vigil_report_band_label (guint band)
{
  switch (band)
    {
    case BAND_YEAR:
      return _("Up to 1 year");
    case BAND_THREE_YEARS:
      return _("1 to 3 years");
    case BAND_LONGER:
      return _("Over 3 years");
    case BAND_PENDING:
    default:
      return _("No verdict yet");
    }
}
