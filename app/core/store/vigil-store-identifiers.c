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

/**
 * vigil_store_case_identifiers:
 *
 * Returns: (transfer full) (element-type utf8): the identifiers of the
 *   persons of the case, opaque, for vigil_text_names_identifier()
 */
GPtrArray *
vigil_store_case_identifiers (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_record_wipe_string);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db,
                           "SELECT id, version, identity FROM persons WHERE case_id = ?"
                           " AND identity IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
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
