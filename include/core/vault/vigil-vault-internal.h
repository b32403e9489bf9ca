/* vigil-vault-internal.h: the vault's instance and the pieces its files share
 *
 * Only app/core/vault/vigil-vault*.c include this: the master key never leaves
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "vigil-db-cache.h"
#include "vigil-vault-header.h"
#include "vigil-vault-private.h"

G_BEGIN_DECLS

typedef struct _VigilCheckpointer VigilCheckpointer;

struct _VigilVault
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  guint8     *master_key; /* sodium_malloc, crypto_aead_xchacha20poly1305_ietf_KEYBYTES */
  guint8     *audit_key;  /* sodium_malloc, VIGIL_AUDIT_KEY_BYTES */
  GHashTable *data_keys;  /* "kind:id" -> sodium_malloc'd key */
  char       *actor;      /* @monitor, or else @label */
  gint64      slot_id;    /* the key slot that unlocked the vault */
  char       *label;      /* that slot's label */
  char       *monitor;    /* the name kept with that slot; NULL: not given yet */
  int         txn_depth;
  gboolean    locked;
  gint64      kdf_usec;   /* how long the unlock's key derivation took */
  VigilCheckpointer *checkpointer; /* WAL checkpoints off the writer's path */
  VigilDbCache *statements;        /* the hot paths' statements on @db */
  char       *older_copy;          /* why this vault is not the one last seen here */
  gboolean    page_key_set;        /* its page key is registered for @path */
  char       *slots_warning;       /* the header's key slots were not the vault's own */
};

void      vigil_vault_ensure_sodium    (void);
void      vigil_vault_secure_memory_hold (void);
gboolean  vigil_vault_apply_pragmas    (sqlite3        *db,
                                        GError        **error);
gboolean  vigil_vault_query_int        (sqlite3        *db,
                                        const char     *sql,
                                        int            *out,
                                        GError        **error);
/* The owner's data key (owned by the vault's cache, wiped on lock); created
 * when @create and the owner has none; VIGIL_ERROR_ERASED when it was
 * destroyed. For the sealing files of the vault. */
const guint8 *vigil_vault_get_data_key (VigilVault   *self,
                                        VigilKeyOwner owner,
                                        const char   *owner_id,
                                        gboolean      create,
                                        GError      **error);
/* Argon2id parameters of a level. */
void      vigil_kdf_level_params       (VigilKdfLevel   level,
                                        guint64        *opslimit,
                                        gsize          *memlimit);

/* Checks the format number in the meta table. */
gboolean  vigil_vault_check_format     (sqlite3        *db,
                                        GError        **error);
/* Wraps @master_key under @passphrase into slot @slot_id (-1: a new slot). */
gboolean  vigil_vault_write_slot       (sqlite3        *db,
                                        gint64          slot_id,
                                        const char     *label,
                                        const char     *passphrase,
                                        guint64         opslimit,
                                        gsize           memlimit,
                                        const guint8   *master_key,
                                        GError        **error);
/* Tries every slot; the master key (sodium_malloc) of the first that
 * opens, with that slot's id and label. */
guint8   *vigil_vault_unwrap_any_slot  (sqlite3        *db,
                                        const char     *passphrase,
                                        gint64         *out_slot_id,
                                        char          **out_label,
                                        GError        **error);
/* The monitor's name kept with slot @slot_id, or NULL; after the schema
 * has the column. */
/* The master key from the first slot of @header that @passphrase opens. */
guint8   *vigil_vault_unwrap_header    (const VigilVaultHeader *header,
                                        const char     *passphrase,
                                        gint64         *out_slot_id,
                                        GError        **error);
/* The key slots of the vault's own table, as the header holds them. */
gboolean  vigil_vault_header_from_table (sqlite3       *db,
                                         VigilVaultHeader *out,
                                         GError       **error);
/* Sets @slot's own checksum from its other fields, as a slot is written
 * (for tests that alter a slot as an attacker who knows the format). */
void      vigil_vault_header_slot_set_checksum (VigilHeaderSlot *slot);
gboolean  vigil_vault_read_slot_label  (sqlite3        *db,
                                        gint64          slot_id,
                                        char          **out_label,
                                        GError        **error);
/* Moves the vault of the earlier format at @path to the encrypted format:
 * a new file beside it, checked, then renamed over it. */
gboolean  vigil_vault_migrate          (const char     *path,
                                        const guint8   *master_key,
                                        GError        **error);
gboolean  vigil_vault_read_slot_monitor (sqlite3       *db,
                                         gint64         slot_id,
                                         char         **out_monitor,
                                         GError       **error);

/* Takes over @db's WAL checkpoints (see vigil-vault-checkpoint.c); NULL
 * leaves them to SQLite. */
VigilCheckpointer *vigil_checkpointer_start   (sqlite3           *db,
                                               const char        *path);
/* Waits for a checkpoint under way and ends the thread; before @db closes. */
void               vigil_checkpointer_stop    (VigilCheckpointer *self,
                                               sqlite3           *db);
/* While held, no checkpoint runs (another checkpoint, VACUUM). */
void               vigil_checkpointer_hold    (VigilCheckpointer *self);
void               vigil_checkpointer_release (VigilCheckpointer *self);

/* vigil-vault-seen.c: a warning when the vault's audit log is shorter
 * than, or does not continue, the one this computer last saw; NULL when it
 * does, or when nothing was seen here before. */
char     *vigil_vault_compare_seen     (VigilVault     *self);
/* Keeps the log's head as this computer's last sight of the vault. */
void      vigil_vault_remember_seen    (VigilVault     *self);

G_END_DECLS
