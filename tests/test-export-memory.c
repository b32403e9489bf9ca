/* test-export-memory.c: an export with identities leaves no identity in the heap
 *
 * Freed memory keeps what it held until it is used again, and vigil-cli's
 * heap ends in a core dump, a swap file or the next allocation of another
 * library. After an export with identities, no byte of the identities it
 * wrote may be left in the heap: every copy of their text (the sealed
 * identity opened, the JSON tree, the generated file) is wiped before it
 * is freed.
 *
 * The parent writes a vault holding one identity; a child process
 * (g_test_trap_subprocess), whose memory never held the identity any
 * other way, opens it, exports it with identities and searches its own
 * heap for the identity's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-interchange.h"
#include "vigil-json-private.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* The end of every text of the identity. Only its copy in the program's
 * read-only data is not on the heap: the parent puts the texts together
 * at run time, and the child compares with this copy. glibc writes its
 * own pointers over the first 16 bytes of a freed block, so the texts
 * begin with more than 16 other bytes, which the search leaves out. */
#define NEEDLE "zq8Xw3Kf9Lm2Vb7NpT4c"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* How many copies of NEEDLE the heap holds: the [heap] and the anonymous
 * writable mappings (glibc's other arenas and its large blocks). The list
 * of mappings is read into one large buffer and taken apart in place: a
 * small allocation here could reuse a freed block being looked for. */
static guint
count_in_heap (void)
{
  g_autofree char *maps = NULL;
  gsize needle_len = strlen (NEEDLE);
  guint hits = 0;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  for (char *line = maps; line != NULL && *line != '\0';)
    {
      char *end = strchr (line, '\n');
      guintptr low, high;
      char perms[5] = "";
      char name[256] = "";
      int fields;

      if (end != NULL)
        *end = '\0';
      fields = sscanf (line, "%" G_GINTPTR_MODIFIER "x-%" G_GINTPTR_MODIFIER "x %4s %*s %*s %*s %255s",
                       &low, &high, perms, name);
      line = end != NULL ? end + 1 : NULL;
      if (fields < 3 || perms[0] != 'r' || perms[1] != 'w')
        continue;
      if (name[0] != '\0' && strcmp (name, "[heap]") != 0)
        continue;
      for (const char *p = (const char *) low; p + needle_len <= (const char *) high; p++)
        {
          p = memchr (p, NEEDLE[0], (const char *) high - p - needle_len + 1);
          if (p == NULL)
            break;
          if (memcmp (p, NEEDLE, needle_len) == 0)
            hits++;
        }
    }
  return hits;
}

static void
export_in_child (void)
{
  const char *dir = g_getenv ("VIGIL_TEST_EXPORT_DIR");
  g_autofree char *path = g_build_filename (dir, "store.vigil", NULL);
  g_autofree char *out = g_build_filename (dir, "export.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = vigil_vault_open (path, VIGIL_TEST_PASSPHRASE, &error);
  g_autoptr (VigilStore) store = NULL;
  g_autofree char *control = NULL;
  g_autofree char *large = NULL;
  VigilInterchangeCounts counts = { 0 };
  guint after, control_hits;

  g_assert_no_error (error);
  g_assert_cmpuint (count_in_heap (), ==, 0);
  store = vigil_store_new (vault);
  g_assert_true (vigil_interchange_export_file (store, out, VIGIL_EXPORT_IDENTITIES, &counts,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.identities, ==, 1);
  g_clear_object (&store);
  vigil_vault_lock (vault);
  g_clear_object (&vault);
  after = count_in_heap ();

  /* The search must be able to find copies freed without being wiped, a
   * small one and one of a large buffer such as the generated file. */
  control = g_strconcat ("A text freed as it was: ", NEEDLE, NULL);
  g_clear_pointer (&control, g_free);
  large = g_malloc0 (64 * 1024);
  memcpy (large + 32 * 1024, NEEDLE, strlen (NEEDLE));
  g_clear_pointer (&large, g_free);
  control_hits = count_in_heap ();

  g_test_message ("copies of the identity in the heap: %u after the export, %u after one more "
                  "freed unwiped",
                  after, control_hits);
  g_assert_cmpuint (control_hits, ==, after + 2);
  g_assert_cmpuint (after, ==, 0);
}

static void
test_identities_wiped (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilCase) kase = NULL;
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (VigilIdentity) identity = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GBytes) exported = NULL;
  const char *aliases[] = { NULL, NULL };
  g_autofree char *alias = NULL;
  gsize size;
  const char *data_bytes;
  guint copies = 0;

#ifdef UNDER_ASAN
  /* AddressSanitizer's heap is terabytes of reserved address space, and
   * it keeps freed blocks in a quarantine of its own. */
  g_test_skip ("the heap cannot be searched under AddressSanitizer");
  return;
#endif
  if (g_test_subprocess ())
    {
      export_in_child ();
      return;
    }

  kase = add_case (f, "K 77/2024");
  person = add_person (f, kase, "V-01", VIGIL_PERSON_ROLE_VICTIM);
  identity = make_identity ("Ilinca Marwood-Tessaly " NEEDLE, "+40 721 000 111 ext. " NEEDLE,
                            "Strada Fictivă 12, Cluj-Napoca " NEEDLE);
  alias = g_strconcat ("The alias of the victim, ", NEEDLE, NULL);
  aliases[0] = alias;
  identity->aliases = g_strdupv ((char **) aliases);
  g_assert_true (vigil_store_save_identity (f->store, person, identity, &error));
  g_assert_no_error (error);
  vigil_vault_lock (f->vault);

  g_setenv ("VIGIL_TEST_EXPORT_DIR", f->dir, TRUE);
  /* meson test sets MALLOC_PERTURB_, with which glibc fills many freed
   * blocks itself: it would hide what the export left behind. */
  g_unsetenv ("MALLOC_PERTURB_");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The identity did go through the export: four texts end with it. */
  out = g_build_filename (f->dir, "export.json", NULL);
  exported = vigil_test_read_file (out);
  data_bytes = g_bytes_get_data (exported, &size);
  for (const char *p = data_bytes; p != NULL && p < data_bytes + size; p++)
    {
      p = g_strstr_len (p, data_bytes + size - p, NEEDLE);
      if (p == NULL)
        break;
      copies++;
    }
  g_assert_cmpuint (copies, ==, 4);
}

/* vigil_json_text_new() gives json-glib's text, byte for byte, pretty or
 * not. Its buffer is sized beforehand, and a bound too small is a critical
 * warning (fatal in the tests). */
static void
assert_json_text (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  for (guint pretty = 0; pretty < 2; pretty++)
    {
      g_autoptr (VigilJsonText) text = vigil_json_text_new (root, pretty);
      g_autofree char *expected = NULL;
      gsize length;

      json_generator_set_pretty (generator, pretty);
      json_generator_set_indent (generator, 2);
      expected = json_generator_to_data (generator, &length);
      g_assert_cmpuint (text->length, ==, length);
      g_assert_cmpstr (text->data, ==, expected);
    }
}

/* What costs most: control characters, quotes and backslashes, in texts
 * and in names, at some depth. Each alone in a tree of its own too, so
 * that a bound too small for it shows past the rounding up of the size of
 * the buffer. Then the texts are wiped. */
static void
test_json_text (void)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *worst = "\x01\x02\x1f\x7f\"\\\b\f\n\r\t";
  const char *fills[] = { "\x01", "\x1f", "\x7f", "\"", "\\", "\n", "a" };

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, worst, worst);
  vigil_json_add_string (builder, "text", "Ană \xf0\x9f\x98\x80 \"quoted\"");
  vigil_json_add_int (builder, "least", G_MININT64);
  json_builder_set_member_name (builder, "fraction");
  json_builder_add_double_value (builder, -1.2345678901234567e-300);
  vigil_json_add_boolean (builder, "false", FALSE);
  vigil_json_add_string (builder, "null", NULL);
  json_builder_set_member_name (builder, "nested");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 5; i++)
    json_builder_begin_array (builder);
  json_builder_add_string_value (builder, worst);
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  for (guint i = 0; i < 6; i++)
    json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  assert_json_text (root);

  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      g_autofree char *long_text = g_strnfill (4096, fills[i][0]);
      g_autoptr (JsonBuilder) alone = json_builder_new ();
      g_autoptr (JsonNode) text = json_node_init_string (json_node_alloc (), long_text);
      g_autoptr (JsonNode) named = NULL;

      assert_json_text (text);
      json_builder_begin_object (alone);
      vigil_json_add_string (alone, long_text, NULL);
      json_builder_end_object (alone);
      named = json_builder_get_root (alone);
      assert_json_text (named);
    }

  vigil_json_wipe_node (root);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "text"), ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export-memory/identities-wiped", Fixture, NULL, fixture_set_up,
              test_identities_wiped, fixture_tear_down);
  g_test_add_func ("/export-memory/json-text", test_json_text);

  return g_test_run ();
}
