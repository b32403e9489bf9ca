/* vigil-demo.h: fictional data to try Vigil with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The most cases one demo document holds. */
#define VIGIL_DEMO_MAX_CASES 1000

/* An interchange document (see vigil-interchange.h) of @n_cases fictional
 * cases: courts, references, charges, persons with names, phones and
 * addresses of several OSCE participating States, hearings with who
 * attended and testified, their facts, observations (on standards that
 * apply to them) with timestamped entries, and assessments, protection
 * measures and claims. The same @seed always
 * gives the same document, byte for byte once generated; the clock is
 * never read. Every person is invented: names are drawn from lists of
 * common first names and surnames and combined at random. */
JsonNode *vigil_demo_generate (guint   n_cases,
                               guint64 seed);

G_END_DECLS
