/* untrain-window-live.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-window-live"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-application.h"
#include "untrain-checker.h"
#include "untrain-connect.h"
#include "untrain-credentials.h"
#include "untrain-platform-page.h"
#include "untrain-window-private.h"

/* The window's live side: connecting an account (a sign-in window or
 * pasted cookies, kept in the keyring), reading its switches, turning them
 * off, signing out, and exporting the record. Every step is async and is
 * cancelled when the window closes.
 */

#define STALE_AFTER (G_TIME_SPAN_HOUR)

typedef struct
{
  UntrainWindow      *window;
  UntrainStatusModel *model;
  char               *item_id;
} Job;

static Job *
job_new (UntrainWindow      *window,
         UntrainStatusModel *model)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (window);
  job->model = g_object_ref (model);

  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->model);
  g_free (job->item_id);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static UntrainPlatform *
job_platform (Job *job)
{
  return untrain_status_model_get_platform (job->model);
}

static const char *
job_platform_id (Job *job)
{
  return untrain_platform_get_id (job_platform (job));
}

static UntrainPlatformPage *
find_page (UntrainWindow *self,
           const char    *platform_id)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, platform_id);

  return page != NULL ? UNTRAIN_PLATFORM_PAGE (page) : NULL;
}

static void
set_account (UntrainWindow      *self,
             UntrainStatusModel *model,
             const char         *account)
{
  const char *platform_id = untrain_platform_get_id (untrain_status_model_get_platform (model));
  UntrainStateStore *store = untrain_status_model_get_store (model);
  UntrainPlatformPage *page = find_page (self, platform_id);
  g_autoptr(GError) error = NULL;

  untrain_state_store_set_account (store, platform_id, account);
  if (!untrain_state_store_save (store, &error))
    untrain_window_show_message (self, error->message);

  if (page != NULL)
    untrain_platform_page_set_account (page, account);
}

static UntrainStatusModel *
model_for_target (UntrainWindow *self,
                  GVariant      *parameter)
{
  UntrainStatusModel *model = _untrain_window_find_model (self, g_variant_get_string (parameter, NULL));

  if (model == NULL)
    g_warning ("No platform “%s”", g_variant_get_string (parameter, NULL));

  return model;
}

/* Checking */

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;

  if (!untrain_checker_check_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _untrain_window_toast (job->window, error->message);
      return;
    }

  g_settings_set_int64 (job->window->settings, "last-check", g_get_real_time () / G_USEC_PER_SEC);
}

static void
run_check (Job             *job,
           UntrainProvider *provider)
{
  untrain_checker_check_async (job->model, provider, job->window->history,
                               job->window->cancellable, check_cb, job);
}

typedef void (*WithProviderFunc) (Job *job, UntrainProvider *provider);

typedef struct
{
  Job              *job;
  WithProviderFunc  func;
} ProviderWait;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ProviderWait *wait = user_data;
  g_autoptr(Job) job = wait->job;
  WithProviderFunc func = wait->func;
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainSecret) cookies = NULL;

  g_free (wait);

  cookies = untrain_credentials_lookup_finish (result, NULL, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        untrain_window_show_message (job->window, error->message);
      return;
    }

  /* The keyring lost the session: the account is no longer connected. */
  if (cookies == NULL)
    {
      set_account (job->window, job->model, NULL);
      return;
    }

  if (!(provider = untrain_provider_new_for_platform (job_platform (job), cookies, &error)))
    {
      untrain_window_show_message (job->window, error->message);
      return;
    }

  g_hash_table_replace (job->window->providers, g_strdup (job_platform_id (job)), g_object_ref (provider));
  func (g_steal_pointer (&job), provider);
}

/* Calls @func with the platform's provider, made from the session in the
 * keyring the first time.
 */
static void
with_provider (Job              *job,
               WithProviderFunc  func)
{
  UntrainProvider *provider = g_hash_table_lookup (job->window->providers, job_platform_id (job));
  ProviderWait *wait;

  if (provider != NULL)
    {
      func (job, provider);
      return;
    }

  wait = g_new0 (ProviderWait, 1);
  wait->job = job;
  wait->func = func;
  untrain_credentials_lookup_async (job_platform_id (job), job->window->cancellable, lookup_cb, wait);
}

static void
check_platform (UntrainWindow      *self,
                UntrainStatusModel *model)
{
  with_provider (job_new (self, model), run_check);
}

static void
check_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  UntrainStatusModel *model = model_for_target (self, parameter);

  if (model != NULL)
    check_platform (self, model);
}

static void
check_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  guint n_models = g_list_model_get_n_items (self->models);

  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(UntrainStatusModel) model = g_list_model_get_item (self->models, i);
      const char *platform_id = untrain_platform_get_id (untrain_status_model_get_platform (model));
      UntrainPlatformPage *page = find_page (self, platform_id);

      if (page != NULL && untrain_platform_page_get_account (page) != NULL)
        check_platform (self, model);
    }
}

/**
 * _untrain_window_check_if_stale:
 *
 * When the window opens and the last check is over an hour old, checks the
 * connected accounts again.
 */
void
_untrain_window_check_if_stale (UntrainWindow *self)
{
  gint64 last_check = g_settings_get_int64 (self->settings, "last-check");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* A last check in the future means the clock went back: check. */
  if (last_check > now || now - last_check > STALE_AFTER / G_USEC_PER_SEC)
    check_all_action (GTK_WIDGET (self), NULL, NULL);
}

/* Connecting */

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *message = NULL;
  UntrainPlatformPage *page;

  if (!(account = untrain_connect_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        untrain_window_show_message (job->window, error->message);
      return;
    }

  page = find_page (job->window, job_platform_id (job));
  if (page != NULL)
    untrain_platform_page_set_account (page, account);

  /* Translators: “Connected to LinkedIn as First Last” */
  message = g_strdup_printf (_("Connected to %s as %s"),
                             untrain_platform_get_name (job_platform (job)), account);
  _untrain_window_toast (job->window, message);

  /* A new session: the provider made from the old one goes. */
  g_hash_table_remove (job->window->providers, job_platform_id (job));
  check_platform (job->window, job->model);
}

static void
connect_account (UntrainWindow        *self,
                 GVariant             *parameter,
                 UntrainConnectMethod  method)
{
  UntrainStatusModel *model = model_for_target (self, parameter);

  if (model == NULL)
    return;

  untrain_connect_async (GTK_WINDOW (self),
                         untrain_status_model_get_platform (model),
                         untrain_status_model_get_store (model),
                         method, self->cancellable,
                         connect_cb, job_new (self, model));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  connect_account (UNTRAIN_WINDOW (widget), parameter, UNTRAIN_CONNECT_SIGN_IN);
}

static void
paste_cookies_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  connect_account (UNTRAIN_WINDOW (widget), parameter, UNTRAIN_CONNECT_PASTE_COOKIES);
}

/* Signing out */

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!untrain_credentials_clear_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        untrain_window_show_message (job->window, error->message);
      return;
    }

  g_hash_table_remove (job->window->providers, job_platform_id (job));
  set_account (job->window, job->model, NULL);

  /* Translators: “Signed out of LinkedIn” */
  message = g_strdup_printf (_("Signed out of %s"), untrain_platform_get_name (job_platform (job)));
  _untrain_window_toast (job->window, message);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  UntrainStatusModel *model = model_for_target (self, parameter);
  Job *job;

  if (model == NULL)
    return;

  job = job_new (self, model);
  untrain_credentials_clear_async (job_platform_id (job), self->cancellable, clear_cb, job);
}

/* Turning off */

static void
on_failure_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Job              *job)
{
  UntrainItemStatus *item_status = untrain_status_model_lookup (job->model, job->item_id);

  if (g_str_equal (response, "open") && item_status != NULL)
    _untrain_window_open_uri (job->window, untrain_item_get_url (untrain_item_status_get_item (item_status)));
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  UntrainItemStatus *item_status = untrain_status_model_lookup (job->model, job->item_id);
  const char *title = untrain_item_get_title (untrain_item_status_get_item (item_status));
  AdwMessageDialog *dialog;

  if (untrain_checker_apply_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: “Done: LinkedIn confirms the change” */
      message = g_strdup_printf (_("Done: %s confirms the change"),
                                 untrain_platform_get_name (job_platform (job)));
      _untrain_window_toast (job->window, message);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What went wrong, and the page where the person can do it by hand. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (job->window),
                                                       _("The Setting Was Not Changed"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", title, error->message);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "open", _("_Open Setting"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_failure_response_cb),
                         g_steal_pointer (&job), (GClosureNotify)(void (*) (void))job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_apply (Job             *job,
           UntrainProvider *provider)
{
  untrain_checker_apply_async (job->model, provider, job->window->history, job->item_id,
                               job->window->cancellable, apply_cb, job);
}

static void
on_turn_off_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Job              *job)
{
  Job *apply_job;

  if (!g_str_equal (response, "turn-off"))
    return;

  apply_job = job_new (job->window, job->model);
  apply_job->item_id = g_strdup (job->item_id);
  with_provider (apply_job, run_apply);
}

static void
turn_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  UntrainStatusModel *model;
  UntrainItemStatus *item_status;
  AdwMessageDialog *dialog;
  Job *job;

  if (!(item_status = _untrain_window_find_item_status (self, parameter, &model)))
    return;

  /* Only a switch Untrain can read and write: a form is the person's to send. */
  if (!untrain_checker_is_live (model, item_status))
    {
      g_debug ("Nothing to turn off for %s", g_variant_get_string (parameter, NULL));
      return;
    }

  job = job_new (self, model);
  job->item_id = g_strdup (untrain_item_get_id (untrain_item_status_get_item (item_status)));

  /* Say exactly what will change before changing anything. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Turn It Off?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: the first %s is a setting's name on the
                                   * platform, in English, the second the platform */
                                  _("Untrain will switch off “%s” on your %s account, then read it back to make sure the change was made."),
                                  untrain_item_get_setting_name (untrain_item_status_get_item (item_status)),
                                  untrain_platform_get_name (untrain_status_model_get_platform (model)));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "turn-off", _("_Turn Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "turn-off", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "turn-off");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_turn_off_response_cb),
                         job, (GClosureNotify)(void (*) (void))job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The record */

static void
save_record_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UntrainWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      /* The window closed: nobody to tell, and the file is as it was. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s says why */
      message = g_strdup_printf (_("The record was not saved: %s"), error->message);
      untrain_window_show_message (self, message);
      return;
    }

  _untrain_window_toast (self, _("Record saved"));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       UntrainWindow   *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *html;

  if (response == GTK_RESPONSE_ACCEPT && app != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      now = g_date_time_new_now_local ();
      html = untrain_history_export_html (self->history,
                                          untrain_application_get_catalog (UNTRAIN_APPLICATION (app)),
                                          untrain_application_get_store (UNTRAIN_APPLICATION (app)),
                                          now);
      bytes = g_bytes_new_take (html, strlen (html));
      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           self->cancellable, save_record_cb, g_object_ref (self));
    }
}

static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "untrain-record-%Y-%m-%d.html");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Record"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Not modal: the window may close while it is open. The chooser goes
   * when it is answered, either way.
   */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_untrain_window_class_init_live (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sign-in", "s", sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.paste-cookies", "s", paste_cookies_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", "s", sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.check-now", "s", check_now_action);
  gtk_widget_class_install_action (widget_class, "win.check-all", NULL, check_all_action);
  gtk_widget_class_install_action (widget_class, "win.turn-off", "s", turn_off_action);
  gtk_widget_class_install_action (widget_class, "win.export-record", NULL, export_record_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.check-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-record", NULL);
}
