/* untrain-tray.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The reminder's tray icon: a StatusNotifierItem over GDBus, registered
 * with org.kde.StatusNotifierWatcher where the desktop has one (again when
 * the watcher restarts), with its menu over com.canonical.dbusmenu. No
 * watcher, no icon, nothing breaks.
 *
 * Signals: "review" (const char *platform_id, nullable) — activating the
 * icon or its "Review Now"; "check-now"; "snooze"; "turn-off-reminders".
 */

#define UNTRAIN_TYPE_TRAY (untrain_tray_get_type())

G_DECLARE_FINAL_TYPE (UntrainTray, untrain_tray, UNTRAIN, TRAY, GObject)

UntrainTray *untrain_tray_new           (GDBusConnection *bus);
void         untrain_tray_set_visible   (UntrainTray     *self,
                                         gboolean         visible);
gboolean     untrain_tray_get_visible   (UntrainTray     *self);
void         untrain_tray_set_attention (UntrainTray     *self,
                                         gboolean         needs_attention,
                                         const char      *tooltip,
                                         const char      *platform_id);
gboolean     untrain_tray_is_registered (UntrainTray     *self);

G_END_DECLS
