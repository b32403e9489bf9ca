/* fuzz-vault-open.c: libFuzzer target for opening a vault file
 *
 * Writes the input to a file and opens it as a vault with a fixed
 * passphrase; when it opens, checks it and reads every record back. The
 * fuzzing build (meson -Dfuzzing=true) lets slots use the cheapest key
 * derivation and writes page checksums without checking them, so mutated
 * pages reach SQLite, the key slots and the audit chain. The seed in
 * corpus/vault-open was made by that build (vigil-cli demo --init --kdf
 * interactive --cases 1, passphrase "fuzz"), then rewritten with 1024-byte
 * pages to keep it small; it is named .vault because .gitignore hides
 * *.vigil.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz-log.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store.h"

#define PASSPHRASE "fuzz"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *path;

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
clean_up (void)
{
  remove_files ();
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

  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  vault = vigil_vault_open (path, PASSPHRASE, &error);
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
