/* vigil-cases-page.c: the searchable list of cases
 *
 * The list is the store's live case model through a filter whose one rule
 * is vigil_case_matches(): the page never decides on its own what a search
 * finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cases-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-case-editor.h"
#include "vigil-case-row.h"
#include "vigil-cases-page.h"
#include "vigil-gui-util.h"

struct _VigilCasesPage
{
  AdwBin              parent_instance;

  /* template children */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *view_stack;
  GtkLabel           *summary_label;
  GtkListView        *list_view;

  VigilStore         *store;
  gboolean            narrow;
  char               *query;
  gboolean            syncing_entry; /* the entry is being set to the query */
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
};

G_DEFINE_FINAL_TYPE (VigilCasesPage, vigil_cases_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static guint
n_cases (VigilCasesPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->shown);

  return all != NULL ? g_list_model_get_n_items (all) : 0;
}

static void
update_view (VigilCasesPage *self)
{
  guint total = n_cases (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  g_autofree char *summary = NULL;

  switch (vigil_cases_view_for (total, shown))
    {
    case VIGIL_CASES_VIEW_EMPTY:
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
      break;
    case VIGIL_CASES_VIEW_NO_MATCHES:
      gtk_stack_set_visible_child_name (self->view_stack, "no-matches");
      break;
    case VIGIL_CASES_VIEW_LIST:
    default:
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      break;
    }

  if (shown == total)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", total),
                               total);
  else
    /* Translators: "3 of 12 cases" match the search */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u case", "%u of %u cases",
                                            total),
                               shown, total);
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_actions (VigilCasesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.search", self->store != NULL);
}

static gboolean
filter_case (gpointer item, gpointer user_data)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (user_data);

  return vigil_case_matches (VIGIL_CASE (item), self->query);
}

/* Rows are made for the cases on screen and bound to one case after
 * another as the list scrolls. The list item is what takes focus and
 * activation; the row inside only shows the case. */
static void
on_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = vigil_case_row_new (NULL);

  /* Not even asked: a list box row outside a list box warns when the
   * list item hands it the focus. */
  gtk_widget_set_can_focus (row, FALSE);
  gtk_widget_add_css_class (row, "card");
  gtk_list_item_set_child (item, row);
}

/* The list item, which takes the focus, is what a screen reader reads:
 * it is named after its case (GTK 4.8 has no accessible label for list
 * items of its own), and again when the case changes. */
static void
name_list_item (GtkWidget *row)
{
  GtkWidget *item = gtk_widget_get_parent (row);
  VigilCase *kase = vigil_case_row_get_case (VIGIL_CASE_ROW (row));
  g_autofree char *described = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *name = NULL;

  if (item == NULL || kase == NULL)
    return;
  described = vigil_case_row_describe (kase);
  counts = vigil_case_row_describe_counts (vigil_case_get_person_count (kase),
                                           vigil_case_get_hearing_count (kase));
  /* Translators: a case as a screen reader reads it: reference, stage and
   * court, how many persons and hearings */
  name = g_strdup_printf (_("%s, %s, %s"), vigil_case_get_reference (kase), described, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_bound_case_notify (GtkWidget *row, GParamSpec *pspec, VigilCase *kase)
{
  name_list_item (row);
}

static void
on_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  vigil_case_row_set_case (VIGIL_CASE_ROW (row), gtk_list_item_get_item (item));
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (on_bound_case_notify), row, G_CONNECT_SWAPPED);
  name_list_item (row);
}

static void
on_row_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_bound_case_notify, row);
  vigil_case_row_set_case (VIGIL_CASE_ROW (row), NULL);
}

/* callbacks */

static void
on_items_changed (VigilCasesPage *self, guint position, guint removed, guint added,
                  GListModel *model)
{
  update_view (self);
}

/* Setting the entry's text passes through an empty text, which the entry
 * reports at once: that is not a search anyone typed. */
static void
on_search_changed (VigilCasesPage *self, GtkSearchEntry *entry)
{
  if (self->syncing_entry)
    return;
  vigil_cases_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search opens the only match. */
static void
on_search_activate (VigilCasesPage *self, GtkSearchEntry *entry)
{
  g_autoptr (VigilCase) kase = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) != 1)
    return;
  kase = g_list_model_get_item (G_LIST_MODEL (self->shown), 0);
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase);
}

static void
on_list_activate (VigilCasesPage *self, guint position, GtkListView *list)
{
  g_autoptr (VigilCase) kase = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (kase != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase);
}

static void
on_case_saved (VigilCasesPage *self, VigilCase *kase, VigilCaseEditor *editor)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase);
}

static void
new_case_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  editor = vigil_case_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                  NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_case_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject overrides */

static void
vigil_cases_page_dispose (GObject *object)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_cases_page_parent_class)->dispose (object);
}

static void
vigil_cases_page_finalize (GObject *object)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (object);

  g_free (self->query);
  G_OBJECT_CLASS (vigil_cases_page_parent_class)->finalize (object);
}

static void
vigil_cases_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_cases_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_cases_page_set_store (self, g_value_get_object (value));
      break;
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

/* GtkWidget overrides */

/* The keyboard starts on the cases, so Down and Enter open one; with none
 * yet, on the button that adds the first. */
static gboolean
vigil_cases_page_grab_focus (GtkWidget *widget)
{
  VigilCasesPage *self = VIGIL_CASES_PAGE (widget);
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "list"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return view != NULL && gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
vigil_cases_page_class_init (VigilCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = vigil_cases_page_grab_focus;
  object_class->dispose = vigil_cases_page_dispose;
  object_class->finalize = vigil_cases_page_finalize;
  object_class->get_property = vigil_cases_page_get_property;
  object_class->set_property = vigil_cases_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilCasesPage::case-activated:
   * @kase: the case to open
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          VIGIL_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCasesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilCasesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilCasesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCasesPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "cases.new", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "cases.search", NULL, search_action);
}

static void
vigil_cases_page_init (VigilCasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_case, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  {
    g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr (GtkNoSelection) selection =
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));

    g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind), NULL);
    g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  update_view (self);
  update_actions (self);
}

/* public API */

VigilCasesView
vigil_cases_view_for (guint n_all, guint n_shown)
{
  if (n_all == 0)
    return VIGIL_CASES_VIEW_EMPTY;
  if (n_shown == 0)
    return VIGIL_CASES_VIEW_NO_MATCHES;
  return VIGIL_CASES_VIEW_LIST;
}

GtkWidget *
vigil_cases_page_new (void)
{
  return g_object_new (VIGIL_TYPE_CASES_PAGE, NULL);
}

VigilStore *
vigil_cases_page_get_store (VigilCasesPage *self)
{
  g_return_val_if_fail (VIGIL_IS_CASES_PAGE (self), NULL);

  return self->store;
}

void
vigil_cases_page_set_store (VigilCasesPage *self, VigilStore *store)
{
  g_return_if_fail (VIGIL_IS_CASES_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_filter_list_model_set_model (self->shown,
                                   store != NULL ? vigil_store_get_case_list (store) : NULL);
  update_view (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
vigil_cases_page_set_search (VigilCasesPage *self, const char *text)
{
  g_return_if_fail (VIGIL_IS_CASES_PAGE (self));

  if (!vigil_gui_search_set_query (&self->query, text, self->search_bar,
                                   GTK_EDITABLE (self->search_entry), &self->syncing_entry))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

GListModel *
vigil_cases_page_get_shown (VigilCasesPage *self)
{
  g_return_val_if_fail (VIGIL_IS_CASES_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

VigilCasesView
vigil_cases_page_get_view (VigilCasesPage *self)
{
  g_return_val_if_fail (VIGIL_IS_CASES_PAGE (self), VIGIL_CASES_VIEW_EMPTY);

  return vigil_cases_view_for (n_cases (self),
                               g_list_model_get_n_items (G_LIST_MODEL (self->shown)));
}
