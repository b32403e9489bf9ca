/* vigil-page-renderer.h: pages of a PDF drawn on a worker thread, one
 * document at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_PAGE_RENDERER (vigil_page_renderer_get_type ())
G_DECLARE_FINAL_TYPE (VigilPageRenderer, vigil_page_renderer, VIGIL, PAGE_RENDERER, GObject)

VigilPageRenderer *vigil_page_renderer_new      (void);
/* Draws every page of @pdf, @width pixels wide, on a worker thread, once
 * the document before it (if any) has stopped; "page-ready" comes on the
 * main thread for each page, then "finished". Stops whatever was drawn
 * or waiting before. */
void               vigil_page_renderer_render   (VigilPageRenderer *self,
                                                 GBytes            *pdf,
                                                 int                width);
/* Stops drawing and lets go of the document: its bytes are freed (and
 * wiped) as soon as the page under way is done. */
void               vigil_page_renderer_stop     (VigilPageRenderer *self);
/* Whether a document is being drawn or waits to be. */
gboolean           vigil_page_renderer_is_busy  (VigilPageRenderer *self);

G_END_DECLS
