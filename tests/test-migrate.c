/* test-migrate.c: opening a vault written at every earlier schema version
 *
 * Each old vault is filled the way a build of that time would have: with
 * plain SQL on the tables that existed then (the store of today may need
 * newer ones), its values sealed and its mutations audited through the
 * vault. Opening it must migrate it to the latest schema with every row,
 * key slot and sealed value intact, and pass the check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-audit.h"
#include "vigil-error.h"
#include "vigil-schema.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

#define PASSPHRASE "migration passphrase"
#define SECOND_PASSPHRASE "second slot passphrase"

#define CASE_ID    "3a0c6a0e-8d53-4f0e-b1a4-5c0d7e2f9a11"
#define PERSON_ID  "7b1e2c44-0f6d-4a3b-9e58-1d2c3b4a5f66"
#define HEARING_ID "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f"
#define CONSENT_ID "e5f60718-293a-4b4c-9d6e-7f8091a2b3c4"
#define OBS_ID     "0d1e2f30-4152-4637-8899-aabbccddeeff"
#define MEASURE_ID "11223344-5566-4778-8899-aabbccddee00"
#define CLAIM_ID   "22334455-6677-4889-9aab-bccddeeff011"
#define ITEM_ID    "33445566-7788-499a-abbc-cddeeff01122"
#define ATTACH_ID  "44556677-8899-4aab-bccd-deeff0112233"
#define NOTE_ID    "55667788-99aa-4bbc-8cdd-eeff00112233"
#define ASSESS_ID  "66778899-aabb-4ccd-9dee-ff0011223344"

#define IDENTITY_JSON                                                                              \
  "{\"full_name\":\"Ilinca Dumitrescu-Vlad\",\"aliases\":[],\"date_of_birth\":\"1993-05-21\","     \
  "\"nationality\":\"RO\",\"languages\":[\"ro\"],\"phone\":\"+40 721 000 555\","                   \
  "\"address\":\"Str. Lalelelor 7, Iasi\"}"

typedef struct
{
  VigilVault *vault;
  sqlite3    *db;
  gint64      records;
  gint64      sealed;
} Writer;

static gboolean
table_exists (sqlite3 *db, const char *table)
{
  g_autoptr (sqlite3_stmt) stmt =
    vigil_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", NULL);

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
exec (Writer *w, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vigil_db_exec (w->db, sql, &error));
  g_assert_no_error (error);
}

static void
audit (Writer *w, const char *kind, const char *id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vigil_audit_append (w->db, vigil_vault_get_audit_key (w->vault),
                                     vigil_vault_get_actor (w->vault), "create", kind, id, 1,
                                     &error));
  g_assert_no_error (error);
}

/* Seals @text as that build sealed it: under the owner's key, bound to
 * the record, field and version 1. */
static void
seal (Writer       *w,
      const char   *table,
      const char   *column,
      VigilKeyOwner owner,
      const char   *owner_id,
      const char   *kind,
      const char   *id,
      const char   *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?", table, column);
  VigilSealRef ref = {
    .owner = owner,
    .owner_id = owner_id,
    .record_kind = kind,
    .record_id = id,
    .field = column,
    .version = 1,
  };

  sealed = vigil_vault_seal_text (w->vault, &ref, text, &error);
  g_assert_no_error (error);
  stmt = vigil_db_prepare (w->db, sql, &error);
  g_assert_no_error (error);
  vigil_db_bind_bytes (stmt, 1, sealed);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (w->db), ==, 1);
  w->sealed++;
}

/* Schema 2: cases, persons, hearings, consents. */
static void
write_schema_2 (Writer *w)
{
  exec (w, "INSERT INTO cases (id, version, created_at, updated_at, reference, court,"
           " jurisdiction, stage, outcome, charges)"
           " VALUES ('" CASE_ID "', 1, '2023-03-01T10:00:00.000000Z',"
           " '2023-03-01T10:00:00.000000Z', 'OLD-7/2023', 'County Court', 'East',"
           " 'trial', 'none', '[\"Trafficking in human beings\"]')");
  seal (w, "cases", "notes", VIGIL_KEY_OWNER_CASE, CASE_ID, "case", CASE_ID,
        "Written by an older build");
  audit (w, "case", CASE_ID);

  exec (w, "INSERT INTO persons (id, case_id, version, created_at, updated_at, pseudonym,"
           " role, is_child) VALUES ('" PERSON_ID "', '" CASE_ID "', 1,"
           " '2023-03-01T10:05:00.000000Z', '2023-03-01T10:05:00.000000Z', 'V-01',"
           " 'victim_witness', 0)");
  seal (w, "persons", "identity", VIGIL_KEY_OWNER_PERSON, PERSON_ID, "person", PERSON_ID,
        IDENTITY_JSON);
  seal (w, "persons", "notes", VIGIL_KEY_OWNER_PERSON, PERSON_ID, "person", PERSON_ID,
        "Needs an interpreter");
  audit (w, "person", PERSON_ID);

  exec (w, "INSERT INTO hearings (id, case_id, version, created_at, updated_at, starts_at,"
           " room, kind, status, closed_session) VALUES ('" HEARING_ID "', '" CASE_ID "', 1,"
           " '2023-03-01T10:10:00.000000Z', '2023-03-01T10:10:00.000000Z',"
           " '2023-04-11T08:30:00.000000Z', 'Room 3', 'testimony', 'adjourned', 1)");
  seal (w, "hearings", "adjournment_reason", VIGIL_KEY_OWNER_CASE, CASE_ID, "hearing",
        HEARING_ID, "Interpreter did not come");
  audit (w, "hearing", HEARING_ID);

  exec (w, "INSERT INTO consents (id, person_id, version, created_at, updated_at, kind,"
           " given_at) VALUES ('" CONSENT_ID "', '" PERSON_ID "', 1,"
           " '2023-03-01T10:15:00.000000Z', '2023-03-01T10:15:00.000000Z', 'sharing',"
           " '2023-03-01T10:15:00.000000Z')");
  seal (w, "consents", "shared_with", VIGIL_KEY_OWNER_PERSON, PERSON_ID, "consent", CONSENT_ID,
        "The shelter");
  audit (w, "consent", CONSENT_ID);
  w->records += 4;
}

/* Schema 3: observations, protection, compensation, attachments. */
static void
write_schema_3 (Writer *w)
{
  exec (w, "INSERT INTO observations (id, hearing_id, case_id, version, created_at, updated_at,"
           " standard_id, status, catalogue_version) VALUES ('" OBS_ID "', '" HEARING_ID "', '"
           CASE_ID "', 1, '2023-04-11T09:00:00.000000Z', '2023-04-11T09:00:00.000000Z',"
           " 'interpreter', 'not_respected', '1')");
  seal (w, "observations", "notes", VIGIL_KEY_OWNER_CASE, CASE_ID, "observation", OBS_ID,
        "No interpreter was provided");
  audit (w, "observation", OBS_ID);

  exec (w, "INSERT INTO protection_measures (id, case_id, person_id, hearing_id, version,"
           " created_at, updated_at, kind, status) VALUES ('" MEASURE_ID "', '" CASE_ID "', '"
           PERSON_ID "', '" HEARING_ID "', 1, '2023-04-01T09:00:00.000000Z',"
           " '2023-04-01T09:00:00.000000Z', 'video_link', 'confirmed')");
  seal (w, "protection_measures", "details", VIGIL_KEY_OWNER_PERSON, PERSON_ID,
        "protection_measure", MEASURE_ID, "Enters through the side door");
  audit (w, "protection_measure", MEASURE_ID);

  exec (w, "INSERT INTO claims (id, case_id, claimant_id, version, created_at, updated_at,"
           " route, status, currency) VALUES ('" CLAIM_ID "', '" CASE_ID "', '" PERSON_ID "', 1,"
           " '2023-04-01T09:00:00.000000Z', '2023-04-01T09:00:00.000000Z', 'civil_in_criminal',"
           " 'filed', 'EUR')");
  seal (w, "claims", "notes", VIGIL_KEY_OWNER_PERSON, PERSON_ID, "claim", CLAIM_ID,
        "Unpaid wages for eight months");
  audit (w, "claim", CLAIM_ID);

  exec (w, "INSERT INTO claim_items (id, claim_id, claimant_id, version, created_at, updated_at,"
           " head, claimed_minor) VALUES ('" ITEM_ID "', '" CLAIM_ID "', '" PERSON_ID "', 1,"
           " '2023-04-01T09:00:00.000000Z', '2023-04-01T09:00:00.000000Z', 'unpaid_wages',"
           " 480000)");
  seal (w, "claim_items", "evidence", VIGIL_KEY_OWNER_PERSON, PERSON_ID, "claim_item", ITEM_ID,
        "Pay slips");
  audit (w, "claim_item", ITEM_ID);

  exec (w, "INSERT INTO attachments (id, case_id, version, created_at, updated_at, kind,"
           " mime_type, size_bytes) VALUES ('" ATTACH_ID "', '" CASE_ID "', 1,"
           " '2023-04-01T09:00:00.000000Z', '2023-04-01T09:00:00.000000Z', 'indictment',"
           " 'application/pdf', 5)");
  seal (w, "attachments", "title", VIGIL_KEY_OWNER_CASE, CASE_ID, "attachment", ATTACH_ID,
        "Indictment");
  audit (w, "attachment", ATTACH_ID);
  w->records += 5;
}

/* Schema 4: hearing facts and attendance, observation notes, assessments. */
static void
write_schema_4 (Writer *w)
{
  exec (w, "UPDATE hearings SET media_present = 1, interpreter_present = 1,"
           " interpretation_needed = 1, adjourned_sine_die = 1 WHERE id = '" HEARING_ID "'");
  seal (w, "hearings", "interpreter_languages", VIGIL_KEY_OWNER_CASE, CASE_ID, "hearing",
        HEARING_ID, "Romanian\nen");
  exec (w, "INSERT INTO hearing_attendance (hearing_id, person_id, testified)"
           " VALUES ('" HEARING_ID "', '" PERSON_ID "', 0)");

  exec (w, "INSERT INTO observation_notes (id, observation_id, case_id, version, created_at,"
           " updated_at, noted_at, monitor) VALUES ('" NOTE_ID "', '" OBS_ID "', '" CASE_ID "', 1,"
           " '2023-04-11T09:05:00.000000Z', '2023-04-11T09:05:00.000000Z',"
           " '2023-04-11T09:05:00.000000Z', 'monitor')");
  seal (w, "observation_notes", "text", VIGIL_KEY_OWNER_CASE, CASE_ID, "observation_note",
        NOTE_ID, "The clerk interpreted");
  audit (w, "observation_note", NOTE_ID);

  exec (w, "INSERT INTO assessments (id, case_id, hearing_id, scope_id, version, created_at,"
           " updated_at, suggested_grade, grade, score, monitor, catalogue_version)"
           " VALUES ('" ASSESS_ID "', '" CASE_ID "', '" HEARING_ID "', '" HEARING_ID "', 1,"
           " '2023-04-12T09:00:00.000000Z', '2023-04-12T09:00:00.000000Z',"
           " 'serious_shortcomings', 'grave_shortcomings', 6, 'monitor', '1')");
  seal (w, "assessments", "reason", VIGIL_KEY_OWNER_CASE, CASE_ID, "assessment", ASSESS_ID,
        "The victim left in tears");
  audit (w, "assessment", ASSESS_ID);
  w->records += 2;
}

static int
user_version (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "PRAGMA user_version", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_from_version (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.vigil", NULL);
  g_autoptr (VigilVault) old = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilVault) by_second = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autoptr (GPtrArray) slots = NULL;
  gint64 slot_id = 0;
  g_autoptr (GPtrArray) entries_before = NULL;
  Writer w = { 0 };

  old = vigil_vault_create_at_schema (path, PASSPHRASE, VIGIL_KDF_INTERACTIVE, from, &error);
  g_assert_no_error (error);
  w.vault = old;
  w.db = vigil_vault_get_db (old, &error);
  g_assert_cmpint (user_version (w.db), ==, from);

  /* Schema 1 holds only the vault: a second key slot and an audit entry. */
  g_assert_true (vigil_vault_add_slot (old, "second", SECOND_PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                       &slot_id, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_audit_append (w.db, vigil_vault_get_audit_key (old),
                                     vigil_vault_get_actor (old), "create", "vault", "vault", 1,
                                     &error));
  g_assert_true (vigil_vault_begin (old, &error));
  if (table_exists (w.db, "cases"))
    write_schema_2 (&w);
  if (table_exists (w.db, "observations"))
    write_schema_3 (&w);
  if (table_exists (w.db, "observation_notes"))
    write_schema_4 (&w);
  g_assert_true (vigil_vault_commit (old, &error));
  g_assert_no_error (error);
  entries_before = vigil_audit_list (w.db, 0, &error);
  g_assert_no_error (error);
  vigil_vault_lock (old);
  g_clear_object (&old);

  vault = vigil_vault_open (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (vigil_vault_get_db (vault, NULL)), ==,
                   vigil_schema_latest_version ());
  store = vigil_store_new (vault);

  slots = vigil_vault_list_slots (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 2);

  if (from >= 2)
    {
      g_autoptr (VigilCase) kase = vigil_store_get_case (store, CASE_ID, &error);
      g_autoptr (GPtrArray) persons = NULL;
      g_autoptr (GPtrArray) hearings = NULL;
      g_autoptr (GPtrArray) consents = NULL;
      g_autoptr (VigilIdentity) identity = NULL;
      VigilPerson *person;
      VigilHearing *hearing;

      g_assert_no_error (error);
      g_assert_cmpstr (vigil_case_get_reference (kase), ==, "OLD-7/2023");
      g_assert_cmpstr (vigil_case_get_notes (kase), ==, "Written by an older build");
      g_assert_cmpstr (vigil_case_get_charges (kase)[0], ==, "Trafficking in human beings");
      g_assert_cmpuint (vigil_case_get_person_count (kase), ==, 1);

      persons = vigil_store_list_persons (store, CASE_ID, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (persons->len, ==, 1);
      person = g_ptr_array_index (persons, 0);
      g_assert_cmpstr (vigil_person_get_notes (person), ==, "Needs an interpreter");
      identity = vigil_store_load_identity (store, person, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (identity->full_name, ==, "Ilinca Dumitrescu-Vlad");
      g_assert_cmpstr (identity->address, ==, "Str. Lalelelor 7, Iasi");

      hearings = vigil_store_list_hearings (store, CASE_ID, &error);
      g_assert_no_error (error);
      hearing = g_ptr_array_index (hearings, 0);
      g_assert_cmpint (vigil_hearing_get_status (hearing), ==, VIGIL_HEARING_STATUS_ADJOURNED);
      g_assert_cmpstr (vigil_hearing_get_adjournment_reason (hearing), ==,
                       "Interpreter did not come");
      /* Facts a vault from before schema 4 never recorded read as "no". */
      if (from < 4)
        {
          g_assert_false (vigil_hearing_get_media_present (hearing));
          g_assert_cmpint (vigil_hearing_get_outcome (hearing), ==, VIGIL_CASE_OUTCOME_NONE);
          g_assert_cmpuint (vigil_hearing_get_n_attendees (hearing), ==, 0);
        }
      else
        {
          const char *languages[] = { "Romanian", "en", NULL };

          g_assert_true (vigil_hearing_get_media_present (hearing));
          g_assert_true (vigil_hearing_get_adjourned_sine_die (hearing));
          g_assert_cmpstrv (vigil_hearing_get_interpreter_languages (hearing), languages);
          g_assert_cmpuint (vigil_hearing_get_n_attendees (hearing), ==, 1);
          g_assert_cmpstr (vigil_hearing_get_attendee (hearing, 0)->pseudonym, ==, "V-01");
        }

      consents = vigil_store_list_consents (store, PERSON_ID, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (vigil_consent_get_shared_with (g_ptr_array_index (consents, 0)), ==,
                       "The shelter");

      /* The migrated vault takes new saves. */
      vigil_case_set_stage (kase, VIGIL_CASE_STAGE_APPEAL);
      g_assert_true (vigil_store_save_case (store, kase, &error));
      g_assert_no_error (error);
      g_assert_cmpint (vigil_case_get_version (kase), ==, 2);
    }

  report = vigil_store_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_true (vigil_check_report_ok (report));
  g_assert_cmpint (report->records, ==, w.records);
  g_assert_cmpint (report->sealed_values, ==, w.sealed);
  g_assert_cmpint (report->audit_entries, >=, entries_before->len);

  /* The slot added under the old schema still opens the vault. */
  vigil_vault_lock (vault);
  by_second = vigil_vault_open (path, SECOND_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_false (vigil_vault_is_locked (by_second));

  vigil_vault_lock (by_second);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (int from = 1; from < vigil_schema_latest_version (); from++)
    {
      g_autofree char *path = g_strdup_printf ("/migrate/from-schema-%d", from);

      g_test_add_data_func (path, GINT_TO_POINTER (from), test_from_version);
    }
  /* Nothing to migrate, but every table of today filled the same way: the
   * writers above stay honest for the day the latest becomes an earlier. */
  g_test_add_data_func ("/migrate/at-latest", GINT_TO_POINTER (vigil_schema_latest_version ()),
                        test_from_version);
  return g_test_run ();
}
