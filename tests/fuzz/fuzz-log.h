/* fuzz-log.h: GLib messages as findings in the fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* A warning or critical ends the run with abort(), which libFuzzer catches
 * and answers with a reproducer; GLib's own fatal path raises SIGTRAP,
 * which libFuzzer does not catch, so the input that caused it is lost. */
void fuzz_log_install (void);
