/* vigil-compensation-page.c: compensation claims across cases
 *
 * The claims by status, in the order of the procedure; for each, what was
 * claimed, awarded and paid in its currency, with what was awarded and
 * not paid standing out; the totals per currency; and the deadlines near
 * or past. All of it from vigil_claims_overview_new(), which opens no
 * sealed value: the page shows pseudonyms only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-compensation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-claim-records.h"
#include "vigil-claim-status.h"
#include "vigil-compensation-page.h"
#include "vigil-gui-util.h"
#include "vigil-ids.h"

struct _VigilCompensationPage
{
  AdwBin parent_instance;

  /* template children */
  GtkStack             *stack;
  AdwPreferencesGroup  *deadlines_group;
  AdwPreferencesGroup  *totals_group;
  GtkBox               *groups_box;

  VigilStore           *store;
  char                 *today;
  VigilClaimsOverview  *overview;
  GPtrArray            *rows; /* (element-type GtkWidget) in the two fixed groups */
  guint                 refresh_source;
  gboolean              stale;  /* changed while not shown */
  gboolean              narrow;
};

G_DEFINE_FINAL_TYPE (VigilCompensationPage, vigil_compensation_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static char *
money (gint64 minor, const char *currency)
{
  return vigil_money_format (minor, currency, (locale_t) 0);
}

/* A court reference ("K 1/2024") never breaks across lines. */
static char *
unbroken (const char *text)
{
  g_autoptr (GString) out = g_string_new (text);

  g_string_replace (out, " ", "\u00a0", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
days_text (int days_left)
{
  if (days_left == 0)
    return g_strdup (_("today"));
  if (days_left < 0)
    return g_strdup_printf (ngettext ("%d day past", "%d days past", -days_left), -days_left);
  return g_strdup_printf (ngettext ("in %d day", "in %d days", days_left), days_left);
}

static void
on_claim_row_activated (VigilCompensationPage *self, AdwActionRow *row)
{
  const char *claim_id = g_object_get_data (G_OBJECT (row), "claim-id");

  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim_id);
}

/* An amount that stands out: what was awarded and not paid. */
static GtkWidget *
unpaid_label (gint64 unpaid_minor, const char *currency)
{
  g_autofree char *amount = money (unpaid_minor, currency);
  g_autofree char *text = g_strdup_printf (_("%s not paid"), amount);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "vigil-unpaid");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
claim_row (VigilCompensationPage *self, const VigilClaimSummary *s)
{
  g_autofree char *reference = unbroken (s->case_reference);
  g_autofree char *title = g_strdup_printf ("%s · %s", reference, s->claimant);
  g_autofree char *claimed = money (s->claimed_minor, s->currency);
  g_autofree char *awarded = s->has_awarded ? money (s->awarded_minor, s->currency)
                                            : g_strdup (_("nothing yet"));
  g_autofree char *paid = money (s->paid_minor, s->currency);
  g_autofree char *subtitle = g_strdup_printf (_("Claimed %s · awarded %s · paid %s"), claimed,
                                               awarded, paid);
  g_autofree char *name = g_strdup_printf (_("Open the claim of %s in %s"), s->claimant,
                                           s->case_reference);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (s->claim_id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_claim_row_activated), self,
                           G_CONNECT_SWAPPED);
  if (s->awarded_unpaid_minor > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               unpaid_label (s->awarded_unpaid_minor, s->currency));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  return row;
}

static void
add_fixed_row (VigilCompensationPage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear (VigilCompensationPage *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_clear_pointer (&self->overview, vigil_claims_overview_free);
}

static void
show_deadlines (VigilCompensationPage *self)
{
  for (guint i = 0; i < self->overview->due->len; i++)
    {
      const VigilDueDeadline *d = g_ptr_array_index (self->overview->due, i);
      g_autofree char *reference = unbroken (d->case_reference);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s",
                                                vigil_claim_deadline_label (d->kind), reference,
                                                d->claimant);
      g_autofree char *when = days_text (d->days_left);
      g_autofree char *subtitle = g_strdup_printf ("%s (%s)", when, d->due_on);
      g_autofree char *name = g_strdup_printf (_("Open the claim of %s in %s: %s %s"),
                                               d->claimant, d->case_reference,
                                               vigil_claim_deadline_label (d->kind), when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), d->due_on);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, d->days_left < 0 ? "error" : "warning");
      gtk_widget_add_css_class (badge, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (d->days_left < 0
                                                                   ? "dialog-warning-symbolic"
                                                                   : "alarm-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (d->claim_id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_claim_row_activated), self,
                               G_CONNECT_SWAPPED);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      add_fixed_row (self, self->deadlines_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deadlines_group), self->overview->due->len > 0);
}

static void
show_totals (VigilCompensationPage *self)
{
  g_auto (GStrv) currencies = vigil_money_totals_currencies (self->overview->totals);

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      const char *c = currencies[i];
      VigilMoneyTotals *t = self->overview->totals;
      g_autofree char *claimed = money (vigil_money_totals_get (t, c, VIGIL_CLAIM_TOTAL_CLAIMED), c);
      g_autofree char *awarded = money (vigil_money_totals_get (t, c, VIGIL_CLAIM_TOTAL_AWARDED), c);
      g_autofree char *paid = money (vigil_money_totals_get (t, c, VIGIL_CLAIM_TOTAL_PAID), c);
      gint64 unpaid = vigil_money_totals_get (t, c, VIGIL_CLAIM_TOTAL_AWARDED_UNPAID);
      g_autofree char *subtitle = g_strdup_printf (_("Claimed %s · awarded %s · paid %s"),
                                                   claimed, awarded, paid);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (unpaid > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), unpaid_label (unpaid, c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      subtitle, -1);
      add_fixed_row (self, self->totals_group, row);
    }
}

static void
show_groups (VigilCompensationPage *self)
{
  for (guint g = 0; g < self->overview->groups->len; g++)
    {
      const VigilClaimsOverviewGroup *group = g_ptr_array_index (self->overview->groups, g);
      GtkWidget *widget = adw_preferences_group_new ();
      g_autofree char *count = g_strdup_printf (ngettext ("%u claim", "%u claims",
                                                          group->claims->len),
                                                group->claims->len);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget),
                                       vigil_claim_status_label (group->status));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), count);
      for (guint i = 0; i < group->claims->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget),
                                   claim_row (self, g_ptr_array_index (group->claims, i)));
      gtk_box_append (self->groups_box, widget);
    }
}

static gboolean
refresh_now (gpointer user_data)
{
  VigilCompensationPage *self = VIGIL_COMPENSATION_PAGE (user_data);

  self->refresh_source = 0;
  vigil_compensation_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* callbacks */

static void
on_store_changed (VigilCompensationPage *self)
{
  /* Not shown: read when it is, not while the window is busy elsewhere
   * (an import changes hundreds of cases). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* An import changes many cases at once: read once, when it is done. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_now, self);
}

static void
on_map (VigilCompensationPage *self)
{
  if (self->stale)
    vigil_compensation_page_refresh (self);
}

/* GObject overrides */

static void
vigil_compensation_page_dispose (GObject *object)
{
  VigilCompensationPage *self = VIGIL_COMPENSATION_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, vigil_claims_overview_free);
  G_OBJECT_CLASS (vigil_compensation_page_parent_class)->dispose (object);
}

static void
vigil_compensation_page_finalize (GObject *object)
{
  VigilCompensationPage *self = VIGIL_COMPENSATION_PAGE (object);

  g_free (self->today);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (vigil_compensation_page_parent_class)->finalize (object);
}

static void
vigil_compensation_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VigilCompensationPage *self = VIGIL_COMPENSATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_compensation_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VigilCompensationPage *self = VIGIL_COMPENSATION_PAGE (object);

  switch (prop_id)
    {
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

static void
vigil_compensation_page_class_init (VigilCompensationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_compensation_page_dispose;
  object_class->finalize = vigil_compensation_page_finalize;
  object_class->get_property = vigil_compensation_page_get_property;
  object_class->set_property = vigil_compensation_page_set_property;

  properties[PROP_NARROW] = g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilCompensationPage::claim-activated:
   * @claim_id: the claim chosen
   */
  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-compensation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCompensationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilCompensationPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, VigilCompensationPage, totals_group);
  gtk_widget_class_bind_template_child (widget_class, VigilCompensationPage, groups_box);
}

static void
vigil_compensation_page_init (VigilCompensationPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/* public API */

GtkWidget *
vigil_compensation_page_new (void)
{
  return g_object_new (VIGIL_TYPE_COMPENSATION_PAGE, NULL);
}

void
vigil_compensation_page_set_store (VigilCompensationPage *self, VigilStore *store)
{
  g_return_if_fail (VIGIL_IS_COMPENSATION_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "case-changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
    }
  vigil_compensation_page_refresh (self);
}

void
vigil_compensation_page_set_today (VigilCompensationPage *self, const char *today)
{
  g_return_if_fail (VIGIL_IS_COMPENSATION_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  vigil_compensation_page_refresh (self);
}

/**
 * vigil_compensation_page_refresh:
 *
 * Reads the claims again; with no store (locked), shows nothing.
 */
void
vigil_compensation_page_refresh (VigilCompensationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (VIGIL_IS_COMPENSATION_PAGE (self));

  self->stale = FALSE;
  clear (self);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  today = self->today != NULL ? g_strdup (self->today) : vigil_date_today ();
  self->overview = vigil_claims_overview_new (self->store, today,
                                              VIGIL_COMPENSATION_DEADLINE_DAYS, &error);
  if (self->overview == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The claims could not be read"), error);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_deadlines (self);
  show_totals (self);
  show_groups (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->overview->summaries->len > 0 ? "claims" : "empty");
}

VigilClaimsOverview *
vigil_compensation_page_get_overview (VigilCompensationPage *self)
{
  g_return_val_if_fail (VIGIL_IS_COMPENSATION_PAGE (self), NULL);

  return self->overview;
}
