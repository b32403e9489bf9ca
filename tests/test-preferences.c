/* test-preferences.c: Preferences changed with real keys and clicks, read
 * back from GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-preferences-window.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"

typedef struct
{
  GSettings *settings;
  GtkWindow *preferences;
} Fixture;

static const char * const protection_keys[] = {
  "protection-requested-days",
  "protection-reminder-hours",
  "reflection-minimum-days",
};

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; i < G_N_ELEMENTS (protection_keys); i++)
    g_settings_reset (f->settings, protection_keys[i]);
  f->preferences = GTK_WINDOW (vigil_preferences_window_new (NULL));
  /* As wide as it opens, tall enough to show the whole page in one
   * screenshot. */
  gtk_window_set_default_size (f->preferences, 560, 1000);
  g_object_add_weak_pointer (G_OBJECT (f->preferences), (gpointer *) &f->preferences);
  gtk_window_present (f->preferences);
  vigil_test_input_focus_window (f->preferences);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->preferences != NULL)
    gtk_window_destroy (f->preferences);
  vigil_test_run_for (50);
  g_assert_null (f->preferences);
  for (guint i = 0; i < G_N_ELEMENTS (protection_keys); i++)
    g_settings_reset (f->settings, protection_keys[i]);
  g_clear_object (&f->settings);
}

/* The first descendant of @root of @type whose accessible name is @name. */
static GtkWidget *
find_named (GtkWidget *root, GType type, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = NULL;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          g_autofree char *differs = gtk_test_accessible_check_property (
            GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

          if (differs == NULL)
            return child;
        }
      found = find_named (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The accessible label of @accessible, or NULL: the test context gives a
 * property's value back when it is not the one expected. */
static char *
accessible_label (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 no such name");
}

/* Every control on screen under @root that a person acts on has a name (its
 * own, read without a mnemonic's underscore, or for a text the label it
 * is related to), or a screen reader reads out its class. */
static void
assert_named (GtkWidget *root, guint *n_checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (child);
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);

      if (!gtk_widget_get_mapped (child))
        continue;
      if (role == GTK_ACCESSIBLE_ROLE_BUTTON || role == GTK_ACCESSIBLE_ROLE_SPIN_BUTTON
          || role == GTK_ACCESSIBLE_ROLE_TEXT_BOX)
        {
          g_autofree char *label = accessible_label (accessible);

          if (label != NULL)
            {
              g_assert_cmpstr (label, !=, "");
              g_assert_null (strchr (label, '_'));
            }
          /* An icon-only button is related to its icon, which names
           * nothing: a button needs a name of its own. */
          else if (role == GTK_ACCESSIBLE_ROLE_BUTTON)
            g_error ("a %s in a %s has no name", G_OBJECT_TYPE_NAME (child),
                     G_OBJECT_TYPE_NAME (root));
          else
            g_assert_true (gtk_test_accessible_has_relation (accessible,
                                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY));
          (*n_checked)++;
        }
      assert_named (child, n_checked);
    }
}

static char *
reflection_minimums (Fixture *f)
{
  g_autoptr (GVariant) value = g_settings_get_value (f->settings, "reflection-minimum-days");

  return g_variant_print (value, FALSE);
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The text of @spin: a click on the middle of the spin button would
 * land on its "−" button. */
static void
click_spin_text (GtkWidget *spin)
{
  GtkWidget *text = gtk_widget_get_first_child (spin);

  g_assert_true (GTK_IS_TEXT (text));
  vigil_test_input_click (text);
  g_assert_true (focus_is_in (spin));
}

/* Types @number over what a spin button shows and leaves it by Tab,
 * which is when a spin button takes what was typed. */
static void
type_into_spin (Fixture *f, GtkWidget *spin, const char *number)
{
  g_autofree char *keys = g_strdup_printf ("type:%s", number);

  click_spin_text (spin);
  vigil_test_input_keys (f->preferences, "ctrl+a");
  vigil_test_input_keys (f->preferences, keys);
  vigil_test_input_keys (f->preferences, "Tab");
}

static void
test_protection_days_and_hours (Fixture *f, gconstpointer data)
{
  GtkWidget *days = find_named (GTK_WIDGET (f->preferences), GTK_TYPE_SPIN_BUTTON,
                                "Days before a hearing to warn of measures still only requested");
  GtkWidget *hours = find_named (GTK_WIDGET (f->preferences), GTK_TYPE_SPIN_BUTTON,
                                 "Hours before a hearing to remind of measures not yet confirmed");

  g_assert_nonnull (days);
  g_assert_nonnull (hours);
  /* The window shows what is set. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (days)), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hours)), ==, 24);

  type_into_spin (f, days, "7");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-requested-days"), ==, 7);
  /* Up and Down step it, and each step is kept at once. */
  click_spin_text (days);
  vigil_test_input_keys (f->preferences, "Up Up Down");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-requested-days"), ==, 8);
  /* No more than 30 days. */
  type_into_spin (f, days, "45");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-requested-days"), ==, 30);

  type_into_spin (f, hours, "48");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-reminder-hours"), ==, 48);
  /* A week at most; 0 turns the reminders off. */
  type_into_spin (f, hours, "500");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-reminder-hours"), ==, 168);
  type_into_spin (f, hours, "0");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "protection-reminder-hours"), ==, 0);

  /* Set elsewhere (another window, gsettings): shown here. */
  g_settings_set_uint (f->settings, "protection-requested-days", 5);
  vigil_test_run_for (50);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (days)), ==, 5);
}

static void
test_reflection_periods (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->preferences);
  GtkWidget *expander = vigil_test_find_widget (window, ADW_TYPE_EXPANDER_ROW,
                                                "_Minimum Reflection Period by Jurisdiction");
  GtkWidget *entry = vigil_test_find_widget (window, ADW_TYPE_ENTRY_ROW, "_Jurisdiction");
  GtkWidget *spin = find_named (window, GTK_TYPE_SPIN_BUTTON,
                                "Days of the reflection period to add");
  GtkWidget *add = NULL;
  GtkWidget *serbia = NULL;
  GtkWidget *remove = NULL;
  g_autofree char *text = NULL;
  g_autofree char *minimums = NULL;

  g_assert_nonnull (expander);
  g_assert_nonnull (entry);
  g_assert_nonnull (spin);
  text = vigil_test_widget_text (window);
  g_assert_nonnull (strstr (text, "None set: three months everywhere"));
  g_assert_nonnull (strstr (text, "Council of Europe Convention, Art. 13, sets at least 30 days"));
  g_assert_nonnull (strstr (text, "three months"));
  g_assert_nonnull (strstr (text, "Alliance 2005"));
  g_clear_pointer (&text, g_free);

  /* Opened by a click on its title. */
  vigil_test_input_click (expander);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  vigil_test_run_for (200);

  /* Nothing typed, nothing to add. */
  add = find_named (window, GTK_TYPE_BUTTON, "Add a reflection period for the jurisdiction typed");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_is_sensitive (add));

  /* A jurisdiction typed, its days typed, and Add clicked. */
  vigil_test_input_click (entry);
  vigil_test_input_keys (f->preferences, "type:Serbia");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (add == find_named (window, GTK_TYPE_BUTTON,
                                    "Add a reflection period of its own for Serbia"));
  vigil_test_input_keys (f->preferences, "Tab");
  g_assert_true (focus_is_in (spin));
  vigil_test_input_keys (f->preferences, "ctrl+a");
  vigil_test_input_keys (f->preferences, "type:45");
  vigil_test_input_click (add);
  minimums = reflection_minimums (f);
  g_assert_cmpstr (minimums, ==, "{'Serbia': 45}");
  g_clear_pointer (&minimums, g_free);
  /* Ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (focus_is_in (entry));

  /* Enter adds too, with the days still shown, spaces around dropped. */
  vigil_test_input_keys (f->preferences, "type: Romania ");
  vigil_test_input_keys (f->preferences, "Return");
  minimums = reflection_minimums (f);
  g_assert_cmpstr (minimums, ==, "{'Romania': 45, 'Serbia': 45}");
  g_clear_pointer (&minimums, g_free);

  /* The same jurisdiction again changes its days; Enter after the days
   * adds as well. */
  vigil_test_input_keys (f->preferences, "type:Romania");
  vigil_test_input_keys (f->preferences, "Tab ctrl+a");
  vigil_test_input_keys (f->preferences, "type:90");
  vigil_test_input_keys (f->preferences, "Return");
  minimums = reflection_minimums (f);
  g_assert_cmpstr (minimums, ==, "{'Romania': 90, 'Serbia': 45}");
  g_clear_pointer (&minimums, g_free);

  text = vigil_test_widget_text (expander);
  g_assert_nonnull (strstr (text, "Romania\n90 days\n"));
  g_assert_nonnull (strstr (text, "Serbia\n45 days\n"));
  g_assert_nonnull (strstr (text, "2 jurisdictions have their own"));
  g_clear_pointer (&text, g_free);
  vigil_test_screenshot (window, "preferences-protection");
  {
    guint n_checked = 0;

    /* The spin buttons and their text, Add, two Remove, the text typed
     * in, in the group (libadwaita's toast has its own). */
    assert_named (gtk_widget_get_ancestor (expander, ADW_TYPE_PREFERENCES_GROUP), &n_checked);
    g_assert_cmpuint (n_checked, >=, 7);
  }

  /* Each row removes its own. */
  serbia = vigil_test_find_widget (expander, ADW_TYPE_ACTION_ROW, "Serbia");
  g_assert_nonnull (serbia);
  remove = find_named (serbia, GTK_TYPE_BUTTON, "Remove the reflection period of Serbia");
  g_assert_nonnull (remove);
  g_assert_null (find_named (serbia, GTK_TYPE_BUTTON, "Remove the reflection period of Romania"));
  vigil_test_input_click (remove);
  minimums = reflection_minimums (f);
  g_assert_cmpstr (minimums, ==, "{'Romania': 90}");
  g_clear_pointer (&minimums, g_free);
  g_assert_null (vigil_test_find_widget (expander, ADW_TYPE_ACTION_ROW, "Serbia"));
  /* The keyboard is not lost with the row. */
  g_assert_true (focus_is_in (entry));

  /* Removed by keyboard: Space on its button. */
  remove = find_named (expander, GTK_TYPE_BUTTON, "Remove the reflection period of Romania");
  g_assert_nonnull (remove);
  gtk_widget_grab_focus (remove);
  vigil_test_input_keys (f->preferences, "space");
  vigil_test_run_for (400);
  minimums = reflection_minimums (f);
  g_assert_cmpstr (minimums, ==, "{}");
  g_clear_pointer (&minimums, g_free);
  text = vigil_test_widget_text (expander);
  g_assert_nonnull (strstr (text, "None set: three months everywhere"));
  g_clear_pointer (&text, g_free);

  /* Set elsewhere: shown here. */
  g_settings_set_value (f->settings, "reflection-minimum-days",
                        g_variant_new_parsed ("{'Moldova': @u 60}"));
  vigil_test_run_for (50);
  g_assert_nonnull (vigil_test_find_widget (expander, ADW_TYPE_ACTION_ROW, "Moldova"));
  text = vigil_test_widget_text (expander);
  g_assert_nonnull (strstr (text, "1 jurisdiction has its own"));
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/preferences/protection/days-and-hours", Fixture, NULL, fixture_set_up,
              test_protection_days_and_hours, fixture_tear_down);
  g_test_add ("/preferences/protection/reflection-periods", Fixture, NULL, fixture_set_up,
              test_reflection_periods, fixture_tear_down);
  return g_test_run ();
}
