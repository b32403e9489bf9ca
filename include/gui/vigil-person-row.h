/* vigil-person-row.h: a person of a case, by pseudonym and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-identity.h"
#include "vigil-person.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERSON_ROW (vigil_person_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilPersonRow, vigil_person_row, VIGIL, PERSON_ROW, AdwExpanderRow)

GtkWidget   *vigil_person_row_new           (VigilPerson         *person);
VigilPerson *vigil_person_row_get_person    (VigilPersonRow      *self);
/* Shows the fields of @identity under the row; NULL hides them again and
 * empties every label that held them. */
void         vigil_person_row_set_identity  (VigilPersonRow      *self,
                                             const VigilIdentity *identity);
gboolean     vigil_person_row_get_revealed  (VigilPersonRow      *self);

G_END_DECLS
