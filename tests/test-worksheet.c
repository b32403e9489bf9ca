/* test-worksheet.c: the claim worksheet PDF, read back with Poppler
 *
 * Pseudonym only by default: no name, date of birth or phone of the
 * claimant anywhere in its text, and evidence that names them left out.
 * With the identity chosen, the name is there (in Cyrillic, as the font
 * covers it) and every page says it is confidential. The pages are also
 * turned into PNG with pdftoppm, into the screenshots folder, to be
 * looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "vigil-claim-worksheet.h"
#include "vigil-store-claim-records.h"
#include "vigil-store-claims.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define FULL_NAME "Олена Коваленко"
#define BIRTH     "1996-07-14"
#define PHONE     "+380 67 123 45 67"

typedef struct
{
  Fixture         store;
  VigilClaimData *claim;
} SheetFixture;

static void
sheet_set_up (SheetFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) victim = NULL;
  g_autoptr (VigilPerson) defendant = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  static const char * const path[] = { "filed", "heard", "partly_awarded", "under_enforcement",
                                       "partly_paid" };
  VigilClaimItemData *wages = vigil_claim_item_data_new ();
  VigilClaimItemData *moral = vigil_claim_item_data_new ();
  VigilClaimItemData *medical = vigil_claim_item_data_new ();

  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
  fixture_set_up (&f->store, data);
  g_assert_true (vigil_store_set_monitor (f->store.store, "Ana Monitor", &error));
  kase = add_case (&f->store, "K 1/2024");
  victim = add_person (&f->store, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  defendant = add_person (&f->store, kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  identity = make_identity (FULL_NAME, PHONE, "вул. Шевченка 12, Одеса");
  g_free (identity->nationality);
  identity->nationality = g_strdup ("Ukrainian");
  /* Her name as Latin documents spell it: the screening finds aliases. */
  identity->aliases = g_strsplit ("Olena Kovalenko", ";", -1);
  g_assert_true (vigil_store_save_identity (f->store.store, victim, identity, &error));
  g_assert_no_error (error);

  f->claim = vigil_claim_data_new ();
  f->claim->case_id = g_strdup (vigil_case_get_id (kase));
  f->claim->claimant_id = g_strdup (vigil_person_get_id (victim));
  f->claim->route = g_strdup ("civil_claim");
  f->claim->status = g_strdup ("drafting");
  f->claim->currency = g_strdup ("EUR");
  f->claim->filed_at = g_strdup ("2024-01-15");
  wages->head = g_strdup ("unpaid_wages");
  wages->claimed_minor = 340000;
  wages->has_awarded = TRUE;
  wages->awarded_minor = 300000;
  wages->evidence = g_strdup ("Employer's ledger, pages 4 to 9; two co-workers' statements");
  moral->head = g_strdup ("moral_damage");
  moral->claimed_minor = 1500000;
  moral->has_awarded = TRUE;
  moral->awarded_minor = 500000;
  moral->evidence = g_strdup ("Psychologist's report on Olena Kovalenko, 12 March 2024");
  medical->head = g_strdup ("medical_costs");
  medical->claimed_minor = 84550;
  g_ptr_array_add (f->claim->items, wages);
  g_ptr_array_add (f->claim->items, moral);
  g_ptr_array_add (f->claim->items, medical);
  g_assert_true (vigil_store_add_claim (f->store.store, f->claim, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-0%u-10", i + 2);

      g_assert_true (vigil_store_change_claim_status (
          f->store.store, f->claim, path[i], date,
          g_str_equal (path[i], "partly_awarded") ? "left_undecided"
          : g_str_equal (path[i], "partly_paid")  ? "defendant_insolvent"
                                                  : NULL,
          &error));
      g_assert_no_error (error);
    }
  /* Monthly instalments from the state fund: enough for a second page. */
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();

      payment->claim_id = g_strdup (f->claim->id);
      payment->paid_on = g_strdup_printf ("%u-%02u-05", 2022 + (i + 6) / 12, (i + 6) % 12 + 1);
      payment->amount_minor = 2500;
      payment->payer = g_strdup (i % 3 == 0 ? "defendant" : "state_fund");
      payment->item_id = i % 2 == 0 ? g_strdup (wages->id) : NULL;
      g_assert_true (vigil_store_add_claim_payment (f->store.store, payment, &error));
      g_assert_no_error (error);
    }
  asset->case_id = g_strdup (vigil_case_get_id (kase));
  asset->defendant_id = g_strdup (vigil_person_get_id (defendant));
  asset->kind = g_strdup ("vehicle");
  asset->has_estimate = TRUE;
  asset->estimated_minor = 1200000;
  asset->currency = g_strdup ("EUR");
  asset->state = g_strdup ("confiscated");
  g_assert_true (vigil_store_save_defendant_asset (f->store.store, asset, &error));
  g_assert_true (vigil_store_link_claim_asset (f->store.store, f->claim->id, asset->id, &error));
  g_assert_no_error (error);
}

static void
sheet_tear_down (SheetFixture *f, gconstpointer data)
{
  g_clear_pointer (&f->claim, vigil_claim_data_free);
  fixture_tear_down (&f->store, data);
}

/* The text of each page, read back as a reader (and a search) would. */
static GPtrArray *
pages_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr (PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);

      g_ptr_array_add (pages, poppler_page_get_text (page));
    }
  return pages;
}

static void
to_png (const char *pdf, const char *name)
{
  g_autoptr (GError) error = NULL;
  const char *dir = g_getenv ("VIGIL_SCREENSHOTS_DIR");
  g_autofree char *prefix = NULL;
  int status = 0;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  prefix = g_build_filename (dir, name, NULL);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "pdftoppm", "-png", "-r", "80", (char *) pdf,
                                                  prefix, NULL },
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("pages: %s-*.png", prefix);
}

static gboolean
any_page_has (GPtrArray *pages, const char *text)
{
  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_pseudonym (SheetFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->store.dir, "worksheet.pdf", NULL);
  VigilWageInput wages = { "2024-01-01", "2024-03-31", 6000, 500, FALSE, NULL, 50000, "EUR" };
  VigilWorksheetOptions options = { FALSE, &wages, "2024-08-01" };
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  gint64 reveals_before = count (&f->store, "SELECT count(*) FROM audit WHERE action = 'reveal'");

  g_assert_true (vigil_claim_worksheet_write (f->store.store, f->claim->id, &options, path,
                                              &error));
  g_assert_no_error (error);
  pages = pages_text (path);
  g_assert_cmpuint (pages->len, >=, 2);
  g_ptr_array_add (pages, NULL);
  all = g_strjoinv ("\n", (char **) pages->pdata);
  g_ptr_array_remove_index (pages, pages->len - 1);
  to_png (path, "worksheet-pseudonym");

  g_assert_nonnull (strstr (all, "Compensation Claim Worksheet"));
  g_assert_nonnull (strstr (all, "V-01"));
  g_assert_nonnull (strstr (all, "K 1/2024"));
  g_assert_nonnull (strstr (all, "Unpaid wages"));
  g_assert_nonnull (strstr (all, "Employer's ledger"));
  g_assert_nonnull (strstr (all, "60 hours a week × 91 days ÷ 7 = 780 hours"));
  g_assert_nonnull (strstr (all, "€3,900.00 − €500.00 paid = €3,400.00 unpaid"));
  /* Awarded €8,000.00; 30 payments of €25.00 paid €750.00. */
  g_assert_nonnull (strstr (all, "€7,250.00"));
  g_assert_nonnull (strstr (all, "Defendant insolvent"));
  g_assert_nonnull (strstr (all, "Vehicle"));
  g_assert_nonnull (any_page_has (pages, "Page 2 of") ? "ok" : NULL);
  /* No identity: not the name in either script, nor the birth date, the
   * phone, nor the evidence that names her. */
  g_assert_null (strstr (all, FULL_NAME));
  g_assert_null (strstr (all, "Kovalenko"));
  g_assert_null (strstr (all, BIRTH));
  g_assert_null (strstr (all, "123 45 67"));
  g_assert_null (strstr (all, "Шевченка"));
  g_assert_null (strstr (all, "CONFIDENTIAL"));
  g_assert_nonnull (strstr (all, "Evidence: left out"));
  g_assert_cmpint (count (&f->store, "SELECT count(*) FROM audit WHERE action = 'reveal'"), ==,
                   reveals_before);
}

static void
test_identity (SheetFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->store.dir, "worksheet-identity.pdf", NULL);
  VigilWorksheetOptions options = { TRUE, NULL, "2024-08-01" };
  g_autoptr (GPtrArray) pages = NULL;
  gint64 reveals_before = count (&f->store, "SELECT count(*) FROM audit WHERE action = 'reveal'");

  g_assert_true (vigil_claim_worksheet_write (f->store.store, f->claim->id, &options, path,
                                              &error));
  g_assert_no_error (error);
  pages = pages_text (path);
  to_png (path, "worksheet-identity");
  g_assert_cmpuint (pages->len, >=, 2);
  g_assert_true (any_page_has (pages, FULL_NAME));
  g_assert_true (any_page_has (pages, BIRTH));
  g_assert_true (any_page_has (pages, "Kovalenko"));
  for (guint i = 0; i < pages->len; i++)
    {
      if (strstr (g_ptr_array_index (pages, i), "CONFIDENTIAL") == NULL)
        g_test_message ("page %u is not marked confidential", i + 1);
      g_assert_nonnull (strstr (g_ptr_array_index (pages, i), "CONFIDENTIAL"));
    }
  /* Printing the identity is on record. */
  g_assert_cmpint (count (&f->store, "SELECT count(*) FROM audit WHERE action = 'reveal'"), ==,
                   reveals_before + 1);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/worksheet/pseudonym", SheetFixture, NULL, sheet_set_up, test_pseudonym,
              sheet_tear_down);
  g_test_add ("/worksheet/identity", SheetFixture, NULL, sheet_set_up, test_identity,
              sheet_tear_down);

  status = g_test_run ();
  /* Fontconfig keeps what Pango asked of it until told to let go: without
   * this the sanitizer build would report it as leaked. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
