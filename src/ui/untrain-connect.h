/* untrain-connect.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "untrain-platform.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

typedef enum
{
  UNTRAIN_CONNECT_SIGN_IN,        /* a sign-in window, or pasted cookies without WebKit */
  UNTRAIN_CONNECT_PASTE_COOKIES,  /* cookies from the person's own browser */
} UntrainConnectMethod;

void  untrain_connect_async  (GtkWindow            *parent,
                              UntrainPlatform      *platform,
                              UntrainStateStore    *store,
                              UntrainConnectMethod  method,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
char *untrain_connect_finish (GAsyncResult         *result,
                              GError              **error);

G_END_DECLS
