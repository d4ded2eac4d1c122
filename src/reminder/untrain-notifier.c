/* untrain-notifier.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-notifier.h"

#define NOTIFICATIONS_NAME      "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH      "/org/freedesktop/Notifications"
#define NOTIFICATIONS_INTERFACE "org.freedesktop.Notifications"

/* The reminder's one notification, through the Desktop Notifications
 * protocol that every desktop's notification server speaks. It shows as
 * Untrain: the application's name and icon, and the desktop-entry hint
 * that lets GNOME Shell group it with the application. A new one replaces
 * the one before, so the person never sees a pile of them.
 *
 * Notify answers with the id the server gave; until then a second show()
 * waits, so that it can name the first one to replace. Without a
 * notification server nothing is shown, and nothing is tried again: the
 * next show() is the next try.
 */
struct _UntrainNotifier
{
  GObject          parent_instance;

  GDBusConnection *bus;
  GCancellable    *cancellable;
  guint            action_invoked_id;
  guint            closed_id;

  /* What is on screen: the server's id (0: nothing) and its platform */
  guint32          id;
  char            *platform_id;

  /* A Notify call waiting for its answer, and its platform */
  gboolean         in_flight;
  char            *in_flight_platform_id;

  /* What to do when it is answered */
  gboolean         has_pending;
  char            *pending_title;
  char            *pending_body;
  char            *pending_platform_id;
  gboolean         withdraw_pending;
};

enum {
  PROP_0,
  PROP_BUS,
  N_PROPS
};

enum {
  REVIEW,
  SNOOZE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UntrainNotifier, untrain_notifier, G_TYPE_OBJECT)

static void send_pending (UntrainNotifier *self);

static void
close_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not withdraw the notification: %s", error->message);
}

static void
close_notification (UntrainNotifier *self)
{
  if (self->id == 0)
    return;

  g_dbus_connection_call (self->bus,
                          NOTIFICATIONS_NAME, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE,
                          "CloseNotification",
                          g_variant_new ("(u)", self->id),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, close_cb, NULL);

  self->id = 0;
  g_clear_pointer (&self->platform_id, g_free);
}

static void
notify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  UntrainNotifier *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  /* Cancelled: the notifier is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = UNTRAIN_NOTIFIER (user_data);
  self->in_flight = FALSE;

  if (error != NULL)
    {
      /* No notification server, or a broken one: whatever was on screen
       * is not there to replace any more.
       */
      g_debug ("Could not show the notification: %s", error->message);
      self->id = 0;
      g_clear_pointer (&self->platform_id, g_free);
      g_clear_pointer (&self->in_flight_platform_id, g_free);
    }
  else
    {
      g_variant_get (reply, "(u)", &self->id);
      g_free (self->platform_id);
      self->platform_id = g_steal_pointer (&self->in_flight_platform_id);
    }

  if (self->has_pending)
    send_pending (self);
  else if (self->withdraw_pending)
    {
      self->withdraw_pending = FALSE;
      close_notification (self);
    }
}

static void
send_pending (UntrainNotifier *self)
{
  g_autoptr(GVariantBuilder) actions = NULL;
  g_autoptr(GVariantBuilder) hints = NULL;

  g_assert (self->has_pending);
  g_assert (!self->in_flight);

  actions = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  /* "default" is a click on the notification itself. */
  g_variant_builder_add (actions, "s", "default");
  g_variant_builder_add (actions, "s", _("Review Now"));
  g_variant_builder_add (actions, "s", "review");
  g_variant_builder_add (actions, "s", _("Review Now"));
  g_variant_builder_add (actions, "s", "snooze");
  g_variant_builder_add (actions, "s", _("Remind Me Tomorrow"));

  hints = g_variant_builder_new (G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (hints, "{sv}", "desktop-entry", g_variant_new_string (APPLICATION_ID));
  /* Normal: it waits for the person, it does not interrupt them. */
  g_variant_builder_add (hints, "{sv}", "urgency", g_variant_new_byte (1));

  self->in_flight = TRUE;
  self->has_pending = FALSE;
  g_free (self->in_flight_platform_id);
  self->in_flight_platform_id = g_steal_pointer (&self->pending_platform_id);

  /* The name is Untrain's in every language, as servers that keep rules
   * per application know it. Auto-start allowed: some desktops start
   * their notification server on demand.
   */
  g_dbus_connection_call (self->bus,
                          NOTIFICATIONS_NAME, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE,
                          "Notify",
                          g_variant_new ("(susssasa{sv}i)",
                                         "Untrain",
                                         self->id,
                                         APPLICATION_ID,
                                         self->pending_title,
                                         self->pending_body,
                                         actions,
                                         hints,
                                         -1),
                          G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, notify_cb, self);

  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->pending_body, g_free);
}

static void
action_invoked_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  UntrainNotifier *self = user_data;
  g_autofree char *platform_id = NULL;
  const char *action_key;
  guint32 id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(us)")))
    return;

  g_variant_get (parameters, "(u&s)", &id, &action_key);
  if (id == 0 || id != self->id)
    return;

  /* A handler may show another notification. */
  platform_id = g_strdup (self->platform_id);

  if (g_str_equal (action_key, "default") || g_str_equal (action_key, "review"))
    g_signal_emit (self, signals[REVIEW], 0, platform_id);
  else if (g_str_equal (action_key, "snooze"))
    g_signal_emit (self, signals[SNOOZE], 0);
  else
    g_debug ("Unknown action “%s” of notification %u", action_key, id);
}

static void
notification_closed_cb (GDBusConnection *connection,
                        const char      *sender_name,
                        const char      *object_path,
                        const char      *interface_name,
                        const char      *signal_name,
                        GVariant        *parameters,
                        gpointer         user_data)
{
  UntrainNotifier *self = user_data;
  guint32 id;
  guint32 reason;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(uu)")))
    return;

  g_variant_get (parameters, "(uu)", &id, &reason);
  if (id == 0 || id != self->id)
    return;

  g_debug ("Notification %u closed (reason %u)", id, reason);
  self->id = 0;
  g_clear_pointer (&self->platform_id, g_free);
}

static void
untrain_notifier_constructed (GObject *object)
{
  UntrainNotifier *self = (UntrainNotifier *)object;

  G_OBJECT_CLASS (untrain_notifier_parent_class)->constructed (object);

  g_assert (G_IS_DBUS_CONNECTION (self->bus));

  self->action_invoked_id =
    g_dbus_connection_signal_subscribe (self->bus,
                                        NOTIFICATIONS_NAME,
                                        NOTIFICATIONS_INTERFACE,
                                        "ActionInvoked",
                                        NOTIFICATIONS_PATH,
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        action_invoked_cb, self, NULL);
  self->closed_id =
    g_dbus_connection_signal_subscribe (self->bus,
                                        NOTIFICATIONS_NAME,
                                        NOTIFICATIONS_INTERFACE,
                                        "NotificationClosed",
                                        NOTIFICATIONS_PATH,
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        notification_closed_cb, self, NULL);
}

static void
untrain_notifier_dispose (GObject *object)
{
  UntrainNotifier *self = (UntrainNotifier *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->bus != NULL)
    {
      if (self->action_invoked_id != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->action_invoked_id);
      if (self->closed_id != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->closed_id);
    }
  self->action_invoked_id = 0;
  self->closed_id = 0;

  g_clear_object (&self->bus);

  G_OBJECT_CLASS (untrain_notifier_parent_class)->dispose (object);
}

static void
untrain_notifier_finalize (GObject *object)
{
  UntrainNotifier *self = (UntrainNotifier *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->platform_id, g_free);
  g_clear_pointer (&self->in_flight_platform_id, g_free);
  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->pending_body, g_free);
  g_clear_pointer (&self->pending_platform_id, g_free);

  G_OBJECT_CLASS (untrain_notifier_parent_class)->finalize (object);
}

static void
untrain_notifier_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UntrainNotifier *self = UNTRAIN_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_BUS:
      g_value_set_object (value, self->bus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_notifier_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UntrainNotifier *self = UNTRAIN_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_BUS:
      self->bus = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_notifier_class_init (UntrainNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_notifier_constructed;
  object_class->dispose = untrain_notifier_dispose;
  object_class->finalize = untrain_notifier_finalize;
  object_class->get_property = untrain_notifier_get_property;
  object_class->set_property = untrain_notifier_set_property;

  properties[PROP_BUS] =
    g_param_spec_object ("bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainNotifier::review:
   * @platform_id: (nullable): the platform given when the notification
   *   was shown
   *
   * The person clicked the notification or its "Review Now".
   */
  signals[REVIEW] =
    g_signal_new ("review",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * UntrainNotifier::snooze:
   *
   * The person chose "Remind Me Tomorrow".
   */
  signals[SNOOZE] =
    g_signal_new ("snooze",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
untrain_notifier_init (UntrainNotifier *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * untrain_notifier_new:
 * @bus: the session bus
 *
 * Returns: (transfer full): a notifier that shows nothing yet
 */
UntrainNotifier *
untrain_notifier_new (GDBusConnection *bus)
{
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), NULL);

  return g_object_new (UNTRAIN_TYPE_NOTIFIER,
                       "bus", bus,
                       NULL);
}

/**
 * untrain_notifier_show:
 * @title: the summary line, saying what needs the person
 * @body: (nullable): more about it
 * @platform_id: (nullable): the platform "Review Now" opens Untrain on
 *
 * Shows the notification, in place of the one shown before if it is still
 * there.
 */
void
untrain_notifier_show (UntrainNotifier *self,
                       const char      *title,
                       const char      *body,
                       const char      *platform_id)
{
  g_return_if_fail (UNTRAIN_IS_NOTIFIER (self));
  g_return_if_fail (title != NULL);

  g_free (self->pending_title);
  self->pending_title = g_strdup (title);
  g_free (self->pending_body);
  self->pending_body = g_strdup (body != NULL ? body : "");
  g_free (self->pending_platform_id);
  self->pending_platform_id = g_strdup (platform_id);
  self->has_pending = TRUE;
  self->withdraw_pending = FALSE;

  if (!self->in_flight)
    send_pending (self);
}

/**
 * untrain_notifier_withdraw:
 *
 * Takes the notification off the screen, if one is there: what it said
 * no longer needs the person.
 */
void
untrain_notifier_withdraw (UntrainNotifier *self)
{
  g_return_if_fail (UNTRAIN_IS_NOTIFIER (self));

  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->pending_body, g_free);
  g_clear_pointer (&self->pending_platform_id, g_free);
  self->has_pending = FALSE;

  if (self->in_flight)
    {
      self->withdraw_pending = TRUE;
      return;
    }

  close_notification (self);
}
