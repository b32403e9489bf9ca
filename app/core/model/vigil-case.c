/* vigil-case.c: one criminal proceeding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-ids.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-field-problem.h"
#include "vigil-record-private.h"

/* Longer than any court reference or court name seen in practice; a value
 * past it is a paste gone wrong, not a reference. */
#define MAX_SHORT_TEXT VIGIL_LINE_MAX
/* A charge is one line too, but as the indictment words it, with the
 * articles and paragraphs it cites. */
#define MAX_CHARGE 500

struct _VigilCase
{
  VigilRecord      parent_instance;


  char             *reference;
  char             *court;
  char             *jurisdiction;
  VigilCaseStage    stage;
  VigilCaseOutcome  outcome;
  char            **charges;
  char             *convicted_charge;
  gboolean          adjourned_sine_die;
  char             *notes;
  gboolean          notes_loaded;
  guint             person_count;
  guint             hearing_count;
  GDateTime        *next_hearing;
};

G_DEFINE_FINAL_TYPE (VigilCase, vigil_case, VIGIL_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_REFERENCE,
  PROP_COURT,
  PROP_JURISDICTION,
  PROP_STAGE,
  PROP_OUTCOME,
  PROP_CHARGES,
  PROP_CONVICTED_CHARGE,
  PROP_ADJOURNED_SINE_DIE,
  PROP_NOTES,
  PROP_PERSON_COUNT,
  PROP_HEARING_COUNT,
  PROP_NEXT_HEARING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static gboolean
strv_equal (const char * const *a, const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

/* GObject overrides */

static void
vigil_case_finalize (GObject *object)
{
  VigilCase *self = VIGIL_CASE (object);

  g_free (self->reference);
  g_free (self->court);
  g_free (self->jurisdiction);
  g_strfreev (self->charges);
  g_free (self->convicted_charge);
  g_free (self->notes);
  g_clear_pointer (&self->next_hearing, g_date_time_unref);
  G_OBJECT_CLASS (vigil_case_parent_class)->finalize (object);
}

static void
vigil_case_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilCase *self = VIGIL_CASE (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_COURT:
      g_value_set_string (value, self->court);
      break;
    case PROP_JURISDICTION:
      g_value_set_string (value, self->jurisdiction);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_CHARGES:
      g_value_set_boxed (value, self->charges);
      break;
    case PROP_CONVICTED_CHARGE:
      g_value_set_string (value, self->convicted_charge);
      break;
    case PROP_ADJOURNED_SINE_DIE:
      g_value_set_boolean (value, self->adjourned_sine_die);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_PERSON_COUNT:
      g_value_set_uint (value, self->person_count);
      break;
    case PROP_HEARING_COUNT:
      g_value_set_uint (value, self->hearing_count);
      break;
    case PROP_NEXT_HEARING:
      g_value_set_boxed (value, self->next_hearing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_case_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  VigilCase *self = VIGIL_CASE (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      vigil_case_set_reference (self, g_value_get_string (value));
      break;
    case PROP_COURT:
      vigil_case_set_court (self, g_value_get_string (value));
      break;
    case PROP_JURISDICTION:
      vigil_case_set_jurisdiction (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      vigil_case_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_OUTCOME:
      vigil_case_set_outcome (self, g_value_get_enum (value));
      break;
    case PROP_CHARGES:
      vigil_case_set_charges (self, g_value_get_boxed (value));
      break;
    case PROP_CONVICTED_CHARGE:
      vigil_case_set_convicted_charge (self, g_value_get_string (value));
      break;
    case PROP_ADJOURNED_SINE_DIE:
      vigil_case_set_adjourned_sine_die (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      vigil_case_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_case_class_init (VigilCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_case_finalize;
  object_class->get_property = vigil_case_get_property;
  object_class->set_property = vigil_case_set_property;

  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, rw);
  properties[PROP_COURT] = g_param_spec_string ("court", NULL, NULL, NULL, rw);
  properties[PROP_JURISDICTION] = g_param_spec_string ("jurisdiction", NULL, NULL, NULL, rw);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, VIGIL_TYPE_CASE_STAGE,
                                              VIGIL_CASE_STAGE_INVESTIGATION, rw);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, VIGIL_TYPE_CASE_OUTCOME,
                                                VIGIL_CASE_OUTCOME_NONE, rw);
  properties[PROP_CHARGES] = g_param_spec_boxed ("charges", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CONVICTED_CHARGE] =
    g_param_spec_string ("convicted-charge", NULL, NULL, NULL, rw);
  properties[PROP_ADJOURNED_SINE_DIE] =
    g_param_spec_boolean ("adjourned-sine-die", NULL, NULL, FALSE, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_PERSON_COUNT] =
    g_param_spec_uint ("person-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HEARING_COUNT] =
    g_param_spec_uint ("hearing-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NEXT_HEARING] =
    g_param_spec_boxed ("next-hearing", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_case_init (VigilCase *self)
{
  self->stage = VIGIL_CASE_STAGE_INVESTIGATION;
  self->outcome = VIGIL_CASE_OUTCOME_NONE;
  self->charges = g_new0 (char *, 1);
  /* A new case has no stored notes to carry over. */
  self->notes_loaded = TRUE;
}

/* public API */

/**
 * vigil_case_new:
 *
 * Returns: (transfer full): a new, unsaved case (version 0) with a fresh id
 */
VigilCase *
vigil_case_new (void)
{
  VigilCase *self = g_object_new (VIGIL_TYPE_CASE, NULL);

  return self;
}

const char *
vigil_case_get_id (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return vigil_record_get_id (VIGIL_RECORD (self));
}

gint64
vigil_case_get_version (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), 0);
  return vigil_record_get_version (VIGIL_RECORD (self));
}

const char *
vigil_case_get_reference (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->reference;
}

void
vigil_case_set_reference (VigilCase *self, const char *reference)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (reference == NULL || g_utf8_validate (reference, -1, NULL));

  if (vigil_record_set_string (&self->reference, reference))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

const char *
vigil_case_get_court (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->court;
}

void
vigil_case_set_court (VigilCase *self, const char *court)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (court == NULL || g_utf8_validate (court, -1, NULL));

  if (vigil_record_set_string (&self->court, court))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURT]);
}

const char *
vigil_case_get_jurisdiction (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->jurisdiction;
}

void
vigil_case_set_jurisdiction (VigilCase *self, const char *jurisdiction)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (jurisdiction == NULL || g_utf8_validate (jurisdiction, -1, NULL));

  if (vigil_record_set_string (&self->jurisdiction, jurisdiction))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JURISDICTION]);
}

VigilCaseStage
vigil_case_get_stage (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), VIGIL_CASE_STAGE_INVESTIGATION);
  return self->stage;
}

void
vigil_case_set_stage (VigilCase *self, VigilCaseStage stage)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_CASE_STAGE, stage) != NULL);

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

VigilCaseOutcome
vigil_case_get_outcome (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), VIGIL_CASE_OUTCOME_NONE);
  return self->outcome;
}

void
vigil_case_set_outcome (VigilCase *self, VigilCaseOutcome outcome)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, outcome) != NULL);

  if (self->outcome == outcome)
    return;
  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

/* Never NULL: a case without charges has an empty array. */
const char * const *
vigil_case_get_charges (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return (const char * const *) self->charges;
}

void
vigil_case_set_charges (VigilCase *self, const char * const *charges)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (VIGIL_IS_CASE (self));

  if (charges == NULL)
    charges = none;
  for (guint i = 0; charges[i] != NULL; i++)
    g_return_if_fail (g_utf8_validate (charges[i], -1, NULL));
  if (strv_equal ((const char * const *) self->charges, charges))
    return;
  g_strfreev (self->charges);
  self->charges = g_strdupv ((char **) charges);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARGES]);
}

const char *
vigil_case_get_convicted_charge (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->convicted_charge;
}

void
vigil_case_set_convicted_charge (VigilCase *self, const char *charge)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (charge == NULL || g_utf8_validate (charge, -1, NULL));

  if (vigil_record_set_string (&self->convicted_charge, charge))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVICTED_CHARGE]);
}

gboolean
vigil_case_get_adjourned_sine_die (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), FALSE);
  return self->adjourned_sine_die;
}

void
vigil_case_set_adjourned_sine_die (VigilCase *self, gboolean adjourned)
{
  g_return_if_fail (VIGIL_IS_CASE (self));

  adjourned = !!adjourned;
  if (self->adjourned_sine_die == adjourned)
    return;
  self->adjourned_sine_die = adjourned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADJOURNED_SINE_DIE]);
}

const char *
vigil_case_get_notes (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->notes;
}

void
vigil_case_set_notes (VigilCase *self, const char *notes)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (notes == NULL || g_utf8_validate (notes, -1, NULL));

  self->notes_loaded = TRUE;
  if (vigil_record_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

GDateTime *
vigil_case_get_created_at (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return vigil_record_get_created_at (VIGIL_RECORD (self));
}

GDateTime *
vigil_case_get_updated_at (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return vigil_record_get_updated_at (VIGIL_RECORD (self));
}

guint
vigil_case_get_person_count (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), 0);
  return self->person_count;
}

guint
vigil_case_get_hearing_count (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), 0);
  return self->hearing_count;
}

GDateTime *
vigil_case_get_next_hearing (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);
  return self->next_hearing;
}

gboolean
vigil_case_matches (VigilCase *self, const char *query)
{
  g_autofree char *folded_query = NULL;
  g_autofree char *haystack = NULL;
  GString *text;

  g_return_val_if_fail (VIGIL_IS_CASE (self), FALSE);

  if (vigil_text_is_blank (query))
    return TRUE;

  /* Fields are joined by newlines, so no query word (which never holds
   * whitespace) can match across two of them. */
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n%s", self->reference ? self->reference : "",
                          self->court ? self->court : "",
                          self->jurisdiction ? self->jurisdiction : "");
  for (guint i = 0; self->charges[i] != NULL; i++)
    g_string_append_printf (text, "\n%s", self->charges[i]);
  haystack = vigil_text_fold (text->str);
  g_string_free (text, TRUE);
  folded_query = vigil_text_fold (query);
  return vigil_text_fold_matches (haystack, folded_query);
}

/* A trial and a verdict are on an indictment, so from then on a case
 * has charges; a case still under investigation or before trial may not
 * have them yet, and one dropped early may never have had any. */
static gboolean
needs_charges (VigilCase *self)
{
  switch (self->outcome)
    {
    case VIGIL_CASE_OUTCOME_CONVICTION:
    case VIGIL_CASE_OUTCOME_ACQUITTAL:
    case VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE:
      return TRUE;
    default:
      return self->stage == VIGIL_CASE_STAGE_TRIAL || self->stage == VIGIL_CASE_STAGE_APPEAL;
    }
}

GPtrArray *
vigil_case_check (VigilCase *self)
{
  g_autoptr (GPtrArray) problems = vigil_field_problems_new ();

  g_return_val_if_fail (VIGIL_IS_CASE (self), NULL);

  if (vigil_text_is_blank (self->reference))
    g_ptr_array_add (problems, vigil_field_problem_new (
                                 "reference", FALSE,
                                 _("Reference is empty: every case needs the court’s reference")));
  vigil_field_check_line (problems, self->reference, MAX_SHORT_TEXT, "reference", _("Reference"));
  if (vigil_text_is_blank (self->court))
    g_ptr_array_add (problems, vigil_field_problem_new (
                                 "court", FALSE, _("Court is empty: say which court tries the case")));
  vigil_field_check_line (problems, self->court, MAX_SHORT_TEXT, "court", _("Court"));
  vigil_field_check_line (problems, self->jurisdiction, MAX_SHORT_TEXT, "jurisdiction",
                          _("Jurisdiction"));
  if (self->charges[0] == NULL && needs_charges (self))
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("charges", FALSE,
                                              _("Charges: a case at trial, on appeal or with a "
                                                "verdict needs at least one charge")));
  for (guint i = 0; self->charges[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Charges: charge %u"), i + 1);

      if (vigil_text_is_blank (self->charges[i]))
        g_ptr_array_add (problems, vigil_field_problem_new ("charges", FALSE,
                                                            _("Charges: charge %u is empty"),
                                                            i + 1));
      else
        vigil_field_check_line (problems, self->charges[i], MAX_CHARGE, "charges", label);
    }
  if (!vigil_text_is_blank (self->convicted_charge)
      && self->outcome != VIGIL_CASE_OUTCOME_CONVICTION)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("convicted_charge", FALSE,
                                              _("Convicted charge is set, but the outcome is not "
                                                "a conviction")));
  vigil_field_check_line (problems, self->convicted_charge, MAX_CHARGE, "convicted_charge",
                          _("Convicted charge"));
  return g_steal_pointer (&problems);
}

gboolean
vigil_case_validate (VigilCase *self, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (VIGIL_IS_CASE (self), FALSE);

  problems = vigil_case_check (self);
  return vigil_field_problems_to_error (problems, error);
}

/* private API (vigil-record-private.h) */

void
vigil_case_set_counts (VigilCase *self,
                       guint      person_count,
                       guint      hearing_count,
                       GDateTime *next_hearing)
{
  g_return_if_fail (VIGIL_IS_CASE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->person_count != person_count)
    {
      self->person_count = person_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_COUNT]);
    }
  if (self->hearing_count != hearing_count)
    {
      self->hearing_count = hearing_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEARING_COUNT]);
    }
  if (vigil_record_set_date_time (&self->next_hearing, next_hearing))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_HEARING]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
vigil_case_get_notes_loaded (VigilCase *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE (self), FALSE);
  return self->notes_loaded;
}

void
vigil_case_set_notes_loaded (VigilCase *self, gboolean loaded)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  self->notes_loaded = !!loaded;
}

void
vigil_case_update_from (VigilCase *self, VigilCase *other)
{
  g_return_if_fail (VIGIL_IS_CASE (self));
  g_return_if_fail (VIGIL_IS_CASE (other));

  g_object_freeze_notify (G_OBJECT (self));
  /* Notes this copy holds are current only as long as its version is: when
   * the other copy never opened its notes and the version moved on, drop
   * them, so a save carries the stored notes over instead of writing stale
   * ones back. */
  if (other->notes_loaded)
    vigil_case_set_notes (self, other->notes);
  else if (vigil_case_get_version (self) != vigil_case_get_version (other)
           || g_strcmp0 (vigil_case_get_id (self), vigil_case_get_id (other)) != 0)
    {
      if (vigil_record_set_string (&self->notes, NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
      self->notes_loaded = FALSE;
    }
  vigil_record_set_id (VIGIL_RECORD (self), vigil_case_get_id (other));
  vigil_record_set_version (VIGIL_RECORD (self), vigil_case_get_version (other));
  vigil_case_set_reference (self, other->reference);
  vigil_case_set_court (self, other->court);
  vigil_case_set_jurisdiction (self, other->jurisdiction);
  vigil_case_set_stage (self, other->stage);
  vigil_case_set_outcome (self, other->outcome);
  vigil_case_set_charges (self, (const char * const *) other->charges);
  vigil_case_set_convicted_charge (self, other->convicted_charge);
  vigil_case_set_adjourned_sine_die (self, other->adjourned_sine_die);
  vigil_record_set_created_at (VIGIL_RECORD (self), vigil_case_get_created_at (other));
  vigil_record_set_updated_at (VIGIL_RECORD (self), vigil_case_get_updated_at (other));
  vigil_case_set_counts (self, other->person_count, other->hearing_count, other->next_hearing);
  g_object_thaw_notify (G_OBJECT (self));
}
