/* vigil-currency.h: the ISO 4217 currencies and their minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VigilCurrency:
 * @code: the ISO 4217 alphabetic code ("EUR")
 * @digits: how many digits its minor unit has (EUR 2, JPY 0, KWD 3, CLF 4)
 * @symbol: (nullable): the sign written with an amount where it is not
 *   ambiguous ("€"); NULL where only the code is ("RON 12.00")
 * @active: FALSE for a code ISO has withdrawn (HRK, BGN, ...), kept so
 *   that a claim awarded in it before the change still reads
 */
typedef struct
{
  const char *code;
  guint       digits;
  const char *symbol;
  gboolean    active;
} VigilCurrency;

/* The currency @code, or NULL when it is not an ISO 4217 currency with a
 * minor unit. */
const VigilCurrency *vigil_currency_lookup (const char *code);
/* Every currency Vigil knows, sorted by code; @n_currencies gets how many. */
const VigilCurrency *vigil_currency_all    (guint      *n_currencies);

G_END_DECLS
