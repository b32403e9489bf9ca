/* vigil-standard-row.c: one standard of the catalogue, expandable to what
 * a monitor looks for, when it applies, and its sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-standard-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-source-window.h"
#include "vigil-standard-row.h"

struct _VigilStandardRow
{
  AdwExpanderRow  parent_instance;

  /* template children */
  AdwActionRow   *look_for_row;
  AdwActionRow   *applies_row;

  VigilCatalogue *catalogue;
  VigilStandard  *standard;
};

G_DEFINE_FINAL_TYPE (VigilStandardRow, vigil_standard_row, ADW_TYPE_EXPANDER_ROW)

/* callbacks */

static void
on_source_clicked (GtkButton *button, VigilStandardRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "vigil-source"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  window = vigil_source_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->catalogue, self->standard,
                                    vigil_standard_get_source (self->standard, index));
  gtk_window_present (GTK_WINDOW (window));
}

/* GObject overrides */

static void
vigil_standard_row_dispose (GObject *object)
{
  VigilStandardRow *self = VIGIL_STANDARD_ROW (object);

  g_clear_object (&self->catalogue);
  g_clear_object (&self->standard);
  G_OBJECT_CLASS (vigil_standard_row_parent_class)->dispose (object);
}

static void
vigil_standard_row_class_init (VigilStandardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_standard_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-standard-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilStandardRow, look_for_row);
  gtk_widget_class_bind_template_child (widget_class, VigilStandardRow, applies_row);
}

static void
vigil_standard_row_init (VigilStandardRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

/**
 * vigil_standard_row_new:
 * @catalogue: the catalogue @standard belongs to, for its sources
 * @standard: the standard to show
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
vigil_standard_row_new (VigilCatalogue *catalogue, VigilStandard *standard)
{
  VigilStandardRow *self;

  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (VIGIL_IS_STANDARD (standard), NULL);

  self = g_object_new (VIGIL_TYPE_STANDARD_ROW, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->standard = g_object_ref (standard);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), vigil_standard_get_title (standard));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), vigil_standard_get_id (standard));
  /* libadwaita 1.2 names only the header inside an expander row, so the
   * row a screen reader lands on would be read as nothing. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vigil_standard_get_title (standard),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, vigil_standard_get_id (standard),
                                  -1);
  adw_action_row_set_subtitle (self->look_for_row, vigil_standard_get_look_for (standard));
  adw_action_row_set_subtitle (self->applies_row, vigil_standard_get_applies_label (standard));

  for (guint i = 0; i < vigil_standard_get_n_sources (standard); i++)
    {
      const VigilStandardSource *source = vigil_standard_get_source (standard, i);
      g_autofree char *described = vigil_catalogue_describe_source (catalogue, source);
      /* Translators: the name a screen reader gives the Read button; %s is
       * a source, such as "Directive 2012/29/EU, Article 23" */
      g_autofree char *read_name = g_strdup_printf (_("Read %s"), described);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Read"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Source"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), described);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Read the section this standard comes from"));
      g_object_set_data (G_OBJECT (button), "vigil-source", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_source_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      /* GTK 4.8 would read the button by its raw label and then by the
       * labels it is labelled by ("_Read Source"): give it one name, which
       * says which source it opens. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, read_name, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
  return GTK_WIDGET (self);
}

VigilStandard *
vigil_standard_row_get_standard (VigilStandardRow *self)
{
  g_return_val_if_fail (VIGIL_IS_STANDARD_ROW (self), NULL);

  return self->standard;
}
