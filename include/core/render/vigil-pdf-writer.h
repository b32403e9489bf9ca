/* vigil-pdf-writer.h: typesetting a report into a PDF with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_PAPER_A4,
  VIGIL_PAPER_LETTER,
} VigilPaper;

typedef enum
{
  VIGIL_CHART_STACKED_BARS,
  VIGIL_CHART_BARS,
  VIGIL_CHART_LINES,
} VigilChartKind;

/* A chart's figures: @values holds n_series rows of n_categories values
 * (row-major). Counts, or shares in percent for a trend. */
typedef struct
{
  VigilChartKind      kind;
  const char         *title;
  const char         *caption;
  guint               n_categories;
  const char *const  *categories;
  guint               n_series;
  const char *const  *series;
  const double       *values;
  /* The value axis ends here when > 0 (100 for shares). */
  double              max_value;
} VigilChart;

typedef struct _VigilPdfWriter VigilPdfWriter;

/* A new document in memory. @title and @subject go into the PDF's
 * metadata and must hold nothing that names a person, a computer or a
 * file; @running_header heads every page after the first. */
VigilPdfWriter *vigil_pdf_writer_new         (VigilPaper             paper,
                                              const char            *title,
                                              const char            *subject,
                                              const char            *running_header);
/* A title page of its own: the programme, the title, the period and a
 * statement, followed by a new page. */
void            vigil_pdf_writer_title_page  (VigilPdfWriter        *self,
                                              const char            *programme,
                                              const char            *title,
                                              const char            *period,
                                              const char            *statement);
/* Without a title page: the programme, the title and the period at the
 * head of the first page, which the first section then shares. */
void            vigil_pdf_writer_masthead    (VigilPdfWriter        *self,
                                              const char            *programme,
                                              const char            *title,
                                              const char            *period);
/* A heading of @level 1 (a section, which starts a new page), 2 or 3; levels 1
 * and 2 are entries of the document's outline. */
void            vigil_pdf_writer_heading     (VigilPdfWriter        *self,
                                              guint                  level,
                                              const char            *text);
/* A paragraph of plain text (not markup), broken across pages as needed. */
void            vigil_pdf_writer_paragraph   (VigilPdfWriter        *self,
                                              const char            *text);
/* A paragraph set off as a quotation, or as a list item when @bullet. */
void            vigil_pdf_writer_quote       (VigilPdfWriter        *self,
                                              const char            *text);
void            vigil_pdf_writer_bullet      (VigilPdfWriter        *self,
                                              const char            *text);
/* A key finding: its figure set large beside the sentence it supports. */
void            vigil_pdf_writer_finding     (VigilPdfWriter        *self,
                                              const char            *figure,
                                              const char            *text);
/* A short line in small type under a block (a source, a caption). */
void            vigil_pdf_writer_note        (VigilPdfWriter        *self,
                                              const char            *text);
/* A table of @n_columns: @header, then each row of @rows (a GPtrArray of
 * string arrays of @n_columns). @widths are shares of the text width that
 * sum to 1, or NULL for equal columns. Columns whose @numeric entry is TRUE
 * are set right-aligned (@numeric may be NULL). Rows never split; a table
 * that goes on to another page repeats its header row there. */
void            vigil_pdf_writer_table       (VigilPdfWriter        *self,
                                              guint                  n_columns,
                                              const char *const     *header,
                                              GPtrArray             *rows,
                                              const double          *widths,
                                              const gboolean        *numeric);
/* A chart drawn as vectors, with its legend and caption. */
void            vigil_pdf_writer_chart       (VigilPdfWriter        *self,
                                              const VigilChart      *chart);
/* Starts a new page unless @points of height are left on this one: a
 * heading keeps the chart or table it introduces with it. */
void            vigil_pdf_writer_keep_space  (VigilPdfWriter        *self,
                                              double                 points);
/* The height @chart will take, with its title, legend and caption. */
double          vigil_pdf_writer_chart_height (const VigilChart     *chart);
/* Ends the current page; the next block starts a new one. */
void            vigil_pdf_writer_page_break  (VigilPdfWriter        *self);
/* The page the next block goes on, counting from 1. */
guint           vigil_pdf_writer_get_page    (VigilPdfWriter        *self);
/* Ends the document: its bytes, or NULL with VIGIL_ERROR_IO. The writer
 * is freed either way. */
GBytes         *vigil_pdf_writer_finish      (VigilPdfWriter        *self,
                                              GError               **error);
void            vigil_pdf_writer_free        (VigilPdfWriter        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPdfWriter, vigil_pdf_writer_free)

G_END_DECLS
