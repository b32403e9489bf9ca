/* vigil-hearing-editor.c: a window to add or edit a hearing of a case
 *
 * Times are entered in this computer's time zone and stored in UTC. A new
 * hearing starts on the next working day at 09:00, the most common
 * sitting time, so the usual entry is a date pick and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-hearing-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-editor.h"

struct _VigilHearingEditor
{
  AdwWindow       parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  AdwEntryRow    *room_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *reason_row;
  GtkWidget      *sine_die_row;
  GtkSwitch      *sine_die_switch;
  GtkSwitch      *closed_switch;
  GtkTextView    *notes_view;

  VigilStore     *store;
  char           *case_id;
  char           *hearing_id; /* NULL: a new hearing */
  char           *message;
};

G_DEFINE_FINAL_TYPE (VigilHearingEditor, vigil_hearing_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static void
set_message (VigilHearingEditor *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
}

static void
update_date_label (VigilHearingEditor *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *label = vigil_gui_format_date (day);

  gtk_menu_button_set_label (self->date_button, label);
}

static void
show_time (VigilHearingEditor *self, GDateTime *utc)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);

  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  update_date_label (self);
}

static GDateTime *
next_working_morning (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) day = g_date_time_add_days (now, 1);

  while (g_date_time_get_day_of_week (day) > 5)
    {
      GDateTime *next = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = next;
    }
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 9, 0, 0);
}

static GDateTime *
read_time (VigilHearingEditor *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);

  return vigil_gui_compose_time (NULL, g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin));
}

/* callbacks */

static void
on_day_selected (VigilHearingEditor *self, GtkCalendar *calendar)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
}

/* Two digits, so "09:05" reads as a time and not as "9:5". */
static gboolean
on_time_output (GtkSpinButton *spin, gpointer user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_status_changed (VigilHearingEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  gboolean adjourned = adw_combo_row_get_selected (row) == VIGIL_HEARING_STATUS_ADJOURNED;

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), adjourned);
  gtk_widget_set_visible (self->sine_die_row, adjourned);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (widget);

  if (vigil_hearing_editor_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject overrides */

static void
vigil_hearing_editor_dispose (GObject *object)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_hearing_editor_parent_class)->dispose (object);
}

static void
vigil_hearing_editor_finalize (GObject *object)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (object);

  g_free (self->case_id);
  g_free (self->hearing_id);
  g_free (self->message);
  G_OBJECT_CLASS (vigil_hearing_editor_parent_class)->finalize (object);
}

static void
vigil_hearing_editor_class_init (VigilHearingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_hearing_editor_dispose;
  object_class->finalize = vigil_hearing_editor_finalize;

  /**
   * VigilHearingEditor::saved:
   * @hearing: the hearing as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, VIGIL_TYPE_HEARING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-hearing-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, message_box);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, room_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, sine_die_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, sine_die_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_time_output);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
vigil_hearing_editor_init (VigilHearingEditor *self)
{
  g_autoptr (GtkStringList) kinds = NULL;
  g_autoptr (GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  kinds = vigil_gui_enum_labels (VIGIL_TYPE_HEARING_KIND);
  vigil_gui_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  statuses = vigil_gui_enum_labels (VIGIL_TYPE_HEARING_STATUS);
  vigil_gui_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

/* public API */

/**
 * vigil_hearing_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: an unlocked store
 * @case_id: the case the hearing belongs to
 * @hearing: (nullable): the hearing to edit, or %NULL for a new one
 *
 * Returns: (transfer floating): a new editor window, not yet shown
 */
GtkWidget *
vigil_hearing_editor_new (GtkWindow    *parent,
                          VigilStore   *store,
                          const char   *case_id,
                          VigilHearing *hearing)
{
  VigilHearingEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (hearing == NULL || VIGIL_IS_HEARING (hearing), NULL);

  self = g_object_new (VIGIL_TYPE_HEARING_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = g_strdup (case_id);

  if (hearing != NULL)
    {
      self->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
      adw_window_title_set_title (self->window_title, _("Edit Hearing"));
      if (vigil_hearing_get_starts_at (hearing) != NULL)
        {
          g_autofree char *when =
            vigil_gui_format_date_time (vigil_hearing_get_starts_at (hearing));

          adw_window_title_set_subtitle (self->window_title, when);
          show_time (self, vigil_hearing_get_starts_at (hearing));
        }
      gtk_editable_set_text (GTK_EDITABLE (self->room_row),
                             vigil_hearing_get_room (hearing) != NULL
                               ? vigil_hearing_get_room (hearing) : "");
      adw_combo_row_set_selected (self->kind_row, vigil_hearing_get_kind (hearing));
      adw_combo_row_set_selected (self->status_row, vigil_hearing_get_status (hearing));
      gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                             vigil_hearing_get_adjournment_reason (hearing) != NULL
                               ? vigil_hearing_get_adjournment_reason (hearing) : "");
      gtk_switch_set_active (self->closed_switch, vigil_hearing_get_closed_session (hearing));
      gtk_switch_set_active (self->sine_die_switch, vigil_hearing_get_adjourned_sine_die (hearing));
      vigil_gui_text_view_set_text (self->notes_view, vigil_hearing_get_notes (hearing));
    }
  else
    {
      g_autoptr (GDateTime) morning = next_working_morning ();
      g_autoptr (GDateTime) utc = g_date_time_to_utc (morning);

      adw_window_title_set_title (self->window_title, _("New Hearing"));
      show_time (self, utc);
      adw_combo_row_set_selected (self->kind_row, VIGIL_HEARING_KIND_MAIN);
      adw_combo_row_set_selected (self->status_row, VIGIL_HEARING_STATUS_SCHEDULED);
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

/**
 * vigil_hearing_editor_save:
 *
 * Validates what is entered and saves it in one transaction. On failure
 * the editor shows why and keeps everything entered.
 *
 * Returns: whether the hearing was saved
 */
gboolean
vigil_hearing_editor_save (VigilHearingEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) starts_at = NULL;
  g_autofree char *room = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *notes = NULL;
  VigilHearingStatus status;

  g_return_val_if_fail (VIGIL_IS_HEARING_EDITOR (self), FALSE);

  starts_at = read_time (self);
  if (starts_at == NULL)
    {
      set_message (self, _("This date and time do not exist in this computer’s time zone."));
      return FALSE;
    }

  if (self->hearing_id != NULL)
    {
      hearing = vigil_store_get_hearing (self->store, self->hearing_id, &error);
      if (hearing == NULL)
        {
          set_message (self, error->message);
          return FALSE;
        }
    }
  else
    hearing = vigil_hearing_new (self->case_id);

  status = adw_combo_row_get_selected (self->status_row);
  room = vigil_gui_entry_row_text (self->room_row);
  if (status == VIGIL_HEARING_STATUS_ADJOURNED)
    reason = vigil_gui_entry_row_text (self->reason_row);
  notes = vigil_gui_text_view_get_text (self->notes_view);

  vigil_hearing_set_starts_at (hearing, starts_at);
  vigil_hearing_set_room (hearing, room);
  vigil_hearing_set_kind (hearing, adw_combo_row_get_selected (self->kind_row));
  vigil_hearing_set_status (hearing, status);
  vigil_hearing_set_adjournment_reason (hearing, reason);
  vigil_hearing_set_adjourned_sine_die (hearing, status == VIGIL_HEARING_STATUS_ADJOURNED
                                                   && gtk_switch_get_active (self->sine_die_switch));
  vigil_hearing_set_closed_session (hearing, gtk_switch_get_active (self->closed_switch));
  vigil_hearing_set_notes (hearing, g_strstrip (notes)[0] != '\0' ? notes : NULL);

  if (!vigil_hearing_validate (hearing, &error)
      || !vigil_store_save_hearing (self->store, hearing, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }

  set_message (self, NULL);
  if (self->hearing_id == NULL)
    self->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  g_signal_emit (self, signals[SAVED], 0, hearing);
  return TRUE;
}

/**
 * vigil_hearing_editor_get_message:
 *
 * Returns: (nullable): why the last save failed, or %NULL
 */
const char *
vigil_hearing_editor_get_message (VigilHearingEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING_EDITOR (self), NULL);

  return self->message;
}
