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
#include <stdlib.h>
#include <string.h>

#include "vigil-editor-util.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-editor.h"
#include "vigil-protection-load.h"

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
  GtkWidget      *form;
  GtkWidget      *move_box;
  GtkLabel       *move_label;

  VigilStore     *store;
  char           *case_id;
  char           *hearing_id; /* NULL: a new hearing */
  char           *message;
  char           *saved_state; /* what the form held when it opened */
  GPtrArray      *shown;       /* the problems on screen */
  GtkWidget      *first_problem; /* the field of the first of them */
  /* The case as stored, for what a new time would break; NULL for a new
   * hearing, which nothing is arranged around yet. */
  VigilProtectionCaseData *protection;
};

/* A spin button's text that is no number in its range: kept as typed,
 * so a save can say what is wrong with it instead of taking the nearest
 * value ("99" is not 23). */
#define INVALID_TEXT "vigil-invalid-text"

G_DEFINE_FINAL_TYPE (VigilHearingEditor, vigil_hearing_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static GtkWidget *
show_problems (VigilHearingEditor *self, GPtrArray *problems)
{
  VigilEditorField fields[] = {
    { "starts_at", GTK_WIDGET (self->date_button) },
    { "time", GTK_WIDGET (self->hour_spin) },
    { "room", GTK_WIDGET (self->room_row) },
    { "kind", GTK_WIDGET (self->kind_row) },
    { "status", GTK_WIDGET (self->status_row) },
    { "adjournment_reason", GTK_WIDGET (self->reason_row) },
    { "adjourned_sine_die", GTK_WIDGET (self->sine_die_switch) },
    { "notes", GTK_WIDGET (self->notes_view) },
  };

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = problems;
  g_clear_pointer (&self->message, g_free);
  if (problems->len > 0)
    self->message = g_strdup (((VigilFieldProblem *) problems->pdata[0])->message);
  return vigil_editor_show_problems (self->message_box, self->message_label, problems, fields,
                                     G_N_ELEMENTS (fields));
}

static void
set_message (VigilHearingEditor *self, const char *message)
{
  GPtrArray *problems = vigil_field_problems_new ();

  if (message != NULL)
    g_ptr_array_add (problems, vigil_field_problem_new ("store", FALSE, "%s", message));
  show_problems (self, problems);
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

static const char *
spin_text (GtkSpinButton *spin)
{
  const char *invalid = g_object_get_data (G_OBJECT (spin), INVALID_TEXT);

  return invalid != NULL ? invalid : gtk_editable_get_text (GTK_EDITABLE (spin));
}

/* The start as entered, or NULL; what is wrong with it in
 * @out_problem. A time that is not one leaves the day to be checked at
 * the hour the spin buttons hold. */
static GDateTime *
read_time (VigilHearingEditor *self, VigilFieldProblem **out_problem)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *hour = g_strstrip (g_strdup (spin_text (self->hour_spin)));
  g_autofree char *minute = g_strstrip (g_strdup (spin_text (self->minute_spin)));
  int h = gtk_spin_button_get_value_as_int (self->hour_spin);
  int m = gtk_spin_button_get_value_as_int (self->minute_spin);
  GDateTime *time;

  /* The text, not the value: what was typed last may not have been read
   * into the value yet. */
  *out_problem = vigil_hearing_check_time_of_day (hour, minute);
  if (*out_problem == NULL)
    {
      h = atoi (hour);
      m = atoi (minute);
    }
  time = vigil_gui_compose_time (NULL, g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day), h, m);
  if (time == NULL && *out_problem == NULL)
    *out_problem = vigil_field_problem_new ("time", FALSE,
                                            _("This date and time do not exist in this "
                                              "computer’s time zone."));
  return time;
}

/* The form onto @hearing; the problem of the time, if any, in
 * @problems. */
static void
read_form (VigilHearingEditor *self, VigilHearing *hearing, GPtrArray *problems)
{
  VigilFieldProblem *time_problem = NULL;
  g_autoptr (GDateTime) starts_at = read_time (self, &time_problem);
  VigilHearingStatus status = adw_combo_row_get_selected (self->status_row);
  g_autofree char *room = vigil_gui_entry_row_text (self->room_row);
  g_autofree char *reason = NULL;
  g_autofree char *notes = vigil_gui_text_view_get_text (self->notes_view);

  vigil_field_problems_take (problems, time_problem);
  if (status == VIGIL_HEARING_STATUS_ADJOURNED)
    reason = vigil_gui_entry_row_text (self->reason_row);
  if (starts_at != NULL)
    vigil_hearing_set_starts_at (hearing, starts_at);
  vigil_hearing_set_room (hearing, room);
  vigil_hearing_set_kind (hearing, adw_combo_row_get_selected (self->kind_row));
  vigil_hearing_set_status (hearing, status);
  vigil_hearing_set_adjournment_reason (hearing, reason);
  vigil_hearing_set_adjourned_sine_die (hearing, status == VIGIL_HEARING_STATUS_ADJOURNED
                                                   && gtk_switch_get_active (self->sine_die_switch));
  vigil_hearing_set_closed_session (hearing, gtk_switch_get_active (self->closed_switch));
  vigil_hearing_set_notes (hearing, g_strstrip (notes)[0] != '\0' ? notes : NULL);
}

/* Every problem of the form: the time's, then the model's. */
static GPtrArray *
check_form (VigilHearingEditor *self, VigilHearing *hearing)
{
  g_autoptr (GPtrArray) problems = vigil_field_problems_new ();
  g_autoptr (GPtrArray) rules = NULL;

  read_form (self, hearing, problems);
  rules = vigil_hearing_check (hearing);
  for (guint i = 0; i < rules->len; i++)
    g_ptr_array_add (problems, g_steal_pointer (&rules->pdata[i]));
  g_ptr_array_set_free_func (rules, NULL);
  return g_steal_pointer (&problems);
}

static char *
form_state (VigilHearingEditor *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *notes = vigil_gui_text_view_get_text (self->notes_view);

  return g_strdup_printf ("%d-%d-%d\x1f%s\x1f%s\x1f%s\x1f%u\x1f%u\x1f%s\x1f%d\x1f%d\x1f%s",
                          g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), spin_text (self->hour_spin),
                          spin_text (self->minute_spin),
                          gtk_editable_get_text (GTK_EDITABLE (self->room_row)),
                          adw_combo_row_get_selected (self->kind_row),
                          adw_combo_row_get_selected (self->status_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                          gtk_switch_get_active (self->sine_die_switch),
                          gtk_switch_get_active (self->closed_switch), notes);
}

/* Before the move is saved, what it would break: the measures arranged
 * for the old time, said at once under the time. */
static void
update_move_warning (VigilHearingEditor *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GPtrArray) broken = NULL;
  g_autoptr (GString) text = NULL;
  VigilFieldProblem *problem = NULL;
  VigilProtectionSettings settings;

  if (self->protection == NULL)
    return;
  time = read_time (self, &problem);
  g_clear_pointer (&problem, vigil_field_problem_free);
  if (time == NULL)
    {
      gtk_widget_set_visible (self->move_box, FALSE);
      return;
    }
  vigil_gui_protection_settings (&settings, now);
  broken = vigil_protection_check_move (self->protection, self->hearing_id, time, &settings);
  g_hash_table_unref (settings.reflection_days);
  if (broken->len == 0)
    {
      gtk_widget_set_visible (self->move_box, FALSE);
      gtk_label_set_text (self->move_label, "");
      return;
    }
  text = g_string_new (NULL);
  g_string_printf (text,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Moving the hearing to this time breaks %u thing arranged "
                                "around it:",
                                "Moving the hearing to this time breaks %u things arranged "
                                "around it:",
                                broken->len),
                   broken->len);
  for (guint i = 0; i < broken->len; i++)
    g_string_append_printf (text, "\n• %s",
                            ((VigilProtectionProblem *) broken->pdata[i])->message);
  gtk_label_set_text (self->move_label, text->str);
  gtk_widget_set_visible (self->move_box, TRUE);
}

/* callbacks */

static void
on_day_selected (VigilHearingEditor *self, GtkCalendar *calendar)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
}

/* What is typed is read as a whole number in the range or kept as it is,
 * never brought into the range. */
static int
on_time_input (GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  double lower, upper;
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  gtk_spin_button_get_range (spin, &lower, &upper);
  if (end == text || *end != '\0' || value < lower || value > upper)
    {
      g_object_set_data_full (G_OBJECT (spin), INVALID_TEXT, g_strdup (text), g_free);
      *new_value = gtk_spin_button_get_value (spin);
      return TRUE;
    }
  g_object_set_data (G_OBJECT (spin), INVALID_TEXT, NULL);
  *new_value = value;
  return TRUE;
}

/* Two digits, so "09:05" reads as a time and not as "9:5". */
static gboolean
on_time_output (GtkSpinButton *spin, gpointer user_data)
{
  g_autofree char *text = NULL;

  /* Keeps what was typed in view, for the person to correct. */
  if (g_object_get_data (G_OBJECT (spin), INVALID_TEXT) != NULL)
    return TRUE;
  text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));
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

/* A problem on screen goes as soon as its field is right. */
static void
on_form_changed (VigilHearingEditor *self)
{
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GPtrArray) now = NULL;

  if (self->shown == NULL || self->shown->len == 0)
    return;
  hearing = vigil_hearing_new (self->case_id);
  now = check_form (self, hearing);
  show_problems (self, vigil_editor_still_wrong (self->shown, now));
}

static void
on_entry_activated (VigilHearingEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
on_close_request (VigilHearingEditor *self)
{
  g_autofree char *state = form_state (self);

  return vigil_editor_close_request (GTK_WINDOW (self), state, self->saved_state);
}

static gboolean
save_form (GtkWindow *window)
{
  return vigil_hearing_editor_save (VIGIL_HEARING_EDITOR (window));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (widget);

  vigil_editor_save (GTK_WINDOW (self), self->form, save_form, &self->first_problem);
}

/* GObject overrides */

static void
vigil_hearing_editor_dispose (GObject *object)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->protection, vigil_protection_case_data_free);
  G_OBJECT_CLASS (vigil_hearing_editor_parent_class)->dispose (object);
}

static void
vigil_hearing_editor_finalize (GObject *object)
{
  VigilHearingEditor *self = VIGIL_HEARING_EDITOR (object);

  g_free (self->case_id);
  g_free (self->hearing_id);
  g_free (self->message);
  g_free (self->saved_state);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, form);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, move_box);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingEditor, move_label);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_time_input);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
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
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  kinds = vigil_gui_enum_labels (VIGIL_TYPE_HEARING_KIND);
  vigil_gui_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  statuses = vigil_gui_enum_labels (VIGIL_TYPE_HEARING_STATUS);
  vigil_gui_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  {
    GtkWidget *watched[] = {
      GTK_WIDGET (self->calendar), GTK_WIDGET (self->hour_spin),
      GTK_WIDGET (self->minute_spin), GTK_WIDGET (self->room_row),
      GTK_WIDGET (self->kind_row), GTK_WIDGET (self->status_row),
      GTK_WIDGET (self->reason_row), GTK_WIDGET (self->sine_die_switch),
      GTK_WIDGET (self->notes_view),
    };

    for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
      vigil_editor_watch (watched[i], G_CALLBACK (on_form_changed), self);
    for (guint i = 0; i < 3; i++)
      vigil_editor_watch (watched[i], G_CALLBACK (update_move_warning), self);
  }
  vigil_editor_name_entry_rows (GTK_WIDGET (self));
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
      /* Read once: the warning follows each change of the time at once,
       * without the store. A case that cannot be read only goes without
       * the warning; the save says what is wrong. */
      self->protection = vigil_protection_load_case (store, case_id, NULL);
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
  self->saved_state = form_state (self);
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
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (VIGIL_IS_HEARING_EDITOR (self), FALSE);

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

  problems = check_form (self, hearing);
  if (problems->len > 0)
    {
      self->first_problem = show_problems (self, g_steal_pointer (&problems));
      if (self->first_problem != NULL)
        gtk_widget_grab_focus (self->first_problem);
      return FALSE;
    }
  if (!vigil_store_save_hearing (self->store, hearing, &error))
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
 * vigil_hearing_editor_get_move_warning:
 *
 * Returns: (nullable): what moving the hearing to the time entered would
 *   break, as shown, or %NULL when nothing
 */
const char *
vigil_hearing_editor_get_move_warning (VigilHearingEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING_EDITOR (self), NULL);

  return gtk_widget_get_visible (self->move_box) ? gtk_label_get_text (self->move_label) : NULL;
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
