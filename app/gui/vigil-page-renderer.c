/* vigil-page-renderer.c: pages of a PDF drawn on a worker thread, one
 * document at a time
 *
 * Poppler takes tens of milliseconds a page: a 300-page judgment drawn on
 * the main thread would freeze the window for seconds. A thread of the
 * document's own, finishing a GTask, draws its pages in turn, at a lower
 * priority than the window's, and each page comes back to
 * the main thread as pixels, where it becomes a texture. The worker alone
 * touches its VigilPdf (Poppler's document is not thread-safe). A new
 * document waits until the worker of the one before has seen its
 * cancellable and stopped, so there is never more than one document
 * decrypted in memory, and never two workers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-page-renderer"

#include "config.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "vigil-evidence-pdf.h"
#include "vigil-page-renderer.h"

#define FLUSH_MS 100

typedef struct
{
  gatomicrefcount ref;
  GWeakRef        renderer;
  GBytes         *pdf;
  int             width;
  GCancellable   *cancellable;
  GMainContext   *context;
  GMutex          lock;
  GPtrArray      *ready;     /* Page: drawn, not yet handed over */
  gboolean        flushing;  /* a hand-over is scheduled */
} Job;

typedef struct
{
  Job    *job;
  guint   index;
  guint   n_pages;
  int     width;
  int     height;
  int     stride;
  GBytes *pixels;
} Page;

struct _VigilPageRenderer
{
  GObject  parent_instance;

  Job     *current; /* the worker's */
  Job     *pending; /* waits for the worker to stop */
};

G_DEFINE_FINAL_TYPE (VigilPageRenderer, vigil_page_renderer, G_TYPE_OBJECT)

enum
{
  PAGE_READY,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_job (VigilPageRenderer *self, Job *job);

/* private helpers */

static Job *
job_new (VigilPageRenderer *self, GBytes *pdf, int width)
{
  Job *job = g_new0 (Job, 1);

  g_atomic_ref_count_init (&job->ref);
  g_weak_ref_init (&job->renderer, self);
  job->pdf = g_bytes_ref (pdf);
  job->width = width;
  job->cancellable = g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  g_mutex_init (&job->lock);
  job->ready = g_ptr_array_new ();
  return job;
}

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;
  g_weak_ref_clear (&job->renderer);
  /* The last reference wipes the plaintext (the store's bytes are). */
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_object (&job->cancellable);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->lock);
  g_ptr_array_unref (job->ready);
  g_free (job);
}

static void
page_free (Page *page)
{
  job_unref (page->job);
  g_clear_pointer (&page->pixels, g_bytes_unref);
  g_free (page);
}

/* On the main thread: every page drawn since the last hand-over, in one
 * go, so that the window draws itself once for all of them rather than
 * once a page. */
static gboolean
flush_pages (gpointer data)
{
  Job *job = data;
  g_autoptr (VigilPageRenderer) self = g_weak_ref_get (&job->renderer);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);

  g_mutex_lock (&job->lock);
  g_ptr_array_extend_and_steal (pages, g_steal_pointer (&job->ready));
  job->ready = g_ptr_array_new ();
  job->flushing = FALSE;
  g_mutex_unlock (&job->lock);

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);
      g_autoptr (GdkTexture) texture = NULL;

      if (self == NULL || g_cancellable_is_cancelled (job->cancellable))
        break;
      /* Cairo's ARGB32 is premultiplied, in native byte order. */
      texture = gdk_memory_texture_new (page->width, page->height, GDK_MEMORY_DEFAULT,
                                        page->pixels, page->stride);
      g_signal_emit (self, signals[PAGE_READY], 0, page->index, page->n_pages, texture);
    }
  return G_SOURCE_REMOVE;
}

/* On the worker thread. */
static void
hand_over (Job *job, Page *page)
{
  gboolean schedule;

  g_mutex_lock (&job->lock);
  g_ptr_array_add (job->ready, page);
  schedule = !job->flushing;
  job->flushing = TRUE;
  g_mutex_unlock (&job->lock);
  /* At most one hand-over every FLUSH_MS: the window then draws itself
   * about as often for new pages as a person can see them arrive, and no
   * more, however fast the worker goes. */
  if (schedule)
    {
      g_autoptr (GSource) source = g_timeout_source_new (FLUSH_MS);

      g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (source, flush_pages, job_ref (job), (GDestroyNotify) job_unref);
      g_source_set_static_name (source, "vigil-page-renderer flush");
      g_source_attach (source, job->context);
    }
}

/* On the worker thread: touches only @job's own data. */
static gpointer
render_thread (gpointer data)
{
  g_autoptr (GTask) task = data;
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = job->cancellable;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPdf) pdf = NULL;
  pid_t thread = (pid_t) syscall (SYS_gettid);
  guint n_pages;

  /* Drawing is what can wait: the window's own thread goes first when the
   * computer is busy. Linux keeps a niceness per thread, and this thread
   * is the job's own (not GTask's pool, whose threads would keep it for
   * other work: an unprivileged thread cannot lower it again). */
  setpriority (PRIO_PROCESS, (id_t) thread, MIN (getpriority (PRIO_PROCESS, (id_t) thread) + 10, 19));
  pdf = vigil_pdf_open (job->pdf, &error);
  if (pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return NULL;
    }
  n_pages = vigil_pdf_get_n_pages (pdf);
  for (guint i = 0; i < n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      cairo_surface_t *surface = vigil_pdf_render_page (pdf, i, job->width);
      Page *page = g_new0 (Page, 1);

      page->job = job_ref (job);
      page->index = i;
      page->n_pages = n_pages;
      page->width = cairo_image_surface_get_width (surface);
      page->height = cairo_image_surface_get_height (surface);
      page->stride = cairo_image_surface_get_stride (surface);
      page->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                  (gsize) page->stride * page->height);
      cairo_surface_destroy (surface);
      hand_over (job, page);
    }
  g_clear_pointer (&pdf, vigil_pdf_free);
  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
  return NULL;
}

/* On the main thread, once the worker has stopped. */
static void
on_job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  VigilPageRenderer *self = VIGIL_PAGE_RENDERER (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean complete = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean cancelled = g_cancellable_is_cancelled (job->cancellable);

  if (self->current == job)
    g_clear_pointer (&self->current, job_unref);
  if (!cancelled)
    g_signal_emit (self, signals[FINISHED], 0, complete && error == NULL);
  if (self->current == NULL && self->pending != NULL)
    {
      Job *next = g_steal_pointer (&self->pending);

      start_job (self, next);
      job_unref (next);
    }
}

static void
start_job (VigilPageRenderer *self, Job *job)
{
  g_autoptr (GTask) task = g_task_new (self, job->cancellable, on_job_done, NULL);

  self->current = job_ref (job);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify) job_unref);
  g_task_set_name (task, "vigil-page-renderer");
  g_thread_unref (g_thread_new ("vigil-pages", render_thread, g_steal_pointer (&task)));
}

/* GObject overrides */

static void
vigil_page_renderer_dispose (GObject *object)
{
  vigil_page_renderer_stop (VIGIL_PAGE_RENDERER (object));
  G_OBJECT_CLASS (vigil_page_renderer_parent_class)->dispose (object);
}

static void
vigil_page_renderer_class_init (VigilPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_page_renderer_dispose;

  /**
   * VigilPageRenderer::page-ready:
   * @index: the page, from 0
   * @n_pages: how many the document has
   * @texture: the page drawn
   */
  signals[PAGE_READY] = g_signal_new ("page-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT,
                                      G_TYPE_UINT, GDK_TYPE_TEXTURE);
  /**
   * VigilPageRenderer::finished:
   * @complete: whether every page was drawn
   *
   * The document's worker stopped, other than by vigil_page_renderer_stop().
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
vigil_page_renderer_init (VigilPageRenderer *self)
{
}

/* public API */

VigilPageRenderer *
vigil_page_renderer_new (void)
{
  return g_object_new (VIGIL_TYPE_PAGE_RENDERER, NULL);
}

void
vigil_page_renderer_render (VigilPageRenderer *self, GBytes *pdf, int width)
{
  Job *job;

  g_return_if_fail (VIGIL_IS_PAGE_RENDERER (self));
  g_return_if_fail (pdf != NULL && width > 0);

  vigil_page_renderer_stop (self);
  job = job_new (self, pdf, width);
  if (self->current == NULL)
    start_job (self, job);
  else
    self->pending = job_ref (job);
  job_unref (job);
}

void
vigil_page_renderer_stop (VigilPageRenderer *self)
{
  g_return_if_fail (VIGIL_IS_PAGE_RENDERER (self));

  g_clear_pointer (&self->pending, job_unref);
  /* The worker may still be on a page: the bytes go (and are wiped) when
   * it stops, at the end of that page. */
  if (self->current != NULL)
    g_cancellable_cancel (self->current->cancellable);
}

gboolean
vigil_page_renderer_is_busy (VigilPageRenderer *self)
{
  g_return_val_if_fail (VIGIL_IS_PAGE_RENDERER (self), FALSE);

  return self->current != NULL || self->pending != NULL;
}
