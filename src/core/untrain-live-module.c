/* untrain-live-module.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "untrain-keyring.h"
#include "untrain-linkedin-provider.h"
#include "untrain-live-module.h"

/* The live side's table (untrain-live.h), for its module and for the
 * programs that link it.
 */
const UntrainLive untrain_live_functions = {
  .store_async = untrain_keyring_store_async,
  .store_finish = untrain_keyring_store_finish,
  .lookup_async = untrain_keyring_lookup_async,
  .lookup_finish = untrain_keyring_lookup_finish,
  .clear_async = untrain_keyring_clear_async,
  .clear_finish = untrain_keyring_clear_finish,
  .linkedin_provider_new = untrain_linkedin_provider_new,
};

/* The version of Untrain the module is built for: its own, but for the
 * module the tests build as another version's.
 */
#ifndef UNTRAIN_LIVE_MODULE_VERSION
# define UNTRAIN_LIVE_MODULE_VERSION PACKAGE_VERSION
#endif

/* The module's entry point: its table, for the core of the same version
 * only.
 */
G_MODULE_EXPORT const UntrainLive *
untrain_live_module_get (const char *version)
{
  if (g_strcmp0 (version, UNTRAIN_LIVE_MODULE_VERSION) != 0)
    return NULL;

  return &untrain_live_functions;
}
