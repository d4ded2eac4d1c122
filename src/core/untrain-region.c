/* untrain-region.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-region"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "untrain-region.h"

/* iso-codes installs its translations of the country names in this gettext
 * domain; the msgids are the English names in the table below.
 */
#define ISO_3166_DOMAIN "iso_3166-1"

#define DEFAULT_ZONEINFO_DIR "/usr/share/zoneinfo"

/* Every country of ISO 3166-1, sorted by code for binary search. Generated
 * once from /usr/share/iso-codes/json/iso_3166-1.json (iso-codes 4.15): the
 * names must stay byte for byte what iso-codes spells, or they will not be
 * found in its translations.
 */
static const UntrainCountry countries[] = {
  { "AD", "Andorra" },
  { "AE", "United Arab Emirates" },
  { "AF", "Afghanistan" },
  { "AG", "Antigua and Barbuda" },
  { "AI", "Anguilla" },
  { "AL", "Albania" },
  { "AM", "Armenia" },
  { "AO", "Angola" },
  { "AQ", "Antarctica" },
  { "AR", "Argentina" },
  { "AS", "American Samoa" },
  { "AT", "Austria" },
  { "AU", "Australia" },
  { "AW", "Aruba" },
  { "AX", "Åland Islands" },
  { "AZ", "Azerbaijan" },
  { "BA", "Bosnia and Herzegovina" },
  { "BB", "Barbados" },
  { "BD", "Bangladesh" },
  { "BE", "Belgium" },
  { "BF", "Burkina Faso" },
  { "BG", "Bulgaria" },
  { "BH", "Bahrain" },
  { "BI", "Burundi" },
  { "BJ", "Benin" },
  { "BL", "Saint Barthélemy" },
  { "BM", "Bermuda" },
  { "BN", "Brunei Darussalam" },
  { "BO", "Bolivia, Plurinational State of" },
  { "BQ", "Bonaire, Sint Eustatius and Saba" },
  { "BR", "Brazil" },
  { "BS", "Bahamas" },
  { "BT", "Bhutan" },
  { "BV", "Bouvet Island" },
  { "BW", "Botswana" },
  { "BY", "Belarus" },
  { "BZ", "Belize" },
  { "CA", "Canada" },
  { "CC", "Cocos (Keeling) Islands" },
  { "CD", "Congo, The Democratic Republic of the" },
  { "CF", "Central African Republic" },
  { "CG", "Congo" },
  { "CH", "Switzerland" },
  { "CI", "Côte d'Ivoire" },
  { "CK", "Cook Islands" },
  { "CL", "Chile" },
  { "CM", "Cameroon" },
  { "CN", "China" },
  { "CO", "Colombia" },
  { "CR", "Costa Rica" },
  { "CU", "Cuba" },
  { "CV", "Cabo Verde" },
  { "CW", "Curaçao" },
  { "CX", "Christmas Island" },
  { "CY", "Cyprus" },
  { "CZ", "Czechia" },
  { "DE", "Germany" },
  { "DJ", "Djibouti" },
  { "DK", "Denmark" },
  { "DM", "Dominica" },
  { "DO", "Dominican Republic" },
  { "DZ", "Algeria" },
  { "EC", "Ecuador" },
  { "EE", "Estonia" },
  { "EG", "Egypt" },
  { "EH", "Western Sahara" },
  { "ER", "Eritrea" },
  { "ES", "Spain" },
  { "ET", "Ethiopia" },
  { "FI", "Finland" },
  { "FJ", "Fiji" },
  { "FK", "Falkland Islands (Malvinas)" },
  { "FM", "Micronesia, Federated States of" },
  { "FO", "Faroe Islands" },
  { "FR", "France" },
  { "GA", "Gabon" },
  { "GB", "United Kingdom" },
  { "GD", "Grenada" },
  { "GE", "Georgia" },
  { "GF", "French Guiana" },
  { "GG", "Guernsey" },
  { "GH", "Ghana" },
  { "GI", "Gibraltar" },
  { "GL", "Greenland" },
  { "GM", "Gambia" },
  { "GN", "Guinea" },
  { "GP", "Guadeloupe" },
  { "GQ", "Equatorial Guinea" },
  { "GR", "Greece" },
  { "GS", "South Georgia and the South Sandwich Islands" },
  { "GT", "Guatemala" },
  { "GU", "Guam" },
  { "GW", "Guinea-Bissau" },
  { "GY", "Guyana" },
  { "HK", "Hong Kong" },
  { "HM", "Heard Island and McDonald Islands" },
  { "HN", "Honduras" },
  { "HR", "Croatia" },
  { "HT", "Haiti" },
  { "HU", "Hungary" },
  { "ID", "Indonesia" },
  { "IE", "Ireland" },
  { "IL", "Israel" },
  { "IM", "Isle of Man" },
  { "IN", "India" },
  { "IO", "British Indian Ocean Territory" },
  { "IQ", "Iraq" },
  { "IR", "Iran, Islamic Republic of" },
  { "IS", "Iceland" },
  { "IT", "Italy" },
  { "JE", "Jersey" },
  { "JM", "Jamaica" },
  { "JO", "Jordan" },
  { "JP", "Japan" },
  { "KE", "Kenya" },
  { "KG", "Kyrgyzstan" },
  { "KH", "Cambodia" },
  { "KI", "Kiribati" },
  { "KM", "Comoros" },
  { "KN", "Saint Kitts and Nevis" },
  { "KP", "Korea, Democratic People's Republic of" },
  { "KR", "Korea, Republic of" },
  { "KW", "Kuwait" },
  { "KY", "Cayman Islands" },
  { "KZ", "Kazakhstan" },
  { "LA", "Lao People's Democratic Republic" },
  { "LB", "Lebanon" },
  { "LC", "Saint Lucia" },
  { "LI", "Liechtenstein" },
  { "LK", "Sri Lanka" },
  { "LR", "Liberia" },
  { "LS", "Lesotho" },
  { "LT", "Lithuania" },
  { "LU", "Luxembourg" },
  { "LV", "Latvia" },
  { "LY", "Libya" },
  { "MA", "Morocco" },
  { "MC", "Monaco" },
  { "MD", "Moldova, Republic of" },
  { "ME", "Montenegro" },
  { "MF", "Saint Martin (French part)" },
  { "MG", "Madagascar" },
  { "MH", "Marshall Islands" },
  { "MK", "North Macedonia" },
  { "ML", "Mali" },
  { "MM", "Myanmar" },
  { "MN", "Mongolia" },
  { "MO", "Macao" },
  { "MP", "Northern Mariana Islands" },
  { "MQ", "Martinique" },
  { "MR", "Mauritania" },
  { "MS", "Montserrat" },
  { "MT", "Malta" },
  { "MU", "Mauritius" },
  { "MV", "Maldives" },
  { "MW", "Malawi" },
  { "MX", "Mexico" },
  { "MY", "Malaysia" },
  { "MZ", "Mozambique" },
  { "NA", "Namibia" },
  { "NC", "New Caledonia" },
  { "NE", "Niger" },
  { "NF", "Norfolk Island" },
  { "NG", "Nigeria" },
  { "NI", "Nicaragua" },
  { "NL", "Netherlands" },
  { "NO", "Norway" },
  { "NP", "Nepal" },
  { "NR", "Nauru" },
  { "NU", "Niue" },
  { "NZ", "New Zealand" },
  { "OM", "Oman" },
  { "PA", "Panama" },
  { "PE", "Peru" },
  { "PF", "French Polynesia" },
  { "PG", "Papua New Guinea" },
  { "PH", "Philippines" },
  { "PK", "Pakistan" },
  { "PL", "Poland" },
  { "PM", "Saint Pierre and Miquelon" },
  { "PN", "Pitcairn" },
  { "PR", "Puerto Rico" },
  { "PS", "Palestine, State of" },
  { "PT", "Portugal" },
  { "PW", "Palau" },
  { "PY", "Paraguay" },
  { "QA", "Qatar" },
  { "RE", "Réunion" },
  { "RO", "Romania" },
  { "RS", "Serbia" },
  { "RU", "Russian Federation" },
  { "RW", "Rwanda" },
  { "SA", "Saudi Arabia" },
  { "SB", "Solomon Islands" },
  { "SC", "Seychelles" },
  { "SD", "Sudan" },
  { "SE", "Sweden" },
  { "SG", "Singapore" },
  { "SH", "Saint Helena, Ascension and Tristan da Cunha" },
  { "SI", "Slovenia" },
  { "SJ", "Svalbard and Jan Mayen" },
  { "SK", "Slovakia" },
  { "SL", "Sierra Leone" },
  { "SM", "San Marino" },
  { "SN", "Senegal" },
  { "SO", "Somalia" },
  { "SR", "Suriname" },
  { "SS", "South Sudan" },
  { "ST", "Sao Tome and Principe" },
  { "SV", "El Salvador" },
  { "SX", "Sint Maarten (Dutch part)" },
  { "SY", "Syrian Arab Republic" },
  { "SZ", "Eswatini" },
  { "TC", "Turks and Caicos Islands" },
  { "TD", "Chad" },
  { "TF", "French Southern Territories" },
  { "TG", "Togo" },
  { "TH", "Thailand" },
  { "TJ", "Tajikistan" },
  { "TK", "Tokelau" },
  { "TL", "Timor-Leste" },
  { "TM", "Turkmenistan" },
  { "TN", "Tunisia" },
  { "TO", "Tonga" },
  { "TR", "Türkiye" },
  { "TT", "Trinidad and Tobago" },
  { "TV", "Tuvalu" },
  { "TW", "Taiwan, Province of China" },
  { "TZ", "Tanzania, United Republic of" },
  { "UA", "Ukraine" },
  { "UG", "Uganda" },
  { "UM", "United States Minor Outlying Islands" },
  { "US", "United States" },
  { "UY", "Uruguay" },
  { "UZ", "Uzbekistan" },
  { "VA", "Holy See (Vatican City State)" },
  { "VC", "Saint Vincent and the Grenadines" },
  { "VE", "Venezuela, Bolivarian Republic of" },
  { "VG", "Virgin Islands, British" },
  { "VI", "Virgin Islands, U.S." },
  { "VN", "Viet Nam" },
  { "VU", "Vanuatu" },
  { "WF", "Wallis and Futuna" },
  { "WS", "Samoa" },
  { "YE", "Yemen" },
  { "YT", "Mayotte" },
  { "ZA", "South Africa" },
  { "ZM", "Zambia" },
  { "ZW", "Zimbabwe" },
};

typedef struct
{
  const char         *id;
  const char         *name;
  const char * const *members;
  gsize               n_members;
} UntrainRegionGroup;

/* Member lists are sorted by code for binary search. */
static const char * const eu_members[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
  "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
  "SK",
};

/* The European Union and Iceland, Liechtenstein and Norway. */
static const char * const eea_members[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
  "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT",
  "RO", "SE", "SI", "SK",
};

static const char * const uk_members[] = { "GB" };
static const char * const ch_members[] = { "CH" };
static const char * const ca_members[] = { "CA" };
static const char * const hk_members[] = { "HK" };

#define GROUP(id, name, members) { id, name, members, G_N_ELEMENTS (members) }

/* The names complete sentences such as "Applies since 3 Nov 2025 in %s". */
static const UntrainRegionGroup groups[] = {
  /* Translators: a region, as in "Applies in the European Union" */
  GROUP ("EU", N_("the European Union"), eu_members),
  /* Translators: a region, as in "Applies in the European Economic Area" */
  GROUP ("EEA", N_("the European Economic Area"), eea_members),
  /* Translators: a region, as in "Applies in the United Kingdom" */
  GROUP ("UK", N_("the United Kingdom"), uk_members),
  /* Translators: a region, as in "Applies in Switzerland" */
  GROUP ("CH", N_("Switzerland"), ch_members),
  /* Translators: a region, as in "Applies in Canada" */
  GROUP ("CA", N_("Canada"), ca_members),
  /* Translators: a region, as in "Applies in Hong Kong" */
  GROUP ("HK", N_("Hong Kong"), hk_members),
};

#undef GROUP

/* The ids of groups[], in the same order. */
static const char * const group_ids[] = {
  "EU", "EEA", "UK", "CH", "CA", "HK", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_ids) == G_N_ELEMENTS (groups) + 1);

static int
compare_country (const void *key,
                 const void *element)
{
  const UntrainCountry *country = element;

  return strcmp (key, country->code);
}

static int
compare_code (const void *key,
              const void *element)
{
  const char * const *code = element;

  return strcmp (key, *code);
}

static const UntrainCountry *
find_country (const char *code)
{
  if (code == NULL)
    return NULL;

  return bsearch (code,
                  countries, G_N_ELEMENTS (countries), sizeof countries[0],
                  compare_country);
}

static const UntrainRegionGroup *
find_group (const char *group)
{
  if (group == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (strcmp (group, groups[i].id) == 0)
        return &groups[i];
    }

  return NULL;
}

static void
ensure_iso_codes_domain (void)
{
  static gsize initialized;

  /* iso-codes installs its catalogs under the system's default locale
   * directory, where gettext looks without a bindtextdomain(); it only needs
   * telling that we want UTF-8 whatever the locale's codeset.
   */
  if (g_once_init_enter (&initialized))
    {
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * untrain_region_get_countries:
 * @n_countries: (out): where to store the number of countries
 *
 * Returns: (array length=n_countries) (transfer none): every country of
 *   ISO 3166-1, sorted by code
 */
const UntrainCountry *
untrain_region_get_countries (gsize *n_countries)
{
  g_return_val_if_fail (n_countries != NULL, NULL);

  *n_countries = G_N_ELEMENTS (countries);

  return countries;
}

/**
 * untrain_region_is_country:
 * @code: (nullable): a code such as "DE"
 *
 * Returns: %TRUE if @code is exactly the upper-case ISO 3166-1 alpha-2 code
 *   of a country
 */
gboolean
untrain_region_is_country (const char *code)
{
  return find_country (code) != NULL;
}

/**
 * untrain_region_get_country_name:
 * @code: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Note that g_dgettext() leaves the name in English when the application
 * itself has no translation for the current locale, so that a window does not
 * mix two languages.
 *
 * Returns: (nullable): the country's name in the person's language, or
 *   %NULL if @code is not a country
 */
const char *
untrain_region_get_country_name (const char *code)
{
  const UntrainCountry *country = find_country (code);

  if (country == NULL)
    return NULL;

  ensure_iso_codes_domain ();

  return g_dgettext (ISO_3166_DOMAIN, country->name);
}

/**
 * untrain_region_normalize_country:
 * @text: (nullable): what a person typed, such as " de " or "uk"
 *
 * Returns: (transfer full) (nullable): the country's code, such as "DE" or
 *   "GB", or %NULL if @text names no country
 */
char *
untrain_region_normalize_country (const char *text)
{
  g_autofree char *code = NULL;

  if (text == NULL)
    return NULL;

  code = g_ascii_strup (text, -1);
  g_strstrip (code);

  /* What most people call the United Kingdom; ISO reserves it. */
  if (strcmp (code, "UK") == 0)
    return g_strdup ("GB");

  if (!untrain_region_is_country (code))
    return NULL;

  return g_steal_pointer (&code);
}

/**
 * untrain_region_get_groups:
 *
 * Returns: (transfer none): the %NULL-terminated ids of the groups a catalog
 *   rule may name instead of a country
 */
const char * const *
untrain_region_get_groups (void)
{
  return group_ids;
}

/**
 * untrain_region_is_group:
 * @group: (nullable): a group id such as "EU"
 *
 * Returns: %TRUE if @group is exactly the id of a group
 */
gboolean
untrain_region_is_group (const char *group)
{
  return find_group (group) != NULL;
}

/**
 * untrain_region_get_group_name:
 * @group: a group id such as "EU"
 *
 * Returns: (nullable): the group's name in the person's language, such as
 *   "the European Union", or %NULL if @group is not a group
 */
const char *
untrain_region_get_group_name (const char *group)
{
  const UntrainRegionGroup *found;

  g_return_val_if_fail (group != NULL, NULL);

  if (!(found = find_group (group)))
    return NULL;

  return _(found->name);
}

/**
 * untrain_region_country_in_group:
 * @country: (nullable): a country code, or %NULL when it is not known
 * @group: a group id
 *
 * Returns: %TRUE if @group is a group and @country one of its members
 */
gboolean
untrain_region_country_in_group (const char *country,
                                 const char *group)
{
  const UntrainRegionGroup *found;

  g_return_val_if_fail (group != NULL, FALSE);

  if (country == NULL || !(found = find_group (group)))
    return FALSE;

  return bsearch (country,
                  found->members, found->n_members, sizeof found->members[0],
                  compare_code) != NULL;
}

/**
 * untrain_region_matches:
 * @country: (nullable): the person's country code, or %NULL when it is not
 *   known
 * @code_or_group: a country code or a group id from a catalog rule
 *
 * "CH", "CA" and "HK" are both countries and groups, with the same meaning;
 * "UK" is only a group, and matches "GB".
 *
 * Returns: %TRUE if @country is a country and @code_or_group is either that
 *   country or a group that contains it
 */
gboolean
untrain_region_matches (const char *country,
                        const char *code_or_group)
{
  g_return_val_if_fail (code_or_group != NULL, FALSE);

  if (!untrain_region_is_country (country))
    return FALSE;

  return strcmp (country, code_or_group) == 0 ||
         untrain_region_country_in_group (country, code_or_group);
}

/**
 * untrain_region_country_from_locale:
 * @locale: (nullable): a locale name such as "de_DE.UTF-8" or "sr_RS@latin"
 *
 * Returns: (transfer full) (nullable): the code of the locale's territory,
 *   or %NULL if it names none ("C", "POSIX", "en") or an unknown one
 */
char *
untrain_region_country_from_locale (const char *locale)
{
  const char *underscore;
  gsize name_len;
  char code[3];

  if (locale == NULL)
    return NULL;

  /* language[_territory][.codeset][@modifier] */
  name_len = strcspn (locale, ".@");
  underscore = memchr (locale, '_', name_len);

  if (underscore == NULL || underscore == locale)
    return NULL;

  if (locale + name_len - (underscore + 1) != 2 ||
      !g_ascii_isalpha (underscore[1]) ||
      !g_ascii_isalpha (underscore[2]))
    return NULL;

  code[0] = g_ascii_toupper (underscore[1]);
  code[1] = g_ascii_toupper (underscore[2]);
  code[2] = '\0';

  if (!untrain_region_is_country (code))
    return NULL;

  return g_strdup (code);
}

static const char *
get_zoneinfo_dir (void)
{
  const char *tzdir = g_getenv ("TZDIR");

  if (tzdir == NULL || tzdir[0] == '\0')
    return DEFAULT_ZONEINFO_DIR;

  return tzdir;
}

/* "Europe/Paris" out of ":Europe/Paris", "/usr/share/zoneinfo/Europe/Paris",
 * "../usr/share/zoneinfo/posix/Europe/Paris" or "$TZDIR/Europe/Paris".
 */
static const char *
get_zone_name (const char *tzid,
               const char *zoneinfo_dir)
{
  const char *zone = tzid;
  const char *after_dir;

  if (zone[0] == ':')
    zone++;

  if ((after_dir = g_strrstr (zone, "zoneinfo/")))
    zone = after_dir + strlen ("zoneinfo/");
  else if (g_str_has_prefix (zone, zoneinfo_dir) &&
           zone[strlen (zoneinfo_dir)] == '/')
    zone += strlen (zoneinfo_dir) + 1;

  /* tzdata's copies of the zones with POSIX time and with leap seconds */
  if (g_str_has_prefix (zone, "posix/"))
    zone += strlen ("posix/");
  else if (g_str_has_prefix (zone, "right/"))
    zone += strlen ("right/");

  return zone;
}

/**
 * untrain_region_country_from_timezone:
 * @tzid: (nullable): an IANA time zone id such as "Europe/Berlin", or the
 *   path of one under a zoneinfo directory
 *
 * Looks the zone up in zone.tab, from `$TZDIR` or the system's zoneinfo
 * directory. zone.tab lists the canonical zones only, so links such as
 * "US/Eastern" give no country, nor do zones of no country such as "UTC".
 *
 * Returns: (transfer full) (nullable): the code of the zone's country, or
 *   %NULL if there is none or zone.tab cannot be read
 */
char *
untrain_region_country_from_timezone (const char *tzid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *zoneinfo_dir;
  const char *zone;

  if (tzid == NULL)
    return NULL;

  zoneinfo_dir = get_zoneinfo_dir ();
  zone = get_zone_name (tzid, zoneinfo_dir);

  if (zone[0] == '\0')
    return NULL;

  path = g_build_filename (zoneinfo_dir, "zone.tab", NULL);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_debug ("Cannot look up the country of time zone “%s”: %s",
               tzid, error->message);
      return NULL;
    }

  /* code <TAB> coordinates <TAB> TZ [<TAB> comments] */
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (g_strchomp (lines[i]), "\t", 4);

      if (g_strv_length (fields) < 3 || strcmp (fields[2], zone) != 0)
        continue;

      if (!untrain_region_is_country (fields[0]))
        {
          g_debug ("%s gives time zone “%s” an unknown country “%s”",
                   path, zone, fields[0]);
          return NULL;
        }

      return g_strdup (fields[0]);
    }

  return NULL;
}

static char *
guess_country_from_timezone (void)
{
  g_autofree char *timezone_contents = NULL;
  g_autofree char *localtime_target = NULL;
  const char *tz;
  char *country;

  /* Like the locale, a zone of no country (TZ=UTC on a laptop in Berlin)
   * tells us nothing, so look further.
   */
  tz = g_getenv ("TZ");
  if (tz != NULL && tz[0] != '\0' &&
      (country = untrain_region_country_from_timezone (tz)))
    return country;

  /* Debian's record of the zone chosen at installation */
  if (g_file_get_contents ("/etc/timezone", &timezone_contents, NULL, NULL))
    {
      g_strstrip (timezone_contents);

      if ((country = untrain_region_country_from_timezone (timezone_contents)))
        return country;
    }

  /* systemd's: a link to /usr/share/zoneinfo/Europe/Berlin or similar */
  if ((localtime_target = g_file_read_link ("/etc/localtime", NULL)) &&
      (country = untrain_region_country_from_timezone (localtime_target)))
    return country;

  return NULL;
}

/**
 * untrain_region_guess_country:
 *
 * Guesses where the person lives, from the locale's territory ("de_DE") and
 * then from the time zone, so that the first run can suggest a country.
 * The formats (dates, money, addresses: GNOME's "Formats" region) say
 * where the person lives better than the language they read, which is
 * often English.
 *
 * Returns: (transfer full) (nullable): a country code, or %NULL if nothing
 *   names a country
 */
char *
untrain_region_guess_country (void)
{
  static const char * const locale_variables[] = {
    "LC_ALL",
    "LC_ADDRESS", "LC_TELEPHONE", "LC_MONETARY", "LC_PAPER", "LC_MEASUREMENT", "LC_TIME", "LC_NUMERIC",
    "LC_MESSAGES", "LANG",
  };

  for (guint i = 0; i < G_N_ELEMENTS (locale_variables); i++)
    {
      const char *value = g_getenv (locale_variables[i]);
      char *country;

      if (value == NULL || value[0] == '\0')
        continue;

      /* POSIX has LC_ALL override the others, but we want a country, not
       * the locale: when LC_ALL is "C" or "C.UTF-8", which name none, the
       * person's LANG=de_DE.UTF-8 still says where they are.
       */
      if ((country = untrain_region_country_from_locale (value)))
        return country;
    }

  return guess_country_from_timezone ();
}
