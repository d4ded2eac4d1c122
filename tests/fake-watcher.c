/* fake-watcher.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fake-watcher"

#include "config.h"

#include "fake-watcher.h"

#define WATCHER_NAME      "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH      "/StatusNotifierWatcher"
#define WATCHER_INTERFACE "org.kde.StatusNotifierWatcher"
#define DEFAULT_ITEM_PATH "/StatusNotifierItem"

/* From the D-Bus specification */
#define DBUS_NAME_FLAG_DO_NOT_QUEUE        4
#define DBUS_REQUEST_NAME_REPLY_PRIMARY    1

static const char watcher_xml[] =
  "<node>"
  "  <interface name='" WATCHER_INTERFACE "'>"
  "    <method name='RegisterStatusNotifierItem'>"
  "      <arg name='service' type='s' direction='in'/>"
  "    </method>"
  "    <method name='RegisterStatusNotifierHost'>"
  "      <arg name='service' type='s' direction='in'/>"
  "    </method>"
  "    <property name='RegisteredStatusNotifierItems' type='as' access='read'/>"
  "    <property name='IsStatusNotifierHostRegistered' type='b' access='read'/>"
  "    <property name='ProtocolVersion' type='i' access='read'/>"
  "    <signal name='StatusNotifierItemRegistered'>"
  "      <arg name='service' type='s'/>"
  "    </signal>"
  "    <signal name='StatusNotifierItemUnregistered'>"
  "      <arg name='service' type='s'/>"
  "    </signal>"
  "    <signal name='StatusNotifierHostRegistered'/>"
  "    <signal name='StatusNotifierHostUnregistered'/>"
  "  </interface>"
  "</node>";

/* An item: its name on the bus and the string the watcher lists. */
typedef struct
{
  char *service;
  char *item;
} Item;

struct _FakeWatcher
{
  GObject          parent_instance;

  char            *bus_address;
  GDBusNodeInfo   *info;

  /* While it runs */
  GDBusConnection *connection;
  guint            object_id;
  guint            name_owner_changed_id;
  GPtrArray       *items;       /* of Item */
  GPtrArray       *item_names;  /* NULL-terminated, of the items' strings */

  /* Over all its lives */
  guint            n_registrations;
  char            *last_sender;
  char            *last_service;
};

enum {
  ITEM_REGISTERED,
  ITEM_UNREGISTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FakeWatcher, fake_watcher, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->service);
  g_free (item->item);
  g_free (item);
}

static void
update_item_names (FakeWatcher *self)
{
  g_ptr_array_set_size (self->item_names, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      g_ptr_array_add (self->item_names, item->item);
    }
}

static void
emit_watcher_signal (FakeWatcher *self,
                     const char  *name,
                     const char  *item)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->connection, NULL, WATCHER_PATH, WATCHER_INTERFACE,
                                      name, g_variant_new ("(s)", item), &error))
    g_debug ("Could not emit %s: %s", name, error->message);
}

static gboolean
has_item (FakeWatcher *self,
          const char  *item_name)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (item->item, item_name))
        return TRUE;
    }

  return FALSE;
}

static void
register_item (FakeWatcher           *self,
               GDBusMethodInvocation *invocation,
               const char            *argument)
{
  const char *sender = g_dbus_method_invocation_get_sender (invocation);
  const char *service;
  const char *path;
  Item *item;

  /* KDE's convention: a path means "on the caller's connection". */
  if (argument[0] == '/')
    {
      service = sender;
      path = argument;
    }
  else
    {
      service = argument;
      path = DEFAULT_ITEM_PATH;
    }

  if (!g_dbus_is_name (service) ||
      (argument[0] == '/' && !g_variant_is_object_path (path)))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Not a bus name or an object path: %s", argument);
      return;
    }

  self->n_registrations++;
  g_free (self->last_sender);
  self->last_sender = g_strdup (sender);
  g_free (self->last_service);
  self->last_service = g_strdup (argument);

  item = g_new0 (Item, 1);
  item->service = g_strdup (service);
  item->item = g_strconcat (service, path, NULL);

  /* Registering again changes nothing. */
  if (has_item (self, item->item))
    {
      item_free (item);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  g_ptr_array_add (self->items, item);
  update_item_names (self);

  g_dbus_method_invocation_return_value (invocation, NULL);

  emit_watcher_signal (self, "StatusNotifierItemRegistered", item->item);
  g_signal_emit (self, signals[ITEM_REGISTERED], 0, item->item);
}

static void
watcher_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  FakeWatcher *self = user_data;
  const char *argument;

  g_variant_get (parameters, "(&s)", &argument);

  if (g_str_equal (method_name, "RegisterStatusNotifierItem"))
    {
      register_item (self, invocation, argument);
    }
  else
    {
      /* RegisterStatusNotifierHost: there is always one. */
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static GVariant *
watcher_get_property (GDBusConnection  *connection,
                      const char       *sender,
                      const char       *object_path,
                      const char       *interface_name,
                      const char       *property_name,
                      GError          **error,
                      gpointer          user_data)
{
  FakeWatcher *self = user_data;

  if (g_str_equal (property_name, "RegisteredStatusNotifierItems"))
    return g_variant_new_strv ((const char * const *)self->item_names->pdata, -1);

  if (g_str_equal (property_name, "IsStatusNotifierHostRegistered"))
    return g_variant_new_boolean (TRUE);

  if (g_str_equal (property_name, "ProtocolVersion"))
    return g_variant_new_int32 (0);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable watcher_vtable = {
  watcher_method_call,
  watcher_get_property,
  NULL,
};

/* An item whose name left the bus is gone. */
static void
name_owner_changed_cb (GDBusConnection *connection,
                       const char      *sender_name,
                       const char      *object_path,
                       const char      *interface_name,
                       const char      *signal_name,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  FakeWatcher *self = user_data;
  const char *name;
  const char *old_owner;
  const char *new_owner;

  g_variant_get (parameters, "(&s&s&s)", &name, &old_owner, &new_owner);
  if (new_owner[0] != '\0')
    return;

  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = g_ptr_array_index (self->items, i - 1);
      g_autofree char *item_name = NULL;

      if (!g_str_equal (item->service, name))
        continue;

      item_name = g_strdup (item->item);
      g_ptr_array_remove_index (self->items, i - 1);
      update_item_names (self);

      emit_watcher_signal (self, "StatusNotifierItemUnregistered", item_name);
      g_signal_emit (self, signals[ITEM_UNREGISTERED], 0, item_name);
    }
}

static void
fake_watcher_dispose (GObject *object)
{
  FakeWatcher *self = (FakeWatcher *)object;

  if (self->connection != NULL)
    fake_watcher_stop (self);

  G_OBJECT_CLASS (fake_watcher_parent_class)->dispose (object);
}

static void
fake_watcher_finalize (GObject *object)
{
  FakeWatcher *self = (FakeWatcher *)object;

  g_clear_pointer (&self->bus_address, g_free);
  g_clear_pointer (&self->info, g_dbus_node_info_unref);
  g_clear_pointer (&self->item_names, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->last_sender, g_free);
  g_clear_pointer (&self->last_service, g_free);

  G_OBJECT_CLASS (fake_watcher_parent_class)->finalize (object);
}

static void
fake_watcher_class_init (FakeWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fake_watcher_dispose;
  object_class->finalize = fake_watcher_finalize;

  signals[ITEM_REGISTERED] =
    g_signal_new ("item-registered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[ITEM_UNREGISTERED] =
    g_signal_new ("item-unregistered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fake_watcher_init (FakeWatcher *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->item_names = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  self->info = g_dbus_node_info_new_for_xml (watcher_xml, NULL);
  g_assert (self->info != NULL);
}

FakeWatcher *
fake_watcher_new (const char *bus_address)
{
  FakeWatcher *self;

  g_return_val_if_fail (bus_address != NULL, NULL);

  self = g_object_new (FAKE_TYPE_WATCHER, NULL);
  self->bus_address = g_strdup (bus_address);

  return self;
}

/**
 * fake_watcher_start:
 *
 * Connects, exports the watcher and owns its name; the name is on the bus
 * when this returns.
 */
void
fake_watcher_start (FakeWatcher *self)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  g_return_if_fail (FAKE_IS_WATCHER (self));
  g_return_if_fail (self->connection == NULL);

  self->connection =
    g_dbus_connection_new_for_address_sync (self->bus_address,
                                            (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                            NULL, NULL, &error);
  g_assert_no_error (error);

  self->object_id = g_dbus_connection_register_object (self->connection, WATCHER_PATH,
                                                       self->info->interfaces[0],
                                                       &watcher_vtable, self, NULL, &error);
  g_assert_no_error (error);

  self->name_owner_changed_id =
    g_dbus_connection_signal_subscribe (self->connection,
                                        "org.freedesktop.DBus",
                                        "org.freedesktop.DBus",
                                        "NameOwnerChanged",
                                        "/org/freedesktop/DBus",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        name_owner_changed_cb,
                                        self,
                                        NULL);

  /* Talks to the bus daemon only: blocking does not hold up anyone here. */
  reply = g_dbus_connection_call_sync (self->connection,
                                       "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", WATCHER_NAME, DBUS_NAME_FLAG_DO_NOT_QUEUE),
                                       G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, DBUS_REQUEST_NAME_REPLY_PRIMARY);
}

/**
 * fake_watcher_stop:
 *
 * Goes away as a watcher that quits or crashes does: its connection
 * closes, its name leaves the bus, and what it knew is forgotten.
 */
void
fake_watcher_stop (FakeWatcher *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FAKE_IS_WATCHER (self));
  g_return_if_fail (self->connection != NULL);

  g_dbus_connection_signal_unsubscribe (self->connection, self->name_owner_changed_id);
  self->name_owner_changed_id = 0;
  g_dbus_connection_unregister_object (self->connection, self->object_id);
  self->object_id = 0;

  g_ptr_array_set_size (self->items, 0);
  update_item_names (self);

  g_dbus_connection_close_sync (self->connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&self->connection);
}

gboolean
fake_watcher_is_running (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), FALSE);

  return self->connection != NULL;
}

/**
 * fake_watcher_get_unique_name:
 *
 * Returns: (nullable): the unique name of the running watcher
 */
const char *
fake_watcher_get_unique_name (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), NULL);

  if (self->connection == NULL)
    return NULL;

  return g_dbus_connection_get_unique_name (self->connection);
}

/**
 * fake_watcher_get_items:
 *
 * Returns: (transfer none): the items registered now, as
 *   RegisteredStatusNotifierItems lists them
 */
const char * const *
fake_watcher_get_items (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), NULL);

  return (const char * const *)self->item_names->pdata;
}

/**
 * fake_watcher_get_n_registrations:
 *
 * Returns: how many RegisterStatusNotifierItem calls it took, over all
 *   its lives
 */
guint
fake_watcher_get_n_registrations (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), 0);

  return self->n_registrations;
}

/**
 * fake_watcher_get_last_sender:
 *
 * Returns: (nullable): the unique name of the last connection that
 *   registered an item
 */
const char *
fake_watcher_get_last_sender (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), NULL);

  return self->last_sender;
}

/**
 * fake_watcher_get_last_service:
 *
 * Returns: (nullable): what the last registration passed: a bus name or an
 *   object path
 */
const char *
fake_watcher_get_last_service (FakeWatcher *self)
{
  g_return_val_if_fail (FAKE_IS_WATCHER (self), NULL);

  return self->last_service;
}
