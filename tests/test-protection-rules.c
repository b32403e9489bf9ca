/* test-protection-rules.c: each protection rule firing and not firing,
 * over data built in memory; then a hearing moved in the store, and the
 * measures it broke found again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-agenda.h"
#include "vigil-protection-load.h"
#include "vigil-protection-rules.h"
#include "vigil-reminder.h"
#include "vigil-store-protection.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  GDateTime               *now;
  VigilProtectionSettings  settings;
  VigilProtectionCaseData *one;
  VigilProtectionCaseData *two;
  VigilPerson             *victim;
  VigilHearing            *hearing;
} Rules;

static VigilProtectionCaseData *
make_case (const char *reference, const char *jurisdiction)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();

  vigil_case_set_reference (kase, reference);
  vigil_case_set_court (kase, "Tribunalul Iași");
  vigil_case_set_jurisdiction (kase, jurisdiction);
  return vigil_protection_case_data_new (kase);
}

static VigilPerson *
make_person (VigilProtectionCaseData *data, const char *pseudonym, VigilPersonRole role)
{
  VigilPerson *person = vigil_person_new (vigil_case_get_id (data->kase));

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  vigil_person_set_is_child (person, role == VIGIL_PERSON_ROLE_CHILD_VICTIM);
  g_ptr_array_add (data->persons, person);
  return person;
}

static VigilHearing *
make_hearing (VigilProtectionCaseData *data, int month, int day, int hour)
{
  VigilHearing *hearing = vigil_hearing_new (vigil_case_get_id (data->kase));
  g_autoptr (GDateTime) when = g_date_time_new_utc (2026, month, day, hour, 0, 0);

  vigil_hearing_set_starts_at (hearing, when);
  g_ptr_array_add (data->hearings, hearing);
  return hearing;
}

static VigilProtectionData *
make_measure (VigilProtectionCaseData *data,
              VigilPerson             *person,
              VigilHearing            *hearing,
              const char              *kind,
              const char              *status)
{
  VigilProtectionData *m = vigil_protection_data_new ();

  m->id = g_uuid_string_random ();
  m->case_id = g_strdup (vigil_case_get_id (data->kase));
  m->person_id = g_strdup (vigil_person_get_id (person));
  m->hearing_id = hearing != NULL ? g_strdup (vigil_hearing_get_id (hearing)) : NULL;
  m->kind = g_strdup (kind);
  m->status = g_strdup (status);
  g_ptr_array_add (data->measures, m);
  return m;
}

static void
set_window (VigilProtectionData *m, int day, int from_hour, int to_hour)
{
  g_clear_pointer (&m->starts_at, g_date_time_unref);
  g_clear_pointer (&m->ends_at, g_date_time_unref);
  m->starts_at = g_date_time_new_utc (2026, 3, day, from_hour, 0, 0);
  m->ends_at = g_date_time_new_utc (2026, 3, day, to_hour, 0, 0);
}

static VigilRiskAssessmentData *
make_risk (VigilProtectionCaseData *data, VigilPerson *person, const char *level,
           const char *review_on)
{
  VigilRiskAssessmentData *r = vigil_risk_assessment_data_new ();

  r->id = g_uuid_string_random ();
  r->case_id = g_strdup (vigil_case_get_id (data->kase));
  r->person_id = g_strdup (vigil_person_get_id (person));
  r->level = g_strdup (level);
  r->assessed_at = g_date_time_new_utc (2026, 1, 10, 9, 0, 0);
  r->review_on = g_strdup (review_on);
  g_ptr_array_add (data->risks, r);
  return r;
}

/* Case one: V-01, identified long ago, testifies on 10 March 09:00; "now"
 * is 1 March noon. */
static void
rules_set_up (Rules *r, gconstpointer unused)
{
  r->now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  vigil_protection_settings_init (&r->settings, r->now);
  r->one = make_case ("K 1/2026", "Romania");
  r->two = make_case ("K 2/2026", "Romania");
  r->victim = make_person (r->one, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  vigil_person_set_identified_on (r->victim, "2025-06-01");
  r->hearing = make_hearing (r->one, 3, 10, 9);
  vigil_hearing_add_attendee (r->hearing, r->victim, TRUE);
}

static void
rules_tear_down (Rules *r, gconstpointer unused)
{
  g_clear_pointer (&r->one, vigil_protection_case_data_free);
  g_clear_pointer (&r->two, vigil_protection_case_data_free);
  g_clear_pointer (&r->settings.reflection_days, g_hash_table_unref);
  g_date_time_unref (r->now);
}

static GPtrArray *
run (Rules *r, const char *focus)
{
  VigilProtectionCaseData *cases[] = { r->one, r->two };

  return vigil_protection_check (cases, 2, focus, &r->settings);
}

/* How many problems of @rule there are; each names no responsible. */
static guint
count_rule (GPtrArray *problems, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      VigilProtectionProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->standard_id);
      g_assert_nonnull (p->severity);
      g_assert_null (strstr (p->message, "Ana Popescu"));
      if (g_str_equal (p->rule, rule))
        n++;
    }
  return n;
}

static VigilProtectionProblem *
first_of (GPtrArray *problems, const char *rule)
{
  for (guint i = 0; i < problems->len; i++)
    {
      VigilProtectionProblem *p = g_ptr_array_index (problems, i);

      if (g_str_equal (p->rule, rule))
        return p;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_missing_measure (Rules *r, gconstpointer unused)
{
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) low_ok = NULL;
  g_autoptr (GPtrArray) very_high = NULL;
  g_autoptr (GPtrArray) very_high_ok = NULL;
  VigilProtectionProblem *p;
  static const char * const kinds[] = {
    "separate_waiting_room", "police_escort", "separate_arrival", "relatives_protection", NULL,
  };

  /* No assessment counts as low: a support person is still called for. */
  none = run (r, NULL);
  g_assert_cmpuint (count_rule (none, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 1);
  p = first_of (none, VIGIL_PROTECTION_RULE_MISSING_MEASURE);
  g_assert_cmpstr (p->kind, ==, "support_person");
  g_assert_cmpstr (p->standard_id, ==, "support-person-present");
  g_assert_cmpstr (p->person_id, ==, vigil_person_get_id (r->victim));
  g_assert_cmpstr (p->hearing_id, ==, vigil_hearing_get_id (r->hearing));
  g_assert_nonnull (strstr (p->message, "V-01"));

  /* Requested is not confirmed. */
  make_measure (r->one, r->victim, r->hearing, "support_person", "requested");
  g_clear_pointer (&none, g_ptr_array_unref);
  none = run (r, NULL);
  g_assert_cmpuint (count_rule (none, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 1);

  make_measure (r->one, r->victim, r->hearing, "support_person", "confirmed");
  low_ok = run (r, NULL);
  g_assert_cmpuint (count_rule (low_ok, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 0);

  /* Very high: five more, the screen or the video link either. */
  make_risk (r->one, r->victim, "very_high", NULL);
  very_high = run (r, NULL);
  g_assert_cmpuint (count_rule (very_high, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 5);
  g_assert_cmpstr (first_of (very_high, VIGIL_PROTECTION_RULE_MISSING_MEASURE)->severity, ==,
                   "grave");
  for (guint i = 0; kinds[i] != NULL; i++)
    make_measure (r->one, r->victim, r->hearing, kinds[i], "confirmed");
  make_measure (r->one, r->victim, r->hearing, "screen", "delivered");
  very_high_ok = run (r, NULL);
  g_assert_cmpuint (count_rule (very_high_ok, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 0);
}

static void
test_window_missed (Rules *r, gconstpointer unused)
{
  VigilProtectionData *m = make_measure (r->one, r->victim, r->hearing, "police_escort",
                                         "confirmed");
  g_autoptr (GPtrArray) covered = NULL;
  g_autoptr (GPtrArray) moved = NULL;
  g_autoptr (GDateTime) later = g_date_time_new_utc (2026, 3, 11, 9, 0, 0);

  set_window (m, 10, 7, 13);
  covered = run (r, NULL);
  g_assert_cmpuint (count_rule (covered, VIGIL_PROTECTION_RULE_WINDOW_MISSED), ==, 0);

  vigil_hearing_set_starts_at (r->hearing, later);
  moved = run (r, NULL);
  g_assert_cmpuint (count_rule (moved, VIGIL_PROTECTION_RULE_WINDOW_MISSED), ==, 1);
  g_assert_cmpstr (first_of (moved, VIGIL_PROTECTION_RULE_WINDOW_MISSED)->measure_id, ==, m->id);
  g_assert_cmpstr (first_of (moved, VIGIL_PROTECTION_RULE_WINDOW_MISSED)->standard_id, ==,
                   "police-protection");
}

/* One interpreter at two hearings of two cases at once; then far enough
 * apart. Only open measures with someone responsible count. */
static void
test_double_booked (Rules *r, gconstpointer unused)
{
  VigilPerson *other = make_person (r->two, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  VigilHearing *second = make_hearing (r->two, 3, 10, 11);
  VigilProtectionData *a = make_measure (r->one, r->victim, r->hearing, "interpreter",
                                         "confirmed");
  VigilProtectionData *b = make_measure (r->two, other, second, "interpreter", "requested");
  g_autoptr (GPtrArray) clash = NULL;
  g_autoptr (GPtrArray) focused = NULL;
  g_autoptr (GPtrArray) apart = NULL;
  g_autoptr (GDateTime) afternoon = g_date_time_new_utc (2026, 3, 10, 14, 0, 0);

  a->responsible = g_strdup ("Ana Popescu, interpreter");
  b->responsible = g_strdup ("ana popescu,  Interpreter ");
  clash = run (r, NULL);
  g_assert_cmpuint (count_rule (clash, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED), ==, 2);
  g_assert_cmpstr (first_of (clash, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED)->standard_id, ==,
                   "interpreter-provided");

  /* Re-checking one case gives that case's side of it. */
  focused = run (r, vigil_case_get_id (r->one->kase));
  g_assert_cmpuint (count_rule (focused, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED), ==, 1);
  g_assert_cmpstr (first_of (focused, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED)->measure_id, ==, a->id);
  for (guint i = 0; i < focused->len; i++)
    g_assert_cmpstr (((VigilProtectionProblem *) focused->pdata[i])->case_id, ==,
                     vigil_case_get_id (r->one->kase));

  vigil_hearing_set_starts_at (second, afternoon);
  apart = run (r, NULL);
  g_assert_cmpuint (count_rule (apart, VIGIL_PROTECTION_RULE_DOUBLE_BOOKED), ==, 0);
}

static void
test_interpreter (Rules *r, gconstpointer unused)
{
  g_autoptr (GPtrArray) not_needed = NULL;
  g_autoptr (GPtrArray) needed = NULL;
  g_autoptr (GPtrArray) requested = NULL;
  g_autoptr (GPtrArray) confirmed = NULL;
  VigilProtectionData *m;

  not_needed = run (r, NULL);
  g_assert_cmpuint (count_rule (not_needed, VIGIL_PROTECTION_RULE_NO_INTERPRETER), ==, 0);
  vigil_hearing_set_interpretation_needed (r->hearing, TRUE);
  needed = run (r, NULL);
  g_assert_cmpuint (count_rule (needed, VIGIL_PROTECTION_RULE_NO_INTERPRETER), ==, 1);
  g_assert_cmpstr (first_of (needed, VIGIL_PROTECTION_RULE_NO_INTERPRETER)->hearing_id, ==,
                   vigil_hearing_get_id (r->hearing));
  m = make_measure (r->one, r->victim, r->hearing, "interpreter", "requested");
  requested = run (r, NULL);
  g_assert_cmpuint (count_rule (requested, VIGIL_PROTECTION_RULE_NO_INTERPRETER), ==, 1);
  g_free (m->status);
  m->status = g_strdup ("confirmed");
  confirmed = run (r, NULL);
  g_assert_cmpuint (count_rule (confirmed, VIGIL_PROTECTION_RULE_NO_INTERPRETER), ==, 0);
}

static void
test_child (Rules *r, gconstpointer unused)
{
  VigilPerson *child = make_person (r->one, "V-02", VIGIL_PERSON_ROLE_CHILD_VICTIM);
  VigilPerson *guardian = make_person (r->one, "G-01", VIGIL_PERSON_ROLE_GUARDIAN);
  g_autoptr (GPtrArray) alone = NULL;
  g_autoptr (GPtrArray) with_guardian = NULL;

  vigil_hearing_add_attendee (r->hearing, child, FALSE);
  alone = run (r, NULL);
  g_assert_cmpuint (count_rule (alone, VIGIL_PROTECTION_RULE_CHILD_ALONE), ==, 1);
  g_assert_cmpstr (first_of (alone, VIGIL_PROTECTION_RULE_CHILD_ALONE)->person_id, ==,
                   vigil_person_get_id (child));
  g_assert_cmpstr (first_of (alone, VIGIL_PROTECTION_RULE_CHILD_ALONE)->severity, ==, "grave");
  vigil_hearing_add_attendee (r->hearing, guardian, FALSE);
  with_guardian = run (r, NULL);
  g_assert_cmpuint (count_rule (with_guardian, VIGIL_PROTECTION_RULE_CHILD_ALONE), ==, 0);
}

/* Three months by default; a jurisdiction's own minimum instead. */
static void
test_reflection (Rules *r, gconstpointer unused)
{
  g_autoptr (GPtrArray) long_ago = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  g_autoptr (GPtrArray) thirty_days = NULL;

  long_ago = run (r, NULL);
  g_assert_cmpuint (count_rule (long_ago, VIGIL_PROTECTION_RULE_REFLECTION), ==, 0);
  vigil_person_set_identified_on (r->victim, "2026-01-15");
  recent = run (r, NULL);
  g_assert_cmpuint (count_rule (recent, VIGIL_PROTECTION_RULE_REFLECTION), ==, 1);
  g_assert_cmpstr (first_of (recent, VIGIL_PROTECTION_RULE_REFLECTION)->standard_id, ==,
                   "reflection-period");
  g_assert_nonnull (strstr (first_of (recent, VIGIL_PROTECTION_RULE_REFLECTION)->message,
                            "2026-04-15"));
  r->settings.reflection_days = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (r->settings.reflection_days, (gpointer) "Romania", GUINT_TO_POINTER (30));
  thirty_days = run (r, NULL);
  g_assert_cmpuint (count_rule (thirty_days, VIGIL_PROTECTION_RULE_REFLECTION), ==, 0);
}

static void
test_still_requested (Rules *r, gconstpointer unused)
{
  VigilHearing *soon = make_hearing (r->one, 3, 3, 9);
  VigilProtectionData *m = make_measure (r->one, r->victim, soon, "police_escort", "requested");
  VigilProtectionData *far = make_measure (r->one, r->victim, r->hearing, "police_escort",
                                           "requested");
  g_autoptr (GPtrArray) three = NULL;
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GPtrArray) confirmed = NULL;

  three = run (r, NULL);
  g_assert_cmpuint (count_rule (three, VIGIL_PROTECTION_RULE_STILL_REQUESTED), ==, 1);
  g_assert_cmpstr (first_of (three, VIGIL_PROTECTION_RULE_STILL_REQUESTED)->measure_id, ==, m->id);
  g_assert_cmpstr (first_of (three, VIGIL_PROTECTION_RULE_STILL_REQUESTED)->measure_id, !=,
                   far->id);
  r->settings.requested_days = 1;
  one = run (r, NULL);
  g_assert_cmpuint (count_rule (one, VIGIL_PROTECTION_RULE_STILL_REQUESTED), ==, 0);
  r->settings.requested_days = 3;
  g_free (m->status);
  m->status = g_strdup ("confirmed");
  confirmed = run (r, NULL);
  g_assert_cmpuint (count_rule (confirmed, VIGIL_PROTECTION_RULE_STILL_REQUESTED), ==, 0);
}

static void
test_not_settled (Rules *r, gconstpointer unused)
{
  VigilHearing *past = make_hearing (r->one, 2, 20, 9);
  VigilProtectionData *m = make_measure (r->one, r->victim, past, "separate_waiting_room",
                                         "confirmed");
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) delivered = NULL;

  vigil_hearing_set_status (past, VIGIL_HEARING_STATUS_HELD);
  open = run (r, NULL);
  g_assert_cmpuint (count_rule (open, VIGIL_PROTECTION_RULE_NOT_SETTLED), ==, 1);
  g_assert_cmpstr (first_of (open, VIGIL_PROTECTION_RULE_NOT_SETTLED)->standard_id, ==,
                   "separate-waiting-room");
  g_free (m->status);
  m->status = g_strdup ("delivered");
  delivered = run (r, NULL);
  g_assert_cmpuint (count_rule (delivered, VIGIL_PROTECTION_RULE_NOT_SETTLED), ==, 0);
}

static void
test_review (Rules *r, gconstpointer unused)
{
  VigilRiskAssessmentData *risk = make_risk (r->one, r->victim, "medium", "2026-02-01");
  g_autoptr (GPtrArray) overdue = NULL;
  g_autoptr (GPtrArray) due_later = NULL;

  overdue = run (r, NULL);
  g_assert_cmpuint (count_rule (overdue, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE), ==, 1);
  g_assert_cmpstr (first_of (overdue, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE)->risk_id, ==,
                   risk->id);
  g_assert_cmpstr (first_of (overdue, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE)->standard_id, ==,
                   "risk-assessment");
  g_free (risk->review_on);
  risk->review_on = g_strdup ("2026-04-01");
  due_later = run (r, NULL);
  g_assert_cmpuint (count_rule (due_later, VIGIL_PROTECTION_RULE_REVIEW_OVERDUE), ==, 0);
}

/* In the store: a hearing moves by a day; exactly the measures whose
 * windows held its old time (and still open) become problems. */
static VigilProtectionData *
store_measure (Fixture *f, VigilPerson *person, VigilHearing *hearing, const char *kind,
               const char *status, int from_hours, int to_hours)
{
  g_autoptr (GError) error = NULL;
  VigilProtectionData *m = vigil_protection_data_new ();
  GDateTime *at = vigil_hearing_get_starts_at (hearing);

  m->case_id = g_strdup (vigil_person_get_case_id (person));
  m->person_id = g_strdup (vigil_person_get_id (person));
  m->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  m->kind = g_strdup (kind);
  m->status = g_strdup (status);
  if (from_hours != to_hours)
    {
      m->starts_at = g_date_time_add_hours (at, from_hours);
      m->ends_at = g_date_time_add_hours (at, to_hours);
    }
  g_assert_true (vigil_store_add_protection_measure (f->store, m, &error));
  g_assert_no_error (error);
  return m;
}

static void
test_move_in_store (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 9/2026");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilHearing) moved = add_hearing (f, kase, 10, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilHearing) stays = add_hearing (f, kase, 12, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilProtectionData) escort = store_measure (f, person, moved, "police_escort",
                                                          "confirmed", -2, 4);
  g_autoptr (VigilProtectionData) room = store_measure (f, person, moved, "separate_waiting_room",
                                                        "requested", -1, 3);
  g_autoptr (VigilProtectionData) no_window = store_measure (f, person, moved, "screen",
                                                             "confirmed", 0, 0);
  g_autoptr (VigilProtectionData) cancelled = store_measure (f, person, moved, "video_link",
                                                             "requested", -1, 3);
  g_autoptr (VigilProtectionData) other = store_measure (f, person, stays, "police_escort",
                                                         "confirmed", -2, 4);
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) all_after = NULL;
  g_autoptr (GPtrArray) broken = g_ptr_array_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) next_day = g_date_time_add_days (vigil_hearing_get_starts_at (moved), 1);
  VigilProtectionSettings settings;

  vigil_protection_settings_init (&settings, now);
  g_assert_true (vigil_store_set_protection_status (f->store, cancelled->id, "cancelled", &error));
  g_assert_no_error (error);
  cases = vigil_protection_load_all (f->store, &error);
  g_assert_no_error (error);
  before = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len, NULL,
                                   &settings);
  g_assert_cmpuint (count_rule (before, VIGIL_PROTECTION_RULE_WINDOW_MISSED), ==, 0);

  vigil_hearing_set_starts_at (moved, next_day);
  g_assert_true (vigil_store_save_hearing (f->store, moved, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_protection_reload_case (f->store, cases, vigil_case_get_id (kase), &error));
  g_assert_no_error (error);
  after = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len,
                                  vigil_case_get_id (kase), &settings);
  for (guint i = 0; i < after->len; i++)
    {
      VigilProtectionProblem *p = g_ptr_array_index (after, i);

      if (g_str_equal (p->rule, VIGIL_PROTECTION_RULE_WINDOW_MISSED))
        g_ptr_array_add (broken, p->measure_id);
    }
  g_assert_cmpuint (broken->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (broken, escort->id, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (broken, room->id, g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (broken, no_window->id, g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (broken, other->id, g_str_equal, NULL));

  /* The one case re-checked says what the whole vault says of it. */
  all_after = vigil_protection_check ((VigilProtectionCaseData **) cases->pdata, cases->len,
                                      NULL, &settings);
  g_assert_cmpuint (all_after->len, ==, after->len);
}

/* Before saving: the move names exactly what it breaks, and leaves the
 * data as it was. */
static void
test_check_move (Rules *r, gconstpointer unused)
{
  VigilProtectionData *escort = make_measure (r->one, r->victim, r->hearing, "police_escort",
                                              "confirmed");
  VigilProtectionData *support = make_measure (r->one, r->victim, r->hearing, "support_person",
                                               "confirmed");
  g_autoptr (GDateTime) same_morning = g_date_time_new_utc (2026, 3, 10, 10, 0, 0);
  g_autoptr (GDateTime) next_day = g_date_time_new_utc (2026, 3, 11, 9, 0, 0);
  g_autoptr (GPtrArray) harmless = NULL;
  g_autoptr (GPtrArray) breaking = NULL;
  VigilProtectionProblem *p;

  set_window (escort, 10, 7, 13);
  set_window (support, 10, 8, 12);
  harmless = vigil_protection_check_move (r->one, vigil_hearing_get_id (r->hearing), same_morning,
                                          &r->settings);
  g_assert_cmpuint (harmless->len, ==, 0);
  breaking = vigil_protection_check_move (r->one, vigil_hearing_get_id (r->hearing), next_day,
                                          &r->settings);
  /* Both windows missed, and the support person the level calls for no
   * longer confirmed at the new time. */
  g_assert_cmpuint (count_rule (breaking, VIGIL_PROTECTION_RULE_WINDOW_MISSED), ==, 2);
  g_assert_cmpuint (count_rule (breaking, VIGIL_PROTECTION_RULE_MISSING_MEASURE), ==, 1);
  g_assert_cmpuint (breaking->len, ==, 3);
  p = first_of (breaking, VIGIL_PROTECTION_RULE_WINDOW_MISSED);
  g_assert_true (g_str_equal (p->measure_id, escort->id) || g_str_equal (p->measure_id, support->id));
  g_assert_cmpint (g_date_time_get_day_of_month (vigil_hearing_get_starts_at (r->hearing)), ==, 10);
}

/* The agenda of a week: each hearing, its measures under it, the
 * problems beside them; filters by person, court and agency. */
static void
test_agenda (Rules *r, gconstpointer unused)
{
  VigilPerson *other = make_person (r->two, "V-02", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  VigilHearing *second = make_hearing (r->two, 3, 11, 9);
  VigilHearing *later = make_hearing (r->one, 4, 20, 9);
  VigilProtectionData *escort = make_measure (r->one, r->victim, r->hearing, "police_escort",
                                              "requested");
  VigilProtectionData *support = make_measure (r->two, other, second, "support_person",
                                               "confirmed");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) only_problems = NULL;
  g_autoptr (GPtrArray) by_person = NULL;
  g_autoptr (GPtrArray) by_agency = NULL;
  g_autoptr (GPtrArray) by_court = NULL;
  g_autoptr (GDateTime) from = g_date_time_new_utc (2026, 3, 9, 0, 0, 0);
  g_autoptr (GDateTime) to = g_date_time_new_utc (2026, 3, 16, 0, 0, 0);
  VigilProtectionCaseData *cases[2];
  VigilAgendaFilter filter = { 0 };
  VigilAgendaRow *row;

  cases[0] = r->one;
  cases[1] = r->two;
  vigil_case_set_court (r->two->kase, "Tribunalul Cluj");
  escort->responsible = g_strdup ("Poliția de Frontieră");
  support->responsible = g_strdup ("ADPARE support team");
  vigil_hearing_add_attendee (second, other, TRUE);
  problems = vigil_protection_check (cases, 2, NULL, &r->settings);
  rows = vigil_agenda_build (cases, 2, problems, from, to, FALSE);
  /* Hearing 10 March, its problem (no support person), the escort;
   * hearing 11 March, its measure. The April hearing is not in the week. */
  g_assert_cmpuint (rows->len, ==, 5);
  row = rows->pdata[0];
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_HEARING);
  g_assert_true (row->hearing == r->hearing);
  g_assert_cmpstr (row->testifying, ==, "V-01");
  row = rows->pdata[1];
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_PROBLEM);
  g_assert_cmpstr (row->problem->rule, ==, VIGIL_PROTECTION_RULE_MISSING_MEASURE);
  row = rows->pdata[2];
  g_assert_cmpint (row->kind, ==, VIGIL_AGENDA_MEASURE);
  g_assert_true (row->measure == escort);
  g_assert_cmpstr (row->pseudonym, ==, "V-01");
  row = rows->pdata[3];
  g_assert_true (row->hearing == second);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (((VigilAgendaRow *) rows->pdata[i])->hearing != later);

  only_problems = vigil_agenda_build (cases, 2, problems, from, to, TRUE);
  g_assert_cmpuint (only_problems->len, ==, 1);

  filter.pseudonym = "v-02";
  by_person = vigil_agenda_filter (rows, &filter);
  g_assert_cmpuint (by_person->len, ==, 2);
  g_assert_true (((VigilAgendaRow *) by_person->pdata[1])->measure == support);
  filter.pseudonym = NULL;
  filter.agency = "politia";
  by_agency = vigil_agenda_filter (rows, &filter);
  g_assert_cmpuint (by_agency->len, ==, 2);
  g_assert_true (((VigilAgendaRow *) by_agency->pdata[1])->measure == escort);
  filter.agency = NULL;
  filter.court = "Tribunalul Cluj";
  by_court = vigil_agenda_filter (rows, &filter);
  g_assert_cmpuint (by_court->len, ==, 2);
}

/* Requested measures of hearings in the next hours are counted; the text
 * names no one. */
static void
test_reminder (Rules *r, gconstpointer unused)
{
  VigilHearing *tomorrow = make_hearing (r->one, 3, 2, 9);
  VigilHearing *adjourned = make_hearing (r->one, 3, 2, 11);
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;

  make_measure (r->one, r->victim, tomorrow, "police_escort", "requested");
  make_measure (r->one, r->victim, tomorrow, "support_person", "requested");
  make_measure (r->one, r->victim, tomorrow, "screen", "confirmed");
  make_measure (r->one, r->victim, adjourned, "video_link", "requested");
  make_measure (r->one, r->victim, r->hearing, "interpreter", "requested");
  vigil_hearing_set_status (adjourned, VIGIL_HEARING_STATUS_ADJOURNED);
  g_assert_cmpuint (vigil_reminder_count_unconfirmed (&r->one, 1, r->now, 24), ==, 2);
  g_assert_cmpuint (vigil_reminder_count_unconfirmed (&r->one, 1, r->now, 12), ==, 0);
  g_assert_cmpuint (vigil_reminder_count_unconfirmed (&r->one, 1, r->now, 24 * 10), ==, 3);
  text = vigil_reminder_text (2, 24);
  g_assert_cmpstr (text, ==, "2 protection measures for tomorrow’s hearings are not confirmed");
  other = vigil_reminder_text (1, 48);
  g_assert_cmpstr (other, ==, "1 protection measure for hearings in the next 48 hours is not "
                              "confirmed");
  g_assert_null (vigil_reminder_text (0, 24));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define RULE(path, fn) \
  g_test_add ("/protection/rules/" path, Rules, NULL, rules_set_up, fn, rules_tear_down)
  RULE ("missing-measure", test_missing_measure);
  RULE ("window-missed", test_window_missed);
  RULE ("double-booked", test_double_booked);
  RULE ("interpreter-not-confirmed", test_interpreter);
  RULE ("child-unaccompanied", test_child);
  RULE ("reflection-period", test_reflection);
  RULE ("still-requested", test_still_requested);
  RULE ("not-settled", test_not_settled);
  RULE ("review-overdue", test_review);
  RULE ("check-move", test_check_move);
  RULE ("agenda", test_agenda);
  RULE ("reminder", test_reminder);
#undef RULE
  g_test_add ("/protection/rules/move-in-store", Fixture, NULL, fixture_set_up,
              test_move_in_store, fixture_tear_down);
  return g_test_run ();
}
