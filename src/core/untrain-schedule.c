/* untrain-schedule.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-schedule"

#include "config.h"

#include "untrain-schedule.h"

/**
 * untrain_schedule_clamp_interval:
 * @interval_days: the interval from the settings
 * @clamped: (out) (optional): set to whether @interval_days was out of range
 *
 * Returns: @interval_days brought into 1–365 days
 */
guint
untrain_schedule_clamp_interval (guint     interval_days,
                                 gboolean *clamped)
{
  guint result = CLAMP (interval_days,
                        UNTRAIN_REMINDER_MIN_INTERVAL_DAYS,
                        UNTRAIN_REMINDER_MAX_INTERVAL_DAYS);

  if (clamped != NULL)
    *clamped = result != interval_days;

  return result;
}

/**
 * untrain_schedule_get_due:
 * @last_check: when the settings were last checked, in Unix seconds; 0 for never
 * @interval_days: days between checks; clamped to 1–365
 * @snoozed_until: until when the person asked not to be reminded, in Unix
 *   seconds; 0 for no snooze
 * @now: the time now
 *
 * When the next reminder is due. Never checked, or checked "in the future"
 * (the clock went back): now. Otherwise @interval_days calendar days after
 * @last_check on the local wall clock, so that it is due at the same time
 * of day whatever daylight-saving change lies between. A snooze that ends
 * later than that wins.
 *
 * Returns: (transfer full): the due time, in the local time zone
 */
GDateTime *
untrain_schedule_get_due (gint64     last_check,
                          guint      interval_days,
                          gint64     snoozed_until,
                          GDateTime *now)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  interval_days = untrain_schedule_clamp_interval (interval_days, NULL);

  if (last_check <= 0 || last_check > g_date_time_to_unix (now))
    due = g_date_time_to_local (now);
  else
    {
      g_autoptr(GDateTime) checked = g_date_time_new_from_unix_local (last_check);

      due = g_date_time_add_days (checked, interval_days);
    }

  if (snoozed_until > g_date_time_to_unix (due))
    {
      g_autoptr(GDateTime) snooze_end = g_date_time_new_from_unix_local (snoozed_until);

      if (snooze_end != NULL)
        return g_steal_pointer (&snooze_end);
    }

  return g_steal_pointer (&due);
}

/**
 * untrain_schedule_get_wait:
 * @due: when the reminder is due
 * @now: the time now
 *
 * How long to sleep before looking again: until @due, but never more than
 * %UNTRAIN_REMINDER_SAFETY_REARM, because the timer runs on the monotonic
 * clock: when the wall clock jumps (or the computer slept through a
 * missed resume signal), the reminder notices within that time, and it
 * never wakes more than once in it.
 *
 * Returns: 0 when the reminder is due or overdue, else the time to wait
 */
GTimeSpan
untrain_schedule_get_wait (GDateTime *due,
                           GDateTime *now)
{
  GTimeSpan wait;

  g_return_val_if_fail (due != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  wait = g_date_time_difference (due, now);
  if (wait <= 0)
    return 0;

  return MIN (wait, UNTRAIN_REMINDER_SAFETY_REARM);
}
