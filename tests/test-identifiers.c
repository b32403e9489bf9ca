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

static GPtrArray *
case_identifiers (Fixture *f, VigilCase *kase)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *identifiers =
    vigil_store_case_identifiers (f->store, vigil_case_get_id (kase), &error);

  g_assert_no_error (error);
  g_assert_nonnull (identifiers);
  return identifiers;
}

/* Every case is tried before failing, so one run shows all that differ. */
static void
assert_cases (GPtrArray *identifiers, const Case *cases, guint n_cases)
{
  guint wrong = 0;

  for (guint i = 0; i < n_cases; i++)
    {
      gboolean names = vigil_text_names_identifier (cases[i].text, identifiers);

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
  g_autoptr (GPtrArray) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS, "Ana-Maria Popescu",
                victim_aliases, NULL, NULL);
  add_identity (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT, "Ștefan Dumitrescu", NULL, NULL,
                NULL);
  add_identity (f, kase, "D-02", VIGIL_PERSON_ROLE_DEFENDANT, "Li Na", defendant_aliases, NULL,
                NULL);
  add_identity (f, kase, "D-03", VIGIL_PERSON_ROLE_DEFENDANT, "王伟", NULL, NULL, NULL);
  identifiers = case_identifiers (f, kase);

  assert_cases (identifiers, cases, G_N_ELEMENTS (cases));
  g_assert_false (vigil_text_names_identifier (NULL, identifiers));
}

/* Phones and addresses keep their own rules: the last seven digits among
 * the digits of the text, the address anywhere. */
static void
test_phones_and_addresses (Fixture *f, gconstpointer data)
{
  static const Case cases[] = {
    { "call 0721 555 019", TRUE },
    { "+40-721-555-019", TRUE },
    { "tel.0721555019", TRUE },
    { "1555019", TRUE },
    { "Room 721", FALSE },
    { "555 019", FALSE },
    { "lives at Strada Lalelelor 12", TRUE },
    { "STRADA LALELELOR 12, BRASOV", TRUE },
    { "strada lalelelor 12, Brașov", TRUE },
    { "at strada lalelelor 12b", TRUE },
    { "Strada Lalelelor 14", FALSE },
    { "Brașov", FALSE },
  };
  g_autoptr (VigilCase) kase = add_case (f, "K 2/2024");
  g_autoptr (GPtrArray) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ioana Marin", NULL,
                "+40 721 555 019", "Strada Lalelelor 12, Brașov");
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
  g_autoptr (GPtrArray) identifiers = NULL;
  g_autoptr (GPtrArray) none = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ana-Maria Popescu", aliases, NULL,
                NULL);
  identifiers = case_identifiers (f, kase);
  none = case_identifiers (f, other);

  g_assert_true (vigil_text_names_identifier ("Ani testified", identifiers));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (vigil_text_names_identifier ("Ani testified", none));
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
  g_autoptr (GPtrArray) identifiers = NULL;

  add_identity (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM, "Ana-Maria Popescu", aliases,
                "+40 721 555 019", "Strada Lalelelor 12, Brașov");
  identifiers = case_identifiers (f, kase);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint places = 99;
      g_autofree char *out = vigil_text_replace_identifiers (cases[i].text, identifiers, "V-01",
                                                              &places);

      g_test_message ("%s -> %s", cases[i].text, out);
      g_assert_cmpstr (out, ==, cases[i].expected);
      g_assert_cmpuint (places, ==, cases[i].places);
      g_assert_false (vigil_text_names_identifier (out, identifiers));
    }
  g_assert_null (vigil_text_replace_identifiers (NULL, identifiers, "V-01", NULL));
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

  return g_test_run ();
}
