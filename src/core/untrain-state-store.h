/* untrain-state-store.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-status.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_STATE_STORE (untrain_state_store_get_type())

G_DECLARE_FINAL_TYPE (UntrainStateStore, untrain_state_store, UNTRAIN, STATE_STORE, GObject)

UntrainStateStore *untrain_state_store_new               (GFile              *file);
GFile             *untrain_state_store_get_default_file  (void);
GFile             *untrain_state_store_get_file          (UntrainStateStore  *self);
gboolean           untrain_state_store_load              (UntrainStateStore  *self,
                                                          GError            **error);
gboolean           untrain_state_store_save              (UntrainStateStore  *self,
                                                          GError            **error);
gboolean           untrain_state_store_reload_if_changed (UntrainStateStore  *self,
                                                          GError            **error);
GFile             *untrain_state_store_get_moved_aside   (UntrainStateStore  *self);

gboolean           untrain_state_store_get_live          (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id,
                                                          UntrainStatus      *status,
                                                          GDateTime         **checked_at,
                                                          char              **message);
void               untrain_state_store_set_live          (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id,
                                                          UntrainStatus       status,
                                                          GDateTime          *checked_at,
                                                          const char         *message);
GDateTime         *untrain_state_store_get_confirmed     (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id);
void               untrain_state_store_set_confirmed     (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id,
                                                          GDateTime          *confirmed_at);
gboolean           untrain_state_store_get_date          (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id,
                                                          const char         *key,
                                                          GDate              *date);
void               untrain_state_store_set_date          (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *item_id,
                                                          const char         *key,
                                                          const GDate        *date);
char              *untrain_state_store_get_contact       (UntrainStateStore  *self,
                                                          const char         *field);
void               untrain_state_store_set_contact       (UntrainStateStore  *self,
                                                          const char         *field,
                                                          const char         *value);
char              *untrain_state_store_get_account       (UntrainStateStore  *self,
                                                          const char         *platform_id);
void               untrain_state_store_set_account       (UntrainStateStore  *self,
                                                          const char         *platform_id,
                                                          const char         *account);
gint64             untrain_state_store_get_int64         (UntrainStateStore  *self,
                                                          const char         *group,
                                                          const char         *key);
void               untrain_state_store_set_int64         (UntrainStateStore  *self,
                                                          const char         *group,
                                                          const char         *key,
                                                          gint64              value);

G_END_DECLS
