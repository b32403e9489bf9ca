/* vigil-money.c: exact amounts of money, their totals, and how they are
 * written and read in the user's locale
 *
 * An amount is a gint64 count of its currency's minor units, from what the
 * user types to what is printed: no double ever holds one, so 0.1 + 0.2 is
 * 0.3 and a total of a million items is exact to the cent.
 *
 * Writing follows the locale's monetary conventions (LC_MONETARY: the
 * decimal mark, the thousands separator and grouping, whether the sign
 * comes first and is spaced) with the sign of the amount's own currency,
 * not the locale's: a French lawyer sees "1 234,56 €" and a claim in lei
 * "1 234,56 RON". glibc's ru_RU and fr_FR group thousands with U+202F
 * NARROW NO-BREAK SPACE, and Vigil keeps it: it is what those locales
 * print everywhere else, and it never breaks a line inside an amount. The
 * space between an amount and its sign is U+00A0 NO-BREAK SPACE, for the
 * same reason. Reading accepts either of them, or a plain space, for
 * both, since a keyboard types the plain one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-money.h"

#define NO_BREAK_SPACE "\u00a0"

struct _VigilMoneyTotals
{
  guint       n_columns;
  GHashTable *by_currency; /* code → gint64[n_columns] */
};

/* private helpers */

typedef struct
{
  const char *decimal_mark;
  const char *thousands_sep;
  const char *grouping;
  gboolean    sign_first;
  gboolean    sign_spaced;
} Conventions;

static const char *
langinfo (nl_item item, locale_t locale)
{
  return locale == (locale_t) 0 ? nl_langinfo (item) : nl_langinfo_l (item, locale);
}

static void
conventions_of (locale_t locale, Conventions *out)
{
  const char *cs_precedes = langinfo (P_CS_PRECEDES, locale);
  const char *sep_by_space = langinfo (P_SEP_BY_SPACE, locale);

  out->decimal_mark = langinfo (MON_DECIMAL_POINT, locale);
  if (out->decimal_mark[0] == '\0')
    out->decimal_mark = langinfo (RADIXCHAR, locale);
  if (out->decimal_mark[0] == '\0')
    out->decimal_mark = ".";
  out->thousands_sep = langinfo (MON_THOUSANDS_SEP, locale);
  out->grouping = langinfo (MON_GROUPING, locale);
  /* The C locale leaves both unspecified (CHAR_MAX): "EUR 12.50". */
  out->sign_first = cs_precedes[0] == CHAR_MAX || cs_precedes[0] == 1;
  out->sign_spaced = sep_by_space[0] == CHAR_MAX || sep_by_space[0] != 0;
}

/* The size of the @index'th group of digits from the right, or 0 when
 * there is no more grouping. */
static guint
group_size (const char *grouping, guint index)
{
  guint last = 0;

  for (guint i = 0; grouping[i] != '\0'; i++)
    {
      if (grouping[i] == CHAR_MAX || grouping[i] <= 0)
        return 0;
      last = (guchar) grouping[i];
      if (i == index)
        return last;
    }
  return last;
}

static guint64
power_of_ten (guint digits)
{
  guint64 value = 1;

  for (guint i = 0; i < digits; i++)
    value *= 10;
  return value;
}

static void
append_grouped (GString *out, guint64 units, const Conventions *conv)
{
  char digits[24];
  guint n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);
  /* Where separators go, counted from the right. */
  gboolean breaks[24] = { FALSE };
  guint position = 0;

  if (conv->thousands_sep[0] != '\0')
    for (guint index = 0;; index++)
      {
        guint size = group_size (conv->grouping, index);

        if (size == 0 || position + size >= n_digits)
          break;
        position += size;
        breaks[position] = TRUE;
      }
  for (guint i = 0; i < n_digits; i++)
    {
      if (i > 0 && breaks[n_digits - i])
        g_string_append (out, conv->thousands_sep);
      g_string_append_c (out, digits[i]);
    }
}

static gboolean
is_space_at (const char *p, gsize *length)
{
  static const char * const spaces[] = { " ", "\u00a0", "\u202f", "\u2009", NULL };

  for (guint i = 0; spaces[i] != NULL; i++)
    if (g_str_has_prefix (p, spaces[i]))
      {
        *length = strlen (spaces[i]);
        return TRUE;
      }
  return FALSE;
}

static char *
strip_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  gsize length = 0;

  while (*start != '\0' && (g_ascii_isspace (*start) || is_space_at (start, &length)))
    start += g_ascii_isspace (*start) ? 1 : length;
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL)
        break;
      if (!(g_ascii_isspace (*prev) || is_space_at (prev, &length)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
strip_affix (char **text, const char *affix)
{
  if (affix == NULL || affix[0] == '\0')
    return FALSE;
  if (g_str_has_prefix (*text, affix))
    {
      char *rest = strip_spaces (*text + strlen (affix));

      g_free (*text);
      *text = rest;
      return TRUE;
    }
  if (g_str_has_suffix (*text, affix))
    {
      g_autofree char *head = g_strndup (*text, strlen (*text) - strlen (affix));

      g_free (*text);
      *text = strip_spaces (head);
      return TRUE;
    }
  return FALSE;
}

static gboolean
invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, message);
  return FALSE;
}

static int
compare_texts (const void *a, const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* public API */

/**
 * vigil_int64_checked_add:
 *
 * Returns: FALSE when @a + @b overflows; @dest is then left as it was
 */
gboolean
vigil_int64_checked_add (gint64 *dest, gint64 a, gint64 b)
{
  gint64 result;

  g_return_val_if_fail (dest != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;
  *dest = result;
  return TRUE;
}

/**
 * vigil_int64_checked_mul:
 *
 * Returns: FALSE when @a × @b overflows; @dest is then left as it was
 */
gboolean
vigil_int64_checked_mul (gint64 *dest, gint64 a, gint64 b)
{
  gint64 result;

  g_return_val_if_fail (dest != NULL, FALSE);

  if (__builtin_mul_overflow (a, b, &result))
    return FALSE;
  *dest = result;
  return TRUE;
}

/**
 * vigil_money_format:
 * @currency: a code vigil_currency_lookup() knows
 * @locale: the locale whose conventions to follow; (locale_t) 0 for the
 *   calling thread's
 *
 * A negative amount gets a leading minus sign whatever the locale.
 *
 * Returns: (transfer full): the amount as the locale writes it
 */
char *
vigil_money_format (gint64 minor, const char *currency, locale_t locale)
{
  const VigilCurrency *info = vigil_currency_lookup (currency);
  g_autoptr (GString) number = g_string_new (NULL);
  GString *out;
  Conventions conv;
  guint64 magnitude;
  guint64 scale;
  const char *sign;
  gboolean spaced;

  g_return_val_if_fail (info != NULL, NULL);

  conventions_of (locale, &conv);
  magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  scale = power_of_ten (info->digits);
  append_grouped (number, magnitude / scale, &conv);
  if (info->digits > 0)
    g_string_append_printf (number, "%s%0*" G_GUINT64_FORMAT, conv.decimal_mark,
                            (int) info->digits, magnitude % scale);

  /* A code is always spaced from the figures: "RON 12.50", never "RON12.50". */
  sign = info->symbol != NULL ? info->symbol : info->code;
  spaced = conv.sign_spaced || info->symbol == NULL;
  out = g_string_new (minor < 0 ? "-" : NULL);
  if (conv.sign_first)
    g_string_append_printf (out, "%s%s%s", sign, spaced ? NO_BREAK_SPACE : "", number->str);
  else
    g_string_append_printf (out, "%s%s%s", number->str, spaced ? NO_BREAK_SPACE : "", sign);
  return g_string_free (out, FALSE);
}

/**
 * vigil_money_format_plain:
 *
 * Returns: (transfer full): "-1234.56", "1234", "12.500": digits, a full
 *   stop before the minor units, nothing else
 */
char *
vigil_money_format_plain (gint64 minor, const char *currency)
{
  const VigilCurrency *info = vigil_currency_lookup (currency);
  guint64 magnitude;
  guint64 scale;

  g_return_val_if_fail (info != NULL, NULL);

  magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  scale = power_of_ten (info->digits);
  if (info->digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, minor < 0 ? "-" : "",
                          magnitude / scale, (int) info->digits, magnitude % scale);
}

/**
 * vigil_money_parse:
 * @text: what the user typed: "1 234,56", "1234,56 €", "€1,234.56"
 * @currency: a code vigil_currency_lookup() knows
 * @locale: (locale_t) 0 for the calling thread's
 * @out_minor: (out): the amount in minor units
 *
 * Thousands separators are optional, but where they are written they must
 * be where the locale puts them, so that "1,5" in en_US is refused rather
 * than read as fifteen.
 *
 * Returns: FALSE with VIGIL_ERROR_INVALID when @text is not an amount of
 *   @currency, has more decimals than its minor unit, or is too large
 */
static gboolean
parse_amount (const char          *text,
              const VigilCurrency *info,
              locale_t             locale,
              gint64              *out_minor,
              GError             **error)
{
  g_autofree char *body = NULL;
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  Conventions conv;
  gboolean negative = FALSE;
  gboolean seen_mark = FALSE;
  gboolean seen_separator = FALSE;
  guint group = 0;
  guint n_decimals = 0;
  guint n_digits = 0;
  /* The magnitude, which may reach one past G_MAXINT64 for a negative. */
  guint64 value = 0;
  guint64 limit;
  const char *p;

  conventions_of (locale, &conv);
  body = strip_spaces (text);
  if (body[0] == '-')
    {
      char *rest = strip_spaces (body + 1);

      negative = TRUE;
      g_free (body);
      body = rest;
    }
  if (!strip_affix (&body, info->symbol))
    strip_affix (&body, info->code);
  if (!negative && body[0] == '-')
    {
      char *rest = strip_spaces (body + 1);

      negative = TRUE;
      g_free (body);
      body = rest;
    }
  if (body[0] == '\0')
    return invalid (error, _("No amount is written"));

  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  for (p = body; *p != '\0';)
    {
      gsize length = 0;

      if (g_ascii_isdigit (*p))
        {
          guint64 digit = *p - '0';

          if (seen_mark && ++n_decimals > info->digits)
            {
              if (info->code[0] == '\0')
                return invalid (error,
                                ngettext ("At most %u decimal", "At most %u decimals",
                                          info->digits),
                                info->digits);
              if (info->digits == 0)
                return invalid (error, _("%s has no minor unit: write whole amounts"),
                                info->code);
              return invalid (error,
                              ngettext ("%s has %u decimal; the amount is never rounded",
                                        "%s has %u decimals; the amount is never rounded",
                                        info->digits),
                              info->code, info->digits);
            }
          if (value > (limit - digit) / 10)
            return invalid (error, _("The amount is too large"));
          value = value * 10 + digit;
          n_digits++;
          if (!seen_mark)
            group++;
          p++;
          continue;
        }
      if (!seen_mark && g_str_has_prefix (p, conv.decimal_mark))
        {
          if (group == 0 && n_digits == 0)
            return invalid (error, _("A digit must come before “%s”"), conv.decimal_mark);
          g_array_append_val (groups, group);
          seen_mark = TRUE;
          p += strlen (conv.decimal_mark);
          continue;
        }
      if (!seen_mark && n_digits > 0
          && ((conv.thousands_sep[0] != '\0' && g_str_has_prefix (p, conv.thousands_sep)
               && (length = strlen (conv.thousands_sep)) > 0)
              || is_space_at (p, &length)))
        {
          g_array_append_val (groups, group);
          group = 0;
          seen_separator = TRUE;
          p += length;
          continue;
        }
      if (*p == '.' || *p == ',')
        return invalid (error, _("“%c” is not where this language puts it; write amounts "
                                 "with “%s” before the minor units"),
                        *p, conv.decimal_mark);
      if (info->code[0] == '\0')
        return invalid (error, _("“%.*s” is not part of a number"),
                        (int) (g_utf8_next_char (p) - p), p);
      return invalid (error, _("“%.*s” is not part of an amount of %s"),
                      (int) (g_utf8_next_char (p) - p), p, info->code);
    }
  if (!seen_mark)
    g_array_append_val (groups, group);
  if (n_digits == 0)
    return invalid (error, _("No amount is written"));

  /* Each group but the leftmost has exactly the size the locale gives
   * it, counted from the right; the leftmost has one digit up to that. */
  if (seen_separator)
    for (guint i = 0; i < groups->len; i++)
      {
        guint have = g_array_index (groups, guint, i);
        guint want = group_size (conv.grouping, groups->len - 1 - i);

        if (want == 0 || (i == 0 ? have == 0 || have > want : have != want))
          return invalid (error, _("A thousands separator is out of place"));
      }

  for (guint i = n_decimals; i < info->digits; i++)
    {
      if (value > limit / 10)
        return invalid (error, _("The amount is too large"));
      value *= 10;
    }
  /* -(value - 1) - 1 reaches G_MININT64 without overflowing on the way. */
  *out_minor = negative && value > 0 ? -(gint64) (value - 1) - 1 : (gint64) value;
  return TRUE;
}

gboolean
vigil_money_parse (const char *text,
                   const char *currency,
                   locale_t    locale,
                   gint64     *out_minor,
                   GError    **error)
{
  const VigilCurrency *info = vigil_currency_lookup (currency);

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  return parse_amount (text, info, locale, out_minor, error);
}

/**
 * vigil_decimal_parse:
 * @digits: how many decimals the number may have (2 for hundredths)
 * @out_scaled: (out): the number × 10^@digits
 *
 * Reads a number as vigil_money_parse() reads an amount, without a
 * currency: "37,5" in fr_FR is 3750 with two digits.
 */
gboolean
vigil_decimal_parse (const char *text,
                     guint       digits,
                     locale_t    locale,
                     gint64     *out_scaled,
                     GError    **error)
{
  const VigilCurrency none = { "", digits, NULL, TRUE };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (digits <= 6, FALSE);
  g_return_val_if_fail (out_scaled != NULL, FALSE);

  return parse_amount (text, &none, locale, out_scaled, error);
}

/**
 * vigil_money_totals_new:
 * @n_columns: how many sums each currency has
 */
VigilMoneyTotals *
vigil_money_totals_new (guint n_columns)
{
  VigilMoneyTotals *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (VigilMoneyTotals, 1);
  self->n_columns = n_columns;
  self->by_currency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
vigil_money_totals_free (VigilMoneyTotals *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_currency);
  g_free (self);
}

/**
 * vigil_money_totals_add:
 *
 * Returns: FALSE when the total would overflow
 */
gboolean
vigil_money_totals_add (VigilMoneyTotals *self,
                        const char       *currency,
                        guint             column,
                        gint64            amount,
                        GError          **error)
{
  gint64 *sums;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  sums = g_hash_table_lookup (self->by_currency, currency);
  if (sums == NULL)
    {
      sums = g_new0 (gint64, self->n_columns);
      g_hash_table_insert (self->by_currency, g_strdup (currency), sums);
    }
  if (!vigil_int64_checked_add (&sums[column], sums[column], amount))
    return invalid (error, _("The total in %s is beyond what can be counted exactly"),
                    currency);
  return TRUE;
}

gint64
vigil_money_totals_get (VigilMoneyTotals *self, const char *currency, guint column)
{
  const gint64 *sums;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  sums = g_hash_table_lookup (self->by_currency, currency);
  return sums != NULL ? sums[column] : 0;
}

char **
vigil_money_totals_currencies (VigilMoneyTotals *self)
{
  g_autofree const char **keys = NULL;
  guint n = 0;
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (self != NULL, NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->by_currency, &n);
  qsort (keys, n, sizeof keys[0], compare_texts);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, keys[i]);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}
