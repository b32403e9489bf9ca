/* vigil-test-export.h: everything a vault holds, as one comparable text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* The export of @store with identities (cases, persons, identities,
 * consents, hearings, observations, protection measures, claims), without
 * its "exported_at": two vaults holding the same records give the same
 * text. NULL with @error when a record cannot be read. */
char *vigil_test_export_text (VigilStore  *store,
                              GError     **error);

G_END_DECLS
