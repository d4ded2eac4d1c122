/* untrain-signin-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-signin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <webkit/webkit.h>

#include "untrain-signin-window.h"

/* The platform's own login page in a web view, for a person to sign in as
 * they do in a browser (passwords, two-factor codes, checkpoints all work
 * as there). The web view has an ephemeral network session: WebKit keeps
 * its cookies, cache and storage in memory and drops them with the window.
 * Each time its cookies change, the window reads those of the platform's
 * address; once every session cookie is there, it hands them to its caller
 * and closes. The cookies' values are never logged.
 */
struct _UntrainSigninWindow
{
  AdwWindow             parent_instance;

  GTask                *task;
  GCancellable         *cancellable;      /* the caller's */
  gulong                cancelled_id;
  GCancellable         *reading;          /* the window's own cookie reads */
  char                 *cookie_uri;
  char                **cookie_names;
  char                 *session;          /* read, and about to be handed over */
  WebKitNetworkSession *network_session;
  WebKitWebView        *web_view;
  guint                 reading_cookies : 1;
  guint                 read_again : 1;

  AdwWindowTitle       *window_title;
  GtkOverlay           *overlay;
  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (UntrainSigninWindow, untrain_signin_window, ADW_TYPE_WINDOW)

/* The pending sign-in, no longer pending: the caller's cancellable and the
 * cookie reads are let go.
 */
static GTask *
take_task (UntrainSigninWindow *self)
{
  if (self->cancelled_id != 0)
    {
      g_cancellable_disconnect (self->cancellable, self->cancelled_id);
      self->cancelled_id = 0;
    }

  g_cancellable_cancel (self->reading);

  return g_steal_pointer (&self->task);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "%s", _("Sign-in was cancelled"));
}

/* Closes the window first, so that the caller hears back from a window
 * that is gone.
 */
/* A session's cookies are a password: no copy is left in freed memory. */
static void
free_session (char *session)
{
  if (session != NULL)
    explicit_bzero (session, strlen (session));
  g_free (session);
}

static void
finish (UntrainSigninWindow *self,
        char                *cookies)
{
  g_autoptr(UntrainSigninWindow) hold = g_object_ref (self);
  g_autoptr(GTask) task = take_task (self);

  if (task == NULL)
    {
      free_session (cookies);
      return;
    }

  webkit_web_view_stop_loading (self->web_view);
  gtk_window_destroy (GTK_WINDOW (self));

  if (cookies != NULL)
    g_task_return_pointer (task, cookies, (GDestroyNotify)free_session);
  else
    return_cancelled (task);
}

static gboolean
cancel_cb (gpointer user_data)
{
  finish (user_data, NULL);

  return G_SOURCE_REMOVE;
}

/* May run in any thread, and with the cancellable's lock held: the window
 * closes from its own main loop.
 */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_cb, g_object_ref (user_data), g_object_unref);
}

/* The session in Cookie-header form, once each of the session's cookies
 * has a value; %NULL until then.
 */
static char *
get_session (UntrainSigninWindow *self,
             GList               *cookies)
{
  /* Long enough for any session: growing it would leave copies behind. */
  GString *header = g_string_sized_new (4096);

  for (guint i = 0; self->cookie_names[i] != NULL; i++)
    {
      const char *value = NULL;

      for (const GList *l = cookies; l != NULL; l = l->next)
        {
          SoupCookie *cookie = l->data;

          if (strcmp (soup_cookie_get_name (cookie), self->cookie_names[i]) == 0 &&
              soup_cookie_get_value (cookie)[0] != '\0')
            {
              value = soup_cookie_get_value (cookie);
              break;
            }
        }

      if (value == NULL)
        {
          explicit_bzero (header->str, header->allocated_len);
          g_string_free (header, TRUE);
          return NULL;
        }

      if (header->len > 0)
        g_string_append (header, "; ");
      g_string_append_printf (header, "%s=%s", self->cookie_names[i], value);
    }

  return g_string_free (header, FALSE);
}

static void read_cookies (UntrainSigninWindow *self);

static gboolean
signed_in_cb (gpointer user_data)
{
  UntrainSigninWindow *self = user_data;

  finish (self, g_steal_pointer (&self->session));

  return G_SOURCE_REMOVE;
}

static void
got_cookies (UntrainSigninWindow *self,
             WebKitCookieManager *manager,
             GAsyncResult        *result)
{
  g_autoptr(GError) error = NULL;
  char *session;
  GList *cookies;

  self->reading_cookies = FALSE;

  cookies = webkit_cookie_manager_get_cookies_finish (manager, result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the sign-in window’s cookies: %s", error->message);
      return;
    }

  session = get_session (self, cookies);
  g_list_free_full (cookies, (GDestroyNotify)soup_cookie_free);

  if (session != NULL)
    {
      g_debug ("Every session cookie is set: the sign-in is done");
      self->session = session;
      /* Not from within WebKit's callback: closing the window takes the
       * web view, its network session and cookie manager with it.
       */
      g_idle_add_full (G_PRIORITY_DEFAULT, signed_in_cb, g_object_ref (self), g_object_unref);
      return;
    }

  if (self->read_again)
    read_cookies (self);
}

static gboolean
release_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static void
got_cookies_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  UntrainSigninWindow *self = user_data;

  /* The read's reference to the window goes only once WebKit is done with
   * the read, which holds the cookie manager: the window's network
   * session must outlive it.
   */
  g_idle_add_full (G_PRIORITY_DEFAULT, release_cb, self, g_object_unref);
  got_cookies (self, WEBKIT_COOKIE_MANAGER (object), result);
}

/* One read at a time: a change during a read asks for another after it. */
static void
read_cookies (UntrainSigninWindow *self)
{
  WebKitCookieManager *manager;

  if (self->task == NULL || self->session != NULL)
    return;

  if (self->reading_cookies)
    {
      self->read_again = TRUE;
      return;
    }

  self->reading_cookies = TRUE;
  self->read_again = FALSE;

  manager = webkit_network_session_get_cookie_manager (self->network_session);
  webkit_cookie_manager_get_cookies (manager, self->cookie_uri, self->reading,
                                     got_cookies_cb, g_object_ref (self));
}

static void
cookies_changed_cb (UntrainSigninWindow *self,
                    WebKitCookieManager *manager)
{
  read_cookies (self);
}

/* Cookies can also come with a page that finished loading before the
 * window heard of the change: look once more then.
 */
static void
load_changed_cb (UntrainSigninWindow *self,
                 WebKitLoadEvent      load_event,
                 WebKitWebView       *web_view)
{
  if (load_event == WEBKIT_LOAD_FINISHED)
    read_cookies (self);
}

/* The subtitle says which site the page is from, as a browser's address
 * bar would.
 */
static void
uri_changed_cb (UntrainSigninWindow *self,
                GParamSpec          *pspec,
                WebKitWebView       *web_view)
{
  const char *uri = webkit_web_view_get_uri (web_view);
  g_autoptr(GUri) parsed = uri != NULL ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;

  adw_window_title_set_subtitle (self->window_title,
                                 parsed != NULL && g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : "");
}

static void
progress_changed_cb (UntrainSigninWindow *self,
                     GParamSpec          *pspec,
                     WebKitWebView       *web_view)
{
  gtk_progress_bar_set_fraction (self->progress_bar, webkit_web_view_get_estimated_load_progress (web_view));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), webkit_web_view_is_loading (web_view));
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  return_cancelled (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
untrain_signin_window_close_request (GtkWindow *window)
{
  UntrainSigninWindow *self = (UntrainSigninWindow *)window;
  g_autoptr(GTask) task = take_task (self);

  /* The caller hears back once the window is gone. */
  if (task != NULL)
    {
      g_debug ("The sign-in window was closed before the sign-in was done");
      webkit_web_view_stop_loading (self->web_view);
      g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_cb, g_steal_pointer (&task), g_object_unref);
    }

  return GTK_WINDOW_CLASS (untrain_signin_window_parent_class)->close_request (window);
}

static void
untrain_signin_window_dispose (GObject *object)
{
  UntrainSigninWindow *self = (UntrainSigninWindow *)object;
  g_autoptr(GTask) task = take_task (self);

  /* Gone with its parent, say, before the sign-in was done. */
  if (task != NULL)
    return_cancelled (task);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_SIGNIN_WINDOW);
  self->web_view = NULL;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (untrain_signin_window_parent_class)->dispose (object);
}

static void
untrain_signin_window_finalize (GObject *object)
{
  UntrainSigninWindow *self = (UntrainSigninWindow *)object;

  g_clear_object (&self->reading);
  g_clear_object (&self->network_session);
  g_clear_pointer (&self->session, free_session);
  g_clear_pointer (&self->cookie_uri, g_free);
  g_clear_pointer (&self->cookie_names, g_strfreev);

  G_OBJECT_CLASS (untrain_signin_window_parent_class)->finalize (object);
}

static void
untrain_signin_window_class_init (UntrainSigninWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = untrain_signin_window_dispose;
  object_class->finalize = untrain_signin_window_finalize;

  window_class->close_request = untrain_signin_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/untrain/Untrain/signin/untrain-signin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainSigninWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UntrainSigninWindow, overlay);
  gtk_widget_class_bind_template_child (widget_class, UntrainSigninWindow, progress_bar);
}

static void
untrain_signin_window_init (UntrainSigninWindow *self)
{
  WebKitCookieManager *manager;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->reading = g_cancellable_new ();

  /* Nothing of the sign-in reaches the disk: no cookie file, no cache, no
   * local storage. The keyring gets the session cookies, and only them.
   */
  self->network_session = webkit_network_session_new_ephemeral ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", self->network_session,
                                 "vexpand", TRUE,
                                 "hexpand", TRUE,
                                 NULL);
  gtk_overlay_set_child (self->overlay, GTK_WIDGET (self->web_view));

  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "notify::uri",
                           G_CALLBACK (uri_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "notify::estimated-load-progress",
                           G_CALLBACK (progress_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "notify::is-loading",
                           G_CALLBACK (progress_changed_cb), self, G_CONNECT_SWAPPED);

  manager = webkit_network_session_get_cookie_manager (self->network_session);
  g_signal_connect_object (manager, "changed",
                           G_CALLBACK (cookies_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * untrain_signin_window_run_async:
 * @parent: (nullable): the window the sign-in window is modal for
 *
 * Opens the sign-in window on @request's login page.
 */
void
untrain_signin_window_run_async (GtkWindow                  *parent,
                                 const UntrainSigninRequest *request,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  UntrainSigninWindow *self;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->platform_name != NULL);
  g_return_if_fail (request->login_uri != NULL);
  g_return_if_fail (request->cookie_uri != NULL);
  g_return_if_fail (request->cookie_names != NULL && request->cookie_names[0] != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_signin_window_run_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  self = g_object_new (UNTRAIN_TYPE_SIGNIN_WINDOW,
                       "transient-for", parent,
                       NULL);

  /* Translators: the sign-in window's title, as in “Sign In to LinkedIn” */
  title = g_strdup_printf (_("Sign In to %s"), request->platform_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  self->cookie_uri = g_strdup (request->cookie_uri);
  self->cookie_names = g_strdupv ((char **)request->cookie_names);
  self->task = g_steal_pointer (&task);

  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
    }

  webkit_web_view_load_uri (self->web_view, request->login_uri);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

/**
 * untrain_signin_window_run_finish:
 *
 * Returns: (transfer full): the session's cookies in Cookie-header form, or
 *   %NULL with %G_IO_ERROR_CANCELLED when the person closed the window
 */
char *
untrain_signin_window_run_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_signin_window_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
