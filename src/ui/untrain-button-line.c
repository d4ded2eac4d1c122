/* untrain-button-line.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-button-line"

#include "config.h"

#include "untrain-button-line.h"

/* Buttons side by side, from the start, while they fit in the width they
 * are given; else each below the other. A checklist row's two or three
 * buttons fit side by side in a window of 360 px, but not with large text:
 * a GtkBox would make the window wider than the screen.
 */
struct _UntrainButtonLine
{
  GtkWidget parent_instance;
};

#define SPACING 6

static void untrain_button_line_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UntrainButtonLine, untrain_button_line, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, untrain_button_line_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* The visible buttons' widths, side by side */
static int
measure_side_by_side (GtkWidget *widget,
                      gboolean   natural)
{
  int width = 0;
  guint n_shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum, natural_width;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural_width, NULL, NULL);
      width += natural ? natural_width : minimum;
      n_shown++;
    }

  return width + SPACING * (int)MAX (n_shown, 1) - SPACING;
}

static gboolean
fits_side_by_side (GtkWidget *widget,
                   int        width)
{
  return width < 0 || measure_side_by_side (widget, FALSE) <= width;
}

static GtkSizeRequestMode
untrain_button_line_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
untrain_button_line_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && fits_side_by_side (widget, for_size);
  guint n_shown = 0;

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest button, one below the other */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_minimum, NULL, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
        }

      *natural = MAX (*minimum, measure_side_by_side (widget, TRUE));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
      if (side_by_side)
        {
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          *minimum += child_minimum + (n_shown > 0 ? SPACING : 0);
          *natural += child_natural + (n_shown > 0 ? SPACING : 0);
        }
      n_shown++;
    }
}

static void
untrain_button_line_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  gboolean side_by_side = fits_side_by_side (widget, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      if (side_by_side)
        child_width = MIN (child_width, MAX (width - x, 0));
      else
        child_width = MIN (child_width, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
      if (side_by_side)
        child_height = height;

      gtk_widget_size_allocate (child,
                                &(GtkAllocation) {
                                  rtl ? width - x - child_width : x, y,
                                  child_width, child_height,
                                },
                                -1);

      if (side_by_side)
        x += child_width + SPACING;
      else
        y += child_height + SPACING;
    }
}

static void
untrain_button_line_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
untrain_button_line_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = untrain_button_line_add_child;
}

static void
untrain_button_line_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (untrain_button_line_parent_class)->dispose (object);
}

static void
untrain_button_line_class_init (UntrainButtonLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = untrain_button_line_dispose;

  widget_class->get_request_mode = untrain_button_line_get_request_mode;
  widget_class->measure = untrain_button_line_measure;
  widget_class->size_allocate = untrain_button_line_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "buttonline");
}

static void
untrain_button_line_init (UntrainButtonLine *self)
{
}

GtkWidget *
untrain_button_line_new (void)
{
  return g_object_new (UNTRAIN_TYPE_BUTTON_LINE, NULL);
}
