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

  g_return_val_if_fail (table != NULL, NULL);

  for (; table->label != NULL; table++)
    if (table->value == value)
      return g_dgettext (GETTEXT_PACKAGE, table->label);
  return NULL;
}
