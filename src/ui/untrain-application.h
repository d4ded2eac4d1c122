/* untrain-application.h
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

#define UNTRAIN_TYPE_APPLICATION (untrain_application_get_type())

G_DECLARE_FINAL_TYPE (UntrainApplication, untrain_application, UNTRAIN, APPLICATION, AdwApplication)

UntrainApplication *untrain_application_new           (void);
UntrainCatalog     *untrain_application_get_catalog   (UntrainApplication *self);
UntrainStateStore  *untrain_application_get_store     (UntrainApplication *self);
GSettings          *untrain_application_get_settings  (UntrainApplication *self);
GListModel         *untrain_application_get_models    (UntrainApplication *self);

G_END_DECLS
