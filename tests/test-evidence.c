/* test-evidence.c: PDFs attached to compensation claims
 *
 * Good documents go in sealed and come out whole; refused files leave no
 * row, chunk, key or audit entry behind; chunks moved between documents,
 * or a document cut short, fail to open; erasing the claimant shreds
 * their documents.
 *
 * The password-protected PDF is tests/fixtures/evidence/encrypted.pdf,
 * made once with qpdf (a test package) from a one-page PDF written by hand:
 *
 *   printf '%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj
 *   <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent
 *   2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<<>>>> endobj\n4 0
 *   obj <</Length 18>> stream\n0 0 m 100 100 l S\nendstream endobj\ntrailer
 *   <</Root 1 0 R>>\n%%%%EOF\n' > plain.pdf     (one line)
 *   qpdf --static-id --static-aes-iv --encrypt evidence-password \
 *     evidence-owner 256 -- plain.pdf encrypted.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-error.h"
#include "vigil-store-claims.h"
#include "vigil-store-evidence.h"
#include "vigil-test-pdf.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* Fictional. */
#define SECRET_WORDS "Mirela Ionescu-Vasilescu lodged at Strada Florilor 12"

typedef struct
{
  VigilCase   *kase;
  VigilPerson *claimant;
  VigilPerson *other;
  char        *claim_id;
  char        *item_id;
  char        *other_claim_id;
} Claims;

static char *
add_claim (Fixture *f, VigilCase *kase, VigilPerson *claimant, char **out_item_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilClaimData) claim = vigil_claim_data_new ();
  VigilClaimItemData *item = vigil_claim_item_data_new ();

  claim->case_id = g_strdup (vigil_case_get_id (kase));
  claim->claimant_id = g_strdup (vigil_person_get_id (claimant));
  claim->route = g_strdup ("civil_claim");
  claim->status = g_strdup ("drafting");
  claim->currency = g_strdup ("EUR");
  item->head = g_strdup ("unpaid_wages");
  item->claimed_minor = 450000;
  g_ptr_array_add (claim->items, item);
  g_assert_true (vigil_store_add_claim (f->store, claim, &error));
  g_assert_no_error (error);
  if (out_item_id != NULL)
    *out_item_id = g_strdup (item->id);
  return g_strdup (claim->id);
}

static void
claims_init (Claims *c, Fixture *f)
{
  c->kase = add_case (f, "K 77/2025");
  c->claimant = add_person (f, c->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  c->other = add_person (f, c->kase, "V-02", VIGIL_PERSON_ROLE_VICTIM);
  c->claim_id = add_claim (f, c->kase, c->claimant, &c->item_id);
  c->other_claim_id = add_claim (f, c->kase, c->other, NULL);
}

static void
claims_clear (Claims *c)
{
  g_clear_object (&c->kase);
  g_clear_object (&c->claimant);
  g_clear_object (&c->other);
  g_free (c->claim_id);
  g_free (c->item_id);
  g_free (c->other_claim_id);
}

static void
exec (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = vigil_vault_get_db (f->vault, &error);

  g_assert_no_error (error);
  g_assert_true (vigil_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The number @sql_before, the quoted @id and @sql_after select. */
static gint64
count_for (Fixture *f, const char *sql_before, const char *id)
{
  g_autofree char *sql = g_strdup_printf ("%s '%s'", sql_before, id);

  return count (f, sql);
}

/* Everything a refused attach could leave behind. */
typedef struct
{
  gint64 documents, chunks, keys, audit;
} Counts;

static Counts
counts (Fixture *f)
{
  Counts c = {
    count (f, "SELECT count(*) FROM evidence_documents"),
    count (f, "SELECT count(*) FROM evidence_chunks"),
    count (f, "SELECT count(*) FROM data_keys"),
    count (f, "SELECT count(*) FROM audit"),
  };
  return c;
}

static VigilEvidenceData *
attach (Fixture *f, const char *claim_id, const char *item_id, const char *title, GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  VigilEvidenceData *doc = vigil_store_attach_evidence (f->store, claim_id, item_id, title, pdf,
                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GBytes *
read_doc (Fixture *f, const char *id, GError **error)
{
  return vigil_store_read_evidence (f->store, id, error);
}

/* tests */

static void
test_attach_good (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (3, "Judgment", SECRET_WORDS);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autofree char *text = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  doc = attach (f, c.claim_id, NULL, "judgment-Ionescu.pdf", pdf);
  g_assert_cmpuint (doc->page_count, ==, 3);
  g_assert_cmpint (doc->size_bytes, ==, g_bytes_get_size (pdf));
  g_assert_cmpstr (doc->claimant_id, ==, vigil_person_get_id (c.claimant));
  g_assert_cmpint (doc->version, ==, 1);

  list = vigil_store_list_evidence (f->store, c.claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((VigilEvidenceData *) list->pdata[0])->title, ==, "judgment-Ionescu.pdf");
  g_assert_cmpuint (((VigilEvidenceData *) list->pdata[0])->page_count, ==, 3);
  g_assert_cmpstr (((VigilEvidenceData *) list->pdata[0])->mime_type, ==, "application/pdf");

  back = read_doc (f, doc->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));

  text = vigil_store_get_evidence_text (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Judgment, page 3 of 3"));
  g_assert_nonnull (strstr (text, "Strada Florilor"));

  found = vigil_store_search_evidence (f->store, vigil_case_get_id (c.kase), "strada FLORILOR",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  none = vigil_store_search_evidence (f->store, NULL, "Florilor Bucharest", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* The name, the file name and the text never reach the file in clear. */
  g_clear_object (&f->store);
  vigil_vault_lock (f->vault);
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Florilor"));
  g_assert_false (vigil_test_vault_contains (f->path, VIGIL_TEST_PASSPHRASE, "Ionescu"));
  g_clear_object (&f->vault);
  f->vault = vigil_vault_open (f->path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  f->store = vigil_store_new (f->vault);
  assert_check_ok (f);
  claims_clear (&c);
}

static void
test_attach_hundred_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (100, "Medical report", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autofree char *text = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  doc = attach (f, c.claim_id, c.item_id, "medical-report.pdf", pdf);
  g_assert_cmpuint (doc->page_count, ==, 100);
  g_assert_cmpstr (doc->claim_item_id, ==, c.item_id);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u chunks", g_bytes_get_size (pdf), doc->chunk_count);
  /* Several chunks, each its own row. */
  g_assert_cmpuint (doc->chunk_count, >, 1);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM evidence_chunks WHERE document_id =",
                              doc->id),
                   ==, doc->chunk_count);
  back = read_doc (f, doc->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  text = vigil_store_get_evidence_text (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Medical report, page 100 of 100"));
  assert_check_ok (f);
  claims_clear (&c);
}

static void
test_attach_wrong_place (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (1, "Payslip", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  Counts before;
  Counts after;
  Claims c = { 0 };

  claims_init (&c, f);
  before = counts (f);
  /* A head of damage of another claim. */
  doc = vigil_store_attach_evidence (f->store, c.other_claim_id, c.item_id, "payslip.pdf", pdf,
                                     &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_assert_null (doc);
  g_clear_error (&error);
  doc = vigil_store_attach_evidence (f->store, "00000000-0000-4000-8000-000000000000", NULL,
                                     "payslip.pdf", pdf, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  doc = vigil_store_attach_evidence (f->store, c.claim_id, NULL, "two\nlines.pdf", pdf, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  after = counts (f);
  g_assert_true (memcmp (&before, &after, sizeof before) == 0);
  claims_clear (&c);
}

static GBytes *
encrypted_pdf (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence",
                                                 "encrypted.pdf", NULL);
  GBytes *bytes = vigil_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static GBytes *
too_large_pdf (void)
{
  gsize len = VIGIL_EVIDENCE_MAX_BYTES + 1;
  guint8 *data = g_malloc0 (len);

  memcpy (data, "%PDF-1.5\n", 9);
  return g_bytes_new_take (data, len);
}

static GBytes *
truncated_pdf (void)
{
  g_autoptr (GBytes) whole = vigil_test_pdf_new (4, "Indictment", NULL);

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  static const char garbage[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\nthis is not an object table at all\n";
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  struct
  {
    const char *name;
    GBytes     *pdf;
    int         code;
    const char *says;
  } cases[] = {
    { "empty.pdf", g_bytes_new (NULL, 0), VIGIL_EVIDENCE_ERROR_EMPTY, "empty" },
    { "photo.pdf", g_bytes_new (png, sizeof png), VIGIL_EVIDENCE_ERROR_NOT_PDF, "not a PDF" },
    { "notes.pdf", g_bytes_new_static ("Meeting notes, typed.\n", 22),
      VIGIL_EVIDENCE_ERROR_NOT_PDF, "not a PDF" },
    { "garbage.pdf", g_bytes_new_static (garbage, sizeof garbage - 1),
      VIGIL_EVIDENCE_ERROR_DAMAGED, "damaged" },
    { "cut.pdf", truncated_pdf (), VIGIL_EVIDENCE_ERROR_DAMAGED, "damaged" },
    { "locked.pdf", encrypted_pdf (), VIGIL_EVIDENCE_ERROR_PASSWORD, "password" },
    { "huge.pdf", too_large_pdf (), VIGIL_EVIDENCE_ERROR_TOO_LARGE, "too large" },
  };
  Claims c = { 0 };
  Counts before;

  claims_init (&c, f);
  before = counts (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VigilEvidenceData) doc = NULL;
      Counts after;

      g_test_message ("%s", cases[i].name);
      doc = vigil_store_attach_evidence (f->store, c.claim_id, NULL, cases[i].name, cases[i].pdf,
                                         &error);
      g_assert_null (doc);
      g_assert_error (error, VIGIL_EVIDENCE_ERROR, cases[i].code);
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      after = counts (f);
      g_assert_cmpint (after.documents, ==, before.documents);
      g_assert_cmpint (after.chunks, ==, before.chunks);
      g_assert_cmpint (after.keys, ==, before.keys);
      g_assert_cmpint (after.audit, ==, before.audit);
      g_bytes_unref (cases[i].pdf);
    }
  assert_check_ok (f);
  claims_clear (&c);
}

static void
assert_check_finds (Fixture *f, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCheckReport) report = vigil_store_check (f->store, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_false (vigil_check_report_ok (report));
  g_assert_cmpint (report->sealed_failures, >, 0);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_test_message ("problem: %s", (const char *) report->problems->pdata[i]);
      found |= strstr (report->problems->pdata[i], words) != NULL;
    }
  g_assert_true (found);
}

/* Chunks are bound to their document and their place in it. */
static void
test_chunks_bound (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf_a = vigil_test_pdf_new (200, "Judgment", NULL);
  g_autoptr (GBytes) pdf_b = vigil_test_pdf_new (200, "Appeal", NULL);
  g_autoptr (VigilEvidenceData) a = NULL;
  g_autoptr (VigilEvidenceData) b = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autofree char *sql = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  a = attach (f, c.claim_id, NULL, "a.pdf", pdf_a);
  b = attach (f, c.claim_id, NULL, "b.pdf", pdf_b);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u chunks", g_bytes_get_size (pdf_a), a->chunk_count);
  g_assert_cmpuint (a->chunk_count, >=, 2);
  exec (f, "CREATE TEMP TABLE saved AS SELECT * FROM evidence_chunks");

  /* Chunk 0 of another document, of the same claimant. */
  sql = g_strdup_printf ("UPDATE evidence_chunks SET data = (SELECT data FROM saved"
                         " WHERE document_id = '%s' AND seq = 0)"
                         " WHERE document_id = '%s' AND seq = 0", b->id, a->id);
  exec (f, sql);
  back = read_doc (f, a->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_null (back);
  g_clear_error (&error);
  assert_check_finds (f, "fails authentication");

  /* Its own chunks swapped around. */
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM evidence_chunks WHERE document_id = '%1$s';"
                         "INSERT INTO evidence_chunks SELECT document_id, 1 - seq, data FROM saved"
                         " WHERE document_id = '%1$s' AND seq < 2;"
                         "INSERT INTO evidence_chunks SELECT * FROM saved"
                         " WHERE document_id = '%1$s' AND seq >= 2;", a->id);
  exec (f, sql);
  back = read_doc (f, a->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_clear_error (&error);

  /* The whole stream of another document, header and all. */
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM evidence_chunks WHERE document_id = '%1$s';"
                         "INSERT INTO evidence_chunks SELECT '%1$s', seq, data FROM saved"
                         " WHERE document_id = '%2$s';"
                         "UPDATE evidence_documents SET (stream_header, size_bytes, chunk_count)"
                         " = (SELECT stream_header, size_bytes, chunk_count FROM evidence_documents"
                         " WHERE id = '%2$s') WHERE id = '%1$s';", a->id, b->id);
  exec (f, sql);
  back = read_doc (f, a->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_clear_error (&error);

  /* b itself was never touched. */
  back = read_doc (f, b->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf_b));
  exec (f, "DROP TABLE saved");
  claims_clear (&c);
}

/* The last chunk, with the FINAL tag, dropped: and the row made to agree. */
static void
test_cut_short (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (200, "Judgment", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autofree char *sql = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  doc = attach (f, c.claim_id, NULL, "judgment.pdf", pdf);
  sql = g_strdup_printf ("DELETE FROM evidence_chunks WHERE document_id = '%1$s' AND seq = %2$u;"
                         "UPDATE evidence_documents SET chunk_count = chunk_count - 1,"
                         " size_bytes = %3$u WHERE id = '%1$s';",
                         doc->id, doc->chunk_count - 1,
                         (doc->chunk_count - 1) * VIGIL_STORE_STREAM_CHUNK_BYTES);
  exec (f, sql);
  back = read_doc (f, doc->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "cut short"));
  assert_check_finds (f, "cut short");
  claims_clear (&c);
}

/* Erasing the claimant shreds their documents; a copy of the rows put back
 * cannot be read, since the key is gone. */
static void
test_shred_with_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (5, "Payslips", SECRET_WORDS);
  g_autoptr (GBytes) other_pdf = vigil_test_pdf_new (2, "Receipt", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (VigilEvidenceData) kept = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autofree char *restore = NULL;
  g_autofree char *person_id = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  doc = attach (f, c.claim_id, c.item_id, "payslips.pdf", pdf);
  kept = attach (f, c.other_claim_id, NULL, "receipt.pdf", other_pdf);
  person_id = g_strdup (vigil_person_get_id (c.claimant));
  exec (f, "CREATE TEMP TABLE saved_docs AS SELECT * FROM evidence_documents;"
           "CREATE TEMP TABLE saved_chunks AS SELECT * FROM evidence_chunks;"
           "CREATE TEMP TABLE saved_claims AS SELECT * FROM claims;"
           "CREATE TEMP TABLE saved_persons AS SELECT * FROM persons");

  g_assert_true (vigil_store_erase_person (f->store, person_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM evidence_documents WHERE id =",
                              doc->id), ==, 0);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM evidence_chunks WHERE document_id =",
                              doc->id), ==, 0);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM data_keys WHERE owner_id =",
                              person_id), ==, 0);
  back = read_doc (f, doc->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The other claimant's document stays whole. */
  back = read_doc (f, kept->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, other_pdf));
  g_clear_pointer (&back, g_bytes_unref);
  assert_check_ok (f);

  /* As if the rows came back from an older copy of the file. */
  restore = g_strdup_printf (
    "PRAGMA foreign_keys = OFF;"
    "INSERT INTO persons SELECT * FROM saved_persons WHERE id = '%1$s';"
    "INSERT INTO claims SELECT * FROM saved_claims WHERE claimant_id = '%1$s';"
    "INSERT INTO evidence_documents SELECT * FROM saved_docs WHERE claimant_id = '%1$s';"
    "INSERT INTO evidence_chunks SELECT * FROM saved_chunks WHERE document_id IN"
    " (SELECT id FROM saved_docs WHERE claimant_id = '%1$s');"
    "PRAGMA foreign_keys = ON;", person_id);
  exec (f, restore);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM evidence_chunks WHERE document_id =",
                              doc->id), ==, doc->chunk_count);
  back = read_doc (f, doc->id, &error);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_ERASED);
  g_assert_null (back);
  exec (f, "DROP TABLE saved_docs; DROP TABLE saved_chunks; DROP TABLE saved_claims;"
           " DROP TABLE saved_persons");
  claims_clear (&c);
}

static void
test_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = vigil_test_pdf_new (2, "Receipt", NULL);
  g_autoptr (VigilEvidenceData) doc = NULL;
  g_autoptr (GPtrArray) list = NULL;
  Claims c = { 0 };

  claims_init (&c, f);
  doc = attach (f, c.claim_id, NULL, "receipt.pdf", pdf);
  g_assert_true (vigil_store_remove_evidence (f->store, doc->id, &error));
  g_assert_no_error (error);
  list = vigil_store_list_evidence (f->store, c.claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence_chunks"), ==, 0);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit WHERE action = 'delete'"
                                 " AND record_id =", doc->id), ==, 1);
  assert_check_ok (f);
  claims_clear (&c);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/evidence/attach/good", test_attach_good);
  ADD ("/evidence/attach/hundred-pages", test_attach_hundred_pages);
  ADD ("/evidence/attach/wrong-place", test_attach_wrong_place);
  ADD ("/evidence/refused", test_refused);
  ADD ("/evidence/chunks-bound", test_chunks_bound);
  ADD ("/evidence/cut-short", test_cut_short);
  ADD ("/evidence/shred-with-person", test_shred_with_person);
  ADD ("/evidence/remove", test_remove);

  return g_test_run ();
}
