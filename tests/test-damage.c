/* test-damage.c: random damage to a vault, its WAL and its key slots
 *
 * Each round damages a copy of a vault full of records (byte flips, bursts
 * of noise, truncations, edited key slots) and opens it in a child process
 * (vigil-test-open). The open either succeeds with every record exactly as
 * written, or fails with the error that names the damage; it never
 * crashes, never answers "wrong passphrase" for a damaged slot, never
 * returns records that differ from what was written, and a vault that
 * failed to open is left byte for byte as it was.
 *
 * The damage is drawn from a seed printed at the start; the same
 * VIGIL_DAMAGE_SEED draws the same damage again (the vaults themselves hold
 * fresh random keys each run, so the files of a failing round are kept
 * under the build folder, in damage-failures/). VIGIL_DAMAGE_ROUNDS sets
 * the rounds of each test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-demo.h"
#include "vigil-error.h"
#include "vigil-interchange.h"
#include "vigil-page-vfs.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"
#include "vigil-test-export.h"
#include "vigil-test-util.h"
#include "vigil-vault-header.h"
#include "vigil-vault-private.h"

#define PASSPHRASE       "damage test passphrase"
#define OTHER_PASSPHRASE "second slot passphrase"
/* Commits left in the WAL of the WAL vault. */
#define WAL_COMMITS 4
/* The WAL header's bytes up to the end of its salts. */
#define WAL_HEADER_SALTS_END 24
#define DEMO_CASES  3

typedef struct
{
  guint32  seed;
  char    *dir;
  char    *plain;                        /* checkpointed: no WAL */
  char    *wal_main;                     /* with its WAL beside it, */
  char    *wal_log;                      /* WAL_COMMITS commits not yet checkpointed */
  char    *expected[WAL_COMMITS + 1];    /* records before each WAL commit, and after all */
  GBytes  *plain_bytes;
  GBytes  *wal_main_bytes;
  GBytes  *wal_log_bytes;
} Pristine;

static Pristine pristine;

/* private helpers */

static guint
rounds_for (guint fallback)
{
  const char *env = g_getenv ("VIGIL_DAMAGE_ROUNDS");

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  return fallback;
}

static void
write_expected (VigilStore *store, guint index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = vigil_test_export_text (store, &error);

  g_assert_no_error (error);
  pristine.expected[index] = g_strdup_printf ("%s/expected-%u.json", pristine.dir, index);
  g_file_set_contents (pristine.expected[index], text, -1, &error);
  g_assert_no_error (error);
}

/* A document holding only case @index of @all. */
static VigilInterchange *
document_of_case (JsonNode *all, guint index)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) one = json_node_new (JSON_NODE_OBJECT);
  JsonObject *from = json_node_get_object (all);
  JsonObject *root = json_object_new ();
  JsonArray *cases = json_array_new ();
  VigilInterchange *document;

  /* json_node_copy() would share the objects: build a new root instead. */
  json_object_set_member (root, "format", json_object_dup_member (from, "format"));
  json_object_set_member (root, "version", json_object_dup_member (from, "version"));
  json_array_add_element (cases,
                          json_node_copy (json_array_get_element (
                            json_object_get_array_member (from, "cases"), index)));
  json_object_set_array_member (root, "cases", cases);
  json_node_take_object (one, root);
  document = vigil_interchange_load_node (one, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
import_case (VigilStore *store, JsonNode *all, guint index)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilInterchange) document = document_of_case (all, index);

  g_assert_true (vigil_interchange_import (document, store, NULL, &error));
  g_assert_no_error (error);
}

/* Commits that change records already there: a new version of a hearing
 * and of a person's identity, so an older page image holds older data. */
static void
change_hearing (VigilStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);
  g_autoptr (GPtrArray) hearings = NULL;
  VigilHearing *hearing;

  g_assert_no_error (error);
  hearings = vigil_store_list_hearings (store, vigil_case_get_id (cases->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, >, 0);
  hearing = hearings->pdata[0];
  vigil_hearing_set_notes (hearing, "The presiding judge allowed testimony by video link.");
  g_assert_true (vigil_store_save_hearing (store, hearing, &error));
  g_assert_no_error (error);
}

static void
change_identity (VigilStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = vigil_store_list_cases (store, &error);
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  VigilPerson *person;

  g_assert_no_error (error);
  persons = vigil_store_list_persons (store, vigil_case_get_id (cases->pdata[1]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, >, 0);
  person = persons->pdata[0];
  identity = vigil_store_load_identity (store, person, &error);
  g_assert_no_error (error);
  if (identity == NULL)
    identity = vigil_identity_new ();
  g_free (identity->address);
  identity->address = g_strdup ("Shelter address, room 4");
  g_assert_true (vigil_store_save_identity (store, person, identity, &error));
  g_assert_no_error (error);
}

static void
pristine_set_up (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) demo = vigil_demo_generate (DEMO_CASES + 2, 4242);
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  const char *env = g_getenv ("VIGIL_DAMAGE_SEED");
  sqlite3 *db;

  pristine.seed = env != NULL && *env != '\0' ? (guint32) g_ascii_strtoull (env, NULL, 10)
                                              : (guint32) g_test_rand_int ();
  pristine.dir = vigil_test_tmpdir_new ();
  pristine.plain = g_build_filename (pristine.dir, "plain.vigil", NULL);
  pristine.wal_main = g_build_filename (pristine.dir, "wal.vigil", NULL);
  pristine.wal_log = g_strconcat (pristine.wal_main, "-wal", NULL);

  /* Two slots, so damage to one can be told from damage to the other. */
  vault = vigil_vault_create (pristine.plain, PASSPHRASE, VIGIL_KDF_INTERACTIVE, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_vault_add_slot (vault, "second", OTHER_PASSPHRASE, VIGIL_KDF_INTERACTIVE,
                                       NULL, &error));
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  for (guint i = 0; i < DEMO_CASES; i++)
    import_case (store, demo, i);
  write_expected (store, 0);
  g_clear_object (&store);
  vigil_vault_lock (vault);
  g_clear_object (&vault);
  g_assert_false (g_file_test (pristine.wal_log, G_FILE_TEST_EXISTS));

  /* The same vault, with commits left in its WAL: the copy is taken while
   * the connection that wrote them is still open and never checkpointed. */
  vigil_test_copy_file (pristine.plain, pristine.wal_main);
  {
    g_autofree char *live = g_build_filename (pristine.dir, "live.vigil", NULL);
    g_autofree char *live_wal = g_strconcat (live, "-wal", NULL);

    vigil_test_copy_file (pristine.plain, live);
    vault = vigil_vault_open (live, PASSPHRASE, &error);
    g_assert_no_error (error);
    db = vigil_vault_get_db (vault, &error);
    g_assert_no_error (error);
    g_assert_true (vigil_db_exec (db, "PRAGMA wal_autocheckpoint = 0", &error));
    store = vigil_store_new (vault);
    import_case (store, demo, DEMO_CASES);
    write_expected (store, 1);
    change_hearing (store);
    write_expected (store, 2);
    import_case (store, demo, DEMO_CASES + 1);
    write_expected (store, 3);
    change_identity (store);
    write_expected (store, 4);
    vigil_test_copy_file (live, pristine.wal_main);
    vigil_test_copy_file (live_wal, pristine.wal_log);
    g_clear_object (&store);
    g_clear_object (&vault);
  }

  pristine.plain_bytes = vigil_test_read_file (pristine.plain);
  pristine.wal_main_bytes = vigil_test_read_file (pristine.wal_main);
  pristine.wal_log_bytes = vigil_test_read_file (pristine.wal_log);
  /* The WAL holds frames, and the main file alone is the state before them. */
  g_assert_cmpuint (g_bytes_get_size (pristine.wal_log_bytes), >, 32 + 4096);
  g_assert_true (g_bytes_equal (pristine.plain_bytes, pristine.wal_main_bytes));
}

static void
pristine_tear_down (void)
{
  g_clear_pointer (&pristine.plain_bytes, g_bytes_unref);
  g_clear_pointer (&pristine.wal_main_bytes, g_bytes_unref);
  g_clear_pointer (&pristine.wal_log_bytes, g_bytes_unref);
  for (guint i = 0; i <= WAL_COMMITS; i++)
    g_free (pristine.expected[i]);
  g_free (pristine.plain);
  g_free (pristine.wal_main);
  g_free (pristine.wal_log);
  vigil_test_tmpdir_free (pristine.dir);
}

/* Damage */

typedef struct
{
  guint8 *data;
  gsize   len;
} Buffer;

static Buffer
buffer_copy (GBytes *bytes)
{
  Buffer b;

  b.data = g_bytes_unref_to_data (g_bytes_ref (bytes), &b.len);
  return b;
}

/* One of four kinds of damage, described in @what: bytes flipped anywhere,
 * bytes flipped among those in use, a burst of noise, a cut. Returns
 * whether it was a cut; @out_first is the first byte changed. */
static gboolean
damage (GRand *rand, Buffer *b, GString *what, gsize *out_first)
{
  guint kind = (guint) g_rand_int_range (rand, 0, 100);
  gsize first = G_MAXSIZE;

  if (b->len == 0)
    return FALSE;
  if (kind < 35)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < n; i++)
        {
          gsize at = (gsize) g_rand_double_range (rand, 0, (double) b->len);
          guint8 x = (guint8) g_rand_int_range (rand, 1, 256);

          b->data[at] ^= x;
          first = MIN (first, at);
          g_string_append_printf (what, "flip %" G_GSIZE_FORMAT " ^0x%02x; ", at, x);
        }
    }
  else if (kind < 60)
    {
      /* Most of a page can be unused zeros; aim at bytes that hold something. */
      for (guint tries = 0; tries < 1000; tries++)
        {
          gsize at = (gsize) g_rand_double_range (rand, 0, (double) b->len);
          guint8 x = (guint8) (1u << g_rand_int_range (rand, 0, 8));

          if (b->data[at] == 0)
            continue;
          b->data[at] ^= x;
          first = MIN (first, at);
          g_string_append_printf (what, "bit flip in use %" G_GSIZE_FORMAT " ^0x%02x; ", at, x);
          break;
        }
    }
  else if (kind < 80)
    {
      gsize len = (gsize) g_rand_int_range (rand, 8, 600);
      gsize at = (gsize) g_rand_double_range (rand, 0, (double) b->len);

      len = MIN (len, b->len - at);
      first = MIN (first, at);
      for (gsize i = 0; i < len; i++)
        b->data[at + i] = (guint8) g_rand_int_range (rand, 0, 256);
      g_string_append_printf (what, "noise %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT "; ", at, len);
    }
  else
    {
      gsize cut = (gsize) g_rand_double_range (rand, 0, (double) b->len);

      /* Half the cuts fall where a write of whole pages would stop. */
      if (g_rand_boolean (rand))
        cut -= cut % 4096;
      b->len = cut;
      g_string_append_printf (what, "cut at %" G_GSIZE_FORMAT "; ", cut);
      if (out_first != NULL)
        *out_first = cut;
      return TRUE;
    }
  if (out_first != NULL)
    *out_first = first;
  return FALSE;
}

static void
buffer_write (const Buffer *b, const char *path)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, (const char *) b->data, (gssize) b->len, &error);
  g_assert_no_error (error);
}

/* Opening */

typedef enum
{
  OUTCOME_INTACT,
  OUTCOME_REFUSED,
  OUTCOME_UNREADABLE,
  OUTCOME_DIFFERENT,
  OUTCOME_FOREIGN,
  OUTCOME_CRASHED,
  N_OUTCOMES
} Outcome;

static const char * const outcome_names[] = {
  "intact", "refused", "unreadable", "different", "foreign error", "crashed",
};

typedef struct
{
  Outcome outcome;
  int     code;     /* VIGIL_ERROR code, or the matching expected state */
  char   *line;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->line, g_free);
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return len > 0 ? g_utf8_make_valid (data, (gssize) len) : g_strdup ("");
}

static Result
open_in_child (const char *path, const char *passphrase, guint first_state, guint last_state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "vigil-test-open", NULL);
  g_autofree char *input = g_strconcat (passphrase, "\n", NULL);
  g_autoptr (GBytes) input_bytes = NULL;
  g_autoptr (GBytes) out_bytes = NULL;
  g_autoptr (GBytes) err_bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Result r = { OUTCOME_FOREIGN, -1, NULL };

  g_ptr_array_add (args, helper);
  g_ptr_array_add (args, (gpointer) path);
  for (guint i = first_state; i <= last_state; i++)
    g_ptr_array_add (args, pristine.expected[i]);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                              | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  input_bytes = g_bytes_new (input, strlen (input));
  g_subprocess_communicate (proc, input_bytes, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  /* A message may quote damaged bytes. */
  out = bytes_to_text (out_bytes);
  err = bytes_to_text (err_bytes);

  if (g_subprocess_get_if_signaled (proc))
    {
      r.outcome = OUTCOME_CRASHED;
      r.line = g_strdup_printf ("killed by signal %d: %s", g_subprocess_get_term_sig (proc),
                                err);
      return r;
    }
  /* A sanitizer that found an error exits with a status of its own. */
  if (g_subprocess_get_exit_status (proc) != 0)
    {
      r.outcome = OUTCOME_CRASHED;
      r.line = g_strdup_printf ("exit status %d: %s", g_subprocess_get_exit_status (proc), err);
      return r;
    }
  g_strchomp (out);
  r.line = g_strdup (out);
  if (g_str_has_prefix (out, "intact "))
    {
      r.outcome = OUTCOME_INTACT;
      r.code = (int) (first_state + g_ascii_strtoull (out + 7, NULL, 10));
    }
  else if (g_str_has_prefix (out, "refused "))
    {
      r.outcome = OUTCOME_REFUSED;
      r.code = (int) g_ascii_strtoll (out + 8, NULL, 10);
    }
  else if (g_str_has_prefix (out, "unreadable "))
    {
      r.outcome = OUTCOME_UNREADABLE;
      r.code = (int) g_ascii_strtoll (out + 11, NULL, 10);
    }
  else if (g_str_equal (out, "different"))
    r.outcome = OUTCOME_DIFFERENT;
  return r;
}

/* What a damaged vault may answer. */
static gboolean
refusal_is_right (int code)
{
  /* A flip in the schema number can make the vault look newer; nothing in
   * the file can tell that from a real newer vault. */
  return code == VIGIL_ERROR_DAMAGED || code == VIGIL_ERROR_TAMPERED
         || code == VIGIL_ERROR_NEWER_FORMAT;
}

static gboolean
read_failure_is_right (int code)
{
  return code == VIGIL_ERROR_DAMAGED || code == VIGIL_ERROR_TAMPERED;
}

typedef struct
{
  const char *name;
  guint       rounds;
  guint       failures;
  guint       counts[N_OUTCOMES];
  guint       states[WAL_COMMITS + 1]; /* intact opens, by the state found */
  GHashTable *codes;                   /* "refused 1" -> count */
} Tally;

static void
tally_init (Tally *t, const char *name)
{
  memset (t, 0, sizeof *t);
  t->name = name;
  t->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
tally_add (Tally *t, const Result *r)
{
  t->rounds++;
  t->counts[r->outcome]++;
  if (r->outcome == OUTCOME_INTACT)
    t->states[r->code]++;
  if (r->outcome == OUTCOME_REFUSED || r->outcome == OUTCOME_UNREADABLE)
    {
      g_autofree char *key = g_strdup_printf ("%s %d", outcome_names[r->outcome], r->code);

      g_hash_table_insert (t->codes, g_strdup (key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (t->codes, key))
                                             + 1));
    }
}

static void
tally_finish (Tally *t)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GString) codes = g_string_new (NULL);

  g_hash_table_iter_init (&iter, t->codes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (codes, " [%s: %u]", (char *) key, GPOINTER_TO_UINT (value));
  g_test_message ("%s: %u rounds: %u intact, %u refused, %u unreadable, %u different, "
                  "%u foreign errors, %u crashed;%s",
                  t->name, t->rounds, t->counts[OUTCOME_INTACT], t->counts[OUTCOME_REFUSED],
                  t->counts[OUTCOME_UNREADABLE], t->counts[OUTCOME_DIFFERENT],
                  t->counts[OUTCOME_FOREIGN], t->counts[OUTCOME_CRASHED], codes->str);
  g_hash_table_unref (t->codes);
  if (t->failures > 0)
    g_test_message ("%s: %u rounds went wrong; their files are under %s", t->name, t->failures,
                    g_test_get_dir (G_TEST_BUILT));
  g_assert_cmpuint (t->failures, ==, 0);
  g_assert_cmpuint (t->rounds, >, 0);
}

/* Keeps the files of a round that went wrong, to look at or open again. */
static void
keep_failure (Tally *t, guint round, const char *const *paths, const char *what, const Result *r)
{
  g_autofree char *dir = g_strdup_printf ("%s/damage-failures/%u-%s-%u",
                                          g_test_get_dir (G_TEST_BUILT), pristine.seed, t->name,
                                          round);
  g_autofree char *note = g_strdup_printf ("%s\n%s\n", what, r->line);
  g_autofree char *note_path = g_build_filename (dir, "what.txt", NULL);

  t->failures++;
  g_test_message ("%s round %u (seed %u): %s-> %s", t->name, round, pristine.seed, what,
                  r->line);
  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autofree char *to = g_build_filename (dir, base, NULL);

      if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        vigil_test_copy_file (paths[i], to);
    }
  for (guint i = 0; i <= WAL_COMMITS; i++)
    {
      g_autofree char *base = g_path_get_basename (pristine.expected[i]);
      g_autofree char *to = g_build_filename (dir, base, NULL);

      vigil_test_copy_file (pristine.expected[i], to);
    }
  g_file_set_contents (note_path, note, -1, NULL);
}

static char *
files_digest (const char *const *paths)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr (GBytes) bytes = vigil_test_read_file (paths[i]);
      gsize len;
      const guint8 *data = g_bytes_get_data (bytes, &len);

      g_checksum_update (sum, (const guchar *) paths[i], -1);
      if (len > 0)
        g_checksum_update (sum, data, (gssize) len);
      g_checksum_update (sum, (const guchar *) (g_file_test (paths[i], G_FILE_TEST_EXISTS)
                                                  ? "+" : "-"), 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Opens the vault at paths[0] (its WAL, if any, at paths[1]) and judges the
 * answer; @first_state..@last_state are the record states it may hold. */
static void
judge_round (Tally       *t,
             guint        round,
             const char  *const *paths,
             const char  *passphrase,
             guint        first_state,
             guint        last_state,
             gboolean     may_refuse,
             const char  *what)
{
  g_autofree char *before = files_digest (paths);
  g_autofree char *after = NULL;
  Result r = open_in_child (paths[0], passphrase, first_state, last_state);
  gboolean right;

  tally_add (t, &r);
  after = files_digest (paths);
  switch (r.outcome)
    {
    case OUTCOME_INTACT:
      right = TRUE;
      break;
    case OUTCOME_REFUSED:
      /* A vault that fails to open is never written to. */
      right = may_refuse && refusal_is_right (r.code) && g_str_equal (before, after);
      break;
    case OUTCOME_UNREADABLE:
      right = may_refuse && read_failure_is_right (r.code);
      break;
    case OUTCOME_DIFFERENT:
    case OUTCOME_FOREIGN:
    case OUTCOME_CRASHED:
    default:
      right = FALSE;
      break;
    }
  if (!right)
    keep_failure (t, round, paths, what, &r);
  result_clear (&r);
}

static void
remove_round_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static GRand *
rand_for (const char *test)
{
  return g_rand_new_with_seed (pristine.seed ^ g_str_hash (test));
}

/* Tests */

/* The vault file, checkpointed, with no WAL. */
static void
test_vault_file (void)
{
  g_autoptr (GRand) rand = rand_for ("vault-file");
  g_autofree char *path = g_build_filename (pristine.dir, "round.vigil", NULL);
  const char *paths[] = { path, NULL };
  guint rounds = rounds_for (120);
  Tally t;

  tally_init (&t, "vault-file");
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GString) what = g_string_new (NULL);
      Buffer b = buffer_copy (pristine.plain_bytes);

      damage (rand, &b, what, NULL);
      buffer_write (&b, path);
      g_free (b.data);
      judge_round (&t, round, paths, PASSPHRASE, 0, 0, TRUE, what->str);
      remove_round_files (path);
    }
  tally_finish (&t);
}

/* The WAL of a vault whose last commits are only there. A damaged frame
 * ends the log for SQLite as a torn write after a crash would, and the
 * vault would open at the last commit before it; vigil-wal-check.c refuses
 * that when commits of two transactions follow the damage, since a crash
 * can tear only the last one. Every state found must be exactly one that
 * was committed. */
static void
test_wal (void)
{
  g_autoptr (GRand) rand = rand_for ("wal");
  g_autofree char *path = g_build_filename (pristine.dir, "round.vigil", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, wal, NULL };
  guint rounds = rounds_for (80);
  Tally t;

  tally_init (&t, "wal");
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GString) what = g_string_new ("WAL: ");
      Buffer b = buffer_copy (pristine.wal_log_bytes);

      gsize first = 0;
      gboolean cut;

      vigil_test_copy_file (pristine.wal_main, path);
      cut = damage (rand, &b, what, &first);
      buffer_write (&b, wal);
      g_free (b.data);
      /* A cut WAL is what a crash leaves too, and so is a WAL whose
       * header salts changed (a new generation): any committed state may
       * come back. Any other damage may cost the last commit, as a torn
       * write would, and no more: the vault refuses to open instead. */
      judge_round (&t, round, paths, PASSPHRASE,
                   cut || first < WAL_HEADER_SALTS_END ? 0 : WAL_COMMITS - 1, WAL_COMMITS, TRUE,
                   what->str);
      remove_round_files (path);
    }
  for (guint i = 0; i <= WAL_COMMITS; i++)
    g_test_message ("wal: %u intact opens found the records of commit %u of %u", t.states[i], i,
                    WAL_COMMITS);
  tally_finish (&t);
}

/* The main file of a vault whose WAL holds its last commits. */
static void
test_vault_file_with_wal (void)
{
  g_autoptr (GRand) rand = rand_for ("vault-file-with-wal");
  g_autofree char *path = g_build_filename (pristine.dir, "round.vigil", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, wal, NULL };
  guint rounds = rounds_for (40);
  Tally t;

  tally_init (&t, "vault-file-with-wal");
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GString) what = g_string_new ("main file: ");
      Buffer b = buffer_copy (pristine.wal_main_bytes);

      damage (rand, &b, what, NULL);
      buffer_write (&b, path);
      g_free (b.data);
      vigil_test_copy_file (pristine.wal_log, wal);
      judge_round (&t, round, paths, PASSPHRASE, WAL_COMMITS, WAL_COMMITS, TRUE, what->str);
      remove_round_files (path);
    }
  tally_finish (&t);
}

/* Slots */

typedef struct
{
  const char *field;
  gboolean    guarded; /* covered by the slot's checksum or its key's associated data */
} SlotField;

static const SlotField slot_fields[] = {
  { "opslimit", TRUE },
  { "memlimit", TRUE },
  { "salt", TRUE },
  { "wrapped_key", TRUE },
  { "checksum", TRUE },
  /* Not covered: the vault's own record of its slots tells it. */
  { "id", FALSE },
};

/* Changes one field of one slot in the file's header as damage would (a
 * bit or a byte), with the header's own checksums made right again: only
 * the slot's checksum, or the vault's record of its slots, can find it. */
static void
damage_slot (GRand *rand, const char *path, gint64 slot_id, const SlotField *c, GString *what)
{
  VigilVaultHeader header;
  VigilVaultFileKind kind;
  VigilHeaderSlot *slot = NULL;
  guint8 *bytes;
  gsize len;
  gsize at;
  guint8 x;

  g_assert_true (vigil_vault_header_read (path, &kind, &header, NULL));
  for (guint i = 0; i < header.n_slots; i++)
    if (header.slots[i].id == slot_id)
      slot = &header.slots[i];
  g_assert_nonnull (slot);
  if (g_str_equal (c->field, "opslimit"))
    bytes = (guint8 *) &slot->opslimit, len = sizeof slot->opslimit;
  else if (g_str_equal (c->field, "memlimit"))
    bytes = (guint8 *) &slot->memlimit, len = sizeof slot->memlimit;
  else if (g_str_equal (c->field, "salt"))
    bytes = slot->salt, len = sizeof slot->salt;
  else if (g_str_equal (c->field, "wrapped_key"))
    bytes = slot->wrapped, len = sizeof slot->wrapped;
  else if (g_str_equal (c->field, "checksum"))
    bytes = slot->checksum, len = sizeof slot->checksum;
  else
    bytes = (guint8 *) &slot->id, len = sizeof slot->id;
  at = (gsize) g_rand_int_range (rand, 0, (gint32) len);
  x = g_rand_boolean (rand) ? (guint8) (1u << g_rand_int_range (rand, 0, 8))
                            : (guint8) g_rand_int_range (rand, 1, 256);
  bytes[at] ^= x;
  g_string_append_printf (what, "slot %" G_GINT64_FORMAT " %s byte %" G_GSIZE_FORMAT " ^0x%02x",
                          slot_id, c->field, at, x);
  g_assert_true (vigil_vault_header_write (path, &header, NULL));
}

static void
test_key_slots (void)
{
  g_autoptr (GRand) rand = rand_for ("key-slots");
  g_autofree char *path = g_build_filename (pristine.dir, "round.vigil", NULL);
  const char *paths[] = { path, NULL };
  guint rounds = rounds_for (60);
  Tally t;

  tally_init (&t, "key-slots");
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GString) what = g_string_new (NULL);
      const SlotField *c = &slot_fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (slot_fields))];
      /* Slot 1 opens with PASSPHRASE, slot 2 with OTHER_PASSPHRASE. */
      gint64 slot_id = g_rand_int_range (rand, 1, 3);
      gboolean own_slot = g_rand_boolean (rand);
      const char *passphrase = (slot_id == 1) == own_slot ? PASSPHRASE : OTHER_PASSPHRASE;
      Result r;

      vigil_test_copy_file (pristine.plain, path);
      damage_slot (rand, path, slot_id, c, what);
      g_string_append_printf (what, ", opened with the passphrase of %s slot; ",
                              own_slot ? "that" : "the other");
      if (!own_slot || !c->guarded)
        {
          /* The slot that opens is whole: the vault opens, records intact,
           * or the damage is refused as damage. */
          judge_round (&t, round, paths, passphrase, 0, 0, TRUE, what->str);
          remove_round_files (path);
          continue;
        }
      /* The only slot this passphrase opens is damaged: that is damage,
       * never a wrong passphrase, and never an open. */
      r = open_in_child (path, passphrase, 0, 0);
      tally_add (&t, &r);
      if (r.outcome != OUTCOME_REFUSED || r.code != VIGIL_ERROR_DAMAGED)
        keep_failure (&t, round, paths, what->str, &r);
      result_clear (&r);
      remove_round_files (path);
    }
  tally_finish (&t);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A child that dies before reading its passphrase must not take this
   * program with it. */
  signal (SIGPIPE, SIG_IGN);
  pristine_set_up ();
  g_test_message ("seed %u (VIGIL_DAMAGE_SEED=%u repeats this damage)", pristine.seed,
                  pristine.seed);
  g_test_add_func ("/damage/vault-file", test_vault_file);
  g_test_add_func ("/damage/wal", test_wal);
  g_test_add_func ("/damage/vault-file-with-wal", test_vault_file_with_wal);
  g_test_add_func ("/damage/key-slots", test_key_slots);
  status = g_test_run ();
  pristine_tear_down ();
  return status;
}
