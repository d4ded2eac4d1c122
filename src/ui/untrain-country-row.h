/* untrain-country-row.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UNTRAIN_TYPE_COUNTRY_ROW (untrain_country_row_get_type())

G_DECLARE_FINAL_TYPE (UntrainCountryRow, untrain_country_row, UNTRAIN, COUNTRY_ROW, AdwActionRow)

GtkWidget  *untrain_country_row_new         (GSettings         *settings);
const char *untrain_country_row_get_country (UntrainCountryRow *self);

G_END_DECLS
