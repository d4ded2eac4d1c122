/* untrain-connect.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-connect"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-connect.h"
#include "untrain-credentials.h"
#include "untrain-paste-cookies-dialog.h"
#include "untrain-provider.h"
#include "untrain-signin.h"

/* Connecting an account, for the window and the first-run setup alike: the
 * session comes from a sign-in window or pasted cookies; the platform says
 * who it is; the session goes into the keyring and the name into the state
 * file. The cookies live only in memory on the way, and are wiped after.
 */

typedef struct
{
  UntrainPlatform   *platform;
  UntrainStateStore *store;
  char              *cookies;
  char              *account;
} Connect;

static void
connect_free (Connect *connect)
{
  g_clear_object (&connect->platform);
  g_clear_object (&connect->store);
  untrain_credentials_free_secret (connect->cookies);
  g_free (connect->account);
  g_free (connect);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Connect *connect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!untrain_credentials_store_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  untrain_state_store_set_account (connect->store,
                                   untrain_platform_get_id (connect->platform),
                                   connect->account);
  if (!untrain_state_store_save (connect->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_strdup (connect->account), g_free);
}

static void
whoami_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Connect *connect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  connect->account = untrain_provider_whoami_finish (UNTRAIN_PROVIDER (object), result, &error);
  if (connect->account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  untrain_credentials_store_async (untrain_platform_get_id (connect->platform),
                                   connect->account, connect->cookies,
                                   g_task_get_cancellable (task), store_cb, g_object_ref (task));
}

/* A session in hand: ask the platform whose it is before keeping it. */
static void
check_session (GTask      *task,
               const char *cookies)
{
  Connect *connect = g_task_get_task_data (task);
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  connect->cookies = g_strdup (cookies);

  if (!(provider = untrain_provider_new_for_platform (connect->platform, cookies, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  untrain_provider_whoami_async (provider, g_task_get_cancellable (task), whoami_cb, g_object_ref (task));
}

static void
signin_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *cookies = untrain_signin_run_finish (result, &error);

  if (cookies == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  check_session (task, cookies);
  untrain_credentials_free_secret (cookies);
}

static void
on_cookies_accepted_cb (GtkWidget  *dialog,
                        const char *cookies,
                        GTask      *task)
{
  g_object_set_data (G_OBJECT (task), "accepted", GINT_TO_POINTER (TRUE));
  check_session (task, cookies);
}

static void
on_paste_dialog_destroy_cb (GtkWidget *dialog,
                            GTask     *task)
{
  if (g_object_get_data (G_OBJECT (task), "accepted") == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Connecting was cancelled"));

  g_object_unref (task);
}

/**
 * untrain_connect_async:
 * @parent: the window to show the sign-in or paste window over
 * @store: where the connected account's name is kept
 *
 * Connects the person's @platform account. Fails with
 * %G_IO_ERROR_CANCELLED when the person closes the window.
 */
void
untrain_connect_async (GtkWindow            *parent,
                       UntrainPlatform      *platform,
                       UntrainStateStore    *store,
                       UntrainConnectMethod  method,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Connect *connect;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (UNTRAIN_IS_PLATFORM (platform));
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_connect_async);

  connect = g_new0 (Connect, 1);
  connect->platform = g_object_ref (platform);
  connect->store = g_object_ref (store);
  g_task_set_task_data (task, connect, (GDestroyNotify)connect_free);

  /* Built without WebKit, pasted cookies are the way in. */
  if (method == UNTRAIN_CONNECT_SIGN_IN && untrain_signin_is_available ())
    {
      untrain_signin_run_async (parent, platform, cancellable, signin_cb, g_steal_pointer (&task));
      return;
    }

  dialog = untrain_paste_cookies_dialog_new (parent, platform);
  g_signal_connect (dialog, "cookies-accepted", G_CALLBACK (on_cookies_accepted_cb), task);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_paste_dialog_destroy_cb), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * untrain_connect_finish:
 *
 * Returns: (transfer full): the connected person's name, "First Last"
 */
char *
untrain_connect_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
