/* vigil-hearing-page.c: one hearing: its checklist of standards,
 * attendance, facts and assessment
 *
 * Facts and attendance are saved as soon as they change, like the
 * checklist's entries: a monitor in the courtroom never has a Save button
 * to forget. The standards that apply follow at once.
 *
 * A save changes only what it must on screen: a control shows what it
 * was set to, or goes back when the vault refused it, and nothing else is
 * built again. Setting a switch to the value it has still ends its
 * animation, which is how clicks on one switch used to be lost while
 * another was saved; and rows built anew under the pointer take the
 * clicks meant for the old ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-hearing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-assessment-group.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-editor.h"
#include "vigil-hearing-page.h"
#include "vigil-live-window.h"
#include "vigil-observation-row.h"

struct _VigilHearingPage
{
  AdwBin                parent_instance;

  /* template children */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *back_button;
  GtkLabel             *case_label;
  GtkLabel             *summary_label;
  GtkListBox           *checklist_list;
  AdwPreferencesGroup  *attendance_group;
  GtkSwitch            *media_switch;
  GtkSwitch            *interpreter_switch;
  AdwEntryRow          *languages_row;
  GtkSwitch            *foreign_switch;
  GtkSwitch            *interpretation_switch;
  GtkSwitch            *compensation_switch;
  GtkSwitch            *prosecuted_switch;
  AdwComboRow          *outcome_row;
  AdwEntryRow          *charge_row;
  AdwActionRow         *facts_error_row;
  VigilAssessmentGroup *assessment_group;

  VigilStore           *store;
  VigilChecklist       *checklist;
  GPtrArray            *attendance_rows;
  AdwActionRow         *attendance_error_row; /* the last of attendance_rows */
  gboolean              filling;
  /* The control whose change is being saved: it shows its new value
   * already, and is put back later if the save fails. */
  GtkWidget            *saving;
  guint                 show_stored_source;
  /* What the text rows were last set to from the store: they are set
   * again only when that changes, never over what is being typed. */
  char                 *shown_languages;
  char                 *shown_charge;
};

G_DEFINE_FINAL_TYPE (VigilHearingPage, vigil_hearing_page, ADW_TYPE_BIN)

enum
{
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_checklist_changed (VigilHearingPage *self, const char *standard_id,
                                  VigilChecklist *checklist);

/* A fact with a switch: where the switch is, and the hearing's accessors. */
typedef struct
{
  gsize      offset;
  gboolean (*get) (VigilHearing *hearing);
  void     (*set) (VigilHearing *hearing, gboolean value);
} FactSwitch;

static const FactSwitch fact_switches[] = {
  { G_STRUCT_OFFSET (VigilHearingPage, media_switch), vigil_hearing_get_media_present,
    vigil_hearing_set_media_present },
  { G_STRUCT_OFFSET (VigilHearingPage, interpreter_switch), vigil_hearing_get_interpreter_present,
    vigil_hearing_set_interpreter_present },
  { G_STRUCT_OFFSET (VigilHearingPage, foreign_switch), vigil_hearing_get_foreign_victim,
    vigil_hearing_set_foreign_victim },
  { G_STRUCT_OFFSET (VigilHearingPage, interpretation_switch),
    vigil_hearing_get_interpretation_needed, vigil_hearing_set_interpretation_needed },
  { G_STRUCT_OFFSET (VigilHearingPage, compensation_switch),
    vigil_hearing_get_compensation_route_open, vigil_hearing_set_compensation_route_open },
  { G_STRUCT_OFFSET (VigilHearingPage, prosecuted_switch), vigil_hearing_get_victim_prosecuted,
    vigil_hearing_set_victim_prosecuted },
};

/* private helpers */

static GtkWindow *
parent_window (VigilHearingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (user_data);

  return vigil_observation_row_new (self->checklist, VIGIL_STANDARD (item));
}

static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  vigil_gui_category_header (row, vigil_observation_row_get_standard (VIGIL_OBSERVATION_ROW (row)),
                             before != NULL ? vigil_observation_row_get_standard (VIGIL_OBSERVATION_ROW (before)) : NULL);
}

static GtkSwitch *
switch_of (VigilHearingPage *self, const FactSwitch *fact)
{
  return G_STRUCT_MEMBER (GtkSwitch *, self, fact->offset);
}

static void
update_summary (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  GListModel *standards = vigil_checklist_get_standards (self->checklist);
  const char *room = vigil_hearing_get_room (hearing);
  const char *reason = vigil_hearing_get_adjournment_reason (hearing);
  g_autoptr (GString) summary = g_string_new (NULL);
  guint n = g_list_model_get_n_items (standards);

  /* The kind of hearing is the header's title: here its status and room. */
  g_string_append (summary, vigil_enum_label (VIGIL_TYPE_HEARING_STATUS,
                                              vigil_hearing_get_status (hearing)));
  if (room != NULL && room[0] != '\0')
    g_string_append_printf (summary, " · %s", room);
  if (vigil_hearing_get_status (hearing) == VIGIL_HEARING_STATUS_ADJOURNED && reason != NULL
      && reason[0] != '\0')
    /* Translators: why a hearing was adjourned, on its own line */
    g_string_append_printf (summary, "\n%s %s", _("Adjourned:"), reason);
  g_string_append_c (summary, '\n');
  /* Translators: "3 of 12 standards recorded" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u of %u standard recorded",
                                                "%u of %u standards recorded", n),
                          vigil_checklist_count_recorded (self->checklist), n);
  gtk_label_set_label (self->summary_label, summary->str);
}

static void
update_assessment (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);

  vigil_assessment_group_set (self->assessment_group, self->store,
                              vigil_hearing_get_case_id (hearing), vigil_hearing_get_id (hearing));
}

/* The kind of hearing and its day in the header, and the case it belongs
 * to at the top of the page. */
static void
update_titles (VigilHearingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  g_autofree char *when = vigil_hearing_get_starts_at (hearing) != NULL
                            ? vigil_gui_format_date_time (vigil_hearing_get_starts_at (hearing))
                            : NULL;
  g_autofree char *back = NULL;

  gtk_label_set_label (self->title_label, vigil_enum_label (VIGIL_TYPE_HEARING_KIND,
                                                            vigil_hearing_get_kind (hearing)));
  gtk_label_set_label (self->subtitle_label, when != NULL ? when : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), when != NULL);

  kase = vigil_store_get_case (self->store, vigil_hearing_get_case_id (hearing), &error);
  if (kase == NULL)
    {
      gtk_label_set_label (self->case_label, "");
      vigil_gui_toast_error (GTK_WIDGET (self), _("The case could not be read"), error);
      return;
    }
  if (vigil_case_get_court (kase) != NULL && vigil_case_get_court (kase)[0] != '\0')
    {
      /* Translators: a case's reference, then its court */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), vigil_case_get_reference (kase),
                                                vigil_case_get_court (kase));

      gtk_label_set_label (self->case_label, label);
    }
  else
    gtk_label_set_label (self->case_label, vigil_case_get_reference (kase));
  /* Translators: the accessible name of the back button; %s is a case's reference */
  back = g_strdup_printf (_("Back to case %s"), vigil_case_get_reference (kase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, back, -1);
}

/* Sets @row's text as saved: AdwEntryRow shows its apply button after any
 * change of text, even one made by the program, and only pressing it or
 * Enter hid it, so a value read from the store looked unsaved. */
static void
set_saved_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Why a change through @source was not saved, under the group it was
 * made in, or nothing once a save went through. */
static void
show_save_error (VigilHearingPage *self, GtkWidget *source, const GError *error)
{
  AdwActionRow *rows[] = { self->facts_error_row, self->attendance_error_row };
  AdwActionRow *shown = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      /* Translators: why a change of the hearing was refused */
      message = g_strdup_printf (_("Not saved: %s"), error->message);
      shown = GTK_IS_CHECK_BUTTON (source) && self->attendance_error_row != NULL
                ? self->attendance_error_row : self->facts_error_row;
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL)
      {
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]),
                                       rows[i] == shown ? message : "");
        gtk_widget_set_visible (GTK_WIDGET (rows[i]), rows[i] == shown);
      }
}

static void
on_attendance_toggled (GtkCheckButton *button, VigilHearingPage *self);

/* One row per person of the case: built when the hearing is shown, and
 * then only ticked and unticked. */
static void
fill_attendance (VigilHearingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);

  for (guint i = 0; i < self->attendance_rows->len; i++)
    adw_preferences_group_remove (self->attendance_group,
                                  g_ptr_array_index (self->attendance_rows, i));
  g_ptr_array_set_size (self->attendance_rows, 0);
  self->attendance_error_row = NULL;
  show_save_error (self, NULL, NULL);

  persons = vigil_store_list_persons (self->store, vigil_hearing_get_case_id (hearing), &error);
  if (persons == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The persons of the case could not be read"),
                             error);
      return;
    }
  for (guint i = 0; i < persons->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (persons, i);
      const char *pseudonym = vigil_person_get_pseudonym (person);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *attended = gtk_check_button_new_with_label (_("Attended"));
      GtkWidget *testified = gtk_check_button_new_with_label (_("Testified"));
      /* Translators: the accessible names of a person's attendance boxes;
       * %s is a pseudonym such as V-01 */
      g_autofree char *attended_name = g_strdup_printf (_("%s attended"), pseudonym);
      g_autofree char *testified_name = g_strdup_printf (_("%s testified"), pseudonym);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pseudonym);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   vigil_enum_label (VIGIL_TYPE_PERSON_ROLE,
                                                     vigil_person_get_role (person)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (attended), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      attended_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (testified), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      testified_name, -1);
      for (GtkWidget *b = attended; b != NULL; b = b == attended ? testified : NULL)
        {
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (b), "vigil-person", g_object_ref (person),
                                  g_object_unref);
          g_object_set_data (G_OBJECT (b), "vigil-testified", GINT_TO_POINTER (b == testified));
          g_signal_connect_object (b, "toggled", G_CALLBACK (on_attendance_toggled), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      g_object_set_data (G_OBJECT (row), "vigil-attended", attended);
      g_object_set_data (G_OBJECT (row), "vigil-testified", testified);
      adw_preferences_group_add (self->attendance_group, row);
      g_ptr_array_add (self->attendance_rows, row);
    }

  /* Why a change of attendance was not saved, under the persons. */
  self->attendance_error_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->attendance_error_row), FALSE);
  adw_action_row_set_title_lines (self->attendance_error_row, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->attendance_error_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attendance_error_row), "error");
  adw_action_row_add_prefix (self->attendance_error_row,
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_error_row), FALSE);
  adw_preferences_group_add (self->attendance_group, GTK_WIDGET (self->attendance_error_row));
  g_ptr_array_add (self->attendance_rows, self->attendance_error_row);
}

static void
show_check (VigilHearingPage *self, GtkCheckButton *button, gboolean active)
{
  if (GTK_WIDGET (button) != self->saving && gtk_check_button_get_active (button) != active)
    gtk_check_button_set_active (button, active);
}

/* A person's boxes as stored; @row may be the error row, which has none. */
static void
show_attendance (VigilHearingPage *self, VigilHearing *hearing, GObject *row)
{
  GtkCheckButton *attended = g_object_get_data (row, "vigil-attended");
  GtkCheckButton *testified = g_object_get_data (row, "vigil-testified");
  const VigilAttendee *attendee;

  if (attended == NULL)
    return;
  attendee = vigil_hearing_find_attendee (
    hearing, vigil_person_get_id (g_object_get_data (G_OBJECT (attended), "vigil-person")));
  show_check (self, attended, attendee != NULL);
  show_check (self, testified, attendee != NULL && attendee->testified);
  gtk_widget_set_sensitive (GTK_WIDGET (testified), attendee != NULL);
}

/* Shows what is stored, changing only the controls that show something
 * else, and never the one whose change is being saved (it is put back
 * afterwards, outside its own signal, if the save failed). */
static void
show_stored (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  g_autofree char *languages =
    g_strjoinv (", ", (char **) vigil_hearing_get_interpreter_languages (hearing));
  const char *charge = vigil_hearing_get_convicted_charge (hearing) != NULL
                         ? vigil_hearing_get_convicted_charge (hearing) : "";
  VigilHearingKind kind = vigil_hearing_get_kind (hearing);
  gboolean verdict = kind == VIGIL_HEARING_KIND_VERDICT || kind == VIGIL_HEARING_KIND_APPEAL;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fact_switches); i++)
    {
      GtkSwitch *sw = switch_of (self, &fact_switches[i]);
      gboolean stored = fact_switches[i].get (hearing);

      if (GTK_WIDGET (sw) != self->saving && gtk_switch_get_active (sw) != stored)
        gtk_switch_set_active (sw, stored);
    }
  if (g_strcmp0 (languages, self->shown_languages) != 0)
    {
      set_saved_text (self->languages_row, languages);
      g_free (self->shown_languages);
      self->shown_languages = g_strdup (languages);
    }
  if (GTK_WIDGET (self->outcome_row) != self->saving
      && adw_combo_row_get_selected (self->outcome_row)
           != (guint) vigil_hearing_get_outcome (hearing))
    adw_combo_row_set_selected (self->outcome_row, vigil_hearing_get_outcome (hearing));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), verdict);
  if (g_strcmp0 (charge, self->shown_charge) != 0)
    {
      set_saved_text (self->charge_row, charge);
      g_free (self->shown_charge);
      self->shown_charge = g_strdup (charge);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->charge_row),
                          vigil_hearing_get_outcome (hearing) == VIGIL_CASE_OUTCOME_CONVICTION);

  for (guint i = 0; i < self->attendance_rows->len; i++)
    show_attendance (self, hearing, g_ptr_array_index (self->attendance_rows, i));
  self->filling = FALSE;
}

static gboolean
show_stored_later (gpointer data)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (data);

  self->show_stored_source = 0;
  if (self->checklist != NULL)
    show_stored (self);
  return G_SOURCE_REMOVE;
}

static void
show_hearing (VigilHearingPage *self)
{
  g_clear_pointer (&self->shown_languages, g_free);
  g_clear_pointer (&self->shown_charge, g_free);
  fill_attendance (self);
  show_stored (self);
  update_titles (self);
  update_summary (self);
  update_assessment (self);
}

/* Saves the hearing as changed through @source; then the checklist
 * follows what is stored. On failure shows why, and @source goes back to
 * what is stored once its own signal is over: setting it from inside
 * would leave it telling a screen reader the value it was clicked to.
 * Returns whether the hearing was saved. */
static gboolean
save_hearing (VigilHearingPage *self, GtkWidget *source)
{
  g_autoptr (GError) error = NULL;
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  gboolean saved;

  saved = vigil_hearing_validate (hearing, &error)
          && vigil_store_save_hearing (self->store, hearing, &error);
  show_save_error (self, source, saved ? NULL : error);
  g_clear_error (&error);
  self->saving = source;
  if (!vigil_checklist_reload (self->checklist, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The hearing could not be read"), error);
  self->saving = NULL;
  if (!saved && source != NULL && self->show_stored_source == 0)
    self->show_stored_source = g_idle_add (show_stored_later, self);
  return saved;
}

/* callbacks */

static void
on_checklist_changed (VigilHearingPage *self, const char *standard_id, VigilChecklist *checklist)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (VIGIL_IS_OBSERVATION_ROW (child)
        && (standard_id == NULL
            || g_strcmp0 (vigil_standard_get_id (vigil_observation_row_get_standard (
                            VIGIL_OBSERVATION_ROW (child))),
                          standard_id)
                 == 0))
      vigil_observation_row_update (VIGIL_OBSERVATION_ROW (child));
  /* NULL: the hearing was read again. The list keeps the rows of the
   * standards that still apply (vigil_checklist_reload()). */
  if (standard_id == NULL)
    {
      show_stored (self);
      update_titles (self);
    }
  update_summary (self);
  /* Only the suggestion and the decision: a reason being typed stays. */
  vigil_assessment_group_update (self->assessment_group);
}

static void
on_fact_toggled (VigilHearingPage *self, GParamSpec *pspec, GtkSwitch *sw)
{
  VigilHearing *hearing;
  gboolean active = gtk_switch_get_active (sw);

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  for (guint i = 0; i < G_N_ELEMENTS (fact_switches); i++)
    if (switch_of (self, &fact_switches[i]) == sw)
      fact_switches[i].set (hearing, active);
  /* Languages are only recorded with an interpreter. */
  if (sw == self->interpreter_switch && !active)
    vigil_hearing_set_interpreter_languages (hearing, NULL);
  save_hearing (self, GTK_WIDGET (sw));
}

static void
on_outcome_selected (VigilHearingPage *self, GParamSpec *pspec, AdwComboRow *row)
{
  VigilHearing *hearing;

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  vigil_hearing_set_outcome (hearing, adw_combo_row_get_selected (row));
  if (vigil_hearing_get_outcome (hearing) != VIGIL_CASE_OUTCOME_CONVICTION)
    vigil_hearing_set_convicted_charge (hearing, NULL);
  save_hearing (self, GTK_WIDGET (row));
}

static void
on_text_fact_apply (VigilHearingPage *self, AdwEntryRow *row)
{
  VigilHearing *hearing;
  char **shown;

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  if (row == self->languages_row)
    {
      g_auto (GStrv) languages =
        vigil_gui_split_list (gtk_editable_get_text (GTK_EDITABLE (row)), ",;");

      vigil_hearing_set_interpreter_languages (hearing, (const char * const *) languages);
      shown = &self->shown_languages;
    }
  else
    {
      g_autofree char *charge = vigil_gui_entry_row_text (row);

      vigil_hearing_set_convicted_charge (hearing, charge);
      shown = &self->shown_charge;
    }
  /* Refused, what was typed stays, marked, to be corrected; saved, it is
   * shown as stored ("Romanian, English" for "Romanian,English"). */
  if (!save_hearing (self, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_clear_pointer (shown, g_free);
  show_stored (self);
}

static void
on_attendance_toggled (GtkCheckButton *button, VigilHearingPage *self)
{
  VigilPerson *person = g_object_get_data (G_OBJECT (button), "vigil-person");
  gboolean is_testified = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                              "vigil-testified"));
  VigilHearing *hearing;
  const VigilAttendee *attendee;

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  attendee = vigil_hearing_find_attendee (hearing, vigil_person_get_id (person));
  if (is_testified)
    vigil_hearing_add_attendee (hearing, person, gtk_check_button_get_active (button));
  else if (gtk_check_button_get_active (button))
    vigil_hearing_add_attendee (hearing, person, attendee != NULL && attendee->testified);
  else
    vigil_hearing_remove_attendee (hearing, vigil_person_get_id (person));
  save_hearing (self, GTK_WIDGET (button));
}

static void
on_editor_saved (VigilHearingPage *self)
{
  g_autoptr (GError) error = NULL;

  /* The editor saved its own copy: read it, do not save ours over it. */
  if (self->checklist != NULL && !vigil_checklist_reload (self->checklist, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The hearing could not be read"), error);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (widget);
  VigilHearing *hearing;
  GtkWidget *editor;

  if (self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  editor = vigil_hearing_editor_new (parent_window (self), self->store,
                                     vigil_hearing_get_case_id (hearing), hearing);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
live_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (widget);
  GtkWidget *live;

  if (self->checklist == NULL)
    return;
  live = vigil_live_window_new (parent_window (self), self->checklist);
  gtk_window_present (GTK_WINDOW (live));
}

/* GObject overrides */

static void
vigil_hearing_page_dispose (GObject *object)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (object);

  if (self->checklist_list != NULL)
    gtk_list_box_bind_model (self->checklist_list, NULL, NULL, NULL, NULL);
  g_clear_handle_id (&self->show_stored_source, g_source_remove);
  g_clear_object (&self->checklist);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_hearing_page_parent_class)->dispose (object);
}

static void
vigil_hearing_page_finalize (GObject *object)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (object);

  g_ptr_array_unref (self->attendance_rows);
  g_free (self->shown_languages);
  g_free (self->shown_charge);
  G_OBJECT_CLASS (vigil_hearing_page_parent_class)->finalize (object);
}

static void
vigil_hearing_page_class_init (VigilHearingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_hearing_page_dispose;
  object_class->finalize = vigil_hearing_page_finalize;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-hearing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, case_label);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, media_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, languages_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, foreign_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, interpretation_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, compensation_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, prosecuted_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, charge_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, facts_error_row);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, assessment_group);
  gtk_widget_class_bind_template_callback (widget_class, on_fact_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_text_fact_apply);

  gtk_widget_class_install_action (widget_class, "hearing.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "hearing.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "hearing.live", NULL, live_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "hearing.back", NULL);
}

static void
vigil_hearing_page_init (VigilHearingPage *self)
{
  g_autoptr (GtkStringList) outcomes = gtk_string_list_new (NULL);

  self->attendance_rows = g_ptr_array_new ();
  g_type_ensure (VIGIL_TYPE_ASSESSMENT_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->checklist_list, update_header, NULL, NULL);

  /* A verdict convicts, acquits or suspends; "dropped" is no verdict. */
  for (int i = VIGIL_CASE_OUTCOME_NONE; i <= VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE; i++)
    gtk_string_list_append (outcomes, vigil_enum_label (VIGIL_TYPE_CASE_OUTCOME, i));
  vigil_gui_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (
                                    GTK_EDITABLE (self->languages_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Languages interpreted at this hearing, separated by commas"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (
                                    GTK_EDITABLE (self->charge_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Charge convicted on at this hearing"), -1);
}

/* public API */

GtkWidget *
vigil_hearing_page_new (void)
{
  return g_object_new (VIGIL_TYPE_HEARING_PAGE, NULL);
}

void
vigil_hearing_page_set_store (VigilHearingPage *self, VigilStore *store)
{
  g_return_if_fail (VIGIL_IS_HEARING_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  vigil_hearing_page_set_hearing (self, NULL, NULL);
}

gboolean
vigil_hearing_page_set_hearing (VigilHearingPage *self, const char *hearing_id, GError **error)
{
  g_autoptr (VigilChecklist) checklist = NULL;

  g_return_val_if_fail (VIGIL_IS_HEARING_PAGE (self), FALSE);

  if (hearing_id != NULL)
    {
      g_return_val_if_fail (self->store != NULL, FALSE);
      checklist = vigil_checklist_new (self->store, vigil_catalogue_get_default (), hearing_id,
                                       error);
      if (checklist == NULL)
        return FALSE;
    }

  gtk_list_box_bind_model (self->checklist_list, NULL, NULL, NULL, NULL);
  g_clear_handle_id (&self->show_stored_source, g_source_remove);
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_set_object (&self->checklist, checklist);
  if (self->checklist == NULL)
    {
      /* Nothing of a locked vault stays on the page, not even pseudonyms. */
      for (guint i = 0; i < self->attendance_rows->len; i++)
        adw_preferences_group_remove (self->attendance_group,
                                      g_ptr_array_index (self->attendance_rows, i));
      g_ptr_array_set_size (self->attendance_rows, 0);
      self->attendance_error_row = NULL;
      show_save_error (self, NULL, NULL);
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->case_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->languages_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->charge_row), "");
      self->filling = FALSE;
      g_clear_pointer (&self->shown_languages, g_free);
      g_clear_pointer (&self->shown_charge, g_free);
      vigil_assessment_group_set (self->assessment_group, NULL, NULL, NULL);
      return TRUE;
    }

  g_signal_connect_object (self->checklist, "changed", G_CALLBACK (on_checklist_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->checklist_list, vigil_checklist_get_standards (self->checklist),
                           create_row, self, NULL);
  show_hearing (self);
  return TRUE;
}

VigilChecklist *
vigil_hearing_page_get_checklist (VigilHearingPage *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING_PAGE (self), NULL);

  return self->checklist;
}
