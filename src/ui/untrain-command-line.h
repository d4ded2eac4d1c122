/* untrain-command-line.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-catalog.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

/* The command-line calls of `untrain`. None of this initialises GTK: it
 * works over SSH, in scripts and in CI.
 */

GSettings *untrain_command_line_open_settings (void);
char      *untrain_command_line_get_country   (GSettings   *settings);
int        untrain_command_line_get_age       (GSettings   *settings);
GPtrArray *untrain_command_line_build_models  (UntrainCatalog    *catalog,
                                               UntrainStateStore *store,
                                               GSettings         *settings,
                                               const char        *country,
                                               int                age);
int        untrain_command_line_status        (gboolean     json,
                                               const char  *country_arg,
                                               const char  *age_arg);

G_END_DECLS
