/* untrain-credentials.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A platform session in the system keyring (DESIGN.md, "Credentials"):
 * schema io.github.untrain.Untrain.Session, attributes "platform" and
 * "account", the secret the session's cookies in Cookie-header form. One
 * session per platform. Nothing here ever logs or returns a secret in an
 * error message.
 */

void      untrain_credentials_store_async   (const char           *platform_id,
                                             const char           *account,
                                             const char           *cookies,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  untrain_credentials_store_finish  (GAsyncResult         *result,
                                             GError              **error);
void      untrain_credentials_lookup_async  (const char           *platform_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *untrain_credentials_lookup_finish (GAsyncResult         *result,
                                             char                **account,
                                             GError              **error);
void      untrain_credentials_clear_async   (const char           *platform_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  untrain_credentials_clear_finish  (GAsyncResult         *result,
                                             GError              **error);

/* For the command line, which has no main loop of its own. */
gboolean  untrain_credentials_store_sync    (const char           *platform_id,
                                             const char           *account,
                                             const char           *cookies,
                                             GCancellable         *cancellable,
                                             GError              **error);
char     *untrain_credentials_lookup_sync   (const char           *platform_id,
                                             char                **account,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean  untrain_credentials_clear_sync    (const char           *platform_id,
                                             GCancellable         *cancellable,
                                             GError              **error);

/* A `Cookie:` line (with or without the "Cookie:" name) or a Netscape
 * cookies.txt, to the Cookie-header form of just the @wanted cookies set
 * for @domain (or its subdomains). Fails, naming what is missing, unless
 * every wanted cookie is there.
 */
char     *untrain_cookies_parse             (const char           *text,
                                             const char           *domain,
                                             const char * const   *wanted,
                                             GError              **error);

void      untrain_credentials_free_secret   (char                 *secret);

/* A session's cookies, for g_autoptr(UntrainSecret): wiped when freed. */
typedef char UntrainSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UntrainSecret, untrain_credentials_free_secret)

G_END_DECLS
