/* vigil-cli-export.c: `vigil-cli export --out FILE.json`
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

int
vigil_cli_export (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *out = NULL;
  gboolean identities = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the export to FILE"), N_("FILE") },
    { "with-identities", 0, 0, G_OPTION_ARG_NONE, &identities,
      N_("Include names, dates of birth, phones, addresses and the notes about each person"),
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE when it exists"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "export", "",
    _("Write every case of the vault to a Vigil interchange file. Without --with-identities it "
      "holds pseudonyms only: no identity, no text about a person, and no note that names one."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autofree char *path = NULL;
  VigilInterchangeCounts counts = { 0 };

  if (!vigil_cli_parse (context, "export", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error (
        "export", _("Unexpected argument “%s”; name the file with --out"), argv[1]);
  if (out == NULL)
    return vigil_cli_usage_error ("export", _("Name the file to write with --out FILE.json"));
  if (!force && g_file_test (out, G_FILE_TEST_EXISTS))
    {
      vigil_cli_error ("export", _("%s already exists; pass --force to replace it."), out);
      return VIGIL_CLI_FAILURE;
    }

  opened = vigil_cli_open_vault (&vault, "export");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  if (identities)
    vigil_cli_error ("export",
                     _("warning: %s will hold the names, dates of birth, phones and addresses of "
                       "real people, and what is noted about them. Keep it encrypted, give it to "
                       "no one who does not need it, and delete it when done. Each identity "
                       "exported is recorded in the vault's audit log."),
                     out);
  if (!vigil_interchange_export_file (store, out,
                                      identities ? VIGIL_EXPORT_IDENTITIES : VIGIL_EXPORT_DEFAULT,
                                      &counts, &error))
    {
      vigil_cli_print_error ("export", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (opened);

  g_print (identities ? _("Exported %s with identities to %s:\n")
                      : _("Exported %s, pseudonyms only, to %s:\n"),
           path, out);
  vigil_cli_print_counts (&counts);
  /* The window says the same sentence, from the same count. */
  if (counts.notes_withheld > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u note was left out because it names a person of its case.",
                            "%u notes were left out because they name a person of their case.",
                            counts.notes_withheld),
               counts.notes_withheld);
      g_print ("\n");
    }
  return VIGIL_CLI_OK;
}
