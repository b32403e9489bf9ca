/* vigil-cli-demo.c: `vigil-cli demo`, fictional cases to try Vigil with
 *
 * The demo is an interchange document (vigil_demo_generate()) imported like
 * any other, so it goes through every check an import does. It needs a
 * vault: an existing one, or a new one with --init.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-demo.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store.h"

#define DEFAULT_CASES 10
#define DEFAULT_SEED  1

static VigilVault *
create_vault (VigilCliVaultOptions *vault, const char *path, const char *kdf)
{
  g_autoptr (GError) error = NULL;
  VigilKdfLevel level = VIGIL_KDF_MODERATE;
  VigilVault *created;
  char *passphrase;

  if (g_strcmp0 (kdf, "interactive") == 0)
    level = VIGIL_KDF_INTERACTIVE;
  else if (g_strcmp0 (kdf, "sensitive") == 0)
    level = VIGIL_KDF_SENSITIVE;
  passphrase = vigil_cli_read_passphrase (vault, TRUE, &error);
  if (passphrase == NULL)
    {
      vigil_cli_error ("demo", "%s", error->message);
      return NULL;
    }
  created = vigil_vault_create (path, passphrase, level, &error);
  vigil_cli_passphrase_free (passphrase);
  if (created == NULL)
    vigil_cli_print_error ("demo", path, error);
  else
    g_print (_("Created a vault at %s.\n"), path);
  return created;
}

int
vigil_cli_demo (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *cases_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *kdf = NULL;
  gboolean init = FALSE;
  const GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases_text,
      N_("How many cases (default 10, at most 1000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Which cases: the same seed always gives the same ones (default 1)"), N_("S") },
    { "init", 0, 0, G_OPTION_ARG_NONE, &init,
      N_("Create the vault first when there is none"), NULL },
    { "kdf", 0, 0, G_OPTION_ARG_STRING, &kdf,
      N_("With --init: interactive, moderate (the default) or sensitive"), N_("LEVEL") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "demo", "",
    _("Import fictional cases, with persons, hearings, observations, protection measures and "
      "claims, to try Vigil with. Every name, phone and address is invented. The vault must "
      "exist, or be created with --init."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autofree char *path = NULL;
  guint64 cases = DEFAULT_CASES, seed = DEFAULT_SEED;

  if (!vigil_cli_parse (context, "demo", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("demo", _("Unexpected argument “%s”"), argv[1]);
  if (cases_text != NULL
      && !g_ascii_string_to_unsigned (cases_text, 10, 1, VIGIL_DEMO_MAX_CASES, &cases, NULL))
    return vigil_cli_usage_error ("demo", _("--cases takes a number from 1 to %d, not “%s”"),
                                  VIGIL_DEMO_MAX_CASES, cases_text);
  if (seed_text != NULL
      && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return vigil_cli_usage_error ("demo", _("--seed takes a whole number, not “%s”"), seed_text);
  if (kdf != NULL && !g_str_equal (kdf, "interactive") && !g_str_equal (kdf, "moderate")
      && !g_str_equal (kdf, "sensitive"))
    return vigil_cli_usage_error ("demo",
                                  _("--kdf takes interactive, moderate or sensitive, not “%s”"),
                                  kdf);

  /* The document is built and checked before the vault is touched. */
  root = vigil_demo_generate ((guint) cases, seed);
  document = vigil_interchange_load_node (root, &problems, &error);
  if (document == NULL)
    {
      vigil_cli_error ("demo", _("The demo data did not validate (a bug; please report it):"));
      vigil_cli_print_problems (problems);
      return VIGIL_CLI_FAILURE;
    }

  path = vigil_cli_vault_path (&vault);
  if (init && !g_file_test (path, G_FILE_TEST_EXISTS))
    opened = create_vault (&vault, path, kdf);
  else
    opened = vigil_cli_open_vault (&vault, "demo");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;

  store = vigil_store_new (opened);
  g_clear_pointer (&problems, g_ptr_array_unref);
  if (!vigil_interchange_import (document, store, &problems, &error))
    {
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT))
        {
          vigil_cli_error ("demo",
                           _("The demo cases of seed %" G_GUINT64_FORMAT " are already in the "
                             "vault; nothing was written. Pass another --seed."),
                           seed);
          vigil_cli_print_problems (problems);
        }
      else
        vigil_cli_print_error ("demo", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (opened);

  g_print (_("Imported fictional cases (seed %" G_GUINT64_FORMAT ") into %s:\n"), seed, path);
  vigil_cli_print_counts (vigil_interchange_get_counts (document));
  return VIGIL_CLI_OK;
}
