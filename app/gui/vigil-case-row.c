/* vigil-case-row.c: one case in the list of cases
 *
 * The store's case list updates its VigilCase objects in place, so the
 * row follows their notifications instead of being rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-case-row.h"
#include "vigil-enum-types.h"
#include "vigil-gui-util.h"

struct _VigilCaseRow
{
  AdwActionRow parent_instance;

  /* template children */
  GtkLabel    *counts_label;
  GtkLabel    *next_label;

  VigilCase   *kase;
};

G_DEFINE_FINAL_TYPE (VigilCaseRow, vigil_case_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static void
update (VigilCaseRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *counts = NULL;
  GDateTime *next;

  if (self->kase == NULL)
    return;
  subtitle = vigil_case_row_describe (self->kase);
  counts = vigil_case_row_describe_counts (vigil_case_get_person_count (self->kase),
                                           vigil_case_get_hearing_count (self->kase));
  next = vigil_case_get_next_hearing (self->kase);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), vigil_case_get_reference (self->kase));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->counts_label, counts);
  if (next != NULL)
    {
      g_autofree char *when = vigil_gui_format_date_time (next);
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("Next hearing %s"), when);

      gtk_label_set_label (self->next_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next != NULL);
}

/* callbacks */

static void
on_case_notify (VigilCaseRow *self, GParamSpec *pspec, VigilCase *kase)
{
  update (self);
}

/* GObject overrides */

static void
vigil_case_row_constructed (GObject *object)
{
  VigilCaseRow *self = VIGIL_CASE_ROW (object);

  G_OBJECT_CLASS (vigil_case_row_parent_class)->constructed (object);

  update (self);
}

static void
vigil_case_row_dispose (GObject *object)
{
  VigilCaseRow *self = VIGIL_CASE_ROW (object);

  vigil_case_row_set_case (self, NULL);
  G_OBJECT_CLASS (vigil_case_row_parent_class)->dispose (object);
}

static void
vigil_case_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilCaseRow *self = VIGIL_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_case_row_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  VigilCaseRow *self = VIGIL_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      vigil_case_row_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_case_row_class_init (VigilCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_case_row_constructed;
  object_class->dispose = vigil_case_row_dispose;
  object_class->get_property = vigil_case_row_get_property;
  object_class->set_property = vigil_case_row_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, VIGIL_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "ui/vigil-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCaseRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCaseRow, next_label);
}

static void
vigil_case_row_init (VigilCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

char *
vigil_case_row_describe (VigilCase *kase)
{
  GString *text;
  const char *court, *jurisdiction;

  g_return_val_if_fail (VIGIL_IS_CASE (kase), NULL);

  court = vigil_case_get_court (kase);
  jurisdiction = vigil_case_get_jurisdiction (kase);
  text = g_string_new (vigil_enum_label (VIGIL_TYPE_CASE_STAGE, vigil_case_get_stage (kase)));
  if (court != NULL && court[0] != '\0')
    g_string_append_printf (text, " · %s", court);
  if (jurisdiction != NULL && jurisdiction[0] != '\0')
    g_string_append_printf (text, " · %s", jurisdiction);
  return g_string_free (text, FALSE);
}

char *
vigil_case_row_describe_counts (guint persons, guint hearings)
{
  g_autofree char *p = NULL;
  g_autofree char *h = NULL;

  if (persons == 0 && hearings == 0)
    return g_strdup (_("No persons or hearings yet"));
  p = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons", persons),
                       persons);
  h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hearing", "%u hearings", hearings),
                       hearings);
  /* Translators: "2 persons · 3 hearings" */
  return g_strdup_printf (_("%s · %s"), p, h);
}

GtkWidget *
vigil_case_row_new (VigilCase *kase)
{
  g_return_val_if_fail (kase == NULL || VIGIL_IS_CASE (kase), NULL);

  return g_object_new (VIGIL_TYPE_CASE_ROW, "case", kase, NULL);
}

void
vigil_case_row_set_case (VigilCaseRow *self, VigilCase *kase)
{
  g_return_if_fail (VIGIL_IS_CASE_ROW (self));
  g_return_if_fail (kase == NULL || VIGIL_IS_CASE (kase));

  if (self->kase == kase)
    return;
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, on_case_notify, self);
  g_set_object (&self->kase, kase);
  if (self->kase != NULL)
    g_signal_connect_object (self->kase, "notify", G_CALLBACK (on_case_notify), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

VigilCase *
vigil_case_row_get_case (VigilCaseRow *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE_ROW (self), NULL);

  return self->kase;
}
