/* vigil-store-extra-private.h: what the files behind vigil-store-extra.h share
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>
#include <string.h>

#include "vigil-store-extra.h"
#include "vigil-store-private.h"

G_BEGIN_DECLS

/* Sealed text is wiped before it goes back to the allocator. */
static inline void
vigil_extra_wipe_string (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

/* The case of @hearing_id, or NULL with VIGIL_ERROR_NOT_FOUND. */
char     *vigil_store_hearing_case_id  (VigilStore  *self,
                                        const char  *hearing_id,
                                        GError     **error);
/* A row of "SELECT id, observation_id, version, noted_at, monitor,
 * case_id, text FROM observation_notes", its text opened. */
VigilObservationNote *vigil_store_observation_note_from_row (VigilStore   *self,
                                                             sqlite3_stmt *stmt,
                                                             GError      **error);
/* Whether @text is a date in the form YYYY-MM-DD that exists. */
gboolean  vigil_extra_date_is_valid    (const char  *text);
/* Fails with VIGIL_ERROR_INVALID naming @field when @text is not UTF-8. */
gboolean  vigil_extra_check_utf8       (const char  *text,
                                        const char  *field,
                                        const char  *label,
                                        const char **out_field,
                                        GError     **error);
/* Records of what a monitor did are not older than this. */
#define VIGIL_EXTRA_EARLIEST_YEAR 1990

/* Fails with VIGIL_ERROR_INVALID naming "monitor" unless @monitor is NULL
 * or a name on one line of at most VIGIL_MONITOR_MAX characters. */
gboolean  vigil_extra_check_monitor     (const char  *monitor,
                                         const char **out_field,
                                         GError     **error);
/* Fails naming @field unless @time is set, not before
 * VIGIL_EXTRA_EARLIEST_YEAR and not more than a day ahead of the clock. */
gboolean  vigil_extra_check_recorded_at (GDateTime   *time,
                                         const char  *field,
                                         const char  *label,
                                         const char **out_field,
                                         GError     **error);
/* Letters, digits, dots, hyphens or underscores, at most 32 of them. */
gboolean  vigil_extra_catalogue_version_is_valid (const char *version);

G_END_DECLS
