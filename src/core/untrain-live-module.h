/* untrain-live-module.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

#include "untrain-live.h"

G_BEGIN_DECLS

extern const UntrainLive untrain_live_functions;

G_MODULE_EXPORT const UntrainLive *untrain_live_module_get (const char *version);

G_END_DECLS
