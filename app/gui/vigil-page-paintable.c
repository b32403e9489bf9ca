/* vigil-page-paintable.c: a page preview that is blank until it is drawn
 *
 * The list of pages keeps one of these a page for its whole life: a page
 * drawn only changes what its paintable shows (invalidate-contents), never
 * the list's items, so the grid of pages neither binds its widgets again
 * nor lays itself out again for each page that arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-page-paintable"

#include "config.h"

#include "vigil-page-paintable.h"

struct _VigilPagePaintable
{
  GObject     parent_instance;

  int         width;
  int         height;
  GdkTexture *texture;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilPagePaintable, vigil_page_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

/* GdkPaintable implementation */

static void
page_snapshot (GdkPaintable *paintable, GdkSnapshot *snapshot, double width, double height)
{
  VigilPagePaintable *self = VIGIL_PAGE_PAINTABLE (paintable);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  /* Paper before the page is drawn, so the grid shows where it will be. */
  gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture, &bounds);
}

static int
page_get_intrinsic_width (GdkPaintable *paintable)
{
  return VIGIL_PAGE_PAINTABLE (paintable)->width;
}

static int
page_get_intrinsic_height (GdkPaintable *paintable)
{
  return VIGIL_PAGE_PAINTABLE (paintable)->height;
}

static GdkPaintableFlags
page_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE;
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = page_snapshot;
  iface->get_intrinsic_width = page_get_intrinsic_width;
  iface->get_intrinsic_height = page_get_intrinsic_height;
  iface->get_flags = page_get_flags;
}

/* GObject overrides */

static void
vigil_page_paintable_finalize (GObject *object)
{
  g_clear_object (&VIGIL_PAGE_PAINTABLE (object)->texture);
  G_OBJECT_CLASS (vigil_page_paintable_parent_class)->finalize (object);
}

static void
vigil_page_paintable_class_init (VigilPagePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_page_paintable_finalize;
}

static void
vigil_page_paintable_init (VigilPagePaintable *self)
{
}

/* public API */

VigilPagePaintable *
vigil_page_paintable_new (int width, int height)
{
  VigilPagePaintable *self = g_object_new (VIGIL_TYPE_PAGE_PAINTABLE, NULL);

  self->width = width;
  self->height = height;
  return self;
}

void
vigil_page_paintable_set_texture (VigilPagePaintable *self, GdkTexture *texture)
{
  g_return_if_fail (VIGIL_IS_PAGE_PAINTABLE (self));

  if (g_set_object (&self->texture, texture))
    gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

gboolean
vigil_page_paintable_is_drawn (VigilPagePaintable *self)
{
  g_return_val_if_fail (VIGIL_IS_PAGE_PAINTABLE (self), FALSE);

  return self->texture != NULL;
}
