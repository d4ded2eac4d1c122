/* untrain-narrow.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Narrower than this, in pixels at the normal text size ("sp", as
 * libadwaita's later breakpoints count), a page is narrow: a row's title
 * then has only what the things beside it leave, a few letters with large
 * text, and breaks in the middle of its words. Narrow pages move or leave
 * out what stands beside titles.
 */
#define UNTRAIN_NARROW_WIDTH_SP 400

/* Whether @width pixels of @widget are narrow, with the text size its
 * settings have
 */
static inline gboolean
untrain_is_narrow (GtkWidget *widget,
                   int        width)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);

  return width < UNTRAIN_NARROW_WIDTH_SP * (dpi > 0 ? dpi / (96.0 * 1024.0) : 1.0);
}

G_END_DECLS
