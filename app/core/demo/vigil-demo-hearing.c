/* vigil-demo-hearing.c: what a monitor records about one demo hearing
 *
 * Who attended follows from the kind of hearing and the persons of the
 * case (victim-witnesses testify at testimony hearings, an interpreter
 * comes for foreign victims, a guardian with a child); the facts follow
 * from who attended; observations are made only on standards that apply
 * to those facts, as the checklist of the hearing page offers them; and
 * some held hearings are assessed, mostly as the rule suggests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-demo"

#include "config.h"

#include "vigil-json-private.h"
#include "vigil-applicability.h"
#include "vigil-assessment.h"
#include "vigil-catalogue.h"
#include "vigil-demo-private.h"
#include "vigil-enum-types.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"

/* The most observations a demo hearing gets. */
#define MAX_OBSERVATIONS 7

typedef struct
{
  const VigilDemoPerson *person;
  gboolean               testified;
} Present;

/* private helpers */

static gboolean
is_victim (int role)
{
  return role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
         || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
}

/* Who is in court, in the order of the case's persons. */
static GArray *
choose_attendance (VigilDemoRng *rng, const VigilDemoHearing *h)
{
  GArray *present = g_array_new (FALSE, TRUE, sizeof (Present));
  gboolean testimony = h->kind == VIGIL_HEARING_KIND_TESTIMONY;
  gboolean verdict = h->kind == VIGIL_HEARING_KIND_VERDICT;
  gboolean victim_came = FALSE, child_came = FALSE;

  if (h->status == VIGIL_HEARING_STATUS_SCHEDULED)
    return present;
  /* Victims and defendants first: the others come for them. */
  for (guint i = 0; i < h->n_persons; i++)
    {
      const VigilDemoPerson *person = &h->persons[i];
      Present p = { person, FALSE };

      if (is_victim (person->role))
        {
          gboolean witness = person->role != VIGIL_PERSON_ROLE_VICTIM;

          if (!vigil_demo_rng_chance (rng, testimony && witness ? 90 : verdict ? 50 : 35))
            continue;
          p.testified = h->status == VIGIL_HEARING_STATUS_HELD && testimony && witness
                        && vigil_demo_rng_chance (rng, 85);
          victim_came = TRUE;
          child_came |= person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
        }
      else if (person->role == VIGIL_PERSON_ROLE_DEFENDANT)
        {
          if (!vigil_demo_rng_chance (rng, verdict ? 100 : 88))
            continue;
        }
      else
        continue;
      g_array_append_val (present, p);
    }
  for (guint i = 0; i < h->n_persons; i++)
    {
      const VigilDemoPerson *person = &h->persons[i];
      Present p = { person, FALSE };
      guint chance;

      switch (person->role)
        {
        case VIGIL_PERSON_ROLE_INTERPRETER:
          /* Foreign victims are interpreted for; now and then the
           * interpreter does not come, and the monitor notes it. */
          chance = victim_came && h->foreign ? 85 : 0;
          break;
        case VIGIL_PERSON_ROLE_GUARDIAN:
          chance = child_came ? 95 : 0;
          break;
        case VIGIL_PERSON_ROLE_SUPPORT_PERSON:
          chance = victim_came ? 75 : 0;
          break;
        case VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE:
          chance = 70;
          break;
        case VIGIL_PERSON_ROLE_WITNESS:
          chance = testimony ? 60 : 20;
          break;
        default:
          chance = 0;
          break;
        }
      if (!vigil_demo_rng_chance (rng, chance))
        continue;
      p.testified = person->role == VIGIL_PERSON_ROLE_WITNESS && testimony
                    && h->status == VIGIL_HEARING_STATUS_HELD && vigil_demo_rng_chance (rng, 70);
      g_array_append_val (present, p);
    }
  return present;
}

static void
add_facts (VigilDemoRng *rng, JsonBuilder *builder, const VigilDemoHearing *h, GArray *present,
           VigilHearingFacts *facts)
{
  gboolean victim_came = FALSE, interpreter_came = FALSE;
  gboolean held = h->status == VIGIL_HEARING_STATUS_HELD;
  gboolean decides = held && (h->kind == VIGIL_HEARING_KIND_VERDICT);
  int outcome = VIGIL_CASE_OUTCOME_NONE;

  vigil_hearing_facts_init (facts);
  facts->kind = h->kind;
  facts->status = h->status;
  facts->closed_session = h->closed_session;
  for (guint i = 0; i < present->len; i++)
    {
      const Present *p = &g_array_index (present, Present, i);

      victim_came |= is_victim (p->person->role);
      interpreter_came |= p->person->role == VIGIL_PERSON_ROLE_INTERPRETER;
      vigil_hearing_facts_add_attendee (facts, p->person->role,
                                        p->person->role == VIGIL_PERSON_ROLE_CHILD_VICTIM,
                                        p->testified);
    }
  /* What a verdict decided is the case's outcome; charges dropped are no
   * verdict. */
  if (decides && h->case_outcome != VIGIL_CASE_OUTCOME_DROPPED)
    outcome = h->case_outcome;
  facts->media_present = h->status != VIGIL_HEARING_STATUS_SCHEDULED && !h->closed_session
                         && vigil_demo_rng_chance (rng, 20);
  facts->interpreter_present = interpreter_came;
  facts->foreign_victim = h->foreign && h->status != VIGIL_HEARING_STATUS_SCHEDULED;
  facts->interpretation_needed = h->foreign && victim_came;
  facts->compensation_route_open =
    h->compensation_open && h->status != VIGIL_HEARING_STATUS_SCHEDULED;
  facts->victim_prosecuted = h->victim_prosecuted && h->status != VIGIL_HEARING_STATUS_SCHEDULED;
  facts->outcome = outcome;

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  vigil_json_add_boolean (builder, "media_present", facts->media_present);
  vigil_json_add_boolean (builder, "interpreter_present", facts->interpreter_present);
  json_builder_set_member_name (builder, "interpreter_languages");
  json_builder_begin_array (builder);
  for (guint i = 0; interpreter_came && h->languages != NULL && h->languages[i] != NULL; i++)
    json_builder_add_string_value (builder, h->languages[i]);
  json_builder_end_array (builder);
  vigil_json_add_boolean (builder, "foreign_victim", facts->foreign_victim);
  vigil_json_add_boolean (builder, "interpretation_needed", facts->interpretation_needed);
  vigil_json_add_boolean (builder, "compensation_route_open", facts->compensation_route_open);
  vigil_json_add_boolean (builder, "victim_prosecuted", facts->victim_prosecuted);
  vigil_json_add_boolean (builder, "adjourned_sine_die",
               h->status == VIGIL_HEARING_STATUS_ADJOURNED && h->last
                 && vigil_demo_rng_chance (rng, 50));
  vigil_json_add_string (builder, "outcome", vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, outcome));
  vigil_json_add_string (builder, "convicted_charge",
              outcome == VIGIL_CASE_OUTCOME_CONVICTION ? h->convicted_charge : NULL);
  json_builder_end_object (builder);
}

static void
add_attendance (JsonBuilder *builder, GArray *present)
{
  json_builder_set_member_name (builder, "attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < present->len; i++)
    {
      const Present *p = &g_array_index (present, Present, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "person", p->person->pseudonym);
      vigil_json_add_boolean (builder, "testified", p->testified);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Timestamped notes during the hearing, a few minutes apart. */
static void
add_entries (VigilDemoRng           *rng,
             JsonBuilder            *builder,
             const VigilDemoHearing *h,
             gboolean                failed,
             const char             *monitor)
{
  guint n = vigil_demo_rng_chance (rng, 45) ? vigil_demo_rng_range (rng, 1, 3) : 0;
  g_autoptr (GDateTime) at = g_date_time_add_minutes (h->starts_at,
                                                      vigil_demo_rng_range (rng, 5, 60));

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *named = NULL;
      const char *text;
      GDateTime *next;

      /* Monitors write names into notes; a pseudonymous export must
       * leave such an entry out. */
      if (failed && h->defendant_surname != NULL && vigil_demo_rng_chance (rng, 8))
        text = named = g_strdup_printf ("%s looked at the victim-witness throughout her "
                                        "testimony.",
                                        h->defendant_surname);
      else
        text = vigil_demo_pick (rng, failed ? vigil_demo_observation_notes_bad
                                            : vigil_demo_observation_notes_good);
      json_builder_begin_object (builder);
      vigil_json_add_time (builder, "noted_at", at);
      vigil_json_add_string (builder, "monitor", monitor);
      vigil_json_add_string (builder, "text", text);
      json_builder_end_object (builder);
      next = g_date_time_add_minutes (at, vigil_demo_rng_range (rng, 3, 40));
      g_date_time_unref (at);
      at = next;
    }
  json_builder_end_array (builder);
}

/* Observations on some of the standards that apply, counted into @tally. */
static void
add_observations (VigilDemoRng            *rng,
                  JsonBuilder             *builder,
                  const VigilDemoHearing  *h,
                  const VigilHearingFacts *facts,
                  const char              *monitor,
                  VigilGradeTally         *tally)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (GListModel) applicable = NULL;
  guint n_applicable, count;
  gboolean chosen[256] = { FALSE };

  json_builder_set_member_name (builder, "observations");
  json_builder_begin_array (builder);
  if (h->status != VIGIL_HEARING_STATUS_HELD)
    {
      json_builder_end_array (builder);
      return;
    }
  applicable = vigil_catalogue_applicable (catalogue, facts);
  n_applicable = MIN (g_list_model_get_n_items (applicable), G_N_ELEMENTS (chosen));
  count = MIN (vigil_demo_rng_range (rng, 0, MAX_OBSERVATIONS), n_applicable);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr (VigilStandard) standard = NULL;
      guint index = vigil_demo_rng_below (rng, n_applicable);
      guint roll = vigil_demo_rng_below (rng, 100);
      VigilObservationStatus status = roll < 50   ? VIGIL_OBSERVATION_STATUS_RESPECTED
                                      : roll < 70 ? VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
                                      : roll < 88 ? VIGIL_OBSERVATION_STATUS_NOT_RESPECTED
                                      : roll < 93 ? VIGIL_OBSERVATION_STATUS_NOT_APPLICABLE
                                                  : VIGIL_OBSERVATION_STATUS_NOT_OBSERVED;
      gboolean failed = status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
                        || status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED;
      const char *severity = NULL;

      /* A standard drawn twice is observed once. */
      if (chosen[index])
        continue;
      chosen[index] = TRUE;
      standard = g_list_model_get_item (applicable, index);
      if (status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED)
        severity = vigil_demo_rng_chance (rng, 70) ? "minor" : "serious";
      else if (status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED)
        severity = vigil_demo_rng_chance (rng, 65) ? "serious" : "grave";
      /* Sometimes the monitor did not weigh a failure. */
      if (failed && vigil_demo_rng_chance (rng, 10))
        severity = NULL;
      vigil_grade_tally_add (tally, status, severity);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "standard", vigil_standard_get_id (standard));
      vigil_json_add_string (builder, "status", vigil_enum_to_nick (VIGIL_TYPE_OBSERVATION_STATUS, status));
      vigil_json_add_string (builder, "severity", severity);
      vigil_json_add_string (builder, "monitor", monitor);
      vigil_json_add_string (builder, "notes",
                  !vigil_demo_rng_chance (rng, 40) ? NULL
                  : failed ? vigil_demo_pick (rng, vigil_demo_observation_notes_bad)
                           : vigil_demo_pick (rng, vigil_demo_observation_notes_good));
      add_entries (rng, builder, h, failed, monitor);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_assessment (VigilDemoRng           *rng,
                JsonBuilder            *builder,
                const VigilDemoHearing *h,
                const VigilGradeTally  *tally,
                const char             *monitor)
{
  VigilGrade suggested = vigil_grade_suggest (tally);
  VigilGrade grade = suggested;
  g_autoptr (GDateTime) decided_at = NULL;

  json_builder_set_member_name (builder, "assessment");
  if (vigil_grade_tally_assessed (tally) == 0 || !vigil_demo_rng_chance (rng, 55))
    {
      json_builder_add_null_value (builder);
      return;
    }
  /* Most decisions confirm the rule; some grade one step more severely,
   * for what the checklist does not show. */
  if (suggested < VIGIL_GRADE_GRAVE_SHORTCOMINGS && vigil_demo_rng_chance (rng, 15))
    grade = suggested + 1;
  decided_at = g_date_time_add_hours (h->starts_at, vigil_demo_rng_range (rng, 4, 40));

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "grade", vigil_enum_to_nick (VIGIL_TYPE_GRADE, grade));
  vigil_json_add_string (builder, "suggested", vigil_enum_to_nick (VIGIL_TYPE_GRADE, suggested));
  json_builder_set_member_name (builder, "score");
  json_builder_add_int_value (builder, tally->score);
  vigil_json_add_string (builder, "reason",
              grade != suggested ? vigil_demo_pick (rng, vigil_demo_assessment_reasons) : NULL);
  vigil_json_add_time (builder, "decided_at", decided_at);
  vigil_json_add_string (builder, "monitor", monitor);
  json_builder_end_object (builder);
}

/* private API (vigil-demo-private.h) */

void
vigil_demo_hearing_record (VigilDemoRng *rng, JsonBuilder *builder, const VigilDemoHearing *h)
{
  g_autoptr (GArray) present = choose_attendance (rng, h);
  const char *monitor = vigil_demo_pick (rng, vigil_demo_monitors);
  VigilHearingFacts facts;
  VigilGradeTally tally = { 0 };

  add_facts (rng, builder, h, present, &facts);
  add_attendance (builder, present);
  add_observations (rng, builder, h, &facts, monitor, &tally);
  add_assessment (rng, builder, h, &tally, monitor);
}
