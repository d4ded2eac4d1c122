/* untrain-test-locale.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "untrain-test-locale.h"

/* Real glibc locales for tests in the languages Untrain ships, made with
 * localedef (a fresh Debian has only C.UTF-8), and the translations built
 * in this tree. A test runs each language in a process of its own, as a
 * person's session would.
 */

static char *locale_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/**
 * untrain_test_locales_init:
 *
 * Makes the folder of compiled locales for the whole run, or, in a test's
 * child process, finds its parent's. Call after g_test_init().
 */
void
untrain_test_locales_init (void)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("UNTRAIN_TEST_LOCPATH") != NULL)
    {
      locale_dir = g_strdup (g_getenv ("UNTRAIN_TEST_LOCPATH"));
      return;
    }

  locale_dir = g_dir_make_tmp ("untrain-locales-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNTRAIN_TEST_LOCPATH", locale_dir, TRUE);
}

/**
 * untrain_test_make_locale:
 * @locale: such as "de_DE"
 *
 * Makes @locale.UTF-8 in the folder of locales.
 *
 * Returns: %FALSE, with the test skipped, when glibc's locale sources are
 *   missing
 */
gboolean
untrain_test_make_locale (const char *locale)
{
  g_autofree char *name = g_strconcat (locale, ".UTF-8", NULL);
  g_autofree char *path = g_build_filename (locale_dir, name, NULL);
  g_autofree char *error_output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "localedef", "-i", locale, "-f", "UTF-8", path, NULL };
  int status = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &error_output, &status, &error))
    {
      g_test_skip_printf ("Can’t run localedef: %s", error->message);
      return FALSE;
    }

  /* localedef exits 1 for warnings it still writes the locale after. */
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("localedef made no %s: %s", name, error_output);
      return FALSE;
    }

  return TRUE;
}

/**
 * untrain_test_use_locale:
 * @locale: such as "de_DE", made with untrain_test_make_locale()
 *
 * In a child process: the language as a person's session sets it, read
 * from the translations of this build tree.
 */
void
untrain_test_use_locale (const char *locale)
{
  g_autofree char *name = g_strconcat (locale, ".UTF-8", NULL);
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", name, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * untrain_test_locales_clear:
 *
 * Removes the folder of locales, unless this is a child process, whose
 * parent still needs it.
 */
void
untrain_test_locales_clear (void)
{
  if (!g_test_subprocess ())
    remove_tree (locale_dir);

  g_clear_pointer (&locale_dir, g_free);
}
