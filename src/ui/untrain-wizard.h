/* untrain-wizard.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-catalog.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_WIZARD (untrain_wizard_get_type())

G_DECLARE_FINAL_TYPE (UntrainWizard, untrain_wizard, UNTRAIN, WIZARD, AdwApplicationWindow)

GtkWidget *untrain_wizard_new      (GtkApplication    *application,
                                    GSettings         *settings,
                                    UntrainCatalog    *catalog,
                                    UntrainStateStore *store);
guint      untrain_wizard_get_page (UntrainWizard     *self);

G_END_DECLS
