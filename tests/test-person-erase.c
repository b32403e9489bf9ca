/* test-person-erase.c: erasing a person from their editor, in the main
 * window, with real clicks and keys, each result read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-case-page.h"
#include "vigil-error.h"
#include "vigil-person-editor.h"
#include "vigil-person-row.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-util.h"
#include "vigil-unlock-page.h"
#include "vigil-vault-private.h"
#include "vigil-window.h"

#define PASSPHRASE "correct horse battery staple"
#define FULL_NAME  "Ana-Maria Ionescu"
#define PHONE      "+40 721 555 019"
#define ADDRESS    "Strada Fabricii 12, Cluj-Napoca"
#define CASE_NOTES "Ana-Maria Ionescu was moved to a shelter before the trial."
#define HEARING_NOTES "The defence read out +40 721 555 019 in open court."

typedef struct
{
  char        *dir;
  char        *path;
  VigilWindow *window;
  char        *case_id;
  char        *hearing_id;
  char        *victim_id;  /* V-01: named in the case's notes and a hearing's */
  char        *witness_id; /* W-01: no identity, named nowhere */
} Fixture;

/* private helpers */

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static VigilStore *
store_of (Fixture *f)
{
  VigilStore *store = vigil_window_get_store (f->window);

  g_assert_nonnull (store);
  return store;
}

static char *
add_person (Fixture *f, const char *pseudonym, VigilPersonRole role, const char *full_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = vigil_person_new (f->case_id);

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  g_assert_true (vigil_store_save_person (store_of (f), person, &error));
  g_assert_no_error (error);
  if (full_name != NULL)
    {
      g_autoptr (VigilIdentity) identity = vigil_identity_new ();

      identity->full_name = g_strdup (full_name);
      identity->phone = g_strdup (PHONE);
      identity->address = g_strdup (ADDRESS);
      g_assert_true (vigil_store_save_identity (store_of (f), person, identity, &error));
      g_assert_no_error (error);
    }
  return g_strdup (vigil_person_get_id (person));
}

static VigilCasePage *
case_page (Fixture *f)
{
  GtkWidget *page = vigil_test_find_widget (GTK_WIDGET (f->window), VIGIL_TYPE_CASE_PAGE, NULL);

  g_assert_nonnull (page);
  return VIGIL_CASE_PAGE (page);
}

/* The row of @pseudonym on the case page, or NULL. */
static GtkWidget *
person_row (Fixture *f, const char *pseudonym)
{
  GtkWidget *page = GTK_WIDGET (case_page (f));

  for (GtkWidget *row = vigil_test_find_widget (page, VIGIL_TYPE_PERSON_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (VIGIL_IS_PERSON_ROW (row) && gtk_widget_get_visible (row)
        && g_str_equal (vigil_person_get_pseudonym (
                          vigil_person_row_get_person (VIGIL_PERSON_ROW (row))),
                        pseudonym))
      return row;
  return NULL;
}

static GtkWidget *
button_with_action (GtkWidget *root, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = button_with_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rows_shown (gpointer data)
{
  Fixture *f = data;

  return person_row (f, "V-01") != NULL && gtk_widget_get_mapped (person_row (f, "V-01"));
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return vigil_test_find_window (VIGIL_TYPE_PERSON_EDITOR) != NULL;
}

static gboolean
row_gone (gpointer data)
{
  Fixture *f = data;

  return person_row (f, "V-01") == NULL;
}

/* The editor of @pseudonym, opened by a click on the edit button of
 * their row, as a person opens it. */
static GtkWindow *
open_editor (Fixture *f, const char *pseudonym)
{
  GtkWidget *row = person_row (f, pseudonym);
  GtkWidget *edit;
  GtkWindow *editor;

  g_assert_nonnull (row);
  edit = button_with_action (row, "case.edit-person");
  g_assert_nonnull (edit);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  vigil_test_input_click (edit);
  g_assert_true (vigil_test_wait_until (editor_shown, NULL, 2000));
  editor = vigil_test_find_window (VIGIL_TYPE_PERSON_EDITOR);
  vigil_test_input_focus_window (editor);
  vigil_test_run_for (200);
  return editor;
}

/* The erase button, scrolled to as a person would, then clicked: the
 * question is up. */
static AdwMessageDialog *
click_erase (GtkWindow *editor, const char *screenshot)
{
  GtkWidget *erase = vigil_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                             "_Erase This Person…");
  GtkWidget *form;
  GtkAdjustment *adjustment;
  GtkWindow *dialog;

  g_assert_nonnull (erase);
  g_assert_true (gtk_widget_get_visible (erase));
  form = gtk_widget_get_ancestor (erase, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  vigil_test_run_for (200);
  if (screenshot != NULL)
    vigil_test_screenshot (GTK_WIDGET (editor), screenshot);
  vigil_test_input_click (erase);
  g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  vigil_test_input_focus_window (dialog);
  vigil_test_run_for (100);
  return ADW_MESSAGE_DIALOG (dialog);
}

static char *
case_notes (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_store_get_case (store_of (f), f->case_id, &error);

  g_assert_no_error (error);
  return g_strdup (vigil_case_get_notes (kase));
}

static char *
hearing_notes (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilHearing) hearing = vigil_store_get_hearing (store_of (f), f->hearing_id,
                                                             &error);

  g_assert_no_error (error);
  return g_strdup (vigil_hearing_get_notes (hearing));
}

static void
assert_erased (Fixture *f, const char *person_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) gone = vigil_store_get_person (store_of (f), person_id, &error);

  g_assert_null (gone);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
}

static gboolean
window_shows (Fixture *f, const char *text)
{
  g_autofree char *all = vigil_test_widget_text (GTK_WIDGET (f->window));

  return strstr (all, text) != NULL;
}

/* fixture */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_utc (2024, 10, 6, 9, 30, 0);
  VigilUnlockPage *page;
  GtkWidget *row;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
  f->window = vigil_window_new (NULL, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 900);
  gtk_window_present (GTK_WINDOW (f->window));

  page = vigil_window_get_unlock_page (f->window);
  vigil_unlock_page_set_kdf_level (page, VIGIL_KDF_INTERACTIVE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Confirm Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
  vigil_test_answer_monitor ("Test Monitor");

  vigil_case_set_reference (kase, "K 157/2023");
  vigil_case_set_court (kase, "Tribunalul Brașov");
  vigil_case_set_notes (kase, CASE_NOTES);
  g_assert_true (vigil_store_save_case (store_of (f), kase, &error));
  g_assert_no_error (error);
  f->case_id = g_strdup (vigil_case_get_id (kase));
  hearing = vigil_hearing_new (f->case_id);
  vigil_hearing_set_starts_at (hearing, when);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  vigil_hearing_set_notes (hearing, HEARING_NOTES);
  g_assert_true (vigil_store_save_hearing (store_of (f), hearing, &error));
  g_assert_no_error (error);
  f->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  f->victim_id = add_person (f, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS, FULL_NAME);
  f->witness_id = add_person (f, "W-01", VIGIL_PERSON_ROLE_WITNESS, NULL);

  g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 g_type_from_name ("VigilCasesPage"), NULL),
                         "case-activated", kase);
  g_assert_true (vigil_test_wait_until (rows_shown, f, 5000));
  vigil_test_run_for (100);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
  g_free (f->hearing_id);
  g_free (f->victim_id);
  g_free (f->witness_id);
}

/* tests */

/* The button says whose erase it is; the question says what goes for
 * good, with Cancel as its default; "Erase V-01" erases them, rewrites
 * the two texts that named them, closes the editor, takes their row off
 * the case page and says how many texts changed. */
static void
test_erase (Fixture *f, gconstpointer data)
{
  GtkWindow *editor = open_editor (f, "V-01");
  GtkWidget *erase = vigil_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                             "_Erase This Person…");
  AdwMessageDialog *dialog;
  const char *body;
  g_autofree char *wrong = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *hnotes = NULL;

  g_assert_nonnull (erase);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (erase),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Erase V-01 and everything recorded about them");
  g_assert_null (wrong);
  g_assert_true (gtk_widget_has_css_class (erase, "destructive-action"));

  dialog = click_erase (editor, "person-erase-button");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Erase V-01 for Good?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "identity, contacts and whereabouts"));
  g_assert_nonnull (strstr (body, "consents"));
  g_assert_nonnull (strstr (body, "they will say V-01 instead"));
  g_assert_nonnull (strstr (body, "cannot be undone"));
  g_assert_nonnull (strstr (body, "Exports made earlier are not reached"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  vigil_test_screenshot (GTK_WIDGET (dialog), "person-erase-confirm");
  /* Its answers are named as read, without the mnemonic's underscore. */
  {
    const char *names[][2] = { { "_Cancel", "Cancel" }, { "_Erase V-01", "Erase V-01" } };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        GtkWidget *button = vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                    names[i][0]);
        g_autofree char *misnamed = NULL;

        g_assert_nonnull (button);
        misnamed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                       names[i][1]);
        g_assert_null (misnamed);
      }
  }

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Erase V-01"));
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 3000));
  g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));

  /* Read back from the vault: gone, and the texts that named them say
   * their pseudonym. */
  assert_erased (f, f->victim_id);
  notes = case_notes (f);
  g_assert_null (strstr (notes, "Ana-Maria"));
  g_assert_null (strstr (notes, "Ionescu"));
  g_assert_nonnull (strstr (notes, "V-01 was moved to a shelter"));
  hnotes = hearing_notes (f);
  g_assert_null (strstr (hnotes, "721"));
  g_assert_nonnull (strstr (hnotes, "read out V-01 in open court"));

  g_assert_true (vigil_test_wait_until (row_gone, f, 3000));
  g_assert_nonnull (person_row (f, "W-01"));
  g_assert_true (window_shows (f, "V-01 was erased; 2 texts of the case that named them now "
                                  "say V-01"));
  vigil_test_run_for (300);
  vigil_test_screenshot (GTK_WIDGET (f->window), "person-erase-done");
}

/* Enter, Escape and Cancel each keep the person, with everything of
 * theirs. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  GtkWindow *editor = open_editor (f, "V-01");
  AdwMessageDialog *dialog;
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autofree char *notes = NULL;
  const char *answers[] = { "Return", "Escape", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      dialog = click_erase (editor, NULL);
      if (answers[i] != NULL)
        vigil_test_input_keys (GTK_WINDOW (dialog), answers[i]);
      else
        vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                        "_Cancel"));
      g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));
      vigil_test_run_for (300);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
    }

  person = vigil_store_get_person (store_of (f), f->victim_id, &error);
  g_assert_no_error (error);
  identity = vigil_store_load_identity (store_of (f), person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (identity->full_name, ==, FULL_NAME);
  notes = case_notes (f);
  g_assert_cmpstr (notes, ==, CASE_NOTES);
  g_assert_nonnull (person_row (f, "V-01"));
  g_assert_false (window_shows (f, "was erased"));
}

/* A person no text named: said so, not "0 texts". */
static void
test_erase_named_nowhere (Fixture *f, gconstpointer data)
{
  GtkWindow *editor = open_editor (f, "W-01");
  AdwMessageDialog *dialog = click_erase (editor, NULL);
  g_autofree char *notes = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Erase W-01"));
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 3000));
  assert_erased (f, f->witness_id);
  notes = case_notes (f);
  g_assert_cmpstr (notes, ==, CASE_NOTES);
  g_assert_true (window_shows (f, "W-01 was erased; no text of the case named them"));
  g_assert_null (person_row (f, "W-01"));
  g_assert_nonnull (person_row (f, "V-01"));
}

/* Another program holds the file: the erase stands, and a dialog says
 * that old copies stay until that program closes it and Vigil opens the
 * vault again. */
static void
test_erase_busy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) other = vigil_vault_open (f->path, PASSPHRASE, &error);
  GtkWindow *editor;
  AdwMessageDialog *dialog;
  GtkWindow *pending;
  const char *body;
  sqlite3 *db;

  g_assert_no_error (error);
  db = vigil_vault_get_db (other, &error);
  g_assert_no_error (error);
  /* A read transaction left open, as another Vigil reading the cases
   * has. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM persons;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  editor = open_editor (f, "V-01");
  dialog = click_erase (editor, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Erase V-01"));
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 3000));
  g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
  pending = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (pending) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (pending)), ==,
                   "V-01 Was Erased, but Old Copies Remain");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (pending));
  g_assert_nonnull (strstr (body, "2 texts of the case that named them now say V-01"));
  g_assert_nonnull (strstr (body, "Another program has the vault open"));
  g_assert_nonnull (strstr (body, "next time Vigil opens the vault"));
  vigil_test_input_focus_window (pending);
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (pending), "person-erase-busy");

  assert_erased (f, f->victim_id);
  g_assert_true (vigil_test_wait_until (row_gone, f, 3000));
  g_assert_false (window_shows (f, "was erased;"));

  vigil_test_input_keys (pending, "Return");
  g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  vigil_vault_lock (other);
}

/* One text named them: said in the singular. */
static void
test_erase_one_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) witness = vigil_store_get_person (store_of (f), f->witness_id, &error);
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  g_autoptr (VigilCase) kase = vigil_store_get_case (store_of (f), f->case_id, &error);
  g_autofree char *notes = NULL;
  g_autofree char *hnotes = NULL;
  GtkWindow *editor;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  identity->full_name = g_strdup ("Mihai Pop");
  g_assert_true (vigil_store_save_identity (store_of (f), witness, identity, &error));
  g_assert_no_error (error);
  vigil_case_set_notes (kase, CASE_NOTES " Mihai Pop drove her there.");
  g_assert_true (vigil_store_save_case (store_of (f), kase, &error));
  g_assert_no_error (error);
  vigil_test_run_for (300);

  editor = open_editor (f, "W-01");
  dialog = click_erase (editor, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Erase W-01"));
  g_assert_true (vigil_test_wait_until (window_gone, &editor, 3000));
  assert_erased (f, f->witness_id);
  notes = case_notes (f);
  g_assert_cmpstr (notes, ==, CASE_NOTES " W-01 drove her there.");
  hnotes = hearing_notes (f);
  g_assert_cmpstr (hnotes, ==, HEARING_NOTES);
  g_assert_true (window_shows (f, "W-01 was erased; 1 text of the case that named them now "
                                  "says W-01"));
}

/* Erased meanwhile (by vigil-cli, or another window): the erase fails
 * with the window's usual error toast, and nothing else changes. */
static void
test_erase_already_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *editor = open_editor (f, "W-01");
  AdwMessageDialog *dialog;
  guint n_texts = 99;

  g_assert_true (vigil_store_erase_person (store_of (f), f->witness_id, &n_texts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_texts, ==, 0);

  dialog = click_erase (editor, NULL);
  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                  "_Erase W-01"));
  g_assert_true (vigil_test_wait_until (dialog_gone, NULL, 2000));
  vigil_test_run_for (300);
  g_assert_true (window_shows (f, "W-01 could not be erased: "));
  g_assert_false (window_shows (f, "was erased;"));
  g_assert_nonnull (person_row (f, "V-01"));
  assert_erased (f, f->witness_id);
  vigil_test_screenshot (GTK_WIDGET (f->window), "person-erase-failed");
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/person-erase/erase", Fixture, NULL, fixture_set_up, test_erase,
              fixture_tear_down);
  g_test_add ("/person-erase/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/person-erase/named-nowhere", Fixture, NULL, fixture_set_up,
              test_erase_named_nowhere, fixture_tear_down);
  g_test_add ("/person-erase/busy", Fixture, NULL, fixture_set_up, test_erase_busy,
              fixture_tear_down);
  g_test_add ("/person-erase/one-text", Fixture, NULL, fixture_set_up, test_erase_one_text,
              fixture_tear_down);
  g_test_add ("/person-erase/already-gone", Fixture, NULL, fixture_set_up,
              test_erase_already_gone, fixture_tear_down);
  return g_test_run ();
}
