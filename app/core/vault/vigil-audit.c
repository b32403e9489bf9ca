/* vigil-audit.c: the append-only, hash-chained audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-audit-private.h"
#include "vigil-db.h"
#include "vigil-error.h"

#define HASH_BYTES VIGIL_AUDIT_HASH_BYTES

void
vigil_audit_entry_free (VigilAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->record_kind);
  g_free (entry->record_id);
  g_free (entry);
}

static void
update_text (crypto_generichash_state *state, const char *text)
{
  /* The terminating NUL separates fields, so "ab"+"c" never hashes as "a"+"bc". */
  crypto_generichash_update (state, (const guint8 *) text, strlen (text) + 1);
}

static void
update_int (crypto_generichash_state *state, gint64 value)
{
  guint64 le = GUINT64_TO_LE ((guint64) value);

  crypto_generichash_update (state, (const guint8 *) &le, sizeof le);
}

/* The keyed state after the key block and the domain prefix: copying it
 * saves one of the three BLAKE2b compressions of every entry, and the hash
 * stays the same. */
void
vigil_audit_hasher_init (VigilAuditHasher *hasher, const guint8 *key)
{
  crypto_generichash_init (&hasher->keyed, key, VIGIL_AUDIT_KEY_BYTES, HASH_BYTES);
  crypto_generichash_update (&hasher->keyed, (const guint8 *) "vigil-audit-1", 13);
}

void
vigil_audit_hasher_clear (VigilAuditHasher *hasher)
{
  sodium_memzero (hasher, sizeof *hasher);
}

void
vigil_audit_hasher_entry (const VigilAuditHasher *hasher,
                          const guint8           *prev,
                          gint64                  seq,
                          const char             *at,
                          const char             *actor,
                          const char             *action,
                          const char             *record_kind,
                          const char             *record_id,
                          gint64                  record_version,
                          guint8                  out[VIGIL_AUDIT_HASH_BYTES])
{
  crypto_generichash_state state;

  memcpy (&state, &hasher->keyed, sizeof state);
  crypto_generichash_update (&state, prev, HASH_BYTES);
  update_int (&state, seq);
  update_text (&state, at);
  update_text (&state, actor);
  update_text (&state, action);
  update_text (&state, record_kind);
  update_text (&state, record_id);
  update_int (&state, record_version);
  crypto_generichash_final (&state, out, HASH_BYTES);
  sodium_memzero (&state, sizeof state);
}

static void
entry_hash (const guint8 *key,
            const guint8 *prev,
            gint64        seq,
            const char   *at,
            const char   *actor,
            const char   *action,
            const char   *record_kind,
            const char   *record_id,
            gint64        record_version,
            guint8        out[HASH_BYTES])
{
  VigilAuditHasher hasher;

  vigil_audit_hasher_init (&hasher, key);
  vigil_audit_hasher_entry (&hasher, prev, seq, at, actor, action, record_kind, record_id,
                            record_version, out);
  vigil_audit_hasher_clear (&hasher);
}

/* The head's MAC: the last entry's number and hash under the audit key,
 * with a domain of its own so no entry hash can stand for it. */
static void
head_mac (const guint8 *key, gint64 seq, const guint8 *hash, guint8 out[HASH_BYTES])
{
  crypto_generichash_state state;
  guint8 num[8];

  for (int i = 0; i < 8; i++)
    num[i] = (guint8) ((guint64) seq >> (8 * i));
  crypto_generichash_init (&state, key, VIGIL_AUDIT_KEY_BYTES, HASH_BYTES);
  crypto_generichash_update (&state, (const guint8 *) "vigil-audit-head", 16);
  crypto_generichash_update (&state, num, sizeof num);
  crypto_generichash_update (&state, hash, HASH_BYTES);
  crypto_generichash_final (&state, out, HASH_BYTES);
}

static char *
head_text (const guint8 *key, gint64 seq, const guint8 *hash)
{
  guint8 mac[HASH_BYTES];
  char hex[2 * HASH_BYTES + 1];

  head_mac (key, seq, hash, mac);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hex);
}

static gboolean
write_head (VigilDbCache *statements, const guint8 *key, gint64 seq, const guint8 *hash,
            GError **error)
{
  g_autofree char *text = head_text (key, seq, hash);
  g_autoptr (VigilDbCached) put =
    vigil_db_cache_get (statements,
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)", error);

  if (put == NULL)
    return FALSE;
  sqlite3_bind_text (put->stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (put->stmt) != SQLITE_DONE)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), sqlite3_errcode (
                            vigil_db_cache_get_db (statements)),
                          _("The audit entry could not be written"), error);
      return FALSE;
    }
  return TRUE;
}

/* The last entry: its number and hash; 0 for an empty log. */
static gboolean
read_last (VigilDbCache *statements, gint64 *seq, guint8 hash[HASH_BYTES], GError **error)
{
  g_autoptr (VigilDbCached) last =
    vigil_db_cache_get (statements, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                        error);
  int rc;

  *seq = 0;
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last->stmt);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_bytes (last->stmt, 1) != HASH_BYTES)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The audit log's last entry is damaged"));
          return FALSE;
        }
      *seq = sqlite3_column_int64 (last->stmt, 0);
      memcpy (hash, sqlite3_column_blob (last->stmt, 1), HASH_BYTES);
    }
  else if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (vigil_db_cache_get_db (statements), rc,
                          _("The audit log could not be read"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_audit_verify_head (sqlite3 *db, const guint8 *key, gboolean *out_missing, GError **error)
{
  g_autoptr (VigilDbCache) statements = vigil_db_cache_new (db);
  g_autoptr (VigilDbCached) stored = NULL;
  g_autofree char *expected = NULL;
  guint8 hash[HASH_BYTES] = { 0 };
  gint64 seq, stored_seq;
  int rc;

  g_return_val_if_fail (db != NULL && key != NULL, FALSE);

  if (out_missing != NULL)
    *out_missing = FALSE;
  if (!read_last (statements, &seq, hash, error))
    return FALSE;
  stored = vigil_db_cache_get (statements, "SELECT value FROM meta WHERE key = 'audit_head'",
                               error);
  if (stored == NULL)
    return FALSE;
  rc = sqlite3_step (stored->stmt);
  if (rc == SQLITE_DONE)
    {
      /* A vault written before heads were kept, or an empty one. */
      if (out_missing != NULL)
        *out_missing = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return FALSE;
    }
  expected = head_text (key, seq, hash);
  if ((gsize) sqlite3_column_bytes (stored->stmt, 0) == strlen (expected)
      && sodium_memcmp (expected, vigil_audit_column_text (stored->stmt, 0), strlen (expected))
           == 0)
    return TRUE;
  stored_seq = g_ascii_strtoll (vigil_audit_column_text (stored->stmt, 0), NULL, 10);
  if (stored_seq > seq)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                 _("The vault has been tampered with: the last %" G_GINT64_FORMAT
                   " entries of its audit log were removed, and with them what they recorded"),
                 stored_seq - seq);
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                 _("The vault has been tampered with: the end of its audit log is not the one "
                   "Vigil last wrote"));
  return FALSE;
}

gboolean
vigil_audit_store_head (sqlite3 *db, const guint8 *key, GError **error)
{
  g_autoptr (VigilDbCache) statements = vigil_db_cache_new (db);
  guint8 hash[HASH_BYTES] = { 0 };
  gint64 seq;

  return read_last (statements, &seq, hash, error)
         && (seq == 0 || write_head (statements, key, seq, hash, error));
}

gboolean
vigil_audit_append (sqlite3      *db,
                    const guint8 *key,
                    const char   *actor,
                    const char   *action,
                    const char   *record_kind,
                    const char   *record_id,
                    gint64        record_version,
                    GError      **error)
{
  g_autoptr (VigilDbCache) statements = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  statements = vigil_db_cache_new (db);
  return vigil_audit_append_cached (statements, key, actor, action, record_kind, record_id,
                                    record_version, error);
}

gboolean
vigil_audit_append_cached (VigilDbCache *statements,
                           const guint8 *key,
                           const char   *actor,
                           const char   *action,
                           const char   *record_kind,
                           const char   *record_id,
                           gint64        record_version,
                           GError      **error)
{
  g_autoptr (VigilDbCached) insert = NULL;
  g_autofree char *at = vigil_now_iso ();
  sqlite3 *db;
  guint8 prev[HASH_BYTES] = { 0 };
  guint8 hash[HASH_BYTES];
  gint64 seq = 1;
  int rc;

  g_return_val_if_fail (statements != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && action != NULL, FALSE);
  g_return_val_if_fail (record_kind != NULL && record_id != NULL, FALSE);

  db = vigil_db_cache_get_db (statements);
  /* Read from the file every time, never remembered: another process may
   * have appended since, and the chain must continue from its entry. */
  if (!read_last (statements, &seq, prev, error))
    return FALSE;
  seq++;

  entry_hash (key, prev, seq, at, actor, action, record_kind, record_id, record_version, hash);

  insert = vigil_db_cache_get (statements,
                               "INSERT INTO audit (seq, at, actor, action, record_kind, record_id,"
                               " record_version, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
                               error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert->stmt, 1, seq);
  sqlite3_bind_text (insert->stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert->stmt, 3, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert->stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert->stmt, 5, record_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert->stmt, 6, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert->stmt, 7, record_version);
  sqlite3_bind_blob (insert->stmt, 8, prev, HASH_BYTES, SQLITE_STATIC);
  sqlite3_bind_blob (insert->stmt, 9, hash, HASH_BYTES, SQLITE_STATIC);
  rc = sqlite3_step (insert->stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit entry could not be written"), error);
      return FALSE;
    }
  /* In the same transaction: a log cut short no longer ends where its head
   * says, and only the key can write another head. */
  return write_head (statements, key, seq, hash, error);
}

const char *
vigil_audit_column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

gboolean
vigil_audit_verify (sqlite3 *db, const guint8 *key, gint64 *out_entries, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  VigilAuditHasher hasher;
  guint8 prev[HASH_BYTES] = { 0 };
  gint64 expected_seq = 1;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = vigil_db_prepare (db,
                           "SELECT seq, at, actor, action, record_kind, record_id, record_version,"
                           " prev_hash, hash FROM audit ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;

  vigil_audit_hasher_init (&hasher, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      guint8 hash[HASH_BYTES];

      if (seq != expected_seq)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The audit log was altered: entry %" G_GINT64_FORMAT
                         " is missing or out of place"),
                       expected_seq);
          goto out;
        }
      vigil_audit_hasher_entry (&hasher, prev, seq, vigil_audit_column_text (stmt, 1),
                                vigil_audit_column_text (stmt, 2),
                                vigil_audit_column_text (stmt, 3),
                                vigil_audit_column_text (stmt, 4),
                                vigil_audit_column_text (stmt, 5), sqlite3_column_int64 (stmt, 6),
                                hash);
      if (sqlite3_column_bytes (stmt, 7) != HASH_BYTES
          || sqlite3_column_bytes (stmt, 8) != HASH_BYTES
          || sodium_memcmp (sqlite3_column_blob (stmt, 7), prev, HASH_BYTES) != 0
          || sodium_memcmp (sqlite3_column_blob (stmt, 8), hash, HASH_BYTES) != 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The audit log was altered: entry %" G_GINT64_FORMAT
                         " does not match its chain"),
                       seq);
          goto out;
        }
      memcpy (prev, hash, HASH_BYTES);
      expected_seq++;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      goto out;
    }

  if (out_entries != NULL)
    *out_entries = expected_seq - 1;
  ok = TRUE;

out:
  vigil_audit_hasher_clear (&hasher);
  return ok;
}

GPtrArray *
vigil_audit_list (sqlite3 *db, guint limit, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) vigil_audit_entry_free);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = vigil_db_prepare (db,
                           "SELECT seq, at, actor, action, record_kind, record_id, record_version"
                           " FROM audit ORDER BY seq DESC LIMIT ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAuditEntry *entry = g_new0 (VigilAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (vigil_audit_column_text (stmt, 1));
      entry->actor = g_strdup (vigil_audit_column_text (stmt, 2));
      entry->action = g_strdup (vigil_audit_column_text (stmt, 3));
      entry->record_kind = g_strdup (vigil_audit_column_text (stmt, 4));
      entry->record_id = g_strdup (vigil_audit_column_text (stmt, 5));
      entry->record_version = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
