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
