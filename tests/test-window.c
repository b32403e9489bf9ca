/* test-window.c: the main window from a new vault to locking, by hand and
 * after idle time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>

#include "vigil-case-page.h"
#include "vigil-case-row.h"
#include "vigil-cases-page.h"
#include "vigil-hearing-page.h"
#include "vigil-hearing-row.h"
#include "vigil-person-row.h"
#include "vigil-demo.h"
#include "vigil-gui-util.h"
#include "vigil-interchange.h"
#include "vigil-monitor-dialog.h"
#include "vigil-preferences-window.h"
#include "vigil-standards-page.h"
#include "vigil-test-gui.h"
#include "vigil-test-util.h"
#include "vigil-unlock-page.h"
#include "vigil-window-interchange.h"
#include "vigil-window-private.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  char        *dir;
  char        *path;
  VigilWindow *window;
} Fixture;

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  VigilUnlockPage *page;
  GtkWidget *row;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
  f->window = vigil_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));

  page = vigil_window_get_unlock_page (f->window);
  vigil_unlock_page_set_kdf_level (page, VIGIL_KDF_INTERACTIVE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Confirm Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_assert_true (vigil_window_get_locked (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));

  /* A new vault's first unlock asks who is monitoring. */
  g_assert_nonnull (vigil_test_find_window (VIGIL_TYPE_MONITOR_DIALOG));
  vigil_test_answer_monitor ("Test Monitor");
  g_assert_cmpstr (vigil_store_get_monitor (vigil_window_get_store (f->window)), ==,
                   "Test Monitor");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* Roles a person reaches and acts on: each needs a name that says what it
 * does, or a screen reader reads out its class ("GtkButton"). */
static gboolean
role_needs_name (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The accessible label of @accessible, or NULL: the test context gives a
 * property's value back when it is not the one expected. */
static char *
accessible_label (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 no such name");
}

/* The name a screen reader gets: the label set on the control, or the text
 * of the label GTK or libadwaita relates it to. A relation to anything
 * else (the icon of an icon-only button) gives no name: AT-SPI then reads
 * out the class, "GtkImage". */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autofree char *label = accessible_label (accessible);
  const char *text = NULL;

  if (label != NULL)
    return label[0] != '\0';
  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  /* libadwaita labels a button by the label of the AdwButtonContent in it. */
  if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    text = adw_button_content_get_label (
      ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return text != NULL && text[0] != '\0';
}

static void
collect_unnamed (GtkWidget *widget, GString *out)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (role_needs_name (gtk_accessible_get_accessible_role (accessible)) && !has_name (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_autofree char *text = vigil_test_widget_text (widget);

      g_strdelimit (text, "\n", ' ');
      g_string_append_printf (out, "  %s (role %d) tooltip \"%s\" showing \"%.60s\"\n",
                              G_OBJECT_TYPE_NAME (widget),
                              gtk_accessible_get_accessible_role (accessible),
                              tooltip != NULL ? tooltip : "", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
}

/* The first button under @root that activates @action. */
static GtkWidget *
find_action (GtkWidget *root, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_ACTIONABLE (child)
                             && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                                           action) == 0
                           ? child
                           : find_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_named_as (GtkWidget *widget, const char *name)
{
  g_autofree char *label = NULL;

  g_assert_nonnull (widget);
  label = accessible_label (GTK_ACCESSIBLE (widget));
  g_assert_cmpstr (label, ==, name);
}

/* Fails, listing them, when a control on screen in @root has no name. */
static void
assert_all_named (GtkWidget *root, const char *where)
{
  g_autoptr (GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_test_message ("unnamed controls in %s:\n%s", where, unnamed->str);
  if (g_getenv ("NAMES_DIAG") == NULL)
    g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_unlocked (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (vigil_window_get_store (f->window));
  vigil_test_run_for (100);
  text = vigil_test_widget_text (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, "Cases"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-empty-vault");
}

/* The widget named @name (the sidebar's rows are named after their section). */
static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_str_equal (gtk_widget_get_name (child), name)
                           ? child
                           : find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The standards catalogue is loaded when its section is first opened,
 * not at start-up, and then lists every standard. */
static void
test_standards_section (Fixture *f, gconstpointer data)
{
  GtkWidget *page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                            VIGIL_TYPE_STANDARDS_PAGE, NULL);
  GtkWidget *row = find_named (GTK_WIDGET (f->window), "standards");

  g_assert_nonnull (page);
  g_assert_null (vigil_standards_page_get_catalogue (VIGIL_STANDARDS_PAGE (page)));
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  vigil_test_run_for (200);
  g_assert_true (gtk_widget_get_mapped (page));
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-standards");
  g_assert_true (vigil_standards_page_get_catalogue (VIGIL_STANDARDS_PAGE (page))
                 == vigil_catalogue_get_default ());
  g_assert_cmpuint (g_list_model_get_n_items (vigil_standards_page_get_shown (
                      VIGIL_STANDARDS_PAGE (page))),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (vigil_catalogue_get_default ())));
}

static void
unlock_again (Fixture *f)
{
  VigilUnlockPage *page = vigil_window_get_unlock_page (f->window);
  GtkWidget *row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");

  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
}

static gboolean
older_copy_asked (gpointer data)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (gtk_widget_has_css_class (l->data, "vigil-older-copy"))
      {
        *(GtkWindow **) data = l->data;
        g_list_free (l);
        return TRUE;
      }
  return FALSE;
}

/* A vault put back to an older copy opens, and says so before anything is
 * recorded in it. */
static void
test_older_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *older = g_strconcat (f->path, ".older", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog = NULL;
  gsize length;

  vigil_window_lock (f->window);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (older, contents, length, NULL));
  unlock_again (f);
  g_assert_false (older_copy_asked (&dialog));
  vigil_case_set_reference (kase, "K 1/2026");
  vigil_case_set_court (kase, "Court of First Instance");
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_INVESTIGATION);
  g_assert_true (vigil_store_save_case (vigil_window_get_store (f->window), kase, &error));
  g_assert_no_error (error);
  vigil_window_lock (f->window);

  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  unlock_again (f);
  g_assert_true (vigil_test_wait_until (older_copy_asked, &dialog, 5000));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "older than the one last opened on this computer"));
  vigil_test_screenshot (GTK_WIDGET (dialog), "older-copy");
  gtk_window_destroy (dialog);
}

/* Until a vault is opened, the window holds only its unlock page. */
static void
test_locked_start (void)
{
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "vault.vigil", NULL);
  VigilWindow *window = vigil_window_new (NULL, path);

  gtk_window_present (GTK_WINDOW (window));
  vigil_test_run_for (100);
  g_assert_true (vigil_window_get_locked (window));
  g_assert_nonnull (vigil_test_find_widget (GTK_WIDGET (window), VIGIL_TYPE_UNLOCK_PAGE, NULL));
  g_assert_null (vigil_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_null (vigil_test_find_widget (GTK_WIDGET (window), VIGIL_TYPE_STANDARDS_PAGE, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  g_assert_true (vigil_window_get_locked (f->window));
  g_assert_null (vigil_window_get_store (f->window));
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-locked");
  /* Locking twice is harmless. */
  vigil_window_lock (f->window);
  g_assert_true (vigil_window_get_locked (f->window));
}

static void
test_auto_lock_rule (void)
{
  const gint64 minute = 60 * G_USEC_PER_SEC;

  g_assert_false (vigil_auto_lock_due (10 * minute, 1 * minute, 10));
  g_assert_true (vigil_auto_lock_due (11 * minute, 1 * minute, 10));
  /* 0 never locks. */
  g_assert_false (vigil_auto_lock_due (1000 * minute, 0, 0));
}

static void
test_auto_lock (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  gint64 last = vigil_window_get_last_activity (f->window);

  g_settings_set_uint (settings, "auto-lock-minutes", 5);
  g_assert_false (vigil_window_idle_check_at (f->window, last + 4 * 60 * G_USEC_PER_SEC));
  g_assert_false (vigil_window_get_locked (f->window));
  g_assert_true (vigil_window_idle_check_at (f->window, last + 5 * 60 * G_USEC_PER_SEC));
  g_assert_true (vigil_window_get_locked (f->window));
  g_settings_reset (settings, "auto-lock-minutes");
}

static guint
count_controllers (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  return g_list_model_get_n_items (controllers);
}

/* The helpers reach the main window from its editors and dialogs, which
 * have no toast overlay of their own: a toast from one shows over the
 * main window, and the main window counts their use, but not the use of
 * a window that is not its own. */
static void
test_editor_reaches_window (Fixture *f, gconstpointer data)
{
  GtkWidget *editor = gtk_window_new ();
  GtkWidget *stray = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Editor");
  g_autofree char *text = NULL;
  guint before;

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (f->window));
  gtk_window_set_child (GTK_WINDOW (editor), label);
  gtk_window_present (GTK_WINDOW (editor));
  vigil_gui_toast (label, "A toast from an editor");
  vigil_test_run_for (100);
  text = vigil_test_widget_text (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, "A toast from an editor"));

  before = count_controllers (editor);
  vigil_gui_watch_activity (GTK_WINDOW (f->window), GTK_WINDOW (editor));
  g_assert_cmpuint (count_controllers (editor), ==, before + 1);
  before = count_controllers (stray);
  vigil_gui_watch_activity (GTK_WINDOW (editor), GTK_WINDOW (stray));
  vigil_gui_watch_activity (NULL, GTK_WINDOW (stray));
  g_assert_cmpuint (count_controllers (stray), ==, before);

  /* Nowhere to show it: logged rather than lost. */
  g_test_expect_message ("vigil-gui", G_LOG_LEVEL_MESSAGE, "A stray toast");
  vigil_gui_toast (stray, "A stray toast");
  g_test_assert_expected_messages ();

  gtk_window_destroy (GTK_WINDOW (stray));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences = vigil_preferences_window_new (GTK_WINDOW (f->window));
  GtkWidget *spin;

  gtk_window_present (GTK_WINDOW (preferences));
  spin = vigil_test_find_widget (preferences, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  /* The setting follows the window at once: no Apply button to forget. */
  g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 3);
  vigil_test_screenshot (preferences, "preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "auto-lock-minutes");
}

static void
test_demo_cases (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) demo = vigil_demo_generate (14, 7);
  g_autoptr (VigilInterchange) doc = vigil_interchange_load_node (demo, NULL, &error);
  g_autoptr (VigilCase) first = NULL;
  GListModel *cases;

  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (doc, vigil_window_get_store (f->window), NULL, &error));
  g_assert_no_error (error);
  cases = vigil_store_get_case_list (vigil_window_get_store (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 14);
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-cases");

  /* Opening a case from the list shows its page in the same window. */
  first = g_list_model_get_item (cases, 0);
  g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 g_type_from_name ("VigilCasesPage"), NULL),
                         "case-activated", first);
  vigil_test_run_for (100);
  {
    g_autofree char *text = vigil_test_widget_text (GTK_WIDGET (f->window));

    g_assert_nonnull (strstr (text, vigil_case_get_reference (first)));
    g_assert_nonnull (strstr (text, "V-01"));
  }
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-case");

  /* A hearing of the case opens on its own page, with its checklist. */
  {
    g_autoptr (GPtrArray) hearings =
      vigil_store_list_hearings (vigil_window_get_store (f->window), vigil_case_get_id (first),
                                 &error);
    GtkWidget *hearing_page = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (hearings->len, >, 0);
    g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                   g_type_from_name ("VigilCasePage"), NULL),
                           "hearing-activated",
                           vigil_hearing_get_id (g_ptr_array_index (hearings, 0)));
    vigil_test_run_for (300);
    hearing_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                           g_type_from_name ("VigilHearingPage"), NULL);
    g_assert_true (gtk_widget_get_mapped (hearing_page));
    vigil_test_screenshot (GTK_WIDGET (f->window), "window-hearing");
  }

  /* Locking leaves nothing of the case on screen. */
  vigil_window_lock (f->window);
  {
    g_autofree char *text = vigil_test_widget_text (GTK_WIDGET (f->window));

    g_assert_null (strstr (text, "V-01"));
  }
}

/* A message dialog the window shows, answered with @response. */
static void
answer_dialog (const char *screenshot, const char *response, const char *expected_text)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_autofree char *text = NULL;
  GtkWidget *button;

  g_assert_nonnull (dialog);
  vigil_test_run_for (100);
  text = vigil_test_widget_text (GTK_WIDGET (dialog));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, expected_text));
  if (screenshot != NULL)
    vigil_test_screenshot (GTK_WIDGET (dialog), screenshot);
  /* Clicked as a person would: the dialog answers, then closes. */
  button = vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                   adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  vigil_test_run_for (100);
  g_assert_null (dialog);
}

typedef struct
{
  char    *title;
  gboolean modal;
} SeenWindow;

static void
on_seen_window_notify (GtkWindow *window, GParamSpec *pspec, SeenWindow *seen)
{
  g_free (seen->title);
  seen->title = g_strdup (gtk_window_get_title (window));
  seen->modal = gtk_window_get_modal (window);
}

/* Follows each plain window (not a dialog) that appears, as it is set up:
 * it exists before its title does. */
static void
on_toplevels_changed (GListModel *toplevels, guint position, guint removed, guint added,
                      SeenWindow *seen)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_OBJECT_TYPE (window) == ADW_TYPE_WINDOW)
        {
          g_signal_connect (window, "notify::title", G_CALLBACK (on_seen_window_notify), seen);
          g_signal_connect (window, "notify::modal", G_CALLBACK (on_seen_window_notify), seen);
        }
    }
}

static GFile *
write_json (const char *dir, const char *name, JsonNode *node)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = json_to_string (node, TRUE);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static guint
n_cases (Fixture *f)
{
  return g_list_model_get_n_items (vigil_store_get_case_list (vigil_window_get_store (f->window)));
}

static gboolean
has_63_cases (gpointer data)
{
  return n_cases (data) == 63;
}

/* A checked file is described, then imported when confirmed; a file with
 * problems lists them by path and imports nothing; so does importing the
 * same cases twice. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) demo = vigil_demo_generate (3, 11);
  g_autoptr (GFile) good = write_json (f->dir, "three cases.json", demo);
  g_autoptr (GFile) bad = NULL;
  g_autoptr (GFile) not_json = NULL;
  g_autofree char *not_json_path = g_build_filename (f->dir, "notes.json", NULL);
  JsonObject *first_case;

  /* The menu's item asks for the file in a file chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  vigil_test_run_for (200);
  {
    GtkWindow *chooser = vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_nonnull (chooser);
    g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import Cases");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    vigil_test_run_for (100);
    g_assert_null (vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  }

  vigil_window_import_file (f->window, good);
  answer_dialog ("import-confirm", "cancel", "Compensation claims");
  g_assert_cmpuint (n_cases (f), ==, 0);

  vigil_window_import_file (f->window, good);
  answer_dialog (NULL, "import", "Import three cases.json?");
  g_assert_cmpuint (n_cases (f), ==, 3);
  vigil_test_screenshot (GTK_WIDGET (f->window), "import-done");

  /* The same cases again: refused whole, by the store's own checks. */
  vigil_window_import_file (f->window, good);
  answer_dialog (NULL, "import", "Import three cases.json?");
  answer_dialog (NULL, "close", "the vault already holds case");
  g_assert_cmpuint (n_cases (f), ==, 3);

  first_case = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (demo), "cases"), 0);
  json_object_set_string_member (first_case, "stage", "somewhere");
  json_object_set_int_member (first_case, "court", 7);
  bad = write_json (f->dir, "bad.json", demo);
  vigil_window_import_file (f->window, bad);
  answer_dialog ("import-problems", "close", "$.cases[0].court");
  g_assert_cmpuint (n_cases (f), ==, 3);

  g_assert_true (g_file_set_contents (not_json_path, "Minutes of 3 May: {", -1, NULL));
  not_json = g_file_new_for_path (not_json_path);
  vigil_window_import_file (f->window, not_json);
  answer_dialog (NULL, "close", "notes.json Cannot Be Imported");
  g_assert_cmpuint (n_cases (f), ==, 3);

  {
    g_autofree char *gone_path = g_build_filename (f->dir, "gone.json", NULL);
    g_autoptr (GFile) gone = g_file_new_for_path (gone_path);

    vigil_window_import_file (f->window, gone);
    answer_dialog (NULL, "close", "Could not read");
  }

  /* A large file: a window says what is being written while it is. It is
   * seen as it appears: on a loaded machine the import may be over before
   * the test looks again. */
  {
    g_autoptr (JsonNode) many = vigil_demo_generate (60, 12);
    g_autoptr (GFile) large = write_json (f->dir, "sixty cases.json", many);
    GListModel *toplevels = gtk_window_get_toplevels ();
    SeenWindow seen = { 0 };
    gulong handler;

    handler = g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed),
                                &seen);
    vigil_window_import_file (f->window, large);
    answer_dialog (NULL, "import", "Import sixty cases.json?");
    g_assert_true (vigil_test_wait_until (has_63_cases, f, 30000));
    g_signal_handler_disconnect (toplevels, handler);
    g_assert_cmpstr (seen.title, ==, "Importing sixty cases.json");
    g_assert_true (seen.modal);
    g_free (seen.title);
    vigil_test_run_for (100);
    g_assert_null (vigil_test_find_window (ADW_TYPE_WINDOW));
  }

  /* Locking closes a question still open, and the file it was about. */
  vigil_window_import_file (f->window, good);
  g_assert_nonnull (vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  vigil_window_lock (f->window);
  vigil_test_run_for (100);
  g_assert_null (vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  /* And the menu's item does nothing while locked. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL);
  vigil_test_run_for (200);
  g_assert_null (vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

/* Runs $VIGIL_CLI with the NULL-terminated arguments and the passphrase on
 * its standard input; returns its exit status. */
static int
run_cli (Fixture *f, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *input = g_build_filename (f->dir, "passphrase", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;

  g_assert_nonnull (g_getenv ("VIGIL_CLI"));
  g_ptr_array_add (args, (gpointer) g_getenv ("VIGIL_CLI"));
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_file_set_contents (input, PASSPHRASE "\n", -1, NULL));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("vigil-cli %s: %s%s", (const char *) args->pdata[1], out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

typedef struct
{
  GListModel *model;
  guint       n;
} Expect;

static gboolean
has_n_items (gpointer data)
{
  Expect *expect = data;

  return g_list_model_get_n_items (expect->model) == expect->n;
}

/* vigil-cli imports into the vault the window has open: the list shows
 * the new cases without anyone asking; a case erased by vigil-cli while
 * its page is open closes it. */
static void
test_changed_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) first = vigil_demo_generate (21, 3);
  g_autoptr (JsonNode) more = vigil_demo_generate (2, 4);
  g_autoptr (GFile) first_file = write_json (f->dir, "first.json", first);
  g_autoptr (GFile) more_file = write_json (f->dir, "more.json", more);
  g_autofree char *first_path = g_file_get_path (first_file);
  g_autofree char *more_path = g_file_get_path (more_file);
  GtkWidget *cases_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                                  g_type_from_name ("VigilCasesPage"), NULL);
  GtkWidget *case_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 g_type_from_name ("VigilCasePage"), NULL);
  Expect expect = { vigil_cases_page_get_shown (VIGIL_CASES_PAGE (cases_page)), 21 };
  g_autoptr (VigilCase) opened = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (run_cli (f, "import", "--vault", f->path, first_path, NULL), ==, 0);
  g_assert_true (vigil_test_wait_until (has_n_items, &expect, 10000));
  g_assert_cmpint (run_cli (f, "import", "--vault", f->path, more_path, NULL), ==, 0);
  expect.n = 23;
  g_assert_true (vigil_test_wait_until (has_n_items, &expect, 10000));
  stored = vigil_store_list_cases (vigil_window_get_store (f->window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 23);
  vigil_test_screenshot (GTK_WIDGET (f->window), "window-changed-elsewhere");

  /* The open case and hearing go away under their pages: back to the
   * list, and nothing of them stays behind. */
  opened = g_list_model_get_item (expect.model, 0);
  g_signal_emit_by_name (cases_page, "case-activated", opened);
  vigil_test_run_for (100);
  g_assert_true (gtk_widget_get_mapped (case_page));
  {
    g_autoptr (GPtrArray) hearings = vigil_store_list_hearings (vigil_window_get_store (f->window),
                                                                vigil_case_get_id (opened),
                                                                &error);
    GtkWidget *hearing_page = vigil_test_find_widget (GTK_WIDGET (f->window),
                                                      VIGIL_TYPE_HEARING_PAGE, NULL);

    g_assert_no_error (error);
    g_signal_emit_by_name (case_page, "hearing-activated",
                           vigil_hearing_get_id (g_ptr_array_index (hearings, 0)));
    vigil_test_run_for (200);
    g_assert_true (gtk_widget_get_mapped (hearing_page));
    g_assert_cmpint (run_cli (f, "erase-case", "--vault", f->path, "--yes", "--id",
                              vigil_case_get_id (opened), NULL),
                     ==, 0);
    expect.n = 22;
    g_assert_true (vigil_test_wait_until (has_n_items, &expect, 10000));
    vigil_test_run_for (200);
    g_assert_false (gtk_widget_get_mapped (hearing_page));
    g_assert_null (vigil_hearing_page_get_checklist (VIGIL_HEARING_PAGE (hearing_page)));
  }
  g_assert_false (gtk_widget_get_mapped (case_page));
  g_assert_true (gtk_widget_get_mapped (cases_page));
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

static char *
read_text (GFile *file)
{
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  return text;
}

/* A case whose monitor wrote a victim's alias into three notes. */
#define NAMED_NOTES \
  "{\"format\": \"vigil-interchange\", \"version\": 1, \"cases\": [{" \
  "  \"reference\": \"K 9/2024\", \"court\": \"Tribunalul Brașov\", \"jurisdiction\": null," \
  "  \"stage\": \"trial\", \"charges\": [\"trafficking in human beings\"]," \
  "  \"notes\": \"Ani's lawyer asked for monitoring.\"," \
  "  \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim_witness\", \"is_child\": false," \
  "                \"identity\": {\"full_name\": \"Ana-Maria Popescu\"," \
  "                             \"aliases\": [\"Ani\"]}}]," \
  "  \"hearings\": [" \
  "    {\"starts_at\": \"2024-03-05T09:00:00Z\", \"kind\": \"testimony\", \"status\": \"held\"," \
  "     \"closed_session\": false, \"notes\": \"The Romanian interpreter was fine.\"," \
  "     \"facts\": {\"interpreter_present\": true, \"interpreter_languages\": [\"Romanian\"]}}," \
  "    {\"starts_at\": \"2024-03-06T09:00:00Z\", \"kind\": \"testimony\", \"status\": \"held\"," \
  "     \"closed_session\": false, \"notes\": \"Ani testified behind a screen.\"}," \
  "    {\"starts_at\": \"2024-03-07T09:00:00Z\", \"kind\": \"testimony\"," \
  "     \"status\": \"adjourned\", \"closed_session\": false," \
  "     \"adjournment_reason\": \"ANI fell ill.\"}" \
  "  ]}]}"

/* Pseudonyms only by default, identities when asked; notes left out are
 * counted for the person exporting; a folder that does not exist is
 * reported and leaves no file. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) demo = vigil_demo_generate (2, 5);
  g_autoptr (VigilInterchange) doc = vigil_interchange_load_node (demo, NULL, &error);
  g_autofree char *plain_path = g_build_filename (f->dir, "plain.json", NULL);
  g_autofree char *full_path = g_build_filename (f->dir, "full.json", NULL);
  g_autofree char *lost_path = g_build_filename (f->dir, "no such folder", "x.json", NULL);
  g_autoptr (GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr (GFile) full = g_file_new_for_path (full_path);
  g_autoptr (GFile) lost = g_file_new_for_path (lost_path);
  g_autofree char *plain_text = NULL;
  g_autofree char *full_text = NULL;
  g_autoptr (JsonNode) screened = NULL;
  g_autoptr (VigilInterchange) named = NULL;
  VigilInterchangeCounts counts = { 0 };
  JsonObject *person;
  const char *full_name;

  g_assert_true (vigil_interchange_import (doc, vigil_window_get_store (f->window), NULL, &error));
  g_assert_no_error (error);
  named = vigil_interchange_load_data (NAMED_NOTES, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (named, vigil_window_get_store (f->window), NULL,
                                           &error));
  g_assert_no_error (error);
  person = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (demo), "cases"), 0),
      "persons"),
    0);
  full_name = json_object_get_string_member (json_object_get_object_member (person, "identity"),
                                             "full_name");
  g_assert_nonnull (full_name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  answer_dialog ("export-choice", "cancel", "Pseudonyms only");

  vigil_window_export_file (f->window, plain, VIGIL_EXPORT_DEFAULT);
  plain_text = read_text (plain);
  g_assert_nonnull (strstr (plain_text, "vigil-interchange"));
  g_assert_nonnull (strstr (plain_text, json_object_get_string_member (person, "pseudonym")));
  g_assert_null (strstr (plain_text, full_name));
  /* The window says how many notes stayed behind, the number the core
   * counted: the three that name "Ani", not the one about a Romanian. */
  screened = vigil_interchange_export_node (vigil_window_get_store (f->window),
                                            VIGIL_EXPORT_DEFAULT, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.notes_withheld, ==, 3);
  answer_dialog ("export-notes-left-out", "close",
                 "Exported 3 cases, pseudonyms only, to plain.json.\n\n"
                 "3 notes were left out because they name a person of their case.");

  vigil_window_export_file (f->window, full, VIGIL_EXPORT_IDENTITIES);
  full_text = read_text (full);
  g_assert_nonnull (strstr (full_text, full_name));

  vigil_window_export_file (f->window, lost, VIGIL_EXPORT_DEFAULT);
  answer_dialog ("export-failed", "close", "Not Exported");
  g_assert_false (g_file_query_exists (lost, NULL));

  /* A large vault: a window says what is being written while it is. */
  {
    g_autoptr (JsonNode) many = vigil_demo_generate (110, 13);
    g_autoptr (VigilInterchange) more = vigil_interchange_load_node (many, NULL, &error);
    g_autofree char *large_path = g_build_filename (f->dir, "large.json", NULL);
    g_autoptr (GFile) large = g_file_new_for_path (large_path);
    GtkWindow *busy;

    g_assert_no_error (error);
    g_assert_true (vigil_interchange_import (more, vigil_window_get_store (f->window), NULL,
                                             &error));
    g_assert_no_error (error);
    vigil_window_export_file (f->window, large, VIGIL_EXPORT_DEFAULT);
    busy = GTK_WINDOW (vigil_test_find_window (ADW_TYPE_WINDOW));
    g_assert_nonnull (busy);
    g_assert_cmpstr (gtk_window_get_title (busy), ==, "Exporting to large.json");
    g_assert_false (g_file_query_exists (large, NULL));
    g_assert_true (vigil_test_wait_until (file_exists, large, 30000));
    vigil_test_run_for (100);
    g_assert_null (vigil_test_find_window (ADW_TYPE_WINDOW));
  }
}

/* Where the tests' user keeps documents (main() says so through
 * XDG_CONFIG_HOME's user-dirs.dirs). */
static char *documents_dir;

static GtkFileChooser *
wait_for_chooser (void)
{
  vigil_test_run_for (200);
  return GTK_FILE_CHOOSER (vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
assert_proposes_documents (GtkFileChooser *chooser)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (chooser);
  folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (folder);
  path = g_file_get_path (folder);
  g_assert_cmpstr (path, ==, documents_dir);
}

/* Item 15: export and import start in the Documents folder, not in the
 * folder the program was started from, nor in Recent (where a typed path
 * goes nowhere). */
static void
test_choosers_folder (Fixture *f, gconstpointer data)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  answer_dialog (NULL, "pseudonyms", "Pseudonyms only");
  chooser = wait_for_chooser ();
  assert_proposes_documents (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "vigil-export-"));
  vigil_test_screenshot (GTK_WIDGET (chooser), "export-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  vigil_test_run_for (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  chooser = wait_for_chooser ();
  assert_proposes_documents (chooser);
  vigil_test_screenshot (GTK_WIDGET (chooser), "import-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  vigil_test_run_for (100);
  g_assert_null (vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
show_first_case (Fixture *f, GListModel *cases)
{
  g_autoptr (VigilCase) first = g_list_model_get_item (cases, 0);

  g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 VIGIL_TYPE_CASES_PAGE, NULL),
                         "case-activated", first);
  vigil_test_run_for (300);
}

/* Item 19: every control on screen has a name, from the case list to a
 * hearing; icon-only buttons say what they do and to whom. */
static void
test_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) demo = vigil_demo_generate (3, 7);
  g_autoptr (VigilInterchange) doc = vigil_interchange_load_node (demo, NULL, &error);
  GListModel *cases;

  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (doc, vigil_window_get_store (f->window), NULL, &error));
  g_assert_no_error (error);
  cases = vigil_store_get_case_list (vigil_window_get_store (f->window));
  vigil_test_run_for (300);
  assert_all_named (GTK_WIDGET (f->window), "the case list");
  {
    GtkWidget *page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASES_PAGE, NULL);
    GtkWidget *row = vigil_test_find_widget (page, VIGIL_TYPE_CASE_ROW, NULL);
    VigilCase *kase = vigil_case_row_get_case (VIGIL_CASE_ROW (row));
    g_autofree char *label = accessible_label (GTK_ACCESSIBLE (gtk_widget_get_parent (row)));

    assert_named_as (vigil_test_find_widget (page, GTK_TYPE_TOGGLE_BUTTON, NULL), "Search Cases");
    g_assert_true (g_str_has_prefix (label, vigil_case_get_reference (kase)));
    g_assert_nonnull (strstr (label, vigil_case_get_court (kase)));
    assert_named_as (vigil_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, NULL),
                     "Main Menu");
    assert_named_as (find_named (GTK_WIDGET (f->window), "cases"), "Cases");
  }

  show_first_case (f, cases);
  assert_all_named (GTK_WIDGET (f->window), "a case");
  {
    GtkWidget *page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASE_PAGE, NULL);
    VigilCase *kase = g_list_model_get_item (cases, 0);
    GtkWidget *row = vigil_test_find_widget (page, VIGIL_TYPE_PERSON_ROW, NULL);
    const char *pseudonym = vigil_person_get_pseudonym (
      vigil_person_row_get_person (VIGIL_PERSON_ROW (row)));
    g_autofree char *reveal = g_strdup_printf ("Reveal the identity of %s", pseudonym);
    g_autofree char *edit = g_strdup_printf ("Edit %s", pseudonym);
    g_autofree char *edit_case = g_strdup_printf ("Edit the case %s",
                                                  vigil_case_get_reference (kase));
    GtkWidget *hearing_row = vigil_test_find_widget (page, VIGIL_TYPE_HEARING_ROW, NULL);
    g_autofree char *hearing_edit = accessible_label (
      GTK_ACCESSIBLE (vigil_test_find_widget (hearing_row, GTK_TYPE_BUTTON, NULL)));

    assert_named_as (find_action (row, "case.reveal-person"), reveal);
    assert_named_as (find_action (row, "case.edit-person"), edit);
    assert_named_as (vigil_test_find_widget (page, GTK_TYPE_BUTTON, "_Edit"), edit_case);
    assert_named_as (vigil_test_find_widget (page, GTK_TYPE_BUTTON, NULL), "Back to Cases");
    g_assert_true (g_str_has_prefix (hearing_edit, "Edit the hearing of "));
    g_object_unref (kase);
  }
  {
    GtkWidget *page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASE_PAGE, NULL);
    g_autoptr (GPtrArray) hearings = vigil_store_list_hearings (vigil_window_get_store (f->window),
                                                                vigil_case_page_get_case_id (VIGIL_CASE_PAGE (page)),
                                                                &error);

    GtkWidget *hearing_page;

    g_signal_emit_by_name (page, "hearing-activated",
                           vigil_hearing_get_id (g_ptr_array_index (hearings, 0)));
    vigil_test_run_for (300);
    /* The hearing's own controls are another piece of work; its way back
     * is the window's. */
    hearing_page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_HEARING_PAGE, NULL);
    assert_all_named (vigil_test_find_widget (hearing_page, ADW_TYPE_HEADER_BAR, NULL),
                      "a hearing's header");
    assert_named_as (vigil_test_find_widget (hearing_page, GTK_TYPE_BUTTON, NULL),
                     "Back to case 31 T 122/2023");
  }
}

/* Item 19: the unlock page, creating a vault, names its controls; the
 * button says what it does, not "GtkButton". */
static void
test_names_unlock (void)
{
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "vault.vigil", NULL);
  VigilWindow *window = vigil_window_new (NULL, path);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  vigil_test_run_for (200);
  page = GTK_WIDGET (vigil_window_get_unlock_page (window));
  g_assert_true (vigil_unlock_page_get_creating (VIGIL_UNLOCK_PAGE (page)));
  assert_all_named (GTK_WIDGET (window), "the unlock page, creating");
  assert_named_as (find_action (page, "unlock.submit"), "Create Vault");
  assert_named_as (vigil_test_find_widget (page, GTK_TYPE_MENU_BUTTON, NULL), "Main Menu");
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Preferences and the question of who monitors name their controls. */
static void
test_names_dialogs (Fixture *f, gconstpointer data)
{
  GtkWidget *preferences = vigil_preferences_window_new (GTK_WINDOW (f->window));
  GtkWidget *dialog;

  vigil_preferences_window_set_store (VIGIL_PREFERENCES_WINDOW (preferences),
                                      vigil_window_get_store (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  vigil_test_run_for (200);
  assert_all_named (preferences, "Preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  dialog = vigil_monitor_dialog_new (GTK_WINDOW (f->window), vigil_window_get_store (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_test_run_for (200);
  assert_all_named (dialog, "Who Is Monitoring?");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_shortcuts (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_BASE "ui/vigil-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  g_autofree char *text = NULL;

  g_assert_nonnull (window);
  gtk_window_present (window);
  text = vigil_test_widget_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, "Lock the vault"));
  g_assert_nonnull (strstr (text, "Import cases from a file"));
  g_assert_nonnull (strstr (text, "Undo the last status or severity"));
  g_assert_nonnull (strstr (text, "Show or hide the list of standards"));
  /* Item 19: the shortcuts of a case and a hearing are listed. */
  g_assert_nonnull (strstr (text, "Edit the case, person or hearing"));
  g_assert_nonnull (strstr (text, "Add a person"));
  g_assert_nonnull (strstr (text, "Add a hearing"));
  g_assert_nonnull (strstr (text, "Reveal or hide an identity"));
  g_assert_nonnull (strstr (text, "Edit the hearing"));
  g_assert_nonnull (strstr (text, "Live mode"));
  vigil_test_screenshot (GTK_WIDGET (window), "shortcuts");
  gtk_window_destroy (window);
}

static void
count_change (guint *changes, const char *key)
{
  (*changes)++;
}

/* The window opens at the size it was left at and stores the size it is
 * left at when it goes; opening changes nothing. (The tests' memory
 * backend drops writes of an unchanged value: a rewrite of the same size
 * goes unseen here.) */
static void
test_size_remembered (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "vault.vigil", NULL);
  VigilWindow *window;
  guint changes = 0;
  int width, height;

  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 540);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  vigil_test_run_for (20);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (count_change), &changes);

  window = vigil_window_new (NULL, path);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 540);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_run_for (100);
  g_assert_cmpuint (changes, ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_test_run_for (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpuint (changes, ==, 2);
  vigil_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = vigil_test_tmpdir_new ();
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *line = NULL;
  int status;

  /* Before anything reads them: GLib keeps the user's folders once read. */
  documents_dir = g_build_filename (home, "My Documents", NULL);
  line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_dir);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (documents_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/window/auto-lock-rule", test_auto_lock_rule);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add ("/window/unlocked", Fixture, NULL, fixture_set_up, test_unlocked,
              fixture_tear_down);
  g_test_add_func ("/window/locked-start", test_locked_start);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add ("/window/lock", Fixture, NULL, fixture_set_up, test_lock, fixture_tear_down);
  g_test_add ("/window/older-copy", Fixture, NULL, fixture_set_up, test_older_copy,
              fixture_tear_down);
  g_test_add ("/window/standards-section", Fixture, NULL, fixture_set_up, test_standards_section,
              fixture_tear_down);
  g_test_add ("/window/auto-lock", Fixture, NULL, fixture_set_up, test_auto_lock,
              fixture_tear_down);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_set_up, test_preferences,
              fixture_tear_down);
  g_test_add ("/window/editor-reaches-window", Fixture, NULL, fixture_set_up,
              test_editor_reaches_window, fixture_tear_down);
  g_test_add ("/window/demo-cases", Fixture, NULL, fixture_set_up, test_demo_cases,
              fixture_tear_down);
  g_test_add ("/window/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/window/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/window/changed-elsewhere", Fixture, NULL, fixture_set_up, test_changed_elsewhere,
              fixture_tear_down);
  g_test_add ("/window/names", Fixture, NULL, fixture_set_up, test_names, fixture_tear_down);
  g_test_add_func ("/window/names-unlock", test_names_unlock);
  g_test_add ("/window/names-dialogs", Fixture, NULL, fixture_set_up, test_names_dialogs,
              fixture_tear_down);
  g_test_add ("/window/choosers-folder", Fixture, NULL, fixture_set_up, test_choosers_folder,
              fixture_tear_down);
  status = g_test_run ();
  vigil_test_tmpdir_free (g_steal_pointer (&home));
  g_free (documents_dir);
  return status;
}
