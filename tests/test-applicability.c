/* test-applicability.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "untrain-applicability.h"
#include "untrain-catalog.h"
#include "untrain-platform.h"

/* A day when every LinkedIn rule has taken effect. */
#define LATER "2026-11-29"

static void
date_from_iso (const char *text,
               GDate      *date)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy (day, month, year));

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static UntrainPlatform *
builtin_linkedin (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;
  UntrainPlatform *linkedin;

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  linkedin = untrain_catalog_lookup (catalog, "linkedin");
  g_assert_nonnull (linkedin);

  return g_object_ref (linkedin);
}

static UntrainItem *
linkedin_item (UntrainPlatform *linkedin,
               const char      *item_id)
{
  UntrainItem *item = untrain_platform_lookup_item (linkedin, item_id);

  g_assert_nonnull (item);

  return item;
}

/* A platform "demo" with one item "a" whose "applies" is @applies, written
 * with single quotes for double quotes.
 */
static UntrainPlatform *
demo_platform (const char *applies)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;
  gsize length;

  text = g_strdup_printf ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example',"
                          " 'items': [{'id': 'a', 'kind': 'toggle', 'title': 'Turn it off',"
                          " 'description': 'A switch.', 'url': 'https://demo.example/settings',"
                          " 'applies': %s, 'sources': ['https://demo.example/help']}]}",
                          applies);
  for (char *c = text; *c != '\0'; c++)
    {
      if (*c == '\'')
        *c = '"';
    }

  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);

  platform = untrain_platform_new_from_bytes (bytes, "demo.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);

  return platform;
}

/* Evaluates @item for a person in @country aged @age on @today and checks
 * the answer; @since NULL means no date; @reason NULL skips the sentence.
 */
static void
assert_applies (UntrainItem    *item,
                const char     *platform_name,
                const char     *country,
                int             age,
                const char     *today,
                UntrainApplies  applies,
                const char     *since,
                const char     *reason)
{
  g_autoptr(UntrainApplicability) result = NULL;
  GDate today_date;

  date_from_iso (today, &today_date);

  result = untrain_applicability_evaluate (item, platform_name, country, age, &today_date);
  g_assert_nonnull (result);

  if (result->applies != applies)
    {
      g_test_fail_printf ("%s for %s, age %d, on %s: expected %d, got %d (%s)",
                          untrain_item_get_id (item), country, age, today,
                          applies, result->applies, result->reason);
      return;
    }

  if (since != NULL)
    {
      GDate since_date;

      date_from_iso (since, &since_date);
      g_assert_true (g_date_valid (&result->since));
      g_assert_cmpint (g_date_compare (&result->since, &since_date), ==, 0);
    }
  else
    {
      g_assert_false (g_date_valid (&result->since));
    }

  g_assert_nonnull (result->reason);
  g_assert_cmpstr (result->reason, !=, "");

  if (reason != NULL)
    g_assert_cmpstr (result->reason, ==, reason);
}

/* LinkedIn's "Data for Generative AI Improvement" */

static void
test_ai_training_germany (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  assert_applies (item, "LinkedIn", "DE", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Germany");
}

static void
test_ai_training_united_states (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");
  g_autoptr(UntrainApplicability) result = NULL;
  GDate today;

  assert_applies (item, "LinkedIn", "US", 30, LATER, UNTRAIN_APPLIES_YES, "2024-09-18", NULL);

  date_from_iso (LATER, &today);
  result = untrain_applicability_evaluate (item, "LinkedIn", "US", 30, &today);
  g_assert_true (g_str_has_prefix (result->reason, "Applies since 18 September 2024 in "));
}

static void
test_ai_training_china (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  assert_applies (item, "LinkedIn", "CN", 30, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable in China");
  assert_applies (item, "LinkedIn", "CN", UNTRAIN_AGE_UNKNOWN, "2024-01-01", UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable in China");
}

static void
test_ai_training_regions (void)
{
  /* EEA beyond the EU, the UK, Switzerland, Canada, Hong Kong and a few of
   * the EU: all from 3 November 2025.
   */
  static const char * const countries[] = { "NO", "IS", "LI", "GB", "CH", "CA", "HK", "FR", "IE", "AT" };
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    assert_applies (item, "LinkedIn", countries[i], 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03", NULL);

  assert_applies (item, "LinkedIn", "NO", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Norway");
  assert_applies (item, "LinkedIn", "CH", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Switzerland");

  /* Elsewhere but China, the 2024 rule */
  assert_applies (item, "LinkedIn", "BR", 30, LATER, UNTRAIN_APPLIES_YES, "2024-09-18",
                  "Applies since 18 September 2024 in Brazil");
  assert_applies (item, "LinkedIn", "TW", 30, LATER, UNTRAIN_APPLIES_YES, "2024-09-18", NULL);
}

static void
test_ai_training_age (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  assert_applies (item, "LinkedIn", "DE", 17, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable: LinkedIn excludes members under 18");
  assert_applies (item, "LinkedIn", "US", 17, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable: LinkedIn excludes members under 18");
  assert_applies (item, "LinkedIn", "DE", 0, LATER, UNTRAIN_APPLIES_NO, NULL, NULL);

  assert_applies (item, "LinkedIn", "DE", 18, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Germany");
  assert_applies (item, "LinkedIn", "DE", 99, LATER, UNTRAIN_APPLIES_YES, "2025-11-03", NULL);

  /* Not knowing the age, the platform's default is taken to apply */
  assert_applies (item, "LinkedIn", "DE", UNTRAIN_AGE_UNKNOWN, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Germany");

  /* The name in the sentence is the one given */
  assert_applies (item, "Example", "DE", 17, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable: Example excludes members under 18");
}

static void
test_ai_training_dates (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  assert_applies (item, "LinkedIn", "DE", 30, "2025-11-02", UNTRAIN_APPLIES_NOT_YET, "2025-11-03",
                  "Applies from 3 November 2025 in Germany");
  assert_applies (item, "LinkedIn", "DE", 30, "2025-11-03", UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Germany");

  /* The first matching rule decides: the 2024 date does not count in Germany */
  assert_applies (item, "LinkedIn", "DE", 30, "2025-01-01", UNTRAIN_APPLIES_NOT_YET, "2025-11-03", NULL);

  assert_applies (item, "LinkedIn", "US", 30, "2024-09-17", UNTRAIN_APPLIES_NOT_YET, "2024-09-18", NULL);
  assert_applies (item, "LinkedIn", "US", 30, "2024-09-18", UNTRAIN_APPLIES_YES, "2024-09-18", NULL);
  assert_applies (item, "LinkedIn", "BR", 30, "2024-09-17", UNTRAIN_APPLIES_NOT_YET, "2024-09-18",
                  "Applies from 18 September 2024 in Brazil");
}

/* LinkedIn's sharing with Microsoft for ads, everywhere but in Europe */

static void
test_microsoft_ads_sharing (void)
{
  static const char * const excluded[] = { "DE", "FR", "GB", "CH", "NO", "IS", "LI" };
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "microsoft-ads-sharing");

  assert_applies (item, "LinkedIn", "US", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03", NULL);
  assert_applies (item, "LinkedIn", "CA", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03",
                  "Applies since 3 November 2025 in Canada");
  assert_applies (item, "LinkedIn", "US", 30, "2025-11-02", UNTRAIN_APPLIES_NOT_YET, "2025-11-03", NULL);

  /* No age limit on this one */
  assert_applies (item, "LinkedIn", "US", 17, LATER, UNTRAIN_APPLIES_YES, "2025-11-03", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (excluded); i++)
    assert_applies (item, "LinkedIn", excluded[i], 30, LATER, UNTRAIN_APPLIES_NO, NULL, NULL);

  assert_applies (item, "LinkedIn", "DE", 30, LATER, UNTRAIN_APPLIES_NO, NULL, "Not applicable in Germany");
  assert_applies (item, "LinkedIn", "FR", 30, LATER, UNTRAIN_APPLIES_NO, NULL, "Not applicable in France");
  assert_applies (item, "LinkedIn", "CH", 30, LATER, UNTRAIN_APPLIES_NO, NULL, "Not applicable in Switzerland");
  assert_applies (item, "LinkedIn", "NO", 30, LATER, UNTRAIN_APPLIES_NO, NULL, "Not applicable in Norway");
}

/* Rules in general */

static void
test_first_rule_wins (void)
{
  g_autoptr(UntrainPlatform) demo = demo_platform ("[{'regions': ['DE']}, {'since': '2025-01-01'}]");
  UntrainItem *item = untrain_platform_get_item (demo, 0);

  /* Germany: the first rule, without a date, even before the second's date */
  assert_applies (item, "Demo", "DE", 30, "2024-06-01", UNTRAIN_APPLIES_YES, NULL, "Applies in Germany");
  assert_applies (item, "Demo", "DE", 30, "2026-06-01", UNTRAIN_APPLIES_YES, NULL, "Applies in Germany");

  /* Elsewhere: the second rule and its date */
  assert_applies (item, "Demo", "FR", 30, "2024-06-01", UNTRAIN_APPLIES_NOT_YET, "2025-01-01",
                  "Applies from 1 January 2025 in France");
  assert_applies (item, "Demo", "FR", 30, "2026-06-01", UNTRAIN_APPLIES_YES, "2025-01-01",
                  "Applies since 1 January 2025 in France");
}

static void
test_first_rule_wins_over_later_age (void)
{
  /* An age limit in a later rule does not reach a country the first took */
  g_autoptr(UntrainPlatform) demo = demo_platform ("[{'regions': ['EU']}, {'min_age': 18}]");
  UntrainItem *item = untrain_platform_get_item (demo, 0);

  assert_applies (item, "Demo", "DE", 16, LATER, UNTRAIN_APPLIES_YES, NULL, "Applies in Germany");
  assert_applies (item, "Demo", "US", 16, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable: Demo excludes members under 18");
}

static void
test_rule_without_regions (void)
{
  static const char * const countries[] = { "US", "CN", "DE", "GB", "BR", "AQ", "ZW" };
  g_autoptr(UntrainPlatform) demo = demo_platform ("[{}]");
  UntrainItem *item = untrain_platform_get_item (demo, 0);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    assert_applies (item, "Demo", countries[i], UNTRAIN_AGE_UNKNOWN, LATER, UNTRAIN_APPLIES_YES, NULL, NULL);

  assert_applies (item, "Demo", "CN", 12, LATER, UNTRAIN_APPLIES_YES, NULL, "Applies in China");
}

static void
test_no_matching_rule (void)
{
  g_autoptr(UntrainPlatform) eu = demo_platform ("[{'regions': ['EU'], 'since': '2024-01-01'}]");
  g_autoptr(UntrainPlatform) nowhere = demo_platform ("[]");
  g_autoptr(UntrainPlatform) not_here = demo_platform ("[{'not_regions': ['DE', 'UK']}]");

  assert_applies (untrain_platform_get_item (eu, 0), "Demo", "CN", 30, LATER,
                  UNTRAIN_APPLIES_NO, NULL, "Not applicable in China");
  /* Norway is in the EEA but not in the EU */
  assert_applies (untrain_platform_get_item (eu, 0), "Demo", "NO", 30, LATER,
                  UNTRAIN_APPLIES_NO, NULL, "Not applicable in Norway");
  assert_applies (untrain_platform_get_item (eu, 0), "Demo", "AT", 30, LATER,
                  UNTRAIN_APPLIES_YES, "2024-01-01", "Applies since 1 January 2024 in Austria");

  assert_applies (untrain_platform_get_item (nowhere, 0), "Demo", "DE", 30, LATER,
                  UNTRAIN_APPLIES_NO, NULL, "Not applicable in Germany");

  assert_applies (untrain_platform_get_item (not_here, 0), "Demo", "DE", 30, LATER,
                  UNTRAIN_APPLIES_NO, NULL, "Not applicable in Germany");
  assert_applies (untrain_platform_get_item (not_here, 0), "Demo", "GB", 30, LATER,
                  UNTRAIN_APPLIES_NO, NULL, NULL);
  assert_applies (untrain_platform_get_item (not_here, 0), "Demo", "AT", 30, LATER,
                  UNTRAIN_APPLIES_YES, NULL, "Applies in Austria");
}

static void
test_unknown_country (void)
{
  /* Neither a missing country, nor something that is not an upper-case
   * ISO 3166-1 code (a group such as "UK" or "EU" included), says where the
   * person is.
   */
  static const char * const countries[] = { "", "XX", "de", "GER", "UK", "EU", "D" };
  static const char reason[] = "Choose your country to see whether this applies to you";
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  g_autoptr(UntrainPlatform) everywhere = demo_platform ("[{}]");
  UntrainItem *items[] = {
    linkedin_item (linkedin, "ai-training"),
    linkedin_item (linkedin, "microsoft-ads-sharing"),
    untrain_platform_get_item (everywhere, 0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      assert_applies (items[i], "LinkedIn", NULL, 30, LATER, UNTRAIN_APPLIES_UNKNOWN, NULL, reason);
      assert_applies (items[i], "LinkedIn", NULL, 17, LATER, UNTRAIN_APPLIES_UNKNOWN, NULL, reason);

      for (guint j = 0; j < G_N_ELEMENTS (countries); j++)
        assert_applies (items[i], "LinkedIn", countries[j], 30, LATER, UNTRAIN_APPLIES_UNKNOWN, NULL, reason);
    }
}

static void
test_other_linkedin_items (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *form = linkedin_item (linkedin, "objection-form");
  UntrainItem *info = linkedin_item (linkedin, "not-retroactive");
  UntrainItem *research = linkedin_item (linkedin, "research-data");

  /* The objection form: adults everywhere, no date */
  assert_applies (form, "LinkedIn", "DE", 30, LATER, UNTRAIN_APPLIES_YES, NULL, "Applies in Germany");
  assert_applies (form, "LinkedIn", "US", UNTRAIN_AGE_UNKNOWN, "2020-01-01", UNTRAIN_APPLIES_YES, NULL, NULL);
  assert_applies (form, "LinkedIn", "DE", 17, LATER, UNTRAIN_APPLIES_NO, NULL,
                  "Not applicable: LinkedIn excludes members under 18");

  /* "Not retroactive" goes with the switch */
  assert_applies (info, "LinkedIn", "DE", 30, LATER, UNTRAIN_APPLIES_YES, "2025-11-03", NULL);
  assert_applies (info, "LinkedIn", "US", 30, LATER, UNTRAIN_APPLIES_YES, "2024-09-18", NULL);
  assert_applies (info, "LinkedIn", "CN", 30, LATER, UNTRAIN_APPLIES_NO, NULL, "Not applicable in China");

  /* Research data: everyone, everywhere */
  assert_applies (research, "LinkedIn", "CN", 17, LATER, UNTRAIN_APPLIES_YES, NULL, "Applies in China");
  assert_applies (research, "LinkedIn", "DE", 30, LATER, UNTRAIN_APPLIES_YES, NULL, "Applies in Germany");
}

/* Helpers */

static void
test_age_from_group (void)
{
  g_autoptr(UntrainPlatform) linkedin = builtin_linkedin ();
  UntrainItem *item = linkedin_item (linkedin, "ai-training");

  g_assert_cmpint (untrain_age_from_group ("unknown"), ==, UNTRAIN_AGE_UNKNOWN);
  g_assert_cmpint (untrain_age_from_group (NULL), ==, UNTRAIN_AGE_UNKNOWN);
  g_assert_cmpint (untrain_age_from_group (""), ==, UNTRAIN_AGE_UNKNOWN);
  g_assert_cmpint (untrain_age_from_group ("child"), ==, UNTRAIN_AGE_UNKNOWN);

  g_assert_cmpint (untrain_age_from_group ("under-18"), >=, 0);
  g_assert_cmpint (untrain_age_from_group ("under-18"), <, 18);
  g_assert_cmpint (untrain_age_from_group ("adult"), >=, 18);

  /* What the groups stand for against LinkedIn's limit of 18 */
  assert_applies (item, "LinkedIn", "DE", untrain_age_from_group ("under-18"), LATER,
                  UNTRAIN_APPLIES_NO, NULL, "Not applicable: LinkedIn excludes members under 18");
  assert_applies (item, "LinkedIn", "DE", untrain_age_from_group ("adult"), LATER,
                  UNTRAIN_APPLIES_YES, "2025-11-03", NULL);
  assert_applies (item, "LinkedIn", "DE", untrain_age_from_group ("unknown"), LATER,
                  UNTRAIN_APPLIES_YES, "2025-11-03", NULL);
}

static void
test_format_date (void)
{
  static const struct {
    const char *iso;
    const char *text;
  } dates[] = {
    { "2025-11-03", "3 November 2025" },
    { "2024-09-18", "18 September 2024" },
    { "2025-01-01", "1 January 2025" },
    { "2024-02-29", "29 February 2024" },
    { "1999-12-31", "31 December 1999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = NULL;
      GDate date;

      date_from_iso (dates[i].iso, &date);
      text = untrain_format_date (&date);
      g_assert_cmpstr (text, ==, dates[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* English messages and month names, whatever the machine's locale */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and the others still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/applicability/ai-training/germany", test_ai_training_germany);
  g_test_add_func ("/applicability/ai-training/united-states", test_ai_training_united_states);
  g_test_add_func ("/applicability/ai-training/china", test_ai_training_china);
  g_test_add_func ("/applicability/ai-training/regions", test_ai_training_regions);
  g_test_add_func ("/applicability/ai-training/age", test_ai_training_age);
  g_test_add_func ("/applicability/ai-training/dates", test_ai_training_dates);
  g_test_add_func ("/applicability/microsoft-ads-sharing", test_microsoft_ads_sharing);
  g_test_add_func ("/applicability/other-linkedin-items", test_other_linkedin_items);
  g_test_add_func ("/applicability/rules/first-wins", test_first_rule_wins);
  g_test_add_func ("/applicability/rules/first-wins-over-later-age", test_first_rule_wins_over_later_age);
  g_test_add_func ("/applicability/rules/no-regions", test_rule_without_regions);
  g_test_add_func ("/applicability/rules/no-match", test_no_matching_rule);
  g_test_add_func ("/applicability/unknown-country", test_unknown_country);
  g_test_add_func ("/applicability/age-from-group", test_age_from_group);
  g_test_add_func ("/applicability/format-date", test_format_date);

  return g_test_run ();
}
