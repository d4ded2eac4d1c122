/* untrain-preferences-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-command-line.h"
#include "untrain-country-chooser.h"
#include "untrain-preferences-window.h"

/* The wizard's answers, to change later: country, age group, platforms,
 * reminders and the tray icon. Every control writes its key as it changes
 * and follows the key when something else changes it.
 */
struct _UntrainPreferencesWindow
{
  AdwPreferencesWindow   parent_instance;

  GSettings             *settings;
  UntrainCatalog        *catalog;

  GPtrArray             *platform_checks; /* GtkCheckButton, catalog order */
  guint                  syncing;         /* settings → widgets, don't write back */

  /* Template widgets */
  UntrainCountryChooser *country_chooser;
  AdwComboRow           *age_row;
  AdwPreferencesGroup   *platforms_group;
  GtkSwitch             *reminder_switch;
  AdwActionRow          *interval_row;
  GtkSpinButton         *interval_spin;
  GtkSwitch             *tray_switch;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPreferencesWindow, untrain_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The `age-group` words in the order of the age row's list. */
static const char * const age_groups[] = { "unknown", "under-18", "adult" };

static gboolean
age_group_to_selected (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *age_group = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    {
      if (g_str_equal (age_group, age_groups[i]))
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

  return g_variant_new_string (age_groups[selected]);
}

/* Country */

static void
load_country (UntrainPreferencesWindow *self)
{
  /* "" means "from the locale": show what the locale suggests. */
  g_autofree char *country = untrain_command_line_get_country (self->settings);

  self->syncing++;
  untrain_country_chooser_set_country (self->country_chooser, country);
  self->syncing--;
}

static void
on_country_chosen_cb (UntrainPreferencesWindow *self)
{
  const char *country = untrain_country_chooser_get_country (self->country_chooser);
  g_autofree char *stored = NULL;

  if (self->syncing > 0 || country[0] == '\0')
    return;

  stored = g_settings_get_string (self->settings, "country");
  if (g_strcmp0 (stored, country) != 0)
    g_settings_set_string (self->settings, "country", country);
}

/* Platforms */

static const char *
get_check_platform_id (GtkCheckButton *check)
{
  return gtk_widget_get_name (GTK_WIDGET (check));
}

static gboolean
is_checked (UntrainPreferencesWindow *self,
            const char               *platform_id,
            gboolean                  otherwise)
{
  for (guint i = 0; i < self->platform_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->platform_checks, i);

      if (g_str_equal (get_check_platform_id (check), platform_id))
        return gtk_check_button_get_active (check);
    }

  return otherwise;
}

static void
on_platform_toggled_cb (UntrainPreferencesWindow *self)
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

  for (guint i = 0; i < self->platform_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->platform_checks, i);
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
load_platforms (UntrainPreferencesWindow *self)
{
  g_auto(GStrv) chosen = g_settings_get_strv (self->settings, "platforms");

  self->syncing++;
  for (guint i = 0; i < self->platform_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->platform_checks, i);

      gtk_check_button_set_active (check,
                                   g_strv_contains ((const char * const *)chosen,
                                                    get_check_platform_id (check)));
    }
  self->syncing--;
}

static void
create_platform_rows (UntrainPreferencesWindow *self)
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
                               G_CALLBACK (on_platform_toggled_cb), self, G_CONNECT_SWAPPED);

      gtk_widget_set_name (row, untrain_platform_get_id (platform));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), untrain_platform_get_name (platform));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->platforms_group, row);

      g_ptr_array_add (self->platform_checks, check);
    }
}

static void
on_settings_changed_cb (UntrainPreferencesWindow *self,
                        const char               *key,
                        GSettings                *settings)
{
  if (g_str_equal (key, "country"))
    load_country (self);
  else if (g_str_equal (key, "platforms"))
    load_platforms (self);
}

static void
untrain_preferences_window_constructed (GObject *object)
{
  UntrainPreferencesWindow *self = (UntrainPreferencesWindow *)object;

  G_OBJECT_CLASS (untrain_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_return_if_fail (UNTRAIN_IS_CATALOG (self->catalog));

  load_country (self);
  g_signal_connect_object (self->country_chooser, "notify::country",
                           G_CALLBACK (on_country_chosen_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (self->settings, "age-group",
                                self->age_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                age_group_to_selected, selected_to_age_group,
                                NULL, NULL);

  create_platform_rows (self);
  load_platforms (self);

  g_settings_bind (self->settings, "reminder-enabled",
                   self->reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-interval-days",
                   gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-enabled",
                   self->interval_row, "sensitive",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-tray-icon",
                   self->tray_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
untrain_preferences_window_dispose (GObject *object)
{
  UntrainPreferencesWindow *self = (UntrainPreferencesWindow *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_PREFERENCES_WINDOW);

  g_clear_pointer (&self->platform_checks, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (untrain_preferences_window_parent_class)->dispose (object);
}

static void
untrain_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  UntrainPreferencesWindow *self = UNTRAIN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  UntrainPreferencesWindow *self = UNTRAIN_PREFERENCES_WINDOW (object);

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
untrain_preferences_window_class_init (UntrainPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_preferences_window_constructed;
  object_class->dispose = untrain_preferences_window_dispose;
  object_class->get_property = untrain_preferences_window_get_property;
  object_class->set_property = untrain_preferences_window_set_property;

  /**
   * UntrainPreferencesWindow:settings:
   *
   * Untrain's settings, which every control reads and writes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainPreferencesWindow:catalog:
   *
   * The platforms to choose from.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UNTRAIN_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNTRAIN_TYPE_COUNTRY_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, country_chooser);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, age_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, platforms_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, tray_switch);
}

static void
untrain_preferences_window_init (UntrainPreferencesWindow *self)
{
  self->platform_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * untrain_preferences_window_new:
 * @parent: (nullable): the window to stay on top of
 * @settings: Untrain's settings
 * @catalog: the platforms to choose from
 *
 * Returns: (transfer none): the preferences window
 */
GtkWidget *
untrain_preferences_window_new (GtkWindow      *parent,
                                GSettings      *settings,
                                UntrainCatalog *catalog)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UNTRAIN_IS_CATALOG (catalog), NULL);

  return g_object_new (UNTRAIN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);
}
