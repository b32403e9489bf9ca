/* vigil-cli-check.c: `vigil-cli check`
 *
 * Opening the vault already verifies the audit chain; the check then reads
 * everything again, so a vault that opens but holds a damaged record still
 * fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-store.h"

static const char *
verdict (gboolean ok)
{
  return ok ? _("ok") : _("FAILED");
}

int
vigil_cli_check (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autoptr (GOptionContext) context =
    vigil_cli_context_new ("check", "",
                           _("Check the vault: SQLite's integrity, the audit chain, and that "
                             "every sealed value opens. Exits with 0 only when all of it holds."),
                           NULL, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (!vigil_cli_parse (context, "check", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("check", _("Unexpected argument “%s”"), argv[1]);

  opened = vigil_cli_open_vault (&vault, "check");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  report = vigil_store_check (store, &error);
  vigil_vault_lock (opened);
  if (report == NULL)
    {
      vigil_cli_print_error ("check", path, error);
      return VIGIL_CLI_FAILURE;
    }
  ok = vigil_check_report_ok (report);

  g_print (_("Vault:             %s\n"), path);
  g_print (_("SQLite integrity:  %s\n"), verdict (report->integrity_ok));
  g_print (_("Audit chain:       %s (%" G_GINT64_FORMAT " entries)\n"), verdict (report->audit_ok),
           report->audit_entries);
  g_print (_("Sealed values:     %s (%" G_GINT64_FORMAT " opened, %" G_GINT64_FORMAT " failed)\n"),
           verdict (report->sealed_failures == 0), report->sealed_values, report->sealed_failures);
  g_print (_("Records:           %" G_GINT64_FORMAT "\n"), report->records);
  for (guint i = 0; i < report->problems->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (report->problems, i));
  g_print ("%s\n", ok ? _("The vault is whole.") : _("The vault is NOT whole; see above."));
  return ok ? VIGIL_CLI_OK : VIGIL_CLI_FAILURE;
}
