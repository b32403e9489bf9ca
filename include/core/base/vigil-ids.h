/* vigil-ids.h: record ids and the times stored with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A random version-4 UUID, lower case. */
char     *vigil_uuid_new        (void);
/* TRUE when @text is a UUID as vigil_uuid_new() writes them. */
gboolean  vigil_uuid_is_valid   (const char    *text);
/* Now, UTC, ISO 8601 with microseconds and a Z. */
char     *vigil_now_iso         (void);
/* @dt in UTC as vigil_now_iso() writes it; NULL for NULL. */
char     *vigil_time_to_iso     (GDateTime     *dt);
/* Parses what vigil_time_to_iso() writes (or any ISO 8601 with a zone);
 * NULL for NULL or unparsable text. */
GDateTime *vigil_time_from_iso  (const char    *text);

G_END_DECLS

G_BEGIN_DECLS

/* The day number (days since 0001-01-01) of a YYYY-MM-DD date, or 0 when
 * @date is not one: for counting days between dates without a time zone. */
guint32    vigil_date_day_number (const char    *date);
/* Today in UTC as YYYY-MM-DD. */
char      *vigil_date_today      (void);

G_END_DECLS
