/* vigil-money.h: exact amounts of money, their totals, and how they are
 * written and read in the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <locale.h>

#include "vigil-currency.h"

G_BEGIN_DECLS

/* @dest = @a + @b, or FALSE (and @dest untouched) when the sum does not fit
 * a gint64: GLib has the unsigned ones only. */
gboolean vigil_int64_checked_add (gint64       *dest,
                                  gint64        a,
                                  gint64        b);
/* @dest = @a × @b, or FALSE when the product does not fit. */
gboolean vigil_int64_checked_mul (gint64       *dest,
                                  gint64        a,
                                  gint64        b);

/* @minor minor units of @currency (a code vigil_currency_lookup() knows)
 * as the monetary conventions of @locale write them ("1 234,56 €" in
 * fr_FR, "€1,234.56" in en_US); (locale_t) 0 for the calling thread's
 * locale. */
char    *vigil_money_format       (gint64        minor,
                                   const char   *currency,
                                   locale_t      locale);
/* "1234.56": the amount with a full stop and no grouping nor currency, for
 * files and formulas that must read the same everywhere. */
char    *vigil_money_format_plain (gint64        minor,
                                   const char   *currency);
/* Reads an amount of @currency written in @locale's conventions, with or
 * without the currency's sign or code; never rounds (more decimals than
 * the currency has is an error). FALSE with VIGIL_ERROR_INVALID and a
 * message saying what is wrong. */
gboolean vigil_money_parse        (const char   *text,
                                   const char   *currency,
                                   locale_t      locale,
                                   gint64       *out_minor,
                                   GError      **error);
/* A number with up to @digits decimals, written in @locale's conventions,
 * as an integer scaled by 10^@digits ("37,5" in fr_FR: 3750 for 2). */
gboolean vigil_decimal_parse      (const char   *text,
                                   guint         digits,
                                   locale_t      locale,
                                   gint64       *out_scaled,
                                   GError      **error);

/**
 * VigilMoneyTotals:
 *
 * Sums kept per currency, in a fixed number of columns each (claimed,
 * awarded, paid, ...): amounts of two currencies are never added together.
 */
typedef struct _VigilMoneyTotals VigilMoneyTotals;

VigilMoneyTotals *vigil_money_totals_new        (guint              n_columns);
void              vigil_money_totals_free       (VigilMoneyTotals  *self);
/* Adds @amount to @column of @currency; FALSE with VIGIL_ERROR_INVALID,
 * and the total unchanged, when it would overflow. */
gboolean          vigil_money_totals_add        (VigilMoneyTotals  *self,
                                                 const char        *currency,
                                                 guint              column,
                                                 gint64             amount,
                                                 GError           **error);
/* The @column total of @currency; 0 for a currency never added. */
gint64            vigil_money_totals_get        (VigilMoneyTotals  *self,
                                                 const char        *currency,
                                                 guint              column);
/* The currencies added so far, sorted; free with g_strfreev(). */
char            **vigil_money_totals_currencies (VigilMoneyTotals  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilMoneyTotals, vigil_money_totals_free)

G_END_DECLS
