/* fuzz-vault-open.c: libFuzzer target for opening a vault file
 *
 * Writes the input to a file and opens it as a vault with a fixed
 * passphrase; when it opens, checks it and reads every record back. The
 * fuzzing build (meson -Dfuzzing=true) lets slots use the cheapest key
 * derivation and writes page checksums without checking them. An input is
 * one of two kinds:
 *
 * - A vault of the earlier format (plain SQLite pages): its first unlock
 *   moves it to the encrypted format, so this fuzzes that migration. Seed
 *   corpus/vault-open/demo-1-case.vault, made by that build (vigil-cli demo
 *   --init --kdf interactive --cases 1, passphrase "fuzz") before vaults
 *   were encrypted, then rewritten with 1024-byte pages to keep it small.
 * - An input that starts with the encrypted format's header ("VIGILVLT")
 *   holds its pages in CLEAR: this target unwraps a key slot of its header
 *   with "fuzz fuzz fuzz" (a new passphrase needs 12 characters), derives
 *   the page key, and seals each whole 4096-byte page after the header
 *   (page n at 8192 + (n-1) * 4096) before the open, so mutations get past the encryption to SQLite, the slots table and the
 *   audit chain (a mutated header reaches the open as it is). No WAL. Seed
 *   corpus/vault-open/encrypted-1-case.vault, made by the fuzzing build
 *   (whose "interactive" derivation is the cheapest):
 *
 *     echo "fuzz fuzz fuzz" > P
 *     build-fuzz/app/cli/vigil-cli demo --vault V --passphrase-file P \
 *       --init --kdf interactive --cases 1
 *     build-fuzz/tests/fuzz/fuzz-vault-plain V encrypted-1-case.vault < P
 *
 *   fuzz-vault-plain (beside this file) writes the header and each page
 *   opened (its 40 bytes of nonce and tag zeroed).
 *
 * Seeds are named .vault because .gitignore hides *.vigil. What the open
 * keeps of the vaults it saw goes to a state folder of the run's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-log.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-page-cipher.h"
#include "vigil-store.h"
#include "vigil-vault-header.h"
#include "vigil-vault-internal.h"

/* The earlier format's seed was locked with "fuzz", from before new
 * passphrases needed VIGIL_PASSPHRASE_MIN_CHARS characters; the encrypted
 * seed, made since, with this one. */
#define PASSPHRASE           "fuzz"
#define ENCRYPTED_PASSPHRASE "fuzz fuzz fuzz"
/* How an input of the encrypted format starts (vigil-vault-header.c). */
#define ENCRYPTED_MAGIC      "VIGILVLT"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *path;
static char *state;

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".encrypting",
                                            ".encrypting-wal", ".encrypting-shm",
                                            ".encrypting-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
remove_tree (const char *folder)
{
  g_autoptr (GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  if (listing != NULL)
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *child = g_build_filename (folder, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (folder);
}

/* Writes @data to the vault's path, each whole page after the header
 * sealed under the page key ENCRYPTED_PASSPHRASE unwraps from the header
 * (already written there). When no slot opens, the input goes to the
 * open as it is. */
static void
write_sealed (const uint8_t *data, size_t size)
{
  g_autofree guint8 *sealed = g_memdup2 (data, size);
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  guint8 page_key[VIGIL_PAGE_KEY_BYTES];
  guint8 *master_key;
  gint64 slot_id;
  guint32 pgno = 1;

  if (!vigil_vault_header_read (path, &kind, &header, NULL) || kind != VIGIL_VAULT_FILE_ENCRYPTED)
    return;
  master_key = vigil_vault_unwrap_header (&header, ENCRYPTED_PASSPHRASE, &slot_id, NULL);
  if (master_key == NULL)
    return;
  vigil_page_key_derive (master_key, page_key);
  sodium_free (master_key);
  for (size_t offset = VIGIL_PAGE_FILE_OFFSET; offset + VIGIL_PAGE_SIZE <= size;
       offset += VIGIL_PAGE_SIZE)
    vigil_page_seal (page_key, pgno++, NULL, 0, sealed + offset, sealed + offset);
  sodium_memzero (page_key, sizeof page_key);
  if (!g_file_set_contents (path, (const char *) sealed, (gssize) size, NULL))
    abort ();
}

static void
clean_up (void)
{
  remove_files ();
  remove_tree (state);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_log_install ();
  dir = g_dir_make_tmp ("vigil-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.vigil", NULL);
  /* Each vault that opens leaves a file of what was seen of it: those of
   * mutated vaults go to the run's folder, not the user's, and are removed
   * before each input, so no input's open depends on the one before. */
  state = g_build_filename (dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  atexit (clean_up);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  g_autoptr (JsonNode) export = NULL;
  gboolean encrypted = size >= strlen (ENCRYPTED_MAGIC)
                       && memcmp (data, ENCRYPTED_MAGIC, strlen (ENCRYPTED_MAGIC)) == 0;

  remove_files ();
  remove_tree (state);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  if (encrypted)
    write_sealed (data, size);
  vault = vigil_vault_open (path, encrypted ? ENCRYPTED_PASSPHRASE : PASSPHRASE, &error);
  if (vault == NULL)
    {
      /* Refused, always with a Vigil error. */
      if (error == NULL || error->domain != VIGIL_ERROR)
        __builtin_trap ();
      return 0;
    }
  store = vigil_store_new (vault);
  report = vigil_store_check (store, NULL);
  export = vigil_interchange_export_node (store, VIGIL_EXPORT_IDENTITIES, NULL, NULL);
  vigil_vault_lock (vault);
  return 0;
}
