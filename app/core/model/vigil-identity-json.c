/* vigil-identity-json.c: an identity as the JSON sealed in the vault, and back
 *
 * The sealed identity is one object of texts, nulls and lists of texts:
 * {"full_name": "…", "aliases": […], …}. Freed memory keeps what it held,
 * so no copy of it is freed without being wiped. Writing goes through
 * json-glib's builder and generator, whose copies Vigil can reach and wipe
 * (vigil-json-private.h). Reading cannot: json-glib's parser builds each
 * text in a GString that grows by copying and frees its token unwiped,
 * out of reach. So the object is read here, each text decoded straight
 * into the block the identity keeps and wipes; the shape is small and
 * fixed, and anything else is refused as damage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-identity.h"
#include "vigil-json-private.h"

/* The members, each a text or a list of texts, all written every time. */
static const struct
{
  const char *name;
  gsize       offset;
  gboolean    list;
} fields[] = {
  { "full_name", G_STRUCT_OFFSET (VigilIdentity, full_name), FALSE },
  { "aliases", G_STRUCT_OFFSET (VigilIdentity, aliases), TRUE },
  { "date_of_birth", G_STRUCT_OFFSET (VigilIdentity, date_of_birth), FALSE },
  { "nationality", G_STRUCT_OFFSET (VigilIdentity, nationality), FALSE },
  { "languages", G_STRUCT_OFFSET (VigilIdentity, languages), TRUE },
  { "phone", G_STRUCT_OFFSET (VigilIdentity, phone), FALSE },
  { "address", G_STRUCT_OFFSET (VigilIdentity, address), FALSE },
};

typedef struct
{
  const char *p;
  const char *end;
} Reader;

/* private helpers */

static void
wipe_text (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

/* A list of texts being read, wiped if it is not kept. */
typedef GPtrArray WipedTexts;

static void
wiped_texts_free (WipedTexts *texts)
{
  for (guint i = 0; i < texts->len; i++)
    wipe_text (g_ptr_array_index (texts, i));
  g_ptr_array_unref (texts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WipedTexts, wiped_texts_free)

static gboolean
not_json (GError **error)
{
  /* Never quote the text: it is part of who the person is. */
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Identity is not valid JSON"));
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gint
read_hex4 (const char *p, const char *end)
{
  gint unit = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      gint digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* A JSON text from its opening quote, decoded into a block of its own:
 * the decoded text is never longer than the written one, so the block is
 * allocated once and never grows. NULL when it is not a valid text. */
static char *
read_text (Reader *r)
{
  const char *start = r->p + 1;
  const char *close = start;
  char *text;
  gsize len = 0;

  /* Where it ends, first: escapes are two bytes or more. */
  while (close < r->end && *close != '"')
    close += *close == '\\' ? 2 : 1;
  if (close >= r->end)
    return NULL;

  text = g_malloc (close - start + 1);
  for (const char *p = start; p < close;)
    {
      guchar c = *p;
      gint unit, low;
      gunichar decoded;

      if (c < 0x20)
        goto invalid;
      if (c != '\\')
        {
          text[len++] = (char) c;
          p++;
          continue;
        }
      switch (p[1])
        {
        case '"':
        case '\\':
        case '/':
          text[len++] = p[1];
          p += 2;
          continue;
        case 'b':
          text[len++] = '\b';
          p += 2;
          continue;
        case 'f':
          text[len++] = '\f';
          p += 2;
          continue;
        case 'n':
          text[len++] = '\n';
          p += 2;
          continue;
        case 'r':
          text[len++] = '\r';
          p += 2;
          continue;
        case 't':
          text[len++] = '\t';
          p += 2;
          continue;
        case 'u':
          unit = read_hex4 (p + 2, close);
          if (unit < 0)
            goto invalid;
          p += 6;
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              if (close - p < 6 || p[0] != '\\' || p[1] != 'u'
                  || (low = read_hex4 (p + 2, close)) < 0xdc00 || low > 0xdfff)
                goto invalid;
              p += 6;
              decoded = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            }
          else if ((unit >= 0xdc00 && unit <= 0xdfff) || unit == 0)
            goto invalid;
          else
            decoded = unit;
          len += g_unichar_to_utf8 (decoded, text + len);
          continue;
        default:
          goto invalid;
        }
    }
  text[len] = '\0';
  if (!g_utf8_validate (text, len, NULL))
    goto invalid;
  r->p = close + 1;
  return text;

invalid:
  sodium_memzero (text, close - start + 1);
  g_free (text);
  return NULL;
}

/* The value of member @name (a text, a list of texts, or null) into the
 * field of @identity it names. */
static gboolean
read_value (Reader *r, const char *name, VigilIdentity *identity, GError **error)
{
  guint field;
  gboolean null = r->end - r->p >= 4 && memcmp (r->p, "null", 4) == 0;

  for (field = 0; field < G_N_ELEMENTS (fields); field++)
    if (g_str_equal (fields[field].name, name))
      break;
  /* A misspelt member would otherwise silently drop what it holds. */
  if (field == G_N_ELEMENTS (fields))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Identity: unknown field “%s”"),
                   name);
      return FALSE;
    }
  if (G_STRUCT_MEMBER (gpointer, identity, fields[field].offset) != NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Identity: “%s” is there twice"), name);
      return FALSE;
    }
  if (null)
    {
      r->p += 4;
      return TRUE;
    }

  if (!fields[field].list)
    {
      char *text;

      if (r->p >= r->end || *r->p != '"')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("Identity: “%s” must be a text or null"), name);
          return FALSE;
        }
      text = read_text (r);
      if (text == NULL)
        return not_json (error);
      G_STRUCT_MEMBER (char *, identity, fields[field].offset) = text;
      return TRUE;
    }

  if (r->p >= r->end || *r->p != '[')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Identity: “%s” must be a list of texts"), name);
      return FALSE;
    }
  r->p++;
  {
    g_autoptr (WipedTexts) texts = g_ptr_array_new ();

    skip_space (r);
    if (r->p < r->end && *r->p == ']')
      r->p++;
    else
      for (;;)
        {
          char *text;

          skip_space (r);
          if (r->p >= r->end || *r->p != '"')
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                           _("Identity: item %u of “%s” must be a text"), texts->len + 1, name);
              return FALSE;
            }
          text = read_text (r);
          if (text == NULL)
            return not_json (error);
          g_ptr_array_add (texts, text);
          skip_space (r);
          if (r->p < r->end && *r->p == ',')
            {
              r->p++;
              continue;
            }
          if (r->p < r->end && *r->p == ']')
            {
              r->p++;
              break;
            }
          return not_json (error);
        }
    g_ptr_array_add (texts, NULL);
    G_STRUCT_MEMBER (char **, identity, fields[field].offset) =
      (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
  }
  return TRUE;
}

/* public API */

/* The members are always all present, null or [] when unknown, so the
 * sealed length depends less on which fields were filled in. The tree's
 * texts and the generated text are wiped by the caller's free: the tree
 * here, the text by whoever seals it (it is returned as it was built). */
char *
vigil_identity_to_json (const VigilIdentity *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (VigilSecretJsonNode) root = NULL;
  g_autoptr (VigilJsonText) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "full_name", self->full_name);
  vigil_json_add_strv (builder, "aliases", (const char * const *) self->aliases);
  vigil_json_add_string (builder, "date_of_birth", self->date_of_birth);
  vigil_json_add_string (builder, "nationality", self->nationality);
  vigil_json_add_strv (builder, "languages", (const char * const *) self->languages);
  vigil_json_add_string (builder, "phone", self->phone);
  vigil_json_add_string (builder, "address", self->address);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = vigil_json_text_new (root, FALSE);
  return g_steal_pointer (&text->data);
}

VigilIdentity *
vigil_identity_from_json (const char *json, GError **error)
{
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  Reader r;

  g_return_val_if_fail (json != NULL, NULL);

  r.p = json;
  r.end = json + strlen (json);
  skip_space (&r);
  if (r.p >= r.end || *r.p != '{')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Identity must be a JSON object"));
      return NULL;
    }
  r.p++;
  skip_space (&r);
  if (r.p < r.end && *r.p == '}')
    r.p++;
  else
    for (;;)
      {
        g_autofree char *name = NULL;

        skip_space (&r);
        if (r.p >= r.end || *r.p != '"' || (name = read_text (&r)) == NULL)
          {
            not_json (error);
            return NULL;
          }
        skip_space (&r);
        if (r.p >= r.end || *r.p != ':')
          {
            not_json (error);
            return NULL;
          }
        r.p++;
        skip_space (&r);
        if (!read_value (&r, name, identity, error))
          return NULL;
        skip_space (&r);
        if (r.p < r.end && *r.p == ',')
          {
            r.p++;
            continue;
          }
        if (r.p < r.end && *r.p == '}')
          {
            r.p++;
            break;
          }
        not_json (error);
        return NULL;
      }
  skip_space (&r);
  if (r.p != r.end)
    {
      not_json (error);
      return NULL;
    }
  return g_steal_pointer (&identity);
}
