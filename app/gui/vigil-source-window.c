/* vigil-source-window.c: the text of the seed document section a
 * standard cites
 *
 * A monitor who records that a standard was not respected may be asked
 * where that standard comes from; the words of the source, not a
 * paraphrase, answer that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-source-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-source-window.h"

struct _VigilSourceWindow
{
  AdwWindow       parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkLabel       *document_label;
  GtkLabel       *section_label;
  GtkLabel       *excerpt_label;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (VigilSourceWindow, vigil_source_window, ADW_TYPE_WINDOW)

/* private helpers */

/* The seed documents are plain text with light Markdown: headings and
 * bold spans. Shown as markup, so the reader sees emphasis, not asterisks. */
static char *
markdown_to_markup (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean heading = FALSE;
      g_auto (GStrv) spans = NULL;

      while (*line == '#')
        {
          line++;
          heading = TRUE;
        }
      while (heading && *line == ' ')
        line++;
      if (heading)
        g_string_append (out, "<b>");
      /* Between "**" pairs is bold: the odd pieces of a split. */
      spans = g_strsplit (line, "**", -1);
      for (guint j = 0; spans[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (spans[j], -1);
          gboolean bold = j % 2 == 1 && spans[j + 1] != NULL && !heading;

          if (bold)
            g_string_append (out, "<b>");
          g_string_append (out, escaped);
          if (bold)
            g_string_append (out, "</b>");
        }
      if (heading)
        g_string_append (out, "</b>");
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* GObject overrides */

static void
vigil_source_window_class_init (VigilSourceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-source-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, document_label);
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, section_label);
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, VigilSourceWindow, error_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_source_window_init (VigilSourceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

/**
 * vigil_source_window_new:
 * @parent: (nullable): the window it belongs to
 * @catalogue: the catalogue @standard belongs to
 * @standard: the standard that cites @source
 * @source: one of @standard's sources
 *
 * Returns: (transfer floating): a new window, not yet shown
 */
GtkWidget *
vigil_source_window_new (GtkWindow                 *parent,
                         VigilCatalogue            *catalogue,
                         VigilStandard             *standard,
                         const VigilStandardSource *source)
{
  VigilSourceWindow *self;
  g_autoptr (GError) error = NULL;
  g_autofree char *excerpt = NULL;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (VIGIL_IS_STANDARD (standard), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_SOURCE_WINDOW, "transient-for", parent, NULL);
  title = vigil_catalogue_get_document_title (catalogue, source->document);
  adw_window_title_set_title (self->window_title, vigil_standard_get_title (standard));
  adw_window_title_set_subtitle (self->window_title,
                                 vigil_catalogue_get_document_short_title (catalogue,
                                                                           source->document));
  gtk_window_set_title (GTK_WINDOW (self), vigil_standard_get_title (standard));
  gtk_label_set_label (self->document_label, title != NULL ? title : source->document);
  gtk_label_set_label (self->section_label, source->section);

  excerpt = vigil_catalogue_get_source_excerpt (catalogue, source, &error);
  if (excerpt == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      g_autofree char *markup = markdown_to_markup (g_strstrip (excerpt));

      gtk_label_set_markup (self->excerpt_label, markup);
    }
  return GTK_WIDGET (self);
}
