/* untrain-letter-dialog.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-status-model.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_LETTER_DIALOG (untrain_letter_dialog_get_type())

G_DECLARE_FINAL_TYPE (UntrainLetterDialog, untrain_letter_dialog, UNTRAIN, LETTER_DIALOG, AdwWindow)

GtkWidget          *untrain_letter_dialog_new       (GtkWindow           *parent,
                                                     UntrainStatusModel  *model,
                                                     const char          *item_id);
UntrainStatusModel *untrain_letter_dialog_get_model (UntrainLetterDialog *self);
const char         *untrain_letter_dialog_get_item_id (UntrainLetterDialog *self);
char               *untrain_letter_dialog_get_text  (UntrainLetterDialog *self);

G_END_DECLS
