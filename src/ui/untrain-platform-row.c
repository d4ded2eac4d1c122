/* untrain-platform-row.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-platform-row"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-platform-row.h"

/* A platform in the sidebar: its name and how far the person got. */
struct _UntrainPlatformRow
{
  GtkListBoxRow       parent_instance;

  UntrainStatusModel *model;

  GtkLabel           *name_label;
  GtkLabel           *progress_label;
  GtkImage           *attention_icon;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPlatformRow, untrain_platform_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (UntrainPlatformRow *self)
{
  guint n_applicable = untrain_status_model_count_applicable (self->model);
  guint n_pending = untrain_status_model_count_pending (self->model);
  g_autofree char *progress = NULL;

  /* Nothing applies because nothing is known yet: not "nothing to do". */
  if (n_applicable == 0 && untrain_status_model_needs_country (self->model))
    progress = g_strdup (_("Choose your country"));
  else if (n_applicable == 0)
    progress = g_strdup (_("Nothing to do"));
  else
    /* Translators: “2 of 3 done” */
    progress = g_strdup_printf (_("%u of %u done"),
                                untrain_status_model_count_done (self->model),
                                n_applicable);

  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_icon), n_pending > 0);

  /* A screen reader reads the row, not the icon in it. */
  if (n_pending > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Something to do"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
untrain_platform_row_constructed (GObject *object)
{
  UntrainPlatformRow *self = (UntrainPlatformRow *)object;
  UntrainPlatform *platform;

  G_OBJECT_CLASS (untrain_platform_row_parent_class)->constructed (object);

  platform = untrain_status_model_get_platform (self->model);
  gtk_label_set_label (self->name_label, untrain_platform_get_name (platform));
  gtk_widget_set_name (GTK_WIDGET (self), untrain_platform_get_id (platform));

  g_signal_connect_object (self->model, "notify::n-done", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-pending", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-applicable", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
untrain_platform_row_dispose (GObject *object)
{
  UntrainPlatformRow *self = (UntrainPlatformRow *)object;

  g_clear_object (&self->model);

  G_OBJECT_CLASS (untrain_platform_row_parent_class)->dispose (object);
}

static void
untrain_platform_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UntrainPlatformRow *self = UNTRAIN_PLATFORM_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platform_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UntrainPlatformRow *self = UNTRAIN_PLATFORM_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platform_row_class_init (UntrainPlatformRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_platform_row_constructed;
  object_class->dispose = untrain_platform_row_dispose;
  object_class->get_property = untrain_platform_row_get_property;
  object_class->set_property = untrain_platform_row_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         UNTRAIN_TYPE_STATUS_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-platform-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformRow, attention_icon);
}

static void
untrain_platform_row_init (UntrainPlatformRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
untrain_platform_row_new (UntrainStatusModel *model)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (model), NULL);

  return g_object_new (UNTRAIN_TYPE_PLATFORM_ROW,
                       "model", model,
                       NULL);
}

UntrainStatusModel *
untrain_platform_row_get_model (UntrainPlatformRow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM_ROW (self), NULL);

  return self->model;
}
