/* vigil-interchange-walk.c: reading a document's JSON, reporting problems
 *
 * The pieces the validation of vigil-interchange-parse.c is made of: JSON
 * paths, quoting values in messages, checking an object's keys and their
 * types, and reading members as texts, enumerations and times, each
 * reporting what is wrong at its path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-interchange-private.h"
#include "vigil-text.h"

/* A quoted value longer than this is cut: it is there to be recognised. */
#define MAX_QUOTED 40

/* paths and quoting */

static gboolean
is_plain_key (const char *key)
{
  if (key == NULL || !(g_ascii_isalpha (*key) || *key == '_'))
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/* @text as a JSON string, cut at MAX_QUOTED characters. */
char *
vigil_walk_quote (const char *text)
{
  GString *out = g_string_new ("\"");
  guint chars = 0;

  for (const char *p = text; *p != '\0' && chars < MAX_QUOTED; p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      /* A quoted value or name is printed on a terminal: a control
       * character or one that turns text around could disguise it, or
       * the rest of the line. */
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (vigil_text_is_control (c) || vigil_text_is_direction_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*text != '\0' && g_utf8_strlen (text, -1) > MAX_QUOTED)
    g_string_append (out, "…");
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

char *
vigil_walk_member_path (const char *parent, const char *key)
{
  g_autofree char *quoted = NULL;

  if (is_plain_key (key))
    return g_strdup_printf ("%s.%s", parent, key);
  quoted = vigil_walk_quote (key);
  return g_strdup_printf ("%s[%s]", parent, quoted);
}

char *
vigil_walk_index_path (const char *parent, guint index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction");
    default:
      return _("a number");
    }
}

static const char *
describe_type (MemberType type)
{
  switch (type)
    {
    case TYPE_STRING:
      return _("a text");
    case TYPE_BOOLEAN:
      return _("true or false");
    case TYPE_INTEGER:
      return _("a whole number");
    case TYPE_ARRAY:
      return _("a list");
    case TYPE_OBJECT:
    default:
      return _("an object");
    }
}

static gboolean
node_has_type (JsonNode *node, MemberType type)
{
  switch (type)
    {
    case TYPE_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case TYPE_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case TYPE_INTEGER:
      /* Amounts are exact: 12.50 is refused, not rounded. */
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    case TYPE_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case TYPE_OBJECT:
    default:
      return JSON_NODE_HOLDS_OBJECT (node);
    }
}

static const Member *
find_member (const Member *members, const char *name)
{
  for (const Member *m = members; m->name != NULL; m++)
    if (g_str_equal (m->name, name))
      return m;
  return NULL;
}

static char *
member_names (const Member *members)
{
  GString *names = g_string_new (NULL);

  for (const Member *m = members; m->name != NULL; m++)
    g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", m->name);
  return g_string_free (names, FALSE);
}

/* objects and their members */

/* Checks that @node is an object whose keys are all in @members, each of
 * the right type, with every required one present. Returns the object, or
 * NULL when @node is not one. A member of the wrong type reads as absent
 * afterwards (get_string() and friends give NULL). */
JsonObject *
vigil_walk_check_object (Walk *w, const char *path, JsonNode *node, const Member *members)
{
  g_autoptr (GList) names = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      vigil_interchange_add_problem (w->problems, path, _("expected an object, found %s"),
                                     node != NULL ? describe_node (node) : _("nothing"));
      return NULL;
    }
  object = json_node_get_object (node);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const Member *member = find_member (members, name);
      JsonNode *value = json_object_get_member (object, name);
      g_autofree char *child = vigil_walk_member_path (path, name);

      if (member == NULL)
        {
          g_autofree char *expected = member_names (members);

          vigil_interchange_add_problem (w->problems, child,
                                         _("unknown key (the keys here are %s)"), expected);
          continue;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        {
          if ((member->flags & REQUIRED) && !(member->flags & NULLABLE))
            vigil_interchange_add_problem (w->problems, child,
                                           _("must not be null: expected %s"),
                                           describe_type (member->type));
          continue;
        }
      if (!node_has_type (value, member->type))
        vigil_interchange_add_problem (w->problems, child, _("expected %s, found %s"),
                                       describe_type (member->type), describe_node (value));
    }

  for (const Member *m = members; m->name != NULL; m++)
    if ((m->flags & REQUIRED) && !json_object_has_member (object, m->name))
      {
        g_autofree char *child = vigil_walk_member_path (path, m->name);

        if (m->flags & NULLABLE)
          vigil_interchange_add_problem (w->problems, child, _("missing: expected %s or null"),
                                         describe_type (m->type));
        else
          vigil_interchange_add_problem (w->problems, child, _("missing: expected %s"),
                                         describe_type (m->type));
      }
  return object;
}

JsonNode *
vigil_walk_get_typed (JsonObject *object, const char *name, MemberType type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !node_has_type (node, type))
    return NULL;
  return node;
}

const char *
vigil_walk_get_string (JsonObject *object, const char *name)
{
  JsonNode *node = vigil_walk_get_typed (object, name, TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gboolean
vigil_walk_get_boolean (JsonObject *object, const char *name)
{
  JsonNode *node = vigil_walk_get_typed (object, name, TYPE_BOOLEAN);

  return node != NULL && json_node_get_boolean (node);
}

JsonArray *
vigil_walk_get_array (JsonObject *object, const char *name)
{
  JsonNode *node = vigil_walk_get_typed (object, name, TYPE_ARRAY);

  return node != NULL ? json_node_get_array (node) : NULL;
}

/* A list of texts as a NULL-terminated vector; each element that is not a
 * text is a problem. */
char **
vigil_walk_get_strv (Walk *w, JsonObject *object, const char *name, const char *path)
{
  JsonArray *array = vigil_walk_get_array (object, name);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list_path = NULL;

  if (array == NULL)
    return NULL;
  list_path = vigil_walk_member_path (path, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_has_type (element, TYPE_STRING))
        {
          g_autofree char *child = vigil_walk_index_path (list_path, i);

          vigil_interchange_add_problem (w->problems, child, _("expected a text, found %s"),
                                         describe_node (element));
          continue;
        }
      g_ptr_array_add (values, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/* Reads the enumeration member @name of @object as a nick of @type;
 * @noun names the enumeration in the message. */
gboolean
vigil_walk_get_enum (Walk       *w,
          JsonObject *object,
          const char *path,
          const char *name,
          GType       type,
          const char *noun,
          int        *out)
{
  const char *nick = vigil_walk_get_string (object, name);
  g_autoptr (GEnumClass) klass = NULL;
  g_autoptr (GString) expected = NULL;
  g_autofree char *child = NULL;
  g_autofree char *quoted = NULL;

  if (nick == NULL)
    return FALSE;
  if (vigil_enum_from_nick (type, nick, out))
    return TRUE;

  klass = g_type_class_ref (type);
  expected = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  child = vigil_walk_member_path (path, name);
  quoted = vigil_walk_quote (nick);
  vigil_interchange_add_problem (w->problems, child, _("%s is not a %s (expected one of %s)"),
                                 quoted, noun, expected->str);
  return FALSE;
}

/* The same for the vocabularies of vigil-store-extra.h; @out may be NULL.
 * Absent (optional) members give TRUE and NULL. */
gboolean
vigil_walk_get_word (Walk               *w,
          JsonObject         *object,
          const char         *path,
          const char         *name,
          const char * const *vocabulary,
          const char         *noun,
          const char        **out)
{
  const char *word = vigil_walk_get_string (object, name);
  g_autofree char *expected = NULL;
  g_autofree char *child = NULL;
  g_autofree char *quoted = NULL;

  *out = word;
  if (word == NULL || vigil_vocabulary_contains (vocabulary, word))
    return TRUE;
  expected = vigil_vocabulary_join (vocabulary);
  child = vigil_walk_member_path (path, name);
  quoted = vigil_walk_quote (word);
  vigil_interchange_add_problem (w->problems, child, _("%s is not a %s (expected one of %s)"),
                                 quoted, noun, expected);
  *out = NULL;
  return FALSE;
}

/* A date and time with its zone, as ISO 8601. NULL for an absent member;
 * a problem for one that does not parse. */
GDateTime *
vigil_walk_get_time (Walk *w, JsonObject *object, const char *path, const char *name, gboolean *ok)
{
  const char *text = vigil_walk_get_string (object, name);
  GDateTime *time, *utc;

  if (text == NULL)
    return NULL;
  /* No default zone: a time without one is ambiguous by hours. */
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      g_autofree char *child = vigil_walk_member_path (path, name);
      g_autofree char *quoted = vigil_walk_quote (text);

      vigil_interchange_add_problem (w->problems, child,
                                     _("%s is not a date and time (expected ISO 8601 with a "
                                       "time zone, like 2024-03-05T09:30:00Z)"),
                                     quoted);
      *ok = FALSE;
      return NULL;
    }
  /* Times are UTC in the vault. */
  utc = g_date_time_to_utc (time);
  g_date_time_unref (time);
  return utc;
}

/* Reports @error, from a record's validate function, at @path (or at its
 * member @field when the function named one). */
void
vigil_walk_record_problem (Walk *w, const char *path, const char *field, GError *error)
{
  g_autofree char *child = field != NULL ? vigil_walk_member_path (path, field) : g_strdup (path);

  vigil_interchange_add_problem (w->problems, child, "%s", error->message);
}
