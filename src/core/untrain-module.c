/* untrain-module.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "untrain-module.h"

/**
 * untrain_module_get_path:
 * @variable: the environment variable that names the module's folder in
 *   the build tree, such as "UNTRAIN_LIVE_MODULE_DIR"
 * @name: the module's file name
 *
 * Untrain's modules (its window, the live side, the sign-in window) are
 * found in the folder $@variable names, when Untrain runs from its build
 * tree (`meson devenv`, the tests), or else where they are installed.
 *
 * Returns: (transfer full): the module's path
 */
char *
untrain_module_get_path (const char *variable,
                         const char *name)
{
  const char *dir = g_getenv (variable);

  if (dir == NULL || dir[0] == '\0')
    dir = PKGLIBDIR;

  return g_build_filename (dir, name, NULL);
}
