/* vigil-passphrase.c: the one rule for passphrases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-passphrase.h"

/* public API */

char *
vigil_passphrase_nfc (const char *passphrase)
{
  char *normal;
  char *guarded;
  gsize len;

  g_return_val_if_fail (passphrase != NULL, NULL);

  /* The window asks for a length before any vault is opened. */
  if (sodium_init () < 0 || !g_utf8_validate (passphrase, -1, NULL))
    return NULL;
  /* GLib's copy lives in the ordinary heap only until it is wiped here. */
  normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;
  len = strlen (normal);
  guarded = sodium_malloc (len + 1);
  if (guarded != NULL)
    memcpy (guarded, normal, len + 1);
  sodium_memzero (normal, len);
  g_free (normal);
  return guarded;
}

void
vigil_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  sodium_memzero (passphrase, strlen (passphrase));
  sodium_free (passphrase);
}

glong
vigil_passphrase_length (const char *passphrase)
{
  char *normal;
  glong length;

  if (passphrase == NULL || (normal = vigil_passphrase_nfc (passphrase)) == NULL)
    return 0;
  length = g_utf8_strlen (normal, -1);
  vigil_passphrase_free (normal);
  return length;
}

gboolean
vigil_passphrase_check_new (const char *passphrase, GError **error)
{
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The passphrase is not valid text (UTF-8)"));
      return FALSE;
    }
  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                     _("The passphrase holds a control character (a tab, a line break or an "
                       "invisible character): it could not be typed again"));
        return FALSE;
      }
  if (vigil_passphrase_length (passphrase) < VIGIL_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Too short: a passphrase needs at least %d characters"),
                   VIGIL_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}
