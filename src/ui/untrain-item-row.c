/* untrain-item-row.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-item-row.h"

/* A checklist row: the item's title, why it applies (or what went wrong),
 * and its status as an icon and a word. It follows its UntrainItemStatus.
 */
struct _UntrainItemRow
{
  AdwActionRow       parent_instance;

  UntrainItemStatus *item_status;

  GtkImage          *status_icon;
  GtkLabel          *status_label;
};

enum {
  PROP_0,
  PROP_ITEM_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainItemRow, untrain_item_row, ADW_TYPE_ACTION_ROW)

static const char *
status_css_class (UntrainStatus status)
{
  switch (status)
    {
    case UNTRAIN_STATUS_DONE:
      return "success";
    case UNTRAIN_STATUS_ACTION_NEEDED:
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
      return "warning";
    case UNTRAIN_STATUS_ERROR:
      return "error";
    case UNTRAIN_STATUS_NOT_APPLICABLE:
    case UNTRAIN_STATUS_UNKNOWN:
    case UNTRAIN_STATUS_CHECKING:
    default:
      return "dim-label";
    }
}

static void
update (UntrainItemRow *self)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };
  UntrainItem *item = untrain_item_status_get_item (self->item_status);
  UntrainStatus status = untrain_item_status_get_status (self->item_status);
  const char *message = untrain_item_status_get_message (self->item_status);
  const char *icon_name = untrain_status_get_icon_name (status);
  const char *label = untrain_status_get_label (status);

  /* Something to know is not a task the person did. */
  if (!untrain_item_is_actionable (item) && status == UNTRAIN_STATUS_DONE)
    {
      icon_name = "dialog-information-symbolic";
      label = _("Good to know");
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               message != NULL ? message : untrain_item_status_get_reason (self->item_status));

  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_label (self->status_label, label);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
    }
  if (!untrain_item_is_actionable (item))
    status = UNTRAIN_STATUS_UNKNOWN;
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), status_css_class (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_css_class (status));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
untrain_item_row_constructed (GObject *object)
{
  UntrainItemRow *self = (UntrainItemRow *)object;
  UntrainItem *item;

  G_OBJECT_CLASS (untrain_item_row_parent_class)->constructed (object);

  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self->item_status));

  item = untrain_item_status_get_item (self->item_status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), untrain_item_get_title (item));

  g_signal_connect_object (self->item_status, "notify",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
untrain_item_row_dispose (GObject *object)
{
  UntrainItemRow *self = (UntrainItemRow *)object;

  g_clear_object (&self->item_status);

  G_OBJECT_CLASS (untrain_item_row_parent_class)->dispose (object);
}

static void
untrain_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UntrainItemRow *self = UNTRAIN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_STATUS:
      g_value_set_object (value, self->item_status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UntrainItemRow *self = UNTRAIN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_STATUS:
      self->item_status = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_row_class_init (UntrainItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_item_row_constructed;
  object_class->dispose = untrain_item_row_dispose;
  object_class->get_property = untrain_item_row_get_property;
  object_class->set_property = untrain_item_row_set_property;

  properties[PROP_ITEM_STATUS] =
    g_param_spec_object ("item-status", NULL, NULL,
                         UNTRAIN_TYPE_ITEM_STATUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainItemRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemRow, status_label);
}

static void
untrain_item_row_init (UntrainItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
untrain_item_row_new (UntrainItemStatus *item_status)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (item_status), NULL);

  return g_object_new (UNTRAIN_TYPE_ITEM_ROW,
                       "item-status", item_status,
                       NULL);
}

UntrainItemStatus *
untrain_item_row_get_item_status (UntrainItemRow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_ROW (self), NULL);

  return self->item_status;
}
