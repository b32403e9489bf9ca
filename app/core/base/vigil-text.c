/* vigil-text.c: the one way texts are compared: folded for search and screening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-text"

#include "config.h"

#include <string.h>

#include "vigil-text.h"

/* Latin letters with a stroke or ligatures that NFKD leaves alone, but that
 * a person typing a search on an ordinary keyboard writes without it. */
static const struct
{
  gunichar    from;
  const char *to;
} undecomposed[] = {
  { 0x0142, "l" },  /* ł */
  { 0x0111, "d" },  /* đ */
  { 0x00f8, "o" },  /* ø */
  { 0x0127, "h" },  /* ħ */
  { 0x0131, "i" },  /* dotless ı */
  { 0x0167, "t" },  /* ŧ */
  { 0x00e6, "ae" }, /* æ */
  { 0x0153, "oe" }, /* œ */
  { 0x00fe, "th" }, /* þ */
  { 0x00f0, "d" },  /* ð */
};

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
vigil_text_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* Case-fold first: some capitals fold to letters that then decompose. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean mapped = FALSE;

      if (is_mark (c))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (undecomposed); i++)
        if (undecomposed[i].from == c)
          {
            g_string_append (out, undecomposed[i].to);
            mapped = TRUE;
            break;
          }
      if (!mapped)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
vigil_text_fold_matches (const char *haystack, const char *folded_query)
{
  const char *p = folded_query;

  if (folded_query == NULL)
    return TRUE;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      word = g_strndup (start, p - start);
      if (haystack == NULL || strstr (haystack, word) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
vigil_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
vigil_text_is_direction_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
vigil_text_is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}
