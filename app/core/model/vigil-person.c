/* vigil-person.c: someone in a case, by role and pseudonym
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-ids.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-field-problem.h"
#include "vigil-identity.h"
#include "vigil-record-rules.h"
#include "vigil-record-private.h"

struct _VigilPerson
{
  VigilRecord      parent_instance;


  char            *case_id;
  char            *pseudonym;
  VigilPersonRole  role;
  gboolean         is_child;
  char            *notes;
  char            *identified_on;
};

G_DEFINE_FINAL_TYPE (VigilPerson, vigil_person, VIGIL_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_CASE_ID,
  PROP_PSEUDONYM,
  PROP_ROLE,
  PROP_IS_CHILD,
  PROP_NOTES,
  PROP_IDENTIFIED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

/* "V-01": one to three capital letters, a hyphen, two or three digits. The
 * pseudonym is the only name that ever leaves the vault, so anything that
 * could be a real name or initials-plus-birthdate is refused. */
static gboolean
pseudonym_is_valid (const char *pseudonym)
{
  const char *p = pseudonym;
  guint letters = 0, digits = 0;

  if (pseudonym == NULL)
    return FALSE;
  while (*p >= 'A' && *p <= 'Z')
    p++, letters++;
  if (letters < 1 || letters > 3 || *p++ != '-')
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  return *p == '\0' && digits >= 2 && digits <= 3;
}

/* GObject overrides */

static void
vigil_person_finalize (GObject *object)
{
  VigilPerson *self = VIGIL_PERSON (object);

  g_free (self->case_id);
  g_free (self->pseudonym);
  g_free (self->notes);
  g_free (self->identified_on);
  G_OBJECT_CLASS (vigil_person_parent_class)->finalize (object);
}

static void
vigil_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilPerson *self = VIGIL_PERSON (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_PSEUDONYM:
      g_value_set_string (value, self->pseudonym);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_IS_CHILD:
      g_value_set_boolean (value, self->is_child);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_IDENTIFIED_ON:
      g_value_set_string (value, self->identified_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_person_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VigilPerson *self = VIGIL_PERSON (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      self->case_id = g_value_dup_string (value);
      break;
    case PROP_PSEUDONYM:
      vigil_person_set_pseudonym (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      vigil_person_set_role (self, g_value_get_enum (value));
      break;
    case PROP_IS_CHILD:
      vigil_person_set_is_child (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      vigil_person_set_notes (self, g_value_get_string (value));
      break;
    case PROP_IDENTIFIED_ON:
      vigil_person_set_identified_on (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_person_class_init (VigilPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_person_finalize;
  object_class->get_property = vigil_person_get_property;
  object_class->set_property = vigil_person_set_property;

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, rw);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, VIGIL_TYPE_PERSON_ROLE,
                                             VIGIL_PERSON_ROLE_VICTIM, rw);
  properties[PROP_IS_CHILD] = g_param_spec_boolean ("is-child", NULL, NULL, FALSE, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_IDENTIFIED_ON] = g_param_spec_string ("identified-on", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_person_init (VigilPerson *self)
{
  self->role = VIGIL_PERSON_ROLE_VICTIM;
}

/* public API */

/**
 * vigil_person_new:
 * @case_id: the case the person is part of
 *
 * Returns: (transfer full): a new, unsaved person (version 0) with a fresh id
 */
VigilPerson *
vigil_person_new (const char *case_id)
{
  g_return_val_if_fail (case_id != NULL, NULL);

  return g_object_new (VIGIL_TYPE_PERSON, "case-id", case_id, NULL);
}

const char *
vigil_person_get_id (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return vigil_record_get_id (VIGIL_RECORD (self));
}

const char *
vigil_person_get_case_id (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return self->case_id;
}

gint64
vigil_person_get_version (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), 0);
  return vigil_record_get_version (VIGIL_RECORD (self));
}

const char *
vigil_person_get_pseudonym (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return self->pseudonym;
}

void
vigil_person_set_pseudonym (VigilPerson *self, const char *pseudonym)
{
  g_return_if_fail (VIGIL_IS_PERSON (self));
  g_return_if_fail (pseudonym == NULL || g_utf8_validate (pseudonym, -1, NULL));

  if (vigil_record_set_string (&self->pseudonym, pseudonym))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PSEUDONYM]);
}

VigilPersonRole
vigil_person_get_role (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), VIGIL_PERSON_ROLE_VICTIM);
  return self->role;
}

void
vigil_person_set_role (VigilPerson *self, VigilPersonRole role)
{
  g_return_if_fail (VIGIL_IS_PERSON (self));
  g_return_if_fail (vigil_enum_to_nick (VIGIL_TYPE_PERSON_ROLE, role) != NULL);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

gboolean
vigil_person_get_is_child (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), FALSE);
  return self->is_child;
}

void
vigil_person_set_is_child (VigilPerson *self, gboolean is_child)
{
  g_return_if_fail (VIGIL_IS_PERSON (self));

  is_child = !!is_child;
  if (self->is_child == is_child)
    return;
  self->is_child = is_child;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CHILD]);
}

const char *
vigil_person_get_notes (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return self->notes;
}

void
vigil_person_set_notes (VigilPerson *self, const char *notes)
{
  g_return_if_fail (VIGIL_IS_PERSON (self));
  g_return_if_fail (notes == NULL || g_utf8_validate (notes, -1, NULL));

  if (vigil_record_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * vigil_person_get_identified_on:
 *
 * Returns: (nullable): the day the person was identified as a presumed
 *   victim (YYYY-MM-DD), from which their reflection period runs
 */
const char *
vigil_person_get_identified_on (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return self->identified_on;
}

void
vigil_person_set_identified_on (VigilPerson *self, const char *identified_on)
{
  g_return_if_fail (VIGIL_IS_PERSON (self));

  if (vigil_record_set_string (&self->identified_on, identified_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIED_ON]);
}

GDateTime *
vigil_person_get_created_at (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return vigil_record_get_created_at (VIGIL_RECORD (self));
}

GDateTime *
vigil_person_get_updated_at (VigilPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  return vigil_record_get_updated_at (VIGIL_RECORD (self));
}

const char *
vigil_person_role_prefix (VigilPersonRole role)
{
  switch (role)
    {
    case VIGIL_PERSON_ROLE_VICTIM:
    case VIGIL_PERSON_ROLE_VICTIM_WITNESS:
    case VIGIL_PERSON_ROLE_CHILD_VICTIM:
      return "V";
    case VIGIL_PERSON_ROLE_WITNESS:
      return "W";
    case VIGIL_PERSON_ROLE_DEFENDANT:
      return "D";
    case VIGIL_PERSON_ROLE_GUARDIAN:
      return "G";
    case VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE:
      return "L";
    case VIGIL_PERSON_ROLE_INTERPRETER:
      return "I";
    case VIGIL_PERSON_ROLE_SUPPORT_PERSON:
      return "S";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
vigil_person_validate (VigilPerson *self, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (self), FALSE);

  if (!vigil_uuid_is_valid (self->case_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Case: the person is not attached to a valid case"));
      return FALSE;
    }
  if (vigil_text_is_blank (self->pseudonym))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Pseudonym is empty: every person needs one, like V-01"));
      return FALSE;
    }
  if (!pseudonym_is_valid (self->pseudonym))
    {
      /* The value is not echoed: someone may have typed a real name here. */
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Pseudonym must look like V-01: a capital letter, a hyphen and two "
                     "digits"));
      return FALSE;
    }
  if (self->role == VIGIL_PERSON_ROLE_CHILD_VICTIM && !self->is_child)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Child: a child victim must be marked as a child"));
      return FALSE;
    }
  if (self->identified_on != NULL && !vigil_record_date_is_valid (self->identified_on))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Identified: “%s” is not a date (YYYY-MM-DD)"), self->identified_on);
      return FALSE;
    }
  return TRUE;
}

/* How long after a child victim turned 18 their case still plausibly
 * comes to trial: trafficking proceedings take years, but rarely more
 * than ten after the person came of age. */
#define CHILD_YEARS_AFTER 10

/* The age in whole years on @now of someone born on @date_of_birth
 * (YYYY-MM-DD), or -1 when it is not a date. */
static int
age_on (const char *date_of_birth, GDateTime *now)
{
  guint year, month, day;
  int age;

  if (!vigil_record_date_is_valid (date_of_birth))
    return -1;
  year = g_ascii_strtoull (date_of_birth, NULL, 10);
  month = g_ascii_strtoull (date_of_birth + 5, NULL, 10);
  day = g_ascii_strtoull (date_of_birth + 8, NULL, 10);
  age = g_date_time_get_year (now) - (int) year;
  if ((guint) g_date_time_get_month (now) < month
      || ((guint) g_date_time_get_month (now) == month
          && (guint) g_date_time_get_day_of_month (now) < day))
    age--;
  return age;
}

GPtrArray *
vigil_person_check_identity (VigilPerson *self, const VigilIdentity *identity, GDateTime *now)
{
  g_autoptr (GPtrArray) problems = NULL;
  int age;

  g_return_val_if_fail (VIGIL_IS_PERSON (self), NULL);
  g_return_val_if_fail (identity != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  problems = vigil_identity_check (identity);
  if (problems->len > 0 || vigil_text_is_blank (identity->date_of_birth))
    return g_steal_pointer (&problems);

  /* "Child" means under 18 at the time of the offence, a date the vault
   * does not hold; the date of birth and today bound it from one side
   * only. Someone under 18 today certainly was a child then, so leaving
   * Child off is refused: the child-specific standards would silently not
   * apply. Someone older may still have been a child at an offence long
   * ago, so an adult marked as a child is only a warning, for the person
   * entering it to confirm: refusing would make a true historic case
   * impossible to record. */
  age = age_on (identity->date_of_birth, now);
  if (age >= 0 && age < 18 && !self->is_child)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("is_child", FALSE,
                                              _("Child: by the date of birth this person is %d "
                                                "today, so was under 18 at the time of the "
                                                "offence; turn Child on"),
                                              age));
  else if (age >= 18 + CHILD_YEARS_AFTER && self->is_child)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("is_child", TRUE,
                                              _("Child: by the date of birth this person is %d "
                                                "today, so was last under 18 %d years ago; "
                                                "check the date of birth, or save again to "
                                                "keep it as a child at an offence that long "
                                                "ago"),
                                              age, age - 17));
  return g_steal_pointer (&problems);
}

/* private API (vigil-record-private.h) */

