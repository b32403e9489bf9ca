/* vigil-test-writer.c: a stream of durable writes, for crash tests
 *
 * Opens the vault named on the command line with the passphrase on the
 * first line of standard input, then saves hearings to one case as fast as
 * it can. After each save returns, it prints "ack <hearing id>": a line
 * printed is a write Vigil acknowledged, which must survive a kill -9.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-store.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (GDateTime) start = NULL;
  char passphrase[256];
  guint limit;

  if (argc != 3 || fgets (passphrase, sizeof passphrase, stdin) == NULL)
    {
      fprintf (stderr, "usage: vigil-test-writer VAULT COUNT < passphrase\n");
      return 2;
    }
  passphrase[strcspn (passphrase, "\n")] = '\0';
  limit = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  vault = vigil_vault_open (argv[1], passphrase, &error);
  if (vault == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  store = vigil_store_new (vault);
  kase = vigil_case_new ();
  vigil_case_set_reference (kase, "K 1/2026");
  vigil_case_set_court (kase, "Crash Test Court");
  if (!vigil_store_save_case (store, kase, &error))
    {
      fprintf (stderr, "case: %s\n", error->message);
      return 1;
    }
  printf ("case %s\n", vigil_case_get_id (kase));
  fflush (stdout);

  start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  for (guint i = 0; i < limit; i++)
    {
      g_autoptr (VigilHearing) hearing = vigil_hearing_new (vigil_case_get_id (kase));
      g_autoptr (GDateTime) at = g_date_time_add_minutes (start, (int) i);
      g_autofree char *notes = g_strdup_printf ("entry %u", i);

      vigil_hearing_set_starts_at (hearing, at);
      vigil_hearing_set_notes (hearing, notes);
      if (!vigil_store_save_hearing (store, hearing, &error))
        {
          fprintf (stderr, "hearing %u: %s\n", i, error->message);
          return 1;
        }
      printf ("ack %s\n", vigil_hearing_get_id (hearing));
      fflush (stdout);
    }
  return 0;
}
