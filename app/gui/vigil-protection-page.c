/* vigil-protection-page.c: the agenda of hearings, the protection arranged
 * around them and what is wrong with it, by day or by week
 *
 * The page reads the cases that meet in the days shown (a team booked
 * twice is booked at two of their hearings), at each change of the store
 * or of the days, and judges them again: a few milliseconds a case, so a
 * problem shows as soon as the change that caused it is saved. Rows are
 * the core's agenda (vigil-agenda.c), so the window, `vigil-cli agenda`
 * and the calendar export show one plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-agenda.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-measure-editor.h"
#include "vigil-protection-load.h"
#include "vigil-protection-page.h"
#include "vigil-risk-editor.h"
#include "vigil-store-protection.h"

#define ROW_KEY "vigil-agenda-row"

struct _VigilProtectionPage
{
  AdwBin          parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkToggleButton *day_button;
  GtkToggleButton *week_button;
  GtkSearchEntry *person_entry;
  GtkDropDown    *court_dropdown;
  GtkSearchEntry *agency_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;

  VigilStore     *store;
  GPtrArray      *cases;    /* VigilProtectionCaseData */
  GPtrArray      *problems; /* VigilProtectionProblem */
  GPtrArray      *rows;     /* VigilAgendaRow, of the days shown */
  GPtrArray      *shown;    /* the rows that pass the filters (not owned) */
  GtkStringList  *courts;   /* "All courts", then each court */
  GDateTime      *day;      /* local midnight of the day shown */
  gboolean        week;
  gboolean        narrow;
};

G_DEFINE_FINAL_TYPE (VigilProtectionPage, vigil_protection_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (VigilProtectionPage *self);

/* private helpers */

static GDateTime *
local_midnight (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

static void
span (VigilProtectionPage *self, GDateTime **from, GDateTime **to)
{
  if (self->week)
    {
      *from = g_date_time_add_days (self->day, 1 - g_date_time_get_day_of_week (self->day));
      *to = g_date_time_add_days (*from, 7);
    }
  else
    {
      *from = g_date_time_ref (self->day);
      *to = g_date_time_add_days (self->day, 1);
    }
}

static void
update_courts (VigilProtectionPage *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->court_dropdown);
  guint n;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    chosen = gtk_string_list_get_string (self->courts, selected);
  for (guint i = 0; self->cases != NULL && i < self->cases->len; i++)
    {
      const char *court = vigil_case_get_court (((VigilProtectionCaseData *) self->cases->pdata[i])->kase);

      if (g_hash_table_add (seen, (gpointer) court))
        g_ptr_array_add (names, (gpointer) court);
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *keep = g_strdup (chosen);

    n = g_list_model_get_n_items (G_LIST_MODEL (self->courts));
    g_signal_handlers_block_matched (self->court_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
    gtk_string_list_splice (self->courts, 1, n - 1, (const char * const *) names->pdata);
    gtk_drop_down_set_selected (self->court_dropdown, 0);
    for (guint i = 0; keep != NULL && names->pdata[i] != NULL; i++)
      if (g_str_equal (names->pdata[i], keep))
        gtk_drop_down_set_selected (self->court_dropdown, i + 1);
    g_signal_handlers_unblock_matched (self->court_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                       NULL, self);
  }
}

static void
load_span (VigilProtectionPage *self, GDateTime *from, GDateTime *to)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->cases = vigil_protection_load_span (self->store, from, to, &error);
      if (self->cases == NULL)
        vigil_gui_toast_error (GTK_WIDGET (self), _("The protection plan could not be read"),
                               error);
    }
  update_courts (self);
}

/* Buttons on a row name what they do and to whom: a screen reader reads
 * them out of the row's context. */
static GtkWidget *
row_button (const char *icon, const char *tooltip, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static char *
time_of (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%H:%M");
}

static const char *
hearing_kind_label (VigilHearing *hearing)
{
  static const char * const labels[] = {
    N_("Preliminary hearing"), N_("Main hearing"), N_("Testimony hearing"),
    N_("Verdict hearing"), N_("Appeal hearing"),
  };
  guint kind = vigil_hearing_get_kind (hearing);

  return kind < G_N_ELEMENTS (labels) ? _(labels[kind]) : "";
}

/* callbacks */

static void
on_editor_saved (VigilProtectionPage *self)
{
  /* The store's "case-changed" has done it already; a second rebuild
   * costs nothing and keeps a page without that signal right. */
  rebuild (self);
}

static void
on_add_measure (GtkButton *button, VigilProtectionPage *self)
{
  const VigilAgendaRow *row = g_object_get_data (G_OBJECT (button), ROW_KEY);
  GtkWidget *editor = vigil_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                self->store, vigil_case_get_id (row->data->kase),
                                                vigil_hearing_get_id (row->hearing), NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_edit_measure (GtkButton *button, VigilProtectionPage *self)
{
  const VigilAgendaRow *row = g_object_get_data (G_OBJECT (button), ROW_KEY);
  GtkWidget *editor = vigil_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                self->store, vigil_case_get_id (row->data->kase),
                                                NULL, row->measure->id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_assess_risk (GtkButton *button, VigilProtectionPage *self)
{
  const VigilAgendaRow *row = g_object_get_data (G_OBJECT (button), ROW_KEY);
  const char *person_id = NULL;
  GtkWidget *editor;

  for (guint a = 0; a < vigil_hearing_get_n_attendees (row->hearing); a++)
    if (vigil_hearing_get_attendee (row->hearing, a)->testified)
      {
        person_id = vigil_hearing_get_attendee (row->hearing, a)->person_id;
        break;
      }
  editor = vigil_risk_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->store, vigil_case_get_id (row->data->kase), person_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  VigilProtectionPage *page;
  char                *measure_id;
} CancelData;

static void
cancel_data_free (gpointer user_data, GClosure *closure)
{
  CancelData *data = user_data;

  g_object_unref (data->page);
  g_free (data->measure_id);
  g_free (data);
}

static void
on_cancel_response (AdwMessageDialog *dialog, const char *response, CancelData *data)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "cancel-measure") == 0 && data->page->store != NULL
      && !vigil_store_set_protection_status (data->page->store, data->measure_id, "cancelled",
                                             &error))
    vigil_gui_toast_error (GTK_WIDGET (data->page), _("The measure could not be cancelled"),
                           error);
  rebuild (data->page);
}

static void
on_cancel_measure (GtkButton *button, VigilProtectionPage *self)
{
  const VigilAgendaRow *row = g_object_get_data (G_OBJECT (button), ROW_KEY);
  g_autofree char *heading = g_strdup_printf (_("Cancel %s for %s?"),
                                              vigil_protection_kind_label (row->measure->kind),
                                              row->pseudonym != NULL ? row->pseudonym : "?");
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading,
                                              _("A cancelled measure stays in its history and "
                                                "cannot be taken up again; a new need is a new "
                                                "measure."));
  CancelData *data = g_new0 (CancelData, 1);

  data->page = g_object_ref (self);
  data->measure_id = g_strdup (row->measure->id);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep"),
                                    "cancel-measure", _("_Cancel Measure"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-measure",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_cancel_response), data,
                         cancel_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
hearing_row (VigilProtectionPage *self, const VigilAgendaRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *when = time_of (row->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *add_name = NULL;
  g_autofree char *risk_name = NULL;
  const char *room = vigil_hearing_get_room (row->hearing);
  const char *reference = vigil_case_get_reference (row->data->kase);
  GtkWidget *button;

  title = g_strdup_printf ("%s  %s · %s", when, hearing_kind_label (row->hearing), reference);
  subtitle = g_strdup_printf ("%s%s%s%s%s", vigil_case_get_court (row->data->kase),
                              room != NULL ? ", " : "", room != NULL ? room : "",
                              row->testifying != NULL ? _(" — testifying: ") : "",
                              row->testifying != NULL ? row->testifying : "");
  if (vigil_hearing_get_status (row->hearing) == VIGIL_HEARING_STATUS_ADJOURNED)
    {
      g_autofree char *adjourned = g_strdup_printf (_("%s (adjourned)"), title);

      g_free (title);
      title = g_steal_pointer (&adjourned);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_widget_add_css_class (widget, "vigil-agenda-hearing");

  {
    g_autofree char *day = vigil_gui_format_date (row->at);

    add_name = g_strdup_printf (_("Add a protection measure for the hearing of %s at %s, %s"),
                                day, when, reference);
    risk_name = g_strdup_printf (_("Record a risk assessment for a person of %s"), reference);
  }
  button = row_button ("list-add-symbolic", _("Add Measure"), add_name);
  g_object_set_data (G_OBJECT (button), ROW_KEY, (gpointer) row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_measure), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  button = row_button ("security-high-symbolic", _("Record Risk Assessment"), risk_name);
  g_object_set_data (G_OBJECT (button), ROW_KEY, (gpointer) row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_assess_risk), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  return widget;
}

static GtkWidget *
measure_row (VigilProtectionPage *self, const VigilAgendaRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  const char *kind = vigil_protection_kind_label (row->measure->kind);
  const char *pseudonym = row->pseudonym != NULL ? row->pseudonym : "?";
  g_autofree char *title = g_strdup_printf (_("%s for %s"), kind, pseudonym);
  g_autofree char *from = row->measure->starts_at != NULL ? time_of (row->measure->starts_at)
                                                          : NULL;
  g_autofree char *to = row->measure->ends_at != NULL ? time_of (row->measure->ends_at) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_name = g_strdup_printf (_("Edit %s for %s"), kind, pseudonym);
  g_autofree char *cancel_name = g_strdup_printf (_("Cancel %s for %s"), kind, pseudonym);
  GtkWidget *button;

  subtitle = from != NULL && to != NULL
               ? g_strdup_printf ("%s · %s–%s",
                                  vigil_protection_status_label (row->measure->status), from, to)
               : g_strdup (vigil_protection_status_label (row->measure->status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  gtk_widget_set_margin_start (gtk_widget_get_first_child (widget), 24);
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name (
                               g_str_equal (row->measure->status, "cancelled")
                                 ? "action-unavailable-symbolic"
                                 : vigil_protection_status_is_open (row->measure->status)
                                     ? "content-loading-symbolic"
                                     : "emblem-ok-symbolic"));
  if (g_str_equal (row->measure->status, "cancelled"))
    gtk_widget_add_css_class (widget, "dim-label");

  button = row_button ("document-edit-symbolic", _("Edit"), edit_name);
  g_object_set_data (G_OBJECT (button), ROW_KEY, (gpointer) row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_measure), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
  if (vigil_protection_status_is_open (row->measure->status))
    {
      button = row_button ("process-stop-symbolic", _("Cancel Measure"), cancel_name);
      g_object_set_data (G_OBJECT (button), ROW_KEY, (gpointer) row);
      g_signal_connect (button, "clicked", G_CALLBACK (on_cancel_measure), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), button);
    }
  return widget;
}

static GtkWidget *
problem_row (const VigilAgendaRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *subtitle = g_strdup_printf (_("%s · protects “%s”"),
                                               g_str_equal (row->problem->severity, "grave")
                                                 ? _("Grave")
                                                 : g_str_equal (row->problem->severity, "serious")
                                                     ? _("Serious")
                                                     : _("Minor"),
                                               row->problem->standard_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->problem->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (widget), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
  gtk_widget_set_margin_start (gtk_widget_get_first_child (widget), 24);
  gtk_widget_add_css_class (widget, g_str_equal (row->problem->severity, "minor") ? "warning"
                                                                                   : "error");
  return widget;
}

/* A heading over the first row of each day. */
static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  const VigilAgendaRow *agenda = g_object_get_data (G_OBJECT (row), ROW_KEY);
  const VigilAgendaRow *previous = before != NULL ? g_object_get_data (G_OBJECT (before), ROW_KEY)
                                                  : NULL;
  g_autofree char *day = agenda->at != NULL ? vigil_gui_format_date (agenda->at) : NULL;
  g_autofree char *previous_day = previous != NULL && previous->at != NULL
                                    ? vigil_gui_format_date (previous->at)
                                    : NULL;
  GtkWidget *label;

  if (day == NULL || g_strcmp0 (day, previous_day) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (day);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_header (row, label);
}

/* Before the rows they show go: a row's header is worked out from the
 * agenda row it shows, also while rows are removed. */
static void
clear_list (VigilProtectionPage *self)
{
  GtkWidget *child;

  if (self->list_box == NULL)
    return;
  gtk_list_box_set_header_func (self->list_box, NULL, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
}

static void
fill_list (VigilProtectionPage *self)
{
  g_autofree char *pseudonym = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_entry)));
  g_autofree char *agency = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agency_entry)));
  guint court = gtk_drop_down_get_selected (self->court_dropdown);
  VigilAgendaFilter filter = { pseudonym, NULL, agency };

  clear_list (self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  if (self->rows == NULL)
    return;
  if (court > 0 && court != GTK_INVALID_LIST_POSITION)
    filter.court = gtk_string_list_get_string (self->courts, court);
  self->shown = vigil_agenda_filter (self->rows, &filter);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const VigilAgendaRow *row = g_ptr_array_index (self->shown, i);
      GtkWidget *widget = row->kind == VIGIL_AGENDA_HEARING   ? hearing_row (self, row)
                          : row->kind == VIGIL_AGENDA_MEASURE ? measure_row (self, row)
                                                              : problem_row (row);

      g_object_set_data (G_OBJECT (widget), ROW_KEY, (gpointer) row);
      gtk_list_box_append (self->list_box, widget);
    }
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

static void
rebuild (VigilProtectionPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *subtitle = NULL;
  VigilProtectionSettings settings;

  span (self, &from, &to);
  last = g_date_time_add_days (to, -1);
  first_text = vigil_gui_format_date (from);
  last_text = vigil_gui_format_date (last);
  subtitle = self->week ? g_strdup_printf (_("%s to %s"), first_text, last_text)
                        : g_strdup (first_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* The rows point into the problems and cases: they go first, and the
   * widgets showing them before them. */
  clear_list (self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  load_span (self, from, to);
  if (self->cases == NULL)
    {
      fill_list (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  vigil_gui_protection_settings (&settings, now);
  self->problems = vigil_protection_check ((VigilProtectionCaseData **) self->cases->pdata,
                                           self->cases->len, NULL, &settings);
  g_hash_table_unref (settings.reflection_days);
  self->rows = vigil_agenda_build ((VigilProtectionCaseData **) self->cases->pdata,
                                   self->cases->len, self->problems, from, to, FALSE);
  fill_list (self);
}

static void
on_case_changed (VigilProtectionPage *self, const char *case_id, VigilStore *store)
{
  rebuild (self);
}

static void
on_changed_elsewhere (VigilProtectionPage *self, VigilStore *store)
{
  rebuild (self);
}

static void
on_filter_changed (VigilProtectionPage *self)
{
  fill_list (self);
}

static void
on_span_toggled (VigilProtectionPage *self, GtkToggleButton *button)
{
  gboolean week = gtk_toggle_button_get_active (self->week_button);

  if (week == self->week)
    return;
  self->week = week;
  rebuild (self);
}

static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilProtectionPage *self = VIGIL_PROTECTION_PAGE (widget);
  int days = self->week ? 7 : 1;
  GDateTime *day;

  if (g_str_equal (action_name, "protection.today"))
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      day = local_midnight (now);
    }
  else
    day = g_date_time_add_days (self->day, g_str_equal (action_name, "protection.previous")
                                             ? -days
                                             : days);
  g_date_time_unref (self->day);
  self->day = day;
  rebuild (self);
}

/* GObject overrides */

static void
vigil_protection_page_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  VigilProtectionPage *self = VIGIL_PROTECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_protection_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  VigilProtectionPage *self = VIGIL_PROTECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      if (self->narrow != g_value_get_boolean (value))
        {
          self->narrow = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_protection_page_dispose (GObject *object)
{
  VigilProtectionPage *self = VIGIL_PROTECTION_PAGE (object);

  vigil_protection_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PROTECTION_PAGE);
  G_OBJECT_CLASS (vigil_protection_page_parent_class)->dispose (object);
}

static void
vigil_protection_page_finalize (GObject *object)
{
  VigilProtectionPage *self = VIGIL_PROTECTION_PAGE (object);

  g_clear_pointer (&self->day, g_date_time_unref);
  g_clear_object (&self->courts);
  G_OBJECT_CLASS (vigil_protection_page_parent_class)->finalize (object);
}

static void
vigil_protection_page_class_init (VigilProtectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vigil_protection_page_get_property;
  object_class->set_property = vigil_protection_page_set_property;
  object_class->dispose = vigil_protection_page_dispose;
  object_class->finalize = vigil_protection_page_finalize;

  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-protection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, person_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, court_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, agency_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilProtectionPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_span_toggled);

  gtk_widget_class_install_action (widget_class, "protection.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "protection.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "protection.today", NULL, move_action);
}

static void
vigil_protection_page_init (VigilProtectionPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char * const all[] = { _("All courts"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  self->courts = gtk_string_list_new (all);
  gtk_drop_down_set_model (self->court_dropdown, G_LIST_MODEL (self->courts));
  /* GTK 4.8 leaves the drop-down's own button unnamed: a screen reader
   * would read it by its class. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->court_dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose the Court Whose Hearings Are Shown"), -1);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  self->day = local_midnight (now);
  self->week = TRUE;
}

/* public API */

GtkWidget *
vigil_protection_page_new (void)
{
  return g_object_new (VIGIL_TYPE_PROTECTION_PAGE, NULL);
}

/**
 * vigil_protection_page_set_store:
 * @store: (nullable): the unlocked store, or %NULL when the vault locks
 *
 * Reads every case's protection and shows the days chosen; follows each
 * change of the store from then on.
 */
void
vigil_protection_page_set_store (VigilProtectionPage *self, VigilStore *store)
{
  g_return_if_fail (VIGIL_IS_PROTECTION_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  clear_list (self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "case-changed", G_CALLBACK (on_case_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->list_box != NULL)
    rebuild (self);
}

void
vigil_protection_page_show (VigilProtectionPage *self, GDateTime *day, gboolean week)
{
  g_return_if_fail (VIGIL_IS_PROTECTION_PAGE (self));
  g_return_if_fail (day != NULL);

  g_date_time_unref (self->day);
  self->day = local_midnight (day);
  self->week = week;
  gtk_toggle_button_set_active (week ? self->week_button : self->day_button, TRUE);
  rebuild (self);
}

/**
 * vigil_protection_page_get_rows:
 *
 * Returns: (transfer none) (element-type VigilAgendaRow) (nullable): the
 *   rows shown
 */
GPtrArray *
vigil_protection_page_get_rows (VigilProtectionPage *self)
{
  g_return_val_if_fail (VIGIL_IS_PROTECTION_PAGE (self), NULL);

  return self->shown;
}
