/* vigil-applicability.c: which standards apply to a hearing
 *
 * A rule is a list of alternatives; each alternative is two bit sets over
 * VigilCondition: the conditions that must hold and those that must not.
 * Evaluating it is a few mask operations, so the live hearing view can
 * re-evaluate the whole catalogue on every change of a fact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-applicability"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-applicability.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"

typedef struct
{
  guint32 required;
  guint32 forbidden;
} Alternative;

struct _VigilApplicability
{
  GArray *alternatives; /* Alternative */
};

#define BIT(condition) ((guint32) 1 << (condition))

/* private helpers */

static gboolean
role_is_victim (VigilPersonRole role)
{
  return role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
         || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
}

static gboolean
parse_alternative (const char *text, Alternative *out, GError **error)
{
  g_auto (GStrv) words = g_strsplit (text, "+", -1);
  guint n = 0;

  out->required = out->forbidden = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      gboolean negated = word[0] == '!';
      int condition;

      if (negated)
        word++;
      if (!vigil_enum_from_nick (VIGIL_TYPE_CONDITION, word, &condition))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("“%s” is not a condition a standard can apply under"), word);
          return FALSE;
        }
      if (condition == VIGIL_CONDITION_ALWAYS && (negated || words[1] != NULL))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("“always” stands alone: it cannot be negated or combined"));
          return FALSE;
        }
      if ((out->required | out->forbidden) & BIT (condition))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("The condition “%s” is named twice in one alternative"), word);
          return FALSE;
        }
      if (condition == VIGIL_CONDITION_ALWAYS)
        ;
      else if (negated)
        out->forbidden |= BIT (condition);
      else
        out->required |= BIT (condition);
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("An alternative names no condition"));
      return FALSE;
    }
  return TRUE;
}

static const char *
condition_nick (guint condition)
{
  return vigil_enum_to_nick (VIGIL_TYPE_CONDITION, condition);
}

/* public API */

/**
 * vigil_hearing_facts_init:
 *
 * Sets @facts to a held main hearing in public with nobody recorded as
 * attending: only "always" and "held" hold.
 */
void
vigil_hearing_facts_init (VigilHearingFacts *facts)
{
  g_return_if_fail (facts != NULL);

  *facts = (VigilHearingFacts) {
    .kind = VIGIL_HEARING_KIND_MAIN,
    .status = VIGIL_HEARING_STATUS_HELD,
    .outcome = VIGIL_CASE_OUTCOME_NONE,
  };
}

void
vigil_hearing_facts_add_attendee (VigilHearingFacts *facts,
                                  VigilPersonRole    role,
                                  gboolean           is_child,
                                  gboolean           testified)
{
  g_return_if_fail (facts != NULL);

  if (role_is_victim (role))
    {
      facts->victims_present++;
      if (testified)
        facts->victims_testified++;
      if (is_child || role == VIGIL_PERSON_ROLE_CHILD_VICTIM)
        facts->children_present++;
    }
  else if (role == VIGIL_PERSON_ROLE_DEFENDANT)
    facts->defendants_present++;
}

gboolean
vigil_hearing_facts_holds (const VigilHearingFacts *facts, VigilCondition condition)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  switch (condition)
    {
    case VIGIL_CONDITION_ALWAYS:
      return TRUE;
    case VIGIL_CONDITION_HELD:
      return facts->status == VIGIL_HEARING_STATUS_HELD;
    case VIGIL_CONDITION_VICTIM_PRESENT:
      return facts->victims_present > 0;
    case VIGIL_CONDITION_VICTIM_TESTIFIES:
      return facts->victims_testified > 0;
    case VIGIL_CONDITION_CHILD_VICTIM:
      return facts->children_present > 0;
    case VIGIL_CONDITION_DEFENDANT_PRESENT:
      return facts->defendants_present > 0;
    case VIGIL_CONDITION_FOREIGN_VICTIM:
      return facts->foreign_victim;
    case VIGIL_CONDITION_INTERPRETATION_NEEDED:
      return facts->interpretation_needed;
    case VIGIL_CONDITION_COMPENSATION_ROUTE_OPEN:
      return facts->compensation_route_open;
    case VIGIL_CONDITION_VICTIM_PROSECUTED:
      return facts->victim_prosecuted;
    case VIGIL_CONDITION_CLOSED_SESSION:
      return facts->closed_session;
    case VIGIL_CONDITION_MEDIA_PRESENT:
      return facts->media_present;
    case VIGIL_CONDITION_PRELIMINARY:
      return facts->kind == VIGIL_HEARING_KIND_PRELIMINARY;
    case VIGIL_CONDITION_VERDICT:
      return facts->kind == VIGIL_HEARING_KIND_VERDICT;
    case VIGIL_CONDITION_CONVICTION:
      return facts->outcome == VIGIL_CASE_OUTCOME_CONVICTION;
    default:
      g_return_val_if_reached (FALSE);
    }
}

guint32
vigil_hearing_facts_conditions (const VigilHearingFacts *facts)
{
  guint32 held = 0;

  g_return_val_if_fail (facts != NULL, 0);

  for (guint c = VIGIL_CONDITION_ALWAYS; c <= VIGIL_CONDITION_CONVICTION; c++)
    if (vigil_hearing_facts_holds (facts, c))
      held |= BIT (c);
  return held;
}

VigilApplicability *
vigil_applicability_parse (const char *text, GError **error)
{
  g_autoptr (VigilApplicability) rule = NULL;
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trimmed == NULL || trimmed[0] == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The rule is empty; write “always” for a standard that applies to "
                     "every hearing"));
      return NULL;
    }

  rule = g_new0 (VigilApplicability, 1);
  rule->alternatives = g_array_new (FALSE, FALSE, sizeof (Alternative));
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      Alternative alternative;

      if (!parse_alternative (parts[i], &alternative, error))
        return NULL;
      g_array_append_val (rule->alternatives, alternative);
    }
  return g_steal_pointer (&rule);
}

void
vigil_applicability_free (VigilApplicability *rule)
{
  if (rule == NULL)
    return;
  g_array_unref (rule->alternatives);
  g_free (rule);
}

gboolean
vigil_applicability_evaluate (const VigilApplicability *rule, const VigilHearingFacts *facts)
{
  guint32 held;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  held = vigil_hearing_facts_conditions (facts);
  for (guint i = 0; i < rule->alternatives->len; i++)
    {
      const Alternative *a = &g_array_index (rule->alternatives, Alternative, i);

      if ((a->required & ~held) == 0 && (a->forbidden & held) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
append_alternative (GString *out, const Alternative *a, gboolean for_people)
{
  gboolean first = TRUE;

  if (a->required == 0 && a->forbidden == 0)
    {
      g_string_append (out, for_people ? vigil_enum_label (VIGIL_TYPE_CONDITION,
                                                           VIGIL_CONDITION_ALWAYS)
                                       : condition_nick (VIGIL_CONDITION_ALWAYS));
      return;
    }
  for (guint c = 0; c <= VIGIL_CONDITION_CONVICTION; c++)
    {
      gboolean negated = (a->forbidden & BIT (c)) != 0;

      if (!negated && (a->required & BIT (c)) == 0)
        continue;
      if (!first)
        /* TRANSLATORS: joins two conditions of a standard, e.g. "A victim
         * testifies and a child victim attends" */
        g_string_append (out, for_people ? _(" and ") : "+");
      if (for_people)
        {
          const char *label = vigil_enum_label (VIGIL_TYPE_CONDITION, c);

          if (negated)
            /* TRANSLATORS: a condition that must not hold, e.g. "not: a
             * preliminary hearing" */
            g_string_append_printf (out, _("not: %s"), label);
          else
            g_string_append (out, label);
        }
      else
        g_string_append_printf (out, "%s%s", negated ? "!" : "", condition_nick (c));
      first = FALSE;
    }
}

char *
vigil_applicability_describe (const VigilApplicability *rule)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < rule->alternatives->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates two alternative conditions of a standard */
        g_string_append (out, _("; or "));
      append_alternative (out, &g_array_index (rule->alternatives, Alternative, i), TRUE);
    }
  /* The labels are fragments of a sentence; this one starts here. */
  if (out->len > 0)
    {
      gunichar first = g_utf8_get_char (out->str);
      char upper[8] = { 0 };
      int len = g_unichar_to_utf8 (g_unichar_totitle (first), upper);

      g_string_erase (out, 0, g_utf8_next_char (out->str) - out->str);
      g_string_insert_len (out, 0, upper, len);
    }
  return g_string_free (out, FALSE);
}

char *
vigil_applicability_to_string (const VigilApplicability *rule)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < rule->alternatives->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      append_alternative (out, &g_array_index (rule->alternatives, Alternative, i), FALSE);
    }
  return g_string_free (out, FALSE);
}
