/* vigil-leak-check.c: reading a report back before it is kept
 *
 * The anonymizer scrubs what it is given; the leak check trusts nothing
 * before it. It reads the finished file the way anyone who receives it
 * would (Poppler's text extraction for a PDF, the XML for an ODT) and
 * looks for every identifier the vault holds, of every person in every
 * case, not only those the report is about: a name can reach a report
 * through a note of another case.
 *
 * A line-end hyphen splits a name in two ("Iva-" "nova"), so each page is
 * also read with those hyphens joined.
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
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vigil-error.h"
#include "vigil-leak-check.h"
#include "vigil-poppler.h"
#include "vigil-store-identifiers.h"

typedef struct
{
  char      *pseudonym;
  char      *reference;
  GPtrArray *identifiers;
} Person;

struct _VigilLeakCheck
{
  GPtrArray *persons;
};

typedef struct
{
  GPtrArray *pages;
  GString   *current;
  guint      depth;
} OdtReader;

/* private helpers */

static void
person_free (Person *person)
{
  g_free (person->pseudonym);
  g_free (person->reference);
  g_clear_pointer (&person->identifiers, g_ptr_array_unref);
  g_free (person);
}

typedef enum
{
  KIND_NONE,
  KIND_NAME,
  KIND_NAME_PART,
  KIND_ADDRESS,
  KIND_PHONE,
} Kind;

/* What kind of identifier one entry of vigil_store_person_identifiers()
 * is. */
static Kind
kind_of (const char *entry)
{
  const char *space;

  if (g_str_has_prefix (entry, "d:"))
    return KIND_PHONE;
  if (g_str_has_prefix (entry, "s:"))
    return KIND_ADDRESS;
  /* A needle of words: " ivanova " is one word, " natalia ivanova " two. */
  space = strchr (entry + 3, ' ');
  return space != NULL && space[1] != '\0' ? KIND_NAME : KIND_NAME_PART;
}

static const char *
kind_text (Kind kind)
{
  switch (kind)
    {
    case KIND_PHONE:
      return _("the phone number");
    case KIND_ADDRESS:
      return _("the address");
    case KIND_NAME:
      return _("the name");
    case KIND_NAME_PART:
    case KIND_NONE:
    default:
      return _("part of the name");
    }
}

/* The kind of the identifier of @person that @text holds, or KIND_NONE. */
static Kind
find_in (const char *text, Person *person)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();

  if (!vigil_text_names_identifier (text, person->identifiers))
    return KIND_NONE;
  /* Whole names first: "the name" says more than "part of the name". */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < person->identifiers->len; i++)
      {
        const char *entry = g_ptr_array_index (person->identifiers, i);
        Kind kind = kind_of (entry);

        if ((pass == 0) == (kind == KIND_NAME_PART))
          continue;
        g_ptr_array_set_size (one, 0);
        g_ptr_array_add (one, (gpointer) entry);
        if (vigil_text_names_identifier (text, one))
          return kind;
      }
  return KIND_NAME_PART;
}

/* @text with every hyphen at a line's end joined to the next line. */
static char *
join_hyphens (const char *text)
{
  GString *joined = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-' || g_str_has_prefix (p, "\xc2\xad"))
        {
          const char *q = p + (*p == '-' ? 1 : 2);

          while (*q == ' ' || *q == '\r')
            q++;
          if (*q == '\n')
            {
              p = q;
              continue;
            }
        }
      g_string_append_c (joined, *p);
    }
  return g_string_free (joined, FALSE);
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

/* content.xml of the zip in @bytes, or NULL. */
static GBytes *
odt_content (GBytes *bytes, GError **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  GBytes *content = NULL;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) == ARCHIVE_OK)
    while (content == NULL && archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      if (g_strcmp0 (archive_entry_pathname (entry), "content.xml") == 0)
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
  if (content == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                 _("The file is not a readable OpenDocument text: it has no content.xml"));
  return content;
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

  self->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  cases = vigil_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;
  for (guint c = 0; c < cases->len; c++)
    {
      VigilCase *kase = g_ptr_array_index (cases, c);
      g_autoptr (GPtrArray) persons = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      persons = vigil_store_list_persons (store, vigil_case_get_id (kase), error);
      if (persons == NULL)
        return NULL;
      for (guint p = 0; p < persons->len; p++)
        {
          VigilPerson *person = g_ptr_array_index (persons, p);
          g_autoptr (GPtrArray) identifiers =
            vigil_store_person_identifiers (store, vigil_person_get_id (person), error);
          Person *entry;

          if (identifiers == NULL)
            return NULL;
          if (identifiers->len == 0)
            continue;
          entry = g_new0 (Person, 1);
          entry->pseudonym = g_strdup (vigil_person_get_pseudonym (person));
          entry->reference = g_strdup (vigil_case_get_reference (kase));
          entry->identifiers = g_steal_pointer (&identifiers);
          g_ptr_array_add (self->persons, entry);
        }
    }
  return g_steal_pointer (&self);
}

void
vigil_leak_check_free (VigilLeakCheck *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->persons, g_ptr_array_unref);
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
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) leaks = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_leak_free);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  pages = vigil_leak_check_extract (bytes, format, cancellable, error);
  if (pages == NULL)
    return NULL;
  for (guint i = 0; i < pages->len; i++)
    {
      const char *text = g_ptr_array_index (pages, i);
      g_autofree char *joined = join_hyphens (text);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      for (guint p = 0; p < self->persons->len; p++)
        {
          Person *person = g_ptr_array_index (self->persons, p);
          Kind found = find_in (text, person);
          const char *kind;
          VigilLeak *leak;

          if (found == KIND_NONE)
            found = find_in (joined, person);
          if (found == KIND_NONE)
            continue;
          kind = kind_text (found);
          leak = g_new0 (VigilLeak, 1);
          leak->page = i + 1;
          leak->message = format == VIGIL_REPORT_FORMAT_ODT
            /* Translators: "paragraph 12: part of the name of V-02 in case B.476/2023" */
            ? g_strdup_printf (_("paragraph %u: %s of %s in case %s"), leak->page, kind,
                               person->pseudonym, person->reference)
            /* Translators: "page 3: part of the name of V-02 in case B.476/2023" */
            : g_strdup_printf (_("page %u: %s of %s in case %s"), leak->page, kind,
                               person->pseudonym, person->reference);
          g_ptr_array_add (leaks, leak);
        }
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
  g_autoptr (GError) local = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gsize size;
  const char *data;
  int fd;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The rename would replace a link or a device node itself. */
  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("%s is not an ordinary file; Vigil writes reports only to ordinary files"),
                   path);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("%s could not be written: %s"), path,
                   local->message);
      return FALSE;
    }
  /* The rename is durable once the folder is. */
  dir = g_path_get_dirname (path);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
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
