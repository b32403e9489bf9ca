/* vigil-cli-find.c: finding a case, a person and their claim by the names
 * a person types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-store-claims.h"

/* public API (vigil-cli-common.h) */

VigilCase *
vigil_cli_find_case (VigilStore *store, const char *command, const char *reference,
                     const char *court)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  if (cases == NULL)
    {
      vigil_cli_error (command, "%s", error->message);
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
    vigil_cli_error (command, _("No case has the reference “%s”%s."), reference,
                     court != NULL ? _(" at that court") : "");
  else
    vigil_cli_error (command,
                     _("%u cases of different courts have the reference “%s”; name the court "
                       "with --court."),
                     found->len, reference);
  return NULL;
}

VigilPerson *
vigil_cli_find_person (VigilStore *store, const char *command, VigilCase *kase,
                       const char *pseudonym)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = vigil_store_list_persons (store, vigil_case_get_id (kase),
                                                            &error);

  if (persons == NULL)
    {
      vigil_cli_error (command, "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (vigil_person_get_pseudonym (g_ptr_array_index (persons, i)), pseudonym))
      return g_object_ref (g_ptr_array_index (persons, i));
  vigil_cli_error (command, _("Case “%s” has no person “%s”."), vigil_case_get_reference (kase),
                   pseudonym);
  return NULL;
}

char *
vigil_cli_find_claim (VigilStore *store, const char *command, VigilCase *kase,
                      VigilPerson *claimant, const char *claim_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = vigil_store_list_claims (store, vigil_case_get_id (kase), &error);
  g_autoptr (GPtrArray) theirs = g_ptr_array_new ();

  if (claims == NULL)
    {
      vigil_cli_error (command, "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < claims->len; i++)
    {
      VigilClaimData *claim = g_ptr_array_index (claims, i);

      if (g_str_equal (claim->claimant_id, vigil_person_get_id (claimant))
          && (claim_id == NULL || g_str_equal (claim->id, claim_id)))
        g_ptr_array_add (theirs, claim);
    }
  if (theirs->len == 1)
    return g_strdup (((VigilClaimData *) g_ptr_array_index (theirs, 0))->id);
  if (claim_id != NULL)
    vigil_cli_error (command, _("%s has no claim %s in case “%s”."),
                     vigil_person_get_pseudonym (claimant), claim_id,
                     vigil_case_get_reference (kase));
  else if (theirs->len == 0)
    vigil_cli_error (command, _("%s has no compensation claim in case “%s”."),
                     vigil_person_get_pseudonym (claimant), vigil_case_get_reference (kase));
  else
    {
      g_autoptr (GString) ids = g_string_new (NULL);

      for (guint i = 0; i < theirs->len; i++)
        {
          VigilClaimData *claim = g_ptr_array_index (theirs, i);

          g_string_append_printf (ids, "\n  %s  %s, %s", claim->id, claim->route, claim->status);
        }
      vigil_cli_error (command, _("%s has %u claims in case “%s”; name one with --claim:%s"),
                       vigil_person_get_pseudonym (claimant), theirs->len,
                       vigil_case_get_reference (kase), ids->str);
    }
  return NULL;
}
