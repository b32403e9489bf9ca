/* vigil-evidence-preview.c: the pages and the text of one evidence
 * document
 *
 * The document is decrypted into memory that is wiped when freed, and
 * drawn page by page by a VigilPageRenderer on its worker thread, so a
 * judgment of hundreds of pages never stops the window. The text beside
 * the pages is the one extracted when the document was attached (sealed
 * with it), split at its form feeds, one piece a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evidence-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-evidence-preview.h"
#include "vigil-gui-util.h"
#include "vigil-page-paintable.h"
#include "vigil-page-renderer.h"
#include "vigil-record-rules.h"
#include "vigil-store-evidence.h"
#include "vigil-text.h"

/* Width of a page preview, in application pixels. */
#define PREVIEW_WIDTH 150
#define PREVIEW_HEIGHT 212

struct _VigilEvidencePreview
{
  AdwBin             parent_instance;

  /* template children */
  GtkLabel          *status_label;
  GtkGridView       *pages_view;
  GtkLabel          *page_label;
  GtkTextView       *text_view;

  VigilPageRenderer *renderer;
  /* VigilPagePaintable, one a page, blank until the page is drawn. Only
   * the previews in view are widgets. */
  GListStore        *pages;
  GtkSingleSelection *selection;
  char             **page_texts; /* wiped when cleared */
  char              *title;
  guint              n_pages;
  guint              n_drawn;
  guint              page;
};

G_DEFINE_FINAL_TYPE (VigilEvidencePreview, vigil_evidence_preview, ADW_TYPE_BIN)

/* private helpers */

static void
wipe_texts (char **texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    vigil_record_wipe_string (g_steal_pointer (&texts[i]));
  g_free (texts);
}

static void
update_status (VigilEvidencePreview *self)
{
  g_autofree char *status = NULL;

  /* Disposed: its labels are gone. */
  if (self->status_label == NULL)
    return;
  if (self->title == NULL)
    status = g_strdup ("");
  else if (self->n_drawn < self->n_pages)
    status = g_strdup_printf (_("Drawing the pages: %u of %u"), self->n_drawn, self->n_pages);
  else
    status = g_strdup (_("Choose a page to read its text"));
  gtk_label_set_label (self->status_label, status);
}

static void
show_page_text (VigilEvidencePreview *self, guint index)
{
  const char *text = NULL;
  g_autofree char *heading = NULL;

  self->page = index;
  if (self->page_label == NULL)
    return;
  if (self->page_texts != NULL && index < g_strv_length (self->page_texts))
    text = self->page_texts[index];
  heading = g_strdup_printf (_("Text of page %u"), index + 1);
  gtk_label_set_label (self->page_label, self->title != NULL ? heading : "");
  vigil_gui_text_view_set_text (self->text_view,
                                !vigil_text_is_blank (text)
                                  ? text
                                  : (self->title != NULL ? _("This page has no text: it may be "
                                                             "a scan.")
                                                         : ""));
}

/* callbacks */

static void
on_setup_page (VigilEvidencePreview *self, GtkListItem *item, GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (frame, "evidence-page");
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_page (VigilEvidencePreview *self, GtkListItem *item, GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *frame = gtk_widget_get_first_child (box);
  GtkWidget *picture = gtk_frame_get_child (GTK_FRAME (frame));
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint position = gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%u", position + 1);
  g_autofree char *name = g_strdup_printf (_("Preview page %u of %s"), position + 1,
                                           self->title != NULL ? self->title : "");

  gtk_picture_set_paintable (GTK_PICTURE (picture), gtk_list_item_get_item (item));
  gtk_label_set_label (GTK_LABEL (label), number);
  gtk_widget_set_tooltip_text (box, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The grid's own item widget takes the keyboard focus; GTK 4.8 has no
   * gtk_list_item_set_accessible_label(), so it is named here too. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_page_ready (VigilEvidencePreview *self, guint index, guint n_pages, GdkTexture *texture,
               VigilPageRenderer *renderer)
{
  g_autoptr (VigilPagePaintable) page = g_list_model_get_item (G_LIST_MODEL (self->pages), index);

  if (page == NULL)
    return;
  vigil_page_paintable_set_texture (page, texture);
  self->n_drawn++;
  update_status (self);
}

static void
on_finished (VigilEvidencePreview *self, gboolean complete, VigilPageRenderer *renderer)
{
  if (!complete && self->status_label != NULL)
    gtk_label_set_label (self->status_label, _("Some pages could not be drawn"));
}

static void
on_selected_changed (VigilEvidencePreview *self, GParamSpec *pspec, GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (selected != GTK_INVALID_LIST_POSITION && selected != self->page)
    show_page_text (self, selected);
}

/* GObject overrides */

static void
vigil_evidence_preview_dispose (GObject *object)
{
  VigilEvidencePreview *self = VIGIL_EVIDENCE_PREVIEW (object);

  /* The grid lets go of the pages first: emptied while it is being torn
   * down, it would bind its items' widgets again. */
  if (self->pages_view != NULL)
    gtk_grid_view_set_model (self->pages_view, NULL);
  vigil_evidence_preview_clear (self);
  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  g_clear_object (&self->renderer);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVIDENCE_PREVIEW);
  G_OBJECT_CLASS (vigil_evidence_preview_parent_class)->dispose (object);
}

/* GtkWidget overrides */

static gboolean
vigil_evidence_preview_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (VIGIL_EVIDENCE_PREVIEW (widget)->pages_view));
}

static void
vigil_evidence_preview_class_init (VigilEvidencePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evidence_preview_dispose;
  widget_class->grab_focus = vigil_evidence_preview_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/vigilsuite/Vigil/ui/vigil-evidence-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvidencePreview, status_label);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidencePreview, pages_view);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidencePreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidencePreview, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_page);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_page);
}

static void
vigil_evidence_preview_init (VigilEvidencePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_list_store_new (GDK_TYPE_PAINTABLE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_changed),
                            self);
  gtk_grid_view_set_model (self->pages_view, GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  self->renderer = vigil_page_renderer_new ();
  g_signal_connect_swapped (self->renderer, "page-ready", G_CALLBACK (on_page_ready), self);
  g_signal_connect_swapped (self->renderer, "finished", G_CALLBACK (on_finished), self);
}

/* public API */

GtkWidget *
vigil_evidence_preview_new (void)
{
  return g_object_new (VIGIL_TYPE_EVIDENCE_PREVIEW, NULL);
}

gboolean
vigil_evidence_preview_load (VigilEvidencePreview *self,
                             VigilStore           *store,
                             const char           *evidence_id,
                             GError              **error)
{
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  char *text;

  g_return_val_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self), FALSE);
  g_return_val_if_fail (VIGIL_IS_STORE (store) && evidence_id != NULL, FALSE);

  vigil_evidence_preview_clear (self);
  doc = vigil_store_get_evidence (store, evidence_id, error);
  if (doc == NULL)
    return FALSE;
  pdf = vigil_store_read_evidence (store, evidence_id, error);
  if (pdf == NULL)
    return FALSE;
  text = vigil_store_get_evidence_text (store, evidence_id, error);
  if (text == NULL)
    return FALSE;
  self->page_texts = g_strsplit (text, "\f", -1);
  vigil_record_wipe_string (text);

  self->title = g_strdup (doc->title);
  self->n_pages = doc->page_count;
  {
    g_autoptr (GPtrArray) blanks = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->n_pages; i++)
      g_ptr_array_add (blanks, vigil_page_paintable_new (PREVIEW_WIDTH, PREVIEW_HEIGHT));
    g_list_store_splice (self->pages, 0, 0, blanks->pdata, blanks->len);
  }
  vigil_page_renderer_render (self->renderer, pdf,
                              PREVIEW_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  update_status (self);
  vigil_evidence_preview_select_page (self, 0);
  return TRUE;
}

void
vigil_evidence_preview_clear (VigilEvidencePreview *self)
{
  g_return_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self));

  if (self->renderer != NULL)
    vigil_page_renderer_stop (self->renderer);
  if (self->pages != NULL)
    g_list_store_remove_all (self->pages);
  g_clear_pointer (&self->page_texts, wipe_texts);
  vigil_record_wipe_string (g_steal_pointer (&self->title));
  self->n_pages = 0;
  self->n_drawn = 0;
  self->page = 0;
  show_page_text (self, 0);
  update_status (self);
}

const char *
vigil_evidence_preview_get_title (VigilEvidencePreview *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self), NULL);

  return self->title;
}

guint
vigil_evidence_preview_get_n_pages (VigilEvidencePreview *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self), 0);

  return self->n_pages;
}

guint
vigil_evidence_preview_get_n_drawn (VigilEvidencePreview *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self), 0);

  return self->n_drawn;
}

void
vigil_evidence_preview_select_page (VigilEvidencePreview *self, guint index)
{
  g_return_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self));

  if (index < g_list_model_get_n_items (G_LIST_MODEL (self->pages)))
    {
      gtk_single_selection_set_selected (self->selection, index);
      gtk_widget_activate_action (GTK_WIDGET (self->pages_view), "list.scroll-to-item", "u",
                                  index);
    }
  show_page_text (self, index);
}

guint
vigil_evidence_preview_get_page (VigilEvidencePreview *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_PREVIEW (self), 0);

  return self->page;
}
