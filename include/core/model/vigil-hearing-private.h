/* vigil-hearing-private.h: what vigil-hearing.c and vigil-hearing-facts.c share
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-hearing.h"

G_BEGIN_DECLS

struct _VigilHearing
{
  VigilRecord         parent_instance;


  char               *case_id;
  GDateTime          *starts_at;
  char               *room;
  VigilHearingKind    kind;
  VigilHearingStatus  status;
  gboolean            closed_session;
  char               *adjournment_reason;
  char               *notes;

  /* The facts (vigil-hearing-facts.c). */
  gboolean            media_present;
  gboolean            interpreter_present;
  GStrv               interpreter_languages;
  gboolean            foreign_victim;
  gboolean            interpretation_needed;
  gboolean            compensation_route_open;
  gboolean            victim_prosecuted;
  gboolean            adjourned_sine_die;
  VigilCaseOutcome    outcome;
  char               *convicted_charge;
  GPtrArray          *attendance; /* VigilAttendee, by pseudonym */
};

enum
{
  VIGIL_HEARING_PROP_0,
  VIGIL_HEARING_PROP_CASE_ID,
  VIGIL_HEARING_PROP_STARTS_AT,
  VIGIL_HEARING_PROP_ROOM,
  VIGIL_HEARING_PROP_KIND,
  VIGIL_HEARING_PROP_STATUS,
  VIGIL_HEARING_PROP_CLOSED_SESSION,
  VIGIL_HEARING_PROP_ADJOURNMENT_REASON,
  VIGIL_HEARING_PROP_NOTES,
  VIGIL_HEARING_PROP_MEDIA_PRESENT,
  VIGIL_HEARING_PROP_INTERPRETER_PRESENT,
  VIGIL_HEARING_PROP_INTERPRETER_LANGUAGES,
  VIGIL_HEARING_PROP_FOREIGN_VICTIM,
  VIGIL_HEARING_PROP_INTERPRETATION_NEEDED,
  VIGIL_HEARING_PROP_COMPENSATION_ROUTE_OPEN,
  VIGIL_HEARING_PROP_VICTIM_PROSECUTED,
  VIGIL_HEARING_PROP_ADJOURNED_SINE_DIE,
  VIGIL_HEARING_PROP_OUTCOME,
  VIGIL_HEARING_PROP_CONVICTED_CHARGE,
  VIGIL_HEARING_PROP_N_ATTENDEES,
  VIGIL_HEARING_N_PROPS
};

enum
{
  VIGIL_HEARING_SIGNAL_ATTENDANCE_CHANGED,
  VIGIL_HEARING_N_SIGNALS
};

extern GParamSpec *vigil_hearing_properties[VIGIL_HEARING_N_PROPS];
extern guint       vigil_hearing_signals[VIGIL_HEARING_N_SIGNALS];

/* The boolean facts by property id (VIGIL_HEARING_PROP_MEDIA_PRESENT ...). */
gboolean vigil_hearing_get_flag        (VigilHearing *self,
                                        guint         prop_id);
void     vigil_hearing_set_flag        (VigilHearing *self,
                                        guint         prop_id,
                                        gboolean      value);
/* The rules of the facts and attendance, for vigil_hearing_validate();
 * @out_field (may be NULL) names the fact that broke one, as the
 * interchange format spells it ("outcome", "attendance" ...). */
gboolean vigil_hearing_validate_facts  (VigilHearing *self,
                                        const char  **out_field,
                                        GError      **error);

G_END_DECLS
