/* untrain-age-group-row.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNTRAIN_TYPE_AGE_GROUP_ROW (untrain_age_group_row_get_type())

G_DECLARE_FINAL_TYPE (UntrainAgeGroupRow, untrain_age_group_row, UNTRAIN, AGE_GROUP_ROW, AdwComboRow)

GtkWidget *untrain_age_group_row_new (GSettings *settings);

G_END_DECLS
