/* vigil-identifier-detector.c: the one detector of identities in free text
 *
 * A text is cut into words (runs of letters and digits; in scripts written
 * without spaces, each letter), and each word is reduced: transliterated
 * to Latin by ICU when it is in another script, folded (case, diacritics),
 * and its spellings made one (see reduce_ascii()). An identifier is the
 * reduced words of a name, an alias or an address, found as whole words in
 * a row whatever separates them; a word cut by a hyphen at a line's end is
 * tried both as two words and as one. Phones are the last digits of the
 * number among the digits of the text, whatever separates them. A date of
 * birth is three words in a row, a day, a month (a number or a name) and
 * a year, in the orders people write them.
 *
 * Identifiers are indexed by their first word, so a text is screened in
 * one pass over its words whatever the number of persons in the vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-identifier-detector"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>
#include <unicode/utrans.h>

#include "vigil-identifier-detector.h"
#include "vigil-text.h"

/* Shorter name parts ("de", "al") are ordinary words in too many languages. */
#define MIN_WORD_CHARS 3
/* A number with fewer digits is a date or a room, not a phone. */
#define MIN_PHONE_DIGITS 6
/* Phones are written with or without the country code and trunk prefix. */
#define PHONE_TAIL_DIGITS 7
/* At most this much may stand between the day, month and year of a date. */
#define MAX_DATE_GAP 3

typedef struct
{
  VigilIdentifierKind kind;
  const char         *pseudonym; /* interned in the detector */
  const char         *case_id;
  char              **words;     /* reduced; names, aliases, addresses */
  guint               n_words;
  gboolean            last_is_prefix; /* an address: "12" finds "12b" */
  char               *digits;    /* a phone's last digits */
  int                 year, month, day;
} Identifier;

struct _VigilIdentifierDetector
{
  GObject     parent_instance;

  GPtrArray  *identifiers;  /* Identifier */
  GHashTable *strings;      /* interned pseudonyms and case ids */
  GHashTable *by_word;      /* first reduced word -> GPtrArray of Identifier */
  GHashTable *by_digits;    /* phone digits -> GPtrArray */
  GHashTable *by_day;       /* "MM-DD" -> GPtrArray */
  GPtrArray  *prefixed;     /* one-word identifiers found by prefix */
};

G_DEFINE_FINAL_TYPE (VigilIdentifierDetector, vigil_identifier_detector, G_TYPE_OBJECT)

/* A word of a screened text. */
typedef struct
{
  gsize    start;
  gsize    end;
  char    *key;        /* reduced */
  char    *joined_key; /* with the next word, when a hyphen ends the line */
} Word;

/* private helpers: reducing words */

static void
wipe (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
}

static void
wipe_free (gpointer text)
{
  wipe (text);
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
      gsize len = strlen (list[k].from);

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
static char *
reduce_ascii (const char *folded)
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

static char *
reduce_word (const char *word)
{
  g_autofree char *latin = NULL;
  g_autofree char *folded = NULL;
  char *reduced;

  /* Most words of most notes: folding ASCII is lowering it. */
  if (is_ascii (word))
    {
      folded = g_ascii_strdown (word, -1);
      reduced = reduce_ascii (folded);
      wipe (folded);
      return reduced;
    }
  if (needs_latin (word))
    {
      latin = to_latin (word);
      folded = vigil_text_fold (latin);
      wipe (latin);
    }
  else
    folded = vigil_text_fold (word);
  reduced = reduce_ascii (folded);
  wipe (folded);
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
  Word *word = data;

  wipe_free (word->key);
  wipe_free (word->joined_key);
}

/* The words of @text, each with its place and reduced form. */
static GArray *
words_of (const char *text)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *p = text;

  g_array_set_clear_func (words, word_clear);
  while (*p != '\0')
    {
      Word word = { 0 };
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
          word.key = reduce_word (raw);
        }
      word.end = p - text;
      wipe (raw);
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
      Word *w = &g_array_index (words, Word, i);
      Word *next = &g_array_index (words, Word, i + 1);

      if (hyphen_ends_line (text + w->end))
        {
          g_autofree char *both = g_strconcat (w->key, next->key, NULL);

          w->joined_key = reduce_ascii (both);
          wipe (both);
        }
    }
  return words;
}

/* private helpers: identifiers */

static void
identifier_free (gpointer data)
{
  Identifier *id = data;

  if (id->words != NULL)
    for (guint i = 0; id->words[i] != NULL; i++)
      wipe (id->words[i]);
  g_strfreev (id->words);
  wipe_free (id->digits);
  sodium_memzero (id, sizeof *id);
  g_free (id);
}

static const char *
intern (VigilIdentifierDetector *self, const char *text)
{
  char *kept;

  if (text == NULL)
    text = "";
  kept = g_hash_table_lookup (self->strings, text);
  if (kept == NULL)
    {
      kept = g_strdup (text);
      g_hash_table_add (self->strings, kept);
    }
  return kept;
}

static void
index_add (GHashTable *index, const char *key, Identifier *id)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), list);
    }
  g_ptr_array_add (list, id);
}

static gboolean
same_words (const Identifier *a, const Identifier *b)
{
  if (a->n_words != b->n_words || a->last_is_prefix != b->last_is_prefix)
    return FALSE;
  for (guint i = 0; i < a->n_words; i++)
    if (!g_str_equal (a->words[i], b->words[i]))
      return FALSE;
  return TRUE;
}

/* Adds @id, or frees it when the same person already has it. */
static void
add_identifier (VigilIdentifierDetector *self, Identifier *id)
{
  GHashTable *index;
  const char *key;
  GPtrArray *list;

  if (id->n_words > 0)
    {
      index = self->by_word;
      key = id->words[0];
    }
  else if (id->digits != NULL)
    {
      index = self->by_digits;
      key = id->digits;
    }
  else
    {
      g_autofree char *day = g_strdup_printf ("%02d-%02d", id->month, id->day);

      list = g_hash_table_lookup (self->by_day, day);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Identifier *other = g_ptr_array_index (list, i);

          if (other->year == id->year && other->pseudonym == id->pseudonym
              && other->case_id == id->case_id)
            {
              identifier_free (id);
              return;
            }
        }
      g_ptr_array_add (self->identifiers, id);
      index_add (self->by_day, day, id);
      return;
    }

  list = g_hash_table_lookup (index, key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Identifier *other = g_ptr_array_index (list, i);

      /* A name part that is also a whole name stays the whole name. */
      if (other->pseudonym == id->pseudonym && other->case_id == id->case_id
          && (id->digits != NULL ? g_str_equal (other->digits, id->digits)
                                 : same_words (other, id)))
        {
          identifier_free (id);
          return;
        }
    }
  g_ptr_array_add (self->identifiers, id);
  if (id->n_words == 1 && id->last_is_prefix)
    g_ptr_array_add (self->prefixed, id);
  else
    index_add (index, key, id);
}

static Identifier *
identifier_new (VigilIdentifierDetector *self,
                VigilIdentifierKind      kind,
                const char              *pseudonym,
                const char              *case_id)
{
  Identifier *id = g_new0 (Identifier, 1);

  id->kind = kind;
  id->pseudonym = intern (self, pseudonym);
  id->case_id = intern (self, case_id);
  return id;
}

/* @words (from words_of()) from @first to @last as one identifier. */
static void
add_words (VigilIdentifierDetector *self,
           VigilIdentifierKind      kind,
           GArray                  *words,
           guint                    first,
           guint                    last,
           gboolean                 last_is_prefix,
           const char              *pseudonym,
           const char              *case_id)
{
  Identifier *id = identifier_new (self, kind, pseudonym, case_id);

  id->n_words = last - first + 1;
  id->words = g_new0 (char *, id->n_words + 1);
  for (guint i = 0; i < id->n_words; i++)
    id->words[i] = g_strdup (g_array_index (words, Word, first + i).key);
  id->last_is_prefix = last_is_prefix;
  add_identifier (self, id);
}

static void
add_name (VigilIdentifierDetector *self,
          const char              *name,
          VigilIdentifierKind      whole_kind,
          VigilIdentifierKind      part_kind,
          const char              *pseudonym,
          const char              *case_id)
{
  g_autoptr (GArray) words = NULL;

  if (vigil_text_is_blank (name))
    return;
  words = words_of (name);
  if (words->len == 0)
    return;
  /* The whole name, as words: its parts may each be too short to count. */
  add_words (self, whole_kind, words, 0, words->len - 1, FALSE, pseudonym, case_id);
  for (guint i = 0; words->len > 1 && i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      g_autofree char *raw = g_strndup (name + w->start, w->end - w->start);

      if (g_utf8_strlen (raw, -1) >= MIN_WORD_CHARS)
        add_words (self, part_kind, words, i, i, FALSE, pseudonym, case_id);
      wipe (raw);
    }
}

static void
add_address (VigilIdentifierDetector *self,
             const char              *address,
             const char              *pseudonym,
             const char              *case_id)
{
  g_autoptr (GArray) words = NULL;
  const char *comma;

  if (vigil_text_is_blank (address))
    return;
  words = words_of (address);
  if (words->len == 0)
    return;
  add_words (self, VIGIL_IDENTIFIER_ADDRESS, words, 0, words->len - 1, TRUE, pseudonym, case_id);

  /* The street and number alone identify as well as the whole address. */
  comma = strchr (address, ',');
  if (comma != NULL)
    {
      guint last = 0;
      gsize chars;
      g_autofree char *street = g_strndup (address, comma - address);

      chars = g_utf8_strlen (g_strstrip (street), -1);
      wipe (street);
      while (last + 1 < words->len
             && g_array_index (words, Word, last + 1).end <= (gsize) (comma - address))
        last++;
      if (chars >= 2 * MIN_WORD_CHARS && last + 1 < words->len)
        add_words (self, VIGIL_IDENTIFIER_ADDRESS, words, 0, last, TRUE, pseudonym, case_id);
    }
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static void
add_phone (VigilIdentifierDetector *self,
           const char              *phone,
           const char              *pseudonym,
           const char              *case_id)
{
  g_autofree char *digits = NULL;
  gsize len;
  Identifier *id;

  if (phone == NULL)
    return;
  digits = digits_of (phone);
  len = strlen (digits);
  if (len >= MIN_PHONE_DIGITS)
    {
      id = identifier_new (self, VIGIL_IDENTIFIER_PHONE, pseudonym, case_id);
      id->digits = g_strdup (digits + (len > PHONE_TAIL_DIGITS ? len - PHONE_TAIL_DIGITS : 0));
      add_identifier (self, id);
    }
  wipe (digits);
}

static void
add_date_of_birth (VigilIdentifierDetector *self,
                   const char              *date,
                   const char              *pseudonym,
                   const char              *case_id)
{
  int year, month, day;
  Identifier *id;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return;
  id = identifier_new (self, VIGIL_IDENTIFIER_DATE_OF_BIRTH, pseudonym, case_id);
  id->year = year;
  id->month = month;
  id->day = day;
  add_identifier (self, id);
}

/* private helpers: finding */

/* Whether @words from @i on are @id's words; *@next is the word after. */
static gboolean
match_from (const Identifier *id, GArray *words, guint i, guint part, guint *next)
{
  const Word *w;
  gboolean last;

  if (part == id->n_words)
    {
      *next = i;
      return TRUE;
    }
  if (i >= words->len)
    return FALSE;
  w = &g_array_index (words, Word, i);
  last = part + 1 == id->n_words;
  if ((g_str_equal (w->key, id->words[part])
       || (last && id->last_is_prefix && g_str_has_prefix (w->key, id->words[part])))
      && match_from (id, words, i + 1, part + 1, next))
    return TRUE;
  if (w->joined_key != NULL
      && (g_str_equal (w->joined_key, id->words[part])
          || (last && id->last_is_prefix && g_str_has_prefix (w->joined_key, id->words[part])))
      && match_from (id, words, i + 2, part + 1, next))
    return TRUE;
  return FALSE;
}

static void
add_hit (GArray *hits, const Identifier *id, gsize start, gsize end)
{
  VigilIdentifierHit hit = { id->kind, start, end, id->pseudonym, id->case_id };

  g_array_append_val (hits, hit);
}

static void
find_words (VigilIdentifierDetector *self, GArray *words, GArray *hits)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      const char *keys[] = { w->key, w->joined_key };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          GPtrArray *list = keys[k] != NULL ? g_hash_table_lookup (self->by_word, keys[k]) : NULL;

          for (guint j = 0; list != NULL && j < list->len; j++)
            {
              const Identifier *id = g_ptr_array_index (list, j);
              guint next;

              if (match_from (id, words, i, 0, &next))
                add_hit (hits, id, w->start, g_array_index (words, Word, next - 1).end);
            }
        }
      for (guint j = 0; j < self->prefixed->len; j++)
        {
          const Identifier *id = g_ptr_array_index (self->prefixed, j);
          guint next;

          if (match_from (id, words, i, 0, &next))
            add_hit (hits, id, w->start, g_array_index (words, Word, next - 1).end);
        }
    }
}

/* What a phone number is written with, besides its digits; brackets are
 * left, as they may belong to the sentence. */
static gboolean
is_phone_char (char c)
{
  return g_ascii_isdigit (c) || c == ' ' || c == '+' || c == '-' || c == '.' || c == '/';
}

static void
find_phones (VigilIdentifierDetector *self, const char *text, GArray *hits)
{
  g_autoptr (GArray) places = NULL;
  GString *digits;

  if (g_hash_table_size (self->by_digits) == 0)
    return;
  places = g_array_new (FALSE, FALSE, sizeof (gsize));
  digits = g_string_new (NULL);
  for (gsize k = 0; text[k] != '\0'; k++)
    if (g_ascii_isdigit (text[k]))
      {
        g_string_append_c (digits, text[k]);
        g_array_append_val (places, k);
      }
  for (gsize at = 0; at < digits->len; at++)
    for (gsize len = MIN_PHONE_DIGITS; len <= PHONE_TAIL_DIGITS && at + len <= digits->len; len++)
      {
        g_autofree char *key = g_strndup (digits->str + at, len);
        GPtrArray *list = g_hash_table_lookup (self->by_digits, key);

        wipe (key);
        for (guint j = 0; list != NULL && j < list->len; j++)
          {
            gsize start = g_array_index (places, gsize, at);
            gsize end = g_array_index (places, gsize, at + len - 1) + 1;

            /* The whole number goes, country code and separators with it. */
            while (start > 0 && is_phone_char (text[start - 1]))
              start--;
            while (text[end] != '\0' && is_phone_char (text[end]))
              end++;
            while (start < end && text[start] == ' ')
              start++;
            while (end > start && text[end - 1] == ' ')
              end--;
            add_hit (hits, g_ptr_array_index (list, j), start, end);
          }
      }
  sodium_memzero (digits->str, digits->len);
  g_string_free (digits, TRUE);
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
            g_ptr_array_add (keys[m], reduce_word (names[i]));
        }
      g_once_init_leave (&ready, 1);
    }
  return keys[month];
}

/* The month @key names, 1-12, or 0. */
static int
month_of_word (const char *key)
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

/* The number @text[@w] is, with an ordinal ending ("14th") allowed; -1
 * when it is not one. @n_digits is how many digits it has. */
static int
number_of_word (const char *text, const Word *w, guint *n_digits)
{
  int value = 0;
  gsize i = w->start;

  *n_digits = 0;
  while (i < w->end && g_ascii_isdigit (text[i]) && *n_digits < 5)
    {
      value = value * 10 + (text[i++] - '0');
      (*n_digits)++;
    }
  if (*n_digits == 0)
    return -1;
  if (i == w->end)
    return value;
  if (w->end - i == 2
      && (g_ascii_strncasecmp (text + i, "st", 2) == 0 || g_ascii_strncasecmp (text + i, "nd", 2) == 0
          || g_ascii_strncasecmp (text + i, "rd", 2) == 0
          || g_ascii_strncasecmp (text + i, "th", 2) == 0))
    return value;
  return -1;
}

static gboolean
date_gap_ok (const char *text, const Word *a, const Word *b)
{
  if (b->start - a->end > MAX_DATE_GAP)
    return FALSE;
  for (gsize i = a->end; i < b->start; i++)
    if (strchr (" .,/-", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
find_dates (VigilIdentifierDetector *self, const char *text, GArray *words, GArray *hits)
{
  if (g_hash_table_size (self->by_day) == 0)
    return;
  for (guint i = 0; i + 2 < words->len; i++)
    {
      const Word *w[3];
      int number[3], month_name[3];
      guint n_digits[3];
      /* Day, month and year as indexes of w[]: the orders people write. */
      static const guint orders[][3] = { { 0, 1, 2 }, { 1, 0, 2 }, { 2, 1, 0 } };

      guint numbers = 0;

      for (guint k = 0; k < 3; k++)
        {
          w[k] = &g_array_index (words, Word, i + k);
          number[k] = number_of_word (text, w[k], &n_digits[k]);
          numbers += number[k] >= 0;
        }
      /* A day and a year are numbers; only then is a month looked for. */
      if (numbers < 2 || !date_gap_ok (text, w[0], w[1]) || !date_gap_ok (text, w[1], w[2]))
        continue;
      for (guint k = 0; k < 3; k++)
        month_name[k] = number[k] < 0 ? month_of_word (w[k]->key) : 0;
      for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
        {
          guint d = orders[o][0], m = orders[o][1], y = orders[o][2];
          int day = number[d], year = number[y];
          int month = number[m] >= 0 ? number[m] : month_name[m];
          g_autofree char *key = NULL;
          GPtrArray *list;

          if (day < 1 || day > 31 || month < 1 || month > 12 || year < 0
              || (n_digits[y] != 4 && n_digits[y] != 2) || n_digits[d] > 2
              || (number[m] >= 0 && n_digits[m] > 2))
            continue;
          key = g_strdup_printf ("%02d-%02d", month, day);
          list = g_hash_table_lookup (self->by_day, key);
          for (guint j = 0; list != NULL && j < list->len; j++)
            {
              const Identifier *id = g_ptr_array_index (list, j);

              if (n_digits[y] == 4 ? id->year == year : id->year % 100 == year)
                add_hit (hits, id, w[0]->start, w[2]->end);
            }
        }
    }
}

static gint
hit_compare (gconstpointer a, gconstpointer b)
{
  const VigilIdentifierHit *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/* GObject overrides */

static void
vigil_identifier_detector_finalize (GObject *object)
{
  VigilIdentifierDetector *self = VIGIL_IDENTIFIER_DETECTOR (object);

  g_hash_table_unref (self->by_word);
  g_hash_table_unref (self->by_digits);
  g_hash_table_unref (self->by_day);
  g_ptr_array_unref (self->prefixed);
  g_ptr_array_unref (self->identifiers);
  g_hash_table_unref (self->strings);

  G_OBJECT_CLASS (vigil_identifier_detector_parent_class)->finalize (object);
}

static void
vigil_identifier_detector_class_init (VigilIdentifierDetectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_identifier_detector_finalize;
}

static void
vigil_identifier_detector_init (VigilIdentifierDetector *self)
{
  self->identifiers = g_ptr_array_new_with_free_func (identifier_free);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The keys are reduced identifiers: wiped too. */
  self->by_word = g_hash_table_new_full (g_str_hash, g_str_equal, wipe_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->by_digits = g_hash_table_new_full (g_str_hash, g_str_equal, wipe_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->by_day = g_hash_table_new_full (g_str_hash, g_str_equal, wipe_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->prefixed = g_ptr_array_new ();
}

/* public API */

VigilIdentifierDetector *
vigil_identifier_detector_new (void)
{
  return g_object_new (VIGIL_TYPE_IDENTIFIER_DETECTOR, NULL);
}

void
vigil_identifier_detector_add_identity (VigilIdentifierDetector *self,
                                        const VigilIdentity     *identity,
                                        const char              *pseudonym,
                                        const char              *case_id)
{
  g_return_if_fail (VIGIL_IS_IDENTIFIER_DETECTOR (self));
  g_return_if_fail (identity != NULL);

  add_name (self, identity->full_name, VIGIL_IDENTIFIER_NAME, VIGIL_IDENTIFIER_NAME_PART,
            pseudonym, case_id);
  for (guint i = 0; identity->aliases != NULL && identity->aliases[i] != NULL; i++)
    add_name (self, identity->aliases[i], VIGIL_IDENTIFIER_ALIAS, VIGIL_IDENTIFIER_ALIAS,
              pseudonym, case_id);
  add_address (self, identity->address, pseudonym, case_id);
  add_phone (self, identity->phone, pseudonym, case_id);
  add_date_of_birth (self, identity->date_of_birth, pseudonym, case_id);
}

guint
vigil_identifier_detector_get_count (VigilIdentifierDetector *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFIER_DETECTOR (self), 0);
  return self->identifiers->len;
}

GArray *
vigil_identifier_detector_find (VigilIdentifierDetector *self,
                                const char              *text)
{
  GArray *hits;
  g_autoptr (GArray) words = NULL;

  g_return_val_if_fail (VIGIL_IS_IDENTIFIER_DETECTOR (self), NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (VigilIdentifierHit));
  if (text == NULL || self->identifiers->len == 0 || !g_utf8_validate (text, -1, NULL))
    return hits;
  words = words_of (text);
  find_words (self, words, hits);
  find_phones (self, text, hits);
  find_dates (self, text, words, hits);
  g_array_sort (hits, hit_compare);
  return hits;
}

gboolean
vigil_identifier_detector_finds (VigilIdentifierDetector *self,
                                 const char              *text)
{
  g_autoptr (GArray) hits = NULL;

  g_return_val_if_fail (VIGIL_IS_IDENTIFIER_DETECTOR (self), FALSE);

  hits = vigil_identifier_detector_find (self, text);
  return hits->len > 0;
}

char *
vigil_identifier_detector_replace (VigilIdentifierDetector *self,
                                   const char              *text,
                                   const char              *replacement,
                                   guint                   *n_replaced)
{
  g_autoptr (GArray) hits = NULL;

  g_return_val_if_fail (VIGIL_IS_IDENTIFIER_DETECTOR (self), NULL);

  if (n_replaced != NULL)
    *n_replaced = 0;
  if (text == NULL)
    return NULL;
  hits = vigil_identifier_detector_find (self, text);
  return vigil_identifier_replace_hits (text, hits, replacement, n_replaced);
}

char *
vigil_identifier_replace_hits (const char *text,
                               GArray     *hits,
                               const char *replacement,
                               guint      *n_replaced)
{
  GString *out;
  gsize at = 0;
  guint count = 0;

  g_return_val_if_fail (hits != NULL, NULL);

  if (n_replaced != NULL)
    *n_replaced = 0;
  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < hits->len; i++)
    {
      VigilIdentifierHit hit = g_array_index (hits, VigilIdentifierHit, i);

      if (hit.end <= at)
        continue;
      if (hit.start < at)
        hit.start = at;
      g_string_append_len (out, text + at, hit.start - at);
      /* Overlapping finds (a full name and its parts) are one name. */
      for (; i + 1 < hits->len && g_array_index (hits, VigilIdentifierHit, i + 1).start < hit.end;
           i++)
        hit.end = MAX (hit.end, g_array_index (hits, VigilIdentifierHit, i + 1).end);
      g_string_append (out, replacement != NULL ? replacement : hit.pseudonym);
      at = hit.end;
      count++;
    }
  g_string_append (out, text + at);
  if (n_replaced != NULL)
    *n_replaced = count;
  return g_string_free (out, FALSE);
}

char *
vigil_identifier_hit_describe (const VigilIdentifierHit *hit,
                               const char               *case_label)
{
  const char *pseudonym;
  g_autofree char *what = NULL;

  g_return_val_if_fail (hit != NULL, NULL);

  pseudonym = hit->pseudonym != NULL && *hit->pseudonym != '\0' ? hit->pseudonym : "?";
  switch (hit->kind)
    {
    case VIGIL_IDENTIFIER_NAME:
      what = g_strdup_printf (_("the name of %s"), pseudonym);
      break;
    case VIGIL_IDENTIFIER_NAME_PART:
      what = g_strdup_printf (_("part of the name of %s"), pseudonym);
      break;
    case VIGIL_IDENTIFIER_ALIAS:
      what = g_strdup_printf (_("an alias of %s"), pseudonym);
      break;
    case VIGIL_IDENTIFIER_PHONE:
      what = g_strdup_printf (_("the phone number of %s"), pseudonym);
      break;
    case VIGIL_IDENTIFIER_ADDRESS:
      what = g_strdup_printf (_("the address of %s"), pseudonym);
      break;
    case VIGIL_IDENTIFIER_DATE_OF_BIRTH:
    default:
      what = g_strdup_printf (_("the date of birth of %s"), pseudonym);
      break;
    }
  if (case_label == NULL)
    return g_steal_pointer (&what);
  /* TRANSLATORS: "part of the name of V-02" in case "B" */
  return g_strdup_printf (_("%s in case %s"), what, case_label);
}

char *
vigil_identifier_reduce_word (const char *word)
{
  if (word == NULL)
    return g_strdup ("");
  return reduce_word (word);
}
