/* test-reports-page.c: the Reports section of the window, driven by real
 * keys and clicks, with what it saved read back and checked against the
 * vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-application.h"
#include "vigil-demo.h"
#include "vigil-interchange.h"
#include "vigil-leak-check.h"
#include "vigil-poppler.h"
#include "vigil-report-render-private.h"
#include "vigil-reports-page.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

#define PASSPHRASE "a long test passphrase"

typedef struct
{
  char        *dir;
  char        *path;
  VigilWindow *window;
} Fixture;

static GApplication *app;
static char *documents_dir;

/* private helpers */

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static gboolean
is_idle (gpointer data)
{
  return !vigil_reports_page_get_busy (VIGIL_REPORTS_PAGE (data));
}

static gboolean
has_result (gpointer data)
{
  return is_idle (data) && vigil_reports_page_get_leaks (VIGIL_REPORTS_PAGE (data)) != NULL;
}

static gboolean
has_chooser (gpointer data)
{
  return vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return vigil_reports_page_get_saved_path (VIGIL_REPORTS_PAGE (data)) != NULL
         && g_file_test (vigil_reports_page_get_saved_path (VIGIL_REPORTS_PAGE (data)),
                         G_FILE_TEST_EXISTS);
}

/* A vault of demo cases, and one more whose victim's name the tests plant. */
static void
make_vault (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                                     &error);
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (JsonNode) root = vigil_demo_generate (6, 5);
  g_autoptr (VigilInterchange) document = vigil_interchange_load_node (root, NULL, &error);
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();

  g_assert_no_error (error);
  store = vigil_store_new (vault);
  g_assert_true (vigil_interchange_import (document, store, NULL, &error));
  g_assert_no_error (error);
  vigil_case_set_reference (kase, "K 157/2023");
  vigil_case_set_court (kase, "Tribunalul Brașov");
  g_assert_true (vigil_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  person = vigil_person_new (vigil_case_get_id (kase));
  vigil_person_set_pseudonym (person, "V-01");
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_assert_true (vigil_store_save_person (store, person, &error));
  g_assert_no_error (error);
  identity->full_name = g_strdup ("Ana-Maria Popescu");
  g_assert_true (vigil_store_save_identity (store, person, identity, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_store_set_monitor (store, "Ana Monitor", &error));
  g_assert_no_error (error);
  vigil_vault_lock (vault);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
  make_vault (f);
  f->window = vigil_window_new (GTK_APPLICATION (app), f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  vigil_test_run_for (100);
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE);
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  vigil_report_render_set_test_plant (NULL, 0);
  vigil_report_render_set_test_delay (0);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* The first widget under @root whose widget name is @name, or which is
 * an actionable whose action is @name. */
static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0
          || (GTK_IS_ACTIONABLE (child)
              && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), name) == 0))
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the sidebar's Reports row; the page it shows. */
static VigilReportsPage *
open_reports (Fixture *f)
{
  GtkWidget *row = find_named (GTK_WIDGET (f->window), "reports");
  GtkWidget *page;

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-before-click");
  vigil_test_input_click (row);
  page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_REPORTS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (vigil_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, page,
                                        5000));
  return VIGIL_REPORTS_PAGE (page);
}

/* The button of @action under @root, checking that a screen reader hears
 * @name. */
static GtkWidget *
button_in (GtkWidget *root, const char *action, const char *name)
{
  GtkWidget *button = find_named (root, action);
  g_autofree char *differs = NULL;

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  if (differs != NULL)
    g_error ("The button of %s is named %s", action, differs);
  return button;
}

static GtkWidget *
button_named (Fixture *f, const char *action, const char *name)
{
  return button_in (GTK_WIDGET (f->window), action, name);
}

/* tests */

/* The main workflow by hand: Reports in the sidebar, the build button,
 * the preview and the check's verdict, Ctrl+S and a name typed into the
 * file chooser. The file saved is read back: mode 0600, the report's
 * title on its first page, and nothing of the vault's identities in it. */
static void
test_build_and_save (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = g_build_filename (documents_dir, "ministry report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilLeakCheck) check = NULL;
  g_autoptr (GPtrArray) leaks = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (PopplerPage) first = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  VigilReportsPage *page;
  GtkWindow *chooser;
  GStatBuf st;

  /* The programme's name, as Preferences keeps it, heads the title page. */
  g_settings_set_string (settings, "report-programme", "Balkan Court Watch");
  page = open_reports (f);
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-options");
  g_assert_false (gtk_widget_is_sensitive (button_named (f, "reports.save", "Save the report")));

  vigil_test_input_click (button_named (f, "reports.build", "Build a preview of the report"));
  g_assert_true (vigil_test_wait_until (has_result, page, 60000));
  vigil_test_run_for (300);
  g_assert_cmpuint (vigil_reports_page_get_leaks (page)->len, ==, 0);
  g_assert_cmpuint (vigil_reports_page_get_n_previews (page), >=, 3);
  label = vigil_test_widget_text (GTK_WIDGET (page));
  g_assert_nonnull (strstr (label, "Checked: no identity of the vault"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-preview");
  g_assert_true (gtk_widget_is_sensitive (button_named (f, "reports.save", "Save the report")));

  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+s");
  g_assert_true (vigil_test_wait_until (has_chooser, NULL, 5000));
  chooser = vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  vigil_test_input_focus_window (chooser);
  vigil_test_run_for (300);
  vigil_test_input_keys (chooser, "ctrl+a");
  vigil_test_input_keys (chooser, "type:ministry report.pdf");
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (chooser), "reports-save-chooser");
  vigil_test_input_keys (chooser, "Return");
  g_assert_true (vigil_test_wait_until (is_saved, page, 10000));
  g_assert_cmpstr (vigil_reports_page_get_saved_path (page), ==, saved);
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-saved");

  /* What is on disk, read back. */
  g_assert_cmpint (g_stat (saved, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  uri = g_filename_to_uri (saved, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  first = poppler_document_get_page (pdf, 0);
  first_text = poppler_page_get_text (first);
  g_assert_nonnull (strstr (first_text, "Balkan Court Watch"));
  g_settings_reset (settings, "report-programme");
  check = vigil_leak_check_new (vigil_window_get_store (f->window), NULL, &error);
  g_assert_no_error (error);
  leaks = vigil_leak_check_file (check, saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaks->len, ==, 0);
  g_assert_true (g_remove (saved) == 0);
}

/* A name the anonymizer never saw, planted past it: the check names the
 * page and whose it is, never the name, and the report cannot be saved. */
static void
test_leak_blocks_save (Fixture *f, gconstpointer data)
{
  VigilReportsPage *page;
  g_autofree char *text = NULL;
  VigilLeak *leak;

  vigil_report_render_set_test_plant ("The court heard Ana-Maria POPESCU by video link.", 3);
  page = open_reports (f);
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+Return");
  g_assert_true (vigil_test_wait_until (has_result, page, 60000));
  vigil_test_run_for (300);
  g_assert_cmpuint (vigil_reports_page_get_leaks (page)->len, >=, 1);
  leak = g_ptr_array_index (vigil_reports_page_get_leaks (page), 0);
  g_assert_nonnull (strstr (leak->message, "the name of V-01 in case K 157/2023"));
  g_assert_true (g_str_has_prefix (leak->message, "page "));
  text = vigil_test_widget_text (GTK_WIDGET (page));
  g_assert_nonnull (strstr (text, "Not safe to publish"));
  g_assert_nonnull (strstr (text, leak->message));
  g_assert_null (strstr (text, "Popescu"));
  g_assert_null (strstr (text, "POPESCU"));
  g_assert_false (gtk_widget_is_sensitive (button_named (f, "reports.save", "Save the report")));
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-leak");
  /* Ctrl+S does nothing: no chooser. */
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+s");
  vigil_test_run_for (300);
  g_assert_false (has_chooser (NULL));
}

/* A build shows its progress and stops at Cancel (the button, clicked). */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  VigilReportsPage *page = open_reports (f);
  GtkWidget *cancel;

  vigil_report_render_set_test_delay (20000);
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+Return");
  g_assert_true (vigil_reports_page_get_busy (page));
  cancel = button_named (f, "reports.cancel", "Cancel building the report");
  g_assert_true (gtk_widget_is_sensitive (cancel));
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-building");
  vigil_test_input_click (cancel);
  g_assert_true (vigil_test_wait_until (is_idle, page, 5000));
  g_assert_null (vigil_reports_page_get_leaks (page));
  g_assert_false (gtk_widget_is_sensitive (button_named (f, "reports.save", "Save the report")));
}

/* In a window as narrow as a phone's, the choices and the preview take
 * the page in turn: the preview from the build on, the choices again by
 * the back button. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  VigilReportsPage *page;
  GtkWidget *back;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  vigil_test_run_for (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  vigil_test_run_for (300);
  page = open_reports (f);
  vigil_test_run_for (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_true (gtk_widget_get_mapped (button_in (GTK_WIDGET (page), "win.show-sidebar",
                                                   "Back to the Sections")));
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-narrow-choices");
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+Return");
  g_assert_true (vigil_test_wait_until (has_result, page, 60000));
  vigil_test_run_for (400);
  back = button_named (f, "reports.show-choices", "Back to the report’s choices");
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  vigil_test_screenshot (GTK_WIDGET (f->window), "reports-page-narrow-preview");
  vigil_test_input_click (back);
  vigil_test_run_for (400);
  g_assert_false (gtk_widget_get_visible (back));
  /* And from the choices, back to the sections. */
  vigil_test_input_click (button_in (GTK_WIDGET (page), "win.show-sidebar",
                                     "Back to the Sections"));
  vigil_test_run_for (400);
  g_assert_true (gtk_widget_get_mapped (find_named (GTK_WIDGET (f->window), "reports")));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_home = vigil_test_tmpdir_new ();
  g_autofree char *config = g_build_filename (data_home, "config", NULL);
  g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *line = NULL;
  int status;

  /* The Documents folder the chooser starts in is the test's own. */
  documents_dir = g_build_filename (data_home, "Documents", NULL);
  line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_dir);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (documents_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  vigil_test_gui_init (&argc, &argv);
  app = G_APPLICATION (vigil_application_new ());
  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/reports-page/build-and-save", test_build_and_save);
  ADD ("/reports-page/leak-blocks-save", test_leak_blocks_save);
  ADD ("/reports-page/cancel", test_cancel);
  ADD ("/reports-page/narrow", test_narrow);
#undef ADD
  status = g_test_run ();
  vigil_test_tmpdir_free (g_steal_pointer (&data_home));
  g_free (documents_dir);
  return status;
}
