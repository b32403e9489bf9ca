/* test-store.c: saving and reading records, versions, conflicts,
 * transactions, identities and consents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-schema.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* Cases */

static void
test_case_crud (Fixture *f, gconstpointer data)
{
  static const char * const charges[] = { "Trafficking in human beings", "Forgery", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilCase) loaded = NULL;
  g_autoptr (VigilCase) again = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GDateTime) created = NULL;
  VigilAuditEntry *entry;

  vigil_case_set_reference (kase, "K-12/2024");
  vigil_case_set_court (kase, "District Court");
  vigil_case_set_jurisdiction (kase, "North Region");
  vigil_case_set_stage (kase, VIGIL_CASE_STAGE_TRIAL);
  vigil_case_set_charges (kase, charges);
  vigil_case_set_notes (kase, "Hearing moved twice already.");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_case_get_version (kase), ==, 1);
  g_assert_nonnull (vigil_case_get_created_at (kase));
  created = g_date_time_ref (vigil_case_get_created_at (kase));

  loaded = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_case_get_reference (loaded), ==, "K-12/2024");
  g_assert_cmpstr (vigil_case_get_court (loaded), ==, "District Court");
  g_assert_cmpstr (vigil_case_get_jurisdiction (loaded), ==, "North Region");
  g_assert_cmpint (vigil_case_get_stage (loaded), ==, VIGIL_CASE_STAGE_TRIAL);
  g_assert_true (g_strv_equal (vigil_case_get_charges (loaded), charges));
  g_assert_cmpstr (vigil_case_get_notes (loaded), ==, "Hearing moved twice already.");
  g_assert_cmpint (vigil_case_get_version (loaded), ==, 1);
  g_assert_true (g_date_time_equal (vigil_case_get_created_at (loaded), created));

  vigil_case_set_stage (loaded, VIGIL_CASE_STAGE_APPEAL);
  vigil_case_set_outcome (loaded, VIGIL_CASE_OUTCOME_CONVICTION);
  vigil_case_set_convicted_charge (loaded, "Trafficking in human beings");
  vigil_case_set_notes (loaded, NULL);
  g_assert_true (vigil_store_save_case (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_case_get_version (loaded), ==, 2);

  again = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_case_get_version (again), ==, 2);
  g_assert_cmpint (vigil_case_get_outcome (again), ==, VIGIL_CASE_OUTCOME_CONVICTION);
  g_assert_cmpstr (vigil_case_get_convicted_charge (again), ==, "Trafficking in human beings");
  g_assert_null (vigil_case_get_notes (again));
  g_assert_true (g_date_time_equal (vigil_case_get_created_at (again), created));

  /* Each save has its entry, naming the version and never the content. */
  entries = vigil_audit_list (vigil_vault_get_db (f->vault, NULL), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->record_kind, ==, "case");
  g_assert_cmpstr (entry->record_id, ==, vigil_case_get_id (kase));
  g_assert_cmpint (entry->record_version, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpint (entry->record_version, ==, 1);

  g_assert_cmpuint (f->changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, vigil_case_get_id (kase));

  /* Notes are sealed; the public reference stays readable. */
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Hearing moved twice"));
  g_assert_true (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "K-12/2024"));
}

static void
test_case_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-1");
  g_autoptr (VigilCase) first = vigil_store_get_case (f->store, vigil_case_get_id (kase), NULL);
  g_autoptr (VigilCase) second = vigil_store_get_case (f->store, vigil_case_get_id (kase), NULL);
  g_autoptr (VigilCase) fresh = NULL;
  g_autoptr (VigilCase) ghost = vigil_case_new ();

  vigil_case_set_court (first, "Court of Appeal");
  g_assert_true (vigil_store_save_case (f->store, first, &error));
  g_assert_no_error (error);

  vigil_case_set_court (second, "Supreme Court");
  g_assert_false (vigil_store_save_case (f->store, second, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (vigil_case_get_version (second), ==, 1);

  fresh = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_cmpstr (vigil_case_get_court (fresh), ==, "Court of Appeal");
  g_assert_cmpint (vigil_case_get_version (fresh), ==, 2);
  vigil_case_set_court (fresh, "Supreme Court");
  g_assert_true (vigil_store_save_case (f->store, fresh, &error));
  g_assert_cmpint (vigil_case_get_version (fresh), ==, 3);

  /* The refused save left no trace. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, 3);

  /* A copy of a case that is gone is not a conflict. */
  vigil_case_set_reference (ghost, "K-0");
  vigil_case_set_court (ghost, "Court");
  vigil_record_set_id (VIGIL_RECORD (ghost), "6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33");
  vigil_record_set_version (VIGIL_RECORD (ghost), 4);
  g_assert_false (vigil_store_save_case (f->store, ghost, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
}

static void
test_case_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (GPtrArray) cases = NULL;

  vigil_case_set_court (kase, "Court");
  g_assert_false (vigil_store_save_case (f->store, kase, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_cmpint (vigil_case_get_version (kase), ==, 0);
  cases = vigil_store_list_cases (f->store, NULL);
  g_assert_cmpuint (cases->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpuint (f->changed->len, ==, 0);
}

static void
test_case_list_counts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) b = add_case (f, "b-2");
  g_autoptr (VigilCase) a = add_case (f, "A-1");
  g_autoptr (VigilCase) c = add_case (f, "a-3");
  g_autoptr (VigilPerson) p1 = add_person (f, b, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) p2 = add_person (f, b, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilHearing) past = add_hearing (f, b, -30, VIGIL_HEARING_STATUS_HELD);
  g_autoptr (VigilHearing) adjourned = add_hearing (f, b, 3, VIGIL_HEARING_STATUS_ADJOURNED);
  g_autoptr (VigilHearing) later = add_hearing (f, b, 40, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilHearing) next = add_hearing (f, b, 10, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store, &error);
  VigilCase *listed;

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 3);
  g_assert_cmpstr (vigil_case_get_reference (g_ptr_array_index (cases, 0)), ==, "A-1");
  g_assert_cmpstr (vigil_case_get_reference (g_ptr_array_index (cases, 1)), ==, "a-3");
  g_assert_cmpstr (vigil_case_get_reference (g_ptr_array_index (cases, 2)), ==, "b-2");

  listed = g_ptr_array_index (cases, 2);
  g_assert_cmpuint (vigil_case_get_person_count (listed), ==, 2);
  g_assert_cmpuint (vigil_case_get_hearing_count (listed), ==, 4);
  g_assert_nonnull (vigil_case_get_next_hearing (listed));
  g_assert_true (g_date_time_equal (vigil_case_get_next_hearing (listed),
                                    vigil_hearing_get_starts_at (next)));
  listed = g_ptr_array_index (cases, 0);
  g_assert_cmpuint (vigil_case_get_person_count (listed), ==, 0);
  g_assert_null (vigil_case_get_next_hearing (listed));
  (void) a;
  (void) c;
}

/* A listed case has its notes closed; saving it keeps the stored ones. */
static void
test_case_listed_keeps_notes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-5");
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (f->store, &error);
  g_autoptr (VigilCase) loaded = NULL;
  VigilCase *listed = g_ptr_array_index (cases, 0);

  g_assert_null (vigil_case_get_notes (listed));
  vigil_case_set_court (listed, "High Court");
  g_assert_true (vigil_store_save_case (f->store, listed, &error));
  g_assert_no_error (error);

  loaded = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_case_get_court (loaded), ==, "High Court");
  g_assert_cmpstr (vigil_case_get_notes (loaded), ==, vigil_case_get_notes (kase));
  assert_check_ok (f);
}

/* Transactions */

static void
test_nested_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (VigilHearing) gone = NULL;
  g_autoptr (VigilCase) inside = NULL;
  g_autoptr (VigilCase) outside = NULL;
  g_autoptr (VigilIdentity) identity = make_identity ("Rollback Person", "+359 1", "Street 1");

  g_assert_true (vigil_store_begin (f->store, &error));
  kase = add_case (f, "K-R");
  person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_cmpint (vigil_person_get_version (person), ==, 2);

  g_assert_true (vigil_store_begin (f->store, &error));
  hearing = add_hearing (f, kase, 5, VIGIL_HEARING_STATUS_SCHEDULED);
  g_assert_cmpint (vigil_hearing_get_version (hearing), ==, 1);
  vigil_store_rollback (f->store);

  /* The inner level is gone, the outer one is not. */
  g_assert_cmpint (vigil_hearing_get_version (hearing), ==, 0);
  gone = vigil_store_get_hearing (f->store, vigil_hearing_get_id (hearing), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  inside = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_case_get_version (kase), ==, 1);
  g_assert_cmpuint (f->changed->len, ==, 0);

  vigil_store_rollback (f->store);

  outside = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_null (outside);
  g_clear_error (&error);
  g_assert_cmpint (vigil_case_get_version (kase), ==, 0);
  g_assert_null (vigil_case_get_created_at (kase));
  g_assert_cmpint (vigil_person_get_version (person), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM persons"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM hearings"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM data_keys"), ==, 0);
  g_assert_cmpuint (f->changed->len, ==, 0);

  /* The same objects save cleanly afterwards. */
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_case_get_version (kase), ==, 1);
  assert_check_ok (f);
}

static void
test_nested_commit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) a = NULL;
  g_autoptr (VigilCase) b = NULL;
  g_autoptr (VigilPerson) person = NULL;

  g_assert_true (vigil_store_begin (f->store, &error));
  a = add_case (f, "K-A");
  g_assert_true (vigil_store_begin (f->store, &error));
  b = add_case (f, "K-B");
  person = add_person (f, a, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_assert_true (vigil_store_commit (f->store, &error));
  g_assert_cmpuint (f->changed->len, ==, 0);
  g_assert_true (vigil_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* Once per case, after the outermost commit. */
  g_assert_cmpuint (f->changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, vigil_case_get_id (a));
  g_assert_cmpstr (g_ptr_array_index (f->changed, 1), ==, vigil_case_get_id (b));
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 2);
  g_assert_cmpint (vigil_person_get_version (person), ==, 1);
  assert_check_ok (f);
}

/* Persons and identities */

static void
test_person_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-P");
  g_autoptr (VigilPerson) v1 = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_autoptr (VigilPerson) d1 = add_person (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilPerson) dup = vigil_person_new (vigil_case_get_id (kase));
  g_autoptr (VigilPerson) orphan = vigil_person_new ("6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33");
  g_autoptr (VigilPerson) loaded = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) none = NULL;

  persons = vigil_store_list_persons (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 2);
  g_assert_cmpstr (vigil_person_get_pseudonym (g_ptr_array_index (persons, 0)), ==, "D-01");
  g_assert_cmpstr (vigil_person_get_pseudonym (g_ptr_array_index (persons, 1)), ==, "V-01");

  loaded = vigil_store_get_person (f->store, vigil_person_get_id (v1), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_person_get_role (loaded), ==, VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  g_assert_cmpstr (vigil_person_get_notes (loaded), ==, vigil_person_get_notes (v1));
  g_assert_cmpstr (vigil_person_get_case_id (loaded), ==, vigil_case_get_id (kase));

  vigil_person_set_role (loaded, VIGIL_PERSON_ROLE_WITNESS);
  g_assert_true (vigil_store_save_person (f->store, loaded, &error));
  g_assert_cmpint (vigil_person_get_version (loaded), ==, 2);
  vigil_person_set_notes (v1, "stale");
  g_assert_false (vigil_store_save_person (f->store, v1, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);

  vigil_person_set_pseudonym (dup, "D-01");
  g_assert_false (vigil_store_save_person (f->store, dup, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS);
  g_clear_error (&error);

  vigil_person_set_pseudonym (orphan, "V-01");
  g_assert_false (vigil_store_save_person (f->store, orphan, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  none = vigil_store_list_persons (f->store, "6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33", &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  (void) d1;
}

static void
test_identity_only_by_reveal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-I");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilIdentity) identity =
    make_identity ("Zdravka Petkova-Ilieva", "+359 88 765 4321", "ul. Vitosha 15, Sofia");
  g_autoptr (VigilIdentity) none = NULL;
  g_autoptr (VigilIdentity) revealed = NULL;
  g_autoptr (VigilIdentity) after_save = NULL;
  g_autoptr (VigilPerson) loaded = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *sql = NULL;
  VigilAuditEntry *entry;

  none = vigil_store_load_identity (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_person_get_version (person), ==, 2);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Zdravka"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "765 4321"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Vitosha"));

  revealed = vigil_store_load_identity (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed->full_name, ==, "Zdravka Petkova-Ilieva");
  g_assert_cmpstr (revealed->phone, ==, identity->phone);
  g_assert_cmpstr (revealed->address, ==, identity->address);
  g_assert_cmpstr (revealed->date_of_birth, ==, "1996-07-14");
  g_assert_true (g_strv_equal ((const char * const *) revealed->languages,
                               (const char * const *) identity->languages));

  /* A reveal is audited, as who looked at whose identity. */
  entries = vigil_audit_list (vigil_vault_get_db (f->vault, NULL), 1, &error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "reveal");
  g_assert_cmpstr (entry->record_id, ==, vigil_person_get_id (person));

  /* Saving the person moves the identity to the new version with it, and
   * the notes survive saving the identity. */
  vigil_person_set_is_child (person, TRUE);
  g_assert_true (vigil_store_save_person (f->store, person, &error));
  g_assert_cmpint (vigil_person_get_version (person), ==, 3);
  after_save = vigil_store_load_identity (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_save->full_name, ==, identity->full_name);
  loaded = vigil_store_get_person (f->store, vigil_person_get_id (person), &error);
  g_assert_cmpstr (vigil_person_get_notes (loaded), ==, vigil_person_get_notes (person));

  /* Listing and getting persons never open the identity: with it
   * unreadable they still work, and only the reveal fails. */
  sql = g_strdup_printf ("UPDATE persons SET identity = zeroblob(120) WHERE id = '%s'",
                         vigil_person_get_id (person));
  tamper (f, sql);
  persons = vigil_store_list_persons (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 1);
  g_clear_object (&loaded);
  loaded = vigil_store_get_person (f->store, vigil_person_get_id (person), &error);
  g_assert_no_error (error);
  g_clear_pointer (&revealed, vigil_identity_free);
  revealed = vigil_store_load_identity (f->store, person, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_null (revealed);
  g_clear_error (&error);

  /* Removing the identity works even then, and leaves none. */
  g_assert_true (vigil_store_save_identity (f->store, loaded, NULL, &error));
  g_assert_no_error (error);
  revealed = vigil_store_load_identity (f->store, loaded, &error);
  g_assert_no_error (error);
  g_assert_null (revealed);
  assert_check_ok (f);
}

static void
test_identity_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-J");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) unsaved = vigil_person_new (vigil_case_get_id (kase));
  g_autoptr (VigilIdentity) identity = make_identity ("Some Name", "+1 2", "Somewhere");

  g_free (identity->date_of_birth);
  identity->date_of_birth = g_strdup ("1996-02-30");
  g_assert_false (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vigil_person_get_version (person), ==, 1);

  g_free (identity->date_of_birth);
  identity->date_of_birth = NULL;
  g_assert_false (vigil_store_save_identity (f->store, unsaved, identity, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
}

static void
test_next_pseudonym (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-N");
  g_autoptr (VigilCase) other = add_case (f, "K-O");
  const char *id = vigil_case_get_id (kase);
  g_autofree char *first = vigil_store_next_pseudonym (f->store, id, VIGIL_PERSON_ROLE_VICTIM,
                                                       &error);
  g_autofree char *third = NULL;
  g_autofree char *child = NULL;
  g_autofree char *witness = NULL;
  g_autofree char *after_gap = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (VigilPerson) v1 = NULL;
  g_autoptr (VigilPerson) v2 = NULL;
  g_autoptr (VigilPerson) v7 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "V-01");
  v1 = add_person (f, kase, first, VIGIL_PERSON_ROLE_VICTIM);
  v2 = add_person (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  third = vigil_store_next_pseudonym (f->store, id, VIGIL_PERSON_ROLE_VICTIM_WITNESS, &error);
  g_assert_cmpstr (third, ==, "V-03");
  child = vigil_store_next_pseudonym (f->store, id, VIGIL_PERSON_ROLE_CHILD_VICTIM, &error);
  g_assert_cmpstr (child, ==, "V-03");
  witness = vigil_store_next_pseudonym (f->store, id, VIGIL_PERSON_ROLE_WITNESS, &error);
  g_assert_cmpstr (witness, ==, "W-01");
  v7 = add_person (f, kase, "V-07", VIGIL_PERSON_ROLE_VICTIM);
  after_gap = vigil_store_next_pseudonym (f->store, id, VIGIL_PERSON_ROLE_VICTIM, &error);
  g_assert_cmpstr (after_gap, ==, "V-08");
  elsewhere = vigil_store_next_pseudonym (f->store, vigil_case_get_id (other),
                                          VIGIL_PERSON_ROLE_VICTIM, &error);
  g_assert_cmpstr (elsewhere, ==, "V-01");
  g_assert_no_error (error);

  missing = vigil_store_next_pseudonym (f->store, "6f1d3c52-6a1b-4c47-9d7e-2b8f0e4a1c33",
                                        VIGIL_PERSON_ROLE_VICTIM, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* Hearings */

static void
test_hearing_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-H");
  g_autoptr (VigilHearing) later = add_hearing (f, kase, 20, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilHearing) sooner = add_hearing (f, kase, 2, VIGIL_HEARING_STATUS_ADJOURNED);
  g_autoptr (VigilHearing) loaded = NULL;
  g_autoptr (VigilHearing) deleted = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  VigilAuditEntry *entry;

  hearings = vigil_store_list_hearings (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, ==, 2);
  g_assert_cmpstr (vigil_hearing_get_id (g_ptr_array_index (hearings, 0)), ==,
                   vigil_hearing_get_id (sooner));

  loaded = vigil_store_get_hearing (f->store, vigil_hearing_get_id (sooner), &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (vigil_hearing_get_starts_at (loaded),
                                    vigil_hearing_get_starts_at (sooner)));
  g_assert_cmpint (vigil_hearing_get_status (loaded), ==, VIGIL_HEARING_STATUS_ADJOURNED);
  g_assert_cmpstr (vigil_hearing_get_adjournment_reason (loaded), ==, "Witness fell ill");
  g_assert_cmpstr (vigil_hearing_get_notes (loaded), ==, vigil_hearing_get_notes (sooner));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Witness fell ill"));

  vigil_hearing_set_room (loaded, "Room 12");
  vigil_hearing_set_closed_session (loaded, TRUE);
  g_assert_true (vigil_store_save_hearing (f->store, loaded, &error));
  g_assert_cmpint (vigil_hearing_get_version (loaded), ==, 2);
  g_assert_false (vigil_store_save_hearing (f->store, sooner, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (vigil_store_delete_hearing (f->store, vigil_hearing_get_id (later), &error));
  g_assert_no_error (error);
  deleted = vigil_store_get_hearing (f->store, vigil_hearing_get_id (later), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vigil_store_delete_hearing (f->store, vigil_hearing_get_id (later), &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  entries = vigil_audit_list (vigil_vault_get_db (f->vault, NULL), 1, &error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpstr (entry->record_kind, ==, "hearing");
  assert_check_ok (f);
}

/* Consents */

static void
test_consents (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-C");
  g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) other = add_person (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (GDateTime) given = g_date_time_new_utc (2024, 1, 15, 10, 0, 0);
  g_autoptr (GDateTime) withdrawn = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);
  g_autoptr (VigilConsent) storage = NULL;
  g_autoptr (VigilConsent) sharing = NULL;
  g_autoptr (VigilConsent) other_storage = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (VigilPerson) gone = NULL;
  g_autoptr (VigilIdentity) identity = make_identity ("Consent Withdrawer", "+40 7", "Str. 9");
  VigilConsent *listed;

  storage = vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_STORAGE, given);
  g_assert_true (vigil_store_save_consent (f->store, storage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_consent_get_version (storage), ==, 1);

  sharing = vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_SHARING, given);
  g_assert_false (vigil_store_save_consent (f->store, sharing, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  vigil_consent_set_shared_with (sharing, "The legal-aid lawyer of the shelter");
  g_assert_true (vigil_store_save_consent (f->store, sharing, &error));
  vigil_consent_set_shared_with (sharing, "The shelter's legal-aid lawyer only");
  g_assert_true (vigil_store_save_consent (f->store, sharing, &error));
  g_assert_cmpint (vigil_consent_get_version (sharing), ==, 2);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "legal-aid lawyer"));

  consents = vigil_store_list_consents (f->store, vigil_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 2);

  /* Withdrawing consent to sharing only records it. */
  g_assert_true (vigil_store_withdraw_consent (f->store, vigil_consent_get_id (sharing),
                                               withdrawn, &error));
  g_assert_no_error (error);
  after = vigil_store_list_consents (f->store, vigil_person_get_id (person), &error);
  for (guint i = 0; i < after->len; i++)
    {
      listed = g_ptr_array_index (after, i);
      if (g_str_equal (vigil_consent_get_id (listed), vigil_consent_get_id (sharing)))
        {
          g_assert_false (vigil_consent_is_in_force (listed));
          g_assert_true (g_date_time_equal (vigil_consent_get_withdrawn_at (listed), withdrawn));
          g_assert_cmpstr (vigil_consent_get_shared_with (listed), ==,
                           "The shelter's legal-aid lawyer only");
          g_assert_cmpint (vigil_consent_get_version (listed), ==, 3);
        }
      else
        g_assert_true (vigil_consent_is_in_force (listed));
    }
  g_assert_false (vigil_store_withdraw_consent (f->store, vigil_consent_get_id (sharing), NULL,
                                                &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);

  /* Withdrawing consent to storage erases the person. */
  other_storage = vigil_consent_new (vigil_person_get_id (other), VIGIL_CONSENT_KIND_STORAGE,
                                     given);
  g_assert_true (vigil_store_save_consent (f->store, other_storage, &error));
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_store_withdraw_consent (f->store, vigil_consent_get_id (storage), NULL,
                                               &error));
  g_assert_no_error (error);
  gone = vigil_store_get_person (f->store, vigil_person_get_id (person), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&consents, g_ptr_array_unref);
  consents = vigil_store_list_consents (f->store, vigil_person_get_id (person), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (vigil_store_load_identity (f->store, person, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consents"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'erase'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'withdraw'"), ==, 2);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Consent Withdrawer"));

  /* The other person and their consent are untouched. */
  g_clear_pointer (&consents, g_ptr_array_unref);
  consents = vigil_store_list_consents (f->store, vigil_person_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, ==, 1);
  assert_check_ok (f);
}


static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-L");
  g_autoptr (VigilCase) loaded = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  vigil_vault_lock (f->vault);
  vigil_case_set_court (kase, "Another");
  g_assert_false (vigil_store_save_case (f->store, kase, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_clear_error (&error);
  loaded = vigil_store_get_case (f->store, vigil_case_get_id (kase), &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_clear_error (&error);
  cases = vigil_store_list_cases (f->store, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (vigil_store_erase_case (f->store, vigil_case_get_id (kase), &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
}


/* A row no save could have written (a version of 0, a text that is not
 * UTF-8) is reported as damage, never handed to a record's setters. */
static void
test_unsound_rows (Fixture *f, gconstpointer data)
{
  static const char * const edits[] = {
    "UPDATE persons SET version = -3",
    "UPDATE persons SET pseudonym = CAST(X'56FF2D3031' AS TEXT)",
    "UPDATE hearings SET version = 0",
    "UPDATE hearings SET room = CAST(X'C3' AS TEXT)",
    "UPDATE cases SET court = CAST(X'FE' AS TEXT)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilCase) kase = add_case (f, "K 5/2026");
      g_autoptr (VigilPerson) person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
      g_autoptr (VigilHearing) hearing = add_hearing (f, kase, 3, VIGIL_HEARING_STATUS_SCHEDULED);
      g_autoptr (GPtrArray) read = NULL;
      const char *case_id = vigil_case_get_id (kase);

      tamper (f, edits[i]);
      if (g_str_has_prefix (edits[i], "UPDATE persons"))
        read = vigil_store_list_persons (f->store, case_id, &error);
      else if (g_str_has_prefix (edits[i], "UPDATE hearings"))
        read = vigil_store_list_hearings (f->store, case_id, &error);
      else
        read = vigil_store_list_cases (f->store, &error);
      g_test_message ("%s: %s", edits[i], error != NULL ? error->message : "read");
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED);
      g_assert_null (read);
      tamper (f, "DELETE FROM hearings; DELETE FROM persons; DELETE FROM cases");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/case/crud", test_case_crud);
  ADD ("/store/case/conflict", test_case_conflict);
  ADD ("/store/case/invalid", test_case_invalid);
  ADD ("/store/case/list-counts", test_case_list_counts);
  ADD ("/store/case/listed-keeps-notes", test_case_listed_keeps_notes);
  ADD ("/store/transaction/nested-rollback", test_nested_rollback);
  ADD ("/store/transaction/nested-commit", test_nested_commit);
  ADD ("/store/person/crud", test_person_crud);
  ADD ("/store/person/identity-only-by-reveal", test_identity_only_by_reveal);
  ADD ("/store/person/identity-invalid", test_identity_invalid);
  ADD ("/store/person/next-pseudonym", test_next_pseudonym);
  ADD ("/store/hearing/crud", test_hearing_crud);
  ADD ("/store/consent/save-list-withdraw", test_consents);
  ADD ("/store/locked", test_locked);
  ADD ("/store/unsound-rows", test_unsound_rows);

#undef ADD
  return g_test_run ();
}
