/* test-cli-protection.c: `vigil-cli agenda` and `vigil-cli export-ics`,
 * the calendar read back by Debian's python3-icalendar
 * (tests/check-ics.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "vigil-protection-load.h"
#include "vigil-store-protection.h"
#include "vigil-store.h"
#include "vigil-test-util.h"

#define PASSPHRASE "cli test passphrase"

/* What the vault holds that no calendar without places may show. */
static const char * const secrets[] = {
  "Ioana", "Mihailescu", "0745 123 456", "Strada Florilor", "Radu", "Vasilescu", "side door",
  "Tribunalul", "Sala 4", "K 77/2026",
};

#define DOCUMENT \
  "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{" \
  "\"reference\": \"K 77/2026\", \"court\": \"Tribunalul Iași\", \"jurisdiction\": \"Romania\"," \
  "\"stage\": \"trial\", \"charges\": [\"Trafficking in human beings\"]," \
  "\"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false," \
  "  \"identified_on\": \"2025-05-02\"," \
  "  \"identity\": {\"full_name\": \"Ioana Mihailescu\", \"phone\": \"0745 123 456\"," \
  "                \"address\": \"Strada Florilor 3, Iași\"}}," \
  " {\"pseudonym\": \"W-01\", \"role\": \"witness\", \"is_child\": false}]," \
  "\"hearings\": [" \
  " {\"starts_at\": \"2026-03-10T09:00:00Z\", \"room\": \"Sala 4\", \"kind\": \"testimony\"," \
  "  \"closed_session\": true, \"attendance\": [{\"person\": \"V-01\", \"testified\": true}]}," \
  " {\"starts_at\": \"2026-03-12T09:00:00Z\", \"room\": \"Sala 4\", \"kind\": \"main\"," \
  "  \"status\": \"adjourned\", \"adjournment_reason\": \"Judge ill\", \"closed_session\": false}]," \
  "\"protection_measures\": [" \
  " {\"person\": \"V-01\", \"hearing_index\": 0, \"kind\": \"police_escort\"," \
  "  \"status\": \"requested\", \"starts_at\": \"2026-03-10T07:30:00Z\"," \
  "  \"ends_at\": \"2026-03-10T13:00:00Z\", \"responsible\": \"Escort team Radu Vasilescu\"," \
  "  \"details\": \"Enters by the side door; a long line of details that has to be folded " \
  "somewhere, with commas, semicolons; and a backslash \\\\ too\"}," \
  " {\"person\": \"V-01\", \"hearing_index\": 0, \"kind\": \"support_person\"," \
  "  \"status\": \"confirmed\"}," \
  " {\"person\": \"V-01\", \"hearing_index\": 1, \"kind\": \"separate_waiting_room\"," \
  "  \"status\": \"confirmed\"}]}]}"

typedef struct
{
  char *dir;
  char *vault;
  char *passphrase_file;
  char *ics;
  char *out;
  char *err;
} Fixture;

static int
run_argv (Fixture *f, const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE
                               | G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_autoptr (GSubprocess) process = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &f->out, &f->err, &error);
  g_assert_no_error (error);
  g_test_message ("$ %s %s …\n%s%s", argv[0], argv[1], f->out, f->err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* vigil-cli with the vault and passphrase file, then the NULL-terminated
 * arguments. */
static int
cli (Fixture *f, const char *command, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("VIGIL_CLI"));
  g_ptr_array_add (args, (gpointer) command);
  g_ptr_array_add (args, (gpointer) "--vault");
  g_ptr_array_add (args, f->vault);
  g_ptr_array_add (args, (gpointer) "--passphrase-file");
  g_ptr_array_add (args, f->passphrase_file);
  va_start (ap, command);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (f, (const char * const *) args->pdata);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *document = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->vault = g_build_filename (f->dir, "vault.vigil", NULL);
  f->ics = g_build_filename (f->dir, "week.ics", NULL);
  f->passphrase_file = g_build_filename (f->dir, "passphrase", NULL);
  document = g_build_filename (f->dir, "cases.json", NULL);
  g_assert_true (g_file_set_contents (f->passphrase_file, PASSPHRASE "\n", -1, NULL));
  g_chmod (f->passphrase_file, 0600);
  g_assert_true (g_file_set_contents (document, DOCUMENT, -1, NULL));
  g_assert_cmpint (cli (f, "init", "--kdf", "interactive", NULL), ==, 0);
  g_assert_cmpint (cli (f, "import", document, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->out);
  g_free (f->err);
  g_free (f->vault);
  g_free (f->ics);
  g_free (f->passphrase_file);
  vigil_test_tmpdir_free (f->dir);
}

/* The calendar as python3-icalendar reads it: its "events". */
static JsonArray *
read_calendar (Fixture *f, JsonParser *parser)
{
  const char *argv[] = { "/usr/bin/python3", NULL, f->ics, NULL };
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-ics.py", NULL);
  g_autoptr (GError) error = NULL;

  argv[1] = script;
  g_assert_cmpint (run_argv (f, argv), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "events");
}

static JsonObject *
event_of (JsonArray *events, const char *uid)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "uid"), uid))
        return event;
    }
  return NULL;
}

typedef struct
{
  VigilVault *vault;
  VigilStore *store;
  GPtrArray  *cases;
} Opened;

static void
open_vault (Fixture *f, Opened *o)
{
  g_autoptr (GError) error = NULL;

  o->vault = vigil_vault_open (f->vault, PASSPHRASE, &error);
  g_assert_no_error (error);
  o->store = vigil_store_new (o->vault);
  o->cases = vigil_protection_load_all (o->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (o->cases->len, ==, 1);
}

static void
close_vault (Opened *o)
{
  g_clear_pointer (&o->cases, g_ptr_array_unref);
  g_clear_object (&o->store);
  vigil_vault_lock (o->vault);
  g_clear_object (&o->vault);
}

static void
test_agenda (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) lines = NULL;
  guint hearings = 0, measures = 0, problems = 0;

  g_assert_cmpint (cli (f, "agenda", "--from", "2026-03-09", "--to", "2026-03-15", "--now",
                        "2026-03-08T12:00:00Z", "--format", "tsv", NULL),
                   ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      hearings += g_str_equal (fields[0], "hearing");
      measures += g_str_equal (fields[0], "measure");
      if (g_str_equal (fields[0], "problem"))
        {
          problems++;
          g_assert_cmpstr (fields[4], ==, "V-01");
          g_assert_true (fields[8][0] != '\0' && fields[9][0] != '\0');
        }
    }
  g_assert_cmpuint (hearings, ==, 2);
  g_assert_cmpuint (measures, ==, 3);
  /* The escort is still requested two days before; no assessment counts
   * as low, which calls for the support person, confirmed: one problem. */
  g_assert_cmpuint (problems, ==, 1);
  g_assert_nonnull (strstr (f->out, "still-requested"));
  /* The agenda names courts and references, as the case list does; no
   * identity, nor who is responsible. */
  for (guint i = 0; i < G_N_ELEMENTS (secrets) - 3; i++)
    g_assert_null (strstr (f->out, secrets[i]));

  g_assert_cmpint (cli (f, "agenda", "--from", "2026-03-09", "--to", "2026-03-15", "--now",
                        "2026-03-08T12:00:00Z", "--problems-only", NULL),
                   ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (f->out, "still only requested"));

  g_assert_cmpint (cli (f, "agenda", "--from", "2026-03-15", "--to", "2026-03-09", NULL), ==, 2);
  g_assert_cmpint (cli (f, "agenda", "--from", "2026-02-30", "--to", "2026-03-09", NULL), ==, 2);
}

static void
test_ics (Fixture *f, gconstpointer unused)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) again_parser = json_parser_new ();
  g_autoptr (JsonParser) moved_parser = json_parser_new ();
  g_autoptr (JsonParser) places_parser = json_parser_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) later = g_date_time_new_utc (2026, 3, 24, 9, 0, 0);
  g_autofree char *hearing_uid = NULL;
  g_autofree char *adjourned_uid = NULL;
  g_autofree char *escort_uid = NULL;
  g_autofree char *room_uid = NULL;
  JsonArray *events, *again, *moved, *with_places;
  JsonObject *event;
  VigilProtectionCaseData *data;
  VigilHearing *hearing;
  Opened o = { 0 };
  GStatBuf st;

  g_assert_cmpint (cli (f, "export-ics", "--from", "2026-03-09", "--to", "2026-03-15", "--out",
                        f->ics, NULL),
                   ==, 0);
  g_assert_null (strstr (f->err, "warning"));
  g_assert_cmpint (g_stat (f->ics, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  bytes = vigil_test_read_file (f->ics);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      if (vigil_test_bytes_contain (bytes, secrets[i]))
        g_test_message ("the calendar holds %s", secrets[i]);
      g_assert_false (vigil_test_bytes_contain (bytes, secrets[i]));
    }

  open_vault (f, &o);
  data = g_ptr_array_index (o.cases, 0);
  hearing = g_ptr_array_index (data->hearings, 0);
  hearing_uid = g_strdup_printf ("%s@hearing.vigil", vigil_hearing_get_id (hearing));
  adjourned_uid = g_strdup_printf ("%s@hearing.vigil",
                                   vigil_hearing_get_id (data->hearings->pdata[1]));
  escort_uid = g_strdup_printf ("%s@measure.vigil",
                                ((VigilProtectionData *) data->measures->pdata[0])->id);
  room_uid = g_strdup_printf ("%s@measure.vigil",
                              ((VigilProtectionData *) data->measures->pdata[2])->id);

  events = read_calendar (f, parser);
  g_assert_cmpuint (json_array_get_length (events), ==, 5);
  event = event_of (events, hearing_uid);
  g_assert_nonnull (event);
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==,
                   "2026-03-10T09:00:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CONFIRMED");
  g_assert_nonnull (strstr (json_object_get_string_member (event, "summary"), "V-01"));
  g_assert_true (json_object_get_null_member (event, "location"));
  g_assert_true (json_object_get_null_member (event, "description"));
  event = event_of (events, adjourned_uid);
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CANCELLED");
  event = event_of (events, escort_uid);
  g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==,
                   "Police escort for V-01");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "TENTATIVE");
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==,
                   "2026-03-10T07:30:00+00:00");
  /* A measure for an adjourned hearing is off too. */
  g_assert_cmpstr (json_object_get_string_member (event_of (events, room_uid), "status"), ==,
                   "CANCELLED");

  /* Exported again: the same events, not new ones. */
  g_assert_cmpint (cli (f, "export-ics", "--from", "2026-03-09", "--to", "2026-03-15", "--out",
                        f->ics, NULL),
                   ==, 0);
  again = read_calendar (f, again_parser);
  g_assert_cmpuint (json_array_get_length (again), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_nonnull (event_of (events, json_object_get_string_member (
                                          json_array_get_object_element (again, i), "uid")));

  /* The hearing moves out of the week and the escort is cancelled: the
   * week's calendar has the hearing at its new time, the escort
   * cancelled, under the same UIDs. */
  vigil_hearing_set_starts_at (hearing, later);
  g_assert_true (vigil_store_save_hearing (o.store, hearing, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_store_set_protection_status (
    o.store, ((VigilProtectionData *) data->measures->pdata[0])->id, "cancelled", &error));
  g_assert_no_error (error);
  close_vault (&o);
  g_assert_cmpint (cli (f, "export-ics", "--from", "2026-03-09", "--to", "2026-03-15", "--out",
                        f->ics, NULL),
                   ==, 0);
  moved = read_calendar (f, moved_parser);
  g_assert_cmpuint (json_array_get_length (moved), ==, 5);
  event = event_of (moved, hearing_uid);
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==,
                   "2026-03-24T09:00:00+00:00");
  g_assert_cmpint (json_object_get_int_member (event, "sequence"), >,
                   json_object_get_int_member (event_of (events, hearing_uid), "sequence"));
  event = event_of (moved, escort_uid);
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CANCELLED");
  g_assert_cmpint (json_object_get_int_member (event, "sequence"), >,
                   json_object_get_int_member (event_of (events, escort_uid), "sequence"));

  /* With places, and a warning. */
  g_assert_cmpint (cli (f, "export-ics", "--from", "2026-03-09", "--to", "2026-03-15", "--out",
                        f->ics, "--with-places", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->err, "warning"));
  with_places = read_calendar (f, places_parser);
  event = event_of (with_places, escort_uid);
  g_assert_cmpstr (json_object_get_string_member (event, "location"), ==,
                   "Tribunalul Iași, Sala 4");
  g_assert_nonnull (strstr (json_object_get_string_member (event, "description"),
                            "Escort team Radu Vasilescu"));
  g_assert_nonnull (strstr (json_object_get_string_member (event, "description"),
                            "commas, semicolons; and a backslash \\ too"));
  /* Still no identity: places are not persons. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = vigil_test_read_file (f->ics);
  for (guint i = 0; i < 4; i++)
    g_assert_false (vigil_test_bytes_contain (bytes, secrets[i]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/protection/agenda", Fixture, NULL, fixture_set_up, test_agenda,
              fixture_tear_down);
  g_test_add ("/cli/protection/export-ics", Fixture, NULL, fixture_set_up, test_ics,
              fixture_tear_down);
  return g_test_run ();
}
