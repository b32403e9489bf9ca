/* vigil-report-render-private.h: what only the tests may do to a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-report-render.h"

G_BEGIN_DECLS

/* From now on every rendered report gets @text as one more paragraph
 * after the block at @after_block, past the anonymizer: the one way a test
 * can show that the leak check stops what the scrubber missed. NULL
 * stops it. */
void vigil_report_render_set_test_plant (const char *text,
                                         guint       after_block);

/* The planted paragraph for the block at @index, or NULL (the renderers). */
const char *vigil_report_render_get_test_plant (guint index);

/* From now on every report job waits @ms in its worker before it starts,
 * looking at its cancellable all along: a test can then see a build in
 * progress and cancel it, whatever the machine's speed. 0 stops it. */
void vigil_report_render_set_test_delay (guint ms);
guint vigil_report_render_get_test_delay (void);

G_END_DECLS
