/* untrain-item-row-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-item-row.h"

G_BEGIN_DECLS

GtkWidget *_untrain_item_row_get_header_row (UntrainItemRow *self);

G_END_DECLS
