/* vigil-cli-evidence.c: `vigil-cli evidence`
 *
 * Lists the documents attached to the claims of a case, and finds those
 * whose text holds every word searched for. Names of documents are sealed
 * in the vault; they are shown to whoever has the passphrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-store-claims.h"
#include "vigil-store-evidence.h"

#define COMMAND "evidence"

/* Tabs and line breaks in a name would break a TSV line. */
static char *
tsv_field (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : ""), "\t\n\r", ' ');
}

static void
print_document (VigilEvidenceData *doc, const char *pseudonym, gboolean tsv)
{
  g_autofree char *title = tsv_field (doc->title);
  g_autofree char *size = g_format_size (doc->size_bytes);
  g_autofree char *when = doc->created_at != NULL
                            ? g_date_time_format (doc->created_at, "%Y-%m-%d")
                            : g_strdup ("");

  if (tsv)
    g_print ("%s\t%s\t%s\t%s\t%u\t%" G_GINT64_FORMAT "\t%s\t%s\n", doc->id, pseudonym,
             doc->claim_id, doc->claim_item_id != NULL ? doc->claim_item_id : "",
             doc->page_count, doc->size_bytes, when, title);
  else
    g_print ("%-6s %-36s %5u %10s  %s  %s\n", pseudonym, doc->id, doc->page_count, size, when,
             title);
}

int
vigil_cli_evidence (int argc, char **argv)
{
  g_auto (VigilCliVaultOptions) vault = { 0 };
  g_autofree char *reference = NULL;
  g_autofree char *court = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *query = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The court reference of the case"),
      N_("REF") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court, when cases of several courts share the reference"), N_("COURT") },
    { "claimant", 0, 0, G_OPTION_ARG_STRING, &pseudonym,
      N_("Only the documents of this claimant, like V-01"), N_("PSEUDONYM") },
    { "claim", 0, 0, G_OPTION_ARG_STRING, &claim_id, N_("Only the documents of this claim"),
      N_("ID") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &query,
      N_("Only the documents whose text holds every word of TEXT"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("table (default) or tsv: id, claimant, claim, head of damage, pages, bytes, "
         "attached, name"),
      N_("FORMAT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = vigil_cli_context_new (
    COMMAND, "",
    _("List the documents attached to the compensation claims of a case, or search their "
      "text."),
    entries, &vault);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) opened = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) only = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GHashTable) pseudonyms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = NULL;
  gboolean tsv;
  guint shown = 0;

  if (!vigil_cli_parse (context, COMMAND, &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error (COMMAND, _("Unexpected argument “%s”"), argv[1]);
  if (reference == NULL)
    return vigil_cli_usage_error (COMMAND, _("Name the case with --case REF"));
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "tsv"))
    return vigil_cli_usage_error (COMMAND, _("--format is “table” or “tsv”, not “%s”"), format);
  tsv = format != NULL && g_str_equal (format, "tsv");

  opened = vigil_cli_open_vault (&vault, COMMAND);
  if (opened == NULL)
    return VIGIL_CLI_FAILURE;
  path = vigil_cli_vault_path (&vault);
  store = vigil_store_new (opened);
  kase = vigil_cli_find_case (store, COMMAND, reference, court);
  if (kase != NULL && pseudonym != NULL)
    only = vigil_cli_find_person (store, COMMAND, kase, pseudonym);
  if (kase == NULL || (pseudonym != NULL && only == NULL))
    {
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  claims = vigil_store_list_claims (store, vigil_case_get_id (kase), &error);
  if (claims != NULL)
    persons = vigil_store_list_persons (store, vigil_case_get_id (kase), &error);
  if (persons != NULL && query != NULL)
    found = vigil_store_search_evidence (store, vigil_case_get_id (kase), query, &error);
  if (persons == NULL || (query != NULL && found == NULL))
    {
      vigil_cli_print_error (COMMAND, path, error);
      vigil_vault_lock (opened);
      return VIGIL_CLI_FAILURE;
    }
  for (guint i = 0; i < persons->len; i++)
    g_hash_table_insert (pseudonyms, (gpointer) vigil_person_get_id (persons->pdata[i]),
                         (gpointer) vigil_person_get_pseudonym (persons->pdata[i]));

  if (tsv)
    g_print ("id\tclaimant\tclaim\titem\tpages\tbytes\tattached\tname\n");
  else
    g_print ("%-6s %-36s %5s %10s  %-10s  %s\n", _("Claimant"), _("Document"), _("Pages"),
             _("Size"), _("Attached"), _("Name"));
  for (guint i = 0; i < claims->len; i++)
    {
      VigilClaimData *claim = g_ptr_array_index (claims, i);
      g_autoptr (GPtrArray) docs = NULL;

      if ((only != NULL && !g_str_equal (claim->claimant_id, vigil_person_get_id (only)))
          || (claim_id != NULL && !g_str_equal (claim->id, claim_id)))
        continue;
      docs = vigil_store_list_evidence (store, claim->id, &error);
      if (docs == NULL)
        {
          vigil_cli_print_error (COMMAND, path, error);
          vigil_vault_lock (opened);
          return VIGIL_CLI_FAILURE;
        }
      for (guint j = 0; j < docs->len; j++)
        {
          VigilEvidenceData *doc = g_ptr_array_index (docs, j);
          gboolean match = found == NULL;

          for (guint k = 0; !match && k < found->len; k++)
            match = g_str_equal (((VigilEvidenceData *) found->pdata[k])->id, doc->id);
          if (!match)
            continue;
          print_document (doc, g_hash_table_lookup (pseudonyms, claim->claimant_id), tsv);
          shown++;
        }
    }
  vigil_vault_lock (opened);
  if (shown == 0 && !tsv)
    g_print ("%s\n", query != NULL ? _("No document holds those words.")
                                   : _("No document is attached to these claims."));
  return VIGIL_CLI_OK;
}
