/* vigil-test-xshot.c: a PNG of what the X server shows
 *
 * The accessibility walk (a11y-walk.py) runs the real vigil program, so
 * it cannot render a widget in-process as the other widget tests do. This
 * takes the screen instead: the smallest rectangle holding every mapped
 * top-level window (there is no window manager under Xvfb, so they are
 * the root's children), or a named window alone.
 *
 * Usage: vigil-test-xshot OUT.png [WINDOW-ID]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <X11/Xlib.h>

/* Adds each viewable child of @root to the rectangle x0,y0 .. x1,y1. */
static void
union_of_windows (Display *display, Window root, int *x0, int *y0, int *x1, int *y1)
{
  Window root_return, parent, *children = NULL;
  unsigned int n = 0;

  if (!XQueryTree (display, root, &root_return, &parent, &children, &n))
    return;
  for (unsigned int i = 0; i < n; i++)
    {
      XWindowAttributes attributes;

      if (!XGetWindowAttributes (display, children[i], &attributes)
          || attributes.map_state != IsViewable || attributes.class == InputOnly)
        continue;
      if (attributes.x < *x0)
        *x0 = attributes.x;
      if (attributes.y < *y0)
        *y0 = attributes.y;
      if (attributes.x + attributes.width > *x1)
        *x1 = attributes.x + attributes.width;
      if (attributes.y + attributes.height > *y1)
        *y1 = attributes.y + attributes.height;
    }
  if (children != NULL)
    XFree (children);
}

int
main (int argc, char **argv)
{
  Display *display;
  Window window;
  XWindowAttributes attributes;
  cairo_surface_t *source, *image;
  cairo_t *cr;
  int x0, y0, x1, y1;
  cairo_status_t status;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s OUT.png [WINDOW-ID]\n", argv[0]);
      return 2;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "%s: cannot open the display\n", argv[0]);
      return 1;
    }
  window = argc == 3 ? (Window) strtoul (argv[2], NULL, 0) : DefaultRootWindow (display);
  if (!XGetWindowAttributes (display, window, &attributes))
    {
      fprintf (stderr, "%s: no window %s\n", argv[0], argv[2]);
      return 1;
    }
  x0 = 0;
  y0 = 0;
  x1 = attributes.width;
  y1 = attributes.height;
  if (argc == 2)
    {
      /* Only the part of the screen windows cover, not a black desktop. */
      x0 = attributes.width;
      y0 = attributes.height;
      x1 = 0;
      y1 = 0;
      union_of_windows (display, window, &x0, &y0, &x1, &y1);
      if (x0 < 0)
        x0 = 0;
      if (y0 < 0)
        y0 = 0;
      if (x1 > attributes.width)
        x1 = attributes.width;
      if (y1 > attributes.height)
        y1 = attributes.height;
      if (x1 <= x0 || y1 <= y0)
        {
          x0 = y0 = 0;
          x1 = attributes.width;
          y1 = attributes.height;
        }
    }

  source = cairo_xlib_surface_create (display, window, attributes.visual,
                                      attributes.width, attributes.height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, x1 - x0, y1 - y0);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, source, -x0, -y0);
  cairo_paint (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (image, argv[1]);
  cairo_surface_destroy (image);
  cairo_surface_destroy (source);
  XCloseDisplay (display);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: cannot write %s: %s\n", argv[0], argv[1],
               cairo_status_to_string (status));
      return 1;
    }
  return 0;
}
