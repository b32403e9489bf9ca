/* vigil-record.h: what every record of the vault has
 *
 * A record has an id (a UUID, made when the object is), a version (0 until
 * it is first saved, then one more at every save) and the times it was
 * made and last changed. Only the store sets these (vigil-record-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_RECORD (vigil_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (VigilRecord, vigil_record, VIGIL, RECORD, GObject)

struct _VigilRecordClass
{
  GObjectClass parent_class;
};

/* Properties: "id", "version", "created-at", "updated-at", all read-only. */
const char *vigil_record_get_id         (VigilRecord *self);
gint64      vigil_record_get_version    (VigilRecord *self);
GDateTime  *vigil_record_get_created_at (VigilRecord *self);
GDateTime  *vigil_record_get_updated_at (VigilRecord *self);

G_END_DECLS
