/* vigil-editor-util.c: what the case, hearing and person editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-editor-util.h"
#include "vigil-gui-util.h"

/* private helpers */

static gboolean
has_field (GPtrArray *problems, const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((VigilFieldProblem *) problems->pdata[i])->field, field))
      return TRUE;
  return FALSE;
}

static void
mark (GtkWidget *widget, gboolean invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_TEXT (child) ? child : find_text (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* callbacks */

static gboolean
destroy_editor (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, GtkWindow *editor)
{
  /* Once the dialog, which belongs to the editor, is done with its
   * answer. */
  if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_editor, g_object_ref (editor), g_object_unref);
}

/* public API */

/* Where @field is on the form; fields the form does not show go last. */
static guint
field_index (const VigilEditorField *fields, guint n_fields, const char *field)
{
  for (guint j = 0; j < n_fields; j++)
    if (g_str_equal (fields[j].field, field))
      return j;
  return n_fields;
}

GtkWidget *
vigil_editor_show_problems (GtkWidget              *box,
                            GtkLabel               *label,
                            GPtrArray              *problems,
                            const VigilEditorField *fields,
                            guint                   n_fields)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *first = NULL;
  gboolean only_warnings;

  g_return_val_if_fail (GTK_IS_WIDGET (box), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* In the order of the form, top to bottom, as they are read. */
  for (guint j = 0; j <= n_fields; j++)
    for (guint i = 0; i < problems->len; i++)
      {
        const VigilFieldProblem *problem = problems->pdata[i];

        if (field_index (fields, n_fields, problem->field) != j)
          continue;
        if (text->len > 0)
          g_string_append_c (text, '\n');
        /* More than one reads as a list. */
        g_string_append_printf (text, "%s%s", problems->len > 1 ? "• " : "", problem->message);
        if (first == NULL && j < n_fields)
          first = fields[j].widget;
      }
  for (guint j = 0; j < n_fields; j++)
    mark (fields[j].widget, has_field (problems, fields[j].field));
  /* Warnings alone are a question, not a refusal. */
  only_warnings = vigil_editor_only_confirmed (problems, problems) && problems->len > 0;
  if (only_warnings)
    {
      gtk_widget_remove_css_class (box, "error");
      gtk_widget_add_css_class (box, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (box, "warning");
      gtk_widget_add_css_class (box, "error");
    }
  if (GTK_IS_IMAGE (gtk_widget_get_first_child (box)))
    gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)),
                                  only_warnings ? "dialog-warning-symbolic"
                                                : "dialog-error-symbolic");
  gtk_label_set_label (label, text->str);
  gtk_widget_set_visible (box, problems->len > 0);
  return first;
}

GPtrArray *
vigil_editor_still_wrong (GPtrArray *shown, GPtrArray *now)
{
  GPtrArray *still = vigil_field_problems_new ();

  g_return_val_if_fail (shown != NULL && now != NULL, still);

  for (guint i = 0; i < now->len; i++)
    {
      const VigilFieldProblem *problem = now->pdata[i];

      if (has_field (shown, problem->field))
        {
          VigilFieldProblem *copy = vigil_field_problem_new (problem->field, problem->warning,
                                                             "%s", problem->message);

          g_ptr_array_add (still, copy);
        }
    }
  return still;
}

gboolean
vigil_editor_only_confirmed (GPtrArray *problems, GPtrArray *confirmed)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const VigilFieldProblem *problem = problems->pdata[i];
      gboolean seen = FALSE;

      if (!problem->warning)
        return FALSE;
      for (guint j = 0; confirmed != NULL && j < confirmed->len && !seen; j++)
        seen = g_str_equal (((VigilFieldProblem *) confirmed->pdata[j])->message,
                            problem->message);
      if (!seen)
        return FALSE;
    }
  return TRUE;
}

void
vigil_editor_watch (GtkWidget *widget, GCallback callback, gpointer editor)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                             callback, editor, G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (widget))
    g_signal_connect_object (widget, "changed", callback, editor, G_CONNECT_SWAPPED);
  else if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect_object (widget, "notify::selected", callback, editor, G_CONNECT_SWAPPED);
  else if (GTK_IS_SWITCH (widget))
    g_signal_connect_object (widget, "notify::active", callback, editor, G_CONNECT_SWAPPED);
  else if (GTK_IS_CALENDAR (widget))
    {
      /* Any change of the date, also moving to another month or year. */
      g_signal_connect_object (widget, "notify::day", callback, editor, G_CONNECT_SWAPPED);
      g_signal_connect_object (widget, "notify::month", callback, editor, G_CONNECT_SWAPPED);
      g_signal_connect_object (widget, "notify::year", callback, editor, G_CONNECT_SWAPPED);
    }
  else
    g_return_if_reached ();
}

void
vigil_editor_name_entry_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *text;

      if (!ADW_IS_ENTRY_ROW (child))
        {
          vigil_editor_name_entry_rows (child);
          continue;
        }
      /* libadwaita 1.2 names the row, but a screen reader lands in the
       * text inside it, which it leaves unnamed. */
      text = find_text (child);
      if (text != NULL)
        {
          g_autofree char *name = NULL;
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));

          if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (child)))
            {
              g_auto (GStrv) parts = g_strsplit (title, "_", -1);

              name = g_strjoinv ("", parts);
            }
          else
            name = g_strdup (title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
        }
    }
}

void
vigil_editor_save (GtkWindow          *editor,
                   GtkWidget          *form,
                   VigilEditorSaveFunc save,
                   GtkWidget         **first_problem)
{
  g_autoptr (GtkWidget) focus = NULL;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (GTK_IS_WIDGET (form));
  g_return_if_fail (save != NULL && first_problem != NULL);

  if (gtk_root_get_focus (GTK_ROOT (editor)) != NULL)
    focus = g_object_ref (gtk_root_get_focus (GTK_ROOT (editor)));
  *first_problem = NULL;
  /* Nothing typed from now on reaches the record: a key pressed right
   * after Enter finds the form insensitive, then the window gone. */
  gtk_widget_set_sensitive (form, FALSE);
  if (save (editor))
    {
      gtk_window_destroy (editor);
      return;
    }
  gtk_widget_set_sensitive (form, TRUE);
  /* An insensitive field could not take the focus while the save ran. */
  if (*first_problem != NULL)
    gtk_widget_grab_focus (*first_problem);
  else if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

gboolean
vigil_editor_close_request (GtkWindow *editor, const char *state, const char *saved_state)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), FALSE);

  if (g_strcmp0 (state, saved_state) == 0)
    return FALSE;

  dialog = adw_message_dialog_new (editor, _("Discard Changes?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("What you changed here has not been saved, and will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Keeping the work is what a stray Enter or Escape does. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), editor, 0);
  vigil_gui_watch_activity (editor, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
