/* vigil-observation-row.c: one standard of a hearing's checklist, with
 * its status, severity, timestamped notes and sources
 *
 * Every change is committed by the checklist before the row shows it; a
 * change the vault refused is shown as a toast and the row goes back to
 * what is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-observation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-enum-types.h"
#include "vigil-gui-util.h"
#include "vigil-observation-row.h"
#include "vigil-source-window.h"

/* The status combo's first item: nothing recorded. */
#define STATUS_NONE 0

struct _VigilObservationRow
{
  AdwExpanderRow  parent_instance;

  /* template children */
  GtkImage       *status_icon;
  AdwActionRow   *look_for_row;
  AdwComboRow    *status_row;
  AdwComboRow    *severity_row;
  AdwEntryRow    *note_row;

  VigilChecklist *checklist;
  VigilStandard  *standard;
  GPtrArray      *dynamic_rows; /* notes, then sources: rebuilt when the notes change */
  guint           n_notes_shown;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (VigilObservationRow, vigil_observation_row, ADW_TYPE_EXPANDER_ROW)

/* private helpers */

static const char *
status_icon_name (int status)
{
  switch (status)
    {
    case VIGIL_OBSERVATION_STATUS_RESPECTED:
      return "emblem-ok-symbolic";
    case VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED:
      return "dialog-warning-symbolic";
    case VIGIL_OBSERVATION_STATUS_NOT_RESPECTED:
      return "dialog-error-symbolic";
    case VIGIL_OBSERVATION_STATUS_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    case VIGIL_OBSERVATION_STATUS_NOT_OBSERVED:
      return "view-conceal-symbolic";
    default:
      return "radio-symbolic";
    }
}

static const char *
severity_label (const char *severity)
{
  if (g_strcmp0 (severity, "minor") == 0)
    return _("minor");
  if (g_strcmp0 (severity, "serious") == 0)
    return _("serious");
  if (g_strcmp0 (severity, "grave") == 0)
    return _("grave");
  return NULL;
}

static void
add_source_rows (VigilObservationRow *self)
{
  VigilCatalogue *catalogue = vigil_checklist_get_catalogue (self->checklist);

  for (guint i = 0; i < vigil_standard_get_n_sources (self->standard); i++)
    {
      const VigilStandardSource *source = vigil_standard_get_source (self->standard, i);
      g_autofree char *described = vigil_catalogue_describe_source (catalogue, source);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Read"));
      g_autofree char *detailed = g_strdup_printf ("observation.read-source(uint32 %u)", i);
      /* Translators: the accessible name of a source's Read button; %s
       * names the document and its section */
      g_autofree char *name = g_strdup_printf (_("Read %s"), described);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Source"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), described);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->dynamic_rows, row);
    }
}

static void
show_notes (VigilObservationRow *self, const VigilObservationData *observation)
{
  guint n_notes = observation != NULL && observation->entries != NULL
                    ? observation->entries->len : 0;

  /* Notes are only ever added: the same number is the same notes, and a
   * page of standards is updated whenever a fact changes. */
  if (self->dynamic_rows->len > 0 && n_notes == self->n_notes_shown)
    return;
  self->n_notes_shown = n_notes;
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->dynamic_rows, i));
  g_ptr_array_set_size (self->dynamic_rows, 0);

  for (guint i = 0; observation != NULL && observation->entries != NULL
                    && i < observation->entries->len; i++)
    {
      const VigilObservationNote *note = g_ptr_array_index (observation->entries, i);
      g_autofree char *when = vigil_gui_format_date_time (note->noted_at);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->dynamic_rows, row);
    }
  add_source_rows (self);
}

/* Every control of the row names its standard: a screen reader that
 * lands on "Status" must not have to guess of what. */
static void
set_names (VigilObservationRow *self)
{
  const char *title = vigil_standard_get_title (self->standard);
  /* Translators: accessible names; %s is the title of a standard */
  g_autofree char *status = g_strdup_printf (_("Status of “%s”"), title);
  g_autofree char *severity = g_strdup_printf (_("Severity of “%s”"), title);
  g_autofree char *note = g_strdup_printf (_("Add a timestamped note to “%s”"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->severity_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, severity, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (
                                    GTK_EDITABLE (self->note_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note, -1);
}

/* callbacks */

static void
on_status_selected (VigilObservationRow *self, GParamSpec *pspec, AdwComboRow *row)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->status_row);
  guint status;
  const char *severity = NULL;

  if (self->updating || selected == STATUS_NONE || selected == GTK_INVALID_LIST_POSITION)
    return;
  status = selected - 1;
  if (vigil_observation_status_takes_severity (status))
    {
      /* The severity combo lists the vocabulary in its order. */
      guint level = adw_combo_row_get_selected (self->severity_row);

      severity = level < g_strv_length ((char **) vigil_observation_severities)
                   ? vigil_observation_severities[level] : "serious";
    }
  if (!vigil_checklist_set_status (self->checklist, vigil_standard_get_id (self->standard),
                                   status, severity, &error))
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The status was not saved"), error);
      vigil_observation_row_update (self);
    }
}

static void
on_note_apply (VigilObservationRow *self, AdwEntryRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return;
  if (!vigil_checklist_add_note (self->checklist, vigil_standard_get_id (self->standard), text,
                                 &error))
    {
      /* What was typed stays in the entry, to try again. */
      vigil_gui_toast_error (GTK_WIDGET (self), _("The note was not saved"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
read_source_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilObservationRow *self = VIGIL_OBSERVATION_ROW (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (index >= vigil_standard_get_n_sources (self->standard))
    return;
  window = vigil_source_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    vigil_checklist_get_catalogue (self->checklist),
                                    self->standard,
                                    vigil_standard_get_source (self->standard, index));
  gtk_window_present (GTK_WINDOW (window));
}

/* GObject overrides */

static void
vigil_observation_row_dispose (GObject *object)
{
  VigilObservationRow *self = VIGIL_OBSERVATION_ROW (object);

  g_clear_object (&self->checklist);
  g_clear_object (&self->standard);
  G_OBJECT_CLASS (vigil_observation_row_parent_class)->dispose (object);
}

static void
vigil_observation_row_finalize (GObject *object)
{
  VigilObservationRow *self = VIGIL_OBSERVATION_ROW (object);

  g_ptr_array_unref (self->dynamic_rows);
  G_OBJECT_CLASS (vigil_observation_row_parent_class)->finalize (object);
}

static void
vigil_observation_row_class_init (VigilObservationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_observation_row_dispose;
  object_class->finalize = vigil_observation_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-observation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilObservationRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilObservationRow, look_for_row);
  gtk_widget_class_bind_template_child (widget_class, VigilObservationRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, VigilObservationRow, severity_row);
  gtk_widget_class_bind_template_child (widget_class, VigilObservationRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply);

  gtk_widget_class_install_action (widget_class, "observation.read-source", "u",
                                   read_source_action);
}

static void
vigil_observation_row_init (VigilObservationRow *self)
{
  g_autoptr (GtkStringList) statuses = NULL;
  g_autoptr (GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr (GEnumClass) klass = g_type_class_ref (VIGIL_TYPE_OBSERVATION_STATUS);

  self->dynamic_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  self->updating = TRUE;
  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("Not recorded yet"));
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (statuses, vigil_enum_label (VIGIL_TYPE_OBSERVATION_STATUS,
                                                        klass->values[i].value));
  vigil_gui_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  for (guint i = 0; vigil_observation_severities[i] != NULL; i++)
    gtk_string_list_append (levels, severity_label (vigil_observation_severities[i]));
  vigil_gui_combo_row_set_model (self->severity_row, G_LIST_MODEL (levels));
  self->updating = FALSE;
}

/* public API */

char *
vigil_observation_row_describe (const VigilObservationData *observation)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (VIGIL_TYPE_OBSERVATION_STATUS);
  GEnumValue *value;
  GString *out;
  guint n_notes;

  if (observation == NULL || observation->status == NULL
      || (value = g_enum_get_value_by_nick (klass, observation->status)) == NULL)
    return g_strdup (_("Not recorded yet"));

  out = g_string_new (vigil_enum_label (VIGIL_TYPE_OBSERVATION_STATUS, value->value));
  if (severity_label (observation->severity) != NULL)
    /* Translators: a severity after a status, as in "Not respected (serious)" */
    g_string_append_printf (out, _(" (%s)"), severity_label (observation->severity));
  n_notes = observation->entries != NULL ? observation->entries->len : 0;
  if (n_notes > 0)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes),
                              n_notes);
    }
  return g_string_free (out, FALSE);
}

/**
 * vigil_observation_row_new:
 * @checklist: the hearing's checklist
 * @standard: one of its standards
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
vigil_observation_row_new (VigilChecklist *checklist, VigilStandard *standard)
{
  VigilObservationRow *self;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (VIGIL_IS_STANDARD (standard), NULL);

  self = g_object_new (VIGIL_TYPE_OBSERVATION_ROW, NULL);
  self->checklist = g_object_ref (checklist);
  self->standard = g_object_ref (standard);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), vigil_standard_get_title (standard));
  /* The list box row that takes the focus is this one, not the header
   * that shows the title: without a name of its own it is read as "". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  vigil_standard_get_title (standard), -1);
  adw_action_row_set_subtitle (self->look_for_row, vigil_standard_get_look_for (standard));
  set_names (self);
  vigil_observation_row_update (self);
  return GTK_WIDGET (self);
}

VigilStandard *
vigil_observation_row_get_standard (VigilObservationRow *self)
{
  g_return_val_if_fail (VIGIL_IS_OBSERVATION_ROW (self), NULL);

  return self->standard;
}

void
vigil_observation_row_update (VigilObservationRow *self)
{
  const char *id;
  const VigilObservationData *observation;
  g_autofree char *described = NULL;
  int status;

  g_return_if_fail (VIGIL_IS_OBSERVATION_ROW (self));

  id = vigil_standard_get_id (self->standard);
  observation = vigil_checklist_get_observation (self->checklist, id);
  status = vigil_checklist_get_status (self->checklist, id);
  described = vigil_observation_row_describe (observation);
  if (vigil_checklist_is_extra (self->checklist, id))
    {
      g_autofree char *more = g_strdup_printf (_("%s · recorded before the hearing’s facts "
                                                 "changed"),
                                               described);

      g_free (described);
      described = g_steal_pointer (&more);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), described);
  gtk_image_set_from_icon_name (self->status_icon, status_icon_name (status));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, status >= 0 ? (guint) status + 1 : STATUS_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->severity_row),
                          status >= 0 && vigil_observation_status_takes_severity (status));
  for (guint i = 0; vigil_observation_severities[i] != NULL; i++)
    if (observation != NULL
        && g_strcmp0 (observation->severity, vigil_observation_severities[i]) == 0)
      adw_combo_row_set_selected (self->severity_row, i);
  self->updating = FALSE;

  show_notes (self, observation);
}
