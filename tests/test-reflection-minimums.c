/* test-reflection-minimums.c: a jurisdiction's own reflection period, as
 * Preferences adds and removes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-error.h"
#include "vigil-reflection-minimums.h"

static GVariant *
empty (void)
{
  return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{su}"), NULL, 0));
}

static char *
print (GVariant *minimums)
{
  return g_variant_print (minimums, FALSE);
}

static void
test_put (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) none = empty ();
  g_autoptr (GVariant) one = NULL;
  g_autoptr (GVariant) two = NULL;
  g_autoptr (GVariant) changed = NULL;
  g_autofree char *text = NULL;

  /* Kept as the rules will look it up: without the spaces around it. */
  one = vigil_reflection_minimums_put (none, "  Serbia ", 30, &error);
  g_assert_no_error (error);
  text = print (one);
  g_assert_cmpstr (text, ==, "{'Serbia': 30}");
  g_clear_pointer (&text, g_free);

  /* In alphabetical order, whatever the order they were added in. */
  two = vigil_reflection_minimums_put (one, "Romania", 90, &error);
  g_assert_no_error (error);
  text = print (two);
  g_assert_cmpstr (text, ==, "{'Romania': 90, 'Serbia': 30}");
  g_clear_pointer (&text, g_free);

  /* A jurisdiction given again changes its days, it is not listed twice. */
  changed = vigil_reflection_minimums_put (two, "Serbia", 45, &error);
  g_assert_no_error (error);
  text = print (changed);
  g_assert_cmpstr (text, ==, "{'Romania': 90, 'Serbia': 45}");
  g_clear_pointer (&text, g_free);

  /* What was given is left as it was. */
  text = print (two);
  g_assert_cmpstr (text, ==, "{'Romania': 90, 'Serbia': 30}");
}

static void
test_put_refused (void)
{
  g_autoptr (GVariant) none = empty ();
  g_autofree char *long_name = g_strnfill (VIGIL_REFLECTION_JURISDICTION_MAX + 1, 'x');
  g_autofree char *longest = g_strnfill (VIGIL_REFLECTION_JURISDICTION_MAX, 'x');
  struct
  {
    const char *jurisdiction;
    guint       days;
  } refused[] = {
    { "", 30 },
    { "   ", 30 },
    { "Serbia", 0 },
    { "Serbia", VIGIL_REFLECTION_MINIMUM_DAYS_MAX + 1 },
    { "Serbia\nBelgrade", 30 },
    { long_name, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GVariant) result =
        vigil_reflection_minimums_put (none, refused[i].jurisdiction, refused[i].days, &error);

      g_assert_null (result);
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* The bounds themselves are allowed. */
  for (guint days = VIGIL_REFLECTION_MINIMUM_DAYS_MIN; days <= VIGIL_REFLECTION_MINIMUM_DAYS_MAX;
       days += VIGIL_REFLECTION_MINIMUM_DAYS_MAX - VIGIL_REFLECTION_MINIMUM_DAYS_MIN)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GVariant) result = vigil_reflection_minimums_put (none, longest, days, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_variant_n_children (result), ==, 1);
    }
}

static void
test_remove (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) none = empty ();
  g_autoptr (GVariant) one = vigil_reflection_minimums_put (none, "Serbia", 30, &error);
  g_autoptr (GVariant) two = vigil_reflection_minimums_put (one, "Romania", 90, &error);
  g_autoptr (GVariant) removed = NULL;
  g_autoptr (GVariant) unknown = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  removed = vigil_reflection_minimums_remove (two, "Serbia");
  text = print (removed);
  g_assert_cmpstr (text, ==, "{'Romania': 90}");
  g_clear_pointer (&text, g_free);

  unknown = vigil_reflection_minimums_remove (removed, "Moldova");
  text = print (unknown);
  g_assert_cmpstr (text, ==, "{'Romania': 90}");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reflection-minimums/put", test_put);
  g_test_add_func ("/reflection-minimums/put/refused", test_put_refused);
  g_test_add_func ("/reflection-minimums/remove", test_remove);
  return g_test_run ();
}
