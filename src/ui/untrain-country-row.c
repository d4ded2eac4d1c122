/* untrain-country-row.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-country-row"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-command-line.h"
#include "untrain-country-chooser.h"
#include "untrain-country-row.h"

/* Where the person lives, kept in the `country` key. "" there means "from
 * the locale": the row shows what the locale suggests, and writes only a
 * country the person chooses. It follows the key when something else
 * changes it.
 */
struct _UntrainCountryRow
{
  AdwActionRow           parent_instance;

  GSettings             *settings;
  UntrainCountryChooser *chooser;

  guint                  syncing; /* settings → chooser, don't write back */
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainCountryRow, untrain_country_row, ADW_TYPE_ACTION_ROW)

static void
load_country (UntrainCountryRow *self)
{
  g_autofree char *country = untrain_person_get_country (self->settings);

  self->syncing++;
  untrain_country_chooser_set_country (self->chooser, country);
  self->syncing--;
}

static void
on_country_chosen_cb (UntrainCountryRow *self)
{
  const char *country = untrain_country_chooser_get_country (self->chooser);

  if (self->syncing == 0 && country[0] != '\0')
    {
      g_autofree char *stored = g_settings_get_string (self->settings, "country");

      if (g_strcmp0 (stored, country) != 0)
        g_settings_set_string (self->settings, "country", country);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

static void
untrain_country_row_constructed (GObject *object)
{
  UntrainCountryRow *self = (UntrainCountryRow *)object;

  G_OBJECT_CLASS (untrain_country_row_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  load_country (self);

  g_signal_connect_object (self->chooser, "notify::country",
                           G_CALLBACK (on_country_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::country",
                           G_CALLBACK (load_country), self, G_CONNECT_SWAPPED);
}

static void
untrain_country_row_dispose (GObject *object)
{
  UntrainCountryRow *self = (UntrainCountryRow *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (untrain_country_row_parent_class)->dispose (object);
}

static void
untrain_country_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UntrainCountryRow *self = UNTRAIN_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, untrain_country_row_get_country (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_country_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UntrainCountryRow *self = UNTRAIN_COUNTRY_ROW (object);

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
untrain_country_row_class_init (UntrainCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_country_row_constructed;
  object_class->dispose = untrain_country_row_dispose;
  object_class->get_property = untrain_country_row_get_property;
  object_class->set_property = untrain_country_row_set_property;

  /**
   * UntrainCountryRow:settings:
   *
   * Untrain's settings, whose `country` the row reads and writes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainCountryRow:country:
   *
   * The country the row shows, an ISO 3166-1 alpha-2 code: the person's
   * choice, else the locale's; "" if neither names a country.
   */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
untrain_country_row_init (UntrainCountryRow *self)
{
  GtkWidget *chooser = untrain_country_chooser_new ();

  gtk_widget_set_name (chooser, "country-chooser");
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), chooser);
  self->chooser = UNTRAIN_COUNTRY_CHOOSER (chooser);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("_Country"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), chooser);
}

/**
 * untrain_country_row_new:
 * @settings: Untrain's settings, whose `country` the row reads and writes
 *
 * Returns: (transfer floating): a row to choose where the person lives
 */
GtkWidget *
untrain_country_row_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNTRAIN_TYPE_COUNTRY_ROW,
                       "settings", settings,
                       NULL);
}

/**
 * untrain_country_row_get_country:
 *
 * Returns: the country the row shows, an ISO 3166-1 alpha-2 code, or ""
 *   if neither the person's choice nor the locale names one
 */
const char *
untrain_country_row_get_country (UntrainCountryRow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_COUNTRY_ROW (self), NULL);

  return untrain_country_chooser_get_country (self->chooser);
}
