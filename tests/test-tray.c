/* test-tray.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "fake-watcher.h"
#include "untrain-tray.h"

/* The tray icon on a bus of its own, with a fake desktop tray (the
 * watcher) and a client that reads the icon as a desktop's host would.
 */

#define ITEM_PATH         "/StatusNotifierItem"
#define ITEM_INTERFACE    "org.kde.StatusNotifierItem"
#define MENU_PATH         "/MenuBar"
#define MENU_INTERFACE    "com.canonical.dbusmenu"
#define WATCHER_NAME      "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH      "/StatusNotifierWatcher"
#define WATCHER_INTERFACE "org.kde.StatusNotifierWatcher"
#define ITEM_NAME_PREFIX  "io.github.untrain.Untrain.Reminder.Tray-"

#define TOOLTIP "LinkedIn turned \342\200\234Data for Generative AI Improvement\342\200\235 back on"

/* How long something may take to happen, and how long to watch for
 * something that must not happen.
 */
#define WAIT_TIMEOUT_USEC    (10 * G_USEC_PER_SEC)
#define QUIET_PERIOD_MSEC    300

typedef struct
{
  GTestDBus       *dbus;
  GDBusConnection *tray_bus;
  GDBusConnection *client;
  FakeWatcher     *watcher;

  /* What the tray signalled */
  guint            n_review;
  char            *review_platform_id;
  guint            n_check_now;
  guint            n_snooze;
  guint            n_turn_off;

  /* What the client saw on the bus */
  GPtrArray       *item_signals;
  GPtrArray       *statuses;
  GPtrArray       *watcher_registered;
  guint            item_signals_id;
  guint            watcher_signals_id;
} Fixture;

static GDBusConnection *
connect_to_bus (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->dbus),
                                                       (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
item_signal_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->item_signals, g_strdup (signal_name));

  if (g_str_equal (signal_name, "NewStatus"))
    {
      const char *status;

      g_variant_get (parameters, "(&s)", &status);
      g_ptr_array_add (fixture->statuses, g_strdup (status));
    }
}

static void
watcher_signal_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  Fixture *fixture = user_data;
  const char *item;

  g_variant_get (parameters, "(&s)", &item);
  g_ptr_array_add (fixture->watcher_registered, g_strdup (item));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->dbus);

  fixture->tray_bus = connect_to_bus (fixture);
  fixture->client = connect_to_bus (fixture);
  fixture->watcher = fake_watcher_new (g_test_dbus_get_bus_address (fixture->dbus));

  fixture->item_signals = g_ptr_array_new_with_free_func (g_free);
  fixture->statuses = g_ptr_array_new_with_free_func (g_free);
  fixture->watcher_registered = g_ptr_array_new_with_free_func (g_free);

  fixture->item_signals_id =
    g_dbus_connection_signal_subscribe (fixture->client,
                                        g_dbus_connection_get_unique_name (fixture->tray_bus),
                                        ITEM_INTERFACE, NULL, ITEM_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        item_signal_cb, fixture, NULL);
  fixture->watcher_signals_id =
    g_dbus_connection_signal_subscribe (fixture->client,
                                        NULL,
                                        WATCHER_INTERFACE, "StatusNotifierItemRegistered", WATCHER_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        watcher_signal_cb, fixture, NULL);
}

static void
close_connection (GDBusConnection **connection)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_close_sync (*connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (connection);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fake_watcher_is_running (fixture->watcher))
    fake_watcher_stop (fixture->watcher);
  g_assert_finalize_object (fixture->watcher);

  g_dbus_connection_signal_unsubscribe (fixture->client, fixture->item_signals_id);
  g_dbus_connection_signal_unsubscribe (fixture->client, fixture->watcher_signals_id);
  close_connection (&fixture->client);
  close_connection (&fixture->tray_bus);

  g_clear_pointer (&fixture->item_signals, g_ptr_array_unref);
  g_clear_pointer (&fixture->statuses, g_ptr_array_unref);
  g_clear_pointer (&fixture->watcher_registered, g_ptr_array_unref);
  g_clear_pointer (&fixture->review_platform_id, g_free);

  g_test_dbus_down (fixture->dbus);
  g_clear_object (&fixture->dbus);
}

/* Waiting, with the main loop running: the tray, the watcher and the
 * client all live in this thread.
 */

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_USEC;
  guint wake_up_id = g_timeout_add (50, wake_up_cb, NULL);

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_up_id);
}

static gboolean
time_is_up_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, time_is_up_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} CallResult;

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CallResult *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_is_done (gpointer data)
{
  return ((CallResult *)data)->done;
}

/* A method call from the client, answered while the main loop runs. */
static GVariant *
call (Fixture             *fixture,
      const char          *destination,
      const char          *path,
      const char          *interface,
      const char          *method,
      GVariant            *parameters,
      const GVariantType  *reply_type,
      GError             **error)
{
  CallResult result = { NULL, NULL, FALSE };

  g_dbus_connection_call (fixture->client, destination, path, interface, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, call_cb, &result);
  wait_for (call_is_done, &result);

  if (result.error != NULL)
    g_propagate_error (error, result.error);

  return result.reply;
}

static GVariant *
call_ok (Fixture            *fixture,
         const char         *destination,
         const char         *path,
         const char         *interface,
         const char         *method,
         GVariant           *parameters,
         const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = call (fixture, destination, path, interface, method, parameters, reply_type, &error);
  g_assert_no_error (error);

  return reply;
}

static GVariant *
get_property (Fixture    *fixture,
              const char *destination,
              const char *path,
              const char *interface,
              const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  GVariant *value;

  reply = call_ok (fixture, destination, path, "org.freedesktop.DBus.Properties", "Get",
                   g_variant_new ("(ss)", interface, name), G_VARIANT_TYPE ("(v)"));
  g_variant_get (reply, "(v)", &value);

  return value;
}

static char *
get_string_property (Fixture    *fixture,
                     const char *destination,
                     const char *path,
                     const char *interface,
                     const char *name)
{
  g_autoptr(GVariant) value = get_property (fixture, destination, path, interface, name);

  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING));
  return g_variant_dup_string (value, NULL);
}

/* A round trip to the tray's connection: whatever it sent before has
 * reached the client when this returns.
 */
static void
ping_tray (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call_ok (fixture, g_dbus_connection_get_unique_name (fixture->tray_bus), "/",
                   "org.freedesktop.DBus.Peer", "Ping", NULL, NULL);
}

static char *
get_name_owner (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  char *owner;

  reply = call (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "GetNameOwner", g_variant_new ("(s)", name), G_VARIANT_TYPE ("(s)"), &error);
  if (reply == NULL)
    {
      g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER);
      return NULL;
    }

  g_variant_get (reply, "(s)", &owner);
  return owner;
}

/* The name the tray's item owns on the bus, or NULL while it owns none. */
static char *
find_item_name (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;
  const char *tray_unique_name = g_dbus_connection_get_unique_name (fixture->tray_bus);

  reply = call_ok (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                   "ListNames", NULL, G_VARIANT_TYPE ("(as)"));
  g_variant_get (reply, "(^a&s)", &names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *owner = NULL;

      if (!g_str_has_prefix (names[i], ITEM_NAME_PREFIX))
        continue;

      owner = get_name_owner (fixture, names[i]);
      if (g_strcmp0 (owner, tray_unique_name) == 0)
        return g_strdup (names[i]);
    }

  return NULL;
}

typedef struct
{
  Fixture *fixture;
  char    *name;
} FindItemName;

static gboolean
item_name_is_found (gpointer data)
{
  FindItemName *find = data;

  g_free (find->name);
  find->name = find_item_name (find->fixture);

  return find->name != NULL;
}

static char *
wait_for_item_name (Fixture *fixture)
{
  FindItemName find = { fixture, NULL };

  wait_for (item_name_is_found, &find);

  return find.name;
}

/* The tray under test */

static void
review_cb (UntrainTray *tray,
           const char  *platform_id,
           Fixture     *fixture)
{
  fixture->n_review++;
  g_free (fixture->review_platform_id);
  fixture->review_platform_id = g_strdup (platform_id);
}

static void
check_now_cb (UntrainTray *tray,
              Fixture     *fixture)
{
  fixture->n_check_now++;
}

static void
snooze_cb (UntrainTray *tray,
           Fixture     *fixture)
{
  fixture->n_snooze++;
}

static void
turn_off_cb (UntrainTray *tray,
             Fixture     *fixture)
{
  fixture->n_turn_off++;
}

static UntrainTray *
create_tray (Fixture *fixture)
{
  UntrainTray *tray = untrain_tray_new (fixture->tray_bus);

  g_signal_connect (tray, "review", G_CALLBACK (review_cb), fixture);
  g_signal_connect (tray, "check-now", G_CALLBACK (check_now_cb), fixture);
  g_signal_connect (tray, "snooze", G_CALLBACK (snooze_cb), fixture);
  g_signal_connect (tray, "turn-off-reminders", G_CALLBACK (turn_off_cb), fixture);

  return tray;
}

static gboolean
tray_is_registered (gpointer data)
{
  return untrain_tray_is_registered (UNTRAIN_TRAY (data));
}

static gboolean
tray_is_not_registered (gpointer data)
{
  return !untrain_tray_is_registered (UNTRAIN_TRAY (data));
}

static gboolean
watcher_has_no_items (gpointer data)
{
  return fake_watcher_get_items (FAKE_WATCHER (data))[0] == NULL;
}

static UntrainTray *
create_registered_tray (Fixture *fixture)
{
  UntrainTray *tray;

  fake_watcher_start (fixture->watcher);
  tray = create_tray (fixture);
  wait_for (tray_is_registered, tray);

  return tray;
}

/* The service the watcher was given, where a host finds the item. */
static const char *
get_item_service (Fixture *fixture)
{
  const char *service = fake_watcher_get_last_service (fixture->watcher);

  g_assert_nonnull (service);
  return service;
}

static guint
count_item_signals (Fixture    *fixture,
                    const char *name)
{
  guint n = 0;

  for (guint i = 0; i < fixture->item_signals->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (fixture->item_signals, i), name))
        n++;
    }

  return n;
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
  guint       count;
} SignalCount;

static gboolean
item_signal_count_reached (gpointer data)
{
  SignalCount *wait = data;

  return count_item_signals (wait->fixture, wait->name) >= wait->count;
}

static void
wait_for_item_signal (Fixture    *fixture,
                      const char *name,
                      guint       count)
{
  SignalCount wait = { fixture, name, count };

  wait_for (item_signal_count_reached, &wait);
}

static void
assert_tooltip (Fixture    *fixture,
                const char *icon_name,
                const char *text)
{
  g_autoptr(GVariant) tooltip = NULL;
  g_autoptr(GVariant) pixmaps = NULL;
  const char *tooltip_icon;
  const char *title;
  const char *tooltip_text;

  tooltip = get_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "ToolTip");
  g_assert_cmpstr (g_variant_get_type_string (tooltip), ==, "(sa(iiay)ss)");
  g_variant_get (tooltip, "(&s@a(iiay)&s&s)", &tooltip_icon, &pixmaps, &title, &tooltip_text);

  g_assert_cmpstr (tooltip_icon, ==, icon_name);
  g_assert_cmpuint (g_variant_n_children (pixmaps), ==, 0);
  g_assert_cmpstr (title, ==, "Untrain");
  if (text != NULL)
    g_assert_cmpstr (tooltip_text, ==, text);
  else
    g_assert_cmpstr (tooltip_text, !=, "");
}

/* Registering with the watcher */

static void
test_tray_registers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) items = NULL;
  g_autoptr(GVariant) host = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *expected_item = NULL;
  g_autofree const char **listed = NULL;
  const char * const *watcher_items;
  const char *service;

  tray = create_registered_tray (fixture);
  g_assert_true (untrain_tray_get_visible (tray));

  /* Registered once, by the tray's connection, under a name of its own. */
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 1);
  g_assert_cmpstr (fake_watcher_get_last_sender (fixture->watcher), ==,
                   g_dbus_connection_get_unique_name (fixture->tray_bus));
  service = get_item_service (fixture);
  g_assert_true (g_str_has_prefix (service, ITEM_NAME_PREFIX));
  owner = get_name_owner (fixture, service);
  g_assert_cmpstr (owner, ==, g_dbus_connection_get_unique_name (fixture->tray_bus));

  expected_item = g_strconcat (service, ITEM_PATH, NULL);
  watcher_items = fake_watcher_get_items (fixture->watcher);
  g_assert_cmpstrv (watcher_items, ((const char * const[]) { expected_item, NULL }));

  /* A host sees it as well. */
  items = get_property (fixture, WATCHER_NAME, WATCHER_PATH, WATCHER_INTERFACE,
                        "RegisteredStatusNotifierItems");
  listed = g_variant_get_strv (items, NULL);
  g_assert_cmpstrv (listed, watcher_items);
  host = get_property (fixture, WATCHER_NAME, WATCHER_PATH, WATCHER_INTERFACE,
                       "IsStatusNotifierHostRegistered");
  g_assert_true (g_variant_get_boolean (host));
  version = get_property (fixture, WATCHER_NAME, WATCHER_PATH, WATCHER_INTERFACE, "ProtocolVersion");
  g_assert_cmpint (g_variant_get_int32 (version), ==, 0);

  ping_tray (fixture);
  g_assert_cmpuint (fixture->watcher_registered->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->watcher_registered, 0), ==, expected_item);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
test_tray_properties (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) tooltip = NULL;
  g_autoptr(GVariant) item_is_menu = NULL;
  g_autoptr(GVariant) menu = NULL;
  g_autofree char *status = NULL;
  const char *string;

  tray = create_registered_tray (fixture);

  reply = call_ok (fixture, get_item_service (fixture), ITEM_PATH, "org.freedesktop.DBus.Properties",
                   "GetAll", g_variant_new ("(s)", ITEM_INTERFACE), G_VARIANT_TYPE ("(a{sv})"));
  g_variant_get (reply, "(@a{sv})", &all);

  g_assert_true (g_variant_lookup (all, "Category", "&s", &string));
  g_assert_cmpstr (string, ==, "ApplicationStatus");
  g_assert_true (g_variant_lookup (all, "Id", "&s", &string));
  g_assert_cmpstr (string, ==, "io.github.untrain.Untrain");
  g_assert_true (g_variant_lookup (all, "Title", "&s", &string));
  g_assert_cmpstr (string, ==, "Untrain");
  g_assert_true (g_variant_lookup (all, "Status", "&s", &string));
  g_assert_cmpstr (string, ==, "Passive");
  g_assert_true (g_variant_lookup (all, "IconName", "&s", &string));
  g_assert_cmpstr (string, ==, "io.github.untrain.Untrain-symbolic");
  g_assert_true (g_variant_lookup (all, "AttentionIconName", "&s", &string));
  g_assert_cmpstr (string, !=, "");
  tooltip = g_variant_lookup_value (all, "ToolTip", G_VARIANT_TYPE ("(sa(iiay)ss)"));
  g_assert_nonnull (tooltip);
  g_assert_true (g_variant_lookup (all, "Menu", "&o", &string));
  g_assert_cmpstr (string, ==, MENU_PATH);
  g_assert_cmpuint (g_variant_n_children (all), ==, 9);

  /* One by one, as some hosts read them */
  status = get_string_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Status");
  g_assert_cmpstr (status, ==, "Passive");
  item_is_menu = get_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "ItemIsMenu");
  g_assert_false (g_variant_get_boolean (item_is_menu));
  menu = get_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Menu");
  g_assert_cmpstr (g_variant_get_string (menu, NULL), ==, MENU_PATH);
  assert_tooltip (fixture, "io.github.untrain.Untrain-symbolic", NULL);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
test_tray_attention (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autofree char *status = NULL;
  g_autofree char *attention_icon = NULL;
  g_autofree char *passive_status = NULL;
  guint n_signals;

  tray = create_registered_tray (fixture);
  attention_icon = get_string_property (fixture, get_item_service (fixture), ITEM_PATH,
                                        ITEM_INTERFACE, "AttentionIconName");

  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");
  wait_for_item_signal (fixture, "NewStatus", 1);
  wait_for_item_signal (fixture, "NewToolTip", 1);
  g_assert_cmpuint (fixture->statuses->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->statuses, 0), ==, "NeedsAttention");

  status = get_string_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Status");
  g_assert_cmpstr (status, ==, "NeedsAttention");
  assert_tooltip (fixture, attention_icon, TOOLTIP);

  /* Saying the same again is no news. */
  n_signals = fixture->item_signals->len;
  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");
  ping_tray (fixture);
  g_assert_cmpuint (fixture->item_signals->len, ==, n_signals);

  /* A new sentence is news for the tooltip only. */
  untrain_tray_set_attention (tray, TRUE, "Sign in to LinkedIn again", "linkedin");
  wait_for_item_signal (fixture, "NewToolTip", 2);
  ping_tray (fixture);
  g_assert_cmpuint (count_item_signals (fixture, "NewStatus"), ==, 1);
  assert_tooltip (fixture, attention_icon, "Sign in to LinkedIn again");

  /* All done */
  untrain_tray_set_attention (tray, FALSE, NULL, NULL);
  wait_for_item_signal (fixture, "NewStatus", 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->statuses, 1), ==, "Passive");
  passive_status = get_string_property (fixture, get_item_service (fixture), ITEM_PATH,
                                        ITEM_INTERFACE, "Status");
  g_assert_cmpstr (passive_status, ==, "Passive");
  assert_tooltip (fixture, "io.github.untrain.Untrain-symbolic", NULL);

  /* The icons themselves never change. */
  g_assert_cmpuint (count_item_signals (fixture, "NewIcon"), ==, 0);
  g_assert_cmpuint (count_item_signals (fixture, "NewAttentionIcon"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
activate (Fixture    *fixture,
          const char *method)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call_ok (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, method,
                   g_variant_new ("(ii)", 100, 200), G_VARIANT_TYPE_UNIT);
}

static void
test_tray_activate (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) reply = NULL;

  tray = create_registered_tray (fixture);

  /* Nothing in particular: Untrain opens on its checklist. */
  activate (fixture, "Activate");
  g_assert_cmpuint (fixture->n_review, ==, 1);
  g_assert_null (fixture->review_platform_id);

  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");
  activate (fixture, "Activate");
  g_assert_cmpuint (fixture->n_review, ==, 2);
  g_assert_cmpstr (fixture->review_platform_id, ==, "linkedin");

  activate (fixture, "SecondaryActivate");
  g_assert_cmpuint (fixture->n_review, ==, 3);
  g_assert_cmpstr (fixture->review_platform_id, ==, "linkedin");

  /* The menu is the host's to show; scrolling means nothing here. */
  activate (fixture, "ContextMenu");
  reply = call_ok (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Scroll",
                   g_variant_new ("(is)", 120, "vertical"), G_VARIANT_TYPE_UNIT);
  g_assert_cmpuint (fixture->n_review, ==, 3);
  g_assert_cmpuint (fixture->n_check_now + fixture->n_snooze + fixture->n_turn_off, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

/* The menu */

static const char *expected_labels[] = {
  NULL,
  "Review Now",
  "Check Now",
  "Remind Me Tomorrow",
  "Turn Off Reminders",
};

static GVariant *
get_layout (Fixture            *fixture,
            int                 parent_id,
            int                 depth,
            const char * const *names,
            guint32            *revision)
{
  g_autoptr(GVariant) reply = NULL;
  GVariant *layout;

  reply = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "GetLayout",
                   g_variant_new ("(ii^as)", parent_id, depth, names),
                   G_VARIANT_TYPE ("(u(ia{sv}av))"));
  g_variant_get (reply, "(u@(ia{sv}av))", revision, &layout);

  return layout;
}

static void
assert_menu_item (GVariant   *item,
                  int         id,
                  gboolean    all_properties)
{
  g_autoptr(GVariant) properties = NULL;
  g_autoptr(GVariant) children = NULL;
  const char *label;
  gboolean flag;
  gint32 item_id;

  g_variant_get (item, "(i@a{sv}@av)", &item_id, &properties, &children);
  g_assert_cmpint (item_id, ==, id);
  g_assert_cmpuint (g_variant_n_children (children), ==, 0);

  g_assert_true (g_variant_lookup (properties, "label", "&s", &label));
  g_assert_cmpstr (label, ==, expected_labels[id]);

  if (all_properties)
    {
      g_assert_true (g_variant_lookup (properties, "enabled", "b", &flag));
      g_assert_true (flag);
      g_assert_true (g_variant_lookup (properties, "visible", "b", &flag));
      g_assert_true (flag);
    }
  else
    {
      g_assert_cmpuint (g_variant_n_children (properties), ==, 1);
    }
}

static void
assert_unknown_id (Fixture    *fixture,
                   const char *method,
                   GVariant   *parameters)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, method,
                parameters, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
}

static void
test_tray_menu_layout (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const no_names[] = { NULL };
  static const char * const label_only[] = { "label", NULL };
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) menu = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autoptr(GVariant) direction = NULL;
  g_autoptr(GVariant) status = NULL;
  g_autoptr(GVariant) theme_path = NULL;
  g_autoptr(GVariant) layout = NULL;
  g_autoptr(GVariant) root_properties = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) shallow = NULL;
  g_autoptr(GVariant) labels = NULL;
  g_autoptr(GVariant) one_item = NULL;
  g_autoptr(GVariant) property = NULL;
  g_autoptr(GVariant) group = NULL;
  g_autoptr(GVariant) about_to_show = NULL;
  g_autoptr(GVariant) about_to_show_group = NULL;
  g_autoptr(GVariant) updates_needed = NULL;
  g_autoptr(GVariant) id_errors = NULL;
  const char *children_display;
  guint32 revision;
  guint32 other_revision;
  gint32 root_id;

  tray = create_registered_tray (fixture);

  /* The item points at the menu */
  menu = get_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Menu");
  g_assert_cmpstr (g_variant_get_string (menu, NULL), ==, MENU_PATH);

  version = get_property (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "Version");
  g_assert_cmpuint (g_variant_get_uint32 (version), ==, 3);
  direction = get_property (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "TextDirection");
  g_assert_cmpstr (g_variant_get_string (direction, NULL), ==, "ltr");
  status = get_property (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "Status");
  g_assert_cmpstr (g_variant_get_string (status, NULL), ==, "normal");
  theme_path = get_property (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "IconThemePath");
  g_assert_cmpstr (g_variant_get_type_string (theme_path), ==, "as");
  g_assert_cmpuint (g_variant_n_children (theme_path), ==, 0);

  /* The whole menu: a root holding the four items */
  layout = get_layout (fixture, 0, -1, no_names, &revision);
  g_variant_get (layout, "(i@a{sv}@av)", &root_id, &root_properties, &children);
  g_assert_cmpint (root_id, ==, 0);
  g_assert_true (g_variant_lookup (root_properties, "children-display", "&s", &children_display));
  g_assert_cmpstr (children_display, ==, "submenu");
  g_assert_cmpuint (g_variant_n_children (children), ==, 4);
  for (int id = 1; id <= 4; id++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (children, id - 1);
      g_autoptr(GVariant) item = g_variant_get_variant (boxed);

      assert_menu_item (item, id, TRUE);
    }

  /* Depth 0: the root alone */
  shallow = get_layout (fixture, 0, 0, no_names, &other_revision);
  g_assert_cmpuint (other_revision, ==, revision);
  {
    g_autoptr(GVariant) no_children = g_variant_get_child_value (shallow, 2);

    g_assert_cmpuint (g_variant_n_children (no_children), ==, 0);
  }

  /* Only the properties asked for */
  labels = get_layout (fixture, 0, 1, label_only, &other_revision);
  for (int id = 1; id <= 4; id++)
    {
      g_autoptr(GVariant) all_children = g_variant_get_child_value (labels, 2);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (all_children, id - 1);
      g_autoptr(GVariant) item = g_variant_get_variant (boxed);

      assert_menu_item (item, id, FALSE);
    }

  /* One item as the parent */
  one_item = get_layout (fixture, 3, -1, no_names, &other_revision);
  assert_menu_item (one_item, 3, TRUE);

  property = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "GetProperty",
                      g_variant_new ("(is)", 3, "label"), G_VARIANT_TYPE ("(v)"));
  g_assert_cmpstr (g_variant_get_type_string (property), ==, "(v)");
  {
    g_autoptr(GVariant) label = NULL;

    g_variant_get (property, "(v)", &label);
    g_assert_cmpstr (g_variant_get_string (label, NULL), ==, "Remind Me Tomorrow");
  }

  /* Several items: ids the menu does not have are left out */
  group = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "GetGroupProperties",
                   g_variant_new ("(@ai^as)",
                                  g_variant_new_fixed_array (G_VARIANT_TYPE_INT32,
                                                             (gint32[]) { 1, 4, 42 }, 3, sizeof (gint32)),
                                  no_names),
                   G_VARIANT_TYPE ("(a(ia{sv}))"));
  {
    g_autoptr(GVariant) entries = g_variant_get_child_value (group, 0);
    g_autoptr(GVariant) first_properties = NULL;
    g_autoptr(GVariant) second_properties = NULL;
    const char *label;
    gint32 first_id;
    gint32 second_id;

    g_assert_cmpuint (g_variant_n_children (entries), ==, 2);
    g_variant_get_child (entries, 0, "(i@a{sv})", &first_id, &first_properties);
    g_variant_get_child (entries, 1, "(i@a{sv})", &second_id, &second_properties);
    g_assert_cmpint (first_id, ==, 1);
    g_assert_cmpint (second_id, ==, 4);
    g_assert_true (g_variant_lookup (second_properties, "label", "&s", &label));
    g_assert_cmpstr (label, ==, "Turn Off Reminders");
  }

  about_to_show = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "AboutToShow",
                           g_variant_new ("(i)", 0), G_VARIANT_TYPE ("(b)"));
  {
    gboolean need_update = TRUE;

    g_variant_get (about_to_show, "(b)", &need_update);
    g_assert_false (need_update);
  }

  about_to_show_group = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE,
                                 "AboutToShowGroup",
                                 g_variant_new ("(@ai)",
                                                g_variant_new_fixed_array (G_VARIANT_TYPE_INT32,
                                                                           (gint32[]) { 0, 2, 42 }, 3,
                                                                           sizeof (gint32))),
                                 G_VARIANT_TYPE ("(aiai)"));
  g_variant_get (about_to_show_group, "(@ai@ai)", &updates_needed, &id_errors);
  g_assert_cmpuint (g_variant_n_children (updates_needed), ==, 0);
  g_assert_cmpuint (g_variant_n_children (id_errors), ==, 1);
  {
    gint32 error_id;

    g_variant_get_child (id_errors, 0, "i", &error_id);
    g_assert_cmpint (error_id, ==, 42);
  }

  /* Ids the menu does not have */
  assert_unknown_id (fixture, "GetLayout", g_variant_new ("(ii^as)", 42, -1, no_names));
  assert_unknown_id (fixture, "GetProperty", g_variant_new ("(is)", 42, "label"));
  assert_unknown_id (fixture, "GetProperty", g_variant_new ("(is)", 1, "no-such-property"));
  assert_unknown_id (fixture, "AboutToShow", g_variant_new ("(i)", -1));

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
send_event (Fixture    *fixture,
            int         id,
            const char *event_id)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "Event",
                   g_variant_new ("(isvu)", id, event_id, g_variant_new_int32 (0), 0),
                   G_VARIANT_TYPE_UNIT);
}

static void
test_tray_menu_events (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) not_found = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder events;
  gint32 not_found_id;

  tray = create_registered_tray (fixture);
  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");

  send_event (fixture, 1, "clicked");
  g_assert_cmpuint (fixture->n_review, ==, 1);
  g_assert_cmpstr (fixture->review_platform_id, ==, "linkedin");
  g_assert_cmpuint (fixture->n_check_now + fixture->n_snooze + fixture->n_turn_off, ==, 0);

  send_event (fixture, 2, "clicked");
  g_assert_cmpuint (fixture->n_check_now, ==, 1);
  g_assert_cmpuint (fixture->n_review + fixture->n_snooze + fixture->n_turn_off, ==, 1);

  send_event (fixture, 3, "clicked");
  g_assert_cmpuint (fixture->n_snooze, ==, 1);
  g_assert_cmpuint (fixture->n_review + fixture->n_check_now + fixture->n_turn_off, ==, 2);

  send_event (fixture, 4, "clicked");
  g_assert_cmpuint (fixture->n_turn_off, ==, 1);
  g_assert_cmpuint (fixture->n_review + fixture->n_check_now + fixture->n_snooze, ==, 3);

  /* Hovering, opening the menu, or clicking its root does nothing. */
  send_event (fixture, 1, "hovered");
  send_event (fixture, 0, "opened");
  send_event (fixture, 0, "clicked");
  send_event (fixture, 0, "closed");
  g_assert_cmpuint (fixture->n_review + fixture->n_check_now + fixture->n_snooze + fixture->n_turn_off, ==, 4);

  reply = call (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "Event",
                g_variant_new ("(isvu)", 42, "clicked", g_variant_new_int32 (0), 0), NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  g_clear_error (&error);

  /* A group: the ids not found come back, the others act */
  g_variant_builder_init (&events, G_VARIANT_TYPE ("a(isvu)"));
  g_variant_builder_add (&events, "(isvu)", 2, "clicked", g_variant_new_string (""), 0);
  g_variant_builder_add (&events, "(isvu)", 42, "clicked", g_variant_new_string (""), 0);
  g_variant_builder_add (&events, "(isvu)", 3, "clicked", g_variant_new_string (""), 0);
  reply = call_ok (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "EventGroup",
                   g_variant_new ("(a(isvu))", &events), G_VARIANT_TYPE ("(ai)"));
  g_variant_get (reply, "(@ai)", &not_found);
  g_assert_cmpuint (g_variant_n_children (not_found), ==, 1);
  g_variant_get_child (not_found, 0, "i", &not_found_id);
  g_assert_cmpint (not_found_id, ==, 42);
  g_assert_cmpuint (fixture->n_check_now, ==, 2);
  g_assert_cmpuint (fixture->n_snooze, ==, 2);
  g_clear_pointer (&reply, g_variant_unref);

  /* None found: an error, as the protocol says */
  g_variant_builder_init (&events, G_VARIANT_TYPE ("a(isvu)"));
  g_variant_builder_add (&events, "(isvu)", 42, "clicked", g_variant_new_string (""), 0);
  reply = call (fixture, get_item_service (fixture), MENU_PATH, MENU_INTERFACE, "EventGroup",
                g_variant_new ("(a(isvu))", &events), NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);

  g_assert_cmpuint (fixture->n_review, ==, 1);
  g_assert_cmpuint (fixture->n_turn_off, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

/* A handler may drop the icon from within a menu event. */
static void
hide_tray_cb (UntrainTray *tray,
              gpointer     user_data)
{
  untrain_tray_set_visible (tray, FALSE);
}

static void
test_tray_menu_turn_off_hides (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;

  tray = create_registered_tray (fixture);
  g_signal_connect (tray, "turn-off-reminders", G_CALLBACK (hide_tray_cb), NULL);

  send_event (fixture, 4, "clicked");
  g_assert_cmpuint (fixture->n_turn_off, ==, 1);
  g_assert_false (untrain_tray_get_visible (tray));
  g_assert_false (untrain_tray_is_registered (tray));
  wait_for (watcher_has_no_items, fixture->watcher);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

/* The watcher coming and going */

static void
test_tray_watcher_restarts (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autofree char *first_watcher = NULL;
  g_autofree char *expected_item = NULL;

  tray = create_registered_tray (fixture);
  first_watcher = g_strdup (fake_watcher_get_unique_name (fixture->watcher));
  expected_item = g_strconcat (get_item_service (fixture), ITEM_PATH, NULL);

  fake_watcher_stop (fixture->watcher);
  wait_for (tray_is_not_registered, tray);

  fake_watcher_start (fixture->watcher);
  g_assert_cmpstr (fake_watcher_get_unique_name (fixture->watcher), !=, first_watcher);
  wait_for (tray_is_registered, tray);

  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 2);
  g_assert_cmpstrv (fake_watcher_get_items (fixture->watcher),
                    ((const char * const[]) { expected_item, NULL }));

  /* And again, quickly: down and up before the tray has noticed */
  fake_watcher_stop (fixture->watcher);
  fake_watcher_start (fixture->watcher);
  wait_for (tray_is_not_registered, tray);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 3);
  g_assert_cmpstrv (fake_watcher_get_items (fixture->watcher),
                    ((const char * const[]) { expected_item, NULL }));

  /* The restarted tray still finds the item where it was. */
  {
    g_autofree char *status = get_string_property (fixture, get_item_service (fixture), ITEM_PATH,
                                                   ITEM_INTERFACE, "Status");

    g_assert_cmpstr (status, ==, "Passive");
  }

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
test_tray_no_watcher (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autofree char *item_name = NULL;
  g_autofree char *status = NULL;

  /* Warnings and criticals are fatal here: there must be none. */
  tray = create_tray (fixture);
  item_name = wait_for_item_name (fixture);
  spin_for (QUIET_PERIOD_MSEC);
  g_assert_false (untrain_tray_is_registered (tray));

  /* Nothing breaks: the icon works, for a tray that may come. */
  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");
  status = get_string_property (fixture, item_name, ITEM_PATH, ITEM_INTERFACE, "Status");
  g_assert_cmpstr (status, ==, "NeedsAttention");

  /* A tray that comes later gets it. */
  fake_watcher_start (fixture->watcher);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 1);
  g_assert_cmpstr (get_item_service (fixture), ==, item_name);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
assert_not_exported (Fixture    *fixture,
                     const char *path,
                     const char *interface)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call (fixture, g_dbus_connection_get_unique_name (fixture->tray_bus), path,
                "org.freedesktop.DBus.Properties", "GetAll", g_variant_new ("(s)", interface),
                NULL, &error);
  g_assert_null (reply);
  g_assert_nonnull (error);
  g_assert_true (g_dbus_error_is_remote_error (error));
}

static void
test_tray_hidden (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autofree char *item_name = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *status = NULL;

  tray = create_registered_tray (fixture);
  item_name = g_strdup (get_item_service (fixture));

  /* Hidden: the name leaves the bus, and the watcher drops the item. */
  untrain_tray_set_visible (tray, FALSE);
  g_assert_false (untrain_tray_get_visible (tray));
  g_assert_false (untrain_tray_is_registered (tray));
  wait_for (watcher_has_no_items, fixture->watcher);
  owner = get_name_owner (fixture, item_name);
  g_assert_null (owner);
  assert_not_exported (fixture, ITEM_PATH, ITEM_INTERFACE);
  assert_not_exported (fixture, MENU_PATH, MENU_INTERFACE);

  /* Nor does a tray that comes back while hidden get it. */
  fake_watcher_stop (fixture->watcher);
  fake_watcher_start (fixture->watcher);
  untrain_tray_set_attention (tray, TRUE, TOOLTIP, "linkedin");
  spin_for (QUIET_PERIOD_MSEC);
  ping_tray (fixture);
  g_assert_false (untrain_tray_is_registered (tray));
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 1);
  g_assert_null (fake_watcher_get_items (fixture->watcher)[0]);
  g_assert_cmpuint (count_item_signals (fixture, "NewStatus"), ==, 0);

  /* Shown again: exported and registered, saying what it was told */
  untrain_tray_set_visible (tray, TRUE);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 2);
  g_assert_cmpstr (get_item_service (fixture), ==, item_name);
  status = get_string_property (fixture, item_name, ITEM_PATH, ITEM_INTERFACE, "Status");
  g_assert_cmpstr (status, ==, "NeedsAttention");
  assert_tooltip (fixture, "dialog-warning-symbolic", TOOLTIP);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
test_tray_hidden_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  g_autofree char *item_name = NULL;

  /* Hidden before the bus has answered anything */
  fake_watcher_start (fixture->watcher);
  tray = create_tray (fixture);
  untrain_tray_set_visible (tray, FALSE);
  spin_for (QUIET_PERIOD_MSEC);
  ping_tray (fixture);

  g_assert_false (untrain_tray_is_registered (tray));
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 0);
  item_name = find_item_name (fixture);
  g_assert_null (item_name);
  assert_not_exported (fixture, ITEM_PATH, ITEM_INTERFACE);
  assert_not_exported (fixture, MENU_PATH, MENU_INTERFACE);

  untrain_tray_set_visible (tray, TRUE);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

/* Where the item cannot own its name (a sandbox that does not let it),
 * it registers the connection's unique name. Item names are numbered in
 * order within a process, so the test takes the next one first.
 */
static void
test_tray_name_taken (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UntrainTray) first = NULL;
  g_autoptr(UntrainTray) tray = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *next_name = NULL;
  g_autofree char *expected_item = NULL;
  g_autofree char *status = NULL;
  const char *tray_unique_name = g_dbus_connection_get_unique_name (fixture->tray_bus);
  const char *last_dash;
  guint32 result;

  first = create_tray (fixture);
  first_name = wait_for_item_name (fixture);
  g_assert_finalize_object (g_steal_pointer (&first));

  last_dash = strrchr (first_name, '-');
  next_name = g_strdup_printf ("%.*s-%u", (int)(last_dash - first_name), first_name,
                               (guint)g_ascii_strtoull (last_dash + 1, NULL, 10) + 1);
  reply = call_ok (fixture, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                   "RequestName", g_variant_new ("(su)", next_name, 4 /* DO_NOT_QUEUE */),
                   G_VARIANT_TYPE ("(u)"));
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* PRIMARY_OWNER */);

  fake_watcher_start (fixture->watcher);
  tray = create_tray (fixture);
  wait_for (tray_is_registered, tray);

  g_assert_cmpstr (get_item_service (fixture), ==, tray_unique_name);
  expected_item = g_strconcat (tray_unique_name, ITEM_PATH, NULL);
  g_assert_cmpstrv (fake_watcher_get_items (fixture->watcher),
                    ((const char * const[]) { expected_item, NULL }));
  status = get_string_property (fixture, get_item_service (fixture), ITEM_PATH, ITEM_INTERFACE, "Status");
  g_assert_cmpstr (status, ==, "Passive");

  /* Hidden, it is no longer exported, though the watcher lists the
   * connection until it closes; shown, it registers again.
   */
  untrain_tray_set_visible (tray, FALSE);
  g_assert_false (untrain_tray_is_registered (tray));
  assert_not_exported (fixture, ITEM_PATH, ITEM_INTERFACE);
  untrain_tray_set_visible (tray, TRUE);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

static void
test_tray_hidden_by_property (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(UntrainTray) tray = NULL;
  guint n_registered_notify = 0;
  guint n_visible_notify = 0;

  fake_watcher_start (fixture->watcher);
  tray = g_object_new (UNTRAIN_TYPE_TRAY,
                       "bus", fixture->tray_bus,
                       "visible", FALSE,
                       NULL);
  g_signal_connect_swapped (tray, "notify::registered", G_CALLBACK (count_notify_cb), &n_registered_notify);
  g_signal_connect_swapped (tray, "notify::visible", G_CALLBACK (count_notify_cb), &n_visible_notify);
  spin_for (QUIET_PERIOD_MSEC);
  g_assert_false (untrain_tray_get_visible (tray));
  g_assert_false (untrain_tray_is_registered (tray));
  g_assert_cmpuint (fake_watcher_get_n_registrations (fixture->watcher), ==, 0);
  g_assert_cmpuint (n_registered_notify, ==, 0);

  g_object_set (tray, "visible", TRUE, NULL);
  g_assert_cmpuint (n_visible_notify, ==, 1);
  wait_for (tray_is_registered, tray);
  g_assert_cmpuint (n_registered_notify, ==, 1);

  /* Setting what is already so announces nothing. */
  untrain_tray_set_visible (tray, TRUE);
  g_assert_cmpuint (n_visible_notify, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&tray));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/tray/registers", test_tray_registers);
  ADD_TEST ("/tray/properties", test_tray_properties);
  ADD_TEST ("/tray/attention", test_tray_attention);
  ADD_TEST ("/tray/activate", test_tray_activate);
  ADD_TEST ("/tray/menu/layout", test_tray_menu_layout);
  ADD_TEST ("/tray/menu/events", test_tray_menu_events);
  ADD_TEST ("/tray/menu/turn-off-hides", test_tray_menu_turn_off_hides);
  ADD_TEST ("/tray/watcher-restarts", test_tray_watcher_restarts);
  ADD_TEST ("/tray/no-watcher", test_tray_no_watcher);
  ADD_TEST ("/tray/hidden", test_tray_hidden);
  ADD_TEST ("/tray/hidden-at-once", test_tray_hidden_at_once);
  ADD_TEST ("/tray/hidden-by-property", test_tray_hidden_by_property);
  ADD_TEST ("/tray/name-taken", test_tray_name_taken);

#undef ADD_TEST

  return g_test_run ();
}
