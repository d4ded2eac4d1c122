/* fake-portal.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fake-portal"

#include "config.h"

#include "fake-portal.h"

/* org.freedesktop.portal.FileChooser and org.freedesktop.portal.Request
 * as xdg-desktop-portal 1.16 (Debian 12's) speaks them, with no chooser on
 * screen: the test says what the person chose.
 */

#define FILE_CHOOSER_INTERFACE "org.freedesktop.portal.FileChooser"
#define REQUEST_INTERFACE      "org.freedesktop.portal.Request"
#define FILE_CHOOSER_VERSION   3

/* From the D-Bus specification */
#define DBUS_NAME_FLAG_DO_NOT_QUEUE      4
#define DBUS_REQUEST_NAME_REPLY_PRIMARY  1

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" FILE_CHOOSER_INTERFACE "'>"
  "    <method name='OpenFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='SaveFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='" REQUEST_INTERFACE "'>"
  "    <method name='Close'/>"
  "    <signal name='Response'>"
  "      <arg type='u' name='response'/>"
  "      <arg type='a{sv}' name='results'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* A SaveFile waiting for its answer, exported at its handle */
typedef struct
{
  char  *sender;
  char  *handle;
  guint  registration_id;
} Request;

struct _FakePortal
{
  GObject             parent_instance;

  GDBusConnection    *connection;
  GDBusNodeInfo      *info;
  guint               registration_id;

  /* How it answers */
  gboolean            at_once;
  FakePortalResponse  response;
  char               *uri;

  GQueue              pending;   /* of Request, oldest first */

  /* What it received */
  guint               n_calls;
  guint               n_closed;
  char               *last_method;
  char               *last_parent_window;
  char               *last_title;
  GVariant           *last_options;
};

G_DEFINE_FINAL_TYPE (FakePortal, fake_portal, G_TYPE_OBJECT)

static void
request_free (FakePortal *self,
              Request    *request)
{
  g_dbus_connection_unregister_object (self->connection, request->registration_id);
  g_free (request->sender);
  g_free (request->handle);
  g_free (request);
}

/* The portal's convention: /org/freedesktop/portal/desktop/request/SENDER/TOKEN,
 * SENDER the caller's unique name without its ':' and with '_' for '.'.
 */
static char *
request_path (const char *sender,
              const char *token)
{
  g_autofree char *escaped = g_strdup (sender + 1);

  g_strdelimit (escaped, ".", '_');
  return g_strconcat (FAKE_PORTAL_PATH "/request/", escaped, "/", token, NULL);
}

static void
send_response (FakePortal         *self,
               Request            *request,
               FakePortalResponse  response,
               const char         *uri)
{
  GVariantBuilder uris;
  GVariantBuilder results;
  g_autoptr(GError) error = NULL;

  g_variant_builder_init (&uris, G_VARIANT_TYPE_STRING_ARRAY);
  if (response == FAKE_PORTAL_RESPONSE_SUCCESS)
    g_variant_builder_add (&uris, "s", uri);

  /* "uris" whatever the response, as xdg-desktop-portal sends it: GTK 4.8
   * reads it without looking at the response first.
   */
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "uris", g_variant_builder_end (&uris));

  /* To the caller alone: GTK listens without a match rule. */
  g_dbus_connection_emit_signal (self->connection, request->sender, request->handle,
                                 REQUEST_INTERFACE, "Response",
                                 g_variant_new ("(u@a{sv})", response, g_variant_builder_end (&results)),
                                 &error);
  g_assert_no_error (error);

  g_queue_remove (&self->pending, request);
  request_free (self, request);
}

/* Close: the app gave up on the chooser. No Response follows. */
static void
request_method_call_cb (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *object_path,
                        const char            *interface_name,
                        const char            *method_name,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  FakePortal *self = user_data;

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Request *request = l->data;

      if (g_str_equal (request->handle, object_path))
        {
          self->n_closed++;
          g_queue_delete_link (&self->pending, l);
          request_free (self, request);
          break;
        }
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable request_vtable = { request_method_call_cb, NULL, NULL };

static void
handle_save_file (FakePortal            *self,
                  const char            *sender,
                  GDBusMethodInvocation *invocation)
{
  g_autofree char *generated = NULL;
  g_autofree char *handle = NULL;
  g_autoptr(GError) error = NULL;
  const char *token;
  Request *request;
  guint registration_id;

  if (!g_variant_lookup (self->last_options, "handle_token", "&s", &token))
    token = generated = g_strdup_printf ("fake%u", self->n_calls);

  handle = request_path (sender, token);
  if (!g_variant_is_object_path (handle))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Not a valid handle_token: %s", token);
      return;
    }

  /* Fails for a handle in use: a token used twice. */
  registration_id = g_dbus_connection_register_object (self->connection, handle,
                                                       self->info->interfaces[1],
                                                       &request_vtable, self, NULL,
                                                       &error);
  if (error != NULL)
    {
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }

  request = g_new0 (Request, 1);
  request->sender = g_strdup (sender);
  request->handle = g_steal_pointer (&handle);
  request->registration_id = registration_id;
  g_queue_push_tail (&self->pending, request);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", request->handle));

  if (self->at_once)
    send_response (self, request, self->response, self->uri);
}

static void
file_chooser_method_call_cb (GDBusConnection       *connection,
                             const char            *sender,
                             const char            *object_path,
                             const char            *interface_name,
                             const char            *method_name,
                             GVariant              *parameters,
                             GDBusMethodInvocation *invocation,
                             gpointer               user_data)
{
  FakePortal *self = user_data;

  self->n_calls++;
  g_clear_pointer (&self->last_method, g_free);
  g_clear_pointer (&self->last_parent_window, g_free);
  g_clear_pointer (&self->last_title, g_free);
  g_clear_pointer (&self->last_options, g_variant_unref);

  self->last_method = g_strdup (method_name);
  g_variant_get (parameters, "(ss@a{sv})",
                 &self->last_parent_window, &self->last_title, &self->last_options);

  if (g_str_equal (method_name, "SaveFile"))
    handle_save_file (self, sender, invocation);
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED,
                                           "%s is not supported by this fake portal", method_name);
}

static GVariant *
file_chooser_get_property_cb (GDBusConnection  *connection,
                              const char       *sender,
                              const char       *object_path,
                              const char       *interface_name,
                              const char       *property_name,
                              GError          **error,
                              gpointer          user_data)
{
  if (g_str_equal (property_name, "version"))
    return g_variant_new_uint32 (FILE_CHOOSER_VERSION);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable file_chooser_vtable = {
  file_chooser_method_call_cb,
  file_chooser_get_property_cb,
  NULL,
};

static void
fake_portal_finalize (GObject *object)
{
  FakePortal *self = (FakePortal *)object;
  Request *request;

  while ((request = g_queue_pop_head (&self->pending)) != NULL)
    request_free (self, request);

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);

  if (!g_dbus_connection_is_closed (self->connection))
    {
      g_autoptr(GVariant) reply = NULL;

      reply = g_dbus_connection_call_sync (self->connection,
                                           "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "ReleaseName",
                                           g_variant_new ("(s)", FAKE_PORTAL_NAME),
                                           G_VARIANT_TYPE ("(u)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    }

  g_clear_pointer (&self->info, g_dbus_node_info_unref);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->last_method, g_free);
  g_clear_pointer (&self->last_parent_window, g_free);
  g_clear_pointer (&self->last_title, g_free);
  g_clear_pointer (&self->last_options, g_variant_unref);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (fake_portal_parent_class)->finalize (object);
}

static void
fake_portal_class_init (FakePortalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fake_portal_finalize;
}

static void
fake_portal_init (FakePortal *self)
{
  g_queue_init (&self->pending);
}

FakePortal *
fake_portal_new (GDBusConnection *connection)
{
  g_autoptr(FakePortal) self = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);

  self = g_object_new (FAKE_TYPE_PORTAL, NULL);
  self->connection = g_object_ref (connection);

  self->info = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);

  self->registration_id = g_dbus_connection_register_object (connection, FAKE_PORTAL_PATH,
                                                             self->info->interfaces[0],
                                                             &file_chooser_vtable, self, NULL,
                                                             &error);
  g_assert_no_error (error);

  /* Talks to the bus daemon only: blocking does not hold up anyone here. */
  reply = g_dbus_connection_call_sync (connection,
                                       "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", FAKE_PORTAL_NAME, DBUS_NAME_FLAG_DO_NOT_QUEUE),
                                       G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, DBUS_REQUEST_NAME_REPLY_PRIMARY);

  return g_steal_pointer (&self);
}

/**
 * fake_portal_answer_at_once:
 * @uri: (nullable): the file chosen, for %FAKE_PORTAL_RESPONSE_SUCCESS
 *
 * Answers every SaveFile from now on as soon as it arrives, as a person
 * who chose @uri, or cancelled, would.
 */
void
fake_portal_answer_at_once (FakePortal         *self,
                            FakePortalResponse  response,
                            const char         *uri)
{
  g_return_if_fail (FAKE_IS_PORTAL (self));
  g_return_if_fail (response != FAKE_PORTAL_RESPONSE_SUCCESS || uri != NULL);

  self->at_once = TRUE;
  self->response = response;
  g_free (self->uri);
  self->uri = g_strdup (uri);
}

/**
 * fake_portal_respond:
 * @uri: (nullable): the file chosen, for %FAKE_PORTAL_RESPONSE_SUCCESS
 *
 * Answers the oldest SaveFile still waiting.
 */
void
fake_portal_respond (FakePortal         *self,
                     FakePortalResponse  response,
                     const char         *uri)
{
  g_return_if_fail (FAKE_IS_PORTAL (self));
  g_return_if_fail (response != FAKE_PORTAL_RESPONSE_SUCCESS || uri != NULL);
  g_return_if_fail (self->pending.length > 0);

  send_response (self, g_queue_peek_head (&self->pending), response, uri);
}

/**
 * fake_portal_get_n_calls:
 *
 * Returns: how many OpenFile and SaveFile calls it took
 */
guint
fake_portal_get_n_calls (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), 0);

  return self->n_calls;
}

/**
 * fake_portal_get_n_pending:
 *
 * Returns: how many SaveFile calls wait for their answer
 */
guint
fake_portal_get_n_pending (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), 0);

  return self->pending.length;
}

/**
 * fake_portal_get_n_closed:
 *
 * Returns: how many requests their caller closed before an answer
 */
guint
fake_portal_get_n_closed (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), 0);

  return self->n_closed;
}

/**
 * fake_portal_get_last_method:
 *
 * Returns: (nullable): "SaveFile" or "OpenFile"
 */
const char *
fake_portal_get_last_method (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), NULL);

  return self->last_method;
}

/**
 * fake_portal_get_last_parent_window:
 *
 * Returns: (nullable): the window the chooser was for, as the last call
 *   named it: "x11:XID", or "" for none
 */
const char *
fake_portal_get_last_parent_window (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), NULL);

  return self->last_parent_window;
}

/**
 * fake_portal_get_last_title:
 *
 * Returns: (nullable): the chooser's title in the last call
 */
const char *
fake_portal_get_last_title (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), NULL);

  return self->last_title;
}

/**
 * fake_portal_get_last_options:
 *
 * Returns: (transfer none) (nullable): the last call's options, a{sv}
 */
GVariant *
fake_portal_get_last_options (FakePortal *self)
{
  g_return_val_if_fail (FAKE_IS_PORTAL (self), NULL);

  return self->last_options;
}

/**
 * fake_portal_get_last_current_name:
 *
 * Returns: (nullable): the name the last call suggested for the file
 */
const char *
fake_portal_get_last_current_name (FakePortal *self)
{
  const char *name = NULL;

  g_return_val_if_fail (FAKE_IS_PORTAL (self), NULL);

  if (self->last_options != NULL)
    g_variant_lookup (self->last_options, "current_name", "&s", &name);

  return name;
}
