/* untrain-window-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-history.h"
#include "untrain-status-model.h"
#include "untrain-window.h"

G_BEGIN_DECLS

struct _UntrainWindow
{
  AdwApplicationWindow  parent_instance;

  GListModel           *models;
  GSettings            *settings;
  UntrainHistory       *history;

  /* Live checks: a provider per connected platform, and what to cancel
   * when the window closes.
   */
  GHashTable           *providers;
  GCancellable         *cancellable;

  /* Work that waits until the first frame is drawn */
  gboolean              mapped_once;
  guint                 after_first_frame_source;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *empty_page;       /* made when it first shows */
  GtkMenuButton        *sidebar_menu_button;
  GMenuModel           *primary_menu;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
};

UntrainStatusModel *_untrain_window_find_model         (UntrainWindow *self,
                                                        const char    *platform_id);
UntrainItemStatus  *_untrain_window_find_item_status   (UntrainWindow       *self,
                                                        GVariant            *target,
                                                        UntrainStatusModel **model);
void                _untrain_window_open_uri           (UntrainWindow *self,
                                                        const char    *uri);
void                _untrain_window_toast              (UntrainWindow *self,
                                                        const char    *message);
void                _untrain_window_class_init_live    (GtkWidgetClass *widget_class);
void                _untrain_window_check_if_stale     (UntrainWindow *self);

G_END_DECLS
