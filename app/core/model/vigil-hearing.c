/* vigil-hearing.c: one session of a case
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
#include "vigil-field-problem.h"
#include "vigil-hearing-private.h"
#include "vigil-record-private.h"

/* Trafficking prosecutions under the Palermo Protocol era start in the
 * 1990s; an earlier date is a typing slip. */
#define EARLIEST_YEAR 1990
#define MAX_YEARS_AHEAD 10

G_DEFINE_FINAL_TYPE (VigilHearing, vigil_hearing, VIGIL_TYPE_RECORD)

GParamSpec *vigil_hearing_properties[VIGIL_HEARING_N_PROPS];
guint vigil_hearing_signals[VIGIL_HEARING_N_SIGNALS];

/* Short names inside this file. */
#define properties vigil_hearing_properties
#define signals vigil_hearing_signals


/* GObject overrides */

static void
vigil_hearing_finalize (GObject *object)
{
  VigilHearing *self = VIGIL_HEARING (object);

  g_free (self->case_id);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_free (self->room);
  g_free (self->adjournment_reason);
  g_free (self->notes);
  g_strfreev (self->interpreter_languages);
  g_free (self->convicted_charge);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_hearing_parent_class)->finalize (object);
}

static void
vigil_hearing_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilHearing *self = VIGIL_HEARING (object);

  switch (prop_id)
    {
    case VIGIL_HEARING_PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case VIGIL_HEARING_PROP_STARTS_AT:
      g_value_set_boxed (value, self->starts_at);
      break;
    case VIGIL_HEARING_PROP_ROOM:
      g_value_set_string (value, self->room);
      break;
    case VIGIL_HEARING_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case VIGIL_HEARING_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case VIGIL_HEARING_PROP_CLOSED_SESSION:
      g_value_set_boolean (value, self->closed_session);
      break;
    case VIGIL_HEARING_PROP_ADJOURNMENT_REASON:
      g_value_set_string (value, self->adjournment_reason);
      break;
    case VIGIL_HEARING_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case VIGIL_HEARING_PROP_MEDIA_PRESENT:
    case VIGIL_HEARING_PROP_INTERPRETER_PRESENT:
    case VIGIL_HEARING_PROP_FOREIGN_VICTIM:
    case VIGIL_HEARING_PROP_INTERPRETATION_NEEDED:
    case VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN:
    case VIGIL_HEARING_PROP_VICTIM_PROSECUTED:
    case VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE:
      g_value_set_boolean (value, vigil_hearing_get_flag (self, prop_id));
      break;
    case VIGIL_HEARING_PROP_INTERPRETER_LANGUAGES:
      g_value_set_boxed (value, self->interpreter_languages);
      break;
    case VIGIL_HEARING_PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case VIGIL_HEARING_PROP_CONVICTED_CHARGE:
      g_value_set_string (value, self->convicted_charge);
      break;
    case VIGIL_HEARING_PROP_N_ATTENDEES:
      g_value_set_uint (value, self->attendance->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_hearing_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilHearing *self = VIGIL_HEARING (object);

  switch (prop_id)
    {
    case VIGIL_HEARING_PROP_CASE_ID:
      self->case_id = g_value_dup_string (value);
      break;
    case VIGIL_HEARING_PROP_STARTS_AT:
      vigil_hearing_set_starts_at (self, g_value_get_boxed (value));
      break;
    case VIGIL_HEARING_PROP_ROOM:
      vigil_hearing_set_room (self, g_value_get_string (value));
      break;
    case VIGIL_HEARING_PROP_KIND:
      vigil_hearing_set_kind (self, g_value_get_enum (value));
      break;
    case VIGIL_HEARING_PROP_STATUS:
      vigil_hearing_set_status (self, g_value_get_enum (value));
      break;
    case VIGIL_HEARING_PROP_CLOSED_SESSION:
      vigil_hearing_set_closed_session (self, g_value_get_boolean (value));
      break;
    case VIGIL_HEARING_PROP_ADJOURNMENT_REASON:
      vigil_hearing_set_adjournment_reason (self, g_value_get_string (value));
      break;
    case VIGIL_HEARING_PROP_NOTES:
      vigil_hearing_set_notes (self, g_value_get_string (value));
      break;
    case VIGIL_HEARING_PROP_MEDIA_PRESENT:
    case VIGIL_HEARING_PROP_INTERPRETER_PRESENT:
    case VIGIL_HEARING_PROP_FOREIGN_VICTIM:
    case VIGIL_HEARING_PROP_INTERPRETATION_NEEDED:
    case VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN:
    case VIGIL_HEARING_PROP_VICTIM_PROSECUTED:
    case VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE:
      vigil_hearing_set_flag (self, prop_id, g_value_get_boolean (value));
      break;
    case VIGIL_HEARING_PROP_INTERPRETER_LANGUAGES:
      vigil_hearing_set_interpreter_languages (self, g_value_get_boxed (value));
      break;
    case VIGIL_HEARING_PROP_OUTCOME:
      vigil_hearing_set_outcome (self, g_value_get_enum (value));
      break;
    case VIGIL_HEARING_PROP_CONVICTED_CHARGE:
      vigil_hearing_set_convicted_charge (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_hearing_class_init (VigilHearingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_hearing_finalize;
  object_class->get_property = vigil_hearing_get_property;
  object_class->set_property = vigil_hearing_set_property;

  properties[VIGIL_HEARING_PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[VIGIL_HEARING_PROP_STARTS_AT] = g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[VIGIL_HEARING_PROP_ROOM] = g_param_spec_string ("room", NULL, NULL, NULL, rw);
  properties[VIGIL_HEARING_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, VIGIL_TYPE_HEARING_KIND,
                                             VIGIL_HEARING_KIND_MAIN, rw);
  properties[VIGIL_HEARING_PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, VIGIL_TYPE_HEARING_STATUS,
                                               VIGIL_HEARING_STATUS_SCHEDULED, rw);
  properties[VIGIL_HEARING_PROP_CLOSED_SESSION] =
    g_param_spec_boolean ("closed-session", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_ADJOURNMENT_REASON] =
    g_param_spec_string ("adjournment-reason", NULL, NULL, NULL, rw);
  properties[VIGIL_HEARING_PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);

  properties[VIGIL_HEARING_PROP_MEDIA_PRESENT] =
    g_param_spec_boolean ("media-present", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_INTERPRETER_PRESENT] =
    g_param_spec_boolean ("interpreter-present", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_INTERPRETER_LANGUAGES] =
    g_param_spec_boxed ("interpreter-languages", NULL, NULL, G_TYPE_STRV, rw);
  properties[VIGIL_HEARING_PROP_FOREIGN_VICTIM] =
    g_param_spec_boolean ("foreign-victim", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_INTERPRETATION_NEEDED] =
    g_param_spec_boolean ("interpretation-needed", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN] =
    g_param_spec_boolean ("compensation-route-open", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_VICTIM_PROSECUTED] =
    g_param_spec_boolean ("victim-prosecuted", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE] =
    g_param_spec_boolean ("adjourned-sine-die", NULL, NULL, FALSE, rw);
  properties[VIGIL_HEARING_PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, VIGIL_TYPE_CASE_OUTCOME, VIGIL_CASE_OUTCOME_NONE, rw);
  properties[VIGIL_HEARING_PROP_CONVICTED_CHARGE] =
    g_param_spec_string ("convicted-charge", NULL, NULL, NULL, rw);
  properties[VIGIL_HEARING_PROP_N_ATTENDEES] =
    g_param_spec_uint ("n-attendees", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, VIGIL_HEARING_N_PROPS, properties);

  /**
   * VigilHearing::attendance-changed:
   *
   * Emitted when an attendee was added, removed or changed.
   */
  signals[VIGIL_HEARING_SIGNAL_ATTENDANCE_CHANGED] =
    g_signal_new ("attendance-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
vigil_hearing_init (VigilHearing *self)
{
  self->kind = VIGIL_HEARING_KIND_MAIN;
  self->status = VIGIL_HEARING_STATUS_SCHEDULED;
  self->outcome = VIGIL_CASE_OUTCOME_NONE;
  self->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_attendee_free);
}

/* public API */

/**
 * vigil_hearing_new:
 * @case_id: the case the hearing is a session of
 *
 * Returns: (transfer full): a new, unsaved hearing (version 0) with a fresh id
 */
VigilHearing *
vigil_hearing_new (const char *case_id)
{
  g_return_val_if_fail (case_id != NULL, NULL);

  return g_object_new (VIGIL_TYPE_HEARING, "case-id", case_id, NULL);
}

const char *
vigil_hearing_get_id (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return vigil_record_get_id (VIGIL_RECORD (self));
}

const char *
vigil_hearing_get_case_id (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->case_id;
}

gint64
vigil_hearing_get_version (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), 0);
  return vigil_record_get_version (VIGIL_RECORD (self));
}

GDateTime *
vigil_hearing_get_starts_at (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->starts_at;
}

/* Kept in UTC, as stored; the GUI converts to local time to show it. */
void
vigil_hearing_set_starts_at (VigilHearing *self, GDateTime *starts_at)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_if_fail (VIGIL_IS_HEARING (self));

  if (starts_at != NULL)
    utc = g_date_time_to_utc (starts_at);
  if (vigil_record_set_date_time (&self->starts_at, utc))
    g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_STARTS_AT]);
}

const char *
vigil_hearing_get_room (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->room;
}

void
vigil_hearing_set_room (VigilHearing *self, const char *room)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (room == NULL || g_utf8_validate (room, -1, NULL));

  if (vigil_record_set_string (&self->room, room))
    g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_ROOM]);
}

VigilHearingKind
vigil_hearing_get_kind (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), VIGIL_HEARING_KIND_MAIN);
  return self->kind;
}

void
vigil_hearing_set_kind (VigilHearing *self, VigilHearingKind kind)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND, kind) != NULL);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_KIND]);
}

VigilHearingStatus
vigil_hearing_get_status (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), VIGIL_HEARING_STATUS_SCHEDULED);
  return self->status;
}

void
vigil_hearing_set_status (VigilHearing *self, VigilHearingStatus status)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_HEARING_STATUS, status) != NULL);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_STATUS]);
}

gboolean
vigil_hearing_get_closed_session (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);
  return self->closed_session;
}

void
vigil_hearing_set_closed_session (VigilHearing *self, gboolean closed)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));

  closed = !!closed;
  if (self->closed_session == closed)
    return;
  self->closed_session = closed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_CLOSED_SESSION]);
}

const char *
vigil_hearing_get_adjournment_reason (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->adjournment_reason;
}

void
vigil_hearing_set_adjournment_reason (VigilHearing *self, const char *reason)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (reason == NULL || g_utf8_validate (reason, -1, NULL));

  if (vigil_record_set_string (&self->adjournment_reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_ADJOURNMENT_REASON]);
}

const char *
vigil_hearing_get_notes (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return self->notes;
}

void
vigil_hearing_set_notes (VigilHearing *self, const char *notes)
{
  g_return_if_fail (VIGIL_IS_HEARING (self));
  g_return_if_fail (notes == NULL || g_utf8_validate (notes, -1, NULL));

  if (vigil_record_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[VIGIL_HEARING_PROP_NOTES]);
}

GDateTime *
vigil_hearing_get_created_at (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return vigil_record_get_created_at (VIGIL_RECORD (self));
}

GDateTime *
vigil_hearing_get_updated_at (VigilHearing *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);
  return vigil_record_get_updated_at (VIGIL_RECORD (self));
}

GPtrArray *
vigil_hearing_check (VigilHearing *self)
{
  g_autoptr (GPtrArray) problems = vigil_field_problems_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (VIGIL_IS_HEARING (self), NULL);

  if (!vigil_uuid_is_valid (self->case_id))
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("case", FALSE,
                                              _("Case: the hearing is not attached to a valid "
                                                "case")));
  if (self->starts_at == NULL)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("starts_at", FALSE,
                                              _("Date: a hearing needs the date and time it "
                                                "starts")));
  else if (g_date_time_get_year (self->starts_at) < EARLIEST_YEAR)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("starts_at", FALSE,
                                              _("Date: %d is before %d; check the year"),
                                              g_date_time_get_year (self->starts_at),
                                              EARLIEST_YEAR));
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GDateTime) latest = g_date_time_add_years (now, MAX_YEARS_AHEAD);

      if (g_date_time_compare (self->starts_at, latest) > 0)
        g_ptr_array_add (problems,
                         vigil_field_problem_new ("starts_at", FALSE,
                                                  _("Date: %d is more than %d years ahead; check "
                                                    "the year"),
                                                  g_date_time_get_year (self->starts_at),
                                                  MAX_YEARS_AHEAD));
    }
  vigil_field_check_line (problems, self->room, VIGIL_LINE_MAX, "room", _("Courtroom"));
  if (self->status == VIGIL_HEARING_STATUS_ADJOURNED
      && vigil_text_is_blank (self->adjournment_reason))
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("adjournment_reason", FALSE,
                                              _("Adjournment reason is empty: say why the hearing "
                                                "was adjourned")));
  vigil_field_check_line (problems, self->adjournment_reason, VIGIL_LINE_MAX,
                          "adjournment_reason", _("Adjournment reason"));
  if (!vigil_hearing_validate_facts (self, &field, &error))
    g_ptr_array_add (problems, vigil_field_problem_new (field != NULL ? field : "facts", FALSE,
                                                        "%s", error->message));
  return g_steal_pointer (&problems);
}

gboolean
vigil_hearing_validate (VigilHearing *self, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (VIGIL_IS_HEARING (self), FALSE);

  problems = vigil_hearing_check (self);
  return vigil_field_problems_to_error (problems, error);
}

/* Digits only, so "9" and "09" are hours and "9a", "-1" or "" are not. */
static int
parse_time_part (const char *text)
{
  int value = 0;

  if (text == NULL || text[0] == '\0' || strlen (text) > 2)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return -1;
      value = value * 10 + (*p - '0');
    }
  return value;
}

VigilFieldProblem *
vigil_hearing_check_time_of_day (const char *hour, const char *minute)
{
  int h = parse_time_part (hour);
  int m = parse_time_part (minute);

  if (h < 0 || h > 23)
    return vigil_field_problem_new ("time", FALSE,
                                    _("Time: there is no hour %s; hours go from 0 to 23"),
                                    hour != NULL && hour[0] != '\0' ? hour : "“”");
  if (m < 0 || m > 59)
    return vigil_field_problem_new ("time", FALSE,
                                    _("Time: there is no minute %s; minutes go from 0 to 59"),
                                    minute != NULL && minute[0] != '\0' ? minute : "“”");
  return NULL;
}

/* private API (vigil-record-private.h) */

