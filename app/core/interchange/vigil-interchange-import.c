/* vigil-interchange-import.c: writing a validated document into a vault
 *
 * Everything lands in one store transaction. Before the first write the
 * document is checked against what the vault already holds, so that a
 * case imported twice is reported like any other problem, with its path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-interchange-private.h"

/* private helpers */

static char *
reference_key (const char *court, const char *reference)
{
  return g_strdup_printf ("%s\x1f%s", court, reference);
}

/* Problems between the document and the vault: cases already there. */
static gboolean
check_against_store (VigilInterchange *self, VigilStore *store, GPtrArray *problems,
                     GError **error)
{
  g_autoptr (GPtrArray) existing = vigil_store_list_cases (store, error);
  g_autoptr (GHashTable) ids = NULL;
  g_autoptr (GHashTable) references = NULL;

  if (existing == NULL)
    return FALSE;
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < existing->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (existing, i);

      g_hash_table_insert (ids, (gpointer) vigil_case_get_id (kase), kase);
      g_hash_table_insert (references,
                           reference_key (vigil_case_get_court (kase),
                                          vigil_case_get_reference (kase)),
                           kase);
    }

  for (guint i = 0; i < self->cases->len; i++)
    {
      VigilPlanCase *plan = g_ptr_array_index (self->cases, i);
      g_autofree char *key = reference_key (vigil_case_get_court (plan->kase),
                                            vigil_case_get_reference (plan->kase));

      if (plan->has_id && g_hash_table_contains (ids, vigil_case_get_id (plan->kase)))
        {
          g_autofree char *path = g_strdup_printf ("%s.id", plan->path);

          vigil_interchange_add_problem (problems, path,
                                         _("a case with this id is already in the vault; "
                                           "erase it first to import it again"));
        }
      else if (g_hash_table_contains (references, key))
        {
          g_autofree char *path = g_strdup_printf ("%s.reference", plan->path);

          vigil_interchange_add_problem (problems, path,
                                         _("the vault already holds case “%s” of %s"),
                                         vigil_case_get_reference (plan->kase),
                                         vigil_case_get_court (plan->kase));
        }
    }
  return TRUE;
}

static gboolean
write_case (VigilStore *store, VigilPlanCase *plan, GError **error)
{
  if (!vigil_store_save_case (store, plan->kase, error))
    {
      g_prefix_error (error, "%s: ", plan->path);
      return FALSE;
    }

  for (guint i = 0; i < plan->persons->len; i++)
    {
      VigilPlanPerson *entry = g_ptr_array_index (plan->persons, i);

      if (!vigil_store_save_person (store, entry->person, error)
          || (entry->identity != NULL
              && !vigil_store_save_identity (store, entry->person, entry->identity, error)))
        {
          g_prefix_error (error, "%s: ", entry->path);
          return FALSE;
        }
      for (guint c = 0; c < entry->consents->len; c++)
        if (!vigil_store_save_consent (store, g_ptr_array_index (entry->consents, c), error))
          {
            g_prefix_error (error, "%s.consents[%u]: ", entry->path, c);
            return FALSE;
          }
      for (guint r = 0; r < entry->risks->len; r++)
        if (!vigil_store_add_risk_assessment (store, g_ptr_array_index (entry->risks, r), error))
          {
            g_prefix_error (error, "%s.risk_assessments[%u]: ", entry->path, r);
            return FALSE;
          }
    }

  for (guint i = 0; i < plan->hearings->len; i++)
    {
      VigilPlanHearing *entry = g_ptr_array_index (plan->hearings, i);

      if (!vigil_store_save_hearing (store, entry->hearing, error))
        {
          g_prefix_error (error, "%s: ", entry->path);
          return FALSE;
        }
      for (guint o = 0; o < entry->observations->len; o++)
        if (!vigil_store_add_observation (store, g_ptr_array_index (entry->observations, o),
                                          error))
          {
            g_prefix_error (error, "%s.observations[%u]: ", entry->path, o);
            return FALSE;
          }
      for (guint m = 0; entry->moves != NULL && m < entry->moves->len; m++)
        if (!vigil_store_add_hearing_move (store, g_ptr_array_index (entry->moves, m), error))
          {
            g_prefix_error (error, "%s.moves[%u]: ", entry->path, m);
            return FALSE;
          }
      /* After the observations: the suggestion was made from them. */
      if (entry->assessment != NULL
          && !vigil_store_add_assessment (store, entry->assessment, error))
        {
          g_prefix_error (error, "%s.assessment: ", entry->path);
          return FALSE;
        }
    }
  if (plan->assessment != NULL && !vigil_store_add_assessment (store, plan->assessment, error))
    {
      g_prefix_error (error, "%s.assessment: ", plan->path);
      return FALSE;
    }

  for (guint i = 0; i < plan->measures->len; i++)
    if (!vigil_store_add_protection_measure (store, g_ptr_array_index (plan->measures, i),
                                             error))
      {
        g_prefix_error (error, "%s.protection_measures[%u]: ", plan->path, i);
        return FALSE;
      }

  for (guint i = 0; i < plan->assets->len; i++)
    if (!vigil_store_save_defendant_asset (store, g_ptr_array_index (plan->assets, i), error))
      {
        g_prefix_error (error, "%s.defendant_assets[%u]: ", plan->path, i);
        return FALSE;
      }

  for (guint i = 0; i < plan->claims->len; i++)
    if (!vigil_store_add_claim (store, g_ptr_array_index (plan->claims, i), error))
      {
        g_prefix_error (error, "%s.claims[%u]: ", plan->path, i);
        return FALSE;
      }
  return TRUE;
}

/* public API */

/**
 * vigil_interchange_import:
 * @out_problems: (out) (optional) (transfer full) (element-type VigilInterchangeProblem):
 *   the problems found against the vault, an empty array when there was none
 *
 * Returns: TRUE when every record of the document was written; FALSE with
 *   nothing written, and VIGIL_ERROR_IMPORT for problems with their paths or
 *   the store's error for a failed write
 */
gboolean
vigil_interchange_import (VigilInterchange *self,
                          VigilStore       *store,
                          GPtrArray       **out_problems,
                          GError          **error)
{
  g_autoptr (GPtrArray) problems = vigil_interchange_problems_new ();

  g_return_val_if_fail (VIGIL_IS_INTERCHANGE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_problems != NULL)
    *out_problems = g_ptr_array_ref (problems);
  if (self->imported)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                   _("This document was imported already"));
      return FALSE;
    }

  /* The check and the writes see the same vault: BEGIN IMMEDIATE holds the
   * write lock from here on. */
  if (!vigil_store_begin (store, error))
    return FALSE;
  if (!check_against_store (self, store, problems, error))
    goto fail;
  if (problems->len > 0)
    {
      vigil_interchange_set_error (error, problems);
      goto fail;
    }

  for (guint i = 0; i < self->cases->len; i++)
    if (!write_case (store, g_ptr_array_index (self->cases, i), error))
      goto fail;

  if (!vigil_store_commit (store, error))
    return FALSE;
  self->imported = TRUE;
  return TRUE;

fail:
  vigil_store_rollback (store);
  return FALSE;
}
