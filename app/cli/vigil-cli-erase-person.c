/* vigil-cli-erase-person.c: `vigil-cli erase-person`
 *
 * Erasing is crypto-shredding: the person's data key is destroyed and the
 * file compacted, so nothing of theirs can be read again, even from a copy
 * of the passphrase. It is asked for on the terminal, or by --yes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-store.h"

/* The one case with @reference (and @court, when given), or NULL with a
 * message. */
static VigilCase *
find_case (VigilStore *store, const char *reference, const char *court)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  if (cases == NULL)
    {
      vigil_cli_error ("erase-person", "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (cases, i);

      if (g_str_equal (vigil_case_get_reference (kase), reference)
          && (court == NULL || g_str_equal (vigil_case_get_court (kase), court)))
        g_ptr_array_add (found, kase);
    }
  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));
  if (found->len == 0)
    vigil_cli_error ("erase-person", _("No case has the reference “%s”%s."), reference,
                     court != NULL ? _(" at that court") : "");
  else
    vigil_cli_error ("erase-person",
                     _("%u cases of different courts have the reference “%s”; name the court "
                       "with --court, or the person with --id."),
                     found->len, reference);
  return NULL;
}

static VigilPerson *
find_person (VigilStore *store, const char *id, const char *reference, const char *court,
             const char *pseudonym)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  VigilPerson *person;

  if (id != NULL)
    {
      person = vigil_store_get_person (store, id, &error);
      if (person == NULL)
        vigil_cli_error ("erase-person", "%s", error->message);
      return person;
    }
  kase = find_case (store, reference, court);
  if (kase == NULL)
    return NULL;
  persons = vigil_store_list_persons (store, vigil_case_get_id (kase), &error);
  if (persons == NULL)
    {
      vigil_cli_error ("erase-person", "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (vigil_person_get_pseudonym (g_ptr_array_index (persons, i)), pseudonym))
      return g_object_ref (g_ptr_array_index (persons, i));
  vigil_cli_error ("erase-person", _("Case “%s” has no person “%s”."), reference, pseudonym);
  return NULL;
}

int
vigil_cli_erase_person (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *reference = NULL;
  g_autofree char *court = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *id = NULL;
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The court reference of the case"),
      N_("REF") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court, when cases of several courts share the reference"), N_("COURT") },
    { "pseudonym", 0, 0, G_OPTION_ARG_STRING, &pseudonym, N_("The person’s pseudonym, like V-01"),
      N_("PSEUDONYM") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The person’s id, instead of case and pseudonym"),
      N_("UUID") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask for confirmation"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "erase-person", "",
    _("Erase a person for good: their identity, notes, consents, protection measures and "
      "claims. Their data key is destroyed, so no copy of the vault can open it again. Where "
      "the texts of the case name them, their pseudonym takes the place of the name."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autofree char *path = NULL;
  g_autofree char *question = NULL;
  g_autofree char *pseudonym_shown = NULL;
  int status = VIGIL_CLI_OK;
  guint n_texts = 0;

  if (!vigil_cli_parse (context, "erase-person", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("erase-person", _("Unexpected argument “%s”"), argv[1]);
  if (id != NULL && (reference != NULL || pseudonym != NULL))
    return vigil_cli_usage_error ("erase-person",
                                  _("Name the person either by --id, or by --case and "
                                    "--pseudonym, not both"));
  if (id == NULL && (reference == NULL || pseudonym == NULL))
    return vigil_cli_usage_error ("erase-person",
                                  _("Name the person by --case REF and --pseudonym V-01, or by "
                                    "--id UUID"));

  if (!vigil_cli_can_confirm ("erase-person", yes, &status))
    return status;

  opened = vigil_cli_open_vault (&vault, "erase-person");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  person = find_person (store, id, reference, court, pseudonym);
  if (person == NULL)
    {
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  kase = vigil_store_get_case (store, vigil_person_get_case_id (person), &error);
  if (kase == NULL)
    {
      vigil_cli_print_error ("erase-person", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }

  pseudonym_shown = g_strdup (vigil_person_get_pseudonym (person));
  question = g_strdup_printf (_("Erase %s (%s) of case “%s” at %s, with everything of theirs? "
                                "This cannot be undone."),
                              pseudonym_shown,
                              vigil_enum_label (VIGIL_TYPE_PERSON_ROLE,
                                                vigil_person_get_role (person)),
                              vigil_case_get_reference (kase), vigil_case_get_court (kase));
  if (!vigil_cli_confirm ("erase-person", yes, question, &status))
    {
      vigil_vault_lock (opened);
      return status;
    }
  if (!vigil_store_erase_person (store, vigil_person_get_id (person), &n_texts, &error))
    {
      vigil_cli_print_error ("erase-person", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  vigil_vault_lock (opened);
  g_print (_("Erased %s of case “%s”; their key is destroyed and the vault file compacted.\n"),
           pseudonym_shown, vigil_case_get_reference (kase));
  if (n_texts > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u text of the case named them; it now says %s there instead.\n",
                          "%u texts of the case named them; they now say %s there instead.\n",
                          n_texts),
             n_texts, pseudonym_shown);
  return VIGIL_CLI_OK;
}
