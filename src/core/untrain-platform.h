/* untrain-platform.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-item.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PLATFORM (untrain_platform_get_type())

G_DECLARE_FINAL_TYPE (UntrainPlatform, untrain_platform, UNTRAIN, PLATFORM, GObject)

UntrainPlatform *untrain_platform_new_from_bytes (GBytes          *bytes,
                                                  const char      *file_name,
                                                  GError         **error);
const char      *untrain_platform_get_id         (UntrainPlatform *self);
const char      *untrain_platform_get_name       (UntrainPlatform *self);
const char      *untrain_platform_get_homepage   (UntrainPlatform *self);
const char      *untrain_platform_get_provider   (UntrainPlatform *self);
guint            untrain_platform_get_n_items    (UntrainPlatform *self);
UntrainItem     *untrain_platform_get_item       (UntrainPlatform *self,
                                                  guint            position);
UntrainItem     *untrain_platform_lookup_item    (UntrainPlatform *self,
                                                  const char      *item_id);

G_END_DECLS
