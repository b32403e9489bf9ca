/* vigil-protection.c: what is arranged to protect a person, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-protection.h"
#include "vigil-record-rules.h"

const char * const vigil_protection_kinds[] = {
  "police_escort", "separate_entrance", "separate_waiting_room", "video_link", "screen",
  "closed_session", "support_person", "interpreter", "relocation", "risk_assessment", NULL,
};

const char * const vigil_protection_statuses[] = {
  "requested", "confirmed", "delivered", "failed", NULL,
};

/* public API */

VigilProtectionData *
vigil_protection_data_new (void)
{
  return g_new0 (VigilProtectionData, 1);
}

void
vigil_protection_data_free (VigilProtectionData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->case_id);
  g_free (data->person_id);
  g_free (data->hearing_id);
  g_free (data->kind);
  g_free (data->status);
  g_clear_pointer (&data->starts_at, g_date_time_unref);
  g_clear_pointer (&data->ends_at, g_date_time_unref);
  vigil_record_wipe_string (data->responsible);
  vigil_record_wipe_string (data->details);
  g_free (data);
}

gboolean
vigil_protection_data_validate (const VigilProtectionData *data,
                                const char               **out_field,
                                GError                   **error)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (!vigil_vocabulary_contains (vigil_protection_kinds, data->kind))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_protection_kinds);

      if (out_field != NULL)
        *out_field = "kind";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Kind of protection must be one of %s"), expected);
      return FALSE;
    }
  if (!vigil_vocabulary_contains (vigil_protection_statuses, data->status))
    {
      g_autofree char *expected = vigil_vocabulary_join (vigil_protection_statuses);

      if (out_field != NULL)
        *out_field = "status";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Status of protection must be one of %s"), expected);
      return FALSE;
    }
  if (data->starts_at != NULL && data->ends_at != NULL
      && g_date_time_compare (data->ends_at, data->starts_at) < 0)
    {
      if (out_field != NULL)
        *out_field = "ends_at";
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("End: the measure ends before it starts"));
      return FALSE;
    }
  return vigil_record_check_utf8 (data->responsible, "responsible", _("Responsible"), out_field,
                                 error)
         && vigil_record_check_utf8 (data->details, "details", _("Details"), out_field, error);
}
