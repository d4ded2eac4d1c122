/* untrain-reminder.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-reminder"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "untrain-person.h"
#include "untrain-reminder-service.h"

/* `untrain-reminder`, started with the session when reminders are on: no
 * GTK, one main loop, the service. It ends with status 0 when another
 * instance runs, when reminders are turned off, and on SIGTERM or SIGINT.
 */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusConnection) system_bus = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(UntrainReminderService) service = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Started by the session, not from a terminal: the journal has stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  g_set_prgname ("untrain-reminder");

  if (argc > 1)
    {
      g_printerr (_("Usage: %s\nUntrain’s reminder; the session starts it when reminders are on.\n"), argv[0]);
      return 2;
    }

  if (!(settings = untrain_person_open_settings ()))
    {
      g_printerr (_("untrain-reminder: the settings schema %s is not installed\n"), APPLICATION_ID);
      return EXIT_FAILURE;
    }

  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error)))
    {
      g_printerr (_("untrain-reminder: no session bus: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  /* Only to hear about resume from suspend: fine without it. */
  system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  if (system_bus == NULL)
    {
      g_debug ("No system bus, so no resume signal: %s", error->message);
      g_clear_error (&error);
    }

  loop = g_main_loop_new (NULL, FALSE);

  service = untrain_reminder_service_new (bus, system_bus, settings);
  g_signal_connect_swapped (service, "finished", G_CALLBACK (g_main_loop_quit), loop);
  untrain_reminder_service_start (service);

  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);

  g_main_loop_run (loop);

  /* What was written to the settings reaches the backend before the end. */
  g_settings_sync ();

  return EXIT_SUCCESS;
}
