/* vigil-interchange-hearing.c: validating a hearing of a document
 *
 * A hearing carries what the monitor recorded about it: its facts, who
 * attended (by pseudonym), the observations with their timestamped
 * entries, and the overall assessment. As in vigil-interchange-parse.c,
 * every problem is reported at its path, and the rules are the records'
 * own validate functions, called on what the document builds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-hearing-private.h"
#include "vigil-interchange-private.h"
#include "vigil-record-private.h"
#include "vigil-store-observation-notes.h"

static const Member hearing_members[] = {
  { "starts_at", TYPE_STRING, REQUIRED },
  { "room", TYPE_STRING, OPTIONAL },
  { "kind", TYPE_STRING, REQUIRED },
  { "status", TYPE_STRING, OPTIONAL },
  { "closed_session", TYPE_BOOLEAN, REQUIRED },
  { "adjournment_reason", TYPE_STRING, OPTIONAL },
  { "notes", TYPE_STRING, OPTIONAL },
  { "facts", TYPE_OBJECT, OPTIONAL },
  { "attendance", TYPE_ARRAY, OPTIONAL },
  { "observations", TYPE_ARRAY, OPTIONAL },
  { "assessment", TYPE_OBJECT, OPTIONAL },
  { "moves", TYPE_ARRAY, OPTIONAL },
  { NULL },
};

static const Member move_members[] = {
  { "from", TYPE_STRING, REQUIRED },
  { "to", TYPE_STRING, REQUIRED },
  { "moved_at", TYPE_STRING, REQUIRED },
  { "monitor", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member facts_members[] = {
  { "media_present", TYPE_BOOLEAN, OPTIONAL },
  { "interpreter_present", TYPE_BOOLEAN, OPTIONAL },
  { "interpreter_languages", TYPE_ARRAY, OPTIONAL },
  { "foreign_victim", TYPE_BOOLEAN, OPTIONAL },
  { "interpretation_needed", TYPE_BOOLEAN, OPTIONAL },
  { "compensation_route_open", TYPE_BOOLEAN, OPTIONAL },
  { "victim_prosecuted", TYPE_BOOLEAN, OPTIONAL },
  { "adjourned_sine_die", TYPE_BOOLEAN, OPTIONAL },
  { "outcome", TYPE_STRING, OPTIONAL },
  { "convicted_charge", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member attendee_members[] = {
  { "person", TYPE_STRING, REQUIRED },
  { "testified", TYPE_BOOLEAN, OPTIONAL },
  { NULL },
};

static const Member observation_members[] = {
  { "standard", TYPE_STRING, REQUIRED },
  { "status", TYPE_STRING, REQUIRED },
  { "severity", TYPE_STRING, OPTIONAL },
  { "catalogue_version", TYPE_STRING, OPTIONAL },
  { "monitor", TYPE_STRING, OPTIONAL },
  { "notes", TYPE_STRING, REQUIRED | NULLABLE },
  { "entries", TYPE_ARRAY, OPTIONAL },
  { NULL },
};

static const Member entry_members[] = {
  { "noted_at", TYPE_STRING, REQUIRED },
  { "monitor", TYPE_STRING, OPTIONAL },
  { "text", TYPE_STRING, REQUIRED },
  { NULL },
};

static const Member assessment_members[] = {
  { "grade", TYPE_STRING, REQUIRED },
  { "suggested", TYPE_STRING, OPTIONAL },
  { "score", TYPE_INTEGER, OPTIONAL },
  { "reason", TYPE_STRING, OPTIONAL },
  { "decided_at", TYPE_STRING, REQUIRED },
  { "monitor", TYPE_STRING, OPTIONAL },
  { "catalogue_version", TYPE_STRING, OPTIONAL },
  { NULL },
};

/* The facts of a hearing, read before the hearing is built. */
typedef struct
{
  gboolean  media_present;
  gboolean  interpreter_present;
  GStrv     interpreter_languages;
  gboolean  foreign_victim;
  gboolean  interpretation_needed;
  gboolean  compensation_route_open;
  gboolean  victim_prosecuted;
  gboolean  adjourned_sine_die;
  int       outcome;
  const char *convicted_charge;
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->interpreter_languages, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* One person at the hearing. */
typedef struct
{
  VigilPerson *person; /* owned by the plan */
  gboolean     testified;
} Attendee;

/* private helpers */

static char *
child_path (const char *path, const char *list, guint index)
{
  g_autofree char *list_path = vigil_walk_member_path (path, list);

  return vigil_walk_index_path (list_path, index);
}

static void
parse_facts (Walk *w, JsonObject *hearing, const char *path, Facts *out)
{
  JsonNode *node = vigil_walk_get_typed (hearing, "facts", TYPE_OBJECT);
  g_autofree char *facts_path = vigil_walk_member_path (path, "facts");
  JsonObject *object;

  out->outcome = VIGIL_CASE_OUTCOME_NONE;
  if (node == NULL)
    return;
  object = vigil_walk_check_object (w, facts_path, node, facts_members);
  out->media_present = vigil_walk_get_boolean (object, "media_present");
  out->interpreter_present = vigil_walk_get_boolean (object, "interpreter_present");
  out->interpreter_languages = vigil_walk_get_strv (w, object, "interpreter_languages",
                                                    facts_path);
  out->foreign_victim = vigil_walk_get_boolean (object, "foreign_victim");
  out->interpretation_needed = vigil_walk_get_boolean (object, "interpretation_needed");
  out->compensation_route_open = vigil_walk_get_boolean (object, "compensation_route_open");
  out->victim_prosecuted = vigil_walk_get_boolean (object, "victim_prosecuted");
  out->adjourned_sine_die = vigil_walk_get_boolean (object, "adjourned_sine_die");
  if (vigil_walk_get_string (object, "outcome") != NULL)
    vigil_walk_get_enum (w, object, facts_path, "outcome", VIGIL_TYPE_CASE_OUTCOME,
                         _("outcome"), &out->outcome);
  out->convicted_charge = vigil_walk_get_string (object, "convicted_charge");
}

static void
parse_attendance (Walk          *w,
                  VigilPlanCase *plan,
                  GHashTable    *seen,
                  JsonObject    *hearing,
                  const char    *path,
                  GArray        *out)
{
  g_autoptr (GHashTable) listed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  JsonArray *array = vigil_walk_get_array (hearing, "attendance");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = child_path (path, "attendance", i);
      JsonObject *object =
        vigil_walk_check_object (w, child, json_array_get_element (array, i), attendee_members);
      Attendee attendee = { 0 };
      const char *other;

      if (object == NULL)
        continue;
      attendee.person = vigil_interchange_find_person (w, plan, seen, object, child, "person");
      attendee.testified = vigil_walk_get_boolean (object, "testified");
      if (attendee.person == NULL)
        continue;
      other = g_hash_table_lookup (listed, attendee.person);
      if (other != NULL)
        {
          g_autofree char *member = vigil_walk_member_path (child, "person");
          g_autofree char *quoted = vigil_walk_quote (vigil_person_get_pseudonym (attendee.person));

          vigil_interchange_add_problem (w->problems, member,
                                         _("%s is already listed at %s; a person attends a "
                                           "hearing once"),
                                         quoted, other);
          continue;
        }
      g_hash_table_insert (listed, attendee.person, g_strdup (child));
      g_array_append_val (out, attendee);
    }
}

/* Whether @version is whole numbers joined by dots: "1", "2.1". */
static gboolean
is_numbered (const char *version)
{
  gboolean digit_before = FALSE;

  for (const char *p = version; *p != '\0'; p++)
    {
      if (*p == '.' && digit_before)
        digit_before = FALSE;
      else if (g_ascii_isdigit (*p))
        digit_before = TRUE;
      else
        return FALSE;
    }
  return digit_before;
}

/* Compares two numbered versions number by number, as numbers of any
 * length: "1.10" comes after "1.9", and "1" is "1.0". */
static int
compare_numbered (const char *a, const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      gsize len_a, len_b;
      int order;

      while (*a == '0' && g_ascii_isdigit (a[1]))
        a++;
      while (*b == '0' && g_ascii_isdigit (b[1]))
        b++;
      len_a = strspn (a, "0123456789");
      len_b = strspn (b, "0123456789");
      if ((len_a == 0 || (len_a == 1 && *a == '0')) && (len_b == 0 || (len_b == 1 && *b == '0')))
        order = 0;
      else if (len_a != len_b)
        order = len_a < len_b ? -1 : 1;
      else
        order = strncmp (a, b, len_a);
      if (order != 0)
        return order;
      a += len_a;
      b += len_b;
      if (*a == '.')
        a++;
      if (*b == '.')
        b++;
    }
  return 0;
}

/* The member "catalogue_version" of @object names the catalogue its
 * standard, or the rule of its suggested grade, came from. This Vigil has
 * one catalogue, and observations made without any ("none", with
 * @allow_none); a version it does not have would import ids and grades it
 * cannot stand behind. FALSE, with a problem, for any other. */
static gboolean
check_catalogue_version (Walk *w, JsonObject *object, const char *path, gboolean allow_none)
{
  const char *ours = vigil_catalogue_get_version (vigil_catalogue_get_default ());
  const char *version = vigil_walk_get_string (object, "catalogue_version");
  g_autofree char *child = NULL;
  g_autofree char *quoted = NULL;

  if (version == NULL || g_str_equal (version, ours)
      || (allow_none && g_str_equal (version, VIGIL_OBSERVATION_NO_CATALOGUE)))
    return TRUE;

  child = vigil_walk_member_path (path, "catalogue_version");
  quoted = vigil_walk_quote (version);
  if (!vigil_record_catalogue_version_is_valid (version))
    vigil_interchange_add_problem (w->problems, child,
                                   _("%s is not a catalogue version (a version is letters, "
                                     "digits, dots, hyphens or underscores; this Vigil's "
                                     "catalogue is version %s)"),
                                   quoted, ours);
  else if (is_numbered (version) && is_numbered (ours) && compare_numbered (version, ours) > 0)
    vigil_interchange_add_problem (w->problems, child,
                                   _("catalogue version %s is newer than this Vigil's (version "
                                     "%s): update Vigil to import this file"),
                                   quoted, ours);
  else if (allow_none)
    vigil_interchange_add_problem (w->problems, child,
                                   _("catalogue version %s is not one this Vigil has (it has "
                                     "version %s, and \"%s\" for observations made without a "
                                     "catalogue)"),
                                   quoted, ours, VIGIL_OBSERVATION_NO_CATALOGUE);
  else
    vigil_interchange_add_problem (w->problems, child,
                                   _("catalogue version %s is not one this Vigil has (it has "
                                     "version %s)"),
                                   quoted, ours);
  return FALSE;
}

static VigilObservationNote *
parse_entry (Walk *w, JsonNode *node, const char *path)
{
  g_autoptr (VigilObservationNote) note = vigil_observation_note_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, entry_members);
  gboolean ok = TRUE;

  if (object == NULL)
    return NULL;
  note->noted_at = vigil_walk_get_time (w, object, path, "noted_at", &ok);
  if (w->problems->len > before)
    return NULL;
  note->monitor = g_strdup (vigil_walk_get_string (object, "monitor"));
  note->text = g_strdup (vigil_walk_get_string (object, "text"));
  if (!vigil_observation_note_validate (note, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return NULL;
    }
  return g_steal_pointer (&note);
}

static void
parse_observation (Walk *w, GPtrArray *list, JsonNode *node, const char *path, VigilCase *kase)
{
  g_autoptr (VigilObservationData) data = vigil_observation_data_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *severity = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, observation_members);
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  JsonArray *entries;
  int status;

  if (object == NULL)
    return;
  vigil_walk_get_enum (w, object, path, "status", VIGIL_TYPE_OBSERVATION_STATUS,
                       _("status of an observation"), &status);
  vigil_walk_get_word (w, object, path, "severity", vigil_observation_severities, _("severity"),
                       &severity);
  check_catalogue_version (w, object, path, TRUE);
  /* The entries are checked whatever the observation's own fields held. */
  entries = vigil_walk_get_array (object, "entries");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      g_autofree char *child = child_path (path, "entries", i);
      VigilObservationNote *note = parse_entry (w, json_array_get_element (entries, i), child);

      if (note != NULL)
        g_ptr_array_add (data->entries, note);
    }
  if (w->problems->len > before)
    return;

  data->case_id = g_strdup (vigil_case_get_id (kase));
  data->standard_id = g_strdup (vigil_walk_get_string (object, "standard"));
  data->status = g_strdup (vigil_walk_get_string (object, "status"));
  data->severity = g_strdup (severity);
  data->catalogue_version = g_strdup (vigil_walk_get_string (object, "catalogue_version"));
  if (data->catalogue_version == NULL)
    data->catalogue_version = g_strdup (vigil_catalogue_get_version (catalogue));
  data->monitor = g_strdup (vigil_walk_get_string (object, "monitor"));
  data->notes = g_strdup (vigil_walk_get_string (object, "notes"));
  if (!vigil_observation_data_validate (data, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return;
    }
  /* Released ids never disappear, and a newer catalogue was refused
   * above, so an id unknown here is a typing slip. */
  if (vigil_catalogue_lookup (catalogue, data->standard_id) == NULL)
    {
      g_autofree char *child = vigil_walk_member_path (path, "standard");

      vigil_interchange_add_problem (w->problems, child,
                                     _("\"%s\" is not a standard of the catalogue (version %s); "
                                       "“vigil-cli standards” lists them"),
                                     data->standard_id, vigil_catalogue_get_version (catalogue));
      return;
    }
  /* One observation per standard and hearing: the live hearing mode finds
   * them by the pair. */
  for (guint i = 0; i < list->len; i++)
    {
      VigilObservationData *earlier = g_ptr_array_index (list, i);

      if (g_str_equal (earlier->standard_id, data->standard_id))
        {
          g_autofree char *child = vigil_walk_member_path (path, "standard");

          vigil_interchange_add_problem (w->problems, child,
                                         _("\"%s\" is already observed at this hearing; one "
                                           "observation per standard"),
                                         data->standard_id);
          return;
        }
    }
  g_ptr_array_add (list, g_steal_pointer (&data));
}

/* Adds the observations of @list to @tally; they were validated, so every
 * status and severity is known. */
static void
tally_observations (VigilGradeTally *tally, GPtrArray *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VigilObservationData *data = g_ptr_array_index (list, i);
      int status;

      if (vigil_enum_from_nick (VIGIL_TYPE_OBSERVATION_STATUS, data->status, &status))
        vigil_grade_tally_add (tally, status, data->severity);
    }
}

/* The member "assessment" of @owner; what the rule suggests is computed
 * from @tally when the document does not say what it suggested then. */
static VigilAssessmentData *
parse_assessment (Walk                  *w,
                  JsonObject            *owner,
                  const char            *owner_path,
                  const VigilGradeTally *tally,
                  const char            *case_id,
                  const char            *hearing_id)
{
  g_autoptr (VigilAssessmentData) data = g_new0 (VigilAssessmentData, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = vigil_walk_member_path (owner_path, "assessment");
  JsonNode *node = vigil_walk_get_typed (owner, "assessment", TYPE_OBJECT);
  JsonNode *score;
  JsonObject *object;
  const char *field = NULL;
  guint before = w->problems->len;
  gboolean ok = TRUE;
  int grade = 0, suggested = 0;
  gboolean has_suggested;

  if (node == NULL)
    return NULL;
  object = vigil_walk_check_object (w, path, node, assessment_members);
  vigil_walk_get_enum (w, object, path, "grade", VIGIL_TYPE_GRADE, _("grade"), &grade);
  has_suggested = vigil_walk_get_string (object, "suggested") != NULL;
  if (has_suggested)
    vigil_walk_get_enum (w, object, path, "suggested", VIGIL_TYPE_GRADE, _("grade"), &suggested);
  data->decided_at = vigil_walk_get_time (w, object, path, "decided_at", &ok);
  check_catalogue_version (w, object, path, FALSE);
  score = vigil_walk_get_typed (object, "score", TYPE_INTEGER);
  if (score != NULL && (json_node_get_int (score) < 0 || json_node_get_int (score) > G_MAXINT))
    {
      g_autofree char *child = vigil_walk_member_path (path, "score");

      vigil_interchange_add_problem (w->problems, child,
                                     _("%" G_GINT64_FORMAT " is not a score (a whole number "
                                       "from 0)"),
                                     json_node_get_int (score));
    }
  if (w->problems->len > before)
    return NULL;

  data->case_id = g_strdup (case_id);
  data->hearing_id = g_strdup (hearing_id);
  data->grade = grade;
  /* Without what the rule suggested then, it is what it suggests now. */
  data->suggested = has_suggested ? (VigilGrade) suggested : vigil_grade_suggest (tally);
  data->score = score != NULL ? (guint) json_node_get_int (score) : tally->score;
  data->reason = g_strdup (vigil_walk_get_string (object, "reason"));
  data->monitor = g_strdup (vigil_walk_get_string (object, "monitor"));
  data->catalogue_version = g_strdup (vigil_walk_get_string (object, "catalogue_version"));
  if (data->catalogue_version == NULL)
    data->catalogue_version =
      g_strdup (vigil_catalogue_get_version (vigil_catalogue_get_default ()));
  if (!vigil_assessment_data_validate (data, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return NULL;
    }
  /* A hearing with problems of its own has no id to attach it to. */
  if (case_id == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/* Sets the facts and attendance on @hearing, whose other fields are valid,
 * and reports the fact that breaks a rule at its path. */
static void
apply_facts (Walk *w, VigilHearing *hearing, const Facts *facts, GArray *attendance,
             const char *path)
{
  g_autoptr (GError) error = NULL;
  const char *field = NULL;

  vigil_hearing_set_media_present (hearing, facts->media_present);
  vigil_hearing_set_interpreter_present (hearing, facts->interpreter_present);
  vigil_hearing_set_interpreter_languages (hearing,
                                           (const char * const *) facts->interpreter_languages);
  vigil_hearing_set_foreign_victim (hearing, facts->foreign_victim);
  vigil_hearing_set_interpretation_needed (hearing, facts->interpretation_needed);
  vigil_hearing_set_compensation_route_open (hearing, facts->compensation_route_open);
  vigil_hearing_set_victim_prosecuted (hearing, facts->victim_prosecuted);
  vigil_hearing_set_adjourned_sine_die (hearing, facts->adjourned_sine_die);
  vigil_hearing_set_outcome (hearing, facts->outcome);
  vigil_hearing_set_convicted_charge (hearing, facts->convicted_charge);
  for (guint i = 0; i < attendance->len; i++)
    {
      Attendee *attendee = &g_array_index (attendance, Attendee, i);

      vigil_hearing_add_attendee (hearing, attendee->person, attendee->testified);
    }
  if (!vigil_hearing_validate_facts (hearing, &field, &error))
    {
      g_autofree char *facts_path = vigil_walk_member_path (path, "facts");

      if (g_strcmp0 (field, "attendance") == 0)
        vigil_walk_record_problem (w, path, field, error);
      else
        vigil_walk_record_problem (w, facts_path, field, error);
    }
}

/* private API (vigil-interchange-private.h) */

/* The times a hearing had before it moved, oldest first. */
static GPtrArray *
parse_moves (Walk *w, JsonObject *object, const char *path, VigilPlanCase *plan)
{
  g_autoptr (GPtrArray) moves =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_hearing_move_free);
  JsonArray *array = vigil_walk_get_array (object, "moves");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = child_path (path, "moves", i);
      g_autoptr (VigilHearingMove) move = vigil_hearing_move_new ();
      JsonObject *item = vigil_walk_check_object (w, child, json_array_get_element (array, i),
                                                  move_members);
      const char *monitor;
      gboolean ok = TRUE;

      if (item == NULL)
        continue;
      move->old_starts_at = vigil_walk_get_time (w, item, child, "from", &ok);
      move->new_starts_at = vigil_walk_get_time (w, item, child, "to", &ok);
      move->moved_at = vigil_walk_get_time (w, item, child, "moved_at", &ok);
      monitor = vigil_walk_get_string (item, "monitor");
      if (monitor != NULL && (strchr (monitor, '\n') != NULL || g_utf8_strlen (monitor, -1) > 200))
        {
          g_autofree char *at = vigil_walk_member_path (child, "monitor");

          vigil_interchange_add_problem (w->problems, at,
                                         _("a monitor's name is one line of at most 200 "
                                           "characters"));
          continue;
        }
      if (!ok || move->old_starts_at == NULL || move->new_starts_at == NULL
          || move->moved_at == NULL)
        continue;
      move->case_id = g_strdup (vigil_case_get_id (plan->kase));
      move->monitor = g_strdup (monitor);
      g_ptr_array_add (moves, g_steal_pointer (&move));
    }
  return g_steal_pointer (&moves);
}

void
vigil_interchange_parse_hearing (Walk          *w,
                                 VigilPlanCase *plan,
                                 GHashTable    *seen,
                                 JsonNode      *node,
                                 const char    *path)
{
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) starts_at = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) observations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observation_data_free);
  g_autoptr (GArray) attendance = g_array_new (FALSE, TRUE, sizeof (Attendee));
  g_auto (Facts) facts = { 0 };
  VigilGradeTally tally = { 0 };
  VigilPlanHearing *entry;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, hearing_members);
  JsonArray *array;
  gboolean ok = TRUE;
  int kind = 0, status = VIGIL_HEARING_STATUS_SCHEDULED;

  if (object == NULL)
    return;
  starts_at = vigil_walk_get_time (w, object, path, "starts_at", &ok);
  vigil_walk_get_enum (w, object, path, "kind", VIGIL_TYPE_HEARING_KIND, _("kind of hearing"),
                       &kind);
  if (vigil_walk_get_string (object, "status") != NULL)
    vigil_walk_get_enum (w, object, path, "status", VIGIL_TYPE_HEARING_STATUS,
                         _("status of a hearing"), &status);

  if (starts_at != NULL)
    {
      g_autoptr (VigilHearing) probe = vigil_hearing_new (vigil_case_get_id (plan->kase));
      g_autoptr (GError) local = NULL;

      /* The date's own rule (its range), apart from the other fields. */
      vigil_hearing_set_starts_at (probe, starts_at);
      if (!vigil_hearing_validate (probe, &local))
        vigil_walk_record_problem (w, path, "starts_at", local);
    }

  parse_facts (w, object, path, &facts);
  parse_attendance (w, plan, seen, object, path, attendance);
  array = vigil_walk_get_array (object, "observations");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = child_path (path, "observations", i);

      parse_observation (w, observations, json_array_get_element (array, i), child, plan->kase);
    }

  entry = g_new0 (VigilPlanHearing, 1);
  entry->path = g_strdup (path);
  if (w->problems->len > before)
    {
      /* Keep the place of this hearing, so hearing_index of the measures
       * after it still points where the author meant; the assessment is
       * still checked. */
      tally_observations (&tally, observations);
      entry->assessment = parse_assessment (w, object, path, &tally, NULL, NULL);
      entry->observations = g_steal_pointer (&observations);
      g_ptr_array_add (plan->hearings, entry);
      return;
    }

  hearing = vigil_hearing_new (vigil_case_get_id (plan->kase));
  vigil_hearing_set_starts_at (hearing, starts_at);
  vigil_hearing_set_room (hearing, vigil_walk_get_string (object, "room"));
  vigil_hearing_set_kind (hearing, kind);
  vigil_hearing_set_status (hearing, status);
  vigil_hearing_set_closed_session (hearing, vigil_walk_get_boolean (object, "closed_session"));
  vigil_hearing_set_adjournment_reason (hearing,
                                        vigil_walk_get_string (object, "adjournment_reason"));
  vigil_hearing_set_notes (hearing, vigil_walk_get_string (object, "notes"));
  if (!vigil_hearing_validate (hearing, &error))
    vigil_walk_record_problem (w, path, NULL, error);
  else
    apply_facts (w, hearing, &facts, attendance, path);

  for (guint i = 0; i < observations->len; i++)
    {
      VigilObservationData *data = g_ptr_array_index (observations, i);

      data->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
    }
  tally_observations (&tally, observations);
  entry->assessment = parse_assessment (w, object, path, &tally, vigil_case_get_id (plan->kase),
                                        vigil_hearing_get_id (hearing));
  entry->moves = parse_moves (w, object, path, plan);
  for (guint i = 0; i < entry->moves->len; i++)
    {
      VigilHearingMove *move = g_ptr_array_index (entry->moves, i);

      move->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
    }
  entry->hearing = g_steal_pointer (&hearing);
  entry->observations = g_steal_pointer (&observations);
  g_ptr_array_add (plan->hearings, entry);
}

void
vigil_interchange_parse_case_assessment (Walk *w, VigilPlanCase *plan, JsonObject *object)
{
  VigilGradeTally tally = { 0 };

  /* A case is graded over the observations of all its hearings. */
  for (guint i = 0; i < plan->hearings->len; i++)
    tally_observations (&tally,
                        ((VigilPlanHearing *) g_ptr_array_index (plan->hearings, i))->observations);
  plan->assessment = parse_assessment (w, object, plan->path, &tally,
                                       vigil_case_get_id (plan->kase), NULL);
}
