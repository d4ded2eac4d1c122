/* untrain-age-group-row.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-age-group-row"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-age-group-row.h"

/* The person's age group, as much as they want to tell, kept in the
 * `age-group` key: the row writes it as the person chooses and follows it
 * when something else changes it.
 */
struct _UntrainAgeGroupRow
{
  AdwComboRow  parent_instance;

  GSettings   *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainAgeGroupRow, untrain_age_group_row, ADW_TYPE_COMBO_ROW)

/* The row's list, in order, and the `age-group` word of each. */
static const struct {
  const char *age_group;
  const char *label;
} age_groups[] = {
  { "unknown", N_("Prefer not to say") },
  { "under-18", N_("Under 18") },
  { "adult", N_("18 or older") },
};

static gboolean
age_group_to_selected (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *age_group = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    {
      if (g_str_equal (age_group, age_groups[i].age_group))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_age_group (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (age_groups))
    return NULL;

  return g_variant_new_string (age_groups[selected].age_group);
}

static void
untrain_age_group_row_constructed (GObject *object)
{
  UntrainAgeGroupRow *self = (UntrainAgeGroupRow *)object;

  G_OBJECT_CLASS (untrain_age_group_row_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  g_settings_bind_with_mapping (self->settings, "age-group",
                                self, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                age_group_to_selected, selected_to_age_group,
                                NULL, NULL);
}

static void
untrain_age_group_row_dispose (GObject *object)
{
  UntrainAgeGroupRow *self = (UntrainAgeGroupRow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (untrain_age_group_row_parent_class)->dispose (object);
}

static void
untrain_age_group_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UntrainAgeGroupRow *self = UNTRAIN_AGE_GROUP_ROW (object);

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
untrain_age_group_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UntrainAgeGroupRow *self = UNTRAIN_AGE_GROUP_ROW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_age_group_row_class_init (UntrainAgeGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_age_group_row_constructed;
  object_class->dispose = untrain_age_group_row_dispose;
  object_class->get_property = untrain_age_group_row_get_property;
  object_class->set_property = untrain_age_group_row_set_property;

  /**
   * UntrainAgeGroupRow:settings:
   *
   * Untrain's settings, whose `age-group` the row reads and writes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
untrain_age_group_row_init (UntrainAgeGroupRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    gtk_string_list_append (labels, _(age_groups[i].label));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("_Age Group"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
}

/**
 * untrain_age_group_row_new:
 * @settings: Untrain's settings, whose `age-group` the row reads and writes
 *
 * Returns: (transfer floating): a row to choose the person's age group
 */
GtkWidget *
untrain_age_group_row_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNTRAIN_TYPE_AGE_GROUP_ROW,
                       "settings", settings,
                       NULL);
}
