/* test-case-list.c: the live GListModel of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-case-list.h"
#include "vigil-record-private.h"
#include "vigil-schema.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* The case list */

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GArray *log)
{
  Change change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_change (GArray *log, guint position, guint removed, guint added)
{
  Change *change;

  g_assert_cmpuint (log->len, ==, 1);
  change = &g_array_index (log, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (log, 0);
}

static void
assert_model_matches_store (Fixture *f, GListModel *model)
{
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cases->len);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr (VigilCase) item = g_list_model_get_item (model, i);
      VigilCase *listed = g_ptr_array_index (cases, i);

      g_assert_cmpstr (vigil_case_get_id (item), ==, vigil_case_get_id (listed));
      g_assert_cmpint (vigil_case_get_version (item), ==, vigil_case_get_version (listed));
      g_assert_cmpuint (vigil_case_get_person_count (item), ==,
                        vigil_case_get_person_count (listed));
    }
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

static void
test_case_list_model (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *model = vigil_store_get_case_list (f->store);
  g_autoptr (VigilCase) m = NULL;
  g_autoptr (VigilCase) c = NULL;
  g_autoptr (VigilCase) x = NULL;
  g_autoptr (VigilCase) item = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilCaseList) second = NULL;
  guint persons_notified = 0;

  g_assert_true (model == vigil_store_get_case_list (f->store));
  g_assert_true (g_list_model_get_item_type (model) == VIGIL_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);

  m = add_case (f, "M-1");
  assert_change (log, 0, 0, 1);
  c = add_case (f, "C-1");
  assert_change (log, 0, 0, 1);
  x = add_case (f, "X-1");
  assert_change (log, 2, 0, 1);
  assert_model_matches_store (f, model);

  /* A change that keeps the order updates the item in place, silently for
   * the model and loudly for the item. */
  item = g_list_model_get_item (model, 1);
  g_assert_cmpstr (vigil_case_get_id (item), ==, vigil_case_get_id (m));
  g_signal_connect (item, "notify::person-count", G_CALLBACK (count_notify), &persons_notified);
  person = add_person (f, m, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (persons_notified, ==, 1);
  g_assert_cmpuint (vigil_case_get_person_count (item), ==, 1);

  /* Renaming C-1 to Z-1 moves it from the first place to the last. */
  vigil_case_set_reference (c, "Z-1");
  g_assert_true (vigil_store_save_case (f->store, c, &error));
  assert_change (log, 0, 3, 3);
  assert_model_matches_store (f, model);

  /* Erasing removes exactly it. */
  vigil_store_erase_case (f->store, vigil_case_get_id (m), &error);
  g_assert_no_error (error);
  assert_change (log, 0, 1, 0);
  assert_model_matches_store (f, model);

  /* A reload that finds nothing new says nothing, and keeps the objects. */
  g_clear_object (&item);
  item = g_list_model_get_item (model, 0);
  g_assert_true (vigil_case_list_reload (VIGIL_CASE_LIST (model), &error));
  g_assert_cmpuint (log->len, ==, 0);
  {
    g_autoptr (VigilCase) same = g_list_model_get_item (model, 0);

    g_assert_true (same == item);
  }

  /* Another list of the same store follows it too. */
  second = vigil_case_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 2);
  g_clear_object (&m);
  m = add_case (f, "A-0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 3);
  assert_change (log, 0, 0, 1);
  assert_model_matches_store (f, G_LIST_MODEL (second));
}

static void
record_version (VigilStore *store, const char *case_id, VigilCase *kase)
{
  g_object_set_data (G_OBJECT (kase), "version-when-announced",
                     GINT_TO_POINTER ((int) vigil_case_get_version (kase)));
}

/* A list item is a case like any other: edit it, save it, and it keeps
 * what it shows. */
static void
test_case_list_edit_item (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-E");
  GListModel *model = vigil_store_get_case_list (f->store);
  g_autoptr (VigilCase) item = g_list_model_get_item (model, 0);
  g_autoptr (VigilCase) loaded = NULL;
  g_autoptr (VigilCase) final = NULL;

  /* A list never opens notes. */
  g_assert_null (vigil_case_get_notes (item));

  g_signal_connect (f->store, "case-changed", G_CALLBACK (record_version), item);
  vigil_case_set_notes (item, "Notes typed into the list's case");
  g_assert_true (vigil_store_save_case (f->store, item, &error));
  g_assert_no_error (error);
  /* Handlers already saw the saved version. */
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item),
                                                       "version-when-announced")),
                   ==, 2);
  g_assert_cmpstr (vigil_case_get_notes (item), ==, "Notes typed into the list's case");

  loaded = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_cmpstr (vigil_case_get_notes (loaded), ==, "Notes typed into the list's case");

  /* Saved from another copy, the item's notes are no longer current: it
   * drops them, and saving it again keeps the stored ones. */
  vigil_case_set_court (loaded, "Court of Cassation");
  g_assert_true (vigil_store_save_case (f->store, loaded, &error));
  g_assert_cmpint (vigil_case_get_version (item), ==, 3);
  g_assert_cmpstr (vigil_case_get_court (item), ==, "Court of Cassation");
  g_assert_null (vigil_case_get_notes (item));
  vigil_case_set_jurisdiction (item, "West");
  g_assert_true (vigil_store_save_case (f->store, item, &error));
  g_assert_no_error (error);
  final = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_cmpstr (vigil_case_get_notes (final), ==, "Notes typed into the list's case");
  g_assert_cmpstr (vigil_case_get_jurisdiction (final), ==, "West");
  g_signal_handlers_disconnect_by_data (f->store, item);
}

/* A reload after changes behind the list's back says which span changed. */
static void
test_case_list_reload (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr (VigilCase) a = add_case (f, "A");
  g_autoptr (VigilCase) b = add_case (f, "B");
  g_autoptr (VigilCase) c = add_case (f, "C");
  g_autoptr (VigilCase) d = add_case (f, "D");
  g_autoptr (VigilCaseList) list = vigil_case_list_new (f->store);
  g_autoptr (VigilStore) other = vigil_store_new (f->vault);
  g_autoptr (VigilCase) b2 = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), log);
  /* Another store on the same vault: this list does not hear of it. */
  g_assert_true (vigil_store_erase_case (other, vigil_case_get_id (c), &error));
  b2 = vigil_store_get_case (other, vigil_case_get_id (b), &error);
  vigil_case_set_reference (b2, "BB");
  g_assert_true (vigil_store_save_case (other, b2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 0);

  g_assert_true (vigil_case_list_reload (list, &error));
  g_assert_no_error (error);
  assert_change (log, 2, 1, 0);
  assert_model_matches_store (f, G_LIST_MODEL (list));
  (void) a;
  (void) d;
}


static void
count_signal (VigilStore *store, guint *count)
{
  (*count)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(guint *) data > 0;
}

/* Another connection to the vault file (vigil-cli, a second window)
 * commits: the store says so and its list reloads; the store's own
 * commits are not news. */
static void
test_case_list_changed_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) other_vault = vigil_vault_open (f->path, VIGIL_TEST_PASSPHRASE, &error);
  g_autoptr (VigilStore) other = NULL;
  g_autoptr (VigilCase) mine = NULL;
  g_autoptr (VigilCase) theirs = NULL;
  GListModel *list = vigil_store_get_case_list (f->store);
  guint signals = 0;

  g_assert_no_error (error);
  other = vigil_store_new (other_vault);
  g_signal_connect (f->store, "changed-elsewhere", G_CALLBACK (count_signal), &signals);
  g_assert_false (vigil_store_poll_changes_elsewhere (f->store, &error));
  g_assert_no_error (error);

  mine = add_case (f, "K 1/2024");
  g_assert_false (vigil_store_poll_changes_elsewhere (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  theirs = vigil_case_new ();
  vigil_case_set_reference (theirs, "K 2/2024");
  vigil_case_set_court (theirs, "Tribunal");
  g_assert_true (vigil_store_save_case (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (vigil_store_poll_changes_elsewhere (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 1);
  assert_model_matches_store (f, list);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  /* Told once. */
  g_assert_false (vigil_store_poll_changes_elsewhere (f->store, &error));
  g_assert_cmpuint (signals, ==, 1);

  /* Watched on the main loop, it is found without being asked. */
  vigil_store_watch_changes_elsewhere (f->store, 20);
  g_assert_true (vigil_store_erase_case (other, vigil_case_get_id (theirs), &error));
  g_assert_no_error (error);
  signals = 0;
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    /* The watch's own timer wakes the loop. */
    while (!is_positive (&signals) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  assert_model_matches_store (f, list);
  vigil_store_watch_changes_elsewhere (f->store, 0);
  vigil_vault_lock (other_vault);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/case-list/items-changed", test_case_list_model);
  ADD ("/store/case-list/reload", test_case_list_reload);
  ADD ("/store/case-list/edit-item", test_case_list_edit_item);
  ADD ("/store/case-list/changed-elsewhere", test_case_list_changed_elsewhere);

#undef ADD
  return g_test_run ();
}
