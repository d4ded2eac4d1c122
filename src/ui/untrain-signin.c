/* untrain-signin.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-signin"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>

#include "untrain-credentials.h"
#include "untrain-module.h"
#include "untrain-provider.h"
#include "untrain-signin.h"
#include "untrain-signin-config.h"

/* Shared with the module, which is built in src/signin. */
#include "../signin/untrain-signin-module.h"

/* Signing in through the platform's own login page. The window that shows
 * it links WebKit, which costs Untrain's start about 50 to 160 ms and
 * 33 MiB, so it lives in a module of its own (src/signin) that is opened
 * only when a person signs in, and stays loaded from then on. The module
 * is found in $UNTRAIN_SIGNIN_MODULE_DIR (the build tree, when Untrain
 * runs from there) or else where it is installed.
 */

#define LINKEDIN_URL "https://www.linkedin.com"

typedef struct
{
  GtkWindow            *parent;
  char                 *platform_name;
  char                 *login_uri;
  char                 *cookie_uri;
  char                **cookie_names;
} SigninData;

static void
signin_data_free (SigninData *data)
{
  g_clear_object (&data->parent);
  g_free (data->platform_name);
  g_free (data->login_uri);
  g_free (data->cookie_uri);
  g_strfreev (data->cookie_names);
  g_free (data);
}

#if HAVE_SIGNIN_MODULE
G_LOCK_DEFINE_STATIC (module);

static const UntrainSigninModule *
open_module (GError **error)
{
  g_autofree char *path = untrain_module_get_path ("UNTRAIN_SIGNIN_MODULE_DIR", UNTRAIN_SIGNIN_MODULE_NAME);
  UntrainSigninModuleGetFunc get_module = NULL;
  const UntrainSigninModule *functions = NULL;
  GModule *module;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s", _("Untrain’s sign-in window is not installed; paste your cookies from a web browser instead"));
      return NULL;
    }

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_warning ("Could not load the sign-in module: %s", g_module_error ());
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s", _("Untrain’s sign-in window could not be started; paste your cookies from a web browser instead"));
      return NULL;
    }

  if (g_module_symbol (module, UNTRAIN_SIGNIN_MODULE_ENTRY_POINT, (gpointer *)&get_module) &&
      get_module != NULL)
    functions = get_module (UNTRAIN_SIGNIN_MODULE_VERSION);

  if (functions == NULL)
    {
      g_warning ("%s is not the sign-in module of Untrain %s", path, PACKAGE_VERSION);
      g_module_close (module);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s", _("Untrain’s sign-in window is from another version of Untrain; install Untrain again"));
      return NULL;
    }

  /* The module's types are registered for good: it can never go away. */
  g_module_make_resident (module);
  g_debug ("Loaded the sign-in module from %s", path);

  return functions;
}
#endif

/* Once, for the whole process; a failure is tried again next time. */
static const UntrainSigninModule *
load_module (GError **error)
{
#if HAVE_SIGNIN_MODULE
  static const UntrainSigninModule *loaded = NULL;
  const UntrainSigninModule *functions;

  G_LOCK (module);
  if (loaded == NULL)
    loaded = open_module (error);
  functions = loaded;
  G_UNLOCK (module);

  return functions;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s", _("This build of Untrain has no sign-in window; paste your cookies from a web browser instead"));
  return NULL;
#endif
}

/**
 * untrain_signin_is_available:
 *
 * Whether Untrain can show its sign-in window; when it cannot, the person
 * can still paste their cookies. Cheap: nothing is loaded.
 *
 * Returns: %TRUE if the sign-in module is there
 */
gboolean
untrain_signin_is_available (void)
{
#if HAVE_SIGNIN_MODULE
  g_autofree char *path = untrain_module_get_path ("UNTRAIN_SIGNIN_MODULE_DIR", UNTRAIN_SIGNIN_MODULE_NAME);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
#else
  return FALSE;
#endif
}

/* The platform's site, as its provider reaches it: LinkedIn's, or the one
 * UNTRAIN_LINKEDIN_URL names, which may be plain http:// only on this
 * computer (tests run a fake LinkedIn there).
 */
static char *
get_base_url (UntrainPlatform  *platform,
              GError          **error)
{
  const char *url = g_getenv ("UNTRAIN_LINKEDIN_URL");
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (g_strcmp0 (untrain_platform_get_provider (platform), "linkedin") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Untrain can’t sign in to %s for you; follow its checklist by hand"),
                   untrain_platform_get_name (platform));
      return NULL;
    }

  if (url == NULL || url[0] == '\0')
    url = LINKEDIN_URL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_FAILED,
                   _("“%s” is not a web address; fix UNTRAIN_LINKEDIN_URL or unset it"), url);
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

      if (g_ascii_strcasecmp (host, "localhost") != 0 &&
          (address == NULL || !g_inet_address_get_is_loopback (address)))
        {
          g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_INSECURE,
                       _("Untrain signs in to %s only over https://, which “%s” is not"),
                       untrain_platform_get_name (platform), url);
          return NULL;
        }
    }

  /* Just the site: scheme, host and port. */
  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, host, g_uri_get_port (uri), "", NULL, NULL);
}

static void
module_signin_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const UntrainSigninModule *functions = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *cookies;

  cookies = functions->run_finish (result, &error);
  if (cookies == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, cookies, (GDestroyNotify)untrain_credentials_free_secret);
}

static void
module_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  const UntrainSigninModule *functions;
  SigninData *data;
  UntrainSigninRequest request;

  functions = g_task_propagate_pointer (G_TASK (result), &error);
  if (functions == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The request data goes; the task keeps the module's functions. */
  data = g_task_get_task_data (task);
  request.platform_name = data->platform_name;
  request.login_uri = data->login_uri;
  request.cookie_uri = data->cookie_uri;
  request.cookie_names = (const char * const *)data->cookie_names;

  functions->run_async (data->parent, &request, g_task_get_cancellable (task),
                        module_signin_cb, g_object_ref (task));

  g_task_set_task_data (task, (gpointer)functions, NULL);
}

/* Opening the module reads a few megabytes of libraries from disk: off the
 * main loop, so the window stays responsive meanwhile.
 */
static void
load_module_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  const UntrainSigninModule *functions = load_module (&error);

  if (functions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, (gpointer)functions, NULL);
}

/**
 * untrain_signin_run_async:
 * @parent: (nullable): the window the sign-in window is modal for
 *
 * Opens @platform's login page in a window of its own, for the person to
 * sign in there; once they have, the window closes and the result holds
 * the session's cookies. The first call loads the sign-in module.
 */
void
untrain_signin_run_async (GtkWindow           *parent,
                          UntrainPlatform     *platform,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  const char * const *cookie_names;
  SigninData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UNTRAIN_IS_PLATFORM (platform));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_signin_run_async);

  base_url = get_base_url (platform, &error);
  if (base_url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cookie_names = untrain_provider_get_session_cookie_names (untrain_platform_get_provider (platform));
  g_assert (cookie_names != NULL);

  data = g_new0 (SigninData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->platform_name = g_strdup (untrain_platform_get_name (platform));
  data->login_uri = g_strconcat (base_url, "/login", NULL);
  data->cookie_uri = g_strconcat (base_url, "/", NULL);
  data->cookie_names = g_strdupv ((char **)cookie_names);
  g_task_set_task_data (task, data, (GDestroyNotify)signin_data_free);

  load = g_task_new (NULL, cancellable, module_loaded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (load, load_module_thread);
  g_task_run_in_thread (load, load_module_thread);
}

/**
 * untrain_signin_run_finish:
 *
 * Returns: (transfer full): the session's cookies in Cookie-header form,
 *   just those that make the session; or %NULL with @error set, to
 *   %G_IO_ERROR_CANCELLED when the person closed the window
 */
char *
untrain_signin_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_signin_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
