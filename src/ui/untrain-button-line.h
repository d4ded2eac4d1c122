/* untrain-button-line.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNTRAIN_TYPE_BUTTON_LINE (untrain_button_line_get_type())

G_DECLARE_FINAL_TYPE (UntrainButtonLine, untrain_button_line, UNTRAIN, BUTTON_LINE, GtkWidget)

GtkWidget *untrain_button_line_new (void);

G_END_DECLS
