/* untrain-reminder-service.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-reminder-service"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-applicability.h"
#include "untrain-catalog.h"
#include "untrain-checker.h"
#include "untrain-credentials.h"
#include "untrain-history.h"
#include "untrain-notifier.h"
#include "untrain-region.h"
#include "untrain-autostart.h"
#include "untrain-person.h"
#include "untrain-reminder-service.h"
#include "untrain-schedule.h"
#include "untrain-state-store.h"
#include "untrain-status-model.h"
#include "untrain-tray.h"

/* What the reminder keeps for itself, in a file of its own beside the
 * state file (the window saves the state file whole, from what it loaded
 * when it opened, and would undo a snooze the reminder wrote meanwhile).
 * Unix seconds; 0 or absent for none.
 */
#define REMINDER_GROUP            "reminder"
#define SNOOZED_UNTIL_KEY         "snoozed-until"
#define REMINDED_AT_KEY           "reminded-at"
#define NETWORK_NOTIFIED_AT_KEY   "network-notified-at"

/* Offline, the check is tried again after this long; the person hears
 * about the network at most once in NETWORK_NOTICE_INTERVAL.
 */
#define OFFLINE_RETRY             G_TIME_SPAN_HOUR
#define NETWORK_NOTICE_INTERVAL   G_TIME_SPAN_DAY

#define APPLICATION_PATH          "/io/github/untrain/Untrain"

/* What needs the person, most pressing first. */
typedef enum
{
  FINDING_SWITCH_BACK_ON,
  FINDING_SWITCH_ON,
  FINDING_SIGN_IN,
  FINDING_CANNOT_READ,
  FINDING_FOLLOW_UP,
  FINDING_NOT_CHECKED,
  FINDING_OFFLINE,
} FindingKind;

typedef struct
{
  FindingKind  kind;
  char        *platform_id;
  char        *text;
} Finding;

typedef struct _DueRun DueRun;

struct _UntrainReminderService
{
  GObject             parent_instance;

  GDBusConnection    *bus;
  GDBusConnection    *system_bus;
  GSettings          *settings;

  UntrainStateStore  *store;
  UntrainStateStore  *reminder_store;
  UntrainNotifier    *notifier;
  UntrainTray        *tray;

  GDateTime          *now;

  guint               own_name_id;
  guint               sleep_subscription_id;
  guint               timeout_id;
  gulong              settings_changed_id;
  GCancellable       *cancellable;
  DueRun             *due_run;

  /* In memory only: after a restart, offline is tried again at once. */
  gint64              retry_at;
  guint               warned_interval;

  guint               running : 1;
  guint               finished : 1;
};

struct _DueRun
{
  UntrainReminderService *self;
  GDateTime              *now;
  UntrainHistory         *history;
  GPtrArray              *models;
  GPtrArray              *findings;
  GPtrArray              *offline_names;
  guint                   n_pending;
  guint                   n_connected;
  guint                   n_checked;
};

enum {
  PROP_0,
  PROP_BUS,
  PROP_SYSTEM_BUS,
  PROP_SETTINGS,
  PROP_RUNNING,
  N_PROPS
};

enum {
  FINISHED,
  DUE_HANDLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UntrainReminderService, untrain_reminder_service, G_TYPE_OBJECT)

static void arm     (UntrainReminderService *self);
static void finish  (UntrainReminderService *self);

static GDateTime *
get_now (UntrainReminderService *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_local ();
}

static void
finding_free (Finding *finding)
{
  g_free (finding->platform_id);
  g_free (finding->text);
  g_free (finding);
}

static void
add_finding (GPtrArray   *findings,
             FindingKind  kind,
             const char  *platform_id,
             char        *text)
{
  Finding *finding = g_new0 (Finding, 1);

  finding->kind = kind;
  finding->platform_id = g_strdup (platform_id);
  finding->text = text;
  g_ptr_array_add (findings, finding);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const Finding *finding_a = *(const Finding **)a;
  const Finding *finding_b = *(const Finding **)b;

  return (int)finding_a->kind - (int)finding_b->kind;
}

static void
due_run_free (DueRun *run)
{
  g_clear_object (&run->self);
  g_clear_pointer (&run->now, g_date_time_unref);
  g_clear_object (&run->history);
  g_clear_pointer (&run->models, g_ptr_array_unref);
  g_clear_pointer (&run->findings, g_ptr_array_unref);
  g_clear_pointer (&run->offline_names, g_ptr_array_unref);
  g_free (run);
}

static guint
get_interval (UntrainReminderService *self)
{
  guint interval = g_settings_get_uint (self->settings, "reminder-interval-days");
  gboolean clamped = FALSE;
  guint result = untrain_schedule_clamp_interval (interval, &clamped);

  /* Once for each bad value, not at every look at the clock. */
  if (clamped && interval != self->warned_interval)
    {
      g_warning ("reminder-interval-days is %u, out of the range %u–%u; using %u",
                 interval, UNTRAIN_REMINDER_MIN_INTERVAL_DAYS, UNTRAIN_REMINDER_MAX_INTERVAL_DAYS, result);
      self->warned_interval = interval;
    }

  return result;
}

/* The later of the last check and the last reminder: a person reminded
 * who does nothing is reminded again one interval later, not every hour.
 */
static GDateTime *
compute_due (UntrainReminderService *self,
             GDateTime              *now)
{
  gint64 last_check = g_settings_get_int64 (self->settings, "last-check");
  gint64 reminded_at = untrain_state_store_get_int64 (self->reminder_store, REMINDER_GROUP, REMINDED_AT_KEY);
  gint64 snoozed_until = untrain_state_store_get_int64 (self->reminder_store, REMINDER_GROUP, SNOOZED_UNTIL_KEY);

  return untrain_schedule_get_due (MAX (last_check, reminded_at), get_interval (self), snoozed_until, now);
}

static void
save_reminder_state (UntrainReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (!untrain_state_store_save (self->reminder_store, &error))
    g_warning ("Could not save the reminder’s state: %s", error->message);
}

/* Untrain, on the platform's page (the checklist for ""): D-Bus activation
 * of the DBusActivatable application starts it when it is not running.
 */
static void
activate_action_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    g_warning ("Could not open Untrain: %s", error->message);
}

static void
open_untrain (UntrainReminderService *self,
              const char             *platform_id)
{
  GVariantBuilder parameter;

  g_variant_builder_init (&parameter, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameter, "v", g_variant_new_string (platform_id != NULL ? platform_id : ""));

  g_dbus_connection_call (self->bus,
                          APPLICATION_ID,
                          APPLICATION_PATH,
                          "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new ("(sava{sv})", "show-platform", &parameter, NULL),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          NULL,
                          activate_action_cb,
                          NULL);
}

static void
on_review_cb (UntrainReminderService *self,
              const char             *platform_id)
{
  untrain_notifier_withdraw (self->notifier);
  open_untrain (self, platform_id);
}

/**
 * untrain_reminder_service_snooze:
 *
 * Remind Me Tomorrow: quiet for 24 hours, then the due logic runs again.
 */
void
untrain_reminder_service_snooze (UntrainReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self));

  now = get_now (self);
  untrain_state_store_set_int64 (self->reminder_store, REMINDER_GROUP, SNOOZED_UNTIL_KEY,
                                 g_date_time_to_unix (now) + UNTRAIN_REMINDER_SNOOZE / G_TIME_SPAN_SECOND);
  /* Tomorrow is a reminder of its own, not the one just given. */
  untrain_state_store_set_int64 (self->reminder_store, REMINDER_GROUP, REMINDED_AT_KEY, 0);
  save_reminder_state (self);

  untrain_notifier_withdraw (self->notifier);
  untrain_tray_set_attention (self->tray, FALSE, NULL, NULL);

  arm (self);
}

static void
on_turn_off_reminders_cb (UntrainReminderService *self)
{
  g_autoptr(GError) error = NULL;

  /* Untrain may not be open to take the autostart file away: do it here. */
  if (!untrain_autostart_is_sandboxed () && !untrain_autostart_set_enabled (FALSE, &error))
    g_warning ("%s", error->message);

  /* The settings' change stops the service. */
  g_settings_set_boolean (self->settings, "reminder-enabled", FALSE);
}

static char *
describe_switch_on (UntrainPlatform *platform,
                    UntrainItem     *item,
                    gboolean         was_done)
{
  const UntrainSetting *setting = untrain_item_get_setting (item);
  const char *name = setting != NULL ? setting->label : NULL;
  const char *platform_name = untrain_platform_get_name (platform);

  if (was_done)
    {
      if (name != NULL)
        /* Translators: “LinkedIn turned “Data for Generative AI Improvement” back on”;
         * the second %s is the switch’s name on the platform, in English */
        return g_strdup_printf (_("%s turned “%s” back on"), platform_name, name);

      /* Translators: “LinkedIn turned a setting back on: Turn off “Data for research”” */
      return g_strdup_printf (_("%s turned a setting back on: %s"), platform_name, untrain_item_get_title (item));
    }

  if (name != NULL)
    /* Translators: “LinkedIn has “Data for Generative AI Improvement” on”;
     * the second %s is the switch’s name on the platform, in English */
    return g_strdup_printf (_("%s has “%s” on"), platform_name, name);

  /* Translators: “LinkedIn has a setting on: Turn off “Data for research”” */
  return g_strdup_printf (_("%s has a setting on: %s"), platform_name, untrain_item_get_title (item));
}

/* What the platform answered was not the setting (its page changed, say). */
static char *
describe_cannot_read (UntrainPlatform *platform,
                      UntrainItem     *item)
{
  /* Translators: “Untrain can’t read “Data for research” on LinkedIn”;
   * the first %s is the switch’s name on the platform, in English */
  return g_strdup_printf (_("Untrain can’t read “%s” on %s"),
                          untrain_item_get_setting_name (item),
                          untrain_platform_get_name (platform));
}

static void
add_sign_in_finding (DueRun          *run,
                     UntrainPlatform *platform)
{
  /* Translators: “Sign in to LinkedIn again so Untrain can check it” */
  add_finding (run->findings, FINDING_SIGN_IN, untrain_platform_get_id (platform),
               g_strdup_printf (_("Sign in to %s again so Untrain can check it"),
                                untrain_platform_get_name (platform)));
}

static char *
describe_not_checked (GDateTime *now,
                      gint64     last_check)
{
  gint64 days;

  if (last_check <= 0)
    return g_strdup (_("Your settings have never been checked"));

  days = (g_date_time_to_unix (now) - last_check) / (G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
  if (days <= 0)
    return g_strdup (_("Your settings are due to be checked"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Your settings haven’t been checked for %u day",
                                       "Your settings haven’t been checked for %u days",
                                       (gulong)days),
                          (guint)days);
}

static const char *
describe_next_step (const Finding *finding)
{
  switch (finding->kind)
    {
    case FINDING_SWITCH_BACK_ON:
      return _("Untrain checked it for you. Review it to turn it off again.");

    case FINDING_SWITCH_ON:
      return _("Untrain checked it for you. Review it to turn it off.");

    case FINDING_SIGN_IN:
      return _("The session Untrain keeps has ended; it can’t check until you sign in.");

    case FINDING_CANNOT_READ:
      return _("Review it to see why, and check the setting yourself.");

    case FINDING_FOLLOW_UP:
      return _("Review it to send a follow-up.");

    case FINDING_NOT_CHECKED:
      return _("It takes a minute to see that your data stays out of AI training.");

    case FINDING_OFFLINE:
      return _("Untrain will try again in an hour.");

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Everything the checks found, on one notification and in the tray. */
static gboolean
tell_person (DueRun   *run,
             gboolean  notify)
{
  UntrainReminderService *self = run->self;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  const Finding *first;
  const char *platform_id = NULL;

  if (run->findings->len == 0)
    {
      untrain_notifier_withdraw (self->notifier);
      untrain_tray_set_attention (self->tray, FALSE, NULL, NULL);
      return FALSE;
    }

  g_ptr_array_sort (run->findings, compare_findings);
  first = g_ptr_array_index (run->findings, 0);

  for (guint i = 0; i < run->findings->len; i++)
    {
      const Finding *finding = g_ptr_array_index (run->findings, i);

      if (platform_id == NULL)
        platform_id = finding->platform_id;

      if (i > 0)
        {
          g_string_append_c (tooltip, '\n');
          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, finding->text);
        }
      g_string_append (tooltip, finding->text);
    }

  if (run->findings->len == 1)
    g_string_append (body, describe_next_step (first));

  untrain_tray_set_attention (self->tray, TRUE, tooltip->str, platform_id);

  if (!notify)
    return FALSE;

  untrain_notifier_show (self->notifier, first->text, body->str, platform_id);
  return TRUE;
}

static gboolean
has_finding (DueRun      *run,
             FindingKind  kind)
{
  for (guint i = 0; i < run->findings->len; i++)
    {
      const Finding *finding = g_ptr_array_index (run->findings, i);

      if (finding->kind == kind)
        return TRUE;
    }

  return FALSE;
}

static void
due_run_complete (DueRun *run)
{
  g_autoptr(UntrainReminderService) self = g_object_ref (run->self);
  gint64 last_check = g_settings_get_int64 (self->settings, "last-check");
  gint64 now_unix = g_date_time_to_unix (run->now);
  guint n_offline = run->offline_names->len;
  gboolean offline = n_offline > 0;
  gboolean may_notify = TRUE;
  gboolean notified;

  /* Stopped meanwhile: nobody to tell. */
  if (self->finished)
    {
      self->due_run = NULL;
      due_run_free (run);
      return;
    }

  /* Checked, and the platforms answered: the next check is an interval away. */
  if (run->n_checked > 0 && !offline)
    {
      g_settings_set_int64 (self->settings, "last-check", now_unix);
      last_check = now_unix;
    }

  /* An objection whose answer is overdue, whatever else is going on. */
  for (guint i = 0; i < run->models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (run->models, i);
      UntrainPlatform *platform = untrain_status_model_get_platform (model);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), j);

          if (untrain_item_status_needs_follow_up (item_status))
            add_finding (run->findings, FINDING_FOLLOW_UP, untrain_platform_get_id (platform),
                         /* Translators: “LinkedIn’s answer is overdue: Object to LinkedIn’s
                          * other machine-learning uses”, the second %s a checklist item */
                         g_strdup_printf (_("%s’s answer is overdue: %s"),
                                          untrain_platform_get_name (platform),
                                          untrain_item_get_title (untrain_item_status_get_item (item_status))));
        }
    }

  /* Nothing was checked for the interval (nothing connected, or nothing
   * that could be read): remind the person to look themselves.
   */
  if (run->n_checked == 0 && !offline &&
      !has_finding (run, FINDING_SIGN_IN) && !has_finding (run, FINDING_CANNOT_READ))
    {
      g_autoptr(GDateTime) due = untrain_schedule_get_due (last_check, get_interval (self), 0, run->now);

      if (untrain_schedule_get_wait (due, run->now) == 0)
        add_finding (run->findings, FINDING_NOT_CHECKED, NULL, describe_not_checked (run->now, last_check));
    }

  if (offline)
    {
      gint64 notified_at = untrain_state_store_get_int64 (self->reminder_store, REMINDER_GROUP,
                                                          NETWORK_NOTIFIED_AT_KEY);
      g_autofree char *names = NULL;

      g_ptr_array_add (run->offline_names, NULL);
      names = g_strjoinv (", ", (char **)run->offline_names->pdata);

      /* Once a day at most; the tray says it meanwhile. */
      may_notify = notified_at <= 0 || notified_at > now_unix ||
                   (now_unix - notified_at) * G_TIME_SPAN_SECOND >= NETWORK_NOTICE_INTERVAL;

      /* Translators: “Untrain can’t reach LinkedIn to check your settings” */
      add_finding (run->findings, FINDING_OFFLINE, NULL,
                   g_strdup_printf (_("Untrain can’t reach %s to check your settings"), names));

      self->retry_at = now_unix + OFFLINE_RETRY / G_TIME_SPAN_SECOND;
      if (may_notify)
        untrain_state_store_set_int64 (self->reminder_store, REMINDER_GROUP, NETWORK_NOTIFIED_AT_KEY, now_unix);
    }
  else
    {
      self->retry_at = 0;
      /* Told something: again one interval later if nothing changes. A
       * run with nothing to tell (Check Now, say) leaves the next
       * reminder where it was.
       */
      if (run->findings->len > 0)
        untrain_state_store_set_int64 (self->reminder_store, REMINDER_GROUP, REMINDED_AT_KEY, now_unix);
    }

  notified = tell_person (run, may_notify);
  save_reminder_state (self);

  g_debug ("Due run over: %u connected, %u checked, %u offline, %u findings, %s",
           run->n_connected, run->n_checked, n_offline, run->findings->len,
           notified ? "notified" : "no notification");

  self->due_run = NULL;
  g_signal_emit (self, signals[DUE_HANDLED], 0, notified);
  due_run_free (run);

  arm (self);
}

typedef struct
{
  DueRun             *run;
  UntrainStatusModel *model;
  GHashTable         *done_before;
} PlatformRun;

static void
platform_run_free (PlatformRun *platform_run)
{
  g_clear_object (&platform_run->model);
  g_clear_pointer (&platform_run->done_before, g_hash_table_unref);
  g_free (platform_run);
}

static void
platform_run_complete (PlatformRun *platform_run)
{
  DueRun *run = platform_run->run;

  platform_run_free (platform_run);

  if (--run->n_pending == 0)
    due_run_complete (run);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PlatformRun *platform_run = user_data;
  DueRun *run = platform_run->run;
  UntrainStatusModel *model = platform_run->model;
  UntrainPlatform *platform = untrain_status_model_get_platform (model);
  g_autoptr(GError) error = NULL;
  gboolean needs_sign_in = FALSE;
  guint n_read = 0;
  guint n_items;

  if (!untrain_checker_check_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          platform_run_complete (platform_run);
          return;
        }

      if (g_error_matches (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE))
        g_ptr_array_add (run->offline_names, (gpointer)untrain_platform_get_name (platform));
      else
        g_warning ("Could not check %s: %s", untrain_platform_get_name (platform), error->message);

      platform_run_complete (platform_run);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);
      UntrainItem *item = untrain_item_status_get_item (item_status);

      if (!untrain_checker_is_live (model, item_status) ||
          untrain_item_status_get_evidence (item_status) != UNTRAIN_EVIDENCE_LIVE)
        continue;

      switch (untrain_item_status_get_status (item_status))
        {
        case UNTRAIN_STATUS_ACTION_NEEDED:
          {
            gboolean was_done = g_hash_table_contains (platform_run->done_before, untrain_item_get_id (item));

            add_finding (run->findings,
                         was_done ? FINDING_SWITCH_BACK_ON : FINDING_SWITCH_ON,
                         untrain_platform_get_id (platform),
                         describe_switch_on (platform, item, was_done));
            n_read++;
          }
          break;

        case UNTRAIN_STATUS_DONE:
          n_read++;
          break;

        case UNTRAIN_STATUS_NEEDS_SIGN_IN:
          needs_sign_in = TRUE;
          break;

        case UNTRAIN_STATUS_ERROR:
          add_finding (run->findings, FINDING_CANNOT_READ, untrain_platform_get_id (platform),
                       describe_cannot_read (platform, item));
          break;

        case UNTRAIN_STATUS_UNKNOWN:
        case UNTRAIN_STATUS_CHECKING:
        case UNTRAIN_STATUS_NOT_APPLICABLE:
        default:
          break;
        }
    }

  /* Checked only where a switch was read: an ended session or a page
   * that changed leaves last-check as it was.
   */
  if (n_read > 0)
    run->n_checked++;

  if (needs_sign_in)
    add_sign_in_finding (run, platform);

  platform_run_complete (platform_run);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlatformRun *platform_run = user_data;
  DueRun *run = platform_run->run;
  UntrainReminderService *self = run->self;
  UntrainStatusModel *model = platform_run->model;
  UntrainPlatform *platform = untrain_status_model_get_platform (model);
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainSecret) cookies = NULL;
  guint n_items;

  cookies = untrain_credentials_lookup_finish (result, NULL, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the %s session from the keyring: %s",
                   untrain_platform_get_name (platform), error->message);
      platform_run_complete (platform_run);
      return;
    }

  /* Connected once, but the keyring no longer has the session. */
  if (cookies == NULL)
    {
      add_sign_in_finding (run, platform);
      platform_run_complete (platform_run);
      return;
    }

  if (!(provider = untrain_provider_new_for_platform (platform, cookies, &error)))
    {
      g_warning ("Could not check %s: %s", untrain_platform_get_name (platform), error->message);
      platform_run_complete (platform_run);
      return;
    }

  /* What was done before the check: found on now, it was turned back on. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (untrain_checker_is_live (model, item_status) &&
          untrain_item_status_get_status (item_status) == UNTRAIN_STATUS_DONE)
        g_hash_table_add (platform_run->done_before,
                          g_strdup (untrain_item_get_id (untrain_item_status_get_item (item_status))));
    }

  untrain_checker_check_async (model, provider, run->history, self->cancellable,
                               check_cb, platform_run);
}

static GPtrArray *
build_models (UntrainReminderService *self,
              UntrainCatalog         *catalog,
              GDateTime              *now)
{
  g_autofree char *country = untrain_person_get_country (self->settings);
  int age = untrain_person_get_age (self->settings);
  g_auto(GStrv) chosen = NULL;
  GPtrArray *models = g_ptr_array_new_with_free_func (g_object_unref);

  /* The platforms the person uses: only these are checked by reminders. */
  chosen = g_settings_get_strv (self->settings, "platforms");
  for (guint i = 0; chosen[i] != NULL; i++)
    {
      UntrainPlatform *platform = untrain_catalog_lookup (catalog, chosen[i]);
      UntrainStatusModel *model;

      if (platform == NULL)
        {
          g_debug ("Skipping “%s”: not a platform Untrain knows", chosen[i]);
          continue;
        }

      model = untrain_status_model_new (platform, self->store, country, age);
      untrain_status_model_set_now (model, now);
      g_ptr_array_add (models, model);
    }

  return models;
}

/**
 * untrain_reminder_service_run_due:
 *
 * Runs what is done when the reminder is due, now: the live checks of
 * connected accounts, then the notification and the tray icon when
 * something needs the person. Emits "due-handled" when it is over. A run
 * already under way is not started twice.
 */
void
untrain_reminder_service_run_due (UntrainReminderService *self)
{
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autoptr(GFile) history_file = NULL;
  g_autoptr(GError) error = NULL;
  DueRun *run;

  g_return_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self));

  if (self->due_run != NULL || !self->running)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  run = g_new0 (DueRun, 1);
  run->self = g_object_ref (self);
  run->now = get_now (self);
  run->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  run->offline_names = g_ptr_array_new ();
  self->due_run = run;

  /* What the window or the command line wrote since. */
  if (!untrain_state_store_load (self->store, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }

  history_file = untrain_history_get_default_file ();
  run->history = untrain_history_new (history_file);

  /* Built for the run and dropped after it: the service stays small idle. */
  catalog = untrain_catalog_new_default ();
  run->models = build_models (self, catalog, run->now);

  /* Counts itself, so that nothing completes before everything started. */
  run->n_pending = 1;

  for (guint i = 0; i < run->models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (run->models, i);
      UntrainPlatform *platform = untrain_status_model_get_platform (model);
      g_autofree char *account = NULL;
      PlatformRun *platform_run;

      if (untrain_platform_get_provider (platform) == NULL)
        continue;

      /* Only who connected: the keyring is not opened for anyone else. */
      account = untrain_state_store_get_account (self->store, untrain_platform_get_id (platform));
      if (account == NULL)
        continue;

      run->n_connected++;
      run->n_pending++;

      platform_run = g_new0 (PlatformRun, 1);
      platform_run->run = run;
      platform_run->model = g_object_ref (model);
      platform_run->done_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      untrain_credentials_lookup_async (untrain_platform_get_id (platform), self->cancellable,
                                        lookup_cb, platform_run);
    }

  if (--run->n_pending == 0)
    due_run_complete (run);
}

static gboolean
timeout_cb (gpointer user_data)
{
  UntrainReminderService *self = user_data;
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) due = NULL;

  self->timeout_id = 0;

  due = compute_due (self, now);
  if (untrain_schedule_get_wait (due, now) == 0 &&
      (self->retry_at == 0 || g_date_time_to_unix (now) >= self->retry_at))
    untrain_reminder_service_run_due (self);
  else
    arm (self);

  return G_SOURCE_REMOVE;
}

/* One timer, for the due time or the safety re-arm, whichever is first. */
static void
arm (UntrainReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) due = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* A run under way arms the timer when it is over. */
  if (!self->running || self->due_run != NULL)
    return;

  now = get_now (self);
  due = compute_due (self, now);

  /* Offline: the next try, not at once. */
  if (self->retry_at > g_date_time_to_unix (due))
    {
      g_autoptr(GDateTime) retry = g_date_time_new_from_unix_local (self->retry_at);

      g_clear_pointer (&due, g_date_time_unref);
      due = g_steal_pointer (&retry);
    }

  wait = untrain_schedule_get_wait (due, now);

  if (wait == 0)
    {
      self->timeout_id = g_idle_add (timeout_cb, self);
      g_debug ("Due now");
    }
  else
    {
      guint seconds = (guint)((wait + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);

      self->timeout_id = g_timeout_add_seconds (seconds, timeout_cb, self);
      g_debug ("Looking again in %u s", seconds);
    }
}

static void
settings_changed_cb (UntrainReminderService *self,
                     const char             *key,
                     GSettings              *settings)
{
  if (g_str_equal (key, "reminder-enabled"))
    {
      if (!g_settings_get_boolean (settings, "reminder-enabled"))
        {
          g_debug ("Reminders were turned off");
          finish (self);
        }
    }
  else if (g_str_equal (key, "show-tray-icon"))
    untrain_tray_set_visible (self->tray, g_settings_get_boolean (settings, "show-tray-icon"));
  else if (g_str_equal (key, "last-check") ||
           g_str_equal (key, "reminder-interval-days"))
    arm (self);
}

/* logind says PrepareForSleep(false) on resume: the monotonic timer slept
 * too, so look at the wall clock again.
 */
static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  UntrainReminderService *self = user_data;
  gboolean going_to_sleep;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      g_debug ("Resumed from sleep");
      arm (self);
    }
}

static void
load_reminder_state (UntrainReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (!untrain_state_store_load (self->reminder_store, &error))
    g_warning ("%s", error->message);
}

static void
begin (UntrainReminderService *self)
{
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (!g_settings_get_boolean (self->settings, "reminder-enabled"))
    {
      g_debug ("Reminders are off");
      finish (self);
      return;
    }

  self->notifier = untrain_notifier_new (self->bus);
  g_signal_connect_object (self->notifier, "review", G_CALLBACK (on_review_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "snooze", G_CALLBACK (untrain_reminder_service_snooze), self, G_CONNECT_SWAPPED);

  self->tray = untrain_tray_new (self->bus);
  untrain_tray_set_visible (self->tray, g_settings_get_boolean (self->settings, "show-tray-icon"));
  g_signal_connect_object (self->tray, "review", G_CALLBACK (on_review_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tray, "check-now", G_CALLBACK (untrain_reminder_service_run_due), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tray, "snooze", G_CALLBACK (untrain_reminder_service_snooze), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tray, "turn-off-reminders", G_CALLBACK (on_turn_off_reminders_cb), self, G_CONNECT_SWAPPED);

  self->settings_changed_id = g_signal_connect_object (self->settings, "changed",
                                                       G_CALLBACK (settings_changed_cb), self,
                                                       G_CONNECT_SWAPPED);

  if (self->system_bus != NULL)
    self->sleep_subscription_id =
      g_dbus_connection_signal_subscribe (self->system_bus,
                                          "org.freedesktop.login1",
                                          "org.freedesktop.login1.Manager",
                                          "PrepareForSleep",
                                          "/org/freedesktop/login1",
                                          NULL,
                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                          prepare_for_sleep_cb,
                                          self, NULL);

  load_reminder_state (self);
  arm (self);
}

static void
finish (UntrainReminderService *self)
{
  if (self->finished)
    return;

  self->finished = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->settings_changed_id, self->settings);
  if (self->sleep_subscription_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription_id);
      self->sleep_subscription_id = 0;
    }

  if (self->notifier != NULL)
    untrain_notifier_withdraw (self->notifier);
  if (self->tray != NULL)
    untrain_tray_set_visible (self->tray, FALSE);

  if (self->running)
    {
      self->running = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  UntrainReminderService *self = user_data;

  if (self->running || self->finished)
    return;

  g_debug ("Owns %s", name);
  begin (self);
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  UntrainReminderService *self = user_data;

  if (self->running)
    g_message ("Lost the name %s; stopping", name);
  else
    g_debug ("Another reminder owns %s", name);

  finish (self);
}

/**
 * untrain_reminder_service_start:
 *
 * Asks for the reminder's bus name. With it, the service begins (or
 * finishes at once if reminders are off); without it, another instance
 * runs and this one finishes.
 */
void
untrain_reminder_service_start (UntrainReminderService *self)
{
  g_return_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self));
  g_return_if_fail (self->own_name_id == 0);

  self->own_name_id = g_bus_own_name_on_connection (self->bus,
                                                    UNTRAIN_REMINDER_BUS_NAME,
                                                    G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                    name_acquired_cb,
                                                    name_lost_cb,
                                                    self, NULL);
}

gboolean
untrain_reminder_service_is_running (UntrainReminderService *self)
{
  g_return_val_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self), FALSE);

  return self->running;
}

/**
 * untrain_reminder_service_set_now:
 * @now: (nullable): the time the service takes for now, or %NULL for the clock
 *
 * For tests: a clock of their own. Like a jump of the real clock, a new
 * time is noticed at the next look: the timer, a resume, a settings change.
 */
void
untrain_reminder_service_set_now (UntrainReminderService *self,
                                  GDateTime              *now)
{
  g_return_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

/**
 * untrain_reminder_service_get_due:
 *
 * Returns: (transfer full): when the reminder is next due
 */
GDateTime *
untrain_reminder_service_get_due (UntrainReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (UNTRAIN_IS_REMINDER_SERVICE (self), NULL);

  now = get_now (self);
  return compute_due (self, now);
}

static void
untrain_reminder_service_constructed (GObject *object)
{
  UntrainReminderService *self = (UntrainReminderService *)object;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GFile) reminder_file = NULL;

  G_OBJECT_CLASS (untrain_reminder_service_parent_class)->constructed (object);

  g_return_if_fail (G_IS_DBUS_CONNECTION (self->bus));
  g_return_if_fail (G_IS_SETTINGS (self->settings));

  state_file = untrain_state_store_get_default_file ();
  self->store = untrain_state_store_new (state_file);

  reminder_file = g_file_new_build_filename (g_get_user_state_dir (), "untrain", "reminder.ini", NULL);
  self->reminder_store = untrain_state_store_new (reminder_file);
}

static void
untrain_reminder_service_dispose (GObject *object)
{
  UntrainReminderService *self = (UntrainReminderService *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->own_name_id, g_bus_unown_name);
  g_clear_signal_handler (&self->settings_changed_id, self->settings);
  if (self->sleep_subscription_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription_id);
      self->sleep_subscription_id = 0;
    }

  g_clear_object (&self->notifier);
  g_clear_object (&self->tray);
  g_clear_object (&self->store);
  g_clear_object (&self->reminder_store);
  g_clear_object (&self->settings);
  g_clear_object (&self->system_bus);
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (untrain_reminder_service_parent_class)->dispose (object);
}

static void
untrain_reminder_service_finalize (GObject *object)
{
  UntrainReminderService *self = (UntrainReminderService *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (untrain_reminder_service_parent_class)->finalize (object);
}

static void
untrain_reminder_service_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UntrainReminderService *self = UNTRAIN_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_BUS:
      g_value_set_object (value, self->bus);
      break;

    case PROP_SYSTEM_BUS:
      g_value_set_object (value, self->system_bus);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_reminder_service_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UntrainReminderService *self = UNTRAIN_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_BUS:
      self->bus = g_value_dup_object (value);
      break;

    case PROP_SYSTEM_BUS:
      self->system_bus = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_reminder_service_class_init (UntrainReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_reminder_service_constructed;
  object_class->dispose = untrain_reminder_service_dispose;
  object_class->finalize = untrain_reminder_service_finalize;
  object_class->get_property = untrain_reminder_service_get_property;
  object_class->set_property = untrain_reminder_service_set_property;

  properties[PROP_BUS] =
    g_param_spec_object ("bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYSTEM_BUS] =
    g_param_spec_object ("system-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainReminderService::finished:
   *
   * The service stopped for good; the process should end, with status 0.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UntrainReminderService::due-handled:
   * @notified: whether a notification was shown
   *
   * A run of the due logic is over.
   */
  signals[DUE_HANDLED] =
    g_signal_new ("due-handled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
untrain_reminder_service_init (UntrainReminderService *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * untrain_reminder_service_new:
 * @bus: the session bus: the service's name, notifications, the tray, Untrain
 * @system_bus: (nullable): for logind's PrepareForSleep; %NULL without one
 * @settings: Untrain's settings
 *
 * Returns: (transfer full): the service; untrain_reminder_service_start()
 *   starts it
 */
UntrainReminderService *
untrain_reminder_service_new (GDBusConnection *bus,
                              GDBusConnection *system_bus,
                              GSettings       *settings)
{
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), NULL);
  g_return_val_if_fail (system_bus == NULL || G_IS_DBUS_CONNECTION (system_bus), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNTRAIN_TYPE_REMINDER_SERVICE,
                       "bus", bus,
                       "system-bus", system_bus,
                       "settings", settings,
                       NULL);
}
