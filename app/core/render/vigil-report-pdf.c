/* vigil-report-pdf.c: a report document typeset as a PDF
 *
 * Walks the anonymized document block by block and hands each to the
 * typesetter. Nothing here decides what a report says: the document
 * already holds every word and figure, suppressed cells written out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-pdf-writer.h"
#include "vigil-report-render-private.h"

static void
render_table (VigilPdfWriter *writer, const VigilReportBlock *block)
{
  guint n_columns = vigil_report_block_get_n_columns (block);
  guint n_rows = vigil_report_block_get_n_rows (block);
  g_autofree const char **header = g_new0 (const char *, n_columns + 1);
  g_autofree gboolean *numeric = g_new0 (gboolean, n_columns);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (n_columns == 0)
    return;
  for (guint c = 0; c < n_columns; c++)
    {
      header[c] = vigil_report_block_get_column_header (block, c);
      numeric[c] = vigil_report_block_get_column_align (block, c) == VIGIL_REPORT_ALIGN_NUMERIC;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      const char **row = g_new0 (const char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        row[c] = vigil_report_block_get_cell (block, r, c);
      g_ptr_array_add (rows, row);
    }
  vigil_pdf_writer_table (writer, n_columns, header, rows, NULL, numeric);
  if (*vigil_report_block_get_text (block) != '\0')
    vigil_pdf_writer_note (writer, vigil_report_block_get_text (block));
}

static VigilChartKind
chart_kind (const VigilReportBlock *block)
{
  switch (vigil_report_block_get_chart_kind (block))
    {
    case VIGIL_REPORT_CHART_STACKED_BARS:
      return VIGIL_CHART_STACKED_BARS;
    case VIGIL_REPORT_CHART_BARS:
      return VIGIL_CHART_BARS;
    case VIGIL_REPORT_CHART_LINE:
    default:
      return VIGIL_CHART_LINES;
    }
}

static void
render_chart (VigilPdfWriter *writer, const VigilReportBlock *block)
{
  guint n_categories = vigil_report_block_get_n_categories (block);
  guint n_series = vigil_report_block_get_n_series (block);
  g_autofree const char **categories = g_new0 (const char *, n_categories + 1);
  g_autofree const char **series = g_new0 (const char *, n_series + 1);
  g_autofree double *values = g_new0 (double, (gsize) n_categories * n_series + 1);
  g_autofree char *caption = NULL;
  gboolean suppressed = FALSE;
  VigilChart chart = { 0 };

  if (n_categories == 0 || n_series == 0)
    return;
  for (guint c = 0; c < n_categories; c++)
    categories[c] = vigil_report_block_get_category (block, c);
  for (guint s = 0; s < n_series; s++)
    {
      series[s] = vigil_report_block_get_series (block, s);
      for (guint c = 0; c < n_categories; c++)
        {
          values[s * n_categories + c] = (double) vigil_report_block_get_value (block, s, c);
          suppressed |= vigil_report_block_is_value_suppressed (block, s, c);
        }
    }
  chart.kind = chart_kind (block);
  /* Translators: under a chart: what its values count ("hearings"). */
  caption = g_strdup_printf (_("Counted: %s."), vigil_report_block_get_unit (block));
  if (suppressed)
    {
      g_autofree char *more = g_strdup_printf (
          "%s %s", caption,
          _("Figures counting too few to be shown without identifying anyone are left out of "
            "the bars."));

      g_free (caption);
      caption = g_steal_pointer (&more);
    }
  chart.title = vigil_report_block_get_text (block);
  chart.caption = *vigil_report_block_get_unit (block) != '\0' || suppressed ? caption : NULL;
  chart.n_categories = n_categories;
  chart.categories = categories;
  chart.n_series = n_series;
  chart.series = series;
  chart.values = values;
  vigil_pdf_writer_chart (writer, &chart);
}

static void
render_quotation (VigilPdfWriter *writer, const VigilReportBlock *block)
{
  const char *code = vigil_report_block_get_standard_code (block);
  const char *title = vigil_report_block_get_standard_title (block);
  const char *attribution = vigil_report_block_get_attribution (block);
  g_autoptr (GString) source = g_string_new (NULL);

  vigil_pdf_writer_quote (writer, vigil_report_block_get_text (block));
  /* The title says what the standard is; its code only when it has none. */
  if (*title != '\0')
    g_string_append (source, title);
  else
    g_string_append (source, code);
  if (*attribution != '\0')
    g_string_append_printf (source, "%s%s", source->len > 0 ? " · " : "", attribution);
  if (source->len > 0)
    vigil_pdf_writer_note (writer, source->str);
}

/* A heading never ends a page: it goes on with the start of what it
 * introduces, a chart whole. */
static void
keep_with_next (VigilPdfWriter *writer, const VigilReportBlock *heading,
                const VigilReportBlock *next)
{
  const double heading_height = 60;

  if (vigil_report_block_get_kind (heading) != VIGIL_REPORT_BLOCK_HEADING || next == NULL
      || vigil_report_block_get_level (heading) == 1)
    return;
  if (vigil_report_block_get_kind (next) == VIGIL_REPORT_BLOCK_CHART)
    {
      VigilChart size = { 0 };

      size.kind = chart_kind (next);
      size.n_categories = vigil_report_block_get_n_categories (next);
      size.n_series = vigil_report_block_get_n_series (next);
      size.title = "";
      vigil_pdf_writer_keep_space (writer, heading_height + vigil_pdf_writer_chart_height (&size));
    }
  else if (vigil_report_block_get_kind (next) == VIGIL_REPORT_BLOCK_TABLE)
    vigil_pdf_writer_keep_space (writer, heading_height + 90);
}

static void
render_block (VigilPdfWriter *writer, const VigilReportBlock *block)
{
  switch (vigil_report_block_get_kind (block))
    {
    case VIGIL_REPORT_BLOCK_HEADING:
      vigil_pdf_writer_heading (writer, CLAMP (vigil_report_block_get_level (block), 1, 3),
                                vigil_report_block_get_text (block));
      break;
    case VIGIL_REPORT_BLOCK_PARAGRAPH:
      vigil_pdf_writer_paragraph (writer, vigil_report_block_get_text (block));
      break;
    case VIGIL_REPORT_BLOCK_FINDING:
      vigil_pdf_writer_finding (writer, vigil_report_block_get_figure (block),
                                vigil_report_block_get_text (block));
      break;
    case VIGIL_REPORT_BLOCK_QUOTATION:
      render_quotation (writer, block);
      break;
    case VIGIL_REPORT_BLOCK_TABLE:
      render_table (writer, block);
      break;
    case VIGIL_REPORT_BLOCK_CHART:
      render_chart (writer, block);
      break;
    case VIGIL_REPORT_BLOCK_PAGE_BREAK:
      vigil_pdf_writer_page_break (writer);
      break;
    default:
      break;
    }
}

/* public API */

/**
 * vigil_report_render_pdf:
 *
 * Returns: (transfer full): the PDF's bytes, or NULL with
 *   G_IO_ERROR_CANCELLED or VIGIL_ERROR_IO
 */
GBytes *
vigil_report_render_pdf (VigilReportDoc *doc,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr (VigilPdfWriter) writer = NULL;
  g_autofree char *running = NULL;
  const char *programme;
  const char *title;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = vigil_report_doc_get_programme (doc);
  if (*programme == '\0')
    programme = _(VIGIL_REPORT_DEFAULT_PROGRAMME);
  title = vigil_report_doc_get_title (doc);
  running = g_strdup_printf ("%s · %s", programme, title);
  writer = vigil_pdf_writer_new (vigil_report_doc_get_paper (doc) == VIGIL_REPORT_PAPER_LETTER
                                 ? VIGIL_PAPER_LETTER : VIGIL_PAPER_A4,
                                 title, vigil_report_doc_get_subject (doc), running);
  if (vigil_report_doc_get_has_title_page (doc))
    vigil_pdf_writer_title_page (writer, programme, title, vigil_report_doc_get_period (doc),
                                 vigil_report_doc_get_anonymized_statement (doc));
  else
    vigil_pdf_writer_masthead (writer, programme, title, vigil_report_doc_get_period (doc));
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const char *planted = vigil_report_render_get_test_plant (i);

      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      keep_with_next (writer, block, i + 1 < vigil_report_doc_get_n_blocks (doc)
                                     ? vigil_report_doc_get_block (doc, i + 1) : NULL);
      render_block (writer, block);
      if (planted != NULL)
        vigil_pdf_writer_paragraph (writer, planted);
    }
  return vigil_pdf_writer_finish (g_steal_pointer (&writer), error);
}
