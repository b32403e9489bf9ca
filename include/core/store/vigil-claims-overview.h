/* vigil-claims-overview.h: what the Compensation section shows, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store-claim-summary.h"

G_BEGIN_DECLS

/**
 * VigilClaimsOverviewGroup:
 * @status: the status of every claim of the group
 * @claims: (element-type VigilClaimSummary): borrowed from the overview
 */
typedef struct
{
  const char *status;
  GPtrArray  *claims;
} VigilClaimsOverviewGroup;

/**
 * VigilClaimsOverview:
 * @summaries: (element-type VigilClaimSummary): every claim
 * @groups: (element-type VigilClaimsOverviewGroup): the claims by status,
 *   in the order of the procedure, only statuses that have claims
 * @totals: per currency, in the VIGIL_CLAIM_TOTAL_ columns
 * @due: (element-type VigilDueDeadline): deadlines near or past
 */
typedef struct
{
  GPtrArray        *summaries;
  GPtrArray        *groups;
  VigilMoneyTotals *totals;
  GPtrArray        *due;
} VigilClaimsOverview;

/* Claims across cases by status, their totals, and the deadlines due
 * within @within_days of @today (YYYY-MM-DD) or past. */
VigilClaimsOverview *vigil_claims_overview_new   (VigilStore          *store,
                                                  const char          *today,
                                                  guint                within_days,
                                                  GError             **error);
void                 vigil_claims_overview_free  (VigilClaimsOverview *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimsOverview, vigil_claims_overview_free)

/* What a desktop notification says of @due: how near the nearest deadline
 * is, and how many there are, naming no case and no person; NULL when none
 * falls within @notify_days or has passed. */
char                *vigil_claims_deadline_notice (GPtrArray          *due,
                                                   guint               notify_days);

G_END_DECLS
