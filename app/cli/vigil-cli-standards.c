/* vigil-cli-standards.c: `vigil-cli standards`
 *
 * Lists the standards catalogue Vigil ships: what a monitor checks, and
 * where each standard comes from. Needs no vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-catalogue.h"
#include "vigil-cli-common.h"

static void
print_tsv (VigilCatalogue *catalogue, VigilStandard *standard)
{
  g_autoptr (GString) sources = g_string_new (NULL);

  for (guint i = 0; i < vigil_standard_get_n_sources (standard); i++)
    {
      const VigilStandardSource *source = vigil_standard_get_source (standard, i);

      g_string_append_printf (sources, "%s%s|%s", i > 0 ? ";" : "", source->document,
                              source->section);
    }
  g_print ("%s\t%s\t%s\t%s\n", vigil_standard_get_id (standard),
           vigil_standard_get_category (standard), vigil_standard_get_title (standard),
           sources->str);
}

static void
print_entry (VigilCatalogue *catalogue, VigilStandard *standard)
{
  g_print ("%-36s %s\n", vigil_standard_get_id (standard), vigil_standard_get_title (standard));
  g_print ("  %s %s\n", _("category:"), vigil_standard_get_category (standard));
  for (guint i = 0; i < vigil_standard_get_n_sources (standard); i++)
    {
      g_autofree char *described =
        vigil_catalogue_describe_source (catalogue, vigil_standard_get_source (standard, i));

      g_print ("  %s %s\n", _("source:"), described);
    }
}

static void
print_details (VigilCatalogue *catalogue, VigilStandard *standard)
{
  g_print ("%s\n%s\n\n", vigil_standard_get_id (standard), vigil_standard_get_title (standard));
  g_print (_("Category:      %s (%s)\n"), vigil_standard_get_category_label (standard),
           vigil_standard_get_category (standard));
  g_print (_("Applies when:  %s (%s)\n"), vigil_standard_get_applies_label (standard),
           vigil_standard_get_applies (standard));
  g_print (_("Look for:      %s\n"), vigil_standard_get_look_for (standard));
  for (guint i = 0; i < vigil_standard_get_n_sources (standard); i++)
    {
      const VigilStandardSource *source = vigil_standard_get_source (standard, i);
      g_autofree char *described = vigil_catalogue_describe_source (catalogue, source);
      g_autoptr (GError) error = NULL;
      g_autofree char *excerpt = vigil_catalogue_get_source_excerpt (catalogue, source, &error);

      g_print ("\n%s %s\n  %s\n", _("Source:"), described,
               vigil_catalogue_get_document_title (catalogue, source->document));
      if (excerpt != NULL)
        {
          g_auto (GStrv) lines = g_strsplit (excerpt, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            if (lines[l][0] != '\0')
              g_print ("    | %s\n", lines[l]);
        }
      else
        g_print ("    %s\n", error->message);
    }
}

int
vigil_cli_standards (int argc, char **argv)
{
  g_autofree char *category = NULL;
  g_autofree char *search = NULL;
  g_autofree char *id = NULL;
  gboolean tsv = FALSE;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only the standards of CATEGORY (e.g. child-victims)"), N_("CATEGORY") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the standards whose id, title, what to look for or sources hold every word of "
         "TEXT"),
      N_("TEXT") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id,
      N_("Everything about one standard, with the text of its sources"), N_("ID") },
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv,
      N_("One line per standard: id, category, title, sources (FILE|SECTION;…), separated by "
         "tabs"),
      NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    vigil_cli_context_new ("standards", "",
                           _("List the victim-rights standards a monitor checks at a hearing: "
                             "id, category, title and the documents and sections they come "
                             "from. Needs no vault."),
                           entries, NULL);
  VigilCatalogue *catalogue;
  g_autoptr (GListModel) shown = NULL;
  const char *heading = NULL;
  guint n;

  if (!vigil_cli_parse (context, "standards", &argc, &argv))
    return VIGIL_CLI_USAGE;
  if (argc > 1)
    return vigil_cli_usage_error ("standards", _("Unexpected argument “%s”"), argv[1]);
  if (category != NULL && vigil_standard_category_index (category) < 0)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) vigil_standard_categories);

      return vigil_cli_usage_error ("standards", _("“%s” is not a category (expected one of %s)"),
                                    category, known);
    }

  catalogue = vigil_catalogue_get_default ();
  if (id != NULL)
    {
      VigilStandard *standard = vigil_catalogue_lookup (catalogue, id);

      if (standard == NULL)
        {
          vigil_cli_error ("standards", _("There is no standard “%s” in catalogue version %s"),
                           id, vigil_catalogue_get_version (catalogue));
          return VIGIL_CLI_FAILURE;
        }
      print_details (catalogue, standard);
      return VIGIL_CLI_OK;
    }

  shown = category != NULL ? vigil_catalogue_in_category (catalogue, category)
                           : g_object_ref (G_LIST_MODEL (catalogue));
  if (!tsv)
    g_print (_("Standards catalogue, version %s\n"), vigil_catalogue_get_version (catalogue));
  n = 0;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (shown, i);
      const char *this_category = vigil_standard_get_category (standard);

      if (search != NULL && !vigil_standard_matches (standard, search))
        continue;
      if (tsv)
        {
          print_tsv (catalogue, standard);
          n++;
          continue;
        }
      /* The catalogue keeps its standards, and their strings, for good. */
      if (g_strcmp0 (heading, this_category) != 0)
        g_print ("\n%s\n", vigil_standard_category_label (this_category));
      heading = this_category;
      print_entry (catalogue, standard);
      n++;
    }
  if (!tsv)
    {
      g_print ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u standard\n", "%u standards\n", n), n);
    }
  return VIGIL_CLI_OK;
}
