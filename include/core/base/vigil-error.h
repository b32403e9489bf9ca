/* vigil-error.h: the error domain shared by every core module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_ERROR (vigil_error_quark ())

/**
 * VigilError:
 * @VIGIL_ERROR_WRONG_PASSPHRASE: no key slot opens with the passphrase
 * @VIGIL_ERROR_DAMAGED: the file is not a vault, or its structure is damaged
 * @VIGIL_ERROR_TAMPERED: a sealed value or the audit chain fails authentication
 * @VIGIL_ERROR_LOCKED: the vault is locked
 * @VIGIL_ERROR_NEWER_FORMAT: the vault was written by a newer Vigil
 * @VIGIL_ERROR_ERASED: the record's key was destroyed (crypto-shredded)
 * @VIGIL_ERROR_NOT_FOUND: no record with that id
 * @VIGIL_ERROR_INVALID: an input value is impossible (a date, an amount, a field)
 * @VIGIL_ERROR_IO: the disk refused a write (full, read-only, I/O error)
 * @VIGIL_ERROR_EXISTS: the file or record already exists
 * @VIGIL_ERROR_CONFLICT: the record changed since it was read
 * @VIGIL_ERROR_IMPORT: an interchange file is malformed; the message names its JSON path
 * @VIGIL_ERROR_BUSY: another program holds the vault file open, so the
 *   work could not be finished now
 * @VIGIL_ERROR_LEAK: a report still holds an identifier of the vault, so it was not saved
 *
 * Codes a caller, and a test, can tell apart.
 */
typedef enum
{
  VIGIL_ERROR_WRONG_PASSPHRASE,
  VIGIL_ERROR_DAMAGED,
  VIGIL_ERROR_TAMPERED,
  VIGIL_ERROR_LOCKED,
  VIGIL_ERROR_NEWER_FORMAT,
  VIGIL_ERROR_ERASED,
  VIGIL_ERROR_NOT_FOUND,
  VIGIL_ERROR_INVALID,
  VIGIL_ERROR_IO,
  VIGIL_ERROR_EXISTS,
  VIGIL_ERROR_CONFLICT,
  VIGIL_ERROR_IMPORT,
  VIGIL_ERROR_BUSY,
  VIGIL_ERROR_LEAK,
} VigilError;

GQuark vigil_error_quark (void);

G_END_DECLS
