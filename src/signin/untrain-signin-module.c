/* untrain-signin-module.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-signin"

#include "config.h"

#include "untrain-signin-module.h"
#include "untrain-signin-window.h"

/* The module's one exported symbol; everything else in it is hidden. */

G_MODULE_EXPORT const UntrainSigninModule *untrain_signin_module_get (guint version);

static const UntrainSigninModule module_v1 = {
  .run_async = untrain_signin_window_run_async,
  .run_finish = untrain_signin_window_run_finish,
};

/**
 * untrain_signin_module_get:
 * @version: the UNTRAIN_SIGNIN_MODULE_VERSION the caller was built with
 *
 * Returns: (nullable): the module's functions, or %NULL when it was built
 *   for another version of Untrain
 */
const UntrainSigninModule *
untrain_signin_module_get (guint version)
{
  if (version != UNTRAIN_SIGNIN_MODULE_VERSION)
    return NULL;

  return &module_v1;
}
