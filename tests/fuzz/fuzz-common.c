/* fuzz-common.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"

/* What every fuzz target shares: quiet logs that still stop on a
 * critical, and a folder of its own for the files it makes.
 */

static char *scratch_dir;

/* Warnings are what the parsers say about bad input: expected, and far
 * too many to print. A critical is a broken precondition, an error a
 * bug: both stop the run so that libFuzzer keeps the input.
 */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

static void
remove_scratch_dir (void)
{
  if (scratch_dir == NULL)
    return;

  fuzz_empty_scratch_dir ();
  g_rmdir (scratch_dir);
  g_clear_pointer (&scratch_dir, g_free);
}

void
fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  /* Plain local files: no GIO modules (gvfs), which would keep threads
   * and caches of their own between runs.
   */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  g_setenv ("GIO_MODULE_DIR", "/nonexistent", TRUE);

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

  /* GLib reads it before main(): too late to set here. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    g_printerr ("G_SLICE=always-malloc is not set: LeakSanitizer misses leaks in memory from GLib slices\n");

  scratch_dir = g_dir_make_tmp ("untrain-fuzz-XXXXXX", &error);
  if (scratch_dir == NULL)
    g_error ("Cannot make a scratch folder: %s", error->message);
  atexit (remove_scratch_dir);
}

/* A folder that only this process uses, removed when it exits. */
const char *
fuzz_get_scratch_dir (void)
{
  g_assert (scratch_dir != NULL);

  return scratch_dir;
}

/* Removes what a run left in the scratch folder (files only: the code
 * under test makes no folders there).
 */
void
fuzz_empty_scratch_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      if (g_unlink (path) != 0)
        g_error ("Cannot remove %s", path);
    }
}

/* Returns: (transfer full): the scratch file @name, holding @data */
GFile *
fuzz_write_scratch_file (const char    *name,
                         const uint8_t *data,
                         size_t         size)
{
  g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  /* Written in place: a new file each run, and nothing to keep safe. */
  if (!g_file_set_contents_full (path, (const char *)data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("Cannot write %s: %s", path, error->message);

  return g_file_new_for_path (path);
}

/* Returns: (transfer full): a fixed "now", so that a run depends only on
 * its input
 */
GDateTime *
fuzz_get_now (void)
{
  return g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
}

/* Returns: (transfer none): the platforms compiled into Untrain */
UntrainCatalog *
fuzz_get_builtin_catalog (void)
{
  static UntrainCatalog *catalog;
  g_autoptr(GError) error = NULL;

  if (catalog != NULL)
    return catalog;

  catalog = untrain_catalog_new ();
  if (!untrain_catalog_load_builtin (catalog, &error))
    g_error ("%s", error->message);

  return catalog;
}

/* Returns: (transfer none): the built-in platform @platform_id */
UntrainPlatform *
fuzz_get_builtin_platform (const char *platform_id)
{
  UntrainPlatform *platform = untrain_catalog_lookup (fuzz_get_builtin_catalog (), platform_id);

  if (platform == NULL)
    g_error ("No built-in platform %s", platform_id);

  return platform;
}

/* Returns: (transfer full): a state store whose file is not there (and
 * never written): an empty state
 */
UntrainStateStore *
fuzz_new_empty_state_store (void)
{
  g_autofree char *path = g_build_filename (scratch_dir, "empty-state.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  if (!untrain_state_store_load (store, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&store);
}
