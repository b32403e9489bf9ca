/* vigil-store-claim-summary.c: claims across cases, their totals per
 * currency, and the deadlines that are near or past
 *
 * These are reports, not records: one query each over the clear columns
 * (amounts, statuses, dates, pseudonyms), so that the Compensation
 * overview and `vigil-cli claims` open no sealed value and stay fast over
 * a thousand cases. SQLite's sum() of integers stays an integer and fails
 * rather than overflow; the sums across claims use checked additions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim.h"
#include "vigil-db.h"
#include "vigil-error.h"
#include "vigil-ids.h"
#include "vigil-record-rules.h"
#include "vigil-store-claim-summary.h"
#include "vigil-store-private.h"

/* An item's paid_minor is counted too: a vault of before payments holds
 * its amounts there until its claims are first read. */
#define SUMMARY_SQL                                                                                \
  "SELECT c.id, c.case_id, k.reference, k.court, p.pseudonym, c.route, c.status, c.currency,"     \
  " coalesce (i.claimed, 0), i.awarded_count, coalesce (i.awarded, 0),"                           \
  " coalesce (pay.paid, 0) + coalesce (i.legacy_paid, 0),"                                         \
  " (SELECT d.due_on FROM claim_deadlines d WHERE d.claim_id = c.id AND d.done = 0"                \
  "   ORDER BY d.due_on LIMIT 1),"                                                                 \
  " (SELECT d.kind FROM claim_deadlines d WHERE d.claim_id = c.id AND d.done = 0"                  \
  "   ORDER BY d.due_on LIMIT 1)"                                                                  \
  " FROM claims c JOIN cases k ON k.id = c.case_id JOIN persons p ON p.id = c.claimant_id"        \
  " LEFT JOIN (SELECT claim_id, sum (claimed_minor) AS claimed,"                                  \
  "   count (awarded_minor) AS awarded_count, sum (awarded_minor) AS awarded,"                     \
  "   sum (paid_minor) AS legacy_paid FROM claim_items GROUP BY claim_id) i"                       \
  "   ON i.claim_id = c.id"                                                                        \
  " LEFT JOIN (SELECT claim_id, sum (amount_minor) AS paid FROM claim_payments"                   \
  "   GROUP BY claim_id) pay ON pay.claim_id = c.id"                                              \
  " WHERE (?1 IS NULL OR c.case_id = ?1) AND (?2 IS NULL OR c.status = ?2)"                        \
  " ORDER BY k.reference, k.court, c.created_at, c.rowid"

/* Only what totals need, from the covering indexes of the schema. */
#define TOTALS_SQL                                                                                 \
  "SELECT c.currency, coalesce (i.claimed, 0), coalesce (i.awarded, 0),"                          \
  " coalesce (pay.paid, 0) + coalesce (i.legacy_paid, 0)"                                          \
  " FROM claims c INDEXED BY claims_money"                                                         \
  " LEFT JOIN (SELECT claim_id, sum (claimed_minor) AS claimed, sum (awarded_minor) AS awarded,"  \
  "   sum (paid_minor) AS legacy_paid FROM claim_items INDEXED BY claim_items_money"              \
  "   GROUP BY claim_id) i ON i.claim_id = c.id"                                                   \
  " LEFT JOIN (SELECT claim_id, sum (amount_minor) AS paid FROM claim_payments"                   \
  "   INDEXED BY claim_payments_money GROUP BY claim_id) pay ON pay.claim_id = c.id"              \
  " WHERE (?1 IS NULL OR c.case_id = ?1) AND (?2 IS NULL OR c.status = ?2)"

/* private helpers */

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup (vigil_store_column_text (stmt, column));
}

/* public API */

void
vigil_claim_summary_free (VigilClaimSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->claim_id);
  g_free (summary->case_id);
  g_free (summary->case_reference);
  g_free (summary->court);
  g_free (summary->claimant);
  g_free (summary->route);
  g_free (summary->status);
  g_free (summary->currency);
  g_free (summary->next_deadline);
  g_free (summary->next_deadline_kind);
  g_free (summary);
}

void
vigil_due_deadline_free (VigilDueDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->claim_id);
  g_free (deadline->case_reference);
  g_free (deadline->claimant);
  g_free (deadline->kind);
  g_free (deadline->due_on);
  g_free (deadline);
}

/**
 * vigil_store_list_claim_summaries:
 *
 * Returns: (transfer full) (element-type VigilClaimSummary): the claims
 */
GPtrArray *
vigil_store_list_claim_summaries (VigilStore *self,
                                  const char *case_id,
                                  const char *status,
                                  GError    **error)
{
  g_autoptr (GPtrArray) summaries = NULL;
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (status != NULL && !vigil_vocabulary_contains (vigil_claim_statuses, status))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_claim_statuses);

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("“%s” is not a status of a claim (expected one of %s)"), status, expected);
      return NULL;
    }
  db = vigil_store_get_db (self, error);
  if (db == NULL || (stmt = vigil_db_prepare (db, SUMMARY_SQL, error)) == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  vigil_store_bind_text (stmt, 2, status);
  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilClaimSummary *summary = g_new0 (VigilClaimSummary, 1);

      summary->claim_id = column_dup (stmt, 0);
      summary->case_id = column_dup (stmt, 1);
      summary->case_reference = column_dup (stmt, 2);
      summary->court = column_dup (stmt, 3);
      summary->claimant = column_dup (stmt, 4);
      summary->route = column_dup (stmt, 5);
      summary->status = column_dup (stmt, 6);
      summary->currency = column_dup (stmt, 7);
      summary->claimed_minor = sqlite3_column_int64 (stmt, 8);
      summary->has_awarded = sqlite3_column_int64 (stmt, 9) > 0;
      summary->awarded_minor = sqlite3_column_int64 (stmt, 10);
      summary->paid_minor = sqlite3_column_int64 (stmt, 11);
      summary->next_deadline = column_dup (stmt, 12);
      summary->next_deadline_kind = column_dup (stmt, 13);
      /* Both are at most a sum SQLite could hold: the difference of two
       * non-negative gint64 cannot overflow. */
      summary->awarded_unpaid_minor = MAX (0, summary->awarded_minor - summary->paid_minor);
      g_ptr_array_add (summaries, summary);
    }
  if (rc != SQLITE_DONE)
    {
      /* "integer overflow" from sum() is a total beyond what can be counted. */
      vigil_db_set_error (db, rc, _("The claims could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

/**
 * vigil_claim_summaries_total:
 *
 * Returns: (transfer full): the totals, or NULL when one overflows
 */
VigilMoneyTotals *
vigil_claim_summaries_total (GPtrArray *summaries, GError **error)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (VIGIL_CLAIM_N_TOTALS);

  g_return_val_if_fail (summaries != NULL, NULL);

  for (guint i = 0; i < summaries->len; i++)
    {
      const VigilClaimSummary *s = g_ptr_array_index (summaries, i);

      if (!vigil_money_totals_add (totals, s->currency, VIGIL_CLAIM_TOTAL_CLAIMED,
                                   s->claimed_minor, error)
          || !vigil_money_totals_add (totals, s->currency, VIGIL_CLAIM_TOTAL_AWARDED,
                                      s->awarded_minor, error)
          || !vigil_money_totals_add (totals, s->currency, VIGIL_CLAIM_TOTAL_PAID,
                                      s->paid_minor, error)
          || !vigil_money_totals_add (totals, s->currency, VIGIL_CLAIM_TOTAL_AWARDED_UNPAID,
                                      s->awarded_unpaid_minor, error))
        return NULL;
    }
  return g_steal_pointer (&totals);
}

/**
 * vigil_store_list_due_deadlines:
 *
 * Returns: (transfer full) (element-type VigilDueDeadline): the deadlines
 */
GPtrArray *
vigil_store_list_due_deadlines (VigilStore *self,
                                const char *today,
                                guint       within_days,
                                GError    **error)
{
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint32 today_number = vigil_date_day_number (today);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (today_number > 0, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL
      || (stmt = vigil_db_prepare (db,
                                   "SELECT d.claim_id, k.reference, p.pseudonym, d.kind, d.due_on"
                                   " FROM claim_deadlines d JOIN claims c ON c.id = d.claim_id"
                                   " JOIN cases k ON k.id = c.case_id"
                                   " JOIN persons p ON p.id = c.claimant_id"
                                   " WHERE d.done = 0 ORDER BY d.due_on, k.reference",
                                   error))
             == NULL)
    return NULL;
  due = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_due_deadline_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 number = vigil_date_day_number (vigil_store_column_text (stmt, 4));
      VigilDueDeadline *deadline;

      /* Sorted by date: the first one beyond the window ends the list. */
      if (number == 0 || number > today_number + within_days)
        break;
      deadline = g_new0 (VigilDueDeadline, 1);
      deadline->claim_id = column_dup (stmt, 0);
      deadline->case_reference = column_dup (stmt, 1);
      deadline->claimant = column_dup (stmt, 2);
      deadline->kind = column_dup (stmt, 3);
      deadline->due_on = column_dup (stmt, 4);
      deadline->days_left = (int) number - (int) today_number;
      g_ptr_array_add (due, deadline);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The deadlines could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&due);
}

/**
 * vigil_store_claim_totals:
 *
 * The same sums as vigil_claim_summaries_total() of the same claims,
 * without reading what a list shows (references, pseudonyms, deadlines).
 *
 * Returns: (transfer full): the totals, or NULL with @error
 */
VigilMoneyTotals *
vigil_store_claim_totals (VigilStore *self,
                          const char *case_id,
                          const char *status,
                          GError    **error)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (VIGIL_CLAIM_N_TOTALS);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (status != NULL && !vigil_vocabulary_contains (vigil_claim_statuses, status))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_claim_statuses);

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("“%s” is not a status of a claim (expected one of %s)"), status, expected);
      return NULL;
    }
  db = vigil_store_get_db (self, error);
  if (db == NULL || (stmt = vigil_db_prepare (db, TOTALS_SQL, error)) == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  vigil_store_bind_text (stmt, 2, status);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *currency = vigil_store_column_text (stmt, 0);
      gint64 claimed = sqlite3_column_int64 (stmt, 1);
      gint64 awarded = sqlite3_column_int64 (stmt, 2);
      gint64 paid = sqlite3_column_int64 (stmt, 3);

      if (!vigil_money_totals_add (totals, currency, VIGIL_CLAIM_TOTAL_CLAIMED, claimed, error)
          || !vigil_money_totals_add (totals, currency, VIGIL_CLAIM_TOTAL_AWARDED, awarded, error)
          || !vigil_money_totals_add (totals, currency, VIGIL_CLAIM_TOTAL_PAID, paid, error)
          || !vigil_money_totals_add (totals, currency, VIGIL_CLAIM_TOTAL_AWARDED_UNPAID,
                                      MAX (0, awarded - paid), error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The claims could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&totals);
}
