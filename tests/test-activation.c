/* test-activation.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "untrain-autostart.h"

/* Untrain started the way the reminder, its notification and its tray
 * icon start it: D-Bus activation of io.github.untrain.Untrain, through a
 * service file as data/io.github.untrain.Untrain.service.in makes one,
 * running `untrain --gapplication-service` on a private bus. Once up, it
 * writes the reminder's autostart file and starts the reminder unless it
 * runs, and follows reminder-enabled live. The reminder here is a script
 * that notes each start; the settings are a key file both processes
 * share.
 */

#define APP_NAME      "io.github.untrain.Untrain"
#define APP_PATH      "/io/github/untrain/Untrain"
#define REMINDER_NAME "io.github.untrain.Untrain.Reminder"

static char *display;

typedef struct
{
  char            *dir;
  char            *started_file;
  GTestDBus       *bus;
  GDBusConnection *connection;
  GSettings       *settings;
} Fixture;

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, for at most 20 seconds: the
 * application starts GTK first.
 */
#define WAIT_UNTIL(condition)                                                \
  G_STMT_START {                                                             \
    guint wake_up_id = g_timeout_add (20, wake_up_cb, NULL);                 \
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;         \
    while (!(condition))                                                     \
      {                                                                      \
        if (g_get_monotonic_time () > deadline)                              \
          g_error ("Timed out waiting for %s", #condition);                  \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
    g_source_remove (wake_up_id);                                            \
  } G_STMT_END

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* A method call that waits on the main loop, as the bus may start the
 * application to answer it.
 */
static GVariant *
call (Fixture            *fixture,
      const char         *name,
      const char         *path,
      const char         *interface,
      const char         *method,
      GVariant           *parameters,
      const GVariantType *reply_type,
      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_dbus_connection_call (fixture->connection, name, path, interface, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, 30000,
                          NULL, store_result_cb, &result);
  WAIT_UNTIL (result != NULL);

  return g_dbus_connection_call_finish (fixture->connection, result, error);
}

static gboolean
has_owner (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean result = FALSE;

  reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "NameHasOwner", g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &result);

  return result;
}

static void
activate_action (Fixture    *fixture,
                 const char *action,
                 GVariant   *parameter)
{
  g_autoptr(GVariantBuilder) parameters = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (parameter != NULL)
    g_variant_builder_add (parameters, "v", parameter);

  reply = call (fixture, APP_NAME, APP_PATH, "org.freedesktop.Application", "ActivateAction",
                g_variant_new ("(sava{sv})", action, parameters, NULL),
                G_VARIANT_TYPE_UNIT, &error);
  g_assert_no_error (error);
}

static void
quit_app (Fixture *fixture)
{
  activate_action (fixture, "quit", NULL);
  WAIT_UNTIL (!has_owner (fixture, APP_NAME));
}

static guint
count_reminder_starts (Fixture *fixture)
{
  g_autofree char *content = NULL;
  guint n = 0;

  if (!g_file_get_contents (fixture->started_file, &content, NULL, NULL))
    return 0;

  for (const char *c = content; *c != '\0'; c++)
    if (*c == '\n')
      n++;

  return n;
}

static gboolean
autostart_file_exists (void)
{
  g_autoptr(GFile) file = untrain_autostart_get_file ();

  return g_file_query_exists (file, NULL);
}

static void
set_reminder_enabled (Fixture  *fixture,
                      gboolean  enabled)
{
  g_settings_set_boolean (fixture->settings, "reminder-enabled", enabled);
  g_settings_sync ();
}

static void
write_file (const char *path,
            const char *content,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, mode));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *reminder_binary = data;
  const char *untrain = g_getenv ("UNTRAIN_BINARY");
  g_autofree char *services = NULL;
  g_autofree char *service_file = NULL;
  g_autofree char *service = NULL;
  g_autofree char *script_path = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) autostart = untrain_autostart_get_file ();

  g_assert_nonnull (untrain);

  fixture->dir = g_dir_make_tmp ("untrain-activation-XXXXXX", &error);
  g_assert_no_error (error);

  /* What the installed service file says, with the build tree's untrain */
  services = g_build_filename (fixture->dir, "services", NULL);
  g_assert_no_errno (g_mkdir (services, 0700));
  service_file = g_build_filename (services, APP_NAME ".service", NULL);
  service = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n", APP_NAME, untrain);
  write_file (service_file, service, 0644);

  /* The reminder: notes that it started, and ends */
  fixture->started_file = g_build_filename (fixture->dir, "reminder-started", NULL);
  script_path = g_build_filename (fixture->dir, "untrain-reminder", NULL);
  script = g_strdup_printf ("#!/bin/sh\necho started >> '%s'\n", fixture->started_file);
  write_file (script_path, script, 0755);
  g_setenv ("UNTRAIN_REMINDER_BINARY", reminder_binary != NULL ? reminder_binary : script_path, TRUE);

  /* Each test starts without the autostart file, reminders on */
  g_file_delete (autostart, NULL, NULL);
  fixture->settings = g_settings_new (APPLICATION_ID);
  set_reminder_enabled (fixture, TRUE);

  /* The bus starts the application with the environment set above;
   * GTestDBus unsets DISPLAY once it is up.
   */
  g_setenv ("DISPLAY", display, TRUE);
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (fixture->bus, services);
  g_test_dbus_up (fixture->bus);

  fixture->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                                (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                                                NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_dbus_connection_close_sync (fixture->connection, NULL, NULL);
  g_clear_object (&fixture->connection);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->started_file, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* "Review Now" in a notification: the bus starts Untrain on the platform;
 * Untrain sets up the reminder, and follows the switch in Preferences.
 */
static void
test_activated_by_action (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **names = NULL;

  g_assert_false (has_owner (fixture, APP_NAME));

  activate_action (fixture, "show-platform", g_variant_new_string ("linkedin"));
  g_assert_true (has_owner (fixture, APP_NAME));

  /* The application itself, with the action the reminder uses */
  actions = call (fixture, APP_NAME, APP_PATH, "org.gtk.Actions", "List",
                  NULL, G_VARIANT_TYPE ("(as)"), &error);
  g_assert_no_error (error);
  g_variant_get (actions, "(^a&s)", &names);
  g_assert_true (g_strv_contains (names, "show-platform"));

  /* Reminders are on: they start at login, and now */
  g_assert_true (autostart_file_exists ());
  WAIT_UNTIL (count_reminder_starts (fixture) == 1);

  /* Turned off in Preferences */
  set_reminder_enabled (fixture, FALSE);
  WAIT_UNTIL (!autostart_file_exists ());

  /* And on again: the reminder is not running, so it starts */
  set_reminder_enabled (fixture, TRUE);
  WAIT_UNTIL (autostart_file_exists ());
  WAIT_UNTIL (count_reminder_starts (fixture) == 2);

  quit_app (fixture);
  g_assert_cmpuint (count_reminder_starts (fixture), ==, 2);
}

/* The reminder runs already: it owns its name, and is not started twice. */
static void
test_reminder_running (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "RequestName", g_variant_new ("(su)", REMINDER_NAME, 4), G_VARIANT_TYPE ("(u)"), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);

  activate_action (fixture, "show-platform", g_variant_new_string ("linkedin"));
  g_assert_true (autostart_file_exists ());

  /* Untrain asked the bus before it answered the call above: quitting
   * now, it has had the answer.
   */
  quit_app (fixture);
  g_assert_cmpuint (count_reminder_starts (fixture), ==, 0);
}

/* Reminders off: the autostart file left from before goes, and nothing
 * starts.
 */
static void
test_reminders_off (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  set_reminder_enabled (fixture, FALSE);

  activate_action (fixture, "show-platform", g_variant_new_string ("linkedin"));
  g_assert_false (autostart_file_exists ());

  quit_app (fixture);
  g_assert_cmpuint (count_reminder_starts (fixture), ==, 0);
}

/* No reminder installed (running from the build tree, or a broken
 * install): Untrain works all the same.
 */
static void
test_reminder_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  activate_action (fixture, "show-platform", g_variant_new_string ("linkedin"));
  g_assert_true (has_owner (fixture, APP_NAME));
  g_assert_true (autostart_file_exists ());

  quit_app (fixture);
  g_assert_cmpuint (count_reminder_starts (fixture), ==, 0);
}

static guint32
app_pid (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid = 0;

  reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "GetConnectionUnixProcessID", g_variant_new ("(s)", APP_NAME), G_VARIANT_TYPE ("(u)"), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);

  return pid;
}

static gboolean
maps_file (guint32     pid,
           const char *name)
{
  g_autofree char *path = g_strdup_printf ("/proc/%u/maps", pid);
  g_autofree char *maps = NULL;

  return g_file_get_contents (path, &maps, NULL, NULL) && strstr (maps, name) != NULL;
}

/* An account connected, last checked over an hour ago: the window checks
 * it as it opens, so the app the bus started loads the live module (the
 * keyring and the provider) from the build tree, as an installed one
 * would from its libdir. No keyring answers on this bus: the check ends
 * with a message in the window, and the app goes on.
 */
static void
test_live_module (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const platforms[] = { "linkedin", NULL };
  g_autofree char *state_dir = g_build_filename (g_get_user_state_dir (), "untrain", NULL);
  g_autofree char *state_file = g_build_filename (state_dir, "state.ini", NULL);
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid;

  g_assert_no_errno (g_mkdir_with_parents (state_dir, 0700));
  write_file (state_file, "[accounts]\nlinkedin=Ada Lovelace\n", 0600);
  g_settings_set_boolean (fixture->settings, "first-run-done", TRUE);
  g_settings_set_strv (fixture->settings, "platforms", platforms);
  g_settings_set_int64 (fixture->settings, "last-check", 0);
  g_settings_sync ();

  activate_action (fixture, "show-platform", g_variant_new_string ("linkedin"));
  pid = app_pid (fixture);
  g_assert_true (maps_file (pid, "/untrain-window.so"));
  WAIT_UNTIL (maps_file (pid, "/untrain-live.so"));

  /* Still running, and answering */
  actions = call (fixture, APP_NAME, APP_PATH, "org.gtk.Actions", "List",
                  NULL, G_VARIANT_TYPE ("(as)"), &error);
  g_assert_no_error (error);

  quit_app (fixture);

  g_assert_no_errno (g_remove (state_file));
  g_settings_reset (fixture->settings, "first-run-done");
  g_settings_reset (fixture->settings, "platforms");
  g_settings_reset (fixture->settings, "last-check");
  g_settings_sync ();
}

static void
test_needs_display (void)
{
  g_test_skip ("Untrain needs an X display here: run the tests under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  static const char * const dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_CACHE_HOME", "cache" },
  };

  /* A home of its own, shared with the application the bus starts; and
   * settings in a key file there, which both read and watch.
   */
  home = g_dir_make_tmp ("untrain-test-activation-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i][1], NULL);

      g_assert_no_errno (g_mkdir (path, 0700));
      g_setenv (dirs[i][0], path, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_init (&argc, &argv, NULL);

  display = g_strdup (g_getenv ("DISPLAY"));
  if (display == NULL)
    {
      g_test_add_func ("/activation/needs-display", test_needs_display);
      return g_test_run ();
    }

  g_test_add ("/activation/activated-by-action", Fixture, NULL,
              fixture_set_up, test_activated_by_action, fixture_tear_down);
  g_test_add ("/activation/reminder-running", Fixture, NULL,
              fixture_set_up, test_reminder_running, fixture_tear_down);
  g_test_add ("/activation/reminders-off", Fixture, NULL,
              fixture_set_up, test_reminders_off, fixture_tear_down);
  g_test_add ("/activation/reminder-missing", Fixture, "/nonexistent/untrain-reminder",
              fixture_set_up, test_reminder_missing, fixture_tear_down);
  g_test_add ("/activation/live-module", Fixture, NULL,
              fixture_set_up, test_live_module, fixture_tear_down);

  return g_test_run ();
}
