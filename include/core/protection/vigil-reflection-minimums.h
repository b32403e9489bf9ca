/* vigil-reflection-minimums.h: the minimum reflection period each
 * jurisdiction sets, as Preferences keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A jurisdiction's own minimum, in days (the Council of Europe
 * Convention, Art. 13, sets at least 30; a year is as long as any sets). */
#define VIGIL_REFLECTION_MINIMUM_DAYS_MIN  1
#define VIGIL_REFLECTION_MINIMUM_DAYS_MAX  365
/* In characters, as a case's jurisdiction is one short line. */
#define VIGIL_REFLECTION_JURISDICTION_MAX  200

/* @minimums (an a{su}: jurisdiction → days) with @jurisdiction, without
 * the spaces around it, given @days, in place of the days it had; the
 * jurisdictions in alphabetical order. A jurisdiction empty, too long or
 * of more than one line, or days out of range, is refused with
 * VIGIL_ERROR_INVALID and a message that says why. */
GVariant *vigil_reflection_minimums_put    (GVariant    *minimums,
                                            const char  *jurisdiction,
                                            guint        days,
                                            GError     **error);
/* @minimums without @jurisdiction (the same when it is not there). */
GVariant *vigil_reflection_minimums_remove (GVariant    *minimums,
                                            const char  *jurisdiction);

G_END_DECLS
