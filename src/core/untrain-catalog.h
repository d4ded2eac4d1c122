/* untrain-catalog.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-platform.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_CATALOG (untrain_catalog_get_type())

G_DECLARE_FINAL_TYPE (UntrainCatalog, untrain_catalog, UNTRAIN, CATALOG, GObject)

UntrainCatalog     *untrain_catalog_new               (void);
UntrainCatalog     *untrain_catalog_new_default       (void);
GFile              *untrain_catalog_get_default_override_dir (void);
gboolean            untrain_catalog_load_builtin      (UntrainCatalog  *self,
                                                       GError         **error);
gboolean            untrain_catalog_load_directory    (UntrainCatalog  *self,
                                                       GFile           *directory,
                                                       GError         **error);
void                untrain_catalog_add               (UntrainCatalog  *self,
                                                       UntrainPlatform *platform);
UntrainPlatform    *untrain_catalog_lookup            (UntrainCatalog  *self,
                                                       const char      *platform_id);
const char * const *untrain_catalog_get_warnings      (UntrainCatalog  *self);

G_END_DECLS
