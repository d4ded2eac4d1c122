/* untrain-window.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-history.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_WINDOW (untrain_window_get_type())

G_DECLARE_FINAL_TYPE (UntrainWindow, untrain_window, UNTRAIN, WINDOW, AdwApplicationWindow)

UntrainWindow *untrain_window_new                (GtkApplication *application,
                                                  GListModel     *models,
                                                  GSettings      *settings,
                                                  UntrainHistory *history);
GListModel    *untrain_window_get_models         (UntrainWindow  *self);
gboolean       untrain_window_show_platform      (UntrainWindow  *self,
                                                  const char     *platform_id);
void           untrain_window_show_first_pending (UntrainWindow  *self);
const char    *untrain_window_get_visible_platform (UntrainWindow *self);
void           untrain_window_show_message       (UntrainWindow  *self,
                                                  const char     *message);

G_END_DECLS
