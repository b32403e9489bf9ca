/* vigil-enums.c: nicks and labels of the domain's vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enums.h"
#include "vigil-enum-types.h"

const char *
vigil_enum_to_nick (GType enum_type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

gboolean
vigil_enum_from_nick (GType enum_type, const char *nick, int *out_value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  if (out_value != NULL)
    *out_value = v->value;
  return TRUE;
}

typedef struct
{
  int         value;
  const char *label;
} Label;

static const Label stage_labels[] = {
  { VIGIL_CASE_STAGE_INVESTIGATION, N_("Investigation") },
  { VIGIL_CASE_STAGE_PRE_TRIAL, N_("Pre-trial") },
  { VIGIL_CASE_STAGE_TRIAL, N_("Trial") },
  { VIGIL_CASE_STAGE_APPEAL, N_("Appeal") },
  { VIGIL_CASE_STAGE_CLOSED, N_("Closed") },
  { -1, NULL },
};

static const Label outcome_labels[] = {
  { VIGIL_CASE_OUTCOME_NONE, N_("No outcome yet") },
  { VIGIL_CASE_OUTCOME_CONVICTION, N_("Conviction") },
  { VIGIL_CASE_OUTCOME_ACQUITTAL, N_("Acquittal") },
  { VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE, N_("Suspended sentence") },
  { VIGIL_CASE_OUTCOME_DROPPED, N_("Dropped") },
  { -1, NULL },
};

static const Label role_labels[] = {
  { VIGIL_PERSON_ROLE_VICTIM, N_("Victim") },
  { VIGIL_PERSON_ROLE_VICTIM_WITNESS, N_("Victim-witness") },
  { VIGIL_PERSON_ROLE_CHILD_VICTIM, N_("Child victim") },
  { VIGIL_PERSON_ROLE_WITNESS, N_("Witness") },
  { VIGIL_PERSON_ROLE_DEFENDANT, N_("Defendant") },
  { VIGIL_PERSON_ROLE_GUARDIAN, N_("Guardian") },
  { VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE, N_("Legal representative") },
  { VIGIL_PERSON_ROLE_INTERPRETER, N_("Interpreter") },
  { VIGIL_PERSON_ROLE_SUPPORT_PERSON, N_("Support person") },
  { -1, NULL },
};

static const Label kind_labels[] = {
  { VIGIL_HEARING_KIND_PRELIMINARY, N_("Preliminary hearing") },
  { VIGIL_HEARING_KIND_MAIN, N_("Main hearing") },
  { VIGIL_HEARING_KIND_TESTIMONY, N_("Testimony") },
  { VIGIL_HEARING_KIND_VERDICT, N_("Verdict") },
  { VIGIL_HEARING_KIND_APPEAL, N_("Appeal hearing") },
  { -1, NULL },
};

static const Label hearing_status_labels[] = {
  { VIGIL_HEARING_STATUS_SCHEDULED, N_("Scheduled") },
  { VIGIL_HEARING_STATUS_HELD, N_("Held") },
  { VIGIL_HEARING_STATUS_ADJOURNED, N_("Adjourned") },
  { -1, NULL },
};

static const Label observation_labels[] = {
  { VIGIL_OBSERVATION_STATUS_RESPECTED, N_("Respected") },
  { VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED, N_("Partly respected") },
  { VIGIL_OBSERVATION_STATUS_NOT_RESPECTED, N_("Not respected") },
  { VIGIL_OBSERVATION_STATUS_NOT_APPLICABLE, N_("Not applicable") },
  { VIGIL_OBSERVATION_STATUS_NOT_OBSERVED, N_("Could not be observed") },
  { -1, NULL },
};

static const Label consent_labels[] = {
  { VIGIL_CONSENT_KIND_STORAGE, N_("Storing their data") },
  { VIGIL_CONSENT_KIND_SHARING, N_("Sharing their data") },
  { VIGIL_CONSENT_KIND_ANONYMOUS_QUOTE, N_("Being quoted anonymously") },
  { -1, NULL },
};

/* Fragments of a sentence: vigil_applicability_describe() joins them. */
static const Label condition_labels[] = {
  { VIGIL_CONDITION_ALWAYS, N_("every hearing") },
  { VIGIL_CONDITION_HELD, N_("the hearing is held") },
  { VIGIL_CONDITION_VICTIM_PRESENT, N_("a victim attends") },
  { VIGIL_CONDITION_VICTIM_TESTIFIES, N_("a victim testifies") },
  { VIGIL_CONDITION_CHILD_VICTIM, N_("a child victim attends") },
  { VIGIL_CONDITION_DEFENDANT_PRESENT, N_("a defendant attends") },
  { VIGIL_CONDITION_FOREIGN_VICTIM, N_("a victim is a foreigner") },
  { VIGIL_CONDITION_INTERPRETATION_NEEDED, N_("a victim needs interpretation") },
  { VIGIL_CONDITION_COMPENSATION_ROUTE_OPEN, N_("a compensation claim is open") },
  { VIGIL_CONDITION_VICTIM_PROSECUTED, N_("a trafficked person is prosecuted") },
  { VIGIL_CONDITION_CLOSED_SESSION, N_("the session is closed") },
  { VIGIL_CONDITION_MEDIA_PRESENT, N_("media are present") },
  { VIGIL_CONDITION_PRELIMINARY, N_("a preliminary hearing") },
  { VIGIL_CONDITION_VERDICT, N_("a verdict is given") },
  { VIGIL_CONDITION_CONVICTION, N_("a conviction") },
  { -1, NULL },
};

static const Label grade_labels[] = {
  { VIGIL_GRADE_NOT_ASSESSED, N_("Not assessed") },
  { VIGIL_GRADE_ADEQUATE, N_("Standards respected") },
  { VIGIL_GRADE_MINOR_SHORTCOMINGS, N_("Minor shortcomings") },
  { VIGIL_GRADE_SERIOUS_SHORTCOMINGS, N_("Serious shortcomings") },
  { VIGIL_GRADE_GRAVE_SHORTCOMINGS, N_("Grave shortcomings") },
  { -1, NULL },
};

const char *
vigil_enum_label (GType enum_type, int value)
{
  const Label *table = NULL;

  if (enum_type == VIGIL_TYPE_CASE_STAGE)
    table = stage_labels;
  else if (enum_type == VIGIL_TYPE_CASE_OUTCOME)
    table = outcome_labels;
  else if (enum_type == VIGIL_TYPE_PERSON_ROLE)
    table = role_labels;
  else if (enum_type == VIGIL_TYPE_HEARING_KIND)
    table = kind_labels;
  else if (enum_type == VIGIL_TYPE_HEARING_STATUS)
    table = hearing_status_labels;
  else if (enum_type == VIGIL_TYPE_OBSERVATION_STATUS)
    table = observation_labels;
  else if (enum_type == VIGIL_TYPE_CONSENT_KIND)
    table = consent_labels;
  else if (enum_type == VIGIL_TYPE_CONDITION)
    table = condition_labels;
  else if (enum_type == VIGIL_TYPE_GRADE)
    table = grade_labels;

  g_return_val_if_fail (table != NULL, NULL);

  for (; table->label != NULL; table++)
    if (table->value == value)
      return g_dgettext (GETTEXT_PACKAGE, table->label);
  return NULL;
}
