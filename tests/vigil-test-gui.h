/* vigil-test-gui.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Initializes GTK and libadwaita for a widget test and loads the
 * program's resources. */
void     vigil_test_gui_init        (int        *argc,
                                     char     ***argv);
/* Runs the main loop until @condition returns TRUE or @timeout_ms pass;
 * returns whether the condition held. */
gboolean vigil_test_wait_until      (gboolean  (*condition) (gpointer data),
                                     gpointer    data,
                                     guint       timeout_ms);
/* Runs the main loop for @ms milliseconds, so layout and drawing settle. */
void     vigil_test_run_for         (guint       ms);
/* Renders @window as it is on screen into
 * $VIGIL_SCREENSHOTS_DIR/@name.png and checks that the image is neither
 * empty nor a single colour. */
void     vigil_test_screenshot      (GtkWidget  *window,
                                     const char *name);
/* The first descendant of @root whose type is @type and, when @label is
 * set, whose title or label is @label. */
GtkWidget *vigil_test_find_widget   (GtkWidget  *root,
                                     GType       type,
                                     const char *label);

/* Every text @root shows (labels, row titles and subtitles, entries),
 * one per line, so a test can tell what a person would read. */
char      *vigil_test_widget_text   (GtkWidget  *root);
/* The first toplevel window of @type, or NULL. */
GtkWindow *vigil_test_find_window   (GType       type);

/* A slot's first unlock asks who is monitoring: answers @name, and checks
 * the question has gone. Nothing happens when no question is open. */
void       vigil_test_answer_monitor (const char *name);

G_END_DECLS
