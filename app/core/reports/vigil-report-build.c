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
#include "vigil-report-build-private.h"
#include "vigil-report.h"
#include "vigil-text.h"

/* private helpers */

/* Tallies of observations by standard and by category. */
static void
tally_observations (ReportData *data, GHashTable *by_standard, GHashTable *by_category)
{
  for (guint i = 0; i < data->observations->len; i++)
    {
      const ReportObservation *o = g_ptr_array_index (data->observations, i);
      VigilStandard *standard = vigil_catalogue_lookup (data->catalogue, o->standard_id);
      int column = vigil_report_status_column (o->status);
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

/* A key finding: the sentence and the figure it rests on. */
static void
add_finding_block (Build *b, const char *sentence, const char *figure, gint64 value, gint64 total)
{
  /* A figure too small to show is not carried either. */
  vigil_report_doc_add_finding (b->doc, sentence, figure, vigil_report_small (b, value) ? 0 : value,
                                vigil_report_small (b, total) ? 0 : total);
}

/* @format has one %s, where the figure ("7 of 23") goes. */
#define ADD_FINDING(b, format, value, total)                              \
  G_STMT_START                                                            \
  {                                                                       \
    g_autofree char *figure_ = vigil_report_of ((b), (value), (total));                \
    g_autofree char *sentence_ = g_strdup_printf ((format), figure_);     \
    add_finding_block ((b), sentence_, figure_, (value), (total));        \
  }                                                                       \
  G_STMT_END

static GDateTime *
date_of_day (const char *day)
{
  int y = 1970, m = 1, d = 1;

  sscanf (day, "%4d-%2d-%2d", &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
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

  vigil_report_count_bands (data, bands);
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

  requested = vigil_report_sum_counter (data->protection_requested);
  delivered = vigil_report_sum_counter (data->protection_delivered);
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
      g_autofree char *victims = vigil_report_cell (b, b->data->victims[i]);
      g_autofree char *children = vigil_report_cell (b, b->data->child_victims[i]);
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
      "were left out. Notes concerning a victim, a witness or anyone but a defendant who has "
      "not consented to anonymous quotation, or withdrew that consent, are never quoted (%u "
      "notes); their observations count in the figures only."),
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
    _("Standard"), vigil_report_column_label (COL_RESPECTED), vigil_report_column_label (COL_PARTLY),
    vigil_report_column_label (COL_NOT), vigil_report_column_label (COL_NOT_OBSERVED),
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
  gboolean headed;

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
          char *cells[N_COLS] = { NULL };
          const char *row[N_COLS + 1];

          if (t == NULL)
            continue;
          row[0] = vigil_standard_get_title (standard);
          for (guint k = 0; k < N_COLS; k++)
            row[k + 1] = cells[k] = vigil_report_cell (b, t->counts[k]);
          vigil_report_table_add_row (table, row);
          for (guint k = 0; k < N_COLS; k++)
            g_free (cells[k]);
        }

      /* The serious and grave shortcomings, in the monitors' words; the
       * same words twice under one standard say nothing more. */
      headed = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (standards) && quoted < MAX_QUOTES; i++)
        {
          g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);
          g_autoptr (GHashTable) said = g_hash_table_new (g_str_hash, g_str_equal);
          const char *id = g_intern_string (vigil_standard_get_id (standard));
          guint for_standard = 0;

          for (guint k = 0; k < data->observations->len && for_standard < MAX_QUOTES_PER_STANDARD
                            && quoted < MAX_QUOTES;
               k++)
            {
              const ReportObservation *o = g_ptr_array_index (data->observations, k);
              g_autofree char *when = NULL;
              g_autofree char *attribution = NULL;

              /* Observations hold interned ids: one comparison of pointers. */
              if (o->quotes == NULL || o->standard_id != id)
                continue;
              if (!headed)
                vigil_report_doc_add_heading (b->doc, 3, _("Serious and grave shortcomings"));
              headed = TRUE;
              when = vigil_report_format_date (o->hearing->starts_at, b->options->dates);
              if (o->hearing->kase->court != NULL)
                /* TRANSLATORS: where a quoted note comes from: "Case B, Moldova, hearing of March 2024" */
                attribution = g_strdup_printf (_("%s, %s, hearing of %s"), o->hearing->kase->label,
                                               o->hearing->kase->court, when);
              else
                attribution = g_strdup_printf (_("%s, hearing of %s"), o->hearing->kase->label, when);
              for (guint q = 0; q < o->quotes->len && for_standard < MAX_QUOTES_PER_STANDARD; q++)
                {
                  if (!g_hash_table_add (said, g_ptr_array_index (o->quotes, q)))
                    continue;
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
              hidden[c] = vigil_report_small (b, values[c]);
              if (hidden[c])
                b->suppressed++;
            }
          vigil_report_chart_add_series (chart, vigil_report_column_label (k), values, hidden);
        }
    }

  /* What changed over the period: observations by quarter. */
  for (guint i = 0; i < data->observations->len; i++)
    {
      const ReportObservation *o = g_ptr_array_index (data->observations, i);
      int column = vigil_report_status_column (o->status);
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
  quarter_names = vigil_report_keys_sorted (quarters);
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
              hidden[q] = vigil_report_small (b, values[q]);
              if (hidden[q])
                b->suppressed++;
            }
          vigil_report_chart_add_series (chart, vigil_report_column_label (k), values, hidden);
        }
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
  subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Victims’ rights in %u human-trafficking trial: "
                                          "anonymized findings of trial monitoring",
                                          "Victims’ rights in %u human-trafficking trials: "
                                          "anonymized findings of trial monitoring",
                                          data->cases->len),
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
    vigil_report_add_duration (&b);
  if (options->sections & VIGIL_REPORT_SECTION_OUTCOMES)
    vigil_report_add_outcomes (&b);
  if (options->sections & VIGIL_REPORT_SECTION_PROTECTION)
    vigil_report_add_protection (&b);
  if (options->sections & VIGIL_REPORT_SECTION_COMPENSATION)
    vigil_report_add_compensation (&b);
  if (options->sections & VIGIL_REPORT_SECTION_RECOMMENDATIONS)
    vigil_report_add_recommendations (&b, by_standard);
  if (options->sections & VIGIL_REPORT_SECTION_ANNEX)
    vigil_report_add_annex (&b, by_standard);

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
