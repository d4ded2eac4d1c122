/* bench-render-node.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <epoxy/gl.h>

#include <gtk/gtk.h>

/* For build-aux/bench-render: draws the render nodes of a frame, saved in
 * GSK's text format by bench-first-frame.c, with the renderer GTK picks
 * for a window (or GSK_RENDERER's), twice, in a process of its own, and
 * prints
 *
 *   rendered <renderer> <first ms> <second ms>
 *
 * The first time is what a new process pays: the renderer's programs,
 * the glyphs and icons it uploads, its offscreens. The second is any
 * later frame's.
 *
 * GL draws on after gsk_renderer_render_texture() returns, in Mesa's
 * threads: each time is taken to the end of glFinish(), in the renderer's
 * GL context, which it leaves current. Not a test, not installed.
 */

static double
render_ms (GskRenderer           *renderer,
           GskRenderNode         *node,
           const graphene_rect_t *viewport)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node, viewport);

  if (gdk_gl_context_get_current () != NULL)
    glFinish ();

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *window;
  GskRenderer *renderer;
  graphene_rect_t viewport;
  gsize length;
  double first;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s FILE.node\n", argv[0]);
      return 2;
    }

  gtk_init ();

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  node = gsk_render_node_deserialize (bytes, NULL, NULL);
  if (node == NULL)
    {
      fprintf (stderr, "%s: not render nodes GTK can read\n", argv[1]);
      return 1;
    }
  gsk_render_node_get_bounds (node, &viewport);

  /* A window's renderer, as the app's own, without showing the window */
  window = gtk_window_new ();
  gtk_widget_realize (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  first = render_ms (renderer, node, &viewport);
  printf ("rendered %s %.3f %.3f\n", G_OBJECT_TYPE_NAME (renderer),
          first, render_ms (renderer, node, &viewport));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
