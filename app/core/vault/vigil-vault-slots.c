/* vigil-vault-slots.c: key slots: the master key wrapped per passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-audit.h"
#include "vigil-passphrase.h"
#include "vigil-error.h"
#include "vigil-vault-header.h"
#include "vigil-vault-internal.h"

#define SLOT_ALGORITHM "argon2id13+xchacha20poly1305"
#define KEY_BYTES      crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES      crypto_aead_xchacha20poly1305_ietf_ABYTES
#define WRAPPED_BYTES  (NONCE_BYTES + KEY_BYTES + TAG_BYTES)
#define CHECKSUM_BYTES 32

/* Parameters outside these bounds come from a damaged or hostile file: the
 * floor keeps a slot from being weakened, the ceiling keeps a slot from
 * asking for more memory than a laptop has. */
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define OPSLIMIT_FLOOR   crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT_FLOOR   crypto_pwhash_MEMLIMIT_INTERACTIVE
#else
/* Fuzzing builds only (meson -Dfuzzing=true): a 64 MiB derivation per input
 * would leave the fuzzer a few inputs a second. */
#define OPSLIMIT_FLOOR   crypto_pwhash_OPSLIMIT_MIN
#define MEMLIMIT_FLOOR   crypto_pwhash_MEMLIMIT_MIN
#endif
#define OPSLIMIT_CEILING 16
#define MEMLIMIT_CEILING crypto_pwhash_MEMLIMIT_SENSITIVE

typedef struct
{
  gint64  id;
  char   *label;
  char   *algorithm;
  guint64 opslimit;
  guint64 memlimit;
  GBytes *salt;
  GBytes *wrapped;
  GBytes *checksum;
} SlotRow;

static void
slot_row_clear (SlotRow *row)
{
  g_free (row->label);
  g_free (row->algorithm);
  g_clear_pointer (&row->salt, g_bytes_unref);
  g_clear_pointer (&row->wrapped, g_bytes_unref);
  g_clear_pointer (&row->checksum, g_bytes_unref);
}

/* private helpers */

void
vigil_kdf_level_params (VigilKdfLevel level, guint64 *opslimit, gsize *memlimit)
{
  switch (level)
    {
    case VIGIL_KDF_INTERACTIVE:
      *opslimit = OPSLIMIT_FLOOR;
      *memlimit = MEMLIMIT_FLOOR;
      break;
    case VIGIL_KDF_SENSITIVE:
      *opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
      break;
    case VIGIL_KDF_MODERATE:
    default:
      *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
      *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
    }
}

static void
put_u64 (guint8 out[8], guint64 value)
{
  guint64 le = GUINT64_TO_LE (value);

  memcpy (out, &le, 8);
}

/* Binds the wrapped key to its parameters: a slot whose parameters were
 * edited no longer opens. */
static void
slot_ad (guint64 opslimit, guint64 memlimit, guint8 out[28])
{
  memcpy (out, "vigil-slot-1", 12);
  put_u64 (out + 12, opslimit);
  put_u64 (out + 20, memlimit);
}

static void
slot_checksum (const char   *algorithm,
               guint64       opslimit,
               guint64       memlimit,
               const guint8 *salt,
               gsize         salt_len,
               const guint8 *wrapped,
               gsize         wrapped_len,
               guint8        out[CHECKSUM_BYTES])
{
  crypto_generichash_state state;
  guint8 num[8];

  crypto_generichash_init (&state, NULL, 0, CHECKSUM_BYTES);
  crypto_generichash_update (&state, (const guint8 *) algorithm, strlen (algorithm) + 1);
  put_u64 (num, opslimit);
  crypto_generichash_update (&state, num, 8);
  put_u64 (num, memlimit);
  crypto_generichash_update (&state, num, 8);
  crypto_generichash_update (&state, salt, salt_len);
  crypto_generichash_update (&state, wrapped, wrapped_len);
  crypto_generichash_final (&state, out, CHECKSUM_BYTES);
}

static guint8 *
derive_slot_key (const char *passphrase, const guint8 *salt, guint64 opslimit, gsize memlimit,
                 GError **error)
{
  guint8 *key = sodium_malloc (KEY_BYTES);

  if (crypto_pwhash (key, KEY_BYTES, passphrase, strlen (passphrase), salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13)
      != 0)
    {
      sodium_free (key);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Not enough memory to derive the key from the passphrase (%" G_GSIZE_FORMAT
                     " MiB needed)"),
                   memlimit / (1024 * 1024));
      return NULL;
    }
  return key;
}

static gboolean
read_slot_row (sqlite3_stmt *stmt, SlotRow *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->algorithm = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->opslimit = (guint64) sqlite3_column_int64 (stmt, 3);
  row->memlimit = (guint64) sqlite3_column_int64 (stmt, 4);
  row->salt = vigil_db_column_bytes (stmt, 5);
  row->wrapped = vigil_db_column_bytes (stmt, 6);
  row->checksum = vigil_db_column_bytes (stmt, 7);
  return row->label != NULL && row->algorithm != NULL && row->salt != NULL
         && row->wrapped != NULL && row->checksum != NULL;
}

/* Everything about a slot that can be checked before Argon2id allocates its
 * memory. */
static gboolean
slot_row_is_sound (const SlotRow *row)
{
  guint8 sum[CHECKSUM_BYTES];
  gsize salt_len, wrapped_len, sum_len;
  const guint8 *salt = g_bytes_get_data (row->salt, &salt_len);
  const guint8 *wrapped = g_bytes_get_data (row->wrapped, &wrapped_len);
  const guint8 *stored_sum = g_bytes_get_data (row->checksum, &sum_len);

  if (!g_str_equal (row->algorithm, SLOT_ALGORITHM) || salt_len != crypto_pwhash_SALTBYTES
      || wrapped_len != WRAPPED_BYTES || sum_len != CHECKSUM_BYTES)
    return FALSE;
  if (row->opslimit < OPSLIMIT_FLOOR || row->opslimit > OPSLIMIT_CEILING
      || row->memlimit < MEMLIMIT_FLOOR || row->memlimit > MEMLIMIT_CEILING)
    return FALSE;
  slot_checksum (row->algorithm, row->opslimit, row->memlimit, salt, salt_len, wrapped,
                 wrapped_len, sum);
  return sodium_memcmp (sum, stored_sum, CHECKSUM_BYTES) == 0;
}

/* The master key, or NULL when the passphrase, in exactly this form, does
 * not open this slot. */
static guint8 *
unwrap_slot_as (const SlotRow *row, const char *passphrase, GError **error)
{
  const guint8 *salt = g_bytes_get_data (row->salt, NULL);
  const guint8 *wrapped = g_bytes_get_data (row->wrapped, NULL);
  guint8 ad[28];
  guint8 *slot_key;
  guint8 *master_key;

  slot_key = derive_slot_key (passphrase, salt, row->opslimit, row->memlimit, error);
  if (slot_key == NULL)
    return NULL;
  slot_ad (row->opslimit, row->memlimit, ad);
  master_key = sodium_malloc (KEY_BYTES);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (master_key, NULL, NULL, wrapped + NONCE_BYTES,
                                                  KEY_BYTES + TAG_BYTES, ad, sizeof ad, wrapped,
                                                  slot_key)
      != 0)
    g_clear_pointer (&master_key, sodium_free);
  sodium_free (slot_key);
  return master_key;
}

/* The master key, or NULL when the passphrase does not open this slot.
 * Slots are written from the NFC form; a slot written before that, from a
 * passphrase typed decomposed, still opens with the form as typed. */
static guint8 *
unwrap_slot (const SlotRow *row, const char *passphrase, GError **error)
{
  char *nfc = vigil_passphrase_nfc (passphrase);
  guint8 *master_key = NULL;

  if (nfc != NULL)
    master_key = unwrap_slot_as (row, nfc, error);
  if (master_key == NULL && (error == NULL || *error == NULL)
      && (nfc == NULL || strcmp (nfc, passphrase) != 0))
    master_key = unwrap_slot_as (row, passphrase, error);
  vigil_passphrase_free (nfc);
  return master_key;
}

static const char slot_columns[] =
  "SELECT id, label, algorithm, opslimit, memlimit, salt, wrapped_key, checksum FROM key_slots";

gboolean
vigil_vault_check_format (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  stmt = vigil_db_prepare (db, "SELECT value FROM meta WHERE key = 'format'", &local);
  if (stmt == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("The vault is damaged: its format record cannot be read (%s)"),
                   local->message);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("The vault is damaged: its format record is missing"));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) > VIGIL_VAULT_FORMAT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT,
                   _("This vault was written by a newer version of Vigil (format %d). Update "
                     "Vigil to open it."),
                   sqlite3_column_int (stmt, 0));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) < 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("The vault is damaged: its format record is invalid"));
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_vault_write_slot (sqlite3      *db,
                        gint64        slot_id,
                        const char   *label,
                        const char   *passphrase,
                        guint64       opslimit,
                        gsize         memlimit,
                        const guint8 *master_key,
                        GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = vigil_now_iso ();
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 wrapped[WRAPPED_BYTES];
  guint8 sum[CHECKSUM_BYTES];
  guint8 ad[28];
  guint8 *slot_key;
  char *nfc;
  int rc;

  if (!vigil_passphrase_check_new (passphrase, error))
    return FALSE;
  nfc = vigil_passphrase_nfc (passphrase);
  randombytes_buf (salt, sizeof salt);
  slot_key = derive_slot_key (nfc, salt, opslimit, memlimit, error);
  vigil_passphrase_free (nfc);
  if (slot_key == NULL)
    return FALSE;
  slot_ad (opslimit, memlimit, ad);
  randombytes_buf (wrapped, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (wrapped + NONCE_BYTES, NULL, master_key, KEY_BYTES,
                                              ad, sizeof ad, NULL, wrapped, slot_key);
  sodium_free (slot_key);
  slot_checksum (SLOT_ALGORITHM, opslimit, memlimit, salt, sizeof salt, wrapped, sizeof wrapped,
                 sum);

  if (slot_id < 0)
    stmt = vigil_db_prepare (db,
                             "INSERT INTO key_slots (label, algorithm, opslimit, memlimit, salt,"
                             " wrapped_key, checksum, created_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                             error);
  else
    stmt = vigil_db_prepare (db,
                             "UPDATE key_slots SET label = ?1, algorithm = ?2, opslimit = ?3,"
                             " memlimit = ?4, salt = ?5, wrapped_key = ?6, checksum = ?7"
                             " WHERE id = ?9",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, SLOT_ALGORITHM, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (gint64) opslimit);
  sqlite3_bind_int64 (stmt, 4, (gint64) memlimit);
  sqlite3_bind_blob (stmt, 5, salt, sizeof salt, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 6, wrapped, sizeof wrapped, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 7, sum, sizeof sum, SQLITE_TRANSIENT);
  if (slot_id < 0)
    sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 9, slot_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The key slot could not be written"), error);
      return FALSE;
    }
  return TRUE;
}

/* Tries @passphrase on each slot of @rows; the master key, and in
 * @out_index the slot it opened. */
/* Whether a slot's parameters are those of a level Vigil writes. */
static gboolean
is_vigil_level (guint64 opslimit, guint64 memlimit)
{
  static const VigilKdfLevel levels[] = { VIGIL_KDF_INTERACTIVE, VIGIL_KDF_MODERATE,
                                          VIGIL_KDF_SENSITIVE };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      guint64 ops;
      gsize mem;

      vigil_kdf_level_params (levels[i], &ops, &mem);
      if (ops == opslimit && mem == memlimit)
        return TRUE;
    }
  return FALSE;
}

static guint8 *
unwrap_rows (GArray *rows, const char *passphrase, guint *out_index, GError **error)
{
  guint damaged = 0;
  gint64 altered = -1;

  for (guint i = 0; i < rows->len; i++)
    {
      SlotRow *row = &g_array_index (rows, SlotRow, i);
      guint8 *master_key;

      if (!slot_row_is_sound (row))
        {
          damaged++;
          continue;
        }
      /* Within bounds, but not what Vigil writes: a derivation with them
       * cannot open the slot, and "wrong passphrase" would mislead. */
      if (!is_vigil_level (row->opslimit, row->memlimit))
        {
          altered = row->id;
          continue;
        }
      master_key = unwrap_slot (row, passphrase, error);
      if (master_key != NULL)
        {
          *out_index = i;
          return master_key;
        }
      if (error != NULL && *error != NULL)
        return NULL;
    }
  if (altered >= 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                 _("Key slot %" G_GINT64_FORMAT " of the vault was altered: its key-derivation "
                   "settings are not ones Vigil writes. Open the vault with another "
                   "passphrase, or a backup copy"),
                 altered);
  else if (rows->len == 0 || damaged > 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                 rows->len == 0 ? _("The vault is damaged: it has no key slot")
                                : _("The vault is damaged: a key slot is unreadable, and no "
                                    "intact slot opens with this passphrase"));
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_WRONG_PASSPHRASE,
                 _("The passphrase is not correct"));
  return NULL;
}

static GArray *
slot_rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (SlotRow));

  g_array_set_clear_func (rows, (GDestroyNotify) slot_row_clear);
  return rows;
}

/* The key_slots table, or NULL. */
static GArray *
read_slot_rows (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GArray) rows = slot_rows_new ();
  int rc;

  stmt = vigil_db_prepare (db, slot_columns, &local);
  if (stmt == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                   _("The vault is damaged: its key slots cannot be read (%s)"), local->message);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlotRow row = { 0 };

      /* An unreadable row stays, to be counted as a damaged slot. */
      read_slot_row (stmt, &row);
      if (row.label == NULL)
        row.label = g_strdup ("");
      if (row.algorithm == NULL)
        row.algorithm = g_strdup ("");
      if (row.salt == NULL)
        row.salt = g_bytes_new (NULL, 0);
      if (row.wrapped == NULL)
        row.wrapped = g_bytes_new (NULL, 0);
      if (row.checksum == NULL)
        row.checksum = g_bytes_new (NULL, 0);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The vault is damaged: its key slots cannot be read"),
                          error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Finds the slot @passphrase opens; its master key, id and label. */
static guint8 *
unwrap_matching_slot (sqlite3     *db,
                      const char  *passphrase,
                      gint64      *out_id,
                      char       **out_label,
                      SlotRow     *out_row,
                      GError     **error)
{
  g_autoptr (GArray) rows = read_slot_rows (db, error);
  guint8 *master_key;
  guint index = 0;
  SlotRow *row;

  if (rows == NULL)
    return NULL;
  master_key = unwrap_rows (rows, passphrase, &index, error);
  if (master_key == NULL)
    return NULL;
  row = &g_array_index (rows, SlotRow, index);
  if (out_id != NULL)
    *out_id = row->id;
  if (out_label != NULL)
    *out_label = g_strdup (row->label);
  if (out_row != NULL)
    {
      *out_row = *row;
      memset (row, 0, sizeof *row);
    }
  return master_key;
}

guint8 *
vigil_vault_unwrap_any_slot (sqlite3     *db,
                             const char  *passphrase,
                             gint64      *out_slot_id,
                             char       **out_label,
                             GError     **error)
{
  return unwrap_matching_slot (db, passphrase, out_slot_id, out_label, NULL, error);
}

gboolean
vigil_vault_read_slot_monitor (sqlite3 *db, gint64 slot_id, char **out_monitor, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "SELECT monitor FROM key_slots"
                                                        " WHERE id = ?", error);
  int rc;

  *out_monitor = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vigil_db_set_error (db, rc, _("The key slots could not be read"), error);
      return FALSE;
    }
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      /* Text SQLite hands back need not be UTF-8; such a name counts as
       * none, and the monitor is asked again. */
      if (g_utf8_validate (text, sqlite3_column_bytes (stmt, 0), NULL))
        *out_monitor = g_strdup (text);
    }
  return TRUE;
}

static gboolean
audit_slot (VigilVault *self, const char *action, gint64 slot_id, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, slot_id);

  return vigil_audit_append (self->db, self->audit_key, self->actor, action, "key_slot", id, 1,
                             error);
}

/* The key slots in the header of an encrypted vault, as rows. */
static GArray *
header_slot_rows (const VigilVaultHeader *header)
{
  GArray *rows = slot_rows_new ();

  for (guint i = 0; i < header->n_slots; i++)
    {
      const VigilHeaderSlot *slot = &header->slots[i];
      SlotRow row = { 0 };

      row.id = slot->id;
      row.label = g_strdup ("");
      row.algorithm = g_strdup (SLOT_ALGORITHM);
      row.opslimit = slot->opslimit;
      row.memlimit = slot->memlimit;
      row.salt = g_bytes_new (slot->salt, sizeof slot->salt);
      row.wrapped = g_bytes_new (slot->wrapped, sizeof slot->wrapped);
      row.checksum = g_bytes_new (slot->checksum, sizeof slot->checksum);
      g_array_append_val (rows, row);
    }
  return rows;
}

guint8 *
vigil_vault_unwrap_header (const VigilVaultHeader *header,
                           const char             *passphrase,
                           gint64                 *out_slot_id,
                           GError                **error)
{
  g_autoptr (GArray) rows = header_slot_rows (header);
  guint index = 0;
  guint8 *master_key = unwrap_rows (rows, passphrase, &index, error);

  if (master_key != NULL)
    *out_slot_id = g_array_index (rows, SlotRow, index).id;
  return master_key;
}

gboolean
vigil_vault_header_from_table (sqlite3 *db, VigilVaultHeader *out, GError **error)
{
  g_autoptr (GArray) rows = read_slot_rows (db, error);

  memset (out, 0, sizeof *out);
  if (rows == NULL)
    return FALSE;
  if (rows->len > VIGIL_VAULT_HEADER_MAX_SLOTS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("A vault holds at most %d key slots"), VIGIL_VAULT_HEADER_MAX_SLOTS);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const SlotRow *row = &g_array_index (rows, SlotRow, i);
      VigilHeaderSlot *slot = &out->slots[i];
      gsize salt_len, wrapped_len, sum_len;
      const guint8 *salt = g_bytes_get_data (row->salt, &salt_len);
      const guint8 *wrapped = g_bytes_get_data (row->wrapped, &wrapped_len);
      const guint8 *sum = g_bytes_get_data (row->checksum, &sum_len);

      if (!slot_row_is_sound (row) || salt_len != sizeof slot->salt
          || wrapped_len != sizeof slot->wrapped || sum_len != sizeof slot->checksum)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_DAMAGED,
                       _("The vault is damaged: key slot %" G_GINT64_FORMAT " is unreadable"),
                       row->id);
          return FALSE;
        }
      slot->id = row->id;
      slot->opslimit = row->opslimit;
      slot->memlimit = row->memlimit;
      memcpy (slot->salt, salt, salt_len);
      memcpy (slot->wrapped, wrapped, wrapped_len);
      memcpy (slot->checksum, sum, sum_len);
    }
  out->n_slots = rows->len;
  return TRUE;
}

void
vigil_vault_header_slot_set_checksum (VigilHeaderSlot *slot)
{
  slot_checksum (SLOT_ALGORITHM, slot->opslimit, slot->memlimit, slot->salt, sizeof slot->salt,
                 slot->wrapped, sizeof slot->wrapped, slot->checksum);
}

gboolean
vigil_vault_read_slot_label (sqlite3 *db, gint64 slot_id, char **out_label, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "SELECT label FROM key_slots"
                                                        " WHERE id = ?", error);
  int rc;

  *out_label = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The key slot that opened the vault is not one of the vault's own: its "
                     "header was altered"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("The key slots could not be read"), error);
      return FALSE;
    }
  *out_label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return *out_label != NULL;
}

/* Writes the key slots of the vault's own table into the file's header,
 * where they are read before any key is known. */
static gboolean
sync_header (VigilVault *self, GError **error)
{
  VigilVaultHeader header;

  if (self->txn_depth > 0)
    return TRUE;
  return vigil_vault_header_from_table (self->db, &header, error)
         && vigil_vault_header_write (self->path, &header, error);
}

/* private API (vigil-vault-private.h) */

const char *
vigil_vault_get_monitor (VigilVault *self)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);

  return self->monitor;
}

gboolean
vigil_vault_set_monitor (VigilVault *self, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (vigil_vault_get_db (self, error) == NULL || !vigil_vault_begin (self, error))
    return FALSE;
  stmt = vigil_db_prepare (self->db, "UPDATE key_slots SET monitor = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->slot_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (self->db, rc, _("The monitor's name could not be saved"), error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The key slot this vault was unlocked with was removed meanwhile"));
      goto fail;
    }
  /* The entry names the monitor as they now want to be known. */
  g_free (self->actor);
  self->actor = g_strdup (name);
  if (!audit_slot (self, "set_monitor", self->slot_id, error)
      || !vigil_vault_commit (self, error))
    goto fail_named;
  g_free (self->monitor);
  self->monitor = g_strdup (name);
  return TRUE;

fail_named:
  g_free (self->actor);
  self->actor = g_strdup (self->monitor != NULL ? self->monitor : self->label);
fail:
  vigil_vault_rollback (self);
  return FALSE;
}

/* public API */

void
vigil_key_slot_info_free (VigilKeySlotInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->label);
  g_free (info->created_at);
  g_free (info);
}

gboolean
vigil_vault_change_passphrase (VigilVault *self,
                               const char *old_passphrase,
                               const char *new_passphrase,
                               GError    **error)
{
  g_autofree char *label = NULL;
  SlotRow row = { 0 };
  guint8 *master_key;
  gint64 slot_id = -1;
  gboolean same;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (old_passphrase != NULL && new_passphrase != NULL, FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  master_key = unwrap_matching_slot (self->db, old_passphrase, &slot_id, &label, &row, error);
  if (master_key == NULL)
    return FALSE;
  same = sodium_memcmp (master_key, self->master_key, KEY_BYTES) == 0;
  sodium_free (master_key);
  if (!same)
    {
      slot_row_clear (&row);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED,
                   _("The key slot opens a different vault: the file was altered"));
      return FALSE;
    }

  if (!vigil_vault_begin (self, error)
      || !vigil_vault_write_slot (self->db, slot_id, label, new_passphrase, row.opslimit,
                                  row.memlimit, self->master_key, error)
      || !audit_slot (self, "change_passphrase", slot_id, error)
      || !vigil_vault_commit (self, error))
    {
      vigil_vault_rollback (self);
      slot_row_clear (&row);
      return FALSE;
    }
  slot_row_clear (&row);
  /* The old wrapping must not survive in the header, freed pages or the
   * WAL. */
  return sync_header (self, error) && (self->txn_depth > 0 || vigil_vault_purge (self, error));
}

gboolean
vigil_vault_add_slot (VigilVault   *self,
                      const char   *label,
                      const char   *passphrase,
                      VigilKdfLevel level,
                      gint64       *out_slot_id,
                      GError      **error)
{
  guint64 opslimit;
  gsize memlimit;
  gint64 slot_id;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);
  g_return_val_if_fail (label != NULL && passphrase != NULL, FALSE);

  if (vigil_vault_get_db (self, error) == NULL)
    return FALSE;
  vigil_kdf_level_params (level, &opslimit, &memlimit);
  if (!vigil_vault_begin (self, error))
    return FALSE;
  if (!vigil_vault_write_slot (self->db, -1, label, passphrase, opslimit, memlimit,
                               self->master_key, error))
    {
      vigil_vault_rollback (self);
      return FALSE;
    }
  slot_id = sqlite3_last_insert_rowid (self->db);
  if (!audit_slot (self, "add_slot", slot_id, error))
    {
      vigil_vault_rollback (self);
      return FALSE;
    }
  if (out_slot_id != NULL)
    *out_slot_id = slot_id;
  return vigil_vault_commit (self, error) && sync_header (self, error);
}

static gboolean
delete_slot (VigilVault *self, gint64 slot_id, GError **error)
{
  g_autoptr (sqlite3_stmt) count = NULL;
  g_autoptr (sqlite3_stmt) del = NULL;
  int rc;

  if (!vigil_vault_begin (self, error))
    return FALSE;
  count = vigil_db_prepare (self->db, "SELECT count(*) FROM key_slots", error);
  if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
    goto fail;
  if (sqlite3_column_int64 (count, 0) <= 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("This is the vault's only key slot; removing it would lock the vault "
                     "forever. Add another passphrase first."));
      goto fail;
    }
  del = vigil_db_prepare (self->db, "DELETE FROM key_slots WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, slot_id);
  rc = sqlite3_step (del);
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (self->db, rc, _("The key slot could not be removed"), error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("There is no key slot %" G_GINT64_FORMAT), slot_id);
      goto fail;
    }
  if (!audit_slot (self, "remove_slot", slot_id, error) || !vigil_vault_commit (self, error))
    goto fail;
  return TRUE;

fail:
  vigil_vault_rollback (self);
  return FALSE;
}

gboolean
vigil_vault_remove_slot (VigilVault *self, gint64 slot_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_VAULT (self), FALSE);

  if (vigil_vault_get_db (self, error) == NULL || !delete_slot (self, slot_id, error))
    return FALSE;
  /* The removed wrapping must not survive in the header, freed pages or
   * the WAL. */
  return sync_header (self, error) && (self->txn_depth > 0 || vigil_vault_purge (self, error));
}

GPtrArray *
vigil_vault_list_slots (VigilVault *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) slots = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_VAULT (self), NULL);

  if (vigil_vault_get_db (self, error) == NULL)
    return NULL;
  stmt = vigil_db_prepare (self->db,
                           "SELECT id, label, opslimit, memlimit, created_at FROM key_slots"
                           " ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_key_slot_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilKeySlotInfo *info = g_new0 (VigilKeySlotInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->opslimit = (guint64) sqlite3_column_int64 (stmt, 2);
      info->memlimit = (gsize) sqlite3_column_int64 (stmt, 3);
      info->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (slots, info);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_db_set_error (self->db, rc, _("The key slots could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&slots);
}
