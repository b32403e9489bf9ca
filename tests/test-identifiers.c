/* test-identifiers.c: the one detector of names in text that leaves the vault
 *
 * The identifiers come from identities sealed in a real vault, as the export
 * reads them, so that what is tested is what screens an export. A name that
 * is not found leaks a person; a name found inside another word ("Ani" in
 * "Romanian") drops a note for nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-store-identifiers.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  const char *text;
  gboolean    names;
} Case;

static void
add_identity (Fixture            *f,
              VigilCase          *kase,
              const char         *pseudonym,
              VigilPersonRole     role,
              const char         *full_name,
              const char * const *aliases,
              const char         *phone,
              const char         *address)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = add_person (f, kase, pseudonym, role);
  g_autoptr (VigilIdentity) identity = make_identity (full_name, phone, address);

  identity->aliases = g_strdupv ((char **) aliases);
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
}

static VigilIdentifierDetector *
case_identifiers (Fixture *f, VigilCase *kase)
{
  g_autoptr (GError) error = NULL;
  VigilIdentifierDetector *identifiers =
    vigil_store_case_identifiers (f->store, vigil_case_get_id (kase), &error);

  g_assert_no_error (error);
  g_assert_nonnull (identifiers);
  return identifiers;
}

/* Every case is tried before failing, so one run shows all that differ. */
static void
assert_cases (VigilIdentifierDetector *identifiers, const Case *cases, guint n_cases)
{
  guint wrong = 0;

  for (guint i = 0; i < n_cases; i++)
    {
      gboolean names = vigil_identifier_detector_finds (identifiers, cases[i].text);

      if (names != cases[i].names)
        {
          g_test_message ("\"%s\" %s a person, expected the opposite", cases[i].text,
                          names ? "names" : "does not name");
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

/* Names and aliases are words: found between non-letters, whatever the case
 * or the diacritics, never inside a longer word. */
static void
test_names_as_words (Fixture *f, gconstpointer data)
{
  static const char * const victim_aliases[] = { "Ani", NULL };
  static const char * const defendant_aliases[] = { "Xu Bo", NULL };
  static const Case cases[] = {
    /* An alias inside a word is another word. */
    { "The Romanian interpreter was fine", FALSE },
    { "[\"Romanian\"]", FALSE },
    { "ROMANIAN", FALSE },
    { "Anika and Daniel testified", FALSE },
    { "The company Anix Ltd.", FALSE },
    { "mani", FALSE },
    { "Ani2", FALSE },
    /* The alias as a word, in any case and with any diacritics. */
    { "Ani testified", TRUE },
    { "ANI testified", TRUE },
    { "ani", TRUE },
    { "Aní testified", TRUE },
    { "Anì", TRUE },
    /* Punctuation is not a letter: it ends the word. */
    { "(Ani)", TRUE },
    { "“Ani”", TRUE },
    { "«Ani»", TRUE },
    { "Ani's lawyer", TRUE },
    { "Ani’s lawyer", TRUE },
    { "Ani-related", TRUE },
    { "She said: Ani.", TRUE },
    { "2024:Ani,", TRUE },
    /* A part of the full name is a word of its own. */
    { "Ana-Maria was present", TRUE },
    { "ANA testified", TRUE },
    { "Ana came", TRUE },
    { "Maria came", TRUE },
    { "Mariana came", FALSE },
    { "Banana came", FALSE },
    { "POPESCU", TRUE },
    { "Popescu's", TRUE },
    { "Popescul", FALSE },
    /* Diacritics, in the name or in the text. */
    { "Stefan testified", TRUE },
    { "Ştefan testified", TRUE },
    { "ŞTEFAN", TRUE },
    { "Ștefănescu testified", FALSE },
    { "Stefania testified", FALSE },
    { "Dumitrescu", TRUE },
    { "Dumitrescu-Ionescu", TRUE },
    /* A multi-word name whose parts are too short to be words alone. */
    { "Li Na testified", TRUE },
    { "li na", TRUE },
    { "LI  NA", TRUE },
    { "Li\nNa", TRUE },
    { "Li\t \nNa", TRUE },
    { "(Li Na)", TRUE },
    { "Lina testified", FALSE },
    { "Bengali nationals", FALSE },
    { "Li Nastase", FALSE },
    { "Bali Na", FALSE },
    { "Li", FALSE },
    { "Na", FALSE },
    /* A multi-word alias, as a whole. */
    { "Xu Bo was there", TRUE },
    { "xu\u00a0bo", TRUE },
    { "XU BO", TRUE },
    { "Xu Bolt", FALSE },
    { "Emu Xu Box", FALSE },
    { "Xu", FALSE },
    /* Scripts written without spaces between words. */
    { "王伟出庭作证", TRUE },
    { "证人王伟", TRUE },
    { "王先生", FALSE },
    /* Nothing, or nothing of theirs. */
    { "", FALSE },
    { "   ", FALSE },
    { "The judge explained the rights.", FALSE },
  };
  g_autoptr (VigilCase) kase = add_case (f, "K 1/2024");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS, "Ana-Maria Popescu",
                victim_aliases, NULL, NULL);
  add_identity (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT, "Ștefan Dumitrescu", NULL, NULL,
                NULL);
  add_identity (f, kase, "D-02", VIGIL_PERSON_ROLE_DEFENDANT, "Li Na", defendant_aliases, NULL,
                NULL);
  add_identity (f, kase, "D-03", VIGIL_PERSON_ROLE_DEFENDANT, "王伟", NULL, NULL, NULL);
  identifiers = case_identifiers (f, kase);

  assert_cases (identifiers, cases, G_N_ELEMENTS (cases));
  g_assert_false (vigil_identifier_detector_finds (identifiers, NULL));
}

/* Phones and addresses keep their own rules: a phone is each number as
 * written, with or without its codes, or its last seven digits; the
 * address anywhere. */
static void
test_phones_and_addresses (Fixture *f, gconstpointer data)
{
  static const Case cases[] = {
    { "call 0721 555 019", TRUE },
    { "+40-721-555-019", TRUE },
    { "tel.0721555019", TRUE },
    { "1555019", TRUE },
    { "(0721) 555 019", TRUE },
    { "Room 721", FALSE },
    { "555 019", FALSE },
    /* Digits of different numbers are not one phone: words between them,
     * or figures side by side in a table read back from a PDF. */
    { "hearing 21 of case 555/019, 3 days", FALSE },
    { "72 1555 019 12", FALSE },
    { "Cases 4 0721 555 0190 17", FALSE },
    { "lives at Strada Lalelelor 12", TRUE },
    { "STRADA LALELELOR 12, BRASOV", TRUE },
    { "strada lalelelor 12, Brașov", TRUE },
    { "at strada lalelelor 12b", TRUE },
    { "Strada Lalelelor 14", FALSE },
    /* An address of one word, a town: found as a word, not inside one. */
    { "moved to Szeged in May", TRUE },
    { "Szegedi Törvényszék", FALSE },
    { "Brașov", FALSE },
  };
  g_autoptr (VigilCase) kase = add_case (f, "K 2/2024");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ioana Marin", NULL,
                "+40 721 555 019", "Strada Lalelelor 12, Brașov");
  add_identity (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM, "Edit Kovács", NULL, NULL, "Szeged");
  identifiers = case_identifiers (f, kase);

  assert_cases (identifiers, cases, G_N_ELEMENTS (cases));
}

/* Only the persons of the case count, and a case without identities names
 * nobody. */
static void
test_other_case (Fixture *f, gconstpointer data)
{
  static const char * const aliases[] = { "Ani", NULL };
  g_autoptr (VigilCase) kase = add_case (f, "K 3/2024");
  g_autoptr (VigilCase) other = add_case (f, "K 4/2024");
  g_autoptr (VigilPerson) nameless = add_person (f, other, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;
  g_autoptr (VigilIdentifierDetector) none = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ana-Maria Popescu", aliases, NULL,
                NULL);
  identifiers = case_identifiers (f, kase);
  none = case_identifiers (f, other);

  g_assert_true (vigil_identifier_detector_finds (identifiers, "Ani testified"));
  g_assert_cmpuint (vigil_identifier_detector_get_count (none), ==, 0);
  g_assert_false (vigil_identifier_detector_finds (none, "Ani testified"));
}

/* Replacing what the detector finds, as erasing a person does to the texts
 * of their case: every place it finds is replaced, the rest of the text is
 * kept to the byte, and what is left names nobody. */
static void
test_replace (Fixture *f, gconstpointer data)
{
  static const char * const aliases[] = { "Ani", NULL };
  static const struct
  {
    const char *text;
    const char *expected;
    guint       places;
  } cases[] = {
    { "Ana-Maria Popescu testified.", "V-01 testified.", 1 },
    { "The Romanian interpreter was fine.", "The Romanian interpreter was fine.", 0 },
    { "ANI said POPESCU's flat is at Strada Lalelelor 12, Brașov.",
      "V-01 said V-01's flat is at V-01.", 3 },
    { "Call +40 721 555 019 (mobile) or ani.", "Call V-01 (mobile) or V-01.", 2 },
    { "Popéscu, Ana\nMaria met the Ana-Maria-Popescu support person.",
      "V-01, V-01\nV-01 met the V-01 support person.", 4 },
    { "", "", 0 },
  };
  g_autoptr (VigilCase) kase = add_case (f, "K 5/2024");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ana-Maria Popescu", aliases,
                "+40 721 555 019", "Strada Lalelelor 12, Brașov");
  identifiers = case_identifiers (f, kase);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint places = 99;
      g_autofree char *out = vigil_identifier_detector_replace (identifiers, cases[i].text, "V-01",
                                                              &places);

      g_test_message ("%s -> %s", cases[i].text, out);
      g_assert_cmpstr (out, ==, cases[i].expected);
      g_assert_cmpuint (places, ==, cases[i].places);
      g_assert_false (vigil_identifier_detector_finds (identifiers, out));
    }
  g_assert_null (vigil_identifier_detector_replace (identifiers, NULL, "V-01", NULL));
}

/* Every spelling the reports must scrub: exact, upper case, without
 * diacritics, hyphenated across a line, with extra spaces, in the other
 * script (a Latin-recorded name written in Cyrillic and the reverse), a
 * phone with other separators, a date of birth as people write it. */
static void
test_spellings (Fixture *f, gconstpointer data)
{
  static const Case cases[] = {
    /* Recorded in Latin, written in Cyrillic, and each part alone. */
    { "Natalia Ivanova testified", TRUE },
    { "NATALIA IVANOVA", TRUE },
    { "Наталья Иванова дала показания", TRUE },
    { "НАТАЛЬЯ ИВАНОВА", TRUE },
    { "свидетель Иванова", TRUE },
    { "Natalya", TRUE },
    { "Natalija Ivanova", TRUE },
    { "Natalia   Ivanova", TRUE },
    { "Nata-\nlia Iva-\n  nova", TRUE },
    { "Iva-\r\nnova", TRUE },
    { "Iva\u00adnova", TRUE },
    { "Ivanovic", FALSE },
    { "Natali", FALSE },
    { "Иван", FALSE },
    /* Recorded in Cyrillic, written in Latin, with and without marks. */
    { "Olena Kovalenko", TRUE },
    { "KOVALENKO", TRUE },
    { "Коваленко", TRUE },
    { "Kovalenkova", FALSE },
    { "Đorđević", TRUE },
    { "Djordjevic", TRUE },
    { "Dordevic was present", TRUE },
    { "Ђорђевић", TRUE },
    { "Jovana", TRUE },
    { "Јована", TRUE },
    /* Alias in the other script. */
    { "Шеф said so", TRUE },
    /* A phone written with other separators, with or without the code. */
    { "+373 (69) 123-456", TRUE },
    { "+373 69 123 456", TRUE },
    { "069.123.456", TRUE },
    { "0691/23456", TRUE },
    /* The date of birth in the usual written forms. */
    { "born 1998-03-14", TRUE },
    { "born 14.03.1998", TRUE },
    { "born 14/3/1998", TRUE },
    { "born 14 March 1998", TRUE },
    { "born March 14th, 1998", TRUE },
    { "born 14 Mar 1998", TRUE },
    { "born 14.03.98", TRUE },
    { "родилась 14 марта 1998", TRUE },
    { "born 14 martie 1998", TRUE },
    { "born 15 March 1998", FALSE },
    { "born 14 March 1999", FALSE },
    { "hearing of 14 March 2024", FALSE },
    { "14 March", FALSE },
  };
  static const char * const aliases[] = { "Sef", NULL };
  g_autoptr (VigilCase) kase = add_case (f, "K 6/2024");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Natalia Ivanova", NULL,
                "+373 69 123 456", NULL);
  add_identity (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM, "Олена Коваленко", NULL, NULL, NULL);
  add_identity (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT, "Јована Ђорђевић", aliases, NULL,
                NULL);
  person = add_person (f, kase, "V-03", VIGIL_PERSON_ROLE_VICTIM);
  identity = make_identity ("Maria Rusu", NULL, NULL);
  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("1998-03-14");
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
  identifiers = case_identifiers (f, kase);

  assert_cases (identifiers, cases, G_N_ELEMENTS (cases));
}

/* A hit says what kind of identifier, whose and in which case, and its
 * description never holds the identifier. */
static void
test_hits (Fixture *f, gconstpointer data)
{
  static const char * const aliases[] = { "Zoka", NULL };
  const char *text = "Наталья said Zoka called 069 123 456 from Strada Lipa 7.";
  g_autoptr (VigilCase) kase = add_case (f, "K 7/2024");
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;
  g_autoptr (GArray) hits = NULL;
  g_autofree char *replaced = NULL;
  const VigilIdentifierHit *hit;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Natalia Ivanova", NULL, NULL, NULL);
  add_identity (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT, "Zoran Ilic", aliases,
                "+373 69 123 456", "Strada Lipa 7, Chisinau");
  identifiers = case_identifiers (f, kase);
  hits = vigil_identifier_detector_find (identifiers, text);

  g_assert_cmpuint (hits->len, ==, 4);
  hit = &g_array_index (hits, VigilIdentifierHit, 0);
  g_assert_cmpint (hit->kind, ==, VIGIL_IDENTIFIER_NAME_PART);
  g_assert_cmpstr (hit->pseudonym, ==, "V-01");
  g_assert_cmpstr (hit->case_id, ==, vigil_case_get_id (kase));
  g_assert_cmpuint (hit->start, ==, 0);
  g_assert_cmpuint (hit->end, ==, strlen ("Наталья"));
  hit = &g_array_index (hits, VigilIdentifierHit, 1);
  g_assert_cmpint (hit->kind, ==, VIGIL_IDENTIFIER_ALIAS);
  g_assert_cmpstr (hit->pseudonym, ==, "D-01");
  hit = &g_array_index (hits, VigilIdentifierHit, 2);
  g_assert_cmpint (hit->kind, ==, VIGIL_IDENTIFIER_PHONE);
  hit = &g_array_index (hits, VigilIdentifierHit, 3);
  g_assert_cmpint (hit->kind, ==, VIGIL_IDENTIFIER_ADDRESS);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *described =
        vigil_identifier_hit_describe (&g_array_index (hits, VigilIdentifierHit, i), "B");

      g_test_message ("%s", described);
      g_assert_null (strstr (described, "Zoka"));
      g_assert_null (strstr (described, "Наталья"));
      g_assert_null (strstr (described, "123"));
      g_assert_null (strstr (described, "Lipa"));
      g_assert_true (g_str_has_suffix (described, " in case B"));
    }

  /* Without a replacement, each place takes the pseudonym of whom it names. */
  replaced = vigil_identifier_detector_replace (identifiers, text, NULL, NULL);
  g_assert_cmpstr (replaced, ==, "V-01 said D-01 called D-01 from D-01.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/identifiers/names-as-words", test_names_as_words);
  ADD ("/identifiers/phones-and-addresses", test_phones_and_addresses);
  ADD ("/identifiers/other-case", test_other_case);
  ADD ("/identifiers/replace", test_replace);
  ADD ("/identifiers/spellings", test_spellings);
  ADD ("/identifiers/hits", test_hits);

  return g_test_run ();
}
