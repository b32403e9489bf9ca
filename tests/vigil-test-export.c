/* vigil-test-export.c: everything a vault holds, as one comparable text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-interchange.h"
#include "vigil-test-export.h"

char *
vigil_test_export_text (VigilStore *store, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonGenerator) generator = NULL;

  root = vigil_interchange_export_node (store, VIGIL_EXPORT_IDENTITIES, NULL, error);
  if (root == NULL)
    return NULL;
  json_object_remove_member (json_node_get_object (root), "exported_at");
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
