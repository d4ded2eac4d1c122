/* untrain-item.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-item"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "untrain-catalog-private.h"
#include "untrain-core-enums.h"
#include "untrain-error.h"
#include "untrain-item-private.h"
#include "untrain-region.h"

struct _UntrainItem
{
  GObject          parent_instance;

  char            *id;
  UntrainItemKind  kind;
  char            *title;
  char            *description;
  char            *url;
  char           **sources;
  GArray          *rules;
  UntrainSetting  *setting;
};

G_DEFINE_FINAL_TYPE (UntrainItem, untrain_item, G_TYPE_OBJECT)

static void
clear_rule (gpointer data)
{
  UntrainRule *rule = data;

  g_clear_pointer (&rule->regions, g_strfreev);
}

static void
setting_free (UntrainSetting *setting)
{
  g_free (setting->key);
  g_free (setting->page);
  g_free (setting->label);
  g_clear_pointer (&setting->off_value, json_node_unref);
  g_free (setting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UntrainSetting, setting_free)

static void
untrain_item_finalize (GObject *object)
{
  UntrainItem *self = (UntrainItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->rules, g_array_unref);
  g_clear_pointer (&self->setting, setting_free);

  G_OBJECT_CLASS (untrain_item_parent_class)->finalize (object);
}

static void
untrain_item_class_init (UntrainItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = untrain_item_finalize;
}

static void
untrain_item_init (UntrainItem *self)
{
  self->rules = g_array_new (FALSE, TRUE, sizeof (UntrainRule));
  g_array_set_clear_func (self->rules, clear_rule);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char tail;

  /* Strictly YYYY-MM-DD: g_date_set_parse() would take "3/11" too, and
   * sscanf() alone would take signs and blanks. */
  if (strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  if (text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_regions (JsonObject   *object,
               const char   *where,
               const char   *member,
               char       ***regions,
               GError      **error)
{
  g_auto(GStrv) codes = NULL;

  if (!_untrain_json_get_strv (object, where, member, FALSE, &codes, error))
    return FALSE;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (!untrain_region_is_country (codes[i]) && !untrain_region_is_group (codes[i]))
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       /* Translators: the first %s names a file and a field */
                       _("%s.%s: “%s” is not a country code (ISO 3166-1 alpha-2) or a group (EU, EEA, UK, CH, CA, HK)"),
                       where, member, codes[i]);
          return FALSE;
        }
    }

  *regions = g_steal_pointer (&codes);
  return TRUE;
}

static gboolean
parse_rule (JsonNode    *node,
            const char  *where,
            UntrainRule *rule,
            GError     **error)
{
  static const char * const known[] = { "regions", "not_regions", "since", "min_age", NULL };
  JsonObject *object;
  const char *since = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: must be an object"), where);
      return FALSE;
    }

  object = json_node_get_object (node);

  if (!_untrain_json_check_members (object, where, known, error))
    return FALSE;

  if (json_object_has_member (object, "regions") &&
      json_object_has_member (object, "not_regions"))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: has both “regions” and “not_regions”; a rule takes one of them"),
                   where);
      return FALSE;
    }

  if (json_object_has_member (object, "not_regions"))
    {
      rule->exclude = TRUE;
      if (!parse_regions (object, where, "not_regions", &rule->regions, error))
        return FALSE;
    }
  else if (!parse_regions (object, where, "regions", &rule->regions, error))
    return FALSE;

  if (!_untrain_json_get_string (object, where, "since", FALSE, &since, error))
    return FALSE;

  if (since != NULL && !parse_date (since, &rule->since))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.since: “%s” is not a date (YYYY-MM-DD)"),
                   where, since);
      return FALSE;
    }

  if (json_object_has_member (object, "min_age"))
    {
      JsonNode *age = json_object_get_member (object, "min_age");

      if (!JSON_NODE_HOLDS_VALUE (age) ||
          json_node_get_value_type (age) != G_TYPE_INT64 ||
          json_node_get_int (age) < 1 ||
          json_node_get_int (age) > 120)
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.min_age: must be a whole number of years from 1 to 120"),
                       where);
          return FALSE;
        }

      rule->min_age = json_node_get_int (age);
    }

  return TRUE;
}

static gboolean
parse_setting (JsonObject      *parent,
               const char      *where,
               UntrainSetting **setting,
               GError         **error)
{
  static const char * const known[] = { "key", "page", "label", "desired", "off_value", NULL };
  g_autofree char *setting_where = g_strdup_printf ("%s.setting", where);
  g_autoptr(UntrainSetting) result = NULL;
  JsonNode *node = json_object_get_member (parent, "setting");
  JsonObject *object;
  const char *key = NULL;
  const char *page = NULL;
  const char *label = NULL;
  const char *desired = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: must be an object"), setting_where);
      return FALSE;
    }

  object = json_node_get_object (node);

  if (!_untrain_json_check_members (object, setting_where, known, error) ||
      !_untrain_json_get_string (object, setting_where, "key", TRUE, &key, error) ||
      !_untrain_json_get_string (object, setting_where, "page", TRUE, &page, error) ||
      !_untrain_json_get_string (object, setting_where, "label", FALSE, &label, error) ||
      !_untrain_json_get_string (object, setting_where, "desired", TRUE, &desired, error))
    return FALSE;

  if (!g_str_equal (desired, "off") && !g_str_equal (desired, "on"))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.desired: “%s” is neither “off” nor “on”"),
                   setting_where, desired);
      return FALSE;
    }

  result = g_new0 (UntrainSetting, 1);
  result->key = g_strdup (key);
  result->page = g_strdup (page);
  result->label = g_strdup (label);
  result->desired_on = g_str_equal (desired, "on");

  if (json_object_has_member (object, "off_value"))
    {
      JsonNode *off_value = json_object_get_member (object, "off_value");

      if (!JSON_NODE_HOLDS_VALUE (off_value))
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.off_value: must be a string, a number or true or false"),
                       setting_where);
          return FALSE;
        }

      result->off_value = json_node_copy (off_value);
    }

  *setting = g_steal_pointer (&result);
  return TRUE;
}

UntrainItem *
_untrain_item_new_from_json (JsonNode    *node,
                             const char  *where,
                             GError     **error)
{
  static const char * const known[] = {
    "id", "kind", "title", "description", "url", "applies", "sources", "setting", NULL
  };
  g_autoptr(UntrainItem) self = NULL;
  g_autoptr(GEnumClass) kinds = NULL;
  JsonObject *object;
  JsonArray *applies = NULL;
  GEnumValue *kind_value;
  const char *id = NULL;
  const char *kind = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *url = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (where != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s: must be an object"), where);
      return NULL;
    }

  object = json_node_get_object (node);

  if (!_untrain_json_check_members (object, where, known, error) ||
      !_untrain_json_get_string (object, where, "id", TRUE, &id, error) ||
      !_untrain_json_check_id (id, where, "id", error) ||
      !_untrain_json_get_string (object, where, "kind", TRUE, &kind, error))
    return NULL;

  kinds = g_type_class_ref (UNTRAIN_TYPE_ITEM_KIND);
  kind_value = g_enum_get_value_by_nick (kinds, kind);
  if (kind_value == NULL)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.kind: “%s” is not a kind of item (toggle, form or info)"),
                   where, kind);
      return NULL;
    }

  self = g_object_new (UNTRAIN_TYPE_ITEM, NULL);
  self->id = g_strdup (id);
  self->kind = kind_value->value;

  if (!_untrain_json_get_string (object, where, "title", TRUE, &title, error) ||
      !_untrain_json_get_string (object, where, "description", TRUE, &description, error) ||
      !_untrain_json_get_string (object, where, "url", self->kind != UNTRAIN_ITEM_KIND_INFO, &url, error) ||
      (url != NULL && !_untrain_json_check_url (url, where, "url", error)) ||
      !_untrain_json_get_strv (object, where, "sources", TRUE, &self->sources, error) ||
      !_untrain_json_get_array (object, where, "applies", TRUE, &applies, error))
    return NULL;

  /* Translated through our own domain: the catalog's strings are extracted
   * into po/ like every other string a person reads.
   */
  self->title = g_strdup (g_dgettext (GETTEXT_PACKAGE, title));
  self->description = g_strdup (g_dgettext (GETTEXT_PACKAGE, description));
  self->url = g_strdup (url);

  if (self->sources[0] == NULL)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                   _("%s.sources: needs at least one source"), where);
      return NULL;
    }

  for (guint i = 0; self->sources[i] != NULL; i++)
    {
      g_autofree char *member = g_strdup_printf ("sources[%u]", i);

      if (!_untrain_json_check_url (self->sources[i], where, member, error))
        return NULL;
    }

  for (guint i = 0; i < json_array_get_length (applies); i++)
    {
      g_autofree char *rule_where = g_strdup_printf ("%s.applies[%u]", where, i);
      UntrainRule rule = { 0 };

      g_date_clear (&rule.since, 1);

      if (!parse_rule (json_array_get_element (applies, i), rule_where, &rule, error))
        {
          clear_rule (&rule);
          return NULL;
        }

      g_array_append_val (self->rules, rule);
    }

  if (json_object_has_member (object, "setting"))
    {
      if (self->kind != UNTRAIN_ITEM_KIND_TOGGLE)
        {
          g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_INVALID_CATALOG,
                       _("%s.setting: only a toggle has a setting"), where);
          return NULL;
        }

      if (!parse_setting (object, where, &self->setting, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
untrain_item_get_id (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return self->id;
}

UntrainItemKind
untrain_item_get_kind (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), 0);

  return self->kind;
}

const char *
untrain_item_get_title (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return self->title;
}

const char *
untrain_item_get_description (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return self->description;
}

/**
 * untrain_item_get_url:
 *
 * Returns: (nullable): the settings page or form, %NULL for some info items
 */
const char *
untrain_item_get_url (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return self->url;
}

const char * const *
untrain_item_get_sources (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return (const char * const *)self->sources;
}

const UntrainRule *
untrain_item_get_rules (UntrainItem *self,
                        guint       *n_rules)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);
  g_return_val_if_fail (n_rules != NULL, NULL);

  *n_rules = self->rules->len;
  return (const UntrainRule *)(gpointer)self->rules->data;
}

/**
 * untrain_item_get_setting:
 *
 * Returns: (nullable): the live setting behind a toggle, if the catalog
 *   names one
 */
const UntrainSetting *
untrain_item_get_setting (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  return self->setting;
}

/**
 * untrain_item_get_setting_name:
 *
 * The name a person sees for the item's switch on the platform: the
 * catalog's label, untranslated, else the item's title.
 *
 * Returns: (nullable): the name, %NULL for an item without a setting
 */
const char *
untrain_item_get_setting_name (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), NULL);

  if (self->setting == NULL)
    return NULL;

  return self->setting->label != NULL ? self->setting->label : self->title;
}

/**
 * untrain_item_is_actionable:
 *
 * Whether the item asks the person to do something (a toggle or a form),
 * as opposed to something to know. Only actionable items count in totals.
 */
gboolean
untrain_item_is_actionable (UntrainItem *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM (self), FALSE);

  return self->kind != UNTRAIN_ITEM_KIND_INFO;
}

const char *
untrain_item_kind_to_string (UntrainItemKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (UNTRAIN_TYPE_ITEM_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  return value != NULL ? value->value_nick : NULL;
}
