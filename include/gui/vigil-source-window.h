/* vigil-source-window.h: the text of the seed document section a
 * standard cites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-catalogue.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SOURCE_WINDOW (vigil_source_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilSourceWindow, vigil_source_window, VIGIL, SOURCE_WINDOW, AdwWindow)

GtkWidget *vigil_source_window_new (GtkWindow                 *parent,
                                    VigilCatalogue            *catalogue,
                                    VigilStandard             *standard,
                                    const VigilStandardSource *source);

G_END_DECLS
