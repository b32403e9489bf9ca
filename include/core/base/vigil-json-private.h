/* vigil-json-private.h: members of a JSON object being built, and JSON
 * text that leaves no copy behind
 *
 * The interchange export, the demo and the sealed identity write JSON the
 * same way: a member NULL is written as null, a time in the interchange
 * format's UTC form. A tree or a text that holds identities is wiped
 * before it is freed, since freed memory keeps what it held.
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

/* Overwrites every text of @node's tree with zeros (member names are the
 * format's own words), for a tree about to be freed: json-glib frees its
 * copies as they are. The tree's texts are empty afterwards. */
void vigil_json_wipe_node       (JsonNode           *node);
/* vigil_json_wipe_node(), then json_node_unref(): for the only reference. */
void vigil_json_wipe_unref_node (JsonNode           *node);

/* A tree whose texts are wiped when it is freed (VigilSecretJsonNode with
 * g_autoptr). */
typedef JsonNode VigilSecretJsonNode;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilSecretJsonNode, vigil_json_wipe_unref_node)

/**
 * VigilJsonText:
 * @data: the text, NUL-terminated
 * @length: its length, without the NUL
 *
 * JSON text generated into a buffer that never grew, so that no part of it
 * was left behind in a block freed while it was being written.
 */
typedef struct
{
  char  *data;
  gsize  length;
} VigilJsonText;

/* @root as JSON, pretty with two spaces per level when @pretty. */
VigilJsonText *vigil_json_text_new  (JsonNode           *root,
                                     gboolean            pretty);
/* Overwrites the text with zeros, then frees it. */
void           vigil_json_text_free (VigilJsonText      *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilJsonText, vigil_json_text_free)

G_END_DECLS
