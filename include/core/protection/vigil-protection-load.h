/* vigil-protection-load.h: what the protection rules read, from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-protection-rules.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The case @case_id with its persons, hearings, measures (responsible
 * opened) and risk assessments. */
VigilProtectionCaseData *vigil_protection_load_case (VigilStore  *store,
                                                     const char  *case_id,
                                                     GError     **error);
/* Element type VigilProtectionCaseData: every case of the vault. */
GPtrArray               *vigil_protection_load_all  (VigilStore  *store,
                                                     GError     **error);
/* Element type VigilProtectionCaseData: the cases with a hearing from
 * @from to @to (or moved from there), each with only those hearings: all a
 * week's agenda judges (a team booked twice is booked at two of them).
 * The rules about other hearings are not these days' problems. */
GPtrArray               *vigil_protection_load_span (VigilStore  *store,
                                                     GDateTime   *from,
                                                     GDateTime   *to,
                                                     GError     **error);
/* Replaces the entry of @case_id in @cases (from vigil_protection_load_all)
 * by what the store holds now, or drops it when the case is gone. */
gboolean                 vigil_protection_reload_case (VigilStore  *store,
                                                       GPtrArray   *cases,
                                                       const char  *case_id,
                                                       GError     **error);

G_END_DECLS
