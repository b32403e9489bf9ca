/* vigil-test-store.c: a temporary vault with a store, for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-store.h"
#include "vigil-test-util.h"

static void
on_case_changed (VigilStore *store, const char *case_id, Fixture *f)
{
  g_ptr_array_add (f->changed, g_strdup (case_id));
}

static void
open_store (Fixture *f)
{
  f->store = vigil_store_new (f->vault);
  g_signal_connect (f->store, "case-changed", G_CALLBACK (on_case_changed), f);
}

void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "store.vigil", NULL);
  f->vault = vigil_vault_create (f->path, VIGIL_TEST_PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  f->changed = g_ptr_array_new_with_free_func (g_free);
  open_store (f);
}

void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->vault);
  g_ptr_array_unref (f->changed);
  g_free (f->path);
  vigil_test_tmpdir_free (f->dir);
}

void
tamper (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  vigil_vault_lock (f->vault);
  g_clear_object (&f->vault);
  vigil_test_raw_sql (f->path, VIGIL_TEST_PASSPHRASE, sql);
  f->vault = vigil_vault_open (f->path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  open_store (f);
}

gint64
count (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = vigil_vault_get_db (f->vault, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = vigil_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

VigilCase *
add_case (Fixture *f, const char *reference)
{
  g_autoptr (GError) error = NULL;
  VigilCase *kase = vigil_case_new ();

  vigil_case_set_reference (kase, reference);
  vigil_case_set_court (kase, "Regional Court");
  vigil_case_set_notes (kase, "Prosecutor expects the defence to ask for a delay.");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

VigilPerson *
add_person (Fixture *f, VigilCase *kase, const char *pseudonym, VigilPersonRole role)
{
  g_autoptr (GError) error = NULL;
  VigilPerson *person = vigil_person_new (vigil_case_get_id (kase));

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  vigil_person_set_notes (person, "Prefers to be contacted through the shelter.");
  g_assert_true (vigil_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  return person;
}

VigilHearing *
add_hearing (Fixture *f, VigilCase *kase, int days_from_now, VigilHearingStatus status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_add_days (now, days_from_now);
  VigilHearing *hearing = vigil_hearing_new (vigil_case_get_id (kase));

  vigil_hearing_set_starts_at (hearing, when);
  vigil_hearing_set_status (hearing, status);
  if (status == VIGIL_HEARING_STATUS_ADJOURNED)
    vigil_hearing_set_adjournment_reason (hearing, "Witness fell ill");
  vigil_hearing_set_notes (hearing, "Victim-witness testified behind a screen.");
  g_assert_true (vigil_store_save_hearing (f->store, hearing, &error));
  g_assert_no_error (error);
  return hearing;
}

VigilIdentity *
make_identity (const char *full_name, const char *phone, const char *address)
{
  VigilIdentity *identity = vigil_identity_new ();
  const char *languages[] = { "bg", "en", NULL };

  identity->full_name = g_strdup (full_name);
  identity->date_of_birth = g_strdup ("1996-07-14");
  identity->nationality = g_strdup ("BG");
  identity->languages = g_strdupv ((char **) languages);
  identity->phone = g_strdup (phone);
  identity->address = g_strdup (address);
  return identity;
}

void
assert_check_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_true (report->integrity_ok);
  g_assert_true (report->audit_ok);
  g_assert_cmpint (report->sealed_failures, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (vigil_check_report_ok (report));
}
