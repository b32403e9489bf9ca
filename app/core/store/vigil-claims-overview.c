/* vigil-claims-overview.c: what the Compensation section shows, as data
 *
 * Built here rather than in the window so that it is tested, and timed
 * (tests/bench), without one: two queries and a grouping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim.h"
#include "vigil-claims-overview.h"

/* private helpers */

static void
group_free (VigilClaimsOverviewGroup *group)
{
  g_ptr_array_unref (group->claims);
  g_free (group);
}

/* public API */

/**
 * vigil_claims_overview_new:
 *
 * Returns: (transfer full): the overview, or NULL with @error set
 */
VigilClaimsOverview *
vigil_claims_overview_new (VigilStore *store,
                           const char *today,
                           guint       within_days,
                           GError    **error)
{
  g_autoptr (VigilClaimsOverview) overview = g_new0 (VigilClaimsOverview, 1);

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  overview->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  overview->summaries = vigil_store_list_claim_summaries (store, NULL, NULL, error);
  if (overview->summaries == NULL)
    return NULL;
  overview->totals = vigil_claim_summaries_total (overview->summaries, error);
  if (overview->totals == NULL)
    return NULL;
  overview->due = vigil_store_list_due_deadlines (store, today, within_days, error);
  if (overview->due == NULL)
    return NULL;

  for (guint s = 0; vigil_claim_statuses[s] != NULL; s++)
    {
      VigilClaimsOverviewGroup *group = NULL;

      for (guint i = 0; i < overview->summaries->len; i++)
        {
          VigilClaimSummary *summary = g_ptr_array_index (overview->summaries, i);

          if (!g_str_equal (summary->status, vigil_claim_statuses[s]))
            continue;
          if (group == NULL)
            {
              group = g_new0 (VigilClaimsOverviewGroup, 1);
              group->status = vigil_claim_statuses[s];
              group->claims = g_ptr_array_new ();
              g_ptr_array_add (overview->groups, group);
            }
          g_ptr_array_add (group->claims, summary);
        }
    }
  return g_steal_pointer (&overview);
}

void
vigil_claims_overview_free (VigilClaimsOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->groups, g_ptr_array_unref);
  g_clear_pointer (&overview->summaries, g_ptr_array_unref);
  g_clear_pointer (&overview->totals, vigil_money_totals_free);
  g_clear_pointer (&overview->due, g_ptr_array_unref);
  g_free (overview);
}

/**
 * vigil_claims_deadline_notice:
 *
 * Returns: (transfer full) (nullable): "A compensation deadline is in 3
 *   days", or NULL
 */
char *
vigil_claims_deadline_notice (GPtrArray *due, guint notify_days)
{
  const VigilDueDeadline *nearest = NULL;
  guint n_near = 0;
  guint n_past = 0;

  g_return_val_if_fail (due != NULL, NULL);

  for (guint i = 0; i < due->len; i++)
    {
      const VigilDueDeadline *d = g_ptr_array_index (due, i);

      if (d->days_left < 0)
        n_past++;
      else if ((guint) d->days_left <= notify_days)
        {
          if (nearest == NULL)
            nearest = d;
          n_near++;
        }
    }
  if (n_near == 1 && nearest->days_left == 0)
    return g_strdup (_("A compensation deadline is today"));
  if (n_near == 1)
    return g_strdup_printf (ngettext ("A compensation deadline is in %d day",
                                      "A compensation deadline is in %d days",
                                      nearest->days_left),
                            nearest->days_left);
  if (n_near > 1)
    return g_strdup_printf (ngettext ("%u compensation deadlines are near; the first is in %d day",
                                      "%u compensation deadlines are near; the first is in %d days",
                                      nearest->days_left),
                            n_near, nearest->days_left);
  if (n_past > 0)
    return g_strdup_printf (ngettext ("A compensation deadline has passed",
                                      "%u compensation deadlines have passed", n_past),
                            n_past);
  return NULL;
}
