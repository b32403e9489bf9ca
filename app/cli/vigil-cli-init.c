/* vigil-cli-init.c: `vigil-cli init`, a new vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-error.h"

/* Parses --kdf; FALSE for a word that is not a level. */
static gboolean
parse_kdf (const char *word, VigilKdfLevel *out)
{
  if (word == NULL || g_str_equal (word, "moderate"))
    *out = VIGIL_KDF_MODERATE;
  else if (g_str_equal (word, "interactive"))
    *out = VIGIL_KDF_INTERACTIVE;
  else if (g_str_equal (word, "sensitive"))
    *out = VIGIL_KDF_SENSITIVE;
  else
    return FALSE;
  return TRUE;
}

int
vigil_cli_init (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *kdf = NULL;
  const GOptionEntry entries[] = {
    { "kdf", 0, 0, G_OPTION_ARG_STRING, &kdf,
      N_("How hard the passphrase is to guess by brute force, and how long unlocking takes: "
         "interactive, moderate (the default) or sensitive"),
      N_("LEVEL") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    vigil_cli_context_new ("init", "", _("Create a new, empty vault, locked by a passphrase."),
                           entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) created = NULL;
  g_autofree char *path = NULL;
  VigilKdfLevel level;
  char *passphrase;

  if (!vigil_cli_parse (context, "init", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("init", _("Unexpected argument “%s”"), argv[1]);
  if (!parse_kdf (kdf, &level))
    return vigil_cli_usage_error ("init",
                                  _("--kdf takes interactive, moderate or sensitive, not “%s”"),
                                  kdf);

  path = vigil_cli_vault_path (&vault);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      vigil_cli_error ("init", _("A file already exists at %s; Vigil will not write over it."),
                       path);
      return VIGIL_CLI_FAILURE;
    }
  passphrase = vigil_cli_read_passphrase (&vault, TRUE, &error);
  if (passphrase == NULL)
    {
      vigil_cli_error ("init", "%s", error->message);
      return VIGIL_CLI_FAILURE;
    }
  created = vigil_vault_create (path, passphrase, level, &error);
  vigil_cli_passphrase_free (passphrase);
  if (created == NULL)
    {
      vigil_cli_print_error ("init", path, error);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (created);
  g_print (_("Created a vault at %s.\n"), path);
  return VIGIL_CLI_OK;
}
