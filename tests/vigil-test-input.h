/* vigil-test-input.h: real X key and pointer events for widget tests
 *
 * The widget tests run under Xvfb, where GTK uses its X11 backend. These
 * functions send input through the XTest extension, as a keyboard and a
 * mouse would, so the event reaches the real window and goes through every
 * controller, shortcut and focus rule on its way, which calling an action
 * skips. Each call returns once GTK has handled what it sent (a key that
 * closed its window: once that window is gone), and fails the test with a
 * message, after a few seconds at most, when it never does.
 *
 * A test that uses them must run alone (tests/meson.build lists it in
 * real_input_tests): all tests share one X server, and a window that
 * another test presents takes the keyboard focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Maps @window if needed and gives it the X input focus (there is no
 * window manager under Xvfb to do it), then waits until GTK reports it
 * active. */
void vigil_test_input_focus_window (GtkWindow  *window);

/* Presses and releases each key of @keys, in order, in the focused
 * @window: key names as X spells them, separated by spaces, with
 * modifiers before a "+" ("3 9 Escape ctrl+Down shift+Tab alt+1").
 * "type:" followed by text types that text instead, a character at a
 * time, with Shift where the keyboard layout needs it
 * ("type:K 123/2024"). Gives @window the X input focus first, if
 * another window has it. */
void vigil_test_input_keys         (GtkWindow  *window,
                                    const char *keys);

/* Moves the pointer to the centre of @widget, which must be drawn in a
 * window on screen, and clicks the primary button there.
 *
 * A button activated from the keyboard (Space, Enter, its mnemonic) shows
 * itself pressed and says "clicked" only a quarter second later: a test
 * waits for what the click does (vigil_test_wait_until) rather than
 * expecting it when vigil_test_input_keys() returns. */
void vigil_test_input_click        (GtkWidget  *widget);

G_END_DECLS
