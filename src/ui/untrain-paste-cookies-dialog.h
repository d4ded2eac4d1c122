/* untrain-paste-cookies-dialog.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-platform.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_PASTE_COOKIES_DIALOG (untrain_paste_cookies_dialog_get_type())

G_DECLARE_FINAL_TYPE (UntrainPasteCookiesDialog, untrain_paste_cookies_dialog, UNTRAIN, PASTE_COOKIES_DIALOG, AdwWindow)

GtkWidget       *untrain_paste_cookies_dialog_new          (GtkWindow                 *parent,
                                                            UntrainPlatform           *platform);
UntrainPlatform *untrain_paste_cookies_dialog_get_platform (UntrainPasteCookiesDialog *self);

G_END_DECLS
