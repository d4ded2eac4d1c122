/* untrain-signin-window.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-signin-module.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_SIGNIN_WINDOW (untrain_signin_window_get_type())

G_DECLARE_FINAL_TYPE (UntrainSigninWindow, untrain_signin_window, UNTRAIN, SIGNIN_WINDOW, AdwWindow)

void  untrain_signin_window_run_async  (GtkWindow                  *parent,
                                        const UntrainSigninRequest *request,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data);
char *untrain_signin_window_run_finish (GAsyncResult               *result,
                                        GError                    **error);

G_END_DECLS
