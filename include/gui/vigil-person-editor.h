/* vigil-person-editor.h: a window to add or edit a person of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERSON_EDITOR (vigil_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilPersonEditor, vigil_person_editor, VIGIL, PERSON_EDITOR, AdwWindow)

/* @person NULL adds a person to @case_id. The identity of an existing
 * person is shown only when @identity is given (it was revealed) or after
 * the editor's own confirmed reveal. Signal "saved" (VigilPerson *). */
GtkWidget  *vigil_person_editor_new         (GtkWindow           *parent,
                                             VigilStore          *store,
                                             const char          *case_id,
                                             VigilPerson         *person,
                                             const VigilIdentity *identity);
gboolean    vigil_person_editor_save        (VigilPersonEditor   *self);
const char *vigil_person_editor_get_message (VigilPersonEditor   *self);

G_END_DECLS
