/* vigil-claim-editor.c: one compensation claim, followed from drafting to
 * the money paid
 *
 * Every change is its own save, as a lawyer records things as they
 * happen: a change of status (offering only those the procedure allows,
 * and asking why where it must), a payment, an asset linked, the unpaid
 * wages calculated. After each the claim is read again from the store, so
 * what the window shows is what was saved. Amounts are typed and shown in
 * the user's locale; what was paid is the sum of the payments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-claim-editor.h"
#include "vigil-claim-worksheet.h"
#include "vigil-claim-records.h"
#include "vigil-claim-status.h"
#include "vigil-evidence-list.h"
#include "vigil-gui-util.h"
#include "vigil-ids.h"
#include "vigil-money.h"
#include "vigil-record-rules.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims.h"
#include "vigil-wage-calculator.h"

struct _VigilClaimEditor
{
  AdwWindow parent_instance;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkScrolledWindow   *form;
  AdwActionRow        *amounts_row;
  GtkLabel            *unpaid_label;
  AdwActionRow        *status_row;
  AdwComboRow         *next_status_row;
  AdwComboRow         *reason_row;
  AdwEntryRow         *status_date_row;
  GtkButton           *record_status_button;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *deadlines_group;
  AdwComboRow         *deadline_kind_row;
  AdwEntryRow         *deadline_date_row;
  GtkButton           *add_deadline_button;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *wages_group;
  AdwEntryRow         *wage_start_row;
  AdwEntryRow         *wage_end_row;
  AdwEntryRow         *wage_hours_row;
  AdwEntryRow         *wage_rate_row;
  GtkSwitch           *wage_minimum_switch;
  AdwEntryRow         *wage_source_row;
  AdwEntryRow         *wage_paid_row;
  GtkLabel            *formula_label;
  GtkButton           *calculate_button;
  GtkButton           *use_wages_button;
  AdwPreferencesGroup *payments_group;
  AdwEntryRow         *payment_date_row;
  AdwComboRow         *payer_row;
  AdwComboRow         *payment_head_row;
  AdwEntryRow         *payment_amount_row;
  GtkButton           *add_payment_button;
  AdwPreferencesGroup *assets_group;
  AdwPreferencesGroup *link_asset_group;
  AdwComboRow         *asset_row;
  GtkButton           *link_asset_button;
  AdwPreferencesGroup *new_asset_group;
  AdwComboRow         *asset_defendant_row;
  AdwComboRow         *asset_kind_row;
  AdwComboRow         *asset_state_row;
  AdwEntryRow         *asset_value_row;
  AdwEntryRow         *asset_description_row;
  GtkButton           *add_asset_button;
  AdwPreferencesGroup *evidence_group;
  GtkButton           *worksheet_button;

  VigilStore          *store;
  char                *claim_id;
  char                *today;
  VigilClaimData      *claim;
  char                *claimant;       /* pseudonym */
  char                *reference;
  GPtrArray           *rows;           /* (element-type GtkWidget) built from the claim */
  GPtrArray           *assets;         /* (element-type VigilDefendantAsset) of the case */
  GPtrArray           *unlinked;       /* (element-type utf8) ids, as asset_row lists them */
  GPtrArray           *defendants;     /* (element-type utf8) ids, as asset_defendant_row */
  const char * const  *next_statuses;  /* as next_status_row lists them */
  gint64               wages_unpaid;
  gboolean             wages_ready;
  /* The last calculation, for the worksheet. */
  VigilWageInput       wages;
  char                *wages_start;
  char                *wages_end;
  char                *wages_source;
  char                *wages_currency;
};

G_DEFINE_FINAL_TYPE (VigilClaimEditor, vigil_claim_editor, ADW_TYPE_WINDOW)

/* private helpers */

static char *
money (VigilClaimEditor *self, gint64 minor)
{
  return vigil_money_format (minor, self->claim->currency, (locale_t) 0);
}

static void
add_row (VigilClaimEditor *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (VigilClaimEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
name (gpointer widget, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The accessible name of a control: what it does, and to whom. */
static void
name (gpointer widget, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static const char *
item_label (VigilClaimEditor *self, const char *item_id)
{
  for (guint i = 0; item_id != NULL && i < self->claim->items->len; i++)
    {
      const VigilClaimItemData *item = g_ptr_array_index (self->claim->items, i);

      if (g_str_equal (item->id, item_id))
        return vigil_claim_head_label (item->head);
    }
  return _("The claim as a whole");
}

static void
show_amounts (VigilClaimEditor *self)
{
  gint64 claimed = 0, awarded = 0;
  gboolean has_awarded = FALSE;
  g_autofree char *claimed_text = NULL;
  g_autofree char *awarded_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->claim->items->len; i++)
    {
      const VigilClaimItemData *item = g_ptr_array_index (self->claim->items, i);

      /* Each at most 10^15, a claim of far fewer than 9,000 heads. */
      claimed += item->claimed_minor;
      if (item->has_awarded)
        {
          awarded += item->awarded_minor;
          has_awarded = TRUE;
        }
    }
  claimed_text = money (self, claimed);
  awarded_text = has_awarded ? money (self, awarded) : g_strdup (_("nothing yet"));
  paid_text = money (self, self->claim->paid_minor);
  subtitle = g_strdup_printf (_("Claimed %s · awarded %s · paid %s"), claimed_text, awarded_text,
                              paid_text);
  adw_action_row_set_subtitle (self->amounts_row, subtitle);
  if (has_awarded && awarded > self->claim->paid_minor)
    {
      g_autofree char *unpaid = money (self, awarded - self->claim->paid_minor);
      g_autofree char *text = g_strdup_printf (_("%s awarded, not paid"), unpaid);

      gtk_label_set_text (self->unpaid_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->unpaid_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->unpaid_label), FALSE);
}

static void
update_reason_visibility (VigilClaimEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->next_status_row);
  const char *next = NULL;

  if (self->next_statuses != NULL && selected != GTK_INVALID_LIST_POSITION
      && selected < g_strv_length ((char **) self->next_statuses))
    next = self->next_statuses[selected];
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          next != NULL && vigil_claim_status_needs_reason (next));
}

static void
show_status (VigilClaimEditor *self)
{
  g_autoptr (GtkStringList) next = gtk_string_list_new (NULL);
  gboolean final;

  adw_action_row_set_subtitle (self->status_row, vigil_claim_status_label (self->claim->status));
  self->next_statuses = vigil_claim_status_next (self->claim->status);
  for (guint i = 0; self->next_statuses[i] != NULL; i++)
    gtk_string_list_append (next, vigil_claim_status_label (self->next_statuses[i]));
  vigil_gui_combo_row_set_model (self->next_status_row, G_LIST_MODEL (next));
  final = self->next_statuses[0] == NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->next_status_row), !final);
  gtk_widget_set_visible (GTK_WIDGET (self->status_date_row), !final);
  gtk_widget_set_visible (GTK_WIDGET (self->record_status_button), !final);
  if (final)
    gtk_widget_set_visible (GTK_WIDGET (self->reason_row), FALSE);
  else
    update_reason_visibility (self);

  for (guint i = 0; i < self->claim->history->len; i++)
    {
      const VigilClaimStatusChange *change = g_ptr_array_index (self->claim->history, i);
      g_autoptr (GString) subtitle = g_string_new (change->changed_on);

      if (change->changed_by != NULL)
        g_string_append_printf (subtitle, _(" · recorded by %s"), change->changed_by);
      if (change->reason != NULL)
        g_string_append_printf (subtitle, " · %s", vigil_claim_reason_label (change->reason));
      add_row (self, self->history_group,
               text_row (vigil_claim_status_label (change->status), subtitle->str));
    }
  if (self->claim->history->len == 0)
    add_row (self, self->history_group,
             text_row (_("No change recorded yet"),
                       _("Each change of status is kept here with its date and who recorded it.")));
}

static void on_deadline_met (VigilClaimEditor *self, GParamSpec *pspec, GtkCheckButton *check);

static void
show_deadlines_and_items (VigilClaimEditor *self)
{
  for (guint i = 0; i < self->claim->deadlines->len; i++)
    {
      const VigilClaimDeadline *d = g_ptr_array_index (self->claim->deadlines, i);
      GtkWidget *row = text_row (vigil_claim_deadline_label (d->kind), d->due_on);
      GtkWidget *met = gtk_check_button_new_with_label (_("Met"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (met), d->done);
      gtk_widget_set_valign (met, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (met), "deadline", (gpointer) d);
      g_signal_connect_object (met, "notify::active", G_CALLBACK (on_deadline_met), self,
                               G_CONNECT_SWAPPED);
      name (met, _("The %s of the claim of %s (%s) was met"),
            vigil_claim_deadline_label (d->kind), self->claimant, d->due_on);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), met);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), met);
      add_row (self, self->deadlines_group, row);
    }
  if (self->claim->deadlines->len == 0)
    add_row (self, self->deadlines_group,
             text_row (_("No deadline recorded"),
                       _("Filing, limitation, appeal and enforcement deadlines: those near or "
                         "past are shown in the Compensation section.")));

  for (guint i = 0; i < self->claim->items->len; i++)
    {
      const VigilClaimItemData *item = g_ptr_array_index (self->claim->items, i);
      g_autofree char *claimed = money (self, item->claimed_minor);
      g_autofree char *awarded = item->has_awarded ? money (self, item->awarded_minor)
                                                   : g_strdup (_("nothing yet"));
      g_autofree char *paid = money (self, item->has_paid ? item->paid_minor : 0);
      g_autofree char *subtitle = g_strdup_printf (_("Claimed %s · awarded %s · paid %s"),
                                                   claimed, awarded, paid);

      add_row (self, self->items_group, text_row (vigil_claim_head_label (item->head), subtitle));
    }
}

static void
show_payments (VigilClaimEditor *self)
{
  g_autoptr (GtkStringList) payers = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) heads = gtk_string_list_new (NULL);
  guint previous_payer = adw_combo_row_get_selected (self->payer_row);

  for (guint i = 0; i < self->claim->payments->len; i++)
    {
      const VigilClaimPayment *p = g_ptr_array_index (self->claim->payments, i);
      g_autofree char *amount = money (self, p->amount_minor);
      g_autofree char *subtitle
          = g_strdup_printf ("%s · %s · %s",
                             p->paid_on != NULL ? p->paid_on
                                                : _("date not recorded (entered before payments "
                                                    "were kept one by one)"),
                             vigil_claim_payer_label (p->payer), item_label (self, p->item_id));

      add_row (self, self->payments_group, text_row (amount, subtitle));
    }
  if (self->claim->payments->len == 0)
    add_row (self, self->payments_group, text_row (_("Nothing paid yet"), NULL));

  for (guint i = 0; vigil_claim_payers[i] != NULL; i++)
    gtk_string_list_append (payers, vigil_claim_payer_label (vigil_claim_payers[i]));
  vigil_gui_combo_row_set_model (self->payer_row, G_LIST_MODEL (payers));
  if (previous_payer != GTK_INVALID_LIST_POSITION
      && previous_payer < g_strv_length ((char **) vigil_claim_payers))
    adw_combo_row_set_selected (self->payer_row, previous_payer);
  gtk_string_list_append (heads, _("The claim as a whole"));
  for (guint i = 0; i < self->claim->items->len; i++)
    gtk_string_list_append (heads, vigil_claim_head_label (
                                       ((VigilClaimItemData *) g_ptr_array_index (
                                            self->claim->items, i))->head));
  vigil_gui_combo_row_set_model (self->payment_head_row, G_LIST_MODEL (heads));
}

static const char *
pseudonym_of (VigilClaimEditor *self, const char *person_id)
{
  g_autoptr (VigilPerson) person = vigil_store_get_person (self->store, person_id, NULL);

  /* Kept on the asset, so the text outlives the person read here. */
  if (person == NULL)
    return "";
  return g_intern_string (vigil_person_get_pseudonym (person));
}

/* Only defendants own assets: the form is hidden in a case without any. */
static void
show_defendants (VigilClaimEditor *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) persons = vigil_store_list_persons (self->store, self->claim->case_id,
                                                            NULL);

  g_ptr_array_set_size (self->defendants, 0);
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (persons, i);

      if (vigil_person_get_role (person) != VIGIL_PERSON_ROLE_DEFENDANT)
        continue;
      gtk_string_list_append (names, vigil_person_get_pseudonym (person));
      g_ptr_array_add (self->defendants, g_strdup (vigil_person_get_id (person)));
    }
  vigil_gui_combo_row_set_model (self->asset_defendant_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->new_asset_group), self->defendants->len > 0);
}

static void
show_assets (VigilClaimEditor *self)
{
  g_autoptr (GtkStringList) unlinked = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->assets, g_ptr_array_unref);
  g_ptr_array_set_size (self->unlinked, 0);
  self->assets = vigil_store_list_defendant_assets (self->store, self->claim->case_id, &error);
  if (self->assets == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The assets could not be read"), error);
      self->assets = g_ptr_array_new ();
    }
  for (guint a = 0; a < self->assets->len; a++)
    {
      const VigilDefendantAsset *asset = g_ptr_array_index (self->assets, a);
      gboolean linked = FALSE;
      g_autofree char *estimate = asset->has_estimate
                                      ? vigil_money_format (asset->estimated_minor,
                                                            asset->currency, (locale_t) 0)
                                      : g_strdup (_("value not estimated"));
      g_autofree char *title = g_strdup_printf ("%s · %s", vigil_asset_kind_label (asset->kind),
                                                pseudonym_of (self, asset->defendant_id));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   vigil_asset_state_label (asset->state),
                                                   estimate);

      for (guint l = 0; l < self->claim->asset_links->len; l++)
        linked |= g_str_equal (((VigilClaimAssetLink *) g_ptr_array_index (
                                    self->claim->asset_links, l))->asset_id,
                               asset->id);
      if (linked)
        add_row (self, self->assets_group, text_row (title, subtitle));
      else
        {
          g_autofree char *choice = g_strdup_printf ("%s (%s)", title, subtitle);

          gtk_string_list_append (unlinked, choice);
          g_ptr_array_add (self->unlinked, g_strdup (asset->id));
        }
    }
  if (self->claim->asset_links->len == 0)
    add_row (self, self->assets_group,
             text_row (_("No asset linked"), self->assets->len == 0
                                                 ? _("No frozen or confiscated asset is recorded "
                                                     "in this case.")
                                                 : NULL));
  vigil_gui_combo_row_set_model (self->asset_row, G_LIST_MODEL (unlinked));
  gtk_widget_set_visible (GTK_WIDGET (self->link_asset_group), self->unlinked->len > 0);
  show_defendants (self);
}

static void
name_controls (VigilClaimEditor *self)
{
  const char *who = self->claimant;

  name (self->record_status_button, _("Record the change of status of the claim of %s"), who);
  name (self->calculate_button, _("Calculate the unpaid wages of %s"), who);
  name (self->use_wages_button, _("Claim the calculated wages as unpaid wages of %s"), who);
  name (self->add_payment_button, _("Record the payment to %s"), who);
  name (self->link_asset_button, _("Link the asset to the claim of %s"), who);
  name (self->wage_minimum_switch, _("Use the legal minimum rate for %s"), who);
  name (self->add_deadline_button, _("Add the deadline to the claim of %s"), who);
  name (self->add_asset_button, _("Record the asset and link it to the claim of %s"), who);
  name (self->worksheet_button, _("Save the worksheet of the claim of %s as a PDF"), who);
}

static gboolean
reload (VigilClaimEditor *self, GError **error)
{
  VigilClaimData *claim = vigil_store_get_claim (self->store, self->claim_id, error);
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) claimant = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (claim == NULL)
    return FALSE;
  g_clear_pointer (&self->claim, vigil_claim_data_free);
  self->claim = claim;
  kase = vigil_store_get_case (self->store, claim->case_id, NULL);
  claimant = vigil_store_get_person (self->store, claim->claimant_id, NULL);
  g_free (self->claimant);
  self->claimant = g_strdup (claimant != NULL ? vigil_person_get_pseudonym (claimant) : "");
  g_free (self->reference);
  self->reference = g_strdup (kase != NULL ? vigil_case_get_reference (kase) : "");

  title = g_strdup_printf (_("Claim of %s"), self->claimant);
  subtitle = g_strdup_printf ("%s · %s", self->reference, claim->currency);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  {
    g_autofree char *amount = g_strdup_printf (_("Amount Paid (%s)"), claim->currency);
    g_autofree char *rate = g_strdup_printf (_("Hourly Rate (%s)"), claim->currency);
    g_autofree char *paid = g_strdup_printf (_("Paid to the Worker for the Period (%s)"),
                                             claim->currency);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->payment_amount_row), amount);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->wage_rate_row), rate);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->wage_paid_row), paid);
  }

  clear_rows (self);
  show_amounts (self);
  show_status (self);
  show_deadlines_and_items (self);
  show_payments (self);
  show_assets (self);
  vigil_evidence_list_set_claim (VIGIL_EVIDENCE_LIST (self->evidence_group), self->store,
                                 self->claim_id, self->claimant);
  name_controls (self);
  return TRUE;
}

static void
reload_or_say (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!reload (self, &error))
    vigil_gui_toast_error (GTK_WIDGET (self), _("The claim could not be read again"), error);
}

static void
say (VigilClaimEditor *self, const char *message)
{
  vigil_gui_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
say_error (VigilClaimEditor *self, const char *what, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  vigil_gui_add_toast (self->toast_overlay, toast);
}

/* callbacks */

/* Holds the editor weakly: one closed meanwhile is not kept alive past
 * its parent window. */
static gboolean
reload_later (gpointer data)
{
  g_autoptr (VigilClaimEditor) self = g_weak_ref_get (data);

  if (self != NULL && self->store != NULL)
    reload_or_say (self);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_deadline_met (VigilClaimEditor *self, GParamSpec *pspec, GtkCheckButton *check)
{
  VigilClaimDeadline *deadline = g_object_get_data (G_OBJECT (check), "deadline");
  g_autoptr (GError) error = NULL;

  if (deadline == NULL || deadline->done == gtk_check_button_get_active (check))
    return;
  deadline->done = gtk_check_button_get_active (check);
  if (!vigil_store_save_claim_deadline (self->store, deadline, &error))
    say_error (self, _("The deadline was not saved"), error);
  /* Read again after the handler returns: the check button is in a row
   * that reading again replaces. */
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_later, ref, weak_ref_free);
  }
}

static void
on_add_asset (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  g_autofree char *value = vigil_gui_entry_row_text (self->asset_value_row);
  guint defendant = adw_combo_row_get_selected (self->asset_defendant_row);
  guint kind = adw_combo_row_get_selected (self->asset_kind_row);
  guint state = adw_combo_row_get_selected (self->asset_state_row);

  if (defendant == GTK_INVALID_LIST_POSITION || defendant >= self->defendants->len)
    return;
  if (value != NULL && !vigil_money_parse (value, self->claim->currency, (locale_t) 0,
                                           &asset->estimated_minor, &error))
    {
      say_error (self, _("The asset was not recorded"), error);
      return;
    }
  asset->has_estimate = value != NULL;
  asset->case_id = g_strdup (self->claim->case_id);
  asset->defendant_id = g_strdup (g_ptr_array_index (self->defendants, defendant));
  asset->kind = g_strdup (vigil_asset_kinds[MIN (kind, g_strv_length ((char **) vigil_asset_kinds) - 1)]);
  asset->state = g_strdup (vigil_asset_states[MIN (state, g_strv_length ((char **) vigil_asset_states) - 1)]);
  asset->currency = g_strdup (self->claim->currency);
  asset->description = vigil_gui_entry_row_text (self->asset_description_row);
  if (!vigil_store_save_defendant_asset (self->store, asset, &error)
      || !vigil_store_link_claim_asset (self->store, self->claim->id, asset->id, &error))
    {
      say_error (self, _("The asset was not recorded"), error);
      reload_or_say (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->asset_value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->asset_description_row), "");
  reload_or_say (self);
  say (self, _("Asset recorded and linked to the claim"));
}

static void
on_add_deadline (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();
  g_autofree char *date = vigil_gui_entry_row_text (self->deadline_date_row);
  guint kind = adw_combo_row_get_selected (self->deadline_kind_row);

  deadline->claim_id = g_strdup (self->claim->id);
  deadline->kind = g_strdup (kind < g_strv_length ((char **) vigil_claim_deadline_kinds)
                                 ? vigil_claim_deadline_kinds[kind]
                                 : "filing");
  deadline->due_on = g_strdup (date);
  if (!vigil_store_save_claim_deadline (self->store, deadline, &error))
    {
      say_error (self, _("The deadline was not added"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_date_row), "");
  reload_or_say (self);
  say (self, _("Deadline added"));
}

static void
on_next_status_changed (VigilClaimEditor *self)
{
  update_reason_visibility (self);
}

static void
on_record_status (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = vigil_gui_entry_row_text (self->status_date_row);
  guint selected = adw_combo_row_get_selected (self->next_status_row);
  const char *status;
  const char *reason = NULL;
  g_autofree char *message = NULL;

  if (self->next_statuses == NULL || self->next_statuses[0] == NULL
      || selected == GTK_INVALID_LIST_POSITION)
    return;
  status = self->next_statuses[selected];
  if (vigil_claim_status_needs_reason (status))
    {
      guint r = adw_combo_row_get_selected (self->reason_row);

      if (r != GTK_INVALID_LIST_POSITION && r < g_strv_length ((char **) vigil_claim_reasons))
        reason = vigil_claim_reasons[r];
    }
  if (!vigil_store_change_claim_status (self->store, self->claim, status,
                                        date != NULL ? date : self->today, reason, &error))
    {
      say_error (self, _("The status was not changed"), error);
      return;
    }
  message = g_strdup_printf (_("The claim is now %s"), vigil_claim_status_label (status));
  reload_or_say (self);
  say (self, message);
}

static gboolean
read_amount (VigilClaimEditor *self, AdwEntryRow *row, gint64 *out, GError **error)
{
  g_autofree char *text = vigil_gui_entry_row_text (row);

  return vigil_money_parse (text != NULL ? text : "", self->claim->currency, (locale_t) 0, out,
                            error);
}

static void
on_add_payment (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();
  g_autofree char *date = vigil_gui_entry_row_text (self->payment_date_row);
  guint payer = adw_combo_row_get_selected (self->payer_row);
  guint head = adw_combo_row_get_selected (self->payment_head_row);
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;

  if (!read_amount (self, self->payment_amount_row, &payment->amount_minor, &error))
    {
      say_error (self, _("The payment was not recorded"), error);
      gtk_widget_grab_focus (GTK_WIDGET (self->payment_amount_row));
      return;
    }
  payment->claim_id = g_strdup (self->claim->id);
  payment->paid_on = g_strdup (date != NULL ? date : self->today);
  payment->payer = g_strdup (payer < g_strv_length ((char **) vigil_claim_payers)
                                 ? vigil_claim_payers[payer]
                                 : "other");
  if (head != GTK_INVALID_LIST_POSITION && head > 0 && head <= self->claim->items->len)
    payment->item_id
        = g_strdup (((VigilClaimItemData *) g_ptr_array_index (self->claim->items, head - 1))->id);
  if (!vigil_store_add_claim_payment (self->store, payment, &error))
    {
      say_error (self, _("The payment was not recorded"), error);
      return;
    }
  amount = money (self, payment->amount_minor);
  message = g_strdup_printf (_("Payment of %s recorded"), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->payment_amount_row), "");
  reload_or_say (self);
  say (self, message);
}

static void
on_link_asset (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->asset_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->unlinked->len)
    return;
  if (!vigil_store_link_claim_asset (self->store, self->claim->id,
                                     g_ptr_array_index (self->unlinked, selected), &error))
    {
      say_error (self, _("The asset was not linked"), error);
      return;
    }
  reload_or_say (self);
  say (self, _("Asset linked to the claim"));
}

static void
on_calculate (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = vigil_gui_entry_row_text (self->wage_start_row);
  g_autofree char *end = vigil_gui_entry_row_text (self->wage_end_row);
  g_autofree char *hours = vigil_gui_entry_row_text (self->wage_hours_row);
  g_autofree char *source = vigil_gui_entry_row_text (self->wage_source_row);
  g_autofree char *paid_text = vigil_gui_entry_row_text (self->wage_paid_row);
  VigilWageInput input = { start, end, 0, 0, gtk_switch_get_active (self->wage_minimum_switch),
                           source, 0, self->claim->currency };
  VigilWageResult result = { 0 };

  self->wages_ready = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->use_wages_button), FALSE);
  if (!vigil_decimal_parse (hours != NULL ? hours : "", 2, (locale_t) 0,
                            &input.hours_per_week_centi, &error))
    g_prefix_error (&error, _("Hours worked a week: "));
  else if (!read_amount (self, self->wage_rate_row, &input.rate_minor, &error))
    g_prefix_error (&error, _("Hourly rate: "));
  else if (paid_text != NULL && !read_amount (self, self->wage_paid_row, &input.paid_minor, &error))
    g_prefix_error (&error, _("Paid to the worker: "));
  else
    vigil_wage_calculate (&input, (locale_t) 0, &result, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->formula_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->formula_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->formula_label), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->formula_label), "error");
  gtk_label_set_text (self->formula_label, result.formula);
  gtk_widget_set_visible (GTK_WIDGET (self->formula_label), TRUE);
  self->wages_unpaid = result.unpaid_minor;
  self->wages_ready = TRUE;
  g_free (self->wages_start);
  g_free (self->wages_end);
  g_free (self->wages_source);
  self->wages = input;
  self->wages.start_on = self->wages_start = g_strdup (start);
  self->wages.end_on = self->wages_end = g_strdup (end);
  self->wages.rate_source = self->wages_source = g_strdup (source);
  g_free (self->wages_currency);
  /* Its own copy: reading the claim again frees the claim's. */
  self->wages.currency = self->wages_currency = g_strdup (self->claim->currency);
  gtk_widget_set_sensitive (GTK_WIDGET (self->use_wages_button), TRUE);
  vigil_wage_result_clear (&result);
}

/* The result becomes what the "unpaid wages" head of damage claims. */
static void
on_use_wages (VigilClaimEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimItemData) created = NULL;
  VigilClaimItemData *item = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;

  if (!self->wages_ready)
    return;
  for (guint i = 0; i < self->claim->items->len && item == NULL; i++)
    if (g_str_equal (((VigilClaimItemData *) g_ptr_array_index (self->claim->items, i))->head,
                     "unpaid_wages"))
      item = g_ptr_array_index (self->claim->items, i);
  if (item == NULL)
    {
      item = created = vigil_claim_item_data_new ();
      created->head = g_strdup ("unpaid_wages");
    }
  item->claimed_minor = self->wages_unpaid;
  if (!vigil_store_save_claim_item (self->store, self->claim, item, &error))
    {
      say_error (self, _("The unpaid wages were not claimed"), error);
      reload_or_say (self);
      return;
    }
  amount = money (self, self->wages_unpaid);
  message = g_strdup_printf (_("Unpaid wages claimed: %s"), amount);
  reload_or_say (self);
  say (self, message);
}

static void
on_worksheet_file (GtkNativeDialog *chooser, int response, VigilClaimEditor *self)
{
  gboolean with_identity
      = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "with-identity"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path != NULL && vigil_claim_editor_save_worksheet (self, path, with_identity, &error))
        say (self, _("Worksheet saved"));
      else if (error != NULL)
        say_error (self, _("The worksheet was not saved"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_worksheet_choice (AdwMessageDialog *dialog, const char *response, VigilClaimEditor *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (!g_str_equal (response, "pseudonym") && !g_str_equal (response, "identity"))
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Worksheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  suggested = g_strdup_printf ("claim-%s-%s%s.pdf", self->reference, self->claimant,
                               g_str_equal (response, "identity") ? "-WITH-IDENTITY" : "");
  g_strdelimit (suggested, "/\\: ", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), "with-identity",
                     GINT_TO_POINTER (g_str_equal (response, "identity")));
  g_signal_connect (chooser, "response", G_CALLBACK (on_worksheet_file), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The pseudonym is the default; the identity is a choice made each time. */
static void
on_worksheet (VigilClaimEditor *self)
{
  g_autofree char *body = g_strdup_printf (
      _("The worksheet names the claimant %s. With the identity, their name and date of birth "
        "are printed too, every page is marked confidential, and the printing is written to "
        "the audit log."),
      self->claimant);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Worksheet for the File"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "identity", _("With the _Identity"), "pseudonym",
                                    _("_Pseudonym Only"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "identity",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "pseudonym",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "pseudonym");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_worksheet_choice), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject overrides */

static void
vigil_claim_editor_dispose (GObject *object)
{
  VigilClaimEditor *self = VIGIL_CLAIM_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->claim, vigil_claim_data_free);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_claim_editor_parent_class)->dispose (object);
}

static void
vigil_claim_editor_finalize (GObject *object)
{
  VigilClaimEditor *self = VIGIL_CLAIM_EDITOR (object);

  g_free (self->claim_id);
  g_free (self->today);
  g_free (self->claimant);
  g_free (self->reference);
  g_free (self->wages_start);
  g_free (self->wages_end);
  g_free (self->wages_source);
  g_free (self->wages_currency);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->unlinked);
  g_ptr_array_unref (self->defendants);
  G_OBJECT_CLASS (vigil_claim_editor_parent_class)->finalize (object);
}

static void
vigil_claim_editor_class_init (VigilClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_claim_editor_dispose;
  object_class->finalize = vigil_claim_editor_finalize;

  g_type_ensure (VIGIL_TYPE_EVIDENCE_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-claim-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VigilClaimEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (form);
  BIND (amounts_row);
  BIND (unpaid_label);
  BIND (status_row);
  BIND (next_status_row);
  BIND (reason_row);
  BIND (status_date_row);
  BIND (record_status_button);
  BIND (history_group);
  BIND (deadlines_group);
  BIND (deadline_kind_row);
  BIND (deadline_date_row);
  BIND (add_deadline_button);
  BIND (items_group);
  BIND (wages_group);
  BIND (wage_start_row);
  BIND (wage_end_row);
  BIND (wage_hours_row);
  BIND (wage_rate_row);
  BIND (wage_minimum_switch);
  BIND (wage_source_row);
  BIND (wage_paid_row);
  BIND (formula_label);
  BIND (calculate_button);
  BIND (use_wages_button);
  BIND (payments_group);
  BIND (payment_date_row);
  BIND (payer_row);
  BIND (payment_head_row);
  BIND (payment_amount_row);
  BIND (add_payment_button);
  BIND (assets_group);
  BIND (link_asset_group);
  BIND (asset_row);
  BIND (link_asset_button);
  BIND (new_asset_group);
  BIND (asset_defendant_row);
  BIND (asset_kind_row);
  BIND (asset_state_row);
  BIND (asset_value_row);
  BIND (asset_description_row);
  BIND (add_asset_button);
  BIND (evidence_group);
  BIND (worksheet_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_next_status_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_record_status);
  gtk_widget_class_bind_template_callback (widget_class, on_add_payment);
  gtk_widget_class_bind_template_callback (widget_class, on_link_asset);
  gtk_widget_class_bind_template_callback (widget_class, on_calculate);
  gtk_widget_class_bind_template_callback (widget_class, on_use_wages);
  gtk_widget_class_bind_template_callback (widget_class, on_worksheet);
  gtk_widget_class_bind_template_callback (widget_class, on_add_deadline);
  gtk_widget_class_bind_template_callback (widget_class, on_add_asset);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_claim_editor_init (VigilClaimEditor *self)
{
  g_autoptr (GtkStringList) reasons = gtk_string_list_new (NULL);

  self->rows = g_ptr_array_new ();
  self->unlinked = g_ptr_array_new_with_free_func (g_free);
  self->defendants = g_ptr_array_new_with_free_func (g_free);
  self->today = vigil_date_today ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; vigil_claim_reasons[i] != NULL; i++)
    gtk_string_list_append (reasons, vigil_claim_reason_label (vigil_claim_reasons[i]));
  vigil_gui_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  {
    g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

    for (guint i = 0; vigil_claim_deadline_kinds[i] != NULL; i++)
      gtk_string_list_append (kinds, vigil_claim_deadline_label (vigil_claim_deadline_kinds[i]));
    vigil_gui_combo_row_set_model (self->deadline_kind_row, G_LIST_MODEL (kinds));
  }
  {
    g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
    g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

    for (guint i = 0; vigil_asset_kinds[i] != NULL; i++)
      gtk_string_list_append (kinds, vigil_asset_kind_label (vigil_asset_kinds[i]));
    for (guint i = 0; vigil_asset_states[i] != NULL; i++)
      gtk_string_list_append (states, vigil_asset_state_label (vigil_asset_states[i]));
    vigil_gui_combo_row_set_model (self->asset_kind_row, G_LIST_MODEL (kinds));
    vigil_gui_combo_row_set_model (self->asset_state_row, G_LIST_MODEL (states));
  }
  vigil_gui_keep_own_names (GTK_WIDGET (self));
}

/* public API */

/**
 * vigil_claim_editor_new:
 *
 * Returns: (transfer floating) (nullable): the editor, not yet shown
 */
GtkWidget *
vigil_claim_editor_new (GtkWindow  *parent,
                        VigilStore *store,
                        const char *claim_id,
                        GError    **error)
{
  VigilClaimEditor *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_CLAIM_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->claim_id = g_strdup (claim_id);
  if (!reload (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->payment_date_row), self->today);
  gtk_editable_set_text (GTK_EDITABLE (self->status_date_row), self->today);
  vigil_gui_watch_activity (parent, GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

const char *
vigil_claim_editor_get_claim_id (VigilClaimEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_CLAIM_EDITOR (self), NULL);

  return self->claim_id;
}

void
vigil_claim_editor_set_today (VigilClaimEditor *self, const char *today)
{
  g_return_if_fail (VIGIL_IS_CLAIM_EDITOR (self));
  g_return_if_fail (vigil_record_date_is_valid (today));

  g_free (self->today);
  self->today = g_strdup (today);
  gtk_editable_set_text (GTK_EDITABLE (self->payment_date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->status_date_row), today);
}

AdwPreferencesGroup *
vigil_claim_editor_get_evidence_group (VigilClaimEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_CLAIM_EDITOR (self), NULL);

  return self->evidence_group;
}

/**
 * vigil_claim_editor_save_worksheet:
 * @with_identity: print the claimant's identity (audited), every page
 *   marked confidential
 *
 * Writes the claim's worksheet PDF to @path, with the last wage
 * calculation when there was one.
 */
gboolean
vigil_claim_editor_save_worksheet (VigilClaimEditor *self,
                                   const char       *path,
                                   gboolean          with_identity,
                                   GError          **error)
{
  VigilWorksheetOptions options = { with_identity, NULL, self->today };

  g_return_val_if_fail (VIGIL_IS_CLAIM_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->wages_ready)
    options.wages = &self->wages;
  return vigil_claim_worksheet_write (self->store, self->claim_id, &options, path, error);
}
