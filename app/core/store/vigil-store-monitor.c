/* vigil-store-monitor.c: who is monitoring
 *
 * The name lives with the key slot (the vault's business); whether a name
 * is acceptable is the model's rule, the one every observation is checked
 * with, so a name saved here never makes a later observation fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include "vigil-record-rules.h"
#include "vigil-store-private.h"

/* public API */

const char *
vigil_store_get_monitor (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  return vigil_vault_get_monitor (self->vault);
}

gboolean
vigil_store_set_monitor (VigilStore *self, const char *name, GError **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (!vigil_record_check_monitor (stripped, NULL, error))
    return FALSE;
  return vigil_vault_set_monitor (self->vault, stripped, error);
}
