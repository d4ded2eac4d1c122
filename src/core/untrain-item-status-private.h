/* untrain-item-status-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-item-status.h"

G_BEGIN_DECLS

UntrainItemStatus *_untrain_item_status_new             (UntrainItem                *item);
void               _untrain_item_status_set_applicability (UntrainItemStatus        *self,
                                                         const UntrainApplicability *applicability);
void               _untrain_item_status_set_status      (UntrainItemStatus          *self,
                                                         UntrainStatus               status,
                                                         UntrainEvidence             evidence,
                                                         GDateTime                  *checked_at,
                                                         const char                 *message);
void               _untrain_item_status_set_form_dates  (UntrainItemStatus          *self,
                                                         const GDate                *submitted_on,
                                                         const GDate                *answer_due,
                                                         const GDate                *answer_received_on,
                                                         gboolean                    needs_follow_up);

G_END_DECLS
