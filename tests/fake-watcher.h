/* fake-watcher.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A desktop's tray for tests: org.kde.StatusNotifierWatcher on a bus of
 * the test's own (GTestDBus), speaking the protocol as KDE's watcher does.
 * RegisterStatusNotifierItem takes a bus name (the item is at
 * /StatusNotifierItem there) or an object path (the item is there, on the
 * caller's connection); the item is listed as "<name><path>" in
 * RegisteredStatusNotifierItems and announced with
 * StatusNotifierItemRegistered, and dropped with
 * StatusNotifierItemUnregistered when its name leaves the bus. A host is
 * always registered; ProtocolVersion is 0.
 *
 * Each fake_watcher_start() comes up on a new connection, as a restarted
 * watcher would, knowing no item; fake_watcher_stop() closes it, which
 * releases the name. It runs in the thread-default main context of whoever
 * starts it.
 *
 * Signals: "item-registered" and "item-unregistered" (const char *item).
 */

#define FAKE_TYPE_WATCHER (fake_watcher_get_type())

G_DECLARE_FINAL_TYPE (FakeWatcher, fake_watcher, FAKE, WATCHER, GObject)

FakeWatcher        *fake_watcher_new                 (const char  *bus_address);

void                fake_watcher_start               (FakeWatcher *self);
void                fake_watcher_stop                (FakeWatcher *self);
gboolean            fake_watcher_is_running          (FakeWatcher *self);
const char         *fake_watcher_get_unique_name     (FakeWatcher *self);

/* What it saw, over all its lives */
const char * const *fake_watcher_get_items           (FakeWatcher *self);
guint               fake_watcher_get_n_registrations (FakeWatcher *self);
const char         *fake_watcher_get_last_sender     (FakeWatcher *self);
const char         *fake_watcher_get_last_service    (FakeWatcher *self);

G_END_DECLS
