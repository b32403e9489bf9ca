/* test-interchange-strict.c: what an import refuses before it judges a record
 *
 * A file is read as strict JSON before json-glib reads it: too large, too
 * deep, or not JSON, it is refused with one problem that says so, quickly
 * and without a crash; what json-glib would read other than it was written
 * (a member twice, a second document, a NUL, a number beyond 64 bits) is
 * refused at its path. Then no text may hold a control character or one
 * that turns the direction of text, and observations and assessments must
 * name a catalogue this Vigil has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-test-util.h"

#define DOCUMENT_START "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": "

/* @json is refused with exactly the problems @expected. */
static void
assert_problems (const char *json, gssize length, const VigilTestProblem *expected, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document =
    vigil_interchange_load_data (json, length, &problems, &error);

  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, expected, n);
}

/* @json is refused with exactly the one problem @path, @message. */
static void
assert_refused (const char *json, gssize length, const char *path, const char *message)
{
  VigilTestProblem expected = { path, message };

  assert_problems (json, length, &expected, 1);
}

/* A document of one case, whose reference is the JSON text @reference. */
static char *
case_document (const char *reference)
{
  return g_strdup_printf (DOCUMENT_START "[{\"reference\": %s, \"court\": \"Court\","
                          " \"jurisdiction\": null, \"stage\": \"trial\","
                          " \"charges\": [\"Trafficking\"], \"persons\": [],"
                          " \"hearings\": []}]}",
                          reference);
}

/* A document whose cases are @depth lists nested in one another. */
static char *
nested_document (guint depth)
{
  GString *json = g_string_new (DOCUMENT_START);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* json-glib descends one call per level: a hundred thousand levels crashed
 * the import (F8). They are refused at the level past the limit, before
 * json-glib sees them, and at once. */
static void
test_deep (void)
{
  g_autofree char *json = nested_document (100000);
  g_autoptr (GString) path = g_string_new ("$.cases");
  g_autofree char *limit = g_strdup_printf ("nested more than %d deep", VIGIL_INTERCHANGE_MAX_DEPTH);
  gint64 start, elapsed;

  /* The document is the first level and its cases the second: the list
   * that may not open is the element of the last list allowed. */
  for (guint i = 2; i < VIGIL_INTERCHANGE_MAX_DEPTH + 1; i++)
    g_string_append (path, "[0]");
  start = g_get_monotonic_time ();
  assert_refused (json, -1, path->str, limit);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%u levels refused in %" G_GINT64_FORMAT " µs", 100000, elapsed);
  /* Under a second even in the sanitizer build; it takes microseconds. */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

/* A tree built elsewhere, given to vigil_interchange_load_node(), is held
 * to the same limit at the same path: nothing after it recurses without
 * one. */
static void
test_deep_tree (void)
{
  g_autofree char *json = nested_document (VIGIL_INTERCHANGE_MAX_DEPTH - 1);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GString) path = g_string_new ("$.cases");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  VigilTestProblem expected = { NULL, "nested more than 64 deep" };
  JsonArray *innermost;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  innermost = json_node_get_array (json_object_get_member (
    json_node_get_object (json_parser_get_root (parser)), "cases"));
  for (guint i = 2; i < VIGIL_INTERCHANGE_MAX_DEPTH; i++)
    {
      innermost = json_array_get_array_element (innermost, 0);
      g_string_append (path, "[0]");
    }
  json_array_add_array_element (innermost, json_array_new ());
  g_string_append (path, "[0]");
  expected.path = path->str;

  document = vigil_interchange_load_node (json_parser_get_root (parser), &problems, &error);
  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, &expected, 1);
}

/* Exactly the limit is read (and found wanting for what it holds). */
static void
test_deep_limit (void)
{
  g_autofree char *json = nested_document (VIGIL_INTERCHANGE_MAX_DEPTH - 1);

  assert_refused (json, -1, "$.cases[0]", "expected an object, found a list");
}

/* A file larger than the limit is not read at all: its size is asked
 * first. The test file is sparse, so it takes no room on the disk. */
static void
test_too_large_file (void)
{
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  VigilTestProblem expected = { "$", "an interchange file may be at most 256 MiB" };
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, VIGIL_INTERCHANGE_MAX_BYTES + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  document = vigil_interchange_load_file (path, &problems, &error);
  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, &expected, 1);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The same for data already in memory. g_malloc0() leaves the pages
 * untouched until written, and nothing reads them. */
static void
test_too_large_data (void)
{
  g_autofree char *data = g_malloc0 (VIGIL_INTERCHANGE_MAX_BYTES + 1);

  assert_refused (data, VIGIL_INTERCHANGE_MAX_BYTES + 1, "$",
                  "an interchange file may be at most 256 MiB");
}

/* json-glib reads more than JSON; none of it is an interchange file. */
static void
test_not_json (void)
{
  assert_refused ("{'format': 'vigil-interchange', 'version': 1, 'cases': []}", -1, "$",
                  "line 1, column 2: expected a member's name in double quotes");
  assert_refused (DOCUMENT_START "[] /* none */}", -1, "$",
                  "line 1, column 59: expected , or } after a member");
  assert_refused ("{\"format\": \"vigil-interchange\", \"version\": 0x1, \"cases\": []}", -1, "$",
                  "line 1, column 45: expected , or } after a member");
  assert_refused ("{\"format\": \"vigil-interchange\", \"version\": 01, \"cases\": []}", -1, "$",
                  "a number does not begin with 0 unless it is 0");
  assert_refused (DOCUMENT_START "[1,]}", -1, "$", "line 1, column 59: expected a value");
  assert_refused (DOCUMENT_START "[\"K 1\n\"]}", -1, "$.cases[0]",
                  "holds a control character (U+000A) written as itself");
  assert_refused (DOCUMENT_START "[\"\\ud800\"]}", -1, "$.cases[0]",
                  "\\uD800 is half of a character");
  assert_refused (DOCUMENT_START "[\"\xc3\x28\"]}", -1, "$.cases[0]", "the text is not UTF-8");
  assert_refused (DOCUMENT_START "[\"K 1]}", -1, "$", "a text is not closed");
}

/* json-glib keeps the last of two members of one name, silently: a second
 * "reference" would replace the first. Names are compared as decoded, so
 * an escape does not hide a second one. */
static void
test_duplicate_keys (void)
{
  static const VigilTestProblem expected[] = {
    { "$.version", "already has a member of this name" },
    { "$.cases[0].reference", "already has a member of this name" },
  };
  const char *json =
    "{\"format\": \"vigil-interchange\", \"version\": 1, \"version\": 1, \"cases\": [{"
    " \"reference\": \"K 1/2024\", \"court\": \"Court\", \"jurisdiction\": null,"
    " \"refer\\u0065nce\": \"K 2/2024\", \"stage\": \"trial\", \"charges\": [],"
    " \"persons\": [], \"hearings\": []}]}";

  assert_problems (json, -1, expected, G_N_ELEMENTS (expected));
}

/* json-glib reads the first of two documents and drops the second. */
static void
test_trailing_data (void)
{
  g_autofree char *one = case_document ("\"K 1/2024\"");
  g_autofree char *two = g_strconcat (one, "\n{\"format\": \"vigil-interchange\"}\n", NULL);
  g_autofree char *spaced = g_strconcat (one, " \r\n\t\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autofree char *with_nul = NULL;
  gsize length = strlen (one);

  assert_refused (two, -1, "$", "there is more after the end of the document, at line 2, column 1");
  /* A NUL after the document is more too: a length says where data ends. */
  with_nul = g_malloc (length + 2);
  memcpy (with_nul, one, length);
  with_nul[length] = '\0';
  with_nul[length + 1] = 'x';
  assert_refused (with_nul, length + 2, "$", "there is more after the end of the document");
  /* White space is not more. */
  document = vigil_interchange_load_data (spaced, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* json-glib ends a text at \u0000 and keeps what came before: "K 1" of
 * "K 1\u0000…" would be imported as the whole reference. */
static void
test_nul (void)
{
  g_autofree char *escaped = case_document ("\"K 1\\u0000/2024\"");
  g_autofree char *raw = case_document ("\"K 1#/2024\"");
  g_autofree char *in_name =
    g_strdup (DOCUMENT_START "[], \"cases\\u0000\": 1}");

  gsize raw_length = strlen (raw);

  assert_refused (escaped, -1, "$.cases[0].reference", "holds \\u0000, a NUL character");
  /* Written as itself, within the length given. */
  *strchr (raw, '#') = '\0';
  assert_refused (raw, raw_length, "$.cases[0].reference",
                  "holds a control character (U+0000) written as itself");
  assert_refused (in_name, -1, "$", "a member's name: holds \\u0000");
}

/* No text holds a control character or one that turns the direction of
 * text around (a reference "K 1/2024" could be shown as another, an
 * RLO in a name spells it backwards); only free text (notes, entries,
 * reasons, details, assets, evidence, addresses) holds tabs and line
 * breaks. Each is reported at its text, and nothing else is said about
 * the text: "trial\n" is not also "not a stage". */
static void
test_texts (void)
{
  static const VigilTestProblem expected[] = {
    { "$.cases[0].reference", "holds U+202E, which turns the direction" },
    { "$.cases[0].court", "holds a tab or a line break, but is one line" },
    { "$.cases[0].jurisdiction", "holds the control character U+0007" },
    { "$.cases[0].stage", "holds a tab or a line break" },
    { "$.cases[0].charges[1]", "holds a tab or a line break" },
    { "$.cases[0].notes", "holds U+2066" },
    { "$.cases[0].persons[0].identity.full_name", "holds U+202A" },
    { "$.cases[0].persons[0].identity.aliases[0]", "holds U+2069" },
    { "$.cases[0].hearings[0].room", "holds the control character U+007F" },
    { "$.cases[0].hearings[0].notes", "holds the control character U+0085" },
    { "$.cases[0].hearings[0].observations[0].monitor", "holds a tab or a line break" },
    { "$.cases[0].hearings[0].observations[0].entries[0].monitor", "holds U+202D" },
    { "$.cases[0].claims[0]", "a member's name holds U+202E" },
  };
  const char *json =
    DOCUMENT_START "[{"
    " \"reference\": \"K 1/2024\\u202e\", \"court\": \"Court\\tof appeal\","
    " \"jurisdiction\": \"Romania\\u0007\", \"stage\": \"trial\\n\","
    " \"charges\": [\"Trafficking\", \"forced\\nlabour\"],"
    " \"notes\": \"Line one\\nline two \\u2066x\\u2069\","
    " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\", \"is_child\": false,"
    "   \"notes\": \"Met twice.\\r\\n\\tOnce in court.\","
    "   \"identity\": {\"full_name\": \"\\u202aAna\", \"aliases\": [\"An\\u2069a\"],"
    "                \"address\": \"Ulica Lipa 17\\n11000 Beograd\"}}],"
    " \"hearings\": [{\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"main\","
    "   \"closed_session\": false, \"room\": \"Room\\u007f 3\", \"notes\": \"\\u0085\","
    "   \"observations\": [{\"standard\": \"interpreter-provided\","
    "     \"status\": \"respected\", \"monitor\": \"Field\\nmonitor\", \"notes\": null,"
    "     \"entries\": [{\"noted_at\": \"2024-03-05T10:00:00Z\", \"monitor\": \"\\u202dM\","
    "                  \"text\": \"Two\\nlines\"}]}]}],"
    " \"claims\": [{\"\\u202eclaimant\": \"V-01\"}]}]}";

  assert_problems (json, -1, expected, G_N_ELEMENTS (expected));
}

/* A path names members by their names; one that turns the direction of
 * text around is written as an escape in it, so the path reads as it is.
 * Here the name is reported twice, and itself is not checked. */
static void
test_path_escapes (void)
{
  assert_refused (DOCUMENT_START "[], \"x\\u202e\": 1, \"x\\u202e\": 2}", -1,
                  "$[\"x\\u202e\"]", "already has a member of this name");
}

/* A claim of one item whose amounts are the JSON numbers @claimed and
 * @awarded. */
static char *
claim_document (const char *claimed, const char *awarded)
{
  return g_strdup_printf (DOCUMENT_START "[{\"reference\": \"K 1/2024\", \"court\": \"Court\","
                          " \"jurisdiction\": null, \"stage\": \"trial\","
                          " \"charges\": [\"Trafficking\"],"
                          " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\","
                          "               \"is_child\": false}],"
                          " \"hearings\": [],"
                          " \"claims\": [{\"claimant\": \"V-01\", \"route\": \"civil_claim\","
                          "   \"status\": \"filed\", \"currency\": \"EUR\","
                          "   \"items\": [{\"head\": \"unpaid_wages\", \"claimed_minor\": %s,"
                          "               \"awarded_minor\": %s}]}]}]}",
                          claimed, awarded);
}

/* json-glib wraps a whole number that does not fit in 64 bits:
 * 99999999999999999999 arrived as -1 and was refused as "negative", and
 * -99999999999999999999 arrived as 1 and was imported as 0.01. */
static void
test_overflow (void)
{
  g_autofree char *large = claim_document ("99999999999999999999", "null");
  g_autofree char *wraps = claim_document ("-99999999999999999999", "null");
  g_autofree char *both = claim_document ("9223372036854775808", "-18446744073709551615");
  g_autofree char *fits = claim_document ("9223372036854775807", "0");
  const VigilTestProblem expected_both[] = {
    { "$.cases[0].claims[0].items[0].claimed_minor",
      "9223372036854775808 is a number too large to be read (the largest is "
      "9223372036854775807)" },
    { "$.cases[0].claims[0].items[0].awarded_minor",
      "-18446744073709551615 is a number too far below zero to be read (the least is "
      "-9223372036854775808)" },
  };

  assert_refused (large, -1, "$.cases[0].claims[0].items[0].claimed_minor",
                  "99999999999999999999 is a number too large to be read");
  assert_refused (wraps, -1, "$.cases[0].claims[0].items[0].claimed_minor",
                  "-99999999999999999999 is a number too far below zero to be read");
  assert_problems (both, -1, expected_both, G_N_ELEMENTS (expected_both));
  /* The largest number that fits is read, and judged as an amount. */
  assert_refused (fits, -1, "$.cases[0].claims[0].items[0].claimed_minor",
                  "is above 1000000000000000 minor units");
}

/* An observation or assessment names the catalogue its standard, or its
 * rule, came from. This Vigil has its own and, for observations made
 * without any, "none": a newer one says to update Vigil, and an older,
 * unknown or malformed one is refused as well, instead of being imported
 * with ids and grades this Vigil cannot stand behind. */
static void
test_catalogue_version (void)
{
  static const VigilTestProblem expected[] = {
    { "$.cases[0].hearings[0].observations[1].catalogue_version",
      "catalogue version \"2\" is newer than this Vigil's (version 1): update Vigil" },
    { "$.cases[0].hearings[0].observations[2].catalogue_version",
      "catalogue version \"0\" is not one this Vigil has (it has version 1, and \"none\" for "
      "observations made without a catalogue)" },
    { "$.cases[0].hearings[0].observations[3].catalogue_version",
      "catalogue version \"1.0-beta\" is not one this Vigil has" },
    { "$.cases[0].hearings[0].observations[4].catalogue_version",
      "\"1/2024\" is not a catalogue version" },
    { "$.cases[0].hearings[0].observations[5].catalogue_version",
      "catalogue version \"1.10\" is newer than this Vigil's" },
    { "$.cases[0].hearings[0].assessment.catalogue_version",
      "catalogue version \"none\" is not one this Vigil has (it has version 1)" },
    { "$.cases[0].assessment.catalogue_version",
      "catalogue version \"12\" is newer than this Vigil's (version 1): update Vigil" },
  };
  const char *json =
    DOCUMENT_START "[{\"reference\": \"K 1/2024\", \"court\": \"Court\", \"jurisdiction\": null,"
    " \"stage\": \"trial\", \"charges\": [\"Trafficking\"], \"persons\": [],"
    " \"hearings\": [{\"starts_at\": \"2024-03-05T09:30:00Z\", \"kind\": \"main\","
    "   \"closed_session\": false, \"observations\": ["
    "    {\"standard\": \"no-visual-contact\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"1\"},"
    "    {\"standard\": \"police-protection\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"2\"},"
    "    {\"standard\": \"separate-waiting-room\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"0\"},"
    "    {\"standard\": \"risk-assessment\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"1.0-beta\"},"
    "    {\"standard\": \"media-restrictions\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"1/2024\"},"
    "    {\"standard\": \"no-repeated-testimony\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"1.10\"},"
    "    {\"standard\": \"identity-not-disclosed\", \"status\": \"respected\", \"notes\": null,"
    "     \"catalogue_version\": \"none\"}],"
    "   \"assessment\": {\"grade\": \"adequate\", \"decided_at\": \"2024-03-05T16:00:00Z\","
    "                  \"catalogue_version\": \"none\"}}],"
    " \"assessment\": {\"grade\": \"adequate\", \"decided_at\": \"2024-03-05T16:00:00Z\","
    "                \"catalogue_version\": \"12\"}}]}";

  assert_problems (json, -1, expected, G_N_ELEMENTS (expected));
}

/* A file of the largest size could hold tens of millions of problems, each
 * taking memory: the reader stops at a thousand and says so. */
static void
test_many_problems (void)
{
  g_autoptr (GString) json = g_string_new ("{\"a\": 1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  VigilInterchangeProblem *last;

  for (guint i = 0; i < 5000; i++)
    g_string_append (json, ", \"a\": 1");
  g_string_append_c (json, '}');
  document = vigil_interchange_load_data (json->str, json->len, &problems, &error);
  g_assert_null (document);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  g_assert_cmpuint (problems->len, ==, 1001);
  last = g_ptr_array_index (problems, 1000);
  g_assert_cmpstr (last->path, ==, "$");
  g_assert_cmpstr (last->message, ==, "the file was not read past its first 1000 problems");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interchange/strict/deep", test_deep);
  g_test_add_func ("/interchange/strict/deep-limit", test_deep_limit);
  g_test_add_func ("/interchange/strict/deep-tree", test_deep_tree);
  g_test_add_func ("/interchange/strict/too-large-file", test_too_large_file);
  g_test_add_func ("/interchange/strict/too-large-data", test_too_large_data);
  g_test_add_func ("/interchange/strict/not-json", test_not_json);
  g_test_add_func ("/interchange/strict/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/interchange/strict/trailing-data", test_trailing_data);
  g_test_add_func ("/interchange/strict/nul", test_nul);
  g_test_add_func ("/interchange/strict/texts", test_texts);
  g_test_add_func ("/interchange/strict/path-escapes", test_path_escapes);
  g_test_add_func ("/interchange/strict/overflow", test_overflow);
  g_test_add_func ("/interchange/strict/catalogue-version", test_catalogue_version);
  g_test_add_func ("/interchange/strict/many-problems", test_many_problems);

  return g_test_run ();
}
