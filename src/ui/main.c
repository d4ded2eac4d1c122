/* main.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "untrain-command-line.h"
#include "untrain-module.h"
#include "untrain-window-module.h"

/* `untrain` answers its command line with GLib and Untrain's core alone:
 * loading GTK, libadwaita and the ninety libraries behind them would take
 * longer than `untrain --status` itself. Only when the window is wanted
 * does it load the module that holds the application (src/ui, built as
 * untrain-window.so), which then parses the same command line again.
 */

static int
on_handle_local_options_cb (GApplication *launcher,
                            GVariantDict *options,
                            gboolean     *wants_window)
{
  int status = untrain_command_line_handle_options (options);

  if (status >= 0)
    return status;

  *wants_window = TRUE;
  return EXIT_SUCCESS;
}

static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *path = untrain_module_get_path ("UNTRAIN_WINDOW_MODULE_DIR", UNTRAIN_WINDOW_MODULE_NAME);
  UntrainWindowModuleMainFunc module_main = NULL;
  GModule *module;

  /* Not G_MODULE_BIND_LOCAL: GtkBuilder finds the types a template names
   * by looking up their get_type() functions in the process, which must
   * see GTK and libadwaita; without them it registers every GTK type. The
   * module itself exports its entry point only.
   */
  module = g_module_open (path, G_MODULE_BIND_LAZY);
  if (module == NULL)
    {
      g_printerr (_("untrain: Could not load Untrain’s window; install Untrain again: %s\n"), g_module_error ());
      return EXIT_FAILURE;
    }

  if (!g_module_symbol (module, UNTRAIN_WINDOW_MODULE_ENTRY_POINT, (gpointer *)&module_main) ||
      module_main == NULL)
    {
      g_printerr (_("untrain: %s is not Untrain’s window: %s\n"), path, g_module_error ());
      g_module_close (module);
      return EXIT_FAILURE;
    }

  /* Its types are registered for good: it stays until the process ends. */
  g_module_make_resident (module);

  return module_main (PACKAGE_VERSION, argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) launcher = NULL;
  gboolean wants_window = FALSE;
  int status;

  /* Standard output is for the command line's reports, JSON included:
   * every log message goes to standard error, debug ones too.
   */
  g_log_writer_default_set_use_stderr (TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The application's id and options, for parsing and --help only: it
   * never registers. g_application_run() works on a copy of argv.
   */
  launcher = g_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  untrain_command_line_add_options (launcher);
  g_signal_connect (launcher, "handle-local-options",
                    G_CALLBACK (on_handle_local_options_cb), &wants_window);

  status = g_application_run (launcher, argc, argv);
  g_clear_object (&launcher);

  if (!wants_window)
    return status;

  return run_window (argc, argv);
}
