/* vigil-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-error.h"

G_DEFINE_QUARK (vigil-error-quark, vigil_error)
