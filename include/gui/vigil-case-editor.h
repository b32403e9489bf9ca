/* vigil-case-editor.h: a window to add or edit a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CASE_EDITOR (vigil_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilCaseEditor, vigil_case_editor, VIGIL, CASE_EDITOR, AdwWindow)

/* Edits a fresh copy of @kase (NULL: a new case), never the caller's
 * object, so a refused save leaves nothing half-changed. Signal "saved"
 * (VigilCase *kase) after it was saved; the window then closes. */
GtkWidget  *vigil_case_editor_new         (GtkWindow       *parent,
                                           VigilStore      *store,
                                           VigilCase       *kase);
/* Validates and saves what the form holds; FALSE shows why inline. */
gboolean    vigil_case_editor_save        (VigilCaseEditor *self);
/* The message shown in the form, or NULL. */
const char *vigil_case_editor_get_message (VigilCaseEditor *self);

G_END_DECLS
