/* fuzz-import.c: libFuzzer target for the interchange format's reader
 *
 * Reads and validates the input as an interchange document, the path every
 * imported file takes before anything touches a vault. Any GLib warning or
 * critical is a finding too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz-log.h"
#include "vigil-error.h"
#include "vigil-interchange.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_log_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) document = NULL;

  document = vigil_interchange_load_data ((const char *) data, (gssize) size, &problems, &error);
  if (document != NULL)
    {
      const VigilInterchangeCounts *counts = vigil_interchange_get_counts (document);

      if (counts == NULL || error != NULL)
        __builtin_trap ();
      return 0;
    }
  /* A refusal is always VIGIL_ERROR_IMPORT with every problem listed. */
  if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT) || problems == NULL
      || problems->len == 0)
    __builtin_trap ();
  return 0;
}
