/* fuzz-catalog.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-catalog"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "untrain-applicability.h"
#include "untrain-catalog.h"
#include "untrain-state-store.h"
#include "untrain-status-model.h"
#include "untrain-status-report.h"

/* A platform file, as a person may drop one into
 * ~/.local/share/untrain/platforms/: parsed, added to the catalog over
 * the built-in platforms, and, when it loads, evaluated for a few people
 * and printed as `untrain --status` would print it.
 */

static UntrainCatalog *builtin;
static UntrainStateStore *empty_store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  builtin = fuzz_get_builtin_catalog ();
  empty_store = fuzz_new_empty_state_store ();

  return 0;
}

/* The file must be called "<id>.json": take the name from the first "id"
 * in the text, as the file a person writes would be named. A plain scan:
 * the text may be anything.
 */
static char *
guess_file_name (const char *text,
                 gsize       length)
{
  static const char needle[] = "\"id\"";
  const char *end = text + length;
  const char *p = g_strstr_len (text, length, needle);
  const char *start;

  if (p == NULL)
    return g_strdup ("fuzz.json");

  for (p += strlen (needle); p < end && (*p == ' ' || *p == ':' || *p == '\n'); p++)
    ;
  if (p == end || *p != '"')
    return g_strdup ("fuzz.json");

  start = ++p;
  while (p < end && p - start < 64 &&
         (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
    p++;
  if (p == start || p == end || *p != '"')
    return g_strdup ("fuzz.json");

  return g_strdup_printf ("%.*s.json", (int)(p - start), start);
}

static void
evaluate (UntrainPlatform *platform)
{
  static const char * const countries[] = { "DE", "GB", "US", "CH", "HK", NULL };
  static const int ages[] = { UNTRAIN_AGE_UNKNOWN, 16, 30 };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2026);

  for (guint i = 0; i < untrain_platform_get_n_items (platform); i++)
    {
      UntrainItem *item = untrain_platform_get_item (platform, i);

      for (guint c = 0; countries[c] != NULL; c++)
        for (guint a = 0; a < G_N_ELEMENTS (ages); a++)
          {
            g_autoptr(UntrainApplicability) applicability = NULL;

            applicability = untrain_applicability_evaluate (item, untrain_platform_get_name (platform),
                                                            countries[c], ages[a], &today);
            g_assert_nonnull (applicability->reason);
          }
    }
}

static void
report (UntrainPlatform *platform)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) signed_in = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = fuzz_get_now ();
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json_text = NULL;
  UntrainStatusModel *model;

  model = untrain_status_model_new (platform, empty_store, "DE", 30);
  untrain_status_model_set_now (model, now);
  g_ptr_array_add (models, model);

  text = untrain_status_report_to_text (models, "DE", 30);
  json = untrain_status_report_to_json (models, signed_in, "DE", 30);
  json_text = json_to_string (json, FALSE);
  untrain_status_report_result (models);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *file_name = guess_file_name ((const char *)data, size);
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  platform = untrain_platform_new_from_bytes (bytes, file_name, &error);
  if (platform == NULL)
    {
      /* Every error names the file. */
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, file_name));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (untrain_platform_get_n_items (platform), >, 0);

  /* As a person's own file replaces a built-in one. */
  catalog = untrain_catalog_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (builtin)); i++)
    {
      g_autoptr(UntrainPlatform) other = g_list_model_get_item (G_LIST_MODEL (builtin), i);

      untrain_catalog_add (catalog, other);
    }
  untrain_catalog_add (catalog, platform);
  g_assert_true (untrain_catalog_lookup (catalog, untrain_platform_get_id (platform)) == platform);

  evaluate (platform);
  report (platform);

  return 0;
}
