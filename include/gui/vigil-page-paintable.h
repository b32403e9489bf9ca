/* vigil-page-paintable.h: a page preview that is blank until it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_PAGE_PAINTABLE (vigil_page_paintable_get_type ())
G_DECLARE_FINAL_TYPE (VigilPagePaintable, vigil_page_paintable, VIGIL, PAGE_PAINTABLE, GObject)

/* A paintable of @width × @height, blank until a texture is set. */
VigilPagePaintable *vigil_page_paintable_new         (int                 width,
                                                      int                 height);
/* Shows @texture (scaled into the paintable's size); NULL blanks it. */
void                vigil_page_paintable_set_texture (VigilPagePaintable *self,
                                                      GdkTexture         *texture);
gboolean            vigil_page_paintable_is_drawn    (VigilPagePaintable *self);

G_END_DECLS
