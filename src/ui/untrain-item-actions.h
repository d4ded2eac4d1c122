/* untrain-item-actions.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "untrain-item-status.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_ITEM_ACTIONS (untrain_item_actions_get_type())

G_DECLARE_FINAL_TYPE (UntrainItemActions, untrain_item_actions, UNTRAIN, ITEM_ACTIONS, GtkListBoxRow)

GtkWidget *untrain_item_actions_new      (const char         *platform_id,
                                          UntrainItemStatus  *item_status);
void       untrain_item_actions_set_live (UntrainItemActions *self,
                                          gboolean            live);
gboolean   untrain_item_actions_get_live (UntrainItemActions *self);

G_END_DECLS
