/* vigil-store-protection.h: protection measures in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Creates the record (version 1), setting @data's id and version; an
 * observation's @entries are written with it, as they are (their times
 * and monitors kept), each with its id set. The hearing, person and case
 * must exist and belong together. */
gboolean   vigil_store_add_protection_measure (VigilStore           *self,
                                               VigilProtectionData  *data,
                                               GError              **error);
/* Element type VigilProtectionData, in the order they were made. */
GPtrArray *vigil_store_list_protection_measures (VigilStore         *self,
                                                 const char         *case_id,
                                                 GError            **error);

G_END_DECLS
