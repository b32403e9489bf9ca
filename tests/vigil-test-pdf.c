/* vigil-test-pdf.c: PDFs made on the spot with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "vigil-test-pdf.h"

static const char * const body[] = {
  "The court finds that the claimant worked without pay from March to November.",
  "The employer kept her identity documents and deducted housing from her wages.",
  "Medical costs: treatment for injuries documented by the county hospital.",
  "The defendant is ordered to pay the sums set out in the schedule below.",
};

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
vigil_test_pdf_new (guint n_pages, const char *heading, const char *words)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *title = g_strdup_printf ("%s, page %u of %u", heading, page, n_pages);
      double y = 110;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_font_size (cr, 20);
      cairo_move_to (cr, 60, 70);
      cairo_show_text (cr, title);
      cairo_set_font_size (cr, 11);
      for (guint i = 0; i < 24; i++, y += 26)
        {
          cairo_move_to (cr, 60, y);
          cairo_show_text (cr, body[(i + page) % G_N_ELEMENTS (body)]);
        }
      if (page == 1 && words != NULL)
        {
          cairo_move_to (cr, 60, y + 10);
          cairo_show_text (cr, words);
        }
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, 40, 40, 515, 762);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}
