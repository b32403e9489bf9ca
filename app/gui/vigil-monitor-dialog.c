/* vigil-monitor-dialog.c: "Who is monitoring?", asked once per key slot
 *
 * Until a person gives their name, what they record carries the key
 * slot's label, which is the computer account that made the vault. The
 * window asks after the first unlock with a slot that has no name; the
 * name is checked with the rule observations are checked with, and kept
 * by the store with that slot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-monitor-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-monitor-dialog.h"
#include "vigil-record-rules.h"

struct _VigilMonitorDialog
{
  AdwMessageDialog parent_instance;

  /* template children */
  AdwEntryRow     *name_row;
  GtkLabel        *hint_label;

  VigilStore      *store;
};

G_DEFINE_FINAL_TYPE (VigilMonitorDialog, vigil_monitor_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* private helpers */

static gboolean
name_is_valid (VigilMonitorDialog *self)
{
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return vigil_record_check_monitor (name, NULL, NULL);
}

static void
save (VigilMonitorDialog *self)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->store == NULL
      || vigil_store_set_monitor (self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error))
    return;
  /* The dialog is gone by now: the main window says it. */
  if (parent != NULL)
    vigil_gui_toast_error (GTK_WIDGET (parent), _("Your name could not be saved"), error);
}

/* callbacks */

static void
on_name_changed (VigilMonitorDialog *self, GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);
  gboolean valid = name_is_valid (self);
  g_autofree char *hint = NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
  /* Only a name too long is worth a word: an empty field says itself. */
  if (g_utf8_strlen (text, -1) > VIGIL_MONITOR_MAX)
    hint = g_strdup_printf (_("A name has at most %d characters."), VIGIL_MONITOR_MAX);
  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static void
on_name_activated (VigilMonitorDialog *self, AdwEntryRow *row)
{
  if (!name_is_valid (self))
    return;
  save (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_response (VigilMonitorDialog *self, const char *response, AdwMessageDialog *dialog)
{
  save (self);
}

/* GObject overrides */

static void
vigil_monitor_dialog_dispose (GObject *object)
{
  VigilMonitorDialog *self = VIGIL_MONITOR_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_monitor_dialog_parent_class)->dispose (object);
}

/* GtkWidget overrides */

static void
vigil_monitor_dialog_map (GtkWidget *widget)
{
  VigilMonitorDialog *self = VIGIL_MONITOR_DIALOG (widget);

  GTK_WIDGET_CLASS (vigil_monitor_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
vigil_monitor_dialog_class_init (VigilMonitorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_monitor_dialog_dispose;
  widget_class->map = vigil_monitor_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-monitor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilMonitorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMonitorDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_save_response);
}

static void
vigil_monitor_dialog_init (VigilMonitorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

GtkWidget *
vigil_monitor_dialog_new (GtkWindow *parent, VigilStore *store)
{
  VigilMonitorDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  self = g_object_new (VIGIL_TYPE_MONITOR_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
