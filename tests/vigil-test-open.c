/* vigil-test-open.c: opens one vault and says what it found, for damage tests
 *
 *   vigil-test-open VAULT EXPECTED... < passphrase
 *
 * Opens VAULT with the passphrase on the first line of standard input,
 * reads every record back (vigil-test-export.h) and prints one line:
 *
 *   intact N              the records are exactly those of the Nth EXPECTED file
 *   different             the vault opened and read, but its records are
 *                         none of the EXPECTED ones: silent wrong data
 *   refused CODE MESSAGE  the open failed with VIGIL_ERROR code CODE
 *   unreadable CODE MESSAGE  the open worked, reading failed with CODE
 *   foreign DOMAIN CODE MESSAGE  an error outside VIGIL_ERROR
 *
 * It runs in its own process so a crash is seen by the test as a signal,
 * not as the end of the test program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-test-export.h"

static void
print_error (const char *what, const GError *error)
{
  g_autofree char *message = g_strdelimit (g_strdup (error->message), "\n", ' ');

  if (error->domain == VIGIL_ERROR)
    printf ("%s %d %s\n", what, error->code, message);
  else
    printf ("foreign %s %d %s\n", g_quark_to_string (error->domain), error->code, message);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autofree char *text = NULL;
  char passphrase[256];

  if (argc < 3 || fgets (passphrase, sizeof passphrase, stdin) == NULL)
    {
      fprintf (stderr, "usage: vigil-test-open VAULT EXPECTED... < passphrase\n");
      return 2;
    }
  passphrase[strcspn (passphrase, "\n")] = '\0';

  vault = vigil_vault_open (argv[1], passphrase, &error);
  if (vault == NULL)
    {
      print_error ("refused", error);
      return 0;
    }
  store = vigil_store_new (vault);
  text = vigil_test_export_text (store, &error);
  if (text == NULL)
    {
      print_error ("unreadable", error);
      return 0;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *expected = NULL;

      if (!g_file_get_contents (argv[i], &expected, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      if (g_str_equal (text, expected))
        {
          printf ("intact %d\n", i - 2);
          return 0;
        }
    }
  /* For a person looking into a failure: what was read instead. */
  if (g_getenv ("VIGIL_TEST_OPEN_DUMP") != NULL)
    g_file_set_contents (g_getenv ("VIGIL_TEST_OPEN_DUMP"), text, -1, NULL);
  printf ("different\n");
  return 0;
}
