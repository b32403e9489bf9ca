/* vigil-claim-status.c: the procedure a compensation claim goes through
 *
 * drafting → filed → heard → awarded | partly_awarded | rejected; a
 * decision may be appealed, which leads to a new decision; an award goes
 * under enforcement, or is paid without it; enforcement ends paid or
 * partly paid, and a partly paid claim may go back under enforcement.
 * "enforced" is the word older vaults and files used for a claim under
 * enforcement: it is still read, and leads where under_enforcement does,
 * but nothing changes to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim-status.h"
#include "vigil-error.h"

const char * const vigil_claim_reasons[] = {
  "left_undecided", "referred_to_civil", "defendant_insolvent", "assets_moved_abroad",
  "order_not_enforced", "claimant_abroad", "claim_withdrawn", NULL,
};

typedef struct
{
  const char *status;
  const char *label;
  gboolean    needs_reason;
  const char *next[5];
} Step;

static const Step steps[] = {
  { "drafting", N_("Drafting"), FALSE, { "filed", NULL } },
  { "filed", N_("Filed"), FALSE, { "heard", NULL } },
  { "heard", N_("Heard"), FALSE, { "awarded", "partly_awarded", "rejected", NULL } },
  { "awarded", N_("Awarded"), FALSE,
    { "appealed", "under_enforcement", "paid", "partly_paid", NULL } },
  { "partly_awarded", N_("Partly awarded"), TRUE,
    { "appealed", "under_enforcement", "paid", "partly_paid", NULL } },
  { "rejected", N_("Rejected"), TRUE, { "appealed", NULL } },
  { "appealed", N_("Appealed"), FALSE, { "awarded", "partly_awarded", "rejected", NULL } },
  { "under_enforcement", N_("Under enforcement"), FALSE, { "paid", "partly_paid", NULL } },
  { "enforced", N_("Under enforcement"), FALSE, { "paid", "partly_paid", NULL } },
  { "paid", N_("Paid"), FALSE, { NULL } },
  { "partly_paid", N_("Partly paid"), TRUE, { "under_enforcement", "paid", NULL } },
};

/* private helpers */

static const Step *
find_step (const char *status)
{
  if (status == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].status, status))
      return &steps[i];
  return NULL;
}

/* public API */

/**
 * vigil_claim_status_next:
 *
 * Returns: (transfer none): the statuses the procedure leads to from
 *   @status; empty for a final or unknown one
 */
const char * const *
vigil_claim_status_next (const char *status)
{
  static const char * const none[] = { NULL };
  const Step *step = find_step (status);

  return step != NULL ? step->next : none;
}

/**
 * vigil_claim_status_check_change:
 *
 * Returns: TRUE when the procedure leads from @from to @to
 */
gboolean
vigil_claim_status_check_change (const char *from, const char *to, GError **error)
{
  const Step *step = find_step (from);
  g_autoptr (GString) allowed = g_string_new (NULL);

  g_return_val_if_fail (to != NULL, FALSE);

  if (step == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("“%s” is not a status of a claim"), from != NULL ? from : "");
      return FALSE;
    }
  for (guint i = 0; step->next[i] != NULL; i++)
    if (g_str_equal (step->next[i], to))
      return TRUE;
  if (step->next[0] == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A claim that is %s does not change status any more"),
                   vigil_claim_status_label (from));
      return FALSE;
    }
  for (guint i = 0; step->next[i] != NULL; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "",
                            vigil_claim_status_label (step->next[i]));
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("A claim that is %s cannot become %s; it can become: %s"),
               vigil_claim_status_label (from), vigil_claim_status_label (to), allowed->str);
  return FALSE;
}

gboolean
vigil_claim_status_needs_reason (const char *status)
{
  const Step *step = find_step (status);

  return step != NULL && step->needs_reason;
}

const char *
vigil_claim_status_label (const char *status)
{
  const Step *step = find_step (status);

  return step != NULL ? _(step->label) : status;
}

const char *
vigil_claim_reason_label (const char *reason)
{
  static const struct
  {
    const char *word;
    const char *label;
  } labels[] = {
    { "left_undecided", N_("Left undecided by the criminal court") },
    { "referred_to_civil", N_("Referred to civil proceedings") },
    { "defendant_insolvent", N_("Defendant insolvent or not found") },
    { "assets_moved_abroad", N_("Assets moved abroad") },
    { "order_not_enforced", N_("Order not enforced") },
    { "claimant_abroad", N_("Claimant deported or gone abroad") },
    { "claim_withdrawn", N_("Claim withdrawn") },
  };

  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].word, reason))
      return _(labels[i].label);
  return reason;
}
