/* vigil-wage-calculator.c: the wages a worker was owed and not paid
 *
 * owed = rate × hours a week × days ÷ 7, computed in whole numbers (the
 * rate in minor units, hours in hundredths) with one division at the very
 * end, rounded to the nearest minor unit, a half going up: in the
 * worker's favour, and never more than half a cent (or yen) from the
 * exact value. Rounding the hours first, or the weeks, would shift the
 * result by up to an hour's pay. unpaid = owed − paid, never below zero.
 * The hours shown in the formula are rounded to hundredths for reading
 * only. No floating point is involved anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>

#include "vigil-claim.h"
#include "vigil-error.h"
#include "vigil-ids.h"
#include "vigil-money.h"
#include "vigil-record-rules.h"
#include "vigil-text.h"
#include "vigil-wage-calculator.h"

#define MAX_HOURS_PER_WEEK_CENTI (168 * 100)

/* private helpers */

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, message);
  return FALSE;
}

/* n / d rounded to the nearest, a half up; n ≥ 0, d > 0. */
static gint64
divide_rounded (gint64 n, gint64 d)
{
  return n / d + (n % d >= d - n % d ? 1 : 0);
}

/* Hundredths as "780.57" with the locale's decimal mark. */
static char *
format_centi (gint64 centi, locale_t locale)
{
  const char *mark = locale == (locale_t) 0 ? nl_langinfo (RADIXCHAR)
                                            : nl_langinfo_l (RADIXCHAR, locale);

  if (centi % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, centi / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%02" G_GINT64_FORMAT, centi / 100,
                          mark[0] != '\0' ? mark : ".", centi % 100);
}

/* public API */

void
vigil_wage_result_clear (VigilWageResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->formula, g_free);
}

/**
 * vigil_wage_calculate:
 *
 * Returns: TRUE with @result filled (clear it with
 *   vigil_wage_result_clear()), or FALSE with @result untouched
 */
gboolean
vigil_wage_calculate (const VigilWageInput *input,
                      locale_t              locale,
                      VigilWageResult      *result,
                      GError              **error)
{
  guint32 start = vigil_date_day_number (input != NULL ? input->start_on : NULL);
  guint32 end = vigil_date_day_number (input != NULL ? input->end_on : NULL);
  g_autofree char *hours_week = NULL;
  g_autofree char *hours_total = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *owed_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *unpaid_text = NULL;
  g_autofree char *rate_words = NULL;
  gint64 days, product, owed, unpaid, hours_centi;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (start == 0)
    return refuse (error, _("First day worked is not a date in the form YYYY-MM-DD"));
  if (end == 0)
    return refuse (error, _("Last day worked is not a date in the form YYYY-MM-DD"));
  if (end < start)
    return refuse (error, _("Last day worked is before the first"));
  if (vigil_currency_lookup (input->currency) == NULL)
    return refuse (error, _("Currency must be an ISO 4217 code with a minor unit, like EUR"));
  if (input->hours_per_week_centi <= 0 || input->hours_per_week_centi > MAX_HOURS_PER_WEEK_CENTI)
    return refuse (error, _("Hours a week must be above 0 and at most 168"));
  if (input->rate_minor <= 0)
    return refuse (error, _("Hourly rate must be above zero"));
  if (input->paid_minor < 0)
    return refuse (error, _("Amount paid is negative; amounts are never below zero"));
  if (input->legal_minimum
      && (input->rate_source == NULL || vigil_text_is_blank (input->rate_source)))
    return refuse (error, _("Source of the legal minimum is missing: say which law or decree "
                            "sets it, and from when"));

  days = (gint64) end - start + 1;
  if (!vigil_int64_checked_mul (&product, input->rate_minor, input->hours_per_week_centi)
      || !vigil_int64_checked_mul (&product, product, days))
    return refuse (error, _("The wages owed are too large to count exactly; check the rate"));
  owed = divide_rounded (product, 7 * 100);
  if (owed > VIGIL_AMOUNT_MAX)
    return refuse (error, _("The wages owed are too large to count exactly; check the rate"));
  unpaid = MAX (0, owed - input->paid_minor);
  /* At most 168 h × 100 × some 10^6 days: no overflow. */
  hours_centi = divide_rounded (input->hours_per_week_centi * days, 7);

  hours_week = format_centi (input->hours_per_week_centi, locale);
  hours_total = format_centi (hours_centi, locale);
  rate = vigil_money_format (input->rate_minor, input->currency, locale);
  owed_text = vigil_money_format (owed, input->currency, locale);
  paid_text = vigil_money_format (input->paid_minor, input->currency, locale);
  unpaid_text = vigil_money_format (unpaid, input->currency, locale);
  rate_words = input->legal_minimum
                   ? g_strdup_printf (_("the legal minimum hourly rate (%s)"), input->rate_source)
                   : g_strdup (_("the agreed hourly rate"));

  result->days = days;
  result->hours_centi = hours_centi;
  result->owed_minor = owed;
  result->unpaid_minor = unpaid;
  /* TRANSLATORS: the wage calculation, a step a line, e.g. "60 hours a
   * week × 91 days ÷ 7 = 780 hours", "780 hours × €5.00 an hour (the
   * agreed hourly rate) = €3,900.00 owed", "€3,900.00 − €500.00 paid =
   * €3,400.00 unpaid" */
  result->formula = g_strdup_printf (_("%s hours a week × %u days ÷ 7 = %s hours\n"
                                       "%s hours × %s an hour (%s) = %s owed\n"
                                       "%s − %s paid = %s unpaid"),
                                     hours_week, (guint) days, hours_total, hours_total, rate,
                                     rate_words, owed_text, owed_text, paid_text, unpaid_text);
  return TRUE;
}
