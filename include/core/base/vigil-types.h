/* vigil-types.h: forward declarations of the core types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VigilVault       VigilVault;
typedef struct _VigilStore       VigilStore;
typedef struct _VigilCase        VigilCase;
typedef struct _VigilPerson      VigilPerson;
typedef struct _VigilIdentity    VigilIdentity;
typedef struct _VigilHearing     VigilHearing;
typedef struct _VigilConsent     VigilConsent;
typedef struct _VigilCaseList    VigilCaseList;
typedef struct _VigilInterchange VigilInterchange;

G_END_DECLS
