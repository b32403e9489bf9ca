/* vigil-protection-load.c: what the protection rules read, from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include "vigil-error.h"
#include "vigil-protection-load.h"
#include "vigil-store-hearing-moves.h"
#include "vigil-store-protection.h"
#include "vigil-store-risk-assessments.h"

/* private helpers */

static void
take_all (GPtrArray *into, GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (into, g_ptr_array_steal_index (from, i--));
}

/* public API */

/* Every hearing of the case, or (@from set) those of some days. */
static VigilProtectionCaseData *
load_case (VigilStore *store,
           const char *case_id,
           GDateTime  *from,
           GDateTime  *to,
           GError    **error)
{
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilProtectionCaseData) data = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GPtrArray) moves = NULL;

  kase = vigil_store_get_case (store, case_id, error);
  if (kase == NULL)
    return NULL;
  persons = vigil_store_list_persons (store, case_id, error);
  if (persons == NULL)
    return NULL;
  hearings = from != NULL ? vigil_store_list_hearings_meeting (store, case_id, from, to, error)
                          : vigil_store_list_hearings (store, case_id, error);
  if (hearings == NULL)
    return NULL;
  measures = vigil_store_list_protection_measures (store, case_id, error);
  if (measures == NULL)
    return NULL;
  risks = vigil_store_list_risk_assessments (store, case_id, error);
  if (risks == NULL)
    return NULL;
  moves = vigil_store_list_hearing_moves (store, case_id, error);
  if (moves == NULL)
    return NULL;

  data = vigil_protection_case_data_new (kase);
  take_all (data->persons, persons);
  take_all (data->hearings, hearings);
  take_all (data->measures, measures);
  take_all (data->risks, risks);
  take_all (data->moves, moves);
  return g_steal_pointer (&data);
}

VigilProtectionCaseData *
vigil_protection_load_case (VigilStore *store, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return load_case (store, case_id, NULL, NULL, error);
}

GPtrArray *
vigil_protection_load_all (VigilStore *store, GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  cases = vigil_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;
  all = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_case_data_free);
  for (guint i = 0; i < cases->len; i++)
    {
      VigilProtectionCaseData *data =
        vigil_protection_load_case (store, vigil_case_get_id (g_ptr_array_index (cases, i)),
                                    error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (all, data);
    }
  return g_steal_pointer (&all);
}

GPtrArray *
vigil_protection_load_span (VigilStore *store, GDateTime *from, GDateTime *to, GError **error)
{
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  ids = vigil_store_list_cases_meeting (store, from, to, error);
  if (ids == NULL)
    return NULL;
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_case_data_free);
  for (guint i = 0; i < ids->len; i++)
    {
      VigilProtectionCaseData *data = load_case (store, ids->pdata[i], from, to, error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (cases, data);
    }
  return g_steal_pointer (&cases);
}

gboolean
vigil_protection_reload_case (VigilStore *store,
                              GPtrArray  *cases,
                              const char *case_id,
                              GError    **error)
{
  g_autoptr (GError) local = NULL;
  VigilProtectionCaseData *fresh;
  guint at = cases->len;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (cases != NULL && case_id != NULL, FALSE);

  for (guint i = 0; i < cases->len; i++)
    {
      VigilProtectionCaseData *data = g_ptr_array_index (cases, i);

      if (g_str_equal (vigil_case_get_id (data->kase), case_id))
        at = i;
    }
  fresh = vigil_protection_load_case (store, case_id, &local);
  if (fresh == NULL && !g_error_matches (local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (at < cases->len)
    g_ptr_array_remove_index (cases, at);
  if (fresh != NULL)
    g_ptr_array_insert (cases, MIN (at, cases->len), fresh);
  return TRUE;
}
