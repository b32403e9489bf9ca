/* vigil-claim-worksheet.h: a compensation claim as a PDF for the lawyer's
 * file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"
#include "vigil-wage-calculator.h"

G_BEGIN_DECLS

/**
 * VigilWorksheetOptions:
 * @with_identity: print the claimant's identity (name, date of birth,
 *   nationality) beside the pseudonym, and mark every page confidential;
 *   reading it is written to the audit log. FALSE: the pseudonym only.
 * @wages: (nullable): the unpaid-wages calculation to print, with its
 *   formula
 * @today: (nullable): the date printed as the day it was made; NULL for
 *   today
 */
typedef struct
{
  gboolean              with_identity;
  const VigilWageInput *wages;
  const char           *today;
} VigilWorksheetOptions;

/* Writes the worksheet of the claim @claim_id to @path (A4 pages, fonts
 * embedded). FALSE with @error when the claim cannot be read or the file
 * written. */
gboolean vigil_claim_worksheet_write (VigilStore                  *store,
                                      const char                  *claim_id,
                                      const VigilWorksheetOptions *options,
                                      const char                  *path,
                                      GError                     **error);

G_END_DECLS
