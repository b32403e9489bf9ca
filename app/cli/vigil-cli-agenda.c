/* vigil-cli-agenda.c: `vigil-cli agenda --from DATE --to DATE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-agenda.h"
#include "vigil-cli-common.h"
#include "vigil-enum-types.h"
#include "vigil-protection-load.h"
#include "vigil-store.h"

/* private helpers */

static char *
time_text (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* A tab or line break in a field would break the line into two: TSV
 * readers get spaces instead. */
static char *
tsv_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "");

  g_strdelimit (field, "\t\r\n", ' ');
  return field;
}

static void
print_row (const VigilAgendaRow *row, gboolean tsv)
{
  g_autofree char *at = time_text (row->at);
  const char *reference = vigil_case_get_reference (row->data->kase);
  const char *type = NULL, *what = NULL, *pseudonym = row->pseudonym, *status = NULL;
  const char *severity = NULL, *rule = NULL, *standard = NULL;
  g_autofree char *owned = NULL;

  switch (row->kind)
    {
    case VIGIL_AGENDA_HEARING:
      type = "hearing";
      what = vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND, vigil_hearing_get_kind (row->hearing));
      status = vigil_enum_to_nick (VIGIL_TYPE_HEARING_STATUS,
                                   vigil_hearing_get_status (row->hearing));
      pseudonym = row->testifying;
      break;
    case VIGIL_AGENDA_MEASURE:
      type = "measure";
      what = row->measure->kind;
      status = row->measure->status;
      break;
    case VIGIL_AGENDA_PROBLEM:
      type = "problem";
      what = row->problem->message;
      severity = row->problem->severity;
      rule = row->problem->rule;
      standard = row->problem->standard_id;
      break;
    default:
      g_assert_not_reached ();
    }

  if (tsv)
    {
      const char *fields[] = {
        type, at, reference, vigil_case_get_court (row->data->kase), pseudonym, what, status,
        severity, rule, standard,
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *field = tsv_field (fields[i]);

          g_print ("%s%s", i > 0 ? "\t" : "", field);
        }
      g_print ("\n");
      return;
    }
  if (row->kind == VIGIL_AGENDA_PROBLEM)
    owned = g_strdup_printf ("  ! %s [%s, %s]", what, severity, standard);
  else if (row->kind == VIGIL_AGENDA_MEASURE)
    owned = g_strdup_printf ("  - %s for %s: %s", vigil_protection_kind_label (what),
                             pseudonym != NULL ? pseudonym : "?",
                             vigil_protection_status_label (status));
  else
    owned = g_strdup_printf ("%s hearing (%s)%s%s", what, status,
                             pseudonym != NULL ? _(", testifying: ") : "",
                             pseudonym != NULL ? pseudonym : "");
  g_print ("%-16s  %-14s  %s\n", at, reference, owned);
}

/* public API */

int
vigil_cli_agenda (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *from_text = NULL, *to_text = NULL, *format = NULL, *now_text = NULL;
  g_auto (GStrv) reflection = NULL;
  gboolean problems_only = FALSE;
  int requested_days = 3;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day (YYYY-MM-DD)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day (YYYY-MM-DD)"), N_("DATE") },
    { "problems-only", 0, 0, G_OPTION_ARG_NONE, &problems_only,
      N_("Only the problems, not every hearing and measure"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("table (default), or tsv: type, time, reference, court, pseudonym, what, status, "
         "severity, rule, standard"),
      N_("FORMAT") },
    { "requested-days", 0, 0, G_OPTION_ARG_INT, &requested_days,
      N_("A measure still requested this many days before its hearing is a problem (3)"),
      N_("N") },
    { "reflection", 0, 0, G_OPTION_ARG_STRING_ARRAY, &reflection,
      N_("A jurisdiction's own minimum reflection period in days (default: three months)"),
      N_("JURISDICTION=DAYS") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Judge the plan as at this date and time (ISO 8601) instead of now"), N_("TIME") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "agenda", "",
    _("List the hearings of some days with the protection measures around them and every "
      "problem of those measures, one per line. Persons are named by pseudonym only."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GHashTable) minimums = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = NULL;
  VigilProtectionSettings settings;

  if (!vigil_cli_parse (context, "agenda", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("agenda", _("Unexpected argument “%s”"), argv[1]);
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "tsv"))
    return vigil_cli_usage_error ("agenda", _("--format is table or tsv, not “%s”"), format);
  if (!vigil_cli_parse_days (from_text, to_text, &from, &to, "agenda"))
    return VIGIL_CLI_USAGE;
  if (requested_days < 0)
    return vigil_cli_usage_error ("agenda", _("--requested-days is a number of days from 0"));
  for (guint i = 0; reflection != NULL && reflection[i] != NULL; i++)
    {
      char *equals = strrchr (reflection[i], '=');
      guint64 days;

      if (equals == NULL || !g_ascii_string_to_unsigned (equals + 1, 10, 0, 3650, &days, NULL))
        return vigil_cli_usage_error ("agenda",
                                      _("--reflection takes JURISDICTION=DAYS, e.g. "
                                        "Romania=30"));
      *equals = '\0';
      g_hash_table_insert (minimums, reflection[i], GUINT_TO_POINTER ((guint) days));
    }
  now = now_text != NULL ? g_date_time_new_from_iso8601 (now_text, NULL)
                         : g_date_time_new_now_utc ();
  if (now == NULL)
    return vigil_cli_usage_error ("agenda", _("--now takes a date and time with its zone, e.g. "
                                              "2026-03-01T09:00:00Z"));

  opened = vigil_cli_open_vault (&vault, "agenda");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  cases = vigil_protection_load_span (store, from, to, &error);
  if (cases == NULL)
    {
      vigil_cli_print_error ("agenda", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_protection_settings_init (&settings, now);
  settings.requested_days = requested_days;
  settings.reflection_days = minimums;
  problems = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len, NULL,
                                     &settings);
  rows = vigil_agenda_build ((VigilProtectionCaseData **) cases->pdata, cases->len, problems,
                             from, to, problems_only);
  for (guint i = 0; i < rows->len; i++)
    print_row (g_ptr_array_index (rows, i), format != NULL && g_str_equal (format, "tsv"));
  /* The measures hold who is responsible, opened: gone before the keys. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&cases, g_ptr_array_unref);
  vigil_vault_lock (opened);
  return VIGIL_CLI_OK;
}
