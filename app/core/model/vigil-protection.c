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
  "closed_session", "support_person", "interpreter", "relocation", "risk_assessment",
  "relatives_protection", "familiarisation_visit", "courtroom_accompaniment",
  "separate_arrival", "debrief", NULL,
};

const char * const vigil_protection_statuses[] = {
  "requested", "confirmed", "delivered", "failed", "cancelled", NULL,
};

/* Who carries a measure out is one team for the whole time of a hearing:
 * booking them for two at once is a conflict. */
static const char * const staffed_kinds[] = {
  "police_escort", "support_person", "interpreter", "courtroom_accompaniment", NULL,
};

/* public API */

gboolean
vigil_protection_status_is_open (const char *status)
{
  return g_strcmp0 (status, "requested") == 0 || g_strcmp0 (status, "confirmed") == 0;
}

gboolean
vigil_protection_kind_is_staffed (const char *kind)
{
  return kind != NULL && g_strv_contains (staffed_kinds, kind);
}

/**
 * vigil_protection_status_can_change:
 *
 * A measure is requested, then confirmed, then delivered or failed; until
 * it is delivered or failed it can be cancelled. Nothing comes back from
 * delivered, failed or cancelled: a new need is a new measure, so the
 * history of the old one stays true.
 */
gboolean
vigil_protection_status_can_change (const char *from, const char *to)
{
  if (from == NULL || to == NULL)
    return FALSE;
  if (g_str_equal (from, "requested"))
    return g_str_equal (to, "confirmed") || g_str_equal (to, "cancelled");
  if (g_str_equal (from, "confirmed"))
    return g_str_equal (to, "delivered") || g_str_equal (to, "failed")
           || g_str_equal (to, "cancelled");
  return FALSE;
}

VigilProtectionStatusChange *
vigil_protection_status_change_new (void)
{
  return g_new0 (VigilProtectionStatusChange, 1);
}

void
vigil_protection_status_change_free (VigilProtectionStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->measure_id);
  g_free (change->case_id);
  g_free (change->status);
  g_clear_pointer (&change->changed_at, g_date_time_unref);
  g_free (change->monitor);
  g_free (change);
}

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
  g_clear_pointer (&data->history, g_ptr_array_unref);
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
