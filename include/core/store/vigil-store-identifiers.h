/* vigil-store-identifiers.h: the identities a screening looks for
 *
 * The detector itself (how text is matched) is vigil-identifier-detector.h;
 * here it is filled from the identities sealed in the vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-identifier-detector.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* A detector of every identifier the vault holds for the persons of
 * @case_id (full names and each part of them, aliases, phones, addresses,
 * dates of birth), for screening text that is about to leave the vault.
 * Opening them writes no "reveal" audit entry: nobody sees them. */
VigilIdentifierDetector *vigil_store_case_identifiers   (VigilStore  *self,
                                                         const char  *case_id,
                                                         GError     **error);
/* The same, of one person. */
VigilIdentifierDetector *vigil_store_person_identifiers (VigilStore  *self,
                                                         const char  *person_id,
                                                         GError     **error);
/* The same, of every person in the vault: what a report and the check of
 * a saved file look for. */
VigilIdentifierDetector *vigil_store_all_identifiers    (VigilStore  *self,
                                                         GError     **error);
/* The age in whole years on @when of each person of @case_id whose date
 * of birth is recorded (person id -> GINT_TO_POINTER (age + 1), so that 0
 * is "unknown"), for the age bands of a report. Like the identifiers, read
 * without a "reveal" entry: only the band leaves. */
GHashTable              *vigil_store_case_ages          (VigilStore  *self,
                                                         const char  *case_id,
                                                         GDateTime   *when,
                                                         GError     **error);

G_END_DECLS
