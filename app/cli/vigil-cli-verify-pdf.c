/* vigil-cli-verify-pdf.c: `vigil-cli verify-pdf FILE`
 *
 * The leak check a report passes before it is saved, run on any file: a
 * report after it was edited and translated in a word processor, or a
 * document from elsewhere about to be published. It prints where and
 * whose, never the identifier found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-leak-check.h"
#include "vigil-store.h"

int
vigil_cli_verify_pdf (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autoptr (GOptionContext) context =
    vigil_cli_context_new ("verify-pdf", _("FILE.pdf|FILE.odt"),
                           _("Read a PDF or an OpenDocument text the way its readers will and "
                             "look for every identity the vault holds: names and their parts, "
                             "aliases, phones, addresses, dates of birth, in Latin or Cyrillic. "
                             "Prints the page (a paragraph of an ODT) and whose identifier it "
                             "is, never the identifier. Exits with 0 only when nothing is "
                             "found."),
                           NULL, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilLeakCheck) check = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  VigilReportFormat format;
  const char *file;

  if (!vigil_cli_parse (context, "verify-pdf", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc != 2)
    return vigil_cli_usage_error ("verify-pdf", _("Give one file to check"));
  file = argv[1];
  if (!vigil_report_format_from_path (file, &format))
    return vigil_cli_usage_error ("verify-pdf",
                                  _("%s is neither a PDF (.pdf) nor an OpenDocument text (.odt)"),
                                  file);

  opened = vigil_cli_open_vault (&vault, "verify-pdf");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  store = vigil_store_new (opened);
  check = vigil_leak_check_new (store, NULL, &error);
  if (check != NULL)
    leaks = vigil_leak_check_file (check, file, NULL, &error);
  g_clear_pointer (&check, vigil_leak_check_free);
  vigil_vault_lock (opened);
  if (leaks == NULL)
    {
      vigil_cli_print_error ("verify-pdf", file, error);
      return VIGIL_CLI_FAILURE;
    }
  if (leaks->len == 0)
    {
      g_print (_("%s: no identity of the vault found.\n"), file);
      return VIGIL_CLI_OK;
    }
  g_print (_("%s names persons of the vault:\n"), file);
  for (guint i = 0; i < leaks->len; i++)
    g_print ("  %s\n", ((VigilLeak *) g_ptr_array_index (leaks, i))->message);
  return VIGIL_CLI_FAILURE;
}
