/* vigil-preferences-window.c: the settings a person can change
 *
 * Every control is bound to its GSettings key, so a change applies at
 * once and there is nothing to save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-preferences-window.h"

struct _VigilPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  GtkAdjustment       *auto_lock_adjustment;
  GtkSwitch           *confirm_reveal_switch;

  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* GObject overrides */

static void
vigil_preferences_window_dispose (GObject *object)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
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
}

static void
vigil_preferences_window_init (VigilPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "auto-lock-minutes", self->auto_lock_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "confirm-reveal", self->confirm_reveal_switch, "active",
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
