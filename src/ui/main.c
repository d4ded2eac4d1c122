/* main.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "untrain-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UntrainApplication) app = NULL;

  /* Standard output is for the command line's reports, JSON included:
   * every log message goes to standard error, debug ones too.
   */
  g_log_writer_default_set_use_stderr (TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = untrain_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
