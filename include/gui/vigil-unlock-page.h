/* vigil-unlock-page.h: create a vault, or unlock one with its passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-vault.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_UNLOCK_PAGE (vigil_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilUnlockPage, vigil_unlock_page, VIGIL, UNLOCK_PAGE, AdwBin)

/* What the form for a new vault says about the passphrase and its
 * confirmation as typed: computed without a window, so it is tested
 * directly. */
typedef struct
{
  gboolean    can_create;
  gboolean    hint_is_error;
  const char *hint;          /* translated; never NULL */
} VigilNewPassphraseState;

VigilNewPassphraseState vigil_new_passphrase_state    (const char   *passphrase,
                                                       const char   *confirmation);
/* The message a person sees when unlocking or creating failed, one per
 * VIGIL_ERROR code that can happen there. */
char                   *vigil_unlock_error_message    (const GError *error);

/* Properties: "path" (the vault file; NULL for the default one),
 * "kdf-level" (for a new vault; VIGIL_KDF_MODERATE unless a test makes it
 * cheaper), "busy" (read-only: key derivation running),
 * "creating" (read-only: the file does not exist yet).
 * Signal "unlocked" (VigilVault *vault): the page keeps no reference. */
GtkWidget  *vigil_unlock_page_new           (void);
const char *vigil_unlock_page_get_path      (VigilUnlockPage *self);
void        vigil_unlock_page_set_path      (VigilUnlockPage *self,
                                             const char      *path);
int         vigil_unlock_page_get_kdf_level (VigilUnlockPage *self);
void        vigil_unlock_page_set_kdf_level (VigilUnlockPage *self,
                                             int              level);
gboolean    vigil_unlock_page_get_busy      (VigilUnlockPage *self);
gboolean    vigil_unlock_page_get_creating  (VigilUnlockPage *self);
/* The message shown, or NULL. */
const char *vigil_unlock_page_get_message   (VigilUnlockPage *self);
/* Looks at the file again (after a lock, or when it was removed) and
 * empties the form. */
void        vigil_unlock_page_reset         (VigilUnlockPage *self);

G_END_DECLS
