/* vigil-pdf-writer.c: typesetting a report into a PDF with cairo and pango
 *
 * A report is read by ministries and courts, printed and filed: it is set
 * like a publication. Body text in a serif, headings in a sans of the same
 * family (DejaVu: it covers Latin and Cyrillic, so a report about cases in
 * Serbia or Ukraine needs no fallback font), a measure of about 75
 * characters, a running header and page numbers, tables whose header row
 * comes back on every page they reach.
 *
 * Everything is written into memory: the bytes are read back by the leak
 * check before any of them reaches a disk.
 *
 * Pango is given its own font map and a 72 dpi context, so that a point in
 * the font sizes below is a point on paper, whichever thread builds the
 * report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-pdf-writer.h"

#define SERIF "DejaVu Serif"
#define SANS "DejaVu Sans"
#define BODY_SIZE 10.0
#define SMALL_SIZE 8.0
#define LEADING 1.45
#define CELL_PAD 4.0

/* Colours: dark ink for text, one accent for rules and headings, and a
 * chart palette that stays apart in grey print and for colour-blind
 * readers (Okabe and Ito). */
#define INK 0.13, 0.13, 0.15
#define MUTED 0.38, 0.38, 0.42
#define ACCENT 0.11, 0.27, 0.45
#define RULE 0.72, 0.74, 0.78
#define BAND 0.94, 0.95, 0.97

static const double palette[][3] = {
  { 0.000, 0.447, 0.698 }, /* blue */
  { 0.902, 0.624, 0.000 }, /* orange */
  { 0.835, 0.369, 0.000 }, /* vermilion */
  { 0.600, 0.600, 0.600 }, /* grey */
  { 0.000, 0.620, 0.451 }, /* green */
  { 0.800, 0.475, 0.655 }, /* purple */
  { 0.337, 0.706, 0.914 }, /* sky */
};

struct _VigilPdfWriter
{
  GByteArray           *bytes;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoFontMap         *font_map;
  PangoContext         *context;
  char                 *running_header;
  double                width;
  double                height;
  double                left;
  double                right;
  double                top;
  double                bottom;
  double                y;
  guint                 page;
  /* Whether anything is drawn on the current page yet. */
  gboolean              page_open;
  /* Whether the current page has its header and footer (not the title). */
  gboolean              plain_page;
  int                   outline_parent;
  /* The first page has a masthead: its first section starts on it. */
  gboolean              masthead;
};

/* private helpers */

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  VigilPdfWriter *self = closure;

  g_byte_array_append (self->bytes, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
new_layout (VigilPdfWriter *self, const char *family, double size, PangoWeight weight,
            PangoStyle style, double width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, LEADING);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static void
draw_layout (VigilPdfWriter *self, PangoLayout *layout, double x, double y)
{
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

static void
draw_text (VigilPdfWriter *self, const char *text, const char *family, double size,
           PangoWeight weight, double x, double y, double width, PangoAlignment align)
{
  g_autoptr (PangoLayout) layout = new_layout (self, family, size, weight,
                                               PANGO_STYLE_NORMAL, width);

  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  draw_layout (self, layout, x, y);
}

/* The running header and the page number of a page of text. */
static void
draw_page_furniture (VigilPdfWriter *self)
{
  g_autofree char *number = g_strdup_printf ("%u", self->page);
  cairo_t *cr = self->cr;

  cairo_set_source_rgb (cr, MUTED);
  draw_text (self, self->running_header, SANS, SMALL_SIZE, PANGO_WEIGHT_NORMAL, self->left,
             self->top - 30, self->right - self->left, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->left, self->top - 16);
  cairo_line_to (cr, self->right, self->top - 16);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, MUTED);
  draw_text (self, number, SANS, SMALL_SIZE, PANGO_WEIGHT_NORMAL, self->left,
             self->bottom + 24, self->right - self->left, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, INK);
}

static void
open_page (VigilPdfWriter *self)
{
  if (self->page_open)
    return;
  self->page_open = TRUE;
  self->y = self->top;
  if (!self->plain_page)
    draw_page_furniture (self);
  cairo_set_source_rgb (self->cr, INK);
}

static void
close_page (VigilPdfWriter *self)
{
  if (!self->page_open)
    return;
  cairo_show_page (self->cr);
  self->page_open = FALSE;
  self->plain_page = FALSE;
  self->page++;
}

/* Starts a new page unless @needed points still fit on this one. */
static void
need_space (VigilPdfWriter *self, double needed)
{
  open_page (self);
  if (self->y > self->top && self->y + needed > self->bottom)
    {
      close_page (self);
      open_page (self);
    }
}

/* Sets @layout at the text's left edge plus @indent, line by line, going
 * on to the next page between lines. */
static void
flow_layout (VigilPdfWriter *self, PangoLayout *layout, double indent, const char *tag)
{
  g_autoptr (PangoLayoutIter) iter = pango_layout_get_iter (layout);
  double origin;

  open_page (self);
  cairo_tag_begin (self->cr, tag, NULL);
  origin = self->y;
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double line_top, line_bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = origin + (double) logical.y / PANGO_SCALE;
      line_bottom = line_top + (double) logical.height / PANGO_SCALE;
      if (line_bottom > self->bottom && line_top > self->top)
        {
          double moved = line_top - self->top;

          cairo_tag_end (self->cr, tag);
          close_page (self);
          open_page (self);
          cairo_tag_begin (self->cr, tag, NULL);
          origin -= moved;
          line_top -= moved;
          line_bottom -= moved;
        }
      baseline = origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (self->cr, self->left + indent + (double) logical.x / PANGO_SCALE, baseline);
      pango_cairo_show_layout_line (self->cr, line);
      self->y = line_bottom;
    }
  while (pango_layout_iter_next_line (iter));
  cairo_tag_end (self->cr, tag);
}

static void
body_block (VigilPdfWriter *self, const char *text, double indent, PangoStyle style,
            const char *tag, double space_after)
{
  g_autoptr (PangoLayout) layout = new_layout (self, SERIF, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                               style, self->right - self->left - indent);

  pango_layout_set_text (layout, text, -1);
  /* Two lines together at least: no single line at the foot of a page. */
  need_space (self, MIN (layout_height (layout), 2 * BODY_SIZE * LEADING + 2));
  flow_layout (self, layout, indent, tag);
  self->y += space_after;
}

static double
column_x (VigilPdfWriter *self, const double *widths, guint n_columns, guint column)
{
  double x = self->left;
  double text_width = self->right - self->left;

  for (guint i = 0; i < column; i++)
    x += text_width * (widths != NULL ? widths[i] : 1.0 / n_columns);
  return x;
}

static double
column_width (VigilPdfWriter *self, const double *widths, guint n_columns, guint column)
{
  return (self->right - self->left) * (widths != NULL ? widths[column] : 1.0 / n_columns);
}

/* One row's layouts, and the height the tallest of them needs. */
static double
row_layouts (VigilPdfWriter *self, guint n_columns, const char *const *cells,
             const double *widths, const gboolean *numeric, gboolean header, PangoLayout **out)
{
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      double w = column_width (self, widths, n_columns, c) - 2 * CELL_PAD;

      out[c] = new_layout (self, header ? SANS : SERIF, header ? SMALL_SIZE + 0.5 : BODY_SIZE - 1,
                           header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           PANGO_STYLE_NORMAL, w);
      pango_layout_set_line_spacing (out[c], 1.25);
      if (header)
        pango_layout_set_wrap (out[c], PANGO_WRAP_WORD);
      if (numeric != NULL && numeric[c])
        pango_layout_set_alignment (out[c], PANGO_ALIGN_RIGHT);
      pango_layout_set_text (out[c], cells[c] != NULL ? cells[c] : "", -1);
      height = MAX (height, layout_height (out[c]));
    }
  return height + 2 * CELL_PAD;
}

static void
draw_row (VigilPdfWriter *self, guint n_columns, PangoLayout **layouts, const double *widths,
          double height, gboolean header, gboolean banded)
{
  cairo_t *cr = self->cr;

  cairo_tag_begin (cr, "TR", NULL);
  if (header || banded)
    {
      if (header)
        cairo_set_source_rgb (cr, ACCENT);
      else
        cairo_set_source_rgb (cr, BAND);
      cairo_rectangle (cr, self->left, self->y, self->right - self->left, height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      cairo_tag_begin (cr, header ? "TH" : "TD", NULL);
      if (header)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, INK);
      draw_layout (self, layouts[c], column_x (self, widths, n_columns, c) + CELL_PAD,
                   self->y + CELL_PAD);
      cairo_tag_end (cr, header ? "TH" : "TD");
    }
  cairo_tag_end (cr, "TR");
  self->y += height;
  if (!header)
    {
      cairo_set_source_rgb (cr, RULE);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, self->left, self->y);
      cairo_line_to (cr, self->right, self->y);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, INK);
}

static void
free_layouts (PangoLayout **layouts, guint n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

static const char *
format_value (char *buffer, gsize size, double value)
{
  if (value == (double) (gint64) value)
    g_snprintf (buffer, size, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_snprintf (buffer, size, "%.1f", value);
  return buffer;
}

/* A round step for the value axis: 1, 2 or 5 times a power of ten, giving
 * four to eight divisions. */
static double
axis_step (double max)
{
  double step = 1;

  while (max / step > 8)
    {
      if (max / (step * 2) <= 8)
        return step * 2;
      if (max / (step * 5) <= 8)
        return step * 5;
      step *= 10;
    }
  return step;
}

static double
chart_max (const VigilChart *chart)
{
  double max = 0;

  if (chart->max_value > 0)
    return chart->max_value;
  for (guint c = 0; c < chart->n_categories; c++)
    {
      double sum = 0;

      for (guint s = 0; s < chart->n_series; s++)
        {
          double v = chart->values[s * chart->n_categories + c];

          if (chart->kind == VIGIL_CHART_STACKED_BARS)
            sum += v;
          else
            sum = MAX (sum, v);
        }
      max = MAX (max, sum);
    }
  return max > 0 ? max : 1;
}

static void
draw_legend (VigilPdfWriter *self, const VigilChart *chart, double y)
{
  double x = self->left;

  for (guint s = 0; s < chart->n_series; s++)
    {
      g_autoptr (PangoLayout) label = new_layout (self, SANS, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                                                  PANGO_STYLE_NORMAL, -1);

      pango_layout_set_text (label, chart->series[s], -1);
      if (x + 14 + layout_width (label) > self->right)
        {
          x = self->left;
          y += 14;
        }
      cairo_set_source_rgb (self->cr, palette[s % G_N_ELEMENTS (palette)][0],
                            palette[s % G_N_ELEMENTS (palette)][1],
                            palette[s % G_N_ELEMENTS (palette)][2]);
      cairo_rectangle (self->cr, x, y + 2, 8, 8);
      cairo_fill (self->cr);
      cairo_set_source_rgb (self->cr, INK);
      draw_layout (self, label, x + 12, y);
      x += 12 + layout_width (label) + 16;
    }
}

/* Horizontal bars, one a category: long category names read across. */
static double
draw_bar_chart (VigilPdfWriter *self, const VigilChart *chart, double top)
{
  cairo_t *cr = self->cr;
  double label_width = (self->right - self->left) * 0.32;
  double plot_left = self->left + label_width + 8;
  double plot_width = self->right - plot_left - 24;
  double bar = chart->kind == VIGIL_CHART_STACKED_BARS || chart->n_series == 1 ? 14 : 8;
  double band = (chart->kind == VIGIL_CHART_STACKED_BARS ? bar : bar * chart->n_series) + 10;
  double max = chart_max (chart);
  double step = axis_step (max);
  double plot_height = band * chart->n_categories;
  double axis_max = ceil (max / step) * step;
  char buffer[32];

  /* Grid lines and the value axis. */
  cairo_set_line_width (cr, 0.4);
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double x = plot_left + plot_width * v / axis_max;

      cairo_set_source_rgb (cr, RULE);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + plot_height);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, MUTED);
      draw_text (self, format_value (buffer, sizeof buffer, v), SANS, SMALL_SIZE - 1,
                 PANGO_WEIGHT_NORMAL, x - 20, top + plot_height + 3, 40, PANGO_ALIGN_CENTER);
    }

  for (guint c = 0; c < chart->n_categories; c++)
    {
      double y = top + band * c + 5;
      double x = plot_left;
      g_autoptr (PangoLayout) label = new_layout (self, SANS, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                                                  PANGO_STYLE_NORMAL, label_width);
      double label_height;

      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pango_layout_set_line_spacing (label, 1.0);
      pango_layout_set_text (label, chart->categories[c], -1);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label, -2);
      label_height = layout_height (label);
      cairo_set_source_rgb (cr, INK);
      draw_layout (self, label, self->left,
                   y + (band - 10) / 2 - label_height / 2);

      for (guint s = 0; s < chart->n_series; s++)
        {
          double v = chart->values[s * chart->n_categories + c];
          double w = plot_width * v / axis_max;
          const double *rgb = palette[s % G_N_ELEMENTS (palette)];

          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          if (chart->kind == VIGIL_CHART_STACKED_BARS)
            {
              cairo_rectangle (cr, x, y, w, bar);
              cairo_fill (cr);
              x += w;
            }
          else
            {
              double by = y + bar * s;

              cairo_rectangle (cr, plot_left, by, w, bar);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, INK);
              draw_text (self, format_value (buffer, sizeof buffer, v), SANS, SMALL_SIZE - 1,
                         PANGO_WEIGHT_NORMAL, plot_left + w + 3, by + bar / 2 - 5, 40,
                         PANGO_ALIGN_LEFT);
            }
        }
    }
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, plot_left, top);
  cairo_line_to (cr, plot_left, top + plot_height);
  cairo_stroke (cr);
  return top + plot_height + 16;
}

static double
draw_line_chart (VigilPdfWriter *self, const VigilChart *chart, double top)
{
  cairo_t *cr = self->cr;
  double plot_left = self->left + 32;
  double plot_width = self->right - plot_left - 8;
  double plot_height = 150;
  double max = chart_max (chart);
  double step = axis_step (max);
  double axis_max = ceil (max / step) * step;
  double dx = chart->n_categories > 1 ? plot_width / (chart->n_categories - 1) : 0;
  char buffer[32];

  cairo_set_line_width (cr, 0.4);
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      double y = top + plot_height - plot_height * v / axis_max;

      cairo_set_source_rgb (cr, RULE);
      cairo_move_to (cr, plot_left, y);
      cairo_line_to (cr, plot_left + plot_width, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, MUTED);
      draw_text (self, format_value (buffer, sizeof buffer, v), SANS, SMALL_SIZE - 1,
                 PANGO_WEIGHT_NORMAL, self->left, y - 5, 28, PANGO_ALIGN_RIGHT);
    }
  /* Category labels, thinned out so that they never overlap. */
  {
    guint every = MAX (1, (guint) ceil (chart->n_categories * 44.0 / plot_width));

    for (guint c = 0; c < chart->n_categories; c += every)
      {
        cairo_set_source_rgb (cr, MUTED);
        draw_text (self, chart->categories[c], SANS, SMALL_SIZE - 1, PANGO_WEIGHT_NORMAL,
                   plot_left + dx * c - 22, top + plot_height + 4, 44, PANGO_ALIGN_CENTER);
      }
  }
  for (guint s = 0; s < chart->n_series; s++)
    {
      const double *rgb = palette[s % G_N_ELEMENTS (palette)];

      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, 1.6);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < chart->n_categories; c++)
        {
          double v = chart->values[s * chart->n_categories + c];
          double x = plot_left + dx * c;
          double y = top + plot_height - plot_height * v / axis_max;

          if (c == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint c = 0; c < chart->n_categories; c++)
        {
          double v = chart->values[s * chart->n_categories + c];

          cairo_arc (cr, plot_left + dx * c, top + plot_height - plot_height * v / axis_max, 2.2,
                     0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_set_source_rgb (cr, INK);
  return top + plot_height + 20;
}

static double
chart_height (const VigilChart *chart)
{
  double legend = chart->n_series > 1 ? 18 * ((chart->n_series + 3) / 4) : 0;

  if (chart->kind == VIGIL_CHART_LINES)
    return 24 + 150 + 20 + legend + 30;
  return 24 + (chart->kind == VIGIL_CHART_STACKED_BARS || chart->n_series == 1
               ? 24.0 : 8.0 * chart->n_series + 10) * chart->n_categories + 16 + legend + 30;
}

/* public API */

VigilPdfWriter *
vigil_pdf_writer_new (VigilPaper  paper,
                      const char *title,
                      const char *subject,
                      const char *running_header)
{
  VigilPdfWriter *self = g_new0 (VigilPdfWriter, 1);
  cairo_font_options_t *options;

  g_return_val_if_fail (title != NULL, NULL);

  if (paper == VIGIL_PAPER_LETTER)
    {
      self->width = 612;
      self->height = 792;
    }
  else
    {
      self->width = 595.276;
      self->height = 841.890;
    }
  /* A text block of about 75 characters of 10 pt serif, centred a little
   * high, as a book page is. */
  self->left = 78;
  self->right = self->width - 78;
  self->top = 84;
  self->bottom = self->height - 78;
  self->page = 1;
  self->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  self->running_header = g_strdup (running_header != NULL ? running_header : title);
  self->bytes = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (write_bytes, self, self->width,
                                                       self->height);
  cairo_pdf_surface_restrict_to_version (self->surface, CAIRO_PDF_VERSION_1_5);
  /* Only what the caller gives: no author, no keywords. The creator is
   * the program, never the person or the computer that ran it. */
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
  self->cr = cairo_create (self->surface);
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  return self;
}

void
vigil_pdf_writer_title_page (VigilPdfWriter *self,
                             const char     *programme,
                             const char     *title,
                             const char     *period,
                             const char     *statement)
{
  double width;
  double y;
  cairo_t *cr;
  g_autoptr (PangoLayout) big = NULL;

  g_return_if_fail (self != NULL);

  close_page (self);
  self->plain_page = TRUE;
  open_page (self);
  cr = self->cr;
  width = self->right - self->left;

  /* A band of the accent colour across the top, the programme above the
   * title, the period under it: the order a cover is read in. */
  cairo_set_source_rgb (cr, ACCENT);
  cairo_rectangle (cr, 0, 0, self->width, 14);
  cairo_fill (cr);

  y = self->height * 0.24;
  cairo_tag_begin (cr, "P", NULL);
  cairo_set_source_rgb (cr, ACCENT);
  draw_text (self, programme, SANS, 12, PANGO_WEIGHT_BOLD, self->left, y, width,
             PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "P");
  y += 34;
  cairo_set_source_rgb (cr, ACCENT);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, self->left, y);
  cairo_line_to (cr, self->left + 64, y);
  cairo_stroke (cr);
  y += 18;

  big = new_layout (self, SERIF, 26, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
  pango_layout_set_line_spacing (big, 1.15);
  pango_layout_set_text (big, title, -1);
  cairo_tag_begin (cr, "P", NULL);
  cairo_set_source_rgb (cr, INK);
  draw_layout (self, big, self->left, y);
  cairo_tag_end (cr, "P");
  y += layout_height (big) + 20;

  if (period != NULL)
    {
      cairo_tag_begin (cr, "P", NULL);
      cairo_set_source_rgb (cr, MUTED);
      draw_text (self, period, SANS, 13, PANGO_WEIGHT_NORMAL, self->left, y, width,
                 PANGO_ALIGN_LEFT);
      cairo_tag_end (cr, "P");
    }

  if (statement != NULL)
    {
      g_autoptr (PangoLayout) note = new_layout (self, SERIF, 9, PANGO_WEIGHT_NORMAL,
                                                 PANGO_STYLE_ITALIC, width - 24);
      double h;

      pango_layout_set_text (note, statement, -1);
      h = layout_height (note);
      y = self->bottom - h - 12;
      cairo_set_source_rgb (cr, BAND);
      cairo_rectangle (cr, self->left, y - 12, width, h + 24);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, ACCENT);
      cairo_rectangle (cr, self->left, y - 12, 3, h + 24);
      cairo_fill (cr);
      cairo_tag_begin (cr, "P", NULL);
      cairo_set_source_rgb (cr, INK);
      draw_layout (self, note, self->left + 14, y);
      cairo_tag_end (cr, "P");
    }
  close_page (self);
}

void
vigil_pdf_writer_masthead (VigilPdfWriter *self,
                           const char     *programme,
                           const char     *title,
                           const char     *period)
{
  g_autoptr (PangoLayout) big = NULL;
  double width;

  g_return_if_fail (self != NULL);

  /* The masthead says what the running header would: a first page goes
   * without it, as a first page of a chapter does. */
  if (!self->page_open)
    self->plain_page = TRUE;
  open_page (self);
  width = self->right - self->left;
  cairo_tag_begin (self->cr, "P", NULL);
  cairo_set_source_rgb (self->cr, ACCENT);
  draw_text (self, programme, SANS, 10, PANGO_WEIGHT_BOLD, self->left, self->y, width,
             PANGO_ALIGN_LEFT);
  cairo_tag_end (self->cr, "P");
  self->y += 20;
  big = new_layout (self, SERIF, 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
  pango_layout_set_line_spacing (big, 1.15);
  pango_layout_set_text (big, title, -1);
  cairo_tag_begin (self->cr, "P", NULL);
  cairo_set_source_rgb (self->cr, INK);
  draw_layout (self, big, self->left, self->y);
  cairo_tag_end (self->cr, "P");
  self->y += layout_height (big) + 6;
  if (period != NULL && *period != '\0')
    {
      cairo_tag_begin (self->cr, "P", NULL);
      cairo_set_source_rgb (self->cr, MUTED);
      draw_text (self, period, SANS, 11, PANGO_WEIGHT_NORMAL, self->left, self->y, width,
                 PANGO_ALIGN_LEFT);
      cairo_tag_end (self->cr, "P");
      self->y += 22;
    }
  cairo_set_source_rgb (self->cr, INK);
  self->y += 10;
  self->masthead = TRUE;
}

void
vigil_pdf_writer_heading (VigilPdfWriter *self,
                          guint           level,
                          const char     *text)
{
  static const double sizes[] = { 18, 13, 11 };
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *link = NULL;
  g_autofree char *tag = NULL;
  double width;
  double height;
  int id;

  g_return_if_fail (self != NULL);
  g_return_if_fail (level >= 1 && level <= 3);

  if (level == 1 && !self->masthead)
    close_page (self);
  if (level == 1)
    self->masthead = FALSE;
  width = self->right - self->left;
  layout = new_layout (self, SANS, sizes[level - 1], PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                       width);
  pango_layout_set_line_spacing (layout, 1.2);
  pango_layout_set_text (layout, text, -1);
  height = layout_height (layout);
  /* A heading keeps its first lines of text with it. */
  need_space (self, height + 14 + 3 * BODY_SIZE * LEADING);
  if (self->y > self->top)
    self->y += level == 2 ? 12 : 6;

  link = g_strdup_printf ("page=%u pos=[%g %g]", self->page, self->left, self->y);
  if (level == 1)
    {
      id = cairo_pdf_surface_add_outline (self->surface, CAIRO_PDF_OUTLINE_ROOT, text, link,
                                          CAIRO_PDF_OUTLINE_FLAG_OPEN);
      self->outline_parent = id;
    }
  else if (level == 2)
    cairo_pdf_surface_add_outline (self->surface, self->outline_parent, text, link, 0);

  tag = g_strdup_printf ("H%u", level);
  cairo_tag_begin (self->cr, tag, NULL);
  if (level == 1)
    cairo_set_source_rgb (self->cr, ACCENT);
  else
    cairo_set_source_rgb (self->cr, INK);
  draw_layout (self, layout, self->left, self->y);
  cairo_tag_end (self->cr, tag);
  self->y += height;
  if (level == 1)
    {
      cairo_set_source_rgb (self->cr, ACCENT);
      cairo_set_line_width (self->cr, 1.2);
      cairo_move_to (self->cr, self->left, self->y + 6);
      cairo_line_to (self->cr, self->right, self->y + 6);
      cairo_stroke (self->cr);
      self->y += 18;
    }
  else
    self->y += 6;
  cairo_set_source_rgb (self->cr, INK);
}

void
vigil_pdf_writer_paragraph (VigilPdfWriter *self,
                            const char     *text)
{
  g_return_if_fail (self != NULL);
  body_block (self, text, 0, PANGO_STYLE_NORMAL, "P", BODY_SIZE * 0.8);
}

void
vigil_pdf_writer_quote (VigilPdfWriter *self,
                        const char     *text)
{
  double start;
  guint page;

  g_return_if_fail (self != NULL);
  need_space (self, 2 * BODY_SIZE * LEADING);
  start = self->y;
  page = self->page;
  body_block (self, text, 18, PANGO_STYLE_ITALIC, "BlockQuote", 0);
  /* A rule beside the quotation, on the page where it started. */
  if (page == self->page)
    {
      cairo_set_source_rgb (self->cr, RULE);
      cairo_set_line_width (self->cr, 2);
      cairo_move_to (self->cr, self->left + 6, start + 2);
      cairo_line_to (self->cr, self->left + 6, self->y - 2);
      cairo_stroke (self->cr);
      cairo_set_source_rgb (self->cr, INK);
    }
  self->y += BODY_SIZE * 0.8;
}

void
vigil_pdf_writer_bullet (VigilPdfWriter *self,
                         const char     *text)
{
  g_return_if_fail (self != NULL);
  need_space (self, 2 * BODY_SIZE * LEADING);
  cairo_tag_begin (self->cr, "Lbl", NULL);
  draw_text (self, "•", SERIF, BODY_SIZE, PANGO_WEIGHT_NORMAL, self->left + 4, self->y, 10,
             PANGO_ALIGN_LEFT);
  cairo_tag_end (self->cr, "Lbl");
  body_block (self, text, 16, PANGO_STYLE_NORMAL, "LBody", BODY_SIZE * 0.4);
}

void
vigil_pdf_writer_finding (VigilPdfWriter *self,
                          const char     *figure,
                          const char     *text)
{
  const double figure_width = 92;
  g_autoptr (PangoLayout) number = NULL;
  g_autoptr (PangoLayout) sentence = NULL;
  double height;

  g_return_if_fail (self != NULL);

  number = new_layout (self, SANS, 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                       figure_width - 12);
  pango_layout_set_line_spacing (number, 1.1);
  pango_layout_set_text (number, figure != NULL ? figure : "", -1);
  sentence = new_layout (self, SERIF, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         self->right - self->left - figure_width);
  pango_layout_set_text (sentence, text, -1);
  height = MAX (layout_height (number), layout_height (sentence));
  need_space (self, height + 8);
  cairo_set_source_rgb (self->cr, ACCENT);
  cairo_rectangle (self->cr, self->left, self->y + 1, 2.5, height - 2);
  cairo_fill (self->cr);
  cairo_tag_begin (self->cr, "P", NULL);
  draw_layout (self, number, self->left + 10, self->y);
  cairo_set_source_rgb (self->cr, INK);
  draw_layout (self, sentence, self->left + figure_width, self->y);
  cairo_tag_end (self->cr, "P");
  self->y += height + BODY_SIZE;
}

void
vigil_pdf_writer_note (VigilPdfWriter *self,
                       const char     *text)
{
  g_autoptr (PangoLayout) layout = NULL;

  g_return_if_fail (self != NULL);

  layout = new_layout (self, SANS, SMALL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                       self->right - self->left);
  pango_layout_set_line_spacing (layout, 1.3);
  pango_layout_set_text (layout, text, -1);
  need_space (self, MIN (layout_height (layout), 2 * SMALL_SIZE * 1.3 + 2));
  cairo_set_source_rgb (self->cr, MUTED);
  flow_layout (self, layout, 0, "Caption");
  cairo_set_source_rgb (self->cr, INK);
  self->y += BODY_SIZE * 0.8;
}

/* The natural width of @text in @layout's font, or of its longest word
 * when @longest_word. */
static double
natural_width (PangoLayout *layout, const char *text, gboolean longest_word)
{
  double widest = 0;

  pango_layout_set_width (layout, -1);
  if (!longest_word)
    {
      pango_layout_set_text (layout, text, -1);
      return layout_width (layout);
    }
  {
    g_auto (GStrv) words = g_strsplit (text, " ", -1);

    for (guint i = 0; words[i] != NULL; i++)
      {
        pango_layout_set_text (layout, words[i], -1);
        widest = MAX (widest, layout_width (layout));
      }
  }
  return widest;
}

/* The way a browser lays out a table: each column between the width of
 * its longest word (never broken inside a word) and that of its longest
 * cell on one line; all at their widest when that fits, else each at its
 * narrowest plus a share of what is left, by how much more it wants. */
static double *
auto_widths (VigilPdfWriter *self, guint n_columns, const char *const *header, GPtrArray *rows,
             const gboolean *numeric)
{
  g_autoptr (PangoLayout) head = new_layout (self, SANS, SMALL_SIZE + 0.5, PANGO_WEIGHT_BOLD,
                                             PANGO_STYLE_NORMAL, -1);
  g_autoptr (PangoLayout) cell = new_layout (self, SERIF, BODY_SIZE - 1, PANGO_WEIGHT_NORMAL,
                                             PANGO_STYLE_NORMAL, -1);
  g_autofree double *least = g_new0 (double, n_columns);
  g_autofree double *most = g_new0 (double, n_columns);
  double *widths = g_new0 (double, n_columns);
  double total = self->right - self->left;
  double sum_least = 0;
  double sum_most = 0;
  const double pad = 2 * CELL_PAD + 2;

  for (guint c = 0; c < n_columns; c++)
    {
      least[c] = natural_width (head, header[c], TRUE);
      most[c] = natural_width (head, header[c], numeric != NULL && numeric[c]);
      for (guint r = 0; r < rows->len; r++)
        {
          const char *text = ((const char *const *) g_ptr_array_index (rows, r))[c];

          text = text != NULL ? text : "";
          least[c] = MAX (least[c], natural_width (cell, text, TRUE));
          most[c] = MAX (most[c], natural_width (cell, text, FALSE));
        }
      least[c] = MIN (least[c], total / 2) + pad;
      most[c] = MAX (most[c] + pad, least[c]);
      sum_least += least[c];
      sum_most += most[c];
    }
  for (guint c = 0; c < n_columns; c++)
    {
      if (sum_most <= total)
        widths[c] = most[c] + (total - sum_most) * most[c] / sum_most;
      else if (sum_least >= total)
        widths[c] = least[c] * total / sum_least;
      else
        widths[c] = least[c] + (total - sum_least) * (most[c] - least[c]) / (sum_most - sum_least);
      widths[c] /= total;
    }
  return widths;
}

void
vigil_pdf_writer_table (VigilPdfWriter    *self,
                        guint              n_columns,
                        const char *const *header,
                        GPtrArray         *rows,
                        const double      *widths,
                        const gboolean    *numeric)
{
  g_autofree PangoLayout **head = NULL;
  g_autofree PangoLayout **cells = NULL;
  g_autofree double *automatic = NULL;
  double head_height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_columns > 0 && header != NULL && rows != NULL);

  if (widths == NULL)
    widths = automatic = auto_widths (self, n_columns, header, rows, numeric);

  head = g_new0 (PangoLayout *, n_columns);
  cells = g_new0 (PangoLayout *, n_columns);
  head_height = row_layouts (self, n_columns, header, widths, numeric, TRUE, head);

  /* The header with at least one row under it. */
  need_space (self, head_height + 3 * BODY_SIZE);
  self->y += 4;
  cairo_tag_begin (self->cr, "Table", NULL);
  draw_row (self, n_columns, head, widths, head_height, TRUE, FALSE);
  for (guint r = 0; r < rows->len; r++)
    {
      const char *const *row = g_ptr_array_index (rows, r);
      double height = row_layouts (self, n_columns, row, widths, numeric, FALSE, cells);

      if (self->y + height > self->bottom)
        {
          cairo_tag_end (self->cr, "Table");
          close_page (self);
          open_page (self);
          cairo_tag_begin (self->cr, "Table", NULL);
          draw_row (self, n_columns, head, widths, head_height, TRUE, FALSE);
        }
      draw_row (self, n_columns, cells, widths, height, FALSE, r % 2 == 1);
      free_layouts (cells, n_columns);
    }
  cairo_tag_end (self->cr, "Table");
  free_layouts (head, n_columns);
  self->y += BODY_SIZE * 1.2;
}

void
vigil_pdf_writer_chart (VigilPdfWriter   *self,
                        const VigilChart *chart)
{
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (chart != NULL);

  need_space (self, chart_height (chart));
  cairo_tag_begin (self->cr, "Figure", NULL);
  y = self->y + 4;
  if (chart->title != NULL)
    {
      g_autoptr (PangoLayout) title = new_layout (self, SANS, 9.5, PANGO_WEIGHT_BOLD,
                                                  PANGO_STYLE_NORMAL,
                                                  self->right - self->left);

      pango_layout_set_text (title, chart->title, -1);
      cairo_set_source_rgb (self->cr, INK);
      draw_layout (self, title, self->left, y);
      y += layout_height (title) + 8;
    }
  if (chart->kind == VIGIL_CHART_LINES)
    y = draw_line_chart (self, chart, y);
  else
    y = draw_bar_chart (self, chart, y);
  if (chart->n_series > 1)
    {
      draw_legend (self, chart, y);
      y += 18 * ((chart->n_series + 3) / 4);
    }
  if (chart->caption != NULL)
    {
      g_autoptr (PangoLayout) caption = new_layout (self, SERIF, SMALL_SIZE + 0.5,
                                                    PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                                                    self->right - self->left);

      pango_layout_set_text (caption, chart->caption, -1);
      cairo_set_source_rgb (self->cr, MUTED);
      draw_layout (self, caption, self->left, y);
      y += layout_height (caption);
    }
  cairo_tag_end (self->cr, "Figure");
  cairo_set_source_rgb (self->cr, INK);
  self->y = y + BODY_SIZE * 1.5;
}

void
vigil_pdf_writer_keep_space (VigilPdfWriter *self,
                             double          points)
{
  g_return_if_fail (self != NULL);
  need_space (self, points);
}

double
vigil_pdf_writer_chart_height (const VigilChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart_height (chart);
}

void
vigil_pdf_writer_page_break (VigilPdfWriter *self)
{
  g_return_if_fail (self != NULL);
  close_page (self);
}

guint
vigil_pdf_writer_get_page (VigilPdfWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page;
}

GBytes *
vigil_pdf_writer_finish (VigilPdfWriter *self,
                         GError        **error)
{
  cairo_status_t status;
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->page_open)
    cairo_show_page (self->cr);
  cairo_destroy (g_steal_pointer (&self->cr));
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      vigil_pdf_writer_free (self);
      return NULL;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&self->bytes));
  vigil_pdf_writer_free (self);
  return bytes;
}

void
vigil_pdf_writer_free (VigilPdfWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  if (self->bytes != NULL)
    g_byte_array_free (self->bytes, TRUE);
  g_free (self->running_header);
  g_free (self);
}
