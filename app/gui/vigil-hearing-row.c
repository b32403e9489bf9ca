/* vigil-hearing-row.c: one hearing of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-hearing-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-row.h"

struct _VigilHearingRow
{
  AdwActionRow  parent_instance;

  /* template children */
  GtkImage     *status_icon;
  GtkWidget    *closed_badge;
  GtkLabel     *status_badge;
  GtkButton    *edit_button;

  VigilHearing *hearing;
};

G_DEFINE_FINAL_TYPE (VigilHearingRow, vigil_hearing_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_HEARING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static void
update (VigilHearingRow *self)
{
  VigilHearing *hearing = self->hearing;
  VigilHearingStatus status = vigil_hearing_get_status (hearing);
  GDateTime *starts_at = vigil_hearing_get_starts_at (hearing);
  g_autofree char *when = starts_at != NULL ? vigil_gui_format_date_time (starts_at) : NULL;
  g_autofree char *what = vigil_hearing_row_describe (hearing);
  static const char *status_classes[] = { "accent", "success", "warning" };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 when != NULL ? when : _("No date set"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), what);
  gtk_label_set_label (self->status_badge, vigil_enum_label (VIGIL_TYPE_HEARING_STATUS, status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), status_classes[i]);
  if ((guint) status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), status_classes[status]);
  gtk_widget_set_visible (self->closed_badge, vigil_hearing_get_closed_session (hearing));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    vigil_hearing_get_id (hearing));
  {
    /* Translators: %s is the hearing's date and time, or "No date set" */
    g_autofree char *edit = g_strdup_printf (_("Edit the hearing of %s"),
                                             when != NULL ? when : _("No date set"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  }
}

/* GObject overrides */

static void
vigil_hearing_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (vigil_hearing_row_parent_class)->constructed (object);
  update (VIGIL_HEARING_ROW (object));
}

static void
vigil_hearing_row_dispose (GObject *object)
{
  VigilHearingRow *self = VIGIL_HEARING_ROW (object);

  g_clear_object (&self->hearing);
  G_OBJECT_CLASS (vigil_hearing_row_parent_class)->dispose (object);
}

static void
vigil_hearing_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilHearingRow *self = VIGIL_HEARING_ROW (object);

  switch (prop_id)
    {
    case PROP_HEARING:
      g_value_set_object (value, self->hearing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_hearing_row_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  VigilHearingRow *self = VIGIL_HEARING_ROW (object);

  switch (prop_id)
    {
    case PROP_HEARING:
      self->hearing = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_hearing_row_class_init (VigilHearingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_hearing_row_constructed;
  object_class->dispose = vigil_hearing_row_dispose;
  object_class->get_property = vigil_hearing_row_get_property;
  object_class->set_property = vigil_hearing_row_set_property;

  properties[PROP_HEARING] =
    g_param_spec_object ("hearing", NULL, NULL, VIGIL_TYPE_HEARING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-hearing-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilHearingRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingRow, closed_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilHearingRow, edit_button);
}

static void
vigil_hearing_row_init (VigilHearingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

char *
vigil_hearing_row_describe (VigilHearing *hearing)
{
  GString *text;
  const char *room, *reason;

  g_return_val_if_fail (VIGIL_IS_HEARING (hearing), NULL);

  text = g_string_new (vigil_enum_label (VIGIL_TYPE_HEARING_KIND, vigil_hearing_get_kind (hearing)));
  room = vigil_hearing_get_room (hearing);
  if (room != NULL && room[0] != '\0')
    g_string_append_printf (text, " · %s", room);
  reason = vigil_hearing_get_adjournment_reason (hearing);
  if (vigil_hearing_get_status (hearing) == VIGIL_HEARING_STATUS_ADJOURNED && reason != NULL
      && reason[0] != '\0')
    /* Translators: why a hearing was adjourned, on its own line */
    g_string_append_printf (text, "\n%s %s", _("Adjourned:"), reason);
  return g_string_free (text, FALSE);
}

GtkWidget *
vigil_hearing_row_new (VigilHearing *hearing)
{
  g_return_val_if_fail (VIGIL_IS_HEARING (hearing), NULL);

  return g_object_new (VIGIL_TYPE_HEARING_ROW, "hearing", hearing, NULL);
}

VigilHearing *
vigil_hearing_row_get_hearing (VigilHearingRow *self)
{
  g_return_val_if_fail (VIGIL_IS_HEARING_ROW (self), NULL);

  return self->hearing;
}
