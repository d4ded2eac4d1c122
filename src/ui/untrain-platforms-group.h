/* untrain-platforms-group.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-catalog.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PLATFORMS_GROUP (untrain_platforms_group_get_type())

G_DECLARE_FINAL_TYPE (UntrainPlatformsGroup, untrain_platforms_group, UNTRAIN, PLATFORMS_GROUP, AdwPreferencesGroup)

GtkWidget *untrain_platforms_group_new (GSettings      *settings,
                                        UntrainCatalog *catalog);

G_END_DECLS
