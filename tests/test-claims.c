/* test-claims.c: a compensation claim's procedure (every change of status,
 * allowed and refused), the reasons it ended where it did, its deadlines,
 * its payments (what was paid is their sum, and older vaults' amounts paid
 * become payments), and the defendants' assets that could pay it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-claim-status.h"
#include "vigil-claims-overview.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims.h"
#include "vigil-store-claim-summary.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* The procedure as the issue states it, written out apart from the code:
 * drafting → filed → heard → awarded | partly_awarded | rejected →
 * appealed → under_enforcement → paid | partly_paid, with an appeal
 * leading to a new decision, an award paid with or without enforcement,
 * and a partly paid claim going back under enforcement. */
static const struct
{
  const char *from;
  const char *to[5];
} expected_steps[] = {
  { "drafting", { "filed" } },
  { "filed", { "heard" } },
  { "heard", { "awarded", "partly_awarded", "rejected" } },
  { "awarded", { "appealed", "under_enforcement", "paid", "partly_paid" } },
  { "partly_awarded", { "appealed", "under_enforcement", "paid", "partly_paid" } },
  { "rejected", { "appealed" } },
  { "appealed", { "awarded", "partly_awarded", "rejected" } },
  { "under_enforcement", { "paid", "partly_paid" } },
  { "enforced", { "paid", "partly_paid" } },
  { "paid", { NULL } },
  { "partly_paid", { "under_enforcement", "paid" } },
};

static gboolean
expected_allowed (const char *from, const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_steps); i++)
    if (g_str_equal (expected_steps[i].from, from))
      for (guint t = 0; t < G_N_ELEMENTS (expected_steps[i].to) && expected_steps[i].to[t]; t++)
        if (g_str_equal (expected_steps[i].to[t], to))
          return TRUE;
  return FALSE;
}

static const char *
reason_for (const char *status)
{
  return vigil_claim_status_needs_reason (status) ? "defendant_insolvent" : NULL;
}

/* Every pair of statuses, as a rule: allowed where the procedure leads,
 * refused elsewhere with a message naming every status it does lead to. */
static void
test_every_transition_rule (void)
{
  guint allowed = 0;
  guint refused = 0;

  g_assert_cmpuint (g_strv_length ((char **) vigil_claim_statuses), ==,
                    G_N_ELEMENTS (expected_steps));
  for (guint f = 0; vigil_claim_statuses[f] != NULL; f++)
    for (guint t = 0; vigil_claim_statuses[t] != NULL; t++)
      {
        const char *from = vigil_claim_statuses[f];
        const char *to = vigil_claim_statuses[t];
        g_autoptr (GError) error = NULL;
        gboolean ok = vigil_claim_status_check_change (from, to, &error);

        if (ok != expected_allowed (from, to))
          g_test_message ("%s → %s: %s", from, to, ok ? "allowed" : error->message);
        g_assert_true (ok == expected_allowed (from, to));
        if (ok)
          {
            g_assert_no_error (error);
            allowed++;
            continue;
          }
        refused++;
        g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
        if (g_str_equal (from, "paid"))
          g_assert_nonnull (strstr (error->message, "does not change status any more"));
        for (const char * const *next = vigil_claim_status_next (from); *next != NULL; next++)
          {
            if (strstr (error->message, vigil_claim_status_label (*next)) == NULL)
              g_test_message ("“%s” does not name %s", error->message, *next);
            g_assert_nonnull (strstr (error->message, vigil_claim_status_label (*next)));
          }
      }
  g_assert_cmpuint (allowed, ==, 23);
  g_assert_cmpuint (allowed + refused, ==, 121);
  /* Nothing leads to the older word, and no status is unknown. */
  for (guint f = 0; vigil_claim_statuses[f] != NULL; f++)
    g_assert_false (vigil_claim_status_check_change (vigil_claim_statuses[f], "enforced", NULL));
  g_assert_false (vigil_claim_status_check_change ("won", "paid", NULL));
}

static VigilClaimData *
add_claim (Fixture *f, VigilCase *kase, VigilPerson *claimant, const char *status)
{
  g_autoptr (GError) error = NULL;
  VigilClaimData *claim = vigil_claim_data_new ();
  VigilClaimItemData *wages = vigil_claim_item_data_new ();
  VigilClaimItemData *moral = vigil_claim_item_data_new ();

  claim->case_id = g_strdup (vigil_case_get_id (kase));
  claim->claimant_id = g_strdup (vigil_person_get_id (claimant));
  claim->route = g_strdup ("civil_claim");
  claim->status = g_strdup (status);
  claim->currency = g_strdup ("EUR");
  wages->head = g_strdup ("unpaid_wages");
  wages->claimed_minor = 450000;
  wages->has_awarded = TRUE;
  wages->awarded_minor = 300000;
  moral->head = g_strdup ("moral_damage");
  moral->claimed_minor = 1000000;
  g_ptr_array_add (claim->items, wages);
  g_ptr_array_add (claim->items, moral);
  g_assert_true (vigil_store_add_claim (f->store, claim, &error));
  g_assert_no_error (error);
  return claim;
}

/* Every pair again, through the store: an allowed change is written with
 * its date, reason and who made it, and read back; a refused one leaves
 * the claim as it was. */
static void
test_every_transition_store (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 12/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);

  g_assert_true (vigil_store_set_monitor (f->store, "Ana Monitor", &error));
  g_assert_no_error (error);
  for (guint i = 0; vigil_claim_statuses[i] != NULL; i++)
    for (guint t = 0; vigil_claim_statuses[t] != NULL; t++)
      {
        const char *from = vigil_claim_statuses[i];
        const char *to = vigil_claim_statuses[t];
        g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, from);
        g_autoptr (VigilClaimData) back = NULL;
        gint64 version = claim->version;
        gboolean ok = vigil_store_change_claim_status (f->store, claim, to, "2024-05-02",
                                                       reason_for (to), &error);

        back = vigil_store_get_claim (f->store, claim->id, NULL);
        g_assert_nonnull (back);
        if (expected_allowed (from, to))
          {
            VigilClaimStatusChange *change;

            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpstr (back->status, ==, to);
            g_assert_cmpint (back->version, ==, version + 1);
            g_assert_cmpuint (back->history->len, ==, 1);
            change = g_ptr_array_index (back->history, 0);
            g_assert_cmpstr (change->status, ==, to);
            g_assert_cmpstr (change->changed_on, ==, "2024-05-02");
            g_assert_cmpstr (change->changed_by, ==, "Ana Monitor");
            g_assert_cmpstr (change->reason, ==, reason_for (to));
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
            g_clear_error (&error);
            g_assert_cmpstr (claim->status, ==, from);
            g_assert_cmpint (claim->version, ==, version);
            g_assert_cmpstr (back->status, ==, from);
            g_assert_cmpint (back->version, ==, version);
            g_assert_cmpuint (back->history->len, ==, 0);
          }
      }
  g_assert_cmpint (count (f, "SELECT count(*) FROM claim_status_changes"), ==, 23);
  assert_check_ok (f);
}

/* A claim followed from drafting to partly paid: its history in order. */
static void
test_history (Fixture *f, gconstpointer data)
{
  static const char * const path[] = { "filed", "heard", "partly_awarded", "appealed",
                                       "awarded", "under_enforcement", "partly_paid" };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 13/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "drafting");
  g_autoptr (VigilClaimData) back = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-0%u-15", i + 1);

      g_assert_true (vigil_store_change_claim_status (f->store, claim, path[i], date,
                                                      reason_for (path[i]), &error));
      g_assert_no_error (error);
    }
  back = vigil_store_get_claim (f->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->status, ==, "partly_paid");
  g_assert_cmpuint (back->history->len, ==, G_N_ELEMENTS (path));
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    g_assert_cmpstr (((VigilClaimStatusChange *) g_ptr_array_index (back->history, i))->status,
                     ==, path[i]);
}

/* Rejected, partly awarded and partly paid say why, from the list. */
static void
test_reasons (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 14/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "heard");

  g_assert_true (vigil_claim_status_needs_reason ("rejected"));
  g_assert_true (vigil_claim_status_needs_reason ("partly_awarded"));
  g_assert_true (vigil_claim_status_needs_reason ("partly_paid"));
  g_assert_false (vigil_claim_status_needs_reason ("awarded"));
  g_assert_false (vigil_claim_status_needs_reason ("paid"));

  g_assert_false (vigil_store_change_claim_status (f->store, claim, "rejected", "2024-03-01",
                                                   NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason is missing"));
  g_clear_error (&error);
  g_assert_false (vigil_store_change_claim_status (f->store, claim, "rejected", "2024-03-01",
                                                   "bad_luck", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "referred_to_civil"));
  g_clear_error (&error);
  g_assert_false (vigil_store_change_claim_status (f->store, claim, "rejected", "2024-02-30",
                                                   "left_undecided", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (claim->status, ==, "heard");

  g_assert_true (vigil_store_change_claim_status (f->store, claim, "rejected", "2024-03-01",
                                                  "referred_to_civil", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_claim_reason_label ("referred_to_civil"), ==,
                   "Referred to civil proceedings");
  for (guint i = 0; vigil_claim_reasons[i] != NULL; i++)
    g_assert_cmpstr (vigil_claim_reason_label (vigil_claim_reasons[i]), !=,
                     vigil_claim_reasons[i]);
  g_assert_cmpuint (g_strv_length ((char **) vigil_claim_reasons), ==, 7);
}

static VigilClaimPayment *
payment_new (const VigilClaimData *claim, const char *paid_on, gint64 amount, const char *payer,
             const char *item_id)
{
  VigilClaimPayment *payment = vigil_claim_payment_new ();

  payment->claim_id = g_strdup (claim->id);
  payment->paid_on = g_strdup (paid_on);
  payment->amount_minor = amount;
  payment->payer = g_strdup (payer);
  payment->item_id = g_strdup (item_id);
  return payment;
}

/* What was paid is the sum of the payments, per head and in all. */
static void
test_payments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 15/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "awarded");
  g_autoptr (VigilClaimData) other = add_claim (f, kase, victim, "awarded");
  g_autoptr (VigilClaimData) back = NULL;
  const char *wages_id = ((VigilClaimItemData *) g_ptr_array_index (claim->items, 0))->id;
  const char *other_item = ((VigilClaimItemData *) g_ptr_array_index (other->items, 0))->id;
  struct
  {
    const char *paid_on;
    gint64      amount;
    const char *payer;
    const char *item;
  } good[] = {
    { "2024-06-01", 100000, "state_fund", wages_id },
    { "2024-07-01", 50001, "defendant", wages_id },
    { "2024-08-01", 25000, "confiscated_assets", NULL },
  };
  struct
  {
    const char *paid_on;
    gint64      amount;
    const char *payer;
    const char *item;
    const char *message;
  } bad[] = {
    { "2024-06-01", 0, "defendant", NULL, "above zero" },
    { "2024-06-01", -5, "defendant", NULL, "above zero" },
    { "2024-06-01", G_GINT64_CONSTANT (1000000000000001), "defendant", NULL, "10^15" },
    { "2024-13-01", 5, "defendant", NULL, "Date of payment" },
    { "2024-06-01", 5, "neighbour", NULL, "Payer must be one of" },
    { "2024-06-01", 5, "defendant", other_item, "not one of this claim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (VigilClaimPayment) payment
          = payment_new (claim, good[i].paid_on, good[i].amount, good[i].payer, good[i].item);

      g_assert_true (vigil_store_add_claim_payment (f->store, payment, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (payment->claimant_id, ==, vigil_person_get_id (victim));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (VigilClaimPayment) payment
          = payment_new (claim, bad[i].paid_on, bad[i].amount, bad[i].payer, bad[i].item);

      g_assert_false (vigil_store_add_claim_payment (f->store, payment, &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
      if (strstr (error->message, bad[i].message) == NULL)
        g_test_message ("“%s” lacks “%s”", error->message, bad[i].message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_clear_error (&error);
    }

  back = vigil_store_get_claim (f->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->payments->len, ==, 3);
  g_assert_cmpint (back->paid_minor, ==, 175001);
  g_assert_true (((VigilClaimItemData *) g_ptr_array_index (back->items, 0))->has_paid);
  g_assert_cmpint (((VigilClaimItemData *) g_ptr_array_index (back->items, 0))->paid_minor, ==,
                   150001);
  g_assert_false (((VigilClaimItemData *) g_ptr_array_index (back->items, 1))->has_paid);
  /* In date order, each with its payer. */
  g_assert_cmpstr (((VigilClaimPayment *) g_ptr_array_index (back->payments, 2))->payer, ==,
                   "confiscated_assets");
  g_assert_cmpint (count (f, "SELECT count(*) FROM claim_items WHERE paid_minor IS NOT NULL"), ==,
                   0);
  assert_check_ok (f);
}

/* Deadlines, with their kind and date, and done ones kept. */
static void
test_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 16/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "awarded");
  g_autoptr (VigilClaimDeadline) appeal = vigil_claim_deadline_new ();
  g_autoptr (VigilClaimDeadline) limitation = vigil_claim_deadline_new ();
  g_autoptr (VigilClaimDeadline) wrong = vigil_claim_deadline_new ();
  g_autoptr (VigilClaimData) back = NULL;

  appeal->claim_id = g_strdup (claim->id);
  appeal->kind = g_strdup ("appeal");
  appeal->due_on = g_strdup ("2024-09-30");
  limitation->claim_id = g_strdup (claim->id);
  limitation->kind = g_strdup ("limitation");
  limitation->due_on = g_strdup ("2027-01-15");
  g_assert_true (vigil_store_save_claim_deadline (f->store, limitation, &error));
  g_assert_true (vigil_store_save_claim_deadline (f->store, appeal, &error));
  g_assert_no_error (error);
  appeal->done = TRUE;
  g_assert_true (vigil_store_save_claim_deadline (f->store, appeal, &error));
  g_assert_no_error (error);

  wrong->claim_id = g_strdup (claim->id);
  wrong->kind = g_strdup ("someday");
  wrong->due_on = g_strdup ("2024-01-01");
  g_assert_false (vigil_store_save_claim_deadline (f->store, wrong, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_free (wrong->kind);
  wrong->kind = g_strdup ("filing");
  g_free (wrong->due_on);
  wrong->due_on = g_strdup ("soon");
  g_assert_false (vigil_store_save_claim_deadline (f->store, wrong, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);

  back = vigil_store_get_claim (f->store, claim->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->deadlines->len, ==, 2);
  g_assert_cmpstr (((VigilClaimDeadline *) g_ptr_array_index (back->deadlines, 0))->kind, ==,
                   "appeal");
  g_assert_true (((VigilClaimDeadline *) g_ptr_array_index (back->deadlines, 0))->done);
  g_assert_cmpint (((VigilClaimDeadline *) g_ptr_array_index (back->deadlines, 0))->version, ==,
                   2);
  g_assert_false (((VigilClaimDeadline *) g_ptr_array_index (back->deadlines, 1))->done);
}

/* A defendant's assets: theirs only, their description sealed, linked to
 * the claims of their case they could pay. */
static void
test_assets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 17/2024");
  g_autoptr (VigilCase) elsewhere = add_case (f, "K 18/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) defendant = add_person (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilPerson) victim2 = add_person (f, elsewhere, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "awarded");
  g_autoptr (VigilClaimData) foreign = add_claim (f, elsewhere, victim2, "awarded");
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  g_autoptr (VigilDefendantAsset) not_theirs = vigil_defendant_asset_new ();
  g_autoptr (GPtrArray) assets = NULL;
  g_autoptr (VigilClaimData) back = NULL;
  VigilDefendantAsset *read;

  asset->case_id = g_strdup (vigil_case_get_id (kase));
  asset->defendant_id = g_strdup (vigil_person_get_id (defendant));
  asset->kind = g_strdup ("real_estate");
  asset->has_estimate = TRUE;
  asset->estimated_minor = 8500000;
  asset->currency = g_strdup ("EUR");
  asset->state = g_strdup ("frozen");
  asset->description = g_strdup ("Flat at Strada Lipscani 14, land registry 20931");
  g_assert_true (vigil_store_save_defendant_asset (f->store, asset, &error));
  g_assert_no_error (error);

  not_theirs->case_id = g_strdup (vigil_case_get_id (kase));
  not_theirs->defendant_id = g_strdup (vigil_person_get_id (victim));
  not_theirs->kind = g_strdup ("cash");
  not_theirs->currency = g_strdup ("EUR");
  not_theirs->state = g_strdup ("frozen");
  g_assert_false (vigil_store_save_defendant_asset (f->store, not_theirs, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a defendant"));
  g_clear_error (&error);
  g_free (not_theirs->state);
  not_theirs->state = g_strdup ("stolen");
  g_assert_false (vigil_store_save_defendant_asset (f->store, not_theirs, &error));
  g_assert_nonnull (strstr (error->message, "used_for_payment"));
  g_clear_error (&error);

  g_assert_true (vigil_store_link_claim_asset (f->store, claim->id, asset->id, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_link_claim_asset (f->store, claim->id, asset->id, &error));
  g_assert_nonnull (strstr (error->message, "already linked"));
  g_clear_error (&error);
  g_assert_false (vigil_store_link_claim_asset (f->store, foreign->id, asset->id, &error));
  g_assert_nonnull (strstr (error->message, "another case"));
  g_clear_error (&error);

  /* Confiscated, then used to pay. */
  g_free (asset->state);
  asset->state = g_strdup ("used_for_payment");
  g_assert_true (vigil_store_save_defendant_asset (f->store, asset, &error));
  g_assert_no_error (error);

  assets = vigil_store_list_defendant_assets (f->store, vigil_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assets->len, ==, 1);
  read = g_ptr_array_index (assets, 0);
  g_assert_cmpstr (read->state, ==, "used_for_payment");
  g_assert_cmpstr (read->description, ==, "Flat at Strada Lipscani 14, land registry 20931");
  g_assert_cmpint (read->estimated_minor, ==, 8500000);
  back = vigil_store_get_claim (f->store, claim->id, &error);
  g_assert_cmpuint (back->asset_links->len, ==, 1);
  g_assert_cmpstr (((VigilClaimAssetLink *) g_ptr_array_index (back->asset_links, 0))->asset_id,
                   ==, asset->id);
  assert_check_ok (f);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Lipscani"));
}

/* tests/fixtures/vault-v1 was written when amounts paid were typed per
 * item: reading its claims moves each into an undated payment of payer
 * "other", audited, and the totals stay what they were. */
static void
test_legacy_paid (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir_new ();
  g_autofree char *original = g_test_build_filename (G_TEST_DIST, "fixtures", "vault-v1",
                                                     "demo.vigil", NULL);
  g_autofree char *passphrase_path = g_test_build_filename (G_TEST_DIST, "fixtures", "vault-v1",
                                                            "passphrase", NULL);
  g_autofree char *passphrase = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.vigil", NULL);
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilStore) again = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (VigilCheckReport) report = NULL;
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) legacy = NULL;
  gint64 legacy_sum = 0;
  gint64 legacy_count = 0;
  gint64 moved_sum = 0;
  guint moved_count = 0;

  g_file_get_contents (passphrase_path, &passphrase, NULL, &error);
  g_assert_no_error (error);
  passphrase[strcspn (passphrase, "\r\n")] = '\0';
  vigil_test_copy_file (original, path);
  vault = vigil_vault_open (path, passphrase, &error);
  g_assert_no_error (error);
  db = vigil_vault_get_db (vault, &error);
  legacy = vigil_db_prepare (db, "SELECT count(*), total(paid_minor) FROM claim_items"
                                 " WHERE paid_minor IS NOT NULL", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (legacy), ==, SQLITE_ROW);
  legacy_count = sqlite3_column_int64 (legacy, 0);
  legacy_sum = sqlite3_column_int64 (legacy, 1);
  g_clear_pointer (&legacy, sqlite3_finalize);
  g_assert_cmpint (legacy_count, >, 0);

  store = vigil_store_new (vault);
  cases = vigil_store_list_cases (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr (GPtrArray) claims
          = vigil_store_list_claims (store, vigil_case_get_id (g_ptr_array_index (cases, i)),
                                     &error);

      g_assert_no_error (error);
      for (guint c = 0; c < claims->len; c++)
        {
          VigilClaimData *claim = g_ptr_array_index (claims, c);

          for (guint p = 0; p < claim->payments->len; p++)
            {
              VigilClaimPayment *payment = g_ptr_array_index (claim->payments, p);

              g_assert_null (payment->paid_on);
              g_assert_cmpstr (payment->payer, ==, "other");
              g_assert_nonnull (payment->item_id);
              moved_sum += payment->amount_minor;
              moved_count++;
            }
        }
    }
  g_assert_cmpint (moved_count, ==, legacy_count);
  g_assert_cmpint (moved_sum, ==, legacy_sum);
  legacy = vigil_db_prepare (db, "SELECT count(*) FROM claim_items WHERE paid_minor IS NOT NULL",
                             &error);
  g_assert_cmpint (sqlite3_step (legacy), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (legacy, 0), ==, 0);
  g_clear_pointer (&legacy, sqlite3_finalize);

  /* Once: a second store finds nothing left to move. */
  again = vigil_store_new (vault);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = vigil_store_list_cases (again, &error);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_unref (vigil_store_list_claims (again,
                                                vigil_case_get_id (g_ptr_array_index (cases, i)),
                                                &error));
  g_assert_no_error (error);
  legacy = vigil_db_prepare (db, "SELECT count(*) FROM claim_payments", &error);
  g_assert_cmpint (sqlite3_step (legacy), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (legacy, 0), ==, legacy_count);

  report = vigil_store_check (again, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_check_report_ok (report));
  g_clear_object (&store);
  g_clear_object (&again);
  vigil_vault_lock (vault);
  g_clear_object (&vault);
  vigil_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The export without its moment, as text, for comparing two exports. */
static char *
export_text (VigilStore *store, VigilExportFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = vigil_interchange_export_node (store, flags, NULL, &error);

  g_assert_no_error (error);
  json_object_remove_member (json_node_get_object (root), "exported_at");
  return json_to_string (root, TRUE);
}

/* A claim with all its parts leaves in a file and comes back the same,
 * with its assets; without identities, the asset's description stays
 * behind like every text sealed under a person's key. */
static void
test_interchange_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 19/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) defendant = add_person (f, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "heard");
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();
  g_autoptr (VigilClaimPayment) payment = NULL;
  g_autoptr (VigilClaimPayment) whole = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pseudonyms = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.vigil", NULL);
  g_autoptr (VigilVault) other_vault = NULL;
  g_autoptr (VigilStore) other = NULL;
  g_autoptr (VigilInterchange) document = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_assert_true (vigil_store_set_monitor (f->store, "Ana Monitor", &error));
  g_assert_true (vigil_store_change_claim_status (f->store, claim, "partly_awarded", "2024-04-02",
                                                  "left_undecided", &error));
  g_assert_no_error (error);
  asset->case_id = g_strdup (vigil_case_get_id (kase));
  asset->defendant_id = g_strdup (vigil_person_get_id (defendant));
  asset->kind = g_strdup ("bank_account");
  asset->has_estimate = TRUE;
  asset->estimated_minor = 1250000;
  asset->currency = g_strdup ("EUR");
  asset->state = g_strdup ("confiscated");
  asset->description = g_strdup ("Account RO49 AAAA 1B31 0075 9384 0000");
  g_assert_true (vigil_store_save_defendant_asset (f->store, asset, &error));
  g_assert_true (vigil_store_link_claim_asset (f->store, claim->id, asset->id, &error));
  deadline->claim_id = g_strdup (claim->id);
  deadline->kind = g_strdup ("appeal");
  deadline->due_on = g_strdup ("2024-05-02");
  g_assert_true (vigil_store_save_claim_deadline (f->store, deadline, &error));
  payment = payment_new (claim, "2024-06-10", 120000, "confiscated_assets",
                         ((VigilClaimItemData *) g_ptr_array_index (claim->items, 0))->id);
  whole = payment_new (claim, "2024-07-01", 5000, "state_fund", NULL);
  g_assert_true (vigil_store_add_claim_payment (f->store, payment, &error));
  g_assert_true (vigil_store_add_claim_payment (f->store, whole, &error));
  g_assert_no_error (error);

  first = export_text (f->store, VIGIL_EXPORT_IDENTITIES);
  g_assert_nonnull (strstr (first, "\"payer\" : \"confiscated_assets\""));
  g_assert_nonnull (strstr (first, "\"item_index\" : 0"));
  g_assert_nonnull (strstr (first, "\"asset_indexes\" : [\n"));
  g_assert_nonnull (strstr (first, "\"reason\" : \"left_undecided\""));
  g_assert_nonnull (strstr (first, "RO49"));
  pseudonyms = export_text (f->store, VIGIL_EXPORT_DEFAULT);
  g_assert_null (strstr (pseudonyms, "RO49"));
  g_assert_nonnull (strstr (pseudonyms, "\"defendant\" : \"D-01\""));

  other_vault = vigil_vault_create (other_path, VIGIL_TEST_PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                    &error);
  g_assert_no_error (error);
  other = vigil_store_new (other_vault);
  root = json_from_string (first, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (root), "exported_at",
                                 "2024-08-01T10:00:00Z");
  document = vigil_interchange_load_node (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_interchange_import (document, other, NULL, &error));
  g_assert_no_error (error);
  second = export_text (other, VIGIL_EXPORT_IDENTITIES);
  g_assert_cmpstr (second, ==, first);
  g_clear_object (&other);
  vigil_vault_lock (other_vault);
}

/* A file's mistakes in the new lists are reported at their paths. */
static void
test_interchange_problems (void)
{
  static const char document[] =
    "{\"format\": \"vigil-interchange\", \"version\": 1,"
    " \"exported_at\": \"2024-08-01T10:00:00Z\", \"cases\": [{"
    " \"reference\": \"K 1/2024\", \"court\": \"Tribunalul Bucuresti\","
    " \"jurisdiction\": \"Romania\", \"stage\": \"trial\", \"charges\": [\"trafficking\"],"
    " \"persons\": [{\"pseudonym\": \"V-01\", \"role\": \"victim\", \"is_child\": false},"
    "               {\"pseudonym\": \"D-01\", \"role\": \"defendant\", \"is_child\": false}],"
    " \"hearings\": [],"
    " \"defendant_assets\": [{\"defendant\": \"V-01\", \"kind\": \"cash\","
    "    \"currency\": \"EUR\", \"state\": \"frozen\"},"
    "   {\"defendant\": \"D-01\", \"kind\": \"yacht\", \"currency\": \"EUR\","
    "    \"state\": \"frozen\"}],"
    " \"claims\": [{\"claimant\": \"V-01\", \"route\": \"civil_claim\","
    "   \"status\": \"rejected\", \"currency\": \"EUR\","
    "   \"items\": [{\"head\": \"unpaid_wages\", \"claimed_minor\": 100}],"
    "   \"status_history\": [{\"status\": \"rejected\", \"changed_on\": \"2024-01-05\"}],"
    "   \"deadlines\": [{\"kind\": \"appeal\", \"due_on\": \"2024-02-30\"}],"
    "   \"payments\": [{\"paid_on\": \"2024-03-01\", \"amount_minor\": 50,"
    "                   \"payer\": \"uncle\"},"
    "                  {\"paid_on\": \"2024-03-01\", \"amount_minor\": 50,"
    "                   \"payer\": \"defendant\", \"item_index\": 3}],"
    "   \"asset_indexes\": [7]}]}]}";
  static const VigilTestProblem expected[] = {
    { "$.cases[0].defendant_assets[0].defendant", "V-01 is not a defendant" },
    { "$.cases[0].defendant_assets[1].kind", "\"yacht\" is not a kind of asset" },
    { "$.cases[0].claims[0].status_history[0].reason", "Reason is missing" },
    { "$.cases[0].claims[0].deadlines[0].due_on", "Due date is not a date" },
    { "$.cases[0].claims[0].payments[0].payer", "\"uncle\" is not a payer" },
    { "$.cases[0].claims[0].payments[1].item_index", "3 is not the index of a head of damage" },
    { "$.cases[0].claims[0].asset_indexes[0]", "7 is not the index of an asset" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (VigilInterchange) loaded = vigil_interchange_load_data (document, -1, &problems,
                                                                     &error);

  g_assert_null (loaded);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IMPORT);
  vigil_test_assert_problems (problems, expected, G_N_ELEMENTS (expected));
}

/* Totals per currency, never across currencies; what was awarded and not
 * paid, per claim; filters by case and status. */
static void
test_totals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) a = add_case (f, "A 1/2024");
  g_autoptr (VigilCase) b = add_case (f, "B 2/2024");
  g_autoptr (VigilPerson) va = add_person (f, a, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilPerson) vb = add_person (f, b, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) eur1 = add_claim (f, a, va, "awarded");
  g_autoptr (VigilClaimData) eur2 = add_claim (f, b, vb, "paid");
  g_autoptr (VigilClaimData) ron = vigil_claim_data_new ();
  g_autoptr (VigilClaimPayment) over = NULL;
  g_autoptr (VigilClaimPayment) part = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) only_b = NULL;
  g_autoptr (GPtrArray) only_paid = NULL;
  g_autoptr (VigilMoneyTotals) totals = NULL;
  g_auto (GStrv) currencies = NULL;
  VigilClaimItemData *item = vigil_claim_item_data_new ();

  ron->case_id = g_strdup (vigil_case_get_id (a));
  ron->claimant_id = g_strdup (vigil_person_get_id (va));
  ron->route = g_strdup ("labour_tribunal");
  ron->status = g_strdup ("filed");
  ron->currency = g_strdup ("RON");
  item->head = g_strdup ("unpaid_wages");
  item->claimed_minor = G_GINT64_CONSTANT (1000000000000000);
  g_ptr_array_add (ron->items, item);
  g_assert_true (vigil_store_add_claim (f->store, ron, &error));
  g_assert_no_error (error);

  /* eur1: awarded 3 000,00, paid 1 000,00. eur2: awarded 3 000,00, paid
   * 3 500,00, which leaves nothing unpaid, not less than nothing. */
  part = payment_new (eur1, "2024-06-01", 100000, "state_fund", NULL);
  over = payment_new (eur2, "2024-06-01", 350000, "defendant", NULL);
  g_assert_true (vigil_store_add_claim_payment (f->store, part, &error));
  g_assert_true (vigil_store_add_claim_payment (f->store, over, &error));
  g_assert_no_error (error);

  all = vigil_store_list_claim_summaries (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((VigilClaimSummary *) g_ptr_array_index (all, 0))->case_reference, ==,
                   "A 1/2024");
  g_assert_cmpstr (((VigilClaimSummary *) g_ptr_array_index (all, 1))->currency, ==, "RON");
  g_assert_false (((VigilClaimSummary *) g_ptr_array_index (all, 1))->has_awarded);
  g_assert_cmpstr (((VigilClaimSummary *) g_ptr_array_index (all, 2))->claimant, ==, "V-01");
  totals = vigil_claim_summaries_total (all, &error);
  g_assert_no_error (error);
  currencies = vigil_money_totals_currencies (totals);
  g_assert_cmpuint (g_strv_length (currencies), ==, 2);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", VIGIL_CLAIM_TOTAL_CLAIMED), ==,
                   2 * 1450000);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", VIGIL_CLAIM_TOTAL_AWARDED), ==, 600000);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", VIGIL_CLAIM_TOTAL_PAID), ==, 450000);
  g_assert_cmpint (vigil_money_totals_get (totals, "EUR", VIGIL_CLAIM_TOTAL_AWARDED_UNPAID), ==,
                   200000);
  g_assert_cmpint (vigil_money_totals_get (totals, "RON", VIGIL_CLAIM_TOTAL_CLAIMED), ==,
                   G_GINT64_CONSTANT (1000000000000000));
  g_assert_cmpint (vigil_money_totals_get (totals, "RON", VIGIL_CLAIM_TOTAL_AWARDED_UNPAID), ==,
                   0);

  /* Straight from the vault, the same sums. */
  {
    g_autoptr (VigilMoneyTotals) direct = vigil_store_claim_totals (f->store, NULL, NULL, &error);
    g_autoptr (VigilMoneyTotals) paid_only = vigil_store_claim_totals (f->store, NULL, "paid",
                                                                       &error);

    g_assert_no_error (error);
    for (guint k = 0; k < VIGIL_CLAIM_N_TOTALS; k++)
      {
        g_assert_cmpint (vigil_money_totals_get (direct, "EUR", k), ==,
                         vigil_money_totals_get (totals, "EUR", k));
        g_assert_cmpint (vigil_money_totals_get (direct, "RON", k), ==,
                         vigil_money_totals_get (totals, "RON", k));
      }
    g_assert_cmpint (vigil_money_totals_get (paid_only, "EUR", VIGIL_CLAIM_TOTAL_PAID), ==, 350000);
    g_assert_cmpint (vigil_money_totals_get (paid_only, "RON", VIGIL_CLAIM_TOTAL_CLAIMED), ==, 0);
    g_assert_null (vigil_store_claim_totals (f->store, NULL, "won", &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
    g_clear_error (&error);
  }

  only_b = vigil_store_list_claim_summaries (f->store, vigil_case_get_id (b), NULL, &error);
  g_assert_cmpuint (only_b->len, ==, 1);
  only_paid = vigil_store_list_claim_summaries (f->store, NULL, "paid", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (only_paid->len, ==, 1);
  g_assert_null (vigil_store_list_claim_summaries (f->store, NULL, "won", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
}

/* Near and past deadlines, earliest first; met ones and far ones not. */
static void
test_due_deadlines (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *kind;
    const char *due_on;
    gboolean    done;
  } deadlines[] = {
    { "appeal", "2024-03-04", FALSE },      /* 3 days ahead */
    { "filing", "2024-02-20", FALSE },      /* 10 days past */
    { "limitation", "2024-03-31", FALSE },  /* 30 days ahead */
    { "limitation", "2024-04-01", FALSE },  /* 31: beyond */
    { "enforcement", "2024-02-29", TRUE },  /* met */
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 20/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) claim = add_claim (f, kase, victim, "filed");
  g_autoptr (GPtrArray) due = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();

      deadline->claim_id = g_strdup (claim->id);
      deadline->kind = g_strdup (deadlines[i].kind);
      deadline->due_on = g_strdup (deadlines[i].due_on);
      deadline->done = deadlines[i].done;
      g_assert_true (vigil_store_save_claim_deadline (f->store, deadline, &error));
      g_assert_no_error (error);
    }
  /* 2024 is a leap year: from 1 March, 4 March is 3 days, 20 February 10
   * days back. */
  due = vigil_store_list_due_deadlines (f->store, "2024-03-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpstr (((VigilDueDeadline *) g_ptr_array_index (due, 0))->kind, ==, "filing");
  g_assert_cmpint (((VigilDueDeadline *) g_ptr_array_index (due, 0))->days_left, ==, -10);
  g_assert_cmpint (((VigilDueDeadline *) g_ptr_array_index (due, 1))->days_left, ==, 3);
  g_assert_cmpstr (((VigilDueDeadline *) g_ptr_array_index (due, 1))->claimant, ==, "V-02");
  g_assert_cmpstr (((VigilDueDeadline *) g_ptr_array_index (due, 1))->case_reference, ==,
                   "K 20/2024");
  g_assert_cmpint (((VigilDueDeadline *) g_ptr_array_index (due, 2))->days_left, ==, 30);
}

static VigilDueDeadline *
due_in (int days)
{
  VigilDueDeadline *d = g_new0 (VigilDueDeadline, 1);

  d->kind = g_strdup ("appeal");
  d->case_reference = g_strdup ("K 1/2024");
  d->claimant = g_strdup ("V-01");
  d->days_left = days;
  return d;
}

/* What a notification says names no case and no person. */
static void
test_deadline_notice (void)
{
  g_autoptr (GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              vigil_due_deadline_free);
  g_autofree char *none = NULL;
  g_autofree char *past = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  none = vigil_claims_deadline_notice (due, 7);
  g_assert_null (none);
  g_ptr_array_add (due, due_in (-2));
  past = vigil_claims_deadline_notice (due, 7);
  g_assert_cmpstr (past, ==, "A compensation deadline has passed");
  g_ptr_array_add (due, due_in (3));
  g_ptr_array_add (due, due_in (20));
  one = vigil_claims_deadline_notice (due, 7);
  g_assert_cmpstr (one, ==, "A compensation deadline is in 3 days");
  g_ptr_array_add (due, due_in (5));
  two = vigil_claims_deadline_notice (due, 7);
  g_assert_cmpstr (two, ==, "2 compensation deadlines are near; the first is in 3 days");
  g_assert_null (strstr (two, "K 1/2024"));
  g_assert_null (strstr (two, "V-01"));
}

/* The Compensation section's model: claims by status in the order of the
 * procedure, the totals, and the deadlines. */
static void
test_overview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = add_case (f, "K 21/2024");
  g_autoptr (VigilPerson) victim = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  g_autoptr (VigilClaimData) paid = add_claim (f, kase, victim, "paid");
  g_autoptr (VigilClaimData) filed = add_claim (f, kase, victim, "filed");
  g_autoptr (VigilClaimData) awarded = add_claim (f, kase, victim, "awarded");
  g_autoptr (VigilClaimData) filed2 = add_claim (f, kase, victim, "filed");
  g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();
  g_autoptr (VigilClaimsOverview) overview = NULL;
  VigilClaimsOverviewGroup *group;

  deadline->claim_id = g_strdup (filed->id);
  deadline->kind = g_strdup ("filing");
  deadline->due_on = g_strdup ("2024-03-04");
  g_assert_true (vigil_store_save_claim_deadline (f->store, deadline, &error));
  overview = vigil_claims_overview_new (f->store, "2024-03-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overview->summaries->len, ==, 4);
  g_assert_cmpuint (overview->groups->len, ==, 3);
  group = g_ptr_array_index (overview->groups, 0);
  g_assert_cmpstr (group->status, ==, "filed");
  g_assert_cmpuint (group->claims->len, ==, 2);
  g_assert_cmpstr (((VigilClaimsOverviewGroup *) g_ptr_array_index (overview->groups, 1))->status,
                   ==, "awarded");
  g_assert_cmpstr (((VigilClaimsOverviewGroup *) g_ptr_array_index (overview->groups, 2))->status,
                   ==, "paid");
  g_assert_cmpint (vigil_money_totals_get (overview->totals, "EUR", VIGIL_CLAIM_TOTAL_AWARDED),
                   ==, 4 * 300000);
  g_assert_cmpuint (overview->due->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/claims/status/every-transition", test_every_transition_rule);
  ADD ("/claims/status/every-transition-stored", test_every_transition_store);
  ADD ("/claims/status/history", test_history);
  ADD ("/claims/status/reasons", test_reasons);
  ADD ("/claims/payments", test_payments);
  ADD ("/claims/deadlines", test_deadlines);
  ADD ("/claims/assets", test_assets);
  g_test_add_func ("/claims/payments/legacy-paid", test_legacy_paid);
  ADD ("/claims/interchange/round-trip", test_interchange_round_trip);
  g_test_add_func ("/claims/interchange/problems", test_interchange_problems);
  ADD ("/claims/totals", test_totals);
  ADD ("/claims/deadlines/due", test_due_deadlines);
  g_test_add_func ("/claims/deadlines/notice", test_deadline_notice);
  ADD ("/claims/overview", test_overview);

#undef ADD
  return g_test_run ();
}
