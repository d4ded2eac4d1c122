/* untrain-platform-page.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-history.h"
#include "untrain-status-model.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PLATFORM_PAGE (untrain_platform_page_get_type())

G_DECLARE_FINAL_TYPE (UntrainPlatformPage, untrain_platform_page, UNTRAIN, PLATFORM_PAGE, AdwBin)

GtkWidget          *untrain_platform_page_new         (UntrainStatusModel  *model,
                                                       UntrainHistory      *history);
void                untrain_platform_page_set_account (UntrainPlatformPage *self,
                                                       const char          *account);
const char         *untrain_platform_page_get_account (UntrainPlatformPage *self);
UntrainStatusModel *untrain_platform_page_get_model   (UntrainPlatformPage *self);
char               *untrain_platform_page_dup_summary (UntrainStatusModel  *model);

G_END_DECLS
