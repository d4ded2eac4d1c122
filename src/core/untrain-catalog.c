/* untrain-catalog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-catalog.h"
#include "untrain-catalog-private.h"
#include "untrain-error.h"

#define BUILTIN_PATH RESOURCE_PREFIX "/platforms/"

/* The platforms, sorted by name, as a GListModel of UntrainPlatform. */
struct _UntrainCatalog
{
  GObject    parent_instance;

  GPtrArray *platforms;
  GPtrArray *warnings;
};

static GType
untrain_catalog_get_item_type (GListModel *model)
{
  return UNTRAIN_TYPE_PLATFORM;
}

static guint
untrain_catalog_get_n_items (GListModel *model)
{
  return UNTRAIN_CATALOG (model)->platforms->len;
}

static gpointer
untrain_catalog_get_item (GListModel *model,
                          guint       position)
{
  UntrainCatalog *self = UNTRAIN_CATALOG (model);

  if (position >= self->platforms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->platforms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = untrain_catalog_get_item_type;
  iface->get_n_items = untrain_catalog_get_n_items;
  iface->get_item = untrain_catalog_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UntrainCatalog, untrain_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
untrain_catalog_finalize (GObject *object)
{
  UntrainCatalog *self = (UntrainCatalog *)object;

  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (untrain_catalog_parent_class)->finalize (object);
}

static void
untrain_catalog_class_init (UntrainCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = untrain_catalog_finalize;
}

static void
untrain_catalog_init (UntrainCatalog *self)
{
  self->platforms = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

UntrainCatalog *
untrain_catalog_new (void)
{
  return g_object_new (UNTRAIN_TYPE_CATALOG, NULL);
}

/**
 * untrain_catalog_get_default_override_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/untrain/platforms`, where a
 *   person's own platform files add to or replace the built-in ones
 */
GFile *
untrain_catalog_get_default_override_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "untrain", "platforms", NULL);
}

/**
 * untrain_catalog_new_default:
 *
 * The built-in catalog with the person's override directory on top. A bad
 * override file is skipped with a warning; it never hides the built-in
 * platforms.
 *
 * Returns: (transfer full): a catalog
 */
UntrainCatalog *
untrain_catalog_new_default (void)
{
  g_autoptr(UntrainCatalog) self = untrain_catalog_new ();
  g_autoptr(GFile) override_dir = untrain_catalog_get_default_override_dir ();
  g_autoptr(GError) error = NULL;

  if (!untrain_catalog_load_builtin (self, &error))
    g_error ("The built-in catalog does not load: %s", error->message);

  if (!untrain_catalog_load_directory (self, override_dir, &error))
    {
      g_warning ("%s", error->message);
      g_ptr_array_add (self->warnings, g_strdup (error->message));
    }

  return g_steal_pointer (&self);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  UntrainPlatform *platform_a = *(UntrainPlatform **)a;
  UntrainPlatform *platform_b = *(UntrainPlatform **)b;
  g_autofree char *key_a = g_utf8_collate_key (untrain_platform_get_name (platform_a), -1);
  g_autofree char *key_b = g_utf8_collate_key (untrain_platform_get_name (platform_b), -1);

  return strcmp (key_a, key_b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * untrain_catalog_add:
 *
 * Adds @platform, replacing the platform with the same id if there is one.
 */
void
untrain_catalog_add (UntrainCatalog  *self,
                     UntrainPlatform *platform)
{
  guint old_len;

  g_return_if_fail (UNTRAIN_IS_CATALOG (self));
  g_return_if_fail (UNTRAIN_IS_PLATFORM (platform));

  old_len = self->platforms->len;

  for (guint i = 0; i < self->platforms->len; i++)
    {
      UntrainPlatform *existing = g_ptr_array_index (self->platforms, i);

      if (g_str_equal (untrain_platform_get_id (existing), untrain_platform_get_id (platform)))
        {
          g_ptr_array_remove_index (self->platforms, i);
          break;
        }
    }

  g_ptr_array_add (self->platforms, g_object_ref (platform));
  g_ptr_array_sort (self->platforms, compare_by_name);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->platforms->len);
}

static gboolean
load_bytes (UntrainCatalog  *self,
            GBytes          *bytes,
            const char      *file_name,
            GError         **error)
{
  g_autoptr(UntrainPlatform) platform = NULL;

  platform = untrain_platform_new_from_bytes (bytes, file_name, error);
  if (platform == NULL)
    return FALSE;

  untrain_catalog_add (self, platform);
  return TRUE;
}

/**
 * untrain_catalog_load_builtin:
 *
 * Loads the platform files compiled into Untrain. An error here is a bug
 * in Untrain, caught by its tests.
 */
gboolean
untrain_catalog_load_builtin (UntrainCatalog  *self,
                              GError         **error)
{
  g_auto(GStrv) children = NULL;

  g_return_val_if_fail (UNTRAIN_IS_CATALOG (self), FALSE);

  children = g_resources_enumerate_children (BUILTIN_PATH, 0, error);
  if (children == NULL)
    return FALSE;

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BUILTIN_PATH, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (children[i], ".json"))
        continue;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL || !load_bytes (self, bytes, children[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * untrain_catalog_load_directory:
 * @directory: a folder of `<id>.json` files
 *
 * Adds the platforms in @directory, replacing built-in ones with the same
 * id. A file that does not load is skipped with a warning naming the file
 * and the field; the others still load. A missing folder is not an error.
 *
 * Returns: %FALSE only when the folder exists but cannot be read
 */
gboolean
untrain_catalog_load_directory (UntrainCatalog  *self,
                                GFile           *directory,
                                GError         **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir_path = NULL;

  g_return_val_if_fail (UNTRAIN_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE,
                                          NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      dir_path = g_file_get_path (directory);
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("Can’t read your platform files in %s: %s"),
                   dir_path, local_error->message);
      return FALSE;
    }

  /* Sorted, so that warnings come in a stable order. */
  names = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        break;
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (directory, name);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autofree char *path = g_file_get_path (file);

      bytes = g_file_load_bytes (file, NULL, NULL, &file_error);

      if (bytes == NULL || !load_bytes (self, bytes, name, &file_error))
        {
          g_autofree char *message = NULL;

          /* Translators: the first %s is a file path, the second what is wrong with it */
          message = g_strdup_printf (_("Skipped %s: %s"), path, file_error->message);
          g_warning ("%s", message);
          g_ptr_array_add (self->warnings, g_steal_pointer (&message));
        }
    }

  return TRUE;
}

/**
 * untrain_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the platform called @platform_id
 */
UntrainPlatform *
untrain_catalog_lookup (UntrainCatalog *self,
                        const char     *platform_id)
{
  g_return_val_if_fail (UNTRAIN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (platform_id != NULL, NULL);

  for (guint i = 0; i < self->platforms->len; i++)
    {
      UntrainPlatform *platform = g_ptr_array_index (self->platforms, i);

      if (g_str_equal (untrain_platform_get_id (platform), platform_id))
        return platform;
    }

  return NULL;
}

/**
 * untrain_catalog_get_warnings:
 *
 * Returns: (transfer none): what went wrong while loading, one sentence
 *   each, for the window to show; empty when all went well
 */
const char * const *
untrain_catalog_get_warnings (UntrainCatalog *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (UNTRAIN_IS_CATALOG (self), NULL);

  /* A null-terminated array has no storage until its first element. */
  if (self->warnings->pdata == NULL)
    return none;

  return (const char * const *)self->warnings->pdata;
}

/* Helpers for the item and platform parsers. */

static gboolean
get_member (JsonObject  *object,
            const char  *where,
            const char  *member,
            gboolean     required,
            JsonNode   **node,
            GError     **error)
{
  *node = json_object_get_member (object, member);

  if (*node == NULL && required)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   /* Translators: the first %s names a file and a place in it */
                   _("%s.%s: is missing"), where, member);
      return FALSE;
    }

  return TRUE;
}

gboolean
_untrain_json_get_string (JsonObject  *object,
                          const char  *where,
                          const char  *member,
                          gboolean     required,
                          const char **value,
                          GError     **error)
{
  JsonNode *node;

  if (!get_member (object, where, member, required, &node, error))
    return FALSE;

  if (node == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      json_node_get_string (node)[0] == '\0')
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.%s: must be a text that is not empty"), where, member);
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
_untrain_json_get_array (JsonObject  *object,
                         const char  *where,
                         const char  *member,
                         gboolean     required,
                         JsonArray  **value,
                         GError     **error)
{
  JsonNode *node;

  if (!get_member (object, where, member, required, &node, error))
    return FALSE;

  if (node == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.%s: must be a list"), where, member);
      return FALSE;
    }

  *value = json_node_get_array (node);
  return TRUE;
}

gboolean
_untrain_json_get_strv (JsonObject   *object,
                        const char   *where,
                        const char   *member,
                        gboolean      required,
                        char       ***value,
                        GError      **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (!_untrain_json_get_array (object, where, member, required, &array, error))
    return FALSE;

  if (array == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.%s[%u]: must be a text"), where, member, i);
          return FALSE;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_untrain_json_check_id (const char  *id,
                        const char  *where,
                        const char  *member,
                        GError     **error)
{
  for (const char *c = id; *c != '\0'; c++)
    {
      if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.%s: “%s” may hold only lower-case letters, digits and dashes"),
                       where, member, id);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_untrain_json_check_url (const char  *url,
                         const char  *where,
                         const char  *member,
                         GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL ||
      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL ||
      g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.%s: “%s” is not an https:// address"), where, member, url);
      return FALSE;
    }

  return TRUE;
}

gboolean
_untrain_json_check_members (JsonObject         *object,
                             const char         *where,
                             const char * const *known,
                             GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.%s: is not a field Untrain knows"), where, (const char *)l->data);
          return FALSE;
        }
    }

  return TRUE;
}

/* The code unit of the four hex digits at @text, or -1 when they are not. */
static int
read_hex4 (const char *text,
           gsize       length)
{
  int unit = 0;

  if (length < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

/* How long the escape at @text (a backslash) is, when it is JSON's: a
 * character of "\"\\/bfnrt", or "\u" and four hex digits, a surrogate
 * only in a pair. 0 for anything else.
 */
static gsize
get_escape_length (const char *text,
                   gsize       length)
{
  int unit;

  if (length < 2)
    return 0;

  if (text[1] != '\0' && strchr ("\"\\/bfnrt", text[1]) != NULL)
    return 2;

  if (text[1] != 'u' || (unit = read_hex4 (text + 2, length - 2)) < 0)
    return 0;

  if (unit >= 0xdc00 && unit <= 0xdfff)
    return 0;

  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low;

      if (length < 12 || text[6] != '\\' || text[7] != 'u')
        return 0;

      low = read_hex4 (text + 8, length - 8);
      if (low < 0xdc00 || low > 0xdfff)
        return 0;

      return 12;
    }

  return 6;
}

/**
 * _untrain_json_check_text_full:
 * @text: JSON text, from anywhere
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @out_depth: (out) (optional): how deep @text nests, when it is
 *   %UNTRAIN_JSON_TEXT_OK
 *
 * What json-glib cannot be trusted with, found by fuzzing. Version 1.6
 * parses lists and objects by recursion, as deep as the text nests them:
 * text nested a million times overflows the stack. And it takes a list
 * or an object after a first value ("{…} {…}") as a second document,
 * keeping the first one and leaking the others.
 *
 * Both are checked here, which means seeing the brackets json-glib sees:
 * those outside its strings. Where json-glib reads more than JSON, it
 * reads it in ways of its own, which change from version to version.
 * Comments: 1.6 takes any slash for the start of one that ends at the
 * next slash, 1.10 reads C's. Escapes that JSON has not: 1.6 takes the
 * quote after "\u1" into the string, and the two characters after a lone
 * surrogate. Text with either is refused here: no JSON Untrain reads has
 * them. Single-quoted strings are kept, as the one way in which json-glib
 * reads them is without escapes (1.6; 1.10 stops at the quote).
 *
 * Returns: %UNTRAIN_JSON_TEXT_OK, or what is wrong with @text
 */
UntrainJsonText
_untrain_json_check_text_full (const char *text,
                               gssize      length,
                               guint      *out_depth)
{
  enum { CODE, DOUBLE_QUOTED, SINGLE_QUOTED } state = CODE;
  gsize end = length < 0 ? strlen (text) : (gsize)length;
  gboolean seen_value = FALSE;
  guint depth = 0;
  guint max_depth = 0;
  gsize i = 0;

  if (end >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  for (; i < end; i++)
    {
      char c = text[i];

      switch (state)
        {
        case DOUBLE_QUOTED:
          if (c == '"')
            state = CODE;
          else if (c == '\\')
            {
              gsize escape_length = get_escape_length (text + i, end - i);

              if (escape_length == 0)
                return UNTRAIN_JSON_TEXT_BAD_ESCAPE;
              i += escape_length - 1;
            }
          break;

        case SINGLE_QUOTED:
          if (c == '\'')
            state = CODE;
          break;

        case CODE:
        default:
          if (c == '/')
            return UNTRAIN_JSON_TEXT_COMMENT;

          if (g_ascii_isspace (c))
            break;

          if (depth == 0)
            {
              if ((c == '{' || c == '[') && seen_value)
                return UNTRAIN_JSON_TEXT_SEVERAL_VALUES;
              seen_value = TRUE;
            }

          if (c == '"')
            state = DOUBLE_QUOTED;
          else if (c == '\'')
            state = SINGLE_QUOTED;
          else if (c == '{' || c == '[')
            {
              if (++depth > UNTRAIN_JSON_MAX_DEPTH)
                return UNTRAIN_JSON_TEXT_TOO_DEEP;
              max_depth = MAX (max_depth, depth);
            }
          else if ((c == '}' || c == ']') && depth > 0)
            depth--;
          break;
        }
    }

  if (out_depth != NULL)
    *out_depth = max_depth;

  return UNTRAIN_JSON_TEXT_OK;
}

/**
 * _untrain_json_check_text:
 * @text: JSON text, from anywhere
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * See _untrain_json_check_text_full().
 *
 * Returns: %UNTRAIN_JSON_TEXT_OK, or what is wrong with @text
 */
UntrainJsonText
_untrain_json_check_text (const char *text,
                          gssize      length)
{
  return _untrain_json_check_text_full (text, length, NULL);
}
