/* test-standards-page.c: the Standards section over the catalogue Vigil
 * ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-source-window.h"
#include "vigil-standard-row.h"
#include "vigil-standards-page.h"
#include "vigil-test-gui.h"

typedef struct
{
  GtkWindow          *window;
  VigilStandardsPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 900, 820);
  f->page = VIGIL_STANDARDS_PAGE (vigil_standards_page_new ());
  vigil_standards_page_set_catalogue (f->page, vigil_catalogue_get_default ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  vigil_test_run_for (50);
}

static void
test_lists_catalogue (Fixture *f, gconstpointer data)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  GListModel *shown = vigil_standards_page_get_shown (f->page);
  GtkWidget *row;
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (catalogue)));
  row = vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_STANDARD_ROW, NULL);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  vigil_test_run_for (100);
  text = vigil_test_widget_text (GTK_WIDGET (f->page));
  /* Category headings, what to look for, and the sources are on screen. */
  g_assert_nonnull (strstr (text, vigil_standard_get_category_label (
                                    vigil_standard_row_get_standard (VIGIL_STANDARD_ROW (row)))));
  g_assert_nonnull (strstr (text, "What to Look For"));
  g_assert_nonnull (strstr (text, "Source"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "standards");
}

static void
test_search (Fixture *f, gconstpointer data)
{
  GListModel *shown;
  guint n;

  vigil_standards_page_set_search (f->page, "child");
  shown = vigil_standards_page_get_shown (f->page);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, g_list_model_get_n_items (G_LIST_MODEL (vigil_catalogue_get_default ())));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (shown, i);

      g_assert_true (vigil_standard_matches (standard, "child"));
    }
  vigil_test_screenshot (GTK_WIDGET (f->window), "standards-search");

  vigil_standards_page_set_search (f->page, "zzzz no such words");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_standards_page_get_shown (f->page)), ==, 0);
  g_assert_nonnull (vigil_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE,
                                            "No Matching Standards"));
}

static void
test_source_window (Fixture *f, gconstpointer data)
{
  VigilCatalogue *catalogue = vigil_catalogue_get_default ();
  g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (catalogue), 0);
  const VigilStandardSource *source = vigil_standard_get_source (standard, 0);
  GtkWidget *window = vigil_source_window_new (f->window, catalogue, standard, source);
  g_autofree char *text = NULL;
  g_autofree char *excerpt = vigil_catalogue_get_source_excerpt (catalogue, source, NULL);
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) pieces = NULL;
  g_autofree char *last = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (excerpt);
  text = vigil_test_widget_text (window);
  /* The words of the source itself, not a paraphrase, without the
   * Markdown marks of the seed file. */
  lines = g_strsplit (g_strstrip (excerpt), "\n", -1);
  pieces = g_strsplit (lines[g_strv_length (lines) - 1], "**", -1);
  last = g_strjoinv ("", pieces);
  g_assert_cmpuint (strlen (last), >, 10);
  g_assert_nonnull (strstr (text, last));
  g_assert_null (strstr (text, "**"));
  vigil_test_screenshot (window, "standard-source");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/standards-page/lists-catalogue", Fixture, NULL, fixture_set_up,
              test_lists_catalogue, fixture_tear_down);
  g_test_add ("/standards-page/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/standards-page/source-window", Fixture, NULL, fixture_set_up,
              test_source_window, fixture_tear_down);
  return g_test_run ();
}
