/* untrain-status-model.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-item-status.h"
#include "untrain-platform.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_STATUS_MODEL (untrain_status_model_get_type())

G_DECLARE_FINAL_TYPE (UntrainStatusModel, untrain_status_model, UNTRAIN, STATUS_MODEL, GObject)

UntrainStatusModel *untrain_status_model_new                (UntrainPlatform     *platform,
                                                             UntrainStateStore   *store,
                                                             const char          *country,
                                                             int                  age);
UntrainPlatform    *untrain_status_model_get_platform       (UntrainStatusModel  *self);
UntrainStateStore  *untrain_status_model_get_store          (UntrainStatusModel  *self);
const char         *untrain_status_model_get_country        (UntrainStatusModel  *self);
int                 untrain_status_model_get_age            (UntrainStatusModel  *self);
void                untrain_status_model_set_person         (UntrainStatusModel  *self,
                                                             const char          *country,
                                                             int                  age);
void                untrain_status_model_set_now            (UntrainStatusModel  *self,
                                                             GDateTime           *now);
void                untrain_status_model_reload             (UntrainStatusModel  *self);
UntrainItemStatus  *untrain_status_model_lookup             (UntrainStatusModel  *self,
                                                             const char          *item_id);
gboolean            untrain_status_model_mark_done          (UntrainStatusModel  *self,
                                                             const char          *item_id,
                                                             GError             **error);
gboolean            untrain_status_model_unmark_done        (UntrainStatusModel  *self,
                                                             const char          *item_id,
                                                             GError             **error);
gboolean            untrain_status_model_record_submission  (UntrainStatusModel  *self,
                                                             const char          *item_id,
                                                             const GDate         *submitted_on,
                                                             GError             **error);
gboolean            untrain_status_model_record_answer      (UntrainStatusModel  *self,
                                                             const char          *item_id,
                                                             const GDate         *received_on,
                                                             GError             **error);
void                untrain_status_model_set_checking       (UntrainStatusModel  *self,
                                                             const char          *item_id);
void                untrain_status_model_set_live_result    (UntrainStatusModel  *self,
                                                             const char          *item_id,
                                                             UntrainStatus        status,
                                                             const char          *message);
guint               untrain_status_model_count_applicable   (UntrainStatusModel  *self);
guint               untrain_status_model_count_done         (UntrainStatusModel  *self);
guint               untrain_status_model_count_pending      (UntrainStatusModel  *self);
gboolean            untrain_status_model_needs_country      (UntrainStatusModel  *self);
gboolean            untrain_status_model_has_errors         (UntrainStatusModel  *self);

G_END_DECLS
