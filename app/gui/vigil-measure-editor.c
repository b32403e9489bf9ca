/* vigil-measure-editor.c: a window to arrange or change a protection
 * measure around a hearing
 *
 * A new measure around a hearing gets a window from an hour before it to
 * four hours after, what an escort or a support person usually gives, so
 * the usual entry is the kind and who is responsible. The status offers
 * only what the measure may become (the core's order of things).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-measure-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "vigil-agenda.h"
#include "vigil-editor-util.h"
#include "vigil-gui-util.h"
#include "vigil-measure-editor.h"
#include "vigil-store-protection.h"

struct _VigilMeasureEditor
{
  AdwWindow       parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkLabel       *message_label;
  AdwComboRow    *person_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  AdwEntryRow    *responsible_row;
  AdwEntryRow    *details_row;
  GtkWidget      *form;

  VigilStore          *store;
  char                *case_id;
  char                *hearing_id;
  VigilProtectionData *measure;  /* as stored; NULL for a new one */
  GPtrArray           *persons;  /* VigilPerson, as the person row lists them */
  GPtrArray           *statuses; /* char *, as the status row lists them */
  char                *message;
};

G_DEFINE_FINAL_TYPE (VigilMeasureEditor, vigil_measure_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static void
set_message (VigilMeasureEditor *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static char *
format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "2026-03-10 07:30" in this computer's zone; NULL for an empty field.
 * FALSE when it is not such a time. */
static gboolean
parse_local (AdwEntryRow *row, GDateTime **out)
{
  g_autofree char *text = vigil_gui_entry_row_text (row);
  int y, mo, d, h, mi;
  char end;

  *out = NULL;
  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &end) != 5 || h < 0 || h > 23
      || mi < 0 || mi > 59 || !g_date_valid_dmy (d, mo, y))
    return FALSE;
  *out = vigil_gui_compose_time (NULL, y, mo, d, h, mi);
  return *out != NULL;
}

static void
fill_persons (VigilMeasureEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = vigil_store_list_persons (self->store, self->case_id, &error);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  self->persons = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (all, i);

      /* Measures protect those who testify or are at risk, not the
       * defendant. */
      if (vigil_person_get_role (person) == VIGIL_PERSON_ROLE_DEFENDANT)
        continue;
      g_ptr_array_add (self->persons, g_object_ref (person));
      gtk_string_list_append (labels, vigil_person_get_pseudonym (person));
    }
  vigil_gui_combo_row_set_model (self->person_row, G_LIST_MODEL (labels));
}

static void
fill_statuses (VigilMeasureEditor *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  self->statuses = g_ptr_array_new ();
  for (guint i = 0; vigil_protection_statuses[i] != NULL; i++)
    {
      const char *status = vigil_protection_statuses[i];
      gboolean offered = self->measure == NULL
                           ? vigil_protection_status_can_change ("requested", status)
                               || g_str_equal (status, "requested")
                           : g_str_equal (status, self->measure->status)
                               || vigil_protection_status_can_change (self->measure->status,
                                                                      status);

      /* A new measure is not yet cancelled. */
      if (!offered || (self->measure == NULL && g_str_equal (status, "cancelled")))
        continue;
      g_ptr_array_add (self->statuses, (gpointer) status);
      gtk_string_list_append (labels, vigil_protection_status_label (status));
    }
  vigil_gui_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
}

/* callbacks */

static void
on_entry_activated (VigilMeasureEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
save_form (GtkWindow *window)
{
  return vigil_measure_editor_save (VIGIL_MEASURE_EDITOR (window));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilMeasureEditor *self = VIGIL_MEASURE_EDITOR (widget);
  GtkWidget *first = NULL;

  vigil_editor_save (GTK_WINDOW (self), self->form, save_form, &first);
}

/* GObject overrides */

static void
vigil_measure_editor_dispose (GObject *object)
{
  VigilMeasureEditor *self = VIGIL_MEASURE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_pointer (&self->measure, vigil_protection_data_free);
  G_OBJECT_CLASS (vigil_measure_editor_parent_class)->dispose (object);
}

static void
vigil_measure_editor_finalize (GObject *object)
{
  VigilMeasureEditor *self = VIGIL_MEASURE_EDITOR (object);

  g_free (self->case_id);
  g_free (self->hearing_id);
  g_free (self->message);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_measure_editor_parent_class)->finalize (object);
}

static void
vigil_measure_editor_class_init (VigilMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_measure_editor_dispose;
  object_class->finalize = vigil_measure_editor_finalize;

  /**
   * VigilMeasureEditor::saved:
   * @measure_id: the measure saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, details_row);
  gtk_widget_class_bind_template_child (widget_class, VigilMeasureEditor, form);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
vigil_measure_editor_init (VigilMeasureEditor *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  for (guint i = 0; vigil_protection_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, vigil_protection_kind_label (vigil_protection_kinds[i]));
  vigil_gui_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  vigil_editor_name_entry_rows (GTK_WIDGET (self));
}

/* public API */

/**
 * vigil_measure_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: an unlocked store
 * @case_id: the case
 * @hearing_id: (nullable): the hearing a new measure is arranged around
 * @measure_id: (nullable): the measure to change, or %NULL for a new one
 *
 * Returns: (transfer floating): a new editor window, not yet shown
 */
GtkWidget *
vigil_measure_editor_new (GtkWindow  *parent,
                          VigilStore *store,
                          const char *case_id,
                          const char *hearing_id,
                          const char *measure_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  VigilMeasureEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_MEASURE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = g_strdup (case_id);
  if (measure_id != NULL)
    {
      self->measure = vigil_store_get_protection_measure (store, measure_id, &error);
      if (self->measure == NULL)
        set_message (self, error->message);
    }
  self->hearing_id = g_strdup (self->measure != NULL ? self->measure->hearing_id : hearing_id);
  fill_persons (self);
  fill_statuses (self);

  if (self->measure != NULL)
    {
      g_autofree char *subtitle = NULL;

      adw_window_title_set_title (self->window_title, _("Edit Protection Measure"));
      for (guint i = 0; i < self->persons->len; i++)
        if (g_str_equal (vigil_person_get_id (self->persons->pdata[i]), self->measure->person_id))
          {
            adw_combo_row_set_selected (self->person_row, i);
            subtitle = g_strdup_printf (_("%s for %s"),
                                        vigil_protection_kind_label (self->measure->kind),
                                        vigil_person_get_pseudonym (self->persons->pdata[i]));
          }
      adw_window_title_set_subtitle (self->window_title, subtitle);
      for (guint i = 0; vigil_protection_kinds[i] != NULL; i++)
        if (g_str_equal (vigil_protection_kinds[i], self->measure->kind))
          adw_combo_row_set_selected (self->kind_row, i);
      for (guint i = 0; i < self->statuses->len; i++)
        if (g_str_equal (self->statuses->pdata[i], self->measure->status))
          adw_combo_row_set_selected (self->status_row, i);
      from = format_local (self->measure->starts_at);
      to = format_local (self->measure->ends_at);
      gtk_editable_set_text (GTK_EDITABLE (self->responsible_row),
                             self->measure->responsible != NULL ? self->measure->responsible : "");
      gtk_editable_set_text (GTK_EDITABLE (self->details_row),
                             self->measure->details != NULL ? self->measure->details : "");
    }
  else
    {
      g_autoptr (VigilHearing) hearing = NULL;

      adw_window_title_set_title (self->window_title, _("New Protection Measure"));
      if (hearing_id != NULL)
        hearing = vigil_store_get_hearing (store, hearing_id, NULL);
      if (hearing != NULL)
        {
          g_autoptr (GDateTime) start = g_date_time_add_hours (vigil_hearing_get_starts_at (hearing),
                                                               -1);
          g_autoptr (GDateTime) end = g_date_time_add_hours (vigil_hearing_get_starts_at (hearing),
                                                             4);
          g_autofree char *when = vigil_gui_format_date_time (vigil_hearing_get_starts_at (hearing));
          g_autofree char *subtitle = g_strdup_printf (_("Around the hearing of %s"), when);

          adw_window_title_set_subtitle (self->window_title, subtitle);
          from = format_local (start);
          to = format_local (end);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to != NULL ? to : "");
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

/**
 * vigil_measure_editor_save:
 *
 * Checks what is entered and saves it: a new measure with its first
 * status, or a change whose new status, if any, the history keeps. On
 * failure the editor says why and keeps everything entered.
 *
 * Returns: whether the measure was saved
 */
gboolean
vigil_measure_editor_save (VigilMeasureEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilProtectionData) data = vigil_protection_data_new ();
  g_autofree char *responsible = vigil_gui_entry_row_text (self->responsible_row);
  g_autofree char *details = vigil_gui_entry_row_text (self->details_row);
  guint person = adw_combo_row_get_selected (self->person_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_MEASURE_EDITOR (self), FALSE);

  if (person >= self->persons->len)
    {
      set_message (self, _("Person: choose whom the measure protects"));
      gtk_widget_grab_focus (GTK_WIDGET (self->person_row));
      return FALSE;
    }
  if (!parse_local (self->from_row, &data->starts_at))
    {
      set_message (self, _("From: write a date and time as 2026-03-10 07:30"));
      gtk_widget_grab_focus (GTK_WIDGET (self->from_row));
      return FALSE;
    }
  if (!parse_local (self->to_row, &data->ends_at))
    {
      set_message (self, _("Until: write a date and time as 2026-03-10 12:00"));
      gtk_widget_grab_focus (GTK_WIDGET (self->to_row));
      return FALSE;
    }
  if (self->measure != NULL)
    {
      data->id = g_strdup (self->measure->id);
      data->version = self->measure->version;
    }
  data->case_id = g_strdup (self->case_id);
  data->person_id = g_strdup (vigil_person_get_id (self->persons->pdata[person]));
  data->hearing_id = g_strdup (self->hearing_id);
  data->kind = g_strdup (kind < g_strv_length ((char **) vigil_protection_kinds)
                           ? vigil_protection_kinds[kind]
                           : vigil_protection_kinds[0]);
  data->status = g_strdup (status < self->statuses->len ? self->statuses->pdata[status]
                                                         : "requested");
  data->responsible = g_steal_pointer (&responsible);
  data->details = g_steal_pointer (&details);

  ok = self->measure != NULL ? vigil_store_save_protection_measure (self->store, data, &error)
                             : vigil_store_add_protection_measure (self->store, data, &error);
  if (!ok)
    {
      set_message (self, error->message);
      return FALSE;
    }
  set_message (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, data->id);
  return TRUE;
}

/**
 * vigil_measure_editor_get_message:
 *
 * Returns: (nullable): why the last save failed, or %NULL
 */
const char *
vigil_measure_editor_get_message (VigilMeasureEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_MEASURE_EDITOR (self), NULL);

  return self->message;
}
