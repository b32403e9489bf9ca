/* vigil-store-claim-summary.h: claims across cases, their totals per
 * currency, and the deadlines that are near or past
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-money.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The columns of vigil_store_claim_totals(). */
enum
{
  VIGIL_CLAIM_TOTAL_CLAIMED,
  VIGIL_CLAIM_TOTAL_AWARDED,
  VIGIL_CLAIM_TOTAL_PAID,
  /* What was awarded and is not paid yet: per claim, its award less its
   * payments, never below zero. */
  VIGIL_CLAIM_TOTAL_AWARDED_UNPAID,
  VIGIL_CLAIM_N_TOTALS,
};

/**
 * VigilClaimSummary:
 * @has_awarded: whether anything was awarded (@awarded_minor holds it)
 * @next_deadline: (nullable): the earliest deadline not done, YYYY-MM-DD
 * @next_deadline_kind: (nullable): its kind
 *
 * One claim as a list shows it: no sealed value, nothing opened.
 */
typedef struct
{
  char     *claim_id;
  char     *case_id;
  char     *case_reference;
  char     *court;
  char     *claimant;
  char     *route;
  char     *status;
  char     *currency;
  gint64    claimed_minor;
  gboolean  has_awarded;
  gint64    awarded_minor;
  gint64    paid_minor;
  gint64    awarded_unpaid_minor;
  char     *next_deadline;
  char     *next_deadline_kind;
} VigilClaimSummary;

/**
 * VigilDueDeadline:
 * @days_left: from today to @due_on; negative when it is past
 */
typedef struct
{
  char *claim_id;
  char *case_reference;
  char *claimant;
  char *kind;
  char *due_on;
  int   days_left;
} VigilDueDeadline;

void vigil_claim_summary_free (VigilClaimSummary *summary);
void vigil_due_deadline_free  (VigilDueDeadline  *deadline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimSummary, vigil_claim_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDueDeadline, vigil_due_deadline_free)

/* Element type VigilClaimSummary, by case reference, then in the order
 * the claims were made; @case_id and @status (may be NULL) narrow it. An
 * unknown status is VIGIL_ERROR_INVALID. Amounts that overflow are
 * VIGIL_ERROR_INVALID too. */
GPtrArray        *vigil_store_list_claim_summaries (VigilStore  *self,
                                                    const char  *case_id,
                                                    const char  *status,
                                                    GError     **error);
/* Sums of @summaries per currency, in the VIGIL_CLAIM_TOTAL_ columns. */
VigilMoneyTotals *vigil_claim_summaries_total      (GPtrArray   *summaries,
                                                    GError     **error);
/* The totals of the claims @case_id and @status (may be NULL) narrow to,
 * straight from the vault: what vigil_claim_summaries_total() gives of
 * their summaries, faster. */
VigilMoneyTotals *vigil_store_claim_totals         (VigilStore  *self,
                                                    const char  *case_id,
                                                    const char  *status,
                                                    GError     **error);
/* The deadlines not done that fall on or before @today plus @within_days
 * (past ones included), earliest first. @today is YYYY-MM-DD. */
GPtrArray        *vigil_store_list_due_deadlines   (VigilStore  *self,
                                                    const char  *today,
                                                    guint        within_days,
                                                    GError     **error);

G_END_DECLS
