/* vigil-person-editor.c: a window to add or edit a person of a case
 *
 * Editing an existing person does not load their identity on its own:
 * it comes from the case page when it was revealed there, or after the
 * editor's own confirmed reveal. Until then the identity and the notes
 * sealed with it are neither shown nor written.
 *
 * An existing person can also be erased from here, after a question that
 * says what goes for good; the core does the erasing (and the rewriting
 * of the case's texts that named them), the editor only says what it did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-editor-util.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-gui-util.h"
#include "vigil-person-editor.h"
#include "vigil-record-rules.h"

struct _VigilPersonEditor
{
  AdwWindow       parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  AdwComboRow    *role_row;
  AdwEntryRow    *pseudonym_row;
  GtkSwitch      *child_switch;
  AdwEntryRow    *identified_row;
  GtkWidget      *identity_list;
  GtkWidget      *identity_hidden_list;
  AdwEntryRow    *full_name_row;
  AdwEntryRow    *aliases_row;
  AdwEntryRow    *birth_row;
  AdwEntryRow    *nationality_row;
  AdwEntryRow    *languages_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *address_row;
  GtkWidget      *notes_group;
  GtkTextView    *notes_view;
  GtkWidget      *reveal_button;
  GtkWidget      *erase_button;
  GtkWidget      *form;

  VigilStore     *store;
  char           *saved_state; /* what the form held when it opened */
  GPtrArray      *shown;       /* the problems on screen */
  GtkWidget      *first_problem; /* the field of the first of them */
  char           *case_id;
  char           *person_id;  /* NULL: a new person */
  char           *pseudonym;  /* as stored: what an erase names them by */
  char           *message;
  gboolean        identity_shown;
  gboolean        pseudonym_suggested; /* the text is ours, not the person's */
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (VigilPersonEditor, vigil_person_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static GtkWidget *
show_problems (VigilPersonEditor *self, GPtrArray *problems)
{
  VigilEditorField fields[] = {
    { "role", GTK_WIDGET (self->role_row) },
    { "pseudonym", GTK_WIDGET (self->pseudonym_row) },
    { "is_child", GTK_WIDGET (self->child_switch) },
    { "identified_on", GTK_WIDGET (self->identified_row) },
    { "full_name", GTK_WIDGET (self->full_name_row) },
    { "aliases", GTK_WIDGET (self->aliases_row) },
    { "date_of_birth", GTK_WIDGET (self->birth_row) },
    { "nationality", GTK_WIDGET (self->nationality_row) },
    { "languages", GTK_WIDGET (self->languages_row) },
    { "phone", GTK_WIDGET (self->phone_row) },
    { "address", GTK_WIDGET (self->address_row) },
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
set_message (VigilPersonEditor *self, const char *message)
{
  GPtrArray *problems = vigil_field_problems_new ();

  if (message != NULL)
    g_ptr_array_add (problems, vigil_field_problem_new ("store", FALSE, "%s", message));
  show_problems (self, problems);
}

static void
set_text (VigilPersonEditor *self, AdwEntryRow *row, const char *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->filling = FALSE;
}

static void
set_list (VigilPersonEditor *self, AdwEntryRow *row, char **values)
{
  g_autofree char *joined = values != NULL ? g_strjoinv (", ", values) : NULL;

  set_text (self, row, joined);
}

static char **
row_list (AdwEntryRow *row)
{
  return vigil_gui_split_list (gtk_editable_get_text (GTK_EDITABLE (row)), ",;");
}

static void
show_identity (VigilPersonEditor *self, const VigilIdentity *identity, const char *notes)
{
  self->identity_shown = TRUE;
  if (identity != NULL)
    {
      set_text (self, self->full_name_row, identity->full_name);
      set_list (self, self->aliases_row, identity->aliases);
      set_text (self, self->birth_row, identity->date_of_birth);
      set_text (self, self->nationality_row, identity->nationality);
      set_list (self, self->languages_row, identity->languages);
      set_text (self, self->phone_row, identity->phone);
      set_text (self, self->address_row, identity->address);
    }
  vigil_gui_text_view_set_text (self->notes_view, notes);
  gtk_widget_set_visible (self->identity_list, TRUE);
  gtk_widget_set_visible (self->identity_hidden_list, FALSE);
  gtk_widget_set_visible (self->notes_group, TRUE);
}

static VigilIdentity *
read_identity (VigilPersonEditor *self)
{
  VigilIdentity *identity = vigil_identity_new ();
  g_auto (GStrv) aliases = row_list (self->aliases_row);
  g_auto (GStrv) languages = row_list (self->languages_row);

  identity->full_name = vigil_gui_entry_row_text (self->full_name_row);
  identity->aliases = aliases[0] != NULL ? g_steal_pointer (&aliases) : NULL;
  identity->date_of_birth = vigil_gui_entry_row_text (self->birth_row);
  identity->nationality = vigil_gui_entry_row_text (self->nationality_row);
  identity->languages = languages[0] != NULL ? g_steal_pointer (&languages) : NULL;
  identity->phone = vigil_gui_entry_row_text (self->phone_row);
  identity->address = vigil_gui_entry_row_text (self->address_row);
  return identity;
}

static void
suggest_pseudonym (VigilPersonEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pseudonym = NULL;

  pseudonym = vigil_store_next_pseudonym (self->store, self->case_id,
                                          adw_combo_row_get_selected (self->role_row), &error);
  if (pseudonym == NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_text (self, self->pseudonym_row, pseudonym);
  self->pseudonym_suggested = TRUE;
}

/* The form onto @person; the identity when it is shown, or NULL. */
static VigilIdentity *
read_form (VigilPersonEditor *self, VigilPerson *person)
{
  g_autofree char *pseudonym = vigil_gui_entry_row_text (self->pseudonym_row);

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, adw_combo_row_get_selected (self->role_row));
  vigil_person_set_is_child (person, gtk_switch_get_active (self->child_switch));
  {
    g_autofree char *identified = vigil_gui_entry_row_text (self->identified_row);

    /* A day that is none is said at its field by check_form(), not as
     * the person's first problem. */
    vigil_person_set_identified_on (person, identified != NULL
                                                && vigil_record_date_is_valid (identified)
                                              ? identified
                                              : NULL);
  }
  if (self->identity_shown)
    {
      g_autofree char *notes = vigil_gui_text_view_get_text (self->notes_view);

      vigil_person_set_notes (person, notes[0] != '\0' ? notes : NULL);
      return read_identity (self);
    }
  return NULL;
}

/* Every problem of the person and their identity, warnings too. */
static GPtrArray *
check_form (VigilPersonEditor *self, VigilPerson *person)
{
  g_autoptr (VigilIdentity) identity = read_form (self, person);
  g_autoptr (GPtrArray) problems = vigil_field_problems_new ();
  g_autoptr (GError) error = NULL;

  /* The person's rules stop at the first: the pseudonym's, or a child
   * victim not marked as a child. The identity's are listed each at its
   * field. */
  if (!vigil_person_validate (person, &error))
    g_ptr_array_add (problems,
                     vigil_field_problem_new (vigil_person_get_role (person)
                                                  == VIGIL_PERSON_ROLE_CHILD_VICTIM
                                                  && !vigil_person_get_is_child (person)
                                                ? "is_child"
                                                : "pseudonym",
                                              FALSE, "%s", error->message));
  {
    g_autofree char *identified = vigil_gui_entry_row_text (self->identified_row);

    if (identified != NULL && !vigil_record_date_is_valid (identified))
      g_ptr_array_add (problems,
                       vigil_field_problem_new ("identified_on", FALSE,
                                                _("Identified: “%s” is not a day; write it "
                                                  "as 2026-01-15"),
                                                identified));
  }
  if (identity != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GPtrArray) rules = vigil_person_check_identity (person, identity, now);

      for (guint i = 0; i < rules->len; i++)
        g_ptr_array_add (problems, g_steal_pointer (&rules->pdata[i]));
      g_ptr_array_set_free_func (rules, NULL);
    }
  return g_steal_pointer (&problems);
}

static char *
form_state (VigilPersonEditor *self)
{
  g_autoptr (GString) state = g_string_new (NULL);
  AdwEntryRow *rows[] = {
    self->pseudonym_row, self->full_name_row, self->aliases_row, self->birth_row,
    self->nationality_row, self->languages_row, self->phone_row, self->address_row,
  };
  g_autofree char *notes = vigil_gui_text_view_get_text (self->notes_view);

  g_string_append_printf (state, "%u\x1f%d", adw_combo_row_get_selected (self->role_row),
                          gtk_switch_get_active (self->child_switch));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (state, "\x1f%s", gtk_editable_get_text (GTK_EDITABLE (rows[i])));
  g_string_append_printf (state, "\x1f%s",
                          gtk_editable_get_text (GTK_EDITABLE (self->identified_row)));
  g_string_append_printf (state, "\x1f%s", notes);
  return g_string_free (g_steal_pointer (&state), FALSE);
}

/* callbacks */

static void
on_role_changed (VigilPersonEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  if (adw_combo_row_get_selected (row) == VIGIL_PERSON_ROLE_CHILD_VICTIM)
    gtk_switch_set_active (self->child_switch, TRUE);
  if (self->person_id == NULL && self->pseudonym_suggested && self->store != NULL)
    suggest_pseudonym (self);
}

static void
on_pseudonym_changed (VigilPersonEditor *self, GtkEditable *editable)
{
  if (!self->filling)
    self->pseudonym_suggested = FALSE;
}

static void
on_reveal_confirmed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (VigilPersonEditor) self = VIGIL_PERSON_EDITOR (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = NULL;

  if (!vigil_gui_confirm_reveal_finish (result, NULL) || self->store == NULL)
    return;

  person = vigil_store_get_person (self->store, self->person_id, &error);
  if (person != NULL)
    identity = vigil_store_load_identity (self->store, person, &error);
  if (error != NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_identity (self, identity, vigil_person_get_notes (person));
}

/* What the erase of @pseudonym did to the case's texts, for a toast or
 * a dialog. */
static char *
erased_message (const char *pseudonym, guint n_texts)
{
  if (n_texts == 0)
    /* Translators: %s is a pseudonym such as V-01 */
    return g_strdup_printf (_("%s was erased; no text of the case named them"), pseudonym);
  /* Translators: the first and last %s are a pseudonym such as V-01 */
  return g_strdup_printf (ngettext ("%s was erased; %u text of the case that named them now "
                                    "says %s",
                                    "%s was erased; %u texts of the case that named them now "
                                    "say %s",
                                    n_texts),
                          pseudonym, n_texts, pseudonym);
}

static gboolean
destroy_editor (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The erase stands, but another program kept the old copies in the file:
 * said in a dialog, since it asks something of the person (to close that
 * program), which a toast would take away before it was read. */
static void
show_erase_pending (GtkWindow *parent, const char *pseudonym, const char *done,
                    const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, NULL, NULL);
  /* Translators: %s is a pseudonym such as V-01 */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("%s Was Erased, but Old Copies Remain"), pseudonym);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s.\n\n%s.", done,
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  vigil_gui_keep_own_names (dialog);
  vigil_gui_watch_activity (parent, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_erase_response (VigilPersonEditor *self, const char *response, AdwMessageDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n_texts = 0;

  if (!g_str_equal (response, "erase") || self->store == NULL || self->person_id == NULL)
    return;

  if (!vigil_store_erase_person (self->store, self->person_id, &n_texts, &error)
      && !g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_BUSY))
    {
      g_autofree char *what = NULL;

      /* Translators: %s is a pseudonym such as V-01 */
      what = g_strdup_printf (_("%s could not be erased"), self->pseudonym);
      vigil_gui_toast_error (GTK_WIDGET (self), what, error);
      return;
    }

  /* Nothing of theirs is left to edit: the editor goes at once, without
   * asking about changes to a person who no longer exists. What was done
   * is said over the window the editor came from. */
  done = erased_message (self->pseudonym, n_texts);
  if (error != NULL)
    show_erase_pending (parent, self->pseudonym, done, error);
  else
    vigil_gui_toast (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self), done);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* Once the dialog, which belongs to the editor, is done with its
   * answer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_editor, g_object_ref (self), g_object_unref);
}

static void
erase_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilPersonEditor *self = VIGIL_PERSON_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *erase = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is a pseudonym such as V-01 */
  adw_message_dialog_format_heading (dialog, _("Erase %s for Good?"), self->pseudonym);
  adw_message_dialog_format_body (
    dialog,
    /* Translators: %s is a pseudonym such as V-01 */
    _("Their identity, contacts and whereabouts, their consents, and the notes about them are "
      "destroyed, with the key that seals them. Where the notes and entries of the case name "
      "them, they will say %s instead.\n\n"
      "This cannot be undone. Exports made earlier are not reached: what they hold stays there."),
    self->pseudonym);
  /* Translators: %s is a pseudonym such as V-01 */
  erase = g_strdup_printf (_("_Erase %s"), self->pseudonym);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "erase", erase, NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  /* A stray Enter or Escape keeps the person. */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  vigil_gui_keep_own_names (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), self,
                           G_CONNECT_SWAPPED);
  vigil_gui_watch_activity (GTK_WINDOW (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reveal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilPersonEditor *self = VIGIL_PERSON_EDITOR (widget);

  vigil_gui_confirm_reveal (widget, gtk_editable_get_text (GTK_EDITABLE (self->pseudonym_row)),
                            on_reveal_confirmed, g_object_ref (self));
}

/* A problem on screen goes as soon as its field is right. */
static void
on_form_changed (VigilPersonEditor *self)
{
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (GPtrArray) now = NULL;

  if (self->shown == NULL || self->shown->len == 0)
    return;
  person = vigil_person_new (self->case_id);
  now = check_form (self, person);
  show_problems (self, vigil_editor_still_wrong (self->shown, now));
}

static void
on_entry_activated (VigilPersonEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
on_close_request (VigilPersonEditor *self)
{
  g_autofree char *state = form_state (self);

  return vigil_editor_close_request (GTK_WINDOW (self), state, self->saved_state);
}

static gboolean
save_form (GtkWindow *window)
{
  return vigil_person_editor_save (VIGIL_PERSON_EDITOR (window));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilPersonEditor *self = VIGIL_PERSON_EDITOR (widget);

  vigil_editor_save (GTK_WINDOW (self), self->form, save_form, &self->first_problem);
}

/* GObject overrides */

static void
vigil_person_editor_dispose (GObject *object)
{
  VigilPersonEditor *self = VIGIL_PERSON_EDITOR (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_person_editor_parent_class)->dispose (object);
}

static void
vigil_person_editor_finalize (GObject *object)
{
  VigilPersonEditor *self = VIGIL_PERSON_EDITOR (object);

  g_free (self->case_id);
  g_free (self->person_id);
  g_free (self->pseudonym);
  g_free (self->message);
  g_free (self->saved_state);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_person_editor_parent_class)->finalize (object);
}

static void
vigil_person_editor_class_init (VigilPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_person_editor_dispose;
  object_class->finalize = vigil_person_editor_finalize;

  /**
   * VigilPersonEditor::saved:
   * @person: the person as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, VIGIL_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, message_box);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, pseudonym_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, child_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, identified_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, identity_list);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, identity_hidden_list);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, form);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonEditor, erase_button);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
  gtk_widget_class_bind_template_callback (widget_class, on_pseudonym_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "editor.erase", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
vigil_person_editor_init (VigilPersonEditor *self)
{
  g_autoptr (GtkStringList) roles = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  roles = vigil_gui_enum_labels (VIGIL_TYPE_PERSON_ROLE);
  vigil_gui_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  {
    GtkWidget *watched[] = {
      GTK_WIDGET (self->role_row), GTK_WIDGET (self->pseudonym_row),
      GTK_WIDGET (self->child_switch), GTK_WIDGET (self->full_name_row),
      GTK_WIDGET (self->aliases_row), GTK_WIDGET (self->birth_row),
      GTK_WIDGET (self->nationality_row), GTK_WIDGET (self->languages_row),
      GTK_WIDGET (self->phone_row), GTK_WIDGET (self->address_row),
      GTK_WIDGET (self->notes_view), GTK_WIDGET (self->identified_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
      vigil_editor_watch (watched[i], G_CALLBACK (on_form_changed), self);
  }
  vigil_editor_name_entry_rows (GTK_WIDGET (self));
}

/* public API */

GtkWidget *
vigil_person_editor_new (GtkWindow           *parent,
                         VigilStore          *store,
                         const char          *case_id,
                         VigilPerson         *person,
                         const VigilIdentity *identity)
{
  VigilPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (person == NULL || VIGIL_IS_PERSON (person), NULL);

  self = g_object_new (VIGIL_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = g_strdup (case_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.erase", person != NULL);
  if (person != NULL)
    {
      g_autofree char *erase_name = NULL;

      self->person_id = g_strdup (vigil_person_get_id (person));
      self->pseudonym = g_strdup (vigil_person_get_pseudonym (person));
      /* Translators: %s is a pseudonym such as V-01 */
      erase_name = g_strdup_printf (_("Erase %s and everything recorded about them"),
                                    self->pseudonym);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->erase_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, erase_name, -1);
      gtk_widget_set_visible (self->erase_button, TRUE);
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      adw_window_title_set_subtitle (self->window_title, vigil_person_get_pseudonym (person));
      adw_combo_row_set_selected (self->role_row, vigil_person_get_role (person));
      set_text (self, self->pseudonym_row, vigil_person_get_pseudonym (person));
      gtk_switch_set_active (self->child_switch, vigil_person_get_is_child (person));
      set_text (self, self->identified_row, vigil_person_get_identified_on (person));
      if (identity != NULL)
        show_identity (self, identity, vigil_person_get_notes (person));
      else
        {
          /* Translators: %s is a pseudonym such as V-01 */
          g_autofree char *name = g_strdup_printf (_("Reveal the identity of %s"),
                                                   vigil_person_get_pseudonym (person));

          gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_set_visible (self->identity_list, FALSE);
          gtk_widget_set_visible (self->identity_hidden_list, TRUE);
          gtk_widget_set_visible (self->notes_group, FALSE);
        }
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Person"));
      self->identity_shown = TRUE;
      adw_combo_row_set_selected (self->role_row, VIGIL_PERSON_ROLE_VICTIM_WITNESS);
      suggest_pseudonym (self);
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  self->saved_state = form_state (self);
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

gboolean
vigil_person_editor_save (VigilPersonEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (VIGIL_IS_PERSON_EDITOR (self), FALSE);

  if (self->person_id != NULL)
    {
      person = vigil_store_get_person (self->store, self->person_id, &error);
      if (person == NULL)
        {
          set_message (self, error->message);
          return FALSE;
        }
    }
  else
    person = vigil_person_new (self->case_id);

  problems = check_form (self, person);
  /* A warning shown at the last try and still there is confirmed by
   * this second save. */
  if (problems->len > 0 && !vigil_editor_only_confirmed (problems, self->shown))
    {
      self->first_problem = show_problems (self, g_steal_pointer (&problems));
      if (self->first_problem != NULL)
        gtk_widget_grab_focus (self->first_problem);
      return FALSE;
    }
  identity = read_form (self, person);

  if (!vigil_store_begin (self->store, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }
  if (!vigil_store_save_person (self->store, person, &error)
      || (identity != NULL && (self->person_id != NULL || !vigil_identity_is_empty (identity))
          && !vigil_store_save_identity (self->store, person, identity, &error)))
    {
      vigil_store_rollback (self->store);
      set_message (self, error->message);
      return FALSE;
    }
  /* A failed commit has rolled back already. */
  if (!vigil_store_commit (self->store, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }

  set_message (self, NULL);
  if (self->person_id == NULL)
    self->person_id = g_strdup (vigil_person_get_id (person));
  g_signal_emit (self, signals[SAVED], 0, person);
  return TRUE;
}

const char *
vigil_person_editor_get_message (VigilPersonEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_EDITOR (self), NULL);

  return self->message;
}
