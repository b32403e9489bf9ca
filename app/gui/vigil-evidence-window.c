/* vigil-evidence-window.c: a window to read one evidence document
 *
 * Like every editor it is transient for the main window, which destroys
 * it when the vault locks; its preview then stops drawing and lets the
 * decrypted document go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evidence-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-evidence-window.h"

struct _VigilEvidenceWindow
{
  AdwWindow             parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  VigilEvidencePreview *preview;
};

G_DEFINE_FINAL_TYPE (VigilEvidenceWindow, vigil_evidence_window, ADW_TYPE_WINDOW)

/* GObject overrides */

static void
vigil_evidence_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIL_TYPE_EVIDENCE_WINDOW);
  G_OBJECT_CLASS (vigil_evidence_window_parent_class)->dispose (object);
}

static void
vigil_evidence_window_class_init (VigilEvidenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evidence_window_dispose;

  g_type_ensure (VIGIL_TYPE_EVIDENCE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/vigilsuite/Vigil/ui/vigil-evidence-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvidenceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilEvidenceWindow, preview);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_evidence_window_init (VigilEvidenceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

GtkWidget *
vigil_evidence_window_new (GtkWindow *parent, VigilStore *store, const char *evidence_id,
                           GError **error)
{
  VigilEvidenceWindow *self;
  g_autofree char *subtitle = NULL;
  guint n_pages;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store) && evidence_id != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_EVIDENCE_WINDOW, "transient-for", parent, NULL);
  if (!vigil_evidence_preview_load (self->preview, store, evidence_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  n_pages = vigil_evidence_preview_get_n_pages (self->preview);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evidence, %u page",
                                           "Evidence, %u pages", n_pages),
                              n_pages);
  adw_window_title_set_title (self->window_title, vigil_evidence_preview_get_title (self->preview));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), vigil_evidence_preview_get_title (self->preview));
  /* The keyboard starts on the pages: arrows choose one, its text shows. */
  gtk_widget_grab_focus (GTK_WIDGET (self->preview));
  return GTK_WIDGET (self);
}

VigilEvidencePreview *
vigil_evidence_window_get_preview (VigilEvidenceWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVIDENCE_WINDOW (self), NULL);

  return self->preview;
}
