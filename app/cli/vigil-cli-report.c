/* vigil-cli-report.c: `vigil-cli report --out FILE`
 *
 * The options are parsed in one place, report_args_parse(), into a
 * VigilReportOptions and the output path; write_report() then chooses the
 * writer by the file's name. A new format is one more branch there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-catalogue.h"
#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-leak-check.h"
#include "vigil-report-figures.h"
#include "vigil-report.h"
#include "vigil-store.h"

#define COMMAND "report"

/* What the command line asks for. */
typedef struct
{
  VigilCliVaultOptions  vault;
  VigilReportOptions   *options;
  char                 *out;
  gboolean              force;
} ReportArgs;

static void
report_args_clear (ReportArgs *args)
{
  vigil_cli_vault_options_clear (&args->vault);
  g_clear_pointer (&args->options, vigil_report_options_free);
  g_clear_pointer (&args->out, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportArgs, report_args_clear)

/* Fills @args from the command line; a usage error is printed and
 * VIGIL_CLI_USAGE returned, else VIGIL_CLI_OK. */
static int
report_args_parse (ReportArgs *args, int argc, char **argv)
{
  g_autofree char *case_ref = NULL, *from = NULL, *to = NULL, *dates = NULL;
  g_autofree char *courts = NULL, *references = NULL, *programme = NULL, *title = NULL;
  g_autofree char *court = NULL, *jurisdiction = NULL, *charge = NULL, *paper = NULL;
  gboolean all = FALSE;
  int min_cell = VIGIL_REPORT_DEFAULT_MIN_CELL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_ref, N_("Report on one case"), N_("REFERENCE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Report on the hearings from this day"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("… to this day, included"), N_("YYYY-MM-DD") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Report on every case"), NULL },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court, N_("Only the cases of this court"), N_("COURT") },
    { "jurisdiction", 0, 0, G_OPTION_ARG_STRING, &jurisdiction,
      N_("Only the cases of this jurisdiction"), N_("JURISDICTION") },
    { "charge", 0, 0, G_OPTION_ARG_STRING, &charge, N_("Only the cases with this charge"),
      N_("CHARGE") },
    { "dates", 0, 0, G_OPTION_ARG_STRING, &dates, N_("Show dates exactly, by month (the "
      "default) or by quarter"), "exact|month|quarter" },
    { "courts", 0, 0, G_OPTION_ARG_STRING, &courts, N_("Name courts exactly, by region (the "
      "default) or not at all"), "exact|region|none" },
    { "references", 0, 0, G_OPTION_ARG_STRING, &references, N_("Show cases as codes (the "
      "default) or by their court reference"), "codes|exact" },
    { "min-cell", 0, 0, G_OPTION_ARG_INT, &min_cell, N_("Suppress figures smaller than K "
      "(default 3)"), "K" },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme, N_("The monitoring programme's name"),
      N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The report's title"), N_("TITLE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size (default a4)"), "a4|letter" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &args->out,
      N_("Write the report to FILE: .pdf or .odt (checked for identities before it is kept), "
         ".csv or .json (its figures)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &args->force, N_("Replace FILE when it exists"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    COMMAND, "",
    _("Build an anonymized monitoring report: persons by pseudonym, cases by code, notes "
      "scrubbed of every identifier in the vault, small figures suppressed."),
    entries, &args->vault);
  g_autoptr (GError) error = NULL;
  VigilReportOptions *options;
  guint scopes;

  if (!vigil_cli_parse (context, COMMAND, &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error (COMMAND, _("Unexpected argument “%s”"), argv[1]);
  if (args->out == NULL)
    return vigil_cli_usage_error (COMMAND, _("Name the file to write with --out FILE"));
  scopes = (case_ref != NULL) + (from != NULL || to != NULL) + (all != FALSE);
  if (scopes != 1)
    return vigil_cli_usage_error (COMMAND,
                                  _("Choose one scope: --case REFERENCE, --from DATE --to DATE, "
                                    "or --all"));

  options = args->options = vigil_report_options_new ();
  if (case_ref != NULL)
    {
      options->scope = VIGIL_REPORT_SCOPE_CASE;
      options->case_ref = g_steal_pointer (&case_ref);
    }
  else if (!all)
    {
      options->scope = VIGIL_REPORT_SCOPE_PERIOD;
      options->from = g_steal_pointer (&from);
      options->to = g_steal_pointer (&to);
    }
  options->court = g_steal_pointer (&court);
  options->jurisdiction = g_steal_pointer (&jurisdiction);
  options->charge = g_steal_pointer (&charge);
  options->programme = g_steal_pointer (&programme);
  options->title = g_steal_pointer (&title);
  if (dates != NULL && !vigil_report_dates_from_nick (dates, &options->dates))
    return vigil_cli_usage_error (COMMAND, _("--dates is exact, month or quarter"));
  if (courts != NULL && !vigil_report_courts_from_nick (courts, &options->courts))
    return vigil_cli_usage_error (COMMAND, _("--courts is exact, region or none"));
  if (references != NULL && !vigil_report_references_from_nick (references, &options->references))
    return vigil_cli_usage_error (COMMAND, _("--references is codes or exact"));
  if (paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0)
    options->paper = VIGIL_REPORT_PAPER_LETTER;
  else if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0)
    return vigil_cli_usage_error (COMMAND, _("--paper is a4 or letter"));
  if (min_cell < 1)
    return vigil_cli_usage_error (COMMAND, _("--min-cell is at least 1"));
  options->min_cell = (guint) min_cell;
  if (!vigil_report_options_validate (options, &error))
    return vigil_cli_usage_error (COMMAND, "%s", error->message);
  return VIGIL_CLI_OK;
}

/* Writes @doc to @path in the format its name asks for. A PDF or an ODT
 * is read back and checked against every identity in @store first. */
static gboolean
write_report (VigilStore *store, VigilReportDoc *doc, const char *path, GError **error)
{
  VigilReportFiguresFormat figures;
  VigilReportFormat format;

  if (vigil_report_figures_format_for_path (path, &figures))
    return vigil_report_figures_write (doc, figures, path, error);
  if (vigil_report_format_from_path (path, &format))
    return vigil_report_save (store, doc, format, path, NULL, NULL, error);
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("%s: a report is written as .pdf, .odt, .csv or .json"), path);
  return FALSE;
}

static gboolean
format_known (const char *path)
{
  VigilReportFiguresFormat figures;
  VigilReportFormat format;

  return vigil_report_figures_format_for_path (path, &figures)
         || vigil_report_format_from_path (path, &format);
}

int
vigil_cli_report (int argc, char **argv)
{
  g_auto (ReportArgs) args = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilReportDoc) doc = NULL;
  g_autofree char *path = NULL;
  gboolean written;
  int status;

  status = report_args_parse (&args, argc, argv);
  if (status != VIGIL_CLI_OK)
    return status;
  if (!format_known (args.out))
    return vigil_cli_usage_error (COMMAND, _("--out names a .pdf, .odt, .csv or .json file"));
  if (!args.force && g_file_test (args.out, G_FILE_TEST_EXISTS))
    {
      vigil_cli_error (COMMAND, _("%s already exists; pass --force to replace it."), args.out);
      return VIGIL_CLI_FAILURE;
    }

  opened = vigil_cli_open_vault (&args.vault, COMMAND);
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&args.vault);
  store = vigil_store_new (opened);
  doc = vigil_report_build (store, vigil_catalogue_get_default (), args.options, NULL, &error);
  if (doc == NULL)
    {
      vigil_vault_lock (opened);
      vigil_cli_print_error (COMMAND, path, error);
      return VIGIL_CLI_FAILURE;
    }
  written = write_report (store, doc, args.out, &error);
  vigil_vault_lock (opened);
  if (!written)
    {
      /* A leak's message says where and whose, never the identifier. */
      vigil_cli_error (COMMAND, "%s", error->message);
      return VIGIL_CLI_FAILURE;
    }
  g_print (_("Wrote the anonymized report of %s to %s.\n"), path, args.out);
  return VIGIL_CLI_OK;
}
