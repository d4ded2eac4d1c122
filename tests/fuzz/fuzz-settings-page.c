/* fuzz-settings-page.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-settings-page"

#include "config.h"

#include "fuzz-common.h"
#include "untrain-catalog.h"
#include "untrain-linkedin-provider.h"
#include "untrain-linkedin-provider-private.h"

/* What LinkedIn answers, or whatever sits in its place: a settings page,
 * read for one of the built-in catalog's LinkedIn switches, and the same
 * bytes as the answer that says who is signed in.
 */

static UntrainPlatform *linkedin;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  /* The provider's class sets up libxml2 once, as in Untrain. */
  g_type_class_unref (g_type_class_ref (UNTRAIN_TYPE_LINKEDIN_PROVIDER));

  linkedin = fuzz_get_builtin_platform ("linkedin");

  return 0;
}

/* Each setting is on a page of its own, and reading one parses the whole
 * page: one setting per input, picked by its bytes, so that a run parses
 * each page once and every key still gets its share.
 */
static UntrainItem *
pick_item (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new ();
  guint sum = 0;

  for (guint i = 0; i < untrain_platform_get_n_items (linkedin); i++)
    {
      UntrainItem *item = untrain_platform_get_item (linkedin, i);

      if (untrain_item_get_setting (item) != NULL)
        g_ptr_array_add (live, item);
    }
  g_assert_cmpuint (live->len, >, 0);

  for (size_t i = 0; i < size; i++)
    sum += data[i];

  return g_ptr_array_index (live, sum % live->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) page = g_bytes_new (data, size);
  const UntrainSetting *setting = untrain_item_get_setting (pick_item (data, size));
  g_autoptr(UntrainLinkedinReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wire_value = NULL;
  g_autofree char *name = NULL;

  reading = _untrain_linkedin_read_setting (page, setting, "https://www.linkedin.com/fuzz", &error);
  if (reading != NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (reading->object);
      g_assert_true (JSON_NODE_HOLDS_VALUE (reading->value));
      g_assert_true (JSON_NODE_HOLDS_VALUE (reading->off_value));

      /* As the history keeps it */
      wire_value = json_to_string (reading->value, FALSE);
      g_assert_nonnull (wire_value);
    }
  else
    g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED);

  name = _untrain_linkedin_read_profile_name (page);
  g_assert_true (name == NULL || name[0] != '\0');

  return 0;
}
