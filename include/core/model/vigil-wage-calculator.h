/* vigil-wage-calculator.h: the wages a worker was owed and not paid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <locale.h>

G_BEGIN_DECLS

/**
 * VigilWageInput:
 * @start_on: first day worked, YYYY-MM-DD
 * @end_on: last day worked, YYYY-MM-DD (the period counts both)
 * @hours_per_week_centi: hours worked a week, in hundredths (6050 is
 *   60.5 hours); at most 168 hours
 * @rate_minor: the hourly rate, in minor units of @currency
 * @legal_minimum: whether @rate_minor is the country's legal minimum
 *   rather than the rate agreed with the worker
 * @rate_source: (nullable): where the legal minimum comes from (a decree,
 *   its date); required with @legal_minimum
 * @paid_minor: what the worker was paid for the period, in all
 * @currency: ISO 4217
 */
typedef struct
{
  const char *start_on;
  const char *end_on;
  gint64      hours_per_week_centi;
  gint64      rate_minor;
  gboolean    legal_minimum;
  const char *rate_source;
  gint64      paid_minor;
  const char *currency;
} VigilWageInput;

/**
 * VigilWageResult:
 * @days: calendar days in the period
 * @hours_centi: hours worked in the period, in hundredths, rounded as
 *   shown (the amounts are computed from the exact value)
 * @owed_minor: what the hours were worth
 * @unpaid_minor: @owed_minor less what was paid, never below zero
 * @formula: the computation, in words and figures, a step a line, for the
 *   window and the worksheet
 */
typedef struct
{
  guint   days;
  gint64  hours_centi;
  gint64  owed_minor;
  gint64  unpaid_minor;
  char   *formula;
} VigilWageResult;

void     vigil_wage_result_clear (VigilWageResult       *result);

/* Fills @result, writing amounts in @locale's conventions ((locale_t) 0:
 * the thread's); FALSE with VIGIL_ERROR_INVALID, naming the field, for
 * an input that cannot be, or amounts too large to count exactly. */
gboolean vigil_wage_calculate    (const VigilWageInput  *input,
                                  locale_t               locale,
                                  VigilWageResult       *result,
                                  GError               **error);

G_END_DECLS
