/* vigil-window-interchange.c: importing and exporting interchange files
 * from the main window
 *
 * The checks, the all-or-nothing import and the atomic export are the
 * core's (vigil-interchange.h), the same the command line uses; this file
 * only asks and tells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-error.h"
#include "vigil-window-interchange.h"

#define EXPORT_FLAGS_KEY "vigil-export-flags"
#define DOCUMENT_KEY     "vigil-document"
#define FILE_KEY         "vigil-file"

/* Above these an import or an export takes long enough to be seen: about
 * five seconds to import, three to export, a thousand cases of 400
 * records each. */
#define BUSY_RECORDS      2000
#define BUSY_EXPORT_CASES 100

/* private helpers */

static AdwMessageDialog *
message_dialog_new (VigilWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  vigil_window_watch_activity (self, GTK_WINDOW (dialog));
  return dialog;
}

static void
show_failure (VigilWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = message_dialog_new (self, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

static void
add_count_row (GtkListBox *list, const char *title, const char *subtitle, guint count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Read, not used: Enter in the dialog answers it, as its default. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (list, row);
}

/* What a document holds, one kind of record a row. */
static GtkWidget *
counts_list_new (const VigilInterchangeCounts *counts)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  g_autofree char *identities = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u with an identity", "%u with an identity",
                 counts->identities),
    counts->identities);

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  add_count_row (list, _("Cases"), NULL, counts->cases);
  add_count_row (list, _("Persons"), identities, counts->persons);
  add_count_row (list, _("Hearings"), NULL, counts->hearings);
  add_count_row (list, _("Observations"), NULL, counts->observations);
  add_count_row (list, _("Protection measures"), NULL, counts->protection_measures);
  add_count_row (list, _("Compensation claims"), NULL, counts->claims);
  return GTK_WIDGET (list);
}

/* The problems by their JSON path, as many as the core lists, left-aligned
 * in a scrolled card: a long list must not grow the dialog off screen. */
static void
show_problems (VigilWindow *self, GFile *file, GPtrArray *problems)
{
  g_autofree char *name = display_name (file);
  g_autofree char *heading = g_strdup_printf (_("%s Cannot Be Imported"), name);
  g_autofree char *body = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Nothing was imported. The file has %u problem:",
                 "Nothing was imported. The file has %u problems:", problems->len),
    problems->len);
  g_autoptr (GString) markup = g_string_new (NULL);
  guint shown = MIN (problems->len, VIGIL_INTERCHANGE_LISTED_PROBLEMS);
  AdwMessageDialog *dialog;
  GtkWidget *label, *scrolled;

  for (guint i = 0; i < shown; i++)
    {
      VigilInterchangeProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *path = g_markup_escape_text (problem->path, -1);
      g_autofree char *message = g_markup_escape_text (problem->message, -1);

      g_string_append_printf (markup, "%s<tt>%s</tt>\n%s", i > 0 ? "\n\n" : "", path, message);
    }
  if (problems->len > shown)
    {
      g_autofree char *more = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "… and %u more problem", "… and %u more problems",
                     problems->len - shown),
        problems->len - shown);

      g_string_append_printf (markup, "\n\n%s", more);
    }

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A bounded width lets the wrapped height be known before allocation. */
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");

  dialog = message_dialog_new (self, heading, body);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_error (VigilWindow *self, GFile *file, GPtrArray *problems, GError *error)
{
  g_autofree char *name = display_name (file);
  g_autofree char *heading = NULL;

  if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT) && problems != NULL
      && problems->len > 0)
    {
      show_problems (self, file, problems);
      return;
    }
  heading = g_strdup_printf (_("%s Cannot Be Imported"), name);
  show_failure (self, heading, error->message);
}

static void
run_import (VigilWindow *self, VigilInterchange *document, GFile *file)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *message = NULL;
  VigilStore *store = vigil_window_get_store (self);
  guint cases;

  if (store == NULL)
    {
      show_failure (self, _("The Vault Is Locked"),
                    _("Nothing was imported. Unlock the vault and import the file again."));
      return;
    }
  if (!vigil_interchange_import (document, store, &problems, &error))
    {
      show_import_error (self, file, problems, error);
      return;
    }
  cases = vigil_interchange_get_counts (document)->cases;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case from %s",
                                          "Imported %u cases from %s", cases),
                             cases, name);
  vigil_window_add_toast (self, adw_toast_new (message));
}

static guint
count_records (const VigilInterchangeCounts *counts)
{
  return counts->cases + counts->persons + counts->consents + counts->hearings
         + counts->attendees + counts->observations + counts->observation_entries
         + counts->assessments + counts->protection_measures + counts->claims
         + counts->claim_items;
}

typedef void (*BusyWork) (VigilWindow *self, gpointer data);

typedef struct
{
  VigilWindow   *window;
  BusyWork       work;
  gpointer       data;
  GDestroyNotify free_data;
  GtkWidget     *busy; /* weak */
} BusyJob;

static gboolean
on_busy_shown (gpointer user_data)
{
  BusyJob *job = user_data;

  job->work (job->window, job->data);
  if (job->busy != NULL)
    gtk_window_destroy (GTK_WINDOW (job->busy));
  g_clear_weak_pointer (&job->busy);
  job->free_data (job->data);
  g_object_unref (job->window);
  g_free (job);
  return G_SOURCE_REMOVE;
}

/* Work that holds the window for seconds (a mission's thousand cases):
 * a window that says what is going on is shown first, then @work runs. */
static void
run_when_shown (VigilWindow   *self,
                const char    *title,
                const char    *detail,
                BusyWork       work,
                gpointer       data,
                GDestroyNotify free_data)
{
  BusyJob *job = g_new0 (BusyJob, 1);
  GtkWidget *busy = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (detail);

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 36);
  gtk_widget_set_margin_top (box, 30);
  gtk_widget_set_margin_bottom (box, 30);
  gtk_widget_set_margin_start (box, 30);
  gtk_widget_set_margin_end (box, 30);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (busy), box);
  gtk_window_set_title (GTK_WINDOW (busy), title);
  gtk_window_set_transient_for (GTK_WINDOW (busy), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (busy), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (busy), FALSE);
  gtk_window_set_resizable (GTK_WINDOW (busy), FALSE);

  job->window = g_object_ref (self);
  job->work = work;
  job->data = data;
  job->free_data = free_data;
  g_set_weak_pointer (&job->busy, busy);
  gtk_window_present (GTK_WINDOW (busy));
  /* Time for its first frame: the work then holds the main loop. */
  g_timeout_add (150, on_busy_shown, job);
}

typedef struct
{
  VigilInterchange *document;
  GFile            *file;
  VigilExportFlags  flags;
} Transfer;

static void
transfer_free (gpointer data)
{
  Transfer *transfer = data;

  g_clear_object (&transfer->document);
  g_clear_object (&transfer->file);
  g_free (transfer);
}

static void
import_transfer (VigilWindow *self, gpointer data)
{
  Transfer *transfer = data;

  run_import (self, transfer->document, transfer->file);
}

static void
on_import_confirmed (AdwMessageDialog *dialog, const char *response, VigilWindow *self)
{
  VigilInterchange *document = g_object_get_data (G_OBJECT (dialog), DOCUMENT_KEY);
  GFile *file = g_object_get_data (G_OBJECT (dialog), FILE_KEY);
  guint records = count_records (vigil_interchange_get_counts (document));
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  Transfer *transfer;

  if (!g_str_equal (response, "import"))
    return;
  if (records <= BUSY_RECORDS)
    {
      run_import (self, document, file);
      return;
    }
  name = display_name (file);
  title = g_strdup_printf (_("Importing %s"), name);
  detail = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u record is being written. The window answers again when it is saved.",
                 "%u records are being written. The window answers again when all are saved.",
                 records),
    records);
  transfer = g_new0 (Transfer, 1);
  transfer->document = g_object_ref (document);
  transfer->file = g_object_ref (file);
  run_when_shown (self, title, detail, import_transfer, transfer, transfer_free);
}

static void
on_import_chosen (GtkNativeDialog *chooser, int response, VigilWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vigil_window_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_chosen (GtkNativeDialog *chooser, int response, VigilWindow *self)
{
  VigilExportFlags flags
    = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), EXPORT_FLAGS_KEY));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vigil_window_export_file (self, file, flags);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Where a person keeps files to hand on or bring in: their Documents
 * folder, or home without one. Never the folder Vigil was started from,
 * nor Recent, where GTK 4.8's chooser goes nowhere with a typed path. */
static void
start_in_documents (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GError) error = NULL;

  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  if (!gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("The file chooser could not start in %s: %s", documents, error->message);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Vigil interchange files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_export_kind_chosen (AdwMessageDialog *dialog, const char *response, VigilWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GtkFileFilter) filter = json_filter ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  VigilExportFlags flags;
  GtkFileChooserNative *chooser;

  if (g_str_equal (response, "pseudonyms"))
    flags = VIGIL_EXPORT_DEFAULT;
  else if (g_str_equal (response, "identities"))
    flags = VIGIL_EXPORT_IDENTITIES;
  else
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Vault"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  start_in_documents (GTK_FILE_CHOOSER (chooser));
  /* The name says what the file holds, so it is not handed on by mistake. */
  name = flags & VIGIL_EXPORT_IDENTITIES
           ? g_strdup_printf ("vigil-export-%s-WITH-IDENTITIES.json", day)
           : g_strdup_printf ("vigil-export-%s.json", day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), EXPORT_FLAGS_KEY, GUINT_TO_POINTER (flags));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A pseudonymous export that left notes out says so in a dialog, not a
 * toast: a toast cuts a sentence this long short and goes away, and whoever
 * hands the file on must know it is not the whole record. The count is the
 * core's, the one vigil-cli prints. */
static void
show_withheld (VigilWindow *self, const VigilInterchangeCounts *counts, const char *name)
{
  g_autofree char *exported = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Exported %u case, pseudonyms only, to %s.",
                 "Exported %u cases, pseudonyms only, to %s.", counts->cases),
    counts->cases, name);
  g_autofree char *withheld = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u note was left out because it names a person of its case.",
                 "%u notes were left out because they name a person of their case.",
                 counts->notes_withheld),
    counts->notes_withheld);
  g_autofree char *body = g_strconcat (exported, "\n\n", withheld, NULL);
  AdwMessageDialog *dialog = message_dialog_new (self, _("Vault Exported"), body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_export (VigilWindow *self, GFile *file, VigilExportFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  VigilInterchangeCounts counts = { 0 };
  VigilStore *store;

  name = display_name (file);
  store = vigil_window_get_store (self);
  path = g_file_get_path (file);
  if (store == NULL)
    {
      show_failure (self, _("The Vault Is Locked"),
                    _("Nothing was exported. Unlock the vault and export again."));
      return;
    }
  if (path == NULL)
    {
      show_failure (self, _("The Vault Was Not Exported"),
                    _("Choose a folder on this computer: the file is written to a temporary "
                      "file beside it first, so that a failure leaves nothing half written."));
      return;
    }
  if (!vigil_interchange_export_file (store, path, flags, &counts, &error))
    {
      show_failure (self, _("The Vault Was Not Exported"), error->message);
      return;
    }

  if (counts.notes_withheld > 0)
    {
      show_withheld (self, &counts, name);
      return;
    }
  if (flags & VIGIL_EXPORT_IDENTITIES)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Exported %u case with identities to %s",
                                            "Exported %u cases with identities to %s",
                                            counts.cases),
                               counts.cases, name);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Exported %u case, pseudonyms only, to %s",
                                            "Exported %u cases, pseudonyms only, to %s",
                                            counts.cases),
                               counts.cases, name);
  vigil_window_add_toast (self, adw_toast_new (message));
}

static void
export_transfer (VigilWindow *self, gpointer data)
{
  Transfer *transfer = data;

  run_export (self, transfer->file, transfer->flags);
}

/* public API */

void
vigil_window_choose_import (VigilWindow *self)
{
  g_autoptr (GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;

  g_return_if_fail (VIGIL_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Import Cases"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  start_in_documents (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
vigil_window_choose_export (VigilWindow *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (VIGIL_IS_WINDOW (self));

  dialog = message_dialog_new (
    self, _("Export the Vault"),
    _("Every case of the vault is written to one interchange file.\n\n"
      "Pseudonyms only: no names, dates of birth, contacts or addresses, and no note that "
      "names a person. This is the file to share.\n\n"
      "With identities: the file says who each person is and where to find them. Keep it "
      "encrypted, give it to no one who does not need it, and delete it when done. Each "
      "identity exported is recorded in the vault's audit log."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "identities", _("With _Identities"),
                                    "pseudonyms", _("_Pseudonyms Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "identities", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "pseudonyms", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "pseudonyms");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_kind_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vigil_window_import_file (VigilWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = display_name (file);
  document = vigil_interchange_load_gfile (file, &problems, &error);
  if (document == NULL)
    {
      show_import_error (self, file, problems, error);
      return;
    }

  heading = g_strdup_printf (_("Import %s?"), name);
  dialog = message_dialog_new (self, heading,
                               _("The file was checked. All of it is added to this vault, or "
                                 "nothing is if anything cannot be."));
  adw_message_dialog_set_extra_child (dialog,
                                      counts_list_new (vigil_interchange_get_counts (document)));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DOCUMENT_KEY, g_steal_pointer (&document),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), FILE_KEY, g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vigil_window_export_file (VigilWindow *self, GFile *file, VigilExportFlags flags)
{
  VigilStore *store;
  guint cases;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  Transfer *transfer;

  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  store = vigil_window_get_store (self);
  cases = store != NULL ? g_list_model_get_n_items (vigil_store_get_case_list (store)) : 0;
  if (cases <= BUSY_EXPORT_CASES)
    {
      run_export (self, file, flags);
      return;
    }
  name = display_name (file);
  title = g_strdup_printf (_("Exporting to %s"), name);
  detail = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u case is being written. The window answers again when the file is saved.",
                 "%u cases are being written. The window answers again when the file is saved.",
                 cases),
    cases);
  transfer = g_new0 (Transfer, 1);
  transfer->file = g_object_ref (file);
  transfer->flags = flags;
  run_when_shown (self, title, detail, export_transfer, transfer, transfer_free);
}
