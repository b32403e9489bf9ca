/* test-check.c: vigil_store_check() on good and tampered vaults
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

/* The check */

static void
populate (Fixture *f, VigilPerson **out_a, VigilPerson **out_b)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-CHK");
  g_autoptr (VigilPerson) a = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) b = add_person (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilHearing) hearing = add_hearing (f, kase, 7, VIGIL_HEARING_STATUS_SCHEDULED);
  g_autoptr (VigilIdentity) ia = make_identity ("Person Alpha", "+1 111", "Alpha Street");
  g_autoptr (VigilIdentity) ib = make_identity ("Person Beta", "+1 222", "Beta Street");
  g_autoptr (VigilConsent) consent =
    vigil_consent_new (vigil_person_get_id (a), VIGIL_CONSENT_KIND_SHARING, NULL);

  vigil_consent_set_shared_with (consent, "The support worker");
  g_assert_true (vigil_store_save_identity (f->store, a, ia, &error));
  g_assert_true (vigil_store_save_identity (f->store, b, ib, &error));
  g_assert_true (vigil_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);
  if (out_a != NULL)
    *out_a = g_steal_pointer (&a);
  if (out_b != NULL)
    *out_b = g_steal_pointer (&b);
}

static void
test_check_good (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = NULL;

  populate (f, NULL, NULL);
  assert_check_ok (f);
  report = vigil_store_check (f->store, &error);
  /* A case, two persons, a hearing and a consent. */
  g_assert_cmpint (report->records, ==, 5);
  /* Case notes; two person notes and identities; hearing notes; shared-with. */
  g_assert_cmpint (report->sealed_values, ==, 7);
  g_assert_cmpint (report->audit_entries, ==, count (f, "SELECT count(*) FROM audit"));
  g_assert_cmpint (report->audit_entries, ==, 7);

  vigil_vault_lock (f->vault);
  g_clear_pointer (&report, vigil_check_report_free);
  report = vigil_store_check (f->store, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_assert_null (report);
}

static void
assert_check_fails_on (Fixture *f, const char *where)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);
  gboolean named = FALSE;

  g_assert_no_error (error);
  g_assert_false (vigil_check_report_ok (report));
  for (guint i = 0; i < report->problems->len; i++)
    {
      const char *line = g_ptr_array_index (report->problems, i);

      g_test_message ("problem: %s", line);
      named |= strstr (line, where) != NULL;
      /* Problems never quote content. */
      g_assert_null (strstr (line, "Person Alpha"));
      g_assert_null (strstr (line, "Person Beta"));
    }
  g_assert_true (named);
}

static void
test_check_swapped (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) a = NULL;
  g_autoptr (VigilPerson) b = NULL;
  g_autoptr (VigilIdentity) opened = NULL;
  g_autoptr (VigilIdentity) still = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autofree char *sql = NULL;

  populate (f, &a, &b);
  sql = g_strdup_printf ("UPDATE persons SET identity = (SELECT identity FROM persons"
                         " WHERE id = '%s') WHERE id = '%s'",
                         vigil_person_get_id (a), vigil_person_get_id (b));
  tamper (f, sql);

  report = vigil_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->sealed_failures, ==, 1);
  g_assert_cmpint (report->sealed_values, ==, 6);
  assert_check_fails_on (f, vigil_person_get_id (b));

  opened = vigil_store_load_identity (f->store, b, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_null (opened);
  g_clear_error (&error);
  still = vigil_store_load_identity (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (still->full_name, ==, "Person Alpha");
}

static void
test_check_replayed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilPerson) a = NULL;
  g_autoptr (VigilIdentity) moved = make_identity ("Person Alpha", "+1 999", "New Street");
  g_autoptr (VigilIdentity) opened = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autofree char *stash = NULL;
  g_autofree char *replay = NULL;

  populate (f, &a, NULL);
  stash = g_strdup_printf ("CREATE TABLE stash AS SELECT identity FROM persons WHERE id = '%s'",
                           vigil_person_get_id (a));
  tamper (f, stash);
  g_assert_true (vigil_store_save_identity (f->store, a, moved, &error));
  g_assert_no_error (error);
  assert_check_ok (f);

  /* The old address put back where the new one was. */
  replay = g_strdup_printf ("UPDATE persons SET identity = (SELECT identity FROM stash)"
                            " WHERE id = '%s'; DROP TABLE stash;",
                            vigil_person_get_id (a));
  tamper (f, replay);
  report = vigil_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->sealed_failures, ==, 1);
  assert_check_fails_on (f, "persons.identity");
  opened = vigil_store_load_identity (f->store, a, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_null (opened);
}

/* A row changed with plain SQL has no audit entry for what it now holds. */
static void
test_check_unaudited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-U");
  g_autofree char *sql = g_strdup_printf ("UPDATE cases SET court = 'Other Court',"
                                          " version = version + 1 WHERE id = '%s'",
                                          vigil_case_get_id (kase));

  tamper (f, sql);
  assert_check_fails_on (f, "no audit entry");
}

/* F2: a row put back as it was at an older version, with the sealed values
 * of that version, opens cleanly: only the audit log knows it is not the
 * newest. */
static void
test_check_rolled_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K-RB");
  g_autofree char *stash = NULL;
  g_autofree char *put_back = NULL;

  vigil_case_set_notes (kase, "First notes");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  stash = g_strdup_printf ("CREATE TABLE stash AS SELECT * FROM cases WHERE id = '%s'",
                           vigil_case_get_id (kase));
  tamper (f, stash);
  vigil_case_set_court (kase, "Court of Appeal");
  vigil_case_set_notes (kase, "Second notes");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  assert_check_ok (f);

  put_back = g_strdup_printf ("UPDATE cases SET version = (SELECT version FROM stash),"
                              " court = (SELECT court FROM stash), notes = (SELECT notes FROM stash),"
                              " updated_at = (SELECT updated_at FROM stash) WHERE id = '%s';"
                              " DROP TABLE stash;",
                              vigil_case_get_id (kase));
  tamper (f, put_back);
  assert_check_fails_on (f, "put back from an older copy");
}

/* Reopens the vault after @sql, expecting VIGIL_ERROR_TAMPERED. */
static void
assert_open_tampered (Fixture *f, const char *sql, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;

  g_clear_object (&f->store);
  vigil_vault_lock (f->vault);
  g_clear_object (&f->vault);
  vigil_test_raw_sql (f->path, VIGIL_TEST_PASSPHRASE, sql);
  vault = vigil_vault_open (f->path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_null (vault);
  /* The fixture's tear-down closes what it finds open. */
  f->vault = NULL;
}

/* F4: the audit log's last entries cut off: the chain that is left is
 * whole, but it no longer ends where its authenticated head says. */
static void
test_check_audit_tail_cut (Fixture *f, gconstpointer data)
{
  populate (f, NULL, NULL);
  assert_open_tampered (f, "DELETE FROM audit WHERE seq > (SELECT max(seq) - 2 FROM audit)",
                        "the last 2 entries");
}

/* F4: the newest case deleted with its keys and its audit entries. */
static void
test_check_newest_case_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autofree char *sql = NULL;

  populate (f, NULL, NULL);
  kase = add_case (f, "K-NEW");
  vigil_case_set_notes (kase, "Sealed, so the case has a data key");
  g_assert_true (vigil_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("DELETE FROM cases WHERE id = '%1$s';"
                         " DELETE FROM data_keys WHERE owner_id = '%1$s';"
                         " DELETE FROM audit WHERE record_id = '%1$s';",
                         vigil_case_get_id (kase));
  assert_open_tampered (f, sql, "audit log were removed");
}

static void
test_check_covers_schema (void)
{
  /* The vault's own wrapped keys are checked by unlocking, not here. */
  for (const char * const *name = vigil_schema_sealed_columns; *name != NULL; name++)
    {
      g_auto (GStrv) parts = g_strsplit (*name, ".", 2);
      gboolean found = FALSE;

      if (g_str_equal (parts[0], "key_slots") || g_str_equal (parts[0], "data_keys"))
        continue;
      for (const VigilSealedColumn *c = vigil_store_sealed_columns; c->table != NULL; c++)
        found |= g_str_equal (c->table, parts[0]) && g_str_equal (c->column, parts[1]);
      /* Chunks of a document are opened as its stream (check_streams). */
      for (const VigilSealedStream *s = vigil_store_sealed_streams; s->table != NULL; s++)
        found |= g_str_equal (s->chunk_table, parts[0]) && g_str_equal (s->chunk_column, parts[1]);
      if (!found)
        g_test_message ("%s is sealed but vigil_store_check() does not open it", *name);
      g_assert_true (found);
    }
  for (const VigilSealedColumn *c = vigil_store_sealed_columns; c->table != NULL; c++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", c->table, c->column);
      g_autofree char *owner = g_strdup_printf ("%s.%s", c->table, c->owner_column);
      gboolean record_table = FALSE;

      g_assert_true (g_strv_contains (vigil_schema_sealed_columns, name));
      g_assert_true (g_strv_contains (vigil_schema_clear_columns, owner));
      for (const VigilRecordTable *t = vigil_store_record_tables; t->table != NULL; t++)
        if (g_str_equal (t->table, c->table))
          {
            record_table = TRUE;
            g_assert_cmpstr (t->record_kind, ==, c->record_kind);
          }
      g_assert_true (record_table);
    }
  for (const VigilSealedStream *s = vigil_store_sealed_streams; s->table != NULL; s++)
    {
      g_autofree char *chunks = g_strdup_printf ("%s.%s", s->chunk_table, s->chunk_column);
      g_autofree char *owner = g_strdup_printf ("%s.%s", s->table, s->owner_column);
      g_autofree char *header = g_strdup_printf ("%s.%s", s->table, s->header_column);
      gboolean record_table = FALSE;

      g_assert_true (g_strv_contains (vigil_schema_sealed_columns, chunks));
      g_assert_true (g_strv_contains (vigil_schema_clear_columns, owner));
      g_assert_true (g_strv_contains (vigil_schema_clear_columns, header));
      for (const VigilRecordTable *t = vigil_store_record_tables; t->table != NULL; t++)
        if (g_str_equal (t->table, s->table))
          {
            record_table = TRUE;
            g_assert_cmpstr (t->record_kind, ==, s->record_kind);
          }
      g_assert_true (record_table);
    }
  /* Every table with a version column is a record table. */
  for (const char * const *name = vigil_schema_clear_columns; *name != NULL; name++)
    if (g_str_has_suffix (*name, ".version"))
      {
        g_autofree char *table = g_strndup (*name, strlen (*name) - strlen (".version"));
        gboolean found = FALSE;

        for (const VigilRecordTable *t = vigil_store_record_tables; t->table != NULL; t++)
          found |= g_str_equal (t->table, table);
        g_assert_true (found);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/check/good", test_check_good);
  ADD ("/store/check/swapped-ciphertext", test_check_swapped);
  ADD ("/store/check/replayed-ciphertext", test_check_replayed);
  ADD ("/store/check/unaudited-change", test_check_unaudited);
  ADD ("/store/check/rolled-back-row", test_check_rolled_back);
  ADD ("/store/check/audit-tail-cut", test_check_audit_tail_cut);
  ADD ("/store/check/newest-case-deleted", test_check_newest_case_deleted);
  g_test_add_func ("/store/check/covers-schema", test_check_covers_schema);

#undef ADD
  return g_test_run ();
}
