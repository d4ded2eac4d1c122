/* test-command-line.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* Runs the real `untrain` binary as a person or a script would, without a
 * display, and reads what it prints: JSON parsed, never grepped.
 */

typedef struct
{
  int   exit_status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_untrain_with_env (Run                *run,
                      const char * const *env,
                      ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("UNTRAIN_BINARY"));
  va_start (args, env);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* No display at all: the command line must never initialise GTK, which
   * would fail here with GDK_BACKEND=x11 and no DISPLAY.
   */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  /* The isolated folders of this test case, which GLib keeps to itself. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);

  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    {
      if (env[i + 1] != NULL)
        g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, env[i]);
    }

  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (subprocess, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (subprocess));

  run->exit_status = g_subprocess_get_exit_status (subprocess);
}

#define run_untrain(run, ...) run_untrain_with_env (run, NULL, __VA_ARGS__)

static JsonObject *
parse_report (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
find_platform (JsonObject *report,
               const char *platform_id)
{
  JsonArray *platforms = json_object_get_array_member (report, "platforms");

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);

      if (g_str_equal (json_object_get_string_member (platform, "id"), platform_id))
        return platform;
    }

  g_assert_not_reached ();
}

static JsonObject *
find_item (JsonObject *report,
           const char *platform_id,
           const char *item_id)
{
  JsonArray *items = json_object_get_array_member (find_platform (report, platform_id), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), item_id))
        return item;
    }

  g_assert_not_reached ();
}

static void
test_json_germany_adult (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  static const char * const keys[] = {
    "id", "kind", "title", "status", "evidence", "checked_at",
    "applies", "since", "reason", "url", NULL
  };
  JsonArray *platforms;
  JsonObject *linkedin;
  JsonObject *item;

  run_untrain (&run, "--status", "--json", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  g_assert_cmpstr (json_object_get_string_member (report, "country"), ==, "DE");
  g_assert_cmpint (json_object_get_int_member (report, "age"), ==, 30);

  /* The person's platforms (LinkedIn by default) come first. */
  platforms = json_object_get_array_member (report, "platforms");
  g_assert_cmpuint (json_array_get_length (platforms), >=, 6);
  linkedin = json_array_get_object_element (platforms, 0);
  g_assert_cmpstr (json_object_get_string_member (linkedin, "id"), ==, "linkedin");
  g_assert_cmpstr (json_object_get_string_member (linkedin, "name"), ==, "LinkedIn");
  g_assert_false (json_object_get_boolean_member (linkedin, "signed_in"));

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (platforms, i), "items");

      for (guint j = 0; j < json_array_get_length (items); j++)
        for (guint k = 0; keys[k] != NULL; k++)
          g_assert_true (json_object_has_member (json_array_get_object_element (items, j), keys[k]));
    }

  item = find_item (report, "linkedin", "ai-training");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "toggle");
  g_assert_true (json_object_get_boolean_member (item, "applies"));
  g_assert_cmpstr (json_object_get_string_member (item, "since"), ==, "2025-11-03");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "action-needed");
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "derived");
  g_assert_true (json_object_get_null_member (item, "checked_at"));
  g_assert_cmpstr (json_object_get_string_member (item, "reason"), ==,
                   "Applies since 3 November 2025 in Germany");
  g_assert_cmpstr (json_object_get_string_member (item, "url"), ==,
                   "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement");

  item = find_item (report, "linkedin", "microsoft-ads-sharing");
  g_assert_false (json_object_get_boolean_member (item, "applies"));
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "not-applicable");
  g_assert_true (json_object_get_null_member (item, "since"));

  item = find_item (report, "linkedin", "not-retroactive");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "info");
}

static void
test_json_under_18 (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  JsonObject *item;

  run_untrain (&run, "--status", "--json", "--country=DE", "--age=16", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  item = find_item (report, "linkedin", "ai-training");
  g_assert_false (json_object_get_boolean_member (item, "applies"));
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "not-applicable");
  g_assert_true (json_object_get_null_member (item, "since"));
  g_assert_cmpstr (json_object_get_string_member (item, "reason"), ==,
                   "Not applicable: LinkedIn excludes members under 18");
}

static void
test_json_united_states (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  JsonObject *item;

  run_untrain (&run, "--status", "--json", "--country=US", "--age=30", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  item = find_item (report, "linkedin", "ai-training");
  g_assert_true (json_object_get_boolean_member (item, "applies"));
  g_assert_cmpstr (json_object_get_string_member (item, "since"), ==, "2024-09-18");

  item = find_item (report, "linkedin", "microsoft-ads-sharing");
  g_assert_true (json_object_get_boolean_member (item, "applies"));
  g_assert_cmpstr (json_object_get_string_member (item, "since"), ==, "2025-11-03");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "action-needed");
}

static void
test_country_aliases (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) report = NULL;

  run_untrain (&run, "--status", "--json", "--country=uk", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  g_assert_cmpstr (json_object_get_string_member (report, "country"), ==, "GB");
  g_assert_true (json_object_get_null_member (report, "age"));
}

static void
test_country_from_locale (void)
{
  static const char * const env[] = {
    "LC_ALL", NULL, "LC_MESSAGES", NULL, "LANG", "fr_CA.UTF-8", "TZ", "Europe/Berlin", NULL
  };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) report = NULL;

  run_untrain_with_env (&run, env, "--status", "--json", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  g_assert_cmpstr (json_object_get_string_member (report, "country"), ==, "CA");
}

static void
test_bad_arguments (void)
{
  static const char * const bad[][2] = {
    { "--country=XX", "ISO 3166-1" },
    { "--country=Germany", "ISO 3166-1" },
    { "--age=-3", "whole number" },
    { "--age=abc", "whole number" },
    { "--age=", "whole number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_untrain (&run, "--status", "--json", bad[i][0], NULL);
      g_assert_cmpint (run.exit_status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, bad[i][1]));
    }
}

static void
test_options_without_status (void)
{
  g_auto(Run) run = { 0 };

  run_untrain (&run, "--json", NULL);
  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--status"));
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_untrain (&run, "--version", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==, "untrain " PACKAGE_VERSION "\n");
}

static void
test_text (void)
{
  g_auto(Run) run = { 0 };

  run_untrain (&run, "--status", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "For someone aged 30 in Germany\n"));
  g_assert_nonnull (strstr (run.out, "\nLinkedIn: 0 of 3 done\n"));
  g_assert_nonnull (strstr (run.out, "Applies since 3 November 2025 in Germany"));
  g_assert_nonnull (strstr (run.out, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"));
}

static void
test_bad_override_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "untrain", "platforms", NULL);
  g_autofree char *path = g_build_filename (dir, "linkedin.json", NULL);
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *item;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path,
                       "{ \"id\": \"linkedin\", \"name\": \"LinkedIn\","
                       "  \"homepage\": \"https://www.linkedin.com\","
                       "  \"items\": [ { \"id\": \"x\", \"kind\": \"video\" } ] }",
                       -1, &error);
  g_assert_no_error (error);

  run_untrain (&run, "--status", "--json", "--country=DE", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "items[0].kind"));

  /* The built-in LinkedIn is still there. */
  report = parse_report (run.out);
  item = find_item (report, "linkedin", "ai-training");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "action-needed");

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_stored_state (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "untrain", NULL);
  g_autofree char *path = g_build_filename (dir, "state.ini", NULL);
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *item;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path,
                       "[linkedin/ai-training]\n"
                       "confirmed-at=2026-11-20T10:00:00Z\n",
                       -1, &error);
  g_assert_no_error (error);

  run_untrain (&run, "--status", "--json", "--country=DE", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);

  report = parse_report (run.out);
  item = find_item (report, "linkedin", "ai-training");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (item, "checked_at"), ==, "2026-11-20T10:00:00Z");

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_corrupt_state (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "untrain", NULL);
  g_autofree char *path = g_build_filename (dir, "state.ini", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  const char *name;
  guint n_aside = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "[linkedin/ai-training\nconfirmed-at=\xff\xfe\n", -1, &error);
  g_assert_no_error (error);

  run_untrain (&run, "--status", "--json", "--country=DE", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.err, "state.ini.corrupt-"));

  report = parse_report (run.out);
  g_assert_cmpstr (json_object_get_string_member (find_item (report, "linkedin", "ai-training"), "status"),
                   ==, "action-needed");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *aside = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_str_has_prefix (name, "state.ini.corrupt-"));
      g_file_get_contents (aside, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, "[linkedin/ai-training\nconfirmed-at=\xff\xfe\n");
      g_remove (aside);
      n_aside++;
    }
  g_assert_cmpuint (n_aside, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/command-line/status/json-germany-adult", test_json_germany_adult);
  g_test_add_func ("/command-line/status/json-under-18", test_json_under_18);
  g_test_add_func ("/command-line/status/json-united-states", test_json_united_states);
  g_test_add_func ("/command-line/status/country-aliases", test_country_aliases);
  g_test_add_func ("/command-line/status/country-from-locale", test_country_from_locale);
  g_test_add_func ("/command-line/status/text", test_text);
  g_test_add_func ("/command-line/status/bad-override-file", test_bad_override_file);
  g_test_add_func ("/command-line/status/stored-state", test_stored_state);
  g_test_add_func ("/command-line/status/corrupt-state", test_corrupt_state);
  g_test_add_func ("/command-line/bad-arguments", test_bad_arguments);
  g_test_add_func ("/command-line/options-without-status", test_options_without_status);
  g_test_add_func ("/command-line/version", test_version);

  return g_test_run ();
}
