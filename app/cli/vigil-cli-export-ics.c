/* vigil-cli-export-ics.c: `vigil-cli export-ics --from DATE --to DATE --out FILE.ics`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-ics.h"
#include "vigil-protection-load.h"
#include "vigil-store.h"

int
vigil_cli_export_ics (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *from_text = NULL, *to_text = NULL, *out = NULL;
  gboolean with_places = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day (YYYY-MM-DD)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day (YYYY-MM-DD)"), N_("DATE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the calendar to FILE"), N_("FILE") },
    { "with-places", 0, 0, G_OPTION_ARG_NONE, &with_places,
      N_("Include courts, rooms, case references, who is responsible and the details of each "
         "measure"),
      NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    "export-ics", "",
    _("Write the hearings of some days and the protection measures around them to an "
      "iCalendar file, for those who carry them out. Without --with-places it names pseudonyms "
      "and kinds of measures only. Exporting again updates the same events."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  g_autofree char *path = NULL;
  guint events = 0;

  if (!vigil_cli_parse (context, "export-ics", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("export-ics",
                                  _("Unexpected argument “%s”; name the file with --out"),
                                  argv[1]);
  if (out == NULL)
    return vigil_cli_usage_error ("export-ics", _("Name the file to write with --out FILE.ics"));
  if (!vigil_cli_parse_days (from_text, to_text, &from, &to, "export-ics"))
    return VIGIL_CLI_USAGE;

  opened = vigil_cli_open_vault (&vault, "export-ics");
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  cases = vigil_protection_load_span (store, from, to, &error);
  if (cases == NULL)
    {
      vigil_cli_print_error ("export-ics", path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  if (with_places)
    vigil_cli_error ("export-ics",
                     _("warning: %s will say where and when victim-witnesses are escorted and "
                       "protected, and by whom. Give it only to those who carry the measures "
                       "out, keep it off shared calendars, and delete it when done."),
                     out);
  if (!vigil_ics_write_file ((VigilProtectionCaseData **) cases->pdata, cases->len, from, to,
                             with_places ? VIGIL_ICS_WITH_PLACES : VIGIL_ICS_DEFAULT, out,
                             &events, &error))
    {
      vigil_cli_print_error ("export-ics", path, error);
      g_clear_pointer (&cases, g_ptr_array_unref);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  g_clear_pointer (&cases, g_ptr_array_unref);
  vigil_vault_lock (opened);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u event to %s.\n", "Wrote %u events to %s.\n",
                        events),
           events, out);
  return VIGIL_CLI_OK;
}
