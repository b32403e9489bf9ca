/* vigil-evidence-list.c: the documents attached to a compensation claim
 *
 * Each document is a row: its name, its pages and size, a button to
 * preview it (as activating the row does) and one to remove it. "Attach
 * PDF…" asks for a file, which Poppler reads on a worker thread; a file
 * the core refuses (password-protected, damaged, empty, not a PDF, too
 * large) is named in a dialog with the core's reason, which a toast would
 * cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evidence-list"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-evidence-list.h"
#include "vigil-evidence-window.h"
#include "vigil-claim-records.h"
#include "vigil-gui-util.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-evidence.h"

#define DOC_KEY "vigil-evidence"

struct _VigilEvidenceList
{
  AdwPreferencesGroup parent_instance;

  /* template children */
  GtkButton          *attach_button;
  AdwComboRow        *target_row;
  AdwActionRow       *empty_row;

  VigilStore         *store;
  char               *claim_id;
  char               *item_id;   /* the one head of damage shown, or NULL: all */
  /* The claim's heads of damage, as target_row lists them after "the
   * claim as a whole": id -> label. */
  GPtrArray          *item_ids;
  GHashTable         *item_labels;
  char               *claimant;
  GPtrArray          *rows;      /* AdwActionRow, one a document */
  GPtrArray          *documents; /* VigilEvidenceData, in the same order */
  /* A file being read by Poppler on a worker thread. */
  GCancellable       *reading;
};

G_DEFINE_FINAL_TYPE (VigilEvidenceList, vigil_evidence_list, ADW_TYPE_PREFERENCES_GROUP)

/* private helpers */

static void
update_actions (VigilEvidenceList *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach",
                                 self->store != NULL && self->claim_id != NULL
                                   && self->reading == NULL);
}

static void
clear_rows (VigilEvidenceList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->documents, 0);
}

static GtkWindow *
parent_window (VigilEvidenceList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_refusal (VigilEvidenceList *self, const char *title, const GError *error)
{
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Attached"), title);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (parent_window (self), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
attached (VigilEvidenceList *self, VigilEvidenceData *doc)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Attached %s (%u page)",
                                                           "Attached %s (%u pages)",
                                                           doc->page_count),
                                              doc->title, doc->page_count);

  vigil_evidence_list_reload (self);
  vigil_gui_toast (GTK_WIDGET (self), message);
}

void
vigil_evidence_list_set_item (VigilEvidenceList *self, const char *item_id)
{
  g_return_if_fail (VIGIL_IS_EVIDENCE_LIST (self));

  g_free (self->item_id);
  self->item_id = g_strdup (item_id);
  vigil_evidence_list_reload (self);
}

/* What "Attach PDF…" attaches to: the head shown, or the one chosen. */
static const char *
target_item (VigilEvidenceList *self)
{
  guint chosen = adw_combo_row_get_selected (self->target_row);

  if (self->item_id != NULL)
    return self->item_id;
  if (chosen == GTK_INVALID_LIST_POSITION || chosen == 0 || chosen > self->item_ids->len)
    return NULL;
  return g_ptr_array_index (self->item_ids, chosen - 1);
}

/* The heads of damage of the claim, for the choice of what a document
 * supports and for naming it in each document's row. */
static void
read_heads (VigilEvidenceList *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (VigilClaimData) claim = NULL;
  g_autofree char *kept = NULL;
  guint selected = 0;

  if (self->item_ids->len > 0 && adw_combo_row_get_selected (self->target_row) > 0
      && adw_combo_row_get_selected (self->target_row) <= self->item_ids->len)
    kept = g_strdup (g_ptr_array_index (self->item_ids,
                                        adw_combo_row_get_selected (self->target_row) - 1));
  g_ptr_array_set_size (self->item_ids, 0);
  g_hash_table_remove_all (self->item_labels);
  if (self->store != NULL && self->claim_id != NULL)
    claim = vigil_store_get_claim (self->store, self->claim_id, NULL);
  gtk_string_list_append (labels, _("The claim as a whole"));
  for (guint i = 0; claim != NULL && i < claim->items->len; i++)
    {
      VigilClaimItemData *item = g_ptr_array_index (claim->items, i);

      g_ptr_array_add (self->item_ids, g_strdup (item->id));
      g_hash_table_insert (self->item_labels, g_strdup (item->id),
                           g_strdup (vigil_claim_head_label (item->head)));
      gtk_string_list_append (labels, vigil_claim_head_label (item->head));
      if (kept != NULL && g_str_equal (kept, item->id))
        selected = i + 1;
    }
  vigil_gui_combo_row_set_model (self->target_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->target_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row),
                          self->item_id == NULL && self->item_ids->len > 0);
}

static void on_preview_clicked (GtkButton *button, VigilEvidenceList *self);
static void on_remove_clicked (GtkButton *button, VigilEvidenceList *self);
static void on_row_activated (AdwActionRow *row, VigilEvidenceList *self);

static GtkWidget *
row_new (VigilEvidenceList *self, VigilEvidenceData *doc)
{
  g_autofree char *size = g_format_size (doc->size_bytes);
  const char *head = doc->claim_item_id != NULL
                       ? g_hash_table_lookup (self->item_labels, doc->claim_item_id)
                       : NULL;
  g_autofree char *pages = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u page, %s", "%u pages, %s", doc->page_count),
    doc->page_count, size);
  /* Which head of damage it supports, when not the claim as a whole. */
  g_autofree char *subtitle = head != NULL && self->item_id == NULL
                                ? g_strdup_printf ("%s · %s", pages, head)
                                : g_strdup (pages);
  g_autofree char *preview_name = g_strdup_printf (_("Preview %s"), doc->title);
  g_autofree char *remove_name = g_strdup_printf (_("Remove the evidence %s from the claim of %s"),
                                                  doc->title, self->claimant);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *preview = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), doc->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  preview_name, -1);

  gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (preview, "flat");
  gtk_widget_set_tooltip_text (preview, _("Preview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  preview_name, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  g_object_set_data (G_OBJECT (preview), DOC_KEY, doc);
  g_object_set_data (G_OBJECT (remove), DOC_KEY, doc);
  g_object_set_data (G_OBJECT (row), DOC_KEY, doc);
  g_signal_connect (preview, "clicked", G_CALLBACK (on_preview_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static GtkWidget *
open_preview (VigilEvidenceList *self, VigilEvidenceData *doc)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window = vigil_evidence_window_new (parent_window (self), self->store, doc->id,
                                                 &error);

  if (window == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The document could not be opened"), error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* callbacks */

static void
on_preview_clicked (GtkButton *button, VigilEvidenceList *self)
{
  open_preview (self, g_object_get_data (G_OBJECT (button), DOC_KEY));
}

static void
on_row_activated (AdwActionRow *row, VigilEvidenceList *self)
{
  open_preview (self, g_object_get_data (G_OBJECT (row), DOC_KEY));
}

static void
on_remove_response (AdwMessageDialog *dialog, const char *response, VigilEvidenceList *self)
{
  g_autoptr (GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), DOC_KEY);

  if (!g_str_equal (response, "remove") || self->store == NULL)
    return;
  if (!vigil_store_remove_evidence (self->store, id, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The document could not be removed"), error);
  vigil_evidence_list_reload (self);
}

static void
on_remove_clicked (GtkButton *button, VigilEvidenceList *self)
{
  VigilEvidenceData *doc = g_object_get_data (G_OBJECT (button), DOC_KEY);
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), doc->title);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    parent_window (self), heading,
    _("The document is deleted from the vault and cannot be brought back.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DOC_KEY, g_strdup (doc->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GBytes *pdf;
  char   *title;
} Reading;

static void
reading_free (Reading *reading)
{
  g_bytes_unref (reading->pdf);
  g_free (reading->title);
  g_free (reading);
}

/* On a worker thread: Poppler's part, which takes a while for a long
 * document; the store is not touched here. */
static void
inspect_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Reading *reading = data;
  GError *error = NULL;
  VigilEvidenceFile *file = vigil_evidence_file_inspect (reading->pdf, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, (GDestroyNotify) vigil_evidence_file_free);
}

static void
on_inspected (GObject *source, GAsyncResult *result, gpointer data)
{
  VigilEvidenceList *self = VIGIL_EVIDENCE_LIST (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilEvidenceFile) file = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  if (g_task_get_cancellable (G_TASK (result)) == self->reading)
    g_clear_object (&self->reading);
  update_actions (self);
  /* The vault locked, or the list shows another claim by now. */
  if (cancelled || self->store == NULL)
    return;
  if (file == NULL || !vigil_evidence_list_attach_file (self, reading->title, file, &error))
    show_refusal (self, reading->title, error);
}

static void
on_file_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (VigilEvidenceList) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr (GFileInfo) info = g_file_query_info (G_FILE (source),
                                                  G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr (GTask) task = NULL;
  Reading *reading = g_new0 (Reading, 1);

  reading->title = info != NULL ? g_strdup (g_file_info_get_display_name (info))
                                : g_file_get_basename (G_FILE (source));
  if (bytes == NULL || self->store == NULL)
    {
      if (self->store != NULL)
        show_refusal (self, reading->title, error);
      reading_free (reading);
      return;
    }
  reading->pdf = g_steal_pointer (&bytes);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  update_actions (self);
  task = g_task_new (self, self->reading, on_inspected, NULL);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  g_task_run_in_thread (task, inspect_thread);
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, VigilEvidenceList *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    g_file_load_bytes_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static void
attach_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilEvidenceList *self = VIGIL_EVIDENCE_LIST (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = g_strdup_printf (_("Attach a PDF to the Claim of %s"), self->claimant);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    title, parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject overrides */

static void
vigil_evidence_list_dispose (GObject *object)
{
  VigilEvidenceList *self = VIGIL_EVIDENCE_LIST (object);

  g_clear_object (&self->store);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVIDENCE_LIST);
  G_OBJECT_CLASS (vigil_evidence_list_parent_class)->dispose (object);
}

static void
vigil_evidence_list_finalize (GObject *object)
{
  VigilEvidenceList *self = VIGIL_EVIDENCE_LIST (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->documents);
  g_free (self->claim_id);
  g_free (self->item_id);
  g_ptr_array_unref (self->item_ids);
  g_hash_table_unref (self->item_labels);
  g_free (self->claimant);
  G_OBJECT_CLASS (vigil_evidence_list_parent_class)->finalize (object);
}

static void
vigil_evidence_list_class_init (VigilEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evidence_list_dispose;
  object_class->finalize = vigil_evidence_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/vigilsuite/Vigil/ui/vigil-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvidenceList, attach_button);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidenceList, target_row);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidenceList, empty_row);
  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_action);
}

static void
vigil_evidence_list_init (VigilEvidenceList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->item_ids = g_ptr_array_new_with_free_func (g_free);
  self->item_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_evidence_data_free);
  self->claimant = g_strdup ("");
  update_actions (self);
}

/* public API */

GtkWidget *
vigil_evidence_list_new (void)
{
  return g_object_new (VIGIL_TYPE_EVIDENCE_LIST, NULL);
}

void
vigil_evidence_list_set_claim (VigilEvidenceList *self,
                               VigilStore        *store,
                               const char        *claim_id,
                               const char        *claimant)
{
  g_autofree char *attach_name = NULL;

  g_return_if_fail (VIGIL_IS_EVIDENCE_LIST (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  g_set_object (&self->store, store);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_free (self->claim_id);
  self->claim_id = store != NULL ? g_strdup (claim_id) : NULL;
  g_clear_pointer (&self->item_id, g_free);
  g_free (self->claimant);
  self->claimant = g_strdup (claimant != NULL ? claimant : "");
  attach_name = g_strdup_printf (_("Attach a PDF to the claim of %s"), self->claimant);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attach_name, -1);
  update_actions (self);
  vigil_evidence_list_reload (self);
}

void
vigil_evidence_list_reload (VigilEvidenceList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;

  g_return_if_fail (VIGIL_IS_EVIDENCE_LIST (self));

  clear_rows (self);
  read_heads (self);
  if (self->store != NULL && self->claim_id != NULL)
    {
      documents = vigil_store_list_evidence (self->store, self->claim_id, &error);
      if (documents == NULL)
        vigil_gui_toast_error (GTK_WIDGET (self), _("The documents could not be read"), error);
    }
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      VigilEvidenceData *doc;
      GtkWidget *row;

      if (self->item_id != NULL
          && g_strcmp0 (((VigilEvidenceData *) documents->pdata[i])->claim_item_id,
                        self->item_id) != 0)
        continue;
      doc = g_ptr_array_steal_index (documents, i--);
      g_ptr_array_add (self->documents, doc);
      row = row_new (self, doc);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->rows->len == 0);
}

gboolean
vigil_evidence_list_attach (VigilEvidenceList *self,
                            const char        *title,
                            GBytes            *pdf,
                            GError           **error)
{
  g_autoptr (VigilEvidenceData) doc = NULL;

  g_return_val_if_fail (VIGIL_IS_EVIDENCE_LIST (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->claim_id != NULL, FALSE);

  doc = vigil_store_attach_evidence (self->store, self->claim_id, target_item (self), title, pdf,
                                     error);
  if (doc == NULL)
    return FALSE;
  attached (self, doc);
  return TRUE;
}

gboolean
vigil_evidence_list_attach_file (VigilEvidenceList *self,
                                 const char        *title,
                                 VigilEvidenceFile *file,
                                 GError           **error)
{
  g_autoptr (VigilEvidenceData) doc = NULL;

  g_return_val_if_fail (VIGIL_IS_EVIDENCE_LIST (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->claim_id != NULL, FALSE);

  doc = vigil_store_attach_evidence_file (self->store, self->claim_id, target_item (self), title,
                                          file, error);
  if (doc == NULL)
    return FALSE;
  attached (self, doc);
  return TRUE;
}

guint
vigil_evidence_list_get_n_documents (VigilEvidenceList *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_LIST (self), 0);

  return self->documents->len;
}

GtkWidget *
vigil_evidence_list_open_preview (VigilEvidenceList *self, guint index)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_LIST (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);

  return open_preview (self, g_ptr_array_index (self->documents, index));
}
