/* vigil-report-doc-private.h: building a report document
 *
 * Only the anonymizer (and tests) include this. A renderer gets the
 * finished document through vigil-report-doc.h and cannot add to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-report-doc.h"

G_BEGIN_DECLS

VigilReportDoc   *vigil_report_doc_new                (void);

void              vigil_report_doc_set_title          (VigilReportDoc   *self,
                                                       const char       *title);
void              vigil_report_doc_set_subject        (VigilReportDoc   *self,
                                                       const char       *subject);
void              vigil_report_doc_set_programme      (VigilReportDoc   *self,
                                                       const char       *programme);
void              vigil_report_doc_set_period         (VigilReportDoc   *self,
                                                       const char       *period);
void              vigil_report_doc_set_anonymized_statement (VigilReportDoc *self,
                                                       const char       *statement);
void              vigil_report_doc_set_paper          (VigilReportDoc   *self,
                                                       VigilReportPaper  paper);
void              vigil_report_doc_set_has_title_page (VigilReportDoc   *self,
                                                       gboolean          has_title_page);
/* For a paragraph written before its figures are known (how many cells
 * were suppressed), and for tests that plant text after anonymization. */
void              vigil_report_block_set_text         (VigilReportBlock *block,
                                                       const char       *text);

/* Each returns the block it appended, owned by the document. */
VigilReportBlock *vigil_report_doc_add_heading        (VigilReportDoc   *self,
                                                       guint             level,
                                                       const char       *text);
VigilReportBlock *vigil_report_doc_add_paragraph      (VigilReportDoc   *self,
                                                       const char       *text);
/* @figure is the figure written out ("7 of 23"); @total is 0 for a plain
 * count. */
VigilReportBlock *vigil_report_doc_add_finding        (VigilReportDoc   *self,
                                                       const char       *sentence,
                                                       const char       *figure,
                                                       gint64            value,
                                                       gint64            total);
VigilReportBlock *vigil_report_doc_add_quotation      (VigilReportDoc   *self,
                                                       const char       *text,
                                                       const char       *standard_code,
                                                       const char       *standard_title,
                                                       const char       *attribution);
/* @headers has @n_columns entries; @aligns is NULL (all text) or has
 * @n_columns entries. Rows are added with vigil_report_table_add_row(). */
VigilReportBlock *vigil_report_doc_add_table          (VigilReportDoc   *self,
                                                       const char       *caption,
                                                       guint             n_columns,
                                                       const char *const *headers,
                                                       const VigilReportAlign *aligns);
/* @cells has as many entries as the table has columns (NULL ones are ""). */
void              vigil_report_table_add_row          (VigilReportBlock *table,
                                                       const char *const *cells);
/* @categories is NULL-terminated. Series are added with
 * vigil_report_chart_add_series(). */
VigilReportBlock *vigil_report_doc_add_chart          (VigilReportDoc   *self,
                                                       VigilReportChartKind kind,
                                                       const char       *title,
                                                       const char       *unit,
                                                       const char *const *categories);
/* @values has one entry per category; @suppressed is NULL (none) or has one
 * entry per category. */
void              vigil_report_chart_add_series       (VigilReportBlock *chart,
                                                       const char       *name,
                                                       const gint64     *values,
                                                       const gboolean   *suppressed);
VigilReportBlock *vigil_report_doc_add_page_break     (VigilReportDoc   *self);

G_END_DECLS
