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

#include "fake-linkedin.h"
#include "untrain-status-report.h"

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
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
run_untrain_full (Run                *run,
                  const char * const *env,
                  const char         *input,
                  va_list             args);

static void
run_untrain_with_env (Run                *run,
                      const char * const *env,
                      ...)
{
  va_list args;

  va_start (args, env);
  run_untrain_full (run, env, NULL, args);
  va_end (args);
}

/* Runs untrain with @input on its standard input, while this process's
 * main loop turns, so that a fake server here can answer it.
 */
static void
run_untrain_with_input (Run                *run,
                        const char * const *env,
                        const char         *input,
                        ...)
{
  va_list args;

  va_start (args, input);
  run_untrain_full (run, env, input, args);
  va_end (args);
}

static void
run_untrain_full (Run                *run,
                  const char * const *env,
                  const char         *input,
                  va_list             args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer)g_getenv ("UNTRAIN_BINARY"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
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

  g_subprocess_communicate_utf8_async (subprocess, input != NULL ? input : "", NULL,
                                       communicate_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (subprocess, result, &run->out, &run->err, &error);
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
    "LC_ALL", NULL, "LC_MESSAGES", NULL, "LANG", "fr_CA.UTF-8", "TZ", "Europe/Berlin",
    "LC_ADDRESS", NULL, "LC_TELEPHONE", NULL, "LC_MONETARY", NULL, "LC_PAPER", NULL,
    "LC_MEASUREMENT", NULL, "LC_TIME", NULL, "LC_NUMERIC", NULL,
    NULL
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

/* The command line is answered before the window's module is loaded,
 * and a missing module is said plainly.
 */
static void
test_without_window (void)
{
  g_autofree char *empty_dir = g_dir_make_tmp ("untrain-no-window-XXXXXX", NULL);
  const char * const env[] = { "UNTRAIN_WINDOW_MODULE_DIR", empty_dir, NULL };
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) status = { 0 };
  g_auto(Run) window = { 0 };

  g_assert_nonnull (empty_dir);

  run_untrain_with_env (&version, env, "--version", NULL);
  g_assert_cmpint (version.exit_status, ==, 0);
  g_assert_cmpstr (version.out, ==, "untrain " PACKAGE_VERSION "\n");

  run_untrain_with_env (&help, env, "--help", NULL);
  g_assert_cmpint (help.exit_status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Keep your data out of AI training."));
  g_assert_nonnull (strstr (help.out, "--status"));
  g_assert_nonnull (strstr (help.out, "--import-cookies=PLATFORM"));

  run_untrain_with_env (&status, env, "--status", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (status.exit_status, ==, 0);
  g_assert_nonnull (strstr (status.out, "\nLinkedIn: 0 of 3 done\n"));

  run_untrain_with_env (&window, env, NULL);
  g_assert_cmpint (window.exit_status, ==, 1);
  g_assert_cmpstr (window.out, ==, "");
  g_assert_nonnull (strstr (window.err, "Could not load Untrain’s window"));
  g_assert_nonnull (strstr (window.err, empty_dir));

  g_assert_no_errno (g_rmdir (empty_dir));
}

/* Without its live module (the keyring, the providers), `untrain` still
 * answers what needs no account, and where one is needed says what is
 * missing; likewise for a module that cannot be loaded, and for one of
 * another version. --check only reads, and the session bus given is not
 * there: were the module found anyway, no keyring would be touched.
 */
static void
test_without_live (void)
{
  g_autofree char *module_dir = g_dir_make_tmp ("untrain-no-live-XXXXXX", NULL);
  g_autofree char *module = NULL;
  g_autoptr(GError) error = NULL;
  const char * const env[] = {
    "UNTRAIN_LIVE_MODULE_DIR", module_dir,
    "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent",
    NULL
  };
  g_auto(Run) status = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) damaged = { 0 };
  const char * const other_version_env[] = {
    "UNTRAIN_LIVE_MODULE_DIR", OTHER_VERSION_LIVE_MODULE_DIR,
    "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent",
    NULL
  };
  g_auto(Run) other_version = { 0 };

  g_assert_nonnull (module_dir);
  module = g_build_filename (module_dir, "untrain-live.so", NULL);

  run_untrain_with_env (&status, env, "--status", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (status.exit_status, ==, 0);
  g_assert_nonnull (strstr (status.out, "\nLinkedIn: 0 of 3 done\n"));
  g_assert_cmpstr (status.err, ==, "");

  run_untrain_with_env (&missing, env, "--check", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (missing.exit_status, ==, UNTRAIN_REPORT_ERRORS);
  g_assert_nonnull (strstr (missing.err, "Untrain can’t work with your accounts"));
  g_assert_nonnull (strstr (missing.err, module));
  g_assert_nonnull (strstr (missing.err, "is missing; install Untrain again"));
  g_assert_null (strstr (missing.err, "keyring"));

  /* Not a module at all, as a broken download would leave it. */
  g_file_set_contents (module, "not a shared object", -1, &error);
  g_assert_no_error (error);

  run_untrain_with_env (&damaged, env, "--check", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (damaged.exit_status, ==, UNTRAIN_REPORT_ERRORS);
  g_assert_nonnull (strstr (damaged.err, module));
  g_assert_nonnull (strstr (damaged.err, "could not be loaded; install Untrain again"));
  g_assert_null (strstr (damaged.err, "keyring"));

  g_assert_no_errno (g_remove (module));
  g_assert_no_errno (g_rmdir (module_dir));

  /* Left from another version, as a mixed install would leave it */
  run_untrain_with_env (&other_version, other_version_env, "--check", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (other_version.exit_status, ==, UNTRAIN_REPORT_ERRORS);
  g_assert_nonnull (strstr (other_version.err, OTHER_VERSION_LIVE_MODULE_DIR "/untrain-live.so"));
  g_assert_nonnull (strstr (other_version.err, "is not from Untrain " PACKAGE_VERSION "; install Untrain again"));
  g_assert_null (strstr (other_version.err, "keyring"));
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

/* The live calls store a real "linkedin" session: only in the throwaway
 * keyring that build-aux/test starts, never in a person's own.
 */
static gboolean
have_throwaway_keyring (void)
{
  if (g_getenv ("UNTRAIN_TEST_THROWAWAY_KEYRING") != NULL)
    return TRUE;

  g_test_skip ("Needs the throwaway keyring of build-aux/test: this test stores a LinkedIn session");
  return FALSE;
}

static void
assert_no_secret (FakeLinkedin *server,
                  const char   *text)
{
  const char * const *secrets = fake_linkedin_get_secrets (server);

  for (guint i = 0; secrets[i] != NULL; i++)
    g_assert_null (strstr (text, secrets[i]));
}

/* No secret in any file Untrain keeps. */
static void
assert_no_secret_in_files (FakeLinkedin *server,
                           const char   *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_no_secret_in_files (server, path);
      else if (g_file_get_contents (path, &contents, NULL, NULL))
        assert_no_secret (server, contents);
    }
}

static JsonObject *
run_report (Run                *run,
            const char * const *env,
            const char         *call,
            int                 exit_status)
{
  run_untrain_with_input (run, env, NULL, call, "--json", "--country=DE", "--age=30", NULL);
  g_assert_cmpint (run->exit_status, ==, exit_status);

  return parse_report (run->out);
}

static void
test_live (void)
{
  g_autoptr(FakeLinkedin) server = fake_linkedin_new ();
  g_autofree char *cookie_line = NULL;
  const char *env[] = {
    "UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server),
    "UNTRAIN_HTTP_TIMEOUT", "2",
    "GIO_USE_PROXY_RESOLVER", "dummy",
    "G_MESSAGES_DEBUG", "all",
    NULL
  };
  JsonObject *item;

  if (!have_throwaway_keyring ())
    return;

  fake_linkedin_set_profile (server, "Ada", "Lovelace");
  cookie_line = g_strdup_printf ("Cookie: %s\n", fake_linkedin_get_cookies (server));

  /* Connect, as a script would. */
  {
    g_auto(Run) run = { 0 };

    run_untrain_with_input (&run, env, cookie_line, "--import-cookies=linkedin", NULL);
    g_assert_cmpint (run.exit_status, ==, 0);
    g_assert_cmpstr (run.out, ==, "Connected to LinkedIn as Ada Lovelace\n");
    assert_no_secret (server, run.err);
  }

  /* --status knows who is connected, without asking LinkedIn. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) report = NULL;
    guint n_requests = fake_linkedin_get_n_requests (server);

    report = run_report (&run, env, "--status", 0);
    g_assert_true (json_object_get_boolean_member (find_platform (report, "linkedin"), "signed_in"));
    g_assert_cmpuint (fake_linkedin_get_n_requests (server), ==, n_requests);
  }

  /* --check reads the switches: on, so there is something to do. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) report = run_report (&run, env, "--check", 1);

    item = find_item (report, "linkedin", "ai-training");
    g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "action-needed");
    g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "live");
    g_assert_false (json_object_get_null_member (item, "checked_at"));
    assert_no_secret (server, run.out);
    assert_no_secret (server, run.err);
  }

  /* --apply turns them off and reads them back. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) report = run_report (&run, env, "--apply", 1);

    g_assert_false (fake_linkedin_get_setting_on (server, FAKE_LINKEDIN_AI_TRAINING_KEY));
    g_assert_false (fake_linkedin_get_setting_on (server, FAKE_LINKEDIN_RESEARCH_KEY));
    /* Not in Germany: never touched. */
    g_assert_true (fake_linkedin_get_setting_on (server, FAKE_LINKEDIN_ADS_SHARING_KEY));

    item = find_item (report, "linkedin", "ai-training");
    g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
    g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "live");
    /* The objection form is the person's to send: still to do. */
    item = find_item (report, "linkedin", "objection-form");
    g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "action-needed");
  }

  /* Offline: what was known, and exit 2. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) report = NULL;

    fake_linkedin_set_slow_ms (server, 4000);
    fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SLOW);
    fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_SLOW);

    report = run_report (&run, env, "--check", 2);
    g_assert_nonnull (strstr (run.err, "Can’t reach LinkedIn"));
    item = find_item (report, "linkedin", "ai-training");
    g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
  }

  /* The session ended: sign in again. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonObject) report = NULL;

    fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_LOGIN_REDIRECT);
    fake_linkedin_set_page_mode (server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_UNAUTHORIZED);

    report = run_report (&run, env, "--check", 1);
    item = find_item (report, "linkedin", "ai-training");
    g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "needs-sign-in");
  }

  /* Nothing Untrain keeps holds the session. */
  assert_no_secret_in_files (server, g_get_user_state_dir ());
  assert_no_secret_in_files (server, g_get_user_config_dir ());
  assert_no_secret_in_files (server, g_get_user_data_dir ());

  /* Sign out: the keyring forgets it, and nothing is read any more. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) check = { 0 };
    g_autoptr(JsonObject) report = NULL;
    guint n_requests;

    run_untrain_with_input (&run, env, NULL, "--sign-out=linkedin", NULL);
    g_assert_cmpint (run.exit_status, ==, 0);
    g_assert_cmpstr (run.out, ==, "Signed out of LinkedIn\n");

    n_requests = fake_linkedin_get_n_requests (server);
    report = run_report (&check, env, "--check", 1);
    g_assert_false (json_object_get_boolean_member (find_platform (report, "linkedin"), "signed_in"));
    g_assert_cmpuint (fake_linkedin_get_n_requests (server), ==, n_requests);
  }
}

static void
test_import_refused (void)
{
  g_autoptr(FakeLinkedin) server = fake_linkedin_new ();
  const char *env[] = {
    "UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server),
    "GIO_USE_PROXY_RESOLVER", "dummy",
    NULL
  };

  if (!have_throwaway_keyring ())
    return;

  /* Not cookies at all. */
  {
    g_auto(Run) run = { 0 };

    run_untrain_with_input (&run, env, "hello\n", "--import-cookies=linkedin", NULL);
    g_assert_cmpint (run.exit_status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "“Cookie:” line"));
  }

  /* A session LinkedIn does not take: nothing is stored. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) status = { 0 };
    g_autoptr(JsonObject) report = NULL;

    run_untrain_with_input (&run, env, "li_at=expired; JSESSIONID=\"ajax:0\"\n", "--import-cookies=linkedin", NULL);
    g_assert_cmpint (run.exit_status, ==, 2);
    g_assert_null (strstr (run.err, "expired"));

    report = run_report (&status, env, "--status", 0);
    g_assert_false (json_object_get_boolean_member (find_platform (report, "linkedin"), "signed_in"));
  }

  /* A platform with no live checks, and one Untrain does not know. */
  {
    g_auto(Run) run = { 0 };
    g_auto(Run) unknown = { 0 };

    run_untrain_with_input (&run, env, "a=b\n", "--import-cookies=facebook", NULL);
    g_assert_cmpint (run.exit_status, ==, 2);
    run_untrain_with_input (&unknown, env, NULL, "--sign-out=myspace", NULL);
    g_assert_cmpint (unknown.exit_status, ==, 2);
    g_assert_nonnull (strstr (unknown.err, "myspace"));
  }
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
  g_test_add_func ("/command-line/without-window", test_without_window);
  g_test_add_func ("/command-line/without-live", test_without_live);
  g_test_add_func ("/command-line/live", test_live);
  g_test_add_func ("/command-line/import-refused", test_import_refused);

  return g_test_run ();
}
