/* vigil-cli.c: headless access to a vault
 *
 * `vigil-cli COMMAND [OPTION…]`: each command lives in its own file
 * (vigil-cli-COMMAND.c) and parses its own options; this file only finds
 * the command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sodium.h>

#include "vigil-cli-common.h"

typedef struct
{
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "init", N_("Create a new, empty vault"), vigil_cli_init },
  { "import", N_("Import cases from an interchange file (all of it, or nothing)"),
    vigil_cli_import },
  { "export", N_("Write the vault to an interchange file"), vigil_cli_export },
  { "check", N_("Check the file, the audit chain and that every sealed value opens"),
    vigil_cli_check },
  { "claims", N_("List compensation claims, their totals per currency and near deadlines"),
    vigil_cli_claims },
  { "demo", N_("Import fictional cases to try Vigil with"), vigil_cli_demo },
  { "erase-person", N_("Erase a person and everything of theirs, for good"),
    vigil_cli_erase_person },
  { "erase-case", N_("Erase a case and everyone in it, for good"), vigil_cli_erase_case },
  { "agenda", N_("List hearings, protection measures and their problems, day by day"),
    vigil_cli_agenda },
  { "export-ics", N_("Write hearings and protection measures to an iCalendar file"),
    vigil_cli_export_ics },
  { "standards", N_("List the victim-rights standards and where they come from"),
    vigil_cli_standards },
  { "report", N_("Write an anonymized monitoring report of the vault"), vigil_cli_report },
  { "verify-pdf", N_("Look for identities of the vault in a PDF or an ODT"),
    vigil_cli_verify_pdf },
  { "attach", N_("Attach a PDF to a compensation claim, sealed in the vault"),
    vigil_cli_attach },
  { "evidence", N_("List or search the documents attached to the claims of a case"),
    vigil_cli_evidence },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  %s\n\n%s\n\n%s\n", _("Usage:"), _("vigil-cli COMMAND [OPTION…]"),
           _("Headless access to a Vigil vault: the encrypted store of trial monitoring, "
             "protection and compensation records."),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n\n%s\n%s\n",
           _("Run “vigil-cli COMMAND --help” for the options of a command."),
           _("The passphrase comes from --passphrase-file FILE or, when standard input is not a "
             "terminal, from its first line; on a terminal it is asked for without echo. It is "
             "never taken from the command line."),
           _("Exit status: 0 success, 1 failure, 2 wrong usage."));
}

int
main (int argc, char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (sodium_init () < 0)
    {
      g_printerr ("vigil-cli: %s\n", _("The cryptography library could not start"));
      return VIGIL_CLI_FAILURE;
    }

  if (argc < 2)
    {
      print_usage (stderr);
      return VIGIL_CLI_USAGE;
    }
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      if (g_str_equal (name, "help") && argc > 2)
        {
          /* "vigil-cli help import" is "vigil-cli import --help". */
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
            if (g_str_equal (commands[i].name, argv[2]))
              return commands[i].run (2, help_argv);
          g_printerr (_("vigil-cli: there is no command “%s”\n"), argv[2]);
          return VIGIL_CLI_USAGE;
        }
      print_usage (stdout);
      return VIGIL_CLI_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("vigil-cli %s\n", PACKAGE_VERSION);
      return VIGIL_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("vigil-cli: there is no command “%s”\n"), name);
  g_printerr ("%s\n", _("Run “vigil-cli --help” for the list of commands."));
  return VIGIL_CLI_USAGE;
}
