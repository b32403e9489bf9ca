/* vigil-claim-status.h: the procedure a compensation claim goes through,
 * and why it ended where it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a claim was rejected, left (partly) undecided, or (partly) unpaid;
 * NULL-terminated. A new reason is a new word at the end, with its label
 * in vigil_claim_reason_label(). */
extern const char * const vigil_claim_reasons[];

/* The statuses @status may change to, in the order of the procedure;
 * NULL-terminated, empty for a final one. */
const char * const *vigil_claim_status_next         (const char  *status);
/* FALSE with VIGIL_ERROR_INVALID, naming the allowed statuses, when the
 * procedure does not lead from @from to @to. */
gboolean            vigil_claim_status_check_change (const char  *from,
                                                     const char  *to,
                                                     GError     **error);
/* Whether reaching @status must say why (rejected, partly awarded, partly
 * paid). */
gboolean            vigil_claim_status_needs_reason (const char  *status);
/* "Partly awarded", translated; the word itself for one it does not know. */
const char         *vigil_claim_status_label        (const char  *status);
/* "Defendant insolvent or not found", translated. */
const char         *vigil_claim_reason_label        (const char  *reason);

G_END_DECLS
