/* test-compensation.c: the Compensation section and the claim editor, in
 * real windows: screenshots of both, the status offering only what the
 * procedure allows, the wage calculator's formula, and a payment entered
 * with real keys, read back from the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "vigil-claim-editor.h"
#include "vigil-claim-status.h"
#include "vigil-compensation-page.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"
#include "vigil-unlock-page.h"
#include "vigil-window.h"

#define TODAY "2024-08-01"

typedef struct
{
  Fixture         store;
  GtkWindow      *window;
  VigilClaimData *awarded; /* EUR, partly paid, a deadline in 3 days, an asset */
  VigilClaimData *filed;   /* RON, a deadline past */
} CompensationFixture;

static VigilClaimData *
add_claim (CompensationFixture *f, VigilCase *kase, VigilPerson *claimant, const char *status,
           const char *currency, gint64 claimed, gint64 awarded)
{
  g_autoptr (GError) error = NULL;
  VigilClaimData *claim = vigil_claim_data_new ();
  VigilClaimItemData *wages = vigil_claim_item_data_new ();
  VigilClaimItemData *moral = vigil_claim_item_data_new ();

  claim->case_id = g_strdup (vigil_case_get_id (kase));
  claim->claimant_id = g_strdup (vigil_person_get_id (claimant));
  claim->route = g_strdup ("civil_claim");
  claim->status = g_strdup (status);
  claim->currency = g_strdup (currency);
  wages->head = g_strdup ("unpaid_wages");
  wages->claimed_minor = claimed;
  wages->has_awarded = awarded > 0;
  wages->awarded_minor = awarded;
  moral->head = g_strdup ("moral_damage");
  moral->claimed_minor = claimed * 2;
  g_ptr_array_add (claim->items, wages);
  g_ptr_array_add (claim->items, moral);
  g_assert_true (vigil_store_add_claim (f->store.store, claim, &error));
  g_assert_no_error (error);
  return claim;
}

static void
add_deadline (CompensationFixture *f, VigilClaimData *claim, const char *kind, const char *due)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();

  deadline->claim_id = g_strdup (claim->id);
  deadline->kind = g_strdup (kind);
  deadline->due_on = g_strdup (due);
  g_assert_true (vigil_store_save_claim_deadline (f->store.store, deadline, &error));
  g_assert_no_error (error);
}

static void
compensation_set_up (CompensationFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) iasi = NULL;
  g_autoptr (VigilCase) cluj = NULL;
  g_autoptr (VigilPerson) v1 = NULL;
  g_autoptr (VigilPerson) v2 = NULL;
  g_autoptr (VigilPerson) d1 = NULL;
  g_autoptr (VigilPerson) w1 = NULL;
  g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  g_autoptr (VigilClaimData) paid = NULL;

  /* Amounts in the tests are typed and read as en_US writes them. */
  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
  fixture_set_up (&f->store, data);
  g_assert_true (vigil_store_set_monitor (f->store.store, "Ana Monitor", &error));
  iasi = add_case (&f->store, "K 1/2024");
  cluj = add_case (&f->store, "K 2/2024");
  v1 = add_person (&f->store, iasi, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  d1 = add_person (&f->store, iasi, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  v2 = add_person (&f->store, cluj, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  w1 = add_person (&f->store, cluj, "V-03", VIGIL_PERSON_ROLE_VICTIM_WITNESS);

  f->awarded = add_claim (f, iasi, v1, "awarded", "EUR", 450000, 300000);
  payment->claim_id = g_strdup (f->awarded->id);
  payment->paid_on = g_strdup ("2024-07-01");
  payment->amount_minor = 120000;
  payment->payer = g_strdup ("state_fund");
  payment->item_id = g_strdup (((VigilClaimItemData *) f->awarded->items->pdata[0])->id);
  g_assert_true (vigil_store_add_claim_payment (f->store.store, payment, &error));
  add_deadline (f, f->awarded, "enforcement", "2024-08-04");
  asset->case_id = g_strdup (vigil_case_get_id (iasi));
  asset->defendant_id = g_strdup (vigil_person_get_id (d1));
  asset->kind = g_strdup ("real_estate");
  asset->has_estimate = TRUE;
  asset->estimated_minor = 8500000;
  asset->currency = g_strdup ("EUR");
  asset->state = g_strdup ("confiscated");
  asset->description = g_strdup ("Flat in Iasi, land registry 20931");
  g_assert_true (vigil_store_save_defendant_asset (f->store.store, asset, &error));
  g_assert_true (vigil_store_link_claim_asset (f->store.store, f->awarded->id, asset->id, &error));
  g_assert_no_error (error);

  f->filed = add_claim (f, cluj, v2, "filed", "RON", 1275043, 0);
  add_deadline (f, f->filed, "limitation", "2024-07-22");
  paid = add_claim (f, cluj, w1, "paid", "EUR", 80000, 80000);
  g_clear_pointer (&payment, vigil_claim_payment_free);
  payment = vigil_claim_payment_new ();
  payment->claim_id = g_strdup (paid->id);
  payment->paid_on = g_strdup ("2024-05-20");
  payment->amount_minor = 80000;
  payment->payer = g_strdup ("defendant");
  g_assert_true (vigil_store_add_claim_payment (f->store.store, payment, &error));
  g_assert_no_error (error);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 1000, 860);
  gtk_window_present (f->window);
}

static void
compensation_tear_down (CompensationFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (50);
  g_clear_pointer (&f->awarded, vigil_claim_data_free);
  g_clear_pointer (&f->filed, vigil_claim_data_free);
  fixture_tear_down (&f->store, data);
}

static GtkWidget *
find (GtkWidget *root, GType type, const char *label)
{
  GtkWidget *found = vigil_test_find_widget (root, type, label);

  if (found == NULL)
    g_error ("no %s \"%s\"", g_type_name (type), label);
  return found;
}

/* Roles a person reaches and acts on: each needs a name that says what it
 * does (as tests/test-window.c checks the rest of the window). */
static gboolean
role_needs_name (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  const char *text = NULL;

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *label = gtk_test_accessible_check_property (
          accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01 no such name");

      return label != NULL && label[0] != '\0' && strchr (label, '_') == NULL;
    }
  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return text != NULL && text[0] != '\0';
}

static void
collect_unnamed (GtkWidget *widget, GString *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (role_needs_name (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
      && !has_name (widget))
    {
      g_autofree char *text = vigil_test_widget_text (widget);

      g_strdelimit (text, "\n", ' ');
      g_string_append_printf (out, "  %s showing \"%.60s\"\n", G_OBJECT_TYPE_NAME (widget), text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
}

static void
assert_all_named (GtkWidget *root)
{
  g_autoptr (GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_test_message ("unnamed controls:\n%s", unnamed->str);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The claims by status; what was awarded and not paid stands out, per
 * claim and per currency; the deadlines near or past come first. */
static void
test_overview (CompensationFixture *f, gconstpointer data)
{
  VigilCompensationPage *page = VIGIL_COMPENSATION_PAGE (vigil_compensation_page_new ());
  VigilClaimsOverview *overview;
  g_autofree char *text = NULL;

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), GTK_WIDGET (page));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  vigil_compensation_page_set_today (page, TODAY);
  vigil_compensation_page_set_store (page, f->store.store);
  overview = vigil_compensation_page_get_overview (page);
  g_assert_nonnull (overview);
  g_assert_cmpuint (overview->groups->len, ==, 3);
  g_assert_cmpuint (overview->due->len, ==, 2);

  text = vigil_test_widget_text (GTK_WIDGET (page));
  /* Groups in the order of the procedure, with their claims. */
  g_assert_nonnull (strstr (text, "Filed"));
  g_assert_true (strstr (text, "Filed") < strstr (text, "Awarded"));
  g_assert_true (strstr (text, "Awarded") < strstr (text, "Paid"));
  g_assert_nonnull (strstr (text, "K\u00a01/2024 · V-01"));
  /* €3,000.00 awarded, €1,200.00 paid: €1,800.00 stands out. */
  g_assert_nonnull (strstr (text, "€1,800.00 not paid"));
  g_assert_nonnull (strstr (text, "Claimed RON\u00a038,251.29"));
  g_assert_nonnull (strstr (text, "Enforcement deadline · K\u00a01/2024 · V-01"));
  g_assert_nonnull (strstr (text, "in 3 days"));
  g_assert_nonnull (strstr (text, "10 days past"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "compensation-overview");
  assert_all_named (GTK_WIDGET (page));

  /* A narrow window, a phone: nothing cut. */
  gtk_window_set_default_size (f->window, 360, 720);
  vigil_test_screenshot (GTK_WIDGET (f->window), "compensation-overview-narrow");

  vigil_compensation_page_set_store (page, NULL);
  g_assert_null (vigil_compensation_page_get_overview (page));
  gtk_window_destroy (f->window);
  vigil_test_run_for (50);
  g_assert_null (page);
}

static VigilClaimEditor *
open_editor (CompensationFixture *f, const char *claim_id)
{
  g_autoptr (GError) error = NULL;
  VigilClaimEditor *editor
      = VIGIL_CLAIM_EDITOR (vigil_claim_editor_new (f->window, f->store.store, claim_id, &error));

  g_assert_no_error (error);
  g_assert_nonnull (editor);
  vigil_claim_editor_set_today (editor, TODAY);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *form = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_widget_get_parent (form),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + point.y - 120);
  vigil_test_run_for (200);
}

static gboolean
dialog_shown (gpointer data)
{
  return vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The editor: amounts, the status offering only what the procedure
 * allows, the history, heads of damage, payments, the linked asset, the
 * empty Evidence group; the wage calculator showing its formula, and its
 * result claimed as unpaid wages. */
static void
test_editor (CompensationFixture *f, gconstpointer data)
{
  VigilClaimEditor *editor = open_editor (f, f->awarded->id);
  AdwComboRow *next = ADW_COMBO_ROW (find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Change To"));
  GListModel *offered = adw_combo_row_get_model (next);
  const char * const *allowed = vigil_claim_status_next ("awarded");
  AdwPreferencesGroup *evidence = vigil_claim_editor_get_evidence_group (editor);
  g_autofree char *text = vigil_test_widget_text (GTK_WIDGET (editor));
  g_autoptr (VigilClaimData) back = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (offered), ==,
                    g_strv_length ((char **) allowed));
  for (guint i = 0; allowed[i] != NULL; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), i), ==,
                     vigil_claim_status_label (allowed[i]));
  g_assert_nonnull (strstr (text, "€1,800.00 awarded, not paid"));
  g_assert_nonnull (strstr (text, "Claimed €13,500.00 · awarded €3,000.00 · paid €1,200.00"));
  g_assert_nonnull (strstr (text, "2024-07-01 · A state fund · Unpaid wages"));
  g_assert_nonnull (strstr (text, "Real estate · D-01"));
  g_assert_nonnull (strstr (text, "Enforcement deadline"));
  g_assert_null (strstr (text, "land registry"));
  g_assert_true (ADW_IS_PREFERENCES_GROUP (evidence));
  g_assert_cmpstr (adw_preferences_group_get_title (evidence), ==, "Evidence");
  vigil_test_screenshot (GTK_WIDGET (editor), "claim-editor");
  assert_all_named (GTK_WIDGET (editor));

  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "First Day Worked (YYYY-MM-DD)")), "2024-01-01");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "Last Day Worked (YYYY-MM-DD)")), "2024-03-31");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "Hours Worked a Week")), "60");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "Hourly Rate (EUR)")), "5.00");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "Paid to the Worker for the Period (EUR)")), "500");
  g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Calculate"), "clicked");
  g_clear_pointer (&text, g_free);
  text = vigil_test_widget_text (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (text, "60 hours a week × 91 days ÷ 7 = 780 hours"));
  g_assert_nonnull (strstr (text, "€3,900.00 − €500.00 paid = €3,400.00 unpaid"));
  scroll_to (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Calculate"));
  vigil_test_screenshot (GTK_WIDGET (editor), "claim-editor-wages");

  /* An asset of the defendant recorded from the claim, and linked to it. */
  {
    g_autoptr (VigilClaimData) linked = NULL;
    g_autoptr (GPtrArray) assets = NULL;
    VigilDefendantAsset *asset;

    adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                     "Kind of Asset")), 0); /* bank account */
    adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                     "State")), 0); /* frozen */
    gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                               "Estimated Value")), "12,500.00");
    gtk_editable_set_text (
        GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                            "Description (sealed: where it is, registry entries)")),
        "Account at Banca Transilvania, frozen by order 41/2024");
    g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                 "Record and Link the Asset"), "clicked");
    linked = vigil_store_get_claim (f->store.store, f->awarded->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (linked->asset_links->len, ==, 2);
    assets = vigil_store_list_defendant_assets (f->store.store, linked->case_id, &error);
    g_assert_cmpuint (assets->len, ==, 2);
    asset = g_ptr_array_index (assets, 1);
    g_assert_cmpstr (asset->kind, ==, "bank_account");
    g_assert_cmpstr (asset->state, ==, "frozen");
    g_assert_cmpint (asset->estimated_minor, ==, 1250000);
    g_assert_cmpstr (asset->description, ==, "Account at Banca Transilvania, frozen by order 41/2024");
    g_assert_false (vigil_test_vault_contains (f->store.path, VIGIL_TEST_PASSPHRASE, "Transilvania"));
  }

  /* The worksheet: pseudonym only unless chosen, with the calculation. */
  {
    g_autofree char *pdf = g_build_filename (f->store.dir, "worksheet.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;
    GtkWindow *choice;

    g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Worksheet PDF…"),
                           "clicked");
    g_assert_true (vigil_test_wait_until (dialog_shown, NULL, 2000));
    choice = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (choice)), ==,
                     "pseudonym");
    vigil_test_screenshot (GTK_WIDGET (choice), "claim-worksheet-choice");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (choice), "cancel");
    vigil_test_run_for (100);
    g_assert_true (vigil_claim_editor_save_worksheet (editor, pdf, FALSE, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_true (length > 1000 && g_str_has_prefix (bytes, "%PDF-"));
  }

  g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Claim as Unpaid Wages"),
                         "clicked");
  vigil_test_run_for (100);
  back = vigil_store_get_claim (f->store.store, f->awarded->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilClaimItemData *) back->items->pdata[0])->head, ==, "unpaid_wages");
  g_assert_cmpint (((VigilClaimItemData *) back->items->pdata[0])->claimed_minor, ==, 340000);
  /* Awarded amounts are the court's: the calculation leaves them alone. */
  g_assert_cmpint (((VigilClaimItemData *) back->items->pdata[0])->awarded_minor, ==, 300000);
}

/* The @n-th (from 0) "Met" check button under @root. */
static GtkWidget *
nth_check (GtkWidget *root, guint *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child)
          && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), "Met") == 0
          && (*n)-- == 0)
        return child;
      found = nth_check (child, n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_nth_check (GtkWidget *root, guint n)
{
  GtkWidget *found = nth_check (root, &n);

  g_assert_nonnull (found);
  return found;
}

/* A change the procedure refuses cannot be offered; one it allows is
 * recorded with its reason, and the history shows who recorded it. */
static void
test_editor_status (CompensationFixture *f, gconstpointer data)
{
  VigilClaimEditor *editor = open_editor (f, f->awarded->id);
  AdwComboRow *next = ADW_COMBO_ROW (find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Change To"));
  GtkWidget *reason = find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Reason");
  g_autoptr (VigilClaimData) back = NULL;
  g_autofree char *text = NULL;

  /* awarded → appealed, under_enforcement, paid, partly_paid */
  g_assert_false (gtk_widget_get_visible (reason));
  adw_combo_row_set_selected (next, 3);
  g_assert_true (gtk_widget_get_visible (reason));
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason), 2); /* defendant insolvent */
  g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                             "Record the Change of Status"), "clicked");
  vigil_test_run_for (100);
  back = vigil_store_get_claim (f->store.store, f->awarded->id, NULL);
  g_assert_cmpstr (back->status, ==, "partly_paid");
  g_assert_cmpuint (back->history->len, ==, 1);
  g_assert_cmpstr (((VigilClaimStatusChange *) back->history->pdata[0])->reason, ==,
                   "defendant_insolvent");
  g_assert_cmpstr (((VigilClaimStatusChange *) back->history->pdata[0])->changed_on, ==, TODAY);
  text = vigil_test_widget_text (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (text, "2024-08-01 · recorded by Ana Monitor · Defendant insolvent"));
  /* partly_paid → under_enforcement, paid: nothing else is offered. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (next)), ==, 2);

  /* A deadline added, then met. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                   "New Deadline")), 2); /* appeal */
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             "Due On (YYYY-MM-DD)")), "2024-08-20");
  g_signal_emit_by_name (find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Add the Deadline"),
                         "clicked");
  g_clear_pointer (&back, vigil_claim_data_free);
  back = vigil_store_get_claim (f->store.store, f->awarded->id, NULL);
  g_assert_cmpuint (back->deadlines->len, ==, 2);
  g_assert_cmpstr (((VigilClaimDeadline *) back->deadlines->pdata[1])->kind, ==, "appeal");
  g_assert_cmpstr (((VigilClaimDeadline *) back->deadlines->pdata[1])->due_on, ==, "2024-08-20");
  g_assert_false (((VigilClaimDeadline *) back->deadlines->pdata[1])->done);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth_check (GTK_WIDGET (editor), 1)), TRUE);
  vigil_test_run_for (200);
  g_clear_pointer (&back, vigil_claim_data_free);
  back = vigil_store_get_claim (f->store.store, f->awarded->id, NULL);
  g_assert_true (((VigilClaimDeadline *) back->deadlines->pdata[1])->done);
  g_assert_false (((VigilClaimDeadline *) back->deadlines->pdata[0])->done);
}

static gboolean
payment_saved (gpointer data)
{
  CompensationFixture *f = data;
  g_autoptr (VigilClaimData) back = vigil_store_get_claim (f->store.store, f->filed->id, NULL);

  return back != NULL && back->payments->len > 0;
}

/* A payment entered as a person does: the payer chosen with the keys in
 * its drop-down, the amount typed as en_US writes it, Enter; then read
 * back from the vault. */
static void
test_payment_keys (CompensationFixture *f, gconstpointer data)
{
  VigilClaimEditor *editor = open_editor (f, f->filed->id);
  GtkWidget *payer = find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Paid By");
  GtkWidget *amount = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Amount Paid (RON)");
  g_autoptr (VigilClaimData) back = NULL;
  VigilClaimPayment *payment;
  g_autofree char *text = NULL;

  vigil_test_input_focus_window (GTK_WINDOW (editor));
  vigil_test_run_for (200);
  scroll_to (payer);
  /* The pointer out of the way: the list of an open drop-down takes the
   * item under the pointer for the one the keys start from, and where the
   * drop-down opens depends on how long the editor is. */
  vigil_test_input_click (find (GTK_WIDGET (editor), ADW_TYPE_WINDOW_TITLE, NULL));
  /* Space opens the drop-down on the value chosen; Down and Enter choose
   * the next one: a state fund. */
  gtk_widget_grab_focus (payer);
  vigil_test_input_keys (GTK_WINDOW (editor), "space");
  vigil_test_run_for (300);
  vigil_test_input_keys (GTK_WINDOW (editor), "Down Return");
  vigil_test_run_for (300);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (payer)), ==, 1);
  vigil_test_input_click (amount);
  vigil_test_input_keys (GTK_WINDOW (editor), "type:1,234.56");
  vigil_test_screenshot (GTK_WIDGET (editor), "claim-editor-payment");
  vigil_test_input_keys (GTK_WINDOW (editor), "Return");
  g_assert_true (vigil_test_wait_until (payment_saved, f, 3000));

  back = vigil_store_get_claim (f->store.store, f->filed->id, NULL);
  g_assert_cmpuint (back->payments->len, ==, 1);
  payment = g_ptr_array_index (back->payments, 0);
  g_assert_cmpint (payment->amount_minor, ==, 123456);
  g_assert_cmpstr (payment->payer, ==, "state_fund");
  g_assert_cmpstr (payment->paid_on, ==, TODAY);
  g_assert_null (payment->item_id);
  g_assert_cmpint (back->paid_minor, ==, 123456);
  /* The field is emptied for the next one; the list shows this one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "");
  text = vigil_test_widget_text (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (text, "RON\u00a01,234.56"));

  /* A mistyped amount is refused, says why, and keeps what was typed. */
  vigil_test_input_click (amount);
  vigil_test_input_keys (GTK_WINDOW (editor), "type:12.345");
  vigil_test_input_keys (GTK_WINDOW (editor), "Return");
  vigil_test_run_for (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "12.345");
  g_clear_pointer (&back, vigil_claim_data_free);
  back = vigil_store_get_claim (f->store.store, f->filed->id, NULL);
  g_assert_cmpuint (back->payments->len, ==, 1);
}

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static gboolean
editor_shown (gpointer data)
{
  return vigil_test_find_window (VIGIL_TYPE_CLAIM_EDITOR) != NULL;
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_str_equal (gtk_widget_get_name (child), name)
                             ? child
                             : find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The real window: Compensation in the sidebar opens the section, and a
 * claim there opens its editor. */
static void
test_window_section (CompensationFixture *f, gconstpointer data)
{
  VigilWindow *window = vigil_window_new (NULL, f->store.path);
  VigilUnlockPage *page = vigil_window_get_unlock_page (window);
  GtkWidget *section;
  GtkWidget *claim_row;
  VigilCompensationPage *compensation;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase")),
                         VIGIL_TEST_PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, window, 60000));

  section = find_named (GTK_WIDGET (window), "compensation");
  g_assert_nonnull (section);
  g_signal_emit_by_name (gtk_widget_get_parent (section), "row-activated", section);
  vigil_test_run_for (300);
  compensation = VIGIL_COMPENSATION_PAGE (
      vigil_test_find_widget (GTK_WIDGET (window), VIGIL_TYPE_COMPENSATION_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (compensation)));
  g_assert_cmpuint (vigil_compensation_page_get_overview (compensation)->groups->len, ==, 3);
  vigil_test_screenshot (GTK_WIDGET (window), "window-compensation");

  claim_row = find (GTK_WIDGET (compensation), ADW_TYPE_ACTION_ROW, "K\u00a02/2024 · V-02");
  g_signal_emit_by_name (claim_row, "activated");
  g_assert_true (vigil_test_wait_until (editor_shown, NULL, 2000));
  g_assert_cmpstr (vigil_claim_editor_get_claim_id (VIGIL_CLAIM_EDITOR (
                       vigil_test_find_window (VIGIL_TYPE_CLAIM_EDITOR))),
                   ==, f->filed->id);

  /* Locking closes the editor and empties the section. */
  vigil_window_lock (window);
  vigil_test_run_for (100);
  g_assert_null (vigil_test_find_window (VIGIL_TYPE_CLAIM_EDITOR));
  g_assert_null (vigil_compensation_page_get_overview (compensation));
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, CompensationFixture, NULL, compensation_set_up, func, compensation_tear_down)

  ADD ("/compensation/overview", test_overview);
  ADD ("/compensation/editor", test_editor);
  ADD ("/compensation/editor-status", test_editor_status);
  ADD ("/compensation/payment-keys", test_payment_keys);
  ADD ("/compensation/window-section", test_window_section);

#undef ADD
  return g_test_run ();
}
