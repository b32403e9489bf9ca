/* vigil-live-window.c: live hearing mode, for the courtroom
 *
 * A monitor types while watching the hearing, often without looking at
 * the screen: every entry is one key (a status, a severity) or one line
 * of text and Enter (a note). Each is committed to the vault before the
 * window says "Saved", so what was shown saved survives a closed lid, a
 * crash or kill -9. An entry the vault refused keeps the text typed and
 * says why.
 *
 * One stray key must not reverse a finding unnoticed: a severity needs a
 * shortcoming to qualify, and every change of a status or severity can be
 * taken back (vigil-live-window-undo.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-live-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-live-window-private.h"
#include "vigil-observation-row.h"

G_DEFINE_FINAL_TYPE (VigilLiveWindow, vigil_live_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SAVED_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static void
update_clock (VigilLiveWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%H:%M:%S");

  gtk_label_set_label (self->clock_label, text);
}

static void
set_message (VigilLiveWindow *self, const char *what, const GError *error)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    /* Translators: what failed, then why */
    text = g_strdup_printf (_("%s: %s"), what, error->message);
  _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_ERROR, text);
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (user_data);
  VigilStandard *standard = VIGIL_STANDARD (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (vigil_standard_get_title (standard));
  g_autofree char *described =
    vigil_observation_row_describe (vigil_checklist_get_observation (
      self->checklist, vigil_standard_get_id (standard)));
  GtkWidget *status = gtk_label_new (described);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A screen reader names the row by its standard, and says its status
   * after. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vigil_standard_get_title (standard),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "vigil-standard", g_object_ref (standard),
                          g_object_unref);
  return row;
}

static void
show_current (VigilLiveWindow *self)
{
  VigilStandard *standard = vigil_live_window_get_current (self);
  const VigilObservationData *observation;
  g_autofree char *described = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);
  if (standard == NULL)
    return;

  observation = vigil_checklist_get_observation (self->checklist, vigil_standard_get_id (standard));
  described = vigil_observation_row_describe (observation);
  gtk_label_set_label (self->category_label, vigil_standard_get_category_label (standard));
  gtk_label_set_label (self->title_label, vigil_standard_get_title (standard));
  gtk_label_set_label (self->look_for_label, vigil_standard_get_look_for (standard));
  gtk_label_set_label (self->status_label, described);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list),
                          observation != NULL && observation->entries != NULL
                            && observation->entries->len > 0);
  for (guint i = 0; observation != NULL && observation->entries != NULL
                    && i < observation->entries->len; i++)
    {
      const VigilObservationNote *note = g_ptr_array_index (observation->entries, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (note->noted_at);
      g_autofree char *when = g_date_time_format (local, "%H:%M:%S");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->notes_list, row);
    }
}

static void
refresh_row (VigilLiveWindow *self, const char *standard_id)
{
  GListModel *standards = vigil_checklist_get_standards (self->checklist);
  guint n = g_list_model_get_n_items (standards);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);
      GtkListBoxRow *row;
      GtkWidget *status;
      g_autofree char *described = NULL;

      if (g_strcmp0 (vigil_standard_get_id (standard), standard_id) != 0)
        continue;
      row = gtk_list_box_get_row_at_index (self->standards_list, (int) i);
      status = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
      described = vigil_observation_row_describe (
        vigil_checklist_get_observation (self->checklist, standard_id));
      gtk_label_set_label (GTK_LABEL (status), described);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      described, -1);
    }
}

/* Whether the keyboard is in the note entry (its text child has the focus). */
static gboolean
typing_note (VigilLiveWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == GTK_WIDGET (self->note_entry)
                           || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_entry)));
}

/* Whether the list of standards is on screen: beside the current
 * standard, or over it in a narrow window. */
static gboolean
list_shown (VigilLiveWindow *self)
{
  return adw_flap_get_reveal_flap (self->flap);
}

/* Gives the keyboard to the list when it is on screen, and otherwise to
 * the window itself, which reads the keys of a live hearing all the same;
 * either way not to the note entry, where digits are text. */
static void
focus_keys (VigilLiveWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->standards_list);

  if (row != NULL && list_shown (self))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_root_set_focus (GTK_ROOT (self), NULL);
}

/* In a narrow window, uncovers the current standard. */
static void
show_pane (VigilLiveWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Makes the standard at @index, within the list, the one the keys act on. */
static void
select_index (VigilLiveWindow *self, int index)
{
  int n = (int) g_list_model_get_n_items (vigil_checklist_get_standards (self->checklist));
  GtkListBoxRow *row;

  if (n == 0)
    return;
  row = gtk_list_box_get_row_at_index (self->standards_list, CLAMP (index, 0, n - 1));
  gtk_list_box_select_row (self->standards_list, row);
  /* Keep the list's keyboard focus on what the keys act on; a note being
   * typed keeps it. */
  if (!typing_note (self))
    focus_keys (self);
}

static void
move (VigilLiveWindow *self, int delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->standards_list);

  select_index (self, row != NULL ? gtk_list_box_row_get_index (row) + delta : 0);
}

static void
set_status (VigilLiveWindow *self, guint status, const char *severity)
{
  g_autoptr (GError) error = NULL;
  VigilStandard *standard = vigil_live_window_get_current (self);
  const VigilObservationData *observation;
  g_autofree char *before_severity = NULL;
  const char *id;
  int before_status;

  if (standard == NULL)
    return;
  id = vigil_standard_get_id (standard);
  before_status = vigil_checklist_get_status (self->checklist, id);
  observation = vigil_checklist_get_observation (self->checklist, id);
  before_severity = g_strdup (observation != NULL ? observation->severity : NULL);
  if (!vigil_checklist_set_status (self->checklist, id, status, severity, &error))
    {
      set_message (self, _("Not saved"), error);
      return;
    }
  _vigil_live_window_entry_saved (self);
  _vigil_live_window_record_change (self, standard, before_status, before_severity, (int) status,
                                    severity);
}

/* The keys of a live hearing, where no text is being typed: they reach
 * the window from the list, from a button, or with nothing focused. */
static gboolean
handle_key (VigilLiveWindow *self, guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1:
    case GDK_KEY_2: case GDK_KEY_KP_2:
    case GDK_KEY_3: case GDK_KEY_KP_3:
    case GDK_KEY_4: case GDK_KEY_KP_4:
    case GDK_KEY_5: case GDK_KEY_KP_5:
      gtk_widget_activate_action (GTK_WIDGET (self), "live.status", "u",
                                  (guint) (gdk_keyval_to_unicode (keyval) - '1'));
      return TRUE;
    case GDK_KEY_7: case GDK_KEY_KP_7:
    case GDK_KEY_8: case GDK_KEY_KP_8:
    case GDK_KEY_9: case GDK_KEY_KP_9:
      gtk_widget_activate_action (GTK_WIDGET (self), "live.severity", "u",
                                  (guint) (gdk_keyval_to_unicode (keyval) - '7'));
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_n:
      show_pane (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return TRUE;
    case GDK_KEY_Escape:
      /* Back from the list to the standard, in a narrow window. */
      if (!adw_flap_get_folded (self->flap) || !list_shown (self))
        return FALSE;
      show_pane (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* callbacks */

static gboolean
on_clock_tick (gpointer user_data)
{
  update_clock (VIGIL_LIVE_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_row_selected (VigilLiveWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  show_current (self);
}

static void
on_checklist_changed (VigilLiveWindow *self, const char *standard_id, VigilChecklist *checklist)
{
  if (standard_id != NULL)
    refresh_row (self, standard_id);
  show_current (self);
}

static void
on_note_activate (VigilLiveWindow *self, GtkEntry *entry)
{
  g_autoptr (GError) error = NULL;
  VigilStandard *standard = vigil_live_window_get_current (self);
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *why = NULL;

  if (standard == NULL)
    return;
  /* A blank note is refused by the note's own rule, like any other, and
   * said so beside it: Enter that does nothing reads as "saved". */
  if (!vigil_checklist_add_note (self->checklist, vigil_standard_get_id (standard), text, &error))
    {
      /* The text stays in the entry, to try again. */
      /* Translators: why a note was not saved */
      why = g_strdup_printf (_("Note not saved. %s"), error->message);
      _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_NOTE, why);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  _vigil_live_window_entry_saved (self);
}

/* What is typed next is another try: a refusal of the last one goes. */
static void
on_note_changed (VigilLiveWindow *self, GtkEditable *entry)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->note_message_label)))
    _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_NOTE, NULL);
}

/* Digits set a status or a severity wherever the focus is but in the
 * note entry, where they are text (and never reach the window). */
static gboolean
on_window_key (VigilLiveWindow *self, guint keyval, guint keycode, GdkModifierType state,
               GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || typing_note (self)
      || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return GDK_EVENT_PROPAGATE;
  return handle_key (self, keyval) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
on_entry_key (VigilLiveWindow *self, guint keyval, guint keycode, GdkModifierType state,
              GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;
  focus_keys (self);
  return GDK_EVENT_STOP;
}

/* A standard chosen in the list of a narrow window is shown at once. */
static void
on_row_activated (VigilLiveWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  show_pane (self);
}

/* The keyboard follows the list as it shows and hides. */
static void
on_list_revealed (VigilLiveWindow *self, GParamSpec *pspec, AdwFlap *flap)
{
  if (!typing_note (self))
    focus_keys (self);
}

/* F9 or the list button: shows or hides the list. */
static void
list_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
status_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (widget);
  guint status = g_variant_get_uint32 (parameter);
  VigilStandard *standard = vigil_live_window_get_current (self);
  const VigilObservationData *observation;
  const char *severity = NULL;

  if (standard == NULL || status > VIGIL_OBSERVATION_STATUS_NOT_OBSERVED)
    return;
  /* A shortcoming keeps the severity already given; "serious" until one is. */
  if (vigil_observation_status_takes_severity (status))
    {
      observation = vigil_checklist_get_observation (self->checklist,
                                                     vigil_standard_get_id (standard));
      severity = observation != NULL && observation->severity != NULL ? observation->severity
                                                                      : "serious";
    }
  set_status (self, status, severity);
}

static void
severity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (widget);
  guint level = g_variant_get_uint32 (parameter);
  VigilStandard *standard = vigil_live_window_get_current (self);
  int status;

  if (standard == NULL || level >= g_strv_length ((char **) vigil_observation_severities))
    return;
  status = vigil_checklist_get_status (self->checklist, vigil_standard_get_id (standard));
  /* A severity says how badly a standard was missed. Guessing a
   * shortcoming from it once turned a stray key on a respected standard
   * into "not respected": without one it is refused. */
  if (status < 0 || !vigil_observation_status_takes_severity (status))
    {
      _vigil_live_window_show_message (self, VIGIL_LIVE_MESSAGE_HINT,
                                       _("Nothing changed: a severity (7, 8, 9) needs a "
                                         "shortcoming. Press 2 (partly respected) or 3 (not "
                                         "respected) first."));
      return;
    }
  set_status (self, (guint) status, vigil_observation_severities[level]);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _vigil_live_window_undo (VIGIL_LIVE_WINDOW (widget));
}

static void
note_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), g_variant_get_string (parameter, NULL));
  on_note_activate (self, self->note_entry);
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (VIGIL_LIVE_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (VIGIL_LIVE_WINDOW (widget), -1);
}

/* GObject overrides */

static void
vigil_live_window_dispose (GObject *object)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->undo_source, g_source_remove);
  if (self->standards_list != NULL)
    gtk_list_box_bind_model (self->standards_list, NULL, NULL, NULL, NULL);
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_clear_object (&self->checklist);
  G_OBJECT_CLASS (vigil_live_window_parent_class)->dispose (object);
}

static void
vigil_live_window_finalize (GObject *object)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (object);

  g_free (self->message);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_live_window_parent_class)->finalize (object);
}

static void
vigil_live_window_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  VigilLiveWindow *self = VIGIL_LIVE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SAVED_ENTRIES:
      g_value_set_uint (value, self->saved_entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_live_window_class_init (VigilLiveWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_live_window_dispose;
  object_class->finalize = vigil_live_window_finalize;
  object_class->get_property = vigil_live_window_get_property;

  properties[PROP_SAVED_ENTRIES] =
    g_param_spec_uint ("saved-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-live-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, standards_list);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, hearing_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, category_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, look_for_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, notes_list);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, note_message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, undo_label);
  gtk_widget_class_bind_template_child (widget_class, VigilLiveWindow, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_list_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);

  gtk_widget_class_install_action (widget_class, "live.status", "u", status_action);
  gtk_widget_class_install_action (widget_class, "live.severity", "u", severity_action);
  gtk_widget_class_install_action (widget_class, "live.note", "s", note_action);
  gtk_widget_class_install_action (widget_class, "live.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "live.list", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "live.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "live.previous", NULL, previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  /* Bubbling, unlike Ctrl+Down: in the note entry Ctrl+Z is the entry's,
   * for what was typed, and never takes back a finding. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "live.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "live.list", NULL);
  for (guint i = 0; i < 5; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "live.status", "u", i);
}

static void
vigil_live_window_init (VigilLiveWindow *self)
{
  static const guint down[] = { GDK_KEY_Down, GDK_KEY_KP_Down };
  static const guint up[] = { GDK_KEY_Up, GDK_KEY_KP_Up };
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  _vigil_live_window_undo_init (self);

  /* Ctrl+Down and Ctrl+Up are taken before the list sees them: a list box
   * moves only its focus ring with them, leaving the selection, and so the
   * standard every key acts on, where it was. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (down); i++)
    {
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (down[i], GDK_CONTROL_MASK),
                          gtk_named_action_new ("live.next")));
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (up[i], GDK_CONTROL_MASK),
                          gtk_named_action_new ("live.previous")));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_window_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), controller);

  update_clock (self);
  self->clock_source = g_timeout_add_seconds (1, on_clock_tick, self);
  gtk_label_set_label (self->saved_label, _("Every entry is saved as you make it"));
}

/* public API */

/**
 * vigil_live_window_new:
 * @parent: (nullable): the main window
 * @checklist: the hearing's checklist, shared with the hearing page
 *
 * Returns: (transfer floating): a new window, not yet shown
 */
GtkWidget *
vigil_live_window_new (GtkWindow *parent, VigilChecklist *checklist)
{
  VigilLiveWindow *self;
  VigilHearing *hearing;
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (checklist), NULL);

  self = g_object_new (VIGIL_TYPE_LIVE_WINDOW, "transient-for", parent, NULL);
  /* The application's shortcuts, Ctrl+L to lock above all, work here too. */
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->checklist = g_object_ref (checklist);
  hearing = vigil_checklist_get_hearing (checklist);
  if (vigil_hearing_get_starts_at (hearing) != NULL)
    {
      when = vigil_gui_format_date_time (vigil_hearing_get_starts_at (hearing));
      /* Translators: the date and time a hearing started */
      heading = g_strdup_printf (_("Hearing of %s"), when);
    }
  gtk_label_set_label (self->hearing_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->hearing_label), heading != NULL);

  gtk_list_box_bind_model (self->standards_list, vigil_checklist_get_standards (checklist),
                           create_row, self, NULL);
  g_signal_connect_object (checklist, "changed", G_CALLBACK (on_checklist_changed), self,
                           G_CONNECT_SWAPPED);
  move (self, 0);
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

guint
vigil_live_window_get_saved_entries (VigilLiveWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_LIVE_WINDOW (self), 0);

  return self->saved_entries;
}

VigilStandard *
vigil_live_window_get_current (VigilLiveWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VIGIL_IS_LIVE_WINDOW (self), NULL);

  row = gtk_list_box_get_selected_row (self->standards_list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "vigil-standard") : NULL;
}

const char *
vigil_live_window_get_message (VigilLiveWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_LIVE_WINDOW (self), NULL);

  return self->message;
}

/* private API (vigil-live-window-private.h) */

/* Shows @text (NULL: nothing) where it belongs: a refused note beside the
 * note entry, the rest above the standards. */
void
_vigil_live_window_show_message (VigilLiveWindow *self, VigilLiveMessage kind, const char *text)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);
  gboolean by_note = text != NULL && kind == VIGIL_LIVE_MESSAGE_NOTE;
  gboolean above = text != NULL && kind != VIGIL_LIVE_MESSAGE_NOTE;

  g_free (self->message);
  self->message = g_strdup (text);
  gtk_label_set_label (self->message_label, above ? text : "");
  gtk_revealer_set_reveal_child (self->message_revealer, above);
  gtk_widget_remove_css_class (label, kind == VIGIL_LIVE_MESSAGE_HINT ? "error" : "warning");
  gtk_widget_add_css_class (label, kind == VIGIL_LIVE_MESSAGE_HINT ? "warning" : "error");

  gtk_label_set_label (self->note_message_label, by_note ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_message_label), by_note);
  if (by_note)
    gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               by_note ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
_vigil_live_window_entry_saved (VigilLiveWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = NULL;

  self->saved_entries++;
  /* Translators: a time, then how many entries were saved this session */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %s · %u entry",
                                       "Saved %s · %u entries", self->saved_entries),
                          time, self->saved_entries);
  gtk_label_set_label (self->saved_label, text);
  set_message (self, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_ENTRIES]);
}

/* Selects @standard_id in the list, so the pane shows it. */
void
_vigil_live_window_select_standard (VigilLiveWindow *self, const char *standard_id)
{
  GListModel *standards = vigil_checklist_get_standards (self->checklist);
  guint n = g_list_model_get_n_items (standards);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);

      if (g_strcmp0 (vigil_standard_get_id (standard), standard_id) == 0)
        {
          select_index (self, (int) i);
          return;
        }
    }
}
