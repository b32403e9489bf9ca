/* vigil-vault-seen.c: what this computer last saw of each vault
 *
 * A whole vault put back to an older copy is whole in itself: its audit
 * chain and head agree, every page checks. Only something outside the
 * file can tell. After each unlock and at each lock, Vigil writes the head
 * of the vault's audit log (its last entry's number, and a MAC of that
 * number and the entry's hash) to a small file in the user's state folder
 * ($XDG_STATE_HOME/vigil/seen/). The file is named by a keyed hash and its
 * MAC is keyed, both under a key derived from the vault's master key: the
 * folder shows how many vaults were opened here, not which, and nothing of
 * what is in them. An open that finds its log shorter than the one seen
 * here, or not continuing it, says so.
 *
 * This does not protect against a rollback on another computer, or from
 * someone who can also write the state folder, or who knows a passphrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "vigil-audit-private.h"
#include "vigil-vault-internal.h"

#define MAC_BYTES 32

/* private helpers */

static void
state_key (VigilVault *self, guint8 out[crypto_kdf_KEYBYTES])
{
  crypto_kdf_derive_from_key (out, crypto_kdf_KEYBYTES, 3, "vigilsee", self->master_key);
}

static char *
seen_path (const guint8 *key)
{
  guint8 name[16];
  char hex[2 * sizeof name + 1];

  crypto_generichash (name, sizeof name, (const guint8 *) "vigil-seen-name", 15, key,
                      crypto_kdf_KEYBYTES);
  sodium_bin2hex (hex, sizeof hex, name, sizeof name);
  return g_build_filename (g_get_user_state_dir (), "vigil", "seen", hex, NULL);
}

static void
entry_mac (const guint8 *key, gint64 seq, const guint8 *hash, guint8 out[MAC_BYTES])
{
  crypto_generichash_state state;
  guint8 num[8];

  for (int i = 0; i < 8; i++)
    num[i] = (guint8) ((guint64) seq >> (8 * i));
  crypto_generichash_init (&state, key, crypto_kdf_KEYBYTES, MAC_BYTES);
  crypto_generichash_update (&state, (const guint8 *) "vigil-seen-head", 15);
  crypto_generichash_update (&state, num, sizeof num);
  crypto_generichash_update (&state, hash, VIGIL_AUDIT_HASH_BYTES);
  crypto_generichash_final (&state, out, MAC_BYTES);
}

/* The hash of entry @seq, or of the last entry when @seq is 0 (then @seq
 * is set to its number); FALSE when there is no such entry. */
static gboolean
entry_hash (sqlite3 *db, gint64 *seq, guint8 out[VIGIL_AUDIT_HASH_BYTES])
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db,
                          *seq == 0 ? "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
                                    : "SELECT seq, hash FROM audit WHERE seq = ?",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;
  if (*seq != 0)
    sqlite3_bind_int64 (stmt, 1, *seq);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 1) == VIGIL_AUDIT_HASH_BYTES)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      memcpy (out, sqlite3_column_blob (stmt, 1), VIGIL_AUDIT_HASH_BYTES);
      found = TRUE;
    }
  return found;
}

/* private API (vigil-vault-internal.h) */

char *
vigil_vault_compare_seen (VigilVault *self)
{
  guint8 key[crypto_kdf_KEYBYTES];
  guint8 hash[VIGIL_AUDIT_HASH_BYTES];
  guint8 mac[MAC_BYTES];
  guint8 stored_mac[MAC_BYTES];
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) fields = NULL;
  gint64 last = 0, seen_seq;
  char *warning = NULL;

  if (self->db == NULL || !entry_hash (self->db, &last, hash))
    return NULL;
  state_key (self, key);
  path = seen_path (key);
  if (!g_file_get_contents (path, &contents, NULL, NULL)
      || (fields = g_strsplit (g_strstrip (contents), " ", 2))[0] == NULL || fields[1] == NULL
      || !g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &seen_seq, NULL)
      || sodium_hex2bin (stored_mac, sizeof stored_mac, fields[1], strlen (fields[1]), NULL, NULL,
                         NULL)
           != 0)
    goto out;

  if (seen_seq > last)
    warning = g_strdup_printf (
      _("This vault is older than the one last opened on this computer: its audit log ends at "
        "entry %" G_GINT64_FORMAT ", but it had reached entry %" G_GINT64_FORMAT ". It may be "
        "a backup or a copy put back in its place; whatever was recorded since is not in it."),
      last, seen_seq);
  else if (!entry_hash (self->db, &seen_seq, hash)
           || (entry_mac (key, seen_seq, hash, mac), sodium_memcmp (mac, stored_mac, MAC_BYTES) != 0))
    warning = g_strdup (
      _("This vault is not the one last opened on this computer: its audit log does not continue "
        "the one seen here. It may be another copy of the same vault that was changed apart."));

out:
  sodium_memzero (key, sizeof key);
  return warning;
}

void
vigil_vault_remember_seen (VigilVault *self)
{
  guint8 key[crypto_kdf_KEYBYTES];
  guint8 hash[VIGIL_AUDIT_HASH_BYTES];
  guint8 mac[MAC_BYTES];
  char hex[2 * MAC_BYTES + 1];
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gint64 last = 0;

  if (self->db == NULL || self->master_key == NULL || !entry_hash (self->db, &last, hash))
    return;
  state_key (self, key);
  path = seen_path (key);
  entry_mac (key, last, hash, mac);
  sodium_memzero (key, sizeof key);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  contents = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", last, hex);
  dir = g_path_get_dirname (path);
  /* Best effort: a state folder that cannot be written costs the warning,
   * never the vault. */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &error))
    g_debug ("What this computer saw of the vault was not kept: %s",
             error != NULL ? error->message : g_strerror (errno));
}
