/* vigil-reports-page.c: building, checking and saving anonymized reports
 *
 * The page only gathers choices and shows results; every rule is in the
 * core. The document is built from the store on the main thread (the
 * store is the window's and is not shared with a worker), then typeset,
 * read back by the leak check and drawn as previews by a job in a worker
 * thread (vigil-report-job.h), which reports its progress and can be
 * cancelled. Only a report the check found clean can be saved; the bytes
 * saved as PDF are those the check read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-catalogue.h"
#include "vigil-error.h"
#include "vigil-gui-util.h"
#include "vigil-report-job.h"
#include "vigil-report.h"
#include "vigil-reports-page.h"

/* Previews of the first pages: enough to judge the layout, few enough to
 * draw in a moment. */
#define MAX_PREVIEWS 8
#define PREVIEW_WIDTH 420

struct _VigilReportsPage
{
  AdwBin                parent_instance;

  /* template children */
  AdwComboRow          *scope_row;
  AdwComboRow          *case_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwComboRow          *dates_row;
  AdwComboRow          *courts_row;
  AdwComboRow          *references_row;
  GtkSpinButton        *min_cell_spin;
  AdwPreferencesGroup  *sections_group;
  AdwComboRow          *paper_row;
  GtkStack             *preview_stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *check_box;
  GtkImage             *check_icon;
  GtkLabel             *check_label;
  GtkBox               *pages_box;
  GtkWidget            *save_button;
  GtkWidget            *back_button;
  GtkWidget            *sections_button;
  AdwLeaflet           *body_leaflet;
  GtkWidget            *options_column;

  VigilStore           *store;
  GSettings            *settings;
  GtkStringList        *references;
  GtkSwitch            *section_switches[10];
  GCancellable         *cancellable;
  VigilReportDoc       *doc;
  VigilReportJobResult *result;
  char                 *saved_path;
  gboolean              saving;
  gboolean              narrow;
};

G_DEFINE_FINAL_TYPE (VigilReportsPage, vigil_reports_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections, in the order the report has them. */
static const struct
{
  VigilReportSection section;
  const char        *title;
  const char        *name;
} sections[] = {
  { VIGIL_REPORT_SECTION_TITLE, N_("Title Page"), N_("Include the title page") },
  { VIGIL_REPORT_SECTION_SUMMARY, N_("Executive Summary"), N_("Include the executive summary") },
  { VIGIL_REPORT_SECTION_METHODOLOGY, N_("Methodology"), N_("Include the methodology") },
  { VIGIL_REPORT_SECTION_FINDINGS, N_("Findings by Category"),
    N_("Include the findings by category") },
  { VIGIL_REPORT_SECTION_DURATION, N_("Duration of Proceedings"),
    N_("Include the duration of proceedings") },
  { VIGIL_REPORT_SECTION_OUTCOMES, N_("Outcomes"), N_("Include the outcomes") },
  { VIGIL_REPORT_SECTION_PROTECTION, N_("Protection"), N_("Include the protection section") },
  { VIGIL_REPORT_SECTION_COMPENSATION, N_("Compensation"),
    N_("Include the compensation section") },
  { VIGIL_REPORT_SECTION_RECOMMENDATIONS, N_("Recommendations"),
    N_("Include the recommendations") },
  { VIGIL_REPORT_SECTION_ANNEX, N_("Annex of Standards"), N_("Include the annex of standards") },
};

/* private helpers */

static void
set_labels (AdwComboRow *row, const char *const *labels, guint selected)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (model, _(labels[i]));
  vigil_gui_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static void
update_actions (VigilReportsPage *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean clean = self->result != NULL && self->result->leaks->len == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.build",
                                 self->store != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save",
                                 self->store != NULL && !busy && clean);
}

static void
clear_result (VigilReportsPage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->result, vigil_report_job_result_free);
  g_clear_object (&self->doc);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
}

static void
stop (VigilReportsPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static VigilReportOptions *
collect_options (VigilReportsPage *self)
{
  VigilReportOptions *options = vigil_report_options_new ();
  g_autofree char *programme = g_settings_get_string (self->settings, "report-programme");
  guint scope = adw_combo_row_get_selected (self->scope_row);

  options->scope = scope == 1 ? VIGIL_REPORT_SCOPE_CASE
                   : scope == 2 ? VIGIL_REPORT_SCOPE_PERIOD : VIGIL_REPORT_SCOPE_ALL;
  if (options->scope == VIGIL_REPORT_SCOPE_CASE)
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (self->case_row);

      options->case_ref = item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
    }
  if (options->scope == VIGIL_REPORT_SCOPE_PERIOD)
    {
      options->from = vigil_gui_entry_row_text (self->from_row);
      options->to = vigil_gui_entry_row_text (self->to_row);
    }
  options->dates = adw_combo_row_get_selected (self->dates_row);
  options->courts = adw_combo_row_get_selected (self->courts_row);
  options->references = adw_combo_row_get_selected (self->references_row);
  options->min_cell = gtk_spin_button_get_value_as_int (self->min_cell_spin);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? VIGIL_REPORT_PAPER_LETTER
                                                                     : VIGIL_REPORT_PAPER_A4;
  options->sections = 0;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (gtk_switch_get_active (self->section_switches[i]))
      options->sections |= sections[i].section;
  g_strstrip (programme);
  if (*programme != '\0')
    {
      g_free (options->programme);
      options->programme = g_steal_pointer (&programme);
    }
  return options;
}

/* What the check found, as a person reads it: where and whose, never the
 * identifier. */
static void
show_check (VigilReportsPage *self, const char *extra)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GPtrArray *leaks = self->result->leaks;

  if (leaks->len == 0)
    {
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Checked: no identity of the vault on its %u page. "
                                           "It can be saved.",
                                           "Checked: no identity of the vault on any of its %u "
                                           "pages. It can be saved.",
                                           self->result->n_pages),
                              self->result->n_pages);
      gtk_image_set_from_icon_name (self->check_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (self->check_box, "error");
      gtk_widget_add_css_class (self->check_box, "success");
    }
  else
    {
      g_string_append (text, _("Not safe to publish, so it cannot be saved. The report still "
                               "names persons of the vault:"));
      for (guint i = 0; i < leaks->len; i++)
        g_string_append_printf (text, "\n• %s", ((VigilLeak *) g_ptr_array_index (leaks, i))->message);
      gtk_image_set_from_icon_name (self->check_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (self->check_box, "success");
      gtk_widget_add_css_class (self->check_box, "error");
    }
  if (extra != NULL)
    g_string_append_printf (text, "\n%s", extra);
  gtk_label_set_text (self->check_label, text->str);
}

static void
show_previews (VigilReportsPage *self)
{
  GPtrArray *previews = self->result->previews;

  for (guint i = 0; previews != NULL && i < previews->len; i++)
    {
      VigilReportPreview *preview = g_ptr_array_index (previews, i);
      g_autoptr (GdkTexture) texture = NULL;
      g_autofree char *name = g_strdup_printf (_("Page %u of the report"), i + 1);
      GtkWidget *picture;

      /* cairo's ARGB32 is B, G, R, A in memory on a little-endian machine. */
      texture = gdk_memory_texture_new (preview->width, preview->height,
                                        G_BYTE_ORDER == G_LITTLE_ENDIAN
                                        ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                        : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                        preview->pixels, preview->stride);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_box_append (self->pages_box, picture);
    }
}

/* In a narrow window the preview takes the page, from the build on. */
static void
show_preview (VigilReportsPage *self)
{
  adw_leaflet_set_visible_child (self->body_leaflet, GTK_WIDGET (self->preview_stack));
}

/* callbacks */

/* One way back at a time: from the preview to the choices, or, in a
 * window that shows the page without the sidebar, to the sections. */
static void
on_body_changed (VigilReportsPage *self)
{
  gboolean preview = adw_leaflet_get_folded (self->body_leaflet)
                     && adw_leaflet_get_visible_child (self->body_leaflet)
                        == GTK_WIDGET (self->preview_stack);

  gtk_widget_set_visible (self->back_button, preview);
  gtk_widget_set_visible (self->sections_button, self->narrow && !preview);
}

static void
on_progress (double fraction, const char *what, gpointer data)
{
  VigilReportsPage *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_text (self->progress_label, what);
}

static void
on_built (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (VigilReportsPage) self = data;
  g_autoptr (GError) error = NULL;
  VigilReportJobResult *done = vigil_report_job_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A newer build or a lock took over; this page has moved on. */
      if (self->cancellable == NULL && self->result == NULL)
        {
          gtk_stack_set_visible_child_name (self->preview_stack, "empty");
          vigil_gui_toast (GTK_WIDGET (self), _("The report was not built: cancelled"));
        }
      update_actions (self);
      return;
    }
  g_clear_object (&self->cancellable);
  if (done == NULL)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      vigil_gui_toast_error (GTK_WIDGET (self), _("The report could not be built"), error);
      update_actions (self);
      return;
    }
  self->result = done;
  show_check (self, NULL);
  show_previews (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  update_actions (self);
  /* The keyboard goes on to what comes next: saving a clean report, or
   * reading why it cannot be (the build button went insensitive, and
   * with it the focus). */
  if (done->leaks->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->check_label));
      /* Focus selects a label's text; the verdict is to read, not copy. */
      gtk_label_select_region (self->check_label, 0, 0);
    }
}

static void
on_saved_check (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (VigilReportsPage) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilReportJobResult) done = vigil_report_job_run_finish (result, &error);
  g_autofree char *path = g_steal_pointer (&self->saved_path);
  g_autofree char *basename = path != NULL ? g_path_get_basename (path) : NULL;
  g_autofree char *message = NULL;

  self->saving = FALSE;
  g_clear_object (&self->cancellable);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  if (done == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vigil_gui_toast_error (GTK_WIDGET (self), _("The report was not saved"), error);
      update_actions (self);
      return;
    }
  if (done->leaks->len > 0)
    {
      /* The other format found what the preview's did not: show it. */
      g_ptr_array_unref (self->result->leaks);
      self->result->leaks = g_ptr_array_ref (done->leaks);
      show_check (self, NULL);
      update_actions (self);
      return;
    }
  if (!vigil_report_write_file (done->bytes, path, &error))
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The report was not saved"), error);
      update_actions (self);
      return;
    }
  self->saved_path = g_steal_pointer (&path);
  message = g_strdup_printf (_("Saved the checked report to %s."), basename);
  show_check (self, message);
  vigil_gui_toast (GTK_WIDGET (self), message);
  update_actions (self);
}

static void
on_save_chosen (GtkNativeDialog *chooser, int response, VigilReportsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        vigil_reports_page_save_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_scope_changed (VigilReportsPage *self)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);

  gtk_widget_set_visible (GTK_WIDGET (self->case_row), scope == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), scope == 2);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), scope == 2);
}

static void
build_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (widget);
  g_autoptr (VigilReportOptions) options = NULL;
  g_autoptr (GError) error = NULL;
  VigilLeakCheck *check;

  if (self->store == NULL || self->cancellable != NULL)
    return;
  options = collect_options (self);
  if (!vigil_report_options_validate (options, &error))
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The report was not built"), error);
      return;
    }
  clear_result (self);
  g_clear_pointer (&self->saved_path, g_free);
  self->doc = vigil_report_build (self->store, vigil_catalogue_get_default (), options, NULL,
                                  &error);
  check = self->doc != NULL ? vigil_leak_check_new (self->store, NULL, &error) : NULL;
  if (check == NULL)
    {
      g_clear_object (&self->doc);
      vigil_gui_toast_error (GTK_WIDGET (self), _("The report could not be built"), error);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Building the report…"));
  gtk_stack_set_visible_child_name (self->preview_stack, "building");
  show_preview (self);
  vigil_report_job_run_async (self->doc, check, VIGIL_REPORT_FORMAT_PDF, MAX_PREVIEWS,
                              PREVIEW_WIDTH, on_progress, self, self->cancellable, on_built,
                              g_object_ref (self));
  update_actions (self);
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (widget);

  stop (self);
  if (self->saving)
    {
      self->saving = FALSE;
      gtk_stack_set_visible_child_name (self->preview_stack, "preview");
    }
  else
    {
      clear_result (self);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
    }
  update_actions (self);
}

static void
show_choices_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->body_leaflet, self->options_column);
  gtk_widget_grab_focus (GTK_WIDGET (self->scope_row));
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (widget);
  g_autoptr (GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) odt = gtk_file_filter_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *file_name = g_strdup_printf ("monitoring-report-%s.pdf", day);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->result == NULL || self->result->leaks->len > 0)
    return;
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (odt, _("OpenDocument text, to edit or translate"));
  gtk_file_filter_add_suffix (odt, "odt");
  chooser = gtk_file_chooser_native_new (_("Save the Report"), GTK_IS_WINDOW (root)
                                                               ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), odt);
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GtkWidget overrides */

/* Arriving on the page puts the keyboard on its first choice. */
static gboolean
vigil_reports_page_grab_focus (GtkWidget *widget)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->scope_row));
}

/* GObject overrides */

static void
vigil_reports_page_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_reports_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      if (self->narrow != g_value_get_boolean (value))
        {
          self->narrow = g_value_get_boolean (value);
          on_body_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_reports_page_dispose (GObject *object)
{
  VigilReportsPage *self = VIGIL_REPORTS_PAGE (object);

  stop (self);
  clear_result (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->references);
  g_clear_pointer (&self->saved_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (vigil_reports_page_parent_class)->dispose (object);
}

static void
vigil_reports_page_class_init (VigilReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_reports_page_dispose;
  object_class->get_property = vigil_reports_page_get_property;
  object_class->set_property = vigil_reports_page_set_property;
  widget_class->grab_focus = vigil_reports_page_grab_focus;

  /* Whether the window shows the page without the sidebar beside it. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-reports-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VigilReportsPage, name)
  BIND (scope_row);
  BIND (case_row);
  BIND (from_row);
  BIND (to_row);
  BIND (dates_row);
  BIND (courts_row);
  BIND (references_row);
  BIND (min_cell_spin);
  BIND (sections_group);
  BIND (paper_row);
  BIND (preview_stack);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (check_box);
  BIND (check_icon);
  BIND (check_label);
  BIND (pages_box);
  BIND (save_button);
  BIND (back_button);
  BIND (sections_button);
  BIND (body_leaflet);
  BIND (options_column);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_body_changed);

  gtk_widget_class_install_action (widget_class, "reports.build", NULL, build_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "reports.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reports.show-choices", NULL,
                                   show_choices_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reports.build", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "reports.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reports.cancel", NULL);
}

static void
vigil_reports_page_init (VigilReportsPage *self)
{
  static const char *const scopes[] = { N_("Every case"), N_("One case"), N_("A period"), NULL };
  static const char *const dates[] = { N_("Exact"), N_("By month"), N_("By quarter"), NULL };
  static const char *const courts[] = { N_("Exact"), N_("By region"), N_("Left out"), NULL };
  static const char *const references[] = { N_("Report codes"), N_("Court references"), NULL };
  static const char *const papers[] = { N_("A4"), N_("US Letter"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  self->references = gtk_string_list_new (NULL);
  set_labels (self->scope_row, scopes, 0);
  set_labels (self->dates_row, dates, VIGIL_REPORT_DATES_MONTH);
  set_labels (self->courts_row, courts, VIGIL_REPORT_COURTS_REGION);
  set_labels (self->references_row, references, VIGIL_REPORT_REFERENCES_CODES);
  set_labels (self->paper_row, papers, 0);
  vigil_gui_combo_row_set_model (self->case_row, G_LIST_MODEL (self->references));

  /* One switch a section, all on: rows from a table, as a list is. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(sections[i].name), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sections[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->sections_group, row);
      self->section_switches[i] = GTK_SWITCH (toggle);
    }
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  update_actions (self);
}

/* public API */

GtkWidget *
vigil_reports_page_new (void)
{
  return g_object_new (VIGIL_TYPE_REPORTS_PAGE, NULL);
}

void
vigil_reports_page_set_store (VigilReportsPage *self,
                              VigilStore       *store)
{
  g_return_if_fail (VIGIL_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  stop (self);
  self->saving = FALSE;
  clear_result (self);
  g_clear_pointer (&self->saved_path, g_free);
  g_set_object (&self->store, store);
  gtk_string_list_splice (self->references, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->references)), NULL);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);

      for (guint i = 0; cases != NULL && i < cases->len; i++)
        gtk_string_list_append (self->references,
                                vigil_case_get_reference (g_ptr_array_index (cases, i)));
    }
  gtk_stack_set_visible_child_name (self->preview_stack, "empty");
  update_actions (self);
}

gboolean
vigil_reports_page_get_busy (VigilReportsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORTS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

GPtrArray *
vigil_reports_page_get_leaks (VigilReportsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORTS_PAGE (self), NULL);
  return self->result != NULL ? self->result->leaks : NULL;
}

guint
vigil_reports_page_get_n_previews (VigilReportsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORTS_PAGE (self), 0);
  return self->result != NULL && self->result->previews != NULL ? self->result->previews->len : 0;
}

const char *
vigil_reports_page_get_saved_path (VigilReportsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_REPORTS_PAGE (self), NULL);
  return self->saving ? NULL : self->saved_path;
}

/* The format follows the name: .odt is typeset again as OpenDocument and
 * checked again; anything else is the PDF the preview's check read. */
void
vigil_reports_page_save_to (VigilReportsPage *self,
                            GFile            *file)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  VigilReportFormat format;
  VigilLeakCheck *check;

  g_return_if_fail (VIGIL_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->result == NULL || self->result->leaks->len > 0 || self->cancellable != NULL)
    return;
  path = g_file_get_path (file);
  if (!vigil_report_format_from_path (path, &format))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
      format = VIGIL_REPORT_FORMAT_PDF;
    }
  g_clear_pointer (&self->saved_path, g_free);
  self->saved_path = g_steal_pointer (&path);
  if (format == VIGIL_REPORT_FORMAT_PDF)
    {
      g_autofree char *basename = g_path_get_basename (self->saved_path);
      g_autofree char *message = NULL;

      if (!vigil_report_write_file (self->result->bytes, self->saved_path, &error))
        {
          g_clear_pointer (&self->saved_path, g_free);
          vigil_gui_toast_error (GTK_WIDGET (self), _("The report was not saved"), error);
          return;
        }
      message = g_strdup_printf (_("Saved the checked report to %s."), basename);
      show_check (self, message);
      vigil_gui_toast (GTK_WIDGET (self), message);
      return;
    }
  check = vigil_leak_check_new (self->store, NULL, &error);
  if (check == NULL)
    {
      g_clear_pointer (&self->saved_path, g_free);
      vigil_gui_toast_error (GTK_WIDGET (self), _("The report was not saved"), error);
      return;
    }
  self->saving = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Writing the OpenDocument text…"));
  gtk_stack_set_visible_child_name (self->preview_stack, "building");
  vigil_report_job_run_async (self->doc, check, format, 0, PREVIEW_WIDTH, on_progress, self,
                              self->cancellable, on_saved_check, g_object_ref (self));
  update_actions (self);
}
