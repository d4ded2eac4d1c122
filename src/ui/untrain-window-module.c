/* untrain-window-module.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-window-module"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "untrain-window-module.h"

#include "untrain-application.h"

G_MODULE_EXPORT int
untrain_window_module_main (const char  *version,
                            int          argc,
                            char       **argv)
{
  g_autoptr(UntrainApplication) app = NULL;

  if (g_strcmp0 (version, PACKAGE_VERSION) != 0)
    {
      /* Translators: “untrain-window.so is the window of Untrain 0.1.0, not of Untrain 0.2.0” */
      g_printerr (_("untrain: %s is the window of Untrain %s, not of Untrain %s; install Untrain again\n"),
                  UNTRAIN_WINDOW_MODULE_NAME, PACKAGE_VERSION, version);
      return EXIT_FAILURE;
    }

  app = untrain_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
