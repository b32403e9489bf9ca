/* test-catalogue.c: the standards catalogue, its sources and its parser
 *
 * The shipped catalogue is checked against the seed documents it cites
 * (copies in resources/seeds/, so a fresh clone has them): every source
 * names one of them and a section found in it by the rule of
 * vigil_catalogue_locate_section(). Broken catalogue data gets an error
 * that says what is wrong and where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-core-resources.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"

/* Ids of released standards. Observations in vaults and interchange files
 * name them, so none may ever disappear or change: add to this list, never
 * remove from it. */
static const char * const stable_ids[] = {
  "no-direct-confrontation", "no-visual-contact", "no-repeated-testimony", "police-protection",
  "separate-waiting-room", "protection-of-relatives", "risk-assessment",
  "identity-not-disclosed", "whereabouts-not-disclosed", "media-restrictions",
  "closed-session-for-victim", "legal-counselling-before-testimony", "legal-representation",
  "right-to-information", "interpreter-provided", "information-in-own-language",
  "support-person-present", "non-punishment", "trafficking-considered-for-defendant",
  "victim-as-party", "compensation-informed", "civil-claim-heard", "compensation-decided",
  "confiscated-assets-for-victims", "stay-during-proceedings", "reflection-period",
  "support-not-conditional", "residence-not-used-to-discredit", "personal-data-protected",
  "data-shared-with-consent", "child-guardian", "child-legal-representation",
  "child-friendly-hearing", "child-best-interests", "child-heard", "child-trained-interpreter",
  "evidence-beyond-testimony", "alternatives-to-testimony", "fair-trial-for-victim-defendant",
};

/* The five seed documents the catalogue is built from. */
static const char * const seeds[] = {
  "osce-action-plan-pc-dec-557.txt", "helsinki-2004-recommendations.txt",
  "alliance-2005-position-paper.txt", "odihr-2006-activity-report.txt",
  "hdim-2006-special-day-overview.txt",
};

/* A well-formed catalogue for the parser tests; each case breaks it. */
#define HEADER "[Catalogue]\nversion=7\n\n[Document doc.txt]\ntitle=A document\nshort-title=Doc\n\n"
#define GOOD_STANDARD                                                                              \
  "[Standard good]\ncategory=language\ntitle=Interpreter\nlook-for=Someone interprets\n"           \
  "applies=interpretation_needed\nsources=doc.txt|1.1\n"

static GBytes *
shipped_data (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *data = g_resource_lookup_data (vigil_core_get_resource (), VIGIL_CATALOGUE_RESOURCE,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return data;
}

static char *
seed_text (const char *document)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "seeds",
                                                 document, NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static VigilCatalogue *
parse_text (const char *text, GError **error)
{
  g_autoptr (GBytes) data = g_bytes_new (text, strlen (text));

  return vigil_catalogue_new_from_bytes (data, error);
}

static void
test_default_loads (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (VigilStandard) first = NULL;

  g_assert_true (VIGIL_IS_CATALOGUE (catalogue));
  g_assert_cmpstr (vigil_catalogue_get_version (catalogue), ==, "1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), >=,
                    G_N_ELEMENTS (stable_ids));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (catalogue)) == VIGIL_TYPE_STANDARD);
  first = g_list_model_get_item (G_LIST_MODEL (catalogue), 0);
  g_assert_cmpstr (vigil_standard_get_category (first), ==, vigil_standard_categories[0]);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (catalogue), 100000));
  /* The same object each time: loaded once. */
  g_assert_true (vigil_catalogue_get_default () == catalogue);
}

static void
test_ids_stable_and_unique (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));

  for (guint i = 0; i < G_N_ELEMENTS (stable_ids); i++)
    {
      if (vigil_catalogue_lookup (catalogue, stable_ids[i]) == NULL)
        g_test_message ("the released standard %s is gone", stable_ids[i]);
      g_assert_nonnull (vigil_catalogue_lookup (catalogue, stable_ids[i]));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      const char *id = vigil_standard_get_id (standard);

      g_assert_true (vigil_standard_id_is_valid (id));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (vigil_catalogue_lookup (catalogue, id) == standard);
      /* A new standard goes on the stable list the day it ships. */
      if (!g_strv_contains (stable_ids, id))
        g_test_message ("%s is not on the list of stable ids", id);
      g_assert_true (g_strv_contains (stable_ids, id));
    }
  g_assert_null (vigil_catalogue_lookup (catalogue, "no-such-standard"));
  g_assert_null (vigil_catalogue_lookup (catalogue, NULL));
}

static void
test_sources_exist (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *documents = vigil_catalogue_get_documents (catalogue);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  guint checked = 0;

  /* The catalogue declares exactly the five seeds. */
  g_assert_cmpuint (g_strv_length ((char **) documents), ==, G_N_ELEMENTS (seeds));
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_assert_true (g_strv_contains (documents, seeds[i]));
      g_assert_nonnull (vigil_catalogue_get_document_title (catalogue, seeds[i]));
      g_hash_table_insert (texts, (gpointer) seeds[i], seed_text (seeds[i]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      g_assert_cmpuint (vigil_standard_get_n_sources (standard), >=, 1);
      for (guint s = 0; s < vigil_standard_get_n_sources (standard); s++)
        {
          const VigilStandardSource *source = vigil_standard_get_source (standard, s);
          const char *text = g_hash_table_lookup (texts, source->document);
          gsize offset = 0;

          if (text == NULL || !vigil_catalogue_locate_section (text, source->section, &offset))
            g_test_message ("%s: “%s” is not found in %s", vigil_standard_get_id (standard),
                            source->section, source->document);
          g_assert_nonnull (text);
          g_assert_true (vigil_catalogue_locate_section (text, source->section, &offset));
          g_hash_table_add (cited, source->document);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, n);
  /* Every seed is cited; one read whole and never cited was not used. */
  g_assert_cmpuint (g_hash_table_size (cited), ==, G_N_ELEMENTS (seeds));
}

/* The copies compiled into Vigil are the files the test read. */
static void
test_shipped_seeds_match (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_path ("/", VIGIL_SEEDS_RESOURCE_DIR, seeds[i], NULL);
      g_autoptr (GBytes) shipped = g_resource_lookup_data (vigil_core_get_resource (), path,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autofree char *text = seed_text (seeds[i]);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (shipped), ==, strlen (text));
      g_assert_true (memcmp (g_bytes_get_data (shipped, NULL), text, strlen (text)) == 0);
    }
}

static void
test_locate_rule (void)
{
  const char *text = "Chapter II\n1.4 first\n14.5 wrong\n4.51 wrong\nWorking Group II\n"
                     "Working Group I: here\n4.5 right\nChapter III\n4.5 later\n";
  gsize offset = 0;

  g_assert_true (vigil_catalogue_locate_section (text, "4.5", &offset));
  g_assert_true (g_str_has_prefix (text + offset, "4.5 right"));
  g_assert_true (vigil_catalogue_locate_section (text, "Chapter III > 4.5", &offset));
  g_assert_true (g_str_has_prefix (text + offset, "4.5 later"));
  g_assert_true (vigil_catalogue_locate_section (text, "Working Group I", &offset));
  g_assert_true (g_str_has_prefix (text + offset, "Working Group I:"));
  /* Order matters: nothing named "1.4" comes after Chapter III. */
  g_assert_false (vigil_catalogue_locate_section (text, "Chapter III > 1.4", &offset));
  g_assert_false (vigil_catalogue_locate_section (text, "Chapter IV", &offset));
  g_assert_false (vigil_catalogue_locate_section (text, "Chapter II >  > 1.4", &offset));
  g_assert_false (vigil_catalogue_locate_section (text, "", &offset));
}

static void
test_excerpt (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  VigilStandard *counselling = vigil_catalogue_lookup (catalogue,
                                                       "legal-counselling-before-testimony");
  VigilStandard *confrontation = vigil_catalogue_lookup (catalogue, "no-direct-confrontation");
  g_autoptr (VigilStandardSource) missing =
    vigil_standard_source_new ("osce-action-plan-pc-dec-557.txt", "XIV. Nothing here");
  g_autoptr (VigilStandardSource) unknown = vigil_standard_source_new ("other.txt", "1.1");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *described = NULL;

  text = vigil_catalogue_get_source_excerpt (catalogue, vigil_standard_get_source (counselling, 0),
                                             &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "- 4.5 Providing legal counselling"));
  g_assert_null (strstr (text, "4.6"));

  /* A heading is followed by the paragraph under it. */
  heading = vigil_catalogue_get_source_excerpt (catalogue,
                                                vigil_standard_get_source (confrontation, 0),
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (heading, "Points for Action"));
  g_assert_nonnull (strstr (heading, "judicial practice"));

  described = vigil_catalogue_describe_source (catalogue,
                                               vigil_standard_get_source (counselling, 0));
  g_assert_cmpstr (described, ==,
                   "OSCE Action Plan, III. Investigation, law enforcement and prosecution > 4.5");

  g_assert_null (vigil_catalogue_get_source_excerpt (catalogue, missing, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (vigil_catalogue_get_source_excerpt (catalogue, unknown, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
}

/* The categories the catalogue must cover, each with at least one
 * standard. */
static void
test_every_category (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();

  g_assert_cmpuint (g_strv_length ((char **) vigil_standard_categories), ==, 14);
  for (guint c = 0; vigil_standard_categories[c] != NULL; c++)
    {
      g_autoptr (GListModel) in = vigil_catalogue_in_category (catalogue,
                                                               vigil_standard_categories[c]);

      if (g_list_model_get_n_items (in) == 0)
        g_test_message ("no standard in %s", vigil_standard_categories[c]);
      g_assert_cmpuint (g_list_model_get_n_items (in), >=, 1);
      g_assert_nonnull (vigil_standard_category_label (vigil_standard_categories[c]));
    }
  g_assert_null (vigil_standard_category_label ("gossip"));
}

static void
test_search (void)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (GListModel) all = vigil_catalogue_search (catalogue, "");
  g_autoptr (GListModel) interpreters = vigil_catalogue_search (catalogue, "INTERPRÉTER child");
  g_autoptr (GListModel) by_section = vigil_catalogue_search (catalogue, "4.5 counselling");
  g_autoptr (GListModel) none = vigil_catalogue_search (catalogue, "interpreter zebra");
  g_autoptr (VigilStandard) found = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (catalogue)));
  g_assert_cmpuint (g_list_model_get_n_items (interpreters), ==, 1);
  found = g_list_model_get_item (interpreters, 0);
  g_assert_cmpstr (vigil_standard_get_id (found), ==, "child-trained-interpreter");
  g_assert_cmpuint (g_list_model_get_n_items (by_section), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

static void
check_loads_in (const char *language)
{
  g_autoptr (GBytes) data = shipped_data ();
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCatalogue) catalogue = NULL;
  guint n;

  g_setenv ("LANGUAGE", language, TRUE);
  catalogue = vigil_catalogue_new_from_bytes (data, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (vigil_catalogue_get_default ())));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      g_assert_cmpstr (vigil_standard_get_title (standard), !=, "");
      g_assert_cmpstr (vigil_standard_get_look_for (standard), !=, "");
      g_assert_nonnull (vigil_standard_get_category_label (standard));
      g_assert_nonnull (vigil_standard_get_applies_label (standard));
    }
}

/* Every language of resources/po/LINGUAS, and the untranslated one. */
static void
test_loads_in_every_locale (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "po", "LINGUAS",
                                                 NULL);
  g_autofree char *linguas = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  guint tried = 0;

  g_file_get_contents (path, &linguas, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit_set (linguas, "\n ", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      check_loads_in (lines[i]);
      tried++;
    }
  check_loads_in ("C");
  g_test_message ("loaded in %u shipped languages and C", tried);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Localized keys are how the catalogue carries translations. */
static void
test_localized_keys (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const char *text = "[Catalogue]\nversion=7\n\n[Document doc.txt]\ntitle=A document\n"
                     "title[fr]=Un document\nshort-title=Doc\n\n"
                     "[Standard good]\ncategory=language\ntitle=Interpreter\n"
                     "title[fr]=Interprète\nlook-for=Someone interprets\n"
                     "look-for[fr]=Quelqu'un interprète\napplies=interpretation_needed\n"
                     "sources=doc.txt|1.1\n";
  struct
  {
    const char *language;
    const char *title;
    const char *look_for;
    const char *document;
  } cases[] = {
    { "fr", "Interprète", "Quelqu'un interprète", "Un document" },
    { "fr_CH:de", "Interprète", "Quelqu'un interprète", "Un document" },
    { "de", "Interpreter", "Someone interprets", "A document" },
    { "C", "Interpreter", "Someone interprets", "A document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilCatalogue) catalogue = NULL;
      VigilStandard *standard;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      catalogue = parse_text (text, &error);
      g_assert_no_error (error);
      standard = vigil_catalogue_lookup (catalogue, "good");
      g_assert_cmpstr (vigil_standard_get_title (standard), ==, cases[i].title);
      g_assert_cmpstr (vigil_standard_get_look_for (standard), ==, cases[i].look_for);
      g_assert_cmpstr (vigil_catalogue_get_document_title (catalogue, "doc.txt"), ==,
                       cases[i].document);
    }
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* The translatable keys are what the gettext tools extract and merge, so
 * the workflow in README.md stays valid. */
static void
test_translatable_keys_extract (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "resources",
                                                   "standards.ini", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  const char *argv[] = {
    xgettext, "-L", "Desktop", "-k", "-ktitle", "-klook-for", "-kshort-title", "--no-wrap",
    "--omit-header", "-o", "-", source, NULL,
  };
  int status = 0;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalogue)); i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), i);
      g_autofree char *title = g_strdup_printf ("msgid \"%s\"", vigil_standard_get_title (standard));

      g_assert_nonnull (strstr (out, title));
    }
}

/* Empty data is refused like any other malformed catalogue, without
 * arithmetic on its NULL data pointer (which clang's UBSan reports, found
 * by fuzz-catalogue). */
static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (VigilCatalogue) catalogue = vigil_catalogue_new_from_bytes (empty, &error);

  g_assert_null (catalogue);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
}

/* The escapes GKeyFile knows still read as it reads them. */
static void
test_escapes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCatalogue) catalogue =
    parse_text (HEADER "[Standard x]\ncategory=language\ntitle=Tab\\there\\\\ and\\snext\\nline\n"
                       "  # a comment: \\q is no escape here\n"
                       "look-for=L\napplies=always\nsources=doc.txt|1.1\n",
                &error);
  VigilStandard *standard;

  g_assert_no_error (error);
  standard = vigil_catalogue_lookup (catalogue, "x");
  g_assert_nonnull (standard);
  g_assert_cmpstr (vigil_standard_get_title (standard), ==, "Tab\there\\ and next\nline");
}

static void
test_malformed (void)
{
  struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "", "[Catalogue]" },
    { "not a key file", "Standards catalogue:" },
    { "[Catalogue]\nversion=7\n", "holds no standard" },
    { "[Document doc.txt]\ntitle=A\nshort-title=B\n\n" GOOD_STANDARD, "[Catalogue] group" },
    { "[Catalogue]\nversion=seven and a half\n\n" GOOD_STANDARD, "version must be" },
    { HEADER GOOD_STANDARD "\n" GOOD_STANDARD, "already defined on line 8" },
    { HEADER "[Standard Bad_Id]\ncategory=language\ntitle=T\nlook-for=L\napplies=always\n"
             "sources=doc.txt|1.1\n",
      "“Bad_Id” is not a standard id" },
    { HEADER "[Standard x]\ncategory=gossip\ntitle=T\nlook-for=L\napplies=always\n"
             "sources=doc.txt|1.1\n",
      "category “gossip” is not one of" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=victim_sings\n"
             "sources=doc.txt|1.1\n",
      "“victim_sings” is not a condition" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=always+held\n"
             "sources=doc.txt|1.1\n",
      "“always” stands alone" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=\n"
             "sources=doc.txt|1.1\n",
      "rule is empty" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=held;;media_present\n"
             "sources=doc.txt|1.1\n",
      "names no condition" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=always\n",
      "[Standard x]: Standard x names no source" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=always\n"
             "sources=other.txt|1.1\n",
      "“other.txt”, which no [Document] group declares" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook-for=L\napplies=always\n"
             "sources=doc.txt\n",
      "is not FILE|SECTION" },
    { HEADER "[Standard x]\ncategory=language\ntitle=  \nlook-for=L\napplies=always\n"
             "sources=doc.txt|1.1\n",
      "title is missing or empty" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\napplies=always\nsources=doc.txt|1.1\n",
      "look-for is missing or empty" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\nlook_for=L\napplies=always\n"
             "sources=doc.txt|1.1\n",
      "unknown key “look_for”" },
    { HEADER GOOD_STANDARD "\n[Standards y]\ntitle=T\n", "Unknown group [Standards y]" },
    { "[Catalogue]\nversion=7\n\n[Document doc.txt]\ntitle=A document\n\n" GOOD_STANDARD,
      "[Document doc.txt]: short-title is missing" },
    { "[Catalogue]\nversion=7\n\n[Document a/doc.txt]\ntitle=A\nshort-title=B\n",
      "without “/”" },
    /* An unknown escape and then a trailing backslash: GKeyFile alone
     * would set one error over another. */
    { HEADER "[Standard x]\ncategory=language\ntitle=T\\q and \\\nlook-for=L\n"
             "applies=always\nsources=doc.txt|1.1\n",
      "Line 10: a backslash must be followed by" },
    { HEADER "[Standard x]\ncategory=language\ntitle=T\\\r\nlook-for=L\n", "Line 10: a backslash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilCatalogue) catalogue = parse_text (cases[i].text, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (catalogue);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Standards catalogue: "));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }

  /* The same data, unbroken, loads: the cases above fail for their fault. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (VigilCatalogue) catalogue = parse_text (HEADER GOOD_STANDARD, &error);
    g_autoptr (GBytes) invalid = g_bytes_new ("[Catalogue]\nversion=\xff\n", 21);

    g_assert_no_error (error);
    g_assert_nonnull (vigil_catalogue_lookup (catalogue, "good"));
    g_assert_null (vigil_catalogue_new_from_bytes (invalid, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not UTF-8"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalogue/default-loads", test_default_loads);
  g_test_add_func ("/catalogue/ids-stable-and-unique", test_ids_stable_and_unique);
  g_test_add_func ("/catalogue/sources-exist", test_sources_exist);
  g_test_add_func ("/catalogue/shipped-seeds-match", test_shipped_seeds_match);
  g_test_add_func ("/catalogue/locate-rule", test_locate_rule);
  g_test_add_func ("/catalogue/excerpt", test_excerpt);
  g_test_add_func ("/catalogue/every-category", test_every_category);
  g_test_add_func ("/catalogue/search", test_search);
  g_test_add_func ("/catalogue/loads-in-every-locale", test_loads_in_every_locale);
  g_test_add_func ("/catalogue/localized-keys", test_localized_keys);
  g_test_add_func ("/catalogue/translatable-keys-extract", test_translatable_keys_extract);
  g_test_add_func ("/catalogue/escapes", test_escapes);
  g_test_add_func ("/catalogue/malformed", test_malformed);
  g_test_add_func ("/catalogue/empty", test_empty);
  return g_test_run ();
}
