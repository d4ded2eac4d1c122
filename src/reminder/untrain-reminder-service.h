/* untrain-reminder-service.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The reminder's engine (DESIGN.md, "Reminders"): one instance a session,
 * by its bus name; a timer for the next due time; at due, the live checks
 * of connected accounts, then a notification and the tray icon when
 * something needs the person.
 *
 * Signals: "finished" — it stopped, for good: another instance has the
 * name, reminders were turned off, or the bus went away; the process ends
 * with status 0. "due-handled" (gboolean notified) — a run of the due
 * logic is over, and whether it showed a notification.
 */

#define UNTRAIN_REMINDER_BUS_NAME "io.github.untrain.Untrain.Reminder"

#define UNTRAIN_TYPE_REMINDER_SERVICE (untrain_reminder_service_get_type())

G_DECLARE_FINAL_TYPE (UntrainReminderService, untrain_reminder_service, UNTRAIN, REMINDER_SERVICE, GObject)

UntrainReminderService *untrain_reminder_service_new         (GDBusConnection        *bus,
                                                               GDBusConnection        *system_bus,
                                                               GSettings              *settings);
void                    untrain_reminder_service_start       (UntrainReminderService *self);
gboolean                untrain_reminder_service_is_running  (UntrainReminderService *self);
void                    untrain_reminder_service_set_now     (UntrainReminderService *self,
                                                               GDateTime              *now);
GDateTime              *untrain_reminder_service_get_due     (UntrainReminderService *self);
void                    untrain_reminder_service_run_due     (UntrainReminderService *self);
void                    untrain_reminder_service_snooze      (UntrainReminderService *self);

G_END_DECLS
