/* vigil-person-row.c: a person of a case, by pseudonym and role
 *
 * The rows under the header hold identity fields only between
 * vigil_person_row_set_identity() with an identity and the one with NULL,
 * which empties every label again: hiding is not just collapsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-person-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui-util.h"
#include "vigil-enum-types.h"
#include "vigil-person-row.h"

struct _VigilPersonRow
{
  AdwExpanderRow parent_instance;

  /* template children */
  GtkWidget     *child_badge;
  GtkButton     *reveal_button;
  GtkButton     *edit_button;
  AdwActionRow  *name_row;
  AdwActionRow  *aliases_row;
  AdwActionRow  *birth_row;
  AdwActionRow  *nationality_row;
  AdwActionRow  *languages_row;
  AdwActionRow  *phone_row;
  AdwActionRow  *address_row;
  AdwActionRow  *notes_row;
  AdwActionRow  *empty_row;

  VigilPerson   *person;
  gboolean       revealed;
};

G_DEFINE_FINAL_TYPE (VigilPersonRow, vigil_person_row, ADW_TYPE_EXPANDER_ROW)

enum
{
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* private helpers */

static gboolean
show_field (AdwActionRow *row, const char *value)
{
  gboolean shown = value != NULL && value[0] != '\0';

  adw_action_row_set_subtitle (row, shown ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), shown);
  return shown;
}

static gboolean
show_list (AdwActionRow *row, char **values)
{
  g_autofree char *joined = values != NULL ? g_strjoinv (", ", values) : NULL;

  return show_field (row, joined);
}

/* What a screen reader says of the row and its buttons: whose they are. */
static void
update_names (VigilPersonRow *self)
{
  const char *pseudonym = vigil_person_get_pseudonym (self->person);
  const char *role = vigil_enum_label (VIGIL_TYPE_PERSON_ROLE, vigil_person_get_role (self->person));
  /* Translators: "V-01, Victim-witness" */
  g_autofree char *row = g_strdup_printf (_("%s, %s"), pseudonym, role);
  /* Translators: %s is a pseudonym such as V-01 */
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), pseudonym);
  g_autofree char *reveal = g_strdup_printf (self->revealed ? _("Hide the identity of %s")
                                                            : _("Reveal the identity of %s"),
                                             pseudonym);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, row, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reveal, -1);
}

static void
update_header (VigilPersonRow *self)
{
  const char *id = vigil_person_get_id (self->person);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 vigil_person_get_pseudonym (self->person));
  adw_expander_row_set_subtitle (
    ADW_EXPANDER_ROW (self),
    vigil_enum_label (VIGIL_TYPE_PERSON_ROLE, vigil_person_get_role (self->person)));
  gtk_widget_set_visible (self->child_badge, vigil_person_get_is_child (self->person));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reveal_button), "s", id);
  update_names (self);
}

/* GObject overrides */

static void
vigil_person_row_constructed (GObject *object)
{
  VigilPersonRow *self = VIGIL_PERSON_ROW (object);

  G_OBJECT_CLASS (vigil_person_row_parent_class)->constructed (object);
  update_header (self);
}

static void
vigil_person_row_dispose (GObject *object)
{
  VigilPersonRow *self = VIGIL_PERSON_ROW (object);

  g_clear_object (&self->person);
  G_OBJECT_CLASS (vigil_person_row_parent_class)->dispose (object);
}

static void
vigil_person_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilPersonRow *self = VIGIL_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_person_row_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  VigilPersonRow *self = VIGIL_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_person_row_class_init (VigilPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_person_row_constructed;
  object_class->dispose = vigil_person_row_dispose;
  object_class->get_property = vigil_person_row_get_property;
  object_class->set_property = vigil_person_row_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, VIGIL_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, child_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, birth_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, languages_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, address_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPersonRow, empty_row);
}

static void
vigil_person_row_init (VigilPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

GtkWidget *
vigil_person_row_new (VigilPerson *person)
{
  g_return_val_if_fail (VIGIL_IS_PERSON (person), NULL);

  return g_object_new (VIGIL_TYPE_PERSON_ROW, "person", person, NULL);
}

VigilPerson *
vigil_person_row_get_person (VigilPersonRow *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ROW (self), NULL);

  return self->person;
}

void
vigil_person_row_set_identity (VigilPersonRow *self, const VigilIdentity *identity)
{
  gboolean any = FALSE;

  g_return_if_fail (VIGIL_IS_PERSON_ROW (self));

  self->revealed = identity != NULL;
  any |= show_field (self->name_row, identity != NULL ? identity->full_name : NULL);
  any |= show_list (self->aliases_row, identity != NULL ? identity->aliases : NULL);
  any |= show_field (self->birth_row, identity != NULL ? identity->date_of_birth : NULL);
  any |= show_field (self->nationality_row, identity != NULL ? identity->nationality : NULL);
  any |= show_list (self->languages_row, identity != NULL ? identity->languages : NULL);
  any |= show_field (self->phone_row, identity != NULL ? identity->phone : NULL);
  any |= show_field (self->address_row, identity != NULL ? identity->address : NULL);
  /* The person's notes are sealed with the identity: shown with it. */
  any |= show_field (self->notes_row, identity != NULL ? vigil_person_get_notes (self->person)
                                                       : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->revealed && !any);

  gtk_button_set_icon_name (self->reveal_button,
                            self->revealed ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button),
                               self->revealed ? _("Hide Identity") : _("Reveal Identity"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reveal_button),
                                  self->revealed ? "case.hide-person" : "case.reveal-person");
  update_names (self);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), self->revealed);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), self->revealed);
  if (self->revealed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "revealed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "revealed");
}

gboolean
vigil_person_row_get_revealed (VigilPersonRow *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ROW (self), FALSE);

  return self->revealed;
}
