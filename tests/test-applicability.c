/* test-applicability.c: which standards apply to a hearing, case by case
 *
 * Each case records the facts of one hearing and names the whole set of
 * standards of the shipped catalogue that must apply: a standard that
 * applies too often clutters the monitor's checklist, one that applies too
 * rarely is never checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-error.h"

/* What applies to any held hearing that is not a preliminary one. */
#define BASE "data-shared-with-consent evidence-beyond-testimony identity-not-disclosed " \
             "personal-data-protected whereabouts-not-disclosed"
/* What a victim's presence adds. */
#define VICTIM "compensation-informed legal-representation non-punishment right-to-information " \
               "risk-assessment separate-waiting-room support-not-conditional " \
               "support-person-present victim-as-party"
/* What a victim's testimony adds to that. */
#define TESTIMONY "alternatives-to-testimony closed-session-for-victim " \
                  "legal-counselling-before-testimony no-direct-confrontation " \
                  "no-repeated-testimony police-protection protection-of-relatives " \
                  "reflection-period residence-not-used-to-discredit"

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The ids that apply, sorted and space-separated. */
static char *
applicable (const VigilHearingFacts *facts)
{
  g_autoptr (GListModel) list = vigil_catalogue_applicable (vigil_catalogue_get_default (), facts);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (list, i);

      g_ptr_array_add (ids, (gpointer) vigil_standard_get_id (standard));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

/* @expected: ids in any order, space-separated. */
static void
assert_applies (const VigilHearingFacts *facts, const char *expected)
{
  g_auto (GStrv) words = g_strsplit (expected, " ", -1);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *want = NULL;
  g_autofree char *got = applicable (facts);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (sorted, words[i]);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  want = g_strjoinv (" ", (char **) sorted->pdata);
  g_assert_cmpstr (got, ==, want);
}

static void
test_nobody_recorded (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  assert_applies (&facts, BASE);
  g_assert_cmpuint (vigil_hearing_facts_conditions (&facts), ==,
                    (1u << VIGIL_CONDITION_ALWAYS) | (1u << VIGIL_CONDITION_HELD));
}

static void
test_victim_present_silent (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_VICTIM, FALSE, FALSE);
  assert_applies (&facts, BASE " " VICTIM);
}

static void
test_victim_testifies (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.kind = VIGIL_HEARING_KIND_TESTIMONY;
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_VICTIM_WITNESS, FALSE, TRUE);
  assert_applies (&facts, BASE " " VICTIM " " TESTIMONY);

  /* With the defendant in the room, visual contact becomes a question. */
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_DEFENDANT, FALSE, FALSE);
  assert_applies (&facts, BASE " " VICTIM " " TESTIMONY " no-visual-contact");
}

/* Others in the room do not make a victim present, nor does a witness
 * who testifies make a victim testify. */
static void
test_others_are_not_victims (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_WITNESS, FALSE, TRUE);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_GUARDIAN, FALSE, FALSE);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_INTERPRETER, FALSE, FALSE);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_SUPPORT_PERSON, FALSE, FALSE);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE, FALSE, FALSE);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_DEFENDANT, FALSE, TRUE);
  assert_applies (&facts, BASE);
  g_assert_cmpuint (facts.victims_present, ==, 0);
  g_assert_cmpuint (facts.defendants_present, ==, 1);
}

static void
test_child_victim (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_CHILD_VICTIM, TRUE, FALSE);
  assert_applies (&facts, BASE " " VICTIM " child-best-interests child-guardian child-heard "
                          "child-legal-representation");

  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_CHILD_VICTIM, TRUE, TRUE);
  facts.interpretation_needed = TRUE;
  assert_applies (&facts, BASE " " VICTIM " " TESTIMONY " child-best-interests child-guardian "
                          "child-heard child-legal-representation child-friendly-hearing "
                          "child-trained-interpreter interpreter-provided "
                          "information-in-own-language");
}

/* A victim recorded as a child counts as a child victim whatever the role. */
static void
test_victim_marked_child (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_VICTIM_WITNESS, TRUE, FALSE);
  g_assert_cmpuint (facts.children_present, ==, 1);
  g_assert_true (vigil_hearing_facts_holds (&facts, VIGIL_CONDITION_CHILD_VICTIM));
  /* A child who is a witness but not a victim is not a child victim. */
  vigil_hearing_facts_init (&facts);
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_WITNESS, TRUE, TRUE);
  g_assert_false (vigil_hearing_facts_holds (&facts, VIGIL_CONDITION_CHILD_VICTIM));
}

static void
test_foreign_victim (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.foreign_victim = TRUE;
  assert_applies (&facts, BASE " stay-during-proceedings");
  facts.interpretation_needed = TRUE;
  assert_applies (&facts, BASE " stay-during-proceedings interpreter-provided "
                          "information-in-own-language");
}

static void
test_preliminary_and_adjourned (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.kind = VIGIL_HEARING_KIND_PRELIMINARY;
  assert_applies (&facts, "data-shared-with-consent identity-not-disclosed "
                          "personal-data-protected whereabouts-not-disclosed");

  /* An adjourned hearing heard no evidence. */
  vigil_hearing_facts_init (&facts);
  facts.status = VIGIL_HEARING_STATUS_ADJOURNED;
  assert_applies (&facts, "data-shared-with-consent identity-not-disclosed "
                          "personal-data-protected whereabouts-not-disclosed");
}

static void
test_verdict_and_compensation (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.kind = VIGIL_HEARING_KIND_VERDICT;
  facts.outcome = VIGIL_CASE_OUTCOME_ACQUITTAL;
  assert_applies (&facts, BASE);

  facts.compensation_route_open = TRUE;
  assert_applies (&facts, BASE " civil-claim-heard compensation-decided");

  facts.outcome = VIGIL_CASE_OUTCOME_CONVICTION;
  assert_applies (&facts, BASE " civil-claim-heard compensation-decided "
                          "confiscated-assets-for-victims");

  /* A claim open at an ordinary hearing is heard, not yet decided. */
  vigil_hearing_facts_init (&facts);
  facts.compensation_route_open = TRUE;
  assert_applies (&facts, BASE " civil-claim-heard");
}

static void
test_media_and_closed_session (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.media_present = TRUE;
  assert_applies (&facts, BASE " media-restrictions");
  facts.closed_session = TRUE;
  g_assert_true (vigil_hearing_facts_holds (&facts, VIGIL_CONDITION_CLOSED_SESSION));
  assert_applies (&facts, BASE " media-restrictions");
}

/* A trafficked person in the dock: non-punishment applies even with no
 * victim of this case present. */
static void
test_victim_prosecuted (void)
{
  VigilHearingFacts facts;

  vigil_hearing_facts_init (&facts);
  facts.victim_prosecuted = TRUE;
  vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_DEFENDANT, FALSE, TRUE);
  assert_applies (&facts, BASE " non-punishment trafficking-considered-for-defendant "
                          "fair-trial-for-victim-defendant");
}

static void
test_rule_language (void)
{
  struct
  {
    const char *rule;
    const char *normalized;
    gboolean    nobody; /* held main hearing, nobody recorded */
    gboolean    child;  /* the same with a child victim who testifies */
  } cases[] = {
    { "always", "always", TRUE, TRUE },
    { " victim_testifies ", "victim_testifies", FALSE, TRUE },
    { "victim_testifies+child_victim", "victim_testifies+child_victim", FALSE, TRUE },
    { "child_victim + victim_testifies", "victim_testifies+child_victim", FALSE, TRUE },
    { "!child_victim", "!child_victim", TRUE, FALSE },
    { "media_present;held", "media_present;held", TRUE, TRUE },
    { "held+!preliminary", "held+!preliminary", TRUE, TRUE },
    { "held+!victim_present", "held+!victim_present", TRUE, FALSE },
    { "verdict;conviction", "verdict;conviction", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilApplicability) rule = vigil_applicability_parse (cases[i].rule, &error);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;
      VigilHearingFacts facts;

      g_assert_no_error (error);
      text = vigil_applicability_to_string (rule);
      g_assert_cmpstr (text, ==, cases[i].normalized);
      label = vigil_applicability_describe (rule);
      g_assert_cmpstr (label, !=, "");

      vigil_hearing_facts_init (&facts);
      g_assert_cmpint (vigil_applicability_evaluate (rule, &facts), ==, cases[i].nobody);
      vigil_hearing_facts_add_attendee (&facts, VIGIL_PERSON_ROLE_CHILD_VICTIM, TRUE, TRUE);
      g_assert_cmpint (vigil_applicability_evaluate (rule, &facts), ==, cases[i].child);
    }
}

static void
test_rule_errors (void)
{
  const char *bad[] = {
    NULL, "", "  ", "victim", "always+held", "!always", "held;", "held+", "held+held",
    "held+!held", "VICTIM_PRESENT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilApplicability) rule = vigil_applicability_parse (bad[i], &error);

      g_test_message ("“%s”: %s", bad[i] ? bad[i] : "(null)", error ? error->message : "accepted");
      g_assert_null (rule);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
    }
}

static void
test_describe (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilApplicability) rule =
    vigil_applicability_parse ("child_victim+victim_testifies;!preliminary", &error);
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  label = vigil_applicability_describe (rule);
  g_assert_cmpstr (label, ==,
                   "A victim testifies and a child victim attends; or not: a preliminary hearing");
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/applicability/nobody-recorded", test_nobody_recorded);
  g_test_add_func ("/applicability/victim-present-silent", test_victim_present_silent);
  g_test_add_func ("/applicability/victim-testifies", test_victim_testifies);
  g_test_add_func ("/applicability/others-are-not-victims", test_others_are_not_victims);
  g_test_add_func ("/applicability/child-victim", test_child_victim);
  g_test_add_func ("/applicability/victim-marked-child", test_victim_marked_child);
  g_test_add_func ("/applicability/foreign-victim", test_foreign_victim);
  g_test_add_func ("/applicability/preliminary-and-adjourned", test_preliminary_and_adjourned);
  g_test_add_func ("/applicability/verdict-and-compensation", test_verdict_and_compensation);
  g_test_add_func ("/applicability/media-and-closed-session", test_media_and_closed_session);
  g_test_add_func ("/applicability/victim-prosecuted", test_victim_prosecuted);
  g_test_add_func ("/applicability/rule-language", test_rule_language);
  g_test_add_func ("/applicability/rule-errors", test_rule_errors);
  g_test_add_func ("/applicability/describe", test_describe);
  return g_test_run ();
}
