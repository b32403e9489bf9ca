/* vigil-observation.c: a monitor's finding on one standard at one hearing, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-observation.h"
#include "vigil-record-rules.h"

#define MAX_STANDARD_ID 64
#define MAX_CATALOGUE_VERSION 32

const char * const vigil_observation_severities[] = {
  "minor", "serious", "grave", NULL,
};

/* A severity grades a failure; a respected standard has none. */
gboolean
vigil_observation_status_takes_severity (VigilObservationStatus status)
{
  return status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED
         || status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED;
}

/* private helpers */

static gboolean
standard_id_is_valid (const char *id)
{
  gsize len = id != NULL ? strlen (id) : 0;

  if (len == 0 || len > MAX_STANDARD_ID)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* public API */

VigilObservationNote *
vigil_observation_note_new (void)
{
  return g_new0 (VigilObservationNote, 1);
}

void
vigil_observation_note_free (VigilObservationNote *note)
{
  if (note == NULL)
    return;
  g_free (note->id);
  g_free (note->observation_id);
  g_free (note->case_id);
  g_clear_pointer (&note->noted_at, g_date_time_unref);
  g_free (note->monitor);
  vigil_record_wipe_string (note->text);
  g_free (note);
}

VigilObservationData *
vigil_observation_data_new (void)
{
  VigilObservationData *data = g_new0 (VigilObservationData, 1);

  data->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observation_note_free);
  return data;
}

void
vigil_observation_data_free (VigilObservationData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->case_id);
  g_free (data->hearing_id);
  g_free (data->standard_id);
  g_free (data->status);
  g_free (data->severity);
  g_free (data->catalogue_version);
  vigil_record_wipe_string (data->notes);
  g_free (data->monitor);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_free (data);
}

gboolean
vigil_observation_data_validate (const VigilObservationData *data,
                                 const char                **out_field,
                                 GError                    **error)
{
  int status;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!standard_id_is_valid (data->standard_id))
    {
      if (out_field != NULL)
        *out_field = "standard";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Standard must be the id of a standard: lower-case letters, digits and "
                     "hyphens, at most %d of them"),
                   MAX_STANDARD_ID);
      return FALSE;
    }
  if (!vigil_enum_from_nick (VIGIL_TYPE_OBSERVATION_STATUS, data->status, &status))
    {
      if (out_field != NULL)
        *out_field = "status";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Status is not one of the statuses of an observation"));
      return FALSE;
    }
  if (data->severity != NULL)
    {
      if (!vigil_vocabulary_contains (vigil_observation_severities, data->severity))
        {
          g_autofree char *expected = vigil_vocabulary_join (vigil_observation_severities);

          if (out_field != NULL)
            *out_field = "severity";
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Severity must be one of %s"), expected);
          return FALSE;
        }
      if (!vigil_observation_status_takes_severity (status))
        {
          if (out_field != NULL)
            *out_field = "severity";
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Severity is given, but the standard was not found wanting (status "
                         "%s); a severity goes only with not_respected or partly_respected"),
                       data->status);
          return FALSE;
        }
    }
  if (!vigil_record_catalogue_version_is_valid (data->catalogue_version))
    {
      if (out_field != NULL)
        *out_field = "catalogue_version";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Catalogue version must be letters, digits, dots, hyphens or underscores, "
                     "at most %d of them"),
                   MAX_CATALOGUE_VERSION);
      return FALSE;
    }
  return vigil_record_check_monitor (data->monitor, out_field, error)
         && vigil_record_check_utf8 (data->notes, "notes", _("Notes"), out_field, error);
}
