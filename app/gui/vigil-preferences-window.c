/* vigil-preferences-window.c: the settings a person can change
 *
 * Every control is bound to its GSettings key, so a change applies at
 * once and there is nothing to save. The monitor's name belongs to the
 * vault, not to the settings: it is shown while a vault is open and saved
 * by the store when applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-preferences-window.h"

struct _VigilPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  GtkAdjustment       *auto_lock_adjustment;
  GtkSwitch           *confirm_reveal_switch;
  AdwPreferencesGroup *monitor_group;
  AdwEntryRow         *monitor_row;
  AdwEntryRow         *programme_row;

  GSettings           *settings;
  VigilStore          *store;
};

G_DEFINE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

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

/* GObject overrides */

static void
vigil_preferences_window_dispose (GObject *object)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
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
  gtk_widget_class_bind_template_callback (widget_class, on_monitor_apply);
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
