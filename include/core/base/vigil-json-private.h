/* vigil-json-private.h: members of a JSON object being built
 *
 * The interchange export, the demo and the sealed identity write JSON the
 * same way: a member NULL is written as null, a time in the interchange
 * format's UTC form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @time in UTC as the interchange format writes it (microseconds only when
 * there are any); NULL for NULL. */
char *vigil_json_format_time (GDateTime          *time);


void vigil_json_add_string  (JsonBuilder        *builder,
                             const char         *name,
                             const char         *value);
void vigil_json_add_boolean (JsonBuilder        *builder,
                             const char         *name,
                             gboolean            value);
void vigil_json_add_int     (JsonBuilder        *builder,
                             const char         *name,
                             gint64              value);
/* A list of texts; NULL is an empty list. */
void vigil_json_add_strv    (JsonBuilder        *builder,
                             const char         *name,
                             const char * const *values);
/* vigil_json_format_time(), or null. */
void vigil_json_add_time    (JsonBuilder        *builder,
                             const char         *name,
                             GDateTime          *value);

G_END_DECLS
