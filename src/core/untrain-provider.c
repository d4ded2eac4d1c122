/* untrain-provider.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-live.h"
#include "untrain-provider.h"

/* A platform's live settings: who is signed in, whether a switch is as it
 * should be, and turning it so. Each platform with a "provider" in the
 * catalog has an implementation; every call is async and cancellable.
 */

G_DEFINE_QUARK (untrain-provider-error-quark, untrain_provider_error)

G_DEFINE_INTERFACE (UntrainProvider, untrain_provider, G_TYPE_OBJECT)

static void
untrain_provider_default_init (UntrainProviderInterface *iface)
{
}

/**
 * untrain_provider_new_for_platform:
 * @cookies: the session, in Cookie-header form
 *
 * Returns: (transfer full) (nullable): the provider of @platform's live
 *   settings, or %NULL with @error set when it has none or cannot be used
 */
UntrainProvider *
untrain_provider_new_for_platform (UntrainPlatform  *platform,
                                   const char       *cookies,
                                   GError          **error)
{
  const UntrainLive *live;
  const char *name;

  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (cookies != NULL, NULL);

  name = untrain_platform_get_provider (platform);

  if (g_strcmp0 (name, "linkedin") == 0)
    {
      if ((live = untrain_live_get (error)) == NULL)
        return NULL;
      return live->linkedin_provider_new (cookies, error);
    }

  g_set_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_FAILED,
               _("Untrain can’t read %s’s settings for you; follow its checklist by hand"),
               untrain_platform_get_name (platform));
  return NULL;
}

/**
 * untrain_provider_get_session_cookie_names:
 * @provider_name: a catalog "provider", such as "linkedin"
 *
 * Returns: (transfer none) (nullable): the cookies that make a session
 */
const char * const *
untrain_provider_get_session_cookie_names (const char *provider_name)
{
  static const char * const linkedin[] = { "li_at", "JSESSIONID", NULL };

  if (g_strcmp0 (provider_name, "linkedin") == 0)
    return linkedin;

  return NULL;
}

/**
 * untrain_provider_get_cookie_domain:
 * @provider_name: a catalog "provider", such as "linkedin"
 *
 * Returns: (nullable): the domain whose cookies make a session, such as
 *   "linkedin.com"; the session's cookies are never sent anywhere else
 */
const char *
untrain_provider_get_cookie_domain (const char *provider_name)
{
  if (g_strcmp0 (provider_name, "linkedin") == 0)
    return "linkedin.com";

  return NULL;
}

/**
 * untrain_provider_error_to_status:
 *
 * Returns: the status an item gets when its check failed with @error
 */
UntrainStatus
untrain_provider_error_to_status (const GError *error)
{
  if (g_error_matches (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT))
    return UNTRAIN_STATUS_NEEDS_SIGN_IN;

  return UNTRAIN_STATUS_ERROR;
}

void
untrain_provider_whoami_async (UntrainProvider     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (UNTRAIN_IS_PROVIDER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  UNTRAIN_PROVIDER_GET_IFACE (self)->whoami_async (self, cancellable, callback, user_data);
}

/**
 * untrain_provider_whoami_finish:
 *
 * Returns: (transfer full): the signed-in person's name, "First Last"
 */
char *
untrain_provider_whoami_finish (UntrainProvider  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (UNTRAIN_IS_PROVIDER (self), NULL);

  return UNTRAIN_PROVIDER_GET_IFACE (self)->whoami_finish (self, result, error);
}

void
untrain_provider_check_async (UntrainProvider     *self,
                              UntrainItem         *item,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (UNTRAIN_IS_PROVIDER (self));
  g_return_if_fail (UNTRAIN_IS_ITEM (item));
  g_return_if_fail (untrain_item_get_setting (item) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  UNTRAIN_PROVIDER_GET_IFACE (self)->check_async (self, item, cancellable, callback, user_data);
}

/**
 * untrain_provider_check_finish:
 * @is_desired: (out): whether the setting is as the person wants it (off)
 * @wire_value: (out) (optional) (transfer full): the value read, as JSON
 *   text, for the history
 *
 * Returns: %TRUE if the setting could be read
 */
gboolean
untrain_provider_check_finish (UntrainProvider  *self,
                               GAsyncResult     *result,
                               gboolean         *is_desired,
                               char            **wire_value,
                               GError          **error)
{
  g_return_val_if_fail (UNTRAIN_IS_PROVIDER (self), FALSE);
  g_return_val_if_fail (is_desired != NULL, FALSE);

  return UNTRAIN_PROVIDER_GET_IFACE (self)->check_finish (self, result, is_desired, wire_value, error);
}

void
untrain_provider_apply_async (UntrainProvider     *self,
                              UntrainItem         *item,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (UNTRAIN_IS_PROVIDER (self));
  g_return_if_fail (UNTRAIN_IS_ITEM (item));
  g_return_if_fail (untrain_item_get_setting (item) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  UNTRAIN_PROVIDER_GET_IFACE (self)->apply_async (self, item, cancellable, callback, user_data);
}

/**
 * untrain_provider_apply_finish:
 * @wire_value: (out) (optional) (transfer full): the value the re-read
 *   showed, as JSON text
 *
 * Returns: %TRUE only when a re-read after the change shows the desired
 *   value; %UNTRAIN_PROVIDER_ERROR_NOT_APPLIED when it does not
 */
gboolean
untrain_provider_apply_finish (UntrainProvider  *self,
                               GAsyncResult     *result,
                               char            **wire_value,
                               GError          **error)
{
  g_return_val_if_fail (UNTRAIN_IS_PROVIDER (self), FALSE);

  return UNTRAIN_PROVIDER_GET_IFACE (self)->apply_finish (self, result, wire_value, error);
}
