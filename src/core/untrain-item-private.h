/* untrain-item-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-item.h"

G_BEGIN_DECLS

UntrainItem *_untrain_item_new_from_json (JsonNode    *node,
                                          const char  *where,
                                          GError     **error);

G_END_DECLS
