/* vigil-store-persons.c: persons, their sealed identities and their consents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-store-private.h"

/* Persons */

static const char person_columns[] =
  "id, case_id, version, created_at, updated_at, pseudonym, role, is_child, notes";

static VigilPerson *
person_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (GDateTime) created_at = vigil_store_column_time (stmt, 3);
  g_autoptr (GDateTime) updated_at = vigil_store_column_time (stmt, 4);
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 8);
  g_autoptr (GError) local = NULL;
  g_autofree char *notes = NULL;
  int role;

  if (!vigil_store_row_is_sound (stmt, error)
      || !vigil_store_enum_column (stmt, 6, VIGIL_TYPE_PERSON_ROLE, &role, error))
    return NULL;
  person = g_object_new (VIGIL_TYPE_PERSON, "case-id", vigil_store_column_text (stmt, 1), NULL);
  vigil_person_set_id (person, vigil_store_column_text (stmt, 0));
  vigil_person_set_version (person, sqlite3_column_int64 (stmt, 2));
  vigil_person_set_created_at (person, created_at);
  vigil_person_set_updated_at (person, updated_at);
  vigil_person_set_pseudonym (person, vigil_store_column_text (stmt, 5));
  vigil_person_set_role (person, role);
  vigil_person_set_is_child (person, sqlite3_column_int (stmt, 7));

  notes = vigil_store_open_sealed (self, vigil_store_find_sealed_column ("persons", "notes"),
                                   vigil_person_get_id (person), vigil_person_get_id (person),
                                   vigil_person_get_version (person), sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  vigil_person_set_notes (person, notes);
  return g_steal_pointer (&person);
}

gboolean
vigil_store_save_person (VigilStore *self, VigilPerson *person, GError **error)
{
  const char *id, *case_id;
  g_autofree char *now = vigil_now_iso ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) taken = NULL;
  sqlite3 *db;
  gint64 old_version, new_version;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_person_validate (person, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = vigil_person_get_id (person);
  case_id = vigil_person_get_case_id (person);
  old_version = vigil_person_get_version (person);
  new_version = old_version + 1;

  if (!vigil_store_require_row (self, "cases", case_id, error))
    goto fail;
  taken = vigil_db_prepare (db,
                            "SELECT 1 FROM persons WHERE case_id = ? AND pseudonym = ? AND id <> ?",
                            error);
  if (taken == NULL)
    goto fail;
  vigil_store_bind_text (taken, 1, case_id);
  vigil_store_bind_text (taken, 2, vigil_person_get_pseudonym (person));
  vigil_store_bind_text (taken, 3, id);
  rc = sqlite3_step (taken);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                   _("Pseudonym %s is already used by another person in this case"),
                   vigil_person_get_pseudonym (person));
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      goto fail;
    }

  if (old_version == 0)
    stmt = vigil_db_prepare (db,
                             "INSERT INTO persons (version, updated_at, pseudonym, role, is_child,"
                             " id, case_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
                             error);
  else
    stmt = vigil_db_prepare (db,
                             "UPDATE persons SET version = ?1, updated_at = ?2, pseudonym = ?3,"
                             " role = ?4, is_child = ?5 WHERE id = ?6 AND case_id = ?7"
                             " AND version = ?8",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, new_version);
  vigil_store_bind_text (stmt, 2, now);
  vigil_store_bind_text (stmt, 3, vigil_person_get_pseudonym (person));
  vigil_store_bind_text (stmt, 4,
             vigil_enum_to_nick (VIGIL_TYPE_PERSON_ROLE, vigil_person_get_role (person)));
  sqlite3_bind_int (stmt, 5, vigil_person_get_is_child (person));
  vigil_store_bind_text (stmt, 6, id);
  vigil_store_bind_text (stmt, 7, case_id);
  if (old_version > 0)
    sqlite3_bind_int64 (stmt, 8, old_version);
  if (!vigil_store_step_done (db, stmt, _("The person could not be saved"), error))
    goto fail;
  if (old_version > 0 && sqlite3_changes (db) == 0)
    {
      vigil_store_set_update_error (self, "persons", "person", id, error);
      goto fail;
    }

  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("persons", "notes"), id,
                                 id, new_version, vigil_person_get_notes (person), error))
    goto fail;
  if (old_version > 0
      && !vigil_store_carry_sealed (self, vigil_store_find_sealed_column ("persons", "identity"),
                                    id, id, old_version, new_version, error))
    goto fail;
  if (!vigil_store_audit (self, old_version == 0 ? "create" : "update", "person", id,
                          new_version, error))
    goto fail;
  vigil_store_note_case_changed (self, case_id);
  /* Before the commit, so "case-changed" handlers see the new version; a
   * failed commit takes it back like any rollback. */
  vigil_store_record_saved (self, G_OBJECT (person), new_version, now);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_get_person:
 *
 * Returns: (transfer full): the person with their notes, never their
 *   identity; NULL with VIGIL_ERROR_NOT_FOUND once erased
 */
VigilPerson *
vigil_store_get_person (VigilStore *self, const char *person_id, GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM persons WHERE id = ?", person_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return person_from_row (self, stmt, error);
  if (rc != SQLITE_DONE)
    vigil_db_set_error (db, rc, _("The person could not be read"), error);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The person does not exist: they were erased, or never saved"));
  return NULL;
}

/**
 * vigil_store_list_persons:
 *
 * Never opens an identity: those stay sealed until vigil_store_load_identity().
 *
 * Returns: (transfer full) (element-type VigilPerson): the persons of the
 *   case, by pseudonym; NULL with VIGIL_ERROR_NOT_FOUND when the case does not exist
 */
GPtrArray *
vigil_store_list_persons (VigilStore *self, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (!vigil_store_require_row (self, "cases", case_id, error))
    return NULL;
  db = vigil_store_get_db (self, error);
  sql = g_strdup_printf ("SELECT %s FROM persons WHERE case_id = ? ORDER BY pseudonym, id",
                         person_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilPerson *person = person_from_row (self, stmt, error);

      if (person == NULL)
        return NULL;
      g_ptr_array_add (persons, person);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&persons);
}

/**
 * vigil_store_next_pseudonym:
 *
 * One past the highest number @role's prefix has in the case, so a
 * pseudonym once used (and perhaps already in a report) is not given to
 * someone else while a higher one exists.
 *
 * Returns: (transfer full): e.g. "V-03"
 */
char *
vigil_store_next_pseudonym (VigilStore     *self,
                            const char     *case_id,
                            VigilPersonRole role,
                            GError        **error)
{
  const char *prefix;
  g_autofree char *pattern = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  guint64 highest = 0;
  gsize prefix_len;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  prefix = vigil_person_role_prefix (role);
  g_return_val_if_fail (prefix != NULL, NULL);

  if (!vigil_store_require_row (self, "cases", case_id, error))
    return NULL;
  db = vigil_store_get_db (self, error);
  stmt = vigil_db_prepare (db,
                           "SELECT pseudonym FROM persons WHERE case_id = ?"
                           " AND substr(pseudonym, 1, ?) = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  pattern = g_strconcat (prefix, "-", NULL);
  prefix_len = strlen (pattern);
  vigil_store_bind_text (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, (int) prefix_len);
  vigil_store_bind_text (stmt, 3, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *digits = vigil_store_column_text (stmt, 0) + prefix_len;
      guint64 number;

      if (g_ascii_string_to_unsigned (digits, 10, 0, 999, &number, NULL))
        highest = MAX (highest, number);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The persons could not be read"), error);
      return NULL;
    }
  return g_strdup_printf ("%s%02" G_GUINT64_FORMAT, pattern, highest + 1);
}

/**
 * vigil_store_load_identity:
 *
 * Opens the identity for an explicit reveal, and writes a "reveal" audit
 * entry: who saw whose identity is itself worth knowing later.
 *
 * Returns: (transfer full) (nullable): the identity, or NULL without error
 *   when none was recorded
 */
VigilIdentity *
vigil_store_load_identity (VigilStore *self, VigilPerson *person, GError **error)
{
  const VigilSealedColumn *column = vigil_store_find_sealed_column ("persons", "identity");
  const char *id;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GBytes) json = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  VigilSealRef ref;
  gint64 version;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_PERSON (person), NULL);

  db = vigil_store_get_db (self, error);
  if (db == NULL)
    return NULL;
  id = vigil_person_get_id (person);
  stmt = vigil_db_prepare (db, "SELECT version, identity FROM persons WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("The person does not exist: they were erased, or never saved"));
      else
        vigil_db_set_error (db, rc, _("The person could not be read"), error);
      return NULL;
    }
  /* The stored version, not the object's: the ciphertext is bound to it. */
  version = sqlite3_column_int64 (stmt, 0);
  sealed = vigil_db_column_bytes (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sealed == NULL)
    return NULL;

  ref = vigil_store_seal_ref (column, id, id, version);
  json = vigil_vault_unseal (self->vault, &ref, sealed, error);
  if (json == NULL)
    return NULL;
  identity = vigil_identity_from_json (g_bytes_get_data (json, NULL), error);
  if (identity == NULL)
    {
      g_prefix_error (error, _("The identity in the vault is damaged: "));
      if (error != NULL && *error != NULL)
        (*error)->code = VIGIL_ERROR_DAMAGED;
      return NULL;
    }

  if (!vigil_store_begin (self, error))
    return NULL;
  if (!vigil_store_audit (self, "reveal", "person", id, version, error))
    {
      vigil_store_rollback (self);
      return NULL;
    }
  if (!vigil_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&identity);
}

/**
 * vigil_store_save_identity:
 * @identity: (nullable): the identity; NULL or an empty one removes it
 */
gboolean
vigil_store_save_identity (VigilStore          *self,
                           VigilPerson         *person,
                           const VigilIdentity *identity,
                           GError             **error)
{
  const char *id;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *json = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 old_version, new_version;
  gboolean ok = FALSE;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vigil_person_get_version (person) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Save the person before recording their identity"));
      return FALSE;
    }
  if (identity != NULL && !vigil_identity_validate (identity, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = vigil_person_get_id (person);
  old_version = vigil_person_get_version (person);
  new_version = old_version + 1;
  if (identity != NULL && !vigil_identity_is_empty (identity))
    json = vigil_identity_to_json (identity);

  stmt = vigil_db_prepare (db,
                           "UPDATE persons SET version = ?, updated_at = ? WHERE id = ?"
                           " AND version = ?",
                           error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, new_version);
  vigil_store_bind_text (stmt, 2, now);
  vigil_store_bind_text (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, old_version);
  if (!vigil_store_step_done (db, stmt, _("The identity could not be saved"), error))
    goto out;
  if (sqlite3_changes (db) == 0)
    {
      vigil_store_set_update_error (self, "persons", "person", id, error);
      goto out;
    }
  /* Notes the caller may have edited are left for vigil_store_save_person():
   * what is stored moves to the new version unchanged. */
  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("persons", "identity"), id,
                                 id, new_version, json, error)
      || !vigil_store_carry_sealed (self, vigil_store_find_sealed_column ("persons", "notes"),
                                    id, id, old_version, new_version, error)
      || !vigil_store_audit (self, "update", "person", id, new_version, error))
    goto out;
  vigil_store_note_case_changed (self, vigil_person_get_case_id (person));
  ok = TRUE;

out:
  if (json != NULL)
    sodium_memzero (json, strlen (json));
  if (!ok)
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  /* Before the commit, so "case-changed" handlers see the new version; a
   * failed commit takes it back like any rollback. */
  vigil_store_record_saved (self, G_OBJECT (person), new_version, now);
  return vigil_store_commit (self, error);
}

/* Consents */

static const char consent_columns[] =
  "id, person_id, version, kind, shared_with, given_at, withdrawn_at";

static VigilConsent *
consent_from_row (VigilStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (VigilConsent) consent = NULL;
  g_autoptr (GDateTime) given_at = vigil_store_column_time (stmt, 5);
  g_autoptr (GDateTime) withdrawn_at = vigil_store_column_time (stmt, 6);
  g_autoptr (GBytes) sealed = vigil_db_column_bytes (stmt, 4);
  g_autoptr (GError) local = NULL;
  g_autofree char *shared_with = NULL;
  int kind;

  if (!vigil_store_row_is_sound (stmt, error)
      || !vigil_store_enum_column (stmt, 3, VIGIL_TYPE_CONSENT_KIND, &kind, error))
    return NULL;
  if (given_at == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("A consent in the vault has no readable date"));
      return NULL;
    }
  consent = g_object_new (VIGIL_TYPE_CONSENT, "person-id", vigil_store_column_text (stmt, 1),
                          "kind", kind, "given-at", given_at, NULL);
  vigil_consent_set_id (consent, vigil_store_column_text (stmt, 0));
  vigil_consent_set_version (consent, sqlite3_column_int64 (stmt, 2));
  vigil_consent_set_withdrawn_at (consent, withdrawn_at);
  shared_with = vigil_store_open_sealed (self,
                                         vigil_store_find_sealed_column ("consents", "shared_with"),
                                         vigil_consent_get_person_id (consent),
                                         vigil_consent_get_id (consent),
                                         vigil_consent_get_version (consent), sealed, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  vigil_consent_set_shared_with (consent, shared_with);
  return g_steal_pointer (&consent);
}

char *
vigil_store_person_case_id (VigilStore *self, const char *person_id, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return NULL;
  stmt = vigil_db_prepare (db, "SELECT case_id FROM persons WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (vigil_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    vigil_db_set_error (db, rc, _("The person could not be read"), error);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("The person does not exist: they were erased, or never saved"));
  return NULL;
}

/**
 * vigil_store_save_consent:
 *
 * Records a consent, or changes with whom it allows sharing. A consent is
 * withdrawn with vigil_store_withdraw_consent(), never by saving.
 */
gboolean
vigil_store_save_consent (VigilStore *self, VigilConsent *consent, GError **error)
{
  const char *id, *person_id;
  g_autofree char *now = vigil_now_iso ();
  g_autofree char *given_at = NULL;
  g_autofree char *withdrawn_at = NULL;
  g_autofree char *case_id = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 old_version, new_version;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_CONSENT (consent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_consent_validate (consent, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;

  db = vigil_store_get_db (self, NULL);
  id = vigil_consent_get_id (consent);
  person_id = vigil_consent_get_person_id (consent);
  old_version = vigil_consent_get_version (consent);
  new_version = old_version + 1;
  given_at = vigil_time_to_iso (vigil_consent_get_given_at (consent));
  withdrawn_at = vigil_time_to_iso (vigil_consent_get_withdrawn_at (consent));

  case_id = vigil_store_person_case_id (self, person_id, error);
  if (case_id == NULL)
    goto fail;
  if (old_version == 0)
    stmt = vigil_db_prepare (db,
                             "INSERT INTO consents (version, updated_at, kind, given_at,"
                             " withdrawn_at, id, person_id, created_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
                             error);
  else
    /* The withdrawal date is the stored one: only withdrawing changes it. */
    stmt = vigil_db_prepare (db,
                             "UPDATE consents SET version = ?1, updated_at = ?2, kind = ?3,"
                             " given_at = ?4 WHERE id = ?6 AND person_id = ?7 AND version = ?8",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, new_version);
  vigil_store_bind_text (stmt, 2, now);
  vigil_store_bind_text (stmt, 3, vigil_enum_to_nick (VIGIL_TYPE_CONSENT_KIND,
                                                      vigil_consent_get_kind (consent)));
  vigil_store_bind_text (stmt, 4, given_at);
  if (old_version == 0)
    vigil_store_bind_text (stmt, 5, withdrawn_at);
  vigil_store_bind_text (stmt, 6, id);
  vigil_store_bind_text (stmt, 7, person_id);
  if (old_version > 0)
    sqlite3_bind_int64 (stmt, 8, old_version);
  if (!vigil_store_step_done (db, stmt, _("The consent could not be saved"), error))
    goto fail;
  if (old_version > 0 && sqlite3_changes (db) == 0)
    {
      vigil_store_set_update_error (self, "consents", "consent", id, error);
      goto fail;
    }
  if (!vigil_store_write_sealed (self, vigil_store_find_sealed_column ("consents", "shared_with"),
                                 person_id, id, new_version,
                                 vigil_consent_get_shared_with (consent), error)
      || !vigil_store_audit (self, old_version == 0 ? "create" : "update", "consent", id,
                             new_version, error))
    goto fail;
  vigil_store_note_case_changed (self, case_id);
  /* Before the commit, so "case-changed" handlers see the new version; a
   * failed commit takes it back like any rollback. */
  vigil_store_record_saved (self, G_OBJECT (consent), new_version, now);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/**
 * vigil_store_list_consents:
 *
 * Returns: (transfer full) (element-type VigilConsent): the person's
 *   consents, oldest first, withdrawn ones included; NULL with
 *   VIGIL_ERROR_NOT_FOUND once the person is erased
 */
GPtrArray *
vigil_store_list_consents (VigilStore *self, const char *person_id, GError **error)
{
  g_autoptr (GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!vigil_store_require_row (self, "persons", person_id, error))
    return NULL;
  db = vigil_store_get_db (self, error);
  sql = g_strdup_printf ("SELECT %s FROM consents WHERE person_id = ? ORDER BY given_at, id",
                         consent_columns);
  stmt = vigil_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  vigil_store_bind_text (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilConsent *consent = consent_from_row (self, stmt, error);

      if (consent == NULL)
        return NULL;
      g_ptr_array_add (consents, consent);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The consents could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&consents);
}
