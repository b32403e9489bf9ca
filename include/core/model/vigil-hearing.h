/* vigil-hearing.h: one session of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-applicability.h"
#include "vigil-enums.h"
#include "vigil-field-problem.h"
#include "vigil-record.h"
#include "vigil-types.h"

G_BEGIN_DECLS

/**
 * VigilAttendee:
 * @person_id: the person of the case who attended
 * @pseudonym: their pseudonym, the only name shown
 * @role: their role in the case
 * @is_child: whether they are a child
 * @testified: whether they testified at this hearing
 *
 * One person at a hearing. @pseudonym, @role and @is_child are copied from
 * the person when the hearing is read or the attendee added; only
 * @person_id and @testified are stored with the hearing.
 */
typedef struct
{
  char            *person_id;
  char            *pseudonym;
  VigilPersonRole  role;
  gboolean         is_child;
  gboolean         testified;
} VigilAttendee;

#define VIGIL_TYPE_ATTENDEE (vigil_attendee_get_type ())
GType          vigil_attendee_get_type (void) G_GNUC_CONST;
VigilAttendee *vigil_attendee_copy     (const VigilAttendee *attendee);
void           vigil_attendee_free     (VigilAttendee       *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAttendee, vigil_attendee_free)

/* The longest language name or code, and the most languages, an
 * interpreter is recorded with. */
#define VIGIL_HEARING_LANGUAGE_MAX 64
#define VIGIL_HEARING_LANGUAGES_MAX 8

#define VIGIL_TYPE_HEARING (vigil_hearing_get_type ())
G_DECLARE_FINAL_TYPE (VigilHearing, vigil_hearing, VIGIL, HEARING, VigilRecord)

/* Properties: "id", "case-id", "version", "starts-at" (GDateTime, UTC),
 * "room", "kind", "status", "closed-session", "adjournment-reason",
 * "notes", "created-at", "updated-at"; the facts a monitor records:
 * "media-present", "interpreter-present", "interpreter-languages" (GStrv,
 * sealed), "foreign-victim", "interpretation-needed",
 * "compensation-route-open", "victim-prosecuted", "adjourned-sine-die",
 * "outcome" (VigilCaseOutcome), "convicted-charge"; and "n-attendees"
 * (read-only). Signal "attendance-changed" after any change of the
 * attendance. */
VigilHearing       *vigil_hearing_new                    (const char         *case_id);

const char         *vigil_hearing_get_id                 (VigilHearing       *self);
const char         *vigil_hearing_get_case_id            (VigilHearing       *self);
gint64              vigil_hearing_get_version            (VigilHearing       *self);
GDateTime          *vigil_hearing_get_starts_at          (VigilHearing       *self);
void                vigil_hearing_set_starts_at          (VigilHearing       *self,
                                                          GDateTime          *starts_at);
const char         *vigil_hearing_get_room               (VigilHearing       *self);
void                vigil_hearing_set_room               (VigilHearing       *self,
                                                          const char         *room);
VigilHearingKind    vigil_hearing_get_kind               (VigilHearing       *self);
void                vigil_hearing_set_kind               (VigilHearing       *self,
                                                          VigilHearingKind    kind);
VigilHearingStatus  vigil_hearing_get_status             (VigilHearing       *self);
void                vigil_hearing_set_status             (VigilHearing       *self,
                                                          VigilHearingStatus  status);
gboolean            vigil_hearing_get_closed_session     (VigilHearing       *self);
void                vigil_hearing_set_closed_session     (VigilHearing       *self,
                                                          gboolean            closed);
const char         *vigil_hearing_get_adjournment_reason (VigilHearing       *self);
void                vigil_hearing_set_adjournment_reason (VigilHearing       *self,
                                                          const char         *reason);
const char         *vigil_hearing_get_notes              (VigilHearing       *self);
void                vigil_hearing_set_notes              (VigilHearing       *self,
                                                          const char         *notes);
GDateTime          *vigil_hearing_get_created_at         (VigilHearing       *self);
GDateTime          *vigil_hearing_get_updated_at         (VigilHearing       *self);

/* The facts of the hearing (vigil-hearing-facts.c). */
gboolean            vigil_hearing_get_media_present      (VigilHearing       *self);
void                vigil_hearing_set_media_present      (VigilHearing       *self,
                                                          gboolean            present);
gboolean            vigil_hearing_get_interpreter_present (VigilHearing      *self);
void                vigil_hearing_set_interpreter_present (VigilHearing      *self,
                                                           gboolean           present);
/* The languages interpreted, e.g. "Romanian", "en"; NULL-terminated, never NULL. */
const char * const *vigil_hearing_get_interpreter_languages (VigilHearing    *self);
void                vigil_hearing_set_interpreter_languages (VigilHearing    *self,
                                                             const char * const *languages);
gboolean            vigil_hearing_get_foreign_victim     (VigilHearing       *self);
void                vigil_hearing_set_foreign_victim     (VigilHearing       *self,
                                                          gboolean            foreign);
gboolean            vigil_hearing_get_interpretation_needed (VigilHearing    *self);
void                vigil_hearing_set_interpretation_needed (VigilHearing    *self,
                                                             gboolean         needed);
gboolean            vigil_hearing_get_compensation_route_open (VigilHearing  *self);
void                vigil_hearing_set_compensation_route_open (VigilHearing  *self,
                                                               gboolean       open);
gboolean            vigil_hearing_get_victim_prosecuted  (VigilHearing       *self);
void                vigil_hearing_set_victim_prosecuted  (VigilHearing       *self,
                                                          gboolean            prosecuted);
/* Adjourned without a date for the next hearing; only with the status
 * adjourned. */
gboolean            vigil_hearing_get_adjourned_sine_die (VigilHearing       *self);
void                vigil_hearing_set_adjourned_sine_die (VigilHearing       *self,
                                                          gboolean            sine_die);
/* What a verdict (or appeal) decided: conviction, acquittal, suspended
 * sentence; NONE for any other hearing. */
VigilCaseOutcome    vigil_hearing_get_outcome            (VigilHearing       *self);
void                vigil_hearing_set_outcome            (VigilHearing       *self,
                                                          VigilCaseOutcome    outcome);
/* The charge convicted on; only with a conviction. */
const char         *vigil_hearing_get_convicted_charge   (VigilHearing       *self);
void                vigil_hearing_set_convicted_charge   (VigilHearing       *self,
                                                          const char         *charge);

/* Attendance, sorted by pseudonym. */
guint               vigil_hearing_get_n_attendees        (VigilHearing       *self);
const VigilAttendee *vigil_hearing_get_attendee          (VigilHearing       *self,
                                                          guint               index);
/* The attendee who is @person_id, or NULL. */
const VigilAttendee *vigil_hearing_find_attendee         (VigilHearing       *self,
                                                          const char         *person_id);
/* Records that @person (of the hearing's case) attended, or changes
 * whether they testified. */
void                vigil_hearing_add_attendee           (VigilHearing       *self,
                                                          VigilPerson        *person,
                                                          gboolean            testified);
/* The same from the fields of an attendee (the store and the import use it). */
void                vigil_hearing_set_attendee           (VigilHearing       *self,
                                                          const VigilAttendee *attendee);
/* FALSE when @person_id did not attend. */
gboolean            vigil_hearing_remove_attendee        (VigilHearing       *self,
                                                          const char         *person_id);

/* The facts that decide which standards apply (vigil-applicability.h),
 * taken from the hearing and its attendance. */
void                vigil_hearing_get_facts              (VigilHearing       *self,
                                                          VigilHearingFacts  *facts);

/* FALSE with VIGIL_ERROR_INVALID for a missing or impossible date
 * (before 1990 or more than ten years ahead), an adjourned hearing
 * without a reason, "adjourned without a date" on a hearing that was not
 * adjourned, an outcome on a hearing that is not a verdict or appeal (or
 * "dropped", which no verdict gives), a convicted charge without a
 * conviction, or interpreter languages that are empty, too long, too
 * many, or given without an interpreter. */
gboolean            vigil_hearing_validate               (VigilHearing       *self,
                                                          GError            **error);
/* The same rules, every problem (element type VigilFieldProblem) at its
 * member ("starts_at", "room", "adjournment_reason", a fact's). */
GPtrArray          *vigil_hearing_check                  (VigilHearing       *self);
/* NULL when @hour and @minute, as typed, are a time of day (0 to 23 and
 * 0 to 59, digits only); else the problem, at "time". Hour 99 is
 * refused, not read as 23. */
VigilFieldProblem  *vigil_hearing_check_time_of_day      (const char         *hour,
                                                          const char         *minute);

G_END_DECLS
