/* vigil-report-doc.h: an anonymized report, as every renderer reads it
 *
 * The PDF, ODT, CSV and JSON writers are handed this document and nothing
 * else: no store, no record, no vault. Its text has already been through
 * the anonymizer, which is the only code that can build one (the functions
 * that add blocks are in vigil-report-doc-private.h), so a renderer has no
 * way to put an identity into a report, only to lay out what it is given.
 *
 * A document is a list of blocks in reading order, plus a few properties
 * for the title page and the file's metadata. Everything here is
 * read-only; strings and blocks belong to the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_REPORT_BLOCK_HEADING,     /* level 1-3 and text; the outline */
  VIGIL_REPORT_BLOCK_PARAGRAPH,   /* text */
  VIGIL_REPORT_BLOCK_FINDING,     /* a key finding: text and its figure */
  VIGIL_REPORT_BLOCK_QUOTATION,   /* a scrubbed note, with its standard */
  VIGIL_REPORT_BLOCK_TABLE,       /* headers, rows of cells, a caption */
  VIGIL_REPORT_BLOCK_CHART,       /* a chart drawn from gint64 values */
  VIGIL_REPORT_BLOCK_PAGE_BREAK,  /* the next block starts a new page */
} VigilReportBlockKind;

typedef enum
{
  VIGIL_REPORT_CHART_STACKED_BARS, /* one bar per category, series stacked */
  VIGIL_REPORT_CHART_BARS,         /* bars side by side per category */
  VIGIL_REPORT_CHART_LINE,         /* one line per series across categories */
} VigilReportChartKind;

typedef enum
{
  VIGIL_REPORT_PAPER_A4,
  VIGIL_REPORT_PAPER_LETTER,
} VigilReportPaper;

typedef enum
{
  VIGIL_REPORT_ALIGN_TEXT,    /* start-aligned */
  VIGIL_REPORT_ALIGN_NUMERIC, /* end-aligned, figures line up */
} VigilReportAlign;

/* One block of a document; owned by it. */
typedef struct _VigilReportBlock VigilReportBlock;

#define VIGIL_TYPE_REPORT_DOC (vigil_report_doc_get_type ())
G_DECLARE_FINAL_TYPE (VigilReportDoc, vigil_report_doc, VIGIL, REPORT_DOC, GObject)

/* Document properties. Strings are never NULL (at worst ""). */

/* The report's title: the title page, the PDF's and ODT's metadata. */
const char             *vigil_report_doc_get_title           (VigilReportDoc *self);
/* One line on what it covers, for the metadata's subject. */
const char             *vigil_report_doc_get_subject         (VigilReportDoc *self);
/* The monitoring programme that publishes it (Preferences). */
const char             *vigil_report_doc_get_programme       (VigilReportDoc *self);
/* The period covered, already written out ("January 2023 – June 2024"). */
const char             *vigil_report_doc_get_period          (VigilReportDoc *self);
/* The title page's statement of how the report was anonymized. */
const char             *vigil_report_doc_get_anonymized_statement (VigilReportDoc *self);
VigilReportPaper        vigil_report_doc_get_paper           (VigilReportDoc *self);
/* Whether the report opens with a title page (programme, title, period,
 * statement); without one, the statement is the first paragraph. */
gboolean                vigil_report_doc_get_has_title_page  (VigilReportDoc *self);

/* Blocks, in reading order. */
guint                   vigil_report_doc_get_n_blocks        (VigilReportDoc *self);
const VigilReportBlock *vigil_report_doc_get_block           (VigilReportDoc *self,
                                                              guint           index);

VigilReportBlockKind    vigil_report_block_get_kind          (const VigilReportBlock *block);
/* The text of a heading, a paragraph, a finding's sentence, a quotation,
 * a table's caption or a chart's title; "" for a page break. */
const char             *vigil_report_block_get_text          (const VigilReportBlock *block);

/* Heading: 1 (a section), 2 or 3. */
guint                   vigil_report_block_get_level         (const VigilReportBlock *block);

/* Finding: the figure the sentence rests on, written out ("7 of 23"), its
 * count and what it is counted out of (0 when it is a plain count). */
const char             *vigil_report_block_get_figure        (const VigilReportBlock *block);
gint64                  vigil_report_block_get_figure_value  (const VigilReportBlock *block);
gint64                  vigil_report_block_get_figure_total  (const VigilReportBlock *block);

/* Quotation: the standard the note was recorded against (code and title)
 * and where it comes from, in the report's own terms ("Case B, hearing of
 * March 2024"); each may be "". */
const char             *vigil_report_block_get_standard_code (const VigilReportBlock *block);
const char             *vigil_report_block_get_standard_title (const VigilReportBlock *block);
const char             *vigil_report_block_get_attribution   (const VigilReportBlock *block);

/* Table (its caption is vigil_report_block_get_text()). */
guint                   vigil_report_block_get_n_columns     (const VigilReportBlock *block);
const char             *vigil_report_block_get_column_header (const VigilReportBlock *block,
                                                              guint                   column);
VigilReportAlign        vigil_report_block_get_column_align  (const VigilReportBlock *block,
                                                              guint                   column);
guint                   vigil_report_block_get_n_rows        (const VigilReportBlock *block);
/* A cell's text; a suppressed figure is already written as the anonymizer
 * chose ("< 3"), so a renderer needs no rule of its own. */
const char             *vigil_report_block_get_cell          (const VigilReportBlock *block,
                                                              guint                   row,
                                                              guint                   column);

/* Chart (its title is vigil_report_block_get_text()). Values are
 * indexed [series][category]; a suppressed value is 0 and flagged. */
VigilReportChartKind    vigil_report_block_get_chart_kind    (const VigilReportBlock *block);
/* What the values count ("hearings", "cases"), for the value axis. */
const char             *vigil_report_block_get_unit          (const VigilReportBlock *block);
guint                   vigil_report_block_get_n_categories  (const VigilReportBlock *block);
const char             *vigil_report_block_get_category      (const VigilReportBlock *block,
                                                              guint                   category);
guint                   vigil_report_block_get_n_series      (const VigilReportBlock *block);
const char             *vigil_report_block_get_series        (const VigilReportBlock *block,
                                                              guint                   series);
gint64                  vigil_report_block_get_value         (const VigilReportBlock *block,
                                                              guint                   series,
                                                              guint                   category);
gboolean                vigil_report_block_is_value_suppressed (const VigilReportBlock *block,
                                                              guint                   series,
                                                              guint                   category);

G_END_DECLS
