/* vigil-record-private.h: what only the store may change on a record
 *
 * Ids, versions, timestamps and computed counts come from the vault; the
 * GUI and the CLI read them through the public getters and properties but
 * never set them. Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-case.h"
#include "vigil-consent.h"
#include "vigil-hearing.h"
#include "vigil-identity.h"
#include "vigil-person.h"
#include "vigil-record.h"
#include "vigil-text.h"

G_BEGIN_DECLS

/* What only the store sets on a record (vigil-record.c). */
void        vigil_record_set_id         (VigilRecord  *self,
                                         const char   *id);
void        vigil_record_set_version    (VigilRecord  *self,
                                         gint64        version);
void        vigil_record_set_created_at (VigilRecord  *self,
                                         GDateTime    *created_at);
void        vigil_record_set_updated_at (VigilRecord  *self,
                                         GDateTime    *updated_at);

/* Shared by the record classes (vigil-record.c). */

/* Replace *@field by a copy of @value; TRUE when it changed. */
gboolean    vigil_record_set_string    (char        **field,
                                        const char   *value);
/* Replace *@field by a reference to @value; TRUE when it changed. */
gboolean    vigil_record_set_date_time (GDateTime   **field,
                                        GDateTime    *value);

/* Cases */
void        vigil_case_set_counts      (VigilCase    *self,
                                        guint         person_count,
                                        guint         hearing_count,
                                        GDateTime    *next_hearing);
/* FALSE on a case read by vigil_store_list_cases(), which leaves the sealed
 * notes closed; saving such a case carries the stored notes over. Setting
 * the notes makes it TRUE. */
gboolean    vigil_case_get_notes_loaded (VigilCase   *self);
void        vigil_case_set_notes_loaded (VigilCase   *self,
                                         gboolean     loaded);
/* Copies every field of @other into @self, notifying what changed: the
 * case list keeps its objects and updates them in place. */
void        vigil_case_update_from     (VigilCase    *self,
                                        VigilCase    *other);

/* Persons */

/* Hearings */

/* Consents */
void        vigil_consent_set_withdrawn_at (VigilConsent *self,
                                            GDateTime    *withdrawn_at);
/* FALSE with VIGIL_ERROR_INVALID naming the field: an impossible given or
 * withdrawal date, or consent to sharing without saying with whom. */
gboolean    vigil_consent_validate         (VigilConsent *self,
                                            GError      **error);

G_END_DECLS
