/* fake-portal.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The desktop's file chooser for tests, as an app in Flatpak reaches it:
 * org.freedesktop.portal.FileChooser at /org/freedesktop/portal/desktop,
 * owned as org.freedesktop.portal.Desktop on the connection it is given.
 * SaveFile answers a request handle, the object path made from the
 * caller's unique name and its "handle_token" option, and exports an
 * org.freedesktop.portal.Request there; the choice comes later as that
 * request's Response signal, sent to the caller alone, as
 * xdg-desktop-portal sends it. OpenFile is not supported. The interface's
 * "version" property is 3.
 *
 * Nobody chooses anything on its own: a SaveFile waits until the test
 * answers it with fake_portal_respond(), or is answered as soon as it
 * arrives after fake_portal_answer_at_once(). It records every call.
 *
 * It answers in the thread-default main context of whoever creates it.
 */

#define FAKE_PORTAL_NAME "org.freedesktop.portal.Desktop"
#define FAKE_PORTAL_PATH "/org/freedesktop/portal/desktop"

/* The response codes of org.freedesktop.portal.Request::Response */
typedef enum
{
  FAKE_PORTAL_RESPONSE_SUCCESS   = 0,
  FAKE_PORTAL_RESPONSE_CANCELLED = 1,
  FAKE_PORTAL_RESPONSE_OTHER     = 2,
} FakePortalResponse;

#define FAKE_TYPE_PORTAL (fake_portal_get_type())

G_DECLARE_FINAL_TYPE (FakePortal, fake_portal, FAKE, PORTAL, GObject)

/* Owns the name before it returns; gives it up when finalized. */
FakePortal *fake_portal_new                    (GDBusConnection    *connection);

/* What the person in front of the chooser does */
void        fake_portal_answer_at_once         (FakePortal         *self,
                                                FakePortalResponse  response,
                                                const char         *uri);
void        fake_portal_respond                (FakePortal         *self,
                                                FakePortalResponse  response,
                                                const char         *uri);

/* What it received */
guint       fake_portal_get_n_calls            (FakePortal         *self);
guint       fake_portal_get_n_pending          (FakePortal         *self);
guint       fake_portal_get_n_closed           (FakePortal         *self);
const char *fake_portal_get_last_method        (FakePortal         *self);
const char *fake_portal_get_last_parent_window (FakePortal         *self);
const char *fake_portal_get_last_title         (FakePortal         *self);
GVariant   *fake_portal_get_last_options       (FakePortal         *self);
const char *fake_portal_get_last_current_name  (FakePortal         *self);

G_END_DECLS
