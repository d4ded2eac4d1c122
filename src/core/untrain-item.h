/* untrain-item.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The words are the catalog's "kind" values. */
typedef enum
{
  UNTRAIN_ITEM_KIND_TOGGLE,
  UNTRAIN_ITEM_KIND_FORM,
  UNTRAIN_ITEM_KIND_INFO,
} UntrainItemKind;

/* One entry of an item's "applies" list. */
typedef struct
{
  char     **regions;     /* codes or groups; NULL matches every country */
  gboolean   exclude;     /* regions came from "not_regions" */
  GDate      since;       /* invalid when the rule has no date */
  guint      min_age;     /* 0 when the rule has no age limit */
} UntrainRule;

/* A live-checkable account setting ("setting" in the catalog). */
typedef struct
{
  char     *key;
  char     *page;
  char     *label;        /* nullable: the switch's name on the platform */
  gboolean  desired_on;
  JsonNode *off_value;    /* nullable: the page says which value is off */
} UntrainSetting;

#define UNTRAIN_TYPE_ITEM (untrain_item_get_type())

G_DECLARE_FINAL_TYPE (UntrainItem, untrain_item, UNTRAIN, ITEM, GObject)

const char           *untrain_item_get_id           (UntrainItem *self);
UntrainItemKind       untrain_item_get_kind         (UntrainItem *self);
const char           *untrain_item_get_title        (UntrainItem *self);
const char           *untrain_item_get_description  (UntrainItem *self);
const char           *untrain_item_get_url          (UntrainItem *self);
const char * const   *untrain_item_get_sources     (UntrainItem *self);
const UntrainRule    *untrain_item_get_rules        (UntrainItem *self,
                                                     guint       *n_rules);
const UntrainSetting *untrain_item_get_setting      (UntrainItem *self);
const char           *untrain_item_get_setting_name (UntrainItem *self);
gboolean              untrain_item_is_actionable    (UntrainItem *self);
const char           *untrain_item_kind_to_string   (UntrainItemKind kind);

G_END_DECLS
