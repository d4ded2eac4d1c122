/* untrain-item-status.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-applicability.h"
#include "untrain-item.h"
#include "untrain-status.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_ITEM_STATUS (untrain_item_status_get_type())

G_DECLARE_FINAL_TYPE (UntrainItemStatus, untrain_item_status, UNTRAIN, ITEM_STATUS, GObject)

UntrainItem     *untrain_item_status_get_item       (UntrainItemStatus *self);
UntrainStatus    untrain_item_status_get_status     (UntrainItemStatus *self);
UntrainEvidence  untrain_item_status_get_evidence   (UntrainItemStatus *self);
GDateTime       *untrain_item_status_get_checked_at (UntrainItemStatus *self);
UntrainApplies   untrain_item_status_get_applies    (UntrainItemStatus *self);
const GDate     *untrain_item_status_get_since      (UntrainItemStatus *self);
const char      *untrain_item_status_get_reason     (UntrainItemStatus *self);
const char      *untrain_item_status_get_message    (UntrainItemStatus *self);
const GDate     *untrain_item_status_get_submitted_on       (UntrainItemStatus *self);
const GDate     *untrain_item_status_get_answer_due         (UntrainItemStatus *self);
const GDate     *untrain_item_status_get_answer_received_on (UntrainItemStatus *self);
gboolean         untrain_item_status_needs_follow_up        (UntrainItemStatus *self);

G_END_DECLS
