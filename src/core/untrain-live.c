/* untrain-live.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-live"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "untrain-error.h"
#include "untrain-live.h"
#include "untrain-module.h"

/* Finding the live side (see untrain-live.h): registered at the start of
 * a program that links it, or else opened from its module, which is found
 * in $UNTRAIN_LIVE_MODULE_DIR (the build tree, when Untrain runs from
 * there) or else where it is installed.
 */

G_LOCK_DEFINE_STATIC (module);
static const UntrainLive *registered;

/**
 * untrain_live_register:
 * @live: the live side's functions
 *
 * Makes @live the live side of the process. For programs that link it,
 * at their start; a module that is opened later is not needed then.
 */
void
untrain_live_register (const UntrainLive *live)
{
  g_return_if_fail (live != NULL);

  G_LOCK (module);
  registered = live;
  G_UNLOCK (module);
}

static const UntrainLive *
open_module (GError **error)
{
  g_autofree char *path = untrain_module_get_path ("UNTRAIN_LIVE_MODULE_DIR", UNTRAIN_LIVE_MODULE_NAME);
  UntrainLiveModuleGetFunc get_module = NULL;
  const UntrainLive *live = NULL;
  GModule *module;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                   /* Translators: %s is a file, such as
                    * /usr/lib/x86_64-linux-gnu/untrain/untrain-live.so */
                   _("Untrain can’t work with your accounts: %s is missing; install Untrain again"),
                   path);
      return NULL;
    }

  /* Local: nothing else looks up the module's symbols; it takes the core
   * from `untrain`, which exports it. Not lazy: a symbol that `untrain`
   * lacks fails here, with a message, rather than at its first call.
   */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_warning ("Could not load the live module: %s", g_module_error ());
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   /* Translators: %s is a file, such as
                    * /usr/lib/x86_64-linux-gnu/untrain/untrain-live.so */
                   _("Untrain can’t work with your accounts: %s could not be loaded; install Untrain again"),
                   path);
      return NULL;
    }

  if (g_module_symbol (module, UNTRAIN_LIVE_MODULE_ENTRY_POINT, (gpointer *)&get_module) &&
      get_module != NULL)
    live = get_module (PACKAGE_VERSION);

  if (live == NULL)
    {
      g_module_close (module);
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   /* Translators: the first %s is a file, the second a
                    * version, such as 0.1.0 */
                   _("Untrain can’t work with your accounts: %s is not from Untrain %s; install Untrain again"),
                   path, PACKAGE_VERSION);
      return NULL;
    }

  /* The module's types are registered for good: it can never go away. */
  g_module_make_resident (module);
  g_debug ("Loaded the live side from %s", path);

  return live;
}

/**
 * untrain_live_get:
 *
 * The live side, opened from its module the first time unless the program
 * links it. A failure is tried again at the next call.
 *
 * Returns: (transfer none) (nullable): the live side's functions, or
 *   %NULL with @error set
 */
const UntrainLive *
untrain_live_get (GError **error)
{
  const UntrainLive *live;

  G_LOCK (module);
  if (registered == NULL)
    registered = open_module (error);
  live = registered;
  G_UNLOCK (module);

  return live;
}
