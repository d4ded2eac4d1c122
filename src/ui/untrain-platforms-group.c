/* untrain-platforms-group.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-platforms-group"

#include "config.h"

#include "untrain-platforms-group.h"

/* The platforms the person uses: a check per platform of the catalog, kept
 * in the `platforms` key. The key keeps the person's order and the
 * platforms this catalog does not know; the checks follow the key when
 * something else changes it.
 */
struct _UntrainPlatformsGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  UntrainCatalog      *catalog; /* until constructed */

  GPtrArray           *checks;  /* GtkCheckButton, catalog order */
  guint                syncing; /* settings → checks, don't write back */
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPlatformsGroup, untrain_platforms_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
get_check_platform_id (GtkCheckButton *check)
{
  return gtk_widget_get_name (GTK_WIDGET (check));
}

static gboolean
is_checked (UntrainPlatformsGroup *self,
            const char            *platform_id,
            gboolean               otherwise)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (g_str_equal (get_check_platform_id (check), platform_id))
        return gtk_check_button_get_active (check);
    }

  return otherwise;
}

static void
on_check_toggled_cb (UntrainPlatformsGroup *self)
{
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GPtrArray) platforms = NULL;

  if (self->syncing > 0)
    return;

  chosen = g_settings_get_strv (self->settings, "platforms");
  platforms = g_ptr_array_new ();

  /* Keep the person's order, and the platforms this catalog lacks. */
  for (guint i = 0; chosen[i] != NULL; i++)
    {
      if (is_checked (self, chosen[i], TRUE) &&
          !g_ptr_array_find_with_equal_func (platforms, chosen[i], g_str_equal, NULL))
        g_ptr_array_add (platforms, chosen[i]);
    }

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char *id = get_check_platform_id (check);

      if (gtk_check_button_get_active (check) &&
          !g_strv_contains ((const char * const *)chosen, id))
        g_ptr_array_add (platforms, (char *)id);
    }

  g_ptr_array_add (platforms, NULL);
  if (!g_strv_equal ((const char * const *)platforms->pdata, (const char * const *)chosen))
    g_settings_set_strv (self->settings, "platforms", (const char * const *)platforms->pdata);
}

static void
load_platforms (UntrainPlatformsGroup *self)
{
  g_auto(GStrv) chosen = g_settings_get_strv (self->settings, "platforms");

  self->syncing++;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      gtk_check_button_set_active (check,
                                   g_strv_contains ((const char * const *)chosen,
                                                    get_check_platform_id (check)));
    }
  self->syncing--;
}

static void
create_rows (UntrainPlatformsGroup *self)
{
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));

  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* The check's name is the platform's id. */
      gtk_widget_set_name (check, untrain_platform_get_id (platform));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, untrain_platform_get_name (platform),
                                      -1);
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);

      gtk_widget_set_name (row, untrain_platform_get_id (platform));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), untrain_platform_get_name (platform));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

      g_ptr_array_add (self->checks, check);
    }
}

static void
untrain_platforms_group_constructed (GObject *object)
{
  UntrainPlatformsGroup *self = (UntrainPlatformsGroup *)object;

  G_OBJECT_CLASS (untrain_platforms_group_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_return_if_fail (UNTRAIN_IS_CATALOG (self->catalog));

  /* The checks are all the group needs of the catalog. Let go of it:
   * AdwPreferencesWindow in libadwaita 1.2 never finalizes its groups.
   */
  create_rows (self);
  g_clear_object (&self->catalog);

  load_platforms (self);

  g_signal_connect_object (self->settings, "changed::platforms",
                           G_CALLBACK (load_platforms), self, G_CONNECT_SWAPPED);
}

static void
untrain_platforms_group_dispose (GObject *object)
{
  UntrainPlatformsGroup *self = (UntrainPlatformsGroup *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (untrain_platforms_group_parent_class)->dispose (object);
}

static void
untrain_platforms_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UntrainPlatformsGroup *self = UNTRAIN_PLATFORMS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platforms_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UntrainPlatformsGroup *self = UNTRAIN_PLATFORMS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platforms_group_class_init (UntrainPlatformsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_platforms_group_constructed;
  object_class->dispose = untrain_platforms_group_dispose;
  object_class->get_property = untrain_platforms_group_get_property;
  object_class->set_property = untrain_platforms_group_set_property;

  /**
   * UntrainPlatformsGroup:settings:
   *
   * Untrain's settings, whose `platforms` the checks read and write.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainPlatformsGroup:catalog:
   *
   * The platforms to choose from, a check each, read once when the group
   * is built.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNTRAIN_TYPE_CATALOG,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
untrain_platforms_group_init (UntrainPlatformsGroup *self)
{
  self->checks = g_ptr_array_new ();
}

/**
 * untrain_platforms_group_new:
 * @settings: Untrain's settings, whose `platforms` the checks read and write
 * @catalog: the platforms to choose from
 *
 * Returns: (transfer floating): a group with a check for each platform
 */
GtkWidget *
untrain_platforms_group_new (GSettings      *settings,
                             UntrainCatalog *catalog)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UNTRAIN_IS_CATALOG (catalog), NULL);

  return g_object_new (UNTRAIN_TYPE_PLATFORMS_GROUP,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);
}
