/* test-reminder.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "fake-linkedin.h"
#include "fake-notifications.h"
#include "fake-watcher.h"
#include "untrain-credentials.h"
#include "untrain-reminder-service.h"
#include "untrain-schedule.h"
#include "untrain-state-store.h"

/* The reminder's engine on a private bus (one GTestDBus for the whole
 * program), with the desktop around it faked as it speaks: a notification
 * server, a tray watcher, logind's resume signal and Untrain itself, which
 * records the actions it is asked to activate. The service runs in-process
 * with a clock of the test's; settings live in a memory backend of each
 * test's own and files in each test's own folders.
 */

#define REMINDER_LOG_DOMAIN "untrain-reminder-service"
#define APPLICATION_PATH    "/io/github/untrain/Untrain"
#define ITEM_INTERFACE      "org.kde.StatusNotifierItem"
#define MENU_INTERFACE      "com.canonical.dbusmenu"
#define DAY_SECONDS         ((gint64) 24 * 60 * 60)

static GTestDBus *test_bus;

typedef struct
{
  GDBusConnection        *bus;          /* the service's */
  GDBusConnection        *desktop;      /* the fakes' */
  GDBusConnection        *app_bus;      /* Untrain's */
  FakeNotifications      *notifications;
  FakeWatcher            *watcher;
  guint                   app_name_id;
  guint                   app_object_id;
  gboolean                app_on_bus;
  GPtrArray              *activated;    /* "action(target)" */

  GSettingsBackend       *backend;
  GSettings              *settings;
  GDateTime              *now;

  UntrainReminderService *service;
  guint                   n_due_handled;
  guint                   n_notified;
  guint                   n_finished;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
deadline_cb (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (Condition condition,
            gpointer  data)
{
  gboolean passed = FALSE;
  guint deadline_id = g_timeout_add_seconds (20, deadline_cb, &passed);

  while (!condition (data) && !passed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (passed);
  g_source_remove (deadline_id);
}

/* Turns the main loop for a while, to see that nothing happens. */
static void
spin (guint milliseconds)
{
  gboolean passed = FALSE;

  g_timeout_add (milliseconds, deadline_cb, &passed);
  while (!passed)
    g_main_context_iteration (NULL, TRUE);
}

static GDBusConnection *
connect_to_test_bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                       (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

/* Untrain, as far as the reminder sees it: org.freedesktop.Application. */
static const char application_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Application'>"
  "    <method name='Activate'>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "    <method name='Open'>"
  "      <arg type='as' name='uris' direction='in'/>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "    <method name='ActivateAction'>"
  "      <arg type='s' name='action_name' direction='in'/>"
  "      <arg type='av' name='parameter' direction='in'/>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
application_method_call (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method_name, "ActivateAction"))
    {
      g_autoptr(GVariant) parameter = NULL;
      g_autoptr(GVariant) platform_data = NULL;
      g_autofree char *target = NULL;
      const char *action_name;

      g_variant_get (parameters, "(&s@av@a{sv})", &action_name, &parameter, &platform_data);
      if (g_variant_n_children (parameter) == 1)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (parameter, 0);
          g_autoptr(GVariant) value = g_variant_get_variant (boxed);

          target = g_variant_print (value, FALSE);
        }

      g_ptr_array_add (fixture->activated,
                       g_strdup_printf ("%s(%s)", action_name, target != NULL ? target : ""));
    }
  else
    g_ptr_array_add (fixture->activated, g_strdup (method_name));

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable application_vtable = {
  application_method_call, NULL, NULL, { 0 }
};

static void
app_name_acquired_cb (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  Fixture *fixture = user_data;

  fixture->app_on_bus = TRUE;
}

static gboolean
app_is_on_bus (gpointer data)
{
  return ((Fixture *)data)->app_on_bus;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;

  fixture->bus = connect_to_test_bus ();
  fixture->desktop = connect_to_test_bus ();
  fixture->app_bus = connect_to_test_bus ();

  fixture->notifications = fake_notifications_new (fixture->desktop);
  fixture->watcher = fake_watcher_new (g_test_dbus_get_bus_address (test_bus));
  fake_watcher_start (fixture->watcher);

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  node = g_dbus_node_info_new_for_xml (application_xml, &error);
  g_assert_no_error (error);
  fixture->app_object_id = g_dbus_connection_register_object (fixture->app_bus, APPLICATION_PATH,
                                                              node->interfaces[0], &application_vtable,
                                                              fixture, NULL, &error);
  g_assert_no_error (error);
  fixture->app_name_id = g_bus_own_name_on_connection (fixture->app_bus, APPLICATION_ID,
                                                       G_BUS_NAME_OWNER_FLAGS_NONE,
                                                       app_name_acquired_cb, NULL,
                                                       fixture, NULL);
  wait_until (app_is_on_bus, fixture);

  fixture->backend = g_memory_settings_backend_new ();
  fixture->settings = g_settings_new_with_backend (APPLICATION_ID, fixture->backend);

  /* Whole seconds, as the settings and the state keep time. */
  fixture->now = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);
}

static gboolean
service_is_idle (gpointer data)
{
  Fixture *fixture = data;

  /* A run under way holds a reference. */
  return G_OBJECT (fixture->service)->ref_count == 1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->service != NULL)
    {
      wait_until (service_is_idle, fixture);
      g_assert_finalize_object (g_steal_pointer (&fixture->service));
    }

  g_clear_object (&fixture->notifications);
  if (fake_watcher_is_running (fixture->watcher))
    fake_watcher_stop (fixture->watcher);
  g_clear_object (&fixture->watcher);

  g_dbus_connection_unregister_object (fixture->app_bus, fixture->app_object_id);
  g_bus_unown_name (fixture->app_name_id);

  g_dbus_connection_close_sync (fixture->bus, NULL, NULL);
  g_dbus_connection_close_sync (fixture->desktop, NULL, NULL);
  g_dbus_connection_close_sync (fixture->app_bus, NULL, NULL);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->desktop);
  g_clear_object (&fixture->app_bus);

  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->backend);
  g_clear_pointer (&fixture->now, g_date_time_unref);
}

static void
on_due_handled_cb (UntrainReminderService *service,
                   gboolean                notified,
                   Fixture                *fixture)
{
  fixture->n_due_handled++;
  if (notified)
    fixture->n_notified++;
}

static void
on_finished_cb (UntrainReminderService *service,
                Fixture                *fixture)
{
  fixture->n_finished++;
}

static gboolean
service_has_begun (gpointer data)
{
  Fixture *fixture = data;

  return untrain_reminder_service_is_running (fixture->service) || fixture->n_finished > 0;
}

static UntrainReminderService *
new_service (Fixture   *fixture,
             GSettings *settings)
{
  UntrainReminderService *service;

  /* logind's PrepareForSleep comes over the test bus too. */
  service = untrain_reminder_service_new (fixture->bus, fixture->bus, settings);
  untrain_reminder_service_set_now (service, fixture->now);

  return service;
}

static void
start_service_with (Fixture   *fixture,
                    GSettings *settings)
{
  fixture->service = new_service (fixture, settings);
  g_signal_connect (fixture->service, "due-handled", G_CALLBACK (on_due_handled_cb), fixture);
  g_signal_connect (fixture->service, "finished", G_CALLBACK (on_finished_cb), fixture);

  untrain_reminder_service_start (fixture->service);
  wait_until (service_has_begun, fixture);
}

static void
start_service (Fixture *fixture)
{
  start_service_with (fixture, fixture->settings);
}

static gboolean
has_notifications (gpointer data)
{
  Fixture *fixture = data;

  return fake_notifications_get_n_notify (fixture->notifications) > 0;
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} Count;

static gboolean
has_n_notifications (gpointer data)
{
  Count *count = data;

  return fake_notifications_get_n_notify (count->fixture->notifications) >= count->n;
}

/* Until the server has had @n Notify calls, and a moment more for any
 * that should not come.
 */
static void
wait_for_notifications (Fixture *fixture,
                        guint    n)
{
  Count count = { fixture, n };

  wait_until (has_n_notifications, &count);
  spin (100);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, n);
}

static gboolean
has_handled_due (gpointer data)
{
  return ((Fixture *)data)->n_due_handled > 0;
}

static gboolean
has_finished (gpointer data)
{
  return ((Fixture *)data)->n_finished > 0;
}

static gboolean
has_no_open_notification (gpointer data)
{
  return fake_notifications_get_n_open (((Fixture *)data)->notifications) == 0;
}

static gboolean
tray_is_registered (gpointer data)
{
  const char * const *items = fake_watcher_get_items (((Fixture *)data)->watcher);

  return items != NULL && items[0] != NULL;
}

static gboolean
has_activated (gpointer data)
{
  return ((Fixture *)data)->activated->len > 0;
}

/* Runs the due logic and waits for it, as the timer would. */
static void
run_due (Fixture *fixture)
{
  guint n_before = fixture->n_due_handled;

  untrain_reminder_service_run_due (fixture->service);
  while (fixture->n_due_handled == n_before)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_clock (Fixture   *fixture,
           GDateTime *now)
{
  g_date_time_unref (fixture->now);
  fixture->now = g_date_time_ref (now);
  untrain_reminder_service_set_now (fixture->service, now);
}

/* logind, on resume from suspend. */
static void
send_resume (Fixture *fixture)
{
  g_autoptr(GDBusConnection) logind = connect_to_test_bus ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (logind, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  g_dbus_connection_emit_signal (logind, NULL, "/org/freedesktop/login1",
                                 "org.freedesktop.login1.Manager", "PrepareForSleep",
                                 g_variant_new ("(b)", FALSE), &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (logind, NULL, &error);
  g_assert_no_error (error);

  /* Until the service has seen it. */
  spin (300);
  g_dbus_connection_close_sync (logind, NULL, NULL);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

/* A call to the service, which answers from this very main loop. */
static GVariant *
call_service (Fixture            *fixture,
              const char         *name,
              const char         *path,
              const char         *interface,
              const char         *method,
              GVariant           *parameters,
              const GVariantType *reply_type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  g_dbus_connection_call (fixture->desktop, name, path, interface, method, parameters,
                          reply_type, G_DBUS_CALL_FLAGS_NONE, -1, NULL, store_result_cb, &result);
  wait_until (has_result, &result);

  reply = g_dbus_connection_call_finish (fixture->desktop, result, &error);
  g_assert_no_error (error);

  return reply;
}

/* The tray icon, over the watcher's record of it: "<name><path>". */
static GVariant *
get_item_property (Fixture    *fixture,
                   const char *property)
{
  const char * const *items = fake_watcher_get_items (fixture->watcher);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *path;
  GVariant *value;

  g_assert_nonnull (items);
  g_assert_nonnull (items[0]);
  path = strchr (items[0], '/');
  g_assert_nonnull (path);
  name = g_strndup (items[0], path - items[0]);

  reply = call_service (fixture, name, path, "org.freedesktop.DBus.Properties", "Get",
                        g_variant_new ("(ss)", ITEM_INTERFACE, property), G_VARIANT_TYPE ("(v)"));
  g_variant_get (reply, "(v)", &value);

  return value;
}

static char *
get_tray_status (Fixture *fixture)
{
  g_autoptr(GVariant) value = get_item_property (fixture, "Status");

  return g_variant_dup_string (value, NULL);
}

static char *
get_tray_tooltip (Fixture *fixture)
{
  g_autoptr(GVariant) value = get_item_property (fixture, "ToolTip");
  g_autofree char *title = NULL;
  char *text = NULL;

  g_variant_get (value, "(s@a(iiay)ss)", NULL, NULL, &title, &text);
  return text;
}

static void
call_item (Fixture    *fixture,
           const char *method,
           GVariant   *parameters)
{
  const char * const *items = fake_watcher_get_items (fixture->watcher);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *path = strchr (items[0], '/');

  name = g_strndup (items[0], path - items[0]);
  reply = call_service (fixture, name, path, ITEM_INTERFACE, method, parameters, NULL);
}

/* Clicks the tray menu's entry labelled @label, as a tray host does. */
static void
click_tray_menu (Fixture    *fixture,
                 const char *label)
{
  const char * const *items = fake_watcher_get_items (fixture->watcher);
  g_autoptr(GVariant) menu_path = get_item_property (fixture, "Menu");
  g_autoptr(GVariant) layout = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *name = NULL;
  const char *path = strchr (items[0], '/');
  gint32 clicked = -1;

  name = g_strndup (items[0], path - items[0]);
  layout = call_service (fixture, name, g_variant_get_string (menu_path, NULL),
                         MENU_INTERFACE, "GetLayout",
                         g_variant_new ("(ii@as)", 0, -1, g_variant_new_strv (NULL, 0)),
                         G_VARIANT_TYPE ("(u(ia{sv}av))"));

  root = g_variant_get_child_value (layout, 1);
  children = g_variant_get_child_value (root, 2);
  for (gsize i = 0; i < g_variant_n_children (children); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (children, i);
      g_autoptr(GVariant) child = g_variant_get_variant (boxed);
      g_autoptr(GVariant) properties = g_variant_get_child_value (child, 1);
      const char *child_label = NULL;
      gint32 id;

      g_variant_get_child (child, 0, "i", &id);
      if (g_variant_lookup (properties, "label", "&s", &child_label))
        {
          g_autofree char *plain = g_strdup (child_label);
          char *underscore;

          /* Without its mnemonic. */
          while ((underscore = strchr (plain, '_')) != NULL)
            memmove (underscore, underscore + 1, strlen (underscore));
          if (g_str_equal (plain, label))
            clicked = id;
        }
    }
  g_assert_cmpint (clicked, >=, 0);

  reply = call_service (fixture, name, g_variant_get_string (menu_path, NULL),
                        MENU_INTERFACE, "Event",
                        g_variant_new ("(isvu)", clicked, "clicked", g_variant_new_int32 (0), 0),
                        NULL);
}

static gboolean
strv_has_pair (const char * const *actions,
               const char         *key,
               const char         *label)
{
  for (guint i = 0; actions[i] != NULL && actions[i + 1] != NULL; i += 2)
    {
      if (g_str_equal (actions[i], key) && g_str_equal (actions[i + 1], label))
        return TRUE;
    }

  return FALSE;
}

static void
assert_shows_as_untrain (const FakeNotification *notification)
{
  g_assert_cmpstr (notification->app_name, ==, "Untrain");
  g_assert_cmpstr (notification->app_icon, ==, APPLICATION_ID);
  g_assert_cmpstr (fake_notification_get_hint_string (notification, "desktop-entry"), ==, APPLICATION_ID);
  g_assert_true (strv_has_pair ((const char * const *)notification->actions, "review", "Review Now"));
  g_assert_true (strv_has_pair ((const char * const *)notification->actions, "snooze", "Remind Me Tomorrow"));
}

static void
assert_due_in (Fixture   *fixture,
               GTimeSpan  span)
{
  g_autoptr(GDateTime) due = untrain_reminder_service_get_due (fixture->service);

  g_assert_cmpint (g_date_time_difference (due, fixture->now), ==, span);
}

static void
set_last_check_days_ago (Fixture *fixture,
                         int      days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (fixture->now, -days);

  g_settings_set_int64 (fixture->settings, "last-check", g_date_time_to_unix (then));
}

/* Never checked, nothing connected: due at once, and one notification
 * that shows as Untrain with its two actions; the tray points at it.
 */
static void
test_never_checked (Fixture       *fixture,
                    gconstpointer  data)
{
  const FakeNotification *notification;
  g_autofree char *status = NULL;
  g_autofree char *tooltip = NULL;

  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==, 0);

  start_service (fixture);
  wait_until (has_handled_due, fixture);
  wait_until (has_notifications, fixture);

  notification = fake_notifications_get_last (fixture->notifications);
  assert_shows_as_untrain (notification);
  g_assert_cmpstr (notification->summary, ==, "Your settings have never been checked");
  g_assert_cmpstr (notification->body, !=, "");

  wait_until (tray_is_registered, fixture);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "NeedsAttention");
  tooltip = get_tray_tooltip (fixture);
  g_assert_cmpstr (tooltip, ==, "Your settings have never been checked");

  /* Once for this due time: next, one interval later. */
  spin (300);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 1);
  g_assert_cmpuint (fixture->n_due_handled, ==, 1);
  assert_due_in (fixture, 30 * G_TIME_SPAN_DAY);

  /* Nothing was checked, so last-check stays. */
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==, 0);
}

static void
test_nothing_due (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *status = NULL;

  set_last_check_days_ago (fixture, 1);

  start_service (fixture);
  wait_until (tray_is_registered, fixture);
  spin (300);

  g_assert_cmpuint (fixture->n_due_handled, ==, 0);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 0);
  assert_due_in (fixture, 29 * G_TIME_SPAN_DAY);

  /* Even asked now, there is nothing to say, and the next reminder
   * stays where it was: nobody was reminded.
   */
  run_due (fixture);
  g_assert_cmpuint (fixture->n_notified, ==, 0);
  spin (100);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 0);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "Passive");
  assert_due_in (fixture, 29 * G_TIME_SPAN_DAY);
}

/* Remind Me Tomorrow: due 24 hours later, the notification goes away, and
 * a day later the reminder comes again.
 */
static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  const FakeNotification *notification;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *status = NULL;

  start_service (fixture);
  wait_until (has_notifications, fixture);
  wait_until (tray_is_registered, fixture);
  notification = fake_notifications_get_last (fixture->notifications);

  fake_notifications_invoke_action (fixture->notifications, notification->id, "snooze");
  wait_until (has_no_open_notification, fixture);
  g_assert_cmpuint (fake_notifications_get_n_close_calls (fixture->notifications), ==, 1);

  assert_due_in (fixture, UNTRAIN_REMINDER_SNOOZE);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "Passive");

  /* Not again before tomorrow… */
  send_resume (fixture);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 1);

  /* …and then again. */
  tomorrow = g_date_time_add (fixture->now, UNTRAIN_REMINDER_SNOOZE);
  set_clock (fixture, tomorrow);
  send_resume (fixture);
  wait_until (has_handled_due, fixture);
  wait_for_notifications (fixture, 2);
  g_assert_cmpuint (fixture->n_notified, ==, 2);
  assert_due_in (fixture, 30 * G_TIME_SPAN_DAY);
}

/* Review Now, on the notification or the tray icon, opens Untrain's
 * checklist through its DBusActivatable interface.
 */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  const FakeNotification *notification;

  start_service (fixture);
  wait_until (has_notifications, fixture);
  wait_until (tray_is_registered, fixture);
  notification = fake_notifications_get_last (fixture->notifications);

  fake_notifications_invoke_action (fixture->notifications, notification->id, "review");
  wait_until (has_activated, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "show-platform('')");
  wait_until (has_no_open_notification, fixture);

  call_item (fixture, "Activate", g_variant_new ("(ii)", 0, 0));
  while (fixture->activated->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "show-platform('')");
}

/* The clock went back: a last check "in the future" is due now. */
static void
test_future_last_check (Fixture       *fixture,
                        gconstpointer  data)
{
  const FakeNotification *notification;

  set_last_check_days_ago (fixture, -3);

  start_service (fixture);
  assert_due_in (fixture, 0);
  wait_until (has_notifications, fixture);

  notification = fake_notifications_get_last (fixture->notifications);
  g_assert_cmpstr (notification->summary, ==, "Your settings are due to be checked");
}

/* The settings schema as an older or altered installation may have it:
 * the same keys, without the range that GSettings enforces itself.
 */
static const char unranged_schema[] =
  "<schemalist>"
  "  <schema id='" APPLICATION_ID "' path='/io/github/untrain/Untrain/'>"
  "    <key name='country' type='s'><default>''</default></key>"
  "    <key name='age-group' type='s'><default>'unknown'</default></key>"
  "    <key name='platforms' type='as'><default>['linkedin']</default></key>"
  "    <key name='reminder-enabled' type='b'><default>true</default></key>"
  "    <key name='reminder-interval-days' type='u'><default>30</default></key>"
  "    <key name='last-check' type='x'><default>0</default></key>"
  "    <key name='show-tray-icon' type='b'><default>true</default></key>"
  "  </schema>"
  "</schemalist>";

static GSettings *
new_unranged_settings (GSettingsBackend *backend)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "unranged-schema", NULL);
  g_autofree char *path = g_build_filename (dir, APPLICATION_ID ".gschema.xml", NULL);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { GLIB_COMPILE_SCHEMAS, "--strict", NULL, NULL };
  int wait_status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, unranged_schema, -1, &error);
  g_assert_no_error (error);

  argv[2] = dir;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
  g_assert_nonnull (schema);

  return g_settings_new_full (schema, backend, NULL);
}

/* An interval out of 1–365 is brought into range, with a warning, once. */
static void
test_interval_clamped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = new_unranged_settings (fixture->backend);
  g_autoptr(GDateTime) checked = g_date_time_add_days (fixture->now, -1);

  g_settings_set_int64 (settings, "last-check", g_date_time_to_unix (checked) + 60);
  g_settings_set_uint (settings, "reminder-interval-days", 1000);

  g_test_expect_message (REMINDER_LOG_DOMAIN, G_LOG_LEVEL_WARNING,
                         "reminder-interval-days is 1000, out of the range 1–365; using 365");
  start_service_with (fixture, settings);
  assert_due_in (fixture, 364 * G_TIME_SPAN_DAY + 60 * G_TIME_SPAN_SECOND);
  g_test_assert_expected_messages ();

  /* Zero days would mean all the time: one day, and so due in a minute. */
  g_test_expect_message (REMINDER_LOG_DOMAIN, G_LOG_LEVEL_WARNING,
                         "reminder-interval-days is 0, out of the range 1–365; using 1");
  g_settings_set_uint (settings, "reminder-interval-days", 0);
  assert_due_in (fixture, 60 * G_TIME_SPAN_SECOND);
  spin (200);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 0);
}

/* A shorter interval in the preferences makes the reminder due at once. */
static void
test_settings_change_rearms (Fixture       *fixture,
                             gconstpointer  data)
{
  set_last_check_days_ago (fixture, 7);

  start_service (fixture);
  spin (300);
  g_assert_cmpuint (fixture->n_due_handled, ==, 0);

  g_settings_set_uint (fixture->settings, "reminder-interval-days", 7);
  wait_until (has_notifications, fixture);
  g_assert_cmpstr (fake_notifications_get_last (fixture->notifications)->summary, ==,
                   "Your settings haven’t been checked for 7 days");
  assert_due_in (fixture, 7 * G_TIME_SPAN_DAY);

  /* Checked in Untrain meanwhile: the reminder goes quiet for the interval. */
  g_settings_set_int64 (fixture->settings, "last-check", g_date_time_to_unix (fixture->now));
  assert_due_in (fixture, 7 * G_TIME_SPAN_DAY);
}

/* A jump of the wall clock (or a long sleep) is seen when the computer
 * resumes, not only at the next safety re-arm.
 */
static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) month_later = NULL;

  set_last_check_days_ago (fixture, 1);

  start_service (fixture);
  spin (200);
  g_assert_cmpuint (fixture->n_due_handled, ==, 0);

  month_later = g_date_time_add_days (fixture->now, 30);
  set_clock (fixture, month_later);
  spin (200);
  g_assert_cmpuint (fixture->n_due_handled, ==, 0);

  send_resume (fixture);
  wait_until (has_notifications, fixture);
  g_assert_cmpstr (fake_notifications_get_last (fixture->notifications)->summary, ==,
                   "Your settings haven’t been checked for 31 days");
}

/* The tray's menu reaches the service. */
static void
test_tray_menu (Fixture       *fixture,
                gconstpointer  data)
{
  set_last_check_days_ago (fixture, 1);

  start_service (fixture);
  wait_until (tray_is_registered, fixture);

  click_tray_menu (fixture, "Check Now");
  wait_until (has_handled_due, fixture);
  g_assert_cmpuint (fixture->n_notified, ==, 0);

  click_tray_menu (fixture, "Review Now");
  wait_until (has_activated, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "show-platform('')");

  click_tray_menu (fixture, "Turn Off Reminders");
  wait_until (has_finished, fixture);
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminder-enabled"));
  g_assert_false (untrain_reminder_service_is_running (fixture->service));
}

static void
test_reminders_off (Fixture       *fixture,
                    gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "reminder-enabled", FALSE);

  start_service (fixture);
  wait_until (has_finished, fixture);
  spin (200);

  g_assert_cmpuint (fixture->n_due_handled, ==, 0);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 0);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 0);
}

static gboolean
tray_is_gone (gpointer data)
{
  return !tray_is_registered (data);
}

static void
test_tray_hidden (Fixture       *fixture,
                  gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "show-tray-icon", FALSE);

  start_service (fixture);
  wait_until (has_notifications, fixture);
  spin (200);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 0);

  g_settings_set_boolean (fixture->settings, "show-tray-icon", TRUE);
  wait_until (tray_is_registered, fixture);

  g_settings_set_boolean (fixture->settings, "show-tray-icon", FALSE);
  wait_until (tray_is_gone, fixture);
}

/* A form sent two months ago whose answer is a month overdue. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) state_file = untrain_state_store_get_default_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  g_autoptr(GDateTime) sent = g_date_time_add_months (fixture->now, -2);
  g_autoptr(GDateTime) due = g_date_time_add_months (fixture->now, -1);
  g_autoptr(GError) error = NULL;
  const FakeNotification *notification;
  GDate sent_on, answer_due;

  g_date_clear (&sent_on, 1);
  g_date_set_dmy (&sent_on, g_date_time_get_day_of_month (sent), g_date_time_get_month (sent),
                  g_date_time_get_year (sent));
  g_date_clear (&answer_due, 1);
  g_date_set_dmy (&answer_due, g_date_time_get_day_of_month (due), g_date_time_get_month (due),
                  g_date_time_get_year (due));
  untrain_state_store_set_date (store, "linkedin", "objection-form", "submitted-on", &sent_on);
  untrain_state_store_set_date (store, "linkedin", "objection-form", "answer-due", &answer_due);
  g_assert_true (untrain_state_store_save (store, &error));
  g_assert_no_error (error);

  g_settings_set_string (fixture->settings, "country", "DE");
  g_settings_set_string (fixture->settings, "age-group", "adult");
  set_last_check_days_ago (fixture, 1);

  start_service (fixture);
  wait_until (tray_is_registered, fixture);
  run_due (fixture);
  wait_until (has_notifications, fixture);

  notification = fake_notifications_get_last (fixture->notifications);
  g_assert_cmpstr (notification->summary, ==,
                   "LinkedIn’s answer is overdue: Object to LinkedIn’s other machine-learning uses");

  fake_notifications_invoke_action (fixture->notifications, notification->id, "review");
  wait_until (has_activated, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "show-platform('linkedin')");
}

/* Two services on one bus: the second stops at once, the first runs on. */
static void
test_second_instance (Fixture       *fixture,
                      gconstpointer  data)
{
  UntrainReminderService *second;

  set_last_check_days_ago (fixture, 1);
  start_service (fixture);
  g_assert_true (untrain_reminder_service_is_running (fixture->service));

  second = new_service (fixture, fixture->settings);
  g_signal_connect (second, "finished", G_CALLBACK (on_finished_cb), fixture);
  untrain_reminder_service_start (second);
  wait_until (has_finished, fixture);

  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_false (untrain_reminder_service_is_running (second));
  g_assert_true (untrain_reminder_service_is_running (fixture->service));
  g_assert_finalize_object (second);

  /* Nothing of the second reached the desktop. */
  spin (200);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 1);
}

typedef struct
{
  gboolean exited;
  int      wait_status;
} Child;

static void
child_exited_cb (GPid     pid,
                 int      wait_status,
                 gpointer user_data)
{
  Child *child = user_data;

  child->exited = TRUE;
  child->wait_status = wait_status;
  g_spawn_close_pid (pid);
}

static gboolean
child_has_exited (gpointer data)
{
  return ((Child *)data)->exited;
}

static GPid
spawn_reminder (Child *child)
{
  const char *argv[] = { UNTRAIN_REMINDER_BINARY, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (test_bus), TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  /* The test's own folders, which it keeps only in memory. */
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);

  g_spawn_async (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, child);

  return pid;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *name_owner,
                  gpointer         user_data)
{
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* The binary started twice: the second ends at once with status 0. */
static void
test_second_binary (Fixture       *fixture,
                    gconstpointer  data)
{
  Child first = { 0 };
  Child second = { 0 };
  gboolean appeared = FALSE;
  GPid first_pid;
  guint watch_id;

  watch_id = g_bus_watch_name_on_connection (fixture->desktop, UNTRAIN_REMINDER_BUS_NAME,
                                             G_BUS_NAME_WATCHER_FLAGS_NONE,
                                             name_appeared_cb, NULL, &appeared, NULL);

  first_pid = spawn_reminder (&first);
  wait_until (is_true, &appeared);

  spawn_reminder (&second);
  wait_until (child_has_exited, &second);
  g_assert_true (WIFEXITED (second.wait_status));
  g_assert_cmpint (WEXITSTATUS (second.wait_status), ==, 0);

  /* The first one still runs, and stops cleanly when told to. */
  spin (200);
  g_assert_false (first.exited);
  kill (first_pid, SIGTERM);
  wait_until (child_has_exited, &first);
  g_assert_true (WIFEXITED (first.wait_status));
  g_assert_cmpint (WEXITSTATUS (first.wait_status), ==, 0);

  g_bus_unwatch_name (watch_id);
}

/* A connected account stores the real "linkedin" session: only in the
 * throwaway keyring that build-aux/test starts, never in a person's own.
 */
static gboolean
have_throwaway_keyring (void)
{
  if (g_getenv ("UNTRAIN_TEST_THROWAWAY_KEYRING") != NULL)
    return TRUE;

  g_test_skip ("Needs the throwaway keyring of build-aux/test: this test stores a LinkedIn session");
  return FALSE;
}

static void
connect_linkedin (Fixture      *fixture,
                  FakeLinkedin *server,
                  gboolean      ai_training_was_done)
{
  g_autoptr(GFile) state_file = untrain_state_store_get_default_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  g_autoptr(GDateTime) checked = g_date_time_add_days (fixture->now, -31);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_credentials_store_sync ("linkedin", "Ada Lovelace",
                                                 fake_linkedin_get_cookies (server), NULL, &error));
  g_assert_no_error (error);

  untrain_state_store_set_account (store, "linkedin", "Ada Lovelace");
  if (ai_training_was_done)
    untrain_state_store_set_live (store, "linkedin", "ai-training", UNTRAIN_STATUS_DONE, checked, NULL);
  g_assert_true (untrain_state_store_save (store, &error));
  g_assert_no_error (error);

  g_settings_set_string (fixture->settings, "country", "DE");
  g_settings_set_string (fixture->settings, "age-group", "adult");
  g_settings_set_int64 (fixture->settings, "last-check", g_date_time_to_unix (checked));
}

static void
disconnect_linkedin (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_credentials_clear_sync ("linkedin", NULL, &error));
  g_assert_no_error (error);
}

/* A month after LinkedIn's switch was turned off, the reminder checks and
 * finds it on again: it says so by name, and checks are brought up to date.
 */
static void
test_connected_switch_back_on (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(FakeLinkedin) server = NULL;
  const FakeNotification *notification;
  g_autofree char *status = NULL;
  g_autofree char *tooltip = NULL;

  if (!have_throwaway_keyring ())
    return;

  server = fake_linkedin_new ();
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server), TRUE);
  /* Every switch is on at LinkedIn; only the AI switch was ever off. */
  connect_linkedin (fixture, server, TRUE);

  start_service (fixture);
  wait_until (has_handled_due, fixture);
  wait_until (has_notifications, fixture);

  /* The check ran silently, against the account: in Germany, the AI
   * switch and the research switch apply.
   */
  g_assert_cmpuint (fake_linkedin_get_n_requests (server), ==, 2);
  g_assert_cmpuint (fake_linkedin_get_n_writes (server), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==,
                   g_date_time_to_unix (fixture->now));

  notification = fake_notifications_get_last (fixture->notifications);
  assert_shows_as_untrain (notification);
  g_assert_cmpstr (notification->summary, ==,
                   "LinkedIn turned “Data for Generative AI Improvement” back on");
  /* A switch that was never turned off is named too. */
  g_assert_cmpstr (notification->body, ==, "LinkedIn has “Data for research” on");
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 1);

  wait_until (tray_is_registered, fixture);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "NeedsAttention");
  tooltip = get_tray_tooltip (fixture);
  g_assert_cmpstr (tooltip, ==,
                   "LinkedIn turned “Data for Generative AI Improvement” back on\n"
                   "LinkedIn has “Data for research” on");

  /* Review Now opens Untrain on LinkedIn. */
  fake_notifications_invoke_action (fixture->notifications, notification->id, "review");
  wait_until (has_activated, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "show-platform('linkedin')");

  /* Turned off since: the next check has nothing to say. */
  fake_linkedin_set_setting_on (server, FAKE_LINKEDIN_AI_TRAINING_KEY, FALSE);
  fake_linkedin_set_setting_on (server, FAKE_LINKEDIN_RESEARCH_KEY, FALSE);
  run_due (fixture);
  g_assert_cmpuint (fixture->n_notified, ==, 1);
  g_free (status);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "Passive");

  /* Now that one was off, LinkedIn turning it on is news. */
  fake_linkedin_set_setting_on (server, FAKE_LINKEDIN_RESEARCH_KEY, TRUE);
  run_due (fixture);
  wait_for_notifications (fixture, 2);
  notification = fake_notifications_get_last (fixture->notifications);
  g_assert_cmpstr (notification->summary, ==, "LinkedIn turned “Data for research” back on");
  g_assert_cmpstr (notification->body, ==, "Untrain checked it for you. Review it to turn it off again.");

  disconnect_linkedin ();
}

/* LinkedIn answers, but not with the settings (its page changed, say):
 * the person is told which switches Untrain can't read, and they count
 * as not checked.
 */
static void
test_connected_cannot_read (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FakeLinkedin) server = NULL;
  const FakeNotification *notification;
  g_autofree char *status = NULL;
  gint64 last_check;

  if (!have_throwaway_keyring ())
    return;

  server = fake_linkedin_new ();
  fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_GARBAGE);
  fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_GARBAGE);
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server), TRUE);
  connect_linkedin (fixture, server, TRUE);
  last_check = g_settings_get_int64 (fixture->settings, "last-check");

  start_service (fixture);
  wait_until (has_handled_due, fixture);
  wait_until (has_notifications, fixture);

  g_assert_cmpuint (fake_linkedin_get_n_requests (server), ==, 2);
  notification = fake_notifications_get_last (fixture->notifications);
  assert_shows_as_untrain (notification);
  g_assert_cmpstr (notification->summary, ==,
                   "Untrain can’t read “Data for Generative AI Improvement” on LinkedIn");
  g_assert_cmpstr (notification->body, ==, "Untrain can’t read “Data for research” on LinkedIn");
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->notifications), ==, 1);
  wait_until (tray_is_registered, fixture);
  status = get_tray_status (fixture);
  g_assert_cmpstr (status, ==, "NeedsAttention");

  /* Nothing was read: last-check stays, and the person, told, is told
   * again one interval later.
   */
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==, last_check);
  assert_due_in (fixture, 30 * G_TIME_SPAN_DAY);

  /* One switch read, one not: checked, and the other still named. */
  fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_SWITCH);
  fake_linkedin_set_setting_on (server, FAKE_LINKEDIN_RESEARCH_KEY, FALSE);
  run_due (fixture);
  wait_for_notifications (fixture, 2);
  notification = fake_notifications_get_last (fixture->notifications);
  g_assert_cmpstr (notification->summary, ==,
                   "Untrain can’t read “Data for Generative AI Improvement” on LinkedIn");
  g_assert_cmpstr (notification->body, ==, "Review it to see why, and check the setting yourself.");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==,
                   g_date_time_to_unix (fixture->now));

  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
  disconnect_linkedin ();
}

/* Offline: tried again an hour later, last-check untouched, and the
 * network mentioned at most once a day.
 */
static void
test_connected_offline (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FakeLinkedin) server = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *closed_url = NULL;
  gint64 last_check;
  guint16 port;

  if (!have_throwaway_keyring ())
    return;

  /* A port that nobody listens on any more: refused at once. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  closed_url = g_strdup_printf ("http://127.0.0.1:%u", port);

  server = fake_linkedin_new ();
  g_setenv ("UNTRAIN_LINKEDIN_URL", closed_url, TRUE);
  connect_linkedin (fixture, server, TRUE);
  last_check = g_settings_get_int64 (fixture->settings, "last-check");

  start_service (fixture);
  wait_until (has_notifications, fixture);
  g_assert_cmpstr (fake_notifications_get_last (fixture->notifications)->summary, ==,
                   "Untrain can’t reach LinkedIn to check your settings");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==, last_check);
  assert_due_in (fixture, -G_TIME_SPAN_DAY);

  /* An hour later: tried again, still offline, nothing said. */
  {
    g_autoptr(GDateTime) hour_later = g_date_time_add_hours (fixture->now, 1);

    set_clock (fixture, hour_later);
    run_due (fixture);
    g_assert_cmpuint (fixture->n_due_handled, ==, 2);
    wait_for_notifications (fixture, 1);
  }

  /* The next day it may say so again. */
  {
    g_autoptr(GDateTime) day_later = g_date_time_add_hours (fixture->now, 24);

    set_clock (fixture, day_later);
    run_due (fixture);
    wait_for_notifications (fixture, 2);
  }

  /* Back online: checked, and the switch found on is named. */
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server), TRUE);
  run_due (fixture);
  wait_for_notifications (fixture, 3);
  g_assert_cmpstr (fake_notifications_get_last (fixture->notifications)->summary, ==,
                   "LinkedIn turned “Data for Generative AI Improvement” back on");
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-check"), ==,
                   g_date_time_to_unix (fixture->now));

  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
  disconnect_linkedin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  int result;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The desktop is the private bus; the keyring stays where it was, on
   * the session bus of build-aux/test.
   */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (keyring_bus != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", keyring_bus, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

#define ADD(path, func) \
  g_test_add ("/reminder/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("due/never-checked", test_never_checked);
  ADD ("due/nothing-due", test_nothing_due);
  ADD ("due/future-last-check", test_future_last_check);
  ADD ("due/follow-up", test_follow_up);
  ADD ("snooze", test_snooze);
  ADD ("review", test_review);
  ADD ("rearm/interval-clamped", test_interval_clamped);
  ADD ("rearm/settings-change", test_settings_change_rearms);
  ADD ("rearm/resume", test_resume);
  ADD ("tray/menu", test_tray_menu);
  ADD ("tray/hidden", test_tray_hidden);
  ADD ("reminders-off", test_reminders_off);
  ADD ("second-instance/service", test_second_instance);
  ADD ("second-instance/binary", test_second_binary);
  ADD ("connected/switch-back-on", test_connected_switch_back_on);
  ADD ("connected/offline", test_connected_offline);
  ADD ("connected/cannot-read", test_connected_cannot_read);

#undef ADD

  result = g_test_run ();

  /* Not g_test_dbus_down(): it waits for the session bus connection to go
   * away, and libsecret keeps the keyring's until the process ends.
   */
  g_test_dbus_stop (test_bus);

  return result;
}
