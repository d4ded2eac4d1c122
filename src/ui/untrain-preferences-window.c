/* untrain-preferences-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-age-group-row.h"
#include "untrain-country-row.h"
#include "untrain-platforms-group.h"
#include "untrain-preferences-window.h"

/* The wizard's answers, to change later: country, age group, platforms,
 * reminders and the tray icon. Every control writes its key as it changes
 * and follows the key when something else changes it.
 */
struct _UntrainPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings           *settings;
  UntrainCatalog      *catalog;

  /* Template widgets */
  AdwPreferencesPage  *general_page;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *reminders_group;
  GtkSwitch           *reminder_switch;
  AdwActionRow        *interval_row;
  GtkSpinButton       *interval_spin;
  GtkSwitch           *tray_switch;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPreferencesWindow, untrain_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Between the person and the reminders; AdwPreferencesPage only appends. */
static void
add_platforms_group (UntrainPreferencesWindow *self)
{
  g_autoptr(AdwPreferencesGroup) reminders_group = g_object_ref (self->reminders_group);
  GtkWidget *group = untrain_platforms_group_new (self->settings, self->catalog);

  gtk_widget_set_name (group, "platforms-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Platforms"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The platforms you use. Each one gets a checklist."));

  adw_preferences_page_remove (self->general_page, reminders_group);
  adw_preferences_page_add (self->general_page, ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (self->general_page, reminders_group);
}

static void
untrain_preferences_window_constructed (GObject *object)
{
  UntrainPreferencesWindow *self = (UntrainPreferencesWindow *)object;
  GtkWidget *age_row;

  G_OBJECT_CLASS (untrain_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_return_if_fail (UNTRAIN_IS_CATALOG (self->catalog));

  age_row = untrain_age_group_row_new (self->settings);
  gtk_widget_set_name (age_row, "age-row");
  adw_preferences_group_add (self->person_group, untrain_country_row_new (self->settings));
  adw_preferences_group_add (self->person_group, age_row);

  add_platforms_group (self);

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
}

static void
untrain_preferences_window_dispose (GObject *object)
{
  UntrainPreferencesWindow *self = (UntrainPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_PREFERENCES_WINDOW);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, person_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, UntrainPreferencesWindow, tray_switch);
}

static void
untrain_preferences_window_init (UntrainPreferencesWindow *self)
{
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
