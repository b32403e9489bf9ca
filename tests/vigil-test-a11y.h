/* vigil-test-a11y.h: what a screen reader is told, read over AT-SPI
 *
 * GTK_A11Y=test, which the widget tests run with, keeps the accessible
 * properties a widget sets but never computes the name a screen reader
 * reads. These functions read that name the way Orca does: from a child
 * process running GTK's AT-SPI backend, over the accessibility bus of the
 * test's D-Bus session (dbus-run-session starts at-spi2-core's bus when
 * asked for it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char  *role;  /* as AT-SPI names it: "push button", "list item" ... */
  char  *name;  /* what a screen reader reads for it */
  char  *where; /* the roles and names of its ancestors, for messages */
  guint  depth;
} VigilTestA11yNode;

/* Element type VigilTestA11yNode: every accessible of the application
 * with process id @pid, in tree order. Waits (a few seconds at most) for
 * the application to show a window on the bus; fails the test when it
 * never does. */
GPtrArray *vigil_test_a11y_walk          (GPid                     pid);
/* Whether @role is one a person acts on (a button, an entry, a row of a
 * list ...), so that it must have a name. */
gboolean   vigil_test_a11y_is_control    (const char              *role);
/* Fails the test naming every control of @nodes without a name, or whose
 * name shows a mnemonic underscore. */
void       vigil_test_a11y_assert_named  (GPtrArray               *nodes);

G_END_DECLS
