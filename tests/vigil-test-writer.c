/* vigil-test-writer.c: a stream of durable writes, for crash tests
 *
 * Opens the vault named on the command line with the passphrase on the
 * first line of standard input, then saves hearings to one case as fast as
 * it can. After each save returns, it prints "ack <hearing id>": a line
 * printed is a write Vigil acknowledged, which must survive a kill -9.
 *
 * With "notes" as a third argument it writes as the live hearing mode does
 * instead: one hearing, then timestamped notes ("entry N") and statuses on
 * its standards, printing "ack <note id>" after each note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-store-observation-notes.h"
#include "vigil-store.h"

/* The error as the crash tests read it: its domain and code, then the
 * message a person would see. */
static int
fail (const char *what, const GError *error)
{
  fprintf (stderr, "%s: [%s %d] %s\n", what, g_quark_to_string (error->domain), error->code,
           error->message);
  return 1;
}

/* The live hearing mode's stream of entries. */
static int
write_notes (VigilStore *store, VigilCase *kase, guint limit)
{
  static const char * const standards[] = {
    "separate-waiting-room", "interpreter-provided", "no-direct-confrontation",
    "identity-not-disclosed",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilHearing) hearing = vigil_hearing_new (vigil_case_get_id (kase));
  g_autoptr (GDateTime) start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();

  vigil_hearing_set_starts_at (hearing, start);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  if (!vigil_store_save_hearing (store, hearing, &error))
    {
      return fail ("hearing", error);
    }
  printf ("hearing %s\n", vigil_hearing_get_id (hearing));
  fflush (stdout);
  for (guint i = 0; i < limit; i++)
    {
      const char *standard = standards[i % G_N_ELEMENTS (standards)];
      g_autofree char *text = g_strdup_printf ("entry %u", i);
      g_autoptr (GDateTime) at = g_date_time_add_seconds (start, i);
      g_autofree char *note_id = NULL;
      g_autofree char *observation_id = NULL;

      if (i % 3 == 0)
        {
          observation_id = vigil_store_set_observation_status (
            store, catalogue, vigil_hearing_get_id (hearing), standard,
            i % 2 ? VIGIL_OBSERVATION_STATUS_RESPECTED : VIGIL_OBSERVATION_STATUS_NOT_RESPECTED,
            i % 2 ? NULL : "serious", &error);
          if (observation_id == NULL)
            {
              g_autofree char *what = g_strdup_printf ("status %u", i);

              return fail (what, error);
            }
        }
      note_id = vigil_store_append_observation_note (store, catalogue,
                                                     vigil_hearing_get_id (hearing), standard, at,
                                                     text, &error);
      if (note_id == NULL)
        {
          g_autofree char *what = g_strdup_printf ("note %u", i);

          return fail (what, error);
        }
      printf ("ack %s %s\n", note_id, text);
      fflush (stdout);
    }
  return 0;
}

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

  if (argc < 3 || argc > 4 || (argc == 4 && strcmp (argv[3], "notes") != 0)
      || fgets (passphrase, sizeof passphrase, stdin) == NULL)
    {
      fprintf (stderr, "usage: vigil-test-writer VAULT COUNT [notes] < passphrase\n");
      return 2;
    }
  passphrase[strcspn (passphrase, "\n")] = '\0';
  limit = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  vault = vigil_vault_open (argv[1], passphrase, &error);
  if (vault == NULL)
    {
      return fail ("open", error);
    }
  store = vigil_store_new (vault);
  kase = vigil_case_new ();
  vigil_case_set_reference (kase, "K 1/2026");
  vigil_case_set_court (kase, "Crash Test Court");
  if (!vigil_store_save_case (store, kase, &error))
    {
      return fail ("case", error);
    }
  printf ("case %s\n", vigil_case_get_id (kase));
  fflush (stdout);
  if (argc == 4)
    return write_notes (store, kase, limit);

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
          g_autofree char *what = g_strdup_printf ("hearing %u", i);

          return fail (what, error);
        }
      printf ("ack %s\n", vigil_hearing_get_id (hearing));
      fflush (stdout);
    }
  return 0;
}
