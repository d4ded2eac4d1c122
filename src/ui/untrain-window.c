/* untrain-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-window"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-item-row.h"
#include "untrain-status-model.h"
#include "untrain-window.h"

/* The main window: every platform's checklist, one group each. */
struct _UntrainWindow
{
  AdwApplicationWindow  parent_instance;

  GListModel           *models;

  AdwToastOverlay      *toast_overlay;
  GtkBox               *platforms_box;
};

enum {
  PROP_0,
  PROP_MODELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainWindow, untrain_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_group_description (AdwPreferencesGroup *group,
                          GParamSpec          *pspec,
                          UntrainStatusModel  *model)
{
  guint n_applicable = untrain_status_model_count_applicable (model);
  g_autofree char *description = NULL;

  if (n_applicable == 0)
    description = g_strdup (_("Nothing to do here for you"));
  else
    /* Translators: “2 of 3 done” */
    description = g_strdup_printf (_("%u of %u done"),
                                   untrain_status_model_count_done (model),
                                   n_applicable);

  adw_preferences_group_set_description (group, description);
}

static GtkWidget *
create_platform_group (UntrainStatusModel *model)
{
  UntrainPlatform *platform = untrain_status_model_get_platform (model);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  AdwPreferencesGroup *group;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, untrain_platform_get_name (platform));
  gtk_widget_set_name (GTK_WIDGET (group), untrain_platform_get_id (platform));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);

      adw_preferences_group_add (group, untrain_item_row_new (item_status));
    }

  g_signal_connect_object (model, "notify::n-done",
                           G_CALLBACK (update_group_description), group, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::n-applicable",
                           G_CALLBACK (update_group_description), group, G_CONNECT_SWAPPED);
  update_group_description (group, NULL, model);

  return GTK_WIDGET (group);
}

static void
untrain_window_constructed (GObject *object)
{
  UntrainWindow *self = (UntrainWindow *)object;
  guint n_models;

  G_OBJECT_CLASS (untrain_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_LIST_MODEL (self->models));

  n_models = g_list_model_get_n_items (self->models);
  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(UntrainStatusModel) model = g_list_model_get_item (self->models, i);

      gtk_box_append (self->platforms_box, create_platform_group (model));
    }
}

static void
untrain_window_dispose (GObject *object)
{
  UntrainWindow *self = (UntrainWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_WINDOW);
  g_clear_object (&self->models);

  G_OBJECT_CLASS (untrain_window_parent_class)->dispose (object);
}

static void
untrain_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UntrainWindow *self = UNTRAIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      g_value_set_object (value, self->models);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UntrainWindow *self = UNTRAIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      self->models = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_window_class_init (UntrainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_window_constructed;
  object_class->dispose = untrain_window_dispose;
  object_class->get_property = untrain_window_get_property;
  object_class->set_property = untrain_window_set_property;

  /**
   * UntrainWindow:models:
   *
   * A #GListModel of #UntrainStatusModel, one per platform to show.
   */
  properties[PROP_MODELS] =
    g_param_spec_object ("models", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, platforms_box);
}

static void
untrain_window_init (UntrainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UntrainWindow *
untrain_window_new (UntrainApplication *application,
                    GListModel         *models)
{
  g_return_val_if_fail (UNTRAIN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (models), NULL);

  return g_object_new (UNTRAIN_TYPE_WINDOW,
                       "application", application,
                       "models", models,
                       NULL);
}

GListModel *
untrain_window_get_models (UntrainWindow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_WINDOW (self), NULL);

  return self->models;
}

/**
 * untrain_window_show_message:
 *
 * Tells the person something that went wrong but did not stop Untrain.
 */
void
untrain_window_show_message (UntrainWindow *self,
                             const char    *message)
{
  AdwToast *toast;

  g_return_if_fail (UNTRAIN_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
