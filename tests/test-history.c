/* test-history.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "untrain-catalog.h"
#include "untrain-history.h"
#include "untrain-state-store.h"

/* The appending child of the concurrency test: main() runs it instead of
 * the tests when this variable names the file to append to.
 */
#define APPEND_WRITER_ENV "UNTRAIN_TEST_HISTORY_WRITER"
#define APPEND_WRITER_ITEM_ENV "UNTRAIN_TEST_HISTORY_WRITER_ITEM"
#define N_CONCURRENT_LINES 400

static char *test_binary;

/* A platform whose item titles and name a test can rely on, with a
 * switch, a form and an info item.
 */
static const char example_json[] =
  "{"
  "  \"id\": \"example\","
  "  \"name\": \"Example\","
  "  \"homepage\": \"https://example.com\","
  "  \"items\": ["
  "    {"
  "      \"id\": \"switch\","
  "      \"kind\": \"toggle\","
  "      \"title\": \"Turn off the switch\","
  "      \"description\": \"Everywhere.\","
  "      \"url\": \"https://example.com/settings/switch\","
  "      \"applies\": [ { \"min_age\": 18 } ],"
  "      \"sources\": [ \"https://example.com/help/switch\" ],"
  "      \"setting\": { \"key\": \"allowSwitch\", \"page\": \"switch\", \"desired\": \"off\", \"off_value\": false }"
  "    },"
  "    {"
  "      \"id\": \"form\","
  "      \"kind\": \"form\","
  "      \"title\": \"Send the objection form\","
  "      \"description\": \"Everywhere.\","
  "      \"url\": \"https://example.com/object\","
  "      \"applies\": [ { \"min_age\": 16 } ],"
  "      \"sources\": [ \"https://example.com/help/form\" ]"
  "    },"
  "    {"
  "      \"id\": \"know-this\","
  "      \"kind\": \"info\","
  "      \"title\": \"Know this\","
  "      \"description\": \"Everywhere.\","
  "      \"applies\": [ { \"min_age\": 16 } ],"
  "      \"sources\": [ \"https://example.com/help/know\" ]"
  "    }"
  "  ]"
  "}";

/* A user's override catalog can say anything. */
static const char hostile_json[] =
  "{"
  "  \"id\": \"hostile\","
  "  \"name\": \"Evil <b>Corp</b> & \\\"Co\\\"\","
  "  \"homepage\": \"https://example.com\","
  "  \"items\": ["
  "    {"
  "      \"id\": \"switch\","
  "      \"kind\": \"toggle\","
  "      \"title\": \"<script>alert(1)</script>\","
  "      \"description\": \"Everywhere.\","
  "      \"url\": \"https://example.com/settings/switch\","
  "      \"applies\": [ { \"min_age\": 18 } ],"
  "      \"sources\": [ \"https://example.com/help/switch\" ],"
  "      \"setting\": { \"key\": \"allowSwitch\", \"page\": \"switch\", \"desired\": \"off\", \"off_value\": false }"
  "    },"
  "    {"
  "      \"id\": \"form\","
  "      \"kind\": \"form\","
  "      \"title\": \"<img src=\\\"https://tracker.example/pixel.png\\\">\","
  "      \"description\": \"Everywhere.\","
  "      \"url\": \"https://example.com/object\","
  "      \"applies\": [ { \"min_age\": 16 } ],"
  "      \"sources\": [ \"https://example.com/help/form\" ]"
  "    }"
  "  ]"
  "}";

/* Every test runs in its own $XDG_STATE_HOME (G_TEST_OPTION_ISOLATE_DIRS). */
static GFile *
get_history_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "history.jsonl", NULL);
}

static char *
get_history_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "untrain", "history.jsonl", NULL);
}

static GDateTime *
date_time (const char *iso8601)
{
  GDateTime *result = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (result);
  return result;
}

static UntrainHistory *
load_history (GFile *file)
{
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_history_load (history, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&history);
}

static void
append (UntrainHistory     *history,
        UntrainHistoryKind  kind,
        const char         *platform_id,
        const char         *item_id,
        const char         *iso8601,
        UntrainStatus       status,
        const char         *value)
{
  g_autoptr(GDateTime) time = date_time (iso8601);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_history_append (history, kind, platform_id, item_id, time, status, value, &error));
  g_assert_no_error (error);
}

static void
read_status (UntrainHistory *history,
             const char     *item_id,
             const char     *iso8601,
             UntrainStatus   status)
{
  append (history, UNTRAIN_HISTORY_READ, "linkedin", item_id, iso8601, status,
          status == UNTRAIN_STATUS_DONE ? "false" : status == UNTRAIN_STATUS_ACTION_NEEDED ? "true" : NULL);
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_entry (const UntrainHistoryEntry *entry,
              UntrainHistoryKind         kind,
              const char                *platform_id,
              const char                *item_id,
              const char                *iso8601,
              UntrainStatus              status,
              const char                *value)
{
  g_autoptr(GDateTime) expected = date_time (iso8601);

  g_assert_nonnull (entry);
  g_assert_cmpint (entry->kind, ==, kind);
  g_assert_cmpstr (entry->platform_id, ==, platform_id);
  g_assert_cmpstr (entry->item_id, ==, item_id);
  g_assert_nonnull (entry->time);
  g_assert_true (g_date_time_equal (entry->time, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (entry->time), ==, 0);
  g_assert_cmpint (entry->status, ==, status);
  g_assert_cmpstr (entry->value, ==, value);
}

static void
assert_same_entries (GPtrArray *actual,
                     GPtrArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);

  for (guint i = 0; i < actual->len; i++)
    {
      const UntrainHistoryEntry *a = g_ptr_array_index (actual, i);
      const UntrainHistoryEntry *b = g_ptr_array_index (expected, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->platform_id, ==, b->platform_id);
      g_assert_cmpstr (a->item_id, ==, b->item_id);
      g_assert_true (g_date_time_equal (a->time, b->time));
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpstr (a->value, ==, b->value);
    }
}

static UntrainPlatform *
platform_from_json (const char *json,
                    const char *file_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;

  platform = untrain_platform_new_from_bytes (bytes, file_name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);

  return platform;
}

/* The built-in catalog (LinkedIn and the others) plus the example. */
static UntrainCatalog *
load_catalog (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(UntrainPlatform) example = platform_from_json (example_json, "example.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);
  untrain_catalog_add (catalog, example);

  return g_steal_pointer (&catalog);
}

static UntrainStateStore *
new_store (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static const char *
item_title (UntrainCatalog *catalog,
            const char     *platform_id,
            const char     *item_id)
{
  UntrainPlatform *platform = untrain_catalog_lookup (catalog, platform_id);
  UntrainItem *item;

  g_assert_nonnull (platform);
  item = untrain_platform_lookup_item (platform, item_id);
  g_assert_nonnull (item);

  return untrain_item_get_title (item);
}

static void
assert_contains_escaped (const char *html,
                         const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (strstr (html, escaped) == NULL)
    g_error ("The record lacks “%s”:\n%s", escaped, html);
}

static void
assert_contains (const char *html,
                 const char *text)
{
  if (strstr (html, text) == NULL)
    g_error ("The record lacks “%s”:\n%s", text, html);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Self-contained: nothing is loaded from anywhere, nothing runs. Every
 * tag is one of a few plain ones, no tag has an attribute that loads or
 * links, and the style sheet imports nothing.
 */
static void
assert_self_contained (const char *html)
{
  static const char * const allowed_tags[] = {
    "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main",
    "section", "h1", "h2", "h3", "p", "ul", "li", "strong", "table", "thead", "tbody",
    "tr", "th", "td", "time", "span", "code", NULL,
  };
  static const char * const forbidden_in_tags[] = { "src", "href", "action", "style=", "javascript:", "on" };
  const char *style_start;
  const char *style_end;
  g_autofree char *style = NULL;
  guint n_tags = 0;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *close = strchr (p, '>');
      g_autofree char *tag = NULL;
      g_autofree char *name = NULL;
      g_auto(GStrv) words = NULL;

      g_assert_nonnull (close);
      tag = g_ascii_strdown (p + 1, close - p - 1);
      words = g_strsplit_set (tag[0] == '/' ? tag + 1 : tag, " ", 2);
      name = g_strdup (words[0]);

      if (!g_strv_contains (allowed_tags, name))
        g_error ("The record holds a <%s> tag:\n%s", name, html);

      /* The attributes: only lang, charset, name, content, http-equiv, class, datetime */
      if (words[1] != NULL)
        {
          g_auto(GStrv) attributes = g_strsplit (words[1], "\" ", -1);

          for (guint i = 0; attributes[i] != NULL; i++)
            {
              g_autofree char *attribute = g_strstrip (g_strdup (attributes[i]));

              for (guint k = 0; k < G_N_ELEMENTS (forbidden_in_tags); k++)
                {
                  if (g_str_has_prefix (attribute, forbidden_in_tags[k]))
                    g_error ("The record has a tag <%s>:\n%s", tag, html);
                }
            }
        }

      n_tags++;
    }
  g_assert_cmpuint (n_tags, >, 10);

  style_start = strstr (html, "<style>");
  g_assert_nonnull (style_start);
  style_end = strstr (style_start, "</style>");
  g_assert_nonnull (style_end);
  style = g_ascii_strdown (style_start, style_end - style_start);
  g_assert_null (strstr (style, "url("));
  g_assert_null (strstr (style, "@import"));
  g_assert_null (strstr (style, "http"));
  g_assert_cmpuint (count_occurrences (html, "<style>"), ==, 1);
}

static void
test_default_file (void)
{
  g_autoptr(GFile) file = untrain_history_get_default_file ();
  g_autofree char *expected = get_history_path ();
  g_autofree char *path = g_file_get_path (file);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(GPtrArray) entries = untrain_history_get_entries (history, NULL, NULL);
  g_autoptr(GDateTime) since = NULL;
  guint n_verified = 99;

  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, 0);
  g_assert_false (untrain_history_get_off_since (history, "linkedin", "ai-training", &since, &n_verified));
  g_assert_null (since);
  g_assert_cmpuint (n_verified, ==, 0);

  /* Loading reads; it does not create the file or its folder */
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
test_unreadable (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = get_history_path ();
  static const char line[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"done\",\"value\":false}\n";

  write_file (path, line, -1);
  g_assert_no_errno (g_chmod (path, 0));

  if (g_access (path, R_OK) == 0)
    {
      g_test_skip ("Permissions do not keep this user from reading");
      return;
    }

  g_assert_false (untrain_history_load (history, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, "history"));

  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(UntrainHistory) reloaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) reloaded_entries = NULL;
  g_autofree char *path = get_history_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  /* Local time with a fraction: the file keeps UTC to the second */
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
          "2026-11-29T11:00:00.654321+01:00", UNTRAIN_STATUS_ACTION_NEEDED, "true");
  append (history, UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training",
          "2026-11-29T10:01:00Z", UNTRAIN_STATUS_DONE, " false ");
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "research-data",
          "2026-11-29T10:02:00Z", UNTRAIN_STATUS_DONE, "\"DISABLED\"");
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "microsoft-ads-sharing",
          "2026-11-29T10:03:00Z", UNTRAIN_STATUS_NEEDS_SIGN_IN, NULL);
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "microsoft-ads-sharing",
          "2026-11-29T10:04:00Z", UNTRAIN_STATUS_DONE, "{\"value\": [1, \"ä\"]}");
  append (history, UNTRAIN_HISTORY_CONFIRMED, "example", "switch",
          "2026-11-29T10:05:00Z", UNTRAIN_STATUS_DONE, NULL);
  append (history, UNTRAIN_HISTORY_SUBMITTED, "linkedin", "objection-form",
          "2026-11-29T10:06:00Z", UNTRAIN_STATUS_UNKNOWN, NULL);
  append (history, UNTRAIN_HISTORY_ANSWERED, "linkedin", "objection-form",
          "2026-12-10T09:00:00Z", UNTRAIN_STATUS_UNKNOWN, NULL);
  /* Text that is not JSON is kept, as a string */
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
          "2026-12-11T09:00:00Z", UNTRAIN_STATUS_DONE, "not json\n\"at all\"");

  /* In memory at once, as a load would read it */
  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 9);
  assert_entry (entries->pdata[0], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-11-29T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED, "true");
  assert_entry (entries->pdata[1], UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training",
                "2026-11-29T10:01:00Z", UNTRAIN_STATUS_DONE, "false");
  assert_entry (entries->pdata[2], UNTRAIN_HISTORY_READ, "linkedin", "research-data",
                "2026-11-29T10:02:00Z", UNTRAIN_STATUS_DONE, "\"DISABLED\"");
  assert_entry (entries->pdata[3], UNTRAIN_HISTORY_READ, "linkedin", "microsoft-ads-sharing",
                "2026-11-29T10:03:00Z", UNTRAIN_STATUS_NEEDS_SIGN_IN, NULL);
  assert_entry (entries->pdata[4], UNTRAIN_HISTORY_READ, "linkedin", "microsoft-ads-sharing",
                "2026-11-29T10:04:00Z", UNTRAIN_STATUS_DONE, "{\"value\":[1,\"ä\"]}");
  assert_entry (entries->pdata[5], UNTRAIN_HISTORY_CONFIRMED, "example", "switch",
                "2026-11-29T10:05:00Z", UNTRAIN_STATUS_DONE, NULL);
  assert_entry (entries->pdata[6], UNTRAIN_HISTORY_SUBMITTED, "linkedin", "objection-form",
                "2026-11-29T10:06:00Z", UNTRAIN_STATUS_UNKNOWN, NULL);
  assert_entry (entries->pdata[7], UNTRAIN_HISTORY_ANSWERED, "linkedin", "objection-form",
                "2026-12-10T09:00:00Z", UNTRAIN_STATUS_UNKNOWN, NULL);
  assert_entry (entries->pdata[8], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-12-11T09:00:00Z", UNTRAIN_STATUS_DONE, "\"not json\\n\\\"at all\\\"\"");

  reloaded = load_history (file);
  reloaded_entries = untrain_history_get_entries (reloaded, NULL, NULL);
  assert_same_entries (reloaded_entries, entries);
  g_assert_cmpuint (untrain_history_get_n_skipped (reloaded), ==, 0);

  /* One JSON object a line, with the contract's members */
  contents = read_file (path, NULL);
  g_assert_true (g_str_has_suffix (contents, "}\n"));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  g_assert_cmpstr (lines[9], ==, "");

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      const UntrainHistoryEntry *entry = entries->pdata[i];
      static const char * const kinds[] = { "read", "change", "confirmed", "submitted", "answered" };
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      object = json_node_get_object (json_parser_get_root (parser));

      g_assert_cmpuint (json_object_get_size (object), ==, entry->value != NULL ? 6 : 5);
      g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, kinds[entry->kind]);
      g_assert_cmpstr (json_object_get_string_member (object, "platform"), ==, entry->platform_id);
      g_assert_cmpstr (json_object_get_string_member (object, "item"), ==, entry->item_id);
      g_assert_cmpstr (json_object_get_string_member (object, "status"), ==,
                       untrain_status_to_string (entry->status));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "time"), "Z"));
      g_assert_cmpint (strlen (json_object_get_string_member (object, "time")), ==, 20);
    }

  g_assert_nonnull (strstr (lines[0], "\"time\":\"2026-11-29T10:00:00Z\""));
  g_assert_nonnull (strstr (lines[0], "\"value\":true"));
  g_assert_nonnull (strstr (lines[2], "\"value\":\"DISABLED\""));
  g_assert_null (strstr (lines[3], "\"value\""));
}

static void
test_mode_and_directory (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autofree char *path = get_history_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;
  GStatBuf st;
  mode_t old_umask;

  /* A permissive umask must not make the history readable by others */
  old_umask = umask (0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  read_status (history, "ai-training", "2026-11-29T10:00:00Z", UNTRAIN_STATUS_DONE);
  umask (old_umask);

  g_assert_no_errno (g_stat (dir, &st));
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_no_errno (g_stat (path, &st));
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The next append adds to the end and leaves what was there */
  first = read_file (path, &first_length);
  read_status (history, "ai-training", "2026-11-30T10:00:00Z", UNTRAIN_STATUS_DONE);
  second = read_file (path, &second_length);
  g_assert_cmpuint (second_length, >, first_length);
  g_assert_cmpmem (second, first_length, first, first_length);
  g_assert_cmpint (count_occurrences (second, "\n"), ==, 2);

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_append_fails (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) time = date_time ("2026-11-29T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = get_history_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  /* A file where the folder should be */
  write_file (dir, "not a folder", -1);

  g_assert_false (untrain_history_append (history, UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                                          time, UNTRAIN_STATUS_DONE, "false", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* A folder where the file should be */
  g_assert_no_errno (g_unlink (dir));
  g_assert_no_errno (g_mkdir_with_parents (path, 0700));

  g_assert_false (untrain_history_append (history, UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                                          time, UNTRAIN_STATUS_DONE, "false", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "history"));

  /* Nothing in memory that is not on disk */
  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (untrain_history_get_off_since (history, "linkedin", "ai-training", NULL, NULL));
}

static void
test_append_after_torn_line (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(UntrainHistory) reloaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = get_history_path ();
  g_autofree char *after = NULL;
  g_autofree char *pattern = NULL;
  gsize after_length = 0;
  static const char before[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"done\",\"value\":false}\n"
    "{\"time\":\"2026-11-30T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"it";

  write_file (path, before, -1);
  pattern = g_strdup_printf ("*%s, line 2: *", path);

  g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
  history = load_history (file);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, 1);

  /* The new line starts on a line of its own, so it stays whole */
  read_status (history, "ai-training", "2026-12-01T10:00:00Z", UNTRAIN_STATUS_DONE);

  after = read_file (path, &after_length);
  g_assert_cmpmem (after, strlen (before), before, strlen (before));
  g_assert_cmpint (after[strlen (before)], ==, '\n');

  g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
  reloaded = load_history (file);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (untrain_history_get_n_skipped (reloaded), ==, 1);
  entries = untrain_history_get_entries (reloaded, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries->pdata[1], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-12-01T10:00:00Z", UNTRAIN_STATUS_DONE, "false");
}

/* The child of the concurrency test: appends N_CONCURRENT_LINES lines of
 * its own item as fast as it can, then exits.
 */
static void
run_append_writer (const char *path,
                   const char *item_id)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GDateTime) start = date_time ("2026-11-29T00:00:00Z");

  for (guint i = 0; i < N_CONCURRENT_LINES; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_seconds (start, i);
      g_autofree char *value = g_strdup_printf ("{\"n\":%u,\"padding\":\"%0200u\"}", i, i);
      g_autoptr(GError) error = NULL;

      if (!untrain_history_append (history, UNTRAIN_HISTORY_READ, "concurrent", item_id,
                                   time, UNTRAIN_STATUS_DONE, value, &error))
        {
          g_printerr ("%s\n", error->message);
          exit (1);
        }
    }

  exit (0);
}

static void
test_append_concurrent (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autofree char *path = get_history_path ();
  g_autoptr(GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const item_ids[] = { "writer-a", "writer-b", "writer-c" };

  for (guint i = 0; i < G_N_ELEMENTS (item_ids); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
      g_autoptr(GError) error = NULL;
      GSubprocess *writer;

      g_subprocess_launcher_setenv (launcher, APPEND_WRITER_ENV, path, TRUE);
      g_subprocess_launcher_setenv (launcher, APPEND_WRITER_ITEM_ENV, item_ids[i], TRUE);
      writer = g_subprocess_launcher_spawn (launcher, &error, test_binary, NULL);
      g_assert_no_error (error);
      g_ptr_array_add (writers, writer);
    }

  for (guint i = 0; i < writers->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_subprocess_wait_check (g_ptr_array_index (writers, i), NULL, &error);
      g_assert_no_error (error);
    }

  /* Every line whole, every writer's lines in its own order */
  history = load_history (file);
  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (item_ids); i++)
    {
      g_autoptr(GPtrArray) entries = untrain_history_get_entries (history, "concurrent", item_ids[i]);

      g_assert_cmpuint (entries->len, ==, N_CONCURRENT_LINES);
      for (guint n = 0; n < entries->len; n++)
        {
          const UntrainHistoryEntry *entry = g_ptr_array_index (entries, n);
          g_autofree char *prefix = g_strdup_printf ("{\"n\":%u,", n);

          g_assert_true (g_str_has_prefix (entry->value, prefix));
        }
    }
}

static void
test_entries_filter (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) linkedin = NULL;
  g_autoptr(GPtrArray) ai_training = NULL;
  g_autoptr(GPtrArray) switches = NULL;
  g_autoptr(GPtrArray) none = NULL;

  append (history, UNTRAIN_HISTORY_READ, "linkedin", "ai-training", "2026-11-29T10:00:00Z",
          UNTRAIN_STATUS_ACTION_NEEDED, "true");
  append (history, UNTRAIN_HISTORY_READ, "example", "switch", "2026-11-29T10:01:00Z",
          UNTRAIN_STATUS_DONE, "false");
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "research-data", "2026-11-29T10:02:00Z",
          UNTRAIN_STATUS_DONE, "false");
  append (history, UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training", "2026-11-29T10:03:00Z",
          UNTRAIN_STATUS_DONE, "false");
  append (history, UNTRAIN_HISTORY_READ, "example", "ai-training", "2026-11-29T10:04:00Z",
          UNTRAIN_STATUS_DONE, "false");
  append (history, UNTRAIN_HISTORY_CONFIRMED, "linkedin", "ai-training", "2026-11-29T10:05:00Z",
          UNTRAIN_STATUS_DONE, NULL);

  all = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 6);

  linkedin = untrain_history_get_entries (history, "linkedin", NULL);
  g_assert_cmpuint (linkedin->len, ==, 4);
  for (guint i = 0; i < linkedin->len; i++)
    g_assert_cmpstr (((UntrainHistoryEntry *)linkedin->pdata[i])->platform_id, ==, "linkedin");

  ai_training = untrain_history_get_entries (history, "linkedin", "ai-training");
  g_assert_cmpuint (ai_training->len, ==, 3);
  assert_entry (ai_training->pdata[0], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-11-29T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED, "true");
  assert_entry (ai_training->pdata[1], UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training",
                "2026-11-29T10:03:00Z", UNTRAIN_STATUS_DONE, "false");
  assert_entry (ai_training->pdata[2], UNTRAIN_HISTORY_CONFIRMED, "linkedin", "ai-training",
                "2026-11-29T10:05:00Z", UNTRAIN_STATUS_DONE, NULL);

  /* An item id alone matches it on every platform */
  switches = untrain_history_get_entries (history, NULL, "ai-training");
  g_assert_cmpuint (switches->len, ==, 4);

  none = untrain_history_get_entries (history, "facebook", NULL);
  g_assert_cmpuint (none->len, ==, 0);

  /* The copies are the caller's: freeing them leaves the history whole */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 6);
}

static void
assert_off_since (UntrainHistory *history,
                  const char     *item_id,
                  const char     *expected_since,
                  guint           expected_n)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) expected = date_time (expected_since);
  guint n_verified = 0;

  g_assert_true (untrain_history_get_off_since (history, "linkedin", item_id, &since, &n_verified));
  g_assert_nonnull (since);
  g_assert_true (g_date_time_equal (since, expected));
  g_assert_cmpuint (n_verified, ==, expected_n);
}

static void
assert_not_off (UntrainHistory *history,
                const char     *item_id)
{
  g_autoptr(GDateTime) since = NULL;
  guint n_verified = 42;

  g_assert_false (untrain_history_get_off_since (history, "linkedin", item_id, &since, &n_verified));
  g_assert_null (since);
  g_assert_cmpuint (n_verified, ==, 0);
}

static void
test_off_since_sequence (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(UntrainHistory) reloaded = NULL;

  assert_not_off (history, "ai-training");

  /* on */
  read_status (history, "ai-training", "2026-11-29T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED);
  assert_not_off (history, "ai-training");

  /* on → off → off */
  append (history, UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training", "2026-11-29T10:01:00Z",
          UNTRAIN_STATUS_DONE, "false");
  assert_off_since (history, "ai-training", "2026-11-29T10:01:00Z", 1);
  read_status (history, "ai-training", "2026-11-30T10:00:00Z", UNTRAIN_STATUS_DONE);
  assert_off_since (history, "ai-training", "2026-11-29T10:01:00Z", 2);

  /* → on: the run is over */
  read_status (history, "ai-training", "2026-12-01T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED);
  assert_not_off (history, "ai-training");

  /* → off, off, off: a new run from its first read */
  read_status (history, "ai-training", "2026-12-03T09:30:00Z", UNTRAIN_STATUS_DONE);
  assert_off_since (history, "ai-training", "2026-12-03T09:30:00Z", 1);

  /* Other items, other platforms and the person's own entries neither
   * count nor break the run
   */
  read_status (history, "research-data", "2026-12-04T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED);
  append (history, UNTRAIN_HISTORY_READ, "example", "ai-training", "2026-12-04T10:01:00Z",
          UNTRAIN_STATUS_ACTION_NEEDED, "true");
  append (history, UNTRAIN_HISTORY_CONFIRMED, "linkedin", "ai-training", "2026-12-04T10:02:00Z",
          UNTRAIN_STATUS_DONE, NULL);
  read_status (history, "ai-training", "2026-12-05T10:00:00Z", UNTRAIN_STATUS_DONE);
  read_status (history, "ai-training", "2026-12-06T10:00:00Z", UNTRAIN_STATUS_DONE);
  append (history, UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training", "2026-12-07T10:00:00Z",
          UNTRAIN_STATUS_DONE, "false");
  assert_off_since (history, "ai-training", "2026-12-03T09:30:00Z", 4);
  assert_not_off (history, "research-data");

  /* The same from the file */
  reloaded = load_history (file);
  assert_off_since (reloaded, "ai-training", "2026-12-03T09:30:00Z", 4);

  /* Latest on: FALSE, whatever came before */
  read_status (history, "ai-training", "2026-12-08T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED);
  assert_not_off (history, "ai-training");

  /* A read that could not check breaks the run too */
  read_status (history, "ai-training", "2026-12-09T10:00:00Z", UNTRAIN_STATUS_DONE);
  read_status (history, "ai-training", "2026-12-10T10:00:00Z", UNTRAIN_STATUS_ERROR);
  assert_not_off (history, "ai-training");
  read_status (history, "ai-training", "2026-12-11T10:00:00Z", UNTRAIN_STATUS_NEEDS_SIGN_IN);
  assert_not_off (history, "ai-training");
  read_status (history, "ai-training", "2026-12-12T10:00:00Z", UNTRAIN_STATUS_DONE);
  assert_off_since (history, "ai-training", "2026-12-12T10:00:00Z", 1);

  /* Optional out arguments */
  g_assert_true (untrain_history_get_off_since (history, "linkedin", "ai-training", NULL, NULL));
}

static void
test_off_since_only_confirmed (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);

  /* The person's word is no verification */
  append (history, UNTRAIN_HISTORY_CONFIRMED, "linkedin", "ai-training", "2026-11-29T10:00:00Z",
          UNTRAIN_STATUS_DONE, NULL);
  assert_not_off (history, "ai-training");
}

static void
test_load_damaged (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = get_history_path ();
  g_autofree char *after = NULL;
  g_autofree char *pattern_garbage = NULL;
  g_autofree char *pattern_torn = NULL;
  gsize after_length = 0;
  static const char contents[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"action-needed\",\"value\":true}\n"
    "{\"time\":\"2026-11-29T10:01:00Z\",\"kind\":\"change\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"done\",\"value\":false}\n"
    "this line was typed by hand }{\n"
    "{\"time\":\"2026-11-30T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"done\",\"value\":false}\n"
    "{\"time\":\"2026-12-01T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"do";

  write_file (path, contents, sizeof contents - 1);

  pattern_garbage = g_strdup_printf ("*%s, line 3: skipped*", path);
  pattern_torn = g_strdup_printf ("*%s, line 5: skipped*", path);
  g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern_garbage);
  g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern_torn);
  history = load_history (file);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, 2);

  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 3);
  assert_entry (entries->pdata[0], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-11-29T10:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED, "true");
  assert_entry (entries->pdata[1], UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training",
                "2026-11-29T10:01:00Z", UNTRAIN_STATUS_DONE, "false");
  assert_entry (entries->pdata[2], UNTRAIN_HISTORY_READ, "linkedin", "ai-training",
                "2026-11-30T10:00:00Z", UNTRAIN_STATUS_DONE, "false");
  assert_off_since (history, "ai-training", "2026-11-29T10:01:00Z", 2);

  /* Nothing lost: the file is exactly as it was */
  after = read_file (path, &after_length);
  g_assert_cmpmem (after, after_length, contents, sizeof contents - 1);
}

static void
test_load_invalid_fields (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = get_history_path ();
  g_autofree char *after = NULL;
  gsize after_length = 0;
  static const char contents[] =
    /* 1: no time zone */
    "{\"time\":\"2026-11-29T10:00:00\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\"}\n"
    /* 2: unknown kind */
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"guess\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\"}\n"
    /* 3: a read without a status */
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\"}\n"
    /* 4: an unknown status */
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"off\"}\n"
    /* 5: an empty platform */
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"\",\"item\":\"a\",\"status\":\"done\"}\n"
    /* 6: not an object */
    "[\"2026-11-29T10:00:00Z\",\"read\"]\n"
    /* 7: not UTF-8 */
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"li\xff\",\"item\":\"a\",\"status\":\"done\"}\n"
    /* 8: blank, not counted */
    "   \n"
    /* 9: a confirmation needs no status; a null value is none; the zone is converted */
    "{\"time\":\"2026-11-29T11:00:00+01:00\",\"kind\":\"confirmed\",\"platform\":\"linkedin\",\"item\":\"a\",\"value\":null}\n"
    /* 10: members in any order, unknown members ignored */
    "{\"status\":\"done\",\"extra\":1,\"item\":\"a\",\"platform\":\"linkedin\",\"kind\":\"read\",\"time\":\"2026-11-29T10:01:00Z\"}\n";
  static const guint bad_lines[] = { 1, 2, 3, 4, 5, 6, 7 };

  write_file (path, contents, sizeof contents - 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s, line %u: skipped*", path, bad_lines[i]);

      g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
    }
  history = load_history (file);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, G_N_ELEMENTS (bad_lines));

  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries->pdata[0], UNTRAIN_HISTORY_CONFIRMED, "linkedin", "a",
                "2026-11-29T10:00:00Z", UNTRAIN_STATUS_UNKNOWN, NULL);
  assert_entry (entries->pdata[1], UNTRAIN_HISTORY_READ, "linkedin", "a",
                "2026-11-29T10:01:00Z", UNTRAIN_STATUS_DONE, NULL);

  after = read_file (path, &after_length);
  g_assert_cmpmem (after, after_length, contents, sizeof contents - 1);
}

/* Found by fuzzing (tests/fuzz): json-glib parses nested lists by
 * recursion, so a line nested a million times deep overflowed the stack,
 * also with a double quote hidden in a single-quoted string, which
 * json-glib reads, from the check in front of it; or behind what json-glib
 * reads beyond JSON in its own ways: a comment (1.6 ends one at the next
 * slash) or a string it does not end at its quote ("\u1" takes the quote
 * in). And it read a line of two values as two documents, leaking one.
 * Such lines are skipped like any other damage; a value as deep as
 * anything may be still loads.
 */
static void
test_load_too_deep (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autofree char *path = get_history_path ();
  static const struct {
    const char *hiding;
    const char *problem;
  } deep_lines[] = {
    { "", "nested too deep" },
    { "'\"', ", "nested too deep" },
    { "\"\\\" [\", ", "nested too deep" },
    { "/* \" */ ", "a comment" },
    { "/* ends here/ ", "a comment" },
    { "\"\\u1\" \", ", "a backslash escape" },
  };
  static const char line_start[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"a\",\"status\":\"done\",\"value\":";
  guint line;

  for (guint i = 0; i < G_N_ELEMENTS (deep_lines); i++)
    {
      g_string_append (contents, line_start);
      g_string_append_c (contents, '[');
      g_string_append (contents, deep_lines[i].hiding);
      for (guint depth = 0; depth < 1000000; depth++)
        g_string_append_c (contents, '[');
      for (guint depth = 0; depth < 1000001; depth++)
        g_string_append_c (contents, ']');
      g_string_append (contents, "}\n");
    }

  /* Two values on one line: json-glib would keep the first, leak the other */
  g_string_append (contents, line_start);
  g_string_append (contents, "true} {\"value\":[1]}\n");

  /* The line itself and its value together nest 256 deep. */
  g_string_append (contents, line_start);
  for (guint depth = 0; depth < 255; depth++)
    g_string_append_c (contents, '[');
  for (guint depth = 0; depth < 255; depth++)
    g_string_append_c (contents, ']');
  g_string_append (contents, "}\n");

  write_file (path, contents->str, contents->len);

  for (line = 1; line <= G_N_ELEMENTS (deep_lines); line++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s, line %u: skipped, *%s*",
                                                  path, line, deep_lines[line - 1].problem);

      g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
    }
  {
    g_autofree char *pattern = g_strdup_printf ("*%s, line %u: skipped, more than one JSON value*", path, line);

    g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
  }
  history = load_history (file);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (untrain_history_get_n_skipped (history), ==, G_N_ELEMENTS (deep_lines) + 1);

  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_load_sorted (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = get_history_path ();
  static const char contents[] =
    "{\"time\":\"2026-12-01T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\",\"value\":1}\n"
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\",\"value\":2}\n"
    "{\"time\":\"2026-11-30T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\",\"value\":3}\n"
    "{\"time\":\"2026-11-30T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\",\"item\":\"a\",\"status\":\"done\",\"value\":4}\n";

  write_file (path, contents, -1);
  history = load_history (file);

  /* A clock set back: still oldest first, file order within a second */
  read_status (history, "a", "2026-11-29T12:00:00Z", UNTRAIN_STATUS_DONE);

  entries = untrain_history_get_entries (history, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (((UntrainHistoryEntry *)entries->pdata[0])->value, ==, "2");
  g_assert_cmpstr (((UntrainHistoryEntry *)entries->pdata[1])->value, ==, "false");
  g_assert_cmpstr (((UntrainHistoryEntry *)entries->pdata[2])->value, ==, "3");
  g_assert_cmpstr (((UntrainHistoryEntry *)entries->pdata[3])->value, ==, "4");
  g_assert_cmpstr (((UntrainHistoryEntry *)entries->pdata[4])->value, ==, "1");
}

static void
on_changed (UntrainHistory *history,
            const char     *platform_id,
            const char     *item_id,
            GString        *log)
{
  g_string_append_printf (log, "%s/%s;", platform_id != NULL ? platform_id : "*",
                          item_id != NULL ? item_id : "*");
}

static void
test_changed_signal (void)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = untrain_history_new (file);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_signal_connect (history, "changed", G_CALLBACK (on_changed), log);

  g_assert_true (untrain_history_load (history, &error));
  g_assert_no_error (error);
  read_status (history, "ai-training", "2026-11-29T10:00:00Z", UNTRAIN_STATUS_DONE);

  g_assert_cmpstr (log->str, ==, "*/*;linkedin/ai-training;");
}

/* A history of LinkedIn and the example, and the state of their forms. */
static UntrainHistory *
fill_record (UntrainStateStore *store)
{
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(GDateTime) confirmed_at = date_time ("2026-11-29T10:30:00Z");
  GDate date;

  read_status (history, "ai-training", "2026-12-02T08:00:00Z", UNTRAIN_STATUS_ACTION_NEEDED);
  append (history, UNTRAIN_HISTORY_CHANGE, "linkedin", "ai-training", "2026-12-03T09:15:00Z",
          UNTRAIN_STATUS_DONE, "false");
  read_status (history, "ai-training", "2026-12-04T09:00:00Z", UNTRAIN_STATUS_DONE);
  read_status (history, "ai-training", "2026-12-05T09:00:00Z", UNTRAIN_STATUS_DONE);
  read_status (history, "research-data", "2026-12-05T09:00:01Z", UNTRAIN_STATUS_NEEDS_SIGN_IN);
  append (history, UNTRAIN_HISTORY_READ, "linkedin", "microsoft-ads-sharing", "2026-12-05T09:00:02Z",
          UNTRAIN_STATUS_ACTION_NEEDED, "\"ENABLED\"");
  append (history, UNTRAIN_HISTORY_SUBMITTED, "linkedin", "objection-form", "2026-11-02T16:00:00Z",
          UNTRAIN_STATUS_UNKNOWN, NULL);
  append (history, UNTRAIN_HISTORY_CONFIRMED, "example", "switch", "2026-11-29T10:30:00Z",
          UNTRAIN_STATUS_DONE, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
  untrain_state_store_set_date (store, "linkedin", "objection-form", "submitted-on", &date);
  g_date_set_dmy (&date, 2, G_DATE_DECEMBER, 2026);
  untrain_state_store_set_date (store, "linkedin", "objection-form", "answer-due", &date);
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  untrain_state_store_set_date (store, "linkedin", "objection-form", "answer-received-on", &date);
  untrain_state_store_set_confirmed (store, "example", "switch", confirmed_at);

  return g_steal_pointer (&history);
}

static void
test_export_record (void)
{
  g_autoptr(UntrainCatalog) catalog = load_catalog ();
  g_autoptr(UntrainStateStore) store = new_store ();
  g_autoptr(UntrainHistory) history = fill_record (store);
  g_autoptr(GDateTime) now = date_time ("2026-11-29T14:03:00Z");
  g_autoptr(GPtrArray) entries = untrain_history_get_entries (history, NULL, NULL);
  g_autofree char *html = untrain_history_export_html (history, catalog, store, now);

  g_test_message ("%s", html);
  assert_self_contained (html);

  /* Dated, and says what it is */
  assert_contains (html, "<html lang=\"en\">");
  assert_contains (html, "<title>Untrain record of AI-training settings, 29 November 2026</title>");
  assert_contains (html, "<h1>Untrain record of AI-training settings, 29 November 2026</h1>");
  assert_contains (html, "<time datetime=\"2026-11-29T14:03:00Z\">Made on 29 November 2026, 14:03 UTC");
  assert_contains (html, "generated from the history that Untrain keeps on this computer");

  /* Every event, with its time in both forms and its setting's title */
  for (guint i = 0; i < entries->len; i++)
    {
      const UntrainHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *iso = g_date_time_format (entry->time, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *readable = g_date_time_format (entry->time, "%-d %B %Y, %H:%M UTC");
      g_autofree char *cell = g_strdup_printf ("<td><time datetime=\"%s\">%s<span class=\"iso\">%s</span></time></td>",
                                               iso, readable, iso);

      assert_contains (html, cell);
      assert_contains_escaped (html, item_title (catalog, entry->platform_id, entry->item_id));
    }
  /* A row for each event, form and confirmation; a header row for each
   * table: two platforms' events, LinkedIn's forms, the example's confirmation
   */
  g_assert_cmpuint (count_occurrences (html, "<tr>"), ==, entries->len + 1 + 1 + 4);

  /* What was found, in words, and the wire values */
  assert_contains (html, "<td>Checked by Untrain</td><td>On</td><td><code>true</code></td>");
  assert_contains (html, "<td>Changed by Untrain, then checked</td><td>Off</td><td><code>false</code></td>");
  assert_contains (html, "<td>Couldn’t check: Sign-in needed</td><td>—</td>");
  assert_contains (html, "<td><code>&quot;ENABLED&quot;</code></td>");
  assert_contains (html, "<td>Form sent by you</td><td>—</td><td>—</td>");
  assert_contains (html, "<td>Marked done by you</td><td>—</td><td>—</td>");

  /* "Off since …, verified N times" and what the last check found */
  assert_contains (html, "Off since 3 December 2026, verified 3 times");
  assert_contains (html, "On when last checked, 5 December 2026, 09:00 UTC");
  assert_contains (html, "Couldn’t check on 5 December 2026, 09:00 UTC: Sign-in needed");

  /* The form's dates and the person's confirmation from the state store */
  assert_contains (html, "<td><time datetime=\"2026-11-02\">2 November 2026</time></td>"
                         "<td><time datetime=\"2026-12-02\">2 December 2026</time></td>"
                         "<td><time datetime=\"2026-11-20\">20 November 2026</time></td>");
  assert_contains_escaped (html, item_title (catalog, "linkedin", "objection-form"));
  assert_contains (html, "<td>Turn off the switch</td><td><time datetime=\"2026-11-29T10:30:00Z\">"
                         "29 November 2026, 10:30 UTC");

  /* Platforms with something on record, in catalog order (by name); no others */
  assert_contains (html, "<h2>LinkedIn</h2>");
  assert_contains (html, "<h2>Example</h2>");
  g_assert_true (strstr (html, "<h2>Example</h2>") < strstr (html, "<h2>LinkedIn</h2>"));
  g_assert_cmpuint (count_occurrences (html, "<h2>"), ==, 2);
  g_assert_null (strstr (html, "Facebook"));

  /* No note about unreadable lines when there are none */
  g_assert_null (strstr (html, "could not be read"));
}

static void
test_export_form_only (void)
{
  g_autoptr(UntrainCatalog) catalog = load_catalog ();
  g_autoptr(UntrainStateStore) store = new_store ();
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(GDateTime) now = date_time ("2026-11-29T14:03:00Z");
  g_autofree char *html = NULL;
  GDate date;

  /* A form sent, and nothing checked: the platform is in the record */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
  untrain_state_store_set_date (store, "example", "form", "submitted-on", &date);

  html = untrain_history_export_html (history, catalog, store, now);
  assert_self_contained (html);
  assert_contains (html, "<h2>Example</h2>");
  assert_contains (html, "<td>Send the objection form</td>"
                         "<td><time datetime=\"2026-11-02\">2 November 2026</time></td><td>—</td><td>—</td>");
  g_assert_cmpuint (count_occurrences (html, "<h2>"), ==, 1);
  g_assert_null (strstr (html, "nothing on record"));
}

static void
test_export_hostile (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(UntrainPlatform) hostile = platform_from_json (hostile_json, "hostile.json");
  g_autoptr(UntrainStateStore) store = new_store ();
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GDateTime) now = date_time ("2026-11-29T14:03:00Z");
  g_autofree char *path = get_history_path ();
  g_autofree char *html = NULL;
  GDate date;
  /* Written by hand: a platform id no catalog knows, with markup */
  static const char contents[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"<img src=x onerror=alert(3)>\","
    "\"item\":\"</td><script src=\\\"https://evil.example/x.js\\\"></script>\",\"status\":\"done\","
    "\"value\":\"<link rel=stylesheet href=https://evil.example/x.css>\"}\n";

  untrain_catalog_add (catalog, hostile);
  write_file (path, contents, -1);
  history = load_history (file);

  append (history, UNTRAIN_HISTORY_READ, "hostile", "switch", "2026-11-29T11:00:00Z",
          UNTRAIN_STATUS_DONE, "\"<script>alert(2)</script> & more\"");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
  untrain_state_store_set_date (store, "hostile", "form", "submitted-on", &date);

  html = untrain_history_export_html (history, catalog, store, now);
  g_test_message ("%s", html);
  assert_self_contained (html);

  assert_contains (html, "<h2>Evil &lt;b&gt;Corp&lt;/b&gt; &amp; &quot;Co&quot;</h2>");
  assert_contains (html, "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert_contains (html, "<code>&quot;&lt;script&gt;alert(2)&lt;/script&gt; &amp; more&quot;</code>");
  assert_contains (html, "&lt;img src=&quot;https://tracker.example/pixel.png&quot;&gt;");
  assert_contains (html, "<h2>&lt;img src=x onerror=alert(3)&gt;</h2>");
  assert_contains (html, "&lt;/td&gt;&lt;script src=");
  assert_contains (html, "&lt;link rel=stylesheet");
  g_assert_null (strstr (html, "<b>"));
}

static void
test_export_empty (void)
{
  g_autoptr(UntrainCatalog) catalog = load_catalog ();
  g_autoptr(UntrainStateStore) store = new_store ();
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = load_history (file);
  g_autoptr(GDateTime) now = date_time ("2026-11-29T23:59:59+00:00");
  g_autofree char *html = untrain_history_export_html (history, catalog, store, now);
  g_autofree char *without_store = untrain_history_export_html (history, catalog, NULL, now);

  assert_self_contained (html);
  assert_contains (html, "<title>Untrain record of AI-training settings, 29 November 2026</title>");
  assert_contains (html, "There is nothing on record yet: Untrain has not checked or changed any setting, "
                         "and no form submission or answer has been entered.");
  g_assert_null (strstr (html, "<section>"));
  g_assert_null (strstr (html, "<table>"));

  g_assert_cmpstr (without_store, ==, html);
}

static void
test_export_skipped_note (void)
{
  g_autoptr(UntrainCatalog) catalog = load_catalog ();
  g_autoptr(GFile) file = get_history_file ();
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GDateTime) now = date_time ("2026-11-29T14:03:00Z");
  g_autofree char *path = get_history_path ();
  g_autofree char *html = NULL;
  g_autofree char *pattern = NULL;
  static const char contents[] =
    "{\"time\":\"2026-11-29T10:00:00Z\",\"kind\":\"read\",\"platform\":\"linkedin\","
    "\"item\":\"ai-training\",\"status\":\"done\",\"value\":false}\n"
    "{\"time\":\"2026-11-29T11:00:00Z\",\"kind\":\"re";

  write_file (path, contents, -1);
  pattern = g_strdup_printf ("*%s, line 2: skipped*", path);
  g_test_expect_message ("untrain-history", G_LOG_LEVEL_WARNING, pattern);
  history = load_history (file);
  g_test_assert_expected_messages ();

  html = untrain_history_export_html (history, catalog, NULL, now);
  assert_self_contained (html);
  assert_contains (html, "<p class=\"note\">1 line of the history could not be read");
  assert_contains (html, "Off since 29 November 2026, verified 1 time<");
}

static char *
find_test_binary (const char *argv0)
{
  if (g_path_is_absolute (argv0))
    return g_strdup (argv0);

  if (strchr (argv0, G_DIR_SEPARATOR) != NULL)
    return g_canonicalize_filename (argv0, NULL);

  return g_find_program_in_path (argv0);
}

int
main (int   argc,
      char *argv[])
{
  const char *writer_path = g_getenv (APPEND_WRITER_ENV);
  int result;

  if (writer_path != NULL)
    run_append_writer (writer_path, g_getenv (APPEND_WRITER_ITEM_ENV));

  test_binary = find_test_binary (argv[0]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/default-file", test_default_file);
  g_test_add_func ("/history/load/missing-file", test_missing_file);
  g_test_add_func ("/history/load/unreadable", test_unreadable);
  g_test_add_func ("/history/load/damaged", test_load_damaged);
  g_test_add_func ("/history/load/invalid-fields", test_load_invalid_fields);
  g_test_add_func ("/history/load/too-deep", test_load_too_deep);
  g_test_add_func ("/history/load/sorted", test_load_sorted);
  g_test_add_func ("/history/round-trip", test_round_trip);
  g_test_add_func ("/history/changed-signal", test_changed_signal);
  g_test_add_func ("/history/append/mode-and-directory", test_mode_and_directory);
  g_test_add_func ("/history/append/fails", test_append_fails);
  g_test_add_func ("/history/append/after-torn-line", test_append_after_torn_line);
  g_test_add_func ("/history/append/concurrent", test_append_concurrent);
  g_test_add_func ("/history/entries/filter", test_entries_filter);
  g_test_add_func ("/history/off-since/sequence", test_off_since_sequence);
  g_test_add_func ("/history/off-since/only-confirmed", test_off_since_only_confirmed);
  g_test_add_func ("/history/export/record", test_export_record);
  g_test_add_func ("/history/export/form-only", test_export_form_only);
  g_test_add_func ("/history/export/hostile", test_export_hostile);
  g_test_add_func ("/history/export/empty", test_export_empty);
  g_test_add_func ("/history/export/skipped-note", test_export_skipped_note);

  result = g_test_run ();
  g_free (test_binary);

  return result;
}
