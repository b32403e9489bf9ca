/* vigil-consent.c: what a person agreed to, and its withdrawal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-consent"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-ids.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"

#define EARLIEST_YEAR 1990

struct _VigilConsent
{
  VigilRecord      parent_instance;


  char             *person_id;
  VigilConsentKind  kind;
  char             *shared_with;
  GDateTime        *given_at;
  GDateTime        *withdrawn_at;
};

G_DEFINE_FINAL_TYPE (VigilConsent, vigil_consent, VIGIL_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PERSON_ID,
  PROP_KIND,
  PROP_SHARED_WITH,
  PROP_GIVEN_AT,
  PROP_WITHDRAWN_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
vigil_consent_finalize (GObject *object)
{
  VigilConsent *self = VIGIL_CONSENT (object);

  g_free (self->person_id);
  g_free (self->shared_with);
  g_clear_pointer (&self->given_at, g_date_time_unref);
  g_clear_pointer (&self->withdrawn_at, g_date_time_unref);
  G_OBJECT_CLASS (vigil_consent_parent_class)->finalize (object);
}

static void
vigil_consent_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilConsent *self = VIGIL_CONSENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SHARED_WITH:
      g_value_set_string (value, self->shared_with);
      break;
    case PROP_GIVEN_AT:
      g_value_set_boxed (value, self->given_at);
      break;
    case PROP_WITHDRAWN_AT:
      g_value_set_boxed (value, self->withdrawn_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_consent_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilConsent *self = VIGIL_CONSENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SHARED_WITH:
      vigil_consent_set_shared_with (self, g_value_get_string (value));
      break;
    case PROP_GIVEN_AT:
      {
        GDateTime *given_at = g_value_get_boxed (value);

        self->given_at = given_at != NULL ? g_date_time_to_utc (given_at)
                                          : g_date_time_new_now_utc ();
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_consent_class_init (VigilConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_consent_finalize;
  object_class->get_property = vigil_consent_get_property;
  object_class->set_property = vigil_consent_set_property;

  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, co);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, VIGIL_TYPE_CONSENT_KIND,
                                             VIGIL_CONSENT_KIND_STORAGE, co);
  properties[PROP_SHARED_WITH] = g_param_spec_string ("shared-with", NULL, NULL, NULL, rw);
  /* NULL at construction means now. */
  properties[PROP_GIVEN_AT] = g_param_spec_boxed ("given-at", NULL, NULL, G_TYPE_DATE_TIME, co);
  properties[PROP_WITHDRAWN_AT] =
    g_param_spec_boxed ("withdrawn-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_consent_init (VigilConsent *self)
{
}

/* public API */

/**
 * vigil_consent_new:
 * @person_id: whose consent it is
 * @kind: what they agreed to
 * @given_at: (nullable): when; NULL for now
 *
 * Returns: (transfer full): a new, unsaved consent (version 0), in force
 */
VigilConsent *
vigil_consent_new (const char *person_id, VigilConsentKind kind, GDateTime *given_at)
{
  g_return_val_if_fail (person_id != NULL, NULL);
  g_return_val_if_fail (vigil_enum_to_nick (VIGIL_TYPE_CONSENT_KIND, kind) != NULL, NULL);

  return g_object_new (VIGIL_TYPE_CONSENT, "person-id", person_id, "kind", kind, "given-at",
                       given_at, NULL);
}

const char *
vigil_consent_get_id (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), NULL);
  return vigil_record_get_id (VIGIL_RECORD (self));
}

const char *
vigil_consent_get_person_id (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), NULL);
  return self->person_id;
}

gint64
vigil_consent_get_version (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), 0);
  return vigil_record_get_version (VIGIL_RECORD (self));
}

VigilConsentKind
vigil_consent_get_kind (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), VIGIL_CONSENT_KIND_STORAGE);
  return self->kind;
}

const char *
vigil_consent_get_shared_with (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), NULL);
  return self->shared_with;
}

void
vigil_consent_set_shared_with (VigilConsent *self, const char *shared_with)
{
  g_return_if_fail (VIGIL_IS_CONSENT (self));
  g_return_if_fail (shared_with == NULL || g_utf8_validate (shared_with, -1, NULL));

  if (vigil_record_set_string (&self->shared_with, shared_with))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_WITH]);
}

GDateTime *
vigil_consent_get_given_at (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), NULL);
  return self->given_at;
}

GDateTime *
vigil_consent_get_withdrawn_at (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), NULL);
  return self->withdrawn_at;
}

gboolean
vigil_consent_is_in_force (VigilConsent *self)
{
  g_return_val_if_fail (VIGIL_IS_CONSENT (self), FALSE);
  return self->withdrawn_at == NULL;
}

/* private API (vigil-record-private.h) */

void
vigil_consent_set_withdrawn_at (VigilConsent *self, GDateTime *withdrawn_at)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_if_fail (VIGIL_IS_CONSENT (self));

  if (withdrawn_at != NULL)
    utc = g_date_time_to_utc (withdrawn_at);
  if (vigil_record_set_date_time (&self->withdrawn_at, utc))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN_AT]);
}

gboolean
vigil_consent_validate (VigilConsent *self, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  /* A consent recorded a little ahead of the clock (another time zone,
   * a laptop clock off by minutes) is not impossible; a day ahead is. */
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);

  g_return_val_if_fail (VIGIL_IS_CONSENT (self), FALSE);

  if (!vigil_uuid_is_valid (self->person_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Person: the consent is not attached to a valid person"));
      return FALSE;
    }
  if (g_date_time_get_year (self->given_at) < EARLIEST_YEAR)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Given on: %d is before %d; check the year"),
                   g_date_time_get_year (self->given_at), EARLIEST_YEAR);
      return FALSE;
    }
  if (g_date_time_compare (self->given_at, tomorrow) > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Given on: the date is in the future"));
      return FALSE;
    }
  if (self->withdrawn_at != NULL && g_date_time_compare (self->withdrawn_at, self->given_at) < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Withdrawn on: the date is before the consent was given"));
      return FALSE;
    }
  if (self->withdrawn_at != NULL && g_date_time_compare (self->withdrawn_at, tomorrow) > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Withdrawn on: the date is in the future"));
      return FALSE;
    }
  if (self->kind == VIGIL_CONSENT_KIND_SHARING && vigil_text_is_blank (self->shared_with))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Shared with is empty: say with whom the person agreed to share"));
      return FALSE;
    }
  return TRUE;
}
