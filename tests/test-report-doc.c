/* test-report-doc.c: the report document every renderer reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-report-doc-private.h"

/* A document built block by block reads back the same, in order, with
 * its properties, so that a renderer can rely on every accessor. */
static void
test_report_doc_round_trip (void)
{
  g_autoptr(VigilReportDoc) doc = vigil_report_doc_new ();
  const char *headers[] = { "Standard", "Respected", "Not respected" };
  const VigilReportAlign aligns[] = {
    VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC, VIGIL_REPORT_ALIGN_NUMERIC,
  };
  const char *row1[] = { "P-01 Screen", "12", "< 3" };
  const char *row2[] = { "P-02 Interpreter", "4", NULL };
  const char *quarters[] = { "2024 Q1", "2024 Q2", NULL };
  const gint64 respected[] = { 5, 9 };
  const gint64 not_respected[] = { 2, 4 };
  const gboolean hidden[] = { TRUE, FALSE };
  VigilReportBlock *table;
  VigilReportBlock *chart;
  const VigilReportBlock *block;

  /* An empty document has its defaults and no blocks. */
  g_assert_cmpstr (vigil_report_doc_get_title (doc), ==, "");
  g_assert_cmpint (vigil_report_doc_get_paper (doc), ==, VIGIL_REPORT_PAPER_A4);
  g_assert_cmpuint (vigil_report_doc_get_n_blocks (doc), ==, 0);

  vigil_report_doc_set_title (doc, "Trial monitoring report");
  vigil_report_doc_set_subject (doc, "Victims' rights in trafficking trials");
  vigil_report_doc_set_programme (doc, "Court Watch Programme");
  vigil_report_doc_set_period (doc, "January 2024 – June 2024");
  vigil_report_doc_set_anonymized_statement (doc, "Persons appear by pseudonym only.");
  vigil_report_doc_set_paper (doc, VIGIL_REPORT_PAPER_LETTER);

  vigil_report_doc_add_heading (doc, 1, "Executive summary");
  vigil_report_doc_add_finding (doc, "In 7 of 23 hearings the defendant was present.",
                                "7 of 23", 7, 23);
  vigil_report_doc_add_paragraph (doc, "Наталья, V-01, testified.");
  vigil_report_doc_add_quotation (doc, "No screen was used.", "P-01", "Screen", "Case A, March 2024");
  table = vigil_report_doc_add_table (doc, "Compliance per standard", 3, headers, aligns);
  vigil_report_table_add_row (table, row1);
  vigil_report_table_add_row (table, row2);
  chart = vigil_report_doc_add_chart (doc, VIGIL_REPORT_CHART_STACKED_BARS,
                                      "Trend by quarter", "hearings", quarters);
  vigil_report_chart_add_series (chart, "Respected", respected, NULL);
  vigil_report_chart_add_series (chart, "Not respected", not_respected, hidden);
  vigil_report_doc_add_page_break (doc);
  vigil_report_doc_add_heading (doc, 3, "Annex");

  g_assert_cmpstr (vigil_report_doc_get_title (doc), ==, "Trial monitoring report");
  g_assert_cmpstr (vigil_report_doc_get_subject (doc), ==, "Victims' rights in trafficking trials");
  g_assert_cmpstr (vigil_report_doc_get_programme (doc), ==, "Court Watch Programme");
  g_assert_cmpstr (vigil_report_doc_get_period (doc), ==, "January 2024 – June 2024");
  g_assert_cmpstr (vigil_report_doc_get_anonymized_statement (doc), ==,
                   "Persons appear by pseudonym only.");
  g_assert_cmpint (vigil_report_doc_get_paper (doc), ==, VIGIL_REPORT_PAPER_LETTER);
  g_assert_cmpuint (vigil_report_doc_get_n_blocks (doc), ==, 8);

  block = vigil_report_doc_get_block (doc, 0);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_HEADING);
  g_assert_cmpuint (vigil_report_block_get_level (block), ==, 1);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "Executive summary");

  block = vigil_report_doc_get_block (doc, 1);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_FINDING);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==,
                   "In 7 of 23 hearings the defendant was present.");
  g_assert_cmpstr (vigil_report_block_get_figure (block), ==, "7 of 23");
  g_assert_cmpint (vigil_report_block_get_figure_value (block), ==, 7);
  g_assert_cmpint (vigil_report_block_get_figure_total (block), ==, 23);

  block = vigil_report_doc_get_block (doc, 2);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_PARAGRAPH);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "Наталья, V-01, testified.");

  block = vigil_report_doc_get_block (doc, 3);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_QUOTATION);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "No screen was used.");
  g_assert_cmpstr (vigil_report_block_get_standard_code (block), ==, "P-01");
  g_assert_cmpstr (vigil_report_block_get_standard_title (block), ==, "Screen");
  g_assert_cmpstr (vigil_report_block_get_attribution (block), ==, "Case A, March 2024");

  block = vigil_report_doc_get_block (doc, 4);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_TABLE);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "Compliance per standard");
  g_assert_cmpuint (vigil_report_block_get_n_columns (block), ==, 3);
  g_assert_cmpstr (vigil_report_block_get_column_header (block, 2), ==, "Not respected");
  g_assert_cmpint (vigil_report_block_get_column_align (block, 0), ==, VIGIL_REPORT_ALIGN_TEXT);
  g_assert_cmpint (vigil_report_block_get_column_align (block, 1), ==, VIGIL_REPORT_ALIGN_NUMERIC);
  g_assert_cmpuint (vigil_report_block_get_n_rows (block), ==, 2);
  g_assert_cmpstr (vigil_report_block_get_cell (block, 0, 2), ==, "< 3");
  g_assert_cmpstr (vigil_report_block_get_cell (block, 1, 0), ==, "P-02 Interpreter");
  g_assert_cmpstr (vigil_report_block_get_cell (block, 1, 2), ==, "");

  block = vigil_report_doc_get_block (doc, 5);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_CHART);
  g_assert_cmpint (vigil_report_block_get_chart_kind (block), ==, VIGIL_REPORT_CHART_STACKED_BARS);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "Trend by quarter");
  g_assert_cmpstr (vigil_report_block_get_unit (block), ==, "hearings");
  g_assert_cmpuint (vigil_report_block_get_n_categories (block), ==, 2);
  g_assert_cmpstr (vigil_report_block_get_category (block, 1), ==, "2024 Q2");
  g_assert_cmpuint (vigil_report_block_get_n_series (block), ==, 2);
  g_assert_cmpstr (vigil_report_block_get_series (block, 1), ==, "Not respected");
  g_assert_cmpint (vigil_report_block_get_value (block, 0, 1), ==, 9);
  g_assert_false (vigil_report_block_is_value_suppressed (block, 0, 0));
  /* A suppressed figure is not carried, only flagged. */
  g_assert_true (vigil_report_block_is_value_suppressed (block, 1, 0));
  g_assert_cmpint (vigil_report_block_get_value (block, 1, 0), ==, 0);
  g_assert_cmpint (vigil_report_block_get_value (block, 1, 1), ==, 4);

  block = vigil_report_doc_get_block (doc, 6);
  g_assert_cmpint (vigil_report_block_get_kind (block), ==, VIGIL_REPORT_BLOCK_PAGE_BREAK);
  g_assert_cmpstr (vigil_report_block_get_text (block), ==, "");

  block = vigil_report_doc_get_block (doc, 7);
  g_assert_cmpuint (vigil_report_block_get_level (block), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&doc));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-doc/round-trip", test_report_doc_round_trip);

  return g_test_run ();
}
