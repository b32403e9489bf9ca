/* test-money.c: exact amounts, per-currency totals, ISO 4217 minor units,
 * and amounts written and read in ru_RU, fr_FR, en_US and de_DE
 *
 * The locales come from Debian's locales-all (packaging/debian-packages);
 * a machine without them fails here rather than skipping, since the
 * formatting would then go untested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-error.h"
#include "vigil-money.h"

/* What glibc's ru_RU and fr_FR group thousands with, and what Vigil puts
 * between an amount and its sign. */
#define NNBSP "\u202f"
#define NBSP "\u00a0"

static locale_t
locale_named (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    g_test_message ("The locale %s is missing: install locales-all "
                    "(packaging/install-deps test)", name);
  g_assert_true (locale != (locale_t) 0);
  return locale;
}

/* Checked arithmetic */

static void
test_checked (void)
{
  gint64 result = 7;

  g_assert_true (vigil_int64_checked_add (&result, G_MAXINT64 - 1, 1));
  g_assert_cmpint (result, ==, G_MAXINT64);
  g_assert_false (vigil_int64_checked_add (&result, G_MAXINT64, 1));
  g_assert_cmpint (result, ==, G_MAXINT64);
  g_assert_false (vigil_int64_checked_add (&result, G_MININT64, -1));
  g_assert_true (vigil_int64_checked_add (&result, G_MININT64, G_MAXINT64));
  g_assert_cmpint (result, ==, -1);

  g_assert_true (vigil_int64_checked_mul (&result, 3037000499, 3037000499));
  g_assert_cmpint (result, ==, G_GINT64_CONSTANT (9223372030926249001));
  g_assert_false (vigil_int64_checked_mul (&result, 3037000500, 3037000500));
  g_assert_cmpint (result, ==, G_GINT64_CONSTANT (9223372030926249001));
  g_assert_false (vigil_int64_checked_mul (&result, G_MININT64, -1));
  g_assert_true (vigil_int64_checked_mul (&result, -4, 5));
  g_assert_cmpint (result, ==, -20);
}

/* The currency table */

static void
test_currency_table (void)
{
  guint n = 0;
  const VigilCurrency *all = vigil_currency_all (&n);
  struct { const char *code; guint digits; } known[] = {
    { "EUR", 2 }, { "USD", 2 }, { "GBP", 2 }, { "RON", 2 }, { "RUB", 2 }, { "UAH", 2 },
    { "JPY", 0 }, { "KRW", 0 }, { "ISK", 0 }, { "CLP", 0 }, { "XOF", 0 }, { "XAF", 0 },
    { "VND", 0 }, { "UGX", 0 }, { "PYG", 0 }, { "KWD", 3 }, { "BHD", 3 }, { "JOD", 3 },
    { "OMR", 3 }, { "TND", 3 }, { "LYD", 3 }, { "IQD", 3 }, { "CLF", 4 }, { "UYW", 4 },
  };
  guint active = 0;

  g_assert_cmpuint (n, >=, 150);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 3);
      for (guint c = 0; c < 3; c++)
        g_assert_true (g_ascii_isupper (all[i].code[c]));
      g_assert_true (all[i].digits <= 4);
      if (i > 0)
        g_assert_cmpint (strcmp (all[i - 1].code, all[i].code), <, 0);
      g_assert_true (vigil_currency_lookup (all[i].code) == &all[i]);
      active += all[i].active;
    }
  g_assert_cmpuint (active, >=, 150);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      const VigilCurrency *currency = vigil_currency_lookup (known[i].code);

      g_assert_nonnull (currency);
      g_assert_cmpuint (currency->digits, ==, known[i].digits);
      g_assert_true (currency->active);
    }
  /* Withdrawn, kept for old claims; no minor unit; not currencies. */
  g_assert_false (vigil_currency_lookup ("HRK")->active);
  g_assert_false (vigil_currency_lookup ("BGN")->active);
  g_assert_null (vigil_currency_lookup ("XAU"));
  g_assert_null (vigil_currency_lookup ("XXX"));
  g_assert_null (vigil_currency_lookup ("EURO"));
  g_assert_null (vigil_currency_lookup ("eur"));
  g_assert_null (vigil_currency_lookup (""));
  g_assert_null (vigil_currency_lookup (NULL));
}

/* Every currency's minor digits: written plainly and in a locale, and
 * read back to the same minor units. */
static void
test_every_currency (void)
{
  locale_t fr = locale_named ("fr_FR.UTF-8");
  locale_t en = locale_named ("en_US.UTF-8");
  guint n = 0;
  const VigilCurrency *all = vigil_currency_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain = vigil_money_format_plain (123456789, all[i].code);
      const char *dot = strchr (plain, '.');
      locale_t locales[] = { fr, en };

      if (all[i].digits == 0)
        {
          g_assert_null (dot);
          g_assert_cmpstr (plain, ==, "123456789");
        }
      else
        {
          g_assert_nonnull (dot);
          g_assert_cmpuint (strlen (dot + 1), ==, all[i].digits);
        }
      for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
        {
          g_autofree char *text = vigil_money_format (123456789, all[i].code, locales[l]);
          g_autoptr (GError) error = NULL;
          gint64 back = 0;

          g_assert_true (vigil_money_parse (text, all[i].code, locales[l], &back, &error));
          g_assert_no_error (error);
          g_assert_cmpint (back, ==, 123456789);
        }
    }
  freelocale (fr);
  freelocale (en);
}

/* Totals */

static void
test_totals_large (void)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (2);
  g_autoptr (GError) error = NULL;
  const gint64 big = G_GINT64_CONSTANT (1000000000000000); /* VIGIL_AMOUNT_MAX */

  /* 9,223 of the largest item fit; the 9,224th would not. */
  for (guint i = 0; i < 9223; i++)
    g_assert_true (vigil_money_totals_add (totals, "EUR", 0, big, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 0), ==,
                   G_GINT64_CONSTANT (9223000000000000000));
  g_assert_true (vigil_money_totals_add (totals, "EUR", 0, G_MAXINT64
                                         - G_GINT64_CONSTANT (9223000000000000000), &error));
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 0), ==, G_MAXINT64);
}

static void
test_totals_overflow (void)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (1);
  g_autoptr (GError) error = NULL;

  g_assert_true (vigil_money_totals_add (totals, "KWD", 0, G_MAXINT64 - 5, &error));
  g_assert_false (vigil_money_totals_add (totals, "KWD", 0, 6, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "KWD"));
  /* Refused, the total is what it was, and another currency is unharmed. */
  g_assert_cmpint (vigil_money_totals_get (totals, "KWD", 0), ==, G_MAXINT64 - 5);
  g_clear_error (&error);
  g_assert_true (vigil_money_totals_add (totals, "EUR", 0, 6, &error));
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 0), ==, 6);
}

static void
test_totals_many (void)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (1);
  g_autofree char *text = NULL;
  double approximate = 0;

  /* A million items of ten cents: exact, where a double summing 0.10
   * drifts off the cent. */
  for (guint i = 0; i < 1000000; i++)
    {
      g_assert_true (vigil_money_totals_add (totals, "EUR", 0, 10, NULL));
      approximate += 0.10;
    }
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 0), ==, 10000000);
  g_assert_true (approximate != 100000.0);
  text = vigil_money_format_plain (vigil_money_totals_get (totals, "EUR", 0), "EUR");
  g_assert_cmpstr (text, ==, "100000.00");
}

static void
test_totals_mixed (void)
{
  g_autoptr (VigilMoneyTotals) totals = vigil_money_totals_new (3);
  g_auto (GStrv) currencies = NULL;

  g_assert_true (vigil_money_totals_add (totals, "RON", 0, 150000, NULL));
  g_assert_true (vigil_money_totals_add (totals, "EUR", 0, 45000, NULL));
  g_assert_true (vigil_money_totals_add (totals, "EUR", 1, 30000, NULL));
  g_assert_true (vigil_money_totals_add (totals, "JPY", 2, 5000, NULL));
  g_assert_true (vigil_money_totals_add (totals, "RON", 0, 1, NULL));

  currencies = vigil_money_totals_currencies (totals);
  g_assert_cmpuint (g_strv_length (currencies), ==, 3);
  g_assert_cmpstr (currencies[0], ==, "EUR");
  g_assert_cmpstr (currencies[1], ==, "JPY");
  g_assert_cmpstr (currencies[2], ==, "RON");
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 0), ==, 45000);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", 1), ==, 30000);
  g_assert_cmpint (vigil_money_totals_get (totals, "RON", 0), ==, 150001);
  g_assert_cmpint (vigil_money_totals_get (totals, "JPY", 2), ==, 5000);
  g_assert_cmpint (vigil_money_totals_get (totals, "JPY", 0), ==, 0);
  g_assert_cmpint (vigil_money_totals_get (totals, "USD", 0), ==, 0);
}

/* Formatting */

static void
check_format (const char *locale_name, gint64 minor, const char *currency, const char *expected)
{
  locale_t locale = locale_named (locale_name);
  g_autofree char *text = vigil_money_format (minor, currency, locale);
  g_autoptr (GError) error = NULL;
  gint64 back = 0;

  g_assert_cmpstr (text, ==, expected);
  g_assert_true (vigil_money_parse (text, currency, locale, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, minor);
  freelocale (locale);
}

static void
test_format_ru (void)
{
  check_format ("ru_RU.UTF-8", 123456, "EUR", "1" NNBSP "234,56" NBSP "€");
  check_format ("ru_RU.UTF-8", 123456789, "RUB", "1" NNBSP "234" NNBSP "567,89" NBSP "₽");
  check_format ("ru_RU.UTF-8", 5, "EUR", "0,05" NBSP "€");
  check_format ("ru_RU.UTF-8", 1234567, "KWD", "1" NNBSP "234,567" NBSP "KWD");
}

static void
test_format_fr (void)
{
  check_format ("fr_FR.UTF-8", 123456, "EUR", "1" NNBSP "234,56" NBSP "€");
  check_format ("fr_FR.UTF-8", 100, "EUR", "1,00" NBSP "€");
  check_format ("fr_FR.UTF-8", 1234, "JPY", "1" NNBSP "234" NBSP "¥");
  check_format ("fr_FR.UTF-8", -123456, "RON", "-1" NNBSP "234,56" NBSP "RON");
}

static void
test_format_en (void)
{
  check_format ("en_US.UTF-8", 123456, "EUR", "€1,234.56");
  check_format ("en_US.UTF-8", 100000000000000, "USD", "$1,000,000,000,000.00");
  check_format ("en_US.UTF-8", 1234, "JPY", "¥1,234");
  check_format ("en_US.UTF-8", 150000, "RON", "RON" NBSP "1,500.00");
  check_format ("en_US.UTF-8", 12345678, "CLF", "CLF" NBSP "1,234.5678");
  check_format ("en_US.UTF-8", 0, "EUR", "€0.00");
  check_format ("en_US.UTF-8", G_MAXINT64, "EUR", "€92,233,720,368,547,758.07");
  check_format ("en_US.UTF-8", G_MININT64, "JPY", "-¥9,223,372,036,854,775,808");
}

static void
test_format_de (void)
{
  check_format ("de_DE.UTF-8", 123456, "EUR", "1.234,56" NBSP "€");
}

static void
test_format_current_locale (void)
{
  locale_t fr = locale_named ("fr_FR.UTF-8");
  locale_t before = uselocale (fr);
  g_autofree char *text = vigil_money_format (123456, "EUR", (locale_t) 0);
  gint64 back = 0;

  g_assert_true (vigil_money_parse ("1 234,56", "EUR", (locale_t) 0, &back, NULL));
  uselocale (before);
  freelocale (fr);
  g_assert_cmpstr (text, ==, "1" NNBSP "234,56" NBSP "€");
  g_assert_cmpint (back, ==, 123456);
}

/* Parsing */

static void
check_parse (const char *locale_name, const char *text, const char *currency, gint64 expected)
{
  locale_t locale = locale_named (locale_name);
  g_autoptr (GError) error = NULL;
  gint64 minor = -1;
  gboolean ok = vigil_money_parse (text, currency, locale, &minor, &error);

  freelocale (locale);
  if (!ok)
    g_test_message ("“%s” in %s: %s", text, locale_name, error->message);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (minor, ==, expected);
}

static void
check_refused (const char *locale_name, const char *text, const char *currency,
               const char *message_part)
{
  locale_t locale = locale_named (locale_name);
  g_autoptr (GError) error = NULL;
  gint64 minor = 42;
  gboolean ok = vigil_money_parse (text, currency, locale, &minor, &error);

  freelocale (locale);
  g_assert_false (ok);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_test_message ("“%s”: “%s” lacks “%s”", text, error->message, message_part);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (minor, ==, 42);
}

static void
test_parse (void)
{
  /* What a keyboard types: plain spaces, no sign, fewer decimals. */
  check_parse ("fr_FR.UTF-8", "1 234,56", "EUR", 123456);
  check_parse ("fr_FR.UTF-8", "  1234,5 € ", "EUR", 123450);
  check_parse ("fr_FR.UTF-8", "1" NBSP "234" NBSP "€", "EUR", 123400);
  check_parse ("fr_FR.UTF-8", "EUR 12", "EUR", 1200);
  check_parse ("ru_RU.UTF-8", "1 234 567,89", "RUB", 123456789);
  check_parse ("ru_RU.UTF-8", "1234567,89 ₽", "RUB", 123456789);
  check_parse ("en_US.UTF-8", "$1,234.56", "USD", 123456);
  check_parse ("en_US.UTF-8", "1234.56", "USD", 123456);
  check_parse ("en_US.UTF-8", "-12.5", "EUR", -1250);
  check_parse ("en_US.UTF-8", "0.001", "KWD", 1);
  check_parse ("en_US.UTF-8", "1,000", "JPY", 1000);
  check_parse ("de_DE.UTF-8", "1.234,56", "EUR", 123456);
  /* The largest amount a gint64 holds, to the cent. */
  check_parse ("en_US.UTF-8", "92233720368547758.07", "EUR", G_MAXINT64);
}

static void
test_parse_refused (void)
{
  check_refused ("en_US.UTF-8", "12.345", "EUR", "never rounded");
  check_refused ("fr_FR.UTF-8", "12,5", "JPY", "no minor unit");
  check_refused ("en_US.UTF-8", "1,5", "EUR", "out of place");
  check_refused ("en_US.UTF-8", "12,34.5", "EUR", "out of place");
  check_refused ("fr_FR.UTF-8", "12.50", "EUR", "“,”");
  check_refused ("en_US.UTF-8", "92233720368547758.08", "EUR", "too large");
  check_refused ("en_US.UTF-8", "99999999999999999999", "JPY", "too large");
  check_refused ("en_US.UTF-8", "", "EUR", "No amount");
  check_refused ("en_US.UTF-8", "€", "EUR", "No amount");
  check_refused ("en_US.UTF-8", "1e5", "EUR", "“e”");
  check_refused ("en_US.UTF-8", "£12", "EUR", "“£”");
  check_refused ("en_US.UTF-8", "0x10", "EUR", "“x”");
}

/* Hours and other numbers read the same way, without a currency. */
static void
test_decimal (void)
{
  locale_t fr = locale_named ("fr_FR.UTF-8");
  locale_t en = locale_named ("en_US.UTF-8");
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  g_assert_true (vigil_decimal_parse ("37,5", 2, fr, &value, &error));
  g_assert_cmpint (value, ==, 3750);
  g_assert_true (vigil_decimal_parse ("60", 2, en, &value, &error));
  g_assert_cmpint (value, ==, 6000);
  g_assert_no_error (error);
  g_assert_false (vigil_decimal_parse ("37.555", 2, en, &value, &error));
  g_assert_nonnull (strstr (error->message, "At most 2 decimals"));
  g_clear_error (&error);
  g_assert_false (vigil_decimal_parse ("37 h", 2, en, &value, &error));
  g_assert_nonnull (strstr (error->message, "not part of a number"));
  freelocale (fr);
  freelocale (en);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/checked", test_checked);
  g_test_add_func ("/money/currency/table", test_currency_table);
  g_test_add_func ("/money/currency/every-digits", test_every_currency);
  g_test_add_func ("/money/totals/large", test_totals_large);
  g_test_add_func ("/money/totals/overflow", test_totals_overflow);
  g_test_add_func ("/money/totals/many", test_totals_many);
  g_test_add_func ("/money/totals/mixed", test_totals_mixed);
  g_test_add_func ("/money/format/ru_RU", test_format_ru);
  g_test_add_func ("/money/format/fr_FR", test_format_fr);
  g_test_add_func ("/money/format/en_US", test_format_en);
  g_test_add_func ("/money/format/de_DE", test_format_de);
  g_test_add_func ("/money/format/current-locale", test_format_current_locale);
  g_test_add_func ("/money/parse/accepted", test_parse);
  g_test_add_func ("/money/parse/refused", test_parse_refused);
  g_test_add_func ("/money/parse/decimal", test_decimal);

  return g_test_run ();
}
