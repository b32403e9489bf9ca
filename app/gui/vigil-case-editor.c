/* vigil-case-editor.c: a window to add or edit a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-case-editor.h"
#include "vigil-editor-util.h"
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
  GtkWidget      *form;

  VigilStore     *store;
  char           *case_id; /* NULL: a new case */
  char           *message;
  char           *saved_state; /* what the form held when it opened */
  GPtrArray      *shown;       /* the problems on screen */
  GtkWidget      *first_problem; /* the field of the first of them */
};

G_DEFINE_FINAL_TYPE (VigilCaseEditor, vigil_case_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

/* Shows @problems (taken), and returns the widget of the first field in
 * error. */
static GtkWidget *
show_problems (VigilCaseEditor *self, GPtrArray *problems)
{
  VigilEditorField fields[] = {
    { "reference", GTK_WIDGET (self->reference_row) },
    { "court", GTK_WIDGET (self->court_row) },
    { "jurisdiction", GTK_WIDGET (self->jurisdiction_row) },
    { "stage", GTK_WIDGET (self->stage_row) },
    { "charges", GTK_WIDGET (self->charges_view) },
    { "convicted_charge", GTK_WIDGET (self->convicted_row) },
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
set_message (VigilCaseEditor *self, const char *message)
{
  GPtrArray *problems = vigil_field_problems_new ();

  if (message != NULL)
    g_ptr_array_add (problems, vigil_field_problem_new ("store", FALSE, "%s", message));
  show_problems (self, problems);
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
  g_autofree char *convicted = vigil_gui_entry_row_text (self->convicted_row);
  g_autofree char *reference = vigil_gui_entry_row_text (self->reference_row);
  g_autofree char *court = vigil_gui_entry_row_text (self->court_row);
  g_autofree char *jurisdiction = vigil_gui_entry_row_text (self->jurisdiction_row);

  /* Spaces typed at either end of a line mean nothing; the model refuses
   * them from elsewhere. */
  vigil_case_set_reference (kase, reference);
  vigil_case_set_court (kase, court);
  vigil_case_set_jurisdiction (kase, jurisdiction);
  vigil_case_set_stage (kase, adw_combo_row_get_selected (self->stage_row));
  vigil_case_set_charges (kase, (const char * const *) charges);
  vigil_case_set_outcome (kase, outcome);
  /* A charge convicted on only means something with a conviction. */
  vigil_case_set_convicted_charge (kase, outcome == VIGIL_CASE_OUTCOME_CONVICTION
                                           ? convicted
                                           : NULL);
  vigil_case_set_adjourned_sine_die (kase, gtk_switch_get_active (self->adjourned_switch));
  vigil_case_set_notes (kase, notes[0] != '\0' ? notes : NULL);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Everything the form holds, to tell whether anything was changed. */
static char *
form_state (VigilCaseEditor *self)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autofree char *charges = NULL;

  read_form (self, kase);
  charges = g_strjoinv ("\n", (char **) vigil_case_get_charges (kase));
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%d\x1f%s\x1f%d\x1f%s",
                          or_empty (vigil_case_get_reference (kase)),
                          or_empty (vigil_case_get_court (kase)),
                          or_empty (vigil_case_get_jurisdiction (kase)),
                          vigil_case_get_stage (kase), charges, vigil_case_get_outcome (kase),
                          or_empty (vigil_case_get_convicted_charge (kase)),
                          vigil_case_get_adjourned_sine_die (kase),
                          or_empty (vigil_case_get_notes (kase)));
}

/* callbacks */

static void
on_outcome_changed (VigilCaseEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  gtk_widget_set_visible (GTK_WIDGET (self->convicted_row),
                          adw_combo_row_get_selected (row) == VIGIL_CASE_OUTCOME_CONVICTION);
}

/* A problem on screen goes as soon as its field is right. */
static void
on_form_changed (VigilCaseEditor *self)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GPtrArray) now = NULL;

  if (self->shown == NULL || self->shown->len == 0)
    return;
  read_form (self, kase);
  now = vigil_case_check (kase);
  show_problems (self, vigil_editor_still_wrong (self->shown, now));
}

static void
on_entry_activated (VigilCaseEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
on_close_request (VigilCaseEditor *self)
{
  g_autofree char *state = form_state (self);

  return vigil_editor_close_request (GTK_WINDOW (self), state, self->saved_state);
}

static gboolean
save_form (GtkWindow *window)
{
  return vigil_case_editor_save (VIGIL_CASE_EDITOR (window));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCaseEditor *self = VIGIL_CASE_EDITOR (widget);

  vigil_editor_save (GTK_WINDOW (self), self->form, save_form, &self->first_problem);
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
  g_free (self->saved_state);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, VigilCaseEditor, form);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);

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
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  stages = vigil_gui_enum_labels (VIGIL_TYPE_CASE_STAGE);
  outcomes = vigil_gui_enum_labels (VIGIL_TYPE_CASE_OUTCOME);
  vigil_gui_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  vigil_gui_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));
  {
    GtkWidget *watched[] = {
      GTK_WIDGET (self->reference_row), GTK_WIDGET (self->court_row),
      GTK_WIDGET (self->jurisdiction_row), GTK_WIDGET (self->stage_row),
      GTK_WIDGET (self->charges_view), GTK_WIDGET (self->outcome_row),
      GTK_WIDGET (self->convicted_row), GTK_WIDGET (self->notes_view),
    };

    for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
      vigil_editor_watch (watched[i], G_CALLBACK (on_form_changed), self);
  }
  vigil_editor_name_entry_rows (GTK_WIDGET (self));
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
  self->saved_state = form_state (self);
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->reference_row));
  return GTK_WIDGET (self);
}

gboolean
vigil_case_editor_save (VigilCaseEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (GPtrArray) problems = NULL;

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
  problems = vigil_case_check (kase);
  if (problems->len > 0)
    {
      self->first_problem = show_problems (self, g_steal_pointer (&problems));
      if (self->first_problem != NULL)
        gtk_widget_grab_focus (self->first_problem);
      return FALSE;
    }
  if (!vigil_store_save_case (self->store, kase, &error))
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
