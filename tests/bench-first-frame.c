/* bench-first-frame.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtk/gtk.h>

/* Preloaded (LD_PRELOAD) into `untrain` and the minimal window by
 * build-aux/bench: it wraps gtk_window_present() to follow the frame clock
 * of the first window presented, and on that window's first
 * GdkFrameClock::after-paint (its first frame drawn) prints to standard
 * output
 *
 *   steps <presented µs> <laid out µs> <painted µs>
 *   first-frame <monotonic µs> <VmHWM KiB> <renderer> <WebKit mapped 0|1> <CPU µs>
 *
 * then, a second later, "settled <VmHWM KiB>", and ends the process: what
 * an app does just after its first frame counts towards its peak memory.
 * "steps" says, in monotonic time, when the app presented its first
 * window (its own start-up done and the window built), and when that
 * window's frame clock first ended its layout phase (styles, sizes and
 * positions worked out) and its paint phase (the window drawn): the hook's
 * handlers run after GTK's, which GTK connects as it realizes the window,
 * inside gtk_window_present().
 * With BENCH_FIRST_FRAME_NODES set to a path, it also writes there, after
 * those lines, the render nodes of that frame in GSK's text format, for
 * build-aux/bench-render. Not a test, not installed.
 *
 * It does not link GTK, whose functions it looks up when it first needs
 * them: linked, it would load GTK into `untrain` at start, where `untrain`
 * loads GTK later, with its window's module, and the bench would measure
 * another process than the one people start.
 */

#define SETTLE_MS 1000

static gboolean seen;
static GtkWindow *first_window;

/* When each step towards the first frame ended (monotonic µs) */
static gint64 presented_us;
static gint64 laid_out_us;
static gint64 painted_us;

/* One of GTK's functions, from the process: GTK is loaded by the time a
 * window is presented.
 */
static gpointer
gtk_function (const char *name)
{
  gpointer function = dlsym (RTLD_DEFAULT, name);

  if (function == NULL)
    {
      fprintf (stderr, "bench-first-frame: GTK's %s is not loaded\n", name);
      _exit (1);
    }

  return function;
}

static long
peak_kib (void)
{
  char line[256];
  long kib = -1;
  FILE *status = fopen ("/proc/self/status", "r");

  while (status != NULL && fgets (line, sizeof line, status) != NULL)
    if (sscanf (line, "VmHWM: %ld", &kib) == 1)
      break;
  if (status != NULL)
    fclose (status);
  return kib;
}

static int
has_webkit (void)
{
  char line[4096];
  int found = 0;
  FILE *maps = fopen ("/proc/self/maps", "r");

  while (maps != NULL && !found && fgets (line, sizeof line, maps) != NULL)
    found = strstr (line, "libwebkitgtk") != NULL;
  if (maps != NULL)
    fclose (maps);
  return found;
}

/* User and system time of the process so far, all its threads */
static gint64
cpu_us (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return (gint64)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
settled_cb (gpointer user_data)
{
  printf ("settled %ld\n", peak_kib ());
  fflush (stdout);
  _exit (0);
}

/* What the window drew: its background and frame, as GTK draws them for
 * it, and its own snapshot, made again from the render nodes its widgets
 * keep from the frame just drawn.
 */
static void
write_nodes (GtkWidget  *window,
             const char *path)
{
  GtkStyleContext *(*get_style_context) (GtkWidget *) = gtk_function ("gtk_widget_get_style_context");
  int (*get_width) (GtkWidget *) = gtk_function ("gtk_widget_get_width");
  int (*get_height) (GtkWidget *) = gtk_function ("gtk_widget_get_height");
  void (*render_background) (GtkSnapshot *, GtkStyleContext *, double, double, double, double) =
    gtk_function ("gtk_snapshot_render_background");
  void (*render_frame) (GtkSnapshot *, GtkStyleContext *, double, double, double, double) =
    gtk_function ("gtk_snapshot_render_frame");
  GtkSnapshot *(*snapshot_new) (void) = gtk_function ("gtk_snapshot_new");
  GskRenderNode *(*free_to_node) (GtkSnapshot *) = gtk_function ("gtk_snapshot_free_to_node");
  gboolean (*write_to_file) (GskRenderNode *, const char *, GError **) =
    gtk_function ("gsk_render_node_write_to_file");
  void (*node_unref) (GskRenderNode *) = gtk_function ("gsk_render_node_unref");
  GtkWidgetClass *widget_class = (GtkWidgetClass *)G_OBJECT_GET_CLASS (window);
  GtkSnapshot *snapshot = snapshot_new ();
  GskRenderNode *node;
  g_autoptr(GError) error = NULL;

  render_background (snapshot, get_style_context (window), 0, 0, get_width (window), get_height (window));
  render_frame (snapshot, get_style_context (window), 0, 0, get_width (window), get_height (window));
  widget_class->snapshot (window, snapshot);
  node = free_to_node (snapshot);
  if (node == NULL || !write_to_file (node, path, &error))
    {
      fprintf (stderr, "bench-first-frame: cannot write %s: %s\n", path,
               error != NULL ? error->message : "the window drew nothing");
      _exit (1);
    }
  node_unref (node);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();
  GskRenderer *(*get_renderer) (GtkNative *) = gtk_function ("gtk_native_get_renderer");
  GskRenderer *renderer;

  if (seen)
    return;
  seen = TRUE;

  renderer = get_renderer ((GtkNative *)first_window);
  printf ("steps %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
          presented_us, laid_out_us, painted_us);
  printf ("first-frame %" G_GINT64_FORMAT " %ld %s %d %" G_GINT64_FORMAT "\n",
          now, peak_kib (),
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none",
          has_webkit (), cpu_us ());
  fflush (stdout);
  if (g_getenv ("BENCH_FIRST_FRAME_NODES") != NULL)
    write_nodes ((GtkWidget *)first_window, g_getenv ("BENCH_FIRST_FRAME_NODES"));
  g_timeout_add (SETTLE_MS, settled_cb, NULL);
}

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  if (laid_out_us == 0)
    laid_out_us = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          gpointer       user_data)
{
  if (painted_us == 0)
    painted_us = g_get_monotonic_time ();
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*present) (GtkWindow *) = NULL;
  GdkFrameClock *(*get_frame_clock) (GtkWidget *);
  GdkFrameClock *clock;

  if (present == NULL)
    present = (void (*) (GtkWindow *))dlsym (RTLD_NEXT, "gtk_window_present");
  if (first_window == NULL)
    presented_us = g_get_monotonic_time ();
  present (window);

  if (first_window != NULL)
    return;

  get_frame_clock = gtk_function ("gtk_widget_get_frame_clock");
  clock = get_frame_clock ((GtkWidget *)window);
  if (clock != NULL)
    {
      first_window = window;
      g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
      g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
    }
}
