/* vigil-protection-rules.c: what is wrong with the protection planned
 * around hearings
 *
 * One pure function over what the caller loaded: the window, the command
 * line and the reminders all ask it, so a rule exists once. Who is
 * responsible for a measure is sealed; it is compared here, folded, to
 * find one team booked twice, and never written into a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-agenda.h"
#include "vigil-enum-types.h"
#include "vigil-protection-rules.h"
#include "vigil-record-rules.h"
#include "vigil-text.h"

/* The table of the README ("What each risk level calls for"): the lower
 * levels' measures and more. */
static const char * const required_low[] = { "support_person", NULL };
static const char * const required_medium[] = { "support_person", "separate_waiting_room", NULL };
static const char * const required_high[] = {
  "support_person", "separate_waiting_room", "police_escort", "separate_arrival", NULL,
};
static const char * const required_very_high[] = {
  "support_person", "separate_waiting_room", "police_escort", "separate_arrival",
  "video_link|screen", "relatives_protection", NULL,
};

/* Which standard of the catalogue each kind of measure serves. */
static const struct
{
  const char *kind;
  const char *standard;
} kind_standards[] = {
  { "police_escort", "police-protection" },
  { "separate_entrance", "no-visual-contact" },
  { "separate_waiting_room", "separate-waiting-room" },
  { "video_link", "no-direct-confrontation" },
  { "screen", "no-direct-confrontation" },
  { "video_link|screen", "no-direct-confrontation" },
  { "closed_session", "closed-session-for-victim" },
  { "support_person", "support-person-present" },
  { "interpreter", "interpreter-provided" },
  { "relocation", "whereabouts-not-disclosed" },
  { "risk_assessment", "risk-assessment" },
  { "relatives_protection", "protection-of-relatives" },
  { "familiarisation_visit", "support-person-present" },
  { "courtroom_accompaniment", "support-person-present" },
  { "separate_arrival", "no-visual-contact" },
  { "debrief", "support-person-present" },
};

typedef struct
{
  VigilProtectionCaseData *data;
  GHashTable              *hearings; /* id → VigilHearing */
  GHashTable              *persons;  /* id → VigilPerson */
} CaseIndex;

typedef struct
{
  const VigilProtectionSettings *settings;
  GPtrArray                     *problems;
} Check;

/* private helpers */

/* A kind as a person reads it; the either-or of the table too. */
static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, "video_link|screen"))
    return _("Testimony by video link or behind a screen");
  return vigil_protection_kind_label (kind);
}

static const char *
standard_of (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_standards); i++)
    if (g_strcmp0 (kind_standards[i].kind, kind) == 0)
      return kind_standards[i].standard;
  return "police-protection";
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : g_strdup ("?");
}

static G_GNUC_PRINTF (10, 11) void
add_problem (Check                     *c,
             const char                *rule,
             const char                *severity,
             const char                *standard_id,
             const char                *case_id,
             const char                *person_id,
             const char                *hearing_id,
             const VigilProtectionData *measure,
             const char                *risk_id,
             const char                *format,
             ...)
{
  VigilProtectionProblem *problem = g_new0 (VigilProtectionProblem, 1);
  va_list args;

  problem->rule = g_strdup (rule);
  problem->severity = g_strdup (severity);
  problem->standard_id = g_strdup (standard_id);
  problem->case_id = g_strdup (case_id);
  problem->person_id = g_strdup (measure != NULL ? measure->person_id : person_id);
  problem->hearing_id = g_strdup (measure != NULL && hearing_id == NULL ? measure->hearing_id
                                                                        : hearing_id);
  problem->measure_id = g_strdup (measure != NULL ? measure->id : NULL);
  problem->risk_id = g_strdup (risk_id);
  problem->kind = g_strdup (measure != NULL ? measure->kind : NULL);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (c->problems, problem);
}

static const char *
pseudonym_of (CaseIndex *index, const char *person_id)
{
  VigilPerson *person = person_id != NULL ? g_hash_table_lookup (index->persons, person_id) : NULL;

  return person != NULL ? vigil_person_get_pseudonym (person) : "?";
}

static gboolean
hearing_is_on (VigilHearing *hearing)
{
  return vigil_hearing_get_status (hearing) != VIGIL_HEARING_STATUS_ADJOURNED;
}

static gboolean
is_settled_yes (const char *status)
{
  return g_strcmp0 (status, "confirmed") == 0 || g_strcmp0 (status, "delivered") == 0;
}

/* Whether @measure's window holds @at; a measure without both ends of a
 * window is taken to cover its own hearing. */
static gboolean
window_holds (const VigilProtectionData *measure, GDateTime *at)
{
  if (measure->starts_at == NULL || measure->ends_at == NULL)
    return TRUE;
  return g_date_time_compare (measure->starts_at, at) <= 0
         && g_date_time_compare (at, measure->ends_at) <= 0;
}

/* A confirmed (or delivered) measure of @kind for @person_id at @hearing:
 * tied to it, or a period measure whose window holds it. @kind may be
 * "a|b". */
static gboolean
has_confirmed (CaseIndex    *index,
               const char   *person_id,
               VigilHearing *hearing,
               const char   *kind)
{
  g_auto (GStrv) kinds = g_strsplit (kind, "|", -1);
  GDateTime *at = vigil_hearing_get_starts_at (hearing);

  for (guint i = 0; i < index->data->measures->len; i++)
    {
      const VigilProtectionData *m = g_ptr_array_index (index->data->measures, i);

      if (!g_strv_contains ((const char * const *) kinds, m->kind)
          || !is_settled_yes (m->status)
          || (person_id != NULL && g_strcmp0 (m->person_id, person_id) != 0))
        continue;
      if (m->hearing_id != NULL)
        {
          if (g_str_equal (m->hearing_id, vigil_hearing_get_id (hearing)) && window_holds (m, at))
            return TRUE;
        }
      else if (m->starts_at != NULL && m->ends_at != NULL && window_holds (m, at))
        return TRUE;
    }
  return FALSE;
}

static const VigilRiskAssessmentData *
latest_risk (CaseIndex *index, const char *person_id)
{
  const VigilRiskAssessmentData *latest = NULL;

  for (guint i = 0; index->data->risks != NULL && i < index->data->risks->len; i++)
    {
      const VigilRiskAssessmentData *r = g_ptr_array_index (index->data->risks, i);

      if (g_strcmp0 (r->person_id, person_id) != 0)
        continue;
      if (latest == NULL || g_date_time_compare (r->assessed_at, latest->assessed_at) >= 0)
        latest = r;
    }
  return latest;
}

static gboolean
is_victim (VigilPersonRole role)
{
  return role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
         || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
}

static GDateTime *
date_start (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* The rules, one function each */

/* A victim who testifies has the confirmed measures their level calls
 * for, and is past their reflection period. */
static void
check_testimony (Check *c, CaseIndex *index)
{
  const char *jurisdiction = vigil_case_get_jurisdiction (index->data->kase);
  const char *case_id = vigil_case_get_id (index->data->kase);
  gpointer days = NULL;
  gboolean own_minimum = jurisdiction != NULL && c->settings->reflection_days != NULL
                         && g_hash_table_lookup_extended (c->settings->reflection_days,
                                                          jurisdiction, NULL, &days);

  for (guint h = 0; h < index->data->hearings->len; h++)
    {
      VigilHearing *hearing = g_ptr_array_index (index->data->hearings, h);
      g_autofree char *when = format_time (vigil_hearing_get_starts_at (hearing));

      if (!hearing_is_on (hearing))
        continue;
      for (guint a = 0; a < vigil_hearing_get_n_attendees (hearing); a++)
        {
          const VigilAttendee *att = vigil_hearing_get_attendee (hearing, a);
          VigilPerson *person = g_hash_table_lookup (index->persons, att->person_id);
          const VigilRiskAssessmentData *risk;
          const char *level;
          const char * const *required;
          const char *severity;
          g_autofree char *level_label = NULL;

          if (!att->testified || person == NULL || !is_victim (vigil_person_get_role (person)))
            continue;
          risk = latest_risk (index, att->person_id);
          level = risk != NULL ? risk->level : "low";
          required = vigil_protection_required_kinds (level);
          g_free (level_label);
          level_label = g_strdelimit (g_strdup (level), "_", ' ');
          severity = g_str_equal (level, "very_high") ? "grave"
                     : g_str_equal (level, "high")    ? "serious"
                                                      : "minor";
          for (guint k = 0; required[k] != NULL; k++)
            {
              VigilProtectionProblem *problem;

              if (has_confirmed (index, att->person_id, hearing, required[k]))
                continue;
              add_problem (c, VIGIL_PROTECTION_RULE_MISSING_MEASURE, severity,
                           standard_of (required[k]), case_id, att->person_id,
                           vigil_hearing_get_id (hearing), NULL, NULL,
                           _("%s testifies on %s at risk level %s: %s is not confirmed"),
                           att->pseudonym, when, level_label, kind_label (required[k]));
              /* The kind of the measure missing goes with it, for the
               * window to offer adding one. */
              problem = g_ptr_array_index (c->problems, c->problems->len - 1);
              problem->kind = g_strdup (required[k]);
            }
          if (vigil_person_get_identified_on (person) != NULL)
            {
              g_autoptr (GDateTime) identified = date_start (vigil_person_get_identified_on (person));
              g_autoptr (GDateTime) ends = NULL;

              if (identified == NULL)
                continue;
              ends = own_minimum ? g_date_time_add_days (identified, GPOINTER_TO_UINT (days))
                                 : g_date_time_add_months (identified, 3);
              if (g_date_time_compare (vigil_hearing_get_starts_at (hearing), ends) < 0)
                {
                  g_autofree char *until = g_date_time_format (ends, "%Y-%m-%d");

                  add_problem (c, VIGIL_PROTECTION_RULE_REFLECTION, "serious", "reflection-period",
                               case_id, att->person_id, vigil_hearing_get_id (hearing), NULL,
                               NULL,
                               _("%s testifies on %s, within the reflection period that runs "
                                 "until %s"),
                               att->pseudonym, when, until);
                }
            }
        }
    }
}

/* A child at a hearing has a guardian or a support person there. */
static void
check_children (Check *c, CaseIndex *index)
{
  const char *case_id = vigil_case_get_id (index->data->kase);

  for (guint h = 0; h < index->data->hearings->len; h++)
    {
      VigilHearing *hearing = g_ptr_array_index (index->data->hearings, h);
      gboolean escorted = FALSE;

      if (!hearing_is_on (hearing))
        continue;
      for (guint a = 0; a < vigil_hearing_get_n_attendees (hearing); a++)
        {
          const VigilAttendee *att = vigil_hearing_get_attendee (hearing, a);

          if (att->role == VIGIL_PERSON_ROLE_GUARDIAN
              || att->role == VIGIL_PERSON_ROLE_SUPPORT_PERSON)
            escorted = TRUE;
        }
      if (escorted)
        continue;
      for (guint a = 0; a < vigil_hearing_get_n_attendees (hearing); a++)
        {
          const VigilAttendee *att = vigil_hearing_get_attendee (hearing, a);
          g_autofree char *when = NULL;

          if (!att->is_child && att->role != VIGIL_PERSON_ROLE_CHILD_VICTIM)
            continue;
          if (has_confirmed (index, att->person_id, hearing, "support_person|courtroom_accompaniment"))
            continue;
          when = format_time (vigil_hearing_get_starts_at (hearing));
          add_problem (c, VIGIL_PROTECTION_RULE_CHILD_ALONE, "grave", "child-guardian", case_id,
                       att->person_id, vigil_hearing_get_id (hearing), NULL, NULL,
                       _("%s, a child, is at the hearing of %s without a guardian or a support "
                         "person"),
                       att->pseudonym, when);
        }
    }
}

/* A hearing needing interpretation has a confirmed interpreter. */
static void
check_interpreters (Check *c, CaseIndex *index)
{
  const char *case_id = vigil_case_get_id (index->data->kase);

  for (guint h = 0; h < index->data->hearings->len; h++)
    {
      VigilHearing *hearing = g_ptr_array_index (index->data->hearings, h);
      g_autofree char *when = NULL;

      if (!hearing_is_on (hearing) || !vigil_hearing_get_interpretation_needed (hearing)
          || has_confirmed (index, NULL, hearing, "interpreter"))
        continue;
      when = format_time (vigil_hearing_get_starts_at (hearing));
      add_problem (c, VIGIL_PROTECTION_RULE_NO_INTERPRETER, "serious", "interpreter-provided",
                   case_id, NULL, vigil_hearing_get_id (hearing), NULL, NULL,
                   _("The hearing of %s needs interpretation and no interpreter is confirmed"),
                   when);
    }
}

/* Each measure against its hearing and the time: its window still holds
 * the hearing, it is not left requested on the eve, and once the hearing
 * is over it was marked delivered or failed. */
static void
check_measures (Check *c, CaseIndex *index)
{
  const char *case_id = vigil_case_get_id (index->data->kase);
  GDateTime *now = c->settings->now;

  for (guint i = 0; i < index->data->measures->len; i++)
    {
      const VigilProtectionData *m = g_ptr_array_index (index->data->measures, i);
      VigilHearing *hearing = m->hearing_id != NULL
                                ? g_hash_table_lookup (index->hearings, m->hearing_id)
                                : NULL;
      GDateTime *at;
      g_autofree char *when = NULL;
      const char *pseudonym = pseudonym_of (index, m->person_id);
      GTimeSpan until;

      if (hearing == NULL || !hearing_is_on (hearing) || !vigil_protection_status_is_open (m->status))
        continue;
      at = vigil_hearing_get_starts_at (hearing);
      when = format_time (at);
      until = g_date_time_difference (at, now);

      if (until < 0)
        {
          add_problem (c, VIGIL_PROTECTION_RULE_NOT_SETTLED, "minor", standard_of (m->kind),
                       case_id, NULL, NULL, m, NULL,
                       _("%s for %s at the past hearing of %s was never marked delivered or "
                         "failed"),
                       kind_label (m->kind), pseudonym, when);
          continue;
        }
      if (!window_holds (m, at))
        {
          g_autofree char *from = format_time (m->starts_at);
          g_autofree char *to = format_time (m->ends_at);

          add_problem (c, VIGIL_PROTECTION_RULE_WINDOW_MISSED, "serious", standard_of (m->kind),
                       case_id, NULL, NULL, m, NULL,
                       _("%s for %s covers %s to %s, but the hearing is now at %s"),
                       kind_label (m->kind), pseudonym, from, to, when);
        }
      if (g_str_equal (m->status, "requested")
          && until <= (GTimeSpan) c->settings->requested_days * G_TIME_SPAN_DAY)
        add_problem (c, VIGIL_PROTECTION_RULE_STILL_REQUESTED, "serious", standard_of (m->kind),
                     case_id, NULL, NULL, m, NULL,
                     _("%s for %s at the hearing of %s is still only requested"),
                     kind_label (m->kind), pseudonym, when);
    }
}

static void
check_reviews (Check *c, CaseIndex *index)
{
  const char *case_id = vigil_case_get_id (index->data->kase);
  g_autofree char *today = g_date_time_format (c->settings->now, "%Y-%m-%d");

  for (guint p = 0; p < index->data->persons->len; p++)
    {
      VigilPerson *person = g_ptr_array_index (index->data->persons, p);
      const VigilRiskAssessmentData *risk = latest_risk (index, vigil_person_get_id (person));

      if (risk == NULL || risk->review_on == NULL || strcmp (risk->review_on, today) >= 0)
        continue;
      add_problem (c, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE, "serious", "risk-assessment", case_id,
                   vigil_person_get_id (person), NULL, NULL, risk->id,
                   _("The risk assessment of %s was due for review on %s"),
                   vigil_person_get_pseudonym (person), risk->review_on);
    }
}

/* Who is responsible, as typed twice by two people: case, accents and
 * spacing do not make another team. */
static char *
team_key (const char *responsible)
{
  g_autofree char *folded = vigil_text_fold (responsible);
  g_auto (GStrv) words = g_strsplit_set (folded != NULL ? folded : "", " \t\n", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (key->len > 0)
          g_string_append_c (key, ' ');
        g_string_append (key, words[i]);
      }
  return g_string_free (key, FALSE);
}

/* The folded name of who is responsible for @m, kept with its case. */
static const char *
team_of (CaseIndex *index, const VigilProtectionData *m)
{
  char *cached = g_hash_table_lookup (index->data->teams, m);

  if (cached == NULL)
    {
      cached = team_key (m->responsible);
      g_hash_table_insert (index->data->teams, (gpointer) m, cached);
    }
  return cached;
}

/* A case's hearings and persons by id, built when first needed: a check
 * of one case looks into the others only for a team they share. */
static void
ensure_index (CaseIndex *index)
{
  if (index->hearings != NULL)
    return;
  index->hearings = g_hash_table_new (g_str_hash, g_str_equal);
  index->persons = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < index->data->hearings->len; j++)
    {
      VigilHearing *hearing = g_ptr_array_index (index->data->hearings, j);

      g_hash_table_insert (index->hearings, (gpointer) vigil_hearing_get_id (hearing), hearing);
    }
  for (guint j = 0; j < index->data->persons->len; j++)
    {
      VigilPerson *person = g_ptr_array_index (index->data->persons, j);

      g_hash_table_insert (index->persons, (gpointer) vigil_person_get_id (person), person);
    }
}

static gboolean
may_be_booked (const VigilProtectionData *m)
{
  return m->hearing_id != NULL && m->responsible != NULL
         && vigil_protection_kind_is_staffed (m->kind)
         && vigil_protection_status_is_open (m->status);
}

/* One booking of a team: the measure and the time it holds them. */
typedef struct
{
  CaseIndex                 *index;
  const VigilProtectionData *measure;
  VigilHearing              *hearing;
  gint64                     from;
  gint64                     to;
} Booking;

static int
booking_compare (gconstpointer a, gconstpointer b)
{
  const Booking *x = *(Booking * const *) a;
  const Booking *y = *(Booking * const *) b;

  return x->from < y->from ? -1 : x->from > y->from;
}

/* The same support person, interpreter or escort team at two hearings
 * whose times overlap. */
static void
check_bookings (Check *c, CaseIndex *indexes, guint n_cases, const char *focus)
{
  g_autoptr (GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) focus_teams = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  GPtrArray *list;

  /* Re-checking one case: only the teams it books can clash. */
  for (guint i = 0; focus != NULL && i < n_cases; i++)
    if (g_str_equal (vigil_case_get_id (indexes[i].data->kase), focus))
      for (guint j = 0; j < indexes[i].data->measures->len; j++)
        {
          const VigilProtectionData *m = g_ptr_array_index (indexes[i].data->measures, j);

          if (may_be_booked (m))
            g_hash_table_add (focus_teams, (gpointer) team_of (&indexes[i], m));
        }

  for (guint i = 0; i < n_cases; i++)
    for (guint j = 0; j < indexes[i].data->measures->len; j++)
      {
        const VigilProtectionData *m = g_ptr_array_index (indexes[i].data->measures, j);
        VigilHearing *hearing;
        const char *cached;
        g_autofree char *team = NULL;
        Booking *booking;
        gint64 start;

        if (!may_be_booked (m))
          continue;
        cached = team_of (&indexes[i], m);
        if (cached[0] == '\0' || (focus != NULL && !g_hash_table_contains (focus_teams, cached)))
          continue;
        ensure_index (&indexes[i]);
        hearing = g_hash_table_lookup (indexes[i].hearings, m->hearing_id);
        if (hearing == NULL || !hearing_is_on (hearing))
          continue;
        team = g_strdup (cached);
        start = g_date_time_to_unix (vigil_hearing_get_starts_at (hearing));
        booking = g_new0 (Booking, 1);
        booking->index = &indexes[i];
        booking->measure = m;
        booking->hearing = hearing;
        if (m->starts_at != NULL && m->ends_at != NULL && window_holds (m, vigil_hearing_get_starts_at (hearing)))
          {
            booking->from = g_date_time_to_unix (m->starts_at);
            booking->to = g_date_time_to_unix (m->ends_at);
          }
        else
          {
            booking->from = start;
            booking->to = start + (gint64) c->settings->hearing_hours * 3600;
          }
        g_ptr_array_add (all, booking);
        list = g_hash_table_lookup (teams, team);
        if (list == NULL)
          {
            list = g_ptr_array_new ();
            g_hash_table_insert (teams, g_steal_pointer (&team), list);
          }
        g_ptr_array_add (list, booking);
      }

  g_hash_table_iter_init (&iter, teams);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
    {
      g_ptr_array_sort (list, booking_compare);
      for (guint i = 0; i < list->len; i++)
        {
          Booking *a = g_ptr_array_index (list, i);

          for (guint j = i + 1; j < list->len; j++)
            {
              Booking *b = g_ptr_array_index (list, j);
              Booking *pair[2] = { a, b };

              if (b->from >= a->to)
                break;
              if (a->hearing == b->hearing)
                continue;
              for (guint k = 0; k < 2; k++)
                {
                  Booking *self = pair[k], *other = pair[1 - k];
                  const char *case_id = vigil_case_get_id (self->index->data->kase);
                  g_autofree char *when = format_time (vigil_hearing_get_starts_at (other->hearing));

                  if (focus != NULL && !g_str_equal (focus, case_id))
                    continue;
                  add_problem (c, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED, "serious",
                               standard_of (self->measure->kind), case_id, NULL, NULL,
                               self->measure, NULL,
                               _("%s for %s: whoever carries it out is also booked for the "
                                 "hearing of %s in %s"),
                               kind_label (self->measure->kind),
                               pseudonym_of (self->index, self->measure->person_id),
                               when, vigil_case_get_reference (other->index->data->kase));
                }
            }
        }
    }
}

/* A folded name of who is responsible is as sealed as the name. */
static void
free_team (gpointer team)
{
  vigil_record_wipe_string (team);
}

/* public API */

VigilProtectionCaseData *
vigil_protection_case_data_new (VigilCase *kase)
{
  VigilProtectionCaseData *data = g_new0 (VigilProtectionCaseData, 1);

  data->kase = g_object_ref (kase);
  data->persons = g_ptr_array_new_with_free_func (g_object_unref);
  data->hearings = g_ptr_array_new_with_free_func (g_object_unref);
  data->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_data_free);
  data->risks = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_risk_assessment_data_free);
  data->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_hearing_move_free);
  data->teams = g_hash_table_new_full (NULL, NULL, NULL, free_team);
  return data;
}

void
vigil_protection_case_data_free (VigilProtectionCaseData *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->kase);
  g_clear_pointer (&data->persons, g_ptr_array_unref);
  g_clear_pointer (&data->hearings, g_ptr_array_unref);
  g_clear_pointer (&data->measures, g_ptr_array_unref);
  g_clear_pointer (&data->risks, g_ptr_array_unref);
  g_clear_pointer (&data->moves, g_ptr_array_unref);
  g_clear_pointer (&data->teams, g_hash_table_unref);
  g_free (data);
}

void
vigil_protection_settings_init (VigilProtectionSettings *settings, GDateTime *now)
{
  g_return_if_fail (settings != NULL && now != NULL);

  settings->now = now;
  settings->requested_days = 3;
  settings->reflection_days = NULL;
  settings->hearing_hours = 4;
}

void
vigil_protection_problem_free (VigilProtectionProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->rule);
  g_free (problem->severity);
  g_free (problem->standard_id);
  g_free (problem->case_id);
  g_free (problem->person_id);
  g_free (problem->hearing_id);
  g_free (problem->measure_id);
  g_free (problem->risk_id);
  g_free (problem->kind);
  g_free (problem->message);
  g_free (problem);
}

const char * const *
vigil_protection_required_kinds (const char *level)
{
  switch (vigil_risk_level_rank (level))
    {
    case 1:
      return required_medium;
    case 2:
      return required_high;
    case 3:
      return required_very_high;
    default:
      return required_low;
    }
}

GPtrArray *
vigil_protection_check (VigilProtectionCaseData * const *cases,
                        guint                            n_cases,
                        const char                      *focus_case_id,
                        const VigilProtectionSettings   *settings)
{
  Check c = { settings, NULL };
  g_autofree CaseIndex *indexes = g_new0 (CaseIndex, n_cases);

  g_return_val_if_fail (cases != NULL || n_cases == 0, NULL);
  g_return_val_if_fail (settings != NULL && settings->now != NULL, NULL);

  c.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_problem_free);
  for (guint i = 0; i < n_cases; i++)
    indexes[i].data = cases[i];

  for (guint i = 0; i < n_cases; i++)
    {
      if (focus_case_id != NULL
          && !g_str_equal (focus_case_id, vigil_case_get_id (cases[i]->kase)))
        continue;
      ensure_index (&indexes[i]);
      check_testimony (&c, &indexes[i]);
      check_children (&c, &indexes[i]);
      check_interpreters (&c, &indexes[i]);
      check_measures (&c, &indexes[i]);
      check_reviews (&c, &indexes[i]);
    }
  check_bookings (&c, indexes, n_cases, focus_case_id);

  for (guint i = 0; i < n_cases; i++)
    {
      g_clear_pointer (&indexes[i].hearings, g_hash_table_unref);
      g_clear_pointer (&indexes[i].persons, g_hash_table_unref);
    }
  return c.problems;
}

static char *
problem_key (const VigilProtectionProblem *problem)
{
  return g_strconcat (problem->rule, "/", problem->measure_id != NULL ? problem->measure_id : "",
                      "/", problem->person_id != NULL ? problem->person_id : "", "/",
                      problem->kind != NULL ? problem->kind : "", NULL);
}

GPtrArray *
vigil_protection_check_move (VigilProtectionCaseData       *data,
                             const char                    *hearing_id,
                             GDateTime                     *new_starts_at,
                             const VigilProtectionSettings *settings)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDateTime) old = NULL;
  VigilHearing *hearing = NULL;
  GPtrArray *broken;
  const char *case_id;

  g_return_val_if_fail (data != NULL && hearing_id != NULL && new_starts_at != NULL, NULL);

  broken = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_problem_free);
  for (guint i = 0; i < data->hearings->len; i++)
    if (g_str_equal (vigil_hearing_get_id (data->hearings->pdata[i]), hearing_id))
      hearing = data->hearings->pdata[i];
  if (hearing == NULL)
    return broken;

  case_id = vigil_case_get_id (data->kase);
  before = vigil_protection_check (&data, 1, case_id, settings);
  old = g_date_time_ref (vigil_hearing_get_starts_at (hearing));
  /* Judged on the case as it would be, then put back: the notify goes to
   * no one, the data is the caller's own copy. */
  vigil_hearing_set_starts_at (hearing, new_starts_at);
  after = vigil_protection_check (&data, 1, case_id, settings);
  vigil_hearing_set_starts_at (hearing, old);

  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (known, problem_key (before->pdata[i]));
  for (guint i = 0; i < after->len; i++)
    {
      VigilProtectionProblem *problem = g_ptr_array_index (after, i);
      g_autofree char *key = problem_key (problem);

      if (g_strcmp0 (problem->hearing_id, hearing_id) != 0 || g_hash_table_contains (known, key))
        continue;
      g_ptr_array_add (broken, g_ptr_array_steal_index (after, i--));
    }
  return broken;
}
