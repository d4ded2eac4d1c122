/* test-status-model.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "untrain-applicability.h"
#include "untrain-catalog.h"
#include "untrain-error.h"
#include "untrain-region.h"
#include "untrain-state-store.h"
#include "untrain-status-model.h"

/* Every status is evaluated at this moment, not at the clock's. */
#define NOW "2026-11-29T12:00:00Z"

/* A platform with one item of each kind of rule, in an order that is not
 * alphabetical, so that catalog order shows.
 */
static const char example_json[] =
  "{"
  "  \"id\": \"example\","
  "  \"name\": \"Example\","
  "  \"homepage\": \"https://example.com\","
  "  \"items\": ["
  "    {"
  "      \"id\": \"switch\","
  "      \"kind\": \"toggle\","
  "      \"title\": \"Turn off the switch\","
  "      \"description\": \"In the EU and the EEA, for adults, since November 2025.\","
  "      \"url\": \"https://example.com/settings/switch\","
  "      \"applies\": [ { \"regions\": [\"EU\", \"EEA\"], \"since\": \"2025-11-03\", \"min_age\": 18 } ],"
  "      \"sources\": [ \"https://example.com/help/switch\" ],"
  "      \"setting\": { \"key\": \"allowSwitch\", \"page\": \"switch\", \"desired\": \"off\", \"off_value\": false }"
  "    },"
  "    {"
  "      \"id\": \"form\","
  "      \"kind\": \"form\","
  "      \"title\": \"Send the objection form\","
  "      \"description\": \"Everywhere, from 16.\","
  "      \"url\": \"https://example.com/object\","
  "      \"applies\": [ { \"min_age\": 16 } ],"
  "      \"sources\": [ \"https://example.com/help/form\" ]"
  "    },"
  "    {"
  "      \"id\": \"know-this\","
  "      \"kind\": \"info\","
  "      \"title\": \"Know this\","
  "      \"description\": \"In the EU.\","
  "      \"applies\": [ { \"regions\": [\"EU\"] } ],"
  "      \"sources\": [ \"https://example.com/help/know\" ]"
  "    },"
  "    {"
  "      \"id\": \"elsewhere\","
  "      \"kind\": \"toggle\","
  "      \"title\": \"Turn off sharing\","
  "      \"description\": \"Outside the EU.\","
  "      \"url\": \"https://example.com/settings/sharing\","
  "      \"applies\": [ { \"not_regions\": [\"EU\"] } ],"
  "      \"sources\": [ \"https://example.com/help/sharing\" ]"
  "    },"
  "    {"
  "      \"id\": \"coming\","
  "      \"kind\": \"toggle\","
  "      \"title\": \"Turn off what is coming\","
  "      \"description\": \"Everywhere, from 2027.\","
  "      \"url\": \"https://example.com/settings/coming\","
  "      \"applies\": [ { \"since\": \"2027-01-01\" } ],"
  "      \"sources\": [ \"https://example.com/help/coming\" ]"
  "    }"
  "  ]"
  "}";

static const char *example_ids[] = { "switch", "form", "know-this", "elsewhere", "coming", NULL };

static const char *linkedin_ids[] = {
  "ai-training", "objection-form", "not-retroactive", "microsoft-ads-sharing", "research-data", NULL
};

static GDateTime *
date_time (const char *iso8601)
{
  GDateTime *result = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (result);
  return result;
}

static UntrainPlatform *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (example_json, strlen (example_json));
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;

  platform = untrain_platform_new_from_bytes (bytes, "example.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (platform);

  return platform;
}

static UntrainPlatform *
load_linkedin (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;

  g_assert_true (untrain_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);

  platform = untrain_catalog_lookup (catalog, "linkedin");
  g_assert_nonnull (platform);

  return g_object_ref (platform);
}

/* Every test runs in its own $XDG_STATE_HOME (G_TEST_OPTION_ISOLATE_DIRS). */
static GFile *
get_state_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
}

/* The store as the application opens it: from its file. */
static UntrainStateStore *
open_store (void)
{
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_state_store_load (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static UntrainStatusModel *
new_model (UntrainPlatform   *platform,
           UntrainStateStore *store,
           const char        *country,
           int                age,
           const char        *now)
{
  g_autoptr(GDateTime) now_time = date_time (now);
  UntrainStatusModel *model;

  model = untrain_status_model_new (platform, store, country, age);
  g_assert_nonnull (model);
  untrain_status_model_set_now (model, now_time);

  return model;
}

static void
set_now (UntrainStatusModel *model,
         const char         *now)
{
  g_autoptr(GDateTime) now_time = date_time (now);

  untrain_status_model_set_now (model, now_time);
}

static UntrainItemStatus *
lookup (UntrainStatusModel *model,
        const char         *item_id)
{
  UntrainItemStatus *item_status = untrain_status_model_lookup (model, item_id);

  if (item_status == NULL)
    g_error ("No item “%s” in the model", item_id);

  return item_status;
}

/* Compares as words, so that a failure says which status it was. */
#define assert_status(model, item_id, expected_status, expected_evidence) \
  G_STMT_START { \
    UntrainItemStatus *_item_status = lookup ((model), (item_id)); \
    g_assert_cmpstr (untrain_status_to_string (untrain_item_status_get_status (_item_status)), ==, \
                     untrain_status_to_string (expected_status)); \
    g_assert_cmpstr (untrain_evidence_to_string (untrain_item_status_get_evidence (_item_status)), ==, \
                     untrain_evidence_to_string (expected_evidence)); \
  } G_STMT_END

static void
assert_checked_at (UntrainStatusModel *model,
                   const char         *item_id,
                   const char         *expected)
{
  GDateTime *checked_at = untrain_item_status_get_checked_at (lookup (model, item_id));

  if (expected == NULL)
    {
      g_assert_null (checked_at);
    }
  else
    {
      g_autoptr(GDateTime) expected_time = date_time (expected);
      g_autofree char *actual = NULL;

      g_assert_nonnull (checked_at);
      actual = g_date_time_format_iso8601 (checked_at);
      if (!g_date_time_equal (checked_at, expected_time))
        g_error ("%s was checked at %s, not %s", item_id, actual, expected);
    }
}

static void
assert_totals (UntrainStatusModel *model,
               guint               n_applicable,
               guint               n_done,
               guint               n_pending)
{
  guint prop_applicable, prop_done, prop_pending;

  g_assert_cmpuint (untrain_status_model_count_applicable (model), ==, n_applicable);
  g_assert_cmpuint (untrain_status_model_count_done (model), ==, n_done);
  g_assert_cmpuint (untrain_status_model_count_pending (model), ==, n_pending);

  g_object_get (model,
                "n-applicable", &prop_applicable,
                "n-done", &prop_done,
                "n-pending", &prop_pending,
                NULL);
  g_assert_cmpuint (prop_applicable, ==, n_applicable);
  g_assert_cmpuint (prop_done, ==, n_done);
  g_assert_cmpuint (prop_pending, ==, n_pending);
}

static void
assert_reason_contains (UntrainStatusModel *model,
                        const char         *item_id,
                        const char         *part)
{
  const char *reason = untrain_item_status_get_reason (lookup (model, item_id));

  g_assert_nonnull (reason);
  if (strstr (reason, part) == NULL)
    g_error ("The reason of %s, “%s”, does not mention “%s”", item_id, reason, part);
}

/* Counts "notify" by property, to check that each real change is announced
 * once and nothing else is.
 */
typedef struct
{
  GObject    *object;
  gulong      handler_id;
  GHashTable *counts;
} Notifications;

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           Notifications *self)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, pspec->name));

  g_hash_table_insert (self->counts, g_strdup (pspec->name), GUINT_TO_POINTER (count + 1));
}

static Notifications *
watch (gpointer object)
{
  Notifications *self = g_new0 (Notifications, 1);

  self->object = g_object_ref (object);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->handler_id = g_signal_connect (object, "notify", G_CALLBACK (on_notify), self);

  return self;
}

static void
notifications_free (Notifications *self)
{
  g_signal_handler_disconnect (self->object, self->handler_id);
  g_object_unref (self->object);
  g_hash_table_unref (self->counts);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Notifications, notifications_free)

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Exactly the properties named, once each, were notified since the last
 * call; then starts counting afresh.
 */
static void
assert_notified (Notifications *self,
                 ...)
{
  g_autoptr(GString) expected = g_string_new ("");
  g_autoptr(GString) actual = g_string_new ("");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  va_list args;

  va_start (args, self);
  for (const char *name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (names, (gpointer)name);
  va_end (args);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (expected, "%s=1 ", (const char *)g_ptr_array_index (names, i));

  g_ptr_array_set_size (names, 0);
  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      value = g_hash_table_lookup (self->counts, g_ptr_array_index (names, i));
      g_string_append_printf (actual, "%s=%u ", (const char *)g_ptr_array_index (names, i),
                              GPOINTER_TO_UINT (value));
    }

  g_assert_cmpstr (actual->str, ==, expected->str);
  g_hash_table_remove_all (self->counts);
}

static void
test_list_model (void)
{
  g_autoptr(UntrainPlatform) linkedin = load_linkedin ();
  g_autoptr(UntrainPlatform) example = load_example ();
  UntrainPlatform *platforms[2] = { linkedin, example };
  const char **ids[2] = { linkedin_ids, example_ids };

  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      g_autoptr(UntrainStateStore) store = open_store ();
      UntrainStatusModel *model = new_model (platforms[p], store, "DE", 30, NOW);
      GListModel *list = G_LIST_MODEL (model);
      UntrainItemStatus *first = NULL;
      g_autoptr(GObject) beyond = NULL;

      g_assert_true (G_IS_LIST_MODEL (model));
      g_assert_true (g_list_model_get_item_type (list) == UNTRAIN_TYPE_ITEM_STATUS);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_strv_length ((char **)ids[p]));
      g_assert_cmpuint (g_list_model_get_n_items (list), ==,
                        untrain_platform_get_n_items (platforms[p]));

      g_assert_true (untrain_status_model_get_platform (model) == platforms[p]);
      g_assert_true (untrain_status_model_get_store (model) == store);
      g_assert_cmpstr (untrain_status_model_get_country (model), ==, "DE");
      g_assert_cmpint (untrain_status_model_get_age (model), ==, 30);

      /* In catalog order, one row per item */
      for (guint i = 0; ids[p][i] != NULL; i++)
        {
          g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (list, i);
          UntrainItem *item = untrain_item_status_get_item (item_status);

          g_assert_true (UNTRAIN_IS_ITEM_STATUS (item_status));
          g_assert_cmpstr (untrain_item_get_id (item), ==, ids[p][i]);
          g_assert_true (item == untrain_platform_get_item (platforms[p], i));
          g_assert_true (untrain_status_model_lookup (model, ids[p][i]) == item_status);

          if (i == 0)
            first = item_status;
        }

      beyond = g_list_model_get_item (list, g_list_model_get_n_items (list));
      g_assert_null (beyond);
      g_assert_null (untrain_status_model_lookup (model, "no-such-item"));

      /* The rows go with the model */
      g_object_add_weak_pointer (G_OBJECT (first), (gpointer *)&first);
      g_assert_finalize_object (model);
      g_assert_null (first);
    }
}

static void
test_derived_example (void)
{
  g_autoptr(UntrainPlatform) platform = load_example ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  const GDate *since;

  assert_status (model, "switch", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "form", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "know-this", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "elsewhere", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "coming", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  for (guint i = 0; example_ids[i] != NULL; i++)
    {
      assert_checked_at (model, example_ids[i], NULL);
      g_assert_null (untrain_item_status_get_message (lookup (model, example_ids[i])));
    }

  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "switch")), ==, UNTRAIN_APPLIES_YES);
  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "elsewhere")), ==, UNTRAIN_APPLIES_NO);
  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "coming")), ==, UNTRAIN_APPLIES_NOT_YET);

  /* "coming" is not yet due, and says from when */
  since = untrain_item_status_get_since (lookup (model, "coming"));
  g_assert_true (g_date_valid (since));
  g_assert_cmpint (g_date_get_year (since), ==, 2027);
  g_assert_cmpint (g_date_get_month (since), ==, 1);
  g_assert_cmpint (g_date_get_day (since), ==, 1);

  /* Only the things to do count; "know-this" is something to know */
  assert_totals (model, 2, 0, 2);
  g_assert_false (untrain_status_model_has_errors (model));

  /* Once the date has come it applies */
  set_now (model, "2027-01-01T00:00:00Z");
  assert_status (model, "coming", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "coming")), ==, UNTRAIN_APPLIES_YES);
  assert_totals (model, 3, 0, 3);

  /* Outside the EU the other rules match */
  set_now (model, NOW);
  untrain_status_model_set_person (model, "US", 30);
  assert_status (model, "switch", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "form", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "know-this", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "elsewhere", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_totals (model, 2, 0, 2);

  /* Too young for every rule with an age limit */
  untrain_status_model_set_person (model, "NO", 15);
  assert_status (model, "switch", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "form", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "elsewhere", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_totals (model, 1, 0, 1);
}

static void
test_derived_linkedin_adult (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autofree char *date = NULL;
  const GDate *since;

  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "objection-form", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "not-retroactive", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "microsoft-ads-sharing", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);

  /* Derived statuses rest on no reading and no confirmation */
  for (guint i = 0; linkedin_ids[i] != NULL; i++)
    assert_checked_at (model, linkedin_ids[i], NULL);

  /* Why: since 3 November 2025 in Germany */
  since = untrain_item_status_get_since (lookup (model, "ai-training"));
  g_assert_true (g_date_valid (since));
  g_assert_cmpint (g_date_get_year (since), ==, 2025);
  g_assert_cmpint (g_date_get_month (since), ==, 11);
  g_assert_cmpint (g_date_get_day (since), ==, 3);
  date = untrain_format_date (since);
  assert_reason_contains (model, "ai-training", date);
  assert_reason_contains (model, "ai-training", untrain_region_get_country_name ("DE"));
  assert_reason_contains (model, "microsoft-ads-sharing", untrain_region_get_country_name ("DE"));
  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "microsoft-ads-sharing")),
                   ==, UNTRAIN_APPLIES_NO);

  /* ai-training, objection-form and research-data */
  assert_totals (model, 3, 0, 3);
  g_assert_false (untrain_status_model_has_errors (model));

  /* An age nobody told Untrain is taken to be covered by the rules */
  untrain_status_model_set_person (model, "DE", UNTRAIN_AGE_UNKNOWN);
  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_totals (model, 3, 0, 3);
}

static void
test_derived_linkedin_minor (void)
{
  static const char *adult_only[] = { "ai-training", "objection-form", "not-retroactive", NULL };
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 17, NOW);

  /* LinkedIn's AI rules exclude members under 18 */
  for (guint i = 0; adult_only[i] != NULL; i++)
    {
      assert_status (model, adult_only[i], UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
      g_assert_cmpint (untrain_item_status_get_applies (lookup (model, adult_only[i])),
                       ==, UNTRAIN_APPLIES_NO);
      assert_reason_contains (model, adult_only[i], "LinkedIn");
      assert_reason_contains (model, adult_only[i], "18");
    }

  assert_status (model, "microsoft-ads-sharing", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);

  /* "Data for research" has no age limit in the catalog */
  assert_status (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_totals (model, 1, 0, 1);
}

static void
test_derived_unknown_country (void)
{
  static const char *countries[] = { NULL, "", "ZZ", "Germany" };
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();

  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autoptr(UntrainStatusModel) model = new_model (platform, store, countries[c], 30, NOW);

      for (guint i = 0; linkedin_ids[i] != NULL; i++)
        {
          UntrainItemStatus *item_status = lookup (model, linkedin_ids[i]);

          assert_status (model, linkedin_ids[i], UNTRAIN_STATUS_UNKNOWN, UNTRAIN_EVIDENCE_NONE);
          assert_checked_at (model, linkedin_ids[i], NULL);
          g_assert_cmpint (untrain_item_status_get_applies (item_status), ==, UNTRAIN_APPLIES_UNKNOWN);
          g_assert_nonnull (untrain_item_status_get_reason (item_status));
          g_assert_cmpstr (untrain_item_status_get_reason (item_status), !=, "");
        }

      g_assert_cmpuint (untrain_status_model_count_done (model), ==, 0);
      g_assert_false (untrain_status_model_has_errors (model));
    }
}

static void
test_mark_done (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);

  assert_status (model, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
  assert_checked_at (model, "ai-training", NOW);
  g_assert_null (untrain_item_status_get_message (lookup (model, "ai-training")));
  assert_totals (model, 3, 1, 2);

  /* The others are as they were */
  assert_status (model, "objection-form", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_status (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);

  /* Saved, not just kept in memory */
  g_assert_true (g_file_query_exists (file, NULL));
}

/* Mark as Done survives a restart. */
static void
test_mark_done_survives_restart (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();

  {
    g_autoptr(UntrainStateStore) store = open_store ();
    g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
    g_autoptr(GError) error = NULL;

    g_assert_true (untrain_status_model_mark_done (model, "objection-form", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(UntrainStateStore) store = open_store ();
    g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30,
                                                      "2026-12-24T18:00:00Z");

    assert_status (model, "objection-form", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
    assert_checked_at (model, "objection-form", NOW);
    assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
    assert_totals (model, 3, 1, 2);
  }
}

static void
test_unmark_done (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(UntrainStateStore) store = open_store ();
    g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);

    g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
    g_assert_no_error (error);
    g_assert_true (untrain_status_model_mark_done (model, "research-data", &error));
    g_assert_no_error (error);
    assert_totals (model, 3, 2, 1);

    set_now (model, "2026-11-30T09:00:00Z");
    g_assert_true (untrain_status_model_unmark_done (model, "ai-training", &error));
    g_assert_no_error (error);

    assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
    assert_checked_at (model, "ai-training", NULL);
    assert_status (model, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
    assert_totals (model, 3, 1, 2);

    /* Taking back what was never said changes nothing */
    g_assert_true (untrain_status_model_unmark_done (model, "objection-form", &error));
    g_assert_no_error (error);
    assert_status (model, "objection-form", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
    assert_totals (model, 3, 1, 2);
  }

  /* And that is saved too */
  {
    g_autoptr(UntrainStateStore) store = open_store ();
    g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);

    assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
    assert_status (model, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
  }
}

/* Taking back a confirmation leaves the last live read, if there is one. */
static void
test_unmark_done_keeps_live (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GError) error = NULL;

  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  set_now (model, "2026-11-29T13:00:00Z");
  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_status (model, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);

  g_assert_true (untrain_status_model_unmark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "ai-training", NOW);
}

static void
test_mark_done_unknown_item (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(Notifications) model_notifications = watch (model);
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(GError) error = NULL;

  g_assert_false (untrain_status_model_mark_done (model, "no-such-item", &error));
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-item"));
  g_clear_error (&error);

  g_assert_false (untrain_status_model_unmark_done (model, "no-such-item", &error));
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND);

  /* Nothing recorded, nothing saved, nothing changed */
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_null (untrain_state_store_get_confirmed (store, "linkedin", "no-such-item"));
  assert_notified (model_notifications, NULL);
  assert_totals (model, 3, 0, 3);
}

static void
test_mark_done_save_fails (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(GFile) blocker = g_file_new_build_filename (g_get_user_state_dir (), "blocker", NULL);
  g_autoptr(GFile) file = g_file_get_child (blocker, "state.ini");
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (file);
  g_autoptr(UntrainStatusModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = g_strdup (g_get_user_state_dir ());
  g_autofree char *blocker_path = g_file_get_path (blocker);

  /* A file where the state's directory should be */
  g_assert_no_errno (g_mkdir_with_parents (state_dir, 0700));
  g_assert_true (g_file_set_contents (blocker_path, "", 0, NULL));

  model = new_model (platform, store, "DE", 30, NOW);
  g_assert_false (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
}

static void
test_live_result (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GDateTime) stored_at = NULL;
  g_autofree char *stored_message = NULL;
  UntrainStatus stored = UNTRAIN_STATUS_UNKNOWN;
  const char *message = "LinkedIn did not answer. Check your connection and try again.";

  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_DONE, NULL);
  assert_status (model, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "ai-training", NOW);
  g_assert_null (untrain_item_status_get_message (lookup (model, "ai-training")));
  assert_totals (model, 3, 1, 2);

  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_ERROR, message);
  assert_status (model, "research-data", UNTRAIN_STATUS_ERROR, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "research-data", NOW);
  g_assert_cmpstr (untrain_item_status_get_message (lookup (model, "research-data")), ==, message);
  assert_totals (model, 3, 1, 2);

  untrain_status_model_set_live_result (model, "objection-form", UNTRAIN_STATUS_NEEDS_SIGN_IN, NULL);
  assert_status (model, "objection-form", UNTRAIN_STATUS_NEEDS_SIGN_IN, UNTRAIN_EVIDENCE_LIVE);

  /* Recorded in the store, for the caller to save */
  g_assert_true (untrain_state_store_get_live (store, "linkedin", "research-data",
                                               &stored, &stored_at, &stored_message));
  g_assert_cmpint (stored, ==, UNTRAIN_STATUS_ERROR);
  g_assert_cmpstr (stored_message, ==, message);
  g_assert_true (g_date_time_equal (stored_at, untrain_item_status_get_checked_at (lookup (model, "research-data"))));

  /* A later read that works clears the error */
  set_now (model, "2026-11-29T12:05:00Z");
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_DONE, NULL);
  assert_status (model, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "research-data", "2026-11-29T12:05:00Z");
  g_assert_null (untrain_item_status_get_message (lookup (model, "research-data")));
  assert_totals (model, 3, 2, 1);

  /* An item the platform does not have is ignored */
  untrain_status_model_set_live_result (model, "no-such-item", UNTRAIN_STATUS_DONE, NULL);
  g_assert_false (untrain_state_store_get_live (store, "linkedin", "no-such-item", &stored, NULL, NULL));
  assert_totals (model, 3, 2, 1);

  /* After a save, a restart shows the same */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UntrainStateStore) reopened = NULL;
    g_autoptr(UntrainStatusModel) restarted = NULL;

    g_assert_true (untrain_state_store_save (store, &error));
    g_assert_no_error (error);

    reopened = open_store ();
    restarted = new_model (platform, reopened, "DE", 30, "2026-12-01T00:00:00Z");
    assert_status (restarted, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
    assert_checked_at (restarted, "ai-training", NOW);
    assert_status (restarted, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
    assert_status (restarted, "objection-form", UNTRAIN_STATUS_NEEDS_SIGN_IN, UNTRAIN_EVIDENCE_LIVE);
  }
}

/* The newer of the last live read and the person's confirmation wins. */
static void
test_newer_evidence_wins (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GError) error = NULL;

  /* Confirmed, then a later read finds the switch on again */
  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  set_now (model, "2026-11-29T13:00:00Z");
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "ai-training", "2026-11-29T13:00:00Z");
  assert_totals (model, 3, 0, 3);

  /* Read, then the person confirms later */
  set_now (model, NOW);
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  assert_status (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  set_now (model, "2026-11-29T13:00:00Z");
  g_assert_true (untrain_status_model_mark_done (model, "research-data", &error));
  g_assert_no_error (error);
  assert_status (model, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
  assert_checked_at (model, "research-data", "2026-11-29T13:00:00Z");
  assert_totals (model, 3, 1, 2);

  /* A restart weighs the same evidence the same way */
  g_assert_true (untrain_state_store_save (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(UntrainStateStore) reopened = open_store ();
    g_autoptr(UntrainStatusModel) restarted = new_model (platform, reopened, "DE", 30,
                                                          "2026-12-01T00:00:00Z");

    assert_status (restarted, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
    assert_status (restarted, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
    assert_totals (restarted, 3, 1, 2);
  }

  /* And the next read decides again */
  set_now (model, "2026-11-29T14:00:00Z");
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  assert_status (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  set_now (model, "2026-11-29T15:00:00Z");
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_DONE, NULL);
  assert_status (model, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
  assert_totals (model, 3, 1, 2);
}

static void
on_store_changed (UntrainStateStore *store,
                  const char        *platform_id,
                  const char        *item_id,
                  guint             *n_changes)
{
  (*n_changes)++;
}

static void
test_checking (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GFile) file = get_state_file ();
  g_autoptr(Notifications) not_applicable = watch (lookup (model, "microsoft-ads-sharing"));
  g_autoptr(GError) error = NULL;
  UntrainStatus stored = UNTRAIN_STATUS_UNKNOWN;
  guint n_changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), &n_changes);

  untrain_status_model_set_checking (model, "ai-training");
  assert_status (model, "ai-training", UNTRAIN_STATUS_CHECKING, UNTRAIN_EVIDENCE_DERIVED);
  assert_checked_at (model, "ai-training", NULL);
  assert_totals (model, 3, 0, 3);

  /* Not stored: the store saw nothing, and a restart shows the old status */
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_false (untrain_state_store_get_live (store, "linkedin", "ai-training", &stored, NULL, NULL));
  g_assert_true (untrain_state_store_save (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(UntrainStateStore) reopened = open_store ();
    g_autoptr(UntrainStatusModel) restarted = new_model (platform, reopened, "DE", 30, NOW);

    assert_status (restarted, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  }

  /* Deriving again forgets it */
  untrain_status_model_reload (model);
  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);

  /* Nothing to check where nothing applies */
  untrain_status_model_set_checking (model, "microsoft-ads-sharing");
  assert_status (model, "microsoft-ads-sharing", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_notified (not_applicable, NULL);

  /* An earlier read stays the evidence while the next one runs */
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  set_now (model, "2026-11-29T12:30:00Z");
  n_changes = 0;
  untrain_status_model_set_checking (model, "research-data");
  assert_status (model, "research-data", UNTRAIN_STATUS_CHECKING, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "research-data", NOW);
  g_assert_cmpuint (n_changes, ==, 0);

  /* and the result replaces it */
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_DONE, NULL);
  assert_status (model, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
  assert_checked_at (model, "research-data", "2026-11-29T12:30:00Z");
  g_assert_cmpuint (n_changes, ==, 1);

  /* An item the platform does not have is ignored */
  untrain_status_model_set_checking (model, "no-such-item");
  assert_totals (model, 3, 1, 2);
}

static void
test_item_notifications (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(Notifications) item = watch (lookup (model, "ai-training"));
  g_autoptr(Notifications) other = watch (lookup (model, "research-data"));
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (item, "status", "evidence", "checked-at", NULL);

  /* Saying it again at the same moment changes nothing */
  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (item, NULL);

  /* Deriving again changes nothing either */
  untrain_status_model_reload (model);
  set_now (model, "2026-11-29T13:00:00Z");
  assert_notified (item, NULL);

  /* Saying it later changes only when */
  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (item, "checked-at", NULL);

  /* A later read that agrees changes the evidence, not the status */
  set_now (model, "2026-11-29T14:00:00Z");
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_DONE, NULL);
  assert_notified (item, "evidence", "checked-at", NULL);

  untrain_status_model_set_checking (model, "ai-training");
  assert_notified (item, "status", NULL);
  untrain_status_model_set_checking (model, "ai-training");
  assert_notified (item, NULL);

  untrain_status_model_reload (model);
  assert_notified (item, "status", NULL);
  untrain_status_model_reload (model);
  assert_notified (item, NULL);

  set_now (model, "2026-11-29T15:00:00Z");
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ERROR, "Sign-in expired");
  assert_notified (item, "status", "checked-at", "message", NULL);
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ERROR, "Sign-in expired");
  assert_notified (item, NULL);

  /* The older confirmation taken back: the newer read still stands */
  g_assert_true (untrain_status_model_unmark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (item, NULL);

  /* Other rows heard nothing of all this */
  assert_notified (other, NULL);
}

/* An objection's dates show on its row: each change is heard, the answer
 * that comes before its due date included, which changes nothing else.
 */
static void
test_form_date_notifications (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(Notifications) form = watch (lookup (model, "objection-form"));
  g_autoptr(GDate) submitted = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) received = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) received_back = NULL;
  g_autoptr(GError) error = NULL;
  gboolean needs_follow_up = TRUE;

  g_assert_true (untrain_status_model_record_submission (model, "objection-form", submitted, &error));
  g_assert_no_error (error);
  assert_notified (form, "status", "evidence", "checked-at", "submitted-on", "answer-due", NULL);

  g_object_get (lookup (model, "objection-form"),
                "answer-due", &due,
                "answer-received-on", &received_back,
                "needs-follow-up", &needs_follow_up,
                NULL);
  g_assert_true (g_date_valid (due));
  g_assert_cmpint (g_date_compare (due, received), >, 0);
  g_assert_null (received_back);
  g_assert_false (needs_follow_up);

  g_assert_true (untrain_status_model_record_answer (model, "objection-form", received, &error));
  g_assert_no_error (error);
  assert_notified (form, "answer-received-on", NULL);

  g_object_get (lookup (model, "objection-form"), "answer-received-on", &received_back, NULL);
  g_assert_cmpint (g_date_compare (received_back, received), ==, 0);

  /* Again, the same day: nothing new */
  g_assert_true (untrain_status_model_record_answer (model, "objection-form", received, &error));
  g_assert_no_error (error);
  assert_notified (form, NULL);
}

static void
test_total_notifications (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(Notifications) totals = watch (model);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (totals, "n-done", "n-pending", NULL);
  assert_totals (model, 3, 1, 2);

  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (totals, NULL);

  /* Still pending, in another way */
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_ERROR, "Try again");
  assert_notified (totals, NULL);
  untrain_status_model_set_checking (model, "objection-form");
  assert_notified (totals, NULL);

  /* Something to know is not something to do */
  untrain_status_model_set_live_result (model, "not-retroactive", UNTRAIN_STATUS_ACTION_NEEDED, NULL);
  assert_notified (totals, NULL);

  /* Nor does what does not apply count */
  untrain_status_model_set_live_result (model, "microsoft-ads-sharing", UNTRAIN_STATUS_DONE, NULL);
  assert_notified (totals, NULL);
  assert_totals (model, 3, 1, 2);

  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_DONE, NULL);
  assert_notified (totals, "n-done", "n-pending", NULL);
  assert_totals (model, 3, 2, 1);

  untrain_status_model_reload (model);
  untrain_status_model_set_person (model, "DE", 30);
  set_now (model, NOW);
  assert_notified (totals, NULL);

  g_assert_true (untrain_status_model_unmark_done (model, "ai-training", &error));
  g_assert_no_error (error);
  assert_notified (totals, "n-done", "n-pending", NULL);
  assert_totals (model, 3, 1, 2);

  /* Fewer things apply to a minor: all three totals move */
  untrain_status_model_set_person (model, "DE", 17);
  assert_notified (totals, "age", "n-applicable", "n-pending", NULL);
  assert_totals (model, 1, 1, 0);
}

static void
test_set_person (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(Notifications) totals = watch (model);
  g_autoptr(Notifications) ai = watch (lookup (model, "ai-training"));
  g_autoptr(Notifications) ads = watch (lookup (model, "microsoft-ads-sharing"));
  g_autoptr(Notifications) research = watch (lookup (model, "research-data"));
  const char *us = untrain_region_get_country_name ("US");

  /* Moving to the United States: other rules, other reasons */
  untrain_status_model_set_person (model, "US", 30);
  g_assert_cmpstr (untrain_status_model_get_country (model), ==, "US");
  g_assert_cmpint (untrain_status_model_get_age (model), ==, 30);
  assert_notified (totals, "country", "n-applicable", "n-pending", NULL);
  assert_notified (ai, "reason", NULL);
  assert_notified (ads, "applies", "reason", "status", NULL);
  assert_notified (research, "reason", NULL);

  assert_status (model, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  assert_reason_contains (model, "ai-training", us);
  assert_status (model, "microsoft-ads-sharing", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_DERIVED);
  g_assert_cmpint (untrain_item_status_get_applies (lookup (model, "microsoft-ads-sharing")),
                   ==, UNTRAIN_APPLIES_YES);
  assert_reason_contains (model, "microsoft-ads-sharing", us);
  assert_totals (model, 4, 0, 4);

  /* The same person again: nothing to say */
  untrain_status_model_set_person (model, "US", 30);
  assert_notified (totals, NULL);
  assert_notified (ai, NULL);
  assert_notified (ads, NULL);
  assert_notified (research, NULL);

  /* Younger than 18: LinkedIn's AI rules no longer apply */
  untrain_status_model_set_person (model, "US", 17);
  g_assert_cmpint (untrain_status_model_get_age (model), ==, 17);
  assert_notified (totals, "age", "n-applicable", "n-pending", NULL);
  assert_notified (ai, "applies", "reason", "status", NULL);
  assert_notified (ads, NULL);
  assert_notified (research, NULL);

  assert_status (model, "ai-training", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_reason_contains (model, "ai-training", "18");
  assert_totals (model, 2, 0, 2);

  /* Without a country nothing can be told */
  untrain_status_model_set_person (model, NULL, 17);
  g_assert_null (untrain_status_model_get_country (model));
  for (guint i = 0; linkedin_ids[i] != NULL; i++)
    assert_status (model, linkedin_ids[i], UNTRAIN_STATUS_UNKNOWN, UNTRAIN_EVIDENCE_NONE);
  assert_notified (ai, "applies", "reason", "status", "evidence", NULL);
}

/* What was recorded comes back when the person changes back. */
static void
test_set_person_keeps_evidence (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_status_model_mark_done (model, "ai-training", &error));
  g_assert_no_error (error);

  untrain_status_model_set_person (model, "DE", 17);
  assert_status (model, "ai-training", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  assert_checked_at (model, "ai-training", NULL);

  untrain_status_model_set_person (model, "DE", 30);
  assert_status (model, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_CONFIRMED);
  assert_checked_at (model, "ai-training", NOW);
}

static void
test_has_errors (void)
{
  g_autoptr(UntrainPlatform) platform = load_linkedin ();
  g_autoptr(UntrainStateStore) store = open_store ();
  g_autoptr(UntrainStatusModel) model = new_model (platform, store, "DE", 30, NOW);

  g_assert_false (untrain_status_model_has_errors (model));

  /* Where nothing applies, a failed read is no error to report */
  untrain_status_model_set_live_result (model, "microsoft-ads-sharing", UNTRAIN_STATUS_ERROR, "Failed");
  g_assert_false (untrain_status_model_has_errors (model));

  /* Signing in is something to do, not an error */
  untrain_status_model_set_live_result (model, "research-data", UNTRAIN_STATUS_NEEDS_SIGN_IN, NULL);
  g_assert_false (untrain_status_model_has_errors (model));

  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ERROR, "Failed");
  g_assert_true (untrain_status_model_has_errors (model));

  /* It stops being an error for someone it does not apply to */
  untrain_status_model_set_person (model, "DE", 17);
  g_assert_false (untrain_status_model_has_errors (model));
  untrain_status_model_set_person (model, "DE", 30);
  g_assert_true (untrain_status_model_has_errors (model));

  /* And when a later read works */
  set_now (model, "2026-11-29T12:10:00Z");
  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_DONE, NULL);
  g_assert_false (untrain_status_model_has_errors (model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/status-model/list-model", test_list_model);
  g_test_add_func ("/status-model/derived/example", test_derived_example);
  g_test_add_func ("/status-model/derived/linkedin-adult", test_derived_linkedin_adult);
  g_test_add_func ("/status-model/derived/linkedin-minor", test_derived_linkedin_minor);
  g_test_add_func ("/status-model/derived/unknown-country", test_derived_unknown_country);
  g_test_add_func ("/status-model/mark-done/basic", test_mark_done);
  g_test_add_func ("/status-model/mark-done/survives-restart", test_mark_done_survives_restart);
  g_test_add_func ("/status-model/mark-done/unmark", test_unmark_done);
  g_test_add_func ("/status-model/mark-done/unmark-keeps-live", test_unmark_done_keeps_live);
  g_test_add_func ("/status-model/mark-done/unknown-item", test_mark_done_unknown_item);
  g_test_add_func ("/status-model/mark-done/save-fails", test_mark_done_save_fails);
  g_test_add_func ("/status-model/live-result", test_live_result);
  g_test_add_func ("/status-model/newer-evidence-wins", test_newer_evidence_wins);
  g_test_add_func ("/status-model/checking", test_checking);
  g_test_add_func ("/status-model/notify/item", test_item_notifications);
  g_test_add_func ("/status-model/notify/form-dates", test_form_date_notifications);
  g_test_add_func ("/status-model/notify/totals", test_total_notifications);
  g_test_add_func ("/status-model/set-person", test_set_person);
  g_test_add_func ("/status-model/set-person-keeps-evidence", test_set_person_keeps_evidence);
  g_test_add_func ("/status-model/has-errors", test_has_errors);

  return g_test_run ();
}
