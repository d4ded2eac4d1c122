/* untrain-applicability.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-applicability"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-applicability.h"
#include "untrain-region.h"

static gboolean
rule_matches_country (const UntrainRule *rule,
                      const char        *country)
{
  gboolean listed = FALSE;

  if (rule->regions == NULL)
    return TRUE;

  for (guint i = 0; rule->regions[i] != NULL; i++)
    {
      if (untrain_region_matches (country, rule->regions[i]))
        {
          listed = TRUE;
          break;
        }
    }

  return rule->exclude ? !listed : listed;
}

/**
 * untrain_format_date:
 *
 * Returns: (transfer full): @date as a person reads it, "3 November 2025"
 */
char *
untrain_format_date (const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  date_time = g_date_time_new_utc (g_date_get_year (date),
                                   g_date_get_month (date),
                                   g_date_get_day (date),
                                   0, 0, 0);

  /* Translators: a date as in “Applies since 3 November 2025”; see
   * the format codes of g_date_time_format() */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

/**
 * untrain_applicability_evaluate:
 * @item: a checklist item
 * @platform_name: the platform's name, for the reason sentence
 * @country: (nullable): an ISO 3166-1 alpha-2 code, %NULL or "" if unknown
 * @age: the person's age in years, or %UNTRAIN_AGE_UNKNOWN
 * @today: the date to evaluate on
 *
 * Whether @item applies to a person: the first of the item's rules that
 * matches @country decides, then its date and its age limit.
 *
 * Returns: (transfer full): the answer, with a reason a person can read
 */
UntrainApplicability *
untrain_applicability_evaluate (UntrainItem *item,
                                const char  *platform_name,
                                const char  *country,
                                int          age,
                                const GDate *today)
{
  g_autoptr(UntrainApplicability) self = NULL;
  const UntrainRule *rules;
  const UntrainRule *rule = NULL;
  const char *country_name;
  guint n_rules;

  g_return_val_if_fail (UNTRAIN_IS_ITEM (item), NULL);
  g_return_val_if_fail (platform_name != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_new0 (UntrainApplicability, 1);
  g_date_clear (&self->since, 1);

  if (country == NULL || !untrain_region_is_country (country))
    {
      self->applies = UNTRAIN_APPLIES_UNKNOWN;
      self->reason = g_strdup (_("Choose your country to see whether this applies to you"));
      return g_steal_pointer (&self);
    }

  country_name = untrain_region_get_country_name (country);

  rules = untrain_item_get_rules (item, &n_rules);
  for (guint i = 0; i < n_rules; i++)
    {
      if (rule_matches_country (&rules[i], country))
        {
          rule = &rules[i];
          break;
        }
    }

  if (rule == NULL)
    {
      self->applies = UNTRAIN_APPLIES_NO;
      /* Translators: %s is a country */
      self->reason = g_strdup_printf (_("Not applicable in %s"), country_name);
      return g_steal_pointer (&self);
    }

  if (rule->min_age > 0 && age != UNTRAIN_AGE_UNKNOWN && age < (int)rule->min_age)
    {
      self->applies = UNTRAIN_APPLIES_NO;
      /* Translators: “Not applicable: LinkedIn excludes members under 18” */
      self->reason = g_strdup_printf (_("Not applicable: %s excludes members under %u"),
                                      platform_name, rule->min_age);
      return g_steal_pointer (&self);
    }

  if (g_date_valid (&rule->since))
    {
      g_autofree char *date = untrain_format_date (&rule->since);

      self->since = rule->since;

      if (g_date_compare (today, &rule->since) < 0)
        {
          self->applies = UNTRAIN_APPLIES_NOT_YET;
          /* Translators: “Applies from 3 November 2025 in Germany” */
          self->reason = g_strdup_printf (_("Applies from %s in %s"), date, country_name);
        }
      else
        {
          self->applies = UNTRAIN_APPLIES_YES;
          /* Translators: “Applies since 3 November 2025 in Germany” */
          self->reason = g_strdup_printf (_("Applies since %s in %s"), date, country_name);
        }

      return g_steal_pointer (&self);
    }

  self->applies = UNTRAIN_APPLIES_YES;
  /* Translators: %s is a country */
  self->reason = g_strdup_printf (_("Applies in %s"), country_name);
  return g_steal_pointer (&self);
}

void
untrain_applicability_free (UntrainApplicability *self)
{
  if (self == NULL)
    return;

  g_free (self->reason);
  g_free (self);
}

/**
 * untrain_age_from_group:
 * @age_group: the `age-group` setting: "unknown", "under-18" or "adult"
 *
 * Returns: an age that stands for the group in the platforms' age rules
 */
int
untrain_age_from_group (const char *age_group)
{
  if (g_strcmp0 (age_group, "under-18") == 0)
    return 17;
  if (g_strcmp0 (age_group, "adult") == 0)
    return 18;
  return UNTRAIN_AGE_UNKNOWN;
}
