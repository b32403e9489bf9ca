/* test-window-keys.c: the main window driven by real keys and clicks,
 * from the unlock screen on, with what they did read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-application.h"
#include "vigil-case-editor.h"
#include "vigil-case-page.h"
#include "vigil-cases-page.h"
#include "vigil-catalogue.h"
#include "vigil-demo.h"
#include "vigil-hearing-editor.h"
#include "vigil-hearing-page.h"
#include "vigil-hearing-row.h"
#include "vigil-live-window.h"
#include "vigil-monitor-dialog.h"
#include "vigil-person-editor.h"
#include "vigil-person-row.h"
#include "vigil-preferences-window.h"
#include "vigil-store-observation-notes.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

#define PASSPHRASE "a long test passphrase"

typedef struct
{
  char        *dir;
  char        *path;
  char        *case_id;
  char        *hearing_id;
  VigilWindow *window;
} Fixture;

/* One for the whole program: an application registers once. */
static GApplication *app;
/* The test user's Documents folder (main() sets it up). */
static char *documents_dir;

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static gboolean
is_locked (gpointer data)
{
  return vigil_window_get_locked (VIGIL_WINDOW (data));
}

/* A vault made by the core with one case, a person and a hearing in it,
 * and @monitor kept for its key slot unless NULL. */
static void
make_vault (Fixture *f, VigilKdfLevel level, const char *monitor)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_create (f->path, PASSPHRASE, level, &error);
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const char *charges[] = { "trafficking in human beings", NULL };

  g_assert_no_error (error);
  store = vigil_store_new (vault);
  vigil_case_set_reference (kase, "K 157/2023");
  vigil_case_set_court (kase, "Tribunalul Brașov");
  vigil_case_set_charges (kase, charges);
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_TRIAL);
  g_assert_true (vigil_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  person = vigil_person_new (vigil_case_get_id (kase));
  vigil_person_set_pseudonym (person, "V-01");
  vigil_person_set_role (person, VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_assert_true (vigil_store_save_person (store, person, &error));
  g_assert_no_error (error);
  {
    g_autoptr (VigilIdentity) identity = vigil_identity_new ();

    identity->full_name = g_strdup ("Ana-Maria Popescu");
    g_assert_true (vigil_store_save_identity (store, person, identity, &error));
    g_assert_no_error (error);
  }
  hearing = vigil_hearing_new (vigil_case_get_id (kase));
  vigil_hearing_set_starts_at (hearing, now);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_TESTIMONY);
  vigil_hearing_add_attendee (hearing, person, TRUE);
  g_assert_true (vigil_store_save_hearing (store, hearing, &error));
  g_assert_no_error (error);
  if (monitor != NULL)
    {
      g_assert_true (vigil_store_set_monitor (store, monitor, &error));
      g_assert_no_error (error);
    }
  f->case_id = g_strdup (vigil_case_get_id (kase));
  f->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  vigil_vault_lock (vault);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
}

/* The window of the running application, with its accelerators. */
static void
show_window (Fixture *f)
{
  f->window = vigil_window_new (GTK_APPLICATION (app), f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  vigil_test_run_for (100);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
  g_free (f->hearing_id);
}

/* Types the passphrase into the unlock page, which has the focus, and
 * waits for the vault to open. */
static void
unlock_by_keys (Fixture *f)
{
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE);
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
}

static gboolean
has_monitor_dialog (gpointer data)
{
  return vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG) != NULL;
}

static gboolean
has_no_monitor_dialog (gpointer data)
{
  return vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG) == NULL;
}

/* The monitor recorded with a status set now through the window's store,
 * read back from the vault file by a vault of its own. */
static char *
record_and_read_monitor (Fixture *f, VigilObservationStatus status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GPtrArray) observations = NULL;
  g_autofree char *id = NULL;

  id = vigil_store_set_observation_status (vigil_window_get_store (f->window),
                                           vigil_catalogue_get_default (), f->hearing_id,
                                           "interpreter-provided", status, NULL, &error);
  g_assert_no_error (error);
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  observations = vigil_store_list_observations (store, f->hearing_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (observations->len, ==, 1);
  vigil_vault_lock (vault);
  return g_strdup (((VigilObservationData *) g_ptr_array_index (observations, 0))->monitor);
}

/* Item 18: the first unlock with a key slot asks who is monitoring; the
 * name typed is what an observation records, and Preferences changes it. */
static void
test_monitor_name (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;
  GtkWindow *preferences;
  GtkWidget *row;
  g_autofree char *recorded = NULL;
  g_autofree char *renamed = NULL;

  make_vault (f, VIGIL_KDF_INTERACTIVE, NULL);
  show_window (f);
  unlock_by_keys (f);
  g_assert_true (vigil_test_wait_until (has_monitor_dialog, NULL, 5000));
  dialog = vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  vigil_test_input_focus_window (dialog);
  vigil_test_screenshot (GTK_WIDGET (dialog), "monitor-dialog");
  vigil_test_input_keys (dialog, "type:Ana Popescu");
  vigil_test_input_keys (dialog, "Return");
  g_assert_true (vigil_test_wait_until (has_no_monitor_dialog, NULL, 5000));
  g_assert_cmpstr (vigil_store_get_monitor (vigil_window_get_store (f->window)), ==,
                   "Ana Popescu");
  recorded = record_and_read_monitor (f, VIGIL_OBSERVATION_STATUS_RESPECTED);
  g_assert_cmpstr (recorded, ==, "Ana Popescu");

  /* Asked once: the next unlock with the slot goes straight to the cases. */
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+l");
  g_assert_true (vigil_test_wait_until (is_locked, f->window, 5000));
  vigil_test_run_for (200);
  unlock_by_keys (f);
  vigil_test_run_for (500);
  g_assert_null (vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG));

  /* Preferences show the name and change it. */
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+comma");
  preferences = vigil_test_find_window (VIGIL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  vigil_test_input_focus_window (preferences);
  row = vigil_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Your Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ana Popescu");
  vigil_test_screenshot (GTK_WIDGET (preferences), "preferences-monitor");
  vigil_test_input_click (row);
  vigil_test_input_keys (preferences, "ctrl+a BackSpace");
  vigil_test_input_keys (preferences, "type:Ana-Maria Popescu");
  vigil_test_input_keys (preferences, "Return");
  g_assert_cmpstr (vigil_store_get_monitor (vigil_window_get_store (f->window)), ==,
                   "Ana-Maria Popescu");
  renamed = record_and_read_monitor (f, VIGIL_OBSERVATION_STATUS_NOT_RESPECTED);
  g_assert_cmpstr (renamed, ==, "Ana-Maria Popescu");
  gtk_window_destroy (preferences);
}

static gboolean
is_not_busy (gpointer data)
{
  return !vigil_unlock_page_get_busy (VIGIL_UNLOCK_PAGE (data));
}

/* Item 14: keys typed while the key is derived are not lost. Text typed
 * straight after Enter is taken for a passphrase typed again and never
 * shown; from a shortcut on, the keys reach the unlocked window. */
static void
test_typed_while_unlocking (Fixture *f, gconstpointer data)
{
  VigilUnlockPage *page;
  GtkWidget *cases_page;
  GtkWidget *case_page;
  GtkWidget *search;
  GListModel *shown;
  g_autoptr (VigilCase) found = NULL;
  g_autofree char *text = NULL;

  /* The default key derivation: about a second, the time to type in. */
  make_vault (f, VIGIL_KDF_MODERATE, "Ana Popescu");
  show_window (f);
  page = vigil_window_get_unlock_page (f->window);
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE);
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:oops");
  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+f");
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:K 157");
  /* Otherwise the keys were not typed during the unlock at all. */
  g_assert_true (vigil_unlock_page_get_busy (page));
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlocking-typed");
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
  vigil_test_run_for (300);

  cases_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                       g_type_from_name ("VigilCasesPage"), NULL);
  search = vigil_test_find_widget (cases_page, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "K 157");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search)
                 || gtk_root_get_focus (GTK_ROOT (f->window)) == search);
  text = vigil_test_widget_text (GTK_WIDGET (f->window));
  g_assert_null (strstr (text, "oops"));
  shown = vigil_cases_page_get_shown (VIGIL_CASES_PAGE (cases_page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  found = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (vigil_case_get_id (found), ==, f->case_id);
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlocked-typed-search");

  /* And Enter opens the case found, as it does for a search typed later. */
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  vigil_test_run_for (300);
  case_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                      g_type_from_name ("VigilCasePage"), NULL);
  g_assert_true (gtk_widget_get_mapped (case_page));
  g_assert_cmpstr (vigil_case_page_get_case_id (VIGIL_CASE_PAGE (case_page)), ==, f->case_id);
}

/* A wrong passphrase: what was typed again meanwhile waits in the field. */
static void
test_retyped_while_unlocking (Fixture *f, gconstpointer data)
{
  VigilUnlockPage *page;
  GtkWidget *row;

  make_vault (f, VIGIL_KDF_MODERATE, "Ana Popescu");
  show_window (f);
  page = vigil_window_get_unlock_page (f->window);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:a wrong passphrase");
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE "x");
  vigil_test_input_keys (GTK_WINDOW (f->window), "BackSpace");
  g_assert_true (vigil_unlock_page_get_busy (page));
  g_assert_true (vigil_test_wait_until (is_not_busy, page, 60000));
  vigil_test_run_for (200);
  g_assert_nonnull (vigil_unlock_page_get_message (page));
  g_assert_true (vigil_window_get_locked (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, PASSPHRASE);
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlock-retyped");
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
}

static gboolean
has_chooser (gpointer data)
{
  return vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static guint
n_stored_cases (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (vigil_window_get_store (f->window),
                                                        &error);

  g_assert_no_error (error);
  return cases->len;
}

/* Item 15: in Import, a path typed into the file chooser opens that file;
 * the import that follows is confirmed with Enter. */
static void
test_import_typed_path (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) demo = vigil_demo_generate (3, 11);
  g_autofree char *json = json_to_string (demo, TRUE);
  g_autofree char *file = g_build_filename (documents_dir, "three cases.json", NULL);
  GtkWindow *chooser;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  /* A file used lately: the chooser of GTK 4.8 would then open on Recent. */
  {
    g_autofree char *uri = g_filename_to_uri (file, NULL, NULL);

    g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  }
  make_vault (f, VIGIL_KDF_INTERACTIVE, "Ana Popescu");
  show_window (f);
  unlock_by_keys (f);
  g_assert_cmpuint (n_stored_cases (f), ==, 1);

  vigil_test_input_keys (GTK_WINDOW (f->window), "ctrl+i");
  g_assert_true (vigil_test_wait_until (has_chooser, NULL, 5000));
  chooser = vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  vigil_test_input_focus_window (chooser);
  vigil_test_run_for (300);
  /* A path typed into the location field, relative to where the chooser
   * is: in Recent it is relative to nothing, and goes nowhere. */
  vigil_test_input_keys (chooser, "ctrl+l");
  vigil_test_input_keys (chooser, "type:three cases.json");
  vigil_test_run_for (300);
  vigil_test_screenshot (GTK_WIDGET (chooser), "import-typed-path");
  vigil_test_input_keys (chooser, "Return");
  g_assert_true (vigil_test_wait_until (has_message_dialog, NULL, 5000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Import three cases.json?");
  vigil_test_input_focus_window (dialog);
  vigil_test_input_keys (dialog, "Return");
  vigil_test_run_for (200);
  g_assert_cmpuint (n_stored_cases (f), ==, 4);
  g_assert_true (g_remove (file) == 0);
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_in (GtkWindow *window, GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Presses Tab until the focus is in a widget of @type under @root, at most
 * @max times; returns that widget. */
static GtkWidget *
tab_to (GtkWindow *window, GtkWidget *root, GType type, guint max)
{
  for (guint i = 0; i < max; i++)
    {
      GtkWidget *focus;
      GtkWidget *found;

      vigil_test_input_keys (window, "Tab");
      focus = focus_of (window);
      found = focus != NULL ? (G_TYPE_CHECK_INSTANCE_TYPE (focus, type)
                                 ? focus
                                 : gtk_widget_get_ancestor (focus, type))
                            : NULL;
      if (found != NULL && gtk_widget_is_ancestor (found, root))
        return found;
    }
  g_assert_not_reached ();
}

/* Items of a list (a drop-down's values) without an accessible name. */
static guint
count_unnamed_items (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child))
            == GTK_ACCESSIBLE_ROLE_LIST_ITEM
          && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL))
        n++;
      n += count_unnamed_items (child);
    }
  return n;
}

static gboolean
has_window (gpointer type)
{
  return vigil_test_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_window (gpointer type)
{
  return vigil_test_find_window (GPOINTER_TO_SIZE (type)) == NULL;
}

/* The window of @type the keys opened, with the X focus given to it. */
static GtkWindow *
opened (GType type)
{
  GtkWindow *window;

  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (type), 5000));
  window = vigil_test_find_window (type);
  vigil_test_input_focus_window (window);
  vigil_test_run_for (100);
  return window;
}

static void
closed (GType type)
{
  g_assert_true (vigil_test_wait_until (has_no_window, GSIZE_TO_POINTER (type), 5000));
}

/* Item 19: creating a vault, Tab goes from the passphrase to its
 * confirmation. */
static void
test_create_tab_order (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  VigilUnlockPage *page;
  GtkWidget *confirm;
  GtkWindow *dialog;

  show_window (f);
  page = vigil_window_get_unlock_page (f->window);
  g_assert_true (vigil_unlock_page_get_creating (page));
  vigil_unlock_page_set_kdf_level (page, VIGIL_KDF_INTERACTIVE);
  confirm = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Confirm Passphrase");
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE);
  vigil_test_input_keys (GTK_WINDOW (f->window), "Tab");
  g_assert_true (focus_is_in (GTK_WINDOW (f->window), confirm));
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:" PASSPHRASE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (confirm)), ==, PASSPHRASE);
  vigil_test_screenshot (GTK_WIDGET (f->window), "create-tab-order");
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
  dialog = opened (VIGIL_TYPE_MONITOR_DIALOG);
  vigil_test_input_keys (dialog, "type:Ana Popescu");
  vigil_test_input_keys (dialog, "Return");
  closed (VIGIL_TYPE_MONITOR_DIALOG);

  /* What was typed is the vault's passphrase, and the name its monitor. */
  vault = vigil_vault_open (f->path, PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  g_assert_cmpstr (vigil_store_get_monitor (store), ==, "Ana Popescu");
  vigil_vault_lock (vault);
}

static VigilCase *
stored_case (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  VigilCase *kase = vigil_store_get_case (vigil_window_get_store (f->window), f->case_id, &error);

  g_assert_no_error (error);
  return kase;
}

static guint
stored_count (Fixture *f, gboolean persons)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = persons
                                 ? vigil_store_list_persons (vigil_window_get_store (f->window),
                                                             f->case_id, &error)
                                 : vigil_store_list_hearings (vigil_window_get_store (f->window),
                                                              f->case_id, &error);

  g_assert_no_error (error);
  return list->len;
}

/* Item 19: the case page by keyboard: F2 edits the case, its stage chosen
 * in the drop-down with the arrow keys; Ctrl+Shift+P and Ctrl+Shift+H add
 * a person and a hearing; Ctrl+Shift+R reveals and hides the identity of
 * the person with the focus, and F2 there edits that person. */
static void
test_case_shortcuts (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  GtkWindow *editor;
  GtkWidget *case_page;
  GtkWidget *stage;
  GtkWidget *person_row;
  g_autoptr (VigilCase) saved = NULL;
  g_autofree char *text = NULL;

  make_vault (f, VIGIL_KDF_INTERACTIVE, "Ana Popescu");
  show_window (f);
  window = GTK_WINDOW (f->window);
  unlock_by_keys (f);
  /* The keyboard is on the cases: Enter opens the one there is. */
  vigil_test_input_keys (window, "Return");
  vigil_test_run_for (300);
  case_page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASE_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (case_page));
  g_assert_true (focus_is_in (window, case_page));

  /* F2 edits the case; its stage goes one down, by keys alone. */
  vigil_test_input_keys (window, "F2");
  editor = opened (VIGIL_TYPE_CASE_EDITOR);
  stage = tab_to (editor, GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, 6);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (stage)), ==, "Stage");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (stage)), ==,
                    VIGIL_CASE_STAGE_TRIAL);
  vigil_test_input_keys (editor, "space");
  vigil_test_run_for (300);
  vigil_test_screenshot (GTK_WIDGET (editor), "case-editor-stage-open");
  /* Open, the list has the keyboard on the stage chosen, and each stage
   * is named for a screen reader. */
  {
    GtkWidget *popover = vigil_test_find_widget (stage, GTK_TYPE_POPOVER, NULL);
    GtkWidget *focus = focus_of (editor);
    g_autofree char *focus_name = NULL;

    g_assert_true (gtk_widget_get_mapped (popover));
    g_assert_true (gtk_widget_is_ancestor (focus, popover));
    g_assert_cmpuint (count_unnamed_items (popover), ==, 0);
    focus_name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (focus),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "");
    g_assert_cmpstr (focus_name, ==, "Trial");
  }
  vigil_test_input_keys (editor, "Down Return");
  vigil_test_run_for (200);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (stage)), ==,
                    VIGIL_CASE_STAGE_TRIAL + 1);
  vigil_test_input_keys (editor, "ctrl+s");
  closed (VIGIL_TYPE_CASE_EDITOR);
  saved = stored_case (f);
  g_assert_cmpint (vigil_case_get_stage (saved), ==, VIGIL_CASE_STAGE_TRIAL + 1);

  /* A person and a hearing, added from the keyboard. */
  vigil_test_input_focus_window (window);
  vigil_test_input_keys (window, "ctrl+shift+p");
  editor = opened (VIGIL_TYPE_PERSON_EDITOR);
  vigil_test_input_keys (editor, "ctrl+s");
  closed (VIGIL_TYPE_PERSON_EDITOR);
  g_assert_cmpuint (stored_count (f, TRUE), ==, 2);
  vigil_test_input_focus_window (window);
  vigil_test_input_keys (window, "ctrl+shift+h");
  editor = opened (VIGIL_TYPE_HEARING_EDITOR);
  vigil_test_input_keys (editor, "ctrl+s");
  closed (VIGIL_TYPE_HEARING_EDITOR);
  g_assert_cmpuint (stored_count (f, FALSE), ==, 2);

  /* The identity of the person with the focus: revealed once confirmed
   * (Alt+R answers "Reveal"), hidden again at once. */
  vigil_test_input_focus_window (window);
  person_row = tab_to (window, case_page, VIGIL_TYPE_PERSON_ROW, 12);
  vigil_test_input_keys (window, "ctrl+shift+r");
  editor = opened (ADW_TYPE_MESSAGE_DIALOG);
  vigil_test_input_keys (editor, "alt+r");
  closed (ADW_TYPE_MESSAGE_DIALOG);
  vigil_test_run_for (200);
  g_assert_true (vigil_person_row_get_revealed (VIGIL_PERSON_ROW (person_row)));
  text = vigil_test_widget_text (case_page);
  g_assert_nonnull (strstr (text, "Ana-Maria Popescu"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "case-revealed-by-keys");
  vigil_test_input_focus_window (window);
  vigil_test_input_keys (window, "ctrl+shift+r");
  g_assert_false (vigil_person_row_get_revealed (VIGIL_PERSON_ROW (person_row)));
  g_clear_pointer (&text, g_free);
  text = vigil_test_widget_text (case_page);
  g_assert_null (strstr (text, "Ana-Maria Popescu"));

  /* F2 on a person edits that person. */
  vigil_test_input_keys (window, "F2");
  editor = opened (VIGIL_TYPE_PERSON_EDITOR);
  g_assert_nonnull (strstr (gtk_window_get_title (editor), "Edit"));
  g_clear_pointer (&text, g_free);
  text = vigil_test_widget_text (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (text, vigil_person_get_pseudonym (
                                    vigil_person_row_get_person (VIGIL_PERSON_ROW (person_row)))));
  vigil_test_input_keys (editor, "Escape");
  closed (VIGIL_TYPE_PERSON_EDITOR);
}

/* Item 19: on a hearing, F2 edits it and F5 starts live mode. */
static void
test_hearing_shortcuts (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  GtkWindow *opened_window;
  GtkWidget *case_page;
  GtkWidget *hearing_page;
  GtkWidget *row;

  make_vault (f, VIGIL_KDF_INTERACTIVE, "Ana Popescu");
  show_window (f);
  window = GTK_WINDOW (f->window);
  unlock_by_keys (f);
  vigil_test_input_keys (window, "Return");
  vigil_test_run_for (300);
  case_page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASE_PAGE, NULL);
  row = tab_to (window, case_page, VIGIL_TYPE_HEARING_ROW, 16);

  /* F2 on a hearing's row edits that hearing. */
  vigil_test_input_keys (window, "F2");
  opened_window = opened (VIGIL_TYPE_HEARING_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (opened_window), ==, "Edit Hearing");
  vigil_test_input_keys (opened_window, "Escape");
  closed (VIGIL_TYPE_HEARING_EDITOR);

  /* Enter opens it; there, F2 edits it and F5 goes live. */
  vigil_test_input_focus_window (window);
  g_assert_true (focus_is_in (window, row));
  vigil_test_input_keys (window, "Return");
  vigil_test_run_for (300);
  hearing_page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_HEARING_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (hearing_page));
  vigil_test_input_keys (window, "F2");
  opened_window = opened (VIGIL_TYPE_HEARING_EDITOR);
  vigil_test_input_keys (opened_window, "Escape");
  closed (VIGIL_TYPE_HEARING_EDITOR);
  vigil_test_input_focus_window (window);
  vigil_test_input_keys (window, "F5");
  opened_window = opened (VIGIL_TYPE_LIVE_WINDOW);
  g_assert_cmpstr (vigil_hearing_get_id (vigil_checklist_get_hearing (
                     vigil_hearing_page_get_checklist (VIGIL_HEARING_PAGE (hearing_page)))),
                   ==, f->hearing_id);
  vigil_test_input_keys (opened_window, "ctrl+w");
  closed (VIGIL_TYPE_LIVE_WINDOW);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_home = vigil_test_tmpdir_new ();
  int status;

  g_autofree char *config = g_build_filename (data_home, "config", NULL);
  g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *line = NULL;

  /* The list of recent files this test adds to, and the Documents folder,
   * are its own; GLib keeps the user's folders once it has read them. */
  documents_dir = g_build_filename (data_home, "Documents", NULL);
  line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_dir);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (documents_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  vigil_test_gui_init (&argc, &argv);
  app = G_APPLICATION (vigil_application_new ());
  /* Beside any other instance on the bus, not handed to it. */
  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/window-keys/monitor-name", test_monitor_name);
  ADD ("/window-keys/typed-while-unlocking", test_typed_while_unlocking);
  ADD ("/window-keys/retyped-while-unlocking", test_retyped_while_unlocking);
  ADD ("/window-keys/import-typed-path", test_import_typed_path);
  ADD ("/window-keys/create-tab-order", test_create_tab_order);
  ADD ("/window-keys/case-shortcuts", test_case_shortcuts);
  ADD ("/window-keys/hearing-shortcuts", test_hearing_shortcuts);
#undef ADD
  status = g_test_run ();
  vigil_test_tmpdir_free (g_steal_pointer (&data_home));
  g_free (documents_dir);
  return status;
}
