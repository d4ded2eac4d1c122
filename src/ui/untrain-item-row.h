/* untrain-item-row.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-history.h"
#include "untrain-item-status.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_ITEM_ROW (untrain_item_row_get_type())

G_DECLARE_FINAL_TYPE (UntrainItemRow, untrain_item_row, UNTRAIN, ITEM_ROW, AdwExpanderRow)

GtkWidget         *untrain_item_row_new              (const char        *platform_id,
                                                      UntrainItemStatus *item_status,
                                                      UntrainHistory    *history);
void               untrain_item_row_set_live         (UntrainItemRow    *self,
                                                      gboolean           live);
void               untrain_item_row_set_narrow       (UntrainItemRow    *self,
                                                      gboolean           narrow);
UntrainItemStatus *untrain_item_row_get_item_status  (UntrainItemRow    *self);
const char        *untrain_item_row_get_status_label (UntrainItemRow    *self);
char              *untrain_item_row_dup_evidence     (UntrainItemStatus *item_status,
                                                      UntrainHistory    *history,
                                                      const char        *platform_id,
                                                      GDateTime         *now);

G_END_DECLS
