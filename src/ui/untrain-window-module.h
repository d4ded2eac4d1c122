/* untrain-window-module.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* What the `untrain` binary and its window's module (untrain-window.so)
 * agree on. `untrain` links GLib and Untrain's core only, so that its
 * command line never pays for loading GTK; the module holds the
 * application and its windows, and links GTK and libadwaita. It uses the
 * core that `untrain` exports, so a module only ever works with the
 * `untrain` of its own build: the entry point is given that version and
 * refuses any other.
 */
#define UNTRAIN_WINDOW_MODULE_NAME "untrain-window." G_MODULE_SUFFIX
#define UNTRAIN_WINDOW_MODULE_ENTRY_POINT "untrain_window_module_main"

/* Runs the application on @argv as g_application_run() does. */
typedef int (*UntrainWindowModuleMainFunc) (const char  *version,
                                            int          argc,
                                            char       **argv);

G_MODULE_EXPORT int untrain_window_module_main (const char  *version,
                                                int          argc,
                                                char       **argv);

G_END_DECLS
