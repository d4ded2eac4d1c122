/* untrain-command-line.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-command-line"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "untrain-applicability.h"
#include "untrain-command-line.h"
#include "untrain-region.h"
#include "untrain-status-report.h"

#define EXIT_USAGE 2

/**
 * untrain_command_line_open_settings:
 *
 * Returns: (transfer full) (nullable): Untrain's settings, or %NULL with a
 *   warning when the schema is not installed (then defaults apply)
 */
GSettings *
untrain_command_line_open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; using the defaults", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * untrain_command_line_get_country:
 * @settings: (nullable): Untrain's settings
 *
 * Returns: (transfer full) (nullable): the country chosen in the settings,
 *   else the one the locale or the time zone suggests
 */
char *
untrain_command_line_get_country (GSettings *settings)
{
  g_autofree char *chosen = NULL;

  if (settings != NULL)
    chosen = g_settings_get_string (settings, "country");

  if (chosen != NULL && untrain_region_is_country (chosen))
    return g_steal_pointer (&chosen);

  return untrain_region_guess_country ();
}

int
untrain_command_line_get_age (GSettings *settings)
{
  g_autofree char *age_group = NULL;

  if (settings == NULL)
    return UNTRAIN_AGE_UNKNOWN;

  age_group = g_settings_get_string (settings, "age-group");
  return untrain_age_from_group (age_group);
}

static int
compare_platforms (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char * const *chosen = user_data;
  UntrainPlatform *platform_a = *(UntrainPlatform **)a;
  UntrainPlatform *platform_b = *(UntrainPlatform **)b;
  guint index_a = G_MAXUINT;
  guint index_b = G_MAXUINT;

  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    {
      if (g_str_equal (chosen[i], untrain_platform_get_id (platform_a)))
        index_a = i;
      if (g_str_equal (chosen[i], untrain_platform_get_id (platform_b)))
        index_b = i;
    }

  if (index_a != index_b)
    return index_a < index_b ? -1 : 1;

  /* The catalog is sorted by name: keep its order for the rest. */
  return 0;
}

/**
 * untrain_command_line_build_models:
 * @settings: (nullable): for the order: the person's platforms come first
 *
 * Returns: (transfer full) (element-type UntrainStatusModel): a status
 *   model for every platform of @catalog
 */
GPtrArray *
untrain_command_line_build_models (UntrainCatalog    *catalog,
                                   UntrainStateStore *store,
                                   GSettings         *settings,
                                   const char        *country,
                                   int                age)
{
  g_autoptr(GPtrArray) platforms = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) chosen = NULL;
  GPtrArray *models;
  guint n_platforms;

  if (settings != NULL)
    chosen = g_settings_get_strv (settings, "platforms");

  n_platforms = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n_platforms; i++)
    g_ptr_array_add (platforms, g_list_model_get_item (G_LIST_MODEL (catalog), i));

  g_ptr_array_sort_with_data (platforms, compare_platforms, chosen);

  models = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < platforms->len; i++)
    g_ptr_array_add (models,
                     untrain_status_model_new (g_ptr_array_index (platforms, i),
                                               store, country, age));

  return models;
}

static gboolean
parse_country (const char  *text,
               char       **country)
{
  *country = untrain_region_normalize_country (text);

  if (*country == NULL)
    {
      g_printerr (_("untrain: “%s” is not a country code. Use a two-letter ISO 3166-1 code, such as DE, FR, GB or US.\n"),
                  text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_age (const char *text,
           int        *age)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, 0, 150, &value, NULL))
    {
      g_printerr (_("untrain: “%s” is not an age. Use a whole number of years from 0 to 150, such as --age=30.\n"),
                  text);
      return FALSE;
    }

  *age = value;
  return TRUE;
}

/**
 * untrain_command_line_status:
 * @json: print the JSON object of the contract instead of text
 * @country_arg: (nullable): `--country`, instead of the stored country
 * @age_arg: (nullable): `--age`, instead of the stored age group
 *
 * `untrain --status`: the checklist of every platform from stored state.
 *
 * Returns: the exit status: 0, or 2 for bad arguments
 */
int
untrain_command_line_status (gboolean    json,
                             const char *country_arg,
                             const char *age_arg)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autoptr(UntrainStateStore) store = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *country = NULL;
  int age = UNTRAIN_AGE_UNKNOWN;

  if (country_arg != NULL && !parse_country (country_arg, &country))
    return EXIT_USAGE;

  if (age_arg != NULL && !parse_age (age_arg, &age))
    return EXIT_USAGE;

  settings = untrain_command_line_open_settings ();

  if (country == NULL)
    country = untrain_command_line_get_country (settings);
  if (age_arg == NULL)
    age = untrain_command_line_get_age (settings);

  catalog = untrain_catalog_new_default ();

  state_file = untrain_state_store_get_default_file ();
  store = untrain_state_store_new (state_file);
  if (!untrain_state_store_load (store, &error))
    {
      /* Still useful: what applies does not depend on the stored state. */
      g_printerr ("untrain: %s\n", error->message);
    }

  models = untrain_command_line_build_models (catalog, store, settings, country, age);

  if (json)
    {
      g_autoptr(JsonNode) root = untrain_status_report_to_json (models, country, age);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = untrain_status_report_to_text (models, country, age);

      g_print ("%s", text);
    }

  return EXIT_SUCCESS;
}
