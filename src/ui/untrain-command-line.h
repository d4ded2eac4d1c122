/* untrain-command-line.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-catalog.h"
#include "untrain-person.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

/* The command-line calls of `untrain`. None of this initialises GTK: it
 * works over SSH, in scripts and in CI.
 */

GPtrArray *untrain_command_line_build_models  (UntrainCatalog    *catalog,
                                               UntrainStateStore *store,
                                               GSettings         *settings,
                                               const char        *country,
                                               int                age);
typedef enum
{
  UNTRAIN_REPORT_STATUS,
  UNTRAIN_REPORT_CHECK,
  UNTRAIN_REPORT_APPLY,
} UntrainReportMode;

int        untrain_command_line_report         (UntrainReportMode  mode,
                                                gboolean           json,
                                                const char        *country_arg,
                                                const char        *age_arg);
int        untrain_command_line_import_cookies (const char        *platform_id);
int        untrain_command_line_sign_out       (const char        *platform_id);

void       untrain_command_line_add_options    (GApplication      *application);
int        untrain_command_line_handle_options (GVariantDict      *options);

G_END_DECLS
