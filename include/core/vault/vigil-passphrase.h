/* vigil-passphrase.h: the one rule for passphrases
 *
 * The window and the command line both lock vaults with passphrases; the
 * rule for a new one, and the form the key is derived from, live here so
 * they cannot differ. A passphrase is derived from in Unicode NFC: the
 * same words typed on another keyboard, or pasted from another program,
 * may arrive composed or decomposed, and must open the same vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fewest characters (in NFC) of a new passphrase. */
#define VIGIL_PASSPHRASE_MIN_CHARS 12

/* Characters of @passphrase in NFC; 0 when it is not UTF-8. */
glong     vigil_passphrase_length    (const char  *passphrase);
/* FALSE with VIGIL_ERROR_INVALID, saying why, unless @passphrase may lock
 * a vault: UTF-8 without control characters, at least
 * VIGIL_PASSPHRASE_MIN_CHARS characters in NFC. */
gboolean  vigil_passphrase_check_new (const char  *passphrase,
                                      GError     **error);
/* @passphrase in NFC, in guarded memory that vigil_passphrase_free()
 * wipes; NULL when it is not UTF-8. */
char     *vigil_passphrase_nfc       (const char  *passphrase);
void      vigil_passphrase_free      (char        *passphrase);

G_END_DECLS
