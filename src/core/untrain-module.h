/* untrain-module.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *untrain_module_get_path (const char *variable,
                               const char *name);

G_END_DECLS
