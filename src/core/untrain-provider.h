/* untrain-provider.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-item.h"
#include "untrain-platform.h"
#include "untrain-status.h"

G_BEGIN_DECLS

#define UNTRAIN_PROVIDER_ERROR (untrain_provider_error_quark ())

/* How a live check or change can fail. Each error's message is a sentence a
 * person can act on, and never holds a secret.
 */
typedef enum
{
  UNTRAIN_PROVIDER_ERROR_FAILED,
  UNTRAIN_PROVIDER_ERROR_SIGNED_OUT,     /* 401, 403, a redirect to the login page */
  UNTRAIN_PROVIDER_ERROR_UNREACHABLE,    /* timeout, DNS, TLS, refused, 5xx after retries */
  UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,   /* the page or the answer is not what Untrain knows */
  UNTRAIN_PROVIDER_ERROR_NOT_APPLIED,    /* the change was sent, but a re-read still shows it on */
  UNTRAIN_PROVIDER_ERROR_INSECURE,       /* http:// to a host that is not loopback */
} UntrainProviderError;

#define UNTRAIN_TYPE_PROVIDER (untrain_provider_get_type ())

G_DECLARE_INTERFACE (UntrainProvider, untrain_provider, UNTRAIN, PROVIDER, GObject)

struct _UntrainProviderInterface
{
  GTypeInterface parent_iface;

  void      (*whoami_async)  (UntrainProvider      *self,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  char     *(*whoami_finish) (UntrainProvider      *self,
                              GAsyncResult         *result,
                              GError              **error);
  void      (*check_async)   (UntrainProvider      *self,
                              UntrainItem          *item,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean  (*check_finish)  (UntrainProvider      *self,
                              GAsyncResult         *result,
                              gboolean             *is_desired,
                              char                **wire_value,
                              GError              **error);
  void      (*apply_async)   (UntrainProvider      *self,
                              UntrainItem          *item,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean  (*apply_finish)  (UntrainProvider      *self,
                              GAsyncResult         *result,
                              char                **wire_value,
                              GError              **error);
};

GQuark           untrain_provider_error_quark       (void);
UntrainProvider *untrain_provider_new_for_platform  (UntrainPlatform      *platform,
                                                     const char           *cookies,
                                                     GError              **error);
const char * const *untrain_provider_get_session_cookie_names (const char *provider_name);
const char      *untrain_provider_get_cookie_domain (const char           *provider_name);
UntrainStatus    untrain_provider_error_to_status   (const GError         *error);

void             untrain_provider_whoami_async      (UntrainProvider      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
char            *untrain_provider_whoami_finish     (UntrainProvider      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             untrain_provider_check_async       (UntrainProvider      *self,
                                                     UntrainItem          *item,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         untrain_provider_check_finish      (UntrainProvider      *self,
                                                     GAsyncResult         *result,
                                                     gboolean             *is_desired,
                                                     char                **wire_value,
                                                     GError              **error);
void             untrain_provider_apply_async       (UntrainProvider      *self,
                                                     UntrainItem          *item,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean         untrain_provider_apply_finish      (UntrainProvider      *self,
                                                     GAsyncResult         *result,
                                                     char                **wire_value,
                                                     GError              **error);

G_END_DECLS
