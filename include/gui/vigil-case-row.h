/* vigil-case-row.h: one case in the list of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-case.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASE_ROW (vigil_case_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilCaseRow, vigil_case_row, VIGIL, CASE_ROW, AdwActionRow)

/* "Trial · Regional Court Vienna". */
char      *vigil_case_row_describe        (VigilCase    *kase);
/* "2 persons · 1 hearing", "No persons yet". */
char      *vigil_case_row_describe_counts (guint         persons,
                                           guint         hearings);

/* Follows the case's property changes. @kase may be NULL, for a row that
 * a list view binds to one case after another. */
GtkWidget *vigil_case_row_new             (VigilCase    *kase);
VigilCase *vigil_case_row_get_case        (VigilCaseRow *self);
void       vigil_case_row_set_case        (VigilCaseRow *self,
                                           VigilCase    *kase);

G_END_DECLS
