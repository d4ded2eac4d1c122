/* untrain-platform.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-platform"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-catalog-private.h"
#include "untrain-error.h"
#include "untrain-item-private.h"
#include "untrain-platform.h"

struct _UntrainPlatform
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *homepage;
  char      *provider;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (UntrainPlatform, untrain_platform, G_TYPE_OBJECT)

static void
untrain_platform_dispose (GObject *object)
{
  UntrainPlatform *self = (UntrainPlatform *)object;

  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (untrain_platform_parent_class)->dispose (object);
}

static void
untrain_platform_finalize (GObject *object)
{
  UntrainPlatform *self = (UntrainPlatform *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->homepage, g_free);
  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (untrain_platform_parent_class)->finalize (object);
}

static void
untrain_platform_class_init (UntrainPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = untrain_platform_dispose;
  object_class->finalize = untrain_platform_finalize;
}

static void
untrain_platform_init (UntrainPlatform *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * untrain_platform_new_from_bytes:
 * @bytes: the contents of a catalog file
 * @file_name: the file's name, for error messages
 *
 * Parses and validates one platform file. Unknown kinds, unknown fields,
 * missing fields, bad dates and bad country codes are errors that name
 * @file_name and the field.
 *
 * Returns: (transfer full): a platform, or %NULL with @error set
 */
UntrainPlatform *
untrain_platform_new_from_bytes (GBytes      *bytes,
                                 const char  *file_name,
                                 GError     **error)
{
  static const char * const known[] = { "id", "name", "homepage", "provider", "items", NULL };
  g_autoptr(UntrainPlatform) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *base_name = NULL;
  JsonObject *object;
  JsonArray *items = NULL;
  JsonNode *root;
  const char *id = NULL;
  const char *name = NULL;
  const char *homepage = NULL;
  const char *provider = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  /* An empty GBytes may have no data at all; the parser wants some. */
  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  switch (_untrain_json_check_text (data, size))
    {
    case UNTRAIN_JSON_TEXT_TOO_DEEP:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: lists and objects nest deeper than %u levels"),
                   file_name, UNTRAIN_JSON_MAX_DEPTH);
      return NULL;

    case UNTRAIN_JSON_TEXT_SEVERAL_VALUES:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: must hold one JSON object"), file_name);
      return NULL;

    case UNTRAIN_JSON_TEXT_COMMENT:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: has a comment, which JSON does not allow"), file_name);
      return NULL;

    case UNTRAIN_JSON_TEXT_BAD_ESCAPE:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: a string has a backslash escape that JSON does not allow"), file_name);
      return NULL;

    case UNTRAIN_JSON_TEXT_OK:
    default:
      break;
    }

  parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: not valid JSON: %s"), file_name, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: must hold one JSON object"), file_name);
      return NULL;
    }

  object = json_node_get_object (root);

  if (!_untrain_json_check_members (object, file_name, known, error) ||
      !_untrain_json_get_string (object, file_name, "id", TRUE, &id, error) ||
      !_untrain_json_check_id (id, file_name, "id", error) ||
      !_untrain_json_get_string (object, file_name, "name", TRUE, &name, error) ||
      !_untrain_json_get_string (object, file_name, "homepage", TRUE, &homepage, error) ||
      !_untrain_json_check_url (homepage, file_name, "homepage", error) ||
      !_untrain_json_get_string (object, file_name, "provider", FALSE, &provider, error) ||
      !_untrain_json_get_array (object, file_name, "items", TRUE, &items, error))
    return NULL;

  expected_name = g_strdup_printf ("%s.json", id);
  base_name = g_path_get_basename (file_name);
  if (!g_str_equal (expected_name, base_name))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.id: “%s” must match the file name (%s)"),
                   file_name, id, expected_name);
      return NULL;
    }

  if (json_array_get_length (items) == 0)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.items: needs at least one item"), file_name);
      return NULL;
    }

  self = g_object_new (UNTRAIN_TYPE_PLATFORM, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->homepage = g_strdup (homepage);
  self->provider = g_strdup (provider);

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: items[%u]", file_name, i);
      UntrainItem *item;

      item = _untrain_item_new_from_json (json_array_get_element (items, i), where, error);
      if (item == NULL)
        return NULL;

      g_ptr_array_add (self->items, item);

      if (!g_hash_table_add (seen, (gpointer)untrain_item_get_id (item)))
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.id: “%s” is used by another item too"),
                       where, untrain_item_get_id (item));
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

const char *
untrain_platform_get_id (UntrainPlatform *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);

  return self->id;
}

const char *
untrain_platform_get_name (UntrainPlatform *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);

  return self->name;
}

const char *
untrain_platform_get_homepage (UntrainPlatform *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);

  return self->homepage;
}

/**
 * untrain_platform_get_provider:
 *
 * Returns: (nullable): the live provider's name, %NULL for a checklist
 *   the person works through by hand
 */
const char *
untrain_platform_get_provider (UntrainPlatform *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);

  return self->provider;
}

guint
untrain_platform_get_n_items (UntrainPlatform *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), 0);

  return self->items->len;
}

/**
 * untrain_platform_get_item:
 *
 * Returns: (transfer none): the item at @position
 */
UntrainItem *
untrain_platform_get_item (UntrainPlatform *self,
                           guint            position)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/**
 * untrain_platform_lookup_item:
 *
 * Returns: (transfer none) (nullable): the item called @item_id
 */
UntrainItem *
untrain_platform_lookup_item (UntrainPlatform *self,
                              const char      *item_id)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      UntrainItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (untrain_item_get_id (item), item_id))
        return item;
    }

  return NULL;
}
