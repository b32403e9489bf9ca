/* vigil-catalogue.c: the catalogue of victim-rights standards
 *
 * The shipped catalogue is read from the core library's own resource
 * bundle (resources/vigil-core.gresource.xml), not from the GUI's: the CLI
 * and the tests need it as much as the window does, and a copy installed
 * beside the program could drift from the build that reads it. The
 * parser itself takes bytes, so tests feed it broken catalogues.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-core-resources.h"
#include "vigil-error.h"

#define CATALOGUE_GROUP "Catalogue"
#define DOCUMENT_PREFIX "Document "
#define STANDARD_PREFIX "Standard "
#define MAX_VERSION 32
/* An excerpt ends at a paragraph end; this caps a document without any. */
#define MAX_EXCERPT 3000
/* A first paragraph shorter than this is a heading: the excerpt goes on
 * to the paragraph under it. */
#define HEADING_LENGTH 120
/* The seeds' plain-text headings are at most this long. */
#define HEADING_MAX_LINE 130

typedef struct
{
  char *title;
  char *short_title;
} Document;

struct _VigilCatalogue
{
  GObject     parent_instance;

  char       *version;
  GPtrArray  *standards; /* VigilStandard, in catalogue order */
  GHashTable *by_id;     /* id -> VigilStandard (borrowed) */
  GHashTable *documents; /* file -> Document */
  GStrv       document_names;
};

static void vigil_catalogue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilCatalogue, vigil_catalogue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_catalogue_list_model_init))

/* private helpers */

static void
document_free (Document *document)
{
  g_free (document->title);
  g_free (document->short_title);
  g_free (document);
}

static gboolean
version_is_valid (const char *version)
{
  gsize len = version != NULL ? strlen (version) : 0;

  if (len == 0 || len > MAX_VERSION)
    return FALSE;
  for (const char *p = version; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_'))
      return FALSE;
  return TRUE;
}

/* GKeyFile (GLib 2.74) writes a second error over the first when a value
 * holds an unknown escape and then ends in a backslash, which GLib reports
 * as a bug in the caller; escapes are checked here first, with the line. */
static gboolean
check_escapes (const char *line, gsize len, guint number, GError **error)
{
  const char *end = line + len;
  const char *equals;

  while (line < end && g_ascii_isspace (*line))
    line++;
  equals = memchr (line, '=', end - line);
  if (line == end || line[0] == '#' || equals == NULL)
    return TRUE;
  for (const char *p = equals + 1; p < end; p++)
    {
      if (*p != '\\')
        continue;
      if (p + 1 >= end || strchr ("sntr\\;", p[1]) == NULL || p[1] == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Line %u: a backslash must be followed by s, n, t, r, \\ or ;"),
                       number);
          return FALSE;
        }
      p++;
    }
  return TRUE;
}

/* GKeyFile merges a group written twice, so a duplicated standard would
 * silently become one: the group lines are counted in the raw text. */
static gboolean
check_lines (const char *text, gsize length, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *line = text;
  const char *end = text + length;
  guint number = 1;

  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize len = (eol != NULL ? eol : end) - line;

      if (len > 1 && line[0] == '[')
        {
          const char *close = memchr (line, ']', len);
          g_autofree char *name = close != NULL ? g_strndup (line + 1, close - line - 1) : NULL;
          gpointer first;

          if (name != NULL && g_hash_table_lookup_extended (seen, name, NULL, &first))
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                           _("Line %u: the group [%s] was already defined on line %u; every "
                             "standard and document is defined once"),
                           number, name, GPOINTER_TO_UINT (first));
              return FALSE;
            }
          if (name != NULL)
            g_hash_table_insert (seen, g_steal_pointer (&name), GUINT_TO_POINTER (number));
        }
      else if (!check_escapes (line, len, number, error))
        return FALSE;
      number++;
      line = eol != NULL ? eol + 1 : end;
    }
  return TRUE;
}

/* Refuses keys the group does not know; localized variants (title[fr])
 * are the key they translate. */
static gboolean
check_keys (GKeyFile *file, const char *group, const char * const *known, GError **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (file, group, NULL, error);

  if (keys == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (keys[i]);
      char *bracket = strchr (base, '[');

      if (bracket != NULL)
        *bracket = '\0';
      if (!g_strv_contains (known, base))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) known);

          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("[%s]: unknown key “%s” (expected %s)"), group, keys[i], expected);
          return FALSE;
        }
    }
  return TRUE;
}

/* A translatable string that must be there and not be blank. */
static char *
get_text (GKeyFile *file, const char *group, const char *key, GError **error)
{
  g_autofree char *value = g_key_file_get_locale_string (file, group, key, NULL, NULL);

  if (value == NULL || g_strstrip (value)[0] == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("[%s]: %s is missing or empty"),
                   group, key);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
parse_document (VigilCatalogue *self, GKeyFile *file, const char *group, GError **error)
{
  static const char * const keys[] = { "title", "short-title", NULL };
  const char *name = group + strlen (DOCUMENT_PREFIX);
  Document *document;
  char *title, *short_title;

  if (name[0] == '\0' || strchr (name, '/') != NULL || strchr (name, '|') != NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("[%s]: a document is named by its file name, without “/” or “|”"), group);
      return FALSE;
    }
  if (!check_keys (file, group, keys, error))
    return FALSE;
  title = get_text (file, group, "title", error);
  if (title == NULL)
    return FALSE;
  short_title = get_text (file, group, "short-title", error);
  if (short_title == NULL)
    {
      g_free (title);
      return FALSE;
    }
  document = g_new0 (Document, 1);
  document->title = title;
  document->short_title = short_title;
  g_hash_table_insert (self->documents, g_strdup (name), document);
  return TRUE;
}

static GPtrArray *
parse_sources (VigilCatalogue *self, GKeyFile *file, const char *group, GError **error)
{
  g_autoptr (GPtrArray) sources =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_standard_source_free);
  g_auto (GStrv) items = g_key_file_get_string_list (file, group, "sources", NULL, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;
      const char *document, *section;

      if (g_strstrip (items[i])[0] == '\0')
        continue;
      parts = g_strsplit (items[i], "|", 2);
      document = g_strstrip (parts[0]);
      section = parts[1] != NULL ? g_strstrip (parts[1]) : "";
      if (section[0] == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("[%s]: the source “%s” is not FILE|SECTION"), group, items[i]);
          return NULL;
        }
      if (!g_hash_table_contains (self->documents, document))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("[%s]: the source names “%s”, which no [Document] group declares"),
                       group, document);
          return NULL;
        }
      g_ptr_array_add (sources, vigil_standard_source_new (document, section));
    }
  return g_steal_pointer (&sources);
}

static gboolean
parse_standard (VigilCatalogue *self, GKeyFile *file, const char *group, GError **error)
{
  static const char * const keys[] = {
    "category", "title", "look-for", "applies", "sources", NULL,
  };
  const char *id = group + strlen (STANDARD_PREFIX);
  g_autofree char *category = NULL;
  g_autofree char *title = NULL;
  g_autofree char *look_for = NULL;
  g_autofree char *applies = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GError) local = NULL;
  VigilStandard *standard;

  if (!check_keys (file, group, keys, error))
    return FALSE;
  category = g_key_file_get_string (file, group, "category", NULL);
  applies = g_key_file_get_string (file, group, "applies", NULL);
  title = g_key_file_get_locale_string (file, group, "title", NULL, NULL);
  look_for = g_key_file_get_locale_string (file, group, "look-for", NULL, NULL);
  sources = parse_sources (self, file, group, error);
  if (sources == NULL)
    return FALSE;

  standard = vigil_standard_new (id, category, title, look_for, applies, sources, &local);
  if (standard == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, "[%s]: %s", group, local->message);
      return FALSE;
    }
  g_ptr_array_add (self->standards, standard);
  return TRUE;
}

static int
compare_category (gconstpointer a, gconstpointer b)
{
  VigilStandard *x = *(VigilStandard **) a;
  VigilStandard *y = *(VigilStandard **) b;

  return vigil_standard_category_index (vigil_standard_get_category (x))
         - vigil_standard_category_index (vigil_standard_get_category (y));
}

static gboolean
parse (VigilCatalogue *self, GKeyFile *file, GError **error)
{
  g_auto (GStrv) groups = g_key_file_get_groups (file, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  gboolean have_catalogue = FALSE;

  /* Documents first: a standard may come before the document it cites. */
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], DOCUMENT_PREFIX))
      {
        if (!parse_document (self, file, groups[i], error))
          return FALSE;
        g_ptr_array_add (names, groups[i] + strlen (DOCUMENT_PREFIX));
      }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], CATALOGUE_GROUP))
        {
          static const char * const keys[] = { "version", NULL };

          if (!check_keys (file, groups[i], keys, error))
            return FALSE;
          self->version = g_key_file_get_string (file, groups[i], "version", NULL);
          if (self->version != NULL)
            g_strstrip (self->version);
          if (!version_is_valid (self->version))
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                           _("[Catalogue]: version must be letters, digits, dots, hyphens or "
                             "underscores, at most %d of them"),
                           MAX_VERSION);
              return FALSE;
            }
          have_catalogue = TRUE;
        }
      else if (g_str_has_prefix (groups[i], STANDARD_PREFIX))
        {
          if (!parse_standard (self, file, groups[i], error))
            return FALSE;
        }
      else if (!g_str_has_prefix (groups[i], DOCUMENT_PREFIX))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Unknown group [%s]: expected [Catalogue], [Document FILE] or "
                         "[Standard ID]"),
                       groups[i]);
          return FALSE;
        }
    }

  if (!have_catalogue)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The [Catalogue] group with the catalogue's version is missing"));
      return FALSE;
    }
  if (self->standards->len == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("The catalogue holds no standard"));
      return FALSE;
    }

  /* Stable: within a category, the order of the file. */
  g_ptr_array_sort (self->standards, compare_category);
  for (guint i = 0; i < self->standards->len; i++)
    {
      VigilStandard *standard = g_ptr_array_index (self->standards, i);

      g_hash_table_insert (self->by_id, (gpointer) vigil_standard_get_id (standard), standard);
    }
  g_ptr_array_add (names, NULL);
  self->document_names = g_strdupv ((char **) names->pdata);
  return TRUE;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || (c & 0x80) != 0;
}

/* Whether @line (not its newline) begins a new list item or paragraph
 * number: "- ...", "* ...", "4.6 ...", "(v) ...". */
static gboolean
starts_item (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  return ((*line == '-' || *line == '*') && line[1] == ' ') || g_ascii_isdigit (*line)
         || *line == '(';
}

/* Whether the line from @line to @eol is a heading: a Markdown one, or
 * a short line after a blank one that does not end like a sentence. */
static gboolean
is_heading (const char *line, const char *eol, gboolean after_blank)
{
  const char *last = eol;

  while (*line == ' ')
    line++;
  if (*line == '#')
    return TRUE;
  while (last > line && g_ascii_isspace (last[-1]))
    last--;
  if (!after_blank || last == line || last - line > HEADING_MAX_LINE || starts_item (line))
    return FALSE;
  return strchr (".;:,", last[-1]) == NULL;
}

/* The excerpt of a section: a numbered item or list entry alone; a
 * heading with everything under it, up to the next heading. */
static const char *
excerpt_end (const char *start, const char *limit)
{
  const char *first_eol = memchr (start, '\n', limit - start);
  gboolean item = starts_item (start) && !is_heading (start, first_eol ? first_eol : limit, TRUE);
  const char *line = first_eol != NULL ? first_eol + 1 : limit;
  gboolean after_blank = FALSE;

  while (line < limit)
    {
      const char *eol = memchr (line, '\n', limit - line);
      const char *end = eol != NULL ? eol : limit;
      gboolean blank = TRUE;

      for (const char *p = line; p < end; p++)
        if (!g_ascii_isspace (*p))
          blank = FALSE;
      if (item && (blank || starts_item (line)))
        return line;
      if (!item && !blank && is_heading (line, end, after_blank))
        return line;
      after_blank = blank;
      line = eol != NULL ? eol + 1 : limit;
    }
  return limit;
}

/* GListModel */

static GType
vigil_catalogue_get_item_type (GListModel *list)
{
  return VIGIL_TYPE_STANDARD;
}

static guint
vigil_catalogue_get_n_items (GListModel *list)
{
  return VIGIL_CATALOGUE (list)->standards->len;
}

static gpointer
vigil_catalogue_get_item (GListModel *list, guint position)
{
  VigilCatalogue *self = VIGIL_CATALOGUE (list);

  if (position >= self->standards->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->standards, position));
}

static void
vigil_catalogue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_catalogue_get_item_type;
  iface->get_n_items = vigil_catalogue_get_n_items;
  iface->get_item = vigil_catalogue_get_item;
}

/* GObject overrides */

static void
vigil_catalogue_finalize (GObject *object)
{
  VigilCatalogue *self = VIGIL_CATALOGUE (object);

  g_free (self->version);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_strfreev (self->document_names);
  G_OBJECT_CLASS (vigil_catalogue_parent_class)->finalize (object);
}

static void
vigil_catalogue_class_init (VigilCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_catalogue_finalize;
}

static void
vigil_catalogue_init (VigilCatalogue *self)
{
  self->standards = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) document_free);
}

/* public API */

/**
 * vigil_catalogue_new_from_bytes:
 * @data: catalogue data, UTF-8 GKeyFile
 *
 * Returns: (transfer full): the catalogue, or NULL with VIGIL_ERROR_INVALID
 */
VigilCatalogue *
vigil_catalogue_new_from_bytes (GBytes *data, GError **error)
{
  g_autoptr (VigilCatalogue) self = NULL;
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (data, &length);
  /* Empty bytes have no data pointer; the scans below need one. */
  if (text == NULL)
    text = "";
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Standards catalogue: the data is not UTF-8 text"));
      return NULL;
    }
  if (!check_lines (text, length, &local))
    goto fail;
  if (!g_key_file_load_from_bytes (file, data, G_KEY_FILE_NONE, &local))
    {
      g_autofree char *message = g_strdup (local->message);

      g_clear_error (&local);
      g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_INVALID, "%s", message);
      goto fail;
    }

  self = g_object_new (VIGIL_TYPE_CATALOGUE, NULL);
  if (!parse (self, file, &local))
    goto fail;
  return g_steal_pointer (&self);

fail:
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Standards catalogue: %s"),
               local->message);
  return NULL;
}

VigilCatalogue *
vigil_catalogue_get_default (void)
{
  static VigilCatalogue *catalogue;

  if (g_once_init_enter (&catalogue))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) data = g_resource_lookup_data (vigil_core_get_resource (),
                                                        VIGIL_CATALOGUE_RESOURCE,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      VigilCatalogue *loaded = data != NULL ? vigil_catalogue_new_from_bytes (data, &error) : NULL;

      /* Shipped data that does not load is a build that must not pass its
       * tests; say so loudly rather than run without standards. */
      if (loaded == NULL)
        g_error ("The built-in standards catalogue does not load: %s", error->message);
      g_once_init_leave (&catalogue, loaded);
    }
  return catalogue;
}

const char *
vigil_catalogue_get_version (VigilCatalogue *self)
{
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);
  return self->version;
}

VigilStandard *
vigil_catalogue_lookup (VigilCatalogue *self, const char *id)
{
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

GListModel *
vigil_catalogue_search (VigilCatalogue *self, const char *query)
{
  GListStore *store;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);

  store = g_list_store_new (VIGIL_TYPE_STANDARD);
  for (guint i = 0; i < self->standards->len; i++)
    if (vigil_standard_matches (g_ptr_array_index (self->standards, i), query))
      g_list_store_append (store, g_ptr_array_index (self->standards, i));
  return G_LIST_MODEL (store);
}

GListModel *
vigil_catalogue_applicable (VigilCatalogue *self, const VigilHearingFacts *facts)
{
  GListStore *store;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (facts != NULL, NULL);

  store = g_list_store_new (VIGIL_TYPE_STANDARD);
  for (guint i = 0; i < self->standards->len; i++)
    if (vigil_standard_applies_to (g_ptr_array_index (self->standards, i), facts))
      g_list_store_append (store, g_ptr_array_index (self->standards, i));
  return G_LIST_MODEL (store);
}

GListModel *
vigil_catalogue_in_category (VigilCatalogue *self, const char *category)
{
  GListStore *store;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);

  store = g_list_store_new (VIGIL_TYPE_STANDARD);
  for (guint i = 0; i < self->standards->len; i++)
    if (g_strcmp0 (vigil_standard_get_category (g_ptr_array_index (self->standards, i)),
                   category) == 0)
      g_list_store_append (store, g_ptr_array_index (self->standards, i));
  return G_LIST_MODEL (store);
}

const char * const *
vigil_catalogue_get_documents (VigilCatalogue *self)
{
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);
  return (const char * const *) self->document_names;
}

const char *
vigil_catalogue_get_document_title (VigilCatalogue *self, const char *document)
{
  Document *entry;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);

  entry = document != NULL ? g_hash_table_lookup (self->documents, document) : NULL;
  return entry != NULL ? entry->title : NULL;
}

const char *
vigil_catalogue_get_document_short_title (VigilCatalogue *self, const char *document)
{
  Document *entry;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);

  entry = document != NULL ? g_hash_table_lookup (self->documents, document) : NULL;
  return entry != NULL ? entry->short_title : NULL;
}

char *
vigil_catalogue_describe_source (VigilCatalogue *self, const VigilStandardSource *source)
{
  const char *title;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  title = vigil_catalogue_get_document_short_title (self, source->document);
  /* TRANSLATORS: a source of a standard: the document, then its section */
  return g_strdup_printf (_("%s, %s"), title != NULL ? title : source->document,
                          source->section);
}

gboolean
vigil_catalogue_locate_section (const char *text, const char *section, gsize *out_offset)
{
  g_auto (GStrv) parts = NULL;
  const char *from;
  const char *found = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  parts = g_strsplit (section, VIGIL_SECTION_SEPARATOR, -1);
  if (parts[0] == NULL)
    return FALSE;
  from = text;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);
      const char *at = from;

      if (len == 0)
        return FALSE;
      found = NULL;
      while ((at = strstr (at, parts[i])) != NULL)
        {
          char before = at > text ? at[-1] : ' ';
          char after = at[len];

          /* "4.5" inside "14.5" or "4.51", "Group I" inside "Group II": not it. */
          if (!is_word_char (before) && before != '.' && !is_word_char (after))
            {
              found = at;
              break;
            }
          at++;
        }
      if (found == NULL)
        return FALSE;
      from = found + len;
    }
  if (out_offset != NULL)
    *out_offset = found - text;
  return TRUE;
}

char *
vigil_catalogue_get_source_excerpt (VigilCatalogue            *self,
                                    const VigilStandardSource *source,
                                    GError                   **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autofree char *text = NULL;
  const char *contents, *start, *end, *limit;
  gsize offset, size;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  path = g_build_path ("/", VIGIL_SEEDS_RESOURCE_DIR, source->document, NULL);
  data = g_resource_lookup_data (vigil_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 NULL);
  if (data == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The document “%s” is not shipped with Vigil"), source->document);
      return NULL;
    }
  /* Resources end with a NUL, but a copy keeps that out of the contract. */
  contents = g_bytes_get_data (data, &size);
  text = g_strndup (contents, size);
  if (!vigil_catalogue_locate_section (text, source->section, &offset))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The section “%s” is not in “%s”"), source->section, source->document);
      return NULL;
    }

  start = text + offset;
  while (start > text && start[-1] != '\n')
    start--;
  limit = MIN (text + strlen (text), start + MAX_EXCERPT);
  end = excerpt_end (start, limit);
  /* The cap may fall inside a character. */
  g_utf8_validate_len (start, end - start, &end);
  return g_strstrip (g_strndup (start, end - start));
}
