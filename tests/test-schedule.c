/* test-schedule.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "untrain-schedule.h"

/* When the reminder is due, with the clock handed in: every test runs in
 * Berlin's time zone (set in main() before GLib reads it), where the
 * clocks go forward on 29 March 2026 and back on 25 October 2026.
 */

#define DAY ((gint64) 24 * 60 * 60)

static GTimeZone *berlin;

static GDateTime *
berlin_time (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  return g_date_time_new (berlin, year, month, day, hour, minute, 0);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_autofree char *text_a = g_date_time_format_iso8601 (a);
  g_autofree char *text_b = g_date_time_format_iso8601 (b);

  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
  g_assert_cmpstr (text_a, ==, text_b);
}

static void
test_clamp (void)
{
  gboolean clamped = TRUE;

  g_assert_cmpuint (untrain_schedule_clamp_interval (30, &clamped), ==, 30);
  g_assert_false (clamped);
  g_assert_cmpuint (untrain_schedule_clamp_interval (1, &clamped), ==, 1);
  g_assert_false (clamped);
  g_assert_cmpuint (untrain_schedule_clamp_interval (365, &clamped), ==, 365);
  g_assert_false (clamped);

  g_assert_cmpuint (untrain_schedule_clamp_interval (0, &clamped), ==, 1);
  g_assert_true (clamped);
  g_assert_cmpuint (untrain_schedule_clamp_interval (366, &clamped), ==, 365);
  g_assert_true (clamped);
  g_assert_cmpuint (untrain_schedule_clamp_interval (G_MAXUINT, &clamped), ==, 365);
  g_assert_true (clamped);

  /* The flag is optional. */
  g_assert_cmpuint (untrain_schedule_clamp_interval (0, NULL), ==, 1);
}

static void
test_never_checked (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  g_autoptr(GDateTime) due = untrain_schedule_get_due (0, 30, 0, now);

  assert_same_time (due, now);
  g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, 0);
}

static void
test_overdue (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  g_autoptr(GDateTime) checked = berlin_time (2026, 4, 1, 20, 15);
  g_autoptr(GDateTime) expected = berlin_time (2026, 5, 1, 20, 15);
  g_autoptr(GDateTime) due = untrain_schedule_get_due (g_date_time_to_unix (checked), 30, 0, now);

  assert_same_time (due, expected);
  g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, 0);
}

static void
test_not_yet_due (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  g_autoptr(GDateTime) checked = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) expected = berlin_time (2026, 6, 2, 9, 30);
  g_autoptr(GDateTime) due = untrain_schedule_get_due (g_date_time_to_unix (checked), 30, 0, now);

  assert_same_time (due, expected);

  /* 29 days away, yet it looks again within the hour. */
  g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, UNTRAIN_REMINDER_SAFETY_REARM);
}

/* The clock went back (a wrong clock corrected, a restored backup): a
 * last check "tomorrow" cannot be trusted, so a check is due now.
 */
static void
test_future_last_check (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  g_autoptr(GDateTime) due = NULL;

  due = untrain_schedule_get_due (g_date_time_to_unix (now) + 2 * DAY, 30, 0, now);
  assert_same_time (due, now);
  g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, 0);

  /* A second ahead is already the future. */
  g_clear_pointer (&due, g_date_time_unref);
  due = untrain_schedule_get_due (g_date_time_to_unix (now) + 1, 30, 0, now);
  assert_same_time (due, now);
}

/* The timer sleeps on the monotonic clock at most an hour; when it wakes,
 * the schedule is read again against the wall clock.
 */
static void
test_clock_jumps (void)
{
  g_autoptr(GDateTime) checked = berlin_time (2026, 5, 1, 8, 0);
  g_autoptr(GDateTime) before = berlin_time (2026, 5, 20, 8, 0);
  g_autoptr(GDateTime) jumped_ahead = berlin_time (2026, 6, 15, 8, 0);
  g_autoptr(GDateTime) jumped_back = berlin_time (2026, 4, 1, 8, 0);
  g_autoptr(GDateTime) due = NULL;

  due = untrain_schedule_get_due (g_date_time_to_unix (checked), 30, 0, before);
  g_assert_cmpint (untrain_schedule_get_wait (due, before), ==, UNTRAIN_REMINDER_SAFETY_REARM);

  /* Forward past the due time: due at the next look. */
  g_clear_pointer (&due, g_date_time_unref);
  due = untrain_schedule_get_due (g_date_time_to_unix (checked), 30, 0, jumped_ahead);
  g_assert_cmpint (untrain_schedule_get_wait (due, jumped_ahead), ==, 0);

  /* Back before the last check: that check is in the future, so due now. */
  g_clear_pointer (&due, g_date_time_unref);
  due = untrain_schedule_get_due (g_date_time_to_unix (checked), 30, 0, jumped_back);
  assert_same_time (due, jumped_back);
  g_assert_cmpint (untrain_schedule_get_wait (due, jumped_back), ==, 0);
}

static void
test_interval_changes (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 10, 9, 0);
  g_autoptr(GDateTime) checked = berlin_time (2026, 5, 1, 18, 0);
  gint64 last_check = g_date_time_to_unix (checked);
  struct {
    guint interval;
    int   year;
    int   month;
    int   day;
  } cases[] = {
    { 30, 2026, 5, 31 },
    { 7, 2026, 5, 8 },      /* shorter: already overdue */
    { 90, 2026, 7, 30 },
    { 1, 2026, 5, 2 },
    { 0, 2026, 5, 2 },      /* out of range: one day */
    { 365, 2027, 5, 1 },
    { 1000, 2027, 5, 1 },   /* out of range: a year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = untrain_schedule_get_due (last_check, cases[i].interval, 0, now);
      g_autoptr(GDateTime) expected = berlin_time (cases[i].year, cases[i].month, cases[i].day, 18, 0);

      assert_same_time (due, expected);
    }

  /* Shortening the interval makes the reminder due at once. */
  {
    g_autoptr(GDateTime) due = untrain_schedule_get_due (last_check, 7, 0, now);

    g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, 0);
  }
}

/* The day before the clocks go forward at noon, plus N days, is noon again:
 * one hour less in real time. And one more when they go back.
 */
static void
test_daylight_saving (void)
{
  g_autoptr(GDateTime) spring_check = berlin_time (2026, 3, 28, 12, 0);
  g_autoptr(GDateTime) spring_now = berlin_time (2026, 3, 28, 13, 0);
  g_autoptr(GDateTime) autumn_check = berlin_time (2026, 10, 24, 12, 0);
  g_autoptr(GDateTime) autumn_now = berlin_time (2026, 10, 24, 13, 0);

  g_assert_cmpint (g_date_time_get_utc_offset (spring_check), ==, G_TIME_SPAN_HOUR);

  for (guint days = 1; days <= 30; days++)
    {
      g_autoptr(GDateTime) due = untrain_schedule_get_due (g_date_time_to_unix (spring_check), days, 0, spring_now);
      g_autoptr(GDateTime) expected = days < 4
                                      ? berlin_time (2026, 3, 28 + days, 12, 0)
                                      : berlin_time (2026, 4, days - 3, 12, 0);

      g_assert_cmpint (g_date_time_get_hour (due), ==, 12);
      g_assert_cmpint (g_date_time_get_minute (due), ==, 0);
      g_assert_cmpint (g_date_time_get_utc_offset (due), ==, 2 * G_TIME_SPAN_HOUR);
      g_assert_cmpint (g_date_time_difference (due, spring_check), ==, days * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
      assert_same_time (due, expected);
    }

  {
    g_autoptr(GDateTime) due = untrain_schedule_get_due (g_date_time_to_unix (autumn_check), 1, 0, autumn_now);
    g_autoptr(GDateTime) expected = berlin_time (2026, 10, 25, 12, 0);

    g_assert_cmpint (g_date_time_get_utc_offset (due), ==, G_TIME_SPAN_HOUR);
    g_assert_cmpint (g_date_time_difference (due, autumn_check), ==, G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
    assert_same_time (due, expected);
  }
}

static void
test_snooze (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  g_autoptr(GDateTime) tomorrow = g_date_time_add (now, UNTRAIN_REMINDER_SNOOZE);
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -1);
  gint64 snoozed_until = g_date_time_to_unix (tomorrow);
  g_autoptr(GDateTime) due = NULL;

  g_assert_cmpint (UNTRAIN_REMINDER_SNOOZE, ==, 24 * G_TIME_SPAN_HOUR);

  /* Due now, snoozed: due 24 hours later. */
  due = untrain_schedule_get_due (0, 30, snoozed_until, now);
  assert_same_time (due, tomorrow);
  g_assert_cmpint (g_date_time_difference (due, now), ==, UNTRAIN_REMINDER_SNOOZE);
  g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, UNTRAIN_REMINDER_SAFETY_REARM);

  /* A day later it is due. */
  g_assert_cmpint (untrain_schedule_get_wait (due, tomorrow), ==, 0);

  /* A snooze that ends before the due time changes nothing… */
  g_clear_pointer (&due, g_date_time_unref);
  due = untrain_schedule_get_due (g_date_time_to_unix (recent), 30, snoozed_until, now);
  {
    g_autoptr(GDateTime) expected = g_date_time_add_days (recent, 30);

    assert_same_time (due, expected);
  }

  /* …nor does one that is over. */
  g_clear_pointer (&due, g_date_time_unref);
  due = untrain_schedule_get_due (0, 30, g_date_time_to_unix (recent), now);
  assert_same_time (due, now);
}

static void
test_wait (void)
{
  g_autoptr(GDateTime) now = berlin_time (2026, 5, 4, 9, 30);
  struct {
    GTimeSpan until_due;
    GTimeSpan wait;
  } cases[] = {
    { -30 * G_TIME_SPAN_DAY, 0 },
    { -G_TIME_SPAN_SECOND, 0 },
    { 0, 0 },
    { G_TIME_SPAN_SECOND, G_TIME_SPAN_SECOND },
    { 10 * G_TIME_SPAN_MINUTE, 10 * G_TIME_SPAN_MINUTE },
    { G_TIME_SPAN_HOUR - G_TIME_SPAN_SECOND, G_TIME_SPAN_HOUR - G_TIME_SPAN_SECOND },
    { G_TIME_SPAN_HOUR, G_TIME_SPAN_HOUR },
    { G_TIME_SPAN_HOUR + G_TIME_SPAN_SECOND, G_TIME_SPAN_HOUR },
    { 5 * G_TIME_SPAN_HOUR, G_TIME_SPAN_HOUR },
    { 365 * G_TIME_SPAN_DAY, G_TIME_SPAN_HOUR },
  };

  g_assert_cmpint (UNTRAIN_REMINDER_SAFETY_REARM, ==, G_TIME_SPAN_HOUR);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add (now, cases[i].until_due);

      g_assert_cmpint (untrain_schedule_get_wait (due, now), ==, cases[i].wait);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib first reads the local time zone, which it then caches. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/schedule/clamp", test_clamp);
  g_test_add_func ("/schedule/due/never-checked", test_never_checked);
  g_test_add_func ("/schedule/due/overdue", test_overdue);
  g_test_add_func ("/schedule/due/not-yet", test_not_yet_due);
  g_test_add_func ("/schedule/due/future-last-check", test_future_last_check);
  g_test_add_func ("/schedule/due/clock-jumps", test_clock_jumps);
  g_test_add_func ("/schedule/due/interval-changes", test_interval_changes);
  g_test_add_func ("/schedule/due/daylight-saving", test_daylight_saving);
  g_test_add_func ("/schedule/due/snooze", test_snooze);
  g_test_add_func ("/schedule/wait", test_wait);

  return g_test_run ();
}
