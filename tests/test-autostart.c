/* test-autostart.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "untrain-autostart.h"

/* The reminder's autostart file in a config folder of each test's own:
 * written when reminders are on, valid for desktop-file-validate, removed
 * when they are off, and nothing else in the folder touched.
 */

static char *
get_path (void)
{
  g_autoptr(GFile) file = untrain_autostart_get_file ();

  return g_file_get_path (file);
}

static char *
get_autostart_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", NULL);
}

/* What desktop-file-validate says: nothing, when the file is right. */
static void
assert_valid (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("desktop-file-validate");
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("desktop-file-validate is not installed");
      return;
    }

  g_spawn_sync (NULL, (char *[]) { program, (char *)path, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (standard_output, ==, "");
  g_assert_cmpstr (standard_error, ==, "");
}

static void
assert_is_reminder_entry (const char *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  type = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  name = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Name", NULL);
  g_assert_cmpstr (name, ==, "Untrain Reminders");
  exec = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Exec", NULL);
  g_assert_cmpstr (exec, ==, LIBEXECDIR "/untrain-reminder");
  icon = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, "Icon", NULL);
  g_assert_cmpstr (icon, ==, "io.github.untrain.Untrain");
  g_assert_true (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "NoDisplay", NULL));
  g_assert_true (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "Comment", NULL));
  /* Every desktop starts it, not only GNOME */
  g_assert_false (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "OnlyShowIn", NULL));
  g_assert_false (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "NotShowIn", NULL));
  g_assert_false (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "Hidden", NULL));
}

/* Every file under the config folder, with its content */
static void
list_tree (GHashTable *files,
           const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *content = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_hash_table_insert (files, g_strconcat (path, "/", NULL), g_strdup (""));
          list_tree (files, path);
        }
      else
        {
          g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
          g_hash_table_insert (files, g_strdup (path), content);
        }
    }
}

static GHashTable *
snapshot_config (void)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  list_tree (files, g_get_user_config_dir ());

  return files;
}

static void
assert_same_files (GHashTable *expected,
                   GHashTable *actual)
{
  GHashTableIter iter;
  gpointer path;
  gpointer content;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &path, &content))
    {
      g_assert_true (g_hash_table_contains (actual, path));
      g_assert_cmpstr (g_hash_table_lookup (actual, path), ==, content);
    }
  g_assert_cmpuint (g_hash_table_size (actual), ==, g_hash_table_size (expected));
}

/* The configuration folder holds what it held at @before */
static void
assert_config_unchanged (GHashTable *before)
{
  g_autoptr(GHashTable) now = snapshot_config ();

  assert_same_files (before, now);
}

static void
use_template (gboolean installed)
{
  if (installed)
    g_setenv ("UNTRAIN_AUTOSTART_TEMPLATE", REMINDER_DESKTOP_FILE, TRUE);
  else
    g_setenv ("UNTRAIN_AUTOSTART_TEMPLATE", "/nonexistent/untrain/" UNTRAIN_AUTOSTART_FILE_NAME, TRUE);
}

static void
test_enable_writes_valid_file (gconstpointer data)
{
  gboolean from_template = GPOINTER_TO_INT (data);
  g_autofree char *path = get_path ();
  g_autofree char *expected_path = NULL;
  g_autoptr(GError) error = NULL;

  use_template (from_template);

  expected_path = g_build_filename (g_get_user_config_dir (), "autostart",
                                    "io.github.untrain.Untrain.Reminder.desktop", NULL);
  g_assert_cmpstr (path, ==, expected_path);

  g_assert_false (untrain_autostart_is_enabled ());
  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (untrain_autostart_is_enabled ());
  assert_is_reminder_entry (path);
  assert_valid (path);

  if (from_template)
    {
      g_autofree char *written = NULL;
      g_autofree char *template = NULL;

      g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
      g_assert_true (g_file_get_contents (REMINDER_DESKTOP_FILE, &template, NULL, NULL));
      g_assert_cmpstr (written, ==, template);
    }
}

static void
test_disable_removes_file (void)
{
  g_autofree char *path = get_path ();
  g_autofree char *autostart_dir = get_autostart_dir ();
  g_autoptr(GError) error = NULL;

  use_template (TRUE);

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (untrain_autostart_is_enabled ());

  /* The folder is the session's: it stays */
  g_assert_true (g_file_test (autostart_dir, G_FILE_TEST_IS_DIR));
}

static void
test_idempotent (void)
{
  g_autofree char *path = get_path ();
  g_autoptr(GHashTable) after_first = NULL;
  g_autoptr(GHashTable) after_second = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf first_stat;
  GStatBuf second_stat;

  use_template (TRUE);

  /* Off when it is already off: nothing to do, no error */
  before = snapshot_config ();
  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  assert_config_unchanged (before);

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  after_first = snapshot_config ();
  g_assert_cmpint (g_stat (path, &first_stat), ==, 0);

  /* On again: the same file, not even rewritten */
  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  after_second = snapshot_config ();
  assert_same_files (after_first, after_second);
  g_assert_cmpint (g_stat (path, &second_stat), ==, 0);
  g_assert_cmpuint (first_stat.st_ino, ==, second_stat.st_ino);

  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Other programs' autostart files, and everything else in the config
 * folder, stay as they were; no temporary file is left behind.
 */
static void
test_no_other_files_touched (void)
{
  g_autofree char *autostart_dir = get_autostart_dir ();
  g_autofree char *other = g_build_filename (autostart_dir, "org.example.Other.desktop", NULL);
  g_autofree char *settings = g_build_filename (g_get_user_config_dir (), "untrain.ini", NULL);
  g_autofree char *path = get_path ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) enabled = NULL;
  g_autoptr(GError) error = NULL;

  use_template (TRUE);

  g_assert_cmpint (g_mkdir_with_parents (autostart_dir, 0700), ==, 0);
  g_file_set_contents (other, "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (settings, "[x]\ny=1\n", -1, &error);
  g_assert_no_error (error);
  before = snapshot_config ();

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);

  /* What was there, and one file more */
  enabled = snapshot_config ();
  g_assert_cmpuint (g_hash_table_size (enabled), ==, g_hash_table_size (before) + 1);
  g_assert_true (g_hash_table_contains (enabled, path));
  g_hash_table_remove (enabled, path);
  assert_same_files (before, enabled);

  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  assert_config_unchanged (before);
}

/* The session's own settings may hide the file or turn it off: that is
 * off. Turning reminders on makes it start again.
 */
static void
test_turned_off_by_session (gconstpointer data)
{
  const char *line = data;
  g_autofree char *path = get_path ();
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;

  use_template (TRUE);

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_clear_pointer (&content, g_free);

  content = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Untrain Reminders\n"
                             "Exec=untrain-reminder\n%s\n", line);
  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  g_assert_false (untrain_autostart_is_enabled ());

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (untrain_autostart_is_enabled ());
  assert_is_reminder_entry (path);
}

/* Whatever damaged the file, turning reminders on writes it right. */
static void
test_damaged_file_replaced (void)
{
  g_autofree char *autostart_dir = get_autostart_dir ();
  g_autofree char *path = get_path ();
  g_autoptr(GError) error = NULL;

  use_template (FALSE);

  g_assert_cmpint (g_mkdir_with_parents (autostart_dir, 0700), ==, 0);
  g_file_set_contents (path, "\xff\xfe not a desktop entry", -1, &error);
  g_assert_no_error (error);
  g_assert_false (untrain_autostart_is_enabled ());

  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (untrain_autostart_is_enabled ());
  assert_is_reminder_entry (path);
  assert_valid (path);
}

/* A template that is not a desktop entry is not copied: the file is
 * written from Untrain's own strings.
 */
static void
test_broken_template (void)
{
  g_autofree char *template = g_build_filename (g_get_user_data_dir (), "broken.desktop", NULL);
  g_autofree char *path = get_path ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_file_set_contents (template, "Name=No group\n", -1, &error);
  g_assert_no_error (error);
  g_setenv ("UNTRAIN_AUTOSTART_TEMPLATE", template, TRUE);

  g_test_expect_message ("untrain-autostart", G_LOG_LEVEL_WARNING, "*is not a desktop entry*");
  g_assert_true (untrain_autostart_set_enabled (TRUE, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  assert_is_reminder_entry (path);
  assert_valid (path);
}

/* Where the file cannot go, a message the person can act on, and
 * nothing half done.
 */
static void
test_cannot_write (void)
{
  g_autofree char *autostart_dir = get_autostart_dir ();
  g_autoptr(GError) error = NULL;

  use_template (TRUE);

  /* A file where the folder should be */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (autostart_dir, "", -1, &error);
  g_assert_no_error (error);

  g_assert_false (untrain_autostart_set_enabled (TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "Reminders cannot start at login"));
  g_assert_false (untrain_autostart_is_enabled ());
  g_assert_true (g_file_test (autostart_dir, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* Off: there is no file to remove, so it is off */
  g_assert_true (untrain_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/autostart/enable-writes-valid-file/template",
                        GINT_TO_POINTER (TRUE), test_enable_writes_valid_file);
  g_test_add_data_func ("/autostart/enable-writes-valid-file/generated",
                        GINT_TO_POINTER (FALSE), test_enable_writes_valid_file);
  g_test_add_func ("/autostart/disable-removes-file", test_disable_removes_file);
  g_test_add_func ("/autostart/idempotent", test_idempotent);
  g_test_add_func ("/autostart/no-other-files-touched", test_no_other_files_touched);
  g_test_add_data_func ("/autostart/turned-off-by-session/hidden",
                        "Hidden=true", test_turned_off_by_session);
  g_test_add_data_func ("/autostart/turned-off-by-session/gnome",
                        "X-GNOME-Autostart-enabled=false", test_turned_off_by_session);
  g_test_add_func ("/autostart/damaged-file-replaced", test_damaged_file_replaced);
  g_test_add_func ("/autostart/broken-template", test_broken_template);
  g_test_add_func ("/autostart/cannot-write", test_cannot_write);

  return g_test_run ();
}
