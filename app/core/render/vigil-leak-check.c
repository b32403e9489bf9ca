/* vigil-leak-check.c: reading a report back before it is kept
 *
 * The anonymizer scrubs what it is given; the leak check trusts nothing
 * before it. It reads the finished file the way anyone who receives it
 * would (Poppler's text extraction for a PDF, the XML for an ODT) and
 * looks for every identifier the vault holds, of every person in every
 * case, not only those the report is about: a name can reach a report
 * through a note of another case.
 *
 * Matching is the identifier detector's (vigil-identifier-detector.h),
 * the same that scrubs the notes: one rule, in one place.
 *
 * What it reports says where and whose, never what: the identifier itself
 * would end up in a terminal, a log, or a screenshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-render"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-leak-check.h"
#include "vigil-poppler.h"
#include "vigil-file.h"
#include "vigil-store-identifiers.h"

struct _VigilLeakCheck
{
  VigilIdentifierDetector *detector;
  /* case id -> its reference, to say in which case */
  GHashTable              *references;
};

typedef struct
{
  GPtrArray *pages;
  GString   *current;
  guint      depth;
} OdtReader;

/* private helpers */

/* Whether the hit at @index lies within a longer hit of the same person. */
static gboolean
is_inside_other (GArray *hits, guint index)
{
  const VigilIdentifierHit *hit = &g_array_index (hits, VigilIdentifierHit, index);

  for (guint i = 0; i < hits->len; i++)
    {
      const VigilIdentifierHit *other = &g_array_index (hits, VigilIdentifierHit, i);

      if (i != index && other->start <= hit->start && other->end >= hit->end
          && other->end - other->start > hit->end - hit->start
          && g_strcmp0 (other->pseudonym, hit->pseudonym) == 0
          && g_strcmp0 (other->case_id, hit->case_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
extract_pdf (GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  int n;

  document = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (document == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("The file is not a readable PDF: %s"),
                   local->message);
      return NULL;
    }
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      char *text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      text = page != NULL ? poppler_page_get_text (page) : NULL;
      g_ptr_array_add (pages, text != NULL ? text : g_strdup (""));
    }
  return g_steal_pointer (&pages);
}

static gboolean
is_paragraph (const char *element)
{
  return g_str_equal (element, "text:p") || g_str_equal (element, "text:h");
}

static void
odt_start (GMarkupParseContext *context, const char *element, const char **names,
           const char **values, gpointer data, GError **error)
{
  OdtReader *reader = data;

  if (is_paragraph (element))
    {
      if (reader->depth++ == 0)
        g_string_truncate (reader->current, 0);
    }
  else if (g_str_equal (element, "text:s") || g_str_equal (element, "text:tab"))
    g_string_append_c (reader->current, ' ');
  else if (g_str_equal (element, "text:line-break"))
    g_string_append_c (reader->current, '\n');
}

static void
odt_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  OdtReader *reader = data;

  if (is_paragraph (element) && reader->depth > 0 && --reader->depth == 0)
    g_ptr_array_add (reader->pages, g_strdup (reader->current->str));
}

static void
odt_text (GMarkupParseContext *context, const char *text, gsize len, gpointer data,
          GError **error)
{
  OdtReader *reader = data;

  if (reader->depth > 0)
    g_string_append_len (reader->current, text, len);
}

/* The entry @name of the zip in @bytes, or NULL. */
static GBytes *
odt_entry (GBytes *bytes, const char *name)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  GBytes *content = NULL;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) == ARCHIVE_OK)
    while (content == NULL && archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      if (g_strcmp0 (archive_entry_pathname (entry), name) == 0)
        {
          GByteArray *xml = g_byte_array_new ();
          char buffer[16384];
          la_ssize_t n;

          while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
            g_byte_array_append (xml, (guint8 *) buffer, n);
          if (n < 0)
            g_byte_array_free (xml, TRUE);
          else
            content = g_byte_array_free_to_bytes (xml);
          break;
        }
  archive_read_free (archive);
  return content;
}

static GBytes *
odt_content (GBytes *bytes, GError **error)
{
  GBytes *content = odt_entry (bytes, "content.xml");

  if (content == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                 _("The file is not a readable OpenDocument text: it has no content.xml"));
  return content;
}

static void
any_text (GMarkupParseContext *context, const char *text, gsize len, gpointer data,
          GError **error)
{
  g_string_append_len (data, text, len);
  g_string_append_c (data, '\n');
}

/* Every text of the XML @entry of an ODT, one a line ("" without it). */
static void
append_xml_text (GString *out, GBytes *bytes, const char *entry)
{
  static const GMarkupParser parser = { NULL, NULL, any_text, NULL, NULL };
  g_autoptr (GBytes) xml = odt_entry (bytes, entry);
  g_autoptr (GMarkupParseContext) context = NULL;
  gsize size;
  const char *data;

  if (xml == NULL)
    return;
  data = g_bytes_get_data (xml, &size);
  context = g_markup_parse_context_new (&parser, 0, out, NULL);
  /* A broken entry reads as far as it goes: what it holds is checked. */
  if (g_markup_parse_context_parse (context, data, size, NULL))
    g_markup_parse_context_end_parse (context, NULL);
}

/* What a file says of itself rather than on its pages: a PDF's document
 * properties and XMP metadata; an ODT's meta.xml, and the running header
 * and footer of its styles.xml. */
static char *
properties_text (GBytes *bytes, VigilReportFormat format)
{
  GString *out = g_string_new (NULL);

  if (format == VIGIL_REPORT_FORMAT_ODT)
    {
      append_xml_text (out, bytes, "meta.xml");
      append_xml_text (out, bytes, "styles.xml");
    }
  else
    {
      g_autoptr (PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, NULL);
      char *(*getters[]) (PopplerDocument *) = {
        poppler_document_get_title, poppler_document_get_subject, poppler_document_get_author,
        poppler_document_get_keywords, poppler_document_get_creator,
        poppler_document_get_producer, poppler_document_get_metadata,
      };

      for (guint i = 0; document != NULL && i < G_N_ELEMENTS (getters); i++)
        {
          g_autofree char *value = getters[i] (document);

          if (value != NULL)
            g_string_append_printf (out, "%s\n", value);
        }
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
extract_odt (GBytes *bytes, GError **error)
{
  static const GMarkupParser parser = { odt_start, odt_end, odt_text, NULL, NULL };
  g_autoptr (GBytes) content = odt_content (bytes, error);
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GString) current = g_string_new (NULL);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  OdtReader reader = { pages, current, 0 };
  g_autoptr (GError) local = NULL;
  gsize size;
  const char *xml;

  if (content == NULL)
    return NULL;
  xml = g_bytes_get_data (content, &size);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  if (!g_markup_parse_context_parse (context, xml, size, &local)
      || !g_markup_parse_context_end_parse (context, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The file is not a readable OpenDocument text: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&pages);
}

/* Adds to @leaks each identifier @text holds, said to be at @where. */
static void
check_text (VigilLeakCheck *self, const char *text, guint page, const char *where,
            GPtrArray *leaks)
{
  g_autoptr (GArray) hits = vigil_identifier_detector_find (self->detector, text);
  g_autoptr (GHashTable) told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint h = 0; h < hits->len; h++)
    {
      const VigilIdentifierHit *hit = &g_array_index (hits, VigilIdentifierHit, h);
      const char *reference = g_hash_table_lookup (self->references, hit->case_id);
      g_autofree char *what = vigil_identifier_hit_describe (hit, reference);
      VigilLeak *leak;

      /* A full name is also each of its parts: one line says it. */
      if (g_hash_table_contains (told, what) || is_inside_other (hits, h))
        continue;
      leak = g_new0 (VigilLeak, 1);
      leak->page = page;
      /* Translators: "page 3: part of the name of V-02 in case B.476/2023" */
      leak->message = g_strdup_printf (_("%s: %s"), where, what);
      g_hash_table_add (told, g_steal_pointer (&what));
      g_ptr_array_add (leaks, leak);
    }
}

/* public API */

void
vigil_leak_free (VigilLeak *leak)
{
  if (leak == NULL)
    return;
  g_free (leak->message);
  g_free (leak);
}

/**
 * vigil_leak_check_new:
 *
 * Returns: (transfer full): the check, or NULL with the store's error
 */
VigilLeakCheck *
vigil_leak_check_new (VigilStore   *store,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr (VigilLeakCheck) self = g_new0 (VigilLeakCheck, 1);
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cases = vigil_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;
  for (guint c = 0; c < cases->len; c++)
    {
      VigilCase *kase = g_ptr_array_index (cases, c);

      g_hash_table_insert (self->references, g_strdup (vigil_case_get_id (kase)),
                           g_strdup (vigil_case_get_reference (kase)));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  self->detector = vigil_store_all_identifiers (store, error);
  if (self->detector == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
vigil_leak_check_free (VigilLeakCheck *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->detector);
  g_clear_pointer (&self->references, g_hash_table_unref);
  g_free (self);
}

/**
 * vigil_leak_check_extract:
 *
 * Returns: (transfer full) (element-type utf8): the text of each page
 */
GPtrArray *
vigil_leak_check_extract (GBytes           *bytes,
                          VigilReportFormat format,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  if (format == VIGIL_REPORT_FORMAT_ODT)
    return extract_odt (bytes, error);
  return extract_pdf (bytes, cancellable, error);
}

/**
 * vigil_leak_check_bytes:
 *
 * Returns: (transfer full) (element-type VigilLeak): what was found
 */
GPtrArray *
vigil_leak_check_bytes (VigilLeakCheck   *self,
                        GBytes           *bytes,
                        VigilReportFormat format,
                        GCancellable     *cancellable,
                        GError          **error)
{
  return vigil_leak_check_bytes_full (self, bytes, format, NULL, NULL, cancellable, error);
}

/**
 * vigil_leak_check_bytes_full:
 *
 * Returns: (transfer full) (element-type VigilLeak): what was found
 */
GPtrArray *
vigil_leak_check_bytes_full (VigilLeakCheck       *self,
                             GBytes               *bytes,
                             VigilReportFormat     format,
                             VigilLeakProgressFunc progress,
                             gpointer              progress_data,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) leaks = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_leak_free);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  pages = vigil_leak_check_extract (bytes, format, cancellable, error);
  if (pages == NULL)
    return NULL;
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *where = format == VIGIL_REPORT_FORMAT_ODT
        /* Translators: where an identifier was found, as in "paragraph 12: …" */
        ? g_strdup_printf (_("paragraph %u"), i + 1)
        /* Translators: where an identifier was found, as in "page 3: …" */
        : g_strdup_printf (_("page %u"), i + 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      check_text (self, g_ptr_array_index (pages, i), i + 1, where, leaks);
      if (progress != NULL)
        progress (i + 1, pages->len, progress_data);
    }
  {
    g_autofree char *properties = properties_text (bytes, format);

    check_text (self, properties, 0, _("the document’s properties"), leaks);
  }
  return g_steal_pointer (&leaks);
}

/**
 * vigil_leak_check_file:
 *
 * Returns: (transfer full) (element-type VigilLeak): what was found
 */
GPtrArray *
vigil_leak_check_file (VigilLeakCheck *self,
                       const char     *path,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  VigilReportFormat format;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!vigil_report_format_from_path (path, &format))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("%s is neither a PDF (.pdf) nor an OpenDocument text (.odt)"), path);
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("%s could not be read: %s"), path,
                   local->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return vigil_leak_check_bytes (self, bytes, format, cancellable, error);
}

gboolean
vigil_report_write_file (GBytes     *bytes,
                         const char *path,
                         GError    **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  return vigil_file_write_atomic (path, data, size, error);
}

gboolean
vigil_report_save (VigilStore        *store,
                   VigilReportDoc    *doc,
                   VigilReportFormat  format,
                   const char        *path,
                   GPtrArray        **out_leaks,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VigilLeakCheck) check = NULL;
  g_autoptr (GPtrArray) leaks = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (VIGIL_IS_REPORT_DOC (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!vigil_file_check_target (path, error))
    return FALSE;
  bytes = vigil_report_render (doc, format, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  check = vigil_leak_check_new (store, cancellable, error);
  if (check == NULL)
    return FALSE;
  leaks = vigil_leak_check_bytes (check, bytes, format, cancellable, error);
  if (leaks == NULL)
    return FALSE;
  if (leaks->len > 0)
    {
      g_autoptr (GString) where = g_string_new (NULL);

      for (guint i = 0; i < leaks->len; i++)
        g_string_append_printf (where, "\n%s", ((VigilLeak *) g_ptr_array_index (leaks, i))->message);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_LEAK,
                   _("The report was not saved: it still names persons of the vault.%s"),
                   where->str);
      if (out_leaks != NULL)
        *out_leaks = g_steal_pointer (&leaks);
      return FALSE;
    }
  if (out_leaks != NULL)
    *out_leaks = g_steal_pointer (&leaks);
  return vigil_report_write_file (bytes, path, error);
}
