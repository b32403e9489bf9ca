/* vigil-report-sections.c: duration, outcomes, protection, compensation,
 * recommendations and the annex of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-report-build-private.h"
#include "vigil-text.h"

/* private helpers */

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

/* sections */

void
vigil_report_add_duration (Build *b)
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
  vigil_report_count_bands (data, bands);
  table = vigil_report_doc_add_table (b->doc, _("Cases by time from the first hearing to the verdict"),
                                      2, headers, aligns);
  for (guint i = 0; i < N_BANDS; i++)
    {
      g_autofree char *count = vigil_report_cell (b, bands[i]);
      const char *row[] = { vigil_report_band_label (i), count };

      vigil_report_table_add_row (table, row);
      categories[i] = vigil_report_band_label (i);
      values[i] = bands[i];
      hidden[i] = vigil_report_small (b, bands[i]);
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
  figure = vigil_report_of (b, adjourned, data->hearings->len);
  sentence = g_strdup_printf (_("%s hearings were adjourned."), figure);
  vigil_report_doc_add_paragraph (b->doc, sentence);
  if (adjourned == 0)
    return;
  table = vigil_report_doc_add_table (b->doc, _("Reasons given for adjournment"), 2,
                                      reason_headers, aligns);
  sorted = vigil_report_keys_sorted (reasons);
  for (guint i = 0; i < sorted->len && i < MAX_REASONS; i++)
    {
      const char *reason = g_ptr_array_index (sorted, i);
      g_autofree char *count = vigil_report_cell (b, GPOINTER_TO_UINT (g_hash_table_lookup (reasons, reason)));
      const char *row[] = { reason, count };

      vigil_report_table_add_row (table, row);
    }
}

void
vigil_report_add_outcomes (Build *b)
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
      g_autofree char *count = vigil_report_cell (b, values[k]);
      const char *row[] = { outcome_label (outcomes[k]), count };

      vigil_report_table_add_row (table, row);
      categories[k] = outcome_label (outcomes[k]);
      hidden[k] = vigil_report_small (b, values[k]);
    }
  chart = vigil_report_doc_add_chart (b->doc, VIGIL_REPORT_CHART_BARS, _("Outcomes of the cases"),
                                      _("cases"), categories);
  vigil_report_chart_add_series (chart, _("Cases"), values, hidden);

  if (g_hash_table_size (charges) == 0)
    return;
  table = vigil_report_doc_add_table (b->doc, _("Charges convicted on"), 2, charge_headers, aligns);
  sorted = vigil_report_keys_sorted (charges);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *charge = g_ptr_array_index (sorted, i);
      g_autofree char *count = vigil_report_cell (b, GPOINTER_TO_UINT (g_hash_table_lookup (charges, charge)));
      const char *row[] = { charge, count };

      vigil_report_table_add_row (table, row);
    }
}

void
vigil_report_add_protection (Build *b)
{
  ReportData *data = b->data;
  const char *headers[] = { _("Measure"), _("Requested"), _("Delivered"), _("Persons") };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
    VIGIL_REPORT_ALIGN_NUMERIC,
  };
  g_autoptr (GPtrArray) kinds = vigil_report_keys_sorted (data->protection_requested);
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
      g_autofree char *requested = vigil_report_cell (b, vigil_report_counter_value (data->protection_requested, kind));
      g_autofree char *delivered = vigil_report_cell (b, vigil_report_counter_value (data->protection_delivered, kind));
      g_autofree char *people = vigil_report_cell (b, persons != NULL ? g_hash_table_size (persons) : 0);
      const char *row[] = { protection_label (kind), requested, delivered, people };

      vigil_report_table_add_row (table, row);
    }
}

void
vigil_report_add_compensation (Build *b)
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
      gboolean hide = vigil_report_small (b, m->claimants);
      g_autofree char *claims = vigil_report_cell (b, m->claims);
      g_autofree char *claimed = hide ? NULL : vigil_report_money (m->claimed);
      g_autofree char *awarded = hide ? NULL : vigil_report_money (m->awarded);
      g_autofree char *paid = hide ? NULL : vigil_report_money (m->paid);
      g_autofree char *undecided = vigil_report_cell (b, m->undecided);
      g_autofree char *elsewhere = vigil_report_cell (b, m->elsewhere);
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

/* A seed document's section as a report quotes it: without the markup of
 * the seed text (headings, bold, list dashes) and without the section's
 * own title, which the attribution already gives. */
static char *
clean_excerpt (const char *excerpt, const char *section)
{
  g_auto (GStrv) lines = g_strsplit (excerpt, "\n", -1);
  g_autofree char *last = NULL;
  const char *cut = section != NULL ? g_strrstr (section, " > ") : NULL;
  GString *out = g_string_new (NULL);
  gboolean body = FALSE, paragraph = FALSE;

  last = g_strdup (cut != NULL ? cut + 3 : section != NULL ? section : "");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = NULL;
      g_autoptr (GString) plain = g_string_new (NULL);
      const char *text = g_strstrip (lines[i]);

      while (*text == '#')
        text++;
      for (const char *p = text; *p != '\0'; p++)
        if (!(p[0] == '*' && p[1] == '*') && !(p > text && p[-1] == '*' && p[0] == '*'))
          g_string_append_c (plain, *p);
      line = g_strstrip (g_strdup (plain->str));
      if (g_str_has_prefix (line, "- "))
        {
          char *bullet = g_strconcat ("• ", line + 2, NULL);

          g_free (line);
          line = bullet;
        }
      /* Leading lines that only repeat the section's title. */
      if (!body && (*line == '\0' || g_str_equal (line, last)))
        continue;
      body = TRUE;
      if (*line == '\0')
        {
          paragraph = TRUE;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, paragraph ? "\n\n" : "\n");
      paragraph = FALSE;
      g_string_append (out, line);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

void
vigil_report_add_recommendations (Build *b, GHashTable *by_standard)
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
      g_autofree char *figure = vigil_report_of (b, w->failures, w->observed);
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
          g_autofree char *raw = vigil_catalogue_get_source_excerpt (data->catalogue, source, NULL);
          g_autofree char *where = vigil_catalogue_describe_source (data->catalogue, source);
          g_autofree char *excerpt = NULL;

          if (raw == NULL)
            continue;
          excerpt = clean_excerpt (raw, source->section);
          if (*excerpt == '\0')
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

void
vigil_report_add_annex (Build *b, GHashTable *by_standard)
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
