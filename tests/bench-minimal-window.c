/* bench-minimal-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

/* The floor of build-aux/bench: the least a libadwaita app shows, started
 * the way `untrain` starts. An AdwApplication with an id of the same style
 * (it registers on the session bus as Untrain does), one
 * AdwApplicationWindow as big as Untrain's first window, with a header bar
 * and a label. Untrain's first frame and peak memory are measured against
 * this one's. Not a test, not installed.
 */

#define BENCH_APPLICATION_ID APPLICATION_ID ".BenchFloor"

/* Untrain's window-width and window-height settings' defaults */
#define DEFAULT_WIDTH 900
#define DEFAULT_HEIGHT 700

static void
activate_cb (GApplication *application)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *label;

  window = adw_application_window_new (GTK_APPLICATION (application));
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), DEFAULT_WIDTH, DEFAULT_HEIGHT);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  label = gtk_label_new ("A minimal libadwaita window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");

  app = adw_application_new (BENCH_APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
