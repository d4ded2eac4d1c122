/* test-letter.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "untrain-letter.h"
#include "untrain-region.h"

/* The objection letters, drafted from the templates compiled into Untrain,
 * as a person would paste them into a platform's form.
 */

static const UntrainLetterSender ada = {
  "Ada Lovelace",
  "ada@example.org",
  "https://www.linkedin.com/in/ada-lovelace",
};

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static char *
draft (const char                *country,
       const UntrainLetterSender *sender)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  char *letter;

  set_date (&today, 29, G_DATE_NOVEMBER, 2026);
  letter = untrain_letter_draft (UNTRAIN_LETTER_OBJECTION, "LinkedIn", country, sender,
                                 &today, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);

  /* Every placeholder was filled in. */
  g_assert_null (strchr (letter, '{'));
  g_assert_null (strchr (letter, '}'));

  return letter;
}

static char *
draft_follow_up (const char *country)
{
  g_autoptr(GError) error = NULL;
  GDate today, submitted_on, answer_due;
  char *letter;

  set_date (&today, 5, G_DATE_JANUARY, 2027);
  set_date (&submitted_on, 29, G_DATE_NOVEMBER, 2026);
  set_date (&answer_due, 29, G_DATE_DECEMBER, 2026);
  letter = untrain_letter_draft (UNTRAIN_LETTER_FOLLOW_UP, "LinkedIn", country, &ada,
                                 &today, &submitted_on, &answer_due, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);
  g_assert_null (strchr (letter, '{'));

  return letter;
}

static void
assert_cites_no_law (const char *letter)
{
  static const char * const laws[] = {
    "GDPR", "Article", "Federal Act", "FADP", "PIPEDA", "Ordinance", "PDPO", NULL
  };

  for (guint i = 0; laws[i] != NULL; i++)
    {
      if (strstr (letter, laws[i]) != NULL)
        g_error ("The letter cites “%s” where no law applies:\n%s", laws[i], letter);
    }
}

static void
test_legal_basis_by_country (void)
{
  static const struct { const char *country; const char *legal_basis; } cases[] = {
    { "DE", "gdpr" },
    { "FR", "gdpr" },
    { "IE", "gdpr" },
    { "NO", "gdpr" },      /* EEA, not EU */
    { "IS", "gdpr" },
    { "LI", "gdpr" },
    { "GB", "uk-gdpr" },
    { "CH", "fadp" },
    { "CA", "pipeda" },
    { "HK", "pdpo" },
    { "US", NULL },
    { "CN", NULL },
    { "XX", NULL },        /* not a country */
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (untrain_letter_get_legal_basis (cases[i].country), ==, cases[i].legal_basis);
}

static void
test_gdpr (void)
{
  static const char * const countries[] = { "DE", "FR", "NO" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autofree char *letter = draft (countries[i], &ada);

      g_assert_nonnull (strstr (letter, "Article 21(1) GDPR"));
      g_assert_nonnull (strstr (letter, "legitimate interest"));
      g_assert_nonnull (strstr (letter, "without undue delay and in any event within one month"));
      g_assert_nonnull (strstr (letter, "Article 12(3) GDPR"));
      g_assert_null (strstr (letter, "UK GDPR"));
    }
}

static void
test_uk_gdpr (void)
{
  g_autofree char *letter = draft ("GB", &ada);

  g_assert_nonnull (strstr (letter, "Article 21(1) UK GDPR"));
  g_assert_nonnull (strstr (letter, "without undue delay and in any event within one month"));
  g_assert_nonnull (strstr (letter, "Article 12(3) UK GDPR"));
}

static void
test_fadp (void)
{
  g_autofree char *letter = draft ("CH", &ada);

  g_assert_nonnull (strstr (letter, "Federal Act on Data Protection"));
  g_assert_nonnull (strstr (letter, "1 September 2023"));
  /* FACTS.md gives no article of the FADP: none is cited. */
  g_assert_null (strstr (letter, "Article"));
  g_assert_null (strstr (letter, "GDPR"));
}

static void
test_pipeda (void)
{
  g_autofree char *letter = draft ("CA", &ada);

  g_assert_nonnull (strstr (letter, "PIPEDA"));
  g_assert_nonnull (strstr (letter, "4.3.8"));
  g_assert_nonnull (strstr (letter, "withdraw my consent"));
  g_assert_null (strstr (letter, "GDPR"));
}

static void
test_pdpo (void)
{
  g_autofree char *letter = draft ("HK", &ada);

  g_assert_nonnull (strstr (letter, "Personal Data (Privacy) Ordinance"));
  g_assert_nonnull (strstr (letter, "data protection principles"));
  g_assert_null (strstr (letter, "GDPR"));
}

static void
test_no_law (void)
{
  static const char * const countries[] = { "US", "BR", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autofree char *letter = draft (countries[i], &ada);

      assert_cites_no_law (letter);
      /* It still objects and asks. */
      g_assert_nonnull (strstr (letter, "I object to the use of my personal data"));
      g_assert_nonnull (strstr (letter, "erase my personal data"));
    }
}

static void
test_names_the_account (void)
{
  g_autofree char *letter = draft ("DE", &ada);

  g_assert_nonnull (strstr (letter, "Ada Lovelace"));
  g_assert_nonnull (strstr (letter, "ada@example.org"));
  g_assert_nonnull (strstr (letter, "https://www.linkedin.com/in/ada-lovelace"));
  g_assert_nonnull (strstr (letter, "LinkedIn"));
  g_assert_nonnull (strstr (letter, "29 November 2026"));

  /* What is objected to, and what is asked. */
  g_assert_nonnull (strstr (letter, "training of AI models"));
  g_assert_nonnull (strstr (letter, "including models that do not generate content"));
  g_assert_nonnull (strstr (letter, "erase my personal data from the data sets"));
  g_assert_nonnull (strstr (letter, "confirm to me in writing"));

  g_assert_null (strstr (letter, "[Your"));
}

static void
test_placeholders (void)
{
  static const UntrainLetterSender empty = { "", "  ", NULL };
  static const UntrainLetterSender some = { "Ada Lovelace", NULL, "" };
  g_autofree char *no_sender = draft ("DE", NULL);
  g_autofree char *empty_sender = draft ("DE", &empty);
  g_autofree char *some_sender = draft ("DE", &some);
  const char *letters[] = { no_sender, empty_sender };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      g_assert_nonnull (strstr (letters[i], "[Your name]"));
      g_assert_nonnull (strstr (letters[i], "[Your email address]"));
      g_assert_nonnull (strstr (letters[i], "[Your profile address]"));
      /* The rest of the letter is all there. */
      g_assert_nonnull (strstr (letters[i], "Article 21(1) GDPR"));
    }

  g_assert_nonnull (strstr (some_sender, "Ada Lovelace"));
  g_assert_null (strstr (some_sender, "[Your name]"));
  g_assert_nonnull (strstr (some_sender, "[Your email address]"));
  g_assert_nonnull (strstr (some_sender, "[Your profile address]"));
}

static void
test_details_are_not_templates (void)
{
  static const UntrainLetterSender braces = { "{platform} {name}", "a@example.org", "{date}" };
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = NULL;
  GDate today;

  set_date (&today, 29, G_DATE_NOVEMBER, 2026);
  letter = untrain_letter_draft (UNTRAIN_LETTER_OBJECTION, "LinkedIn", "DE", &braces,
                                 &today, NULL, NULL, &error);
  g_assert_no_error (error);

  /* What the person typed is written as they typed it. */
  g_assert_nonnull (strstr (letter, "Name: {platform} {name}\n"));
  g_assert_nonnull (strstr (letter, "Profile: {date}"));
}

static void
test_follow_up (void)
{
  static const char * const countries[] = { "DE", "GB", "CH", "CA", "HK", "US" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autofree char *follow_up = draft_follow_up (countries[i]);
      g_autofree char *objection = draft (countries[i], &ada);

      g_assert_nonnull (strstr (follow_up, "29 November 2026"));
      g_assert_nonnull (strstr (follow_up, "29 December 2026"));
      g_assert_nonnull (strstr (follow_up, "5 January 2027"));
      g_assert_nonnull (strstr (follow_up, "Ada Lovelace"));
      g_assert_nonnull (strstr (follow_up, "ada@example.org"));
      g_assert_nonnull (strstr (follow_up, "https://www.linkedin.com/in/ada-lovelace"));
      g_assert_nonnull (strstr (follow_up, "I ask you again"));
      g_assert_cmpstr (follow_up, !=, objection);
    }
}

static void
test_follow_up_cites_the_law (void)
{
  g_autofree char *gdpr = draft_follow_up ("DE");
  g_autofree char *uk = draft_follow_up ("GB");
  g_autofree char *fadp = draft_follow_up ("CH");
  g_autofree char *pipeda = draft_follow_up ("CA");
  g_autofree char *pdpo = draft_follow_up ("HK");
  g_autofree char *none = draft_follow_up ("US");

  g_assert_nonnull (strstr (gdpr, "Article 21(1) GDPR"));
  g_assert_nonnull (strstr (gdpr, "Article 12(3) GDPR"));
  g_assert_nonnull (strstr (uk, "Article 21(1) UK GDPR"));
  g_assert_nonnull (strstr (fadp, "Federal Act on Data Protection"));
  g_assert_nonnull (strstr (pipeda, "PIPEDA"));
  g_assert_nonnull (strstr (pipeda, "4.3.8"));
  g_assert_nonnull (strstr (pdpo, "Personal Data (Privacy) Ordinance"));
  assert_cites_no_law (none);
}

static void
test_subject (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *objection = NULL;
  g_autofree char *follow_up = NULL;
  GDate submitted_on;

  objection = untrain_letter_draft_subject (UNTRAIN_LETTER_OBJECTION, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (objection, "AI models"));

  set_date (&submitted_on, 29, G_DATE_NOVEMBER, 2026);
  follow_up = untrain_letter_draft_subject (UNTRAIN_LETTER_FOLLOW_UP, &submitted_on, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (follow_up, "29 November 2026"));
  g_assert_cmpstr (objection, !=, follow_up);
}

static void
test_describe (void)
{
  static const struct { const char *country; const char *sentence; } cases[] = {
    { "DE", "Based on Article 21(1) GDPR, because you live in Germany" },
    { "NO", "Based on Article 21(1) GDPR, because you live in Norway" },
    { "GB", "Based on Article 21(1) UK GDPR, because you live in United Kingdom" },
    { "CH", "Based on the revised Federal Act on Data Protection, because you live in Switzerland" },
    { "CA", "Based on principle 4.3.8 of PIPEDA, because you live in Canada" },
    { "HK", "Based on the Personal Data (Privacy) Ordinance, because you live in Hong Kong" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sentence = untrain_letter_describe_legal_basis (cases[i].country, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

static void
test_describe_no_law (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *us = untrain_letter_describe_legal_basis ("US", &error);
  g_autofree char *unknown = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (us, "without citing a law"));
  g_assert_nonnull (strstr (us, "United States"));

  unknown = untrain_letter_describe_legal_basis (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (unknown, "does not know where you live"));
  g_assert_null (strchr (unknown, '{'));
}

/* Every law a country maps to has its template, with every part a letter
 * needs, and so has the letter that cites none.
 */
static void
test_every_template_exists (void)
{
  static const char * const fields[] = { "summary", "objection", "follow_up" };
  const char * const *legal_bases = untrain_letter_get_legal_bases ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const UntrainCountry *countries;
  JsonObject *bases;
  gsize n_countries;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/letters/letters.json", 0, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  bases = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "legal_bases");
  g_assert_nonnull (bases);

  g_assert_cmpuint (g_strv_length ((char **)legal_bases), ==, 5);
  for (guint i = 0; legal_bases[i] != NULL; i++)
    g_ptr_array_add (ids, (gpointer)legal_bases[i]);
  g_ptr_array_add (ids, (gpointer)"none");

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *template = json_object_get_object_member (bases, g_ptr_array_index (ids, i));

      g_assert_nonnull (template);
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          const char *text = json_object_get_string_member_with_default (template, fields[j], "");

          if (text[0] == '\0')
            g_error ("legal_bases.%s.%s is missing", (char *)g_ptr_array_index (ids, i), fields[j]);
        }
    }

  /* Every country drafts, and its law is one of those. */
  countries = untrain_region_get_countries (&n_countries);
  for (gsize i = 0; i < n_countries; i++)
    {
      const char *legal_basis = untrain_letter_get_legal_basis (countries[i].code);
      g_autofree char *letter = draft (countries[i].code, &ada);
      g_autofree char *sentence = untrain_letter_describe_legal_basis (countries[i].code, &error);

      g_assert_no_error (error);
      g_assert_true (legal_basis == NULL || g_strv_contains (legal_bases, legal_basis));
      g_assert_null (strchr (sentence, '{'));
      g_assert_nonnull (strstr (sentence, untrain_region_get_country_name (countries[i].code)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter/legal-basis-by-country", test_legal_basis_by_country);
  g_test_add_func ("/letter/gdpr", test_gdpr);
  g_test_add_func ("/letter/uk-gdpr", test_uk_gdpr);
  g_test_add_func ("/letter/fadp", test_fadp);
  g_test_add_func ("/letter/pipeda", test_pipeda);
  g_test_add_func ("/letter/pdpo", test_pdpo);
  g_test_add_func ("/letter/no-law", test_no_law);
  g_test_add_func ("/letter/names-the-account", test_names_the_account);
  g_test_add_func ("/letter/placeholders", test_placeholders);
  g_test_add_func ("/letter/details-are-not-templates", test_details_are_not_templates);
  g_test_add_func ("/letter/follow-up", test_follow_up);
  g_test_add_func ("/letter/follow-up-cites-the-law", test_follow_up_cites_the_law);
  g_test_add_func ("/letter/subject", test_subject);
  g_test_add_func ("/letter/describe", test_describe);
  g_test_add_func ("/letter/describe-no-law", test_describe_no_law);
  g_test_add_func ("/letter/every-template-exists", test_every_template_exists);

  return g_test_run ();
}
