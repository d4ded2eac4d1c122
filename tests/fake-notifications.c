/* fake-notifications.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fake-notifications"

#include "config.h"

#include "fake-notifications.h"

/* org.freedesktop.Notifications as the Desktop Notifications
 * Specification 1.2 describes it, with nothing shown on screen: what
 * arrives is recorded for the tests to read.
 */

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

struct _FakeNotifications
{
  GObject          parent_instance;

  GDBusConnection *connection;
  guint            registration_id;

  GPtrArray       *calls;     /* of FakeNotification, every Notify in order */
  GHashTable      *open;      /* id → FakeNotification in calls, on screen */
  guint32          last_id;
  guint            n_close_calls;
};

G_DEFINE_FINAL_TYPE (FakeNotifications, fake_notifications, G_TYPE_OBJECT)

static void
fake_notification_free (FakeNotification *notification)
{
  g_free (notification->sender);
  g_free (notification->app_name);
  g_free (notification->app_icon);
  g_free (notification->summary);
  g_free (notification->body);
  g_strfreev (notification->actions);
  g_clear_pointer (&notification->hints, g_variant_unref);
  g_free (notification);
}

static void
emit_signal (FakeNotifications *self,
             guint32            id,
             const char        *name,
             GVariant          *parameters)
{
  FakeNotification *notification = g_hash_table_lookup (self->open, GUINT_TO_POINTER (id));
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (self->connection,
                                 notification != NULL ? notification->sender : NULL,
                                 FAKE_NOTIFICATIONS_PATH,
                                 FAKE_NOTIFICATIONS_NAME,
                                 name, parameters, &error);
  if (error != NULL)
    g_warning ("Could not emit %s: %s", name, error->message);
}

static void
handle_notify (FakeNotifications     *self,
               const char            *sender,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation)
{
  FakeNotification *notification = g_new0 (FakeNotification, 1);

  notification->sender = g_strdup (sender);
  g_variant_get (parameters, "(susss^as@a{sv}i)",
                 &notification->app_name,
                 &notification->replaces_id,
                 &notification->app_icon,
                 &notification->summary,
                 &notification->body,
                 &notification->actions,
                 &notification->hints,
                 &notification->timeout);

  /* The specification: a replaced notification keeps its id. One that is
   * no longer there cannot be replaced, and gets a new one.
   */
  if (notification->replaces_id != 0 &&
      g_hash_table_contains (self->open, GUINT_TO_POINTER (notification->replaces_id)))
    notification->id = notification->replaces_id;
  else
    notification->id = ++self->last_id;

  g_ptr_array_add (self->calls, notification);
  g_hash_table_insert (self->open, GUINT_TO_POINTER (notification->id), notification);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notification->id));
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FakeNotifications *self = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      handle_notify (self, sender, parameters, invocation);
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      self->n_close_calls++;

      /* The specification: closing one that is not there is no error,
       * and says nothing.
       */
      if (g_hash_table_contains (self->open, GUINT_TO_POINTER (id)))
        fake_notifications_close (self, id, FAKE_NOTIFICATIONS_CLOSED_BY_CALL);

      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      static const char * const capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", capabilities));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "Fake Notifications",
                                                            "Untrain tests", PACKAGE_VERSION, "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No such method: %s", method_name);
    }
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL };

static void
fake_notifications_finalize (GObject *object)
{
  FakeNotifications *self = (FakeNotifications *)object;

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);

  if (!g_dbus_connection_is_closed (self->connection))
    {
      g_autoptr(GVariant) reply = NULL;

      reply = g_dbus_connection_call_sync (self->connection,
                                           "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "ReleaseName",
                                           g_variant_new ("(s)", FAKE_NOTIFICATIONS_NAME),
                                           G_VARIANT_TYPE ("(u)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    }

  g_clear_pointer (&self->open, g_hash_table_unref);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (fake_notifications_parent_class)->finalize (object);
}

static void
fake_notifications_class_init (FakeNotificationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fake_notifications_finalize;
}

static void
fake_notifications_init (FakeNotifications *self)
{
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify)fake_notification_free);
  self->open = g_hash_table_new (NULL, NULL);
}

FakeNotifications *
fake_notifications_new (GDBusConnection *connection)
{
  g_autoptr(FakeNotifications) self = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);

  self = g_object_new (FAKE_TYPE_NOTIFICATIONS, NULL);
  self->connection = g_object_ref (connection);

  node = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);

  self->registration_id = g_dbus_connection_register_object (connection,
                                                             FAKE_NOTIFICATIONS_PATH,
                                                             node->interfaces[0],
                                                             &vtable, self, NULL,
                                                             &error);
  g_assert_no_error (error);

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 is DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
  reply = g_dbus_connection_call_sync (connection,
                                       "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", FAKE_NOTIFICATIONS_NAME, 4),
                                       G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);

  return g_steal_pointer (&self);
}

guint
fake_notifications_get_n_notify (FakeNotifications *self)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), 0);

  return self->calls->len;
}

/**
 * fake_notifications_get_notify_call:
 *
 * Returns: (transfer none): the index'th Notify call, from 0
 */
const FakeNotification *
fake_notifications_get_notify_call (FakeNotifications *self,
                                    guint              index)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), NULL);
  g_return_val_if_fail (index < self->calls->len, NULL);

  return g_ptr_array_index (self->calls, index);
}

/**
 * fake_notifications_get_last:
 *
 * Returns: (transfer none) (nullable): the last Notify call
 */
const FakeNotification *
fake_notifications_get_last (FakeNotifications *self)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), NULL);

  if (self->calls->len == 0)
    return NULL;

  return g_ptr_array_index (self->calls, self->calls->len - 1);
}

guint
fake_notifications_get_n_close_calls (FakeNotifications *self)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), 0);

  return self->n_close_calls;
}

guint
fake_notifications_get_n_open (FakeNotifications *self)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), 0);

  return g_hash_table_size (self->open);
}

/**
 * fake_notifications_lookup:
 *
 * Returns: (transfer none) (nullable): the notification on screen with
 *   this id, as its last Notify call gave it
 */
const FakeNotification *
fake_notifications_lookup (FakeNotifications *self,
                           guint32            id)
{
  g_return_val_if_fail (FAKE_IS_NOTIFICATIONS (self), NULL);

  return g_hash_table_lookup (self->open, GUINT_TO_POINTER (id));
}

/**
 * fake_notifications_invoke_action:
 *
 * Emits ActionInvoked for @id, as a click on the notification
 * ("default") or one of its buttons does. It stays on screen: close it
 * with fake_notifications_close() to go on as a server that does not keep
 * notifications would.
 */
void
fake_notifications_invoke_action (FakeNotifications *self,
                                  guint32            id,
                                  const char        *action_key)
{
  g_return_if_fail (FAKE_IS_NOTIFICATIONS (self));
  g_return_if_fail (action_key != NULL);

  emit_signal (self, id, "ActionInvoked", g_variant_new ("(us)", id, action_key));
}

/**
 * fake_notifications_close:
 *
 * Takes @id off the screen, if it is there, and emits NotificationClosed
 * with @reason.
 */
void
fake_notifications_close (FakeNotifications *self,
                          guint32            id,
                          guint32            reason)
{
  g_return_if_fail (FAKE_IS_NOTIFICATIONS (self));

  emit_signal (self, id, "NotificationClosed", g_variant_new ("(uu)", id, reason));
  g_hash_table_remove (self->open, GUINT_TO_POINTER (id));
}

const char *
fake_notification_get_hint_string (const FakeNotification *notification,
                                   const char             *name)
{
  const char *value = NULL;

  g_return_val_if_fail (notification != NULL, NULL);

  if (!g_variant_lookup (notification->hints, name, "&s", &value))
    return NULL;

  return value;
}

gboolean
fake_notification_get_hint_byte (const FakeNotification *notification,
                                 const char             *name,
                                 guint8                 *value)
{
  g_return_val_if_fail (notification != NULL, FALSE);

  return g_variant_lookup (notification->hints, name, "y", value);
}
