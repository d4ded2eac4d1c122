/* test-export.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "fake-portal.h"
#include "untrain-application.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"

/* "Export Record" in the real application under Xvfb, as it runs inside
 * Flatpak: the file chooser is the desktop's, reached through the portal
 * (a fake one, on a bus of this test's own), and the test answers for the
 * person in front of it.
 */

typedef struct _Fixture Fixture;

typedef void (*ExportTestFunc) (UntrainWindow *window,
                                Fixture       *fixture);

struct _Fixture
{
  GDBusConnection *connection;   /* the portal's */
  FakePortal      *portal;
  GFile           *file;         /* where the person saves the record */
  char            *uri;

  /* The last response of a file chooser, or 0 until one answers */
  int              response;
  gulong           response_hook;

  ExportTestFunc   func;
};

static char *bus_address;

static gboolean
chooser_answered (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->response != 0;
}

static gboolean
portal_has_pending (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fake_portal_get_n_pending (fixture->portal) > 0;
}

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *)user_data == NULL;
}

static gboolean
shows_record_saved (gpointer user_data)
{
  return untrain_test_find_label (GTK_WIDGET (user_data), "Record saved") != NULL;
}

static gboolean
time_is_up (gpointer user_data)
{
  return g_get_monotonic_time () >= *(gint64 *)user_data;
}

/* Gives whatever a handler started (a file written in a thread) time to
 * show, for the checks that nothing happened.
 */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

  untrain_test_wait_until (time_is_up, &end);
}

/* Notes every file chooser's response, whoever listens to it. */
static gboolean
response_hook_cb (GSignalInvocationHint *hint,
                  guint                  n_param_values,
                  const GValue          *param_values,
                  gpointer               user_data)
{
  Fixture *fixture = user_data;

  fixture->response = g_value_get_int (&param_values[1]);

  return TRUE;
}

static void
export_record (UntrainWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-record", NULL));
}

static char *
load_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
on_activate_cb (GApplication *app,
                Fixture      *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  fixture->func (UNTRAIN_WINDOW (window), fixture);

  /* Closing the window lets go of everything it showed. */
  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&window);
      untrain_test_destroy_window (GTK_WIDGET (window));
    }
}

/* Runs Untrain as a person starts it, calls @func on its window once
 * drawn, closes the window if @func left it open, and checks that the
 * application lets go of everything.
 */
static void
run_application (Fixture        *fixture,
                 ExportTestFunc  func)
{
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app = untrain_application_new ();

  fixture->func = func;
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

/* A person who has set Untrain up for LinkedIn in Germany, with nothing
 * saved yet, and the desktop's file chooser.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) state = untrain_test_get_state_file ();
  g_autoptr(GError) error = NULL;

  g_file_delete (state, NULL, NULL);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_strv (settings, "platforms", (const char * const[]) { "linkedin", NULL });

  fixture->file = g_file_new_build_filename (g_get_user_data_dir (), "record.html", NULL);
  g_file_delete (fixture->file, NULL, NULL);
  fixture->uri = g_file_get_uri (fixture->file);

  fixture->connection = g_dbus_connection_new_for_address_sync (bus_address,
                                                                (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                                                NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->portal = fake_portal_new (fixture->connection);

  fixture->response_hook = g_signal_add_emission_hook (g_signal_lookup ("response", GTK_TYPE_NATIVE_DIALOG), 0,
                                                       response_hook_cb, fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_remove_emission_hook (g_signal_lookup ("response", GTK_TYPE_NATIVE_DIALOG),
                                 fixture->response_hook);

  g_assert_finalize_object (fixture->portal);
  g_dbus_connection_close_sync (fixture->connection, NULL, NULL);
  g_clear_object (&fixture->connection);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->uri, g_free);
}

/* Ctrl+E: the desktop's chooser, for this window, suggests a name with
 * today's date; the record is saved where the person chose, and the
 * window says so.
 */
static void
check_record (UntrainWindow *window,
              Fixture       *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "untrain-record-%Y-%m-%d.html");
  g_autofree char *html = NULL;
  gboolean modal = TRUE;

  /* Something on record for LinkedIn: the person's own word. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-done", "s", "linkedin/ai-training"));

  fake_portal_answer_at_once (fixture->portal, FAKE_PORTAL_RESPONSE_SUCCESS, fixture->uri);
  export_record (window);

  /* The file is there as soon as writing starts: the toast says when the
   * record is all in it.
   */
  untrain_test_wait_until (shows_record_saved, window);
  g_assert_true (g_file_query_exists (fixture->file, NULL));

  g_assert_cmpuint (fake_portal_get_n_calls (fixture->portal), ==, 1);
  g_assert_cmpstr (fake_portal_get_last_method (fixture->portal), ==, "SaveFile");
  g_assert_cmpstr (fake_portal_get_last_title (fixture->portal), ==, "Export Record");
  g_assert_cmpstr (fake_portal_get_last_current_name (fixture->portal), ==, name);
  g_assert_true (g_str_has_prefix (fake_portal_get_last_parent_window (fixture->portal), "x11:"));
  g_assert_true (g_variant_lookup (fake_portal_get_last_options (fixture->portal), "modal", "b", &modal));
  g_assert_false (modal);

  html = load_file (fixture->file);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "LinkedIn"));
  g_assert_nonnull (strstr (html, "</html>"));
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  run_application (fixture, check_record);
}

/* Cancelled: nothing is written or said, and Ctrl+E still works. */
static void
check_cancelled (UntrainWindow *window,
                 Fixture       *fixture)
{
  fake_portal_answer_at_once (fixture->portal, FAKE_PORTAL_RESPONSE_CANCELLED, NULL);
  export_record (window);
  untrain_test_wait_until (chooser_answered, fixture);
  g_assert_cmpint (fixture->response, ==, GTK_RESPONSE_CANCEL);
  settle ();

  g_assert_cmpuint (fake_portal_get_n_calls (fixture->portal), ==, 1);
  g_assert_false (g_file_query_exists (fixture->file, NULL));
  g_assert_false (shows_record_saved (window));

  fake_portal_answer_at_once (fixture->portal, FAKE_PORTAL_RESPONSE_SUCCESS, fixture->uri);
  export_record (window);
  untrain_test_wait_until (shows_record_saved, window);
  g_assert_cmpuint (fake_portal_get_n_calls (fixture->portal), ==, 2);
  g_assert_true (g_file_query_exists (fixture->file, NULL));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  run_application (fixture, check_cancelled);
}

/* The window closes while the chooser is open; the person then chooses a
 * file. Nobody is left to write the record for: nothing is written, and
 * the window is let go once the chooser has answered.
 */
static void
check_window_closed (UntrainWindow *window,
                     Fixture       *fixture)
{
  export_record (window);
  untrain_test_wait_until (portal_has_pending, fixture);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  untrain_test_drain ();

  fake_portal_respond (fixture->portal, FAKE_PORTAL_RESPONSE_SUCCESS, fixture->uri);
  untrain_test_wait_until (chooser_answered, fixture);
  g_assert_cmpint (fixture->response, ==, GTK_RESPONSE_ACCEPT);
  untrain_test_wait_until (is_null, &window);
  settle ();

  g_assert_false (g_file_query_exists (fixture->file, NULL));
}

static void
test_window_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  run_application (fixture, check_window_closed);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *gdk_debug = NULL;
  g_autofree char *schema_dirs = NULL;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  /* GTK 4.8 asks the portal for its file choosers inside Flatpak, or
   * when GDK_DEBUG has "portals" (GTK_USE_PORTAL is GTK 3's); it reads
   * GDK_DEBUG once, when it starts.
   */
  gdk_debug = g_strjoin (",", "portals", g_getenv ("GDK_DEBUG"), NULL);
  g_setenv ("GDK_DEBUG", gdk_debug, TRUE);

  /* A file chooser reads GTK's own settings: the system's schemas, after
   * the build's.
   */
  schema_dirs = g_strjoin (G_SEARCHPATH_SEPARATOR_S, g_getenv ("GSETTINGS_SCHEMA_DIR"),
                           "/usr/share/glib-2.0/schemas", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dirs, TRUE);

  untrain_test_init_application (&argc, &argv);

  /* The portal's name on a session bus of this test's own, where no other
   * test's Untrain asks it anything. GTestDBus unsets DISPLAY once it is up.
   */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  bus_address = g_strdup (g_test_dbus_get_bus_address (bus));
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  /* The GtkNativeDialog class, for its signal's emission hook */
  g_type_class_ref (GTK_TYPE_NATIVE_DIALOG);

  g_test_add ("/export/record", Fixture, NULL, fixture_set_up, test_record, fixture_tear_down);
  g_test_add ("/export/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/export/window-closed", Fixture, NULL, fixture_set_up, test_window_closed, fixture_tear_down);

  /* The bus stays up until this program ends, when GTestDBus's watcher
   * stops it: g_test_dbus_down() would wait for the session bus
   * connection to be let go of, and libadwaita keeps a proxy on it for as
   * long as the program runs.
   */
  return g_test_run ();
}
