/* vigil-person.h: someone in a case, by role and pseudonym
 *
 * The pseudonym (V-01, W-02, D-01) is the only name ever shown outside the
 * vault. The identity is a separate, sealed VigilIdentity, loaded only on an
 * explicit reveal (vigil_store_load_identity()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-enums.h"
#include "vigil-record.h"
#include "vigil-field-problem.h"
#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERSON (vigil_person_get_type ())
G_DECLARE_FINAL_TYPE (VigilPerson, vigil_person, VIGIL, PERSON, VigilRecord)

/* Properties: "id", "case-id", "version", "pseudonym", "role", "is-child",
 * "notes", "identified-on", "created-at", "updated-at". */
VigilPerson     *vigil_person_new            (const char      *case_id);

const char      *vigil_person_get_id         (VigilPerson     *self);
const char      *vigil_person_get_case_id    (VigilPerson     *self);
gint64           vigil_person_get_version    (VigilPerson     *self);
const char      *vigil_person_get_pseudonym  (VigilPerson     *self);
void             vigil_person_set_pseudonym  (VigilPerson     *self,
                                              const char      *pseudonym);
VigilPersonRole  vigil_person_get_role       (VigilPerson     *self);
void             vigil_person_set_role       (VigilPerson     *self,
                                              VigilPersonRole  role);
gboolean         vigil_person_get_is_child   (VigilPerson     *self);
void             vigil_person_set_is_child   (VigilPerson     *self,
                                              gboolean         is_child);
const char      *vigil_person_get_notes      (VigilPerson     *self);
void             vigil_person_set_notes      (VigilPerson     *self,
                                              const char      *notes);
const char      *vigil_person_get_identified_on (VigilPerson *self);
void             vigil_person_set_identified_on (VigilPerson *self,
                                                 const char  *identified_on);
GDateTime       *vigil_person_get_created_at (VigilPerson     *self);
GDateTime       *vigil_person_get_updated_at (VigilPerson     *self);

/* The prefix a role's pseudonyms take: "V" victims, "W" witnesses,
 * "D" defendants, "G" guardians, "L" legal representatives, "I"
 * interpreters, "S" support persons. */
const char      *vigil_person_role_prefix    (VigilPersonRole  role);
gboolean         vigil_person_validate       (VigilPerson     *self,
                                              GError         **error);
/* The problems of @identity as this person's (element type
 * VigilFieldProblem): the identity's own, and whether the date of birth
 * fits "Child" on @now. Someone under 18 is refused without Child;
 * someone who came of age long ago gets a warning with Child on. */
GPtrArray       *vigil_person_check_identity (VigilPerson     *self,
                                              const VigilIdentity *identity,
                                              GDateTime       *now);

G_END_DECLS
