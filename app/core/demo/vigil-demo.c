/* vigil-demo.c: generating fictional cases
 *
 * Everything comes from one xoshiro256** stream seeded through splitmix64,
 * so a seed names one document on every machine and every run; the clock
 * is never read. Hearings after DEMO_TODAY are scheduled, those before it
 * held or adjourned; what was recorded at each is in vigil-demo-hearing.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-demo"

#include "config.h"

#include <string.h>

#include "vigil-json-private.h"
#include "vigil-demo-private.h"
#include "vigil-demo.h"
#include "vigil-enum-types.h"
#include "vigil-enums.h"
#include "vigil-interchange.h"
#include "vigil-person.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"

#define DEMO_TODAY_YEAR  2026
#define DEMO_TODAY_MONTH 11
#define DEMO_TODAY_DAY   1


/* A person of the case being generated. */
typedef struct
{
  char                   *pseudonym;
  VigilPersonRole         role;
  const VigilDemoCountry *country;
  gboolean                female;
  char                   *surname;
  gboolean                cyrillic;      /* the name is recorded in Cyrillic */
  const char             *note_surname;  /* as notes write it: in the other script */
  char                   *phone;
  gboolean                claims;  /* a victim who claims compensation */
} Person;

typedef struct
{
  VigilDemoRng            rng;
  GHashTable             *references; /* court + reference, each once */
  const VigilDemoCountry *country;    /* of the court */
  const VigilDemoCountry *origin;     /* of the victims */
  GPtrArray              *persons;    /* Person */
  GArray                 *hearings;   /* GDateTime *, in order */
  GArray                 *testimony;  /* guint: index of each testimony hearing */
  GDateTime              *today;
  guint                   year;       /* of the case's first hearing */
} Demo;

/* private helpers: JSON */

static void
add_date (JsonBuilder *builder, const char *name, GDateTime *time)
{
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d");

  vigil_json_add_string (builder, name, text);
}

/* private helpers: the parts of a case */

static void
person_free (Person *person)
{
  g_free (person->pseudonym);
  g_free (person->surname);
  g_free (person->phone);
  g_free (person);
}

/* The Latin and Cyrillic spellings of @name, or NULL. */
static const VigilDemoSpelling *
spelling_of (const char *name)
{
  for (guint i = 0; vigil_demo_cyrillic[i].latin != NULL; i++)
    if (g_str_equal (vigil_demo_cyrillic[i].latin, name))
      return &vigil_demo_cyrillic[i];
  return NULL;
}

static const VigilDemoCountry *
pick_country (VigilDemoRng *rng)
{
  guint n = 0;

  while (vigil_demo_countries[n].jurisdiction != NULL)
    n++;
  return &vigil_demo_countries[vigil_demo_rng_below (rng, n)];
}

static char *
make_address (Demo *d, const VigilDemoCountry *country)
{
  static const char * const keys[] = { "street", "num", "city", NULL };
  g_autofree char *num = g_strdup_printf ("%u", vigil_demo_rng_range (&d->rng, 1, 140));
  const char *values[] = { vigil_demo_pick (&d->rng, country->streets), num,
                           vigil_demo_pick (&d->rng, country->cities), NULL };

  return vigil_demo_expand (&d->rng, country->address, keys, values);
}

static void
add_identity (Demo *d, JsonBuilder *builder, Person *person, gboolean professional)
{
  const VigilDemoCountry *c = person->country;
  const char *first = vigil_demo_pick (&d->rng, person->female ? c->female_names : c->male_names);
  const VigilDemoSpelling *first_spelling = spelling_of (first);
  const VigilDemoSpelling *surname_spelling = spelling_of (person->surname);
  const char *surname = person->surname;
  g_autofree char *full_name = NULL;

  /* As the court's file has it. */
  if (person->cyrillic && first_spelling != NULL && surname_spelling != NULL)
    {
      first = first_spelling->cyrillic;
      surname = surname_spelling->cyrillic;
    }
  full_name = c->surname_first ? g_strdup_printf ("%s %s", surname, first)
                               : g_strdup_printf ("%s %s", first, surname);
  gboolean child = person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
  g_autofree char *birth = g_strdup_printf ("%04u-%02u-%02u",
                                            child ? vigil_demo_rng_range (&d->rng, 2009, 2013)
                                                  : vigil_demo_rng_range (&d->rng, 1962, 2004),
                                            vigil_demo_rng_range (&d->rng, 1, 12),
                                            vigil_demo_rng_range (&d->rng, 1, 28));
  g_autofree char *address = NULL;

  json_builder_set_member_name (builder, "identity");
  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "full_name", full_name);
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  if (!professional && vigil_demo_rng_chance (&d->rng, 30))
    json_builder_add_string_value (builder, vigil_demo_pick (&d->rng, vigil_demo_nicknames));
  json_builder_end_array (builder);
  vigil_json_add_string (builder, "date_of_birth",
              professional && vigil_demo_rng_chance (&d->rng, 50) ? NULL : birth);
  vigil_json_add_string (builder, "nationality", c->nationality);
  json_builder_set_member_name (builder, "languages");
  json_builder_begin_array (builder);
  for (guint i = 0; c->languages[i] != NULL; i++)
    json_builder_add_string_value (builder, c->languages[i]);
  if (vigil_demo_rng_chance (&d->rng, 20))
    json_builder_add_string_value (builder, "English");
  json_builder_end_array (builder);
  vigil_json_add_string (builder, "phone", person->phone);
  if (!professional && vigil_demo_rng_chance (&d->rng, 85))
    address = make_address (d, c);
  vigil_json_add_string (builder, "address", address);
  json_builder_end_object (builder);
}

/* What a victim agreed to, the year before the trial started. */
static void
add_consents (Demo *d, JsonBuilder *builder)
{
  static const char * const partners[] = {
    "The NGO court-support service", "Her lawyer", "The state compensation fund",
    "The field mission's anti-trafficking unit", NULL,
  };
  g_autoptr (GDateTime) given = g_date_time_new_utc (
      d->year - 1, vigil_demo_rng_range (&d->rng, 1, 12), vigil_demo_rng_range (&d->rng, 1, 28),
      vigil_demo_rng_range (&d->rng, 8, 16), 0, 0);

  json_builder_set_member_name (builder, "consents");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "kind", "storage");
  vigil_json_add_time (builder, "given_at", given);
  json_builder_end_object (builder);
  if (vigil_demo_rng_chance (&d->rng, 40))
    {
      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "kind", "sharing");
      vigil_json_add_string (builder, "shared_with", vigil_demo_pick (&d->rng, partners));
      vigil_json_add_time (builder, "given_at", given);
      json_builder_end_object (builder);
    }
  if (vigil_demo_rng_chance (&d->rng, 30))
    {
      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "kind", "anonymous_quote");
      vigil_json_add_time (builder, "given_at", given);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static Person *
new_person (Demo *d, VigilPersonRole role, const VigilDemoCountry *country, guint *counters)
{
  Person *person = g_new0 (Person, 1);
  const char *prefix = vigil_person_role_prefix (role);
  guint *counter = &counters[(guchar) prefix[0]];

  person->role = role;
  person->country = country;
  /* Most victims in these cases are women; the rest are drawn evenly. */
  person->female = role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
                     ? vigil_demo_rng_chance (&d->rng, 75)
                     : vigil_demo_rng_chance (&d->rng, 50);
  person->surname = g_strdup (vigil_demo_pick (&d->rng, person->female ? country->female_surnames
                                                                       : country->male_surnames));
  if (vigil_demo_rng_chance (&d->rng, 85))
    person->phone = vigil_demo_expand (&d->rng, country->phone, (const char * const[]) { NULL },
                            (const char * const[]) { NULL });
  /* About every other person of a country whose courts write Cyrillic
   * is recorded in Cyrillic (which ones follows from the surname and the
   * count, not from a number drawn, so the cases stay as they were), and
   * the notes of those courts name each person in the other script. */
  {
    const VigilDemoSpelling *spelling =
      country == d->country ? spelling_of (person->surname) : NULL;

    person->cyrillic = spelling != NULL && (g_str_hash (person->surname) + *counter) % 2 == 0;
    person->note_surname = spelling == NULL ? person->surname
                           : person->cyrillic ? spelling->latin
                                              : spelling->cyrillic;
  }
  person->pseudonym = g_strdup_printf ("%s-%02u", prefix, ++(*counter));
  return person;
}

static void
make_persons (Demo *d, JsonBuilder *builder, gboolean *out_foreign)
{
  guint counters[256] = { 0 };
  guint total = vigil_demo_rng_range (&d->rng, 3, 8);
  guint victims = vigil_demo_rng_range (&d->rng, 1, MIN (3, total - 2));
  guint defendants = vigil_demo_rng_range (&d->rng, 1, MIN (2, total - victims - 1));
  gboolean child = FALSE, foreign = FALSE;
  const VigilDemoCountry *origin = d->country;

  /* Victims are often brought from another country than the court's. */
  if (vigil_demo_rng_chance (&d->rng, 45))
    origin = pick_country (&d->rng);
  foreign = origin != d->country;

  for (guint i = 0; i < victims; i++)
    {
      guint roll = vigil_demo_rng_below (&d->rng, 100);
      VigilPersonRole role = roll < 60   ? VIGIL_PERSON_ROLE_VICTIM_WITNESS
                             : roll < 88 ? VIGIL_PERSON_ROLE_VICTIM
                                         : VIGIL_PERSON_ROLE_CHILD_VICTIM;

      child |= role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
      g_ptr_array_add (d->persons, new_person (d, role, origin, counters));
    }
  for (guint i = 0; i < defendants; i++)
    g_ptr_array_add (d->persons,
                     new_person (d, VIGIL_PERSON_ROLE_DEFENDANT,
                                 vigil_demo_rng_chance (&d->rng, 70) ? d->country : origin,
                                 counters));
  for (guint i = victims + defendants; i < total; i++)
    {
      VigilPersonRole role;

      if (child && counters['G'] == 0)
        role = VIGIL_PERSON_ROLE_GUARDIAN;
      else if (foreign && counters['I'] == 0)
        role = VIGIL_PERSON_ROLE_INTERPRETER;
      else
        {
          static const VigilPersonRole others[] = {
            VIGIL_PERSON_ROLE_WITNESS,
            VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE,
            VIGIL_PERSON_ROLE_SUPPORT_PERSON,
            VIGIL_PERSON_ROLE_WITNESS,
          };
          role = others[vigil_demo_rng_below (&d->rng, G_N_ELEMENTS (others))];
        }
      g_ptr_array_add (d->persons,
                       new_person (d, role,
                                   role == VIGIL_PERSON_ROLE_GUARDIAN ? origin : d->country,
                                   counters));
    }

  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->persons->len; i++)
    {
      Person *person = g_ptr_array_index (d->persons, i);
      gboolean victim = person->role == VIGIL_PERSON_ROLE_VICTIM
                        || person->role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
                        || person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
      gboolean professional = person->role == VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE
                              || person->role == VIGIL_PERSON_ROLE_INTERPRETER
                              || person->role == VIGIL_PERSON_ROLE_SUPPORT_PERSON;

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "pseudonym", person->pseudonym);
      vigil_json_add_string (builder, "role", vigil_enum_to_nick (VIGIL_TYPE_PERSON_ROLE, person->role));
      vigil_json_add_boolean (builder, "is_child", person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM);
      vigil_json_add_string (builder, "notes",
                  victim && vigil_demo_rng_chance (&d->rng, 50)
                      ? vigil_demo_pick (&d->rng, vigil_demo_person_notes)
                      : NULL);
      add_identity (d, builder, person, professional);
      if (victim)
        add_consents (d, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  d->origin = origin;
  *out_foreign = foreign;
}

static Person *
first_with_role (Demo *d, VigilPersonRole role)
{
  for (guint i = 0; i < d->persons->len; i++)
    if (((Person *) g_ptr_array_index (d->persons, i))->role == role)
      return g_ptr_array_index (d->persons, i);
  return NULL;
}

static void
make_hearings (Demo            *d,
               JsonBuilder     *builder,
               VigilCaseStage   stage,
               VigilCaseOutcome outcome,
               guint            year,
               gboolean         foreign)
{
  g_autofree VigilDemoPerson *persons = g_new0 (VigilDemoPerson, d->persons->len);
  gboolean compensation_open = FALSE;
  /* A defendant who may be a trafficked person, now and then. */
  gboolean victim_prosecuted = vigil_demo_rng_chance (&d->rng, 6);
  guint count = vigil_demo_rng_range (&d->rng, 2, 10);
  g_autoptr (GDateTime) when = g_date_time_new_utc (
      year, vigil_demo_rng_range (&d->rng, 1, 12), vigil_demo_rng_range (&d->rng, 1, 28),
      vigil_demo_rng_range (&d->rng, 7, 12), vigil_demo_rng_chance (&d->rng, 50) ? 0 : 30, 0);
  gboolean decided = stage == VIGIL_CASE_STAGE_APPEAL || stage == VIGIL_CASE_STAGE_CLOSED;
  Person *defendant = first_with_role (d, VIGIL_PERSON_ROLE_DEFENDANT);

  for (guint i = 0; i < d->persons->len; i++)
    {
      Person *person = g_ptr_array_index (d->persons, i);

      persons[i] = (VigilDemoPerson) { person->pseudonym, person->role };
      compensation_open |= person->claims;
    }

  json_builder_set_member_name (builder, "hearings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < count; i++)
    {
      static const char * const keys[] = { "num", NULL };
      g_autofree char *num = g_strdup_printf ("%u", vigil_demo_rng_range (&d->rng, 1, 24));
      const char *values[] = { num, NULL };
      g_autofree char *room = vigil_demo_expand (&d->rng, d->country->room, keys, values);
      gboolean last = i + 1 == count;
      VigilHearingKind kind;
      VigilHearingStatus status;
      gboolean closed;
      const char *notes = NULL;
      g_autofree char *named_note = NULL;
      GDateTime *stored;

      if (i == 0)
        kind = VIGIL_HEARING_KIND_PRELIMINARY;
      else if (last && stage == VIGIL_CASE_STAGE_APPEAL && count > 2)
        kind = VIGIL_HEARING_KIND_APPEAL;
      else if ((last || (i + 2 == count && stage == VIGIL_CASE_STAGE_APPEAL)) && decided)
        kind = VIGIL_HEARING_KIND_VERDICT;
      else
        kind = vigil_demo_rng_chance (&d->rng, 45) ? VIGIL_HEARING_KIND_TESTIMONY
                                                   : VIGIL_HEARING_KIND_MAIN;
      closed = kind == VIGIL_HEARING_KIND_TESTIMONY ? vigil_demo_rng_chance (&d->rng, 70)
                                                    : vigil_demo_rng_chance (&d->rng, 10);

      if (g_date_time_compare (when, d->today) > 0)
        status = VIGIL_HEARING_STATUS_SCHEDULED;
      else
        status = vigil_demo_rng_chance (&d->rng, 15) ? VIGIL_HEARING_STATUS_ADJOURNED
                                          : VIGIL_HEARING_STATUS_HELD;
      if (status != VIGIL_HEARING_STATUS_SCHEDULED && vigil_demo_rng_chance (&d->rng, 40))
        notes = vigil_demo_pick (&d->rng, vigil_demo_hearing_notes);
      /* Monitors write names into notes; exports without identities must
       * catch that. */
      if (status == VIGIL_HEARING_STATUS_HELD && defendant != NULL
          && vigil_demo_rng_chance (&d->rng, 12))
        notes = named_note = g_strdup_printf ("Defendant %s spoke to the victim-witness during "
                                              "the break, in front of the courtroom.",
                                              defendant->note_surname);

      json_builder_begin_object (builder);
      vigil_json_add_time (builder, "starts_at", when);
      vigil_json_add_string (builder, "room", room);
      vigil_json_add_string (builder, "kind", vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND, kind));
      vigil_json_add_string (builder, "status", vigil_enum_to_nick (VIGIL_TYPE_HEARING_STATUS, status));
      vigil_json_add_boolean (builder, "closed_session", closed);
      vigil_json_add_string (builder, "adjournment_reason",
                  status == VIGIL_HEARING_STATUS_ADJOURNED
                    ? vigil_demo_pick (&d->rng, vigil_demo_adjournment_reasons)
                    : NULL);
      vigil_json_add_string (builder, "notes", notes);
      {
        VigilDemoHearing record = {
          .starts_at = when,
          .kind = kind,
          .status = status,
          .closed_session = closed,
          .last = last,
          .persons = persons,
          .n_persons = d->persons->len,
          .foreign = foreign,
          .languages = d->origin->languages,
          .compensation_open = compensation_open,
          .victim_prosecuted = victim_prosecuted,
          .case_outcome = outcome,
          .convicted_charge = vigil_demo_charges[0],
          .defendant_surname = defendant != NULL ? defendant->note_surname : NULL,
        };

        vigil_demo_hearing_record (&d->rng, builder, &record);
      }
      json_builder_end_object (builder);

      if (kind == VIGIL_HEARING_KIND_TESTIMONY)
        g_array_append_val (d->testimony, i);
      stored = g_date_time_ref (when);
      g_array_append_val (d->hearings, stored);
      {
        GDateTime *next = g_date_time_add_days (when, vigil_demo_rng_range (&d->rng, 21, 70));

        g_date_time_unref (when);
        when = next;
      }
    }
  json_builder_end_array (builder);
}

static void
make_measures (Demo *d, JsonBuilder *builder, gboolean foreign)
{
  json_builder_set_member_name (builder, "protection_measures");
  json_builder_begin_array (builder);
  for (guint p = 0; p < d->persons->len; p++)
    {
      Person *person = g_ptr_array_index (d->persons, p);
      guint count;

      if (person->role != VIGIL_PERSON_ROLE_VICTIM_WITNESS
          && person->role != VIGIL_PERSON_ROLE_CHILD_VICTIM)
        continue;
      count = vigil_demo_rng_range (&d->rng, 0, 2);
      for (guint m = 0; m < count; m++)
        {
          static const char * const at_hearing[] = {
            "police_escort", "separate_waiting_room", "video_link", "screen", "support_person",
            "separate_entrance", NULL,
          };
          gboolean around_hearing = d->testimony->len > 0 && vigil_demo_rng_chance (&d->rng, 80);
          const char *kind;
          const char *status;
          g_autoptr (GDateTime) starts_at = NULL;
          g_autoptr (GDateTime) ends_at = NULL;
          g_autofree char *details = NULL;
          guint index = 0;

          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "person", person->pseudonym);
          if (around_hearing)
            {
              GDateTime *hearing;

              index = g_array_index (d->testimony, guint,
                                     vigil_demo_rng_below (&d->rng, d->testimony->len));
              hearing = g_array_index (d->hearings, GDateTime *, index);
              kind = foreign && vigil_demo_rng_chance (&d->rng, 25)
                         ? "interpreter"
                         : vigil_demo_pick (&d->rng, at_hearing);
              starts_at = g_date_time_add_hours (hearing, -1);
              ends_at = g_date_time_add_hours (hearing, 4);
              if (g_date_time_compare (hearing, d->today) > 0)
                status = vigil_demo_rng_chance (&d->rng, 50) ? "requested" : "confirmed";
              else
                status = vigil_demo_rng_chance (&d->rng, 82) ? "delivered" : "failed";
              vigil_json_add_int (builder, "hearing_index", index);
            }
          else
            {
              GDateTime *first = g_array_index (d->hearings, GDateTime *, 0);

              kind = vigil_demo_rng_chance (&d->rng, 50) ? "risk_assessment" : "relocation";
              starts_at
                  = g_date_time_add_days (first, -(gint)vigil_demo_rng_range (&d->rng, 10, 60));
              status = vigil_demo_rng_chance (&d->rng, 80) ? "delivered" : "confirmed";
              vigil_json_add_string (builder, "hearing_index", NULL);
            }
          vigil_json_add_string (builder, "kind", kind);
          vigil_json_add_string (builder, "status", status);
          vigil_json_add_time (builder, "starts_at", starts_at);
          if (ends_at != NULL)
            vigil_json_add_time (builder, "ends_at", ends_at);
          else
            vigil_json_add_string (builder, "ends_at", NULL);
          vigil_json_add_string (builder, "responsible", vigil_demo_pick (&d->rng, vigil_demo_responsible));
          /* Some details hold the person's phone: it must stay sealed. */
          if (person->phone != NULL && vigil_demo_rng_chance (&d->rng, 30))
            details = g_strdup_printf ("The escort calls her at %s on the morning of the "
                                       "hearing.",
                                       person->phone);
          else
            details = g_strdup (vigil_demo_pick (&d->rng, vigil_demo_measure_details));
          vigil_json_add_string (builder, "details", details);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

static void
make_claims (Demo *d, JsonBuilder *builder, VigilCaseStage stage, VigilCaseOutcome outcome)
{
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint p = 0; p < d->persons->len; p++)
    {
      Person *person = g_ptr_array_index (d->persons, p);
      static const char * const statuses_early[] = { "drafting", "filed", NULL };
      static const char * const statuses_trial[] = { "filed", "heard", NULL };
      static const char * const statuses_won[] = { "awarded", "enforced", "paid", NULL };
      GDateTime *first = g_array_index (d->hearings, GDateTime *, 0);
      const char *status;
      const char *route;
      guint items, roll;
      gboolean heads_used[8] = { FALSE };

      if (!person->claims)
        continue;

      if (stage == VIGIL_CASE_STAGE_INVESTIGATION || stage == VIGIL_CASE_STAGE_PRE_TRIAL)
        status = vigil_demo_pick (&d->rng, statuses_early);
      else if (stage == VIGIL_CASE_STAGE_TRIAL)
        status = vigil_demo_pick (&d->rng, statuses_trial);
      else if (outcome == VIGIL_CASE_OUTCOME_CONVICTION
               || outcome == VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE)
        status = vigil_demo_pick (&d->rng, statuses_won);
      else
        status = "rejected";
      roll = vigil_demo_rng_below (&d->rng, 100);
      route = roll < 60 ? "civil_claim" : roll < 80 ? "state_fund" : roll < 90 ? "civil_suit"
                                                                   : "labour_tribunal";

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "claimant", person->pseudonym);
      vigil_json_add_string (builder, "route", route);
      vigil_json_add_string (builder, "status", status);
      vigil_json_add_string (builder, "currency", d->country->currency);
      if (g_str_equal (status, "drafting"))
        vigil_json_add_string (builder, "filed_at", NULL);
      else
        {
          g_autoptr (GDateTime) filed
              = g_date_time_add_days (first, -(gint)vigil_demo_rng_range (&d->rng, 5, 40));

          add_date (builder, "filed_at", filed);
        }
      if (g_str_equal (status, "drafting") || g_str_equal (status, "filed"))
        {
          g_autoptr (GDateTime) deadline
              = g_date_time_add_days (d->today, vigil_demo_rng_range (&d->rng, 30, 300));

          add_date (builder, "deadline", deadline);
        }
      else
        vigil_json_add_string (builder, "deadline", NULL);
      vigil_json_add_string (builder, "assets",
                  vigil_demo_rng_chance (&d->rng, 30) ? vigil_demo_pick (&d->rng, vigil_demo_assets)
                                                      : NULL);
      vigil_json_add_string (builder, "notes", NULL);

      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      items = vigil_demo_rng_range (&d->rng, 1, 4);
      for (guint i = 0; i < items; i++)
        {
          guint head = vigil_demo_rng_below (&d->rng, 6);
          gint64 claimed;

          if (heads_used[head])
            continue;
          heads_used[head] = TRUE;
          /* 500 to 25 000 euros' worth, in whole units of the currency. */
          claimed
              = (gint64)vigil_demo_rng_range (&d->rng, 5, 250) * 100 * d->country->minor_per_euro;
          claimed -= claimed % 100;
          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "head", vigil_claim_heads[head]);
          vigil_json_add_int (builder, "claimed_minor", claimed);
          if (g_strv_contains (statuses_won, status))
            {
              gint64 awarded = claimed * vigil_demo_rng_range (&d->rng, 40, 100) / 100;

              awarded -= awarded % 100;
              vigil_json_add_int (builder, "awarded_minor", awarded);
              if (g_str_equal (status, "paid"))
                vigil_json_add_int (builder, "paid_minor", awarded);
              else if (g_str_equal (status, "enforced"))
                vigil_json_add_int (builder, "paid_minor",
                         awarded * vigil_demo_rng_range (&d->rng, 0, 50) / 100);
              else
                vigil_json_add_string (builder, "paid_minor", NULL);
            }
          else
            {
              vigil_json_add_string (builder, "awarded_minor", NULL);
              vigil_json_add_string (builder, "paid_minor", NULL);
            }
          vigil_json_add_string (builder, "evidence",
                      vigil_demo_rng_chance (&d->rng, 70)
                          ? vigil_demo_pick (&d->rng, vigil_demo_evidence)
                          : NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
make_case (Demo *d, JsonBuilder *builder)
{
  static const char * const ref_keys[] = { "n", "y", "yy", NULL };
  const VigilDemoCourt *court;
  guint courts = 0, roll, year;
  VigilCaseStage stage;
  VigilCaseOutcome outcome = VIGIL_CASE_OUTCOME_NONE;
  g_autofree char *reference = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GPtrArray) charges = g_ptr_array_new ();
  gboolean foreign = FALSE;

  d->country = pick_country (&d->rng);
  while (d->country->courts[courts].name != NULL)
    courts++;
  court = &d->country->courts[vigil_demo_rng_below (&d->rng, courts)];

  roll = vigil_demo_rng_below (&d->rng, 100);
  stage = roll < 5    ? VIGIL_CASE_STAGE_INVESTIGATION
          : roll < 20 ? VIGIL_CASE_STAGE_PRE_TRIAL
          : roll < 65 ? VIGIL_CASE_STAGE_TRIAL
          : roll < 80 ? VIGIL_CASE_STAGE_APPEAL
                      : VIGIL_CASE_STAGE_CLOSED;
  /* Decided cases started earlier, so their hearings are all in the past. */
  year = stage == VIGIL_CASE_STAGE_APPEAL || stage == VIGIL_CASE_STAGE_CLOSED
           ? vigil_demo_rng_range (&d->rng, 2019, 2023)
           : vigil_demo_rng_range (&d->rng, 2023, 2026);

  /* References are unique per court: draw again on the rare repeat. */
  do
    {
      g_autofree char *n = g_strdup_printf ("%u", vigil_demo_rng_range (&d->rng, 1, 1999));
      g_autofree char *y = g_strdup_printf ("%u", year);
      g_autofree char *yy = g_strdup_printf ("%02u", year % 100);
      const char *values[] = { n, y, yy, NULL };

      g_clear_pointer (&reference, g_free);
      g_clear_pointer (&key, g_free);
      reference = vigil_demo_expand (&d->rng, court->reference, ref_keys, values);
      key = g_strdup_printf ("%s\x1f%s", court->name, reference);
    }
  while (g_hash_table_contains (d->references, key));
  g_hash_table_add (d->references, g_steal_pointer (&key));

  if (stage == VIGIL_CASE_STAGE_APPEAL || stage == VIGIL_CASE_STAGE_CLOSED)
    {
      roll = vigil_demo_rng_below (&d->rng, 100);
      outcome = roll < 60   ? VIGIL_CASE_OUTCOME_CONVICTION
                : roll < 75 ? VIGIL_CASE_OUTCOME_ACQUITTAL
                : roll < 90 ? VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE
                            : VIGIL_CASE_OUTCOME_DROPPED;
    }
  g_ptr_array_add (charges, (gpointer) vigil_demo_charges[0]);
  for (guint i = vigil_demo_rng_range (&d->rng, 0, 2); i > 0; i--)
    {
      const char *charge = vigil_demo_charges[vigil_demo_rng_range (
          &d->rng, 2, g_strv_length ((char **)vigil_demo_charges) - 1)];

      if (!g_ptr_array_find_with_equal_func (charges, charge, g_str_equal, NULL))
        g_ptr_array_add (charges, (gpointer) charge);
    }

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "reference", reference);
  vigil_json_add_string (builder, "court", court->name);
  vigil_json_add_string (builder, "jurisdiction", d->country->jurisdiction);
  vigil_json_add_string (builder, "stage", vigil_enum_to_nick (VIGIL_TYPE_CASE_STAGE, stage));
  vigil_json_add_string (builder, "outcome", vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, outcome));
  json_builder_set_member_name (builder, "charges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < charges->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (charges, i));
  json_builder_end_array (builder);
  vigil_json_add_string (builder, "convicted_charge",
              outcome == VIGIL_CASE_OUTCOME_CONVICTION ? vigil_demo_charges[0] : NULL);
  vigil_json_add_boolean (builder, "adjourned_sine_die",
               stage == VIGIL_CASE_STAGE_TRIAL && vigil_demo_rng_chance (&d->rng, 5));
  vigil_json_add_string (builder, "notes",
              vigil_demo_rng_chance (&d->rng, 35) ? vigil_demo_pick (&d->rng, vigil_demo_case_notes)
                                                  : NULL);

  d->year = year;
  make_persons (d, builder, &foreign);
  /* Who claims compensation is known before the hearings: a claim open
   * is a fact of each hearing. */
  for (guint i = 0; i < d->persons->len; i++)
    {
      Person *person = g_ptr_array_index (d->persons, i);

      person->claims = (person->role == VIGIL_PERSON_ROLE_VICTIM
                        || person->role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
                        || person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM)
                       && vigil_demo_rng_chance (&d->rng, 55);
    }
  make_hearings (d, builder, stage, outcome, year, foreign);
  make_measures (d, builder, foreign);
  make_claims (d, builder, stage, outcome);
  json_builder_end_object (builder);

  g_ptr_array_set_size (d->persons, 0);
  for (guint i = 0; i < d->hearings->len; i++)
    g_date_time_unref (g_array_index (d->hearings, GDateTime *, i));
  g_array_set_size (d->hearings, 0);
  g_array_set_size (d->testimony, 0);
}

/* public API */

/**
 * vigil_demo_generate:
 * @n_cases: how many cases, at most %VIGIL_DEMO_MAX_CASES
 * @seed: any number; the same one gives the same document
 *
 * Returns: (transfer full): an interchange document of fictional cases
 */
JsonNode *
vigil_demo_generate (guint n_cases, guint64 seed)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  Demo d = { 0 };
  JsonNode *root;

  g_return_val_if_fail (n_cases <= VIGIL_DEMO_MAX_CASES, NULL);

  vigil_demo_rng_seed (&d.rng, seed);
  d.references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.persons = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  d.hearings = g_array_new (FALSE, FALSE, sizeof (GDateTime *));
  d.testimony = g_array_new (FALSE, FALSE, sizeof (guint));
  d.today = g_date_time_new_utc (DEMO_TODAY_YEAR, DEMO_TODAY_MONTH, DEMO_TODAY_DAY, 0, 0, 0);

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "format", VIGIL_INTERCHANGE_FORMAT);
  vigil_json_add_int (builder, "version", VIGIL_INTERCHANGE_VERSION);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_cases; i++)
    make_case (&d, builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  g_hash_table_unref (d.references);
  g_ptr_array_unref (d.persons);
  g_array_unref (d.hearings);
  g_array_unref (d.testimony);
  g_date_time_unref (d.today);
  return root;
}
