/* test-pdf-writer.c: the PDF typesetting of reports, read back with Poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-poppler.h"
#include <string.h>

#include "vigil-pdf-writer.h"
#include "vigil-test-util.h"

static GPtrArray *
long_table (guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("Standard %u: the victim is heard in a room apart from the "
                                "defendant", i + 1);
      row[1] = g_strdup_printf ("%u", (i * 7) % 23);
      row[2] = g_strdup_printf ("%u", (i * 3) % 11);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* A small document with what a report has: a title page, sections, a
 * table long enough for three pages, Cyrillic text, and charts. */
static GBytes *
sample_pdf (void)
{
  static const char *const header[] = { "Standard", "Respected", "Not respected" };
  static const double widths[] = { 0.6, 0.2, 0.2 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE };
  static const char *const categories[] = { "Protection of privacy", "Testimony",
                                            "Compensation", "Interpretation" };
  static const char *const series[] = { "Respected", "Partly", "Not respected",
                                        "Not observed" };
  static const double values[] = { 12, 9, 4, 7, 3, 5, 2, 1, 4, 6, 8, 2, 1, 0, 2, 3 };
  static const char *const quarters[] = { "2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4",
                                          "2024 Q1" };
  static const char *const share[] = { "Respected (%)" };
  static const double trend[] = { 41, 48, 52, 50, 63 };
  VigilChart bars = { VIGIL_CHART_STACKED_BARS, "Compliance by category", "Figure 1.",
                      4, categories, 4, series, values, 0 };
  VigilChart line = { VIGIL_CHART_LINES, "Standards respected, by quarter", NULL,
                      5, quarters, 1, share, trend, 100 };
  g_autoptr (VigilPdfWriter) writer = NULL;
  g_autoptr (GPtrArray) rows = long_table (90);
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  writer = vigil_pdf_writer_new (VIGIL_PAPER_A4, "Monitoring report 2023",
                                 "Anonymized trial monitoring report",
                                 "Monitoring report 2023 · anonymized");
  vigil_pdf_writer_title_page (writer, "Trial monitoring programme",
                               "Monitoring report 2023", "January 2023 – March 2024",
                               "This report is anonymized.");
  vigil_pdf_writer_heading (writer, 1, "Executive summary");
  vigil_pdf_writer_paragraph (writer, "In 7 of 23 hearings at which a victim testified, the "
                              "defendant was present and no screen was used.");
  vigil_pdf_writer_paragraph (writer, "Свидетель V-02 дала показания в отдельной комнате.");
  vigil_pdf_writer_heading (writer, 2, "Key findings");
  vigil_pdf_writer_bullet (writer, "Closed sessions were ordered in 4 of 9 cases.");
  vigil_pdf_writer_quote (writer, "The judge asked the victim to describe the events again.");
  vigil_pdf_writer_heading (writer, 1, "Findings by category");
  vigil_pdf_writer_chart (writer, &bars);
  vigil_pdf_writer_chart (writer, &line);
  vigil_pdf_writer_heading (writer, 2, "Compliance table");
  vigil_pdf_writer_table (writer, 3, header, rows, widths, numeric);
  bytes = vigil_pdf_writer_finish (g_steal_pointer (&writer), &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
page_text (PopplerDocument *document, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, index);

  return poppler_page_get_text (page);
}

static void
save_pages (GBytes *bytes, const char *name, const char *first_last)
{
  const char *dir = g_getenv ("VIGIL_SCREENSHOTS_DIR");
  g_autofree char *tmp = vigil_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (tmp, "report.pdf", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) range = g_strsplit (first_last, "-", 2);
  int status;

  if (dir == NULL)
    {
      vigil_test_tmpdir_free (g_steal_pointer (&tmp));
      return;
    }
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  prefix = g_build_filename (dir, name, NULL);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", range[0], "-l", range[1],
                           pdf, prefix, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  vigil_test_tmpdir_free (g_steal_pointer (&tmp));
}

static void
test_pdf_layout (void)
{
  g_autoptr (GBytes) bytes = sample_pdf ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &error);
  int n_pages;
  guint table_pages = 0;

  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  /* Title, summary, a chart page, and the table over more pages. */
  g_assert_cmpint (n_pages, >=, 5);

  /* Every page of the table starts with its header row. */
  for (int i = 3; i < n_pages; i++)
    {
      g_autofree char *text = page_text (document, i);

      if (strstr (text, "Standard ") == NULL)
        continue;
      table_pages++;
      g_assert_nonnull (strstr (text, "Respected"));
      g_assert_nonnull (strstr (text, "Not respected"));
      g_assert_true (strstr (text, "Standard\n") != NULL || strstr (text, "Standard ") != NULL);
    }
  g_assert_cmpuint (table_pages, >=, 2);
  /* Rows never split; every row is there once. */
  {
    guint found = 0;

    for (int i = 0; i < n_pages; i++)
      {
        g_autofree char *text = page_text (document, i);

        for (const char *p = text; (p = strstr (p, "defendant")) != NULL; p++)
          found++;
      }
    /* 90 rows, and the summary's sentence. */
    g_assert_cmpuint (found, ==, 91);
  }
  /* Cyrillic is set with a font that has it, so it comes back as text. */
  {
    g_autofree char *text = page_text (document, 1);

    g_assert_nonnull (strstr (text, "Свидетель V-02"));
    /* The running header and a page number. */
    g_assert_nonnull (strstr (text, "Monitoring report 2023 · anonymized"));
    g_assert_nonnull (strstr (text, "2"));
  }
  save_pages (bytes, "pdf-writer", "1-4");
}

static void
test_pdf_outline (void)
{
  g_autoptr (GBytes) bytes = sample_pdf ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_autoptr (PopplerIndexIter) iter = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  iter = poppler_index_iter_new (document);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_ptr_array_add (titles, g_strdup (action->any.title));
      if (g_str_equal (action->any.title, "Findings by category"))
        {
          g_autoptr (PopplerIndexIter) child = poppler_index_iter_get_child (iter);
          PopplerAction *sub;

          g_assert_nonnull (child);
          sub = poppler_index_iter_get_action (child);
          g_assert_cmpstr (sub->any.title, ==, "Compliance table");
          poppler_action_free (sub);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Executive summary");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Findings by category");
}

static void
assert_no_person_or_place (const char *field)
{
  g_autofree char *cwd = g_get_current_dir ();

  if (field == NULL)
    return;
  if (strlen (g_get_host_name ()) > 3)
    g_assert_null (strstr (field, g_get_host_name ()));
  g_assert_null (strstr (field, g_get_home_dir ()));
  g_assert_null (strstr (field, cwd));
  g_assert_null (strstr (field, g_get_tmp_dir ()));
  g_assert_null (strstr (field, ".vigil"));
  if (strlen (g_get_user_name ()) > 3)
    g_assert_null (strstr (field, g_get_user_name ()));
  if (strlen (g_get_real_name ()) > 3 && !g_str_equal (g_get_real_name (), "Unknown"))
    g_assert_null (strstr (field, g_get_real_name ()));
}

static void
test_pdf_metadata (void)
{
  g_autoptr (GBytes) bytes = sample_pdf ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *producer = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *xmp = NULL;

  g_assert_no_error (error);
  title = poppler_document_get_title (document);
  subject = poppler_document_get_subject (document);
  author = poppler_document_get_author (document);
  creator = poppler_document_get_creator (document);
  producer = poppler_document_get_producer (document);
  keywords = poppler_document_get_keywords (document);
  xmp = poppler_document_get_metadata (document);
  g_assert_cmpstr (title, ==, "Monitoring report 2023");
  g_assert_cmpstr (subject, ==, "Anonymized trial monitoring report");
  g_assert_null (author);
  g_assert_null (keywords);
  g_assert_cmpstr (creator, ==, "Vigil");
  assert_no_person_or_place (producer);
  assert_no_person_or_place (xmp);
  /* Nor anywhere in the file's clear text. */
  g_assert_false (vigil_test_bytes_contain (bytes, g_get_home_dir ()));
  /* A name of two letters is in any compressed stream by chance. */
  if (strlen (g_get_host_name ()) > 3)
    g_assert_false (vigil_test_bytes_contain (bytes, g_get_host_name ()));
}

/* A tagged PDF, so that a screen reader can follow it: headings, tables
 * with header cells, paragraphs and figures in the structure tree. */
static void
test_pdf_structure (void)
{
  g_autoptr (GBytes) bytes = sample_pdf ();
  static const char *const tags[] = { "/StructTreeRoot", "/S /H1", "/S /H2", "/S /P",
                                      "/S /Table", "/S /TR", "/S /TH", "/S /TD", "/S /Figure",
                                      "/S /BlockQuote" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (!vigil_test_bytes_contain (bytes, tags[i]))
      g_error ("no %s in the PDF", tags[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/layout", test_pdf_layout);
  g_test_add_func ("/pdf/outline", test_pdf_outline);
  g_test_add_func ("/pdf/metadata", test_pdf_metadata);
  g_test_add_func ("/pdf/structure", test_pdf_structure);
  return g_test_run ();
}
