/* vigil-report-job.c: typesetting, checking and previewing a report off
 * the main thread
 *
 * A report of a large vault takes seconds to typeset and to read back; the
 * window must stay responsive and able to cancel. The worker gets a
 * finished, anonymized document and a leak check already filled from the
 * vault, and touches nothing else: no store, no widget. Progress goes back
 * to the caller's main context as small messages.
 *
 * Each Poppler document is opened, used and closed by one thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-poppler.h"
#include "vigil-report-job.h"
#include "vigil-report-render-private.h"

typedef struct
{
  VigilReportDoc         *doc;
  VigilLeakCheck         *check;
  VigilReportFormat       format;
  guint                   max_previews;
  int                     preview_width;
  VigilReportProgressFunc progress;
  gpointer                progress_data;
  GMainContext           *context;
} Job;

typedef struct
{
  VigilReportProgressFunc progress;
  gpointer                progress_data;
  double                  fraction;
  char                   *what;
} Progress;

/* private helpers */

static void
job_free (Job *job)
{
  g_clear_object (&job->doc);
  g_clear_pointer (&job->check, vigil_leak_check_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static void
preview_free (VigilReportPreview *preview)
{
  g_clear_pointer (&preview->pixels, g_bytes_unref);
  g_free (preview);
}

static gboolean
deliver_progress (gpointer data)
{
  Progress *p = data;

  p->progress (p->fraction, p->what, p->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *p)
{
  g_free (p->what);
  g_free (p);
}

static void
report_progress (Job *job, double fraction, const char *what)
{
  Progress *p;

  if (job->progress == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->progress = job->progress;
  p->progress_data = job->progress_data;
  p->fraction = fraction;
  p->what = g_strdup (what);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, p,
                              (GDestroyNotify) progress_free);
}

/* Typesetting is the first third, the check the second, previews the rest. */
static void
on_page_checked (guint page, guint n_pages, gpointer data)
{
  Job *job = data;
  g_autofree char *what = NULL;

  /* Every page would flood the main loop; a few steps say enough. */
  if (page != n_pages && page % 8 != 0)
    return;
  what = g_strdup_printf (_("Reading back page %u of %u…"), page, n_pages);
  report_progress (job, 0.35 + 0.4 * page / MAX (n_pages, 1), what);
}

static void
run_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr (VigilReportJobResult) result = g_new0 (VigilReportJobResult, 1);
  g_autoptr (GBytes) pdf = NULL;
  GError *error = NULL;

  result->format = job->format;
  report_progress (job, 0.05, _("Typesetting the report…"));
  for (guint waited = 0; waited < vigil_report_render_get_test_delay (); waited += 10)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_usleep (10 * 1000);
    }
  result->bytes = vigil_report_render (job->doc, job->format, cancellable, &error);
  if (result->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report_progress (job, 0.35, _("Reading back the report…"));
  result->leaks = vigil_leak_check_bytes_full (job->check, result->bytes, job->format,
                                               on_page_checked, job, cancellable, &error);
  if (result->leaks == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->max_previews > 0)
    {
      /* An ODT has no pages of its own: its PDF twin shows what it holds. */
      if (job->format == VIGIL_REPORT_FORMAT_PDF)
        pdf = g_bytes_ref (result->bytes);
      else
        pdf = vigil_report_render_pdf (job->doc, cancellable, &error);
      if (pdf == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      report_progress (job, 0.8, _("Drawing the pages…"));
      result->previews = vigil_report_draw_previews (pdf, job->max_previews,
                                                     job->preview_width, cancellable, &error);
      if (result->previews == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (job->format == VIGIL_REPORT_FORMAT_PDF)
    {
      g_autoptr (PopplerDocument) document =
        poppler_document_new_from_bytes (result->bytes, NULL, NULL);

      result->n_pages = document != NULL ? poppler_document_get_n_pages (document) : 0;
    }
  else
    {
      g_autoptr (GPtrArray) paragraphs =
        vigil_leak_check_extract (result->bytes, job->format, cancellable, NULL);

      result->n_pages = paragraphs != NULL ? paragraphs->len : 0;
    }
  report_progress (job, 1.0, _("Done"));
  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) vigil_report_job_result_free);
}

/* public API */

void
vigil_report_job_result_free (VigilReportJobResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_pointer (&result->leaks, g_ptr_array_unref);
  g_clear_pointer (&result->previews, g_ptr_array_unref);
  g_free (result);
}

void
vigil_report_job_run_async (VigilReportDoc         *doc,
                            VigilLeakCheck         *check,
                            VigilReportFormat       format,
                            guint                   max_previews,
                            int                     preview_width,
                            VigilReportProgressFunc progress,
                            gpointer                progress_data,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (VIGIL_IS_REPORT_DOC (doc));
  g_return_if_fail (check != NULL);

  job = g_new0 (Job, 1);
  job->doc = g_object_ref (doc);
  job->check = check;
  job->format = format;
  job->max_previews = max_previews;
  job->preview_width = MAX (preview_width, 16);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_report_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The result of a cancelled job is never shown. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_job);
}

/**
 * vigil_report_job_run_finish:
 *
 * Returns: (transfer full): the result, or NULL with the error
 */
VigilReportJobResult *
vigil_report_job_run_finish (GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vigil_report_draw_previews:
 *
 * Returns: (transfer full) (element-type VigilReportPreview): the pages
 */
GPtrArray *
vigil_report_draw_previews (GBytes       *bytes,
                            guint         max_pages,
                            int           width,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GPtrArray) previews =
    g_ptr_array_new_with_free_func ((GDestroyNotify) preview_free);
  guint n;

  g_return_val_if_fail (bytes != NULL, NULL);

  document = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (document == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("The PDF could not be read: %s"),
                   local->message);
      return NULL;
    }
  n = MIN ((guint) poppler_document_get_n_pages (document), max_pages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      VigilReportPreview *preview;
      cairo_surface_t *surface;
      cairo_t *cr;
      double page_width, page_height, scale;
      int height;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      poppler_page_get_size (page, &page_width, &page_height);
      scale = width / page_width;
      height = (int) (page_height * scale + 0.5);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      preview = g_new0 (VigilReportPreview, 1);
      preview->width = width;
      preview->height = height;
      preview->stride = cairo_image_surface_get_stride (surface);
      preview->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                     (gsize) preview->stride * height);
      cairo_surface_destroy (surface);
      g_ptr_array_add (previews, preview);
    }
  return g_steal_pointer (&previews);
}
