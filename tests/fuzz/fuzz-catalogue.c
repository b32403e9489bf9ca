/* fuzz-catalogue.c: libFuzzer target for the standards catalogue parser
 *
 * Parses the input as catalogue data (the format of resources/standards.ini)
 * and, when it loads, searches it and lists each category and the
 * standards that apply to a few kinds of hearing. Any GLib warning or
 * critical is a finding too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz-log.h"
#include "vigil-catalogue.h"
#include "vigil-error.h"

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
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (VigilCatalogue) catalogue = vigil_catalogue_new_from_bytes (bytes, &error);
  g_autoptr (GListModel) found = NULL;
  guint n;

  if (catalogue == NULL)
    {
      /* Refused, always as invalid data with a message. */
      if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_INVALID))
        __builtin_trap ();
      return 0;
    }
  if (vigil_catalogue_get_version (catalogue) == NULL)
    __builtin_trap ();
  n = g_list_model_get_n_items (G_LIST_MODEL (catalogue));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), i);

      if (vigil_catalogue_lookup (catalogue, vigil_standard_get_id (standard)) == NULL)
        __builtin_trap ();
    }
  found = vigil_catalogue_search (catalogue, "victim interpreter");
  return 0;
}
