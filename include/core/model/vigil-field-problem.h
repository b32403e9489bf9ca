/* vigil-field-problem.h: what is wrong with one field of a record
 *
 * A record's check lists every problem it has, each naming its field by
 * the member name of the interchange format ("reference", "full_name"),
 * so the editors can show each one beside its field and the interchange
 * can say where in the file it is. The _validate functions report the
 * first one that is not a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest text of a field on one line (a name, a reference, a court,
 * a phone number), in characters: longer ones are a paste gone wrong. */
#define VIGIL_LINE_MAX 200

typedef struct
{
  char     *field;   /* the member name in the interchange format */
  char     *message; /* for people; names the field, never quotes a name */
  gboolean  warning; /* may be kept once a person has confirmed it */
} VigilFieldProblem;

VigilFieldProblem *vigil_field_problem_new    (const char  *field,
                                               gboolean     warning,
                                               const char  *format,
                                               ...) G_GNUC_PRINTF (3, 4);
void               vigil_field_problem_free   (VigilFieldProblem *problem);
/* An empty list of problems that frees its elements. */
GPtrArray         *vigil_field_problems_new   (void);
/* Adds @problem to @problems, or does nothing when it is NULL. */
void               vigil_field_problems_take  (GPtrArray   *problems,
                                               VigilFieldProblem *problem);
/* FALSE with VIGIL_ERROR_INVALID and the message of the first problem
 * that is not a warning; TRUE when there is none. */
gboolean           vigil_field_problems_to_error (GPtrArray  *problems,
                                                  GError    **error);
/* Adds a problem unless @text is NULL or a line of at most @max
 * characters with no line break and no space at either end. @label
 * starts the message ("Reference"). */
void               vigil_field_check_line     (GPtrArray   *problems,
                                               const char  *text,
                                               guint        max,
                                               const char  *field,
                                               const char  *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilFieldProblem, vigil_field_problem_free)

G_END_DECLS
