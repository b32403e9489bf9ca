/* vigil-ids.c: record ids and the times stored with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "vigil-ids.h"

char *
vigil_uuid_new (void)
{
  guint8 b[16];

  randombytes_buf (b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
                          b[11], b[12], b[13], b[14], b[15]);
}

gboolean
vigil_uuid_is_valid (const char *text)
{
  static const int dashes[] = { 8, 13, 18, 23 };

  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == dashes[0] || i == dashes[1] || i == dashes[2] || i == dashes[3];

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
        return FALSE;
    }
  return TRUE;
}

char *
vigil_time_to_iso (GDateTime *dt)
{
  g_autoptr (GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
vigil_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return vigil_time_to_iso (now);
}

GDateTime *
vigil_time_from_iso (const char *text)
{
  g_autoptr (GTimeZone) utc = NULL;

  if (text == NULL)
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

guint32
vigil_date_day_number (const char *date)
{
  GDate parsed;
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return 0;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return 0;
  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&parsed, 1);
  g_date_set_dmy (&parsed, day, month, year);
  return g_date_get_julian (&parsed);
}

char *
vigil_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}
