/* fuzz-vault-plain.c: an encrypted vault with its pages in clear, as
 * fuzz-vault-open takes one
 *
 *   fuzz-vault-plain VAULT OUT < passphrase
 *
 * Writes to OUT the key-slot header of VAULT as it is, then each of its
 * pages opened with the page key the passphrase (the first line of
 * standard input) unwraps, the 40 bytes of nonce and tag zeroed. The vault
 * must have no WAL (a vault locked by Vigil has none), and every page must
 * open: a seed missing a page would fuzz a damaged vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-page-cipher.h"
#include "vigil-vault-private.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pages = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autofree char *wal = NULL;
  g_autofree char *file = NULL;
  char passphrase[256];
  gsize len = 0;

  if (argc != 3 || fgets (passphrase, sizeof passphrase, stdin) == NULL)
    {
      fprintf (stderr, "usage: fuzz-vault-plain VAULT OUT < passphrase\n");
      return 2;
    }
  passphrase[strcspn (passphrase, "\r\n")] = '\0';
  wal = g_strconcat (argv[1], "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s has a WAL: lock the vault first\n", argv[1]);
      return 1;
    }
  if (!g_file_get_contents (argv[1], &file, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  pages = vigil_vault_read_clear_pages (argv[1], passphrase, &error);
  if (pages == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (len < VIGIL_PAGE_FILE_OFFSET || memcmp (file, "VIGILVLT", 8) != 0
      || g_bytes_get_size (pages) != len - VIGIL_PAGE_FILE_OFFSET)
    {
      fprintf (stderr, "%s is not an encrypted vault whose every page opens\n", argv[1]);
      return 1;
    }
  g_byte_array_append (out, (const guint8 *) file, VIGIL_PAGE_FILE_OFFSET);
  g_byte_array_append (out, g_bytes_get_data (pages, NULL), (guint) g_bytes_get_size (pages));
  if (!g_file_set_contents (argv[2], (const char *) out->data, out->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
