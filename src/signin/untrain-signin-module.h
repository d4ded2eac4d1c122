/* untrain-signin-module.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the `untrain` binary and its sign-in module (untrain-signin.so, the
 * only part of Untrain that links WebKit) agree on. The module exports one
 * function, UNTRAIN_SIGNIN_MODULE_ENTRY_POINT, which returns the table
 * below for the version the binary asks for, or NULL for a version it does
 * not know. Only GLib, GTK and plain strings cross: the module knows
 * nothing of Untrain's catalog, so it does not link Untrain's core.
 *
 * Change the table or the request only with a new version number.
 */
#define UNTRAIN_SIGNIN_MODULE_VERSION 1
#define UNTRAIN_SIGNIN_MODULE_NAME "untrain-signin." G_MODULE_SUFFIX
#define UNTRAIN_SIGNIN_MODULE_ENTRY_POINT "untrain_signin_module_get"

typedef struct
{
  const char         *platform_name; /* for the window's title: "LinkedIn" */
  const char         *login_uri;     /* the page the window opens */
  const char         *cookie_uri;    /* the address whose cookies make the session */
  const char * const *cookie_names;  /* the session's cookies; all of them are needed */
} UntrainSigninRequest;

typedef struct
{
  /* Opens the sign-in window and completes once every cookie of the
   * request is set for its cookie_uri, or with G_IO_ERROR_CANCELLED when
   * the person closed the window or @cancellable was cancelled. The
   * request is copied.
   */
  void  (*run_async)  (GtkWindow                  *parent,
                       const UntrainSigninRequest *request,
                       GCancellable               *cancellable,
                       GAsyncReadyCallback         callback,
                       gpointer                    user_data);
  /* The cookies in Cookie-header form, in the order of cookie_names. */
  char *(*run_finish) (GAsyncResult               *result,
                       GError                    **error);
} UntrainSigninModule;

typedef const UntrainSigninModule *(*UntrainSigninModuleGetFunc) (guint version);

G_END_DECLS
