/* untrain-checker.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-history.h"
#include "untrain-provider.h"
#include "untrain-status-model.h"

G_BEGIN_DECLS

/* Live checks and changes of a platform's switches, shared by the window,
 * the command line and the reminder: runs them through a provider, puts the
 * results in the status model, the state store and the history.
 */

void     untrain_checker_check_async  (UntrainStatusModel   *model,
                                       UntrainProvider      *provider,
                                       UntrainHistory       *history,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean untrain_checker_check_finish (GAsyncResult         *result,
                                       GError              **error);
void     untrain_checker_apply_async  (UntrainStatusModel   *model,
                                       UntrainProvider      *provider,
                                       UntrainHistory       *history,
                                       const char           *item_id,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean untrain_checker_apply_finish (GAsyncResult         *result,
                                       GError              **error);
gboolean untrain_checker_is_live      (UntrainStatusModel   *model,
                                       UntrainItemStatus    *item_status);

G_END_DECLS
