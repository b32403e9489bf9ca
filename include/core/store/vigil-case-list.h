/* vigil-case-list.h: the cases of a store as a GListModel
 *
 * Sorted by reference; kept current as the store saves and erases cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASE_LIST (vigil_case_list_get_type ())
G_DECLARE_FINAL_TYPE (VigilCaseList, vigil_case_list, VIGIL, CASE_LIST, GObject)

/* Item type VigilCase. */
VigilCaseList *vigil_case_list_new    (VigilStore    *store);
/* Reloads from the vault; emits items-changed for what changed. */
gboolean       vigil_case_list_reload (VigilCaseList *self,
                                       GError       **error);

G_END_DECLS
