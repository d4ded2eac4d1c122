/* untrain-country-chooser.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNTRAIN_TYPE_COUNTRY_CHOOSER (untrain_country_chooser_get_type())

G_DECLARE_FINAL_TYPE (UntrainCountryChooser, untrain_country_chooser, UNTRAIN, COUNTRY_CHOOSER, GtkWidget)

GtkWidget  *untrain_country_chooser_new         (void);
const char *untrain_country_chooser_get_country (UntrainCountryChooser *self);
void        untrain_country_chooser_set_country (UntrainCountryChooser *self,
                                                 const char            *country);

G_END_DECLS
