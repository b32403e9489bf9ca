/* vigil-identity.h: who a person really is; sealed at rest, never exported
 * unless the user asks for identities explicitly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-field-problem.h"
#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_IDENTITY (vigil_identity_get_type ())

/* Plain data; strings may be NULL. vigil_identity_free() wipes them. */
struct _VigilIdentity
{
  char  *full_name;
  char **aliases;       /* NULL-terminated */
  char  *date_of_birth; /* YYYY-MM-DD */
  char  *nationality;
  char **languages;     /* NULL-terminated */
  char  *phone;
  char  *address;
};

GType          vigil_identity_get_type   (void) G_GNUC_CONST;
VigilIdentity *vigil_identity_new        (void);
VigilIdentity *vigil_identity_copy       (const VigilIdentity  *self);
void           vigil_identity_free       (VigilIdentity        *self);
gboolean       vigil_identity_is_empty   (const VigilIdentity  *self);
/* Every problem of the identity (element type VigilFieldProblem): an
 * impossible date of birth, a phone without digits, a one-line field
 * with a line break, a space at an end, or more than VIGIL_LINE_MAX
 * characters. */
GPtrArray     *vigil_identity_check      (const VigilIdentity  *self);
/* FALSE with VIGIL_ERROR_INVALID and the first of those problems. */
gboolean       vigil_identity_validate   (const VigilIdentity  *self,
                                          GError              **error);
/* The JSON object of the interchange format, and back. */
char          *vigil_identity_to_json    (const VigilIdentity  *self);
VigilIdentity *vigil_identity_from_json  (const char           *json,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilIdentity, vigil_identity_free)

G_END_DECLS
