/* vigil-risk-editor.c: a window to record a person's risk assessment
 *
 * Only victims and witnesses are offered: the level decides which
 * measures their testimony calls for (README, "What each risk level calls
 * for"). The review date starts three months on, a common rhythm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-risk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-editor-util.h"
#include "vigil-gui-util.h"
#include "vigil-risk-editor.h"
#include "vigil-store-risk-assessments.h"

struct _VigilRiskEditor
{
  AdwWindow             parent_instance;

  /* template children */
  GtkLabel             *message_label;
  AdwComboRow          *person_row;
  AdwComboRow          *level_row;
  AdwEntryRow          *review_row;
  AdwPreferencesGroup  *factors_group;
  AdwEntryRow          *assessor_row;
  GtkWidget            *form;

  VigilStore           *store;
  char                 *case_id;
  GPtrArray            *persons; /* VigilPerson */
  GPtrArray            *checks;  /* GtkCheckButton, one per factor */
  char                 *message;
};

G_DEFINE_FINAL_TYPE (VigilRiskEditor, vigil_risk_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *factor;
  const char *label;
} factor_labels[] = {
  { "defendant_network_threats", N_("Threats by the defendant’s network") },
  { "family_in_origin_country", N_("Family in the country of origin") },
  { "child", N_("A child") },
  { "earlier_intimidation", N_("Earlier intimidation") },
  { "media_exposure", N_("Media exposure") },
  { "testifies_against_organised_group", N_("Testifies against an organised group") },
  { "lives_near_defendant", N_("Lives near the defendant") },
  { "health_or_trauma", N_("Health or trauma") },
};

static const char * const level_labels[] = {
  N_("Low"), N_("Medium"), N_("High"), N_("Very high"),
};

/* private helpers */

static void
set_message (VigilRiskEditor *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static const char *
factor_label (const char *factor)
{
  for (guint i = 0; i < G_N_ELEMENTS (factor_labels); i++)
    if (g_str_equal (factor_labels[i].factor, factor))
      return _(factor_labels[i].label);
  return factor;
}

/* callbacks */

static void
on_entry_activated (VigilRiskEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
save_form (GtkWindow *window)
{
  return vigil_risk_editor_save (VIGIL_RISK_EDITOR (window));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilRiskEditor *self = VIGIL_RISK_EDITOR (widget);
  GtkWidget *first = NULL;

  vigil_editor_save (GTK_WINDOW (self), self->form, save_form, &first);
}

/* GObject overrides */

static void
vigil_risk_editor_dispose (GObject *object)
{
  VigilRiskEditor *self = VIGIL_RISK_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_risk_editor_parent_class)->dispose (object);
}

static void
vigil_risk_editor_finalize (GObject *object)
{
  VigilRiskEditor *self = VIGIL_RISK_EDITOR (object);

  g_free (self->case_id);
  g_free (self->message);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_risk_editor_parent_class)->finalize (object);
}

static void
vigil_risk_editor_class_init (VigilRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_risk_editor_dispose;
  object_class->finalize = vigil_risk_editor_finalize;

  /**
   * VigilRiskEditor::saved:
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, factors_group);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, VigilRiskEditor, form);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
vigil_risk_editor_init (VigilRiskEditor *self)
{
  g_autoptr (GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (level_labels); i++)
    gtk_string_list_append (levels, _(level_labels[i]));
  vigil_gui_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));

  /* The list of factors is the core's, and grows: a row each, from it. */
  self->checks = g_ptr_array_new ();
  for (guint i = 0; vigil_risk_factors[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = factor_label (vigil_risk_factors[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->factors_group, row);
      g_ptr_array_add (self->checks, check);
    }
  vigil_editor_name_entry_rows (GTK_WIDGET (self));
}

/* public API */

/**
 * vigil_risk_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: an unlocked store
 * @case_id: the case
 * @person_id: (nullable): the person chosen first
 *
 * Returns: (transfer floating): a new editor window, not yet shown
 */
GtkWidget *
vigil_risk_editor_new (GtkWindow  *parent,
                       VigilStore *store,
                       const char *case_id,
                       const char *person_id)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) review = g_date_time_add_months (now, 3);
  g_autofree char *review_text = g_date_time_format (review, "%Y-%m-%d");
  VigilRiskEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_RISK_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = g_strdup (case_id);
  self->persons = g_ptr_array_new_with_free_func (g_object_unref);
  all = vigil_store_list_persons (store, case_id, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (all, i);
      VigilPersonRole role = vigil_person_get_role (person);

      if (role != VIGIL_PERSON_ROLE_VICTIM && role != VIGIL_PERSON_ROLE_VICTIM_WITNESS
          && role != VIGIL_PERSON_ROLE_CHILD_VICTIM && role != VIGIL_PERSON_ROLE_WITNESS)
        continue;
      g_ptr_array_add (self->persons, g_object_ref (person));
      gtk_string_list_append (labels, vigil_person_get_pseudonym (person));
    }
  vigil_gui_combo_row_set_model (self->person_row, G_LIST_MODEL (labels));
  for (guint i = 0; person_id != NULL && i < self->persons->len; i++)
    if (g_str_equal (vigil_person_get_id (self->persons->pdata[i]), person_id))
      adw_combo_row_set_selected (self->person_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->review_row), review_text);
  gtk_editable_set_text (GTK_EDITABLE (self->assessor_row),
                         vigil_store_get_monitor (store) != NULL ? vigil_store_get_monitor (store)
                                                                 : "");
  gtk_window_set_title (GTK_WINDOW (self), _("Record a Risk Assessment"));
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

/**
 * vigil_risk_editor_save:
 *
 * Records the assessment as of now. On failure the editor says why and
 * keeps everything entered.
 *
 * Returns: whether it was recorded
 */
gboolean
vigil_risk_editor_save (VigilRiskEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilRiskAssessmentData) data = vigil_risk_assessment_data_new ();
  g_autoptr (GPtrArray) factors = g_ptr_array_new ();
  guint person = adw_combo_row_get_selected (self->person_row);
  guint level = adw_combo_row_get_selected (self->level_row);

  g_return_val_if_fail (VIGIL_IS_RISK_EDITOR (self), FALSE);

  if (person >= self->persons->len)
    {
      set_message (self, _("Person: choose whom the assessment is of"));
      return FALSE;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      g_ptr_array_add (factors, (gpointer) vigil_risk_factors[i]);
  g_ptr_array_add (factors, NULL);

  data->case_id = g_strdup (self->case_id);
  data->person_id = g_strdup (vigil_person_get_id (self->persons->pdata[person]));
  data->level = g_strdup (vigil_risk_levels[MIN (level, 3)]);
  data->assessed_at = g_date_time_new_now_utc ();
  data->review_on = vigil_gui_entry_row_text (self->review_row);
  data->assessor = vigil_gui_entry_row_text (self->assessor_row);
  vigil_risk_assessment_data_set_factors (data, (const char * const *) factors->pdata);
  if (!vigil_store_add_risk_assessment (self->store, data, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }
  set_message (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * vigil_risk_editor_get_message:
 *
 * Returns: (nullable): why the last save failed, or %NULL
 */
const char *
vigil_risk_editor_get_message (VigilRiskEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_RISK_EDITOR (self), NULL);

  return self->message;
}
