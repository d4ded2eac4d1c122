/* untrain-platform-page.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-platform-page"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-item-row.h"
#include "untrain-platform-page.h"

/* One platform's page: what applies to the person and why, how far they
 * got, and the checklist.
 */
struct _UntrainPlatformPage
{
  AdwBin               parent_instance;

  UntrainStatusModel  *model;

  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkWidget           *all_done_box;
  GtkLabel            *all_done_label;
  AdwPreferencesGroup *checklist_group;
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPlatformPage, untrain_platform_page, ADW_TYPE_BIN)

/**
 * untrain_platform_page_dup_summary:
 *
 * Returns: (transfer full): what applies to the person on this platform
 *   and why, in a sentence or two: the reason of the platform's first
 *   thing to do, which the catalog puts first because it matters most
 */
char *
untrain_platform_page_dup_summary (UntrainStatusModel *model)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_applicable = untrain_status_model_count_applicable (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *reason = untrain_item_status_get_reason (item_status);

      if (!untrain_item_is_actionable (untrain_item_status_get_item (item_status)))
        continue;

      if (untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_YES)
        return g_strdup_printf ("%s.", reason);

      if (untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_UNKNOWN)
        return g_strdup_printf ("%s.", reason);

      if (n_applicable > 0)
        /* Translators: %s is why, as in “Not applicable: LinkedIn excludes members under 18” */
        return g_strdup_printf (_("%s. Some settings below still apply to you."), reason);

      /* Translators: %s is why, as in “Not applicable in China” */
      return g_strdup_printf (_("%s. Nothing here needs doing."), reason);
    }

  return g_strdup (_("Nothing here needs doing."));
}

static void
update (UntrainPlatformPage *self)
{
  UntrainPlatform *platform = untrain_status_model_get_platform (self->model);
  guint n_applicable = untrain_status_model_count_applicable (self->model);
  guint n_done = untrain_status_model_count_done (self->model);
  g_autofree char *summary = untrain_platform_page_dup_summary (self->model);
  g_autofree char *progress = NULL;
  g_autofree char *all_done = NULL;

  gtk_label_set_label (self->summary_label, summary);

  /* Translators: “2 of 3 done” */
  progress = g_strdup_printf (_("%u of %u done"), n_done, n_applicable);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_applicable > 0 ? (double)n_done / n_applicable : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), n_applicable > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), n_applicable > 0);

  /* Translators: %s is a platform */
  all_done = g_strdup_printf (_("All done for %s. Platforms change their settings, so Untrain will remind you to check again."),
                              untrain_platform_get_name (platform));
  gtk_label_set_label (self->all_done_label, all_done);
  gtk_widget_set_visible (self->all_done_box, n_applicable > 0 && n_done == n_applicable);
}

static void
untrain_platform_page_constructed (GObject *object)
{
  UntrainPlatformPage *self = (UntrainPlatformPage *)object;
  UntrainPlatform *platform;
  gboolean expanded = FALSE;
  guint n_items;

  G_OBJECT_CLASS (untrain_platform_page_parent_class)->constructed (object);

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self->model));

  platform = untrain_status_model_get_platform (self->model);
  gtk_label_set_label (self->title_label, untrain_platform_get_name (platform));
  gtk_widget_set_name (GTK_WIDGET (self), untrain_platform_get_id (platform));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      GtkWidget *row = untrain_item_row_new (untrain_platform_get_id (platform), item_status);

      /* Open on the first thing to do, so its buttons are in sight. */
      if (!expanded && untrain_item_status_get_status (item_status) == UNTRAIN_STATUS_ACTION_NEEDED)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          expanded = TRUE;
        }

      adw_preferences_group_add (self->checklist_group, row);
    }

  g_signal_connect_object (self->model, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
untrain_platform_page_dispose (GObject *object)
{
  UntrainPlatformPage *self = (UntrainPlatformPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_PLATFORM_PAGE);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (untrain_platform_page_parent_class)->dispose (object);
}

static void
untrain_platform_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UntrainPlatformPage *self = UNTRAIN_PLATFORM_PAGE (object);

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
untrain_platform_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UntrainPlatformPage *self = UNTRAIN_PLATFORM_PAGE (object);

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
untrain_platform_page_class_init (UntrainPlatformPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_platform_page_constructed;
  object_class->dispose = untrain_platform_page_dispose;
  object_class->get_property = untrain_platform_page_get_property;
  object_class->set_property = untrain_platform_page_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         UNTRAIN_TYPE_STATUS_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-platform-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, all_done_box);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, all_done_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, checklist_group);
}

static void
untrain_platform_page_init (UntrainPlatformPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
untrain_platform_page_new (UntrainStatusModel *model)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (model), NULL);

  return g_object_new (UNTRAIN_TYPE_PLATFORM_PAGE,
                       "model", model,
                       NULL);
}

UntrainStatusModel *
untrain_platform_page_get_model (UntrainPlatformPage *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM_PAGE (self), NULL);

  return self->model;
}
