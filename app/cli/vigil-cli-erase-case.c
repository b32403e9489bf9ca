/* vigil-cli-erase-case.c: `vigil-cli erase-case`
 *
 * The case, its hearings and observations go with the case's key, and
 * every person in it with their own: nothing of the case can be read again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-store.h"

static VigilCase *
find_case (VigilStore *store, const char *id, const char *reference, const char *court)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  VigilCase *kase;

  if (id != NULL)
    {
      kase = vigil_store_get_case (store, id, &error);
      if (kase == NULL)
        vigil_cli_error ("erase-case", "%s", error->message);
      return kase;
    }
  cases = vigil_store_list_cases (store, &error);
  if (cases == NULL)
    {
      vigil_cli_error ("erase-case", "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      kase = g_ptr_array_index (cases, i);
      if (g_str_equal (vigil_case_get_reference (kase), reference)
          && (court == NULL || g_str_equal (vigil_case_get_court (kase), court)))
        g_ptr_array_add (found, kase);
    }
  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));
  if (found->len == 0)
    vigil_cli_error ("erase-case", _("No case has the reference “%s”%s."), reference,
                     court != NULL ? _(" at that court") : "");
  else
    vigil_cli_error ("erase-case",
                     _("%u cases of different courts have the reference “%s”; name the court "
                       "with --court, or the case with --id."),
                     found->len, reference);
  return NULL;
}

int
vigil_cli_erase_case (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *reference = NULL;
  g_autofree char *court = NULL;
  g_autofree char *id = NULL;
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The court reference of the case"),
      N_("REF") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court, when cases of several courts share the reference"), N_("COURT") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The case’s id, instead of its reference"),
      N_("UUID") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask for confirmation"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "erase-case", "",
    _("Erase a case for good, with its hearings, observations and everyone in it. The data "
      "keys are destroyed, so no copy of the vault can open any of it again."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autofree char *path = NULL;
  g_autofree char *question = NULL;
  g_autofree char *shown = NULL;
  int status = VIGIL_CLI_OK;

  if (!vigil_cli_parse (context, "erase-case", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("erase-case", _("Unexpected argument “%s”"), argv[1]);
  if ((id == NULL) == (reference == NULL))
    return vigil_cli_usage_error ("erase-case",
                                  _("Name the case by --reference REF or by --id UUID"));

  if (!vigil_cli_can_confirm ("erase-case", yes, &status))
    return status;

  opened = vigil_cli_open_vault (&vault, "erase-case");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  kase = find_case (store, id, reference, court);
  if (kase == NULL)
    {
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }

  shown = g_strdup (vigil_case_get_reference (kase));
  question
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Erase case “%s” at %s, with its hearings and the %u "
                                      "person in it? This cannot be undone.",
                                      "Erase case “%s” at %s, with its hearings and the %u "
                                      "persons in it? This cannot be undone.",
                                      vigil_case_get_person_count (kase)),
                         shown, vigil_case_get_court (kase), vigil_case_get_person_count (kase));
  if (!vigil_cli_confirm ("erase-case", yes, question, &status))
    {
      vigil_vault_lock (opened);
      return status;
    }
  if (!vigil_store_erase_case (store, vigil_case_get_id (kase), &error))
    {
      vigil_cli_print_error ("erase-case", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (opened);
  g_print (_("Erased case “%s”; its keys are destroyed and the vault file compacted.\n"), shown);
  return VIGIL_CLI_OK;
}
