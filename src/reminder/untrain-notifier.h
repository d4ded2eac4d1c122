/* untrain-notifier.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The reminder's notification, over org.freedesktop.Notifications: shown
 * as Untrain (its name, its icon, desktop-entry hint), with the actions
 * "Review Now" and "Remind Me Tomorrow". At most one at a time.
 *
 * Signals: "review" (const char *platform_id, nullable), "snooze".
 */

#define UNTRAIN_TYPE_NOTIFIER (untrain_notifier_get_type())

G_DECLARE_FINAL_TYPE (UntrainNotifier, untrain_notifier, UNTRAIN, NOTIFIER, GObject)

UntrainNotifier *untrain_notifier_new      (GDBusConnection *bus);
void             untrain_notifier_show     (UntrainNotifier *self,
                                            const char      *title,
                                            const char      *body,
                                            const char      *platform_id);
void             untrain_notifier_withdraw (UntrainNotifier *self);

G_END_DECLS
