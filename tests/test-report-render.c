/* test-report-render.c: a report as PDF and ODT, and the leak check that
 * reads each back before it is kept
 *
 * The identities are sealed in a real vault; the report document is built
 * here as the anonymizer would build it, and text the anonymizer never saw
 * is planted through the renderers' test hook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-leak-check.h"
#include "vigil-pdf-writer.h"
#include "vigil-demo.h"
#include "vigil-interchange.h"
#include "vigil-report-job.h"
#include "vigil-report.h"
#include "vigil-poppler.h"
#include "vigil-report-doc-private.h"
#include "vigil-report-render-private.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

#define REFERENCE "B.476/2023"

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) victim = NULL;
  g_autoptr (VigilPerson) witness = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autoptr (VigilIdentity) cyrillic = NULL;

  fixture_set_up (f, data);
  kase = add_case (f, REFERENCE);
  victim = add_person (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  identity = make_identity ("Natalia Ivanova", "+373 69 123 456", "Strada Ismail 14, Chișinău");
  g_assert_true (vigil_store_save_identity (f->store, victim, identity, &error));
  g_assert_no_error (error);
  witness = add_person (f, kase, "W-01", VIGIL_PERSON_ROLE_WITNESS);
  cyrillic = make_identity ("Драган Петровић", NULL, NULL);
  g_assert_true (vigil_store_save_identity (f->store, witness, cyrillic, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  vigil_report_render_set_test_plant (NULL, 0);
  fixture_tear_down (f, data);
}

/* A document shaped like a real report: title, summary with findings,
 * a compliance table long enough for several pages, quotations, charts. */
static VigilReportDoc *
sample_doc (void)
{
  static const char *const headers[] = { "Standard", "Respected", "Partly", "Not respected",
                                         "Not observed" };
  static const VigilReportAlign aligns[] = { VIGIL_REPORT_ALIGN_TEXT, VIGIL_REPORT_ALIGN_NUMERIC,
                                             VIGIL_REPORT_ALIGN_NUMERIC,
                                             VIGIL_REPORT_ALIGN_NUMERIC,
                                             VIGIL_REPORT_ALIGN_NUMERIC };
  static const char *const categories[] = { "Privacy and protection", "Testimony",
                                            "Interpretation", "Compensation", NULL };
  static const char *const quarters[] = { "2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4", NULL };
  static const gint64 respected[] = { 14, 9, 7, 3 };
  static const gint64 partly[] = { 4, 6, 1, 2 };
  static const gint64 not_respected[] = { 3, 5, 2, 6 };
  static const gint64 trend[] = { 41, 48, 52, 63 };
  VigilReportDoc *doc = vigil_report_doc_new ();
  VigilReportBlock *block;

  vigil_report_doc_set_title (doc, "Monitoring report 2023");
  vigil_report_doc_set_subject (doc, "Anonymized trial monitoring report");
  vigil_report_doc_set_programme (doc, "");
  vigil_report_doc_set_period (doc, "January – December 2023");
  vigil_report_doc_set_anonymized_statement (doc, "Persons appear by pseudonym only; cases by "
                                             "report code; figures under 3 are suppressed.");
  vigil_report_doc_add_heading (doc, 1, "Executive summary");
  vigil_report_doc_add_finding (doc, "In 7 of 23 hearings at which a victim testified, the "
                                "defendant was present and no screen or video link was used.",
                                "7 of 23", 7, 23);
  vigil_report_doc_add_paragraph (doc, "Свидетель W-01 дал показания в отдельной комнате; "
                                  "суд Кишинэу обеспечил перевод.");
  vigil_report_doc_add_heading (doc, 1, "Findings by category");
  block = vigil_report_doc_add_chart (doc, VIGIL_REPORT_CHART_STACKED_BARS,
                                      "Compliance by category", "observations", categories);
  vigil_report_chart_add_series (block, "Respected", respected, NULL);
  vigil_report_chart_add_series (block, "Partly", partly, NULL);
  vigil_report_chart_add_series (block, "Not respected", not_respected, NULL);
  block = vigil_report_doc_add_chart (doc, VIGIL_REPORT_CHART_LINE,
                                      "Share of standards respected, by quarter", "percent",
                                      quarters);
  vigil_report_chart_add_series (block, "Respected", trend, NULL);
  vigil_report_doc_add_heading (doc, 2, "Compliance by standard");
  block = vigil_report_doc_add_table (doc, "Table 1. Observations by standard.", 5, headers,
                                      aligns);
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("S-%02u The victim testifies apart from the "
                                               "defendant", i + 1);
      g_autofree char *a = g_strdup_printf ("%u", (i * 7) % 23);
      g_autofree char *b = g_strdup_printf ("%u", (i * 3) % 11);
      const char *cells[] = { name, a, i % 4 == 0 ? "< 3" : b, b, "0" };

      vigil_report_table_add_row (block, cells);
    }
  vigil_report_doc_add_heading (doc, 2, "Serious and grave shortcomings");
  vigil_report_doc_add_quotation (doc, "The presiding judge asked V-02 to describe the events "
                                  "again with the defendant in the room.", "S-07",
                                  "Testimony without confrontation", "Case B, hearing of "
                                  "March 2023");
  return doc;
}

static GBytes *
render (VigilReportDoc *doc, VigilReportFormat format)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = vigil_report_render (doc, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GPtrArray *
check (Fixture *f, GBytes *bytes, VigilReportFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilLeakCheck) leak_check = vigil_leak_check_new (f->store, NULL, &error);
  GPtrArray *leaks;

  g_assert_no_error (error);
  leaks = vigil_leak_check_bytes (leak_check, bytes, format, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (leaks);
  return leaks;
}

/* The page (from 1) whose text holds @needle, or 0. */
static guint
page_with (GBytes *bytes, VigilReportFormat format, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = vigil_leak_check_extract (bytes, format, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), needle) != NULL)
      return i + 1;
  return 0;
}

static void
save_pages (GBytes *bytes, const char *name, const char *first, const char *last)
{
  const char *dir = g_getenv ("VIGIL_SCREENSHOTS_DIR");
  g_autofree char *tmp = vigil_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (tmp, "report.pdf", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (dir != NULL)
    {
      const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", first, "-l", last, pdf,
                             NULL, NULL };

      g_mkdir_with_parents (dir, 0700);
      g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), &error));
      prefix = g_build_filename (dir, name, NULL);
      argv[9] = prefix;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
    }
  vigil_test_tmpdir_free (g_steal_pointer (&tmp));
}

/* A clean report passes, and reads as one: title page, the default
 * programme's name, a running header, the table's header on each page. */
static void
test_pdf_clean (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GBytes) bytes = render (doc, VIGIL_REPORT_FORMAT_PDF);
  g_autoptr (GPtrArray) leaks = check (f, bytes, VIGIL_REPORT_FORMAT_PDF);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = vigil_leak_check_extract (bytes, VIGIL_REPORT_FORMAT_PDF, NULL,
                                                          &error);
  guint with_header = 0;

  save_pages (bytes, "report-pdf", "1", "4");
  g_assert_cmpuint (leaks->len, ==, 0);
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "Trial monitoring programme"));
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "Persons appear by pseudonym only"));
  for (guint i = 1; i < pages->len; i++)
    {
      const char *text = g_ptr_array_index (pages, i);

      if (strstr (text, "S-") != NULL && strstr (text, "defendant") != NULL
          && strstr (text, "observed") != NULL)
        with_header++;
    }
  /* The table runs over three pages at least, each with its header row. */
  g_assert_cmpuint (with_header, >=, 3);
}

/* Text planted after the anonymizer names V-02 in several spellings; the
 * save is refused, naming the page, and nothing is written. */
static void
test_pdf_planted (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *text;
    const char *marker;
    const char *kind;
  } planted[] = {
    { "A note mentions NATALIA IVANOVA by name.", "mentions", "the name of V-02" },
    { "Ivanová was escorted to court.", "escorted", "part of the name of V-02" },
    { "Her number 069-123-456 was read out.", "read out", "the phone number of V-02" },
    { "Драган   Петровић testified.", "testified.", "the name of W-01" },
    { "Наталья Иванова was questioned.", "questioned.", "the name of V-02" },
    { "Dragan Petrovic gave evidence.", "evidence", "the name of W-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autoptr (VigilReportDoc) doc = sample_doc ();
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GPtrArray) leaks = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
      g_autofree char *expected = NULL;
      guint page;

      /* After the compliance table: some pages into the report. */
      vigil_report_render_set_test_plant (planted[i].text, 7);
      bytes = render (doc, VIGIL_REPORT_FORMAT_PDF);
      page = page_with (bytes, VIGIL_REPORT_FORMAT_PDF, planted[i].marker);
      g_assert_cmpuint (page, >, 2);
      expected = g_strdup_printf ("page %u: %s in case " REFERENCE, page, planted[i].kind);

      g_assert_false (vigil_report_save (f->store, doc, VIGIL_REPORT_FORMAT_PDF, path, &leaks,
                                         NULL, &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LEAK);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, expected));
      g_assert_cmpuint (leaks->len, ==, 1);
      g_assert_cmpstr (((VigilLeak *) g_ptr_array_index (leaks, 0))->message, ==, expected);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* A name broken at a line's end by a hyphen is found too. */
static void
test_pdf_hyphenated (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *planted = NULL;

  /* Words of a width that ends the line exactly after "Iva-". */
  for (guint n = 0; n < 11; n++)
    g_string_append (text, "monitoring ");
  g_string_append (text, "Iva-\nnova");
  planted = g_string_free (text, FALSE);
  vigil_report_render_set_test_plant (planted, 1);
  bytes = render (doc, VIGIL_REPORT_FORMAT_PDF);
  leaks = check (f, bytes, VIGIL_REPORT_FORMAT_PDF);
  g_assert_cmpuint (leaks->len, ==, 1);
  g_assert_nonnull (strstr (((VigilLeak *) g_ptr_array_index (leaks, 0))->message,
                            "part of the name of V-02"));
}

/* A name in the document's properties (a PDF's title here), not on any
 * page, is found as well. */
static void
test_pdf_properties (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilPdfWriter) writer = vigil_pdf_writer_new (VIGIL_PAPER_A4,
                                                            "Report on Natalia Ivanova",
                                                            "Trial monitoring", "Report");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  g_autoptr (GError) error = NULL;
  VigilLeak *leak;

  vigil_pdf_writer_paragraph (writer, "Hearings were held in public.");
  bytes = vigil_pdf_writer_finish (g_steal_pointer (&writer), &error);
  g_assert_no_error (error);
  leaks = check (f, bytes, VIGIL_REPORT_FORMAT_PDF);
  g_assert_cmpuint (leaks->len, ==, 1);
  leak = g_ptr_array_index (leaks, 0);
  g_assert_cmpuint (leak->page, ==, 0);
  g_assert_cmpstr (leak->message, ==,
                   "the document’s properties: the name of V-02 in case " REFERENCE);
}

/* Without a title page, the first page opens with the programme, the
 * title and the statement, and the first section follows on it. */
static void
test_pdf_no_title_page (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GError) error = NULL;
  const char *first;

  vigil_report_doc_set_has_title_page (doc, FALSE);
  bytes = render (doc, VIGIL_REPORT_FORMAT_PDF);
  pages = vigil_leak_check_extract (bytes, VIGIL_REPORT_FORMAT_PDF, NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (pages, 0);
  g_assert_nonnull (strstr (first, "Trial monitoring programme"));
  g_assert_nonnull (strstr (first, "Monitoring report 2023"));
  g_assert_nonnull (strstr (first, "Executive summary"));
  g_assert_nonnull (strstr (first, "7 of 23"));
  save_pages (bytes, "report-no-title-page", "1", "1");
}

/* A saved report is there whole, with mode 0600. */
static void
test_pdf_saved (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GPtrArray) leaks = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr (GBytes) saved = NULL;
  GStatBuf st;

  g_assert_true (vigil_report_save (f->store, doc, VIGIL_REPORT_FORMAT_PDF, path, &leaks, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (leaks->len, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  saved = vigil_test_read_file (path);
  g_assert_true (vigil_test_bytes_contain (saved, "%PDF-"));
}

/* The ODT is a zip whose first entry is "mimetype", stored, as ODF
 * requires; headings carry their outline level, tables their header
 * rows; no author or computer in its metadata. */
static void
test_odt_structure (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GBytes) bytes = render (doc, VIGIL_REPORT_FORMAT_ODT);
  g_autoptr (GPtrArray) leaks = check (f, bytes, VIGIL_REPORT_FORMAT_ODT);
  g_autoptr (GPtrArray) paragraphs = NULL;
  g_autoptr (GError) error = NULL;
  gsize size;
  const guint8 *zip = g_bytes_get_data (bytes, &size);
  gboolean cyrillic = FALSE;

  g_assert_cmpuint (leaks->len, ==, 0);
  /* Kept beside the screenshots, to open in an office suite. */
  if (g_getenv ("VIGIL_SCREENSHOTS_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("VIGIL_SCREENSHOTS_DIR"),
                                                "report-sample.odt", NULL);

      g_mkdir_with_parents (g_getenv ("VIGIL_SCREENSHOTS_DIR"), 0700);
      g_assert_true (g_file_set_contents (copy, (const char *) zip, size, NULL));
    }
  g_assert_cmpuint (size, >, 38 + 39);
  g_assert_cmpmem (zip, 4, "PK\x03\x04", 4);
  /* Compression method 0 (stored), no data descriptor after it (its CRC
   * and sizes are in this header: LibreOffice refuses the file otherwise),
   * no extra field, and the name "mimetype". */
  g_assert_cmpint (zip[8] | zip[9] << 8, ==, 0);
  g_assert_cmpint (zip[6] & 0x08, ==, 0);
  g_assert_cmpint (zip[18] | zip[19] << 8, ==, strlen ("application/vnd.oasis.opendocument.text"));
  g_assert_cmpint (zip[28] | zip[29] << 8, ==, 0);
  g_assert_cmpint (zip[26] | zip[27] << 8, ==, 8);
  g_assert_cmpmem (zip + 30, 8, "mimetype", 8);

  paragraphs = vigil_leak_check_extract (bytes, VIGIL_REPORT_FORMAT_ODT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 0), ==, "Trial monitoring programme");
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 1), ==, "Monitoring report 2023");
  for (guint i = 0; i < paragraphs->len; i++)
    cyrillic |= strstr (g_ptr_array_index (paragraphs, i), "Свидетель W-01") != NULL;
  g_assert_true (cyrillic);
  /* A name of two letters is in any compressed stream by chance. */
  if (strlen (g_get_host_name ()) > 3)
    g_assert_false (vigil_test_bytes_contain (bytes, g_get_host_name ()));
}

/* An ODT that names someone is refused too, by paragraph. */
static void
test_odt_planted (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (GPtrArray) leaks = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.odt", NULL);

  vigil_report_render_set_test_plant ("Natalia  Ivanova waited outside the courtroom.", 2);
  g_assert_false (vigil_report_save (f->store, doc, VIGIL_REPORT_FORMAT_ODT, path, &leaks, NULL,
                                     &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LEAK);
  g_assert_cmpuint (leaks->len, ==, 1);
  g_assert_true (g_str_has_prefix (((VigilLeak *) g_ptr_array_index (leaks, 0))->message,
                                   "paragraph "));
  g_assert_nonnull (strstr (((VigilLeak *) g_ptr_array_index (leaks, 0))->message,
                            ": the name of V-02 in case " REFERENCE));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  vigil_report_render_set_test_plant (NULL, 0);
  g_clear_pointer (&leaks, g_ptr_array_unref);
  g_clear_error (&error);
  g_assert_true (vigil_report_save (f->store, doc, VIGIL_REPORT_FORMAT_ODT, path, &leaks, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  GAsyncResult *result;
  guint         progress_calls;
  double        last_fraction;
} JobWait;

static void
on_progress (double fraction, const char *what, gpointer data)
{
  JobWait *wait = data;

  g_assert_cmpfloat (fraction, >=, wait->last_fraction);
  wait->last_fraction = fraction;
  wait->progress_calls++;
}

static void
on_job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  JobWait *wait = data;

  wait->result = g_object_ref (result);
}

static VigilReportJobResult *
run_job (Fixture *f, VigilReportDoc *doc, GCancellable *cancellable, JobWait *wait,
         GError **error)
{
  g_autoptr (GError) local = NULL;
  VigilLeakCheck *leak_check = vigil_leak_check_new (f->store, NULL, &local);
  VigilReportJobResult *result;

  g_assert_no_error (local);
  vigil_report_job_run_async (doc, leak_check, VIGIL_REPORT_FORMAT_PDF, 3, 300, on_progress,
                              wait, cancellable, on_job_done, wait);
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = vigil_report_job_run_finish (wait->result, error);
  g_clear_object (&wait->result);
  return result;
}

/* The job typesets, checks and draws previews in a thread, saying how far
 * it got; a cancelled job ends with G_IO_ERROR_CANCELLED. */
static void
test_job (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilReportDoc) doc = sample_doc ();
  g_autoptr (VigilReportJobResult) result = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  JobWait wait = { 0 };
  VigilReportPreview *first;

  result = run_job (f, doc, NULL, &wait, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->leaks->len, ==, 0);
  g_assert_cmpuint (result->n_pages, >=, 6);
  g_assert_cmpuint (result->previews->len, ==, 3);
  first = g_ptr_array_index (result->previews, 0);
  g_assert_cmpint (first->width, ==, 300);
  g_assert_cmpint (first->height, ==, 424);
  g_assert_cmpuint (g_bytes_get_size (first->pixels), ==, (gsize) first->stride * first->height);
  g_assert_cmpuint (wait.progress_calls, >=, 3);
  g_assert_cmpfloat (wait.last_fraction, ==, 1.0);

  memset (&wait, 0, sizeof wait);
  g_cancellable_cancel (cancellable);
  g_assert_null (run_job (f, doc, cancellable, &wait, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The report of the demo vault as a ministry would receive it: pages as
 * screenshots (the title, the summary, the methodology and the chart of
 * compliance by category), an outline of its sections, metadata free of
 * names and paths, the compliance table's header on every page it
 * reaches, and nothing the leak check finds. */
static void
test_demo_report (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vigil_demo_generate (12, 1);
  g_autoptr (VigilInterchange) document = vigil_interchange_load_node (root, NULL, &error);
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (PopplerIndexIter) iter = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *chart_page = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  guint chart = 0;
  guint outline = 0;
  guint with_header = 0;

  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, f->store, NULL, &error));
  g_assert_no_error (error);
  doc = vigil_report_build (f->store, vigil_catalogue_get_default (), options, NULL, &error);
  g_assert_no_error (error);
  bytes = render (doc, VIGIL_REPORT_FORMAT_PDF);
  leaks = check (f, bytes, VIGIL_REPORT_FORMAT_PDF);
  for (guint i = 0; i < leaks->len; i++)
    g_test_message ("%s", ((VigilLeak *) g_ptr_array_index (leaks, i))->message);
  g_assert_cmpuint (leaks->len, ==, 0);

  pages = vigil_leak_check_extract (bytes, VIGIL_REPORT_FORMAT_PDF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, >=, 10);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *text = g_ptr_array_index (pages, i);

      if (chart == 0 && strstr (text, "Compliance by category") != NULL
          && strstr (text, "Not observed") != NULL)
        chart = i + 1;
      /* A page of the compliance table starts with its header row. */
      if (strstr (text, "Standard\nRespected") != NULL || strstr (text, "Standard Respected") != NULL)
        with_header++;
    }
  g_assert_cmpuint (chart, >, 0);
  g_assert_cmpuint (with_header, >=, 2);
  save_pages (bytes, "report-demo", "1", "4");
  chart_page = g_strdup_printf ("%u", chart);
  save_pages (bytes, "report-demo-chart", chart_page, chart_page);

  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  creator = poppler_document_get_creator (pdf);
  g_assert_cmpstr (title, ==, vigil_report_doc_get_title (doc));
  g_assert_null (author);
  g_assert_cmpstr (creator, ==, "Vigil");
  g_assert_false (vigil_test_bytes_contain (bytes, f->path));
  g_assert_false (vigil_test_bytes_contain (bytes, f->dir));
  g_assert_false (vigil_test_bytes_contain (bytes, cwd));
  g_assert_false (vigil_test_bytes_contain (bytes, "vault.vigil"));
  if (strlen (g_get_user_name ()) > 3)
    g_assert_false (vigil_test_bytes_contain (bytes, g_get_user_name ()));

  iter = poppler_index_iter_new (pdf);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      if (g_str_equal (action->any.title, "Executive summary")
          || g_str_has_prefix (action->any.title, "Annex"))
        outline++;
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  g_assert_cmpuint (outline, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/pdf/clean", Fixture, NULL, set_up, test_pdf_clean, tear_down);
  g_test_add ("/report/pdf/planted", Fixture, NULL, set_up, test_pdf_planted, tear_down);
  g_test_add ("/report/pdf/hyphenated", Fixture, NULL, set_up, test_pdf_hyphenated, tear_down);
  g_test_add ("/report/pdf/saved", Fixture, NULL, set_up, test_pdf_saved, tear_down);
  g_test_add ("/report/pdf/properties", Fixture, NULL, set_up, test_pdf_properties, tear_down);
  g_test_add ("/report/pdf/no-title-page", Fixture, NULL, set_up, test_pdf_no_title_page,
              tear_down);
  g_test_add ("/report/odt/structure", Fixture, NULL, set_up, test_odt_structure, tear_down);
  g_test_add ("/report/odt/planted", Fixture, NULL, set_up, test_odt_planted, tear_down);
  g_test_add ("/report/job", Fixture, NULL, set_up, test_job, tear_down);
  g_test_add ("/report/demo", Fixture, NULL, set_up, test_demo_report, tear_down);
  return g_test_run ();
}
