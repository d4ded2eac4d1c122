/* untrain-schedule.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When the reminder is due, on the wall clock: `last-check` plus
 * `reminder-interval-days` days, in the local time zone, so that a
 * daylight-saving change does not move it by an hour; a snooze (Remind
 * Me Tomorrow) pushes it to 24 hours after it was asked for.
 */

#define UNTRAIN_REMINDER_MIN_INTERVAL_DAYS 1
#define UNTRAIN_REMINDER_MAX_INTERVAL_DAYS 365
#define UNTRAIN_REMINDER_SNOOZE (24 * G_TIME_SPAN_HOUR)
#define UNTRAIN_REMINDER_SAFETY_REARM (G_TIME_SPAN_HOUR)

guint      untrain_schedule_clamp_interval (guint      interval_days,
                                            gboolean  *clamped);
GDateTime *untrain_schedule_get_due        (gint64     last_check,
                                            guint      interval_days,
                                            gint64     snoozed_until,
                                            GDateTime *now);
GTimeSpan  untrain_schedule_get_wait       (GDateTime *due,
                                            GDateTime *now);

G_END_DECLS
