/* vigil-ics.h: the protection plan of some days as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection-rules.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_ICS_DEFAULT     = 0,
  /* Courts, rooms, case references, who is responsible and the details of
   * each measure: only when asked for, for this one export. */
  VIGIL_ICS_WITH_PLACES = 1 << 0,
} VigilIcsFlags;

/**
 * vigil_ics_render:
 * @cases: (array length=n_cases)
 * @from: the first moment exported
 * @to: the end (excluded)
 * @now: the DTSTAMP of every event
 * @out_events: (out) (optional): how many events it holds
 *
 * RFC 5545 text (CRLF, lines folded at 75 octets, texts escaped): a
 * VEVENT per hearing from @from to @to, and per measure around one or
 * over a period in those days. A hearing moved out of the days since comes
 * with its new time, so a calendar that had it follows. UIDs are the
 * records' ids, so that exporting again updates the same events; SEQUENCE
 * is the record's version; adjourned hearings and cancelled measures are
 * STATUS:CANCELLED. Without VIGIL_ICS_WITH_PLACES only pseudonyms and
 * kinds of measures are named.
 *
 * Returns: (transfer full): the text; wipe it before freeing when it holds
 *   places (vigil_ics_free)
 */
char     *vigil_ics_render     (VigilProtectionCaseData * const *cases,
                                guint                            n_cases,
                                GDateTime                       *from,
                                GDateTime                       *to,
                                GDateTime                       *now,
                                VigilIcsFlags                    flags,
                                guint                           *out_events);
/* Wipes and frees a text of vigil_ics_render(). */
void      vigil_ics_free       (char                            *text);
/* Writes the export to @path as vigil_interchange_export_file() writes:
 * mode 0600, whole or not at all; a link or device is refused. */
gboolean  vigil_ics_write_file (VigilProtectionCaseData * const *cases,
                                guint                            n_cases,
                                GDateTime                       *from,
                                GDateTime                       *to,
                                VigilIcsFlags                    flags,
                                const char                      *path,
                                guint                           *out_events,
                                GError                         **error);

G_END_DECLS
