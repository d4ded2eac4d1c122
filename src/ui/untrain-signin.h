/* untrain-signin.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "untrain-platform.h"

G_BEGIN_DECLS

gboolean  untrain_signin_is_available (void);
void      untrain_signin_run_async    (GtkWindow            *parent,
                                       UntrainPlatform      *platform,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *untrain_signin_run_finish   (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
