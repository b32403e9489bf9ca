/* vigil-reflection-minimums.c: the minimum reflection period each
 * jurisdiction sets, as Preferences keeps it
 *
 * The rules look a case's jurisdiction up in these as it is written, so a
 * jurisdiction is kept as typed, less the spaces around it that a person
 * never sees. Without one, the rules keep the three months of the 2005
 * Alliance position paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-reflection-minimums.h"

/* private helpers */

static int
compare_jurisdictions (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* @minimums, less @without, plus @with given @days when @with is set. */
static GVariant *
rebuild (GVariant *minimums, const char *without, const char *with, guint days)
{
  g_autoptr (GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = NULL;
  GVariantBuilder builder;
  GHashTableIter keys;
  gpointer name;
  GVariantIter iter;
  const char *jurisdiction;
  guint32 value;

  g_variant_iter_init (&iter, minimums);
  while (g_variant_iter_next (&iter, "{&su}", &jurisdiction, &value))
    if (g_strcmp0 (jurisdiction, without) != 0)
      g_hash_table_insert (table, (gpointer) jurisdiction, GUINT_TO_POINTER (value));
  if (with != NULL)
    g_hash_table_insert (table, (gpointer) with, GUINT_TO_POINTER (days));

  names = g_ptr_array_sized_new (g_hash_table_size (table));
  g_hash_table_iter_init (&keys, table);
  while (g_hash_table_iter_next (&keys, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_jurisdictions);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{su}"));
  for (guint i = 0; i < names->len; i++)
    g_variant_builder_add (&builder, "{su}", g_ptr_array_index (names, i),
                           GPOINTER_TO_UINT (g_hash_table_lookup (table,
                                                                  g_ptr_array_index (names, i))));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* public API */

GVariant *
vigil_reflection_minimums_put (GVariant   *minimums,
                               const char *jurisdiction,
                               guint       days,
                               GError    **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (minimums != NULL
                          && g_variant_is_of_type (minimums, G_VARIANT_TYPE ("a{su}")),
                        NULL);
  g_return_val_if_fail (jurisdiction != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_strstrip (g_strdup (jurisdiction));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                           _("Give the jurisdiction a name"));
      return NULL;
    }
  if (!g_utf8_validate (name, -1, NULL)
      || g_utf8_strlen (name, -1) > VIGIL_REFLECTION_JURISDICTION_MAX)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A jurisdiction’s name has at most %d characters"),
                   VIGIL_REFLECTION_JURISDICTION_MAX);
      return NULL;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                             _("A jurisdiction’s name is one line"));
        return NULL;
      }
  if (days < VIGIL_REFLECTION_MINIMUM_DAYS_MIN || days > VIGIL_REFLECTION_MINIMUM_DAYS_MAX)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A reflection period is from %d to %d days"),
                   VIGIL_REFLECTION_MINIMUM_DAYS_MIN, VIGIL_REFLECTION_MINIMUM_DAYS_MAX);
      return NULL;
    }
  return rebuild (minimums, name, name, days);
}

GVariant *
vigil_reflection_minimums_remove (GVariant *minimums, const char *jurisdiction)
{
  g_return_val_if_fail (minimums != NULL
                          && g_variant_is_of_type (minimums, G_VARIANT_TYPE ("a{su}")),
                        NULL);
  g_return_val_if_fail (jurisdiction != NULL, NULL);

  return rebuild (minimums, jurisdiction, NULL, 0);
}
