/* vigil-reminder.h: what a desktop reminder may say about measures not
 * yet confirmed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection-rules.h"

G_BEGIN_DECLS

/* How many measures are still only requested for hearings (not adjourned)
 * that start after @now and within @hours of it. */
guint  vigil_reminder_count_unconfirmed (VigilProtectionCaseData * const *cases,
                                         guint                            n_cases,
                                         GDateTime                       *now,
                                         guint                            hours);
/* The reminder's text: a count and when, and nothing else, since a
 * notification can show on a locked screen ("2 protection measures for
 * tomorrow's hearings are not confirmed"). NULL for 0. */
char  *vigil_reminder_text              (guint                            n_unconfirmed,
                                         guint                            hours);

G_END_DECLS
