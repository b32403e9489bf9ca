/* vigil-standard.c: one victim-rights standard of the catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-standard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-text.h"
#include "vigil-standard.h"

struct _VigilStandard
{
  GObject             parent_instance;

  char               *id;
  char               *category;
  char               *title;
  char               *look_for;
  char               *applies;
  char               *applies_label;
  VigilApplicability *rule;
  GPtrArray          *sources; /* VigilStandardSource */
  /* Everything vigil_standard_matches() searches, folded once. */
  char               *folded;
};

G_DEFINE_FINAL_TYPE (VigilStandard, vigil_standard, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (VigilStandardSource, vigil_standard_source,
                     vigil_standard_source_copy, vigil_standard_source_free)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_TITLE,
  PROP_LOOK_FOR,
  PROP_APPLIES,
  PROP_APPLIES_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const vigil_standard_categories[] = {
  "confrontation",
  "repeated-testimony",
  "physical-safety",
  "identity-protection",
  "legal-assistance",
  "language",
  "ngo-support",
  "non-punishment",
  "redress",
  "residence",
  "data-protection",
  "child-victims",
  "evidence",
  "fair-trial",
  NULL,
};

/* In the order of vigil_standard_categories. */
static const char * const category_labels[] = {
  N_("Confrontation and visual contact"),
  N_("Repeated testimony"),
  N_("Physical safety"),
  N_("Identity and whereabouts"),
  N_("Legal counselling and assistance"),
  N_("Language and interpretation"),
  N_("Support in court"),
  N_("Non-punishment"),
  N_("Redress and compensation"),
  N_("Residence and reflection period"),
  N_("Data protection and consent"),
  N_("Child victims"),
  N_("Evidence beyond the victim's testimony"),
  N_("Fair trial for prosecuted victims"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) + 1 == G_N_ELEMENTS (vigil_standard_categories));

/* private helpers */

static gboolean
text_is_set (const char *text)
{
  return text != NULL && !vigil_text_is_blank (text);
}

/* GObject overrides */

static void
vigil_standard_finalize (GObject *object)
{
  VigilStandard *self = VIGIL_STANDARD (object);

  g_free (self->id);
  g_free (self->category);
  g_free (self->title);
  g_free (self->look_for);
  g_free (self->applies);
  g_free (self->applies_label);
  g_clear_pointer (&self->rule, vigil_applicability_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_free (self->folded);
  G_OBJECT_CLASS (vigil_standard_parent_class)->finalize (object);
}

static void
vigil_standard_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilStandard *self = VIGIL_STANDARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, vigil_standard_get_category_label (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LOOK_FOR:
      g_value_set_string (value, self->look_for);
      break;
    case PROP_APPLIES:
      g_value_set_string (value, self->applies);
      break;
    case PROP_APPLIES_LABEL:
      g_value_set_string (value, self->applies_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_standard_class_init (VigilStandardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_standard_finalize;
  object_class->get_property = vigil_standard_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_LABEL] = g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_LOOK_FOR] = g_param_spec_string ("look-for", NULL, NULL, NULL, flags);
  properties[PROP_APPLIES] = g_param_spec_string ("applies", NULL, NULL, NULL, flags);
  properties[PROP_APPLIES_LABEL] = g_param_spec_string ("applies-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_standard_init (VigilStandard *self)
{
}

/* public API */

VigilStandardSource *
vigil_standard_source_new (const char *document, const char *section)
{
  VigilStandardSource *source;

  g_return_val_if_fail (document != NULL && section != NULL, NULL);

  source = g_new0 (VigilStandardSource, 1);
  source->document = g_strdup (document);
  source->section = g_strdup (section);
  return source;
}

VigilStandardSource *
vigil_standard_source_copy (const VigilStandardSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return vigil_standard_source_new (source->document, source->section);
}

void
vigil_standard_source_free (VigilStandardSource *source)
{
  if (source == NULL)
    return;
  g_free (source->document);
  g_free (source->section);
  g_free (source);
}

int
vigil_standard_category_index (const char *category)
{
  for (int i = 0; category != NULL && vigil_standard_categories[i] != NULL; i++)
    if (g_str_equal (vigil_standard_categories[i], category))
      return i;
  return -1;
}

const char *
vigil_standard_category_label (const char *category)
{
  int index = vigil_standard_category_index (category);

  return index < 0 ? NULL : g_dgettext (GETTEXT_PACKAGE, category_labels[index]);
}

gboolean
vigil_standard_id_is_valid (const char *id)
{
  gsize len = id != NULL ? strlen (id) : 0;

  if (len == 0 || len > VIGIL_STANDARD_ID_MAX)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/**
 * vigil_standard_new:
 *
 * Returns: (transfer full): the standard, or NULL with VIGIL_ERROR_INVALID
 *   and a message naming the field
 */
VigilStandard *
vigil_standard_new (const char *id,
                    const char *category,
                    const char *title,
                    const char *look_for,
                    const char *applies,
                    GPtrArray  *sources,
                    GError    **error)
{
  g_autoptr (VigilStandard) self = NULL;
  g_autoptr (VigilApplicability) rule = NULL;
  g_autoptr (GError) local = NULL;
  GString *haystack;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_standard_id_is_valid (id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The id “%s” is not a standard id: lower-case letters, digits and "
                     "hyphens, at most %d of them"),
                   id != NULL ? id : "", VIGIL_STANDARD_ID_MAX);
      return NULL;
    }
  if (vigil_standard_category_index (category) < 0)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) vigil_standard_categories);

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Standard %s: the category “%s” is not one of %s"), id,
                   category != NULL ? category : "", known);
      return NULL;
    }
  if (!text_is_set (title) || !text_is_set (look_for))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Standard %s: %s is missing or empty"), id,
                   !text_is_set (title) ? "title" : "look-for");
      return NULL;
    }
  rule = vigil_applicability_parse (applies, &local);
  if (rule == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Standard %s: applies: %s"), id,
                   local->message);
      return NULL;
    }
  if (sources == NULL || sources->len == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Standard %s names no source; every standard comes from a document"), id);
      return NULL;
    }

  self = g_object_new (VIGIL_TYPE_STANDARD, NULL);
  self->id = g_strdup (id);
  self->category = g_strdup (category);
  self->title = g_strstrip (g_strdup (title));
  self->look_for = g_strstrip (g_strdup (look_for));
  self->applies = vigil_applicability_to_string (rule);
  self->applies_label = vigil_applicability_describe (rule);
  self->rule = g_steal_pointer (&rule);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_standard_source_free);
  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (self->sources, vigil_standard_source_copy (g_ptr_array_index (sources, i)));

  haystack = g_string_new (self->id);
  g_string_append_printf (haystack, "\n%s\n%s\n%s\n%s", self->title, self->look_for,
                          self->category, vigil_standard_get_category_label (self));
  for (guint i = 0; i < self->sources->len; i++)
    {
      const VigilStandardSource *source = g_ptr_array_index (self->sources, i);

      g_string_append_printf (haystack, "\n%s\n%s", source->document, source->section);
    }
  self->folded = vigil_text_fold (haystack->str);
  g_string_free (haystack, TRUE);
  return g_steal_pointer (&self);
}

const char *
vigil_standard_get_id (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->id;
}

const char *
vigil_standard_get_category (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->category;
}

const char *
vigil_standard_get_category_label (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return vigil_standard_category_label (self->category);
}

const char *
vigil_standard_get_title (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->title;
}

const char *
vigil_standard_get_look_for (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->look_for;
}

const char *
vigil_standard_get_applies (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->applies;
}

const char *
vigil_standard_get_applies_label (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->applies_label;
}

const VigilApplicability *
vigil_standard_get_rule (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  return self->rule;
}

guint
vigil_standard_get_n_sources (VigilStandard *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), 0);
  return self->sources->len;
}

/**
 * vigil_standard_get_source:
 *
 * Returns: (transfer none): the source at @index, below
 *   vigil_standard_get_n_sources()
 */
const VigilStandardSource *
vigil_standard_get_source (VigilStandard *self, guint index)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, index);
}

gboolean
vigil_standard_applies_to (VigilStandard *self, const VigilHearingFacts *facts)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD (self), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);
  return vigil_applicability_evaluate (self->rule, facts);
}

gboolean
vigil_standard_matches (VigilStandard *self, const char *query)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (VIGIL_IS_STANDARD (self), FALSE);

  folded = vigil_text_fold (query);
  return vigil_text_fold_matches (self->folded, folded);
}
