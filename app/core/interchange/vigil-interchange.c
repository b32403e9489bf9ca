/* vigil-interchange.c: a loaded and validated interchange document
 *
 * This file holds the object, loading and the reporting of problems;
 * validation is in vigil-interchange-parse.c, writing into a vault in
 * vigil-interchange-import.c and the export in vigil-interchange-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-interchange-private.h"
#include "vigil-text.h"

G_DEFINE_FINAL_TYPE (VigilInterchange, vigil_interchange, G_TYPE_OBJECT)

/* private helpers */

static void
plan_person_free (VigilPlanPerson *plan)
{
  g_free (plan->path);
  g_clear_object (&plan->person);
  g_clear_pointer (&plan->identity, vigil_identity_free);
  g_clear_pointer (&plan->consents, g_ptr_array_unref);
  g_clear_pointer (&plan->risks, g_ptr_array_unref);
  g_free (plan);
}

static void
plan_hearing_free (VigilPlanHearing *plan)
{
  g_free (plan->path);
  g_clear_object (&plan->hearing);
  g_clear_pointer (&plan->observations, g_ptr_array_unref);
  g_clear_pointer (&plan->assessment, vigil_assessment_data_free);
  g_clear_pointer (&plan->moves, g_ptr_array_unref);
  g_free (plan);
}

static void
count_plan (VigilInterchange *self)
{
  VigilInterchangeCounts *counts = &self->counts;

  memset (counts, 0, sizeof *counts);
  counts->cases = self->cases->len;
  for (guint i = 0; i < self->cases->len; i++)
    {
      VigilPlanCase *plan = g_ptr_array_index (self->cases, i);

      counts->persons += plan->persons->len;
      for (guint p = 0; p < plan->persons->len; p++)
        {
          VigilPlanPerson *person = g_ptr_array_index (plan->persons, p);

          counts->identities += person->identity != NULL;
          counts->consents += person->consents->len;
        }
      counts->hearings += plan->hearings->len;
      counts->assessments += plan->assessment != NULL;
      for (guint h = 0; h < plan->hearings->len; h++)
        {
          VigilPlanHearing *hearing = g_ptr_array_index (plan->hearings, h);

          counts->observations += hearing->observations->len;
          for (guint o = 0; o < hearing->observations->len; o++)
            counts->observation_entries +=
              ((VigilObservationData *) g_ptr_array_index (hearing->observations, o))->entries->len;
          if (hearing->hearing != NULL)
            counts->attendees += vigil_hearing_get_n_attendees (hearing->hearing);
          counts->assessments += hearing->assessment != NULL;
        }
      counts->protection_measures += plan->measures->len;
      counts->claims += plan->claims->len;
      for (guint c = 0; c < plan->claims->len; c++)
        counts->claim_items += ((VigilClaimData *) g_ptr_array_index (plan->claims, c))->items->len;
    }
}

/* The members that hold free text, wherever they are in a document:
 * notes, an entry's text, reasons, a measure's details, a claim's assets
 * and evidence, a postal address. Their texts may run over several lines;
 * every other text (a name, a reference, a word of a vocabulary, a date)
 * is one line. */
static const char * const multiline_members[] = {
  "notes", "text", "reason", "adjournment_reason", "details", "assets", "evidence", "address",
  NULL,
};

/* The first character @text may not hold, or 0 when there is none. A text
 * that is not one line may hold tabs and line breaks. */
static gunichar
find_forbidden (const char *text, gboolean multiline)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\t' || c == '\n' || c == '\r'))
        continue;
      if (vigil_text_is_control (c) || vigil_text_is_direction_control (c))
        return c;
    }
  return 0;
}

/* Reports @c, found in a text (or in a member's name, @in_name) at @path. */
static void
add_character_problem (GPtrArray *problems, const char *path, gunichar c, gboolean in_name)
{
  const char *what = in_name ? _("a member's name") : _("the text");

  if (c == '\t' || c == '\n' || c == '\r')
    vigil_interchange_add_problem (problems, path,
                                   _("%s holds a tab or a line break, but is one line (only "
                                     "notes, entries, reasons, details, assets, evidence and "
                                     "addresses run over several)"),
                                   what);
  else if (vigil_text_is_control (c))
    vigil_interchange_add_problem (problems, path,
                                   _("%s holds the control character U+%04X, which no text may "
                                     "hold"),
                                   what, c);
  else
    vigil_interchange_add_problem (problems, path,
                                   _("%s holds U+%04X, which turns the direction text is shown "
                                     "in and can make it read as another; no text may hold it"),
                                   what, c);
}

/* Every text of a document, and every member's name, must be UTF-8 and
 * hold no control character (but tabs and line breaks in the free text of
 * multiline_members) and none that turns the direction of text around.
 * json-glib reads an escape JSON does not have, such as "\214", as the
 * byte it names, so a tree from elsewhere than vigil_interchange_scan()
 * need not be UTF-8. @member is the name the texts at @path are under,
 * @depth the lists and objects around @node: a tree built elsewhere is
 * held to the reader's limit as well. Returns FALSE when anything was
 * wrong. */
static gboolean
check_texts (JsonNode   *node,
             const char *path,
             const char *member,
             guint       depth,
             GPtrArray  *problems)
{
  if (depth == VIGIL_INTERCHANGE_MAX_DEPTH && (JSON_NODE_HOLDS_ARRAY (node)
                                               || JSON_NODE_HOLDS_OBJECT (node)))
    {
      vigil_interchange_add_problem (problems, path,
                                     _("lists and objects are nested more than %d deep here, "
                                       "more than Vigil reads (its own files nest about 10 "
                                       "deep)"),
                                     VIGIL_INTERCHANGE_MAX_DEPTH);
      return FALSE;
    }
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE:
      {
        const char *text;
        gunichar c;

        if (json_node_get_value_type (node) != G_TYPE_STRING)
          return TRUE;
        text = json_node_get_string (node);
        if (!g_utf8_validate (text, -1, NULL))
          {
            vigil_interchange_add_problem (problems, path, _("the text is not UTF-8"));
            return FALSE;
          }
        c = find_forbidden (text, member != NULL && g_strv_contains (multiline_members, member));
        if (c == 0)
          return TRUE;
        add_character_problem (problems, path, c, FALSE);
        return FALSE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        gboolean ok = TRUE;

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child = vigil_walk_index_path (path, i);

            ok &= check_texts (json_array_get_element (array, i), child, member, depth + 1,
                               problems);
          }
        return ok;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) names = json_object_get_members (object);
        gboolean ok = TRUE;

        /* In the order of the file, as the problems of the records are. */
        for (GList *l = names; l != NULL; l = l->next)
          {
            const char *name = l->data;
            JsonNode *value = json_object_get_member (object, name);
            g_autofree char *child = NULL;
            gunichar c;

            /* What lies below a broken name has no path to be told at. */
            if (!g_utf8_validate (name, -1, NULL))
              {
                vigil_interchange_add_problem (problems, path,
                                               _("a member's name is not UTF-8 text"));
                ok = FALSE;
                continue;
              }
            c = find_forbidden (name, FALSE);
            if (c != 0)
              {
                add_character_problem (problems, path, c, TRUE);
                ok = FALSE;
                continue;
              }
            child = vigil_walk_member_path (path, name);
            ok &= check_texts (value, child, name, depth + 1, problems);
          }
        return ok;
      }
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static VigilInterchange *
refuse (GPtrArray *problems, GPtrArray **out_problems, GError **error)
{
  vigil_interchange_set_error (error, problems);
  if (out_problems != NULL)
    *out_problems = g_ptr_array_ref (problems);
  return NULL;
}

/* Moves the @length bytes of @buffer into a new one of @size bytes; the
 * old one is wiped, since what a file holds may be identities. */
static char *
grow_wiped (char *buffer, gsize length, gsize size)
{
  char *grown = g_malloc (size);

  if (length > 0)
    {
      memcpy (grown, buffer, length);
      sodium_memzero (buffer, length);
    }
  g_free (buffer);
  return grown;
}

/* Reads all of @file into *@out_contents, but never more than @max bytes:
 * a file that has more gives no contents, and its size in *@too_large (or
 * as much as was read of it). The size is asked first, so an ordinary file
 * too large is not read at all, and a pipe or a device without end stops
 * just past the limit. */
static gboolean
read_at_most (GFile     *file,
              gsize      max,
              char     **out_contents,
              gsize     *out_length,
              guint64   *too_large,
              GError   **error)
{
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr (GFileInfo) info = NULL;
  char *buffer;
  gsize size = 64 * 1024, length = 0;

  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset known = g_file_info_get_size (info);

      if (known > (goffset) max)
        {
          *too_large = known;
          return TRUE;
        }
      /* One more byte, to see the end without growing the buffer. */
      size = (gsize) known + 1;
    }

  buffer = g_malloc (size);
  for (;;)
    {
      gssize n;

      if (length == size)
        {
          if (size > max)
            {
              sodium_memzero (buffer, length);
              g_free (buffer);
              *too_large = length;
              return TRUE;
            }
          buffer = grow_wiped (buffer, length, MIN (size * 2, max + 1));
          size = MIN (size * 2, max + 1);
        }
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + length, size - length, NULL,
                               error);
      if (n < 0)
        {
          sodium_memzero (buffer, length);
          g_free (buffer);
          return FALSE;
        }
      if (n == 0)
        break;
      length += n;
    }
  if (length > max)
    {
      sodium_memzero (buffer, length);
      g_free (buffer);
      *too_large = length;
      return TRUE;
    }
  *out_contents = buffer;
  *out_length = length;
  return TRUE;
}

static VigilInterchange *
finish_load (GPtrArray  *cases,
             GPtrArray  *problems,
             GPtrArray **out_problems,
             GError    **error)
{
  VigilInterchange *self;

  if (problems->len > 0)
    {
      vigil_interchange_set_error (error, problems);
      if (out_problems != NULL)
        *out_problems = g_ptr_array_ref (problems);
      return NULL;
    }
  self = g_object_new (VIGIL_TYPE_INTERCHANGE, NULL);
  g_ptr_array_extend_and_steal (self->cases, g_ptr_array_ref (cases));
  count_plan (self);
  if (out_problems != NULL)
    *out_problems = g_ptr_array_ref (problems);
  return self;
}

/* GObject overrides */

static void
vigil_interchange_finalize (GObject *object)
{
  VigilInterchange *self = VIGIL_INTERCHANGE (object);

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_interchange_parent_class)->finalize (object);
}

static void
vigil_interchange_class_init (VigilInterchangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_interchange_finalize;
}

static void
vigil_interchange_init (VigilInterchange *self)
{
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_plan_case_free);
}

/* private API (vigil-interchange-private.h) */

VigilPlanCase *
vigil_plan_case_new (void)
{
  VigilPlanCase *plan = g_new0 (VigilPlanCase, 1);

  plan->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_person_free);
  plan->hearings = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_hearing_free);
  plan->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_data_free);
  plan->assets = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_defendant_asset_free);
  plan->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_claim_data_free);
  return plan;
}

void
vigil_plan_case_free (VigilPlanCase *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->path);
  g_clear_object (&plan->kase);
  g_ptr_array_unref (plan->persons);
  g_ptr_array_unref (plan->hearings);
  g_ptr_array_unref (plan->measures);
  g_ptr_array_unref (plan->assets);
  g_ptr_array_unref (plan->claims);
  g_clear_pointer (&plan->assessment, vigil_assessment_data_free);
  g_free (plan);
}

GPtrArray *
vigil_interchange_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_interchange_problem_free);
}

void
vigil_interchange_add_problem (GPtrArray *problems, const char *path, const char *format, ...)
{
  VigilInterchangeProblem *problem = g_new0 (VigilInterchangeProblem, 1);
  va_list args;

  va_start (args, format);
  problem->path = g_strdup (path);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

void
vigil_interchange_set_error (GError **error, GPtrArray *problems)
{
  g_autoptr (GString) message = g_string_new (NULL);
  guint listed = MIN (problems->len, VIGIL_INTERCHANGE_LISTED_PROBLEMS);

  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The file cannot be imported; nothing was written. "
                                       "%u problem:",
                                       "The file cannot be imported; nothing was written. "
                                       "%u problems:",
                                       problems->len),
                          problems->len);
  for (guint i = 0; i < listed; i++)
    {
      VigilInterchangeProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (message, "\n%s: %s", problem->path, problem->message);
    }
  if (problems->len > listed)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                           "… and %u more problems", problems->len - listed),
                              problems->len - listed);
    }
  g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT, message->str);
}

/* public API */

void
vigil_interchange_problem_free (VigilInterchangeProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * vigil_interchange_load_node:
 * @root: the document
 * @out_problems: (out) (optional) (transfer full) (element-type VigilInterchangeProblem):
 *   every problem found, an empty array when there was none
 *
 * Returns: (transfer full) (nullable): the validated document, or NULL with
 *   VIGIL_ERROR_IMPORT
 */
VigilInterchange *
vigil_interchange_load_node (JsonNode *root, GPtrArray **out_problems, GError **error)
{
  g_autoptr (GPtrArray) cases
      = g_ptr_array_new_with_free_func ((GDestroyNotify)vigil_plan_case_free);
  g_autoptr (GPtrArray) problems = vigil_interchange_problems_new ();

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A text with a character it may not hold is reported alone: it would
   * also be "not a role", "not a pseudonym" or the like, one mistake given
   * twice. */
  if (check_texts (root, "$", NULL, 0, problems))
    vigil_interchange_parse (root, cases, problems);
  return finish_load (cases, problems, out_problems, error);
}

VigilInterchange *
vigil_interchange_load_data (const char *data,
                             gssize      length,
                             GPtrArray **out_problems,
                             GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GPtrArray) problems = vigil_interchange_problems_new ();
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_interchange_scan (data, length < 0 ? strlen (data) : (gsize) length, problems))
    return refuse (problems, out_problems, error);
  /* The scan read the same bytes as strict JSON, so json-glib should not
   * fail on them; if it does, it says where (line:column) and why. */
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      vigil_interchange_add_problem (problems, "$", _("not valid JSON: %s"), local->message);
      return refuse (problems, out_problems, error);
    }
  return vigil_interchange_load_node (json_parser_get_root (parser), out_problems, error);
}

/**
 * vigil_interchange_load_file:
 *
 * Reads @path and validates it as vigil_interchange_load_node() does. A
 * file that cannot be read fails with VIGIL_ERROR_IO.
 */
VigilInterchange *
vigil_interchange_load_file (const char *path, GPtrArray **out_problems, GError **error)
{
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  return vigil_interchange_load_gfile (file, out_problems, error);
}

VigilInterchange *
vigil_interchange_load_gfile (GFile *file, GPtrArray **out_problems, GError **error)
{
  g_autoptr (GError) local = NULL;
  VigilInterchange *self;
  char *contents = NULL;
  gsize length = 0;
  guint64 too_large = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_at_most (file, VIGIL_INTERCHANGE_MAX_BYTES, &contents, &length, &too_large, &local))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      const char *reason = local->message;

      /* GIO's own message repeats the path. */
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        reason = _("there is no such file");
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        reason = _("there is no permission to read it");
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        reason = _("it is a folder");
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not read %s: %s"), name, reason);
      return NULL;
    }
  if (too_large > 0)
    {
      g_autoptr (GPtrArray) problems = vigil_interchange_problems_new ();

      vigil_interchange_add_too_large (problems, too_large);
      return refuse (problems, out_problems, error);
    }
  self = vigil_interchange_load_data (contents, length, out_problems, error);
  /* The file may hold identities: the buffer does not outlive the parse. */
  sodium_memzero (contents, length);
  g_free (contents);
  return self;
}

const VigilInterchangeCounts *
vigil_interchange_get_counts (VigilInterchange *self)
{
  g_return_val_if_fail (VIGIL_IS_INTERCHANGE (self), NULL);

  return &self->counts;
}
