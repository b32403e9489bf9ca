/* vigil-reminder.c: what a desktop reminder may say about measures not
 * yet confirmed
 *
 * A notification is shown by the desktop, over a locked screen too, and
 * kept in its history: it names no person, pseudonym, court or place, only
 * how many measures and when, and opening it leads to the agenda after
 * the vault is unlocked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-reminder.h"

/* public API */

guint
vigil_reminder_count_unconfirmed (VigilProtectionCaseData * const *cases,
                                  guint                            n_cases,
                                  GDateTime                       *now,
                                  guint                            hours)
{
  g_autoptr (GDateTime) until = NULL;
  guint n = 0;

  g_return_val_if_fail (cases != NULL || n_cases == 0, 0);
  g_return_val_if_fail (now != NULL, 0);

  until = g_date_time_add_hours (now, hours);
  for (guint c = 0; c < n_cases; c++)
    for (guint m = 0; m < cases[c]->measures->len; m++)
      {
        const VigilProtectionData *measure = g_ptr_array_index (cases[c]->measures, m);

        if (measure->hearing_id == NULL || g_strcmp0 (measure->status, "requested") != 0)
          continue;
        for (guint h = 0; h < cases[c]->hearings->len; h++)
          {
            VigilHearing *hearing = g_ptr_array_index (cases[c]->hearings, h);
            GDateTime *at = vigil_hearing_get_starts_at (hearing);

            if (g_str_equal (vigil_hearing_get_id (hearing), measure->hearing_id)
                && vigil_hearing_get_status (hearing) != VIGIL_HEARING_STATUS_ADJOURNED
                && g_date_time_compare (at, now) > 0 && g_date_time_compare (at, until) <= 0)
              n++;
          }
      }
  return n;
}

char *
vigil_reminder_text (guint n_unconfirmed, guint hours)
{
  if (n_unconfirmed == 0)
    return NULL;
  if (hours == 24)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u protection measure for tomorrow’s hearings is not "
                                         "confirmed",
                                         "%u protection measures for tomorrow’s hearings are not "
                                         "confirmed",
                                         n_unconfirmed),
                            n_unconfirmed);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u protection measure for hearings in the next %u hours "
                                       "is not confirmed",
                                       "%u protection measures for hearings in the next %u hours "
                                       "are not confirmed",
                                       n_unconfirmed),
                          n_unconfirmed, hours);
}
