/* vigil-hearing-page.c: one hearing: its checklist of standards,
 * attendance, facts and assessment
 *
 * Facts and attendance are saved as soon as they change, like the
 * checklist's entries: a monitor in the courtroom never has a Save button
 * to forget. The standards that apply follow at once.
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
#include "vigil-hearing-row.h"
#include "vigil-live-window.h"
#include "vigil-observation-row.h"

struct _VigilHearingPage
{
  AdwBin                parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
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
  VigilAssessmentGroup *assessment_group;

  VigilStore           *store;
  VigilChecklist       *checklist;
  GPtrArray            *attendance_rows;
  gboolean              filling;
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

static void
update_summary (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  GListModel *standards = vigil_checklist_get_standards (self->checklist);
  g_autofree char *described = vigil_hearing_row_describe (hearing);
  g_autofree char *progress = NULL;
  g_autofree char *summary = NULL;
  guint n = g_list_model_get_n_items (standards);

  /* Translators: "3 of 12 standards recorded" */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u standard recorded",
                                           "%u of %u standards recorded", n),
                              vigil_checklist_count_recorded (self->checklist), n);
  summary = g_strdup_printf ("%s\n%s", described, progress);
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_assessment (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);

  vigil_assessment_group_set (self->assessment_group, self->store,
                              vigil_hearing_get_case_id (hearing), vigil_hearing_get_id (hearing));
}

static void
on_attendance_toggled (GtkCheckButton *button, VigilHearingPage *self);

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
      const VigilAttendee *attendee =
        vigil_hearing_find_attendee (hearing, vigil_person_get_id (person));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *attended = gtk_check_button_new_with_label (_("Attended"));
      GtkWidget *testified = gtk_check_button_new_with_label (_("Testified"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vigil_person_get_pseudonym (person));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   vigil_enum_label (VIGIL_TYPE_PERSON_ROLE,
                                                     vigil_person_get_role (person)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (attended), attendee != NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (testified),
                                   attendee != NULL && attendee->testified);
      gtk_widget_set_sensitive (testified, attendee != NULL);
      for (GtkWidget *b = attended; b != NULL; b = b == attended ? testified : NULL)
        {
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (b), "vigil-person", g_object_ref (person),
                                  g_object_unref);
          g_object_set_data (G_OBJECT (b), "vigil-testified", GINT_TO_POINTER (b == testified));
          g_signal_connect_object (b, "toggled", G_CALLBACK (on_attendance_toggled), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      adw_preferences_group_add (self->attendance_group, row);
      g_ptr_array_add (self->attendance_rows, row);
    }
}

static void
fill_facts (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  g_autofree char *languages =
    g_strjoinv (", ", (char **) vigil_hearing_get_interpreter_languages (hearing));
  VigilHearingKind kind = vigil_hearing_get_kind (hearing);
  gboolean verdict = kind == VIGIL_HEARING_KIND_VERDICT || kind == VIGIL_HEARING_KIND_APPEAL;

  self->filling = TRUE;
  gtk_switch_set_active (self->media_switch, vigil_hearing_get_media_present (hearing));
  gtk_switch_set_active (self->interpreter_switch, vigil_hearing_get_interpreter_present (hearing));
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), languages);
  gtk_widget_set_visible (GTK_WIDGET (self->languages_row),
                          vigil_hearing_get_interpreter_present (hearing));
  gtk_switch_set_active (self->foreign_switch, vigil_hearing_get_foreign_victim (hearing));
  gtk_switch_set_active (self->interpretation_switch,
                         vigil_hearing_get_interpretation_needed (hearing));
  gtk_switch_set_active (self->compensation_switch,
                         vigil_hearing_get_compensation_route_open (hearing));
  gtk_switch_set_active (self->prosecuted_switch, vigil_hearing_get_victim_prosecuted (hearing));
  adw_combo_row_set_selected (self->outcome_row, vigil_hearing_get_outcome (hearing));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), verdict);
  gtk_editable_set_text (GTK_EDITABLE (self->charge_row),
                         vigil_hearing_get_convicted_charge (hearing) != NULL
                           ? vigil_hearing_get_convicted_charge (hearing) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->charge_row),
                          vigil_hearing_get_outcome (hearing) == VIGIL_CASE_OUTCOME_CONVICTION);
  self->filling = FALSE;
}

static void
show_hearing (VigilHearingPage *self)
{
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  g_autofree char *when = vigil_hearing_get_starts_at (hearing) != NULL
                            ? vigil_gui_format_date_time (vigil_hearing_get_starts_at (hearing))
                            : NULL;

  adw_window_title_set_subtitle (self->window_title, when);
  fill_facts (self);
  fill_attendance (self);
  update_summary (self);
  update_assessment (self);
}

/* Saves the hearing as changed on the page; on failure shows why and
 * puts back what is stored. */
static void
save_hearing (VigilHearingPage *self)
{
  g_autoptr (GError) error = NULL;
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);

  if (!vigil_hearing_validate (hearing, &error)
      || !vigil_store_save_hearing (self->store, hearing, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The hearing was not saved"), error);
  g_clear_error (&error);
  if (!vigil_checklist_reload (self->checklist, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The hearing could not be read"), error);
}

/* callbacks */

static void
on_checklist_changed (VigilHearingPage *self, const char *standard_id, VigilChecklist *checklist)
{
  if (standard_id == NULL)
    {
      /* The list itself may have changed: rebind it. */
      gtk_list_box_bind_model (self->checklist_list, vigil_checklist_get_standards (checklist),
                               create_row, self, NULL);
      show_hearing (self);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (VIGIL_IS_OBSERVATION_ROW (child)
        && g_strcmp0 (vigil_standard_get_id (vigil_observation_row_get_standard (
                        VIGIL_OBSERVATION_ROW (child))),
                      standard_id)
             == 0)
      vigil_observation_row_update (VIGIL_OBSERVATION_ROW (child));
  update_summary (self);
  update_assessment (self);
}

static void
on_fact_changed (VigilHearingPage *self)
{
  VigilHearing *hearing;

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  vigil_hearing_set_media_present (hearing, gtk_switch_get_active (self->media_switch));
  vigil_hearing_set_interpreter_present (hearing, gtk_switch_get_active (self->interpreter_switch));
  if (!gtk_switch_get_active (self->interpreter_switch))
    vigil_hearing_set_interpreter_languages (hearing, NULL);
  vigil_hearing_set_foreign_victim (hearing, gtk_switch_get_active (self->foreign_switch));
  vigil_hearing_set_interpretation_needed (hearing,
                                           gtk_switch_get_active (self->interpretation_switch));
  vigil_hearing_set_compensation_route_open (hearing,
                                             gtk_switch_get_active (self->compensation_switch));
  vigil_hearing_set_victim_prosecuted (hearing, gtk_switch_get_active (self->prosecuted_switch));
  vigil_hearing_set_outcome (hearing, adw_combo_row_get_selected (self->outcome_row));
  if (vigil_hearing_get_outcome (hearing) != VIGIL_CASE_OUTCOME_CONVICTION)
    vigil_hearing_set_convicted_charge (hearing, NULL);
  save_hearing (self);
}

static void
on_text_fact_apply (VigilHearingPage *self, AdwEntryRow *row)
{
  VigilHearing *hearing;

  if (self->filling || self->checklist == NULL)
    return;
  hearing = vigil_checklist_get_hearing (self->checklist);
  if (row == self->languages_row)
    {
      g_auto (GStrv) languages =
        vigil_gui_split_list (gtk_editable_get_text (GTK_EDITABLE (row)), ",;");

      vigil_hearing_set_interpreter_languages (hearing, (const char * const *) languages);
    }
  else
    {
      g_autofree char *charge = vigil_gui_entry_row_text (row);

      vigil_hearing_set_convicted_charge (hearing, charge);
    }
  save_hearing (self);
}

static void
on_attendance_toggled (GtkCheckButton *button, VigilHearingPage *self)
{
  VigilPerson *person = g_object_get_data (G_OBJECT (button), "vigil-person");
  gboolean is_testified = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                              "vigil-testified"));
  VigilHearing *hearing = vigil_checklist_get_hearing (self->checklist);
  const VigilAttendee *attendee = vigil_hearing_find_attendee (hearing,
                                                               vigil_person_get_id (person));

  if (is_testified)
    vigil_hearing_add_attendee (hearing, person, gtk_check_button_get_active (button));
  else if (gtk_check_button_get_active (button))
    vigil_hearing_add_attendee (hearing, person, attendee != NULL && attendee->testified);
  else
    vigil_hearing_remove_attendee (hearing, vigil_person_get_id (person));
  save_hearing (self);
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
  g_signal_connect_object (editor, "saved", G_CALLBACK (save_hearing), self, G_CONNECT_SWAPPED);
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
  g_clear_object (&self->checklist);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_hearing_page_parent_class)->dispose (object);
}

static void
vigil_hearing_page_finalize (GObject *object)
{
  VigilHearingPage *self = VIGIL_HEARING_PAGE (object);

  g_ptr_array_unref (self->attendance_rows);
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
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, window_title);
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
  gtk_widget_class_bind_template_child (widget_class, VigilHearingPage, assessment_group);
  gtk_widget_class_bind_template_callback (widget_class, on_fact_changed);
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
  gtk_list_box_set_header_func (self->checklist_list, update_header, NULL, NULL);

  /* A verdict convicts, acquits or suspends; "dropped" is no verdict. */
  for (int i = VIGIL_CASE_OUTCOME_NONE; i <= VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE; i++)
    gtk_string_list_append (outcomes, vigil_enum_label (VIGIL_TYPE_CASE_OUTCOME, i));
  vigil_gui_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));
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
      gtk_label_set_label (self->summary_label, "");
      adw_window_title_set_subtitle (self->window_title, NULL);
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
