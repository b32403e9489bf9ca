/* vigil-vault.h: the encrypted vault file, its key slots and data keys
 *
 * A vault is one SQLite file. A random master key is wrapped, once per key
 * slot, by a key derived from a passphrase with Argon2id. Per-case and
 * per-person data keys are wrapped by the master key; every sensitive value
 * is sealed with XChaCha20-Poly1305 under the data key of the case or person
 * it belongs to, bound by its associated data to the record kind, record id,
 * field and record version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_VAULT (vigil_vault_get_type ())
G_DECLARE_FINAL_TYPE (VigilVault, vigil_vault, VIGIL, VAULT, GObject)

/* The on-disk format this build writes; a vault with a higher one is refused. */
#define VIGIL_VAULT_FORMAT 1

typedef enum
{
  VIGIL_KDF_INTERACTIVE, /* the least accepted: crypto_pwhash_*_INTERACTIVE */
  VIGIL_KDF_MODERATE,    /* the default */
  VIGIL_KDF_SENSITIVE,
} VigilKdfLevel;

/* Who a data key belongs to: erasing the owner destroys the key. */
typedef enum
{
  VIGIL_KEY_OWNER_CASE,
  VIGIL_KEY_OWNER_PERSON,
} VigilKeyOwner;

/**
 * VigilSealRef:
 * @owner: whose data key seals the value
 * @owner_id: id of that case or person
 * @record_kind: table of the record, e.g. "person"
 * @record_id: id of the record
 * @field: column of the record, e.g. "identity"
 * @version: version of the record the value is written at
 *
 * Where a sealed value lives. Everything but @owner and @owner_id goes into
 * the associated data, so a ciphertext moved to another row or field, or
 * put back from an older version, fails to open.
 */
typedef struct
{
  VigilKeyOwner owner;
  const char   *owner_id;
  const char   *record_kind;
  const char   *record_id;
  const char   *field;
  gint64        version;
} VigilSealRef;

typedef struct
{
  gint64  id;
  char   *label;
  guint64 opslimit;
  gsize   memlimit;
  char   *created_at; /* ISO 8601, UTC */
} VigilKeySlotInfo;

void vigil_key_slot_info_free (VigilKeySlotInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilKeySlotInfo, vigil_key_slot_info_free)

/* The default path, $XDG_DATA_HOME/vigil/vault.vigil. */
char       *vigil_vault_default_path      (void);

VigilVault *vigil_vault_create            (const char          *path,
                                           const char          *passphrase,
                                           VigilKdfLevel        level,
                                           GError             **error);
void        vigil_vault_create_async      (const char          *path,
                                           const char          *passphrase,
                                           VigilKdfLevel        level,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
VigilVault *vigil_vault_create_finish     (GAsyncResult        *result,
                                           GError             **error);

/* Opens and unlocks: checks the file, unwraps the master key, verifies the
 * audit chain, then migrates the schema. Nothing is written before all of
 * that succeeded. */
VigilVault *vigil_vault_open              (const char          *path,
                                           const char          *passphrase,
                                           GError             **error);
void        vigil_vault_open_async        (const char          *path,
                                           const char          *passphrase,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
VigilVault *vigil_vault_open_finish       (GAsyncResult        *result,
                                           GError             **error);

const char *vigil_vault_get_path          (VigilVault          *self);
gboolean    vigil_vault_is_locked         (VigilVault          *self);
/* When the vault opened is older than the one last opened on this
 * computer (its audit log shorter, or not continuing the one seen here),
 * what to tell the user; NULL otherwise (vigil-vault-seen.c). */
const char *vigil_vault_get_older_copy_warning (VigilVault    *self);
/* When the key slots in the file's header were not the vault's own and
 * were written again from its record (vigil-vault-header.h), what to tell
 * the user; NULL otherwise. */
const char *vigil_vault_get_slots_warning (VigilVault        *self);
/* Wipes every key and closes the file; every later call fails with
 * VIGIL_ERROR_LOCKED. */
void        vigil_vault_lock              (VigilVault          *self);

gboolean    vigil_vault_change_passphrase (VigilVault          *self,
                                           const char          *old_passphrase,
                                           const char          *new_passphrase,
                                           GError             **error);
gboolean    vigil_vault_add_slot          (VigilVault          *self,
                                           const char          *label,
                                           const char          *passphrase,
                                           VigilKdfLevel        level,
                                           gint64              *out_slot_id,
                                           GError             **error);
/* Refuses to remove the last slot. */
gboolean    vigil_vault_remove_slot       (VigilVault          *self,
                                           gint64               slot_id,
                                           GError             **error);
/* Element type VigilKeySlotInfo. */
GPtrArray  *vigil_vault_list_slots        (VigilVault          *self,
                                           GError             **error);

/* Seals @plaintext (any bytes, @length of them) for the place @ref names. */
GBytes     *vigil_vault_seal              (VigilVault          *self,
                                           const VigilSealRef  *ref,
                                           const void          *plaintext,
                                           gsize                length,
                                           GError             **error);
/* Opens a value sealed by vigil_vault_seal() for the same @ref. Fails with
 * VIGIL_ERROR_TAMPERED when it does not authenticate and
 * VIGIL_ERROR_ERASED when the owner's key was destroyed. The result is
 * NUL-terminated after its length. */
GBytes     *vigil_vault_unseal            (VigilVault          *self,
                                           const VigilSealRef  *ref,
                                           GBytes              *sealed,
                                           GError             **error);
/* Convenience for text fields; NULL @text seals nothing and returns NULL. */
GBytes     *vigil_vault_seal_text         (VigilVault          *self,
                                           const VigilSealRef  *ref,
                                           const char          *text,
                                           GError             **error);
char       *vigil_vault_unseal_text       (VigilVault          *self,
                                           const VigilSealRef  *ref,
                                           GBytes              *sealed,
                                           GError             **error);

/* Destroys the owner's data key inside the caller's transaction. After the
 * transaction commits, call vigil_vault_purge() so no copy of the key bytes
 * survives in the file or its WAL. */
gboolean    vigil_vault_destroy_data_key  (VigilVault          *self,
                                           VigilKeyOwner        owner,
                                           const char          *owner_id,
                                           GError             **error);
/* Checkpoints and truncates the WAL and vacuums freed pages away.
 * VIGIL_ERROR_BUSY when another program's open transaction keeps the file
 * from being rewritten: the erase then stands, its old copies remain in
 * the file, and the next open finishes the purge. */
gboolean    vigil_vault_purge             (VigilVault          *self,
                                           GError             **error);
/* Whether a data key was destroyed and the purge that removes its old
 * copies from the file has not finished yet. */
gboolean    vigil_vault_get_shred_pending (VigilVault          *self);

G_END_DECLS
