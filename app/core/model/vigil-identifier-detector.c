/* vigil-identifier-detector.c: the one detector of identities in free text
 *
 * A text is cut into words and each word reduced to one spelling
 * (vigil-identifier-words.c). An identifier is the
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

#include "vigil-identifier-detector-private.h"
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
  char               *number;    /* a phone's digits, without leading zeros */
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
  /* One-word identifiers found at the start of a word (an address "12"
   * in "12b"), by that word: a text's word is looked up by each of its
   * beginnings, so that thousands of them cost no more than a few. */
  GHashTable *by_prefix;
};

G_DEFINE_FINAL_TYPE (VigilIdentifierDetector, vigil_identifier_detector, G_TYPE_OBJECT)

typedef VigilIdentifierWord Word;

/* private helpers: identifiers */

static void
identifier_free (gpointer data)
{
  Identifier *id = data;

  if (id->words != NULL)
    for (guint i = 0; id->words[i] != NULL; i++)
      vigil_identifier_wipe (id->words[i]);
  g_strfreev (id->words);
  vigil_identifier_wipe_free (id->digits);
  vigil_identifier_wipe_free (id->number);
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
  index_add (id->n_words == 1 && id->last_is_prefix ? self->by_prefix : index, key, id);
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
  /* Only a house number ("12" in "12b") is a prefix: a place's name
   * inside a longer word is another word ("Szeged" in "Szegedi
   * Törvényszék", a court's name). */
  id->last_is_prefix = last_is_prefix && g_ascii_isdigit (id->words[id->n_words - 1][0]);
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
  words = vigil_identifier_words_of (name);
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
      vigil_identifier_wipe (raw);
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
  words = vigil_identifier_words_of (address);
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
      vigil_identifier_wipe (street);
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
      id->number = g_strdup (digits + strspn (digits, "0"));
      add_identifier (self, id);
    }
  vigil_identifier_wipe (digits);
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
      for (guint k = 0; k < G_N_ELEMENTS (keys) && g_hash_table_size (self->by_prefix) > 0; k++)
        {
          g_autofree char *start = keys[k] != NULL ? g_strdup (keys[k]) : NULL;

          for (gsize len = start != NULL ? strlen (start) : 0; len > 0; len--)
            {
              GPtrArray *list;

              start[len] = '\0';
              list = g_hash_table_lookup (self->by_prefix, start);
              for (guint j = 0; list != NULL && j < list->len; j++)
                {
                  const Identifier *id = g_ptr_array_index (list, j);
                  guint next;

                  if (match_from (id, words, i, 0, &next))
                    add_hit (hits, id, w->start, g_array_index (words, Word, next - 1).end);
                }
            }
          if (start != NULL)
            vigil_identifier_wipe (start);
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

/* Whether the digits of a number written in a text, @run (leading zeros
 * gone), are the phone @number: the same number with or without its
 * country code (up to three digits more in front) or trunk prefix, or its
 * last seven digits at least. Figures that
 * stand side by side (a table's cells, read back from a PDF as one line)
 * make longer or shorter runs, which are not a phone. */
static gboolean
run_is_phone (const char *run, gsize run_len, const char *number)
{
  gsize number_len = strlen (number);

  if (run_len >= number_len)
    return run_len - number_len <= 3 && memcmp (run + run_len - number_len, number, number_len) == 0;
  return run_len >= MIN (number_len, PHONE_TAIL_DIGITS)
         && memcmp (number + number_len - run_len, run, run_len) == 0;
}

static void
find_phones_in_run (VigilIdentifierDetector *self,
                    const char              *text,
                    gsize                    start,
                    gsize                    end,
                    GArray                  *hits)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *run;
  gsize run_len;

  for (gsize k = start; k < end; k++)
    if (g_ascii_isdigit (text[k]))
      g_string_append_c (digits, text[k]);
  run = digits->str + strspn (digits->str, "0");
  run_len = strlen (run);
  for (gsize tail = MIN_PHONE_DIGITS; tail <= PHONE_TAIL_DIGITS && tail <= run_len; tail++)
    {
      GPtrArray *list = g_hash_table_lookup (self->by_digits, run + run_len - tail);

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          Identifier *id = g_ptr_array_index (list, j);

          if (run_is_phone (run, run_len, id->number))
            add_hit (hits, id, start, end);
        }
    }
  sodium_memzero (digits->str, digits->len);
}

static void
find_phones (VigilIdentifierDetector *self, const char *text, GArray *hits)
{
  gsize k = 0;

  if (g_hash_table_size (self->by_digits) == 0)
    return;
  /* Each number as written: its digits and what is written between them,
   * never digits from two numbers apart. */
  while (text[k] != '\0')
    {
      gsize start, end;

      if (!g_ascii_isdigit (text[k]) && text[k] != '+')
        {
          k++;
          continue;
        }
      start = k;
      end = k;
      while (text[k] != '\0' && (is_phone_char (text[k]) || text[k] == '(' || text[k] == ')'))
        {
          if (g_ascii_isdigit (text[k]))
            end = k + 1;
          k++;
        }
      if (end > start)
        find_phones_in_run (self, text, start, end, hits);
    }
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
        month_name[k] = number[k] < 0 ? vigil_identifier_month_of_word (w[k]->key) : 0;
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
  g_hash_table_unref (self->by_prefix);
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
  self->by_word = g_hash_table_new_full (g_str_hash, g_str_equal, vigil_identifier_wipe_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->by_digits = g_hash_table_new_full (g_str_hash, g_str_equal, vigil_identifier_wipe_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->by_day = g_hash_table_new_full (g_str_hash, g_str_equal, vigil_identifier_wipe_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->by_prefix = g_hash_table_new_full (g_str_hash, g_str_equal, vigil_identifier_wipe_free,
                                           (GDestroyNotify) g_ptr_array_unref);
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
  words = vigil_identifier_words_of (text);
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
  return vigil_identifier_reduce (word);
}
