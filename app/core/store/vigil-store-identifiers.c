/* vigil-store-identifiers.c: screening text that leaves the vault
 *
 * Free text (notes, reasons for adjournment) is written by people who know
 * the names of those they write about. Before such text leaves the vault
 * without identities, it is checked against every identifier the vault
 * holds for the persons of its case.
 *
 * An identifier is kept as a kind and a folded needle:
 *   "w:" words (a full name, an alias, or one part of either) that must
 *        occur as whole words, one after the other: an alias "Ani" is not
 *        in "Romanian", and "Li Na" is in "Li\nNa" but not in "Bengali
 *        nationals",
 *   "s:" text (an address) that may occur anywhere,
 *   "d:" the last digits of a phone number, looked for among the digits.
 *
 * Words are compared in one form, built by words_of(): the folded words
 * with a single space before and after each, so that finding " li na " in
 * a text's form finds exactly those words in a row, whatever separates
 * them in the text (spaces, line breaks, hyphens, quotes, apostrophes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-record-rules.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-private.h"

/* Shorter name parts ("de", "al") are ordinary words in too many languages. */
#define MIN_WORD_CHARS 3
/* A number with fewer digits is a date or a room, not a phone. */
#define MIN_PHONE_DIGITS 6
/* Phones are written with or without the country code and trunk prefix. */
#define PHONE_TAIL_DIGITS 7

/* private helpers */

static void
add_needle (GPtrArray *list, const char *kind, const char *folded)
{
  g_autofree char *needle = NULL;

  if (folded == NULL || *folded == '\0')
    return;
  needle = g_strconcat (kind, folded, NULL);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), needle))
      {
        vigil_record_wipe_string (g_steal_pointer (&needle));
        return;
      }
  g_ptr_array_add (list, g_steal_pointer (&needle));
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Scripts written without spaces between words: there every letter is a
 * word of its own, so that a name is found in the middle of a sentence. */
static gboolean
is_unspaced (gunichar c)
{
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

/* Calls @func on each word of @folded: a run of letters and digits, or one
 * letter of a script without spaces. */
static gboolean
any_word (const char *folded, gboolean (*func) (const char *, gsize, gpointer), gpointer data)
{
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      if (*p != '\0' && is_unspaced (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      else
        while (*p != '\0' && is_word_char (g_utf8_get_char (p))
               && !is_unspaced (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      if (p > start && func (start, p - start, data))
        return TRUE;
    }
  return FALSE;
}

static gboolean
append_word (const char *word, gsize len, gpointer data)
{
  GString *words = data;

  g_string_append_len (words, word, len);
  g_string_append_c (words, ' ');
  return FALSE;
}

/* The words of @folded as " word word ", or NULL when it has none. Sized
 * so that it never grows: a grown buffer would leave a copy of the text
 * behind, unwiped. Each word adds at most one space, and the shortest
 * word is one byte. */
static char *
words_of (const char *folded)
{
  gsize len = strlen (folded);
  GString *words = g_string_sized_new (2 * len + 2);

  g_string_append_c (words, ' ');
  any_word (folded, append_word, words);
  if (words->len == 1)
    {
      g_string_free (words, TRUE);
      return NULL;
    }
  return g_string_free (words, FALSE);
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
}

static gboolean
add_word (const char *word, gsize len, gpointer data)
{
  g_autofree char *copy = g_strndup (word, len);

  if (g_utf8_strlen (copy, -1) >= MIN_WORD_CHARS)
    {
      g_autofree char *needle = g_strconcat (" ", copy, " ", NULL);

      add_needle (data, "w:", needle);
      wipe_string (needle);
    }
  wipe_string (copy);
  return FALSE;
}

static void
add_name (GPtrArray *list, const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *words = NULL;

  if (vigil_text_is_blank (name))
    return;
  folded = vigil_text_fold (name);
  words = words_of (folded);
  /* The whole name, as words: its parts may each be too short to count. */
  add_needle (list, "w:", words);
  any_word (folded, add_word, list);
  wipe_string (words);
  wipe_string (folded);
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
add_identity (GPtrArray *list, const VigilIdentity *identity)
{
  add_name (list, identity->full_name);
  for (guint i = 0; identity->aliases != NULL && identity->aliases[i] != NULL; i++)
    add_name (list, identity->aliases[i]);

  if (!vigil_text_is_blank (identity->address))
    {
      g_autofree char *folded = vigil_text_fold (identity->address);
      char *comma = strchr (folded, ',');

      add_needle (list, "s:", g_strstrip (folded));
      /* The street and number alone identify as well as the whole address. */
      if (comma != NULL)
        {
          g_autofree char *street = g_strndup (folded, comma - folded);

          if (g_utf8_strlen (g_strstrip (street), -1) >= 2 * MIN_WORD_CHARS)
            add_needle (list, "s:", street);
          sodium_memzero (street, strlen (street));
        }
      sodium_memzero (folded, strlen (folded));
    }

  if (identity->phone != NULL)
    {
      g_autofree char *digits = digits_of (identity->phone);
      gsize len = strlen (digits);

      if (len >= MIN_PHONE_DIGITS)
        add_needle (list, "d:", digits + (len > PHONE_TAIL_DIGITS ? len - PHONE_TAIL_DIGITS : 0));
      sodium_memzero (digits, len);
    }
}

/* public API */

/* The identifiers of the persons "WHERE @column = @value", opaque, for
 * vigil_text_names_identifier(). */
static GPtrArray *
identifiers_of (VigilStore *self, const char *column, const char *value, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_record_wipe_string);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc;

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT id, version, identity FROM persons WHERE %s = ?"
                         " AND identity IS NOT NULL",
                         column);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = vigil_store_column_text (stmt, 0);
      g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 2);
      g_autoptr (VigilIdentity) identity = NULL;

      /* Only a damaged index lets an empty identity through the WHERE. */
      if (sealed == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("The vault is damaged: a person’s identity is missing from its row"));
          return NULL;
        }
      identity = vigil_store_open_identity (self, id, sqlite3_column_int64 (stmt, 1), sealed, error);
      if (identity == NULL)
        return NULL;
      add_identity (list, identity);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons of the case could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
vigil_store_case_identifiers (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return identifiers_of (self, "case_id", case_id, error);
}

GPtrArray *
vigil_store_person_identifiers (VigilStore *self, const char *person_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  return identifiers_of (self, "id", person_id, error);
}

gboolean
vigil_text_names_identifier (const char *text, GPtrArray *identifiers)
{
  g_autofree char *folded = NULL;
  g_autofree char *words = NULL;
  g_autofree char *digits = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (identifiers != NULL, FALSE);

  if (text == NULL || identifiers->len == 0)
    return FALSE;
  folded = vigil_text_fold (text);
  words = words_of (folded);
  digits = digits_of (text);
  for (guint i = 0; i < identifiers->len && !found; i++)
    {
      const char *entry = g_ptr_array_index (identifiers, i);
      const char *needle = entry + 2;

      if (g_str_has_prefix (entry, "w:"))
        found = words != NULL && strstr (words, needle) != NULL;
      else if (g_str_has_prefix (entry, "s:"))
        found = strstr (folded, needle) != NULL;
      else if (g_str_has_prefix (entry, "d:"))
        found = strstr (digits, needle) != NULL;
    }
  wipe_string (folded);
  wipe_string (words);
  wipe_string (digits);
  return found;
}

/* Where each character of a text went when it was folded: the folded text,
 * and for each of its bytes the original character it came from. */
typedef struct
{
  GString *folded;
  GArray  *origin;  /* guint: index into @starts, one per folded byte */
  GArray  *starts;  /* gsize: byte offset of each original character, and the end */
} FoldMap;

static void
fold_map_clear (FoldMap *map)
{
  if (map->folded != NULL)
    {
      sodium_memzero (map->folded->str, map->folded->len);
      g_string_free (map->folded, TRUE);
    }
  g_clear_pointer (&map->origin, g_array_unref);
  g_clear_pointer (&map->starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FoldMap, fold_map_clear)

/* Folds @text a character at a time, as vigil_text_fold() folds it whole,
 * remembering where each folded byte came from. */
static void
fold_map_init (FoldMap *map, const char *text)
{
  guint index = 0;

  map->folded = g_string_new (NULL);
  map->origin = g_array_new (FALSE, FALSE, sizeof (guint));
  map->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *folded = vigil_text_fold (one);
      gsize start = p - text;

      g_array_append_val (map->starts, start);
      g_string_append (map->folded, folded);
      for (gsize i = 0; folded[i] != '\0'; i++)
        g_array_append_val (map->origin, index);
    }
  {
    gsize end = strlen (text);

    g_array_append_val (map->starts, end);
  }
}

/* The original byte span of folded bytes [@from, @to). */
static void
fold_map_span (const FoldMap *map, gsize from, gsize to, gsize *start, gsize *end)
{
  guint first = g_array_index (map->origin, guint, from);
  guint last = g_array_index (map->origin, guint, to - 1);

  *start = g_array_index (map->starts, gsize, first);
  *end = g_array_index (map->starts, gsize, last + 1);
}

typedef struct
{
  gsize start;
  gsize end;
} Span;

static gint
span_compare (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

typedef struct
{
  const char *folded;
  GArray     *words; /* Span, in folded bytes */
} WordList;

static gboolean
collect_word (const char *word, gsize len, gpointer data)
{
  WordList *list = data;
  Span span = { word - list->folded, word - list->folded + len };

  g_array_append_val (list->words, span);
  return FALSE;
}

/* What a phone number is written with, besides its digits; brackets are
 * left, as they may belong to the sentence. */
static gboolean
is_phone_char (char c)
{
  return g_ascii_isdigit (c) || c == ' ' || c == '+' || c == '-' || c == '.' || c == '/';
}

/* Adds the spans of @text where the words of @needle (" a b ") occur in a
 * row. */
static void
find_words (const FoldMap *map, const WordList *words, const char *needle, GArray *spans)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (needle));
  g_auto (GStrv) parts = g_strsplit (trimmed, " ", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; n > 0 && i + n <= words->words->len; i++)
    {
      guint k = 0;

      for (; k < n; k++)
        {
          const Span *w = &g_array_index (words->words, Span, i + k);

          if (w->end - w->start != strlen (parts[k])
              || memcmp (map->folded->str + w->start, parts[k], w->end - w->start) != 0)
            break;
        }
      if (k == n)
        {
          Span span;

          fold_map_span (map, g_array_index (words->words, Span, i).start,
                         g_array_index (words->words, Span, i + n - 1).end, &span.start,
                         &span.end);
          g_array_append_val (spans, span);
        }
    }
  for (guint i = 0; parts[i] != NULL; i++)
    sodium_memzero (parts[i], strlen (parts[i]));
  sodium_memzero (trimmed, strlen (trimmed));
}

char *
vigil_text_replace_identifiers (const char *text,
                                GPtrArray  *identifiers,
                                const char *replacement,
                                guint      *n_replaced)
{
  g_auto (FoldMap) map = { 0 };
  g_autoptr (GArray) word_spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  WordList words;
  GString *out;
  gsize at = 0;
  guint count = 0;

  g_return_val_if_fail (identifiers != NULL && replacement != NULL, NULL);

  if (n_replaced != NULL)
    *n_replaced = 0;
  if (text == NULL)
    return NULL;
  fold_map_init (&map, text);
  words = (WordList) { map.folded->str, word_spans };
  any_word (map.folded->str, collect_word, &words);

  for (guint i = 0; i < identifiers->len; i++)
    {
      const char *entry = g_ptr_array_index (identifiers, i);
      const char *needle = entry + 2;

      if (g_str_has_prefix (entry, "w:"))
        find_words (&map, &words, needle, spans);
      else if (g_str_has_prefix (entry, "s:") && *needle != '\0')
        for (const char *hit = strstr (map.folded->str, needle); hit != NULL;
             hit = strstr (hit + 1, needle))
          {
            Span span;

            fold_map_span (&map, hit - map.folded->str, hit - map.folded->str + strlen (needle),
                           &span.start, &span.end);
            g_array_append_val (spans, span);
          }
      else if (g_str_has_prefix (entry, "d:"))
        {
          /* The digits of the text, each with its place: the phone's last
           * digits may be written with any separators between them. */
          g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_autofree char *digits = NULL;
          GString *found = g_string_new (NULL);

          for (gsize k = 0; text[k] != '\0'; k++)
            if (g_ascii_isdigit (text[k]))
              {
                g_string_append_c (found, text[k]);
                g_array_append_val (places, k);
              }
          digits = g_string_free (found, FALSE);
          for (const char *hit = strstr (digits, needle); hit != NULL; hit = strstr (hit + 1, needle))
            {
              Span span = { g_array_index (places, gsize, hit - digits),
                            g_array_index (places, gsize, hit - digits + strlen (needle) - 1) + 1 };

              /* The whole number goes, country code and separators with it. */
              while (span.start > 0 && is_phone_char (text[span.start - 1]))
                span.start--;
              while (text[span.end] != '\0' && is_phone_char (text[span.end]))
                span.end++;
              while (span.start < span.end && text[span.start] == ' ')
                span.start++;
              while (span.end > span.start && text[span.end - 1] == ' ')
                span.end--;
              g_array_append_val (spans, span);
            }
          sodium_memzero (digits, strlen (digits));
        }
    }

  g_array_sort (spans, span_compare);
  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < spans->len; i++)
    {
      Span span = g_array_index (spans, Span, i);

      if (span.end <= at)
        continue;
      if (span.start < at)
        span.start = at;
      g_string_append_len (out, text + at, span.start - at);
      /* Overlapping finds (a full name and its parts) are one name. */
      for (; i + 1 < spans->len && g_array_index (spans, Span, i + 1).start < span.end; i++)
        span.end = MAX (span.end, g_array_index (spans, Span, i + 1).end);
      g_string_append (out, replacement);
      at = span.end;
      count++;
    }
  g_string_append (out, text + at);
  if (n_replaced != NULL)
    *n_replaced = count;
  return g_string_free (out, FALSE);
}
