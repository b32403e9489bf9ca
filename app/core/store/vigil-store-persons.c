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
#include "vigil-field-problem.h"
#include "vigil-record-private.h"
#include "vigil-record-mapper.h"

/* Persons */

static const VigilField person_fields[] = {
  { "pseudonym", VIGIL_FIELD_TEXT, .property = "pseudonym" },
  { "role", VIGIL_FIELD_ENUM, .property = "role" },
  { "is_child", VIGIL_FIELD_BOOLEAN, .property = "is-child" },
  { "notes", VIGIL_FIELD_SEALED, .property = "notes" },
  { "identified_on", VIGIL_FIELD_TEXT, .property = "identified-on" },
  /* Opened only by vigil_store_load_identity(), for an explicit reveal. */
  { "identity", VIGIL_FIELD_SEALED, VIGIL_FIELD_KEPT },
  { NULL },
};

static const VigilRecordKind person_kind = {
  .table = "persons",
  .record_kind = "person",
  .parent_table = "cases",
  .parent_column = "case_id",
  .list_needs_parent = TRUE,
  .case_column = "case_id",
  .order_by = "pseudonym, id",
  .fields = person_fields,
  .get_type = vigil_person_get_type,
  .parent_property = "case-id",
  .not_found = N_("The person does not exist: they were erased, or never saved"),
  .cannot_read = N_("The person could not be read"),
  .cannot_read_list = N_("The persons could not be read"),
  .cannot_save = N_("The person could not be saved"),
  .cannot_delete = N_("The person could not be deleted"),
};

/* A pseudonym names one person of a case: it is all a report shows. */
static gboolean
check_pseudonym_free (VigilStore *self, VigilPerson *person, GError **error)
{
  sqlite3 *db = vigil_store_get_db (self, error);
  g_autoptr (sqlite3_stmt) taken = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  taken = vigil_db_prepare (db,
                            "SELECT 1 FROM persons WHERE case_id = ? AND pseudonym = ? AND id <> ?",
                            error);
  if (taken == NULL)
    return FALSE;
  vigil_store_bind_text (taken, 1, vigil_person_get_case_id (person));
  vigil_store_bind_text (taken, 2, vigil_person_get_pseudonym (person));
  vigil_store_bind_text (taken, 3, vigil_person_get_id (person));
  rc = sqlite3_step (taken);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS,
                   _("Pseudonym %s is already used by another person in this case"),
                   vigil_person_get_pseudonym (person));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The vault could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_save_person (VigilStore *self, VigilPerson *person, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_person_validate (person, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!vigil_store_require_row (self, "cases", vigil_person_get_case_id (person), error)
      || !check_pseudonym_free (self, person, error)
      || !vigil_record_save (self, &person_kind, person, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  return vigil_store_commit (self, error);
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  return vigil_record_get (self, &person_kind, person_id, error);
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &person_kind, case_id, error);
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
  const char *id;
  g_autoptr (VigilDbCached) row = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  gint64 version;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_PERSON (person), NULL);

  id = vigil_person_get_id (person);
  row = vigil_store_find_row (self, "version, identity", "persons", id, error);
  if (row == NULL)
    return NULL;
  /* The stored version, not the object's: the ciphertext is bound to it. */
  version = sqlite3_column_int64 (row->stmt, 0);
  sealed = vigil_db_column_bytes (row->stmt, 1);
  g_clear_pointer (&row, vigil_db_cached_release);
  if (sealed == NULL)
    return NULL;
  identity = vigil_store_open_identity (self, id, version, sealed, error);
  if (identity == NULL)
    return NULL;

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
  if (identity != NULL)
    {
      g_autoptr (GDateTime) today = g_date_time_new_now_utc ();
      g_autoptr (GPtrArray) problems = vigil_person_check_identity (person, identity, today);

      if (!vigil_field_problems_to_error (problems, error))
        return FALSE;
    }
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
  vigil_store_record_saved (self, VIGIL_RECORD (person), new_version, now);
  return vigil_store_commit (self, error);
}

/* Consents */

static void
consent_set_withdrawn_at (gpointer record, const GValue *value)
{
  vigil_consent_set_withdrawn_at (record, g_value_get_boxed (value));
}

static gboolean
consent_check_read (VigilStore *self, gpointer record, GError **error)
{
  if (vigil_consent_get_given_at (record) != NULL)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
               _("A consent in the vault has no readable date"));
  return FALSE;
}

static const VigilField consent_fields[] = {
  { "kind", VIGIL_FIELD_ENUM, .property = "kind" },
  { "shared_with", VIGIL_FIELD_SEALED, .property = "shared-with" },
  { "given_at", VIGIL_FIELD_TIME, .property = "given-at" },
  /* Only vigil_store_withdraw_consent() changes it. */
  { "withdrawn_at", VIGIL_FIELD_TIME, VIGIL_FIELD_INSERT_ONLY, .property = "withdrawn-at",
    .set = consent_set_withdrawn_at },
  { NULL },
};

static const VigilRecordKind consent_kind = {
  .table = "consents",
  .record_kind = "consent",
  .parent_table = "persons",
  .parent_column = "person_id",
  .list_needs_parent = TRUE,
  .order_by = "given_at, id",
  .fields = consent_fields,
  .get_type = vigil_consent_get_type,
  .parent_property = "person-id",
  .after_read = consent_check_read,
  .not_found = N_("The consent does not exist"),
  .cannot_read = N_("The consent could not be read"),
  .cannot_read_list = N_("The consents could not be read"),
  .cannot_save = N_("The consent could not be saved"),
  .cannot_delete = N_("The consent could not be deleted"),
};

/**
 * vigil_store_save_consent:
 *
 * Records a consent, or changes with whom it allows sharing. A consent is
 * withdrawn with vigil_store_withdraw_consent(), never by saving.
 */
gboolean
vigil_store_save_consent (VigilStore *self, VigilConsent *consent, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_CONSENT (consent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_consent_validate (consent, error))
    return FALSE;
  return vigil_record_save (self, &consent_kind, consent, error);
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  return vigil_record_list (self, &consent_kind, person_id, error);
}

/* private API (vigil-store-private.h) */

VigilIdentity *
vigil_store_open_identity (VigilStore *self,
                           const char *person_id,
                           gint64      version,
                           GBytes     *sealed,
                           GError    **error)
{
  const VigilSealedColumn *column = vigil_store_find_sealed_column ("persons", "identity");
  VigilSealRef ref = vigil_store_seal_ref (column, person_id, person_id, version);
  g_autoptr (GBytes) json = vigil_vault_unseal (vigil_store_get_vault (self), &ref, sealed, error);
  VigilIdentity *identity;

  if (json == NULL)
    return NULL;
  identity = vigil_identity_from_json (g_bytes_get_data (json, NULL), error);
  if (identity == NULL)
    {
      g_prefix_error (error, _("The identity in the vault is damaged: "));
      if (error != NULL && *error != NULL)
        (*error)->code = VIGIL_ERROR_DAMAGED;
    }
  return identity;
}
