/* untrain-history.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-history"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "untrain-applicability.h"
#include "untrain-catalog-private.h"
#include "untrain-history.h"

/* Every live read, every change, and what the person said about forms and
 * items, one JSON object a line in `$XDG_STATE_HOME/untrain/history.jsonl`:
 *
 *   {"time":"2026-11-29T10:00:00Z","kind":"read","platform":"linkedin",
 *    "item":"ai-training","status":"done","value":false}
 *
 * The file only grows. Each line is built whole and written with a single
 * write() to a file opened with O_APPEND, then flushed to disk, so a crash
 * leaves at most one torn last line; loading skips such a line (and any
 * other that does not parse) with a warning and leaves the file as it is.
 * No secret is ever written here: the callers hand in setting values only.
 */
struct _UntrainHistory
{
  GObject    parent_instance;

  GFile     *file;
  GPtrArray *entries;     /* UntrainHistoryEntry, oldest first */
  guint      n_skipped;
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

/* The "kind" words of the file, in the order of UntrainHistoryKind. */
static const char * const kind_words[] = {
  "read",
  "change",
  "confirmed",
  "submitted",
  "answered",
};

G_DEFINE_FINAL_TYPE (UntrainHistory, untrain_history, G_TYPE_OBJECT)

void
untrain_history_entry_free (UntrainHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->platform_id);
  g_free (entry->item_id);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->value);
  g_free (entry);
}

static UntrainHistoryEntry *
entry_copy (const UntrainHistoryEntry *entry)
{
  UntrainHistoryEntry *copy = g_new0 (UntrainHistoryEntry, 1);

  copy->kind = entry->kind;
  copy->platform_id = g_strdup (entry->platform_id);
  copy->item_id = g_strdup (entry->item_id);
  copy->time = g_date_time_ref (entry->time);
  copy->status = entry->status;
  copy->value = g_strdup (entry->value);

  return copy;
}


static gboolean
entry_matches (const UntrainHistoryEntry *entry,
               const char                *platform_id,
               const char                *item_id)
{
  return (platform_id == NULL || g_strcmp0 (entry->platform_id, platform_id) == 0) &&
         (item_id == NULL || g_strcmp0 (entry->item_id, item_id) == 0);
}

static gboolean
is_setting_event (const UntrainHistoryEntry *entry)
{
  return entry->kind == UNTRAIN_HISTORY_READ || entry->kind == UNTRAIN_HISTORY_CHANGE;
}

static void
untrain_history_finalize (GObject *object)
{
  UntrainHistory *self = (UntrainHistory *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (untrain_history_parent_class)->finalize (object);
}

static void
untrain_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UntrainHistory *self = UNTRAIN_HISTORY (object);

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
untrain_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UntrainHistory *self = UNTRAIN_HISTORY (object);

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
untrain_history_class_init (UntrainHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = untrain_history_finalize;
  object_class->get_property = untrain_history_get_property;
  object_class->set_property = untrain_history_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainHistory::changed:
   * @platform_id: (nullable): the platform of the new entry
   * @item_id: (nullable): its item
   *
   * An entry was appended, or (with %NULL for both) the history was loaded
   * anew, so "Off since …" lines may read differently now.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
untrain_history_init (UntrainHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)untrain_history_entry_free);
}

/**
 * untrain_history_new:
 * @file: the JSON-lines file, usually untrain_history_get_default_file()
 *
 * Returns: (transfer full): an empty history; untrain_history_load() reads
 *   @file
 */
UntrainHistory *
untrain_history_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (UNTRAIN_TYPE_HISTORY,
                       "file", file,
                       NULL);
}

/**
 * untrain_history_get_default_file:
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/untrain/history.jsonl`
 */
GFile *
untrain_history_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "history.jsonl", NULL);
}

static const char *
get_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
kind_from_string (const char         *word,
                  UntrainHistoryKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    {
      if (g_strcmp0 (word, kind_words[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* One line of the file, without its newline. @problem says in a few words
 * what is wrong when the line is not an entry; it goes into a warning.
 */
static UntrainHistoryEntry *
parse_line (const char  *line,
            gsize        length,
            const char **problem)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(UntrainHistoryEntry) entry = NULL;
  g_autoptr(GDateTime) time = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *value;
  const char *text;

  if (!g_utf8_validate (line, length, NULL))
    {
      *problem = "not valid UTF-8";
      return NULL;
    }

  switch (_untrain_json_check_text (line, length))
    {
    case UNTRAIN_JSON_TEXT_TOO_DEEP:
      *problem = "lists or objects nested too deep";
      return NULL;

    case UNTRAIN_JSON_TEXT_SEVERAL_VALUES:
      *problem = "more than one JSON value";
      return NULL;

    case UNTRAIN_JSON_TEXT_COMMENT:
      *problem = "a comment, which JSON does not allow";
      return NULL;

    case UNTRAIN_JSON_TEXT_BAD_ESCAPE:
      *problem = "a backslash escape JSON does not allow";
      return NULL;

    case UNTRAIN_JSON_TEXT_OK:
    default:
      break;
    }

  if (!json_parser_load_from_data (parser, line, length, NULL))
    {
      *problem = "not JSON (cut off or edited?)";
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *problem = "not a JSON object";
      return NULL;
    }

  object = json_node_get_object (root);
  entry = g_new0 (UntrainHistoryEntry, 1);

  text = get_string_member (object, "time");
  if (text != NULL)
    time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      *problem = "no ISO 8601 “time” with a time zone";
      return NULL;
    }
  entry->time = g_date_time_to_utc (time);

  if (!kind_from_string (get_string_member (object, "kind"), &entry->kind))
    {
      *problem = "no known “kind”";
      return NULL;
    }

  entry->platform_id = g_strdup (get_string_member (object, "platform"));
  entry->item_id = g_strdup (get_string_member (object, "item"));
  if (entry->platform_id == NULL || entry->platform_id[0] == '\0' ||
      entry->item_id == NULL || entry->item_id[0] == '\0')
    {
      *problem = "no “platform” or no “item”";
      return NULL;
    }

  /* A read or a change is worth nothing without what was found. */
  text = get_string_member (object, "status");
  if (!untrain_status_from_string (text, &entry->status))
    {
      if (text != NULL || is_setting_event (entry))
        {
          *problem = "no known “status”";
          return NULL;
        }
      entry->status = UNTRAIN_STATUS_UNKNOWN;
    }

  value = json_object_get_member (object, "value");
  if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
    entry->value = json_to_string (value, FALSE);

  return g_steal_pointer (&entry);
}

static int
compare_entries_by_time (gconstpointer a,
                         gconstpointer b)
{
  const UntrainHistoryEntry *entry_a = *(const UntrainHistoryEntry * const *)a;
  const UntrainHistoryEntry *entry_b = *(const UntrainHistoryEntry * const *)b;

  return g_date_time_compare (entry_a->time, entry_b->time);
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (line[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * untrain_history_load:
 *
 * Reads the whole file, replacing what was in memory. A missing file is an
 * empty history. A line that does not parse is skipped with a warning that
 * names the file and the line, and counted (see
 * untrain_history_get_n_skipped()); the file itself is never changed.
 *
 * Returns: %FALSE if the file exists but cannot be read; the entries in
 *   memory are then left as they were
 */
gboolean
untrain_history_load (UntrainHistory  *self,
                      GError         **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize start = 0;
  guint line_number = 0;
  guint n_skipped = 0;

  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (self->file);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)untrain_history_entry_free);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, G_FILE_ERROR, local_error->code,
                       _("Can’t read the history of checks: %s"), local_error->message);
          return FALSE;
        }
    }

  while (start < length)
    {
      const char *line = contents + start;
      const char *newline = memchr (line, '\n', length - start);
      gsize line_length = newline != NULL ? (gsize)(newline - line) : length - start;
      UntrainHistoryEntry *entry;
      const char *problem = NULL;

      start += line_length + 1;
      line_number++;

      if (is_blank (line, line_length))
        continue;

      entry = parse_line (line, line_length, &problem);
      if (entry == NULL)
        {
          g_warning ("%s, line %u: skipped, %s; the line stays in the file as it is",
                     path, line_number, problem);
          n_skipped++;
          continue;
        }

      g_ptr_array_add (entries, entry);
    }

  /* The file is in the order of writing; a clock set back may disagree.
   * The sort is stable, so entries of the same second keep their order.
   */
  g_ptr_array_sort (entries, compare_entries_by_time);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  self->n_skipped = n_skipped;

  g_debug ("Loaded %u history entries from %s, skipped %u lines",
           self->entries->len, path, n_skipped);

  g_signal_emit (self, signals[CHANGED], 0, NULL, NULL);

  return TRUE;
}

/**
 * untrain_history_get_n_skipped:
 *
 * Returns: how many lines the last load skipped because they did not parse
 */
guint
untrain_history_get_n_skipped (UntrainHistory *self)
{
  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), 0);

  return self->n_skipped;
}

static void
add_value (JsonBuilder *builder,
           const char  *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  json_builder_set_member_name (builder, "value");

  /* The value is JSON text; text that is not JSON is kept as a string
   * rather than lost.
   */
  if (json_parser_load_from_data (parser, value, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL)
    json_builder_add_value (builder, json_node_copy (root));
  else
    json_builder_add_string_value (builder, value);
}

/* The whole line, newline included, so that one write() adds it. */
static char *
build_line (UntrainHistoryKind  kind,
            const char         *platform_id,
            const char         *item_id,
            GDateTime          *time,
            UntrainStatus       status,
            const char         *value,
            gsize              *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *time_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *json = NULL;
  char *line;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time_text);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_words[kind]);
  json_builder_set_member_name (builder, "platform");
  json_builder_add_string_value (builder, platform_id);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, item_id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, untrain_status_to_string (status));
  if (value != NULL)
    add_value (builder, value);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  line = g_strconcat (json, "\n", NULL);
  *length = strlen (line);

  return line;
}

static void
set_append_error (GError     **error,
                  const char  *path,
                  int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Can’t add to the history of checks in %s: %s"),
               path, g_strerror (saved_errno));
}

/* A new file's name is durable only once its folder is flushed too. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  if (fsync (fd) != 0)
    g_debug ("Could not flush %s: %s", dir, g_strerror (errno));

  g_close (fd, NULL);
}

static gboolean
write_line (UntrainHistory  *self,
            const char      *line,
            gsize            length,
            GError         **error)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *joined = NULL;
  gboolean created = TRUE;
  struct stat st;
  gssize written;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Can’t create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Read access only to look at the last byte; every write appends. */
  fd = g_open (path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    {
      created = FALSE;
      fd = g_open (path, O_RDWR | O_APPEND | O_CLOEXEC, 0);
    }

  if (fd < 0)
    {
      set_append_error (error, path, errno);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      set_append_error (error, path, saved_errno);
      return FALSE;
    }

  /* A crash may have left a torn last line without its newline: end it,
   * in the same write, so that the new line stays whole.
   */
  if (st.st_size > 0)
    {
      char last = '\n';

      if (pread (fd, &last, 1, st.st_size - 1) != 1)
        last = '\n';

      if (last != '\n')
        {
          joined = g_strconcat ("\n", line, NULL);
          line = joined;
          length++;
        }
    }

  do
    written = write (fd, line, length);
  while (written < 0 && errno == EINTR);

  if (written < 0 || (gsize)written != length || fsync (fd) != 0)
    {
      int saved_errno = written >= 0 && (gsize)written != length ? ENOSPC : errno;

      g_close (fd, NULL);
      set_append_error (error, path, saved_errno);
      return FALSE;
    }

  if (!g_close (fd, NULL))
    {
      set_append_error (error, path, errno);
      return FALSE;
    }

  if (created)
    sync_directory (dir);

  return TRUE;
}

/**
 * untrain_history_append:
 * @kind: what happened
 * @time: when; written in UTC to the second
 * @status: for reads and changes, what was found
 * @value: (nullable): the wire value, as JSON text; text that is not JSON
 *   is recorded as a JSON string. Never a secret.
 *
 * Adds one line to the file (created with its folder when missing) and
 * flushes it to disk, then adds the entry in memory, as a load would read
 * it back.
 *
 * Returns: %FALSE if the line could not be written; memory is then
 *   unchanged
 */
gboolean
untrain_history_append (UntrainHistory      *self,
                        UntrainHistoryKind   kind,
                        const char          *platform_id,
                        const char          *item_id,
                        GDateTime           *time,
                        UntrainStatus        status,
                        const char          *value,
                        GError             **error)
{
  g_autoptr(UntrainHistoryEntry) entry = NULL;
  g_autofree char *line = NULL;
  const char *problem = NULL;
  gsize length = 0;
  guint position;

  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_words), FALSE);
  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', FALSE);
  g_return_val_if_fail (item_id != NULL && item_id[0] != '\0', FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (untrain_status_to_string (status) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  line = build_line (kind, platform_id, item_id, time, status, value, &length);

  /* What is in memory is exactly what a later load reads back. */
  entry = parse_line (line, length - 1, &problem);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!write_line (self, line, length, error))
    return FALSE;

  /* Usually the newest; after a clock set back, in its place in time. */
  position = self->entries->len;
  while (position > 0 &&
         g_date_time_compare (((UntrainHistoryEntry *)g_ptr_array_index (self->entries, position - 1))->time,
                              entry->time) > 0)
    position--;

  g_ptr_array_insert (self->entries, position, g_steal_pointer (&entry));

  g_signal_emit (self, signals[CHANGED], 0, platform_id, item_id);

  return TRUE;
}

/**
 * untrain_history_get_entries:
 * @platform_id: (nullable): only this platform's entries, or %NULL for all
 * @item_id: (nullable): only this item's entries, or %NULL for all
 *
 * Returns: (transfer container) (element-type UntrainHistoryEntry): copies
 *   of the entries, oldest first; the array frees them
 */
GPtrArray *
untrain_history_get_entries (UntrainHistory *self,
                             const char     *platform_id,
                             const char     *item_id)
{
  GPtrArray *result;

  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)untrain_history_entry_free);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry_matches (entry, platform_id, item_id))
        g_ptr_array_add (result, entry_copy (entry));
    }

  return result;
}

/* The latest unbroken run of "done" reads and changes of one item: the
 * index of its first entry and its length. Confirmations and form events
 * neither count nor break it.
 */
static gboolean
find_done_run (UntrainHistory             *self,
               const char                 *platform_id,
               const char                 *item_id,
               const UntrainHistoryEntry **first,
               guint                      *n_entries)
{
  const UntrainHistoryEntry *run_first = NULL;
  guint run_length = 0;

  for (guint i = self->entries->len; i > 0; i--)
    {
      const UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i - 1);

      if (!is_setting_event (entry) || !entry_matches (entry, platform_id, item_id))
        continue;

      if (entry->status != UNTRAIN_STATUS_DONE)
        break;

      run_first = entry;
      run_length++;
    }

  if (run_first == NULL)
    return FALSE;

  *first = run_first;
  *n_entries = run_length;
  return TRUE;
}

/**
 * untrain_history_get_off_since:
 * @since: (out) (optional) (transfer full): when the setting was first
 *   found as the person wants it, in the latest unbroken run of such reads
 * @n_verified: (out) (optional): how many reads and changes make that run
 *
 * For "Off since 3 December 2026, verified 4 times". Only reads and
 * changes count; a read that found the setting on, or could not read it,
 * ends a run.
 *
 * Returns: %TRUE when the latest read or change of the item found it as
 *   the person wants it; %FALSE when it did not or there is none
 */
gboolean
untrain_history_get_off_since (UntrainHistory  *self,
                               const char      *platform_id,
                               const char      *item_id,
                               GDateTime      **since,
                               guint           *n_verified)
{
  const UntrainHistoryEntry *first = NULL;
  guint n_entries = 0;

  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (platform_id != NULL && item_id != NULL, FALSE);

  if (since != NULL)
    *since = NULL;
  if (n_verified != NULL)
    *n_verified = 0;

  if (!find_done_run (self, platform_id, item_id, &first, &n_entries))
    return FALSE;

  if (since != NULL)
    *since = g_date_time_ref (first->time);
  if (n_verified != NULL)
    *n_verified = n_entries;

  return TRUE;
}

/* The exported record. Everything a person reads in it goes through
 * g_markup_escape_text(): titles and values may come from a user's own
 * catalog files or from a platform's page.
 */

static const char record_style[] =
  "body{font-family:system-ui,Cantarell,\"Segoe UI\",sans-serif;max-width:64rem;"
  "margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1e1e1e;background:#fff}"
  "h1{font-size:1.6rem;margin-bottom:0.5rem}"
  "h2{margin-top:2.5rem;border-bottom:1px solid #c0c0c0}"
  "h3{margin-top:1.5rem;font-size:1.05rem}"
  "table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem}"
  "th,td{border:1px solid #c0c0c0;padding:0.3rem 0.5rem;text-align:start;vertical-align:top}"
  "th{background:#f0f0f0}"
  "code,.iso{font-family:monospace;font-size:0.9em;overflow-wrap:anywhere}"
  ".iso{display:block;color:#555}"
  ".made{color:#444}"
  ".note{background:#fff4d0;border:1px solid #e5c35c;padding:0.5rem 0.75rem}"
  "@media print{body{margin:0;max-width:none}th{background:none}}";

static void
append_text (GString    *html,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* <tag>text</tag>, with the text escaped */
static void
append_element (GString    *html,
                const char *tag,
                const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_text (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

static char *
format_iso_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_readable_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  char *text;

  /* Translators: a time in the exported record, “29 November 2026,
   * 14:03 UTC”; see the format codes of g_date_time_format() */
  text = g_date_time_format (utc, _("%-d %B %Y, %H:%M UTC"));

  return text != NULL ? text : format_iso_time (time);
}

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (utc),
                                          g_date_time_get_month (utc),
                                          g_date_time_get_year (utc));

  return untrain_format_date (date);
}

/* A cell with the time as a person reads it and as a machine does. */
static void
append_time_cell (GString   *html,
                  GDateTime *time)
{
  g_autofree char *readable = format_readable_time (time);
  g_autofree char *iso = format_iso_time (time);

  g_string_append (html, "<td><time datetime=\"");
  append_text (html, iso);
  g_string_append (html, "\">");
  append_text (html, readable);
  g_string_append (html, "<span class=\"iso\">");
  append_text (html, iso);
  g_string_append (html, "</span></time></td>");
}

static void
append_date_cell (GString     *html,
                  const GDate *date)
{
  g_autofree char *readable = NULL;
  char iso[16];

  if (!g_date_valid (date))
    {
      append_element (html, "td", "—");
      return;
    }

  readable = untrain_format_date (date);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);

  g_string_append (html, "<td><time datetime=\"");
  append_text (html, iso);
  g_string_append (html, "\">");
  append_text (html, readable);
  g_string_append (html, "</time></td>");
}

static const char *
get_item_title (UntrainPlatform *platform,
                const char      *item_id)
{
  UntrainItem *item = platform != NULL ? untrain_platform_lookup_item (platform, item_id) : NULL;

  return item != NULL ? untrain_item_get_title (item) : item_id;
}

/* What a read found, in the words of the setting's own switch. */
static char *
describe_found (UntrainPlatform *platform,
                const char      *item_id,
                UntrainStatus    status)
{
  UntrainItem *item = platform != NULL ? untrain_platform_lookup_item (platform, item_id) : NULL;
  const UntrainSetting *setting = item != NULL ? untrain_item_get_setting (item) : NULL;
  gboolean desired_on = setting != NULL && setting->desired_on;

  switch (status)
    {
    case UNTRAIN_STATUS_DONE:
      return g_strdup (desired_on ? _("On") : _("Off"));

    case UNTRAIN_STATUS_ACTION_NEEDED:
      return g_strdup (desired_on ? _("Off") : _("On"));

    case UNTRAIN_STATUS_UNKNOWN:
    case UNTRAIN_STATUS_CHECKING:
    case UNTRAIN_STATUS_NOT_APPLICABLE:
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
    case UNTRAIN_STATUS_ERROR:
    default:
      /* Translators: %s is a status such as “Sign-in needed” or “Error” */
      return g_strdup_printf (_("Couldn’t check: %s"), untrain_status_get_label (status));
    }
}

static const char *
describe_kind (UntrainHistoryKind kind)
{
  switch (kind)
    {
    case UNTRAIN_HISTORY_READ:
      return _("Checked by Untrain");
    case UNTRAIN_HISTORY_CHANGE:
      return _("Changed by Untrain, then checked");
    case UNTRAIN_HISTORY_CONFIRMED:
      return _("Marked done by you");
    case UNTRAIN_HISTORY_SUBMITTED:
      return _("Form sent by you");
    case UNTRAIN_HISTORY_ANSWERED:
      return _("Answer received");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
has_entries (UntrainHistory *self,
             const char     *platform_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      if (entry_matches (g_ptr_array_index (self->entries, i), platform_id, NULL))
        return TRUE;
    }

  return FALSE;
}

static const char * const form_date_keys[] = { "submitted-on", "answer-due", "answer-received-on" };

static gboolean
has_form_dates (UntrainStateStore *store,
                const char        *platform_id,
                UntrainItem       *item)
{
  GDate date;

  if (untrain_item_get_kind (item) != UNTRAIN_ITEM_KIND_FORM)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (form_date_keys); i++)
    {
      if (untrain_state_store_get_date (store, platform_id, untrain_item_get_id (item),
                                        form_date_keys[i], &date))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_confirmation (UntrainStateStore *store,
                  const char        *platform_id,
                  UntrainItem       *item)
{
  g_autoptr(GDateTime) confirmed_at = untrain_state_store_get_confirmed (store, platform_id,
                                                                         untrain_item_get_id (item));

  return confirmed_at != NULL;
}

static gboolean
has_store_record (UntrainStateStore *store,
                  UntrainPlatform   *platform)
{
  const char *platform_id = untrain_platform_get_id (platform);
  guint n_items = untrain_platform_get_n_items (platform);

  if (store == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      UntrainItem *item = untrain_platform_get_item (platform, i);

      if (has_form_dates (store, platform_id, item) || has_confirmation (store, platform_id, item))
        return TRUE;
    }

  return FALSE;
}

/* The items with reads or changes: the catalog's order first, then those
 * the catalog no longer has.
 */
static GPtrArray *
collect_checked_items (UntrainHistory  *self,
                       UntrainPlatform *platform,
                       const char      *platform_id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (is_setting_event (entry) && entry_matches (entry, platform_id, NULL))
        g_hash_table_add (seen, entry->item_id);
    }

  if (platform != NULL)
    {
      guint n_items = untrain_platform_get_n_items (platform);

      for (guint i = 0; i < n_items; i++)
        {
          const char *item_id = untrain_item_get_id (untrain_platform_get_item (platform, i));

          if (g_hash_table_remove (seen, item_id))
            g_ptr_array_add (ids, (char *)item_id);
        }
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (is_setting_event (entry) && entry_matches (entry, platform_id, NULL) &&
          g_hash_table_remove (seen, entry->item_id))
        g_ptr_array_add (ids, entry->item_id);
    }

  return g_steal_pointer (&ids);
}

static const UntrainHistoryEntry *
find_latest_setting_event (UntrainHistory *self,
                           const char     *platform_id,
                           const char     *item_id)
{
  for (guint i = self->entries->len; i > 0; i--)
    {
      const UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i - 1);

      if (is_setting_event (entry) && entry_matches (entry, platform_id, item_id))
        return entry;
    }

  return NULL;
}

/* "Off since 3 December 2026, verified 4 times", or what the last check
 * found.
 */
static void
append_summary (GString         *html,
                UntrainHistory  *self,
                UntrainPlatform *platform,
                const char      *platform_id)
{
  g_autoptr(GPtrArray) item_ids = collect_checked_items (self, platform, platform_id);

  if (item_ids->len == 0)
    return;

  g_string_append (html, "<h3>");
  append_text (html, _("As last checked"));
  g_string_append (html, "</h3>\n<ul>\n");

  for (guint i = 0; i < item_ids->len; i++)
    {
      const char *item_id = g_ptr_array_index (item_ids, i);
      const UntrainHistoryEntry *latest = find_latest_setting_event (self, platform_id, item_id);
      g_autoptr(GDateTime) since = NULL;
      g_autofree char *found = describe_found (platform, item_id, latest->status);
      g_autofree char *text = NULL;
      guint n_verified = 0;

      if (untrain_history_get_off_since (self, platform_id, item_id, &since, &n_verified))
        {
          g_autofree char *day = format_day (since);

          /* Translators: “Off since 3 December 2026, verified 4 times”;
           * the first %s is “Off” or “On” */
          text = g_strdup_printf (ngettext ("%s since %s, verified %u time",
                                            "%s since %s, verified %u times",
                                            n_verified),
                                  found, day, n_verified);
        }
      else if (latest->status == UNTRAIN_STATUS_ACTION_NEEDED)
        {
          g_autofree char *when = format_readable_time (latest->time);

          /* Translators: “On when last checked, 29 November 2026, 14:03 UTC” */
          text = g_strdup_printf (_("%s when last checked, %s"), found, when);
        }
      else
        {
          g_autofree char *when = format_readable_time (latest->time);

          /* Translators: “Couldn’t check on 29 November 2026, 14:03 UTC:
           * Sign-in needed”; the second %s is a status */
          text = g_strdup_printf (_("Couldn’t check on %s: %s"), when,
                                  untrain_status_get_label (latest->status));
        }

      g_string_append (html, "<li><strong>");
      append_text (html, get_item_title (platform, item_id));
      g_string_append (html, "</strong>: ");
      append_text (html, text);
      g_string_append (html, "</li>\n");
    }

  g_string_append (html, "</ul>\n");
}

static void
append_events (GString         *html,
               UntrainHistory  *self,
               UntrainPlatform *platform,
               const char      *platform_id)
{
  if (!has_entries (self, platform_id))
    return;

  g_string_append (html, "<h3>");
  append_text (html, _("Checks, changes and your own entries"));
  g_string_append (html, "</h3>\n<table>\n<thead><tr>");
  append_element (html, "th", _("Time"));
  append_element (html, "th", _("Setting"));
  append_element (html, "th", _("What happened"));
  append_element (html, "th", _("Found"));
  append_element (html, "th", _("Value on the page"));
  g_string_append (html, "</tr></thead>\n<tbody>\n");

  for (guint i = 0; i < self->entries->len; i++)
    {
      UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (!entry_matches (entry, platform_id, NULL))
        continue;

      g_string_append (html, "<tr>");
      append_time_cell (html, entry->time);
      append_element (html, "td", get_item_title (platform, entry->item_id));
      append_element (html, "td", describe_kind (entry->kind));

      if (is_setting_event (entry))
        {
          g_autofree char *found = describe_found (platform, entry->item_id, entry->status);

          append_element (html, "td", found);
        }
      else
        append_element (html, "td", "—");

      if (entry->value != NULL)
        {
          g_string_append (html, "<td><code>");
          append_text (html, entry->value);
          g_string_append (html, "</code></td>");
        }
      else
        append_element (html, "td", "—");

      g_string_append (html, "</tr>\n");
    }

  g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_forms (GString           *html,
              UntrainStateStore *store,
              UntrainPlatform   *platform)
{
  const char *platform_id = untrain_platform_get_id (platform);
  guint n_items = untrain_platform_get_n_items (platform);
  gboolean any = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      UntrainItem *item = untrain_platform_get_item (platform, i);

      if (!has_form_dates (store, platform_id, item))
        continue;

      if (!any)
        {
          g_string_append (html, "<h3>");
          append_text (html, _("Forms you sent"));
          g_string_append (html, "</h3>\n<table>\n<thead><tr>");
          append_element (html, "th", _("Form"));
          append_element (html, "th", _("Sent on"));
          append_element (html, "th", _("Answer due by"));
          append_element (html, "th", _("Answer received on"));
          g_string_append (html, "</tr></thead>\n<tbody>\n");
          any = TRUE;
        }

      g_string_append (html, "<tr>");
      append_element (html, "td", untrain_item_get_title (item));
      for (guint k = 0; k < G_N_ELEMENTS (form_date_keys); k++)
        {
          GDate date;

          untrain_state_store_get_date (store, platform_id, untrain_item_get_id (item),
                                        form_date_keys[k], &date);
          append_date_cell (html, &date);
        }
      g_string_append (html, "</tr>\n");
    }

  if (any)
    g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_confirmations (GString           *html,
                      UntrainStateStore *store,
                      UntrainPlatform   *platform)
{
  const char *platform_id = untrain_platform_get_id (platform);
  guint n_items = untrain_platform_get_n_items (platform);
  gboolean any = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      UntrainItem *item = untrain_platform_get_item (platform, i);
      g_autoptr(GDateTime) confirmed_at = untrain_state_store_get_confirmed (store, platform_id,
                                                                             untrain_item_get_id (item));

      if (confirmed_at == NULL)
        continue;

      if (!any)
        {
          g_string_append (html, "<h3>");
          append_text (html, _("Marked done by you"));
          g_string_append (html, "</h3>\n<table>\n<thead><tr>");
          append_element (html, "th", _("Item"));
          append_element (html, "th", _("Marked done on"));
          g_string_append (html, "</tr></thead>\n<tbody>\n");
          any = TRUE;
        }

      g_string_append (html, "<tr>");
      append_element (html, "td", untrain_item_get_title (item));
      append_time_cell (html, confirmed_at);
      g_string_append (html, "</tr>\n");
    }

  if (any)
    g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_platform (GString           *html,
                 UntrainHistory    *self,
                 UntrainStateStore *store,
                 UntrainPlatform   *platform,
                 const char        *platform_id)
{
  g_string_append (html, "<section>\n<h2>");
  append_text (html, platform != NULL ? untrain_platform_get_name (platform) : platform_id);
  g_string_append (html, "</h2>\n");

  append_summary (html, self, platform, platform_id);
  append_events (html, self, platform, platform_id);

  if (platform != NULL && store != NULL)
    {
      append_forms (html, store, platform);
      append_confirmations (html, store, platform);
    }

  g_string_append (html, "</section>\n");
}

static void
append_paragraph (GString    *html,
                  const char *class_name,
                  const char *text)
{
  if (class_name != NULL)
    g_string_append_printf (html, "<p class=\"%s\">", class_name);
  else
    g_string_append (html, "<p>");
  append_text (html, text);
  g_string_append (html, "</p>\n");
}

/**
 * untrain_history_export_html:
 * @catalog: for platform names and item titles
 * @store: (nullable): for form dates and confirmations
 * @now: when the record is made; its date is in the title
 *
 * A record a person can attach to a complaint to a data-protection
 * authority: one self-contained HTML5 page (inline style, no scripts, no
 * resources from anywhere) with every read and change of each platform's
 * settings, the forms sent and answered, and the person's confirmations.
 * Platforms without any of these are left out. Times are in UTC.
 *
 * Returns: (transfer full): the page, UTF-8
 */
char *
untrain_history_export_html (UntrainHistory    *self,
                             UntrainCatalog    *catalog,
                             UntrainStateStore *store,
                             GDateTime         *now)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *made = NULL;
  g_autofree char *made_text = NULL;
  g_autofree char *made_iso = NULL;
  guint n_platforms;
  guint n_sections = 0;

  g_return_val_if_fail (UNTRAIN_IS_HISTORY (self), NULL);
  g_return_val_if_fail (UNTRAIN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (store == NULL || UNTRAIN_IS_STATE_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  day = format_day (now);
  /* Translators: the title of the exported record; %s is a date,
   * “29 November 2026” */
  title = g_strdup_printf (_("Untrain record of AI-training settings, %s"), day);
  made = format_readable_time (now);
  made_iso = format_iso_time (now);

  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of this translation (“de”, “pt-BR”),
   * for the lang attribute of the exported record */
  append_text (html, C_("html lang", "en"));
  g_string_append (html, "\">\n<head>\n<meta charset=\"utf-8\">\n");
  /* Nothing may load from anywhere, even if a string slipped through. */
  g_string_append (html, "<meta http-equiv=\"Content-Security-Policy\" "
                         "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
  g_string_append (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (html, "<meta name=\"generator\" content=\"Untrain ");
  append_text (html, PACKAGE_VERSION);
  g_string_append (html, "\">\n");
  g_string_append (html, "<meta name=\"date\" content=\"");
  append_text (html, made_iso);
  g_string_append (html, "\">\n<title>");
  append_text (html, title);
  g_string_append_printf (html, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n", record_style);

  append_element (html, "h1", title);

  /* Translators: %s is a time, “29 November 2026, 14:03 UTC” */
  made_text = g_strdup_printf (_("Made on %s by Untrain %s."), made, PACKAGE_VERSION);
  g_string_append (html, "<p class=\"made\"><time datetime=\"");
  append_text (html, made_iso);
  g_string_append (html, "\">");
  append_text (html, made_text);
  g_string_append (html, "</time></p>\n");

  append_paragraph (html, NULL,
                    _("This is a record of the settings that control whether your accounts’ data "
                      "is used to train AI. Each time Untrain read one of these settings from your "
                      "account, or changed it for you and read it again, it noted the time, what it "
                      "found and the value the platform’s own page gave. The record also lists the "
                      "objection forms you sent and the answers you received, as you entered them "
                      "in Untrain, and the items you marked as done yourself."));
  append_paragraph (html, NULL,
                    _("It was generated from the history that Untrain keeps on this computer. "
                      "Untrain only ever adds to that history; it never changes or removes an entry. "
                      "All times are in Coordinated Universal Time (UTC)."));

  if (self->n_skipped > 0)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (ngettext ("%u line of the history could not be read (it may have been "
                                        "cut off by a crash or edited by hand) and is not shown here. "
                                        "It is still in the history file, unchanged.",
                                        "%u lines of the history could not be read (they may have been "
                                        "cut off by a crash or edited by hand) and are not shown here. "
                                        "They are still in the history file, unchanged.",
                                        self->n_skipped),
                              self->n_skipped);
      append_paragraph (html, "note", note);
    }

  g_string_append (html, "</header>\n<main>\n");

  n_platforms = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *platform_id = untrain_platform_get_id (platform);

      g_hash_table_add (known, (char *)platform_id);

      if (!has_entries (self, platform_id) && !has_store_record (store, platform))
        continue;

      append_platform (html, self, store, platform, platform_id);
      n_sections++;
    }

  /* Entries of platforms the catalog no longer has are part of the record too. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      UntrainHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_hash_table_contains (known, entry->platform_id))
        continue;

      g_hash_table_add (known, entry->platform_id);
      g_ptr_array_add (unknown, entry->platform_id);
    }

  for (guint i = 0; i < unknown->len; i++)
    {
      append_platform (html, self, store, NULL, g_ptr_array_index (unknown, i));
      n_sections++;
    }

  if (n_sections == 0)
    append_paragraph (html, "note",
                      _("There is nothing on record yet: Untrain has not checked or changed any "
                        "setting, and no form submission or answer has been entered."));

  g_string_append (html, "</main>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}
