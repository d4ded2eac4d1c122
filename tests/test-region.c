/* test-region.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "untrain-region.h"

/* A zone.tab in the shape of tzdata's, with the zones the tests look up, so
 * they do not depend on the system's tzdata.
 */
static const char zone_tab[] =
  "# tzdb timezone descriptions (deprecated version)\n"
  "#\n"
  "#country-\n"
  "#code\tcoordinates\tTZ\t\t\tcomments\n"
  "CA\t+4339-07923\tAmerica/Toronto\tEastern - ON & QC (most areas)\n"
  "CA\t+4901-12307\tAmerica/Vancouver\tPacific - BC (most areas)\n"
  "CH\t+4723+00832\tEurope/Zurich\n"
  "CN\t+3114+12128\tAsia/Shanghai\tBeijing Time\n"
  "DE\t+5230+01322\tEurope/Berlin\tmost of Germany\n"
  "FR\t+4852+00220\tEurope/Paris\n"
  "GB\t+513030-0000731\tEurope/London\n"
  "HK\t+2217+11409\tAsia/Hong_Kong\n"
  "NO\t+5955+01045\tEurope/Oslo\r\n"
  "\n"
  "US\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\n"
  "ZZ\t+0000+00000\tMars/Olympus_Mons\tnot a country\n"
  "BR\t-2332-04637\tAmerica/Sao_Paulo";

static const char *all_groups[] = { "EU", "EEA", "UK", "CH", "CA", "HK" };

/* Returns the directory, to be used as TZDIR. */
static char *
create_zoneinfo_dir (gboolean with_zone_tab)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  /* Under the per-test directories of G_TEST_OPTION_ISOLATE_DIRS, which the
   * test framework removes afterwards.
   */
  dir = g_build_filename (g_get_user_data_dir (),
                          with_zone_tab ? "zoneinfo" : "empty-zoneinfo",
                          NULL);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));

  if (with_zone_tab)
    {
      g_autofree char *path = g_build_filename (dir, "zone.tab", NULL);

      g_file_set_contents (path, zone_tab, -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
set_or_unset_env (const char *variable,
                  const char *value)
{
  if (value != NULL)
    g_assert_true (g_setenv (variable, value, TRUE));
  else
    g_unsetenv (variable);
}

static void
assert_guess (const char *lc_all,
              const char *lc_messages,
              const char *lang,
              const char *tz,
              const char *expected)
{
  g_autofree char *country = NULL;

  static const char * const formats[] = {
    "LC_ADDRESS", "LC_TELEPHONE", "LC_MONETARY", "LC_PAPER", "LC_MEASUREMENT", "LC_TIME", "LC_NUMERIC",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_unsetenv (formats[i]);

  set_or_unset_env ("LC_ALL", lc_all);
  set_or_unset_env ("LC_MESSAGES", lc_messages);
  set_or_unset_env ("LANG", lang);
  set_or_unset_env ("TZ", tz);

  country = untrain_region_guess_country ();
  g_assert_cmpstr (country, ==, expected);
}

static void
test_countries_table (void)
{
  const UntrainCountry *countries;
  gsize n_countries = 0;

  countries = untrain_region_get_countries (&n_countries);

  g_assert_nonnull (countries);
  g_assert_cmpuint (n_countries, ==, 249);

  for (gsize i = 0; i < n_countries; i++)
    {
      const char *code = countries[i].code;
      const char *name;

      g_assert_cmpuint (strlen (code), ==, 2);
      g_assert_true (g_ascii_isupper (code[0]));
      g_assert_true (g_ascii_isupper (code[1]));

      /* Lookups bisect the table, which must be sorted and without repeats */
      if (i > 0)
        g_assert_cmpint (strcmp (countries[i - 1].code, code), <, 0);

      g_assert_true (untrain_region_is_country (code));

      g_assert_nonnull (countries[i].name);
      g_assert_true (g_utf8_validate (countries[i].name, -1, NULL));

      name = untrain_region_get_country_name (code);
      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_assert_true (g_utf8_validate (name, -1, NULL));

      /* A code is not a group unless it means the same thing as one */
      if (untrain_region_is_group (code))
        g_assert_true (untrain_region_matches (code, code));
    }

  if (g_test_undefined ())
    {
      g_test_expect_message ("untrain-region", G_LOG_LEVEL_CRITICAL,
                             "*n_countries != NULL*");
      g_assert_null (untrain_region_get_countries (NULL));
      g_test_assert_expected_messages ();
    }
}

static void
test_countries_names (void)
{
  /* The tests run untranslated, so these are iso-codes' msgids. */
  g_assert_cmpstr (untrain_region_get_country_name ("DE"), ==, "Germany");
  g_assert_cmpstr (untrain_region_get_country_name ("GB"), ==, "United Kingdom");
  g_assert_cmpstr (untrain_region_get_country_name ("KR"), ==, "Korea, Republic of");
  g_assert_cmpstr (untrain_region_get_country_name ("HK"), ==, "Hong Kong");
  g_assert_cmpstr (untrain_region_get_country_name ("CN"), ==, "China");
  g_assert_cmpstr (untrain_region_get_country_name ("US"), ==, "United States");
  g_assert_cmpstr (untrain_region_get_country_name ("AX"), ==, "Åland Islands");
  g_assert_cmpstr (untrain_region_get_country_name ("AD"), ==, "Andorra");
  g_assert_cmpstr (untrain_region_get_country_name ("ZW"), ==, "Zimbabwe");

  g_assert_null (untrain_region_get_country_name ("UK"));
  g_assert_null (untrain_region_get_country_name ("de"));
  g_assert_null (untrain_region_get_country_name ("XX"));
  g_assert_null (untrain_region_get_country_name (""));
  g_assert_null (untrain_region_get_country_name (NULL));
}

static void
test_countries_is_country (void)
{
  g_assert_true (untrain_region_is_country ("DE"));
  g_assert_true (untrain_region_is_country ("GB"));
  g_assert_true (untrain_region_is_country ("CH"));
  g_assert_true (untrain_region_is_country ("AD"));
  g_assert_true (untrain_region_is_country ("ZW"));

  /* Only exact upper-case alpha-2 codes */
  g_assert_false (untrain_region_is_country ("de"));
  g_assert_false (untrain_region_is_country ("De"));
  g_assert_false (untrain_region_is_country (" DE"));
  g_assert_false (untrain_region_is_country ("DE "));
  g_assert_false (untrain_region_is_country ("DEU"));
  g_assert_false (untrain_region_is_country ("276"));
  g_assert_false (untrain_region_is_country ("D"));
  g_assert_false (untrain_region_is_country ("UK"));
  g_assert_false (untrain_region_is_country ("EU"));
  g_assert_false (untrain_region_is_country ("XX"));
  g_assert_false (untrain_region_is_country ("AA"));
  g_assert_false (untrain_region_is_country ("ZZ"));
  g_assert_false (untrain_region_is_country (""));
  g_assert_false (untrain_region_is_country (NULL));
}

static void
test_countries_normalize (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "DE", "DE" },
    { "de", "DE" },
    { "De", "DE" },
    { "  de\t", "DE" },
    { "\nfr\n", "FR" },
    { "gb", "GB" },
    { "UK", "GB" },
    { "uk", "GB" },
    { " Uk ", "GB" },
    { "ch", "CH" },
    { "hk", "HK" },
    { "XX", NULL },
    { "xx", NULL },
    { "", NULL },
    { "   ", NULL },
    { "DEU", NULL },
    { "deu", NULL },
    { "D", NULL },
    { "D E", NULL },
    { "EU", NULL },
    { "Germany", NULL },
    { "276", NULL },
    { "dé", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = untrain_region_normalize_country (cases[i].text);

      g_test_message ("normalize “%s”", cases[i].text);
      g_assert_cmpstr (code, ==, cases[i].expected);
    }

  g_assert_null (untrain_region_normalize_country (NULL));
}

static void
test_groups_list (void)
{
  static const struct {
    const char *group;
    const char *name;
  } names[] = {
    { "EU", "the European Union" },
    { "EEA", "the European Economic Area" },
    { "UK", "the United Kingdom" },
    { "CH", "Switzerland" },
    { "CA", "Canada" },
    { "HK", "Hong Kong" },
  };
  const char * const *groups = untrain_region_get_groups ();

  g_assert_nonnull (groups);
  g_assert_cmpuint (g_strv_length ((char **) groups), ==, G_N_ELEMENTS (all_groups));

  for (guint i = 0; i < G_N_ELEMENTS (all_groups); i++)
    {
      g_assert_cmpstr (groups[i], ==, all_groups[i]);
      g_assert_true (untrain_region_is_group (groups[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (untrain_region_get_group_name (names[i].group), ==, names[i].name);

  g_assert_false (untrain_region_is_group ("eu"));
  g_assert_false (untrain_region_is_group ("GB"));
  g_assert_false (untrain_region_is_group ("DE"));
  g_assert_false (untrain_region_is_group ("US"));
  g_assert_false (untrain_region_is_group ("EFTA"));
  g_assert_false (untrain_region_is_group (""));
  g_assert_false (untrain_region_is_group (NULL));

  g_assert_null (untrain_region_get_group_name ("eu"));
  g_assert_null (untrain_region_get_group_name ("GB"));
  g_assert_null (untrain_region_get_group_name ("XX"));
  g_assert_null (untrain_region_get_group_name (""));

  if (g_test_undefined ())
    {
      g_test_expect_message ("untrain-region", G_LOG_LEVEL_CRITICAL,
                             "*group != NULL*");
      g_assert_null (untrain_region_get_group_name (NULL));
      g_test_assert_expected_messages ();
    }
}

static guint
count_members (const char *group)
{
  const UntrainCountry *countries;
  gsize n_countries;
  guint n_members = 0;

  countries = untrain_region_get_countries (&n_countries);

  for (gsize i = 0; i < n_countries; i++)
    {
      if (untrain_region_country_in_group (countries[i].code, group))
        {
          g_assert_true (untrain_region_matches (countries[i].code, group));
          n_members++;
        }
      else
        {
          g_assert_false (untrain_region_matches (countries[i].code, group));
        }
    }

  return n_members;
}

static void
test_groups_eu_eea (void)
{
  static const char *eu[] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
    "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK",
    "SI", "ES", "SE",
  };
  static const char *eea_only[] = { "IS", "LI", "NO" };
  static const char *neither[] = {
    "GB", "CH", "CA", "HK", "US", "CN", "TR", "UA", "RS", "AD", "MC", "SM",
    "VA", "GL", "FO", "GI",
  };
  const UntrainCountry *countries;
  gsize n_countries;

  g_assert_cmpuint (G_N_ELEMENTS (eu), ==, 27);
  g_assert_cmpuint (count_members ("EU"), ==, 27);
  g_assert_cmpuint (count_members ("EEA"), ==, 30);

  for (guint i = 0; i < G_N_ELEMENTS (eu); i++)
    {
      g_test_message ("EU member %s", eu[i]);
      g_assert_true (untrain_region_country_in_group (eu[i], "EU"));
      g_assert_true (untrain_region_country_in_group (eu[i], "EEA"));
      g_assert_true (untrain_region_matches (eu[i], "EU"));
      g_assert_true (untrain_region_matches (eu[i], "EEA"));
      g_assert_true (untrain_region_matches (eu[i], eu[i]));
      g_assert_false (untrain_region_country_in_group (eu[i], "UK"));
    }

  /* Norway, Iceland and Liechtenstein are in the EEA, not the EU */
  for (guint i = 0; i < G_N_ELEMENTS (eea_only); i++)
    {
      g_test_message ("EEA member %s", eea_only[i]);
      g_assert_true (untrain_region_is_country (eea_only[i]));
      g_assert_true (untrain_region_country_in_group (eea_only[i], "EEA"));
      g_assert_true (untrain_region_matches (eea_only[i], "EEA"));
      g_assert_false (untrain_region_country_in_group (eea_only[i], "EU"));
      g_assert_false (untrain_region_matches (eea_only[i], "EU"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (neither); i++)
    {
      g_test_message ("not in EU or EEA: %s", neither[i]);
      g_assert_false (untrain_region_country_in_group (neither[i], "EU"));
      g_assert_false (untrain_region_country_in_group (neither[i], "EEA"));
      g_assert_false (untrain_region_matches (neither[i], "EU"));
      g_assert_false (untrain_region_matches (neither[i], "EEA"));
    }

  /* Every EU member is an EEA member */
  countries = untrain_region_get_countries (&n_countries);
  for (gsize i = 0; i < n_countries; i++)
    {
      if (untrain_region_country_in_group (countries[i].code, "EU"))
        g_assert_true (untrain_region_country_in_group (countries[i].code, "EEA"));
    }
}

static void
test_groups_single_countries (void)
{
  static const char *codes_and_groups[] = { "CH", "CA", "HK" };

  /* The United Kingdom: the group is "UK", the country "GB" */
  g_assert_false (untrain_region_is_country ("UK"));
  g_assert_true (untrain_region_is_group ("UK"));
  g_assert_true (untrain_region_country_in_group ("GB", "UK"));
  g_assert_true (untrain_region_matches ("GB", "UK"));
  g_assert_true (untrain_region_matches ("GB", "GB"));
  g_assert_false (untrain_region_matches ("UK", "UK"));
  g_assert_false (untrain_region_matches ("UK", "GB"));
  g_assert_false (untrain_region_matches ("IE", "UK"));
  g_assert_cmpuint (count_members ("UK"), ==, 1);

  /* Switzerland, Canada and Hong Kong are codes and groups alike */
  for (guint i = 0; i < G_N_ELEMENTS (codes_and_groups); i++)
    {
      const char *code = codes_and_groups[i];

      g_test_message ("country and group %s", code);
      g_assert_true (untrain_region_is_country (code));
      g_assert_true (untrain_region_is_group (code));
      g_assert_true (untrain_region_country_in_group (code, code));
      g_assert_true (untrain_region_matches (code, code));
      g_assert_cmpuint (count_members (code), ==, 1);
      g_assert_false (untrain_region_matches (code, "EU"));
      g_assert_false (untrain_region_matches (code, "EEA"));
      g_assert_false (untrain_region_matches (code, "UK"));
    }

  g_assert_false (untrain_region_matches ("CH", "CA"));
  g_assert_false (untrain_region_matches ("LI", "CH"));
  g_assert_false (untrain_region_matches ("US", "CA"));
  g_assert_false (untrain_region_matches ("MO", "HK"));

  /* The United States and mainland China are in no group */
  for (guint i = 0; i < G_N_ELEMENTS (all_groups); i++)
    {
      g_assert_false (untrain_region_country_in_group ("US", all_groups[i]));
      g_assert_false (untrain_region_matches ("US", all_groups[i]));
      g_assert_false (untrain_region_country_in_group ("CN", all_groups[i]));
      g_assert_false (untrain_region_matches ("CN", all_groups[i]));
    }
  g_assert_true (untrain_region_matches ("US", "US"));
  g_assert_true (untrain_region_matches ("CN", "CN"));
  g_assert_false (untrain_region_matches ("CN", "HK"));
  g_assert_false (untrain_region_matches ("HK", "CN"));
  g_assert_false (untrain_region_matches ("TW", "CN"));
}

static void
test_groups_matches_edge_cases (void)
{
  /* An unknown country matches nothing, not even itself */
  g_assert_false (untrain_region_matches (NULL, "DE"));
  g_assert_false (untrain_region_matches (NULL, "EU"));
  g_assert_false (untrain_region_matches ("XX", "XX"));
  g_assert_false (untrain_region_matches ("", ""));
  g_assert_false (untrain_region_matches ("de", "de"));
  g_assert_false (untrain_region_matches ("de", "EU"));
  g_assert_false (untrain_region_matches ("EU", "EU"));
  g_assert_false (untrain_region_matches ("DE", "de"));
  g_assert_false (untrain_region_matches ("DE", "eu"));
  g_assert_false (untrain_region_matches ("DE", ""));
  g_assert_false (untrain_region_matches ("DE", "FR"));

  g_assert_false (untrain_region_country_in_group (NULL, "EU"));
  g_assert_false (untrain_region_country_in_group ("DE", "XX"));
  g_assert_false (untrain_region_country_in_group ("DE", "DE"));
  g_assert_false (untrain_region_country_in_group ("de", "EU"));

  if (g_test_undefined ())
    {
      g_test_expect_message ("untrain-region", G_LOG_LEVEL_CRITICAL,
                             "*code_or_group != NULL*");
      g_assert_false (untrain_region_matches ("DE", NULL));
      g_test_assert_expected_messages ();

      g_test_expect_message ("untrain-region", G_LOG_LEVEL_CRITICAL,
                             "*group != NULL*");
      g_assert_false (untrain_region_country_in_group ("DE", NULL));
      g_test_assert_expected_messages ();
    }
}

static void
test_locale (void)
{
  static const struct {
    const char *locale;
    const char *expected;
  } cases[] = {
    { "de_DE.UTF-8", "DE" },
    { "de_DE", "DE" },
    { "de_AT.UTF-8", "AT" },
    { "en_GB", "GB" },
    { "en_GB.UTF-8", "GB" },
    { "pt_BR.utf8@euro", "BR" },
    { "sr_RS@latin", "RS" },
    { "de_CH.UTF-8", "CH" },
    { "fr_CA", "CA" },
    { "zh_HK.UTF-8", "HK" },
    { "zh_CN.GB18030", "CN" },
    { "ast_ES.UTF-8", "ES" },
    { "nb_NO.UTF-8", "NO" },
    { "en_US", "US" },
    { "de_de.utf8", "DE" },
    { "C", NULL },
    { "POSIX", NULL },
    { "C.UTF-8", NULL },
    { "C.utf8", NULL },
    { "en", NULL },
    { "en.UTF-8", NULL },
    { "en@quot", NULL },
    { "", NULL },
    { "_DE", NULL },
    { "de_", NULL },
    { "de_.UTF-8", NULL },
    { "en_UK", NULL },
    { "en_XX", NULL },
    { "es_419", NULL },
    { "de_DEU", NULL },
    { "de_D", NULL },
    { "de.UTF-8_DE", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *country = untrain_region_country_from_locale (cases[i].locale);

      g_test_message ("locale “%s”", cases[i].locale);
      g_assert_cmpstr (country, ==, cases[i].expected);
    }

  g_assert_null (untrain_region_country_from_locale (NULL));
}

static void
test_timezone (void)
{
  g_autofree char *zoneinfo_dir = create_zoneinfo_dir (TRUE);
  g_autofree char *under_tzdir = g_build_filename (zoneinfo_dir, "Europe", "Paris", NULL);
  const struct {
    const char *tzid;
    const char *expected;
  } cases[] = {
    { "Europe/Berlin", "DE" },
    { "America/Toronto", "CA" },
    { "America/Vancouver", "CA" },
    { "Asia/Hong_Kong", "HK" },
    { "Asia/Shanghai", "CN" },
    { "Europe/London", "GB" },
    { "Europe/Zurich", "CH" },
    { "America/New_York", "US" },
    /* a line ending in CRLF, and the last line without a newline */
    { "Europe/Oslo", "NO" },
    { "America/Sao_Paulo", "BR" },
    { ":Europe/Berlin", "DE" },
    { "/usr/share/zoneinfo/Europe/Paris", "FR" },
    { "/usr/share/zoneinfo/posix/Europe/Paris", "FR" },
    { "/usr/share/zoneinfo/right/Europe/Paris", "FR" },
    { "../usr/share/zoneinfo/Europe/Paris", "FR" },
    { ":/usr/share/zoneinfo/Europe/Paris", "FR" },
    { "posix/Europe/Paris", "FR" },
    { under_tzdir, "FR" },
    { "UTC", NULL },
    { "Etc/UTC", NULL },
    { "/usr/share/zoneinfo/Etc/UTC", NULL },
    { "Europe", NULL },
    { "Europe/Berlin/", NULL },
    { "europe/berlin", NULL },
    { "Europe/Atlantis", NULL },
    { "CET-1CEST,M3.5.0,M10.5.0/3", NULL },
    /* in zone.tab, but under a code that is no country */
    { "Mars/Olympus_Mons", NULL },
    { "+0000+00000", NULL },
    { "DE", NULL },
    { ":", NULL },
    { "", NULL },
  };

  g_assert_true (g_setenv ("TZDIR", zoneinfo_dir, TRUE));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *country = untrain_region_country_from_timezone (cases[i].tzid);

      g_test_message ("time zone “%s”", cases[i].tzid);
      g_assert_cmpstr (country, ==, cases[i].expected);
    }

  g_assert_null (untrain_region_country_from_timezone (NULL));

  g_unsetenv ("TZDIR");
}

static void
test_timezone_no_zone_tab (void)
{
  g_autofree char *zoneinfo_dir = create_zoneinfo_dir (FALSE);

  /* Not an error: there is just no country to find */
  g_assert_true (g_setenv ("TZDIR", zoneinfo_dir, TRUE));
  g_assert_null (untrain_region_country_from_timezone ("Europe/Berlin"));
  g_assert_null (untrain_region_country_from_timezone ("UTC"));

  g_unsetenv ("TZDIR");
}

static void
test_timezone_system (void)
{
  static const struct {
    const char *tzid;
    const char *expected;
  } cases[] = {
    { "Europe/Berlin", "DE" },
    { "Europe/Paris", "FR" },
    { "America/Toronto", "CA" },
    { "Asia/Hong_Kong", "HK" },
    { "Asia/Shanghai", "CN" },
    { "Europe/London", "GB" },
    { "Europe/Oslo", "NO" },
    { "Atlantic/Reykjavik", "IS" },
    { "Europe/Vaduz", "LI" },
    { "Europe/Zurich", "CH" },
    { "America/New_York", "US" },
    { "/usr/share/zoneinfo/Europe/Berlin", "DE" },
    { "UTC", NULL },
    { "Etc/UTC", NULL },
  };

  g_unsetenv ("TZDIR");

  if (!g_file_test ("/usr/share/zoneinfo/zone.tab", G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("/usr/share/zoneinfo/zone.tab is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *country = untrain_region_country_from_timezone (cases[i].tzid);

      g_test_message ("time zone “%s”", cases[i].tzid);
      g_assert_cmpstr (country, ==, cases[i].expected);
    }
}

static void
test_guess (void)
{
  g_autofree char *country = NULL;
  g_autofree char *zoneinfo_dir = create_zoneinfo_dir (TRUE);
  g_autofree char *empty_dir = create_zoneinfo_dir (FALSE);

  g_assert_true (g_setenv ("TZDIR", zoneinfo_dir, TRUE));

  /* The first locale variable with a territory wins, then the time zone */
  assert_guess ("de_DE.UTF-8", "fr_FR.UTF-8", "en_GB.UTF-8", "America/Toronto", "DE");
  assert_guess (NULL, "fr_FR.UTF-8", "en_GB.UTF-8", "America/Toronto", "FR");
  assert_guess (NULL, NULL, "en_GB.UTF-8", "America/Toronto", "GB");
  assert_guess ("", "", "pt_BR.utf8", NULL, "BR");
  assert_guess (NULL, "sr_RS@latin", NULL, NULL, "RS");

  /* LC_ALL=C names no country, so LANG still says where the person is */
  assert_guess ("C", NULL, "de_DE.UTF-8", "America/Toronto", "DE");
  assert_guess ("C.UTF-8", "POSIX", "de_AT.UTF-8", NULL, "AT");

  /* No locale with a territory: the time zone decides */
  assert_guess ("C.UTF-8", "POSIX", "en", "America/Toronto", "CA");
  assert_guess (NULL, NULL, "C", ":Europe/London", "GB");
  assert_guess (NULL, NULL, "en_XX.UTF-8", "Asia/Hong_Kong", "HK");
  assert_guess (NULL, NULL, NULL, "/usr/share/zoneinfo/Europe/Paris", "FR");

  /* English to read, German formats (GNOME's "Formats" region): Germany */
  g_assert_true (g_setenv ("LC_TIME", "de_DE.UTF-8", TRUE));
  g_assert_true (g_setenv ("LC_MONETARY", "de_DE.UTF-8", TRUE));
  country = untrain_region_guess_country ();
  g_assert_cmpstr (country, ==, "DE");
  g_clear_pointer (&country, g_free);
  g_unsetenv ("LC_TIME");
  g_unsetenv ("LC_MONETARY");
  g_assert_true (g_setenv ("LC_ADDRESS", "fr_BE.UTF-8", TRUE));
  country = untrain_region_guess_country ();
  g_assert_cmpstr (country, ==, "BE");
  g_clear_pointer (&country, g_free);
  g_unsetenv ("LC_ADDRESS");

  /* With no zone.tab nothing names a country, whatever /etc says */
  g_assert_true (g_setenv ("TZDIR", empty_dir, TRUE));
  assert_guess ("C", "C", "C.UTF-8", "Europe/Berlin", NULL);
  assert_guess (NULL, NULL, NULL, NULL, NULL);
  assert_guess ("en", NULL, "en_XX.UTF-8", "UTC", NULL);
  assert_guess (NULL, NULL, "de_DE.UTF-8", NULL, "DE");

  g_unsetenv ("TZDIR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/region/countries/table", test_countries_table);
  g_test_add_func ("/region/countries/names", test_countries_names);
  g_test_add_func ("/region/countries/is-country", test_countries_is_country);
  g_test_add_func ("/region/countries/normalize", test_countries_normalize);
  g_test_add_func ("/region/groups/list", test_groups_list);
  g_test_add_func ("/region/groups/eu-eea", test_groups_eu_eea);
  g_test_add_func ("/region/groups/single-countries", test_groups_single_countries);
  g_test_add_func ("/region/groups/matches-edge-cases", test_groups_matches_edge_cases);
  g_test_add_func ("/region/locale", test_locale);
  g_test_add_func ("/region/timezone/zone-tab", test_timezone);
  g_test_add_func ("/region/timezone/no-zone-tab", test_timezone_no_zone_tab);
  g_test_add_func ("/region/timezone/system", test_timezone_system);
  g_test_add_func ("/region/guess", test_guess);

  return g_test_run ();
}
