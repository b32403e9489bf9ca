/* vigil-report-odt.c: a report document as OpenDocument Text
 *
 * Missions edit and translate a report in a word processor before it is
 * published, so the ODT carries structure, not looks: headings are
 * text:h with their outline level (the navigator and a table of contents
 * follow them), paragraphs take named styles (Text body, Quotations,
 * Caption) that a translator restyles once for the whole report, and
 * tables have real header rows, repeated on every page they reach.
 * Charts become tables of their figures: an office suite redraws a chart
 * from a table, and a translator translates its labels.
 *
 * The container is a zip written by minizip (zlib's): "mimetype" first,
 * stored uncompressed and with its sizes and CRC in its local header, as
 * ODF requires, then the manifest, the styles and the content, deflated.
 * libarchive (which reads the ODT back for the leak check) cannot write
 * it: its zip writer never knows an entry's CRC before the data, so it
 * always follows an entry with a data descriptor, and LibreOffice refuses
 * a stored "mimetype" that has one ("source file could not be loaded").
 * minizip seeks back and fills the header in, here in a memory buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <minizip/zip.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-report-render-private.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

#define NS \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " office:version=\"1.2\""

static const char manifest_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
  " manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
  " manifest:media-type=\"" MIMETYPE "\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

/* Paragraph and heading styles after LibreOffice's own names, so that the
 * report picks up a house style by name; sizes and spacing as in the PDF. */
static const char styles_body[] =
  "<office:font-face-decls>"
  "<style:font-face style:name=\"DejaVu Serif\" svg:font-family=\"'DejaVu Serif'\""
  " style:font-family-generic=\"roman\"/>"
  "<style:font-face style:name=\"DejaVu Sans\" svg:font-family=\"'DejaVu Sans'\""
  " style:font-family-generic=\"swiss\"/>"
  "</office:font-face-decls>"
  "<office:styles>"
  "<style:default-style style:family=\"paragraph\">"
  "<style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
  "<style:text-properties style:font-name=\"DejaVu Serif\" fo:font-size=\"10pt\""
  " fo:language=\"en\" fo:country=\"GB\" fo:hyphenate=\"false\"/>"
  "</style:default-style>"
  "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
  "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\""
  " style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.25cm\""
  " fo:line-height=\"140%\" fo:orphans=\"2\" fo:widows=\"2\"/>"
  "</style:style>"
  "<style:style style:name=\"Heading\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\""
  " style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.25cm\""
  " fo:keep-with-next=\"always\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-weight=\"bold\"/>"
  "</style:style>"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:default-outline-level=\"1\" style:class=\"text\">"
  "<style:paragraph-properties fo:break-before=\"page\" fo:padding-bottom=\"0.1cm\""
  " fo:border-bottom=\"1.2pt solid #1c4573\" fo:margin-bottom=\"0.4cm\"/>"
  "<style:text-properties fo:font-size=\"18pt\" fo:color=\"#1c4573\"/>"
  "</style:style>"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\""
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:default-outline-level=\"2\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"13pt\"/>"
  "</style:style>"
  "<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\""
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:default-outline-level=\"3\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"11pt\"/>"
  "</style:style>"
  "<style:style style:name=\"Title\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"chapter\">"
  "<style:paragraph-properties fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.5cm\"/>"
  "<style:text-properties fo:font-size=\"26pt\" fo:font-weight=\"bold\"/>"
  "</style:style>"
  "<style:style style:name=\"Subtitle\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"chapter\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.3cm\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"13pt\""
  " fo:color=\"#60606b\"/>"
  "</style:style>"
  "<style:style style:name=\"Programme\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"chapter\">"
  "<style:paragraph-properties fo:margin-top=\"6cm\" fo:margin-bottom=\"0.4cm\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"12pt\""
  " fo:font-weight=\"bold\" fo:color=\"#1c4573\"/>"
  "</style:style>"
  "<style:style style:name=\"Statement\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"8cm\" fo:padding=\"0.3cm\""
  " fo:background-color=\"#eff1f6\" fo:border-left=\"3pt solid #1c4573\"/>"
  "<style:text-properties fo:font-size=\"9pt\" fo:font-style=\"italic\"/>"
  "</style:style>"
  "<style:style style:name=\"Quotations\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\" style:class=\"html\">"
  "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:margin-right=\"0.6cm\""
  " fo:padding-left=\"0.2cm\" fo:border-left=\"2pt solid #b8bdc7\"/>"
  "<style:text-properties fo:font-style=\"italic\"/>"
  "</style:style>"
  "<style:style style:name=\"Finding\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-left=\"0.3cm\" fo:padding-left=\"0.2cm\""
  " fo:border-left=\"2.5pt solid #1c4573\"/>"
  "</style:style>"
  "<style:style style:name=\"Caption\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:paragraph-properties fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.4cm\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"8pt\""
  " fo:color=\"#60606b\"/>"
  "</style:style>"
  "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\""
  " style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:text-properties fo:font-size=\"9pt\"/>"
  "</style:style>"
  "<style:style style:name=\"Table_20_Figure\" style:display-name=\"Table Figure\""
  " style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\""
  " style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"end\"/>"
  "</style:style>"
  "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\""
  " style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\""
  " style:class=\"extra\">"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"8.5pt\""
  " fo:font-weight=\"bold\" fo:color=\"#ffffff\"/>"
  "</style:style>"
  "<style:style style:name=\"Table_20_Heading_20_Figure\""
  " style:display-name=\"Table Heading Figure\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Heading\" style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"end\"/>"
  "</style:style>"
  "<style:style style:name=\"Header\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:paragraph-properties fo:padding-bottom=\"0.1cm\""
  " fo:border-bottom=\"0.5pt solid #b8bdc7\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"8pt\""
  " fo:color=\"#60606b\"/>"
  "</style:style>"
  "<style:style style:name=\"Footer\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:paragraph-properties fo:text-align=\"center\"/>"
  "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"8pt\""
  " fo:color=\"#60606b\"/>"
  "</style:style>"
  "</office:styles>";

typedef struct
{
  GString *xml;
  /* The tables' column widths, automatic styles written before the body. */
  GString *column_styles;
  double   text_width_cm;
  guint    n_tables;
} Writer;

/* A column of figures: "Not respected" in 8.5 pt bold, and padding. */
#define FIGURE_COLUMN_CM 2.3

/* private helpers */

static void
append_escaped (GString *xml, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (xml, escaped);
}

static void
append_paragraph (GString *xml, const char *style, const char *text)
{
  g_string_append_printf (xml, "<text:p text:style-name=\"%s\">", style);
  append_escaped (xml, text);
  g_string_append (xml, "</text:p>");
}

static void
append_heading (GString *xml, guint level, const char *text)
{
  g_string_append_printf (xml, "<text:h text:style-name=\"Heading_20_%u\""
                          " text:outline-level=\"%u\">", level, level);
  append_escaped (xml, text);
  g_string_append (xml, "</text:h>");
}

/* Widths in centimetres, as LibreOffice lays a table out by them: figures
 * get what their header needs, text the rest. */
static void
begin_table (Writer *w, guint n_columns, const gboolean *numeric)
{
  guint n_text = 0;
  double text_cm;
  char width[G_ASCII_DTOSTR_BUF_SIZE];

  w->n_tables++;
  for (guint c = 0; c < n_columns; c++)
    n_text += numeric[c] ? 0 : 1;
  text_cm = n_text > 0 ? MAX (3.0, (w->text_width_cm - FIGURE_COLUMN_CM * (n_columns - n_text))
                                   / n_text)
                       : 0;
  g_string_append_printf (w->column_styles,
                          "<style:style style:name=\"Table%u\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%scm\" table:align=\"left\""
                          " fo:margin-top=\"0.2cm\"/></style:style>",
                          w->n_tables, g_ascii_formatd (width, sizeof width, "%.2f",
                                                        w->text_width_cm));
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (w->column_styles,
                            "<style:style style:name=\"Table%u.C%u\""
                            " style:family=\"table-column\">"
                            "<style:table-column-properties style:column-width=\"%scm\"/>"
                            "</style:style>",
                            w->n_tables, c,
                            g_ascii_formatd (width, sizeof width, "%.2f",
                                             numeric[c] ? FIGURE_COLUMN_CM : text_cm));
  g_string_append_printf (w->xml, "<table:table table:name=\"Table%u\""
                          " table:style-name=\"Table%u\">", w->n_tables, w->n_tables);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (w->xml, "<table:table-column table:style-name=\"Table%u.C%u\"/>",
                            w->n_tables, c);
}

static void
append_row (Writer *w, guint n_columns, const char *const *cells, const gboolean *numeric,
            gboolean header, gboolean banded)
{
  /* A row is never split across two pages. */
  g_string_append (w->xml, "<table:table-row table:style-name=\"Report_Row\">");
  for (guint c = 0; c < n_columns; c++)
    {
      const char *cell_style = header ? "Report_Head_Cell"
                               : banded ? "Report_Band_Cell" : "Report_Cell";
      const char *style = header ? (numeric[c] ? "Table_20_Heading_20_Figure" : "Table_20_Heading")
                          : numeric[c] ? "Table_20_Figure" : "Table_20_Contents";

      g_string_append_printf (w->xml, "<table:table-cell table:style-name=\"%s\""
                              " office:value-type=\"string\">", cell_style);
      append_paragraph (w->xml, style, cells[c]);
      g_string_append (w->xml, "</table:table-cell>");
    }
  g_string_append (w->xml, "</table:table-row>");
}

static void
write_table (Writer *w, const VigilReportBlock *block)
{
  guint n_columns = vigil_report_block_get_n_columns (block);
  g_autofree const char **cells = g_new0 (const char *, n_columns + 1);
  g_autofree gboolean *numeric = g_new0 (gboolean, n_columns + 1);

  if (n_columns == 0)
    return;
  for (guint c = 0; c < n_columns; c++)
    {
      cells[c] = vigil_report_block_get_column_header (block, c);
      numeric[c] = vigil_report_block_get_column_align (block, c) == VIGIL_REPORT_ALIGN_NUMERIC;
    }
  begin_table (w, n_columns, numeric);
  g_string_append (w->xml, "<table:table-header-rows>");
  append_row (w, n_columns, cells, numeric, TRUE, FALSE);
  g_string_append (w->xml, "</table:table-header-rows>");
  for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        cells[c] = vigil_report_block_get_cell (block, r, c);
      append_row (w, n_columns, cells, numeric, FALSE, r % 2 == 1);
    }
  g_string_append (w->xml, "</table:table>");
  if (*vigil_report_block_get_text (block) != '\0')
    append_paragraph (w->xml, "Caption", vigil_report_block_get_text (block));
}

/* A chart as the table of its figures: categories down, series across. */
static void
write_chart (Writer *w, const VigilReportBlock *block)
{
  guint n_categories = vigil_report_block_get_n_categories (block);
  guint n_series = vigil_report_block_get_n_series (block);
  g_autofree const char **cells = g_new0 (const char *, n_series + 2);
  g_autofree gboolean *numeric = g_new0 (gboolean, n_series + 2);
  g_autoptr (GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
  gboolean suppressed = FALSE;

  if (n_categories == 0 || n_series == 0)
    return;
  append_paragraph (w->xml, "Caption", vigil_report_block_get_text (block));
  cells[0] = "";
  for (guint s = 0; s < n_series; s++)
    {
      cells[s + 1] = vigil_report_block_get_series (block, s);
      numeric[s + 1] = TRUE;
    }
  begin_table (w, n_series + 1, numeric);
  g_string_append (w->xml, "<table:table-header-rows>");
  append_row (w, n_series + 1, cells, numeric, TRUE, FALSE);
  g_string_append (w->xml, "</table:table-header-rows>");
  for (guint c = 0; c < n_categories; c++)
    {
      g_ptr_array_set_size (figures, 0);
      cells[0] = vigil_report_block_get_category (block, c);
      for (guint s = 0; s < n_series; s++)
        {
          gboolean hidden = vigil_report_block_is_value_suppressed (block, s, c);

          suppressed |= hidden;
          g_ptr_array_add (figures, hidden ? g_strdup ("–")
                           : g_strdup_printf ("%" G_GINT64_FORMAT,
                                              vigil_report_block_get_value (block, s, c)));
          cells[s + 1] = g_ptr_array_index (figures, s);
        }
      append_row (w, n_series + 1, cells, numeric, FALSE, c % 2 == 1);
    }
  g_string_append (w->xml, "</table:table>");
  {
    g_autofree char *caption = NULL;

    /* Translators: under the figures of a chart: what they count. */
    caption = g_strdup_printf (_("Counted: %s."), vigil_report_block_get_unit (block));
    if (suppressed)
      {
        g_autofree char *more = g_strdup_printf (
          "%s %s", caption,
          _("“–” marks a figure counting too few to be shown without identifying anyone."));

        g_free (caption);
        caption = g_steal_pointer (&more);
      }
    append_paragraph (w->xml, "Caption", caption);
  }
}

static void
write_block (Writer *w, const VigilReportBlock *block)
{
  GString *xml = w->xml;

  switch (vigil_report_block_get_kind (block))
    {
    case VIGIL_REPORT_BLOCK_HEADING:
      append_heading (xml, CLAMP (vigil_report_block_get_level (block), 1, 3),
                      vigil_report_block_get_text (block));
      break;
    case VIGIL_REPORT_BLOCK_PARAGRAPH:
      append_paragraph (xml, "Text_20_body", vigil_report_block_get_text (block));
      break;
    case VIGIL_REPORT_BLOCK_FINDING:
      g_string_append (xml, "<text:p text:style-name=\"Finding\">"
                       "<text:span text:style-name=\"Figure\">");
      append_escaped (xml, vigil_report_block_get_figure (block));
      g_string_append (xml, "</text:span><text:tab/>");
      append_escaped (xml, vigil_report_block_get_text (block));
      g_string_append (xml, "</text:p>");
      break;
    case VIGIL_REPORT_BLOCK_QUOTATION:
      {
        const char *code = vigil_report_block_get_standard_code (block);
        const char *title = vigil_report_block_get_standard_title (block);
        const char *attribution = vigil_report_block_get_attribution (block);

        append_paragraph (xml, "Quotations", vigil_report_block_get_text (block));
        if (*code != '\0' || *title != '\0' || *attribution != '\0')
          {
            g_autoptr (GString) line = g_string_new (NULL);

            /* The title says what the standard is; its code only without one. */
            g_string_append (line, *title != '\0' ? title : code);
            if (*attribution != '\0')
              g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", attribution);
            append_paragraph (xml, "Caption", line->str);
          }
      }
      break;
    case VIGIL_REPORT_BLOCK_TABLE:
      write_table (w, block);
      break;
    case VIGIL_REPORT_BLOCK_CHART:
      write_chart (w, block);
      break;
    case VIGIL_REPORT_BLOCK_PAGE_BREAK:
      g_string_append (xml, "<text:p text:style-name=\"Page_Break\"/>");
      break;
    default:
      break;
    }
}

static char *
content_xml (VigilReportDoc *doc, const char *programme, GCancellable *cancellable,
             GError **error)
{
  g_autoptr (GString) xml = g_string_new (NULL);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GString) column_styles = g_string_new (NULL);
  Writer w = { body, column_styles,
               vigil_report_doc_get_paper (doc) == VIGIL_REPORT_PAPER_LETTER ? 16.09 : 15.5, 0 };

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content" NS ">"
                   "<office:automatic-styles>"
                   "<style:style style:name=\"Report_Row\" style:family=\"table-row\">"
                   "<style:table-row-properties fo:keep-together=\"always\"/></style:style>"
                   "<style:style style:name=\"Report_Head_Cell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#1c4573\""
                   " fo:padding=\"0.1cm\" fo:border=\"none\"/></style:style>"
                   "<style:style style:name=\"Report_Cell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border-top=\"none\""
                   " fo:border-left=\"none\" fo:border-right=\"none\""
                   " fo:border-bottom=\"0.4pt solid #b8bdc7\"/></style:style>"
                   "<style:style style:name=\"Report_Band_Cell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#eff1f6\""
                   " fo:padding=\"0.1cm\" fo:border-top=\"none\" fo:border-left=\"none\""
                   " fo:border-right=\"none\" fo:border-bottom=\"0.4pt solid #b8bdc7\"/>"
                   "</style:style>"
                   "<style:style style:name=\"Figure\" style:family=\"text\">"
                   "<style:text-properties style:font-name=\"DejaVu Sans\""
                   " fo:font-weight=\"bold\" fo:color=\"#1c4573\"/></style:style>"
                   "<style:style style:name=\"Page_Break\" style:family=\"paragraph\""
                   " style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:break-after=\"page\"/></style:style>"
                   );

  /* The title page; without one, the programme, title and period head the
   * first page (the statement is then the document's first paragraph). */
  if (vigil_report_doc_get_has_title_page (doc))
    {
      append_paragraph (body, "Programme", programme);
      append_paragraph (body, "Title", vigil_report_doc_get_title (doc));
      append_paragraph (body, "Subtitle", vigil_report_doc_get_period (doc));
      append_paragraph (body, "Statement", vigil_report_doc_get_anonymized_statement (doc));
    }
  else
    {
      append_paragraph (body, "Subtitle", programme);
      append_paragraph (body, "Title", vigil_report_doc_get_title (doc));
      append_paragraph (body, "Subtitle", vigil_report_doc_get_period (doc));
    }

  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const char *planted = vigil_report_render_get_test_plant (i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      write_block (&w, vigil_report_doc_get_block (doc, i));
      if (planted != NULL)
        append_paragraph (body, "Text_20_body", planted);
    }
  g_string_append_len (xml, column_styles->str, column_styles->len);
  g_string_append (xml, "</office:automatic-styles><office:body><office:text>");
  g_string_append_len (xml, body->str, body->len);
  g_string_append (xml, "</office:text></office:body></office:document-content>\n");
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

static char *
styles_xml (VigilReportDoc *doc, const char *running)
{
  GString *xml = g_string_new (NULL);
  gboolean letter = vigil_report_doc_get_paper (doc) == VIGIL_REPORT_PAPER_LETTER;

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-styles" NS ">");
  g_string_append (xml, styles_body);
  g_string_append_printf (xml,
                          "<office:automatic-styles>"
                          "<style:page-layout style:name=\"Report_Page\">"
                          "<style:page-layout-properties fo:page-width=\"%s\""
                          " fo:page-height=\"%s\" style:print-orientation=\"portrait\""
                          " fo:margin-top=\"1.6cm\" fo:margin-bottom=\"1.6cm\""
                          " fo:margin-left=\"2.75cm\" fo:margin-right=\"2.75cm\"/>"
                          "<style:header-style><style:header-footer-properties"
                          " fo:min-height=\"0cm\" fo:margin-bottom=\"0.6cm\"/>"
                          "</style:header-style>"
                          "<style:footer-style><style:header-footer-properties"
                          " fo:min-height=\"0cm\" fo:margin-top=\"0.6cm\"/>"
                          "</style:footer-style>"
                          "</style:page-layout>"
                          "</office:automatic-styles>"
                          "<office:master-styles>"
                          "<style:master-page style:name=\"Standard\""
                          " style:page-layout-name=\"Report_Page\">"
                          "<style:header><text:p text:style-name=\"Header\">",
                          letter ? "21.59cm" : "21.001cm", letter ? "27.94cm" : "29.7cm");
  append_escaped (xml, running);
  g_string_append (xml, "</text:p></style:header>"
                   "<style:footer><text:p text:style-name=\"Footer\">"
                   "<text:page-number text:select-page=\"current\"/></text:p></style:footer>"
                   "</style:master-page></office:master-styles>"
                   "</office:document-styles>\n");
  return g_string_free (xml, FALSE);
}

/* Only what the report says of itself: no author, no computer. */
static char *
meta_xml (VigilReportDoc *doc)
{
  GString *xml = g_string_new (NULL);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-meta" NS "><office:meta>"
                   "<meta:generator>Vigil</meta:generator><dc:title>");
  append_escaped (xml, vigil_report_doc_get_title (doc));
  g_string_append (xml, "</dc:title><dc:subject>");
  append_escaped (xml, vigil_report_doc_get_subject (doc));
  g_string_append (xml, "</dc:subject></office:meta></office:document-meta>\n");
  return g_string_free (xml, FALSE);
}

/* A zip in memory that minizip can seek back in. */
typedef struct
{
  GByteArray *bytes;
  gsize       position;
} Buffer;

static voidpf ZCALLBACK
buffer_open (voidpf opaque, const void *name, int mode)
{
  return opaque;
}

static uLong ZCALLBACK
buffer_read (voidpf opaque, voidpf stream, void *data, uLong size)
{
  return 0;
}

static uLong ZCALLBACK
buffer_write (voidpf opaque, voidpf stream, const void *data, uLong size)
{
  Buffer *buffer = stream;

  if (buffer->position + size > buffer->bytes->len)
    g_byte_array_set_size (buffer->bytes, buffer->position + size);
  memcpy (buffer->bytes->data + buffer->position, data, size);
  buffer->position += size;
  return size;
}

static ZPOS64_T ZCALLBACK
buffer_tell (voidpf opaque, voidpf stream)
{
  return ((Buffer *) stream)->position;
}

static long ZCALLBACK
buffer_seek (voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
  Buffer *buffer = stream;
  gint64 base = origin == ZLIB_FILEFUNC_SEEK_CUR ? (gint64) buffer->position
                : origin == ZLIB_FILEFUNC_SEEK_END ? (gint64) buffer->bytes->len : 0;

  if (base + (gint64) offset < 0 || base + (gint64) offset > (gint64) buffer->bytes->len)
    return -1;
  buffer->position = base + offset;
  return 0;
}

static int ZCALLBACK
buffer_close (voidpf opaque, voidpf stream)
{
  return 0;
}

static int ZCALLBACK
buffer_error (voidpf opaque, voidpf stream)
{
  return 0;
}

static gboolean
add_entry (zipFile zip, const char *name, const char *data, gsize length, gboolean stored)
{
  /* A fixed time: the file says nothing of when or where it was made. */
  zip_fileinfo info = { { 0, 0, 0, 1, 0, 2000 }, 0, 0, 0 };

  if (zipOpenNewFileInZip64 (zip, name, &info, NULL, 0, NULL, 0, NULL,
                             stored ? 0 : Z_DEFLATED, stored ? 0 : Z_DEFAULT_COMPRESSION,
                             0) != ZIP_OK)
    return FALSE;
  if (zipWriteInFileInZip (zip, data, length) != ZIP_OK)
    {
      zipCloseFileInZip (zip);
      return FALSE;
    }
  return zipCloseFileInZip (zip) == ZIP_OK;
}

/* public API */

/**
 * vigil_report_render_odt:
 *
 * Returns: (transfer full): the ODT's bytes, or NULL with
 *   G_IO_ERROR_CANCELLED or VIGIL_ERROR_IO
 */
GBytes *
vigil_report_render_odt (VigilReportDoc *doc,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *running = NULL;
  zlib_filefunc64_def functions = { buffer_open, buffer_read, buffer_write, buffer_tell,
                                    buffer_seek, buffer_close, buffer_error, NULL };
  Buffer buffer = { NULL, 0 };
  zipFile zip;
  const char *programme;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = vigil_report_doc_get_programme (doc);
  if (*programme == '\0')
    programme = _(VIGIL_REPORT_DEFAULT_PROGRAMME);
  running = g_strdup_printf ("%s · %s", programme, vigil_report_doc_get_title (doc));
  content = content_xml (doc, programme, cancellable, error);
  if (content == NULL)
    return NULL;
  styles = styles_xml (doc, running);
  meta = meta_xml (doc);

  buffer.bytes = g_byte_array_new ();
  functions.opaque = &buffer;
  zip = zipOpen2_64 ("report.odt", APPEND_STATUS_CREATE, NULL, &functions);
  ok = zip != NULL
       && add_entry (zip, "mimetype", MIMETYPE, strlen (MIMETYPE), TRUE)
       && add_entry (zip, "META-INF/manifest.xml", manifest_xml, strlen (manifest_xml), FALSE)
       && add_entry (zip, "styles.xml", styles, strlen (styles), FALSE)
       && add_entry (zip, "meta.xml", meta, strlen (meta), FALSE)
       && add_entry (zip, "content.xml", content, strlen (content), FALSE);
  if (zip != NULL && zipClose (zip, NULL) != ZIP_OK)
    ok = FALSE;
  if (!ok)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("The ODT could not be made"));
      g_byte_array_free (buffer.bytes, TRUE);
      return NULL;
    }
  g_byte_array_set_size (buffer.bytes, MAX (buffer.position, buffer.bytes->len));
  return g_byte_array_free_to_bytes (buffer.bytes);
}
