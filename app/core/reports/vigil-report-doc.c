/* vigil-report-doc.c: an anonymized report, as every renderer reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report-doc"

#include "config.h"

#include "vigil-report-doc-private.h"

struct _VigilReportBlock
{
  VigilReportBlockKind kind;
  char                *text;

  /* heading */
  guint                level;

  /* finding */
  char                *figure;
  gint64               figure_value;
  gint64               figure_total;

  /* quotation */
  char                *standard_code;
  char                *standard_title;
  char                *attribution;

  /* table: headers and aligns per column; rows of n_columns strings */
  guint                n_columns;
  GStrv                headers;
  VigilReportAlign    *aligns;
  GPtrArray           *rows;        /* of GStrv */

  /* chart */
  VigilReportChartKind chart_kind;
  char                *unit;
  GStrv                categories;
  GPtrArray           *series;      /* of char * */
  GPtrArray           *values;      /* of gint64[n_categories] */
  GPtrArray           *suppressed;  /* of gboolean[n_categories] */
};

struct _VigilReportDoc
{
  GObject          parent_instance;

  char            *title;
  char            *subject;
  char            *programme;
  char            *period;
  char            *anonymized_statement;
  VigilReportPaper paper;
  gboolean         has_title_page;

  GPtrArray       *blocks;
};

G_DEFINE_FINAL_TYPE (VigilReportDoc, vigil_report_doc, G_TYPE_OBJECT)

/* private helpers */

static void
report_block_free (gpointer data)
{
  VigilReportBlock *block = data;

  g_free (block->text);
  g_free (block->figure);
  g_free (block->standard_code);
  g_free (block->standard_title);
  g_free (block->attribution);
  g_strfreev (block->headers);
  g_free (block->aligns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->unit);
  g_strfreev (block->categories);
  g_clear_pointer (&block->series, g_ptr_array_unref);
  g_clear_pointer (&block->values, g_ptr_array_unref);
  g_clear_pointer (&block->suppressed, g_ptr_array_unref);
  g_free (block);
}

static VigilReportBlock *
append_block (VigilReportDoc       *self,
              VigilReportBlockKind  kind,
              const char           *text)
{
  VigilReportBlock *block = g_new0 (VigilReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* GObject overrides */

static void
vigil_report_doc_finalize (GObject *object)
{
  VigilReportDoc *self = VIGIL_REPORT_DOC (object);

  g_free (self->title);
  g_free (self->subject);
  g_free (self->programme);
  g_free (self->period);
  g_free (self->anonymized_statement);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (vigil_report_doc_parent_class)->finalize (object);
}

static void
vigil_report_doc_class_init (VigilReportDocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_report_doc_finalize;
}

static void
vigil_report_doc_init (VigilReportDoc *self)
{
  self->title = g_strdup ("");
  self->subject = g_strdup ("");
  self->programme = g_strdup ("");
  self->period = g_strdup ("");
  self->anonymized_statement = g_strdup ("");
  self->paper = VIGIL_REPORT_PAPER_A4;
  self->has_title_page = TRUE;
  self->blocks = g_ptr_array_new_with_free_func (report_block_free);
}

/* building (vigil-report-doc-private.h) */

VigilReportDoc *
vigil_report_doc_new (void)
{
  return g_object_new (VIGIL_TYPE_REPORT_DOC, NULL);
}

void
vigil_report_doc_set_title (VigilReportDoc *self,
                            const char     *title)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  replace_string (&self->title, title);
}

void
vigil_report_doc_set_subject (VigilReportDoc *self,
                              const char     *subject)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  replace_string (&self->subject, subject);
}

void
vigil_report_doc_set_programme (VigilReportDoc *self,
                                const char     *programme)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  replace_string (&self->programme, programme);
}

void
vigil_report_doc_set_period (VigilReportDoc *self,
                             const char     *period)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  replace_string (&self->period, period);
}

void
vigil_report_doc_set_anonymized_statement (VigilReportDoc *self,
                                           const char     *statement)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  replace_string (&self->anonymized_statement, statement);
}

void
vigil_report_doc_set_paper (VigilReportDoc   *self,
                            VigilReportPaper  paper)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  g_return_if_fail (paper == VIGIL_REPORT_PAPER_A4 || paper == VIGIL_REPORT_PAPER_LETTER);
  self->paper = paper;
}

void
vigil_report_doc_set_has_title_page (VigilReportDoc *self,
                                     gboolean        has_title_page)
{
  g_return_if_fail (VIGIL_IS_REPORT_DOC (self));
  self->has_title_page = !!has_title_page;
}

void
vigil_report_block_set_text (VigilReportBlock *block,
                             const char       *text)
{
  g_return_if_fail (block != NULL);
  replace_string (&block->text, text);
}

VigilReportBlock *
vigil_report_doc_add_heading (VigilReportDoc *self,
                              guint           level,
                              const char     *text)
{
  VigilReportBlock *block;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= 3, NULL);

  block = append_block (self, VIGIL_REPORT_BLOCK_HEADING, text);
  block->level = level;
  return block;
}

VigilReportBlock *
vigil_report_doc_add_paragraph (VigilReportDoc *self,
                                const char     *text)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  return append_block (self, VIGIL_REPORT_BLOCK_PARAGRAPH, text);
}

VigilReportBlock *
vigil_report_doc_add_finding (VigilReportDoc *self,
                              const char     *sentence,
                              const char     *figure,
                              gint64          value,
                              gint64          total)
{
  VigilReportBlock *block;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);

  block = append_block (self, VIGIL_REPORT_BLOCK_FINDING, sentence);
  block->figure = g_strdup (or_empty (figure));
  block->figure_value = value;
  block->figure_total = total;
  return block;
}

VigilReportBlock *
vigil_report_doc_add_quotation (VigilReportDoc *self,
                                const char     *text,
                                const char     *standard_code,
                                const char     *standard_title,
                                const char     *attribution)
{
  VigilReportBlock *block;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);

  block = append_block (self, VIGIL_REPORT_BLOCK_QUOTATION, text);
  block->standard_code = g_strdup (or_empty (standard_code));
  block->standard_title = g_strdup (or_empty (standard_title));
  block->attribution = g_strdup (or_empty (attribution));
  return block;
}

VigilReportBlock *
vigil_report_doc_add_table (VigilReportDoc          *self,
                            const char              *caption,
                            guint                    n_columns,
                            const char *const       *headers,
                            const VigilReportAlign  *aligns)
{
  VigilReportBlock *block;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  block = append_block (self, VIGIL_REPORT_BLOCK_TABLE, caption);
  block->n_columns = n_columns;
  block->headers = g_new0 (char *, n_columns + 1);
  block->aligns = g_new0 (VigilReportAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      block->headers[i] = g_strdup (or_empty (headers[i]));
      block->aligns[i] = aligns != NULL ? aligns[i] : VIGIL_REPORT_ALIGN_TEXT;
    }
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block;
}

void
vigil_report_table_add_row (VigilReportBlock  *table,
                            const char *const *cells)
{
  char **row;

  g_return_if_fail (table != NULL && table->kind == VIGIL_REPORT_BLOCK_TABLE);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (or_empty (cells[i]));
  g_ptr_array_add (table->rows, row);
}

VigilReportBlock *
vigil_report_doc_add_chart (VigilReportDoc       *self,
                            VigilReportChartKind  kind,
                            const char           *title,
                            const char           *unit,
                            const char *const    *categories)
{
  VigilReportBlock *block;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (kind <= VIGIL_REPORT_CHART_LINE, NULL);
  g_return_val_if_fail (categories != NULL, NULL);

  block = append_block (self, VIGIL_REPORT_BLOCK_CHART, title);
  block->chart_kind = kind;
  block->unit = g_strdup (or_empty (unit));
  block->categories = g_strdupv ((char **) categories);
  block->series = g_ptr_array_new_with_free_func (g_free);
  block->values = g_ptr_array_new_with_free_func (g_free);
  block->suppressed = g_ptr_array_new_with_free_func (g_free);
  return block;
}

void
vigil_report_chart_add_series (VigilReportBlock *chart,
                               const char       *name,
                               const gint64     *values,
                               const gboolean   *suppressed)
{
  guint n;
  gint64 *copy;
  gboolean *flags;

  g_return_if_fail (chart != NULL && chart->kind == VIGIL_REPORT_BLOCK_CHART);
  g_return_if_fail (values != NULL);

  n = g_strv_length (chart->categories);
  copy = g_new0 (gint64, MAX (n, 1));
  flags = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      flags[i] = suppressed != NULL && suppressed[i];
      /* A suppressed figure is not carried at all, so that no renderer
       * can show it by mistake. */
      copy[i] = flags[i] ? 0 : values[i];
    }
  g_ptr_array_add (chart->series, g_strdup (or_empty (name)));
  g_ptr_array_add (chart->values, copy);
  g_ptr_array_add (chart->suppressed, flags);
}

VigilReportBlock *
vigil_report_doc_add_page_break (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  return append_block (self, VIGIL_REPORT_BLOCK_PAGE_BREAK, NULL);
}

/* public API */

const char *
vigil_report_doc_get_title (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), "");
  return self->title;
}

const char *
vigil_report_doc_get_subject (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), "");
  return self->subject;
}

const char *
vigil_report_doc_get_programme (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), "");
  return self->programme;
}

const char *
vigil_report_doc_get_period (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), "");
  return self->period;
}

const char *
vigil_report_doc_get_anonymized_statement (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), "");
  return self->anonymized_statement;
}

VigilReportPaper
vigil_report_doc_get_paper (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), VIGIL_REPORT_PAPER_A4);
  return self->paper;
}

gboolean
vigil_report_doc_get_has_title_page (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), TRUE);
  return self->has_title_page;
}

guint
vigil_report_doc_get_n_blocks (VigilReportDoc *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), 0);
  return self->blocks->len;
}

const VigilReportBlock *
vigil_report_doc_get_block (VigilReportDoc *self,
                            guint           index)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

VigilReportBlockKind
vigil_report_block_get_kind (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL, VIGIL_REPORT_BLOCK_PARAGRAPH);
  return block->kind;
}

const char *
vigil_report_block_get_text (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL, "");
  return block->text;
}

guint
vigil_report_block_get_level (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_HEADING, 1);
  return block->level;
}

const char *
vigil_report_block_get_figure (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_FINDING, "");
  return block->figure;
}

gint64
vigil_report_block_get_figure_value (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_FINDING, 0);
  return block->figure_value;
}

gint64
vigil_report_block_get_figure_total (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_FINDING, 0);
  return block->figure_total;
}

const char *
vigil_report_block_get_standard_code (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_QUOTATION, "");
  return block->standard_code;
}

const char *
vigil_report_block_get_standard_title (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_QUOTATION, "");
  return block->standard_title;
}

const char *
vigil_report_block_get_attribution (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_QUOTATION, "");
  return block->attribution;
}

guint
vigil_report_block_get_n_columns (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_TABLE, 0);
  return block->n_columns;
}

const char *
vigil_report_block_get_column_header (const VigilReportBlock *block,
                                      guint                   column)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_TABLE, "");
  g_return_val_if_fail (column < block->n_columns, "");
  return block->headers[column];
}

VigilReportAlign
vigil_report_block_get_column_align (const VigilReportBlock *block,
                                     guint                   column)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_TABLE,
                        VIGIL_REPORT_ALIGN_TEXT);
  g_return_val_if_fail (column < block->n_columns, VIGIL_REPORT_ALIGN_TEXT);
  return block->aligns[column];
}

guint
vigil_report_block_get_n_rows (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_TABLE, 0);
  return block->rows->len;
}

const char *
vigil_report_block_get_cell (const VigilReportBlock *block,
                             guint                   row,
                             guint                   column)
{
  char **cells;

  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_TABLE, "");
  g_return_val_if_fail (row < block->rows->len, "");
  g_return_val_if_fail (column < block->n_columns, "");

  cells = g_ptr_array_index (block->rows, row);
  return cells[column];
}

VigilReportChartKind
vigil_report_block_get_chart_kind (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART,
                        VIGIL_REPORT_CHART_BARS);
  return block->chart_kind;
}

const char *
vigil_report_block_get_unit (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, "");
  return block->unit;
}

guint
vigil_report_block_get_n_categories (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, 0);
  return g_strv_length (block->categories);
}

const char *
vigil_report_block_get_category (const VigilReportBlock *block,
                                 guint                   category)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, "");
  g_return_val_if_fail (category < g_strv_length (block->categories), "");
  return block->categories[category];
}

guint
vigil_report_block_get_n_series (const VigilReportBlock *block)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, 0);
  return block->series->len;
}

const char *
vigil_report_block_get_series (const VigilReportBlock *block,
                               guint                   series)
{
  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, "");
  g_return_val_if_fail (series < block->series->len, "");
  return g_ptr_array_index (block->series, series);
}

gint64
vigil_report_block_get_value (const VigilReportBlock *block,
                              guint                   series,
                              guint                   category)
{
  const gint64 *values;

  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, 0);
  g_return_val_if_fail (series < block->values->len, 0);
  g_return_val_if_fail (category < g_strv_length (block->categories), 0);

  values = g_ptr_array_index (block->values, series);
  return values[category];
}

gboolean
vigil_report_block_is_value_suppressed (const VigilReportBlock *block,
                                        guint                   series,
                                        guint                   category)
{
  const gboolean *flags;

  g_return_val_if_fail (block != NULL && block->kind == VIGIL_REPORT_BLOCK_CHART, FALSE);
  g_return_val_if_fail (series < block->suppressed->len, FALSE);
  g_return_val_if_fail (category < g_strv_length (block->categories), FALSE);

  flags = g_ptr_array_index (block->suppressed, series);
  return flags[category];
}
