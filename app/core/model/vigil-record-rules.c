/* vigil-record-rules.c: the checks every kind of record shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-text.h"

#define MAX_CATALOGUE_VERSION 32

/* public API */

gboolean
vigil_vocabulary_contains (const char * const *vocabulary, const char *word)
{
  g_return_val_if_fail (vocabulary != NULL, FALSE);

  return word != NULL && g_strv_contains (vocabulary, word);
}

char *
vigil_vocabulary_join (const char * const *vocabulary)
{
  g_return_val_if_fail (vocabulary != NULL, NULL);

  return g_strjoinv (", ", (char **) vocabulary);
}

gboolean
vigil_record_date_is_valid (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && g_date_valid_dmy (day, month, year);
}

gboolean
vigil_record_check_utf8 (const char  *text,
                        const char  *field,
                        const char  *label,
                        const char **out_field,
                        GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("%s holds text that is not valid UTF-8"), label);
  return FALSE;
}

gboolean
vigil_record_check_monitor (const char *monitor, const char **out_field, GError **error)
{
  if (monitor == NULL)
    return TRUE;
  if (g_utf8_validate (monitor, -1, NULL) && !vigil_text_is_blank (monitor)
      && strchr (monitor, '\n') == NULL && g_utf8_strlen (monitor, -1) <= VIGIL_MONITOR_MAX)
    return TRUE;
  if (out_field != NULL)
    *out_field = "monitor";
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("Monitor must be a name on one line, at most %d characters"),
               VIGIL_MONITOR_MAX);
  return FALSE;
}

gboolean
vigil_record_check_recorded_at (GDateTime   *time,
                               const char  *field,
                               const char  *label,
                               const char **out_field,
                               GError     **error)
{
  g_autoptr (GDateTime) clock = g_date_time_new_now_utc ();
  /* A day of slack: the monitor's laptop and the vault's last writer need
   * not agree on the time to the minute. */
  g_autoptr (GDateTime) latest = g_date_time_add_days (clock, 1);

  if (time != NULL && g_date_time_get_year (time) >= VIGIL_RECORD_EARLIEST_YEAR
      && g_date_time_compare (time, latest) <= 0)
    return TRUE;
  if (out_field != NULL)
    *out_field = field;
  if (time == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("%s is missing"), label);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                 _("%s is impossible (before %d, or in the future)"), label,
                 VIGIL_RECORD_EARLIEST_YEAR);
  return FALSE;
}

/* private API (vigil-store-extra-private.h) */

gboolean
vigil_record_catalogue_version_is_valid (const char *version)
{
  gsize len = version != NULL ? strlen (version) : 0;

  if (len == 0 || len > MAX_CATALOGUE_VERSION)
    return FALSE;
  for (const char *p = version; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}
