/* vigil-report-build.c: the report document, written from gathered figures
 *
 * The shape is that of published trial-monitoring reports: an executive
 * summary of key findings, the introduction and methodology, findings by
 * category of standards, duration, outcomes, protection, compensation,
 * recommendations and an annex of the standards used.
 *
 * Every count goes through cell(): a count of 1 to k-1 persons or hearings
 * is shown as "< k" and counted, and the methodology says how many were
 * suppressed and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vigil-assessment.h"
#include "vigil-enum-types.h"
#include "vigil-report-doc-private.h"
#include "vigil-report-private.h"
#include "vigil-report.h"
#include "vigil-text.h"

/* At most this many notes are quoted per standard, and in all: a report
 * shows the shortcomings, it does not reprint the monitors' logs. */
#define MAX_QUOTES_PER_STANDARD 3
#define MAX_QUOTES 40
/* Recommendations: the standards most often found wanting. */
#define MAX_RECOMMENDATIONS 8
/* A seed source is quoted up to this many characters. */
#define MAX_EXCERPT_CHARS 600
/* Reasons for adjournment listed. */
#define MAX_REASONS 10

enum
{
  COL_RESPECTED,
  COL_PARTLY,
  COL_NOT,
  COL_NOT_OBSERVED,
  N_COLS
};

typedef struct
{
  guint counts[N_COLS];
} Tally;

typedef struct
{
  ReportData               *data;
  const VigilReportOptions *options;
  VigilReportDoc           *doc;
  guint                     suppressed;
} Build;

/* private helpers */

static gboolean
small (Build *b, gint64 count)
{
  return count > 0 && count < (gint64) b->options->min_cell;
}

/* A count as the report shows it. */
static char *
cell (Build *b, gint64 count)
{
  if (small (b, count))
    {
      b->suppressed++;
      return g_strdup_printf ("< %u", b->options->min_cell);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* An amount in minor units, as "12,345.67". Currencies with other minor
 * units are rare among those of the cases; two is the default. */
static char *
money (gint64 minor)
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

static int
status_column (VigilObservationStatus status)
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

static const char *
column_label (int column)
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

static const char *
protection_label (const char *kind)
{
  static const struct
  {
    const char *kind;
    const char *label;
  } labels[] = {
    { "police_escort", N_("Police escort") },
    { "separate_entrance", N_("Separate entrance") },
    { "separate_waiting_room", N_("Separate waiting room") },
    { "video_link", N_("Testimony by video link") },
    { "screen", N_("Screen in the courtroom") },
    { "closed_session", N_("Closed session") },
    { "support_person", N_("Support person") },
    { "interpreter", N_("Interpreter") },
    { "relocation", N_("Relocation") },
    { "risk_assessment", N_("Risk assessment") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return kind;
}

static const char *
outcome_label (VigilCaseOutcome outcome)
{
  switch (outcome)
    {
    case VIGIL_CASE_OUTCOME_CONVICTION:
      return _("Conviction");
    case VIGIL_CASE_OUTCOME_ACQUITTAL:
      return _("Acquittal");
    case VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE:
      return _("Suspended sentence");
    case VIGIL_CASE_OUTCOME_DROPPED:
      return _("Charges dropped");
    case VIGIL_CASE_OUTCOME_NONE:
    default:
      return _("No verdict yet");
    }
}

/* Tallies of observations by standard and by category. */
static void
tally_observations (ReportData *data, GHashTable *by_standard, GHashTable *by_category)
{
  for (guint i = 0; i < data->observations->len; i++)
    {
      const ReportObservation *o = g_ptr_array_index (data->observations, i);
      VigilStandard *standard = vigil_catalogue_lookup (data->catalogue, o->standard_id);
      int column = status_column (o->status);
      Tally *t;

      if (column < 0)
        continue;
      t = g_hash_table_lookup (by_standard, o->standard_id);
      if (t == NULL)
        {
          t = g_new0 (Tally, 1);
          g_hash_table_insert (by_standard, g_strdup (o->standard_id), t);
        }
      t->counts[column]++;
      if (standard == NULL)
        continue;
      t = g_hash_table_lookup (by_category, vigil_standard_get_category (standard));
      if (t == NULL)
        {
          t = g_new0 (Tally, 1);
          g_hash_table_insert (by_category, g_strdup (vigil_standard_get_category (standard)), t);
        }
      t->counts[column]++;
    }
}

/* "7 of 23" with the rule applied to both figures. */
static char *
of (Build *b, gint64 value, gint64 total)
{
  g_autofree char *v = cell (b, value);
  g_autofree char *t = cell (b, total);

  /* TRANSLATORS: a figure, "7 of 23" */
  return g_strdup_printf (_("%s of %s"), v, t);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @table, sorted; the array does not own them. */
static GPtrArray *
keys_sorted (GHashTable *table)
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

/* A key finding: the sentence and the figure it rests on. */
static void
add_finding_block (Build *b, const char *sentence, const char *figure, gint64 value, gint64 total)
{
  /* A figure too small to show is not carried either. */
  vigil_report_doc_add_finding (b->doc, sentence, figure, small (b, value) ? 0 : value,
                                small (b, total) ? 0 : total);
}

/* @format has one %s, where the figure ("7 of 23") goes. */
#define ADD_FINDING(b, format, value, total)                              \
  G_STMT_START                                                            \
  {                                                                       \
    g_autofree char *figure_ = of ((b), (value), (total));                \
    g_autofree char *sentence_ = g_strdup_printf ((format), figure_);     \
    add_finding_block ((b), sentence_, figure_, (value), (total));        \
  }                                                                       \
  G_STMT_END

static guint
counter_value (GHashTable *table, const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

static GDateTime *
date_of_day (const char *day)
{
  int y = 1970, m = 1, d = 1;

  sscanf (day, "%4d-%2d-%2d", &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static guint
sum_counter (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;
  guint sum = 0;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += GPOINTER_TO_UINT (value);
  return sum;
}

/* Duration bands, from the first hearing to the verdict. */
enum
{
  BAND_YEAR,
  BAND_THREE_YEARS,
  BAND_LONGER,
  BAND_PENDING,
  N_BANDS
};

static void
count_bands (ReportData *data, guint bands[N_BANDS])
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

static const char *
band_label (guint band)
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

static void
add_summary (Build *b, GHashTable *by_category)
{
  ReportData *data = b->data;
  guint testified = 0, exposed = 0, assessed = 0, respected = 0;
  guint verdicts = 0, convictions = 0, requested, delivered, decided;
  guint claims = 0, undecided = 0;
  guint bands[N_BANDS];
  GHashTableIter iter;
  gpointer value;

  vigil_report_doc_add_heading (b->doc, 1, _("Executive summary"));
  vigil_report_doc_add_paragraph (b->doc,
                                  _("The key findings below are drawn from the monitors’ "
                                    "observations; each rests on the figure shown with it."));

  for (guint i = 0; i < data->hearings->len; i++)
    {
      const ReportHearing *h = g_ptr_array_index (data->hearings, i);

      if (!h->victim_testified)
        continue;
      testified++;
      if (h->defendant_present && !h->screen_or_video)
        exposed++;
    }
  if (testified > 0)
    ADD_FINDING (b, _("In %s hearings at which a victim testified, the defendant was present "
                      "and no screen or video link was used."),
                 exposed, testified);

  g_hash_table_iter_init (&iter, by_category);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Tally *t = value;

      respected += t->counts[COL_RESPECTED];
      assessed += t->counts[COL_RESPECTED] + t->counts[COL_PARTLY] + t->counts[COL_NOT];
    }
  if (assessed > 0)
    ADD_FINDING (b, _("The standards checked were fully respected in %s assessed observations."),
                 respected, assessed);

  count_bands (data, bands);
  decided = bands[BAND_YEAR] + bands[BAND_THREE_YEARS] + bands[BAND_LONGER];
  if (decided > 0)
    ADD_FINDING (b, _("Proceedings lasted more than three years from the first hearing to the "
                      "verdict in %s cases that reached a verdict."),
                 bands[BAND_LONGER], decided);

  for (guint i = 0; i < data->cases->len; i++)
    {
      const ReportCase *c = g_ptr_array_index (data->cases, i);

      if (c->outcome != VIGIL_CASE_OUTCOME_NONE && c->outcome != VIGIL_CASE_OUTCOME_DROPPED)
        verdicts++;
      if (c->outcome == VIGIL_CASE_OUTCOME_CONVICTION)
        convictions++;
    }
  if (verdicts > 0)
    ADD_FINDING (b, _("Defendants were convicted in %s cases decided."), convictions, verdicts);

  requested = sum_counter (data->protection_requested);
  delivered = sum_counter (data->protection_delivered);
  if (requested > 0)
    ADD_FINDING (b, _("%s protection measures requested were delivered."), delivered, requested);

  for (guint i = 0; i < data->money->len; i++)
    {
      const ReportMoney *m = g_ptr_array_index (data->money, i);

      claims += m->claims;
      undecided += m->undecided;
    }
  if (claims > 0)
    ADD_FINDING (b, _("%s compensation claims were still undecided."), undecided, claims);
}

static const char *
age_label (guint band)
{
  switch (band)
    {
    case REPORT_AGE_UNDER_14:
      return _("Under 14");
    case REPORT_AGE_14_17:
      return _("14 to 17");
    case REPORT_AGE_18_24:
      return _("18 to 24");
    case REPORT_AGE_25_34:
      return _("25 to 34");
    case REPORT_AGE_35_UP:
      return _("35 and over");
    case REPORT_AGE_UNKNOWN:
    default:
      return _("Not recorded");
    }
}

/* The victims by age at their case's first hearing, in bands, with how
 * many of each were recorded as children: never an age, never a date. */
static void
add_victims (Build *b)
{
  const char *headers[] = { _("Age at the first hearing"), _("Victims"),
                            _("Recorded as children") };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
  };
  VigilReportBlock *table;

  vigil_report_doc_add_heading (b->doc, 2, _("The victims"));
  table = vigil_report_doc_add_table (b->doc, _("Victims by age band"), 3, headers, aligns);
  for (guint i = 0; i < REPORT_N_AGE_BANDS; i++)
    {
      g_autofree char *victims = cell (b, b->data->victims[i]);
      g_autofree char *children = cell (b, b->data->child_victims[i]);
      const char *row[] = { age_label (i), victims, children };

      vigil_report_table_add_row (table, row);
    }
}

static void
add_methodology (Build *b, VigilReportBlock **suppression)
{
  ReportData *data = b->data;
  const VigilReportOptions *options = b->options;
  g_autofree char *scope = NULL;
  g_autofree char *anonymized = NULL;
  const char *dates, *courts, *references;

  vigil_report_doc_add_heading (b->doc, 1, _("Introduction and methodology"));
  scope = g_strdup_printf (
    _("This report covers %u cases and %u hearings, observed by %u monitors, against version %s "
      "of the victim-rights catalogue. The standards in the catalogue are drawn from OSCE "
      "commitments; the annex lists those used, with their sources."),
    data->cases->len, data->hearings->len, g_hash_table_size (data->monitors),
    vigil_catalogue_get_version (data->catalogue));
  vigil_report_doc_add_paragraph (b->doc, scope);
  vigil_report_doc_add_paragraph (
    b->doc,
    _("At each hearing, the monitor recorded for every applicable standard whether it was "
      "respected, partly respected or not respected, or could not be observed, with a severity "
      "for each shortcoming. Each shortcoming weighs by its severity (minor 1, serious 3, grave "
      "9), twice as much when the standard was not respected at all; a hearing with a grave "
      "shortcoming or a score of 18 or more shows grave shortcomings, a score of 6 or more "
      "serious ones, and any lower score minor ones."));

  dates = options->dates == VIGIL_REPORT_DATES_EXACT   ? _("by day")
          : options->dates == VIGIL_REPORT_DATES_MONTH ? _("by month")
                                                        : _("by quarter");
  courts = options->courts == VIGIL_REPORT_COURTS_EXACT    ? _("by name")
           : options->courts == VIGIL_REPORT_COURTS_REGION ? _("by region only")
                                                            : _("not at all");
  references = options->references == VIGIL_REPORT_REFERENCES_EXACT
                 ? _("Cases are identified by their court reference.")
                 : _("Cases are identified by report codes (Case A, Case B, …), not by their "
                     "court reference, which leads to the public judgment.");
  anonymized = g_strdup_printf (
    _("Persons appear only by pseudonym (V-01 for a victim, D-01 for a defendant); no name, "
      "address, phone number or date of birth is reproduced. %s Dates are given %s and courts "
      "%s. Quoted notes were scrubbed of every identifier the vault holds, in either script, "
      "then checked again; %u notes were changed by scrubbing and %u that could not be cleared "
      "were left out. Notes concerning a person who has not consented to anonymous quotation, "
      "or withdrew that consent, are never quoted (%u notes); their observations count in the "
      "figures only."),
    references, dates, courts, data->notes_scrubbed, data->notes_withheld_scrub,
    data->notes_withheld_consent);
  vigil_report_doc_add_paragraph (b->doc, anonymized);
  /* Written at the end, when every figure has been through cell(). */
  *suppression = vigil_report_doc_add_paragraph (b->doc, "");
  add_victims (b);
}

static void
add_findings (Build *b, GHashTable *by_standard, GHashTable *by_category)
{
  ReportData *data = b->data;
  const char *headers[] = {
    _("Standard"), column_label (COL_RESPECTED), column_label (COL_PARTLY),
    column_label (COL_NOT), column_label (COL_NOT_OBSERVED),
  };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
    VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
  };
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GArray) category_tallies = g_array_new (FALSE, TRUE, sizeof (Tally));
  g_autoptr (GHashTable) quarters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) quarter_names = NULL;
  VigilReportBlock *chart;
  guint quoted = 0;

  vigil_report_doc_add_page_break (b->doc);
  vigil_report_doc_add_heading (b->doc, 1, _("Findings by category of standards"));

  for (guint c = 0; vigil_standard_categories[c] != NULL; c++)
    {
      const char *category = vigil_standard_categories[c];
      const Tally *ct = g_hash_table_lookup (by_category, category);
      g_autoptr (GListModel) standards = NULL;
      g_autofree char *caption = NULL;
      VigilReportBlock *table;

      if (ct == NULL)
        continue;
      g_ptr_array_add (labels, (gpointer) vigil_standard_category_label (category));
      g_array_append_val (category_tallies, *ct);

      vigil_report_doc_add_heading (b->doc, 2, vigil_standard_category_label (category));
      caption = g_strdup_printf (_("Observations per standard: %s"),
                                 vigil_standard_category_label (category));
      table = vigil_report_doc_add_table (b->doc, caption, N_COLS + 1, headers, aligns);
      standards = vigil_catalogue_in_category (data->catalogue, category);
      for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
        {
          g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);
          const Tally *t = g_hash_table_lookup (by_standard, vigil_standard_get_id (standard));
          g_autofree char *cells[N_COLS] = { NULL };
          const char *row[N_COLS + 1];

          if (t == NULL)
            continue;
          row[0] = vigil_standard_get_title (standard);
          for (guint k = 0; k < N_COLS; k++)
            row[k + 1] = cells[k] = cell (b, t->counts[k]);
          vigil_report_table_add_row (table, row);
        }

      /* The serious and grave shortcomings, in the monitors' words. */
      for (guint i = 0; i < g_list_model_get_n_items (standards) && quoted < MAX_QUOTES; i++)
        {
          g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);
          guint for_standard = 0;

          for (guint k = 0; k < data->observations->len && for_standard < MAX_QUOTES_PER_STANDARD
                            && quoted < MAX_QUOTES;
               k++)
            {
              const ReportObservation *o = g_ptr_array_index (data->observations, k);
              g_autofree char *when = NULL;
              g_autofree char *attribution = NULL;

              if (o->quotes->len == 0
                  || g_strcmp0 (o->standard_id, vigil_standard_get_id (standard)) != 0)
                continue;
              if (for_standard == 0 && quoted == 0)
                vigil_report_doc_add_heading (b->doc, 3, _("Serious and grave shortcomings"));
              when = vigil_report_format_date (o->hearing->starts_at, b->options->dates);
              if (o->hearing->kase->court != NULL)
                /* TRANSLATORS: where a quoted note comes from: "Case B, Moldova, hearing of March 2024" */
                attribution = g_strdup_printf (_("%s, %s, hearing of %s"), o->hearing->kase->label,
                                               o->hearing->kase->court, when);
              else
                attribution = g_strdup_printf (_("%s, hearing of %s"), o->hearing->kase->label, when);
              for (guint q = 0; q < o->quotes->len && for_standard < MAX_QUOTES_PER_STANDARD; q++)
                {
                  vigil_report_doc_add_quotation (b->doc, g_ptr_array_index (o->quotes, q),
                                                  vigil_standard_get_id (standard),
                                                  vigil_standard_get_title (standard),
                                                  attribution);
                  for_standard++;
                  quoted++;
                }
            }
        }
    }

  if (labels->len > 0)
    {
      g_ptr_array_add (labels, NULL);
      chart = vigil_report_doc_add_chart (b->doc, VIGIL_REPORT_CHART_STACKED_BARS,
                                          _("Compliance by category of standards"),
                                          _("observations"),
                                          (const char *const *) labels->pdata);
      for (guint k = 0; k < N_COLS; k++)
        {
          g_autofree gint64 *values = g_new0 (gint64, category_tallies->len);
          g_autofree gboolean *hidden = g_new0 (gboolean, category_tallies->len);

          for (guint c = 0; c < category_tallies->len; c++)
            {
              values[c] = g_array_index (category_tallies, Tally, c).counts[k];
              hidden[c] = small (b, values[c]);
              if (hidden[c])
                b->suppressed++;
            }
          vigil_report_chart_add_series (chart, column_label (k), values, hidden);
        }
    }

  /* What changed over the period: observations by quarter. */
  for (guint i = 0; i < data->observations->len; i++)
    {
      const ReportObservation *o = g_ptr_array_index (data->observations, i);
      int column = status_column (o->status);
      g_autofree char *quarter = NULL;
      Tally *t;

      if (column < 0)
        continue;
      quarter = vigil_report_format_date (o->hearing->starts_at, VIGIL_REPORT_DATES_QUARTER);
      t = g_hash_table_lookup (quarters, quarter);
      if (t == NULL)
        {
          t = g_new0 (Tally, 1);
          g_hash_table_insert (quarters, g_strdup (quarter), t);
        }
      t->counts[column]++;
    }
  quarter_names = keys_sorted (quarters);
  if (quarter_names->len > 1)
    {
      vigil_report_doc_add_heading (b->doc, 2, _("Changes over the period"));
      g_ptr_array_add (quarter_names, NULL);
      chart = vigil_report_doc_add_chart (b->doc, VIGIL_REPORT_CHART_LINE,
                                          _("Observations by quarter"), _("observations"),
                                          (const char *const *) quarter_names->pdata);
      for (guint k = 0; k < COL_NOT_OBSERVED; k++)
        {
          guint n = quarter_names->len - 1;
          g_autofree gint64 *values = g_new0 (gint64, n);
          g_autofree gboolean *hidden = g_new0 (gboolean, n);

          for (guint q = 0; q < n; q++)
            {
              const Tally *t = g_hash_table_lookup (quarters, g_ptr_array_index (quarter_names, q));

              values[q] = t->counts[k];
              hidden[q] = small (b, values[q]);
              if (hidden[q])
                b->suppressed++;
            }
          vigil_report_chart_add_series (chart, column_label (k), values, hidden);
        }
    }
}

static void
add_duration (Build *b)
{
  ReportData *data = b->data;
  const char *headers[] = { _("From the first hearing to the verdict"), _("Cases") };
  const char *reason_headers[] = { _("Reason given"), _("Hearings") };
  const VigilReportAlign aligns[] = { VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC };
  const char *categories[N_BANDS + 1] = { NULL };
  gint64 values[N_BANDS];
  gboolean hidden[N_BANDS];
  guint bands[N_BANDS];
  guint adjourned = 0;
  g_autoptr (GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) sorted = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *sentence = NULL;
  VigilReportBlock *table;
  VigilReportBlock *chart;

  vigil_report_doc_add_page_break (b->doc);
  vigil_report_doc_add_heading (b->doc, 1, _("Duration of proceedings"));
  count_bands (data, bands);
  table = vigil_report_doc_add_table (b->doc, _("Cases by time from the first hearing to the verdict"),
                                      2, headers, aligns);
  for (guint i = 0; i < N_BANDS; i++)
    {
      g_autofree char *count = cell (b, bands[i]);
      const char *row[] = { band_label (i), count };

      vigil_report_table_add_row (table, row);
      categories[i] = band_label (i);
      values[i] = bands[i];
      hidden[i] = small (b, bands[i]);
    }
  chart = vigil_report_doc_add_chart (b->doc, VIGIL_REPORT_CHART_BARS,
                                      _("Duration from the first hearing to the verdict"),
                                      _("cases"), categories);
  vigil_report_chart_add_series (chart, _("Cases"), values, hidden);

  vigil_report_doc_add_heading (b->doc, 2, _("Adjournments"));
  for (guint i = 0; i < data->hearings->len; i++)
    {
      const ReportHearing *h = g_ptr_array_index (data->hearings, i);

      if (h->status != VIGIL_HEARING_STATUS_ADJOURNED)
        continue;
      adjourned++;
      /* Reasons are grouped as written, so that "Defence lawyer absent"
       * counts once for every hearing it was given for. */
      g_hash_table_insert (reasons,
                           g_strdup (h->adjournment_reason != NULL ? h->adjournment_reason
                                                                   : _("(not quoted)")),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                                               reasons, h->adjournment_reason != NULL
                                                          ? h->adjournment_reason
                                                          : _("(not quoted)")))
                                             + 1));
    }
  figure = of (b, adjourned, data->hearings->len);
  sentence = g_strdup_printf (_("%s hearings were adjourned."), figure);
  vigil_report_doc_add_paragraph (b->doc, sentence);
  if (adjourned == 0)
    return;
  table = vigil_report_doc_add_table (b->doc, _("Reasons given for adjournment"), 2,
                                      reason_headers, aligns);
  sorted = keys_sorted (reasons);
  for (guint i = 0; i < sorted->len && i < MAX_REASONS; i++)
    {
      const char *reason = g_ptr_array_index (sorted, i);
      g_autofree char *count = cell (b, GPOINTER_TO_UINT (g_hash_table_lookup (reasons, reason)));
      const char *row[] = { reason, count };

      vigil_report_table_add_row (table, row);
    }
}

static void
add_outcomes (Build *b)
{
  ReportData *data = b->data;
  const char *headers[] = { _("Outcome"), _("Cases") };
  const char *charge_headers[] = { _("Charge convicted on"), _("Cases") };
  const VigilReportAlign aligns[] = { VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC };
  static const VigilCaseOutcome outcomes[] = {
    VIGIL_CASE_OUTCOME_CONVICTION, VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE,
    VIGIL_CASE_OUTCOME_ACQUITTAL,  VIGIL_CASE_OUTCOME_DROPPED,
    VIGIL_CASE_OUTCOME_NONE,
  };
  const char *categories[G_N_ELEMENTS (outcomes) + 1] = { NULL };
  gint64 values[G_N_ELEMENTS (outcomes)] = { 0 };
  gboolean hidden[G_N_ELEMENTS (outcomes)];
  g_autoptr (GHashTable) charges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) sorted = NULL;
  VigilReportBlock *table;
  VigilReportBlock *chart;

  vigil_report_doc_add_heading (b->doc, 1, _("Outcomes"));
  for (guint i = 0; i < data->cases->len; i++)
    {
      const ReportCase *c = g_ptr_array_index (data->cases, i);

      for (guint k = 0; k < G_N_ELEMENTS (outcomes); k++)
        if (c->outcome == outcomes[k])
          values[k]++;
      if (!vigil_text_is_blank (c->convicted_charge))
        g_hash_table_insert (charges, g_strdup (c->convicted_charge),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                                 g_hash_table_lookup (charges, c->convicted_charge))
                                               + 1));
    }
  table = vigil_report_doc_add_table (b->doc, _("Cases by outcome"), 2, headers, aligns);
  for (guint k = 0; k < G_N_ELEMENTS (outcomes); k++)
    {
      g_autofree char *count = cell (b, values[k]);
      const char *row[] = { outcome_label (outcomes[k]), count };

      vigil_report_table_add_row (table, row);
      categories[k] = outcome_label (outcomes[k]);
      hidden[k] = small (b, values[k]);
    }
  chart = vigil_report_doc_add_chart (b->doc, VIGIL_REPORT_CHART_BARS, _("Outcomes of the cases"),
                                      _("cases"), categories);
  vigil_report_chart_add_series (chart, _("Cases"), values, hidden);

  if (g_hash_table_size (charges) == 0)
    return;
  table = vigil_report_doc_add_table (b->doc, _("Charges convicted on"), 2, charge_headers, aligns);
  sorted = keys_sorted (charges);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *charge = g_ptr_array_index (sorted, i);
      g_autofree char *count = cell (b, GPOINTER_TO_UINT (g_hash_table_lookup (charges, charge)));
      const char *row[] = { charge, count };

      vigil_report_table_add_row (table, row);
    }
}

static void
add_protection (Build *b)
{
  ReportData *data = b->data;
  const char *headers[] = { _("Measure"), _("Requested"), _("Delivered"), _("Persons") };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
    VIGIL_REPORT_ALIGN_NUMERIC,
  };
  g_autoptr (GPtrArray) kinds = keys_sorted (data->protection_requested);
  VigilReportBlock *table;

  if (kinds->len == 0)
    return;
  vigil_report_doc_add_heading (b->doc, 1, _("Protection"));
  vigil_report_doc_add_paragraph (b->doc,
                                  _("Protection measures requested for victims and witnesses, "
                                    "against those delivered, by kind."));
  table = vigil_report_doc_add_table (b->doc, _("Protection measures requested and delivered"), 4,
                                      headers, aligns);
  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      GHashTable *persons = g_hash_table_lookup (data->protection_persons, kind);
      g_autofree char *requested = cell (b, counter_value (data->protection_requested, kind));
      g_autofree char *delivered = cell (b, counter_value (data->protection_delivered, kind));
      g_autofree char *people = cell (b, persons != NULL ? g_hash_table_size (persons) : 0);
      const char *row[] = { protection_label (kind), requested, delivered, people };

      vigil_report_table_add_row (table, row);
    }
}

static void
add_compensation (Build *b)
{
  ReportData *data = b->data;
  const char *headers[] = {
    _("Currency"), _("Claims"), _("Claimed"), _("Awarded"), _("Paid"), _("Undecided"),
    _("Referred elsewhere"),
  };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT,    VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
    VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
    VIGIL_REPORT_ALIGN_NUMERIC,
  };
  VigilReportBlock *table;

  if (data->money->len == 0)
    return;
  vigil_report_doc_add_heading (b->doc, 1, _("Compensation"));
  vigil_report_doc_add_paragraph (
    b->doc, _("Amounts claimed, awarded and paid, per currency, never converted. The amounts of "
              "a currency with fewer claimants than the smallest figure shown are suppressed, "
              "since they would describe one person’s claim."));
  table = vigil_report_doc_add_table (b->doc, _("Compensation claimed, awarded and paid"), 7,
                                      headers, aligns);
  for (guint i = 0; i < data->money->len; i++)
    {
      const ReportMoney *m = g_ptr_array_index (data->money, i);
      gboolean hide = small (b, m->claimants);
      g_autofree char *claims = cell (b, m->claims);
      g_autofree char *claimed = hide ? NULL : money (m->claimed);
      g_autofree char *awarded = hide ? NULL : money (m->awarded);
      g_autofree char *paid = hide ? NULL : money (m->paid);
      g_autofree char *undecided = cell (b, m->undecided);
      g_autofree char *elsewhere = cell (b, m->elsewhere);
      const char *row[] = {
        m->currency, claims, hide ? "–" : claimed, hide ? "–" : awarded, hide ? "–" : paid,
        undecided, elsewhere,
      };

      if (hide)
        b->suppressed += 3;
      vigil_report_table_add_row (table, row);
    }
}

typedef struct
{
  const char *id;
  guint       failures;
  guint       observed;
} Wanting;

static gint
wanting_compare (gconstpointer a, gconstpointer b)
{
  const Wanting *x = a, *y = b;

  if (x->failures != y->failures)
    return x->failures > y->failures ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

static void
add_recommendations (Build *b, GHashTable *by_standard)
{
  ReportData *data = b->data;
  g_autoptr (GArray) wanting = g_array_new (FALSE, FALSE, sizeof (Wanting));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, by_standard);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Tally *t = value;
      Wanting w = { key, t->counts[COL_PARTLY] + t->counts[COL_NOT],
                    t->counts[COL_RESPECTED] + t->counts[COL_PARTLY] + t->counts[COL_NOT] };

      if (w.failures > 0 && vigil_catalogue_lookup (data->catalogue, w.id) != NULL)
        g_array_append_val (wanting, w);
    }
  g_array_sort (wanting, wanting_compare);

  vigil_report_doc_add_page_break (b->doc);
  vigil_report_doc_add_heading (b->doc, 1, _("Recommendations"));
  if (wanting->len == 0)
    {
      vigil_report_doc_add_paragraph (b->doc, _("No standard was found wanting."));
      return;
    }
  for (guint i = 0; i < wanting->len && i < MAX_RECOMMENDATIONS; i++)
    {
      const Wanting *w = &g_array_index (wanting, Wanting, i);
      VigilStandard *standard = vigil_catalogue_lookup (data->catalogue, w->id);
      g_autofree char *figure = of (b, w->failures, w->observed);
      g_autofree char *text = g_strdup_printf (
        _("The authorities should ensure that this standard is applied in every trial. It was "
          "not or only partly respected at %s hearings where it was assessed. What monitors "
          "look for: %s"),
        figure, vigil_standard_get_look_for (standard));

      vigil_report_doc_add_heading (b->doc, 2, vigil_standard_get_title (standard));
      vigil_report_doc_add_paragraph (b->doc, text);
      for (guint s = 0; s < vigil_standard_get_n_sources (standard); s++)
        {
          const VigilStandardSource *source = vigil_standard_get_source (standard, s);
          g_autofree char *excerpt = vigil_catalogue_get_source_excerpt (data->catalogue, source,
                                                                         NULL);
          g_autofree char *where = vigil_catalogue_describe_source (data->catalogue, source);

          if (excerpt == NULL)
            continue;
          if (g_utf8_strlen (excerpt, -1) > MAX_EXCERPT_CHARS)
            {
              char *cut = g_utf8_substring (excerpt, 0, MAX_EXCERPT_CHARS);

              g_free (excerpt);
              excerpt = g_strconcat (g_strchomp (cut), "…", NULL);
              g_free (cut);
            }
          vigil_report_doc_add_quotation (b->doc, g_strstrip (excerpt), vigil_standard_get_id (standard),
                                          vigil_standard_get_title (standard), where);
          /* One source is enough to show where the standard comes from. */
          break;
        }
    }
}

static void
add_annex (Build *b, GHashTable *by_standard)
{
  ReportData *data = b->data;
  const char *headers[] = { _("Standard"), _("Category"), _("Sources") };
  g_autoptr (GListModel) all = vigil_catalogue_search (data->catalogue, "");
  VigilReportBlock *table;

  vigil_report_doc_add_page_break (b->doc);
  vigil_report_doc_add_heading (b->doc, 1, _("Annex: standards used and their sources"));
  table = vigil_report_doc_add_table (b->doc, _("Standards observed in this report"), 3, headers,
                                      NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (all, i);
      g_autoptr (GString) sources = g_string_new (NULL);
      const char *row[3];

      if (!g_hash_table_contains (by_standard, vigil_standard_get_id (standard)))
        continue;
      for (guint s = 0; s < vigil_standard_get_n_sources (standard); s++)
        {
          g_autofree char *where =
            vigil_catalogue_describe_source (data->catalogue, vigil_standard_get_source (standard, s));

          if (sources->len > 0)
            g_string_append (sources, "; ");
          g_string_append (sources, where);
        }
      row[0] = vigil_standard_get_title (standard);
      row[1] = vigil_standard_get_category_label (standard);
      row[2] = sources->str;
      vigil_report_table_add_row (table, row);
    }
}

static VigilReportDoc *
build_doc (ReportData *data)
{
  const VigilReportOptions *options = data->options;
  g_autoptr (VigilReportDoc) doc = vigil_report_doc_new ();
  g_autoptr (GHashTable) by_standard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *period = NULL;
  g_autofree char *subject = NULL;
  VigilReportBlock *suppression = NULL;
  Build b = { data, options, doc, 0 };
  const char *statement = _("Anonymized report. Persons appear by pseudonym only; notes are "
                            "scrubbed of identifying details; figures smaller than the "
                            "threshold are not shown.");

  if (data->period_from != NULL)
    {
      g_autoptr (GDateTime) from = date_of_day (data->period_from);
      g_autoptr (GDateTime) to = date_of_day (data->period_to);
      g_autofree char *a = vigil_report_format_date (from, options->dates);
      g_autofree char *z = vigil_report_format_date (to, options->dates);

      period = g_str_equal (a, z) ? g_strdup (a) : g_strdup_printf ("%s – %s", a, z);
    }
  subject = g_strdup_printf (_("Victims’ rights in %u human-trafficking trials: anonymized "
                               "findings of trial monitoring"),
                             data->cases->len);
  vigil_report_doc_set_title (doc, options->title != NULL ? options->title
                                                          : _("Trial Monitoring Report"));
  vigil_report_doc_set_subject (doc, subject);
  vigil_report_doc_set_programme (doc, options->programme);
  vigil_report_doc_set_period (doc, period);
  vigil_report_doc_set_anonymized_statement (doc, statement);
  vigil_report_doc_set_paper (doc, options->paper);
  vigil_report_doc_set_has_title_page (doc, (options->sections & VIGIL_REPORT_SECTION_TITLE) != 0);
  if ((options->sections & VIGIL_REPORT_SECTION_TITLE) == 0)
    vigil_report_doc_add_paragraph (doc, statement);

  tally_observations (data, by_standard, by_category);
  if (options->sections & VIGIL_REPORT_SECTION_SUMMARY)
    add_summary (&b, by_category);
  if (options->sections & VIGIL_REPORT_SECTION_METHODOLOGY)
    add_methodology (&b, &suppression);
  if (options->sections & VIGIL_REPORT_SECTION_FINDINGS)
    add_findings (&b, by_standard, by_category);
  if (options->sections & VIGIL_REPORT_SECTION_DURATION)
    add_duration (&b);
  if (options->sections & VIGIL_REPORT_SECTION_OUTCOMES)
    add_outcomes (&b);
  if (options->sections & VIGIL_REPORT_SECTION_PROTECTION)
    add_protection (&b);
  if (options->sections & VIGIL_REPORT_SECTION_COMPENSATION)
    add_compensation (&b);
  if (options->sections & VIGIL_REPORT_SECTION_RECOMMENDATIONS)
    add_recommendations (&b, by_standard);
  if (options->sections & VIGIL_REPORT_SECTION_ANNEX)
    add_annex (&b, by_standard);

  {
    g_autofree char *text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "Small figures: a figure counting fewer than %u persons or hearings could "
                   "point at one person, so it is shown as “< %u” and not carried in the "
                   "charts. %u figure of this report was suppressed this way.",
                   "Small figures: a figure counting fewer than %u persons or hearings could "
                   "point at one person, so it is shown as “< %u” and not carried in the "
                   "charts. %u figures of this report were suppressed this way.",
                   b.suppressed),
      options->min_cell, options->min_cell, b.suppressed);

    if (suppression != NULL)
      vigil_report_block_set_text (suppression, text);
    else
      vigil_report_doc_add_paragraph (doc, text);
  }
  return g_steal_pointer (&doc);
}

static void
build_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  VigilStore *store = source;
  VigilCatalogue *catalogue = g_object_get_data (G_OBJECT (task), "catalogue");
  GError *error = NULL;
  VigilReportDoc *doc = vigil_report_build (store, catalogue, task_data, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

static VigilReportOptions *
options_copy (const VigilReportOptions *options)
{
  VigilReportOptions *copy = g_memdup2 (options, sizeof *options);

  copy->case_ref = g_strdup (options->case_ref);
  copy->from = g_strdup (options->from);
  copy->to = g_strdup (options->to);
  copy->court = g_strdup (options->court);
  copy->jurisdiction = g_strdup (options->jurisdiction);
  copy->charge = g_strdup (options->charge);
  copy->programme = g_strdup (options->programme);
  copy->title = g_strdup (options->title);
  return copy;
}

/* public API */

VigilReportDoc *
vigil_report_build (VigilStore               *store,
                    VigilCatalogue           *catalogue,
                    const VigilReportOptions *options,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr (ReportData) data = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!vigil_report_options_validate (options, error))
    return NULL;
  data = vigil_report_data_gather (store, catalogue, options, cancellable, error);
  if (data == NULL)
    return NULL;
  return build_doc (data);
}

void
vigil_report_build_async (VigilStore               *store,
                          VigilCatalogue           *catalogue,
                          const VigilReportOptions *options,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (VIGIL_IS_CATALOGUE (catalogue));
  g_return_if_fail (options != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_report_build_async);
  g_task_set_task_data (task, options_copy (options), (GDestroyNotify) vigil_report_options_free);
  g_object_set_data_full (G_OBJECT (task), "catalogue", g_object_ref (catalogue), g_object_unref);
  g_task_run_in_thread (task, build_thread);
}

VigilReportDoc *
vigil_report_build_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
