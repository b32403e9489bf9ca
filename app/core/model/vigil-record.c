/* vigil-record.c: what every record of the vault has, and the helpers the
 * record classes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include "vigil-ids.h"
#include "vigil-record-private.h"

typedef struct
{
  char      *id;
  gint64     version;
  GDateTime *created_at;
  GDateTime *updated_at;
} VigilRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VigilRecord, vigil_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
vigil_record_finalize (GObject *object)
{
  VigilRecordPrivate *priv = vigil_record_get_instance_private (VIGIL_RECORD (object));

  g_free (priv->id);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);
  G_OBJECT_CLASS (vigil_record_parent_class)->finalize (object);
}

static void
vigil_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilRecordPrivate *priv = vigil_record_get_instance_private (VIGIL_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_record_class_init (VigilRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_record_finalize;
  object_class->get_property = vigil_record_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_record_init (VigilRecord *self)
{
  VigilRecordPrivate *priv = vigil_record_get_instance_private (self);

  priv->id = vigil_uuid_new ();
}

/* public API */

const char *
vigil_record_get_id (VigilRecord *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD (self), NULL);
  return ((VigilRecordPrivate *) vigil_record_get_instance_private (self))->id;
}

gint64
vigil_record_get_version (VigilRecord *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD (self), 0);
  return ((VigilRecordPrivate *) vigil_record_get_instance_private (self))->version;
}

GDateTime *
vigil_record_get_created_at (VigilRecord *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD (self), NULL);
  return ((VigilRecordPrivate *) vigil_record_get_instance_private (self))->created_at;
}

GDateTime *
vigil_record_get_updated_at (VigilRecord *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD (self), NULL);
  return ((VigilRecordPrivate *) vigil_record_get_instance_private (self))->updated_at;
}

/* private API (vigil-record-private.h) */

void
vigil_record_set_id (VigilRecord *self, const char *id)
{
  VigilRecordPrivate *priv;

  g_return_if_fail (VIGIL_IS_RECORD (self));
  g_return_if_fail (id != NULL);

  priv = vigil_record_get_instance_private (self);
  if (vigil_record_set_string (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
vigil_record_set_version (VigilRecord *self, gint64 version)
{
  VigilRecordPrivate *priv;

  g_return_if_fail (VIGIL_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  priv = vigil_record_get_instance_private (self);
  if (priv->version == version)
    return;
  priv->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
vigil_record_set_created_at (VigilRecord *self, GDateTime *created_at)
{
  VigilRecordPrivate *priv;

  g_return_if_fail (VIGIL_IS_RECORD (self));

  priv = vigil_record_get_instance_private (self);
  if (vigil_record_set_date_time (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

void
vigil_record_set_updated_at (VigilRecord *self, GDateTime *updated_at)
{
  VigilRecordPrivate *priv;

  g_return_if_fail (VIGIL_IS_RECORD (self));

  priv = vigil_record_get_instance_private (self);
  if (vigil_record_set_date_time (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gboolean
vigil_record_set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
vigil_record_set_date_time (GDateTime **field, GDateTime *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && g_date_time_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}
