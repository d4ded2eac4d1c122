/* test-locale.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Untrain in the languages it ships: the translations built in this tree,
 * read through real glibc locales made for the test with localedef (a
 * fresh Debian has only C.UTF-8). Each language runs in its own process,
 * as a person's session would.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "untrain-applicability.h"
#include "untrain-catalog.h"
#include "untrain-platform.h"
#include "untrain-test-locale.h"

typedef struct
{
  const char *language;
  const char *locale;
  const char *long_date;       /* 3 November 2025 */
  const char *germany;         /* from iso-codes */
} Language;

static const Language languages[] = {
  { "de", "de_DE", "3. November 2025", "Deutschland" },
  { "es", "es_ES", "3 de noviembre de 2025", "Alemania" },
  { "fr", "fr_FR", "3 novembre 2025", "Allemagne" },
  { "it", "it_IT", "3 novembre 2025", "Germania" },
  { "nl", "nl_NL", "3 november 2025", "Duitsland" },
  { "pl", "pl_PL", "3 listopada 2025", "Niemcy" },
};

static const Language *
find_language (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].language, language))
      return &languages[i];

  g_assert_not_reached ();
}

static char *
get_mo_file (const char *language)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                           language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

/* In the child: the language as a person's session sets it. */
static void
use_language (const Language *language)
{
  untrain_test_use_locale (language->locale);
}

static void
run_in_language (const Language *language,
                 const char     *what)
{
  g_autofree char *mo_file = get_mo_file (language->language);
  g_autofree char *child = g_strdup_printf ("/locale/%s/%s/subprocess", what, language->language);

  g_assert_true (g_file_test (mo_file, G_FILE_TEST_IS_REGULAR));

  if (!untrain_test_make_locale (language->locale))
    return;

  g_test_trap_subprocess (child, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_date (gconstpointer data)
{
  run_in_language (data, "date");
}

/* Dates read as the language writes them, with the month's name of the
 * locale (Polish takes the genitive after a day).
 */
static void
child_date (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *text = NULL;
  GDate date;

  use_language (language);
  g_date_set_dmy (&date, 3, G_DATE_NOVEMBER, 2025);
  text = untrain_format_date (&date);
  g_assert_cmpstr (text, ==, language->long_date);
}

static void
test_catalog (gconstpointer data)
{
  run_in_language (data, "catalog");
}

/* The catalog is translated as it loads; the switch keeps the name the
 * platform gives it, which no translation may change.
 */
static void
child_catalog (gconstpointer data)
{
  const Language *language = data;
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainApplicability) applicability = NULL;
  UntrainPlatform *linkedin;
  UntrainItem *item;
  const char *title;
  GDate today;

  use_language (language);
  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  linkedin = untrain_catalog_lookup (catalog, "linkedin");
  item = untrain_platform_lookup_item (linkedin, "ai-training");
  title = untrain_item_get_title (item);
  g_assert_cmpstr (title, !=, "Turn off “Data for Generative AI Improvement”");
  g_assert_nonnull (strstr (title, "Data for Generative AI Improvement"));
  g_assert_cmpstr (untrain_item_get_setting (item)->label, ==, "Data for Generative AI Improvement");

  /* The reason names the date and the country the language's way. */
  g_date_set_dmy (&today, 29, G_DATE_NOVEMBER, 2026);
  applicability = untrain_applicability_evaluate (item, "LinkedIn", "DE", 30, &today);
  g_assert_cmpint (applicability->applies, ==, UNTRAIN_APPLIES_YES);
  g_assert_nonnull (strstr (applicability->reason, language->long_date));
  g_assert_nonnull (strstr (applicability->reason, language->germany));
  g_assert_null (strstr (applicability->reason, "Applies"));
}

/* Polish counts in three forms; each must come out right. */
static void
test_plural (void)
{
  run_in_language (find_language ("pl"), "plural");
}

static void
child_plural (void)
{
  const char *forms[3];
  const guint counts[] = { 1, 2, 5 };

  use_language (find_language ("pl"));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      forms[i] = g_dngettext (GETTEXT_PACKAGE, "%u thing to do", "%u things to do", counts[i]);
      g_assert_cmpstr (forms[i], !=, counts[i] == 1 ? "%u thing to do" : "%u things to do");
    }

  g_assert_cmpstr (forms[0], !=, forms[1]);
  g_assert_cmpstr (forms[1], !=, forms[2]);
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u thing to do", "%u things to do", 22), ==, forms[1]);
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u thing to do", "%u things to do", 12), ==, forms[2]);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  untrain_test_locales_init ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Language *language = &languages[i];
      g_autofree char *date = g_strdup_printf ("/locale/date/%s", language->language);
      g_autofree char *date_child = g_strdup_printf ("/locale/date/%s/subprocess", language->language);
      g_autofree char *catalog = g_strdup_printf ("/locale/catalog/%s", language->language);
      g_autofree char *catalog_child = g_strdup_printf ("/locale/catalog/%s/subprocess", language->language);

      g_test_add_data_func (date, language, test_date);
      g_test_add_data_func (date_child, language, child_date);
      g_test_add_data_func (catalog, language, test_catalog);
      g_test_add_data_func (catalog_child, language, child_catalog);
    }

  g_test_add_func ("/locale/plural/pl", test_plural);
  g_test_add_func ("/locale/plural/pl/subprocess", child_plural);

  result = g_test_run ();
  untrain_test_locales_clear ();

  return result;
}
