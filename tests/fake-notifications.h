/* fake-notifications.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A notification server for tests: it owns org.freedesktop.Notifications
 * on the connection it is given (a private bus of GTestDBus) and speaks the
 * Desktop Notifications protocol at /org/freedesktop/Notifications:
 * Notify, CloseNotification (which emits NotificationClosed with reason 3),
 * GetCapabilities (["actions", "body"]) and GetServerInformation. It
 * records every Notify call, and emits ActionInvoked and
 * NotificationClosed when a test says so, as a person clicking or
 * dismissing the notification would make a real server do. Its signals
 * are sent to the client that showed the notification, as GNOME Shell
 * does; for an id it never gave out, they are broadcast.
 *
 * It answers in the thread-default main context of whoever creates it.
 */

#define FAKE_NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define FAKE_NOTIFICATIONS_PATH "/org/freedesktop/Notifications"

/* Reasons of NotificationClosed, from the specification */
#define FAKE_NOTIFICATIONS_CLOSED_EXPIRED    1
#define FAKE_NOTIFICATIONS_CLOSED_DISMISSED  2
#define FAKE_NOTIFICATIONS_CLOSED_BY_CALL    3

/* One Notify call, as the server received it */
typedef struct
{
  char     *sender;       /* the caller's unique name */
  guint32   id;           /* what Notify answered */
  char     *app_name;
  guint32   replaces_id;
  char     *app_icon;
  char     *summary;
  char     *body;
  GStrv     actions;      /* key, label, key, label, … */
  GVariant *hints;        /* a{sv} */
  gint32    timeout;
} FakeNotification;

#define FAKE_TYPE_NOTIFICATIONS (fake_notifications_get_type())

G_DECLARE_FINAL_TYPE (FakeNotifications, fake_notifications, FAKE, NOTIFICATIONS, GObject)

/* Owns the name before it returns; gives it up when finalized. */
FakeNotifications      *fake_notifications_new               (GDBusConnection   *connection);

/* What it received */
guint                   fake_notifications_get_n_notify      (FakeNotifications *self);
const FakeNotification *fake_notifications_get_notify_call   (FakeNotifications *self,
                                                              guint              index);
const FakeNotification *fake_notifications_get_last          (FakeNotifications *self);
guint                   fake_notifications_get_n_close_calls (FakeNotifications *self);

/* What is on screen */
guint                   fake_notifications_get_n_open        (FakeNotifications *self);
const FakeNotification *fake_notifications_lookup            (FakeNotifications *self,
                                                              guint32            id);

/* What a person does with a notification */
void                    fake_notifications_invoke_action     (FakeNotifications *self,
                                                              guint32            id,
                                                              const char        *action_key);
void                    fake_notifications_close             (FakeNotifications *self,
                                                              guint32            id,
                                                              guint32            reason);

/* Helpers for reading a recorded call */
const char             *fake_notification_get_hint_string    (const FakeNotification *notification,
                                                              const char             *name);
gboolean                fake_notification_get_hint_byte      (const FakeNotification *notification,
                                                              const char             *name,
                                                              guint8                 *value);

G_END_DECLS
