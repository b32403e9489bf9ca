/* vigil-cli-claims.c: `vigil-cli claims`
 *
 * Lists compensation claims with what was claimed, awarded and paid, or
 * their totals per currency, and the deadlines that are near or past.
 * Nothing sealed is opened: the list is made of clear columns and
 * pseudonyms. In a table, amounts are written as the locale writes money;
 * in TSV they are minor units, for scripts, and the deadlines go to
 * standard error so that standard output stays one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-claim-status.h"
#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-ids.h"
#include "vigil-store-claim-summary.h"
#include "vigil-store.h"

#define DEFAULT_WITHIN_DAYS 30

/* private helpers */

static char *
amount (gint64 minor, const char *currency)
{
  return vigil_money_format (minor, currency, (locale_t) 0);
}

static char *
find_case_id (VigilStore *store, const char *reference, const char *court)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);
  const char *found = NULL;
  guint n_found = 0;

  if (cases == NULL)
    {
      vigil_cli_error ("claims", "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (cases, i);

      if (g_str_equal (vigil_case_get_reference (kase), reference)
          && (court == NULL || g_str_equal (vigil_case_get_court (kase), court)))
        {
          found = vigil_case_get_id (kase);
          n_found++;
        }
    }
  if (n_found == 1)
    return g_strdup (found);
  if (n_found == 0)
    vigil_cli_error ("claims", _("No case has the reference “%s”%s."), reference,
                     court != NULL ? _(" at that court") : "");
  else
    vigil_cli_error ("claims",
                     _("%u cases of different courts have the reference “%s”; name the court "
                       "with --court."),
                     n_found, reference);
  return NULL;
}

static void
print_list_tsv (GPtrArray *summaries)
{
  g_print ("case\tcourt\tclaimant\troute\tstatus\tcurrency\tclaimed_minor\tawarded_minor\t"
           "paid_minor\tawarded_unpaid_minor\tnext_deadline\tnext_deadline_kind\n");
  for (guint i = 0; i < summaries->len; i++)
    {
      const VigilClaimSummary *s = g_ptr_array_index (summaries, i);
      g_autofree char *awarded = s->has_awarded
                                     ? g_strdup_printf ("%" G_GINT64_FORMAT, s->awarded_minor)
                                     : g_strdup ("");

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT
               "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               s->case_reference, s->court, s->claimant, s->route, s->status, s->currency,
               s->claimed_minor, awarded, s->paid_minor, s->awarded_unpaid_minor,
               s->next_deadline != NULL ? s->next_deadline : "",
               s->next_deadline_kind != NULL ? s->next_deadline_kind : "");
    }
}

static void
print_list_table (GPtrArray *summaries)
{
  if (summaries->len == 0)
    {
      g_print (_("No claims.\n"));
      return;
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      const VigilClaimSummary *s = g_ptr_array_index (summaries, i);
      g_autofree char *claimed = amount (s->claimed_minor, s->currency);
      g_autofree char *awarded = s->has_awarded ? amount (s->awarded_minor, s->currency)
                                                : g_strdup (_("nothing yet"));
      g_autofree char *paid = amount (s->paid_minor, s->currency);

      g_print ("%s (%s), %s: %s\n", s->case_reference, s->court, s->claimant,
               vigil_claim_status_label (s->status));
      g_print (_("  claimed %s, awarded %s, paid %s\n"), claimed, awarded, paid);
      if (s->awarded_unpaid_minor > 0)
        {
          g_autofree char *unpaid = amount (s->awarded_unpaid_minor, s->currency);

          g_print (_("  AWARDED BUT NOT PAID: %s\n"), unpaid);
        }
      if (s->next_deadline != NULL)
        g_print (_("  next deadline: %s, %s\n"), s->next_deadline_kind, s->next_deadline);
    }
}

static gboolean
print_totals (VigilMoneyTotals *totals, gboolean tsv)
{
  g_auto (GStrv) currencies = NULL;

  currencies = vigil_money_totals_currencies (totals);
  if (tsv)
    g_print ("currency\tclaimed_minor\tawarded_minor\tpaid_minor\tawarded_unpaid_minor\n");
  else if (currencies[0] == NULL)
    g_print (_("No claims.\n"));
  for (guint i = 0; currencies[i] != NULL; i++)
    {
      const char *c = currencies[i];
      gint64 values[VIGIL_CLAIM_N_TOTALS];

      for (guint k = 0; k < VIGIL_CLAIM_N_TOTALS; k++)
        values[k] = vigil_money_totals_get (totals, c, k);
      if (tsv)
        g_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                 "\t%" G_GINT64_FORMAT "\n",
                 c, values[0], values[1], values[2], values[3]);
      else
        {
          g_autofree char *claimed = amount (values[0], c);
          g_autofree char *awarded = amount (values[1], c);
          g_autofree char *paid = amount (values[2], c);
          g_autofree char *unpaid = amount (values[3], c);

          g_print (_("%s: claimed %s, awarded %s, paid %s, awarded but not paid %s\n"), c,
                   claimed, awarded, paid, unpaid);
        }
    }
  return TRUE;
}

static gboolean
print_deadlines (VigilStore *store, const char *today, guint within, gboolean to_stderr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) due = vigil_store_list_due_deadlines (store, today, within, &error);
  void (*out) (const char *, ...) = to_stderr ? g_printerr : g_print;

  if (due == NULL)
    {
      vigil_cli_error ("claims", "%s", error->message);
      return FALSE;
    }
  if (due->len == 0)
    return TRUE;
  out (ngettext ("Deadlines past or in the next %u day:\n",
                 "Deadlines past or in the next %u days:\n", within),
       within);
  for (guint i = 0; i < due->len; i++)
    {
      const VigilDueDeadline *d = g_ptr_array_index (due, i);
      g_autofree char *when = NULL;

      if (d->days_left < 0)
        when = g_strdup_printf (ngettext ("%d day past", "%d days past", -d->days_left),
                                -d->days_left);
      else if (d->days_left == 0)
        when = g_strdup (_("today"));
      else
        when = g_strdup_printf (ngettext ("in %d day", "in %d days", d->days_left),
                                d->days_left);
      out ("  %s: %s (%s), %s, %s\n", when, d->kind, d->due_on, d->case_reference, d->claimant);
    }
  return TRUE;
}

/* public API */

int
vigil_cli_claims (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *reference = NULL;
  g_autofree char *court = NULL;
  g_autofree char *status = NULL;
  g_autofree char *format = NULL;
  g_autofree char *today = NULL;
  gboolean totals = FALSE;
  int within = DEFAULT_WITHIN_DAYS;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &reference, N_("Only the claims of this case"),
      N_("REF") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court, when cases of several courts share the reference"), N_("COURT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only the claims in this status (drafting, filed, heard, awarded, …)"), N_("STATUS") },
    { "totals", 0, 0, G_OPTION_ARG_NONE, &totals,
      N_("Totals per currency instead of the claims; never summed across currencies"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("table (the default, amounts as the locale writes them) or tsv (minor units)"),
      N_("FORMAT") },
    { "within", 0, 0, G_OPTION_ARG_INT, &within,
      N_("Show deadlines due within this many days, and past ones (default 30)"), N_("DAYS") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count the days to deadlines from this date instead of today"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "claims", "",
    _("List compensation claims: what was claimed, awarded and paid, and what was awarded but "
      "not paid, with the deadlines that are near or past. Opens no sealed value."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (VigilMoneyTotals) sums = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *path = NULL;
  gboolean tsv;
  gboolean ok;

  if (!vigil_cli_parse (context, "claims", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("claims", _("Unexpected argument “%s”"), argv[1]);
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "tsv"))
    return vigil_cli_usage_error ("claims", _("--format is table or tsv, not “%s”"), format);
  if (within < 0)
    return vigil_cli_usage_error ("claims", _("--within is a number of days, 0 or more"));
  if (today != NULL && vigil_date_day_number (today) == 0)
    return vigil_cli_usage_error ("claims", _("--today is a date in the form YYYY-MM-DD"));
  if (court != NULL && reference == NULL)
    return vigil_cli_usage_error ("claims", _("--court goes with --case"));
  tsv = format != NULL && g_str_equal (format, "tsv");
  if (today == NULL)
    today = vigil_date_today ();

  opened = vigil_cli_open_vault (&vault, "claims");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  if (reference != NULL && (case_id = find_case_id (store, reference, court)) == NULL)
    {
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  if (totals)
    sums = vigil_store_claim_totals (store, case_id, status, &error);
  else
    summaries = vigil_store_list_claim_summaries (store, case_id, status, &error);
  if (sums == NULL && summaries == NULL)
    {
      vigil_vault_lock (opened);
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_INVALID))
        return vigil_cli_usage_error ("claims", "%s", error->message);
      vigil_cli_print_error ("claims", path, error);
      return VIGIL_CLI_FAILURE;
    }
  if (totals)
    ok = print_totals (sums, tsv);
  else
    {
      if (tsv)
        print_list_tsv (summaries);
      else
        print_list_table (summaries);
      ok = TRUE;
    }
  /* Machine-readable output stays one table; the deadlines go beside it. */
  if (ok && !tsv)
    g_print ("\n");
  ok = ok && print_deadlines (store, today, within, tsv);
  vigil_vault_lock (opened);
  return ok ? VIGIL_CLI_OK : VIGIL_CLI_FAILURE;
}
