/* vigil-cli-import.c: `vigil-cli import FILE.json`
 *
 * The file is read and validated before the passphrase is asked for: a
 * file with mistakes is reported, every mistake with its JSON path, without
 * unlocking anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store.h"

static void
report_problems (const char *file, GPtrArray *problems)
{
  vigil_cli_error ("import",
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s cannot be imported; nothing was written. %u problem:",
                                "%s cannot be imported; nothing was written. %u problems:",
                                problems->len),
                   file, problems->len);
  vigil_cli_print_problems (problems);
}

int
vigil_cli_import (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autoptr (GOptionContext) context =
    vigil_cli_context_new ("import", _("FILE.json"),
                           _("Import the cases of a Vigil interchange file. The whole file is "
                             "checked first; then everything is written, or nothing."),
                           NULL, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autofree char *path = NULL;

  if (!vigil_cli_parse (context, "import", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc != 2)
    return vigil_cli_usage_error ("import", argc < 2 ? _("Name the file to import")
                                                     : _("Import one file at a time"));

  document = vigil_interchange_load_file (argv[1], &problems, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT))
        report_problems (argv[1], problems);
      else
        vigil_cli_error ("import", "%s", error->message);
      return VIGIL_CLI_FAILURE;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  opened = vigil_cli_open_vault (&vault, "import");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  if (!vigil_interchange_import (document, store, &problems, &error))
    {
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT))
        report_problems (argv[1], problems);
      else
        {
          vigil_cli_print_error ("import", path, error);
          vigil_cli_error ("import", _("Nothing of %s was written."), argv[1]);
        }
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (opened);

  g_print (_("Imported %s into %s:\n"), argv[1], path);
  vigil_cli_print_counts (vigil_interchange_get_counts (document));
  return VIGIL_CLI_OK;
}
