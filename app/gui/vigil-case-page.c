/* vigil-case-page.c: one case, its persons and its hearings
 *
 * Identities are the most sensitive thing Vigil holds. The page loads one
 * only after an explicit, confirmed reveal of that person, keeps it only
 * while the page is on screen, and wipes it (vigil_identity_free()) when
 * the page is left, the case changes or the vault locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-assessment-group.h"
#include "vigil-case-editor.h"
#include "vigil-case-page.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-editor.h"
#include "vigil-hearing-row.h"
#include "vigil-person-editor.h"
#include "vigil-person-row.h"

struct _VigilCasePage
{
  AdwBin          parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkWidget      *edit_button;
  GtkWidget      *add_person_button;
  GtkWidget      *add_hearing_button;
  GtkLabel       *reference_label;
  GtkLabel       *court_label;
  GtkLabel       *stage_badge;
  GtkLabel       *outcome_badge;
  GtkLabel       *adjourned_badge;
  AdwActionRow   *charges_row;
  AdwActionRow   *outcome_row;
  AdwActionRow   *notes_row;
  GtkListBox     *persons_list;
  GtkListBox     *hearings_list;
  VigilAssessmentGroup *assessment_group;
  GtkWidget      *persons_placeholder;
  GtkWidget      *hearings_placeholder;

  VigilStore     *store;
  char           *case_id;
  VigilCase      *kase;
  GListStore     *persons;
  GListStore     *hearings;
  GHashTable     *identities; /* person id -> VigilIdentity, revealed */
  guint           generation; /* bumped whenever reveals must not land */
  gboolean        narrow;
};

G_DEFINE_FINAL_TYPE (VigilCasePage, vigil_case_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CLOSED,
  HEARING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  VigilCasePage *self;
  char          *person_id;
  guint          generation;
} RevealData;

/* private helpers */

static void
reveal_data_free (RevealData *data)
{
  g_object_unref (data->self);
  g_free (data->person_id);
  g_free (data);
}

static GtkWindow *
parent_window (VigilCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Borrowed from the list, which keeps it alive. */
static VigilPerson *
find_person (VigilCasePage *self, const char *person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->persons));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilPerson) person = g_list_model_get_item (G_LIST_MODEL (self->persons), i);

      if (g_strcmp0 (vigil_person_get_id (person), person_id) == 0)
        return person;
    }
  return NULL;
}

static VigilHearing *
find_hearing (VigilCasePage *self, const char *hearing_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hearings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilHearing) hearing = g_list_model_get_item (G_LIST_MODEL (self->hearings), i);

      if (g_strcmp0 (vigil_hearing_get_id (hearing), hearing_id) == 0)
        return hearing;
    }
  return NULL;
}

static VigilPersonRow *
find_person_row (VigilCasePage *self, const char *person_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->persons_list, i)) != NULL; i++)
    if (VIGIL_IS_PERSON_ROW (row)
        && g_strcmp0 (vigil_person_get_id (vigil_person_row_get_person (VIGIL_PERSON_ROW (row))),
                      person_id)
             == 0)
      return VIGIL_PERSON_ROW (row);
  return NULL;
}

static void
update_actions (VigilCasePage *self)
{
  gboolean ready = self->store != NULL && self->kase != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-person", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit-person", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.reveal-person", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.hide-person", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-hearing", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit-hearing", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit-focused", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.toggle-focused-identity", ready);
}

/* The buttons say which case they act on. */
static void
update_names (VigilCasePage *self)
{
  const char *reference = self->kase != NULL ? vigil_case_get_reference (self->kase) : "";
  /* Translators: %s is a case's court reference */
  g_autofree char *edit = g_strdup_printf (_("Edit the case %s"), reference);
  /* Translators: %s is a case's court reference */
  g_autofree char *person = g_strdup_printf (_("Add a person to the case %s"), reference);
  /* Translators: %s is a case's court reference */
  g_autofree char *hearing = g_strdup_printf (_("Add a hearing to the case %s"), reference);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_person_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, person, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_hearing_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hearing, -1);
}

/* The row of the persons or hearings list that has the keyboard focus. */
static GtkWidget *
focused_row (VigilCasePage *self, GType type)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, type) : NULL;

  return row != NULL && gtk_widget_is_ancestor (row, GTK_WIDGET (self)) ? row : NULL;
}

static void
show_case (VigilCasePage *self)
{
  VigilCase *kase = self->kase;
  g_autofree char *court = NULL;
  g_autofree char *charges = NULL;
  g_autofree char *outcome = NULL;
  const char *notes;

  update_names (self);
  if (kase == NULL)
    {
      adw_window_title_set_title (self->window_title, NULL);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_label_set_label (self->reference_label, "");
      gtk_label_set_label (self->court_label, "");
      adw_action_row_set_subtitle (self->charges_row, "");
      adw_action_row_set_subtitle (self->notes_row, "");
      return;
    }

  if (vigil_case_get_jurisdiction (kase) != NULL && vigil_case_get_jurisdiction (kase)[0] != '\0')
    /* Translators: "<court>, <jurisdiction>" */
    court = g_strdup_printf (_("%s, %s"), vigil_case_get_court (kase),
                             vigil_case_get_jurisdiction (kase));
  else
    court = g_strdup (vigil_case_get_court (kase));

  adw_window_title_set_title (self->window_title, vigil_case_get_reference (kase));
  adw_window_title_set_subtitle (self->window_title, vigil_case_get_court (kase));
  gtk_label_set_label (self->reference_label, vigil_case_get_reference (kase));
  gtk_label_set_label (self->court_label, court);

  gtk_label_set_label (self->stage_badge,
                       vigil_enum_label (VIGIL_TYPE_CASE_STAGE, vigil_case_get_stage (kase)));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_badge),
                          vigil_case_get_outcome (kase) != VIGIL_CASE_OUTCOME_NONE);
  gtk_label_set_label (self->outcome_badge,
                       vigil_enum_label (VIGIL_TYPE_CASE_OUTCOME, vigil_case_get_outcome (kase)));
  gtk_widget_set_visible (GTK_WIDGET (self->adjourned_badge),
                          vigil_case_get_adjourned_sine_die (kase));

  charges = g_strjoinv ("\n", (char **) vigil_case_get_charges (kase));
  adw_action_row_set_subtitle (self->charges_row,
                               charges[0] != '\0' ? charges : _("No charges recorded"));

  if (vigil_case_get_outcome (kase) == VIGIL_CASE_OUTCOME_CONVICTION
      && vigil_case_get_convicted_charge (kase) != NULL
      && vigil_case_get_convicted_charge (kase)[0] != '\0')
    /* Translators: "Conviction: <the charge convicted on>" */
    outcome = g_strdup_printf (_("%s: %s"),
                               vigil_enum_label (VIGIL_TYPE_CASE_OUTCOME,
                                                 vigil_case_get_outcome (kase)),
                               vigil_case_get_convicted_charge (kase));
  else
    outcome = g_strdup (vigil_enum_label (VIGIL_TYPE_CASE_OUTCOME, vigil_case_get_outcome (kase)));
  adw_action_row_set_subtitle (self->outcome_row, outcome);

  notes = vigil_case_get_notes (kase);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_row), notes != NULL && notes[0] != '\0');
  adw_action_row_set_subtitle (self->notes_row, notes != NULL ? notes : "");
}

static void
replace_items (GListStore *store, GPtrArray *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}

/* Forgets revealed identities of persons the case no longer has. */
static void
prune_identities (VigilCasePage *self)
{
  GHashTableIter iter;
  const char *person_id;

  g_hash_table_iter_init (&iter, self->identities);
  while (g_hash_table_iter_next (&iter, (gpointer *) &person_id, NULL))
    if (find_person (self, person_id) == NULL)
      g_hash_table_iter_remove (&iter);
}

static void
reload (VigilCasePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) hearings = NULL;

  g_clear_object (&self->kase);
  vigil_assessment_group_set (self->assessment_group,
                              self->case_id != NULL ? self->store : NULL, self->case_id, NULL);
  if (self->store == NULL || self->case_id == NULL)
    {
      replace_items (self->persons, NULL);
      replace_items (self->hearings, NULL);
      show_case (self);
      update_actions (self);
      return;
    }

  self->kase = vigil_store_get_case (self->store, self->case_id, &error);
  if (self->kase == NULL)
    {
      replace_items (self->persons, NULL);
      replace_items (self->hearings, NULL);
      show_case (self);
      update_actions (self);
      if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND))
        vigil_gui_toast_error (GTK_WIDGET (self), _("The case could not be opened"), error);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  show_case (self);

  persons = vigil_store_list_persons (self->store, self->case_id, &error);
  if (persons == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The persons could not be loaded"), error);
      g_clear_error (&error);
    }
  replace_items (self->persons, persons);
  prune_identities (self);

  hearings = vigil_store_list_hearings (self->store, self->case_id, &error);
  if (hearings == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The hearings could not be loaded"), error);
      g_clear_error (&error);
    }
  replace_items (self->hearings, hearings);
  update_actions (self);
}

static GtkWidget *
create_person_row (gpointer item, gpointer user_data)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (user_data);
  GtkWidget *row = vigil_person_row_new (VIGIL_PERSON (item));
  const VigilIdentity *identity =
    g_hash_table_lookup (self->identities, vigil_person_get_id (VIGIL_PERSON (item)));

  if (identity != NULL)
    vigil_person_row_set_identity (VIGIL_PERSON_ROW (row), identity);
  return row;
}

static GtkWidget *
create_hearing_row (gpointer item, gpointer user_data)
{
  return vigil_hearing_row_new (VIGIL_HEARING (item));
}

static void
show_identity (VigilCasePage *self, const char *person_id, VigilIdentity *identity)
{
  VigilPersonRow *row;

  /* The table owns the identity and wipes it when it is removed. */
  g_hash_table_replace (self->identities, g_strdup (person_id), identity);
  row = find_person_row (self, person_id);
  if (row != NULL)
    vigil_person_row_set_identity (row, identity);
}

/* Loads and shows the identity; the person has already been confirmed. */
static void
load_identity (VigilCasePage *self, VigilPerson *person)
{
  g_autoptr (GError) error = NULL;
  VigilIdentity *identity = vigil_store_load_identity (self->store, person, &error);

  if (identity == NULL && error != NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The identity could not be opened"), error);
      return;
    }
  /* None was recorded: an empty one says so. */
  if (identity == NULL)
    identity = vigil_identity_new ();
  show_identity (self, vigil_person_get_id (person), identity);
}

/* callbacks */

static void
on_case_changed (VigilCasePage *self, const char *case_id, VigilStore *store)
{
  if (g_strcmp0 (case_id, self->case_id) == 0)
    reload (self);
}

/* vigil-cli or another window wrote to the vault: the case may have
 * changed, or be gone. */
static void
on_changed_elsewhere (VigilCasePage *self, VigilStore *store)
{
  if (self->case_id != NULL)
    reload (self);
}

static void
on_reveal_confirmed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RevealData *data = user_data;
  VigilCasePage *self = data->self;
  VigilPerson *person;

  /* Only if nothing was hidden, locked or left while the dialog was up. */
  if (vigil_gui_confirm_reveal_finish (result, NULL) && data->generation == self->generation
      && self->store != NULL && (person = find_person (self, data->person_id)) != NULL)
    load_identity (self, person);
  reveal_data_free (data);
}

static void
on_person_saved (VigilCasePage *self, VigilPerson *person, VigilPersonEditor *editor)
{
  VigilPerson *shown;

  /* A revealed identity may have been edited: show it as saved. */
  if (g_hash_table_contains (self->identities, vigil_person_get_id (person))
      && (shown = find_person (self, vigil_person_get_id (person))) != NULL)
    load_identity (self, shown);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  GtkWidget *editor = vigil_case_editor_new (parent_window (self), self->store, self->kase);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_person_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  GtkWidget *editor =
    vigil_person_editor_new (parent_window (self), self->store, self->case_id, NULL, NULL);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_person_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  const char *person_id = g_variant_get_string (parameter, NULL);
  VigilPerson *person = find_person (self, person_id);
  GtkWidget *editor;

  if (person == NULL)
    return;
  editor = vigil_person_editor_new (parent_window (self), self->store, self->case_id, person,
                                    g_hash_table_lookup (self->identities, person_id));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_person_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
reveal_person_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  vigil_case_page_reveal_person (VIGIL_CASE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
hide_person_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  const char *person_id = g_variant_get_string (parameter, NULL);
  VigilPersonRow *row = find_person_row (self, person_id);

  if (row != NULL)
    vigil_person_row_set_identity (row, NULL);
  g_hash_table_remove (self->identities, person_id);
}

/* F2: what has the keyboard is what is edited: a person, a hearing, or
 * else the case. */
static void
edit_focused_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  GtkWidget *person = focused_row (self, VIGIL_TYPE_PERSON_ROW);
  GtkWidget *hearing = focused_row (self, VIGIL_TYPE_HEARING_ROW);

  if (person != NULL)
    gtk_widget_activate_action (
      widget, "case.edit-person", "s",
      vigil_person_get_id (vigil_person_row_get_person (VIGIL_PERSON_ROW (person))));
  else if (hearing != NULL)
    gtk_widget_activate_action (
      widget, "case.edit-hearing", "s",
      vigil_hearing_get_id (vigil_hearing_row_get_hearing (VIGIL_HEARING_ROW (hearing))));
  else
    gtk_widget_activate_action (widget, "case.edit", NULL);
}

/* Ctrl+Shift+R: the identity of the person whose row has the keyboard is
 * revealed, after the confirmation, or hidden again. */
static void
toggle_focused_identity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  GtkWidget *row = focused_row (self, VIGIL_TYPE_PERSON_ROW);
  const char *person_id;

  if (row == NULL)
    {
      vigil_gui_toast (widget, _("Move to a person first, with Tab or the arrow keys"));
      return;
    }
  person_id = vigil_person_get_id (vigil_person_row_get_person (VIGIL_PERSON_ROW (row)));
  gtk_widget_activate_action (widget,
                              vigil_case_page_is_revealed (self, person_id) ? "case.hide-person"
                                                                            : "case.reveal-person",
                              "s", person_id);
}

static void
on_hearing_activated (VigilCasePage *self, GtkListBoxRow *row, GtkListBox *list)
{
  if (VIGIL_IS_HEARING_ROW (row))
    g_signal_emit (self, signals[HEARING_ACTIVATED], 0,
                   vigil_hearing_get_id (vigil_hearing_row_get_hearing (VIGIL_HEARING_ROW (row))));
}

static void
add_hearing_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  GtkWidget *editor =
    vigil_hearing_editor_new (parent_window (self), self->store, self->case_id, NULL);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_hearing_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (widget);
  VigilHearing *hearing = find_hearing (self, g_variant_get_string (parameter, NULL));
  GtkWidget *editor;

  if (hearing == NULL)
    return;
  editor = vigil_hearing_editor_new (parent_window (self), self->store, self->case_id, hearing);
  gtk_window_present (GTK_WINDOW (editor));
}

/* GObject overrides */

static void
vigil_case_page_dispose (GObject *object)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (object);

  vigil_case_page_set_store (self, NULL);
  if (self->persons_list != NULL)
    gtk_list_box_bind_model (self->persons_list, NULL, NULL, NULL, NULL);
  if (self->hearings_list != NULL)
    gtk_list_box_bind_model (self->hearings_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->identities, g_hash_table_unref);
  g_clear_object (&self->persons);
  g_clear_object (&self->hearings);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (vigil_case_page_parent_class)->dispose (object);
}

static void
vigil_case_page_finalize (GObject *object)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (object);

  g_free (self->case_id);
  G_OBJECT_CLASS (vigil_case_page_parent_class)->finalize (object);
}

static void
vigil_case_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_case_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  VigilCasePage *self = VIGIL_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_case_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE_ID:
      vigil_case_page_set_case_id (self, g_value_get_string (value));
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

/* Leaving the page (or the window going away) hides every identity. */
static void
vigil_case_page_unmap (GtkWidget *widget)
{
  vigil_case_page_hide_identities (VIGIL_CASE_PAGE (widget));
  GTK_WIDGET_CLASS (vigil_case_page_parent_class)->unmap (widget);
}

/* The keyboard starts at the top, on the way back: F2 then edits the
 * case, and Tab leads on to its persons and hearings. */
static gboolean
vigil_case_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_child_focus (adw_bin_get_child (ADW_BIN (widget)), GTK_DIR_TAB_FORWARD);
}

static void
vigil_case_page_class_init (VigilCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_case_page_dispose;
  object_class->finalize = vigil_case_page_finalize;
  object_class->get_property = vigil_case_page_get_property;
  object_class->set_property = vigil_case_page_set_property;
  widget_class->unmap = vigil_case_page_unmap;
  widget_class->grab_focus = vigil_case_page_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilCasePage::closed:
   *
   * The person asked to go back, or the case no longer exists.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VigilCasePage::hearing-activated:
   * @hearing_id: the hearing to open
   */
  signals[HEARING_ACTIVATED] = g_signal_new ("hearing-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, add_hearing_button);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, court_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, stage_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, outcome_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, adjourned_badge);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, charges_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, persons_list);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, hearings_list);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, assessment_group);
  gtk_widget_class_bind_template_callback (widget_class, on_hearing_activated);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, persons_placeholder);
  gtk_widget_class_bind_template_child (widget_class, VigilCasePage, hearings_placeholder);

  gtk_widget_class_install_action (widget_class, "case.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "case.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "case.edit-person", "s", edit_person_action);
  gtk_widget_class_install_action (widget_class, "case.reveal-person", "s",
                                   reveal_person_action);
  gtk_widget_class_install_action (widget_class, "case.hide-person", "s", hide_person_action);
  gtk_widget_class_install_action (widget_class, "case.add-hearing", NULL, add_hearing_action);
  gtk_widget_class_install_action (widget_class, "case.edit-hearing", "s", edit_hearing_action);
  gtk_widget_class_install_action (widget_class, "case.edit-focused", NULL, edit_focused_action);
  gtk_widget_class_install_action (widget_class, "case.toggle-focused-identity", NULL,
                                   toggle_focused_identity_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case.back", NULL);
}

static void
vigil_case_page_init (VigilCasePage *self)
{
  g_type_ensure (VIGIL_TYPE_ASSESSMENT_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));

  self->persons = g_list_store_new (VIGIL_TYPE_PERSON);
  self->hearings = g_list_store_new (VIGIL_TYPE_HEARING);
  self->identities =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) vigil_identity_free);

  gtk_list_box_set_placeholder (self->persons_list, self->persons_placeholder);
  gtk_list_box_set_placeholder (self->hearings_list, self->hearings_placeholder);
  gtk_list_box_bind_model (self->persons_list, G_LIST_MODEL (self->persons), create_person_row,
                           self, NULL);
  gtk_list_box_bind_model (self->hearings_list, G_LIST_MODEL (self->hearings), create_hearing_row,
                           self, NULL);
  update_actions (self);
}

/* public API */

GtkWidget *
vigil_case_page_new (void)
{
  return g_object_new (VIGIL_TYPE_CASE_PAGE, NULL);
}

VigilStore *
vigil_case_page_get_store (VigilCasePage *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE_PAGE (self), NULL);

  return self->store;
}

void
vigil_case_page_set_store (VigilCasePage *self, VigilStore *store)
{
  g_return_if_fail (VIGIL_IS_CASE_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;

  vigil_case_page_hide_identities (self);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_case_changed, self);
      g_signal_handlers_disconnect_by_func (self->store, on_changed_elsewhere, self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "case-changed", G_CALLBACK (on_case_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere),
                               self, G_CONNECT_SWAPPED);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
vigil_case_page_get_case_id (VigilCasePage *self)
{
  g_return_val_if_fail (VIGIL_IS_CASE_PAGE (self), NULL);

  return self->case_id;
}

void
vigil_case_page_set_case_id (VigilCasePage *self, const char *case_id)
{
  g_return_if_fail (VIGIL_IS_CASE_PAGE (self));

  if (g_strcmp0 (self->case_id, case_id) == 0)
    return;

  vigil_case_page_hide_identities (self);
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

void
vigil_case_page_reveal_person (VigilCasePage *self, const char *person_id)
{
  VigilPerson *person;
  RevealData *data;

  g_return_if_fail (VIGIL_IS_CASE_PAGE (self));
  g_return_if_fail (person_id != NULL);

  person = find_person (self, person_id);
  if (person == NULL || self->store == NULL)
    return;

  data = g_new0 (RevealData, 1);
  data->self = g_object_ref (self);
  data->person_id = g_strdup (person_id);
  data->generation = self->generation;
  vigil_gui_confirm_reveal (GTK_WIDGET (self), vigil_person_get_pseudonym (person),
                            on_reveal_confirmed, data);
}

gboolean
vigil_case_page_is_revealed (VigilCasePage *self, const char *person_id)
{
  g_return_val_if_fail (VIGIL_IS_CASE_PAGE (self), FALSE);

  return self->identities != NULL && g_hash_table_contains (self->identities, person_id);
}

void
vigil_case_page_hide_identities (VigilCasePage *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (VIGIL_IS_CASE_PAGE (self));

  self->generation++;
  if (self->identities == NULL)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->persons_list, i)) != NULL; i++)
    if (VIGIL_IS_PERSON_ROW (row))
      vigil_person_row_set_identity (VIGIL_PERSON_ROW (row), NULL);
  g_hash_table_remove_all (self->identities);
}
