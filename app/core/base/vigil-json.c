/* vigil-json.c: members of a JSON object being built
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-json-private.h"

char *
vigil_json_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  if (g_date_time_get_microsecond (utc) == 0)
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
vigil_json_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
vigil_json_add_boolean (JsonBuilder *builder, const char *name, gboolean value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
vigil_json_add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
vigil_json_add_strv (JsonBuilder *builder, const char *name, const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

void
vigil_json_add_time (JsonBuilder *builder, const char *name, GDateTime *value)
{
  g_autofree char *text = vigil_json_format_time (value);

  vigil_json_add_string (builder, name, text);
}
