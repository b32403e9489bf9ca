/* vigil-field-problem.c: what is wrong with one field of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-field-problem.h"

/* public API */

VigilFieldProblem *
vigil_field_problem_new (const char *field, gboolean warning, const char *format, ...)
{
  VigilFieldProblem *problem;
  va_list args;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  problem = g_new0 (VigilFieldProblem, 1);
  problem->field = g_strdup (field);
  problem->warning = !!warning;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  return problem;
}

void
vigil_field_problem_free (VigilFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
vigil_field_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_field_problem_free);
}

void
vigil_field_problems_take (GPtrArray *problems, VigilFieldProblem *problem)
{
  g_return_if_fail (problems != NULL);

  if (problem != NULL)
    g_ptr_array_add (problems, problem);
}

gboolean
vigil_field_problems_to_error (GPtrArray *problems, GError **error)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const VigilFieldProblem *problem = problems->pdata[i];

      if (!problem->warning)
        {
          g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, problem->message);
          return FALSE;
        }
    }
  return TRUE;
}

void
vigil_field_check_line (GPtrArray  *problems,
                        const char *text,
                        guint       max,
                        const char *field,
                        const char *label)
{
  gsize length;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (field != NULL && label != NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  length = strlen (text);
  if (strpbrk (text, "\n\r") != NULL)
    g_ptr_array_add (problems,
                     vigil_field_problem_new (field, FALSE, _("%s must be on one line"), label));
  else if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    /* "K 1/2024 " and "K 1/2024" would be two references for one case. */
    g_ptr_array_add (problems,
                     vigil_field_problem_new (field, FALSE,
                                              _("%s starts or ends with a space; remove it"),
                                              label));
  if (g_utf8_strlen (text, -1) > max)
    g_ptr_array_add (problems,
                     vigil_field_problem_new (field, FALSE,
                                              _("%s is longer than %u characters"), label, max));
}
