/* untrain-status-report.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "untrain-status-model.h"

G_BEGIN_DECLS

/* What `untrain --status` and `--check` print and how they exit. */
typedef enum
{
  UNTRAIN_REPORT_ALL_DONE = 0,
  UNTRAIN_REPORT_ACTION_NEEDED = 1,
  UNTRAIN_REPORT_ERRORS = 2,
} UntrainReportResult;

JsonNode            *untrain_status_report_to_json (GPtrArray  *models,
                                                    GHashTable *signed_in,
                                                    const char *country,
                                                    int         age);
char                *untrain_status_report_to_text (GPtrArray *models,
                                                    const char *country,
                                                    int         age);
UntrainReportResult  untrain_status_report_result  (GPtrArray *models);

G_END_DECLS
