/* vigil-vault-stream.h: long values sealed in chunks (libsodium's
 * secretstream), for documents too large to seal as one value
 *
 * Only app/core includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>

#include "vigil-vault.h"

G_BEGIN_DECLS

#define VIGIL_VAULT_STREAM_HEADER_BYTES crypto_secretstream_xchacha20poly1305_HEADERBYTES
/* What a sealed chunk adds to its plaintext. */
#define VIGIL_VAULT_STREAM_CHUNK_EXTRA  crypto_secretstream_xchacha20poly1305_ABYTES

typedef struct _VigilVaultStream VigilVaultStream;

/* Starts sealing a stream for the place @ref names (its version is not
 * bound: a stream is written once and never changes); fills @header, which
 * is not secret and is needed to open it. */
VigilVaultStream *vigil_vault_stream_seal_start (VigilVault         *vault,
                                                 const VigilSealRef *ref,
                                                 guint8              header[VIGIL_VAULT_STREAM_HEADER_BYTES],
                                                 GError            **error);
/* Seals the next chunk; the last one with @final. */
GBytes           *vigil_vault_stream_seal_chunk (VigilVaultStream   *stream,
                                                 const guint8       *data,
                                                 gsize               length,
                                                 gboolean            final);
/* Starts opening the stream @header begins. VIGIL_ERROR_TAMPERED for a
 * header that is not one; VIGIL_ERROR_ERASED when the owner's key is gone. */
VigilVaultStream *vigil_vault_stream_open_start (VigilVault         *vault,
                                                 const VigilSealRef *ref,
                                                 const guint8       *header,
                                                 gsize               header_length,
                                                 GError            **error);
/* Opens the next chunk into @out (room for its size less
 * VIGIL_VAULT_STREAM_CHUNK_EXTRA); VIGIL_ERROR_TAMPERED when it fails
 * authentication: altered, from another stream or out of its place. */
gboolean          vigil_vault_stream_open_chunk (VigilVaultStream   *stream,
                                                 GBytes             *chunk,
                                                 guint8             *out,
                                                 gsize              *out_length,
                                                 gboolean           *out_final,
                                                 GError            **error);
void              vigil_vault_stream_free       (VigilVaultStream   *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilVaultStream, vigil_vault_stream_free)

G_END_DECLS
