/* untrain-keyring.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

/* The keyring behind untrain-credentials.h, on the live side (see
 * untrain-live.h): callers use untrain_credentials_*(), which load this
 * with the live module when it is first needed.
 */

const SecretSchema *untrain_keyring_get_schema    (void);

void                untrain_keyring_store_async   (const char           *platform_id,
                                                   const char           *account,
                                                   const char           *cookies,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean            untrain_keyring_store_finish  (GAsyncResult         *result,
                                                   GError              **error);
void                untrain_keyring_lookup_async  (const char           *platform_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char               *untrain_keyring_lookup_finish (GAsyncResult         *result,
                                                   char                **account,
                                                   GError              **error);
void                untrain_keyring_clear_async   (const char           *platform_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean            untrain_keyring_clear_finish  (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
