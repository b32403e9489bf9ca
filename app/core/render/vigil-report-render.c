/* vigil-report-render.c: choosing a renderer, and the tests' planted text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include "vigil-report-render-private.h"

static GMutex plant_lock;
static char *plant_text;
static guint plant_after;
static guint test_delay_ms;

/* public API */

gboolean
vigil_report_format_from_path (const char        *path,
                               VigilReportFormat *out_format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    *out_format = VIGIL_REPORT_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".odt"))
    *out_format = VIGIL_REPORT_FORMAT_ODT;
  else
    return FALSE;
  return TRUE;
}

/**
 * vigil_report_render:
 *
 * Returns: (transfer full): the file's bytes, or NULL with an error
 */
GBytes *
vigil_report_render (VigilReportDoc   *doc,
                     VigilReportFormat format,
                     GCancellable     *cancellable,
                     GError          **error)
{
  if (format == VIGIL_REPORT_FORMAT_ODT)
    return vigil_report_render_odt (doc, cancellable, error);
  return vigil_report_render_pdf (doc, cancellable, error);
}

void
vigil_report_render_set_test_plant (const char *text,
                                    guint       after_block)
{
  g_mutex_lock (&plant_lock);
  g_clear_pointer (&plant_text, g_free);
  plant_text = g_strdup (text);
  plant_after = after_block;
  g_mutex_unlock (&plant_lock);
}

/* The text stays until the next call: the tests set it once, before any
 * report is rendered, and clear it at the end. */
const char *
vigil_report_render_get_test_plant (guint index)
{
  const char *text = NULL;

  g_mutex_lock (&plant_lock);
  if (plant_text != NULL && index == plant_after)
    text = plant_text;
  g_mutex_unlock (&plant_lock);
  return text;
}

void
vigil_report_render_set_test_delay (guint ms)
{
  g_atomic_int_set (&test_delay_ms, ms);
}

guint
vigil_report_render_get_test_delay (void)
{
  return g_atomic_int_get (&test_delay_ms);
}
