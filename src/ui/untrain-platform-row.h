/* untrain-platform-row.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "untrain-status-model.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PLATFORM_ROW (untrain_platform_row_get_type())

G_DECLARE_FINAL_TYPE (UntrainPlatformRow, untrain_platform_row, UNTRAIN, PLATFORM_ROW, GtkListBoxRow)

GtkWidget          *untrain_platform_row_new       (UntrainStatusModel *model);
UntrainStatusModel *untrain_platform_row_get_model (UntrainPlatformRow *self);

G_END_DECLS
