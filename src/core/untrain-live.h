/* untrain-live.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gmodule.h>

#include "untrain-provider.h"

G_BEGIN_DECLS

/* Untrain's live side: the keyring (libsecret) and the providers that
 * talk to platforms (libsoup, libxml2). The window's first frame and the
 * command line's --status use none of it, so `untrain` does not link it:
 * it lives in a module of its own, untrain-live.so, opened the first time
 * a session or a provider is wanted, and kept from then on. The reminder
 * and the tests link it in, and it registers itself at their start.
 *
 * The module uses the core that `untrain` exports, so it only ever works
 * with the `untrain` of its own build: its entry point is given that
 * version and refuses any other. The table changes only with the version.
 */
#define UNTRAIN_LIVE_MODULE_NAME "untrain-live." G_MODULE_SUFFIX
#define UNTRAIN_LIVE_MODULE_ENTRY_POINT "untrain_live_module_get"

typedef struct
{
  /* untrain-keyring.h */
  void             (*store_async)           (const char           *platform_id,
                                             const char           *account,
                                             const char           *cookies,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
  gboolean         (*store_finish)          (GAsyncResult         *result,
                                             GError              **error);
  void             (*lookup_async)          (const char           *platform_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
  char            *(*lookup_finish)         (GAsyncResult         *result,
                                             char                **account,
                                             GError              **error);
  void             (*clear_async)           (const char           *platform_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
  gboolean         (*clear_finish)          (GAsyncResult         *result,
                                             GError              **error);

  /* untrain-linkedin-provider.h */
  UntrainProvider *(*linkedin_provider_new) (const char           *cookies,
                                             GError              **error);
} UntrainLive;

typedef const UntrainLive *(*UntrainLiveModuleGetFunc) (const char *version);

const UntrainLive *untrain_live_get      (GError            **error);
void               untrain_live_register (const UntrainLive  *live);

G_END_DECLS
