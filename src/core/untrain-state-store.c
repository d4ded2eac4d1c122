/* untrain-state-store.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-state-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "untrain-error.h"
#include "untrain-state-store.h"

/* What Untrain last knew about each item, in a GKeyFile with a group per
 * item ("[linkedin/ai-training]"). Saved whole and atomically: a crash
 * while saving leaves the old file or the new one, never a torn one. A
 * file that does not parse is moved aside, not dropped. No secret is ever
 * written here.
 */
struct _UntrainStateStore
{
  GObject   parent_instance;

  GFile    *file;
  GFile    *moved_aside;
  GKeyFile *key_file;

  /* The keys changed here since the last load or save, as "group\nkey": a
   * save writes these over what is on disk, and keeps the rest as another
   * process (the reminder, the command line) may have written it meanwhile.
   */
  GHashTable *dirty;

  /* Which file this store last read or wrote, to tell its own saves from
   * another process's when the file changes.
   */
  guint64     seen_inode;
  gint64      seen_mtime_ns;
};

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UntrainStateStore, untrain_state_store, G_TYPE_OBJECT)

static void
untrain_state_store_finalize (GObject *object)
{
  UntrainStateStore *self = (UntrainStateStore *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->moved_aside);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (untrain_state_store_parent_class)->finalize (object);
}

static void
untrain_state_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UntrainStateStore *self = UNTRAIN_STATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_state_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UntrainStateStore *self = UNTRAIN_STATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_state_store_class_init (UntrainStateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = untrain_state_store_finalize;
  object_class->get_property = untrain_state_store_get_property;
  object_class->set_property = untrain_state_store_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainStateStore::changed:
   * @platform_id: the platform
   * @item_id: the item
   *
   * A record changed, in memory; save to keep it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
untrain_state_store_init (UntrainStateStore *self)
{
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->key_file = g_key_file_new ();
}

UntrainStateStore *
untrain_state_store_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (UNTRAIN_TYPE_STATE_STORE,
                       "file", file,
                       NULL);
}

/**
 * untrain_state_store_get_default_file:
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/untrain/state.ini`
 */
GFile *
untrain_state_store_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
}

/**
 * untrain_state_store_get_file:
 *
 * Returns: (transfer none): the file the store reads and writes
 */
GFile *
untrain_state_store_get_file (UntrainStateStore *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), NULL);

  return self->file;
}

/**
 * untrain_state_store_get_moved_aside:
 *
 * Returns: (transfer none) (nullable): where the last load (or a save
 *   since) moved a corrupt file to, so the window can say so; %NULL when
 *   nothing was moved
 */
GFile *
untrain_state_store_get_moved_aside (UntrainStateStore *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), NULL);

  return self->moved_aside;
}

static gboolean
move_aside (UntrainStateStore  *self,
            GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *base_name = g_file_get_basename (self->file);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autoptr(GFile) target = NULL;

  /* Never overwrite an earlier corrupt copy: it may be the one that matters. */
  for (guint i = 0; target == NULL || g_file_query_exists (target, NULL); i++)
    {
      g_autofree char *name = NULL;

      g_clear_object (&target);
      if (i == 0)
        name = g_strdup_printf ("%s.corrupt-%s", base_name, stamp);
      else
        name = g_strdup_printf ("%s.corrupt-%s-%u", base_name, stamp, i);
      target = g_file_get_child (parent, name);
    }

  if (!g_file_move (self->file, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;

  g_set_object (&self->moved_aside, target);
  return TRUE;
}

/* After @path did not load, with @load_error: a file that is not there
 * is no damage; one that can't be read is an error; a damaged one is
 * moved aside, with a warning that ends with @then.
 *
 * Returns: %FALSE with @error set if the file is still in the way
 */
static gboolean
move_aside_if_damaged (UntrainStateStore  *self,
                       const char         *path,
                       const GError       *load_error,
                       const char         *then,
                       GError            **error)
{
  g_autofree char *aside = NULL;

  if (g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  if (load_error->domain != G_KEY_FILE_ERROR)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_CORRUPT_STATE,
                   _("Can’t read %s: %s"), path, load_error->message);
      return FALSE;
    }

  if (!move_aside (self, error))
    return FALSE;

  aside = g_file_get_path (self->moved_aside);
  g_warning ("%s was damaged (%s); it was moved to %s %s", path, load_error->message, aside, then);
  return TRUE;
}

/* GKeyFile checks UTF-8 only when a value is read, and then drops the
 * value quietly: check the whole file first, so that a damaged file is
 * moved aside like any other instead of losing records one by one.
 */
static gboolean
load_key_file (GKeyFile    *key_file,
               const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* Something in the way that is not a file is damage too. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                             "a folder, not a file");
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                           "not valid UTF-8");
      return FALSE;
    }

  return g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_KEEP_COMMENTS, error);
}

/* g_file_set_contents() writes "state.ini." and six random characters,
 * then renames it; a crash in between leaves that file behind. Nothing
 * else is named so. The window, the reminder and the command line share
 * the file: a newer one may be another process saving right now (flushing
 * it to disk can take a while), so only what was last written a while
 * ago is removed.
 */
#define STALE_TEMPORARY_AGE (10 * G_TIME_SPAN_MINUTE)

static void
remove_stale_temporary_files (UntrainStateStore *self)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *base_name = g_file_get_basename (self->file);
  g_autofree char *dir_path = g_file_get_path (parent);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gsize base_length = strlen (base_name);
  gint64 now = g_get_real_time ();
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      gboolean temporary = strlen (name) == base_length + 7 &&
                           g_str_has_prefix (name, base_name) &&
                           name[base_length] == '.';

      for (gsize i = base_length + 1; temporary && name[i] != '\0'; i++)
        temporary = g_ascii_isalnum (name[i]);

      if (temporary)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          GStatBuf buf;
          gint64 modified;

          if (g_lstat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
            continue;

          modified = (gint64)buf.st_mtime * G_USEC_PER_SEC;
          if (now - modified < STALE_TEMPORARY_AGE)
            continue;

          g_debug ("Removing %s, left by an interrupted save", path);
          g_unlink (path);
        }
    }
}

static gboolean
get_identity (const char *path,
              guint64    *inode,
              gint64     *mtime_ns)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return FALSE;

  *inode = buf.st_ino;
  *mtime_ns = (gint64)buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
  return TRUE;
}

static void
remember_identity (UntrainStateStore *self,
                   const char        *path)
{
  if (!get_identity (path, &self->seen_inode, &self->seen_mtime_ns))
    self->seen_inode = self->seen_mtime_ns = 0;
}

/**
 * untrain_state_store_reload_if_changed:
 *
 * Loads the file again if another process wrote it since this store last
 * read or wrote it, and nothing changed here meanwhile.
 *
 * Returns: %TRUE if the state was loaded again
 */
gboolean
untrain_state_store_reload_if_changed (UntrainStateStore  *self,
                                       GError            **error)
{
  g_autofree char *path = NULL;
  guint64 inode = 0;
  gint64 mtime_ns = 0;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), FALSE);

  if (g_hash_table_size (self->dirty) > 0)
    return FALSE;

  path = g_file_get_path (self->file);
  get_identity (path, &inode, &mtime_ns);

  if (inode == self->seen_inode && mtime_ns == self->seen_mtime_ns)
    return FALSE;

  return untrain_state_store_load (self, error);
}

/**
 * untrain_state_store_load:
 *
 * Reads the file. A missing file is an empty state. A file that does not
 * parse is moved aside as `state.ini.corrupt-<timestamp>` with a warning,
 * and the state starts fresh.
 *
 * Returns: %FALSE only if the file exists and can be neither read nor
 *   moved aside
 */
gboolean
untrain_state_store_load (UntrainStateStore  *self,
                          GError            **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), FALSE);

  path = g_file_get_path (self->file);
  g_clear_object (&self->moved_aside);

  remove_stale_temporary_files (self);

  if (!load_key_file (key_file, path, &local_error))
    {
      if (!move_aside_if_damaged (self, path, local_error, "and Untrain starts afresh", error))
        return FALSE;

      /* Afresh: not with what parsed before the damage */
      g_key_file_unref (key_file);
      key_file = g_key_file_new ();
    }

  g_clear_pointer (&self->key_file, g_key_file_unref);
  self->key_file = g_steal_pointer (&key_file);
  g_hash_table_remove_all (self->dirty);
  remember_identity (self, path);

  return TRUE;
}

/* What is on disk now, with the groups changed here on top. A file that
 * is not there leaves the state as it is in memory; one damaged since it
 * was read is moved aside first, as at loading, not written over.
 */
static gboolean
merge_from_disk (UntrainStateStore  *self,
                 const char         *path,
                 GError            **error)
{
  g_autoptr(GKeyFile) on_disk = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  const char *dirty;

  if (!load_key_file (on_disk, path, &local_error))
    return move_aside_if_damaged (self, path, local_error, "before saving", error);

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, (gpointer *)&dirty, NULL))
    {
      g_auto(GStrv) group_key = g_strsplit (dirty, "\n", 2);
      g_autofree char *value = g_key_file_get_value (self->key_file, group_key[0], group_key[1], NULL);

      if (value != NULL)
        g_key_file_set_value (on_disk, group_key[0], group_key[1], value);
      else
        g_key_file_remove_key (on_disk, group_key[0], group_key[1], NULL);
    }

  g_key_file_unref (self->key_file);
  self->key_file = g_steal_pointer (&on_disk);
  return TRUE;
}

/**
 * untrain_state_store_save:
 *
 * Writes the whole state atomically: a temporary file, flushed to disk,
 * renamed over the old one. What another process saved meanwhile is kept,
 * but for the keys changed here; a file damaged since it was read is moved
 * aside first.
 */
gboolean
untrain_state_store_save (UntrainStateStore  *self,
                          GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), FALSE);

  path = g_file_get_path (self->file);
  dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Can’t create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!merge_from_disk (self, path, error))
    return FALSE;

  data = g_key_file_to_data (self->key_file, &length, NULL);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  g_hash_table_remove_all (self->dirty);
  remember_identity (self, path);
  return TRUE;
}

static void
mark_dirty (UntrainStateStore *self,
            const char        *group,
            const char        *key)
{
  g_hash_table_add (self->dirty, g_strconcat (group, "\n", key, NULL));
}

static char *
group_name (const char *platform_id,
            const char *item_id)
{
  return g_strdup_printf ("%s/%s", platform_id, item_id);
}

static GDateTime *
get_date_time (GKeyFile   *key_file,
               const char *group,
               const char *key)
{
  g_autofree char *text = g_key_file_get_string (key_file, group, key, NULL);
  GDateTime *date_time;

  if (text == NULL)
    return NULL;

  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    g_warning ("Ignoring [%s] %s: “%s” is not an ISO 8601 time", group, key, text);

  return date_time;
}

static void
set_date_time (GKeyFile   *key_file,
               const char *group,
               const char *key,
               GDateTime  *date_time)
{
  g_autofree char *text = NULL;

  if (date_time == NULL)
    {
      g_key_file_remove_key (key_file, group, key, NULL);
      return;
    }

  text = g_date_time_format_iso8601 (date_time);
  g_key_file_set_string (key_file, group, key, text);
}

/**
 * untrain_state_store_get_live:
 * @status: (out): the status last read from the account
 * @checked_at: (out) (transfer full): when
 * @message: (out) (transfer full) (nullable): the error, for %UNTRAIN_STATUS_ERROR
 *
 * Returns: %TRUE if the item was ever checked live
 */
gboolean
untrain_state_store_get_live (UntrainStateStore  *self,
                              const char         *platform_id,
                              const char         *item_id,
                              UntrainStatus      *status,
                              GDateTime         **checked_at,
                              char              **message)
{
  g_autofree char *group = NULL;
  g_autofree char *status_text = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), FALSE);
  g_return_val_if_fail (platform_id != NULL && item_id != NULL, FALSE);

  group = group_name (platform_id, item_id);
  status_text = g_key_file_get_string (self->key_file, group, "live-status", NULL);
  if (status_text == NULL)
    return FALSE;

  when = get_date_time (self->key_file, group, "checked-at");

  if (!untrain_status_from_string (status_text, status) || when == NULL)
    {
      g_warning ("Ignoring the live status of %s: “%s” is not a status with a time",
                 group, status_text);
      return FALSE;
    }

  if (checked_at != NULL)
    *checked_at = g_steal_pointer (&when);
  if (message != NULL)
    *message = g_key_file_get_string (self->key_file, group, "message", NULL);

  return TRUE;
}

void
untrain_state_store_set_live (UntrainStateStore *self,
                              const char        *platform_id,
                              const char        *item_id,
                              UntrainStatus      status,
                              GDateTime         *checked_at,
                              const char        *message)
{
  g_autofree char *group = NULL;

  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (platform_id != NULL && item_id != NULL);
  g_return_if_fail (checked_at != NULL);

  group = group_name (platform_id, item_id);
  mark_dirty (self, group, "live-status");
  mark_dirty (self, group, "checked-at");
  mark_dirty (self, group, "message");
  g_key_file_set_string (self->key_file, group, "live-status", untrain_status_to_string (status));
  set_date_time (self->key_file, group, "checked-at", checked_at);

  if (message != NULL)
    g_key_file_set_string (self->key_file, group, "message", message);
  else
    g_key_file_remove_key (self->key_file, group, "message", NULL);

  g_signal_emit (self, signals[CHANGED], 0, platform_id, item_id);
}

/**
 * untrain_state_store_get_confirmed:
 *
 * Returns: (transfer full) (nullable): when the person said the item is done
 */
GDateTime *
untrain_state_store_get_confirmed (UntrainStateStore *self,
                                   const char        *platform_id,
                                   const char        *item_id)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), NULL);
  g_return_val_if_fail (platform_id != NULL && item_id != NULL, NULL);

  group = group_name (platform_id, item_id);
  return get_date_time (self->key_file, group, "confirmed-at");
}

/**
 * untrain_state_store_set_confirmed:
 * @confirmed_at: (nullable): when the person said it is done, or %NULL to undo
 */
void
untrain_state_store_set_confirmed (UntrainStateStore *self,
                                   const char        *platform_id,
                                   const char        *item_id,
                                   GDateTime         *confirmed_at)
{
  g_autofree char *group = NULL;

  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (platform_id != NULL && item_id != NULL);

  group = group_name (platform_id, item_id);
  mark_dirty (self, group, "confirmed-at");
  set_date_time (self->key_file, group, "confirmed-at", confirmed_at);

  g_signal_emit (self, signals[CHANGED], 0, platform_id, item_id);
}

/**
 * untrain_state_store_get_date:
 * @key: "submitted-on", "answer-due" or "answer-received-on"
 * @date: (out caller-allocates): the date, cleared when there is none
 *
 * Returns: %TRUE if the record has a valid date under @key
 */
gboolean
untrain_state_store_get_date (UntrainStateStore *self,
                              const char        *platform_id,
                              const char        *item_id,
                              const char        *key,
                              GDate             *date)
{
  g_autofree char *group = NULL;
  g_autofree char *text = NULL;
  guint year, month, day;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), FALSE);
  g_return_val_if_fail (platform_id != NULL && item_id != NULL && key != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  group = group_name (platform_id, item_id);
  text = g_key_file_get_string (self->key_file, group, key, NULL);
  if (text == NULL)
    return FALSE;

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_warning ("Ignoring [%s] %s: “%s” is not a date (YYYY-MM-DD)", group, key, text);
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * untrain_state_store_set_date:
 * @date: (nullable): the date, or %NULL (or an invalid date) to remove it
 */
void
untrain_state_store_set_date (UntrainStateStore *self,
                              const char        *platform_id,
                              const char        *item_id,
                              const char        *key,
                              const GDate       *date)
{
  g_autofree char *group = NULL;
  char text[16];

  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (platform_id != NULL && item_id != NULL && key != NULL);

  group = group_name (platform_id, item_id);
  mark_dirty (self, group, key);

  if (date == NULL || !g_date_valid (date))
    g_key_file_remove_key (self->key_file, group, key, NULL);
  else
    {
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_key_file_set_string (self->key_file, group, key, text);
    }

  g_signal_emit (self, signals[CHANGED], 0, platform_id, item_id);
}

/**
 * untrain_state_store_get_contact:
 * @field: "name", "email" or "profile-url"
 *
 * The person's own details for objection letters. They stay on this
 * computer: Untrain never sends them anywhere.
 *
 * Returns: (transfer full) (nullable): the value
 */
char *
untrain_state_store_get_contact (UntrainStateStore *self,
                                 const char        *field)
{
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_key_file_get_string (self->key_file, "contact", field, NULL);
}

/**
 * untrain_state_store_set_contact:
 * @value: (nullable): the value, or %NULL or "" to forget it
 */
void
untrain_state_store_set_contact (UntrainStateStore *self,
                                 const char        *field,
                                 const char        *value)
{
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (field != NULL);

  mark_dirty (self, "contact", field);

  if (value == NULL || value[0] == '\0')
    g_key_file_remove_key (self->key_file, "contact", field, NULL);
  else
    g_key_file_set_string (self->key_file, "contact", field, value);
}

/**
 * untrain_state_store_get_account:
 *
 * Who is connected on @platform_id, as the platform named them when the
 * session was stored in the keyring. Only the name is here, never the
 * session, so that `untrain --status` need not open the keyring.
 *
 * Returns: (transfer full) (nullable): "First Last", or %NULL when no
 *   account is connected
 */
char *
untrain_state_store_get_account (UntrainStateStore *self,
                                 const char        *platform_id)
{
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), NULL);
  g_return_val_if_fail (platform_id != NULL, NULL);

  return g_key_file_get_string (self->key_file, "accounts", platform_id, NULL);
}

/**
 * untrain_state_store_set_account:
 * @account: (nullable): the name, or %NULL after signing out
 */
void
untrain_state_store_set_account (UntrainStateStore *self,
                                 const char        *platform_id,
                                 const char        *account)
{
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (platform_id != NULL);

  mark_dirty (self, "accounts", platform_id);

  if (account == NULL)
    g_key_file_remove_key (self->key_file, "accounts", platform_id, NULL);
  else
    g_key_file_set_string (self->key_file, "accounts", platform_id, account);
}

/**
 * untrain_state_store_get_int64:
 * @group: the group, such as "reminder"
 * @key: the key, such as "snoozed-until"
 *
 * A number some part of Untrain keeps for itself, such as a time in Unix
 * seconds.
 *
 * Returns: the value, or 0 when there is none or it is not a number
 */
gint64
untrain_state_store_get_int64 (UntrainStateStore *self,
                               const char        *group,
                               const char        *key)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (self), 0);
  g_return_val_if_fail (group != NULL && key != NULL, 0);

  value = g_key_file_get_int64 (self->key_file, group, key, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE))
        g_warning ("Ignoring [%s] %s: it is not a number", group, key);
      return 0;
    }

  return value;
}

/**
 * untrain_state_store_set_int64:
 * @value: the value, or 0 to remove it
 */
void
untrain_state_store_set_int64 (UntrainStateStore *self,
                               const char        *group,
                               const char        *key,
                               gint64             value)
{
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self));
  g_return_if_fail (group != NULL && key != NULL);

  mark_dirty (self, group, key);

  if (value == 0)
    g_key_file_remove_key (self->key_file, group, key, NULL);
  else
    g_key_file_set_int64 (self->key_file, group, key, value);
}
