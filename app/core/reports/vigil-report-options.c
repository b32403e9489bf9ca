/* vigil-report-options.c: what a report covers and how it is anonymized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-report-options.h"

/* private helpers */

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
         && strlen (text) == 10 && g_date_valid_dmy (d, m, y);
}

/* public API */

VigilReportOptions *
vigil_report_options_new (void)
{
  VigilReportOptions *options = g_new0 (VigilReportOptions, 1);

  options->scope = VIGIL_REPORT_SCOPE_ALL;
  options->stage = -1;
  /* The safer levels by default: a date by month and a court by region
   * rarely point at one hearing; a reference always does. */
  options->dates = VIGIL_REPORT_DATES_MONTH;
  options->courts = VIGIL_REPORT_COURTS_REGION;
  options->references = VIGIL_REPORT_REFERENCES_CODES;
  options->min_cell = VIGIL_REPORT_DEFAULT_MIN_CELL;
  options->sections = VIGIL_REPORT_SECTION_ALL;
  options->paper = VIGIL_REPORT_PAPER_A4;
  return options;
}

void
vigil_report_options_free (VigilReportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->case_ref);
  g_free (options->from);
  g_free (options->to);
  g_free (options->court);
  g_free (options->jurisdiction);
  g_free (options->charge);
  g_free (options->programme);
  g_free (options->title);
  g_free (options);
}

gboolean
vigil_report_dates_from_nick (const char *nick, VigilReportDates *out)
{
  static const char *const nicks[] = { "exact", "month", "quarter" };

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        *out = (VigilReportDates) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
vigil_report_courts_from_nick (const char *nick, VigilReportCourts *out)
{
  static const char *const nicks[] = { "exact", "region", "none" };

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        *out = (VigilReportCourts) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
vigil_report_references_from_nick (const char *nick, VigilReportReferences *out)
{
  static const char *const nicks[] = { "codes", "exact" };

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        *out = (VigilReportReferences) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
vigil_report_options_validate (const VigilReportOptions *options,
                               GError                  **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->scope == VIGIL_REPORT_SCOPE_CASE
      && (options->case_ref == NULL || *options->case_ref == '\0'))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A report of one case needs the case’s reference"));
      return FALSE;
    }
  if (options->scope == VIGIL_REPORT_SCOPE_PERIOD && (options->from == NULL || options->to == NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A report of a period needs the day it starts and the day it ends"));
      return FALSE;
    }
  if ((options->from != NULL && !is_date (options->from))
      || (options->to != NULL && !is_date (options->to)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A report’s dates are written YYYY-MM-DD, for example 2024-01-31"));
      return FALSE;
    }
  if (options->from != NULL && options->to != NULL && g_strcmp0 (options->from, options->to) > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The report’s period ends before it starts"));
      return FALSE;
    }
  if (options->min_cell == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The smallest figure shown must be at least 1"));
      return FALSE;
    }
  return TRUE;
}
