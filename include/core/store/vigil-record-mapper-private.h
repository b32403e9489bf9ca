/* vigil-record-mapper-private.h: what the mapper's reading and writing
 * halves share
 *
 * Only app/core/store/vigil-record-mapper*.c include this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-record-mapper.h"

G_BEGIN_DECLS

/* A struct record's member at @offset. */
#define MEMBER(record, offset, type) ((type *) ((guint8 *) (record) + (offset)))

GDestroyNotify vigil_record_free_func      (const VigilRecordKind *kind);
/* Whether the kind's records are VigilRecord objects, not structs. */
gboolean       vigil_record_is_object      (const VigilRecordKind *kind);
gboolean       vigil_record_field_is_sealed (const VigilField     *field);
/* The record's id and parent id (@owned frees what an object gave), and
 * its version. */
const char    *vigil_record_id_of          (const VigilRecordKind *kind,
                                            gpointer               record,
                                            char                 **owned);
const char    *vigil_record_parent_of      (const VigilRecordKind *kind,
                                            gpointer               record,
                                            char                 **owned);
gint64         vigil_record_version_of     (const VigilRecordKind *kind,
                                            gpointer               record);
/* The text of a text-like field as stored (before sealing); NULL for none. */
char          *vigil_record_field_text     (const VigilField      *field,
                                            gpointer               record,
                                            gboolean               object);
/* Binds a clear field's value to parameter @index. */
void           vigil_record_bind_field     (sqlite3_stmt          *stmt,
                                            int                    index,
                                            const VigilField      *field,
                                            gpointer               record,
                                            gboolean               object);

G_END_DECLS
