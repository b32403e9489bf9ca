/* test-records.c: the record objects: properties, validation, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-db.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"

#define A_CASE_ID "0b7c7a57-5c1e-4d5e-9c2a-3f1b2d4e6a7c"

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
check_invalid (gboolean ok, GError *error, const char *field)
{
  g_assert_false (ok);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  if (strstr (error->message, field) == NULL)
    g_test_message ("“%s” does not name %s", error->message, field);
  g_assert_nonnull (strstr (error->message, field));
}

/* The call runs before its error is looked at. */
#define assert_invalid(call, error, field)                                                         \
  G_STMT_START                                                                                     \
  {                                                                                                \
    gboolean ok_ = (call);                                                                         \
    check_invalid (ok_, error, field);                                                             \
  }                                                                                                \
  G_STMT_END

/* Cases */

static void
test_case_new (void)
{
  g_autoptr (VigilCase) a = vigil_case_new ();
  g_autoptr (VigilCase) b = vigil_case_new ();

  g_assert_true (vigil_uuid_is_valid (vigil_case_get_id (a)));
  g_assert_cmpstr (vigil_case_get_id (a), !=, vigil_case_get_id (b));
  g_assert_cmpint (vigil_case_get_version (a), ==, 0);
  g_assert_nonnull (vigil_case_get_charges (a));
  g_assert_null (vigil_case_get_charges (a)[0]);
  g_assert_cmpint (vigil_case_get_stage (a), ==, VIGIL_CASE_STAGE_INVESTIGATION);
  g_assert_cmpint (vigil_case_get_outcome (a), ==, VIGIL_CASE_OUTCOME_NONE);
  g_assert_null (vigil_case_get_next_hearing (a));
  g_assert_cmpuint (vigil_case_get_person_count (a), ==, 0);
}

static void
test_case_properties (void)
{
  static const char * const charges[] = { "Trafficking in human beings", "Forced labour", NULL };
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_auto (GStrv) got_charges = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *id = NULL;
  VigilCaseStage stage;
  gboolean adjourned;
  gint64 version;

  g_object_set (kase, "reference", "K-101/2023", "court", "District Court", "stage",
                VIGIL_CASE_STAGE_TRIAL, "charges", charges, "adjourned-sine-die", TRUE,
                "notes", "sealed text", NULL);
  g_object_get (kase, "reference", &reference, "stage", &stage, "charges", &got_charges,
                "adjourned-sine-die", &adjourned, "id", &id, "version", &version, NULL);
  g_assert_cmpstr (reference, ==, "K-101/2023");
  g_assert_cmpint (stage, ==, VIGIL_CASE_STAGE_TRIAL);
  g_assert_true (g_strv_equal ((const char * const *) got_charges, charges));
  g_assert_true (adjourned);
  g_assert_cmpstr (id, ==, vigil_case_get_id (kase));
  g_assert_cmpint (version, ==, 0);
  g_assert_cmpstr (vigil_case_get_court (kase), ==, "District Court");
  g_assert_cmpstr (vigil_case_get_notes (kase), ==, "sealed text");
}

/* Bound widgets must hear of a change once, and of a non-change never. */
static void
test_case_notify (void)
{
  static const char * const charges[] = { "Fraud", NULL };
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GDateTime) when = g_date_time_new_utc (2024, 3, 1, 9, 0, 0);
  guint reference = 0, charges_count = 0, stage = 0, counts = 0, all = 0;

  g_signal_connect (kase, "notify::reference", G_CALLBACK (count_notify), &reference);
  g_signal_connect (kase, "notify::charges", G_CALLBACK (count_notify), &charges_count);
  g_signal_connect (kase, "notify::stage", G_CALLBACK (count_notify), &stage);
  g_signal_connect (kase, "notify::next-hearing", G_CALLBACK (count_notify), &counts);
  g_signal_connect (kase, "notify", G_CALLBACK (count_notify), &all);

  vigil_case_set_reference (kase, "K-1");
  vigil_case_set_reference (kase, "K-1");
  g_object_set (kase, "reference", "K-1", NULL);
  g_assert_cmpuint (reference, ==, 1);

  vigil_case_set_charges (kase, charges);
  vigil_case_set_charges (kase, charges);
  g_assert_cmpuint (charges_count, ==, 1);
  vigil_case_set_charges (kase, NULL);
  g_assert_cmpuint (charges_count, ==, 2);
  g_assert_null (vigil_case_get_charges (kase)[0]);

  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_APPEAL);
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_APPEAL);
  g_assert_cmpuint (stage, ==, 1);

  vigil_case_set_counts (kase, 2, 3, when);
  vigil_case_set_counts (kase, 2, 3, when);
  g_assert_cmpuint (counts, ==, 1);
  g_assert_cmpuint (vigil_case_get_hearing_count (kase), ==, 3);

  /* reference, charges twice, stage, person-count, hearing-count, next-hearing */
  g_assert_cmpuint (all, ==, 7);
}

static void
test_case_validate (void)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GError) error = NULL;
  static const char * const blank_charge[] = { "Fraud", "  ", NULL };

  assert_invalid (vigil_case_validate (kase, &error), error, "Reference");
  g_clear_error (&error);

  vigil_case_set_reference (kase, " \t ");
  assert_invalid (vigil_case_validate (kase, &error), error, "Reference");
  g_clear_error (&error);

  vigil_case_set_reference (kase, "K-7/2022");
  assert_invalid (vigil_case_validate (kase, &error), error, "Court");
  g_clear_error (&error);

  vigil_case_set_court (kase, "Appeal Court");
  g_assert_true (vigil_case_validate (kase, &error));
  g_assert_no_error (error);

  vigil_case_set_charges (kase, blank_charge);
  assert_invalid (vigil_case_validate (kase, &error), error, "Charges");
  g_clear_error (&error);
  vigil_case_set_charges (kase, NULL);

  vigil_case_set_convicted_charge (kase, "Fraud");
  assert_invalid (vigil_case_validate (kase, &error), error, "Convicted charge");
  g_clear_error (&error);
  vigil_case_set_outcome (kase, VIGIL_CASE_OUTCOME_CONVICTION);
  /* A verdict is on charges. */
  vigil_case_set_charges (kase, (const char * const[]) { "Fraud", NULL });
  g_assert_true (vigil_case_validate (kase, &error));
  g_assert_no_error (error);
}

static void
test_case_matches (void)
{
  static const char * const charges[] = { "Trafficking in human beings", "Money laundering",
                                          NULL };
  g_autoptr (VigilCase) kase = vigil_case_new ();

  vigil_case_set_reference (kase, "KTI-88/2021");
  vigil_case_set_court (kase, "Okružni sud u Beogradu");
  vigil_case_set_jurisdiction (kase, "Sąd Okręgowy w Łodzi");
  vigil_case_set_charges (kase, charges);

  g_assert_true (vigil_case_matches (kase, NULL));
  g_assert_true (vigil_case_matches (kase, ""));
  g_assert_true (vigil_case_matches (kase, "   "));
  g_assert_true (vigil_case_matches (kase, "okruzni"));
  g_assert_true (vigil_case_matches (kase, "OKRUŽNI beogradu"));
  g_assert_true (vigil_case_matches (kase, "lodzi okregowy"));
  g_assert_true (vigil_case_matches (kase, "ŁÓDZI"));
  g_assert_true (vigil_case_matches (kase, "kti-88"));
  g_assert_true (vigil_case_matches (kase, "human  TRAFFICK"));
  g_assert_true (vigil_case_matches (kase, "laundering beograd"));
  /* Every word must match. */
  g_assert_false (vigil_case_matches (kase, "human murder"));
  g_assert_false (vigil_case_matches (kase, "zagreb"));
  /* No word matches across two fields. */
  g_assert_false (vigil_case_matches (kase, "beogradusad"));
  g_assert_false (vigil_case_matches (kase, "2021okruzni"));
}

static void
test_fold (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "Łódź", "lodz" },
    { "ĐURĐEVIĆ", "durdevic" },
    { "Ærø", "aero" },
    { "Straße", "strasse" },
    { "ﬁle", "file" },
    { "Çağlayan", "caglayan" },
    { "Ελένη", "ελενη" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = vigil_text_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* Persons */

static void
test_person_properties (void)
{
  g_autoptr (VigilPerson) person = vigil_person_new (A_CASE_ID);
  g_autofree char *case_id = NULL;
  VigilPersonRole role;
  guint notified = 0;

  g_assert_true (vigil_uuid_is_valid (vigil_person_get_id (person)));
  g_assert_cmpstr (vigil_person_get_case_id (person), ==, A_CASE_ID);
  g_assert_cmpint (vigil_person_get_version (person), ==, 0);

  g_signal_connect (person, "notify::role", G_CALLBACK (count_notify), &notified);
  g_object_set (person, "pseudonym", "W-02", "role", VIGIL_PERSON_ROLE_WITNESS, "is-child", TRUE,
                NULL);
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_WITNESS);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (person, "case-id", &case_id, "role", &role, NULL);
  g_assert_cmpstr (case_id, ==, A_CASE_ID);
  g_assert_cmpint (role, ==, VIGIL_PERSON_ROLE_WITNESS);
  g_assert_true (vigil_person_get_is_child (person));
  g_assert_cmpstr (vigil_person_get_pseudonym (person), ==, "W-02");
}

static void
test_person_validate (void)
{
  static const char * const good[] = { "V-01", "W-12", "D-99", "LR-03", "V-100" };
  static const char * const bad[] = { "v-01", "V01", "V-1", "V-01a", "Ana", "V -01", "VICT-01",
                                      "V-1234", "-01", "Name Surname" };
  g_autoptr (VigilPerson) person = vigil_person_new (A_CASE_ID);
  g_autoptr (VigilPerson) orphan = vigil_person_new ("not-a-case");
  g_autoptr (GError) error = NULL;

  assert_invalid (vigil_person_validate (person, &error), error, "Pseudonym");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      vigil_person_set_pseudonym (person, good[i]);
      g_assert_true (vigil_person_validate (person, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      vigil_person_set_pseudonym (person, bad[i]);
      assert_invalid (vigil_person_validate (person, &error), error, "Pseudonym");
      /* A pseudonym field may hold a real name typed by mistake. */
      g_assert_null (strstr (error->message, "Surname"));
      g_clear_error (&error);
    }

  vigil_person_set_pseudonym (person, "V-01");
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_CHILD_VICTIM);
  assert_invalid (vigil_person_validate (person, &error), error, "hild");
  g_clear_error (&error);
  vigil_person_set_is_child (person, TRUE);
  g_assert_true (vigil_person_validate (person, &error));

  vigil_person_set_pseudonym (orphan, "V-01");
  assert_invalid (vigil_person_validate (orphan, &error), error, "Case");
}

static void
test_person_role_prefix (void)
{
  static const struct
  {
    VigilPersonRole role;
    const char     *prefix;
  } cases[] = {
    { VIGIL_PERSON_ROLE_VICTIM, "V" },
    { VIGIL_PERSON_ROLE_VICTIM_WITNESS, "V" },
    { VIGIL_PERSON_ROLE_CHILD_VICTIM, "V" },
    { VIGIL_PERSON_ROLE_WITNESS, "W" },
    { VIGIL_PERSON_ROLE_DEFENDANT, "D" },
    { VIGIL_PERSON_ROLE_GUARDIAN, "G" },
    { VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE, "L" },
    { VIGIL_PERSON_ROLE_INTERPRETER, "I" },
    { VIGIL_PERSON_ROLE_SUPPORT_PERSON, "S" },
  };
  g_autoptr (GEnumClass) klass = g_type_class_ref (VIGIL_TYPE_PERSON_ROLE);

  /* Every role has a prefix: a new role must be given one. */
  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (vigil_person_role_prefix (cases[i].role), ==, cases[i].prefix);
}

/* Identities */

static VigilIdentity *
sample_identity (void)
{
  VigilIdentity *identity = vigil_identity_new ();
  const char *aliases[] = { "Mira", "M. K.", NULL };
  const char *languages[] = { "ro", "en", NULL };

  identity->full_name = g_strdup ("Mirela Kovačević-Ştefănescu");
  identity->aliases = g_strdupv ((char **) aliases);
  identity->date_of_birth = g_strdup ("1998-02-28");
  identity->nationality = g_strdup ("MD");
  identity->languages = g_strdupv ((char **) languages);
  identity->phone = g_strdup ("+373 22 000 111");
  identity->address = g_strdup ("Strada Fictivă 12, \"Chișinău\"\nap. 3");
  return identity;
}

static void
test_identity_json (void)
{
  g_autoptr (VigilIdentity) identity = sample_identity ();
  g_autoptr (VigilIdentity) back = NULL;
  g_autoptr (VigilIdentity) empty = vigil_identity_new ();
  g_autoptr (VigilIdentity) empty_back = NULL;
  g_autoptr (VigilIdentity) escaped = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = vigil_identity_to_json (identity);
  g_autofree char *empty_json = vigil_identity_to_json (empty);

  back = vigil_identity_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->full_name, ==, identity->full_name);
  g_assert_true (g_strv_equal ((const char * const *) back->aliases,
                               (const char * const *) identity->aliases));
  g_assert_cmpstr (back->date_of_birth, ==, "1998-02-28");
  g_assert_cmpstr (back->nationality, ==, "MD");
  g_assert_true (g_strv_equal ((const char * const *) back->languages,
                               (const char * const *) identity->languages));
  g_assert_cmpstr (back->phone, ==, identity->phone);
  g_assert_cmpstr (back->address, ==, identity->address);
  g_assert_false (vigil_identity_is_empty (back));

  empty_back = vigil_identity_from_json (empty_json, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_identity_is_empty (empty_back));
  g_assert_null (empty_back->full_name);

  /* Every escape of JSON, and white space wherever JSON allows it. */
  escaped = vigil_identity_from_json (" {\n \"full_name\" : \"\\u0041n\\u0103 \\ud83d\\ude00\","
                                      " \"address\": \"\\\"1\\\" \\/ \\\\ \\b\\f\\n\\r\\t\","
                                      " \"aliases\" : [ ], \"phone\": null }\n",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (escaped->full_name, ==, "Ană \xf0\x9f\x98\x80");
  g_assert_cmpstr (escaped->address, ==, "\"1\" / \\ \b\f\n\r\t");
  g_assert_nonnull (escaped->aliases);
  g_assert_null (escaped->aliases[0]);
  g_assert_null (escaped->phone);
}

static void
test_identity_json_errors (void)
{
  static const char * const bad[] = {
    "not json",
    "[1, 2]",
    "{\"full_name\": 12}",
    "{\"aliases\": \"one\"}",
    "{\"aliases\": [\"a\", 3]}",
    "{\"ful_name\": \"typo\"}",
    /* Read by hand since it must leave no copy (vigil-identity-json.c):
     * what json-glib refused or read other than written is refused. */
    "{\"full_name\": \"Ana\\u0000Maria\"}",
    "{\"phone\": \"1\", \"phone\": \"2\"}",
    "{\"full_name\": \"Ana\"} {}",
    "{\"full_name\": \"\\ud800\"}",
    "{\"full_name\": \"\\x41\"}",
    "{\"full_name\": \"Ana}",
    "{\"aliases\": [\"a\",]}",
    "{\"full_name\": \"\xc3\x28\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilIdentity) identity = vigil_identity_from_json (bad[i], &error);

      g_assert_null (identity);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Identity"));
    }
}

static void
test_identity_validate (void)
{
  g_autoptr (VigilIdentity) identity = sample_identity ();
  g_autoptr (VigilIdentity) copy = NULL;
  g_autoptr (GDateTime) tomorrow_dt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  static const char * const malformed[] = { "1998-2-28", "28.02.1998", "1998-02-30",
                                            "1998-13-01", "19980228", "1998-02-28T00:00" };

  g_assert_true (vigil_identity_validate (identity, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_free (identity->date_of_birth);
      identity->date_of_birth = g_strdup (malformed[i]);
      assert_invalid (vigil_identity_validate (identity, &error), error, "Date of birth");
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      /* The date of birth identifies; it never goes into a message. */
      g_assert_null (strstr (error->message, malformed[i]));
      g_clear_error (&error);
    }

  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("1899-12-31");
  assert_invalid (vigil_identity_validate (identity, &error), error, "Date of birth");
  g_assert_nonnull (strstr (error->message, "1900"));
  g_clear_error (&error);

  tomorrow_dt = g_date_time_add_days (now, 2);
  tomorrow = g_date_time_format (tomorrow_dt, "%Y-%m-%d");
  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup (tomorrow);
  assert_invalid (vigil_identity_validate (identity, &error), error, "Date of birth");
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("1900-01-01");
  g_assert_true (vigil_identity_validate (identity, &error));

  g_free (identity->phone);
  identity->phone = g_strdup ("unknown");
  assert_invalid (vigil_identity_validate (identity, &error), error, "Phone");
  g_clear_error (&error);

  copy = vigil_identity_copy (identity);
  g_assert_cmpstr (copy->full_name, ==, identity->full_name);
  g_assert_true (copy->full_name != identity->full_name);
  g_assert_true (g_strv_equal ((const char * const *) copy->languages,
                               (const char * const *) identity->languages));
}

static void
test_identity_boxed (void)
{
  g_autoptr (VigilIdentity) identity = sample_identity ();
  g_auto (GValue) value = G_VALUE_INIT;
  VigilIdentity *held;

  g_value_init (&value, VIGIL_TYPE_IDENTITY);
  g_value_set_boxed (&value, identity);
  held = g_value_get_boxed (&value);
  g_assert_true (held != identity);
  g_assert_cmpstr (held->address, ==, identity->address);
}

/* Hearings */

static void
test_hearing_properties (void)
{
  g_autoptr (VigilHearing) hearing = vigil_hearing_new (A_CASE_ID);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("+02:00");
  g_autoptr (GDateTime) local = g_date_time_new (zone, 2024, 5, 6, 9, 30, 0);
  g_autoptr (GDateTime) got = NULL;
  guint notified = 0;

  g_signal_connect (hearing, "notify::starts-at", G_CALLBACK (count_notify), &notified);
  g_object_set (hearing, "starts-at", local, "room", "Courtroom 4", "kind",
                VIGIL_HEARING_KIND_TESTIMONY, "closed-session", TRUE, NULL);
  vigil_hearing_set_starts_at (hearing, local);
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (hearing, "starts-at", &got, NULL);
  g_assert_true (g_date_time_equal (got, local));
  /* Stored in UTC. */
  g_assert_cmpint (g_date_time_get_hour (got), ==, 7);
  g_assert_cmpint (g_date_time_get_utc_offset (got), ==, 0);
  g_assert_cmpint (vigil_hearing_get_kind (hearing), ==, VIGIL_HEARING_KIND_TESTIMONY);
  g_assert_cmpint (vigil_hearing_get_status (hearing), ==, VIGIL_HEARING_STATUS_SCHEDULED);
  g_assert_true (vigil_hearing_get_closed_session (hearing));
  g_assert_cmpstr (vigil_hearing_get_room (hearing), ==, "Courtroom 4");
}

static void
test_hearing_validate (void)
{
  g_autoptr (VigilHearing) hearing = vigil_hearing_new (A_CASE_ID);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) too_old = g_date_time_new_utc (1989, 12, 31, 23, 0, 0);
  g_autoptr (GDateTime) oldest = g_date_time_new_utc (1990, 1, 1, 9, 0, 0);
  g_autoptr (GDateTime) far = g_date_time_add_years (now, 11);
  g_autoptr (GDateTime) near = g_date_time_add_years (now, 9);
  g_autoptr (GError) error = NULL;

  assert_invalid (vigil_hearing_validate (hearing, &error), error, "Date");
  g_clear_error (&error);

  vigil_hearing_set_starts_at (hearing, too_old);
  assert_invalid (vigil_hearing_validate (hearing, &error), error, "1990");
  g_clear_error (&error);

  vigil_hearing_set_starts_at (hearing, far);
  assert_invalid (vigil_hearing_validate (hearing, &error), error, "Date");
  g_clear_error (&error);

  vigil_hearing_set_starts_at (hearing, near);
  g_assert_true (vigil_hearing_validate (hearing, &error));
  g_assert_no_error (error);
  vigil_hearing_set_starts_at (hearing, oldest);
  g_assert_true (vigil_hearing_validate (hearing, &error));

  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_ADJOURNED);
  assert_invalid (vigil_hearing_validate (hearing, &error), error, "Adjournment reason");
  g_clear_error (&error);
  vigil_hearing_set_adjournment_reason (hearing, "Interpreter absent");
  g_assert_true (vigil_hearing_validate (hearing, &error));
  g_assert_no_error (error);
}

/* Consents */

static void
test_consent (void)
{
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (VigilConsent) storage = vigil_consent_new (A_CASE_ID, VIGIL_CONSENT_KIND_STORAGE,
                                                        NULL);
  g_autoptr (VigilConsent) sharing = NULL;
  g_autoptr (GDateTime) given = g_date_time_new_utc (2023, 4, 1, 10, 0, 0);
  g_autoptr (GDateTime) earlier = g_date_time_new_utc (2023, 3, 1, 10, 0, 0);
  g_autoptr (GDateTime) later = g_date_time_new_utc (2023, 6, 1, 10, 0, 0);
  g_autoptr (GError) error = NULL;
  guint notified = 0;

  /* No date means now. */
  g_assert_nonnull (vigil_consent_get_given_at (storage));
  g_assert_cmpint (g_date_time_compare (vigil_consent_get_given_at (storage), before), >=, 0);
  g_assert_true (vigil_consent_is_in_force (storage));
  g_assert_true (vigil_consent_validate (storage, &error));
  g_assert_no_error (error);

  sharing = vigil_consent_new (A_CASE_ID, VIGIL_CONSENT_KIND_SHARING, given);
  g_assert_cmpint (vigil_consent_get_kind (sharing), ==, VIGIL_CONSENT_KIND_SHARING);
  assert_invalid (vigil_consent_validate (sharing, &error), error, "Shared with");
  g_clear_error (&error);
  g_signal_connect (sharing, "notify::shared-with", G_CALLBACK (count_notify), &notified);
  g_object_set (sharing, "shared-with", "Shelter caseworkers", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (vigil_consent_validate (sharing, &error));

  vigil_consent_set_withdrawn_at (sharing, earlier);
  assert_invalid (vigil_consent_validate (sharing, &error), error, "Withdrawn");
  g_clear_error (&error);
  vigil_consent_set_withdrawn_at (sharing, later);
  g_assert_true (vigil_consent_validate (sharing, &error));
  g_assert_false (vigil_consent_is_in_force (sharing));
}

/* The field of each problem of @problems, joined by spaces. */
static char *
problem_fields (GPtrArray *problems)
{
  g_autoptr (GString) fields = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const VigilFieldProblem *problem = problems->pdata[i];

      g_string_append_printf (fields, "%s%s%s", i > 0 ? " " : "", problem->field,
                              problem->warning ? "(warning)" : "");
    }
  return g_string_free (g_steal_pointer (&fields), FALSE);
}

/* Every problem at once, each at its field. */
static void
test_case_check (void)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *long_court = g_strnfill (VIGIL_LINE_MAX + 1, 'c');

  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_TRIAL);
  vigil_case_set_reference (kase, "K 123/2024  ");
  vigil_case_set_court (kase, long_court);
  problems = vigil_case_check (kase);
  fields = problem_fields (problems);
  g_assert_cmpstr (fields, ==, "reference court charges");
  g_assert_nonnull (strstr (((VigilFieldProblem *) problems->pdata[0])->message, "space"));
  g_assert_nonnull (strstr (((VigilFieldProblem *) problems->pdata[1])->message, "200"));
  /* validate says the first. */
  assert_invalid (vigil_case_validate (kase, &error), error, "Reference");
  g_clear_error (&error);

  /* Before trial a case may have no charges yet; a verdict may not. */
  vigil_case_set_reference (kase, "K 123/2024");
  vigil_case_set_court (kase, "Cluj Tribunal");
  assert_invalid (vigil_case_validate (kase, &error), error, "Charges");
  g_clear_error (&error);
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_PRE_TRIAL);
  g_assert_true (vigil_case_validate (kase, &error));
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_CLOSED);
  vigil_case_set_outcome (kase, VIGIL_CASE_OUTCOME_ACQUITTAL);
  assert_invalid (vigil_case_validate (kase, &error), error, "Charges");
  g_clear_error (&error);
  vigil_case_set_outcome (kase, VIGIL_CASE_OUTCOME_DROPPED);
  g_assert_true (vigil_case_validate (kase, &error));

  /* A charge is one line. */
  vigil_case_set_charges (kase, (const char * const[]) { "Art. 210\nArt. 367", NULL });
  assert_invalid (vigil_case_validate (kase, &error), error, "Charges");
  g_clear_error (&error);
}

static void
test_identity_check (void)
{
  g_autoptr (VigilIdentity) identity = sample_identity ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fields = NULL;

  g_free (identity->full_name);
  identity->full_name = g_strnfill (1400, 'a');
  g_free (identity->nationality);
  identity->nationality = g_strdup ("Romanian ");
  problems = vigil_identity_check (identity);
  fields = problem_fields (problems);
  g_assert_cmpstr (fields, ==, "full_name nationality");
  assert_invalid (vigil_identity_validate (identity, &error), error, "Full name");
  g_assert_nonnull (strstr (error->message, "200"));
  /* The name itself is never quoted. */
  g_assert_null (strstr (error->message, "aaaa"));
}

static void
test_person_child_age (void)
{
  g_autoptr (VigilPerson) person = vigil_person_new ("6f1f7f4e-1e0a-4c4e-9b7a-0c6d1a2b3c4d");
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  g_autoptr (GDateTime) now = g_date_time_new_utc (2025, 6, 1, 12, 0, 0);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;
  const VigilFieldProblem *problem;

  /* Born in 1980 and marked a child: 45 today, so only a warning (the
   * offence may have been that long ago), with the reason. */
  vigil_person_set_is_child (person, TRUE);
  identity->date_of_birth = g_strdup ("1980-03-14");
  problems = vigil_person_check_identity (person, identity, now);
  fields = problem_fields (problems);
  g_assert_cmpstr (fields, ==, "is_child(warning)");
  problem = problems->pdata[0];
  g_assert_nonnull (strstr (problem->message, "45"));
  g_assert_true (vigil_field_problems_to_error (problems, NULL));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A child victim of 19 at the trial is usual. */
  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("2006-01-01");
  problems = vigil_person_check_identity (person, identity, now);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Under 18 today was a child then: Child off is refused. */
  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("2010-07-01");
  vigil_person_set_is_child (person, FALSE);
  problems = vigil_person_check_identity (person, identity, now);
  problem = problems->pdata[0];
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problem->field, ==, "is_child");
  g_assert_false (problem->warning);
  g_assert_nonnull (strstr (problem->message, "14"));
  g_assert_false (vigil_field_problems_to_error (problems, NULL));
}

static void
test_hearing_time_of_day (void)
{
  g_autoptr (VigilFieldProblem) late = vigil_hearing_check_time_of_day ("99", "00");
  g_autoptr (VigilFieldProblem) minute = vigil_hearing_check_time_of_day ("9", "60");
  g_autoptr (VigilFieldProblem) letters = vigil_hearing_check_time_of_day ("9a", "00");
  g_autoptr (VigilFieldProblem) empty = vigil_hearing_check_time_of_day ("", "00");

  g_assert_null (vigil_hearing_check_time_of_day ("23", "59"));
  g_assert_null (vigil_hearing_check_time_of_day ("09", "5"));
  g_assert_nonnull (late);
  g_assert_cmpstr (late->field, ==, "time");
  g_assert_nonnull (strstr (late->message, "99"));
  g_assert_nonnull (minute);
  g_assert_nonnull (strstr (minute->message, "60"));
  g_assert_nonnull (letters);
  g_assert_nonnull (empty);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/case/new", test_case_new);
  g_test_add_func ("/records/case/properties", test_case_properties);
  g_test_add_func ("/records/case/notify", test_case_notify);
  g_test_add_func ("/records/case/validate", test_case_validate);
  g_test_add_func ("/records/case/matches", test_case_matches);
  g_test_add_func ("/records/case/check", test_case_check);
  g_test_add_func ("/records/identity/check", test_identity_check);
  g_test_add_func ("/records/person/child-age", test_person_child_age);
  g_test_add_func ("/records/hearing/time-of-day", test_hearing_time_of_day);
  g_test_add_func ("/records/fold", test_fold);
  g_test_add_func ("/records/person/properties", test_person_properties);
  g_test_add_func ("/records/person/validate", test_person_validate);
  g_test_add_func ("/records/person/role-prefix", test_person_role_prefix);
  g_test_add_func ("/records/identity/json", test_identity_json);
  g_test_add_func ("/records/identity/json-errors", test_identity_json_errors);
  g_test_add_func ("/records/identity/validate", test_identity_validate);
  g_test_add_func ("/records/identity/boxed", test_identity_boxed);
  g_test_add_func ("/records/hearing/properties", test_hearing_properties);
  g_test_add_func ("/records/hearing/validate", test_hearing_validate);
  g_test_add_func ("/records/consent", test_consent);
  return g_test_run ();
}
