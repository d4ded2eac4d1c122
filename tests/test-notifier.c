/* test-notifier.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fake-notifications.h"
#include "untrain-notifier.h"

/* The reminder's notification on a private bus, against a notification
 * server that speaks the real protocol: what it shows, that it replaces
 * itself, that the person's clicks reach the reminder, and that a desktop
 * without a notification server breaks nothing.
 */

typedef struct
{
  GTestDBus         *bus;
  GDBusConnection   *client;    /* the reminder's connection */
  GDBusConnection   *server;    /* the notification server's */
  FakeNotifications *fake;
  UntrainNotifier   *notifier;

  guint              filter_id;
  int                n_notify_sent;
  int                n_service_unknown;

  guint              n_review;
  gboolean           review_platform_set;
  char              *review_platform_id;
  guint              n_snooze;
} Fixture;

#define WITHOUT_SERVER GINT_TO_POINTER (1)

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, for at most five seconds. */
#define WAIT_UNTIL(condition)                                                \
  G_STMT_START {                                                             \
    guint wake_up_id = g_timeout_add (10, wake_up_cb, NULL);                 \
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;          \
    while (!(condition))                                                     \
      {                                                                      \
        if (g_get_monotonic_time () > deadline)                              \
          g_error ("Timed out waiting for %s", #condition);                  \
        g_main_context_iteration (NULL, TRUE);                               \
      }                                                                      \
    g_source_remove (wake_up_id);                                            \
  } G_STMT_END

/* Runs the main loop for @ms, so that what should not happen could. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake_up_id = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up_id);
}

/* Counts what the reminder sends, in GDBus's worker thread. */
static GDBusMessage *
count_messages_cb (GDBusConnection *connection,
                   GDBusMessage    *message,
                   gboolean         incoming,
                   gpointer         user_data)
{
  Fixture *fixture = user_data;

  if (!incoming &&
      g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
      g_strcmp0 (g_dbus_message_get_member (message), "Notify") == 0)
    g_atomic_int_inc (&fixture->n_notify_sent);

  /* What a bus without a notification server answers Notify */
  if (incoming &&
      g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_ERROR &&
      g_strcmp0 (g_dbus_message_get_error_name (message), "org.freedesktop.DBus.Error.ServiceUnknown") == 0)
    g_atomic_int_inc (&fixture->n_service_unknown);

  return message;
}

static GDBusConnection *
connect_to_bus (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                       (G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
on_review_cb (UntrainNotifier *notifier,
              const char      *platform_id,
              Fixture         *fixture)
{
  fixture->n_review++;
  fixture->review_platform_set = TRUE;
  g_free (fixture->review_platform_id);
  fixture->review_platform_id = g_strdup (platform_id);
}

static void
on_snooze_cb (UntrainNotifier *notifier,
              Fixture         *fixture)
{
  fixture->n_snooze++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);

  fixture->client = connect_to_bus (fixture);
  fixture->filter_id = g_dbus_connection_add_filter (fixture->client, count_messages_cb, fixture, NULL);
  fixture->server = connect_to_bus (fixture);

  if (data != WITHOUT_SERVER)
    fixture->fake = fake_notifications_new (fixture->server);

  fixture->notifier = untrain_notifier_new (fixture->client);
  g_signal_connect (fixture->notifier, "review", G_CALLBACK (on_review_cb), fixture);
  g_signal_connect (fixture->notifier, "snooze", G_CALLBACK (on_snooze_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->notifier != NULL)
    g_assert_finalize_object (fixture->notifier);
  g_clear_object (&fixture->fake);

  g_dbus_connection_remove_filter (fixture->client, fixture->filter_id);
  g_dbus_connection_close_sync (fixture->client, NULL, NULL);
  g_dbus_connection_close_sync (fixture->server, NULL, NULL);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->server);

  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->review_platform_id, g_free);
}

/* Shows a notification and waits until the notifier knows its id. */
static guint32
show_and_wait (Fixture    *fixture,
               const char *title,
               const char *platform_id)
{
  guint n_before = fake_notifications_get_n_notify (fixture->fake);

  untrain_notifier_show (fixture->notifier, title, "Open Untrain to see what changed.", platform_id);
  WAIT_UNTIL (fake_notifications_get_n_notify (fixture->fake) == n_before + 1);

  /* The answer reaches the notifier before anything the server sends
   * after it.
   */
  run_for (20);

  return fake_notifications_get_last (fixture->fake)->id;
}

static void
test_shows_as_untrain (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const actions[] = {
    "default", "Review Now",
    "review", "Review Now",
    "snooze", "Remind Me Tomorrow",
    NULL
  };
  const FakeNotification *notification;
  guint8 urgency = 0;

  untrain_notifier_show (fixture->notifier,
                         "LinkedIn turned “Data for Generative AI Improvement” back on",
                         "Turn it off again in Untrain.",
                         "linkedin");
  WAIT_UNTIL (fake_notifications_get_n_notify (fixture->fake) == 1);

  notification = fake_notifications_get_last (fixture->fake);
  g_assert_cmpstr (notification->app_name, ==, "Untrain");
  g_assert_cmpstr (notification->app_icon, ==, "io.github.untrain.Untrain");
  g_assert_cmpstr (notification->summary, ==, "LinkedIn turned “Data for Generative AI Improvement” back on");
  g_assert_cmpstr (notification->body, ==, "Turn it off again in Untrain.");
  g_assert_cmpuint (notification->replaces_id, ==, 0);
  g_assert_cmpint (notification->timeout, ==, -1);
  g_assert_cmpstrv (notification->actions, actions);
  g_assert_cmpstr (fake_notification_get_hint_string (notification, "desktop-entry"), ==, "io.github.untrain.Untrain");
  g_assert_true (fake_notification_get_hint_byte (notification, "urgency", &urgency));
  g_assert_cmpuint (urgency, ==, 1);
  g_assert_cmpstr (notification->sender, ==, g_dbus_connection_get_unique_name (fixture->client));

  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 1);
  g_assert_cmpuint (fixture->n_review, ==, 0);
  g_assert_cmpuint (fixture->n_snooze, ==, 0);
}

static void
test_no_body (Fixture       *fixture,
              gconstpointer  data)
{
  untrain_notifier_show (fixture->notifier, "No check for 30 days", NULL, NULL);
  WAIT_UNTIL (fake_notifications_get_n_notify (fixture->fake) == 1);

  g_assert_cmpstr (fake_notifications_get_last (fixture->fake)->summary, ==, "No check for 30 days");
  g_assert_cmpstr (fake_notifications_get_last (fixture->fake)->body, ==, "");
}

static void
test_second_show_replaces_first (Fixture       *fixture,
                                 gconstpointer  data)
{
  guint32 first_id;
  guint32 second_id;

  first_id = show_and_wait (fixture, "First", "linkedin");
  second_id = show_and_wait (fixture, "Second", "linkedin");

  g_assert_cmpuint (first_id, !=, 0);
  g_assert_cmpuint (fake_notifications_get_notify_call (fixture->fake, 1)->replaces_id, ==, first_id);
  g_assert_cmpuint (second_id, ==, first_id);
  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 1);
  g_assert_cmpstr (fake_notifications_lookup (fixture->fake, first_id)->summary, ==, "Second");
}

/* Shown again before the server has answered: the second waits for the
 * first's id, so there is still one notification, the last one.
 */
static void
test_quick_shows_replace (Fixture       *fixture,
                          gconstpointer  data)
{
  const FakeNotification *last;

  untrain_notifier_show (fixture->notifier, "First", NULL, "linkedin");
  untrain_notifier_show (fixture->notifier, "Second", NULL, "linkedin");
  untrain_notifier_show (fixture->notifier, "Third", NULL, "facebook");
  WAIT_UNTIL (g_strcmp0 (fake_notifications_get_last (fixture->fake) ? fake_notifications_get_last (fixture->fake)->summary : NULL, "Third") == 0);
  run_for (50);

  /* The first, then the last in its place; the one in between was never
   * worth showing.
   */
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->fake), ==, 2);
  last = fake_notifications_get_last (fixture->fake);
  g_assert_cmpuint (last->replaces_id, ==, fake_notifications_get_notify_call (fixture->fake, 0)->id);
  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 1);

  fake_notifications_invoke_action (fixture->fake, last->id, "review");
  WAIT_UNTIL (fixture->n_review == 1);
  g_assert_cmpstr (fixture->review_platform_id, ==, "facebook");
}

static void
test_review_action (Fixture       *fixture,
                    gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  fake_notifications_invoke_action (fixture->fake, id, "review");
  WAIT_UNTIL (fixture->n_review == 1);
  g_assert_cmpstr (fixture->review_platform_id, ==, "linkedin");
  g_assert_cmpuint (fixture->n_snooze, ==, 0);
}

static void
test_default_action (Fixture       *fixture,
                     gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  fake_notifications_invoke_action (fixture->fake, id, "default");
  WAIT_UNTIL (fixture->n_review == 1);
  g_assert_cmpstr (fixture->review_platform_id, ==, "linkedin");
  g_assert_cmpuint (fixture->n_snooze, ==, 0);
}

static void
test_review_without_platform (Fixture       *fixture,
                              gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "No check for 30 days", NULL);

  fake_notifications_invoke_action (fixture->fake, id, "review");
  WAIT_UNTIL (fixture->n_review == 1);
  g_assert_true (fixture->review_platform_set);
  g_assert_null (fixture->review_platform_id);
}

static void
test_snooze_action (Fixture       *fixture,
                    gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  fake_notifications_invoke_action (fixture->fake, id, "snooze");
  WAIT_UNTIL (fixture->n_snooze == 1);
  g_assert_cmpuint (fixture->n_review, ==, 0);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Clicks on other applications' notifications, and actions Untrain never
 * offered, are not the person's answer to Untrain.
 */
static void
test_other_ids_ignored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDBusConnection) other = connect_to_bus (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 other_id;
  guint32 id;

  id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  /* Another application's notification, on the same server, which
   * answers from this thread: not a blocking call.
   */
  g_dbus_connection_call (other, FAKE_NOTIFICATIONS_NAME, FAKE_NOTIFICATIONS_PATH,
                          FAKE_NOTIFICATIONS_NAME, "Notify",
                          g_variant_new ("(susssasa{sv}i)", "Other", 0, "", "Hello", "",
                                         NULL, NULL, -1),
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          store_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  reply = g_dbus_connection_call_finish (other, result, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &other_id);
  g_assert_cmpuint (other_id, !=, id);

  fake_notifications_invoke_action (fixture->fake, other_id, "review");
  fake_notifications_invoke_action (fixture->fake, other_id, "default");
  fake_notifications_invoke_action (fixture->fake, other_id, "snooze");
  /* Broadcast, for an id the server never gave out */
  fake_notifications_invoke_action (fixture->fake, id + 100, "review");
  fake_notifications_invoke_action (fixture->fake, 0, "snooze");
  /* Ours, but not an action Untrain offered */
  fake_notifications_invoke_action (fixture->fake, id, "settings");
  /* The other one goes away: ours stays */
  fake_notifications_close (fixture->fake, other_id, FAKE_NOTIFICATIONS_CLOSED_DISMISSED);
  run_for (100);

  g_assert_cmpuint (fixture->n_review, ==, 0);
  g_assert_cmpuint (fixture->n_snooze, ==, 0);

  /* Still listening to its own */
  fake_notifications_invoke_action (fixture->fake, id, "snooze");
  WAIT_UNTIL (fixture->n_snooze == 1);
  g_assert_cmpuint (fixture->n_review, ==, 0);

  g_dbus_connection_close_sync (other, NULL, NULL);
}

static void
test_withdraw_closes (Fixture       *fixture,
                      gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  untrain_notifier_withdraw (fixture->notifier);
  WAIT_UNTIL (fake_notifications_get_n_close_calls (fixture->fake) == 1);
  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 0);
  g_assert_null (fake_notifications_lookup (fixture->fake, id));

  /* Nothing left to withdraw: no call */
  untrain_notifier_withdraw (fixture->notifier);
  run_for (50);
  g_assert_cmpuint (fake_notifications_get_n_close_calls (fixture->fake), ==, 1);

  /* A late click on the old one means nothing any more */
  fake_notifications_invoke_action (fixture->fake, id, "review");
  run_for (50);
  g_assert_cmpuint (fixture->n_review, ==, 0);

  /* The next one is new, not a replacement */
  show_and_wait (fixture, "No check for 30 days", NULL);
  g_assert_cmpuint (fake_notifications_get_last (fixture->fake)->replaces_id, ==, 0);
  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 1);
}

/* Withdrawn before the server answered: it does not stay on screen. */
static void
test_withdraw_while_showing (Fixture       *fixture,
                             gconstpointer  data)
{
  untrain_notifier_show (fixture->notifier, "LinkedIn needs you to sign in again", NULL, "linkedin");
  untrain_notifier_withdraw (fixture->notifier);

  WAIT_UNTIL (fake_notifications_get_n_close_calls (fixture->fake) == 1);
  g_assert_cmpuint (fake_notifications_get_n_notify (fixture->fake), ==, 1);
  g_assert_cmpuint (fake_notifications_get_n_open (fixture->fake), ==, 0);
}

/* The person dismissed it: the next one is new, and the old id is not
 * Untrain's any more.
 */
static void
test_closed_by_person (Fixture       *fixture,
                       gconstpointer  data)
{
  guint32 id = show_and_wait (fixture, "LinkedIn needs you to sign in again", "linkedin");

  fake_notifications_close (fixture->fake, id, FAKE_NOTIFICATIONS_CLOSED_DISMISSED);
  run_for (50);

  untrain_notifier_withdraw (fixture->notifier);
  run_for (50);
  g_assert_cmpuint (fake_notifications_get_n_close_calls (fixture->fake), ==, 0);

  show_and_wait (fixture, "No check for 30 days", NULL);
  g_assert_cmpuint (fake_notifications_get_last (fixture->fake)->replaces_id, ==, 0);
}

/* No notification server: a debug message, one try, no crash; the next
 * show, once a server is there, works.
 */
static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_test_expect_message ("untrain-notifier", G_LOG_LEVEL_DEBUG, "Could not show the notification*");
  untrain_notifier_show (fixture->notifier, "LinkedIn needs you to sign in again", NULL, "linkedin");
  WAIT_UNTIL (g_atomic_int_get (&fixture->n_service_unknown) == 1);
  run_for (300);
  g_test_assert_expected_messages ();

  g_assert_cmpint (g_atomic_int_get (&fixture->n_notify_sent), ==, 1);

  untrain_notifier_withdraw (fixture->notifier);
  run_for (50);

  /* A server starts, as one does when the desktop comes up */
  fixture->fake = fake_notifications_new (fixture->server);
  untrain_notifier_show (fixture->notifier, "No check for 30 days", NULL, NULL);
  WAIT_UNTIL (fake_notifications_get_n_notify (fixture->fake) == 1);
  g_assert_cmpuint (fake_notifications_get_last (fixture->fake)->replaces_id, ==, 0);
  g_assert_cmpint (g_atomic_int_get (&fixture->n_notify_sent), ==, 2);
  g_assert_cmpuint (fake_notifications_get_n_close_calls (fixture->fake), ==, 0);
}

/* The reminder lets go of its notifier while Notify is on its way. */
static void
test_finalize_while_showing (Fixture       *fixture,
                             gconstpointer  data)
{
  untrain_notifier_show (fixture->notifier, "LinkedIn needs you to sign in again", NULL, "linkedin");
  g_assert_finalize_object (g_steal_pointer (&fixture->notifier));

  WAIT_UNTIL (fake_notifications_get_n_notify (fixture->fake) == 1);
  fake_notifications_invoke_action (fixture->fake, fake_notifications_get_last (fixture->fake)->id, "review");
  run_for (100);
  g_assert_cmpuint (fixture->n_review, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add ("/notifier/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-as-untrain", test_shows_as_untrain, NULL);
  ADD ("no-body", test_no_body, NULL);
  ADD ("second-show-replaces-first", test_second_show_replaces_first, NULL);
  ADD ("quick-shows-replace", test_quick_shows_replace, NULL);
  ADD ("review-action", test_review_action, NULL);
  ADD ("default-action", test_default_action, NULL);
  ADD ("review-without-platform", test_review_without_platform, NULL);
  ADD ("snooze-action", test_snooze_action, NULL);
  ADD ("other-ids-ignored", test_other_ids_ignored, NULL);
  ADD ("withdraw-closes", test_withdraw_closes, NULL);
  ADD ("withdraw-while-showing", test_withdraw_while_showing, NULL);
  ADD ("closed-by-person", test_closed_by_person, NULL);
  ADD ("no-server", test_no_server, WITHOUT_SERVER);
  ADD ("finalize-while-showing", test_finalize_while_showing, NULL);

#undef ADD

  return g_test_run ();
}
