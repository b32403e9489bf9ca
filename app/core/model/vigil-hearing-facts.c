/* vigil-hearing-facts.c: what a monitor records about a hearing
 *
 * Who attended and in what role, whether the public was excluded, media
 * and interpreters, an adjournment without a date, what a verdict decided,
 * and the monitor's judgments that decide which standards apply (a foreign
 * victim, interpretation needed, a compensation claim open, a trafficked
 * person prosecuted). The rest of the hearing is in vigil-hearing.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-hearing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-ids.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-hearing-private.h"
#include "vigil-person.h"
#include "vigil-record-private.h"

/* As long as a charge of the case may be. */
#define MAX_CHARGE 200

G_DEFINE_BOXED_TYPE (VigilAttendee, vigil_attendee, vigil_attendee_copy, vigil_attendee_free)

/* private helpers */

static gboolean *
flag_field (VigilHearing *self, guint prop_id)
{
  switch (prop_id)
    {
    case VIGIL_HEARING_PROP_MEDIA_PRESENT:
      return &self->media_present;
    case VIGIL_HEARING_PROP_INTERPRETER_PRESENT:
      return &self->interpreter_present;
    case VIGIL_HEARING_PROP_FOREIGN_VICTIM:
      return &self->foreign_victim;
    case VIGIL_HEARING_PROP_INTERPRETATION_NEEDED:
      return &self->interpretation_needed;
    case VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN:
      return &self->compensation_route_open;
    case VIGIL_HEARING_PROP_VICTIM_PROSECUTED:
      return &self->victim_prosecuted;
    case VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE:
      return &self->adjourned_sine_die;
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
compare_attendees (gconstpointer a, gconstpointer b)
{
  const VigilAttendee *x = *(const VigilAttendee * const *) a;
  const VigilAttendee *y = *(const VigilAttendee * const *) b;
  int by_name = g_strcmp0 (x->pseudonym, y->pseudonym);

  return by_name != 0 ? by_name : g_strcmp0 (x->person_id, y->person_id);
}

static gint
find_index (VigilHearing *self, const char *person_id)
{
  for (guint i = 0; person_id != NULL && i < self->attendance->len; i++)
    if (g_str_equal (((VigilAttendee *) g_ptr_array_index (self->attendance, i))->person_id,
                     person_id))
      return i;
  return -1;
}

static void
attendance_changed (VigilHearing *self, guint old_count)
{
  g_ptr_array_sort (self->attendance, compare_attendees);
  if (old_count != self->attendance->len)
    g_object_notify_by_pspec (G_OBJECT (self),
                              vigil_hearing_properties[VIGIL_HEARING_PROP_N_ATTENDEES]);
  g_signal_emit (self, vigil_hearing_signals[VIGIL_HEARING_SIGNAL_ATTENDANCE_CHANGED], 0);
}

/* @field: the fact as the interchange format names it. */
static gboolean
invalid (const char **out_field, const char *field, GError **error, const char *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, message);
  return FALSE;
}

/* private API (vigil-hearing-private.h) */

gboolean
vigil_hearing_get_flag (VigilHearing *self, guint prop_id)
{
  gboolean *field = flag_field (self, prop_id);

  return field != NULL && *field;
}

void
vigil_hearing_set_flag (VigilHearing *self, guint prop_id, gboolean value)
{
  gboolean *field = flag_field (self, prop_id);

  if (field == NULL || *field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), vigil_hearing_properties[prop_id]);
}

gboolean
vigil_hearing_validate_facts (VigilHearing *self, const char **out_field, GError **error)
{
  guint n_languages = self->interpreter_languages != NULL
                        ? g_strv_length (self->interpreter_languages)
                        : 0;

  if (self->adjourned_sine_die && self->status != VIGIL_HEARING_STATUS_ADJOURNED)
    return invalid (out_field, "adjourned_sine_die", error,
                    _("Adjourned without a date: only an adjourned hearing can be"));
  if (self->outcome != VIGIL_CASE_OUTCOME_NONE && self->kind != VIGIL_HEARING_KIND_VERDICT
      && self->kind != VIGIL_HEARING_KIND_APPEAL)
    return invalid (out_field, "outcome", error,
                    _("Outcome: only a verdict or an appeal hearing has an outcome"));
  if (self->outcome == VIGIL_CASE_OUTCOME_DROPPED)
    return invalid (out_field, "outcome", error,
                    _("Outcome: a verdict convicts, acquits or suspends a sentence; "
                      "charges dropped are an outcome of the case, not of a hearing"));
  if (self->outcome != VIGIL_CASE_OUTCOME_NONE && self->status != VIGIL_HEARING_STATUS_HELD)
    return invalid (out_field, "outcome", error,
                    _("Outcome: a hearing that was not held decided nothing"));
  if (self->convicted_charge != NULL && self->outcome != VIGIL_CASE_OUTCOME_CONVICTION)
    return invalid (out_field, "convicted_charge", error,
                    _("Convicted charge: given, but the outcome is not a conviction"));
  if (self->convicted_charge != NULL && vigil_text_is_blank (self->convicted_charge))
    return invalid (out_field, "convicted_charge", error, _("Convicted charge is empty"));
  if (self->convicted_charge != NULL
      && g_utf8_strlen (self->convicted_charge, -1) > MAX_CHARGE)
    {
      if (out_field != NULL)
        *out_field = "convicted_charge";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Convicted charge is longer than %d characters"), MAX_CHARGE);
      return FALSE;
    }
  if (n_languages > 0 && !self->interpreter_present)
    return invalid (out_field, "interpreter_languages", error,
                    _("Interpreter languages: given, but no interpreter was present"));
  if (n_languages > VIGIL_HEARING_LANGUAGES_MAX)
    {
      if (out_field != NULL)
        *out_field = "interpreter_languages";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Interpreter languages: at most %d"), VIGIL_HEARING_LANGUAGES_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n_languages; i++)
    {
      const char *language = self->interpreter_languages[i];

      if (vigil_text_is_blank (language) || strchr (language, '\n') != NULL
          || g_utf8_strlen (language, -1) > VIGIL_HEARING_LANGUAGE_MAX)
        {
          if (out_field != NULL)
            *out_field = "interpreter_languages";
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Interpreter languages: each is a name or code on one line, at most "
                         "%d characters"),
                       VIGIL_HEARING_LANGUAGE_MAX);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->attendance->len; i++)
    if (!vigil_uuid_is_valid (((VigilAttendee *) g_ptr_array_index (self->attendance, i))->person_id))
      return invalid (out_field, "attendance", error,
                      _("Attendance: an attendee is not a saved person"));
  return TRUE;
}

/* public API */

VigilAttendee *
vigil_attendee_copy (const VigilAttendee *attendee)
{
  VigilAttendee *copy;

  g_return_val_if_fail (attendee != NULL, NULL);

  copy = g_memdup2 (attendee, sizeof *attendee);
  copy->person_id = g_strdup (attendee->person_id);
  copy->pseudonym = g_strdup (attendee->pseudonym);
  return copy;
}

void
vigil_attendee_free (VigilAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->person_id);
  g_free (attendee->pseudonym);
  g_free (attendee);
}

gboolean
vigil_hearing_get_media_present (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->media_present;
}

void
vigil_hearing_set_media_present (VigilHearing *self, gboolean present)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_MEDIA_PRESENT, present);
}

gboolean
vigil_hearing_get_interpreter_present (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->interpreter_present;
}

void
vigil_hearing_set_interpreter_present (VigilHearing *self, gboolean present)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_INTERPRETER_PRESENT, present);
}

const char * const *
vigil_hearing_get_interpreter_languages (VigilHearing *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (VIGIL_IS_HEARING (self), none);
  return self->interpreter_languages != NULL
           ? (const char * const *) self->interpreter_languages
           : none;
}

void
vigil_hearing_set_interpreter_languages (VigilHearing *self, const char * const *languages)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));

  if (languages != NULL && languages[0] == NULL)
    languages = NULL;
  if (self->interpreter_languages == NULL && languages == NULL)
    return;
  if (self->interpreter_languages != NULL && languages != NULL
      && g_strv_equal ((const char * const *) self->interpreter_languages, languages))
    return;
  g_strfreev (self->interpreter_languages);
  self->interpreter_languages = g_strdupv ((char **) languages);
  g_object_notify_by_pspec (G_OBJECT (self),
                            vigil_hearing_properties[VIGIL_HEARING_PROP_INTERPRETER_LANGUAGES]);
}

gboolean
vigil_hearing_get_foreign_victim (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->foreign_victim;
}

void
vigil_hearing_set_foreign_victim (VigilHearing *self, gboolean foreign)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_FOREIGN_VICTIM, foreign);
}

gboolean
vigil_hearing_get_interpretation_needed (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->interpretation_needed;
}

void
vigil_hearing_set_interpretation_needed (VigilHearing *self, gboolean needed)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_INTERPRETATION_NEEDED, needed);
}

gboolean
vigil_hearing_get_compensation_route_open (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->compensation_route_open;
}

void
vigil_hearing_set_compensation_route_open (VigilHearing *self, gboolean open)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN, open);
}

gboolean
vigil_hearing_get_victim_prosecuted (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->victim_prosecuted;
}

void
vigil_hearing_set_victim_prosecuted (VigilHearing *self, gboolean prosecuted)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_VICTIM_PROSECUTED, prosecuted);
}

gboolean
vigil_hearing_get_adjourned_sine_die (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->adjourned_sine_die;
}

void
vigil_hearing_set_adjourned_sine_die (VigilHearing *self, gboolean sine_die)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  vigil_hearing_set_flag (self, VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE, sine_die);
}

VigilCaseOutcome
vigil_hearing_get_outcome (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), VIGIL_CASE_OUTCOME_NONE);
  return self->outcome;
}

void
vigil_hearing_set_outcome (VigilHearing *self, VigilCaseOutcome outcome)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, outcome) != NULL);

  if (self->outcome == outcome)
    return;
  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), vigil_hearing_properties[VIGIL_HEARING_PROP_OUTCOME]);
}

const char *
vigil_hearing_get_convicted_charge (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->convicted_charge;
}

void
vigil_hearing_set_convicted_charge (VigilHearing *self, const char *charge)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (charge == NULL || g_utf8_validate (charge, -1, NULL));

  if (vigil_record_set_string (&self->convicted_charge, charge))
    g_object_notify_by_pspec (G_OBJECT (self),
                              vigil_hearing_properties[VIGIL_HEARING_PROP_CONVICTED_CHARGE]);
}

guint
vigil_hearing_get_n_attendees (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), 0);
  return self->attendance->len;
}

/**
 * vigil_hearing_get_attendee:
 *
 * Returns: (transfer none): the attendee at @index, by pseudonym
 */
const VigilAttendee *
vigil_hearing_get_attendee (VigilHearing *self, guint index)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  g_return_val_if_fail (index < self->attendance->len, NULL);
  return g_ptr_array_index (self->attendance, index);
}

const VigilAttendee *
vigil_hearing_find_attendee (VigilHearing *self, const char *person_id)
{
  gint index;

  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);

  index = find_index (self, person_id);
  return index < 0 ? NULL : g_ptr_array_index (self->attendance, index);
}

void
vigil_hearing_set_attendee (VigilHearing *self, const VigilAttendee *attendee)
{
  guint old_count;
  gint index;

  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (attendee != NULL && attendee->person_id != NULL);

  old_count = self->attendance->len;
  index = find_index (self, attendee->person_id);
  if (index >= 0)
    {
      VigilAttendee *old = g_ptr_array_index (self->attendance, index);

      if (old->testified == !!attendee->testified && old->role == attendee->role
          && old->is_child == !!attendee->is_child
          && g_strcmp0 (old->pseudonym, attendee->pseudonym) == 0)
        return;
      g_ptr_array_remove_index (self->attendance, index);
    }
  g_ptr_array_add (self->attendance, vigil_attendee_copy (attendee));
  ((VigilAttendee *) g_ptr_array_index (self->attendance, self->attendance->len - 1))->testified =
    !!attendee->testified;
  attendance_changed (self, old_count);
}

void
vigil_hearing_add_attendee (VigilHearing *self, VigilPerson *person, gboolean testified)
{
  VigilAttendee attendee;

  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (VIGIL_IS_PERSON (person));
  g_return_if_fail (g_strcmp0 (vigil_person_get_case_id (person), self->case_id) == 0);

  attendee = (VigilAttendee) {
    .person_id = (char *) vigil_person_get_id (person),
    .pseudonym = (char *) vigil_person_get_pseudonym (person),
    .role = vigil_person_get_role (person),
    .is_child = vigil_person_get_is_child (person),
    .testified = testified,
  };
  vigil_hearing_set_attendee (self, &attendee);
}

gboolean
vigil_hearing_remove_attendee (VigilHearing *self, const char *person_id)
{
  guint old_count;
  gint index;

  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);

  index = find_index (self, person_id);
  if (index < 0)
    return FALSE;
  old_count = self->attendance->len;
  g_ptr_array_remove_index (self->attendance, index);
  attendance_changed (self, old_count);
  return TRUE;
}

void
vigil_hearing_get_facts (VigilHearing *self, VigilHearingFacts *facts)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (facts != NULL);

  vigil_hearing_facts_init (facts);
  facts->kind = self->kind;
  facts->status = self->status;
  facts->closed_session = self->closed_session;
  facts->media_present = self->media_present;
  facts->interpreter_present = self->interpreter_present;
  facts->foreign_victim = self->foreign_victim;
  facts->interpretation_needed = self->interpretation_needed;
  facts->compensation_route_open = self->compensation_route_open;
  facts->victim_prosecuted = self->victim_prosecuted;
  facts->outcome = self->outcome;
  for (guint i = 0; i < self->attendance->len; i++)
    {
      const VigilAttendee *a = g_ptr_array_index (self->attendance, i);

      vigil_hearing_facts_add_attendee (facts, a->role, a->is_child, a->testified);
    }
}
