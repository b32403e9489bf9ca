/* vigil-evidence-pdf.c: reading evidence PDFs with Poppler, from memory
 *
 * A document is opened from the bytes in memory, never from a path: the
 * plaintext of a sealed document must not reach a temporary file. Poppler
 * tells an encrypted document from a damaged one; what it cannot tell,
 * a file that is no PDF at all, is found by its signature first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <sodium.h>
#include <string.h>

#include "vigil-evidence-pdf.h"

/* PDF readers accept the signature anywhere in the first kilobyte. */
#define SIGNATURE_WINDOW 1024

struct _VigilPdf
{
  PopplerDocument *document;
  GBytes          *bytes;
};

struct _VigilEvidenceFile
{
  GBytes *bytes;
  guint   n_pages;
  char   *text;
};

G_DEFINE_QUARK (vigil-evidence-error-quark, vigil_evidence_error)

/* private helpers */

static gboolean
has_signature (const guint8 *data, gsize len)
{
  gsize window = MIN (len, SIGNATURE_WINDOW);

  for (gsize i = 0; i + 5 <= window; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/* public API */

VigilPdf *
vigil_pdf_open (GBytes *pdf, GError **error)
{
  g_autoptr (GError) local = NULL;
  PopplerDocument *document;
  VigilPdf *self;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (pdf != NULL, NULL);

  data = g_bytes_get_data (pdf, &len);
  if (len == 0)
    {
      g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_EMPTY,
                   _("The file is empty: it has no pages to attach"));
      return NULL;
    }
  if (len > VIGIL_EVIDENCE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full (VIGIL_EVIDENCE_MAX_BYTES,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_TOO_LARGE,
                   _("The file is too large to attach: documents of up to %s can be "
                     "attached. Split it, or scan it at a lower resolution"),
                   limit);
      return NULL;
    }
  if (!has_signature (data, len))
    {
      g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_NOT_PDF,
                   _("The file is not a PDF: only PDF documents can be attached as "
                     "evidence"));
      return NULL;
    }
  document = poppler_document_new_from_bytes (pdf, NULL, &local);
  if (document == NULL)
    {
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_PASSWORD,
                     _("The PDF is protected by a password: save a copy without the "
                       "password, then attach that"));
      else
        g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_DAMAGED,
                     _("The PDF is damaged and cannot be read: ask for a new copy of it"));
      return NULL;
    }
  if (poppler_document_get_n_pages (document) <= 0)
    {
      g_object_unref (document);
      g_set_error (error, VIGIL_EVIDENCE_ERROR, VIGIL_EVIDENCE_ERROR_DAMAGED,
                   _("The PDF is damaged and cannot be read: it has no pages"));
      return NULL;
    }
  self = g_new0 (VigilPdf, 1);
  self->document = document;
  self->bytes = g_bytes_ref (pdf);
  return self;
}

void
vigil_pdf_free (VigilPdf *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

guint
vigil_pdf_get_n_pages (VigilPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) poppler_document_get_n_pages (self->document);
}

char *
vigil_pdf_page_text (VigilPdf *self, guint index)
{
  PopplerPage *page;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  page = poppler_document_get_page (self->document, (int) index);
  if (page == NULL)
    return g_strdup ("");
  text = poppler_page_get_text (page);
  g_object_unref (page);
  return text != NULL ? text : g_strdup ("");
}

char *
vigil_pdf_extract_text (VigilPdf *self)
{
  GString *all = g_string_new (NULL);
  guint n = vigil_pdf_get_n_pages (self);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = vigil_pdf_page_text (self, i);

      if (i > 0)
        g_string_append_c (all, '\f');
      /* Poppler returns what the file holds; the sealed text must be UTF-8. */
      if (g_utf8_validate (text, -1, NULL))
        g_string_append (all, text);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);

          g_string_append (all, valid);
        }
    }
  return g_string_free (all, FALSE);
}

cairo_surface_t *
vigil_pdf_render_page (VigilPdf *self, guint index, int width)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width = 0, page_height = 0, scale;
  int height;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  page = poppler_document_get_page (self->document, (int) index);
  if (page != NULL)
    poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    {
      page_width = 595;
      page_height = 842;
    }
  scale = width / page_width;
  height = MAX (1, (int) (page_height * scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (page != NULL)
    {
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_object (&page);
  return surface;
}

VigilEvidenceFile *
vigil_evidence_file_inspect (GBytes *pdf, GError **error)
{
  g_autoptr (VigilPdf) doc = NULL;
  VigilEvidenceFile *file;

  g_return_val_if_fail (pdf != NULL, NULL);

  doc = vigil_pdf_open (pdf, error);
  if (doc == NULL)
    return NULL;
  file = g_new0 (VigilEvidenceFile, 1);
  file->bytes = g_bytes_ref (pdf);
  file->n_pages = vigil_pdf_get_n_pages (doc);
  file->text = vigil_pdf_extract_text (doc);
  return file;
}

void
vigil_evidence_file_free (VigilEvidenceFile *file)
{
  if (file == NULL)
    return;
  g_bytes_unref (file->bytes);
  /* The text of a medical report or a judgment names people. */
  sodium_memzero (file->text, strlen (file->text));
  g_free (file->text);
  g_free (file);
}

GBytes *
vigil_evidence_file_get_bytes (VigilEvidenceFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->bytes;
}

guint
vigil_evidence_file_get_n_pages (VigilEvidenceFile *file)
{
  g_return_val_if_fail (file != NULL, 0);

  return file->n_pages;
}

const char *
vigil_evidence_file_get_text (VigilEvidenceFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->text;
}
