/* vigil-case-editor.c: a window to add or edit a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-case-editor.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"

struct _VigilCaseEditor
{
  AdwWindow       parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  AdwEntryRow    *reference_row;
  AdwEntryRow    *court_row;
  AdwEntryRow    *jurisdiction_row;
  AdwComboRow    *stage_row;
  GtkTextView    *charges_view;
  AdwComboRow    *outcome_row;
  AdwEntryRow    *convicted_row;
  GtkSwitch      *adjourned_switch;
  GtkTextView    *notes_view;

  VigilStore     *store;
  char           *case_id; /* NULL: a new case */
  char           *message;
};

G_DEFINE_FINAL_TYPE (VigilCaseEditor, vigil_case_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static void
set_message (VigilCaseEditor *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
}

static void
fill_form (VigilCaseEditor *self, VigilCase *kase)
{
  g_autofree char *charges = g_strjoinv ("\n", (char **) vigil_case_get_charges (kase));

  gtk_editable_set_text (GTK_EDITABLE (self->reference_row),
                         vigil_case_get_reference (kase) ? vigil_case_get_reference (kase) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->court_row),
                         vigil_case_get_court (kase) ? vigil_case_get_court (kase) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->jurisdiction_row),
                         vigil_case_get_jurisdiction (kase) ? vigil_case_get_jurisdiction (kase)
                                                            : "");
  adw_combo_row_set_selected (self->stage_row, vigil_case_get_stage (kase));
  vigil_gui_text_view_set_text (self->charges_view, charges);
  adw_combo_row_set_selected (self->outcome_row, vigil_case_get_outcome (kase));
  gtk_editable_set_text (GTK_EDITABLE (self->convicted_row),
                         vigil_case_get_convicted_charge (kase)
                           ? vigil_case_get_convicted_charge (kase)
                           : "");
  gtk_switch_set_active (self->adjourned_switch, vigil_case_get_adjourned_sine_die (kase));
  vigil_gui_text_view_set_text (self->notes_view, vigil_case_get_notes (kase));
}

/* What the form says, onto @kase. */
static void
read_form (VigilCaseEditor *self, VigilCase *kase)
{
  g_autofree char *charges_text = vigil_gui_text_view_get_text (self->charges_view);
  g_auto (GStrv) charges = vigil_gui_split_list (charges_text, "\n");
  g_autofree char *notes = vigil_gui_text_view_get_text (self->notes_view);
  VigilCaseOutcome outcome = adw_combo_row_get_selected (self->outcome_row);
  g_autofree char *convicted =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->convicted_row))));

  vigil_case_set_reference (kase, gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  vigil_case_set_court (kase, gtk_editable_get_text (GTK_EDITABLE (self->court_row)));
  vigil_case_set_jurisdiction (kase, gtk_editable_get_text (GTK_EDITABLE (self->jurisdiction_row)));
  vigil_case_set_stage (kase, adw_combo_row_get_selected (self->stage_row));
  vigil_case_set_charges (kase, (const char * const *) charges);
  vigil_case_set_outcome (kase, outcome);
  /* A charge convicted on only means something with a conviction. */
  vigil_case_set_convicted_charge (kase, outcome == VIGIL_CASE_OUTCOME_CONVICTION
                                             && convicted[0] != '\0'
                                           ? convicted
                                           : NULL);
  vigil_case_set_adjourned_sine_die (kase, gtk_switch_get_active (self->adjourned_switch));
  vigil_case_set_notes (kase, notes[0] != '\0' ? notes : NULL);
}

/* callbacks */

static void
on_outcome_changed (VigilCaseEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  gtk_widget_set_visible (GTK_WIDGET (self->convicted_row),
                          adw_combo_row_get_selected (row) == VIGIL_CASE_OUTCOME_CONVICTION);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCaseEditor *self = VIGIL_CASE_EDITOR (widget);

  if (vigil_case_editor_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject overrides */

static void
vigil_case_editor_dispose (GObject *object)
{
  VigilCaseEditor *self = VIGIL_CASE_EDITOR (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_case_editor_parent_class)->dispose (object);
}

static void
vigil_case_editor_finalize (GObject *object)
{
  VigilCaseEditor *self = VIGIL_CASE_EDITOR (object);

  g_free (self->case_id);
  g_free (self->message);
  G_OBJECT_CLASS (vigil_case_editor_parent_class)->finalize (object);
}

static void
vigil_case_editor_class_init (VigilCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_case_editor_dispose;
  object_class->finalize = vigil_case_editor_finalize;

  /**
   * VigilCaseEditor::saved:
   * @kase: the case as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, VIGIL_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, message_box);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, court_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, jurisdiction_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, charges_view);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, convicted_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, adjourned_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
vigil_case_editor_init (VigilCaseEditor *self)
{
  g_autoptr (GtkStringList) stages = NULL;
  g_autoptr (GtkStringList) outcomes = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  stages = vigil_gui_enum_labels (VIGIL_TYPE_CASE_STAGE);
  outcomes = vigil_gui_enum_labels (VIGIL_TYPE_CASE_OUTCOME);
  vigil_gui_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  vigil_gui_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));
}

/* public API */

GtkWidget *
vigil_case_editor_new (GtkWindow *parent, VigilStore *store, VigilCase *kase)
{
  VigilCaseEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (kase == NULL || VIGIL_IS_CASE (kase), NULL);

  self = g_object_new (VIGIL_TYPE_CASE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (kase != NULL)
    {
      self->case_id = g_strdup (vigil_case_get_id (kase));
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      adw_window_title_set_subtitle (self->window_title, vigil_case_get_reference (kase));
      fill_form (self, kase);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Case"));
      adw_combo_row_set_selected (self->stage_row, VIGIL_CASE_STAGE_TRIAL);
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
  return GTK_WIDGET (self);
}

gboolean
vigil_case_editor_save (VigilCaseEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;

  g_return_val_if_fail (VIGIL_IS_CASE_EDITOR (self), FALSE);

  /* A fresh copy from the vault: its version is the one the save checks
   * against, and the caller's object is never left half-changed. */
  if (self->case_id != NULL)
    {
      kase = vigil_store_get_case (self->store, self->case_id, &error);
      if (kase == NULL)
        {
          set_message (self, error->message);
          return FALSE;
        }
    }
  else
    kase = vigil_case_new ();

  read_form (self, kase);
  if (!vigil_case_validate (kase, &error) || !vigil_store_save_case (self->store, kase, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }

  set_message (self, NULL);
  self->case_id = self->case_id != NULL ? self->case_id : g_strdup (vigil_case_get_id (kase));
  g_signal_emit (self, signals[SAVED], 0, kase);
  return TRUE;
}

const char *
vigil_case_editor_get_message (VigilCaseEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE_EDITOR (self), NULL);

  return self->message;
}
