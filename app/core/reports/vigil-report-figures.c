/* vigil-report-figures.c: the aggregate figures of a report, as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vigil-file.h"
#include "vigil-report-figures.h"

/* private helpers: CSV */

static void
csv_field (GString *out, const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  /* A spreadsheet runs a cell that starts with one of these as a formula;
   * a leading apostrophe keeps it text (a reason for adjournment is free
   * text). */
  if (strchr ("=+-@", text[0]) != NULL && text[0] != '\0' && !g_ascii_isdigit (text[1]))
    {
      quote = TRUE;
      g_string_append (out, "\"'");
    }
  else if (quote)
    g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
csv_row (GString *out, const char *const *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      csv_field (out, fields[i] != NULL ? fields[i] : "");
    }
  g_string_append (out, "\r\n");
}

static GBytes *
render_csv (VigilReportDoc *doc)
{
  GString *out = g_string_new (NULL);
  gboolean findings_started = FALSE;

  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      switch (vigil_report_block_get_kind (block))
        {
        case VIGIL_REPORT_BLOCK_FINDING:
          {
            g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      vigil_report_block_get_figure_value (block));
            g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      vigil_report_block_get_figure_total (block));
            const char *row[] = { vigil_report_block_get_text (block),
                                  vigil_report_block_get_figure (block), value, total };

            if (!findings_started)
              {
                const char *title[] = { _("Key findings") };
                const char *headers[] = { _("Finding"), _("Figure"), _("Count"), _("Out of") };

                csv_row (out, title, 1);
                csv_row (out, headers, 4);
                findings_started = TRUE;
              }
            csv_row (out, row, 4);
            break;
          }
        case VIGIL_REPORT_BLOCK_TABLE:
          {
            guint n = vigil_report_block_get_n_columns (block);
            g_autofree const char **row = g_new0 (const char *, n);
            const char *title[] = { vigil_report_block_get_text (block) };

            g_string_append (out, "\r\n");
            csv_row (out, title, 1);
            for (guint c = 0; c < n; c++)
              row[c] = vigil_report_block_get_column_header (block, c);
            csv_row (out, row, n);
            for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
              {
                for (guint c = 0; c < n; c++)
                  row[c] = vigil_report_block_get_cell (block, r, c);
                csv_row (out, row, n);
              }
            break;
          }
        case VIGIL_REPORT_BLOCK_CHART:
          {
            guint n_series = vigil_report_block_get_n_series (block);
            g_autofree const char **row = g_new0 (const char *, n_series + 1);
            g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
            const char *title[] = { vigil_report_block_get_text (block) };

            g_string_append (out, "\r\n");
            csv_row (out, title, 1);
            row[0] = "";
            for (guint s = 0; s < n_series; s++)
              row[s + 1] = vigil_report_block_get_series (block, s);
            csv_row (out, row, n_series + 1);
            for (guint c = 0; c < vigil_report_block_get_n_categories (block); c++)
              {
                row[0] = vigil_report_block_get_category (block, c);
                for (guint s = 0; s < n_series; s++)
                  {
                    char *value = vigil_report_block_is_value_suppressed (block, s, c)
                                    ? g_strdup (_("suppressed"))
                                    : g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       vigil_report_block_get_value (block, s, c));

                    g_ptr_array_add (values, value);
                    row[s + 1] = value;
                  }
                csv_row (out, row, n_series + 1);
              }
            break;
          }
        case VIGIL_REPORT_BLOCK_HEADING:
        case VIGIL_REPORT_BLOCK_PARAGRAPH:
        case VIGIL_REPORT_BLOCK_QUOTATION:
        case VIGIL_REPORT_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  return g_string_free_to_bytes (out);
}

/* private helpers: JSON */

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* A table's cell: a number where the column is numeric and the cell is a
 * whole number, else its text ("< 3", an amount). */
static void
add_cell (JsonBuilder *builder, const char *text, gboolean numeric)
{
  char *end = NULL;
  gint64 value;

  if (numeric && *text != '\0')
    {
      value = g_ascii_strtoll (text, &end, 10);
      if (end != NULL && *end == '\0')
        {
          json_builder_add_int_value (builder, value);
          return;
        }
    }
  json_builder_add_string_value (builder, text);
}

static void
json_table (JsonBuilder *builder, const VigilReportBlock *block)
{
  guint n = vigil_report_block_get_n_columns (block);

  json_builder_begin_object (builder);
  add_string (builder, "caption", vigil_report_block_get_text (block));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < n; c++)
    json_builder_add_string_value (builder, vigil_report_block_get_column_header (block, c));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < vigil_report_block_get_n_rows (block); r++)
    {
      json_builder_begin_array (builder);
      for (guint c = 0; c < n; c++)
        add_cell (builder, vigil_report_block_get_cell (block, r, c),
                  vigil_report_block_get_column_align (block, c) == VIGIL_REPORT_ALIGN_NUMERIC);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
json_chart (JsonBuilder *builder, const VigilReportBlock *block)
{
  static const char *const kinds[] = { "stacked_bars", "bars", "line" };

  json_builder_begin_object (builder);
  add_string (builder, "title", vigil_report_block_get_text (block));
  add_string (builder, "kind", kinds[vigil_report_block_get_chart_kind (block)]);
  add_string (builder, "unit", vigil_report_block_get_unit (block));
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint c = 0; c < vigil_report_block_get_n_categories (block); c++)
    json_builder_add_string_value (builder, vigil_report_block_get_category (block, c));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint s = 0; s < vigil_report_block_get_n_series (block); s++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "name", vigil_report_block_get_series (block, s));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint c = 0; c < vigil_report_block_get_n_categories (block); c++)
        if (vigil_report_block_is_value_suppressed (block, s, c))
          json_builder_add_null_value (builder);
        else
          json_builder_add_int_value (builder, vigil_report_block_get_value (block, s, c));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static GBytes *
render_json (VigilReportDoc *doc)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  add_string (builder, "title", vigil_report_doc_get_title (doc));
  add_string (builder, "subject", vigil_report_doc_get_subject (doc));
  add_string (builder, "programme", vigil_report_doc_get_programme (doc));
  add_string (builder, "period", vigil_report_doc_get_period (doc));
  add_string (builder, "anonymized", vigil_report_doc_get_anonymized_statement (doc));

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    {
      const VigilReportBlock *block = vigil_report_doc_get_block (doc, i);

      if (vigil_report_block_get_kind (block) != VIGIL_REPORT_BLOCK_FINDING)
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "finding", vigil_report_block_get_text (block));
      add_string (builder, "figure", vigil_report_block_get_figure (block));
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, vigil_report_block_get_figure_value (block));
      json_builder_set_member_name (builder, "out_of");
      json_builder_add_int_value (builder, vigil_report_block_get_figure_total (block));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    if (vigil_report_block_get_kind (vigil_report_doc_get_block (doc, i)) == VIGIL_REPORT_BLOCK_TABLE)
      json_table (builder, vigil_report_doc_get_block (doc, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "charts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vigil_report_doc_get_n_blocks (doc); i++)
    if (vigil_report_block_get_kind (vigil_report_doc_get_block (doc, i)) == VIGIL_REPORT_BLOCK_CHART)
      json_chart (builder, vigil_report_doc_get_block (doc, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* public API */

GBytes *
vigil_report_figures_render (VigilReportDoc           *doc,
                             VigilReportFiguresFormat  format)
{
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (doc), NULL);

  return format == VIGIL_REPORT_FIGURES_CSV ? render_csv (doc) : render_json (doc);
}

gboolean
vigil_report_figures_format_for_path (const char               *path,
                                      VigilReportFiguresFormat *out)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *out = VIGIL_REPORT_FIGURES_CSV;
  else if (g_str_has_suffix (lower, ".json"))
    *out = VIGIL_REPORT_FIGURES_JSON;
  else
    return FALSE;
  return TRUE;
}

gboolean
vigil_report_figures_write (VigilReportDoc           *doc,
                            VigilReportFiguresFormat  format,
                            const char               *path,
                            GError                  **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = vigil_report_figures_render (doc, format);
  data = g_bytes_get_data (bytes, &length);
  return vigil_file_write_atomic (path, data != NULL ? data : "", length, error);
}
