/* test-unlock-page.c: the unlock screen, creating and opening real vaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-error.h"
#include "vigil-test-gui.h"
#include "vigil-test-util.h"
#include "vigil-unlock-page.h"
#include "vigil-vault.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  char            *dir;
  char            *path;
  GtkWindow       *window;
  VigilUnlockPage *page;
  VigilVault      *unlocked;
} Fixture;

static void
on_unlocked (VigilUnlockPage *page, VigilVault *vault, Fixture *f)
{
  g_set_object (&f->unlocked, vault);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
}

static void
show_page (Fixture *f)
{
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 720, 640);
  f->page = VIGIL_UNLOCK_PAGE (vigil_unlock_page_new ());
  vigil_unlock_page_set_kdf_level (f->page, VIGIL_KDF_INTERACTIVE);
  vigil_unlock_page_set_path (f->page, f->path);
  g_signal_connect (f->page, "unlocked", G_CALLBACK (on_unlocked), f);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->unlocked != NULL)
    vigil_vault_lock (f->unlocked);
  g_clear_object (&f->unlocked);
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
}

static void
type_into (VigilUnlockPage *page, const char *title, const char *text)
{
  GtkWidget *row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
is_idle (gpointer data)
{
  return !vigil_unlock_page_get_busy (VIGIL_UNLOCK_PAGE (data));
}

static void
submit_and_wait (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "unlock.submit", NULL));
  /* Key derivation runs in a worker: the page says so while it waits. */
  g_assert_true (vigil_unlock_page_get_busy (f->page));
  g_assert_true (vigil_test_wait_until (is_idle, f->page, 60000));
}

static void
test_passphrase_state (void)
{
  VigilNewPassphraseState state;

  state = vigil_new_passphrase_state ("", "");
  g_assert_false (state.can_create);
  g_assert_false (state.hint_is_error);

  state = vigil_new_passphrase_state ("short", "short");
  g_assert_false (state.can_create);
  g_assert_true (state.hint_is_error);

  state = vigil_new_passphrase_state (PASSPHRASE, "");
  g_assert_false (state.can_create);

  state = vigil_new_passphrase_state (PASSPHRASE, PASSPHRASE "x");
  g_assert_false (state.can_create);
  g_assert_true (state.hint_is_error);

  state = vigil_new_passphrase_state (PASSPHRASE, PASSPHRASE);
  g_assert_true (state.can_create);
  g_assert_false (state.hint_is_error);
}

static void
test_messages_distinct (void)
{
  const VigilError codes[] = {
    VIGIL_ERROR_WRONG_PASSPHRASE, VIGIL_ERROR_DAMAGED, VIGIL_ERROR_TAMPERED,
    VIGIL_ERROR_NEWER_FORMAT, VIGIL_ERROR_EXISTS,
  };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (VIGIL_ERROR, codes[i], "internal");
      char *message = vigil_unlock_error_message (error);

      g_assert_false (g_hash_table_contains (seen, message));
      g_hash_table_add (seen, message);
    }
}

static void
test_create (Fixture *f, gconstpointer data)
{
  show_page (f);
  g_assert_true (vigil_unlock_page_get_creating (f->page));
  type_into (f->page, "Passphrase", PASSPHRASE);
  type_into (f->page, "Confirm Passphrase", PASSPHRASE);
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlock-create");

  submit_and_wait (f);
  g_assert_null (vigil_unlock_page_get_message (f->page));
  g_assert_nonnull (f->unlocked);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
}

/* The main menu is built when it is first opened, and then offers what
 * it always did. */
static void
test_menu (Fixture *f, gconstpointer data)
{
  GtkMenuButton *button;
  GtkPopover *popover;
  g_autofree char *text = NULL;

  show_page (f);
  button = GTK_MENU_BUTTON (vigil_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON,
                                                    NULL));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  vigil_test_run_for (50);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  text = vigil_test_widget_text (GTK_WIDGET (popover));
  g_assert_nonnull (strstr (text, "Open Another Vault"));
  g_assert_nonnull (strstr (text, "About Vigil"));
  gtk_menu_button_popdown (button);
}

static void
test_create_mismatch (Fixture *f, gconstpointer data)
{
  show_page (f);
  type_into (f->page, "Passphrase", PASSPHRASE);
  type_into (f->page, "Confirm Passphrase", "correct horse battery stapler");
  /* The form refuses before anything is derived or written. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "unlock.submit", NULL)
                  && vigil_unlock_page_get_busy (f->page));
  vigil_test_run_for (50);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_null (f->unlocked);
}

static void
make_vault (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault =
    vigil_vault_create (f->path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);

  g_assert_no_error (error);
  vigil_vault_lock (vault);
}

static void
test_unlock (Fixture *f, gconstpointer data)
{
  make_vault (f);
  show_page (f);
  g_assert_false (vigil_unlock_page_get_creating (f->page));
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlock");
  type_into (f->page, "Passphrase", PASSPHRASE);
  submit_and_wait (f);
  g_assert_null (vigil_unlock_page_get_message (f->page));
  g_assert_nonnull (f->unlocked);
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error =
    g_error_new_literal (VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE, "");
  g_autofree char *expected = vigil_unlock_error_message (error);

  make_vault (f);
  before = vigil_test_read_file (f->path);
  show_page (f);
  type_into (f->page, "Passphrase", "not the passphrase at all");
  submit_and_wait (f);
  g_assert_null (f->unlocked);
  g_assert_cmpstr (vigil_unlock_page_get_message (f->page), ==, expected);
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlock-wrong-passphrase");

  after = vigil_test_read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));

  /* The right one still works after a wrong one. */
  type_into (f->page, "Passphrase", PASSPHRASE);
  submit_and_wait (f);
  g_assert_nonnull (f->unlocked);
}

static void
test_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = g_error_new_literal (VIGIL_ERROR, VIGIL_ERROR_DAMAGED, "");
  g_autofree char *expected = vigil_unlock_error_message (error);
  char junk[8192];

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (f->path, junk, sizeof junk, NULL));

  show_page (f);
  type_into (f->page, "Passphrase", PASSPHRASE);
  submit_and_wait (f);
  g_assert_null (f->unlocked);
  g_assert_cmpstr (vigil_unlock_page_get_message (f->page), ==, expected);
  vigil_test_screenshot (GTK_WIDGET (f->window), "unlock-damaged");

  after = vigil_test_read_file (f->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), junk, sizeof junk);
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/unlock-page/passphrase-state", test_passphrase_state);
  g_test_add_func ("/unlock-page/messages-distinct", test_messages_distinct);
  g_test_add ("/unlock-page/create", Fixture, NULL, fixture_set_up, test_create,
              fixture_tear_down);
  g_test_add ("/unlock-page/menu", Fixture, NULL, fixture_set_up, test_menu, fixture_tear_down);
  g_test_add ("/unlock-page/create-mismatch", Fixture, NULL, fixture_set_up,
              test_create_mismatch, fixture_tear_down);
  g_test_add ("/unlock-page/unlock", Fixture, NULL, fixture_set_up, test_unlock,
              fixture_tear_down);
  g_test_add ("/unlock-page/wrong-passphrase", Fixture, NULL, fixture_set_up,
              test_wrong_passphrase, fixture_tear_down);
  g_test_add ("/unlock-page/damaged", Fixture, NULL, fixture_set_up, test_damaged,
              fixture_tear_down);
  return g_test_run ();
}
