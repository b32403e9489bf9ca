/* vigil-cli-attach.c: `vigil-cli attach`
 *
 * Attaches a PDF to a compensation claim, sealed in the vault under the
 * claimant's key. The file is checked before the passphrase is asked for,
 * so a refused file costs no unlock; it is mapped, never copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-store-evidence.h"

#define COMMAND "attach"

static GBytes *
read_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (VigilPdf) pdf = NULL;

  if (mapped == NULL)
    {
      vigil_cli_error (COMMAND, "%s", error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  pdf = vigil_pdf_open (bytes, &error);
  if (pdf == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      vigil_cli_error (COMMAND, "%s: %s", name, error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

int
vigil_cli_attach (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *reference = NULL;
  g_autofree char *court = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *item_id = NULL;
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The court reference of the case"),
      N_("REF") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court, when cases of several courts share the reference"), N_("COURT") },
    { "claimant", 0, 0, G_OPTION_ARG_STRING, &pseudonym,
      N_("The claimant’s pseudonym, like V-01"), N_("PSEUDONYM") },
    { "claim", 0, 0, G_OPTION_ARG_STRING, &claim_id,
      N_("The claim, when the claimant has several"), N_("ID") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item_id,
      N_("The head of damage of the claim the document supports"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The name to keep it under (default: the file’s name)"), N_("NAME") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    COMMAND, _("FILE.pdf"),
    _("Attach a PDF (a judgment, a medical report, payslips) to a compensation claim. It is "
      "kept inside the vault, sealed under the claimant’s key, and erased with them; its "
      "text is kept, sealed, for search. Password-protected, damaged or empty files, files "
      "that are not PDFs and files over 64 MiB are refused."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) claimant = NULL;
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;

  if (!vigil_cli_parse (context, COMMAND, &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc < 2)
    return vigil_cli_usage_error (COMMAND, _("Name the PDF to attach"));
  if (argc > 2)
    return vigil_cli_usage_error (COMMAND, _("Unexpected argument “%s”"), argv[2]);
  if (reference == NULL || pseudonym == NULL)
    return vigil_cli_usage_error (COMMAND,
                                  _("Name the claim by --case REF and --claimant V-01"));

  pdf = read_pdf (argv[1]);
  if (pdf == NULL)
    return VIGIL_CLI_FAILURE;
  if (title == NULL)
    {
      g_autofree char *base = g_path_get_basename (argv[1]);

      title = g_filename_display_name (base);
    }

  opened = vigil_cli_open_vault (&vault, COMMAND);
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  kase = vigil_cli_find_case (store, COMMAND, reference, court);
  if (kase != NULL)
    claimant = vigil_cli_find_person (store, COMMAND, kase, pseudonym);
  if (claimant != NULL)
    claim = vigil_cli_find_claim (store, COMMAND, kase, claimant, claim_id);
  if (claim == NULL)
    {
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  doc = vigil_store_attach_evidence (store, claim, item_id, title, pdf, &error);
  vigil_vault_lock (opened);
  if (doc == NULL)
    {
      vigil_cli_print_error (COMMAND, path, error);
      return VIGIL_CLI_FAILURE;
    }
  size = g_format_size (doc->size_bytes);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Attached “%s” (%u page, %s) to the claim of %s in case “%s”: %s\n",
                        "Attached “%s” (%u pages, %s) to the claim of %s in case “%s”: %s\n",
                        doc->page_count),
           title, doc->page_count, size, pseudonym, reference, doc->id);
  return VIGIL_CLI_OK;
}
