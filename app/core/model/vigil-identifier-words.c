/* vigil-identifier-words.c: the words the detector compares
 *
 * A text is cut into words (runs of letters and digits; in scripts written
 * without spaces, each letter), and each word is reduced: transliterated
 * to Latin by ICU when it is in another script, folded (case, diacritics),
 * and its spellings made one (see vigil_identifier_reduce_ascii()). Names
 * recorded in the vault and the texts screened go through the same steps,
 * so that they meet whatever script or spelling each was written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-identifier-detector"

#include "config.h"

#include <sodium.h>
#include <string.h>
#include <unicode/utrans.h>

#include "vigil-identifier-detector-private.h"
#include "vigil-text.h"

/* private helpers */

void
vigil_identifier_wipe (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
}

void
vigil_identifier_wipe_free (gpointer text)
{
  vigil_identifier_wipe (text);
  g_free (text);
}

static GMutex translit_lock;
static UTransliterator *translit;

/* @word in Latin letters, by ICU; a copy of @word when ICU cannot. */
static char *
to_latin (const char *word)
{
  static const char id[] = "Any-Latin; Latin-ASCII";
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree gunichar2 *buffer = NULL;
  glong len16 = 0;
  int32_t length, limit, capacity;
  UErrorCode status = U_ZERO_ERROR;
  char *out;

  utf16 = g_utf8_to_utf16 (word, -1, NULL, &len16, NULL);
  if (utf16 == NULL)
    return g_strdup (word);

  g_mutex_lock (&translit_lock);
  if (translit == NULL)
    {
      UChar uid[G_N_ELEMENTS (id)];

      for (guint i = 0; i < G_N_ELEMENTS (id); i++)
        uid[i] = id[i];
      translit = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          g_mutex_unlock (&translit_lock);
          g_critical ("ICU has no transliterator to Latin: %s", u_errorName (status));
          return g_strdup (word);
        }
    }
  /* Transliteration to Latin grows a text at most fourfold (щ is "shch"
   * in some schemes). */
  capacity = (int32_t) len16 * 4 + 16;
  buffer = g_new0 (gunichar2, capacity);
  memcpy (buffer, utf16, len16 * sizeof (gunichar2));
  length = (int32_t) len16;
  limit = length;
  utrans_transUChars (translit, buffer, &length, capacity, 0, &limit, &status);
  g_mutex_unlock (&translit_lock);
  sodium_memzero (utf16, len16 * sizeof (gunichar2));
  if (U_FAILURE (status))
    return g_strdup (word);
  out = g_utf16_to_utf8 (buffer, length, NULL, NULL, NULL);
  sodium_memzero (buffer, capacity * sizeof (gunichar2));
  return out != NULL ? out : g_strdup (word);
}

static gboolean
needs_latin (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script;

      if ((guchar) *p < 0x80)
        continue;
      script = g_unichar_get_script (g_utf8_get_char (p));
      if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON
          && script != G_UNICODE_SCRIPT_INHERITED)
        return TRUE;
    }
  return FALSE;
}

/* Spellings of one sound in the ways names are written in Latin letters,
 * and what ICU's transliteration gives for Cyrillic: each becomes one.
 * ICU gives "Natal'a" for "Наталья" (ь an apostrophe, я "a"), "Sevcenko"
 * for "Шевченко", "Harkiv" for "Харків", "Sergej" for "Сергей",
 * "Semenov" for "Семёнов"; people write "Natalia", "Natalya",
 * "Shevchenko", "Kharkiv", "Sergey", "Semyonov", Ukrainian г as "h"
 * ("Olha" for "Ольга"), Serbian đ as "dj". Longest first, in each list.
 * Some pairs stay apart: Romanian j and ă against ж and э (Bejenaru,
 * Беженару) would take Serbian j with them.
 *
 * я, ю, е, ё start a word as "ya", "yu", "ye", "yo" in every scheme, but
 * "Ion", "Ian", "Jovana" start with a consonant: only the y-forms are
 * reduced there. */
typedef struct
{
  const char *from;
  const char *to;
} Spelling;

static const Spelling anywhere[] = {
  { "shch", "s" }, { "sch", "s" }, { "sh", "s" }, { "ch", "c" }, { "zh", "z" }, { "kh", "g" },
  { "ts", "c" },   { "tz", "c" },  { "dj", "d" }, { "ck", "c" },
  /* Romanian writes ч before a, o, u as "ci": Ciobanu, Чобану */
  { "cia", "ca" }, { "cio", "co" }, { "ciu", "cu" },
};

static const Spelling initial[] = {
  { "ya", "a" }, { "yu", "u" }, { "ye", "e" }, { "yo", "e" },
};

static const Spelling inside[] = {
  { "ya", "a" }, { "ia", "a" }, { "ja", "a" }, { "yu", "u" }, { "iu", "u" }, { "ju", "u" },
  { "ye", "e" }, { "ie", "e" }, { "je", "e" }, { "yo", "e" }, { "io", "e" }, { "jo", "e" },
  /* and я after e as "ea": Olesea, Олеся */
  { "ea", "a" },
};

static const Spelling letters[] = {
  { "y", "i" }, { "j", "i" }, { "h", "g" }, { "w", "v" }, { "x", "cs" }, { "k", "c" }, { "q", "c" },
};

/* The length of the spelling of @list at @at, with what it becomes; 0
 * when none. */
static gsize
spelling_at (const Spelling *list, guint n, const GString *in, gsize at, const char **to)
{
  for (guint k = 0; k < n; k++)
    {
      gsize len;

      /* Every letter of every word comes here: the first letter decides
       * most of them. */
      if (list[k].from[0] != in->str[at])
        continue;
      len = strlen (list[k].from);
      if (at + len <= in->len && memcmp (in->str + at, list[k].from, len) == 0)
        {
          *to = list[k].to;
          return len;
        }
    }
  return 0;
}

static void
collapse_doubles (GString *s)
{
  gsize to = 0;

  for (gsize from = 0; from < s->len; from++)
    if (to == 0 || s->str[from] != s->str[to - 1] || g_ascii_isdigit (s->str[from]))
      s->str[to++] = s->str[from];
  g_string_truncate (s, to);
}

/* @folded (lower case, no marks) with its letters reduced to one spelling. */
char *
vigil_identifier_reduce_ascii (const char *folded)
{
  GString *in = g_string_new (NULL);
  GString *out = g_string_sized_new (strlen (folded) * 2 + 1);

  /* Only letters and digits count: the apostrophe ICU writes for ь, a soft
   * hyphen inside a word. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_len (in, p, g_utf8_next_char (p) - p);
  collapse_doubles (in);
  for (gsize i = 0; i < in->len;)
    {
      const char *to = NULL;
      gsize len = spelling_at (anywhere, G_N_ELEMENTS (anywhere), in, i, &to);

      if (len == 0)
        len = i == 0 ? spelling_at (initial, G_N_ELEMENTS (initial), in, i, &to)
                     : spelling_at (inside, G_N_ELEMENTS (inside), in, i, &to);
      if (len == 0)
        len = spelling_at (letters, G_N_ELEMENTS (letters), in, i, &to);
      if (len == 0)
        {
          g_string_append_c (out, in->str[i++]);
          continue;
        }
      g_string_append (out, to);
      i += len;
    }
  collapse_doubles (out);
  sodium_memzero (in->str, in->len);
  g_string_free (in, TRUE);
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
vigil_identifier_reduce (const char *word)
{
  g_autofree char *latin = NULL;
  g_autofree char *folded = NULL;
  char *reduced;

  /* Most words of most notes: folding ASCII is lowering it. */
  if (is_ascii (word))
    {
      folded = g_ascii_strdown (word, -1);
      reduced = vigil_identifier_reduce_ascii (folded);
      vigil_identifier_wipe (folded);
      return reduced;
    }
  if (needs_latin (word))
    {
      latin = to_latin (word);
      folded = vigil_text_fold (latin);
      vigil_identifier_wipe (latin);
    }
  else
    folded = vigil_text_fold (word);
  reduced = vigil_identifier_reduce_ascii (folded);
  vigil_identifier_wipe (folded);
  return reduced;
}

/* private helpers: cutting a text into words */

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  /* A soft hyphen marks where a word may break; it is still one word. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x00ad;
}

/* Scripts written without spaces between words: there every letter is a
 * word of its own, so that a name is found in the middle of a sentence. */
static gboolean
is_unspaced (gunichar c)
{
  if (c < 0x80)
    return FALSE;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00ad;
}

/* Whether a hyphen at @p ends a line, with a word on the next:
 * "Iva-\nnova". */
static gboolean
hyphen_ends_line (const char *p)
{
  gboolean line_ended = FALSE;

  if (!is_hyphen (g_utf8_get_char (p)))
    return FALSE;
  for (p = g_utf8_next_char (p); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x2028)
        line_ended = TRUE;
      else if (!g_unichar_isspace (c))
        return line_ended && is_word_char (c);
    }
  return FALSE;
}

static void
word_clear (gpointer data)
{
  VigilIdentifierWord *word = data;

  vigil_identifier_wipe_free (word->key);
  vigil_identifier_wipe_free (word->joined_key);
}

/* The words of @text, each with its place and reduced form. */
GArray *
vigil_identifier_words_of (const char *text)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (VigilIdentifierWord));
  const char *p = text;

  g_array_set_clear_func (words, word_clear);
  while (*p != '\0')
    {
      VigilIdentifierWord word = { 0 };
      g_autofree char *raw = NULL;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      word.start = p - text;
      if (is_unspaced (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          raw = g_strndup (text + word.start, p - (text + word.start));
          word.key = vigil_text_fold (raw);
        }
      else
        {
          while (*p != '\0' && is_word_char (g_utf8_get_char (p))
                 && !is_unspaced (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          raw = g_strndup (text + word.start, p - (text + word.start));
          word.key = vigil_identifier_reduce (raw);
        }
      word.end = p - text;
      vigil_identifier_wipe (raw);
      if (*word.key == '\0')
        {
          g_free (word.key);
          continue;
        }
      g_array_append_val (words, word);
    }

  /* A word cut at a line's end is also the two halves as one. */
  for (guint i = 0; i + 1 < words->len; i++)
    {
      VigilIdentifierWord *w = &g_array_index (words, VigilIdentifierWord, i);
      VigilIdentifierWord *next = &g_array_index (words, VigilIdentifierWord, i + 1);

      if (hyphen_ends_line (text + w->end))
        {
          g_autofree char *both = g_strconcat (w->key, next->key, NULL);

          w->joined_key = vigil_identifier_reduce_ascii (both);
          vigil_identifier_wipe (both);
        }
    }
  return words;
}

/* Month names as people write them in the languages of the cases (English,
 * Romanian, Serbian, Russian, Ukrainian), reduced like every word, so that
 * "марта" and "Mart" are March. Abbreviations are prefixes of them. */
static const char *const month_names[12] = {
  "january ianuarie januar январь января січень січня",
  "february februarie februar февраль февраля лютий лютого",
  "march martie mart март марта березень березня",
  "april aprilie април апрель апреля квітень квітня",
  "may mai maj май мая травень травня",
  "june iunie jun июнь июня червень червня",
  "july iulie jul июль июля липень липня",
  "august avgust август августа серпень серпня",
  "september septembrie septembar сентябрь сентября вересень вересня",
  "october octombrie oktobar октябрь октября жовтень жовтня",
  "november noiembrie novembar ноябрь ноября листопад листопада",
  "december decembrie decembar декабрь декабря грудень грудня",
};

static GPtrArray *
month_keys (guint month)
{
  static GPtrArray *keys[12];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint m = 0; m < 12; m++)
        {
          g_auto (GStrv) names = g_strsplit (month_names[m], " ", -1);

          keys[m] = g_ptr_array_new ();
          for (guint i = 0; names[i] != NULL; i++)
            g_ptr_array_add (keys[m], vigil_identifier_reduce (names[i]));
        }
      g_once_init_leave (&ready, 1);
    }
  return keys[month];
}

int
vigil_identifier_month_of_word (const char *key)
{
  gsize len = strlen (key);

  if (len < 3)
    return 0;
  for (guint m = 0; m < 12; m++)
    {
      GPtrArray *keys = month_keys (m);

      for (guint i = 0; i < keys->len; i++)
        if (g_str_has_prefix (g_ptr_array_index (keys, i), key))
          return m + 1;
    }
  return 0;
}
