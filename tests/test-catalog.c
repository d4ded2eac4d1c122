/* test-catalog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "untrain-catalog.h"
#include "untrain-error.h"
#include "untrain-item.h"
#include "untrain-platform.h"

/* The JSON in this file is written with single quotes, which read better in
 * C strings; json_from_quotes() turns them into double quotes. None of the
 * texts needs an apostrophe.
 */
static char *
json_from_quotes (const char *text)
{
  char *json = g_strdup (text);

  for (char *c = json; *c != '\0'; c++)
    {
      if (*c == '\'')
        *c = '"';
    }

  return json;
}

static UntrainPlatform *
parse_json (const char  *text,
            const char  *file_name,
            GError     **error)
{
  g_autofree char *json = json_from_quotes (text);
  g_autoptr(GBytes) bytes = NULL;
  gsize length = strlen (json);

  bytes = g_bytes_new_take (g_steal_pointer (&json), length);

  return untrain_platform_new_from_bytes (bytes, file_name, error);
}

/* A platform "demo" (to be parsed as demo.json) holding @items. */
static char *
demo_platform (const char *items)
{
  return g_strdup_printf ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example',"
                          " 'items': [%s]}", items);
}

/* An item "a" of @kind; @url NULL leaves the url out; @extra, if not NULL,
 * is appended as more members.
 */
static char *
demo_item (const char *kind,
           const char *url,
           const char *applies,
           const char *sources,
           const char *extra)
{
  g_autofree char *url_member = NULL;

  if (url != NULL)
    url_member = g_strdup_printf ("'url': '%s', ", url);

  return g_strdup_printf ("{'id': 'a', 'kind': '%s', 'title': 'Turn it off',"
                          " 'description': 'A switch.', %s'applies': %s,"
                          " 'sources': %s%s%s}",
                          kind, url_member != NULL ? url_member : "", applies, sources,
                          extra != NULL ? ", " : "", extra != NULL ? extra : "");
}

/* A valid toggle with one rule, @rule. */
static char *
demo_item_with_rule (const char *rule)
{
  g_autofree char *applies = g_strdup_printf ("[%s]", rule);

  return demo_item ("toggle", "https://demo.example/settings", applies,
                    "['https://demo.example/help']", NULL);
}

/* Parses @text as @file_name, expects UNTRAIN_ERROR_INVALID_CATALOG and a
 * message that names @file_name and holds each of the NULL-terminated
 * strings that follow, such as the field.
 */
static void
assert_invalid (const char *text,
                const char *file_name,
                ...)
{
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;
  const char *needle;
  va_list args;

  platform = parse_json (text, file_name, &error);

  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
  g_assert_null (platform);
  if (error == NULL)
    {
      g_test_message ("%s loaded, and should not have: %s", file_name, text);
      return;
    }

  if (g_test_verbose ())
    g_test_message ("%s", error->message);

  g_assert_nonnull (strstr (error->message, file_name));

  va_start (args, file_name);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, needle) == NULL)
        g_test_fail_printf ("“%s” does not name “%s”", error->message, needle);
    }
  va_end (args);
}

/* assert_invalid() for the demo platform holding @items. */
#define assert_invalid_items(items, ...) \
  G_STMT_START { \
    g_autofree char *_text = demo_platform (items); \
    assert_invalid (_text, "demo.json", __VA_ARGS__); \
  } G_STMT_END

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = json_from_quotes (text);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

/* A folder in this test's own data dir (G_TEST_OPTION_ISOLATE_DIRS), not
 * the default override folder.
 */
static char *
override_dir_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "my-platforms", NULL);
}

static UntrainCatalog *
builtin_catalog (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&catalog);
}

/* The built-in catalog */

static void
test_builtin_loads (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (catalog)) == UNTRAIN_TYPE_PLATFORM);
}

static void
test_builtin_linkedin (void)
{
  static const struct {
    const char      *id;
    UntrainItemKind  kind;
    const char      *key;
    const char      *page;
    const char      *label;
  } expected[] = {
    { "ai-training", UNTRAIN_ITEM_KIND_TOGGLE, "allowDataForGenerativeAI", "data-for-ai-improvement", "Data for Generative AI Improvement" },
    { "objection-form", UNTRAIN_ITEM_KIND_FORM, NULL, NULL, NULL },
    { "not-retroactive", UNTRAIN_ITEM_KIND_INFO, NULL, NULL, NULL },
    { "microsoft-ads-sharing", UNTRAIN_ITEM_KIND_TOGGLE, "shareDataWithTrustedPartners", "share-data-with-select-partners", "Share data with affiliates and partners" },
    { "research-data", UNTRAIN_ITEM_KIND_TOGGLE, "allowAnonymizedDataResearch", "policy-and-academic-research", "Data for research" },
  };
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  UntrainPlatform *linkedin;

  linkedin = untrain_catalog_lookup (catalog, "linkedin");
  g_assert_nonnull (linkedin);
  g_assert_cmpstr (untrain_platform_get_id (linkedin), ==, "linkedin");
  g_assert_cmpstr (untrain_platform_get_name (linkedin), ==, "LinkedIn");
  g_assert_cmpstr (untrain_platform_get_provider (linkedin), ==, "linkedin");
  g_assert_true (g_str_has_prefix (untrain_platform_get_homepage (linkedin), "https://"));

  g_assert_cmpuint (untrain_platform_get_n_items (linkedin), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      UntrainItem *item = untrain_platform_get_item (linkedin, i);
      const UntrainSetting *setting = untrain_item_get_setting (item);

      g_assert_cmpstr (untrain_item_get_id (item), ==, expected[i].id);
      g_assert_cmpint (untrain_item_get_kind (item), ==, expected[i].kind);
      g_assert_true (untrain_platform_lookup_item (linkedin, expected[i].id) == item);

      if (expected[i].key == NULL)
        {
          g_assert_null (setting);
          continue;
        }

      g_assert_nonnull (setting);
      g_assert_cmpstr (setting->key, ==, expected[i].key);
      g_assert_cmpstr (setting->page, ==, expected[i].page);
      g_assert_cmpstr (setting->label, ==, expected[i].label);
      g_assert_false (setting->desired_on);
      g_assert_nonnull (setting->off_value);
      g_assert_true (JSON_NODE_HOLDS_VALUE (setting->off_value));
      g_assert_true (json_node_get_value_type (setting->off_value) == G_TYPE_BOOLEAN);
      g_assert_false (json_node_get_boolean (setting->off_value));
    }

  g_assert_null (untrain_platform_lookup_item (linkedin, "no-such-item"));
  g_assert_null (untrain_catalog_lookup (catalog, "no-such-platform"));
}

static void
test_builtin_platforms (void)
{
  static const char * const expected[] = { "linkedin", "facebook", "instagram", "x" };
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      UntrainPlatform *platform = untrain_catalog_lookup (catalog, expected[i]);

      g_assert_nonnull (platform);
      g_assert_cmpstr (untrain_platform_get_id (platform), ==, expected[i]);
      g_assert_cmpuint (untrain_platform_get_n_items (platform), >, 0);
    }

  g_assert_cmpuint (n_platforms, >=, G_N_ELEMENTS (expected) + 3);
}

static void
test_builtin_sources (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      for (guint j = 0; j < untrain_platform_get_n_items (platform); j++)
        {
          UntrainItem *item = untrain_platform_get_item (platform, j);
          const char * const *sources = untrain_item_get_sources (item);
          guint n_https = 0;

          g_assert_nonnull (sources);

          for (guint k = 0; sources[k] != NULL; k++)
            {
              if (g_str_has_prefix (sources[k], "https://") && sources[k][8] != '\0')
                n_https++;
            }

          if (n_https == 0)
            g_test_fail_printf ("%s: %s has no https source",
                     untrain_platform_get_id (platform), untrain_item_get_id (item));

          g_assert_nonnull (untrain_item_get_title (item));
          g_assert_nonnull (untrain_item_get_description (item));
        }
    }
}

static void
test_builtin_sorted (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  GListModel *model = G_LIST_MODEL (catalog);
  guint n_platforms = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_platforms, >, 1);

  for (guint i = 1; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) before = g_list_model_get_item (model, i - 1);
      g_autoptr(UntrainPlatform) after = g_list_model_get_item (model, i);

      g_assert_cmpint (g_utf8_collate (untrain_platform_get_name (before),
                                       untrain_platform_get_name (after)), <, 0);
    }

  g_assert_null (g_list_model_get_item (model, n_platforms));
}

/* Parsing a platform file */

static void
test_parse_valid (void)
{
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;
  const UntrainRule *rules;
  const UntrainSetting *setting;
  UntrainItem *item;
  guint n_rules = 0;

  platform = parse_json ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example',"
                         " 'provider': 'demo',"
                         " 'items': ["
                         "  {'id': 'a-1', 'kind': 'toggle', 'title': 'Turn it off',"
                         "   'description': 'A switch.', 'url': 'https://demo.example/settings',"
                         "   'applies': ["
                         "     {'regions': ['EU', 'GB'], 'since': '2025-11-03', 'min_age': 18},"
                         "     {'not_regions': ['CN']},"
                         "     {}"
                         "   ],"
                         "   'sources': ['https://demo.example/help', 'https://demo.example/news'],"
                         "   'setting': {'key': 'allowIt', 'page': 'it-page', 'desired': 'on', 'off_value': 'NO'}},"
                         "  {'id': 'b', 'kind': 'form', 'title': 'Object', 'description': 'A form.',"
                         "   'url': 'https://demo.example/form', 'applies': [], 'sources': ['https://demo.example/form']}"
                         " ]}",
                         "demo.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);

  g_assert_cmpstr (untrain_platform_get_id (platform), ==, "demo");
  g_assert_cmpstr (untrain_platform_get_name (platform), ==, "Demo");
  g_assert_cmpstr (untrain_platform_get_homepage (platform), ==, "https://demo.example");
  g_assert_cmpstr (untrain_platform_get_provider (platform), ==, "demo");
  g_assert_cmpuint (untrain_platform_get_n_items (platform), ==, 2);

  item = untrain_platform_get_item (platform, 0);
  g_assert_cmpstr (untrain_item_get_id (item), ==, "a-1");
  g_assert_cmpint (untrain_item_get_kind (item), ==, UNTRAIN_ITEM_KIND_TOGGLE);
  g_assert_cmpstr (untrain_item_get_title (item), ==, "Turn it off");
  g_assert_cmpstr (untrain_item_get_description (item), ==, "A switch.");
  g_assert_cmpstr (untrain_item_get_url (item), ==, "https://demo.example/settings");
  g_assert_cmpstrv (untrain_item_get_sources (item),
                    ((const char * const[]) { "https://demo.example/help", "https://demo.example/news", NULL }));
  g_assert_true (untrain_item_is_actionable (item));

  rules = untrain_item_get_rules (item, &n_rules);
  g_assert_cmpuint (n_rules, ==, 3);

  g_assert_cmpstrv (rules[0].regions, ((const char * const[]) { "EU", "GB", NULL }));
  g_assert_false (rules[0].exclude);
  g_assert_true (g_date_valid (&rules[0].since));
  g_assert_cmpint (g_date_get_year (&rules[0].since), ==, 2025);
  g_assert_cmpint (g_date_get_month (&rules[0].since), ==, G_DATE_NOVEMBER);
  g_assert_cmpint (g_date_get_day (&rules[0].since), ==, 3);
  g_assert_cmpuint (rules[0].min_age, ==, 18);

  g_assert_cmpstrv (rules[1].regions, ((const char * const[]) { "CN", NULL }));
  g_assert_true (rules[1].exclude);
  g_assert_false (g_date_valid (&rules[1].since));
  g_assert_cmpuint (rules[1].min_age, ==, 0);

  g_assert_null (rules[2].regions);
  g_assert_false (rules[2].exclude);
  g_assert_false (g_date_valid (&rules[2].since));
  g_assert_cmpuint (rules[2].min_age, ==, 0);

  setting = untrain_item_get_setting (item);
  g_assert_nonnull (setting);
  g_assert_cmpstr (setting->key, ==, "allowIt");
  g_assert_cmpstr (setting->page, ==, "it-page");
  g_assert_null (setting->label);
  g_assert_true (setting->desired_on);
  g_assert_nonnull (setting->off_value);
  g_assert_cmpstr (json_node_get_string (setting->off_value), ==, "NO");

  item = untrain_platform_get_item (platform, 1);
  g_assert_cmpstr (untrain_item_get_id (item), ==, "b");
  g_assert_cmpint (untrain_item_get_kind (item), ==, UNTRAIN_ITEM_KIND_FORM);
  g_assert_null (untrain_item_get_setting (item));
  untrain_item_get_rules (item, &n_rules);
  g_assert_cmpuint (n_rules, ==, 0);

  /* The provider is optional; a path's folder does not count for the name */
  g_clear_object (&platform);
  platform = parse_json ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example',"
                         " 'items': [{'id': 'a', 'kind': 'info', 'title': 'Know this',"
                         " 'description': 'A fact.', 'applies': [{}], 'sources': ['https://demo.example/help']}]}",
                         "/somewhere/else/demo.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);
  g_assert_null (untrain_platform_get_provider (platform));
}

static void
test_parse_info_without_url (void)
{
  g_autofree char *item = demo_item ("info", NULL, "[{}]", "['https://demo.example/help']", NULL);
  g_autofree char *text = demo_platform (item);
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;
  UntrainItem *info;

  platform = parse_json (text, "demo.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);

  info = untrain_platform_get_item (platform, 0);
  g_assert_cmpint (untrain_item_get_kind (info), ==, UNTRAIN_ITEM_KIND_INFO);
  g_assert_null (untrain_item_get_url (info));
  g_assert_false (untrain_item_is_actionable (info));
}

/* Validation errors */

static void
test_invalid_not_json (void)
{
  assert_invalid ("{'id': 'demo', 'name': ", "demo.json", "JSON", NULL);
  assert_invalid ("this is not JSON", "demo.json", "JSON", NULL);
}

static void
test_invalid_not_object (void)
{
  assert_invalid ("['demo']", "demo.json", NULL);
  assert_invalid ("'demo'", "demo.json", NULL);
  assert_invalid ("42", "demo.json", NULL);
}

/* Found by fuzzing (tests/fuzz): an empty GBytes has no data at all, and
 * json-glib parses nested lists by recursion, so a file nested a million
 * times deep overflowed the stack, also when a single-quoted string or a
 * comment (both of which json-glib reads) hid a double quote from the
 * depth check, or when the check took a comment to run on: json-glib's
 * ends at the next slash.
 */
static void
test_invalid_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;

  platform = untrain_platform_new_from_bytes (bytes, "demo.json", &error);
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
  g_assert_null (platform);
}

/* demo.json with @prefix, then "items" nested @depth lists deep. */
static UntrainPlatform *
parse_nested (const char  *prefix,
              guint        depth,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new ("{\"id\": \"demo\", ");
  g_autoptr(GBytes) bytes = NULL;

  g_string_append (text, prefix);
  g_string_append (text, "\"items\": ");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  return untrain_platform_new_from_bytes (bytes, "demo.json", error);
}

static void
test_invalid_too_deep (void)
{
  static const char * const prefixes[] = {
    "",
    "'hides': '\"', ",
    "\"hides\": \"\\\" [\\u0022\", ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr(UntrainPlatform) platform = NULL;
      g_autoptr(GError) error = NULL;

      /* As deep as anything may be: refused for what it holds */
      platform = parse_nested (prefixes[i], 255, &error);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
      g_assert_null (platform);
      if (error != NULL)
        g_assert_null (strstr (error->message, "nest"));
      g_clear_error (&error);

      /* One deeper: refused for that, without parsing it */
      platform = parse_nested (prefixes[i], 256, &error);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
      g_assert_null (platform);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "demo.json"));
          g_assert_nonnull (strstr (error->message, "nest"));
        }
      g_clear_error (&error);

      platform = parse_nested (prefixes[i], 1000000, &error);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
      g_assert_null (platform);
    }
}

/* Also found by fuzzing: json-glib reads "{…} {…}" as two documents,
 * keeps the first and leaks the others.
 */
static void
test_invalid_several_values (void)
{
  g_autofree char *one = demo_platform ("");
  g_autofree char *two = NULL;
  g_autofree char *after_text = NULL;

  two = g_strdup_printf ("%s %s", one, one);
  after_text = g_strdup_printf ("'demo' %s", one);

  assert_invalid (two, "demo.json", "one JSON object", NULL);
  assert_invalid (after_text, "demo.json", "one JSON object", NULL);
}

/* Found by fuzzing too: where json-glib reads more than JSON, the check
 * in front of it saw other brackets than it does. Behind a comment (1.6
 * ends one at the next slash, not at a star and a slash) or a string
 * json-glib does not end at its quote ("\u1" takes the quote in), a file
 * nested a million times deep overflowed the stack, and one of two values
 * leaked. Neither is JSON, and such a file is refused for it.
 */
static void
test_invalid_beyond_json (void)
{
  static const struct {
    const char *prefix;
    const char *problem;
  } cases[] = {
    { "/* \" */ ", "comment" },
    { "/* ends here/ ", "comment" },
    { "// a line\n", "comment" },
    { "\"hides\": \"\\u1\" \", ", "escape" },
    { "\"hides\": \"\\ud800\", ", "escape" },
    { "\"hides\": \"\\udc00\\ud800\", ", "escape" },
    { "\"hides\": \"\\ud800\\u0022\", ", "escape" },
    { "\"hides\": \"\\u12\", ", "escape" },
    { "\"hides\": \"\\q\", ", "escape" },
    { "\"hides\": \"\\0\", ", "escape" },
  };
  g_autofree char *one = demo_platform ("");
  g_autofree char *behind_comment = g_strdup_printf ("%s /* ends here/ %s", one, one);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(UntrainPlatform) platform = NULL;
      g_autoptr(GError) error = NULL;

      platform = parse_nested (cases[i].prefix, 1, &error);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
      g_assert_null (platform);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "demo.json"));
          g_assert_nonnull (strstr (error->message, cases[i].problem));
        }
      g_clear_error (&error);

      platform = parse_nested (cases[i].prefix, 1000000, &error);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
      g_assert_null (platform);
    }

  /* With the check as it was, json-glib loaded the first of these two */
  assert_invalid (behind_comment, "demo.json", "comment", NULL);
}

/* JSON's own escapes are read, a surrogate pair among them. */
static void
test_load_escapes (void)
{
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  text = g_strdup_printf ("{\"id\": \"demo\", \"name\": \"D\\u00e9mo \\\"\\/\\\\\\t\\ud83d\\ude00\","
                          " \"homepage\": \"https:\\/\\/demo.example\", \"items\": [%s]}",
                          "{\"id\": \"a\", \"kind\": \"info\", \"title\": \"Know this\","
                          " \"description\": \"A fact.\", \"applies\": [{}],"
                          " \"sources\": [\"https://demo.example/help\"]}");
  bytes = g_bytes_new_take (text, strlen (text));
  platform = untrain_platform_new_from_bytes (bytes, "demo.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);
  g_assert_cmpstr (untrain_platform_get_name (platform), ==, "D\u00e9mo \"/\\\t\U0001F600");
  g_assert_cmpstr (untrain_platform_get_homepage (platform), ==, "https://demo.example");
}

static void
test_invalid_missing_platform_fields (void)
{
  static const char item[] =
    "{'id': 'a', 'kind': 'info', 'title': 'Know this', 'description': 'A fact.',"
    " 'applies': [{}], 'sources': ['https://demo.example/help']}";
  g_autofree char *no_id = NULL;
  g_autofree char *no_name = NULL;
  g_autofree char *no_homepage = NULL;
  g_autofree char *empty_name = NULL;

  no_id = g_strdup_printf ("{'name': 'Demo', 'homepage': 'https://demo.example', 'items': [%s]}", item);
  assert_invalid (no_id, "demo.json", "demo.json.id", NULL);

  no_name = g_strdup_printf ("{'id': 'demo', 'homepage': 'https://demo.example', 'items': [%s]}", item);
  assert_invalid (no_name, "demo.json", "demo.json.name", NULL);

  no_homepage = g_strdup_printf ("{'id': 'demo', 'name': 'Demo', 'items': [%s]}", item);
  assert_invalid (no_homepage, "demo.json", "demo.json.homepage", NULL);

  assert_invalid ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example'}",
                  "demo.json", "demo.json.items", NULL);

  /* Present but empty or of the wrong type is no better */
  empty_name = g_strdup_printf ("{'id': 'demo', 'name': '', 'homepage': 'https://demo.example', 'items': [%s]}", item);
  assert_invalid (empty_name, "demo.json", "demo.json.name", NULL);
  assert_invalid ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example', 'items': {}}",
                  "demo.json", "demo.json.items", NULL);
}

static void
test_invalid_id_not_file_name (void)
{
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = demo_platform (item);

  assert_invalid (text, "other.json", "other.json.id", "demo", NULL);
  assert_invalid (text, "demo.txt", "demo.txt.id", NULL);
}

static void
test_invalid_id_characters (void)
{
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *upper = NULL;
  g_autofree char *underscore = NULL;
  g_autofree char *bad_item_id = NULL;

  upper = g_strdup_printf ("{'id': 'Demo', 'name': 'Demo', 'homepage': 'https://demo.example', 'items': [%s]}", item);
  assert_invalid (upper, "Demo.json", "Demo.json.id", NULL);

  underscore = g_strdup_printf ("{'id': 'my_demo', 'name': 'Demo', 'homepage': 'https://demo.example', 'items': [%s]}", item);
  assert_invalid (underscore, "my_demo.json", "my_demo.json.id", NULL);

  bad_item_id = g_strdup_printf ("{'id': 'Item 1', 'kind': 'info', 'title': 'Know this', 'description': 'A fact.',"
                                 " 'applies': [{}], 'sources': ['https://demo.example/help']}");
  assert_invalid_items (bad_item_id, "items[0].id", NULL);
}

static void
test_invalid_unknown_field (void)
{
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = NULL;
  g_autofree char *item_extra = NULL;
  g_autofree char *rule_extra = NULL;
  g_autofree char *setting_extra = NULL;

  text = g_strdup_printf ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example',"
                          " 'colour': 'blue', 'items': [%s]}", item);
  assert_invalid (text, "demo.json", "demo.json.colour", NULL);

  item_extra = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                          "['https://demo.example/help']", "'note': 'x'");
  assert_invalid_items (item_extra, "items[0].note", NULL);

  rule_extra = demo_item_with_rule ("{'region': ['DE']}");
  assert_invalid_items (rule_extra, "items[0].applies[0].region", NULL);

  setting_extra = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                             "['https://demo.example/help']",
                             "'setting': {'key': 'k', 'page': 'p', 'desired': 'off', 'default': true}");
  assert_invalid_items (setting_extra, "items[0].setting.default", NULL);
}

static void
test_invalid_empty_items (void)
{
  assert_invalid ("{'id': 'demo', 'name': 'Demo', 'homepage': 'https://demo.example', 'items': []}",
                  "demo.json", "demo.json.items", NULL);
}

static void
test_invalid_unknown_kind (void)
{
  g_autofree char *video = demo_item ("video", "https://demo.example/settings", "[{}]",
                                      "['https://demo.example/help']", NULL);
  g_autofree char *upper = demo_item ("Toggle", "https://demo.example/settings", "[{}]",
                                      "['https://demo.example/help']", NULL);
  g_autofree char *second = NULL;

  assert_invalid_items (video, "items[0].kind", "video", NULL);
  assert_invalid_items (upper, "items[0].kind", "Toggle", NULL);

  /* The position names the item */
  second = g_strdup_printf ("{'id': 'b', 'kind': 'info', 'title': 'Know this', 'description': 'A fact.',"
                            " 'applies': [{}], 'sources': ['https://demo.example/help']}, %s", video);
  assert_invalid_items (second, "items[1].kind", NULL);
}

static void
test_invalid_missing_title (void)
{
  assert_invalid_items ("{'id': 'a', 'kind': 'info', 'description': 'A fact.',"
                        " 'applies': [{}], 'sources': ['https://demo.example/help']}",
                        "items[0].title", NULL);
  assert_invalid_items ("{'id': 'a', 'kind': 'info', 'title': '', 'description': 'A fact.',"
                        " 'applies': [{}], 'sources': ['https://demo.example/help']}",
                        "items[0].title", NULL);
}

static void
test_invalid_missing_url (void)
{
  g_autofree char *toggle = demo_item ("toggle", NULL, "[{}]", "['https://demo.example/help']", NULL);
  g_autofree char *form = demo_item ("form", NULL, "[{}]", "['https://demo.example/help']", NULL);

  assert_invalid_items (toggle, "items[0].url", NULL);
  assert_invalid_items (form, "items[0].url", NULL);
}

static void
test_invalid_not_https (void)
{
  g_autofree char *http_url = demo_item ("toggle", "http://demo.example/settings", "[{}]",
                                         "['https://demo.example/help']", NULL);
  g_autofree char *no_host = demo_item ("toggle", "https://", "[{}]",
                                        "['https://demo.example/help']", NULL);
  g_autofree char *not_url = demo_item ("form", "demo.example/form", "[{}]",
                                        "['https://demo.example/help']", NULL);
  g_autofree char *info_url = demo_item ("info", "ftp://demo.example/facts", "[{}]",
                                         "['https://demo.example/help']", NULL);
  g_autofree char *http_source = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                                            "['https://demo.example/help', 'http://demo.example/news']", NULL);
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *http_homepage = NULL;

  assert_invalid_items (http_url, "items[0].url", "http://demo.example/settings", NULL);
  assert_invalid_items (no_host, "items[0].url", NULL);
  assert_invalid_items (not_url, "items[0].url", NULL);
  assert_invalid_items (info_url, "items[0].url", NULL);
  assert_invalid_items (http_source, "items[0].sources[1]", "http://demo.example/news", NULL);

  http_homepage = g_strdup_printf ("{'id': 'demo', 'name': 'Demo', 'homepage': 'http://demo.example',"
                                   " 'items': [%s]}", item);
  assert_invalid (http_homepage, "demo.json", "demo.json.homepage", NULL);
}

static void
test_invalid_empty_sources (void)
{
  g_autofree char *empty = demo_item ("toggle", "https://demo.example/settings", "[{}]", "[]", NULL);
  g_autofree char *missing = g_strdup ("{'id': 'a', 'kind': 'info', 'title': 'Know this',"
                                       " 'description': 'A fact.', 'applies': [{}]}");

  assert_invalid_items (empty, "items[0].sources", NULL);
  assert_invalid_items (missing, "items[0].sources", NULL);
}

static void
test_invalid_since (void)
{
  static const char * const dates[] = { "2025-13-01", "3/11/2025", "2025-02-30", "2025-11-3", "" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *rule = g_strdup_printf ("{'regions': ['DE'], 'since': '%s'}", dates[i]);
      g_autofree char *item = demo_item_with_rule (rule);

      assert_invalid_items (item, "items[0].applies[0].since", dates[i], NULL);
    }
}

/* The format is YYYY-MM-DD in digits; sscanf()'s %u also takes signs and
 * blanks, which must not make a date.
 */
static void
test_invalid_since_not_digits (void)
{
  static const char * const dates[] = { "2025-+1-01", "2025- 1-01", "2025-01- 1", "+025-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *rule = g_strdup_printf ("{'regions': ['DE'], 'since': '%s'}", dates[i]);
      g_autofree char *item = demo_item_with_rule (rule);

      assert_invalid_items (item, "items[0].applies[0].since", dates[i], NULL);
    }
}

static void
test_invalid_country (void)
{
  static const char * const codes[] = { "XX", "de", "GER", "Europe", "" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *rule = g_strdup_printf ("{'regions': ['DE', '%s']}", codes[i]);
      g_autofree char *item = demo_item_with_rule (rule);
      g_autofree char *exclude_rule = g_strdup_printf ("{'not_regions': ['%s']}", codes[i]);
      g_autofree char *exclude_item = demo_item_with_rule (exclude_rule);

      assert_invalid_items (item, "items[0].applies[0].regions", codes[i], NULL);
      assert_invalid_items (exclude_item, "items[0].applies[0].not_regions", codes[i], NULL);
    }
}

static void
test_invalid_regions_and_not_regions (void)
{
  g_autofree char *item = demo_item ("toggle", "https://demo.example/settings",
                                     "[{}, {'regions': ['EU'], 'not_regions': ['DE']}]",
                                     "['https://demo.example/help']", NULL);

  assert_invalid_items (item, "items[0].applies[1]", "not_regions", NULL);
}

static void
test_invalid_min_age (void)
{
  static const char * const ages[] = { "0", "'18'", "-1", "17.5", "121", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *rule = g_strdup_printf ("{'min_age': %s}", ages[i]);
      g_autofree char *item = demo_item_with_rule (rule);

      assert_invalid_items (item, "items[0].applies[0].min_age", NULL);
    }
}

static void
test_invalid_setting_kind (void)
{
  static const char setting[] = "'setting': {'key': 'k', 'page': 'p', 'desired': 'off'}";
  g_autofree char *form = demo_item ("form", "https://demo.example/form", "[{}]",
                                     "['https://demo.example/help']", setting);
  g_autofree char *info = demo_item ("info", NULL, "[{}]",
                                     "['https://demo.example/help']", setting);

  assert_invalid_items (form, "items[0].setting", NULL);
  assert_invalid_items (info, "items[0].setting", NULL);
}

static void
test_invalid_setting_desired (void)
{
  g_autofree char *maybe = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                                      "['https://demo.example/help']",
                                      "'setting': {'key': 'k', 'page': 'p', 'desired': 'maybe'}");
  g_autofree char *missing = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                                        "['https://demo.example/help']",
                                        "'setting': {'key': 'k', 'page': 'p'}");
  g_autofree char *no_key = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                                       "['https://demo.example/help']",
                                       "'setting': {'page': 'p', 'desired': 'off'}");
  g_autofree char *bad_label = demo_item ("toggle", "https://demo.example/settings", "[{}]",
                                          "['https://demo.example/help']",
                                          "'setting': {'key': 'k', 'page': 'p', 'label': 3, 'desired': 'off'}");

  assert_invalid_items (maybe, "items[0].setting.desired", "maybe", NULL);
  assert_invalid_items (missing, "items[0].setting.desired", NULL);
  assert_invalid_items (no_key, "items[0].setting.key", NULL);
  assert_invalid_items (bad_label, "items[0].setting.label", NULL);
}

static void
test_invalid_duplicate_item_id (void)
{
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *items = g_strdup_printf ("%s, {'id': 'b', 'kind': 'info', 'title': 'Know this',"
                                            " 'description': 'A fact.', 'applies': [{}],"
                                            " 'sources': ['https://demo.example/help']}, %s",
                                            item, item);

  assert_invalid_items (items, "items[2].id", "“a”", NULL);
}

/* The override directory */

static void
test_override_add (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = override_dir_path ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = demo_platform (item);
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  UntrainPlatform *demo;

  write_file (dir_path, "demo.json", text);
  /* Only .json files are platform files */
  write_file (dir_path, "README.txt", "not a platform");
  write_file (dir_path, "demo.json~", "{");

  g_assert_true (untrain_catalog_load_directory (catalog, dir, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin + 1);

  demo = untrain_catalog_lookup (catalog, "demo");
  g_assert_nonnull (demo);
  g_assert_cmpstr (untrain_platform_get_name (demo), ==, "Demo");
  g_assert_cmpuint (untrain_platform_get_n_items (demo), ==, 1);

  /* The built-in ones are still there */
  g_assert_nonnull (untrain_catalog_lookup (catalog, "linkedin"));
  g_assert_cmpuint (untrain_platform_get_n_items (untrain_catalog_lookup (catalog, "linkedin")), ==, 5);
}

static void
test_override_replace (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = override_dir_path ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  UntrainPlatform *linkedin;

  write_file (dir_path, "linkedin.json",
              "{'id': 'linkedin', 'name': 'LinkedIn', 'homepage': 'https://www.linkedin.com',"
              " 'items': [{'id': 'ai-training', 'kind': 'toggle', 'title': 'Turn it off now',"
              " 'description': 'A fixed rule.', 'url': 'https://www.linkedin.com/settings',"
              " 'applies': [{'regions': ['US'], 'since': '2030-01-01'}],"
              " 'sources': ['https://www.linkedin.com/help']}]}");

  g_assert_true (untrain_catalog_load_directory (catalog, dir, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin);

  linkedin = untrain_catalog_lookup (catalog, "linkedin");
  g_assert_nonnull (linkedin);
  g_assert_null (untrain_platform_get_provider (linkedin));
  g_assert_cmpuint (untrain_platform_get_n_items (linkedin), ==, 1);
  g_assert_cmpstr (untrain_item_get_title (untrain_platform_get_item (linkedin, 0)), ==, "Turn it off now");
  g_assert_null (untrain_platform_lookup_item (linkedin, "objection-form"));

  /* Exactly one LinkedIn in the model */
  for (guint i = 0, n_found = 0; i < n_builtin; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (g_str_equal (untrain_platform_get_id (platform), "linkedin"))
        {
          g_assert_true (platform == linkedin);
          g_assert_cmpuint (++n_found, ==, 1);
        }
    }
}

static void
test_override_malformed (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = override_dir_path ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *video = demo_item ("video", "https://demo.example/settings", "[{}]",
                                      "['https://demo.example/help']", NULL);
  g_autofree char *broken = g_strdup_printf ("{'id': 'broken', 'name': 'Broken', 'homepage': 'https://demo.example',"
                                             " 'items': [%s]}", video);
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = demo_platform (item);
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  const char * const *warnings;

  write_file (dir_path, "broken.json", broken);
  write_file (dir_path, "demo.json", text);

  g_test_expect_message ("untrain-catalog", G_LOG_LEVEL_WARNING, "*broken.json*items[0].kind*");
  g_assert_true (untrain_catalog_load_directory (catalog, dir, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_null (untrain_catalog_lookup (catalog, "broken"));
  g_assert_nonnull (untrain_catalog_lookup (catalog, "demo"));
  g_assert_nonnull (untrain_catalog_lookup (catalog, "linkedin"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin + 1);

  warnings = untrain_catalog_get_warnings (catalog);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "broken.json"));
  g_assert_nonnull (strstr (warnings[0], "items[0].kind"));
  g_assert_nonnull (strstr (warnings[0], "video"));
}

static void
test_override_malformed_keeps_builtin (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = override_dir_path ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  const char * const *warnings;
  UntrainPlatform *linkedin;

  /* A fix of LinkedIn gone wrong, and a file that is not JSON at all */
  write_file (dir_path, "linkedin.json",
              "{'id': 'linkedin', 'name': 'LinkedIn', 'homepage': 'https://www.linkedin.com',"
              " 'items': [{'id': 'ai-training', 'kind': 'toggle', 'title': 'Turn it off',"
              " 'description': 'A rule.', 'url': 'https://www.linkedin.com/settings',"
              " 'applies': [{'since': '2025-13-01'}], 'sources': ['https://www.linkedin.com/help']}]}");
  write_file (dir_path, "x.json", "{'id': 'x',");

  g_test_expect_message ("untrain-catalog", G_LOG_LEVEL_WARNING, "*linkedin.json*items[0].applies[0].since*");
  g_test_expect_message ("untrain-catalog", G_LOG_LEVEL_WARNING, "*x.json*JSON*");
  g_assert_true (untrain_catalog_load_directory (catalog, dir, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin);

  linkedin = untrain_catalog_lookup (catalog, "linkedin");
  g_assert_nonnull (linkedin);
  g_assert_cmpuint (untrain_platform_get_n_items (linkedin), ==, 5);
  g_assert_nonnull (untrain_catalog_lookup (catalog, "x"));

  warnings = untrain_catalog_get_warnings (catalog);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "linkedin.json"));
  g_assert_nonnull (strstr (warnings[0], "since"));
  g_assert_nonnull (strstr (warnings[1], "x.json"));
}

static void
test_override_missing_directory (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), "no", "such", "folder", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  g_assert_true (untrain_catalog_load_directory (catalog, dir, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin);
  g_assert_false (g_file_test (dir_path, G_FILE_TEST_EXISTS));
}

static void
test_override_not_a_directory (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *dir_path = override_dir_path ();
  g_autofree char *file_path = g_build_filename (dir_path, "platforms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  write_file (dir_path, "platforms", "a file where a folder should be");

  g_assert_false (untrain_catalog_load_directory (catalog, file, &error));
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG);
  g_assert_nonnull (strstr (error->message, file_path));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin);
}

static void
test_override_default (void)
{
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), "untrain", "platforms", NULL);
  g_autoptr(GFile) expected_dir = g_file_new_for_path (dir_path);
  g_autoptr(GFile) default_dir = untrain_catalog_get_default_override_dir ();
  g_autoptr(UntrainCatalog) builtin = builtin_catalog ();
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = demo_platform (item);

  g_assert_true (g_file_equal (default_dir, expected_dir));

  write_file (dir_path, "demo.json", text);

  catalog = untrain_catalog_new_default ();

  g_assert_nonnull (untrain_catalog_lookup (catalog, "demo"));
  g_assert_nonnull (untrain_catalog_lookup (catalog, "linkedin"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (builtin)) + 1);
}

static void
test_override_default_malformed (void)
{
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), "untrain", "platforms", NULL);
  g_autoptr(UntrainCatalog) builtin = builtin_catalog ();
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autofree char *item = demo_item_with_rule ("{'regions': ['GER']}");
  g_autofree char *text = demo_platform (item);
  const char * const *warnings;

  write_file (dir_path, "demo.json", text);

  g_test_expect_message ("untrain-catalog", G_LOG_LEVEL_WARNING, "*demo.json*items[0].applies[0].regions*GER*");
  catalog = untrain_catalog_new_default ();
  g_test_assert_expected_messages ();

  g_assert_null (untrain_catalog_lookup (catalog, "demo"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (builtin)));

  warnings = untrain_catalog_get_warnings (catalog);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "demo.json"));
}

/* untrain_catalog_get_warnings() is documented as "empty when all went
 * well", and the application walks it with warnings[i] != NULL.
 */
static void
test_warnings_empty (void)
{
  g_autoptr(UntrainCatalog) empty = untrain_catalog_new ();
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new_default ();
  const char * const *warnings;

  warnings = untrain_catalog_get_warnings (empty);
  g_assert_nonnull (warnings);
  g_assert_null (warnings[0]);

  warnings = untrain_catalog_get_warnings (catalog);
  g_assert_nonnull (warnings);
  g_assert_null (warnings[0]);
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_model_items_changed (void)
{
  g_autoptr(UntrainCatalog) catalog = builtin_catalog ();
  g_autofree char *item = demo_item_with_rule ("{}");
  g_autofree char *text = demo_platform (item);
  g_autoptr(UntrainPlatform) demo = NULL;
  g_autoptr(UntrainPlatform) demo_again = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  demo = parse_json (text, "demo.json", &error);
  g_assert_no_error (error);
  demo_again = parse_json (text, "demo.json", &error);
  g_assert_no_error (error);

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed), &changed);

  untrain_catalog_add (catalog, demo);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, n_builtin);
  g_assert_cmpuint (changed.added, ==, n_builtin + 1);
  g_assert_true (untrain_catalog_lookup (catalog, "demo") == demo);

  untrain_catalog_add (catalog, demo_again);
  g_assert_cmpuint (changed.n_signals, ==, 2);
  g_assert_cmpuint (changed.removed, ==, n_builtin + 1);
  g_assert_cmpuint (changed.added, ==, n_builtin + 1);
  g_assert_true (untrain_catalog_lookup (catalog, "demo") == demo_again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_builtin + 1);
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

  g_test_add_func ("/catalog/builtin/loads", test_builtin_loads);
  g_test_add_func ("/catalog/builtin/linkedin", test_builtin_linkedin);
  g_test_add_func ("/catalog/builtin/platforms", test_builtin_platforms);
  g_test_add_func ("/catalog/builtin/sources", test_builtin_sources);
  g_test_add_func ("/catalog/builtin/sorted", test_builtin_sorted);
  g_test_add_func ("/catalog/parse/valid", test_parse_valid);
  g_test_add_func ("/catalog/parse/info-without-url", test_parse_info_without_url);
  g_test_add_func ("/catalog/invalid/not-json", test_invalid_not_json);
  g_test_add_func ("/catalog/invalid/not-object", test_invalid_not_object);
  g_test_add_func ("/catalog/invalid/empty", test_invalid_empty);
  g_test_add_func ("/catalog/invalid/too-deep", test_invalid_too_deep);
  g_test_add_func ("/catalog/invalid/several-values", test_invalid_several_values);
  g_test_add_func ("/catalog/invalid/beyond-json", test_invalid_beyond_json);
  g_test_add_func ("/catalog/load/escapes", test_load_escapes);
  g_test_add_func ("/catalog/invalid/missing-platform-fields", test_invalid_missing_platform_fields);
  g_test_add_func ("/catalog/invalid/id-not-file-name", test_invalid_id_not_file_name);
  g_test_add_func ("/catalog/invalid/id-characters", test_invalid_id_characters);
  g_test_add_func ("/catalog/invalid/unknown-field", test_invalid_unknown_field);
  g_test_add_func ("/catalog/invalid/empty-items", test_invalid_empty_items);
  g_test_add_func ("/catalog/invalid/unknown-kind", test_invalid_unknown_kind);
  g_test_add_func ("/catalog/invalid/missing-title", test_invalid_missing_title);
  g_test_add_func ("/catalog/invalid/missing-url", test_invalid_missing_url);
  g_test_add_func ("/catalog/invalid/not-https", test_invalid_not_https);
  g_test_add_func ("/catalog/invalid/empty-sources", test_invalid_empty_sources);
  g_test_add_func ("/catalog/invalid/since", test_invalid_since);
  g_test_add_func ("/catalog/invalid/since-not-digits", test_invalid_since_not_digits);
  g_test_add_func ("/catalog/invalid/country", test_invalid_country);
  g_test_add_func ("/catalog/invalid/regions-and-not-regions", test_invalid_regions_and_not_regions);
  g_test_add_func ("/catalog/invalid/min-age", test_invalid_min_age);
  g_test_add_func ("/catalog/invalid/setting-kind", test_invalid_setting_kind);
  g_test_add_func ("/catalog/invalid/setting-desired", test_invalid_setting_desired);
  g_test_add_func ("/catalog/invalid/duplicate-item-id", test_invalid_duplicate_item_id);
  g_test_add_func ("/catalog/override/add", test_override_add);
  g_test_add_func ("/catalog/override/replace", test_override_replace);
  g_test_add_func ("/catalog/override/malformed", test_override_malformed);
  g_test_add_func ("/catalog/override/malformed-keeps-builtin", test_override_malformed_keeps_builtin);
  g_test_add_func ("/catalog/override/missing-directory", test_override_missing_directory);
  g_test_add_func ("/catalog/override/not-a-directory", test_override_not_a_directory);
  g_test_add_func ("/catalog/override/default", test_override_default);
  g_test_add_func ("/catalog/override/default-malformed", test_override_default_malformed);
  g_test_add_func ("/catalog/warnings/empty", test_warnings_empty);
  g_test_add_func ("/catalog/model/items-changed", test_model_items_changed);

  return g_test_run ();
}
