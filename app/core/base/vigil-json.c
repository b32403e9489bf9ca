/* vigil-json.c: members of a JSON object being built, and JSON text that
 * leaves no copy behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "vigil-json-private.h"

/* A tree is written with two spaces per level, as the export is. */
#define INDENT 2

/* private helpers */

/* The most bytes json-glib's generator writes for @text in quotes: a
 * control character is at most six (\u00XX), a quote or a backslash two. */
static gsize
escaped_bound (const char *text)
{
  gsize bound = 2;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7f)
      bound += 6;
    else if (*p == '"' || *p == '\\')
      bound += 2;
    else
      bound++;
  return bound;
}

/* The most bytes json-glib's generator writes for @node at @level, with
 * @name before it when it is a member; whole numbers are at most 20
 * characters. */
static gsize
text_bound (JsonNode *node, guint level, const char *name, gboolean pretty)
{
  gsize bound = (pretty ? level * INDENT : 0) + 2; /* the indent; "," and "\n" after */

  if (name != NULL)
    bound += escaped_bound (name) + 3; /* "name" : */
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        bound += 2 + 1 + (pretty ? level * INDENT : 0); /* {, \n, the closing indent, } */
        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &value))
          bound += text_bound (value, level + 1, member, pretty);
        return bound;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        bound += 2 + 1 + (pretty ? level * INDENT : 0);
        for (guint i = 0; i < json_array_get_length (array); i++)
          bound += text_bound (json_array_get_element (array, i), level + 1, NULL, pretty);
        return bound;
      }
    case JSON_NODE_NULL:
      return bound + 4;
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return bound + escaped_bound (json_node_get_string (node));
    case G_TYPE_DOUBLE:
      return bound + G_ASCII_DTOSTR_BUF_SIZE + 2;
    case G_TYPE_BOOLEAN:
      return bound + 5;
    default:
      return bound + 20;
    }
}

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

void
vigil_json_wipe_node (JsonNode *node)
{
  if (node == NULL)
    return;
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &value))
          vigil_json_wipe_node (value);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          vigil_json_wipe_node (json_array_get_element (array, i));
        break;
      }
    case JSON_NODE_VALUE:
      /* The node's own copy of the text, which json-glib frees without
       * overwriting it; the tree is not read again. */
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          char *text = (char *) json_node_get_string (node);

          sodium_memzero (text, strlen (text));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

void
vigil_json_wipe_unref_node (JsonNode *node)
{
  if (node == NULL)
    return;
  vigil_json_wipe_node (node);
  json_node_unref (node);
}

VigilJsonText *
vigil_json_text_new (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  VigilJsonText *text = g_new0 (VigilJsonText, 1);
  GString *buffer;
  gsize size;

  g_return_val_if_fail (root != NULL, NULL);

  /* json-glib writes into a GString, which grows by moving its bytes to a
   * larger block and freeing the old one as it is: each growth would leave
   * a copy of what was written so far in freed memory. A buffer as large
   * as the text can be never grows. */
  buffer = g_string_sized_new (text_bound (root, 0, NULL, pretty) + 1);
  size = buffer->allocated_len;
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, INDENT);
  json_generator_to_gstring (generator, buffer);
  /* A bound too small is a bug here, and has left copies already. */
  if (buffer->allocated_len != size)
    g_critical ("JSON text outgrew its bound (%" G_GSIZE_FORMAT " bytes of %" G_GSIZE_FORMAT ")",
                buffer->len, size);
  text->length = buffer->len;
  text->data = g_string_free (buffer, FALSE);
  return text;
}

void
vigil_json_text_free (VigilJsonText *text)
{
  if (text == NULL)
    return;
  /* What lies past the NUL was never written. The text may have been
   * taken, to be wiped by whoever took it. */
  if (text->data != NULL)
    sodium_memzero (text->data, text->length + 1);
  g_free (text->data);
  g_free (text);
}
