/* vigil-editor-util.h: what the case, hearing and person editors share
 *
 * An editor lists every problem of a refused save, marks each field in
 * error and moves the focus to the first; a problem goes away as soon as
 * its field is changed so that the model no longer finds it. Escape or
 * Cancel on changes asks before discarding them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-field-problem.h"

G_BEGIN_DECLS

/* A field of the form: the member name the model's problems use, and the
 * widget that shows it. */
typedef struct
{
  const char *field;
  GtkWidget  *widget;
} VigilEditorField;

/* Shows @problems (element type VigilFieldProblem) in @label, one per
 * line in the order of @fields (the form's, top to bottom), and @box when
 * there is any; marks the widget of each field of @fields named in a
 * problem, and unmarks the others. Returns the widget of the first field
 * in error (borrowed), or NULL. */
GtkWidget *vigil_editor_show_problems    (GtkWidget              *box,
                                          GtkLabel               *label,
                                          GPtrArray              *problems,
                                          const VigilEditorField *fields,
                                          guint                   n_fields);
/* The problems of @now whose field is also one of @shown: what is still
 * wrong of what was shown, without new ones found while typing. */
GPtrArray *vigil_editor_still_wrong      (GPtrArray              *shown,
                                          GPtrArray              *now);
/* Whether @problems holds only warnings, each of them in @confirmed. */
gboolean   vigil_editor_only_confirmed   (GPtrArray              *problems,
                                          GPtrArray              *confirmed);
/* Calls @callback (swapped: @editor first) whenever @widget's value
 * changes: text typed, a row or a day picked, a switch turned. */
void       vigil_editor_watch            (GtkWidget              *widget,
                                          GCallback               callback,
                                          gpointer                editor);
typedef gboolean (*VigilEditorSaveFunc) (GtkWindow *editor);

/* Runs @save with @form insensitive, so that nothing typed meanwhile
 * reaches the record. Destroys @editor when it saved; else gives the
 * focus to *@first_problem, which @save sets to the first field in error,
 * or back to where it was. */
void       vigil_editor_save             (GtkWindow              *editor,
                                          GtkWidget              *form,
                                          VigilEditorSaveFunc     save,
                                          GtkWidget             **first_problem);
/* Gives the text field of each AdwEntryRow under @root the row's title
 * as its accessible name. */
void       vigil_editor_name_entry_rows  (GtkWidget              *root);
/* An editor's "close-request": FALSE (let it close) when the form's @state
 * is still @saved_state; otherwise asks "Discard changes?" over @editor
 * (Cancel is the default; Discard destroys @editor) and returns TRUE. */
gboolean   vigil_editor_close_request    (GtkWindow              *editor,
                                          const char             *state,
                                          const char             *saved_state);

G_END_DECLS
