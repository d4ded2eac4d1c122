/* untrain-autostart.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-autostart"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "untrain-autostart.h"

/* The reminder starts at login through the file the XDG Autostart
 * Specification reads from $XDG_CONFIG_HOME/autostart. Its content is the
 * template installed with Untrain, which carries every translation of its
 * name; running from the build tree, where nothing is installed, it is
 * written from the same strings, in the person's language.
 *
 * The file is written whole and atomically, and only when it would
 * change: turning reminders on twice leaves one file, unchanged.
 */

#define REMINDER_BINARY  LIBEXECDIR "/untrain-reminder"
#define TEMPLATE_PATH    PKGDATADIR "/" UNTRAIN_AUTOSTART_FILE_NAME

/* The same strings as data/io.github.untrain.Untrain.Reminder.desktop.in */
#define REMINDER_NAME    N_("Untrain Reminders")
#define REMINDER_COMMENT N_("Re-check that your data stays out of AI training, and remind you when something needs you")

/**
 * untrain_autostart_is_sandboxed:
 *
 * Returns: whether Untrain runs inside Flatpak, where reminders start
 *   through the Background portal and not through this file
 */
gboolean
untrain_autostart_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * untrain_autostart_get_file:
 *
 * Returns: (transfer full): where the autostart file is
 */
GFile *
untrain_autostart_get_file (void)
{
  return g_file_new_build_filename (g_get_user_config_dir (), "autostart",
                                    UNTRAIN_AUTOSTART_FILE_NAME, NULL);
}

/**
 * untrain_autostart_is_enabled:
 *
 * Returns: whether the reminder starts at login: the file is there and
 *   neither hidden nor turned off, as the session's own settings may have
 *   done
 */
gboolean
untrain_autostart_is_enabled (void)
{
  g_autoptr(GFile) file = untrain_autostart_get_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Could not read %s: %s", path, error->message);
      return FALSE;
    }

  if (!g_key_file_has_group (key_file, G_KEY_FILE_DESKTOP_GROUP))
    return FALSE;

  if (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL))
    return FALSE;

  if (g_key_file_has_key (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL) &&
      !g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL))
    return FALSE;

  return TRUE;
}

/* The person's language as a desktop entry's locale key names it:
 * "de_DE", "sr_RS@latin"; NULL for C.
 */
static const char *
get_locale_key (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strchr (names[i], '.') != NULL)
        continue;
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        return NULL;
      return names[i];
    }

  return NULL;
}

static void
set_translated (GKeyFile   *key_file,
                const char *key,
                const char *msgid)
{
  const char *translated = _(msgid);
  const char *locale = get_locale_key ();

  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, key, msgid);
  if (locale != NULL && !g_str_equal (translated, msgid))
    g_key_file_set_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP, key, locale, translated);
}

static char *
generate_content (gsize *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP,
                         G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  set_translated (key_file, G_KEY_FILE_DESKTOP_KEY_NAME, REMINDER_NAME);
  set_translated (key_file, G_KEY_FILE_DESKTOP_KEY_COMMENT, REMINDER_COMMENT);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, REMINDER_BINARY);
  /* Not installed: the session skips the file instead of failing. */
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TRY_EXEC, REMINDER_BINARY);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_to_data (key_file, length, NULL);
}

/* The installed template, or $UNTRAIN_AUTOSTART_TEMPLATE from the build
 * tree; NULL when there is none that is a desktop entry.
 */
static char *
read_template (gsize *length)
{
  const char *path = g_getenv ("UNTRAIN_AUTOSTART_TEMPLATE");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  if (path == NULL || path[0] == '\0')
    path = TEMPLATE_PATH;

  if (!g_file_get_contents (path, &content, length, &error))
    {
      g_debug ("No autostart template: %s", error->message);
      return NULL;
    }

  if (!g_key_file_load_from_data (key_file, content, *length, G_KEY_FILE_NONE, &error) ||
      !g_key_file_has_group (key_file, G_KEY_FILE_DESKTOP_GROUP))
    {
      g_warning ("The autostart template %s is not a desktop entry%s%s", path,
                 error != NULL ? ": " : "", error != NULL ? error->message : "");
      return NULL;
    }

  return g_steal_pointer (&content);
}

static gboolean
write_file (const char  *path,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *content = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize current_length = 0;
  gsize length = 0;

  content = read_template (&length);
  if (content == NULL)
    content = generate_content (&length);

  if (g_file_get_contents (path, &current, &current_length, NULL) &&
      current_length == length &&
      memcmp (current, content, length) == 0)
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Reminders cannot start at login: %s: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, content, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says what went wrong */
                   _("Reminders cannot start at login: %s"), local_error->message);
      return FALSE;
    }

  g_debug ("Wrote %s", path);

  return TRUE;
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;

      /* Not there, or no folder for it to be in */
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        return TRUE;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Reminders will still start at login: could not remove %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  g_debug ("Removed %s", path);

  return TRUE;
}

/**
 * untrain_autostart_set_enabled:
 * @enabled: whether the reminder should start at login
 *
 * Writes the autostart file, or removes it. Inside Flatpak it does
 * neither, and fails with %G_IO_ERROR_NOT_SUPPORTED.
 *
 * Returns: whether the reminder now starts at login as @enabled says
 */
gboolean
untrain_autostart_set_enabled (gboolean   enabled,
                               GError   **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (untrain_autostart_is_sandboxed ())
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Inside Flatpak, reminders start at login through the Background portal"));
      return FALSE;
    }

  file = untrain_autostart_get_file ();
  path = g_file_get_path (file);

  if (enabled)
    return write_file (path, error);
  else
    return remove_file (path, error);
}
