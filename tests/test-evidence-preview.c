/* test-evidence-preview.c: reading and attaching evidence in the window
 *
 * A 300-page judgment is drawn on a worker thread while a timeout on the
 * main loop counts how often it fires: the figures are reported, not
 * asserted. The list attaches a PDF through the real file chooser, with
 * real keys and clicks, and the result is read back from the vault; a
 * refused file says why and leaves the vault as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-claim-editor.h"
#include "vigil-evidence-list.h"
#include "vigil-evidence-window.h"
#include "vigil-gui-util.h"
#include "vigil-store-claims.h"
#include "vigil-store-evidence.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-pdf.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

typedef struct
{
  Fixture      store;
  VigilCase   *kase;
  VigilPerson *claimant;
  char        *claim_id;
  char        *item_id;
  GtkWindow   *window;
} PreviewFixture;

static void
preview_set_up (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimData) claim = vigil_claim_data_new ();
  VigilClaimItemData *item = vigil_claim_item_data_new ();

  fixture_set_up (&f->store, data);
  f->kase = add_case (&f->store, "K 300/2025");
  f->claimant = add_person (&f->store, f->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  claim->case_id = g_strdup (vigil_case_get_id (f->kase));
  claim->claimant_id = g_strdup (vigil_person_get_id (f->claimant));
  claim->route = g_strdup ("civil_claim");
  claim->status = g_strdup ("filed");
  claim->currency = g_strdup ("EUR");
  item->head = g_strdup ("unpaid_wages");
  item->claimed_minor = 1250000;
  g_ptr_array_add (claim->items, item);
  g_assert_true (vigil_store_add_claim (f->store.store, claim, &error));
  g_assert_no_error (error);
  f->claim_id = g_strdup (claim->id);
  f->item_id = g_strdup (item->id);

  f->window = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (f->window, 720, 520);
  gtk_window_present (f->window);
}

static void
preview_tear_down (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (100);
  g_clear_object (&f->kase);
  g_clear_object (&f->claimant);
  g_free (f->claim_id);
  g_free (f->item_id);
  fixture_tear_down (&f->store, data);
}

static guint
n_stored (PreviewFixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = vigil_store_list_evidence (f->store.store, f->claim_id, &error);

  g_assert_no_error (error);
  return docs->len;
}

/* The main loop's heartbeat while pages are drawn. */
typedef struct
{
  guint  ticks;
  gint64 last;
  gint64 longest_gap;
} Beat;

static gboolean
on_beat (gpointer data)
{
  Beat *beat = data;
  gint64 now = g_get_monotonic_time ();

  if (beat->last != 0)
    beat->longest_gap = MAX (beat->longest_gap, now - beat->last);
  beat->last = now;
  beat->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The machine's load when the figures were taken: they mean little on a
 * machine busy with other work. */
static const char *
load_average (void)
{
  static char text[64];
  g_autofree char *contents = NULL;
  g_auto (GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return "unknown";
  fields = g_strsplit (contents, " ", 4);
  if (g_strv_length (fields) < 3)
    return "unknown";
  g_snprintf (text, sizeof text, "%s %s %s", fields[0], fields[1], fields[2]);
  return text;
}

static gboolean
all_drawn (gpointer data)
{
  VigilEvidencePreview *preview = data;

  return vigil_evidence_preview_get_n_drawn (preview) == vigil_evidence_preview_get_n_pages (preview);
}

static gboolean
some_drawn (gpointer data)
{
  return vigil_evidence_preview_get_n_drawn (data) >= 12;
}

/* The first descendant of @root whose tooltip is @tooltip. */
static GtkWidget *
find_by_tooltip (GtkWidget *root, const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_by_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the text view beside the pages shows. */
static char *
page_text (GtkWidget *root)
{
  GtkWidget *view = vigil_test_find_widget (root, GTK_TYPE_TEXT_VIEW, NULL);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A 300-page judgment: drawn page by page while the window keeps
 * answering. */
static void
test_responsive (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (300, "Judgment of the Regional Court", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window;
  VigilEvidencePreview *preview;
  GtkWidget *third;
  Beat beat = { 0 };
  guint beat_id;
  gint64 start, open_us, shown_us, elapsed, beat_start, beat_us;

  doc = vigil_store_attach_evidence (f->store.store, f->claim_id, NULL, "judgment-300.pdf", pdf,
                                     &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  window = vigil_evidence_window_new (f->window, f->store.store, doc->id, &error);
  g_assert_no_error (error);
  open_us = g_get_monotonic_time () - start;
  preview = vigil_evidence_window_get_preview (VIGIL_EVIDENCE_WINDOW (window));
  g_assert_cmpuint (vigil_evidence_preview_get_n_pages (preview), ==, 300);
  /* From the window on screen to its last page drawn. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vigil_test_wait_until (is_mapped, window, 10000));
  shown_us = g_get_monotonic_time () - start;
  beat_start = g_get_monotonic_time ();
  beat_id = g_timeout_add (20, on_beat, &beat);
  g_assert_true (vigil_test_wait_until (all_drawn, preview, 120000));
  elapsed = g_get_monotonic_time () - start;
  beat_us = g_get_monotonic_time () - beat_start;
  g_source_remove (beat_id);
  g_test_message ("300 pages: preview built in %.0f ms, on screen after %.0f ms, all drawn "
                  "%.2f s after it was built (%.0f pages/s); while they were drawn the main loop "
                  "turned at %.1f Hz (a 50 Hz timeout), longest gap %.0f ms; load average %s",
                  open_us / 1000.0, shown_us / 1000.0, (elapsed - open_us) / 1e6,
                  300 / ((elapsed - open_us) / 1e6), beat.ticks / (beat_us / 1e6),
                  beat.longest_gap / 1000.0, load_average ());
  beat.last = 0;
  g_assert_cmpuint (beat.ticks, >, 0);

  /* Scrolling through the pages while the window stays drawn. */
  beat = (Beat) { 0 };
  beat_id = g_timeout_add (20, on_beat, &beat);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 300; i += 30)
    {
      vigil_evidence_preview_select_page (preview, i);
      vigil_test_run_for (40);
    }
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (beat_id);
  g_test_message ("10 pages chosen across the document in %.2f s: the main loop turned at "
                  "%.1f Hz, longest gap %.0f ms",
                  elapsed / 1e6, beat.ticks / (elapsed / 1e6), beat.longest_gap / 1000.0);

  /* The first page's text is beside the pages; another page shows its own. */
  vigil_evidence_preview_select_page (preview, 2);
  vigil_test_run_for (200);
  third = vigil_test_find_widget (window, GTK_TYPE_LABEL, "3");
  g_assert_nonnull (third);
  third = gtk_widget_get_parent (third);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (third), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Preview page 3 of judgment-300.pdf");
  /* The item that takes the focus, too. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (third)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Preview page 3 of judgment-300.pdf");
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_parent (third)));
  vigil_evidence_preview_select_page (preview, 2);
  text = vigil_test_widget_text (window);
  g_assert_nonnull (strstr (text, "Text of page 3"));
  g_free (text);
  text = page_text (window);
  g_assert_nonnull (strstr (text, "page 3 of 300"));
  vigil_test_run_for (300);
  vigil_test_screenshot (window, "evidence-preview");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window closed halfway (as when the vault locks): the worker stops
 * and the preview goes, with the decrypted document. */
static void
test_closed_while_drawing (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (300, "Judgment", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  GtkWidget *window;
  VigilEvidencePreview *preview;
  guint drawn;

  doc = vigil_store_attach_evidence (f->store.store, f->claim_id, NULL, "judgment.pdf", pdf,
                                     &error);
  g_assert_no_error (error);
  window = vigil_evidence_window_new (f->window, f->store.store, doc->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  preview = vigil_evidence_window_get_preview (VIGIL_EVIDENCE_WINDOW (window));
  /* Closed as soon as it is on screen: the worker is then still drawing,
   * unless the machine outran the window. */
  vigil_test_run_for (50);
  drawn = vigil_evidence_preview_get_n_drawn (preview);
  g_test_message ("closed with %u of 300 pages drawn", drawn);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_test_run_for (500);
  g_assert_null (preview);
  /* A new document opens at once after it. */
  window = vigil_evidence_window_new (f->window, f->store.store, doc->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  preview = vigil_evidence_window_get_preview (VIGIL_EVIDENCE_WINDOW (window));
  g_assert_true (vigil_test_wait_until (some_drawn, preview, 60000));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_window (gpointer type)
{
  return vigil_test_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
n_stored_is_one (gpointer data)
{
  return n_stored (data) == 1;
}

/* Real hands: "Attach PDF…" clicked, a path typed into the file chooser,
 * Enter; then the row opened by keys, and a locked PDF refused. */
static void
test_attach_by_chooser (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (4, "Medical report", "Fracture of the left wrist");
  g_autofree char *path = g_build_filename (f->store.dir, "medical-report.pdf", NULL);
  g_autofree char *locked = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence",
                                                   "encrypted.pdf", NULL);
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *list = vigil_evidence_list_new ();
  GtkWidget *button;
  GtkWindow *chooser;
  GtkWindow *dialog;
  GtkWindow *preview;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (list));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), page);
  vigil_evidence_list_set_claim (VIGIL_EVIDENCE_LIST (list), f->store.store, f->claim_id, "V-01");
  vigil_test_input_focus_window (f->window);
  vigil_test_run_for (200);
  vigil_test_screenshot (GTK_WIDGET (f->window), "evidence-list-empty");

  button = vigil_test_find_widget (list, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Attach a PDF to the claim of V-01");
  vigil_test_input_click (button);
  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                                        5000));
  chooser = vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  vigil_test_input_focus_window (chooser);
  vigil_test_run_for (300);
  typed = g_strdup_printf ("type:%s", path);
  vigil_test_input_keys (chooser, "ctrl+l");
  vigil_test_input_keys (chooser, typed);
  vigil_test_run_for (200);
  vigil_test_input_keys (chooser, "Return");
  g_assert_true (vigil_test_wait_until (n_stored_is_one, f, 10000));

  /* Read back from the vault: the document whole, its pages, its text. */
  docs = vigil_store_list_evidence (f->store.store, f->claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilEvidenceData *) docs->pdata[0])->title, ==, "medical-report.pdf");
  g_assert_cmpuint (((VigilEvidenceData *) docs->pdata[0])->page_count, ==, 4);
  {
    g_autoptr (GBytes) back = vigil_store_read_evidence (
      f->store.store, ((VigilEvidenceData *) docs->pdata[0])->id, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, pdf));
  }
  g_assert_cmpuint (vigil_evidence_list_get_n_documents (VIGIL_EVIDENCE_LIST (list)), ==, 1);
  vigil_test_run_for (300);
  text = vigil_test_widget_text (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, "medical-report.pdf"));
  g_assert_nonnull (strstr (text, "4 pages"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "evidence-list");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_by_tooltip (list, "Remove")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove the evidence medical-report.pdf from the claim "
                                       "of V-01");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_by_tooltip (list, "Preview")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Preview medical-report.pdf");

  /* The row, reached by keys, opens the preview with Enter; Escape closes it. */
  vigil_test_input_focus_window (f->window);
  gtk_widget_grab_focus (vigil_test_find_widget (list, ADW_TYPE_ACTION_ROW, "medical-report.pdf"));
  vigil_test_input_keys (f->window, "Return");
  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (VIGIL_TYPE_EVIDENCE_WINDOW),
                                        5000));
  preview = vigil_test_find_window (VIGIL_TYPE_EVIDENCE_WINDOW);
  g_assert_true (vigil_test_wait_until (all_drawn,
                                        vigil_evidence_window_get_preview (
                                          VIGIL_EVIDENCE_WINDOW (preview)),
                                        10000));
  g_clear_pointer (&text, g_free);
  text = page_text (GTK_WIDGET (preview));
  g_assert_nonnull (strstr (text, "Fracture of the left wrist"));
  /* Right chooses the next page, whose text then shows. */
  vigil_test_input_focus_window (preview);
  vigil_test_input_keys (preview, "Right");
  vigil_test_run_for (200);
  g_assert_cmpuint (vigil_evidence_preview_get_page (
                      vigil_evidence_window_get_preview (VIGIL_EVIDENCE_WINDOW (preview))),
                    ==, 1);
  g_clear_pointer (&text, g_free);
  text = page_text (GTK_WIDGET (preview));
  g_assert_nonnull (strstr (text, "Medical report, page 2 of 4"));
  vigil_test_screenshot (GTK_WIDGET (preview), "evidence-preview-keys");
  vigil_test_input_keys (preview, "Escape");
  g_assert_false (has_window (GSIZE_TO_POINTER (VIGIL_TYPE_EVIDENCE_WINDOW)));

  /* A password-protected PDF: refused, with the reason, and nothing kept. */
  vigil_test_input_focus_window (f->window);
  vigil_test_input_click (button);
  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                                        5000));
  chooser = vigil_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  vigil_test_input_focus_window (chooser);
  vigil_test_run_for (300);
  g_free (typed);
  typed = g_strdup_printf ("type:%s", locked);
  vigil_test_input_keys (chooser, "ctrl+l");
  vigil_test_input_keys (chooser, typed);
  vigil_test_run_for (200);
  vigil_test_input_keys (chooser, "Return");
  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                                        5000));
  dialog = vigil_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "protected by a password"));
  vigil_test_run_for (300);
  vigil_test_screenshot (GTK_WIDGET (dialog), "evidence-refused");
  g_assert_cmpuint (n_stored (f), ==, 1);
  assert_check_ok (&f->store);
}

/* A list of one head of damage attaches to it and shows only its own. */
static void
test_head_of_damage (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) payslips = vigil_test_pdf_new (2, "Payslips", NULL);
  g_autoptr (GBytes) judgment = vigil_test_pdf_new (1, "Judgment", NULL);
  g_autoptr (GBytes) receipt = vigil_test_pdf_new (1, "Receipt", NULL);
  g_autoptr (GPtrArray) docs = NULL;
  g_autofree char *text = NULL;
  AdwComboRow *target;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *claim_list = vigil_evidence_list_new ();
  GtkWidget *item_list = vigil_evidence_list_new ();

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (claim_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (item_list));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), page);
  vigil_evidence_list_set_claim (VIGIL_EVIDENCE_LIST (claim_list), f->store.store, f->claim_id,
                                 "V-01");
  vigil_evidence_list_set_claim (VIGIL_EVIDENCE_LIST (item_list), f->store.store, f->claim_id,
                                 "V-01");
  vigil_evidence_list_set_item (VIGIL_EVIDENCE_LIST (item_list), f->item_id);
  g_assert_true (vigil_evidence_list_attach (VIGIL_EVIDENCE_LIST (item_list), "payslips.pdf",
                                             payslips, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_evidence_list_attach (VIGIL_EVIDENCE_LIST (claim_list), "judgment.pdf",
                                             judgment, &error));
  g_assert_no_error (error);
  /* The claim's list offers its heads of damage: a receipt for the wages. */
  target = ADW_COMBO_ROW (vigil_test_find_widget (claim_list, ADW_TYPE_COMBO_ROW, "Attach To"));
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (target)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (target)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (target), ==, 0);
  adw_combo_row_set_selected (target, 1);
  g_assert_true (vigil_evidence_list_attach (VIGIL_EVIDENCE_LIST (claim_list), "receipt.pdf",
                                             receipt, &error));
  g_assert_no_error (error);
  /* The choice stays for the next document. */
  g_assert_cmpuint (adw_combo_row_get_selected (target), ==, 1);
  g_assert_false (gtk_widget_get_visible (
    vigil_test_find_widget (item_list, ADW_TYPE_COMBO_ROW, "Attach To")));
  vigil_evidence_list_reload (VIGIL_EVIDENCE_LIST (item_list));

  docs = vigil_store_list_evidence (f->store.store, f->claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (((VigilEvidenceData *) docs->pdata[0])->claim_item_id, ==, f->item_id);
  g_assert_null (((VigilEvidenceData *) docs->pdata[1])->claim_item_id);
  g_assert_cmpstr (((VigilEvidenceData *) docs->pdata[2])->claim_item_id, ==, f->item_id);
  g_assert_cmpuint (vigil_evidence_list_get_n_documents (VIGIL_EVIDENCE_LIST (item_list)), ==, 2);
  g_assert_cmpuint (vigil_evidence_list_get_n_documents (VIGIL_EVIDENCE_LIST (claim_list)), ==, 3);
  text = vigil_test_widget_text (claim_list);
  g_assert_nonnull (strstr (text, "1 page, "));
  g_assert_nonnull (strstr (text, " · Unpaid wages"));
  vigil_test_screenshot (GTK_WIDGET (f->window), "evidence-list-heads");
}

/* Brings @widget into the view of the scrolled window it is in. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (
                                                     GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  vigil_test_run_for (200);
}

/* The claim editor's Evidence group is the list of the claim's documents:
 * a document attached before shows there, and its Preview button, clicked,
 * opens it; a PDF attached from the editor reaches the vault. */
static void
test_claim_editor (PreviewFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) judgment = vigil_test_pdf_new (12, "Judgment", NULL);
  g_autoptr (GBytes) payslips = vigil_test_pdf_new (3, "Payslips", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor;
  AdwPreferencesGroup *evidence;
  GtkWidget *preview_button;
  GtkWindow *preview;

  doc = vigil_store_attach_evidence (f->store.store, f->claim_id, f->item_id, "judgment.pdf",
                                     judgment, &error);
  g_assert_no_error (error);
  editor = vigil_claim_editor_new (f->window, f->store.store, f->claim_id, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (editor), 720, 900);
  gtk_window_present (GTK_WINDOW (editor));
  evidence = vigil_claim_editor_get_evidence_group (VIGIL_CLAIM_EDITOR (editor));
  g_assert_true (VIGIL_IS_EVIDENCE_LIST (evidence));
  g_assert_cmpuint (vigil_evidence_list_get_n_documents (VIGIL_EVIDENCE_LIST (evidence)), ==, 1);
  text = vigil_test_widget_text (GTK_WIDGET (evidence));
  g_assert_nonnull (strstr (text, "judgment.pdf"));
  g_assert_nonnull (strstr (text, "12 pages"));

  /* Attached from the editor (as its file chooser does), read back. */
  g_assert_true (vigil_evidence_list_attach (VIGIL_EVIDENCE_LIST (evidence), "payslips.pdf",
                                             payslips, &error));
  g_assert_no_error (error);
  docs = vigil_store_list_evidence (f->store.store, f->claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpstr (((VigilEvidenceData *) docs->pdata[1])->title, ==, "payslips.pdf");
  g_assert_cmpuint (vigil_evidence_list_get_n_documents (VIGIL_EVIDENCE_LIST (evidence)), ==, 2);

  vigil_test_input_focus_window (GTK_WINDOW (editor));
  /* The toast saying it was attached would hide a row of the screenshot. */
  vigil_gui_dismiss_toasts (ADW_TOAST_OVERLAY (vigil_test_find_widget (editor,
                                                                      ADW_TYPE_TOAST_OVERLAY,
                                                                      NULL)));
  scroll_to (GTK_WIDGET (evidence));
  vigil_test_screenshot (editor, "claim-editor-evidence");
  preview_button = find_by_tooltip (GTK_WIDGET (evidence), "Preview");
  g_assert_nonnull (preview_button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (preview_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Preview judgment.pdf");
  vigil_test_input_click (preview_button);
  g_assert_true (vigil_test_wait_until (has_window, GSIZE_TO_POINTER (VIGIL_TYPE_EVIDENCE_WINDOW),
                                        5000));
  preview = vigil_test_find_window (VIGIL_TYPE_EVIDENCE_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preview) == GTK_WINDOW (editor));
  g_assert_cmpuint (vigil_evidence_preview_get_n_pages (
                      vigil_evidence_window_get_preview (VIGIL_EVIDENCE_WINDOW (preview))),
                    ==, 12);
  /* Closing the editor (as locking the vault does) takes its preview along. */
  gtk_window_destroy (GTK_WINDOW (editor));
  vigil_test_run_for (200);
  g_assert_false (has_window (GSIZE_TO_POINTER (VIGIL_TYPE_EVIDENCE_WINDOW)));
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/evidence-preview/responsive", PreviewFixture, NULL, preview_set_up,
              test_responsive, preview_tear_down);
  g_test_add ("/evidence-preview/closed-while-drawing", PreviewFixture, NULL, preview_set_up,
              test_closed_while_drawing, preview_tear_down);
  g_test_add ("/evidence-preview/attach-by-chooser", PreviewFixture, NULL, preview_set_up,
              test_attach_by_chooser, preview_tear_down);

  g_test_add ("/evidence-preview/head-of-damage", PreviewFixture, NULL, preview_set_up,
              test_head_of_damage, preview_tear_down);
  g_test_add ("/evidence-preview/claim-editor", PreviewFixture, NULL, preview_set_up,
              test_claim_editor, preview_tear_down);

  return g_test_run ();
}
