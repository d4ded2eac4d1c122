/* untrain-test-utils.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "untrain-catalog.h"

G_BEGIN_DECLS

/* Setting up */
void            untrain_test_init_widgets       (int                 *argc,
                                                 char              ***argv);
void            untrain_test_init_application   (int                 *argc,
                                                 char              ***argv);
GSettings      *untrain_test_new_settings       (void);
UntrainCatalog *untrain_test_load_catalog       (void);
GFile          *untrain_test_get_state_file     (void);
void            untrain_test_set_locale_country (const char          *lang);

/* The main loop */
void            untrain_test_drain              (void);
void            untrain_test_wait_until         (gboolean           (*done) (gpointer user_data),
                                                 gpointer             user_data);
void            untrain_test_show_window        (GtkWidget           *window);
void            untrain_test_resize_window      (GtkWidget           *window,
                                                 int                  width,
                                                 int                  height);
void            untrain_test_destroy_window     (GtkWidget           *window);
char           *untrain_test_read_clipboard     (GtkWidget           *widget);

/* Looking through a window */
GtkWidget      *untrain_test_find_widget        (GtkWidget           *widget,
                                                 GType                type,
                                                 const char          *name);
GtkWidget      *untrain_test_find_buildable     (GtkWidget           *widget,
                                                 const char          *buildable_id);
GtkWidget      *untrain_test_find_label         (GtkWidget           *widget,
                                                 const char          *text);
GtkWidget      *untrain_test_find_action_button (GtkWidget           *widget,
                                                 const char          *action_name);
GPtrArray      *untrain_test_collect            (GtkWidget           *widget,
                                                 GType                type);
gboolean        untrain_test_has_shortcut       (GtkWidget           *widget,
                                                 const char          *trigger,
                                                 const char          *action_name);

/* Asserting */
void            untrain_test_assert_platforms   (GSettings           *settings,
                                                 const char * const  *expected);

G_END_DECLS
