/* vigil-preferences-window.c: the settings a person can change
 *
 * Every control is bound to its GSettings key, so a change applies at
 * once and there is nothing to save. The monitor's name belongs to the
 * vault, not to the settings: it is shown while a vault is open and saved
 * by the store when applied. The minimum reflection periods are one
 * setting, a dictionary, that each row added or removed rewrites whole
 * through the core's rules (vigil-reflection-minimums.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-preferences-window.h"
#include "vigil-reflection-minimums.h"

struct _VigilPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  GtkAdjustment       *auto_lock_adjustment;
  GtkSwitch           *confirm_reveal_switch;
  AdwPreferencesGroup *monitor_group;
  AdwEntryRow         *monitor_row;
  AdwEntryRow         *programme_row;
  GtkAdjustment       *requested_days_adjustment;
  GtkAdjustment       *reminder_hours_adjustment;
  AdwExpanderRow      *reflection_row;
  AdwEntryRow         *jurisdiction_row;
  GtkAdjustment       *reflection_days_adjustment;
  GtkSpinButton       *reflection_days_spin;
  GtkWidget           *reflection_add_button;

  GSettings           *settings;
  VigilStore          *store;
  /* The rows of the jurisdictions set, above the one that adds. */
  GPtrArray           *reflection_rows;
};

G_DEFINE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* private helpers */

static void
update_actions (VigilPreferencesWindow *self)
{
  g_autofree char *jurisdiction =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->jurisdiction_row))));
  g_autofree char *name = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-reflection",
                                 jurisdiction[0] != '\0');
  if (jurisdiction[0] != '\0')
    /* Translators: %s is a jurisdiction, as "Serbia" */
    name = g_strdup_printf (_("Add a reflection period of its own for %s"), jurisdiction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reflection_add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL
                                    ? name
                                    : _("Add a reflection period for the jurisdiction typed"),
                                  -1);
}

static GtkWidget *
reflection_row_new (const char *jurisdiction, guint days)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
  /* Translators: %s is a jurisdiction, as "Serbia" */
  g_autofree char *name = g_strdup_printf (_("Remove the reflection period of %s"), jurisdiction);

  /* A jurisdiction is typed text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jurisdiction);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "preferences.remove-reflection");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", jurisdiction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Shows the setting as it is now, whoever changed it. */
static void
show_reflection_minimums (VigilPreferencesWindow *self)
{
  g_autoptr (GVariant) minimums = g_settings_get_value (self->settings,
                                                        "reflection-minimum-days");
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->jurisdiction_row));
  g_autofree char *subtitle = NULL;
  GVariantIter iter;
  const char *jurisdiction;
  guint32 days;
  guint n;

  for (guint i = 0; i < self->reflection_rows->len; i++)
    adw_expander_row_remove (self->reflection_row, g_ptr_array_index (self->reflection_rows, i));
  g_ptr_array_set_size (self->reflection_rows, 0);

  g_variant_iter_init (&iter, minimums);
  while (g_variant_iter_next (&iter, "{&su}", &jurisdiction, &days))
    {
      GtkWidget *row = reflection_row_new (jurisdiction, days);

      /* Above the row that adds, which stays where it is (and keeps the
       * keyboard): an expander row only appends, its list inserts. */
      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_insert (GTK_LIST_BOX (list), row, (int) self->reflection_rows->len);
      else
        adw_expander_row_add_row (self->reflection_row, row);
      g_ptr_array_add (self->reflection_rows, row);
    }

  n = self->reflection_rows->len;
  if (n == 0)
    subtitle = g_strdup (_("None set: three months everywhere"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u jurisdiction has its own",
                                             "%u jurisdictions have their own", n),
                                n);
  adw_expander_row_set_subtitle (self->reflection_row, subtitle);
}

static void
toast (VigilPreferencesWindow *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  /* What the last change did, not a queue of what the ones before did. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* callbacks */

static void
on_monitor_apply (VigilPreferencesWindow *self, AdwEntryRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;
  if (vigil_store_set_monitor (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* As it was kept: without the spaces around it. */
      gtk_editable_set_text (GTK_EDITABLE (row), vigil_store_get_monitor (self->store));
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Your name was saved")));
      return;
    }
  /* Translators: %s says why */
  message = g_strdup_printf (_("Your name was not saved: %s"), error->message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_reflection_minimums_changed (VigilPreferencesWindow *self)
{
  show_reflection_minimums (self);
}

static void
on_jurisdiction_changed (VigilPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->jurisdiction_row), "error");
  update_actions (self);
}

static void
add_reflection (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (widget);
  g_autoptr (GVariant) minimums = g_settings_get_value (self->settings,
                                                        "reflection-minimum-days");
  g_autoptr (GVariant) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *jurisdiction = NULL;
  g_autofree char *message = NULL;
  guint days;

  /* A number typed but not yet taken (no Tab or Enter) counts. */
  gtk_spin_button_update (self->reflection_days_spin);
  days = (guint) gtk_adjustment_get_value (self->reflection_days_adjustment);
  jurisdiction = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->jurisdiction_row)));
  g_strstrip (jurisdiction);
  changed = vigil_reflection_minimums_put (minimums, jurisdiction, days, &error);
  if (changed == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->jurisdiction_row), "error");
      toast (self, error->message);
      return;
    }
  g_settings_set_value (self->settings, "reflection-minimum-days", changed);
  show_reflection_minimums (self);
  gtk_editable_set_text (GTK_EDITABLE (self->jurisdiction_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->jurisdiction_row));
  /* Translators: %s is a jurisdiction */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: a reflection period of at least %u day",
                                          "%s: a reflection period of at least %u days", days),
                             jurisdiction, days);
  toast (self, message);
}

static void
on_jurisdiction_activated (VigilPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.add-reflection", NULL);
}

static void
remove_reflection (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (widget);
  g_autoptr (GVariant) minimums = g_settings_get_value (self->settings,
                                                        "reflection-minimum-days");
  g_autoptr (GVariant) changed = NULL;
  /* Held here: the row whose button holds the parameter goes first. */
  g_autofree char *jurisdiction = g_variant_dup_string (parameter, NULL);
  g_autofree char *message = NULL;

  /* The button pressed goes with its row: the keyboard goes on to the
   * row that adds rather than nowhere. */
  gtk_widget_grab_focus (GTK_WIDGET (self->jurisdiction_row));
  changed = vigil_reflection_minimums_remove (minimums, jurisdiction);
  g_settings_set_value (self->settings, "reflection-minimum-days", changed);
  show_reflection_minimums (self);
  /* Translators: %s is a jurisdiction */
  message = g_strdup_printf (_("%s: three months from identification"), jurisdiction);
  toast (self, message);
}

/* GObject overrides */

static void
vigil_preferences_window_dispose (GObject *object)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reflection_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->dispose (object);
}

static void
vigil_preferences_window_class_init (VigilPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        auto_lock_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        confirm_reveal_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, monitor_group);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, programme_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        requested_days_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        reminder_hours_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, reflection_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, jurisdiction_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        reflection_days_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        reflection_days_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow,
                                        reflection_add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_monitor_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_jurisdiction_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_jurisdiction_activated);

  gtk_widget_class_install_action (widget_class, "preferences.add-reflection", NULL,
                                   add_reflection);
  gtk_widget_class_install_action (widget_class, "preferences.remove-reflection", "s",
                                   remove_reflection);
}

static void
vigil_preferences_window_init (VigilPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "auto-lock-minutes", self->auto_lock_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "confirm-reveal", self->confirm_reveal_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* Saved as typed: the name is the programme's, not a secret. */
  g_settings_bind (self->settings, "report-programme", self->programme_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "protection-requested-days", self->requested_days_adjustment,
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "protection-reminder-hours", self->reminder_hours_adjustment,
                   "value", G_SETTINGS_BIND_DEFAULT);

  /* Enter after the days adds, as after the jurisdiction: a spin button
   * says "activate" only through the text it delegates to. */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->reflection_days_spin)),
                           "activate", G_CALLBACK (on_jurisdiction_activated), self,
                           G_CONNECT_SWAPPED);
  self->reflection_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->settings, "changed::reflection-minimum-days",
                            G_CALLBACK (on_reflection_minimums_changed), self);
  show_reflection_minimums (self);
  update_actions (self);
}

/* public API */

GtkWidget *
vigil_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (VIGIL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

void
vigil_preferences_window_set_store (VigilPreferencesWindow *self, VigilStore *store)
{
  const char *monitor;

  g_return_if_fail (VIGIL_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  g_set_object (&self->store, store);
  monitor = store != NULL ? vigil_store_get_monitor (store) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->monitor_row), monitor != NULL ? monitor : "");
  gtk_widget_set_visible (GTK_WIDGET (self->monitor_group), store != NULL);
}
