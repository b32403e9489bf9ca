/* vigil-standards-page.c: the catalogue of victim-rights standards, to
 * browse and search
 *
 * The catalogue holds no one's data, so this page works whether or not a
 * vault is unlocked; the window still shows it only inside the vault view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-standards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-standard-row.h"
#include "vigil-standards-page.h"

struct _VigilStandardsPage
{
  AdwBin          parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkListBox     *list_box;

  VigilCatalogue *catalogue;
  GListModel     *shown;
  char           *query;
  gboolean        narrow;
  gboolean        syncing_entry;
};

G_DEFINE_FINAL_TYPE (VigilStandardsPage, vigil_standards_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (user_data);

  return vigil_standard_row_new (self->catalogue, VIGIL_STANDARD (item));
}

/* A heading above the first standard of each category. */
static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  vigil_gui_category_header (row, vigil_standard_row_get_standard (VIGIL_STANDARD_ROW (row)),
                             before != NULL ? vigil_standard_row_get_standard (VIGIL_STANDARD_ROW (before)) : NULL);
}

static void
refresh (VigilStandardsPage *self)
{
  guint n;
  g_autofree char *summary = NULL;

  g_clear_object (&self->shown);
  if (self->catalogue != NULL)
    self->shown = vigil_catalogue_search (self->catalogue, self->query);
  gtk_list_box_bind_model (self->list_box, self->shown, create_row, self, NULL);

  n = self->shown != NULL ? g_list_model_get_n_items (self->shown) : 0;
  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->catalogue == NULL
                                                   ? "list" : "no-matches");
  if (self->catalogue == NULL)
    return;
  if (self->query != NULL && self->query[0] != '\0')
    /* Translators: %u is a number of standards */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u standard matches.",
                                            "%u standards match.", n), n);
  else
    /* Translators: the first %s is a catalogue version such as "1" */
    summary = g_strdup_printf (_("Catalogue version %s: %u standards from five OSCE documents. "
                                 "Expand a standard to see what to look for in court, when "
                                 "it applies, and the words of its sources."),
                               vigil_catalogue_get_version (self->catalogue), n);
  gtk_label_set_label (self->summary_label, summary);
  adw_window_title_set_subtitle (self->window_title, NULL);
}

/* callbacks */

static void
on_search_changed (VigilStandardsPage *self, GtkSearchEntry *entry)
{
  if (!self->syncing_entry)
    vigil_standards_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (VigilStandardsPage *self, GtkSearchEntry *entry)
{
  vigil_standards_page_set_search (self, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject overrides */

static void
vigil_standards_page_dispose (GObject *object)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->catalogue);
  G_OBJECT_CLASS (vigil_standards_page_parent_class)->dispose (object);
}

static void
vigil_standards_page_finalize (GObject *object)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (object);

  g_free (self->query);
  G_OBJECT_CLASS (vigil_standards_page_parent_class)->finalize (object);
}

static void
vigil_standards_page_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_standards_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  VigilStandardsPage *self = VIGIL_STANDARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      if (self->narrow != g_value_get_boolean (value))
        {
          self->narrow = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_standards_page_class_init (VigilStandardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_standards_page_dispose;
  object_class->finalize = vigil_standards_page_finalize;
  object_class->get_property = vigil_standards_page_get_property;
  object_class->set_property = vigil_standards_page_set_property;

  /* The sidebar is folded away: the page shows a way back to it. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-standards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "standards.search", NULL, search_action);
}

static void
vigil_standards_page_init (VigilStandardsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/* public API */

GtkWidget *
vigil_standards_page_new (void)
{
  return g_object_new (VIGIL_TYPE_STANDARDS_PAGE, NULL);
}

VigilCatalogue *
vigil_standards_page_get_catalogue (VigilStandardsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARDS_PAGE (self), NULL);

  return self->catalogue;
}

void
vigil_standards_page_set_catalogue (VigilStandardsPage *self, VigilCatalogue *catalogue)
{
  g_return_if_fail (VIGIL_IS_STANDARDS_PAGE (self));
  g_return_if_fail (catalogue == NULL || VIGIL_IS_CATALOGUE (catalogue));

  if (g_set_object (&self->catalogue, catalogue))
    refresh (self);
}

/**
 * vigil_standards_page_set_search:
 * @text: (nullable): words that must all occur in a standard
 */
void
vigil_standards_page_set_search (VigilStandardsPage *self, const char *text)
{
  g_return_if_fail (VIGIL_IS_STANDARDS_PAGE (self));

  if (vigil_gui_search_set_query (&self->query, text, self->search_bar,
                                  GTK_EDITABLE (self->search_entry), &self->syncing_entry))
    refresh (self);
}

/**
 * vigil_standards_page_get_shown:
 *
 * Returns: (transfer none) (nullable): the standards the page lists
 */
GListModel *
vigil_standards_page_get_shown (VigilStandardsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARDS_PAGE (self), NULL);

  return self->shown;
}
