/* vigil-store-protection.h: protection measures in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Creates the record (version 1), setting @data's id and version; its
 * @history, when it has one, is written with it as it is (times and
 * monitors kept), or else its first status now, by the monitor. The
 * hearing, person and case must exist and belong together. */
gboolean   vigil_store_add_protection_measure (VigilStore           *self,
                                               VigilProtectionData  *data,
                                               GError              **error);
/* Element type VigilProtectionData, in the order they were made. */
GPtrArray *vigil_store_list_protection_measures (VigilStore         *self,
                                                 const char         *case_id,
                                                 GError            **error);

gboolean   vigil_store_save_protection_measure (VigilStore          *self,
                                                VigilProtectionData *data,
                                                GError             **error);
gboolean   vigil_store_set_protection_status   (VigilStore          *self,
                                                const char          *measure_id,
                                                const char          *status,
                                                GError             **error);
VigilProtectionData *vigil_store_get_protection_measure (VigilStore  *self,
                                                         const char  *measure_id,
                                                         GError     **error);
GPtrArray *vigil_store_list_protection_history (VigilStore          *self,
                                                const char          *case_id,
                                                GError             **error);
gboolean   vigil_store_load_protection_history (VigilStore          *self,
                                                const char          *case_id,
                                                GPtrArray           *measures,
                                                GError             **error);

G_END_DECLS
