/* vigil-audit-mac.c: verifying the audit chain on open, segment by segment
 *
 * Recomputing the keyed chain hash of every entry costs three BLAKE2b
 * compressions an entry; a Poly1305 pass over a segment that was verified
 * once costs a fraction of that, and still reads and authenticates every
 * byte of every entry. Segments are independent, so a large chain is
 * verified by two threads, each over its own read-only connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-audit-mac.h"
#include "vigil-audit-private.h"
#include "vigil-db.h"
#include "vigil-error.h"

#define SEGMENT VIGIL_AUDIT_SEGMENT_ENTRIES
#define HASH_BYTES VIGIL_AUDIT_HASH_BYTES
#define NONCE_BYTES 24
#define TAG_BYTES crypto_onetimeauth_BYTES
#define KEY_PREFIX "audit-mac-"
/* Entries are framed into this buffer before Poly1305 sees them. */
#define FRAME_BUFFER 16384
/* Below this many full segments one thread is quicker than starting two. */
#define PARALLEL_SEGMENTS 8

struct _VigilAuditMac
{
  gint64 segment;
  guint8 nonce[NONCE_BYTES];
  guint8 tag[TAG_BYTES];
};

typedef struct
{
  gboolean present;
  guint8   nonce[NONCE_BYTES];
  guint8   tag[TAG_BYTES];
} StoredMac;

/* One contiguous run of entries, from a segment start to @last (inclusive),
 * verified on its own connection. */
typedef struct
{
  const char      *path;
  const char      *vfs;
  const guint8    *key;
  const StoredMac *macs;
  gint64           n_macs;
  gint64           first;
  gint64           last;
  /* results */
  gint64           next_seq;
  gboolean         any;
  guint8           first_prev[HASH_BYTES];
  guint8           last_hash[HASH_BYTES];
  GPtrArray       *new_macs;
  GError          *error;
} Range;

/* private helpers */

static void
one_time_key (const guint8 *key, gint64 segment, const guint8 *nonce,
              guint8 out[crypto_onetimeauth_KEYBYTES])
{
  crypto_generichash_state state;
  guint64 le = GUINT64_TO_LE ((guint64) segment);
  guint64 size = GUINT64_TO_LE ((guint64) SEGMENT);

  /* A prefix unlike the chain's "vigil-audit-1": no entry hash is ever a
   * one-time key. */
  crypto_generichash_init (&state, key, VIGIL_AUDIT_KEY_BYTES, crypto_onetimeauth_KEYBYTES);
  crypto_generichash_update (&state, (const guint8 *) "vigil-audit-segment-mac-1", 25);
  crypto_generichash_update (&state, (const guint8 *) &le, sizeof le);
  crypto_generichash_update (&state, (const guint8 *) &size, sizeof size);
  crypto_generichash_update (&state, nonce, NONCE_BYTES);
  crypto_generichash_final (&state, out, crypto_onetimeauth_KEYBYTES);
  sodium_memzero (&state, sizeof state);
}

static void
put_int (guint8 *buf, gsize *used, guint64 value)
{
  guint64 le = GUINT64_TO_LE (value);

  memcpy (buf + *used, &le, sizeof le);
  *used += sizeof le;
}

/* One entry's columns, each read from SQLite once. */
typedef struct
{
  gint64        seq;
  const guint8 *text[5]; /* at, actor, action, record_kind, record_id */
  gsize         len[5];
  gint64        version;
  const guint8 *prev;
  const guint8 *hash;
} Columns;

static void
frame_into (guint8 *buf, gsize *used, const Columns *c)
{
  put_int (buf, used, (guint64) c->seq);
  for (int i = 0; i < 5; i++)
    {
      put_int (buf, used, c->len[i]);
      if (c->len[i] > 0)
        memcpy (buf + *used, c->text[i], c->len[i]);
      *used += c->len[i];
    }
  put_int (buf, used, (guint64) c->version);
  memcpy (buf + *used, c->prev, HASH_BYTES);
  *used += HASH_BYTES;
  memcpy (buf + *used, c->hash, HASH_BYTES);
  *used += HASH_BYTES;
}

/* Every column, each text length-prefixed: two different entries never
 * frame to the same bytes. */
static void
frame_entry (crypto_onetimeauth_state *mac, guint8 *buf, gsize *used, const Columns *c)
{
  gsize need = 7 * sizeof (guint64) + 2 * HASH_BYTES;

  for (int i = 0; i < 5; i++)
    need += c->len[i];
  if (*used + need > FRAME_BUFFER)
    {
      crypto_onetimeauth_update (mac, buf, *used);
      *used = 0;
    }
  if (need > FRAME_BUFFER)
    {
      /* An entry larger than the buffer (never written by Vigil) is framed
       * on its own. */
      g_autofree guint8 *big = g_malloc (need);
      gsize big_used = 0;

      frame_into (big, &big_used, c);
      crypto_onetimeauth_update (mac, big, big_used);
      return;
    }
  frame_into (buf, used, c);
}

static void
set_tampered_missing (GError **error, gint64 seq)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
               _("The audit log was altered: entry %" G_GINT64_FORMAT
                 " is missing or out of place"),
               seq);
}

static void
set_tampered_chain (GError **error, gint64 seq)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
               _("The audit log was altered: entry %" G_GINT64_FORMAT " does not match its chain"),
               seq);
}

static void
set_tampered_segment (GError **error, gint64 segment)
{
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
               _("The audit log was altered: entries %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                 " do not match their MAC"),
               segment * SEGMENT + 1, (segment + 1) * SEGMENT);
}

static gboolean
verify_range_on (sqlite3 *db, Range *range)
{
  static const guint8 zero[HASH_BYTES] = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  VigilAuditHasher hasher;
  crypto_onetimeauth_state mac;
  guint8 otk[crypto_onetimeauth_KEYBYTES];
  g_autofree guint8 *buf = g_malloc (FRAME_BUFFER);
  gsize used = 0;
  gboolean sealed = FALSE, ok = FALSE;
  VigilAuditMac *fresh = NULL;
  gint64 expected = range->first;
  int rc;

  stmt = vigil_db_prepare (db,
                           "SELECT seq, at, actor, action, record_kind, record_id, record_version,"
                           " prev_hash, hash FROM audit WHERE seq >= ? AND seq <= ? ORDER BY seq",
                           &range->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, range->first);
  sqlite3_bind_int64 (stmt, 2, range->last);

  vigil_audit_hasher_init (&hasher, range->key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gint64 segment = (seq - 1) / SEGMENT;
      const guint8 *prev, *hash;
      Columns columns;

      if (seq != expected)
        {
          set_tampered_missing (&range->error, expected);
          goto out;
        }
      if (sqlite3_column_bytes (stmt, 7) != HASH_BYTES
          || sqlite3_column_bytes (stmt, 8) != HASH_BYTES)
        {
          set_tampered_chain (&range->error, seq);
          goto out;
        }
      prev = sqlite3_column_blob (stmt, 7);
      hash = sqlite3_column_blob (stmt, 8);
      columns.seq = seq;
      for (int i = 0; i < 5; i++)
        {
          /* The text first, then its length in that encoding. */
          columns.text[i] = sqlite3_column_text (stmt, i + 1);
          columns.len[i] = (gsize) sqlite3_column_bytes (stmt, i + 1);
        }
      columns.version = sqlite3_column_int64 (stmt, 6);
      columns.prev = prev;
      columns.hash = hash;
      /* The link to the entry before; a range's first link is checked by
       * the caller, which knows the range before it. */
      if (seq == range->first)
        memcpy (range->first_prev, prev, HASH_BYTES);
      else if (memcmp (prev, range->last_hash, HASH_BYTES) != 0)
        {
          set_tampered_chain (&range->error, seq);
          goto out;
        }
      if (seq == 1 && sodium_memcmp (prev, zero, HASH_BYTES) != 0)
        {
          set_tampered_chain (&range->error, seq);
          goto out;
        }

      if ((seq - 1) % SEGMENT == 0)
        {
          sealed = segment < range->n_macs && range->macs[segment].present;
          if (sealed)
            one_time_key (range->key, segment, range->macs[segment].nonce, otk);
          else
            {
              fresh = g_new0 (VigilAuditMac, 1);
              fresh->segment = segment;
              randombytes_buf (fresh->nonce, NONCE_BYTES);
              one_time_key (range->key, segment, fresh->nonce, otk);
            }
          crypto_onetimeauth_init (&mac, otk);
          sodium_memzero (otk, sizeof otk);
          used = 0;
        }

      if (!sealed)
        {
          guint8 expected_hash[HASH_BYTES];

          vigil_audit_hasher_entry (&hasher, prev, seq, vigil_audit_column_text (stmt, 1),
                                    vigil_audit_column_text (stmt, 2),
                                    vigil_audit_column_text (stmt, 3),
                                    vigil_audit_column_text (stmt, 4),
                                    vigil_audit_column_text (stmt, 5), columns.version,
                                    expected_hash);
          if (sodium_memcmp (hash, expected_hash, HASH_BYTES) != 0)
            {
              set_tampered_chain (&range->error, seq);
              goto out;
            }
        }
      frame_entry (&mac, buf, &used, &columns);

      if (seq % SEGMENT == 0)
        {
          guint8 tag[TAG_BYTES];

          crypto_onetimeauth_update (&mac, buf, used);
          used = 0;
          crypto_onetimeauth_final (&mac, tag);
          if (sealed && crypto_verify_16 (tag, range->macs[segment].tag) != 0)
            {
              set_tampered_segment (&range->error, segment);
              goto out;
            }
          if (!sealed)
            {
              memcpy (fresh->tag, tag, TAG_BYTES);
              g_ptr_array_add (range->new_macs, g_steal_pointer (&fresh));
            }
          sealed = FALSE;
        }
      memcpy (range->last_hash, hash, HASH_BYTES);
      range->any = TRUE;
      expected++;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), &range->error);
      goto out;
    }
  /* A segment with a MAC is always full: entries were taken from its end. */
  if (sealed)
    {
      set_tampered_missing (&range->error, expected);
      goto out;
    }
  range->next_seq = expected;
  ok = TRUE;

out:
  g_clear_pointer (&buf, g_free);
  g_free (fresh);
  sodium_memzero (&mac, sizeof mac);
  vigil_audit_hasher_clear (&hasher);
  return ok;
}

static gpointer
range_thread (gpointer data)
{
  Range *range = data;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (range->path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        range->vfs);
  if (rc != SQLITE_OK)
    vigil_db_set_error (db, rc, _("Could not open the vault"), &range->error);
  else
    verify_range_on (db, range);
  sqlite3_close (db);
  return NULL;
}

static gboolean
query_max_seq (sqlite3 *db, gint64 *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "SELECT max(seq) FROM audit", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The stored MACs, indexed by segment; NULL on error. A MAC for a segment
 * beyond the chain's last full one means entries were removed. */
static StoredMac *
read_macs (sqlite3 *db, gint64 n_segments, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree StoredMac *macs = g_new0 (StoredMac, MAX (n_segments, 1));
  int rc;

  stmt = vigil_db_prepare (db, "SELECT key, value FROM meta WHERE key GLOB '" KEY_PREFIX "*'",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = vigil_audit_column_text (stmt, 0);
      const char *value = vigil_audit_column_text (stmt, 1);
      const char *digits = key + strlen (KEY_PREFIX);
      guint64 segment = 0;
      gsize got_nonce = 0, got_tag = 0;
      const char *end = NULL;
      StoredMac *mac;

      if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64 / SEGMENT, &segment, NULL)
          || strlen (value) != 2 * NONCE_BYTES + 1 + 2 * TAG_BYTES
          || value[2 * NONCE_BYTES] != ':')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The audit log was altered: its MAC %s is damaged"), key);
          return NULL;
        }
      if ((gint64) segment >= n_segments)
        {
          set_tampered_missing (error, (gint64) segment * SEGMENT + 1);
          return NULL;
        }
      mac = &macs[segment];
      if (sodium_hex2bin (mac->nonce, NONCE_BYTES, value, 2 * NONCE_BYTES, NULL, &got_nonce, &end)
            != 0
          || got_nonce != NONCE_BYTES
          || sodium_hex2bin (mac->tag, TAG_BYTES, value + 2 * NONCE_BYTES + 1, 2 * TAG_BYTES,
                             NULL, &got_tag, &end)
               != 0
          || got_tag != TAG_BYTES)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                       _("The audit log was altered: its MAC %s is damaged"), key);
          return NULL;
        }
      mac->present = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&macs);
}

/* public API */

gboolean
vigil_audit_verify_segments (sqlite3       *db,
                             const guint8  *key,
                             gint64        *out_entries,
                             GPtrArray     *out_new_macs,
                             GError       **error)
{
  g_autofree StoredMac *macs = NULL;
  Range head = { 0 }, tail = { 0 };
  GThread *thread = NULL;
  gint64 max_seq = 0, n_full;
  sqlite3_vfs *vfs = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out_new_macs != NULL, FALSE);

  if (!query_max_seq (db, &max_seq, error))
    return FALSE;
  n_full = max_seq / SEGMENT;
  macs = read_macs (db, n_full, error);
  if (macs == NULL)
    return FALSE;

  tail.key = head.key = key;
  tail.macs = head.macs = macs;
  tail.n_macs = head.n_macs = n_full;
  tail.new_macs = g_ptr_array_new_with_free_func (g_free);
  tail.first = 1;
  tail.last = G_MAXINT64;

  /* The first half of the segments on a second connection in a thread of
   * its own, when there is enough to share and a second core to share it. */
  if (n_full >= PARALLEL_SEGMENTS && g_get_num_processors () > 1
      && sqlite3_file_control (db, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) == SQLITE_OK
      && vfs != NULL)
    {
      head.path = sqlite3_db_filename (db, "main");
      head.vfs = vfs->zName;
      head.first = 1;
      head.last = (n_full / 2) * SEGMENT;
      head.new_macs = g_ptr_array_new_with_free_func (g_free);
      tail.first = head.last + 1;
      thread = g_thread_new ("vigil-audit", range_thread, &head);
    }

  verify_range_on (db, &tail);
  if (thread != NULL)
    g_thread_join (thread);

  /* The first error along the chain is the one reported. */
  if (thread != NULL && head.error != NULL)
    g_propagate_error (error, g_steal_pointer (&head.error));
  else if (thread != NULL && head.next_seq != tail.first)
    set_tampered_missing (error, head.next_seq);
  else if (tail.error != NULL)
    g_propagate_error (error, g_steal_pointer (&tail.error));
  else if (thread != NULL && tail.any
           && sodium_memcmp (tail.first_prev, head.last_hash, HASH_BYTES) != 0)
    set_tampered_chain (error, tail.first);
  else
    {
      if (head.new_macs != NULL)
        g_ptr_array_extend_and_steal (out_new_macs, g_steal_pointer (&head.new_macs));
      g_ptr_array_extend_and_steal (out_new_macs, g_steal_pointer (&tail.new_macs));
      if (out_entries != NULL)
        *out_entries = tail.next_seq - 1;
      ok = TRUE;
    }

  g_clear_error (&head.error);
  g_clear_error (&tail.error);
  g_clear_pointer (&head.new_macs, g_ptr_array_unref);
  g_clear_pointer (&tail.new_macs, g_ptr_array_unref);
  sodium_memzero (head.last_hash, HASH_BYTES);
  return ok;
}

gboolean
vigil_audit_mac_store (sqlite3 *db, GPtrArray *macs, GError **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (macs != NULL, FALSE);

  if (macs->len == 0)
    return TRUE;
  if (!vigil_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  insert = vigil_db_prepare (db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  if (insert == NULL)
    goto fail;
  for (guint i = 0; i < macs->len; i++)
    {
      const VigilAuditMac *mac = g_ptr_array_index (macs, i);
      g_autofree char *key = g_strdup_printf (KEY_PREFIX "%010" G_GINT64_FORMAT, mac->segment);
      char value[2 * NONCE_BYTES + 1 + 2 * TAG_BYTES + 1];
      int rc;

      sodium_bin2hex (value, 2 * NONCE_BYTES + 1, mac->nonce, NONCE_BYTES);
      value[2 * NONCE_BYTES] = ':';
      sodium_bin2hex (value + 2 * NONCE_BYTES + 1, 2 * TAG_BYTES + 1, mac->tag, TAG_BYTES);
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, value, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (insert);
      if (rc != SQLITE_DONE)
        {
          vigil_db_set_error (db, rc, _("The audit log's MACs could not be written"), error);
          goto fail;
        }
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  if (vigil_db_exec (db, "COMMIT", error))
    return TRUE;

fail:
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!sqlite3_get_autocommit (db))
    vigil_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

gint64
vigil_audit_mac_count (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, -1);

  stmt = vigil_db_prepare (db, "SELECT count(*) FROM meta WHERE key GLOB '" KEY_PREFIX "*'",
                           error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The audit log could not be read"), error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
