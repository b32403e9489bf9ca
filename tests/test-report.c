/* test-report.c: the anonymized report built from a real vault
 *
 * Identifiers are planted in the notes in every spelling the scrubber must
 * reach; the document is then searched, in every string a renderer can
 * print, for each of them, for the case's reference and for its court.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-report-doc-private.h"
#include "vigil-report-figures.h"
#include "vigil-report.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

#define REFERENCE "K 12/2023"
#define COURT     "Tribunalul Galați"

/* Every spelling of the issue: exact, upper case, without diacritics,
 * hyphenated across a line, extra spaces, Cyrillic for a Latin-recorded
 * name, a phone with other separators; and the date of birth. */
static const char *const planted =
  "Natalia Ivanova was crying. NATALIA IVANOVA asked for a break. Natália Ivanová again. "
  "Iva-\nnova was not shielded. Natalia    Ivanova left. Наталья Иванова returned. Her phone "
  "+373-69-123-456 and (069) 123 456 were read out, and her birthday 14 July 1996. Case "
  REFERENCE " at " COURT ".";

/* What must appear in no string of the document, whatever its case. */
static const char *const forbidden[] = {
  "Natalia", "Ivanova", "Ivanová", "Natália", "nova was", "Наталья", "Иванова", "123",
  "1996", "Олена", "Коваленко", "Kovalenko", "12/2023", "Galați", "Tribunalul",
};

typedef struct
{
  Fixture    f;
  VigilCase *kase;
  char      *hearing_ids[4];
} ReportFixture;

static void
add_identity (Fixture *f, VigilPerson *person, const char *name, const char *phone,
              const char *born)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilIdentity) identity = make_identity (name, phone, NULL);

  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup (born);
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
}

static void
consent_to_quotes (Fixture *f, VigilPerson *person)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (VigilConsent) consent =
    vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_ANONYMOUS_QUOTE, now);

  g_assert_true (vigil_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);
}

static void
observe (Fixture *f, const char *hearing_id, const char *case_id, const char *standard,
         const char *status, const char *severity, const char *notes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilObservationData) data = vigil_observation_data_new ();

  data->case_id = g_strdup (case_id);
  data->hearing_id = g_strdup (hearing_id);
  data->standard_id = g_strdup (standard);
  data->status = g_strdup (status);
  data->severity = g_strdup (severity);
  data->catalogue_version = g_strdup (vigil_catalogue_get_version (vigil_catalogue_get_default ()));
  data->notes = g_strdup (notes);
  data->monitor = g_strdup ("Monitor One");
  g_assert_true (vigil_store_add_observation (f->store, data, &error));
  g_assert_no_error (error);
}

/* A case of four held hearings at which V-01 (who consented) testified
 * with D-01 present; V-02 (who did not) attended none of them. */
static void
report_set_up (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) v1 = NULL;
  g_autoptr (VigilPerson) v2 = NULL;
  g_autoptr (VigilPerson) d1 = NULL;
  const char *case_id;

  fixture_set_up (f, data);
  rf->kase = add_case (f, REFERENCE);
  vigil_case_set_court (rf->kase, COURT);
  vigil_case_set_jurisdiction (rf->kase, "Romania");
  g_assert_true (vigil_store_save_case (f->store, rf->kase, &error));
  g_assert_no_error (error);
  case_id = vigil_case_get_id (rf->kase);

  v1 = add_person (f, rf->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  v2 = add_person (f, rf->kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  d1 = add_person (f, rf->kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  add_identity (f, v1, "Natalia Ivanova", "+373 69 123 456", "1996-07-14");
  add_identity (f, v2, "Олена Коваленко", NULL, "2001-02-03");
  add_identity (f, d1, "Ion Rusu", NULL, "1975-05-06");
  consent_to_quotes (f, v1);

  for (guint i = 0; i < G_N_ELEMENTS (rf->hearing_ids); i++)
    {
      g_autoptr (VigilHearing) hearing = add_hearing (f, rf->kase, -400 + 90 * (int) i,
                                                      VIGIL_HEARING_STATUS_HELD);

      vigil_hearing_add_attendee (hearing, v1, TRUE);
      vigil_hearing_add_attendee (hearing, d1, FALSE);
      g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
      g_assert_no_error (error);
      rf->hearing_ids[i] = g_strdup (vigil_hearing_get_id (hearing));
    }

  /* An adjournment whose reason names V-01 in both scripts. */
  {
    g_autoptr (VigilHearing) adjourned = add_hearing (f, rf->kase, -40, VIGIL_HEARING_STATUS_ADJOURNED);

    vigil_hearing_set_adjournment_reason (adjourned, "NATALIA Ivanova (Наталья) was ill; call "
                                                     "069/123-456");
    g_assert_true (vigil_store_save_hearing (f->store, adjourned, &error));
    g_assert_no_error (error);
  }

  /* One grave shortcoming with every spelling planted, one about V-02,
   * who did not consent, and respected standards to count. */
  observe (f, rf->hearing_ids[0], case_id, "no-visual-contact", "not_respected", "grave", planted);
  observe (f, rf->hearing_ids[1], case_id, "no-visual-contact", "not_respected", "serious",
           "Kovalenko was visible to the defendant the whole time.");
  for (guint i = 0; i < G_N_ELEMENTS (rf->hearing_ids); i++)
    observe (f, rf->hearing_ids[i], case_id, "separate-waiting-room", "respected", NULL, NULL);
}

static void
report_tear_down (ReportFixture *rf, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (rf->hearing_ids); i++)
    g_free (rf->hearing_ids[i]);
  g_clear_object (&rf->kase);
  fixture_tear_down (&rf->f, data);
}

/* Every string of @doc a renderer can print, one per element. */
static GPtrArray *
doc_strings (VigilReportDoc *doc)
{
  GPtrArray *all = g_ptr_array_new ();

  g_ptr_array_add (all, (gpointer) vigil_report_doc_get_title (doc));
  g_ptr_array_add (all, (gpointer) vigil_report_doc_get_subject (doc));
  g_ptr_array_add (all, (gpointer) vigil_report_doc_get_programme (doc));
  g_ptr_array_add (all, (gpointer) vigil_report_doc_get_period (doc));
  g_ptr_array_add (all, (gpointer) vigil_report_doc_get_anonymized_statement (doc));
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      g_ptr_array_add (all, (gpointer) vigil_report_block_get_text (block));
      switch (vigil_report_block_get_kind (block))
        {
        case VIGIL_REPORT_BLOCK_FINDING:
          g_ptr_array_add (all, (gpointer) vigil_report_block_get_figure (block));
          break;
        case VIGIL_REPORT_BLOCK_QUOTATION:
          g_ptr_array_add (all, (gpointer) vigil_report_block_get_attribution (block));
          g_ptr_array_add (all, (gpointer) vigil_report_block_get_standard_title (block));
          break;
        case VIGIL_REPORT_BLOCK_TABLE:
          for (guint c = 0; c < vigil_report_block_get_n_columns (block); c++)
            g_ptr_array_add (all, (gpointer) vigil_report_block_get_column_header (block, c));
          for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
            for (guint c = 0; c < vigil_report_block_get_n_columns (block); c++)
              g_ptr_array_add (all, (gpointer) vigil_report_block_get_cell (block, r, c));
          break;
        case VIGIL_REPORT_BLOCK_CHART:
          for (guint c = 0; c < vigil_report_block_get_n_categories (block); c++)
            g_ptr_array_add (all, (gpointer) vigil_report_block_get_category (block, c));
          for (guint s = 0; s < vigil_report_block_get_n_series (block); s++)
            g_ptr_array_add (all, (gpointer) vigil_report_block_get_series (block, s));
          break;
        case VIGIL_REPORT_BLOCK_HEADING:
        case VIGIL_REPORT_BLOCK_PARAGRAPH:
        case VIGIL_REPORT_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  return all;
}

static VigilReportDoc *
build (Fixture *f, VigilReportOptions *options)
{
  g_autoptr (GError) error = NULL;
  VigilReportDoc *doc =
    vigil_report_build (f->store, vigil_catalogue_get_default (), options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The quotations of @doc, joined. */
static char *
quotations (VigilReportDoc *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_QUOTATION
          && !g_str_equal (vigil_report_block_get_attribution (block), "")
          && g_str_has_prefix (vigil_report_block_get_attribution (block), "Case"))
        g_string_append_printf (out, "%s\n", vigil_report_block_get_text (block));
    }
  return g_string_free (out, FALSE);
}

/* The note is quoted, with every planted identifier replaced by V-01, and
 * no string of the document holds any of them, the reference or the
 * court; the vault's own detector finds nothing in any string. */
static void
test_report_scrubbed (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (GPtrArray) strings = NULL;
  g_autoptr (VigilIdentifierDetector) detector = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *quoted = NULL;
  guint leaks = 0;

  doc = build (f, options);
  quoted = quotations (doc);
  g_test_message ("quoted: %s", quoted);
  g_assert_nonnull (strstr (quoted, "V-01 was crying"));
  g_assert_nonnull (strstr (quoted, "Case A"));

  detector = vigil_store_all_identifiers (f->store, &error);
  g_assert_no_error (error);
  strings = doc_strings (doc);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (vigil_identifier_detector_finds (detector, text))
        {
          g_test_message ("the detector finds someone in: %s", text);
          leaks++;
        }
      for (guint k = 0; k < G_N_ELEMENTS (forbidden); k++)
        {
          g_autofree char *needle = g_utf8_casefold (forbidden[k], -1);

          if (strstr (folded, needle) != NULL)
            {
              g_test_message ("\"%s\" is in: %s", forbidden[k], text);
              leaks++;
            }
        }
    }
  g_assert_cmpuint (leaks, ==, 0);
}

/* A note about V-02, who has not consented to anonymous quotation, is in
 * no narrative, but its observation counts; so is a note about V-01 after
 * she withdrew her consent. */
static void
test_report_consent (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (VigilReportDoc) after = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *quoted_after = NULL;
  gboolean counted = FALSE;

  options->min_cell = 1;
  doc = build (f, options);
  quoted = quotations (doc);
  g_assert_null (strstr (quoted, "visible to the defendant"));
  g_assert_nonnull (strstr (quoted, "V-01 was crying"));
  /* Both shortcomings are in the compliance table: 2 "not respected". */
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (vigil_report_block_get_kind (block) != VIGIL_REPORT_BLOCK_TABLE
          || !g_str_has_prefix (vigil_report_block_get_text (block), "Observations per standard"))
        continue;
      for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
        if (g_str_equal (vigil_report_block_get_cell (block, r, 3), "2"))
          counted = TRUE;
    }
  g_assert_true (counted);

  persons = vigil_store_list_persons (f->store, vigil_case_get_id (rf->kase), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < persons->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (persons, i);

      if (!g_str_equal (vigil_person_get_pseudonym (person), "V-01"))
        continue;
      consents = vigil_store_list_consents (f->store, vigil_person_get_id (person), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (consents->len, ==, 1);
      g_assert_true (vigil_store_withdraw_consent (
        f->store, vigil_consent_get_id (g_ptr_array_index (consents, 0)), now, &error));
      g_assert_no_error (error);
    }
  after = build (f, options);
  quoted_after = quotations (after);
  g_assert_cmpstr (quoted_after, ==, "");
}

/* Figures of 1 or 2 are shown as "< 3", never as themselves, and the
 * methodology says how many were suppressed; with k = 1 none is. */
static void
test_report_small_cells (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportOptions) all = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (VigilReportDoc) open = NULL;
  guint shown_small = 0, hidden = 0;
  gboolean stated = FALSE, none_stated = FALSE;

  doc = build (f, options);
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_TABLE)
        for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
          for (guint c = 1; c < vigil_report_block_get_n_columns (block); c++)
            {
              const char *text = vigil_report_block_get_cell (block, r, c);

              if (g_str_equal (text, "1") || g_str_equal (text, "2"))
                shown_small++;
              if (g_str_equal (text, "< 3"))
                hidden++;
            }
      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_CHART)
        for (guint s = 0; s < vigil_report_block_get_n_series (block); s++)
          for (guint c = 0; c < vigil_report_block_get_n_categories (block); c++)
            {
              gint64 v = vigil_report_block_get_value (block, s, c);

              g_assert_true (v == 0 || v >= 3);
            }
      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_PARAGRAPH
          && strstr (vigil_report_block_get_text (block), "fewer than 3 persons or hearings"))
        {
          g_test_message ("%s", vigil_report_block_get_text (block));
          stated = TRUE;
          g_assert_null (strstr (vigil_report_block_get_text (block), " 0 figures"));
        }
    }
  g_assert_cmpuint (shown_small, ==, 0);
  g_assert_cmpuint (hidden, >, 0);
  g_assert_true (stated);

  all->min_cell = 1;
  open = build (f, all);
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (open); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (open, i);

      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_PARAGRAPH
          && strstr (vigil_report_block_get_text (block), "0 figures of this report were suppressed"))
        none_stated = TRUE;
    }
  g_assert_true (none_stated);
}

/* The CSV and JSON of the figures hold the adjournment's reason scrubbed,
 * none of the planted identifiers, and are written with mode 0600; the
 * victims' ages are in bands. */
static void
test_report_figures (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (VigilIdentifierDetector) detector = NULL;
  g_autoptr (GError) error = NULL;
  static const struct
  {
    const char               *name;
    VigilReportFiguresFormat  format;
  } files[] = {
    { "figures.csv", VIGIL_REPORT_FIGURES_CSV },
    { "figures.json", VIGIL_REPORT_FIGURES_JSON },
  };
  gboolean aged = FALSE;

  options->min_cell = 1;
  doc = build (f, options);
  /* Ages leave as bands only: V-01 was 29 at the first hearing, V-02 24. */
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (vigil_report_block_get_kind (block) != VIGIL_REPORT_BLOCK_TABLE
          || !g_str_equal (vigil_report_block_get_text (block), "Victims by age band"))
        continue;
      g_assert_cmpstr (vigil_report_block_get_cell (block, 2, 0), ==, "18 to 24");
      g_assert_cmpstr (vigil_report_block_get_cell (block, 2, 1), ==, "1");
      g_assert_cmpstr (vigil_report_block_get_cell (block, 3, 0), ==, "25 to 34");
      g_assert_cmpstr (vigil_report_block_get_cell (block, 3, 1), ==, "1");
      g_assert_cmpstr (vigil_report_block_get_cell (block, 0, 1), ==, "0");
      aged = TRUE;
    }
  g_assert_true (aged);
  detector = vigil_store_all_identifiers (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *folded = NULL;
      VigilReportFiguresFormat format;
      GStatBuf st;

      g_assert_true (vigil_report_figures_format_for_path (path, &format));
      g_assert_cmpint (format, ==, files[i].format);
      g_assert_true (vigil_report_figures_write (doc, format, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("%s", contents);
      g_assert_nonnull (strstr (contents, "V-01 (V-01) was ill; call V-01"));
      g_assert_false (vigil_identifier_detector_finds (detector, contents));
      folded = g_utf8_casefold (contents, -1);
      for (guint k = 0; k < G_N_ELEMENTS (forbidden); k++)
        {
          g_autofree char *needle = g_utf8_casefold (forbidden[k], -1);

          g_assert_null (strstr (folded, needle));
        }
    }
}

/* The scope and the sections chosen are the report's: a period without
 * the case's hearings, a jurisdiction it is not in, a stage it is not at
 * leave it out; a report of the summary alone has no other section. */
static void
test_report_scope (ReportFixture *rf, gconstpointer data)
{
  Fixture *f = &rf->f;
  g_autoptr (VigilReportOptions) period = vigil_report_options_new ();
  g_autoptr (VigilReportOptions) elsewhere = vigil_report_options_new ();
  g_autoptr (VigilReportOptions) summary = vigil_report_options_new ();
  g_autoptr (VigilReportOptions) one = vigil_report_options_new ();
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autoptr (VigilReportDoc) none = NULL;
  g_autoptr (VigilReportDoc) brief = NULL;
  g_autoptr (VigilReportDoc) single = NULL;

  period->scope = VIGIL_REPORT_SCOPE_PERIOD;
  period->from = g_strdup ("1995-01-01");
  period->to = g_strdup ("1995-12-31");
  doc = build (f, period);
  g_assert_nonnull (strstr (vigil_report_doc_get_subject (doc), " 0 "));

  elsewhere->jurisdiction = g_strdup ("Moldova");
  none = build (f, elsewhere);
  g_assert_nonnull (strstr (vigil_report_doc_get_subject (none), " 0 "));
  g_clear_pointer (&elsewhere->jurisdiction, g_free);
  elsewhere->stage = VIGIL_CASE_STAGE_APPEAL;
  g_clear_object (&none);
  none = build (f, elsewhere);
  g_assert_nonnull (strstr (vigil_report_doc_get_subject (none), " 0 "));

  summary->sections = VIGIL_REPORT_SECTION_SUMMARY;
  brief = build (f, summary);
  g_assert_false (vigil_report_doc_get_has_title_page (brief));
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (brief); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (brief, i);

      if (vigil_report_block_get_kind (block) == VIGIL_REPORT_BLOCK_HEADING)
        g_assert_cmpstr (vigil_report_block_get_text (block), ==, "Executive summary");
    }

  one->scope = VIGIL_REPORT_SCOPE_CASE;
  one->case_ref = g_strdup (REFERENCE);
  one->references = VIGIL_REPORT_REFERENCES_EXACT;
  single = build (f, one);
  g_assert_nonnull (strstr (vigil_report_doc_get_subject (single), " 1 "));
}

/* Options that cannot make a report are refused before the vault is read. */
static void
test_report_options (ReportFixture *rf, gconstpointer data)
{
  g_autoptr (VigilReportOptions) options = vigil_report_options_new ();
  g_autoptr (GError) error = NULL;
  VigilReportDates dates;

  options->scope = VIGIL_REPORT_SCOPE_PERIOD;
  options->from = g_strdup ("2024-02-30");
  options->to = g_strdup ("2024-03-01");
  g_assert_false (vigil_report_options_validate (options, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_free (options->from);
  options->from = g_strdup ("2024-04-01");
  g_assert_false (vigil_report_options_validate (options, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);

  options->scope = VIGIL_REPORT_SCOPE_CASE;
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  options->case_ref = g_strdup ("no such case");
  g_assert_null (vigil_report_build (rf->f.store, vigil_catalogue_get_default (), options, NULL,
                                     &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);

  g_assert_true (vigil_report_dates_from_nick ("quarter", &dates));
  g_assert_cmpint (dates, ==, VIGIL_REPORT_DATES_QUARTER);
  g_assert_false (vigil_report_dates_from_nick ("year", &dates));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ReportFixture, NULL, report_set_up, func, report_tear_down)

  ADD ("/report/scrubbed", test_report_scrubbed);
  ADD ("/report/consent", test_report_consent);
  ADD ("/report/small-cells", test_report_small_cells);
  ADD ("/report/figures", test_report_figures);
  ADD ("/report/scope", test_report_scope);
  ADD ("/report/options", test_report_options);

  return g_test_run ();
}
