/* untrain-preferences-window.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-catalog.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PREFERENCES_WINDOW (untrain_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (UntrainPreferencesWindow, untrain_preferences_window, UNTRAIN, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *untrain_preferences_window_new (GtkWindow      *parent,
                                           GSettings      *settings,
                                           UntrainCatalog *catalog);

G_END_DECLS
