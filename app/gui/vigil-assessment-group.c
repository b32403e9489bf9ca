/* vigil-assessment-group.c: the overall assessment of a hearing or of a
 * whole case: the grade the rule suggests, and the monitor's decision
 *
 * The rule itself is the core's (vigil-assessment.h); this group only
 * shows its result and records what the monitor decides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-assessment-group"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-assessment-data.h"
#include "vigil-assessment-group.h"
#include "vigil-catalogue.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-store-assessments.h"

struct _VigilAssessmentGroup
{
  AdwPreferencesGroup parent_instance;

  /* template children */
  AdwActionRow       *suggested_row;
  AdwComboRow        *grade_row;
  AdwEntryRow        *reason_row;
  AdwActionRow       *reason_error_row;
  AdwActionRow       *decision_row;
  GtkButton          *record_button;

  VigilStore         *store;
  char               *case_id;
  char               *hearing_id;
  /* The grade last put in the combo from the store (-1: none yet): it is
   * put there again only when that changes, so a grade being chosen
   * stays while facts or statuses change elsewhere on the page. */
  int                 shown_grade;
};

G_DEFINE_FINAL_TYPE (VigilAssessmentGroup, vigil_assessment_group, ADW_TYPE_PREFERENCES_GROUP)

/* private helpers */

/* @message beside the reason, or none; a screen reader hears it with the
 * field it is about. */
static void
show_reason_error (VigilAssessmentGroup *self, const char *message)
{
  GtkAccessible *reason =
    GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->reason_row)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_error_row),
                                 message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_error_row), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
      gtk_accessible_update_state (reason, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (reason, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
      gtk_accessible_reset_state (reason, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (reason, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
show_grade (VigilAssessmentGroup *self, VigilGrade grade)
{
  if ((int) grade == self->shown_grade)
    return;
  self->shown_grade = grade;
  adw_combo_row_set_selected (self->grade_row, grade);
}

/* Names that say what each control decides, and for what. */
static void
update_names (VigilAssessmentGroup *self)
{
  gboolean hearing = self->hearing_id != NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hearing ? _("Grade of this hearing") : _("Grade of this case"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (
                                    GTK_EDITABLE (self->reason_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for a grade other than the suggested one"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->record_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hearing ? _("Record the grade of this hearing")
                                          : _("Record the grade of this case"),
                                  -1);
}

/* callbacks */

/* A message about the reason is about the choice it was shown for. */
static void
on_choice_changed (VigilAssessmentGroup *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->reason_error_row)))
    show_reason_error (self, NULL);
}

static void
decide_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (vigil_assessment_group_decide (VIGIL_ASSESSMENT_GROUP (widget)))
    vigil_gui_toast (widget, _("Grade recorded"));
}

/* GObject overrides */

static void
vigil_assessment_group_dispose (GObject *object)
{
  VigilAssessmentGroup *self = VIGIL_ASSESSMENT_GROUP (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_assessment_group_parent_class)->dispose (object);
}

static void
vigil_assessment_group_finalize (GObject *object)
{
  VigilAssessmentGroup *self = VIGIL_ASSESSMENT_GROUP (object);

  g_free (self->case_id);
  g_free (self->hearing_id);
  G_OBJECT_CLASS (vigil_assessment_group_parent_class)->finalize (object);
}

static void
vigil_assessment_group_class_init (VigilAssessmentGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_assessment_group_dispose;
  object_class->finalize = vigil_assessment_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-assessment-group.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, suggested_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, grade_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, reason_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, reason_error_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, decision_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssessmentGroup, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  gtk_widget_class_install_action (widget_class, "assessment.decide", NULL, decide_action);
}

static void
vigil_assessment_group_init (VigilAssessmentGroup *self)
{
  g_autoptr (GtkStringList) grades = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  self->shown_grade = -1;
  grades = vigil_gui_enum_labels (VIGIL_TYPE_GRADE);
  vigil_gui_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  update_names (self);
}

/* public API */

GtkWidget *
vigil_assessment_group_new (void)
{
  return g_object_new (VIGIL_TYPE_ASSESSMENT_GROUP, NULL);
}

void
vigil_assessment_group_set (VigilAssessmentGroup *self,
                            VigilStore           *store,
                            const char           *case_id,
                            const char           *hearing_id)
{
  g_return_if_fail (VIGIL_IS_ASSESSMENT_GROUP (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));
  g_return_if_fail (store == NULL || case_id != NULL);

  g_set_object (&self->store, store);
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  g_free (self->hearing_id);
  self->hearing_id = g_strdup (hearing_id);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  show_reason_error (self, NULL);
  update_names (self);
  self->shown_grade = -1;
  vigil_assessment_group_update (self);
}

void
vigil_assessment_group_update (VigilAssessmentGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilAssessmentData) decided = NULL;
  VigilGradeTally tally = { 0 };
  VigilGrade suggested;
  g_autofree char *suggestion = NULL;

  g_return_if_fail (VIGIL_IS_ASSESSMENT_GROUP (self));

  if (self->store == NULL)
    {
      /* Nothing of a locked vault stays on screen. */
      adw_action_row_set_subtitle (self->suggested_row, "");
      adw_action_row_set_subtitle (self->decision_row, "");
      return;
    }
  if (!vigil_store_tally_observations (self->store, self->case_id, self->hearing_id, &tally,
                                       &error))
    {
      adw_action_row_set_subtitle (self->suggested_row, error->message);
      return;
    }
  suggested = vigil_grade_suggest (&tally);
  /* Translators: a grade, then how many standards were found wanting */
  suggestion = g_strdup_printf (_("%s: %u minor, %u serious and %u grave shortcomings among "
                                  "%u standards assessed"),
                                vigil_enum_label (VIGIL_TYPE_GRADE, suggested), tally.minor,
                                tally.serious, tally.grave, vigil_grade_tally_assessed (&tally));
  adw_action_row_set_subtitle (self->suggested_row, suggestion);

  decided = vigil_store_get_assessment (self->store, self->case_id, self->hearing_id, &error);
  if (decided != NULL)
    {
      g_autofree char *when = vigil_gui_format_date_time (decided->decided_at);
      g_autofree char *line = NULL;

      if (vigil_assessment_data_is_override (decided))
        /* Translators: grade, date, then the monitor's reason */
        line = g_strdup_printf (_("%s, on %s, instead of the suggestion: %s"),
                                vigil_enum_label (VIGIL_TYPE_GRADE, decided->grade), when,
                                decided->reason != NULL ? decided->reason : "");
      else
        /* Translators: grade, then date */
        line = g_strdup_printf (_("%s, confirmed on %s"),
                                vigil_enum_label (VIGIL_TYPE_GRADE, decided->grade), when);
      adw_action_row_set_subtitle (self->decision_row, line);
      show_grade (self, decided->grade);
    }
  else
    {
      adw_action_row_set_subtitle (self->decision_row, _("No grade recorded yet"));
      show_grade (self, suggested);
    }
}

gboolean
vigil_assessment_group_decide (VigilAssessmentGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilAssessmentData) decided = NULL;
  g_autofree char *reason = NULL;
  VigilGradeTally tally = { 0 };
  VigilGrade grade;

  g_return_val_if_fail (VIGIL_IS_ASSESSMENT_GROUP (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  grade = adw_combo_row_get_selected (self->grade_row);
  /* The store applies the same rule; asked first, its answer is shown
   * where the missing reason goes, and focus waits there for it. */
  if (vigil_store_tally_observations (self->store, self->case_id, self->hearing_id, &tally, NULL)
      && !vigil_assessment_check_reason_given (grade, vigil_grade_suggest (&tally), reason, NULL,
                                               &error))
    {
      show_reason_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return FALSE;
    }
  decided = vigil_store_decide_assessment (self->store, vigil_catalogue_get_default (),
                                           self->case_id, self->hearing_id, grade,
                                           reason[0] != '\0' ? reason : NULL, &error);
  if (decided == NULL)
    {
      /* The reason typed stays, to be completed. */
      vigil_gui_toast_error (GTK_WIDGET (self), _("The grade was not recorded"), error);
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  show_reason_error (self, NULL);
  self->shown_grade = -1;
  vigil_assessment_group_update (self);
  return TRUE;
}
