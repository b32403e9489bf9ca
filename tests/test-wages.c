/* test-wages.c: the unpaid-wages calculator against worked examples
 *
 * Each example is worked out by hand in its comment, from the rule in
 * vigil-wage-calculator.c: owed = rate × hours a week × days ÷ 7, one
 * division at the end, to the nearest minor unit with a half going up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-error.h"
#include "vigil-wage-calculator.h"

static locale_t
en_us (void)
{
  locale_t locale = newlocale (LC_ALL_MASK, "en_US.UTF-8", (locale_t) 0);

  g_assert_true (locale != (locale_t) 0);
  return locale;
}

static void
check_formula (const char *formula, const char *part)
{
  if (strstr (formula, part) == NULL)
    g_test_message ("“%s” lacks “%s”", formula, part);
  g_assert_nonnull (strstr (formula, part));
}

/* Agreed €5.00 an hour, 60 hours a week, 1 January to 31 March 2024: 91
 * days, 13 weeks, 780 hours, €3,900.00; €500.00 paid leaves €3,400.00. */
static void
test_agreed_rate (void)
{
  locale_t locale = en_us ();
  VigilWageInput input = { "2024-01-01", "2024-03-31", 6000, 500, FALSE, NULL, 50000, "EUR" };
  VigilWageResult result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (vigil_wage_calculate (&input, locale, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.days, ==, 91);
  g_assert_cmpint (result.hours_centi, ==, 78000);
  g_assert_cmpint (result.owed_minor, ==, 390000);
  g_assert_cmpint (result.unpaid_minor, ==, 340000);
  check_formula (result.formula, "60 hours a week × 91 days ÷ 7 = 780 hours");
  check_formula (result.formula, "780 hours × €5.00 an hour (the agreed hourly rate) = "
                                 "€3,900.00 owed");
  check_formula (result.formula, "€3,900.00 − €500.00 paid = €3,400.00 unpaid");
  vigil_wage_result_clear (&result);
  freelocale (locale);
}

/* Romania's minimum, RON 18.60 an hour, 48 hours a week for 10 days:
 * 1860 × 4800 × 10 ÷ 700 = 127,542.857… minor units, so RON 1,275.43
 * (48 × 10 ÷ 7 = 68.571… hours, shown as 68.57). Nothing paid. */
static void
test_legal_minimum (void)
{
  locale_t locale = en_us ();
  VigilWageInput input = { "2024-01-01", "2024-01-10", 4800, 1860, TRUE,
                           "HG 1447/2023, from 1 January 2024", 0, "RON" };
  VigilWageResult result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (vigil_wage_calculate (&input, locale, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.days, ==, 10);
  g_assert_cmpint (result.hours_centi, ==, 6857);
  g_assert_cmpint (result.owed_minor, ==, 127543);
  g_assert_cmpint (result.unpaid_minor, ==, 127543);
  check_formula (result.formula, "68.57 hours × RON\u00a018.60 an hour (the legal minimum "
                                 "hourly rate (HG 1447/2023, from 1 January 2024))");
  check_formula (result.formula, "= RON\u00a01,275.43 unpaid");
  vigil_wage_result_clear (&result);
  freelocale (locale);
}

/* Rounding: 1 minor unit an hour, 3.5 hours a week, one day is 350 ÷ 700
 * = exactly a half, which goes up to 1; 3.49 hours is 0.4985…, down to 0.
 * Paid more than owed leaves nothing, not less. */
static void
test_rounding (void)
{
  VigilWageInput half = { "2024-05-01", "2024-05-01", 350, 1, FALSE, NULL, 0, "EUR" };
  VigilWageInput below = { "2024-05-01", "2024-05-01", 349, 1, FALSE, NULL, 0, "EUR" };
  VigilWageInput overpaid = { "2024-05-01", "2024-05-07", 4000, 1000, FALSE, NULL, 50000, "EUR" };
  VigilWageResult result = { 0 };

  g_assert_true (vigil_wage_calculate (&half, (locale_t) 0, &result, NULL));
  g_assert_cmpint (result.owed_minor, ==, 1);
  vigil_wage_result_clear (&result);
  g_assert_true (vigil_wage_calculate (&below, (locale_t) 0, &result, NULL));
  g_assert_cmpint (result.owed_minor, ==, 0);
  vigil_wage_result_clear (&result);
  /* 40 hours at €10.00 is €400.00; €500.00 was paid. */
  g_assert_true (vigil_wage_calculate (&overpaid, (locale_t) 0, &result, NULL));
  g_assert_cmpint (result.owed_minor, ==, 40000);
  g_assert_cmpint (result.unpaid_minor, ==, 0);
  vigil_wage_result_clear (&result);
}

/* A currency without minor units: ¥1,000 an hour, 40 hours, one week. */
static void
test_no_minor_unit (void)
{
  locale_t locale = en_us ();
  VigilWageInput input = { "2024-02-26", "2024-03-03", 4000, 1000, FALSE, NULL, 0, "JPY" };
  VigilWageResult result = { 0 };

  g_assert_true (vigil_wage_calculate (&input, locale, &result, NULL));
  g_assert_cmpuint (result.days, ==, 7);
  g_assert_cmpint (result.owed_minor, ==, 40000);
  check_formula (result.formula, "¥40,000 owed");
  vigil_wage_result_clear (&result);
  freelocale (locale);
}

static void
test_refused (void)
{
  static const struct
  {
    VigilWageInput input;
    const char    *message;
  } cases[] = {
    { { "2024-13-01", "2024-12-31", 4000, 500, FALSE, NULL, 0, "EUR" }, "First day" },
    { { "2024-01-01", "soon", 4000, 500, FALSE, NULL, 0, "EUR" }, "Last day" },
    { { "2024-02-01", "2024-01-31", 4000, 500, FALSE, NULL, 0, "EUR" }, "before the first" },
    { { "2024-01-01", "2024-01-31", 0, 500, FALSE, NULL, 0, "EUR" }, "Hours a week" },
    { { "2024-01-01", "2024-01-31", 16801, 500, FALSE, NULL, 0, "EUR" }, "at most 168" },
    { { "2024-01-01", "2024-01-31", 4000, 0, FALSE, NULL, 0, "EUR" }, "Hourly rate" },
    { { "2024-01-01", "2024-01-31", 4000, 500, FALSE, NULL, -1, "EUR" }, "negative" },
    { { "2024-01-01", "2024-01-31", 4000, 500, TRUE, NULL, 0, "EUR" }, "Source" },
    { { "2024-01-01", "2024-01-31", 4000, 500, TRUE, "  ", 0, "EUR" }, "Source" },
    { { "2024-01-01", "2024-01-31", 4000, 500, FALSE, NULL, 0, "EURO" }, "ISO 4217" },
    { { "1990-01-01", "2024-01-31", 16800, G_GINT64_CONSTANT (1000000000000), FALSE, NULL, 0,
        "EUR" }, "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      VigilWageResult result = { 0 };

      g_assert_false (vigil_wage_calculate (&cases[i].input, (locale_t) 0, &result, &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      check_formula (error->message, cases[i].message);
      g_assert_null (result.formula);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wages/agreed-rate", test_agreed_rate);
  g_test_add_func ("/wages/legal-minimum", test_legal_minimum);
  g_test_add_func ("/wages/rounding", test_rounding);
  g_test_add_func ("/wages/no-minor-unit", test_no_minor_unit);
  g_test_add_func ("/wages/refused", test_refused);

  return g_test_run ();
}
