/* test-checker.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fake-linkedin.h"
#include "untrain-catalog.h"
#include "untrain-checker.h"
#include "untrain-history.h"

/* Live checks and changes end to end: the real LinkedIn provider against
 * the fake LinkedIn on loopback, results in the status model, the state
 * file and the history.
 */

typedef struct
{
  FakeLinkedin       *server;
  UntrainCatalog     *catalog;
  UntrainStateStore  *store;
  UntrainHistory     *history;
  UntrainStatusModel *model;
  UntrainProvider    *provider;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) state_file = g_file_new_build_filename (g_get_user_state_dir (), "untrain", "state.ini", NULL);
  g_autoptr(GFile) history_file = g_file_new_build_filename (g_get_user_state_dir (), "untrain", "history.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  const char *country = data != NULL ? data : "DE";

  fixture->server = fake_linkedin_new ();
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (fixture->server), TRUE);
  /* Room for a first request under valgrind; LinkedIn "answers nothing in
   * time" below by staying slower than this */
  g_setenv ("UNTRAIN_HTTP_TIMEOUT", "5", TRUE);

  fixture->catalog = untrain_catalog_new ();
  untrain_catalog_load_builtin (fixture->catalog, &error);
  g_assert_no_error (error);

  fixture->store = untrain_state_store_new (state_file);
  fixture->history = untrain_history_new (history_file);
  fixture->model = untrain_status_model_new (untrain_catalog_lookup (fixture->catalog, "linkedin"),
                                             fixture->store, country, 30);
  fixture->provider = untrain_provider_new_for_platform (untrain_catalog_lookup (fixture->catalog, "linkedin"),
                                                         fake_linkedin_get_cookies (fixture->server),
                                                         &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->provider);
  g_assert_finalize_object (fixture->model);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->server);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static gboolean
check (Fixture  *fixture,
       GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_checker_check_async (fixture->model, fixture->provider, fixture->history,
                               NULL, store_result_cb, &result);
  return untrain_checker_check_finish (wait_for (&result), error);
}

static gboolean
apply (Fixture     *fixture,
       const char  *item_id,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_checker_apply_async (fixture->model, fixture->provider, fixture->history, item_id,
                               NULL, store_result_cb, &result);
  return untrain_checker_apply_finish (wait_for (&result), error);
}

static UntrainItemStatus *
item (Fixture    *fixture,
      const char *item_id)
{
  return untrain_status_model_lookup (fixture->model, item_id);
}

static void
assert_status (Fixture         *fixture,
               const char      *item_id,
               UntrainStatus    status,
               UntrainEvidence  evidence)
{
  g_assert_cmpstr (untrain_status_to_string (untrain_item_status_get_status (item (fixture, item_id))), ==,
                   untrain_status_to_string (status));
  g_assert_cmpstr (untrain_evidence_to_string (untrain_item_status_get_evidence (item (fixture, item_id))), ==,
                   untrain_evidence_to_string (evidence));
}

static void
test_check_reads_every_switch (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(UntrainStateStore) reread = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) checked_at = NULL;
  UntrainStatus status;

  fake_linkedin_set_setting_on (fixture->server, FAKE_LINKEDIN_RESEARCH_KEY, FALSE);

  g_assert_true (check (fixture, &error));
  g_assert_no_error (error);

  /* In Germany: the AI switch and research apply; ads sharing does not. */
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  assert_status (fixture, "research-data", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);
  assert_status (fixture, "microsoft-ads-sharing", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  g_assert_nonnull (untrain_item_status_get_checked_at (item (fixture, "ai-training")));
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->server), ==, 0);

  /* Saved, with the time, for the next start and for --status. */
  reread = untrain_state_store_new (untrain_state_store_get_file (fixture->store));
  g_assert_true (untrain_state_store_load (reread, &error));
  g_assert_true (untrain_state_store_get_live (reread, "linkedin", "research-data", &status, &checked_at, NULL));
  g_assert_cmpint (status, ==, UNTRAIN_STATUS_DONE);

  entries = untrain_history_get_entries (fixture->history, "linkedin", NULL);
  g_assert_cmpuint (entries->len, ==, 2);
}

static void
test_check_in_the_united_states (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (check (fixture, &error));
  g_assert_no_error (error);

  /* All three switches apply there, and are read at once. */
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  assert_status (fixture, "microsoft-ads-sharing", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  assert_status (fixture, "research-data", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->server), ==, 3);
}

static void
test_apply_turns_off_and_verifies (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GError) error = NULL;
  UntrainHistoryEntry *last;
  guint n_verified = 0;

  g_assert_true (check (fixture, &error));
  g_assert_true (apply (fixture, "ai-training", &error));
  g_assert_no_error (error);

  g_assert_false (fake_linkedin_get_setting_on (fixture->server, FAKE_LINKEDIN_AI_TRAINING_KEY));
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_DONE, UNTRAIN_EVIDENCE_LIVE);

  entries = untrain_history_get_entries (fixture->history, "linkedin", "ai-training");
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpint (last->kind, ==, UNTRAIN_HISTORY_CHANGE);
  g_assert_cmpint (last->status, ==, UNTRAIN_STATUS_DONE);

  /* Verified again on the next check. */
  g_assert_true (check (fixture, &error));
  g_assert_true (untrain_history_get_off_since (fixture->history, "linkedin", "ai-training", &since, &n_verified));
  g_assert_cmpuint (n_verified, ==, 2);
}

static void
test_apply_that_does_not_stick (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_STUCK);

  g_assert_false (apply (fixture, "ai-training", &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_NOT_APPLIED);

  /* Never "done" on the strength of the write alone. */
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ERROR, UNTRAIN_EVIDENCE_LIVE);
  g_assert_true (fake_linkedin_get_setting_on (fixture->server, FAKE_LINKEDIN_AI_TRAINING_KEY));
}

/* Cancelled while LinkedIn had not answered (the window closed, say):
 * whether the switch changed is not known, so the history, which is the
 * person's record, says nothing, and the item shows what was known.
 */
static void
test_apply_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (check (fixture, &error));
  g_assert_no_error (error);
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);

  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SLOW);
  untrain_checker_apply_async (fixture->model, fixture->provider, fixture->history, "ai-training",
                               cancellable, store_result_cb, &result);
  g_assert_cmpint (untrain_item_status_get_status (item (fixture, "ai-training")), ==, UNTRAIN_STATUS_CHECKING);
  g_cancellable_cancel (cancellable);

  g_assert_false (untrain_checker_apply_finish (wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  entries = untrain_history_get_entries (fixture->history, "linkedin", "ai-training");
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (((UntrainHistoryEntry *)g_ptr_array_index (entries, i))->kind, !=, UNTRAIN_HISTORY_CHANGE);
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_LOGIN_REDIRECT);
  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_UNAUTHORIZED);

  g_assert_true (check (fixture, &error));
  g_assert_no_error (error);

  assert_status (fixture, "ai-training", UNTRAIN_STATUS_NEEDS_SIGN_IN, UNTRAIN_EVIDENCE_LIVE);
  assert_status (fixture, "research-data", UNTRAIN_STATUS_NEEDS_SIGN_IN, UNTRAIN_EVIDENCE_LIVE);
  g_assert_nonnull (untrain_item_status_get_message (item (fixture, "ai-training")));
}

static void
test_page_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *message;

  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_GARBAGE);

  g_assert_true (check (fixture, &error));
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ERROR, UNTRAIN_EVIDENCE_LIVE);

  message = untrain_item_status_get_message (item (fixture, "ai-training"));
  g_assert_nonnull (strstr (message, "check by hand"));
  g_assert_nonnull (strstr (message, "data-for-ai-improvement"));
}

static void
test_offline_keeps_what_was_known (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDateTime *checked_at;

  g_assert_true (check (fixture, &error));
  checked_at = g_date_time_ref (untrain_item_status_get_checked_at (item (fixture, "ai-training")));

  /* Now LinkedIn answers nothing in time. */
  fake_linkedin_set_slow_ms (fixture->server, 8000);
  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SLOW);
  fake_linkedin_set_page_mode (fixture->server, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_SLOW);

  g_assert_false (check (fixture, &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "LinkedIn"));

  /* The stored status, with its age, not an error over it. */
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_ACTION_NEEDED, UNTRAIN_EVIDENCE_LIVE);
  g_assert_true (g_date_time_equal (untrain_item_status_get_checked_at (item (fixture, "ai-training")), checked_at));
  g_date_time_unref (checked_at);
}

static void
test_nothing_live (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Under 18 in Germany: no AI switch applies, and research is read. */
  untrain_status_model_set_person (fixture->model, "DE", 16);
  g_assert_true (check (fixture, &error));
  assert_status (fixture, "ai-training", UNTRAIN_STATUS_NOT_APPLICABLE, UNTRAIN_EVIDENCE_DERIVED);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->server), ==, 1);

  /* And a switch that does not apply is never changed. */
  g_assert_false (apply (fixture, "ai-training", &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_FAILED);
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->server), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, country) \
  g_test_add (path, Fixture, country, fixture_set_up, func, fixture_tear_down)

  ADD ("/checker/check/reads-every-switch", test_check_reads_every_switch, NULL);
  ADD ("/checker/check/united-states", test_check_in_the_united_states, "US");
  ADD ("/checker/check/signed-out", test_signed_out, NULL);
  ADD ("/checker/check/page-changed", test_page_changed, NULL);
  ADD ("/checker/check/offline-keeps-what-was-known", test_offline_keeps_what_was_known, NULL);
  ADD ("/checker/check/nothing-live", test_nothing_live, NULL);
  ADD ("/checker/apply/turns-off-and-verifies", test_apply_turns_off_and_verifies, NULL);
  ADD ("/checker/apply/does-not-stick", test_apply_that_does_not_stick, NULL);
  ADD ("/checker/apply/cancelled", test_apply_cancelled, NULL);

#undef ADD

  return g_test_run ();
}
