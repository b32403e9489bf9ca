/* vigil-record-rules.h: the checks every kind of record shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* The longest name of a monitor (the vault's actor, the label of its key
 * slot) an observation, a note or an assessment records, in characters. */
#define VIGIL_MONITOR_MAX 200

/* Whether @word is one of @vocabulary. */
gboolean vigil_vocabulary_contains (const char * const *vocabulary,
                                    const char         *word);
/* "a, b, c": the words of @vocabulary for a message. */
char    *vigil_vocabulary_join     (const char * const *vocabulary);

/* Sealed text is wiped before it goes back to the allocator. */
static inline void
vigil_record_wipe_string (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

/* Whether @text is a date in the form YYYY-MM-DD that exists. */
gboolean  vigil_record_date_is_valid    (const char  *text);
/* Fails with VIGIL_ERROR_INVALID naming @field when @text is not UTF-8. */
gboolean  vigil_record_check_utf8       (const char  *text,
                                        const char  *field,
                                        const char  *label,
                                        const char **out_field,
                                        GError     **error);
/* Records of what a monitor did are not older than this. */
#define VIGIL_RECORD_EARLIEST_YEAR 1990

/* Fails with VIGIL_ERROR_INVALID naming "monitor" unless @monitor is NULL
 * or a name on one line of at most VIGIL_MONITOR_MAX characters. */
gboolean  vigil_record_check_monitor     (const char  *monitor,
                                         const char **out_field,
                                         GError     **error);
/* Fails naming @field unless @time is set, not before
 * VIGIL_RECORD_EARLIEST_YEAR and not more than a day ahead of the clock. */
gboolean  vigil_record_check_recorded_at (GDateTime   *time,
                                         const char  *field,
                                         const char  *label,
                                         const char **out_field,
                                         GError     **error);
/* Letters, digits, dots, hyphens or underscores, at most 32 of them. */
gboolean  vigil_record_catalogue_version_is_valid (const char *version);

G_END_DECLS
