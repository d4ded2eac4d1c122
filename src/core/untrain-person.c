/* untrain-person.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-person"

#include "config.h"

#include "untrain-applicability.h"
#include "untrain-person.h"
#include "untrain-region.h"

/**
 * untrain_person_open_settings:
 *
 * Returns: (transfer full) (nullable): Untrain's settings, or %NULL when
 *   the schema is not installed (then the defaults apply)
 */
GSettings *
untrain_person_open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; using the defaults", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * untrain_person_get_country:
 * @settings: (nullable): Untrain's settings
 *
 * Returns: (transfer full) (nullable): the country chosen in the settings,
 *   else the one the locale or the time zone suggests
 */
char *
untrain_person_get_country (GSettings *settings)
{
  g_autofree char *chosen = NULL;

  if (settings != NULL)
    chosen = g_settings_get_string (settings, "country");

  if (chosen != NULL && untrain_region_is_country (chosen))
    return g_steal_pointer (&chosen);

  return untrain_region_guess_country ();
}

/**
 * untrain_person_get_age:
 * @settings: (nullable): Untrain's settings
 *
 * Returns: an age standing for the person's age group, or
 *   %UNTRAIN_AGE_UNKNOWN
 */
int
untrain_person_get_age (GSettings *settings)
{
  g_autofree char *age_group = NULL;

  if (settings == NULL)
    return UNTRAIN_AGE_UNKNOWN;

  age_group = g_settings_get_string (settings, "age-group");
  return untrain_age_from_group (age_group);
}
