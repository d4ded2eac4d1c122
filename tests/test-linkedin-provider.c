/* test-linkedin-provider.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "fake-linkedin.h"
#include "untrain-catalog.h"
#include "untrain-linkedin-provider.h"
#include "untrain-linkedin-provider-private.h"

/* The LinkedIn provider end to end: the real provider over real HTTP
 * against the fake LinkedIn in tests/fake-linkedin.c, on loopback.
 */

#define AI_TRAINING   "ai-training"
#define ADS_SHARING   "microsoft-ads-sharing"
#define RESEARCH      "research-data"

/* The debug-log test's session: its subprocess must use the same one. */
#define DEBUG_LI_AT      "AQEDAdebugLogSecretLiAt4242424242"
#define DEBUG_JSESSIONID "ajax:7373737373737373737"

/* A self-signed certificate for 127.0.0.1, trusted by no one. */
static const char untrusted_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBkTCCATagAwIBAgIUaLoChJTy/Pu/Rz1omNYHjv+z9x4wCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTIwNTIxNloYDzIxMjYxMTA1\n"
  "MjA1MjE2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAARA3FPdQC53LUxzgK5ywFdCpdUT+VNoQz7rkyqI9aUTv58X/otE4vEZ\n"
  "OdEt99sUox1FgOhYUQ6rw0jokS7bfVFIo2QwYjAdBgNVHQ4EFgQU3CdKMsrxeI/5\n"
  "0/Q275jYi8u0mg0wHwYDVR0jBBgwFoAU3CdKMsrxeI/50/Q275jYi8u0mg0wDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC\n"
  "IQDPYgybyF+K383LMOWaLtZCmFJytlB3nIvsFDEm9SH7PAIhAMrD8H/k6ZKyY8v3\n"
  "wV37DFBhaP8NpLEYxfbFqbbkHTlo\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyhqf5/XSCCUwRfoc\n"
  "ikfYiMq5IEVy3kILtffGK/rH+06hRANCAARA3FPdQC53LUxzgK5ywFdCpdUT+VNo\n"
  "Qz7rkyqI9aUTv58X/otE4vEZOdEt99sUox1FgOhYUQ6rw0jokS7bfVFI\n"
  "-----END PRIVATE KEY-----\n";

typedef struct
{
  FakeLinkedin    *fake;
  UntrainCatalog  *catalog;
  UntrainPlatform *platform;
  UntrainProvider *provider;
} Fixture;

static UntrainProvider *
new_provider (const char *cookies)
{
  g_autoptr(GError) error = NULL;
  UntrainProvider *provider;

  provider = untrain_linkedin_provider_new (cookies, &error);
  g_assert_no_error (error);
  g_assert_true (UNTRAIN_IS_LINKEDIN_PROVIDER (provider));

  return provider;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->fake = fake_linkedin_new ();
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (fixture->fake), TRUE);
  g_setenv ("UNTRAIN_HTTP_TIMEOUT", "5", TRUE);

  fixture->catalog = untrain_catalog_new ();
  untrain_catalog_load_builtin (fixture->catalog, &error);
  g_assert_no_error (error);
  fixture->platform = g_object_ref (untrain_catalog_lookup (fixture->catalog, "linkedin"));

  fixture->provider = new_provider (fake_linkedin_get_cookies (fixture->fake));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->platform);
  g_clear_object (&fixture->catalog);

  /* The server hears the connections close */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->fake);
  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
  g_unsetenv ("UNTRAIN_HTTP_TIMEOUT");

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static UntrainItem *
get_item (Fixture    *fixture,
          const char *item_id)
{
  UntrainItem *item = untrain_platform_lookup_item (fixture->platform, item_id);

  g_assert_nonnull (item);
  g_assert_nonnull (untrain_item_get_setting (item));

  return item;
}

static char *
build_page_url (Fixture    *fixture,
                const char *page)
{
  return g_strconcat (fake_linkedin_get_url (fixture->fake), "/mypreferences/d/settings/", page, NULL);
}

static void
assert_no_secret (Fixture    *fixture,
                  const char *text)
{
  const char * const *secrets = fake_linkedin_get_secrets (fixture->fake);

  for (guint i = 0; secrets[i] != NULL; i++)
    g_assert_null (strstr (text, secrets[i]));
}

/* Waiting for results */

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static char *
whoami (UntrainProvider  *provider,
        GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_provider_whoami_async (provider, NULL, store_result, &result);

  return untrain_provider_whoami_finish (provider, wait_for (&result), error);
}

static gboolean
check_with (UntrainProvider  *provider,
            UntrainItem      *item,
            GCancellable     *cancellable,
            gboolean         *is_desired,
            char            **wire_value,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_provider_check_async (provider, item, cancellable, store_result, &result);

  return untrain_provider_check_finish (provider, wait_for (&result), is_desired, wire_value, error);
}

static gboolean
check (Fixture     *fixture,
       const char  *item_id,
       gboolean    *is_desired,
       char       **wire_value,
       GError     **error)
{
  return check_with (fixture->provider, get_item (fixture, item_id), NULL, is_desired, wire_value, error);
}

static gboolean
apply (Fixture     *fixture,
       const char  *item_id,
       char       **wire_value,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_provider_apply_async (fixture->provider, get_item (fixture, item_id), NULL,
                                store_result, &result);

  return untrain_provider_apply_finish (fixture->provider, wait_for (&result), wire_value, error);
}

/* Checks @item_id, expecting it to fail with @code; returns the message. */
static char *
check_fails (Fixture    *fixture,
             const char *item_id,
             int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean is_desired = FALSE;

  g_assert_false (check (fixture, item_id, &is_desired, &value, &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, code);
  g_assert_null (value);
  assert_no_secret (fixture, error->message);

  return g_strdup (error->message);
}

/* The AI training page answers in each of @modes in turn: each check
 * fails with @code, saying @text and, with @names_page, the page's address.
 */
static void
assert_modes_fail (Fixture                *fixture,
                   const FakeLinkedinMode *modes,
                   guint                   n_modes,
                   int                     code,
                   const char             *text,
                   gboolean                names_page)
{
  g_autofree char *url = build_page_url (fixture, FAKE_LINKEDIN_AI_TRAINING_PAGE);

  for (guint i = 0; i < n_modes; i++)
    {
      g_autofree char *message = NULL;

      fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, modes[i]);
      message = check_fails (fixture, AI_TRAINING, code);
      g_assert_nonnull (strstr (message, text));
      if (names_page)
        g_assert_nonnull (strstr (message, url));
    }
}

static void
assert_check (Fixture    *fixture,
              const char *item_id,
              gboolean    expected_desired,
              const char *expected_value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean is_desired = !expected_desired;

  g_assert_true (check (fixture, item_id, &is_desired, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (is_desired, ==, expected_desired);
  g_assert_cmpstr (value, ==, expected_value);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* Who is signed in */

static void
test_whoami (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *accept = NULL;

  name = whoami (fixture->provider, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Ada Lovelace");

  accept = fake_linkedin_dup_last_header (fixture->fake, "Accept");
  g_assert_cmpstr (accept, ==, "application/json");

  g_clear_pointer (&name, g_free);
  fake_linkedin_set_profile (fixture->fake, "Grace", "Hopper");
  name = whoami (fixture->provider, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Grace Hopper");

  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 0);
}

static void
test_whoami_signed_out (Fixture       *fixture,
                        gconstpointer  data)
{
  const FakeLinkedinMode modes[] = {
    FAKE_LINKEDIN_MODE_UNAUTHORIZED,
    FAKE_LINKEDIN_MODE_FORBIDDEN,
    FAKE_LINKEDIN_MODE_LOGIN_REDIRECT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;

      fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_PROFILE_PAGE, modes[i]);
      name = whoami (fixture->provider, &error);
      g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT);
      g_assert_null (name);
      g_assert_cmpint (untrain_provider_error_to_status (error), ==, UNTRAIN_STATUS_NEEDS_SIGN_IN);
    }
}

/* Reading a switch */

static void
test_check_on_and_off (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *accept = NULL;

  assert_check (fixture, AI_TRAINING, FALSE, "true");

  accept = fake_linkedin_dup_last_header (fixture->fake, "Accept");
  g_assert_cmpstr (accept, ==, "text/html");

  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY, FALSE);
  assert_check (fixture, AI_TRAINING, TRUE, "false");

  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 2);
  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 0);
}

static void
test_check_display_values (Fixture       *fixture,
                           gconstpointer  data)
{
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE,
                               FAKE_LINKEDIN_MODE_DISPLAY_VALUES);
  assert_check (fixture, AI_TRAINING, FALSE, "\"ENABLED\"");

  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY, FALSE);
  assert_check (fixture, AI_TRAINING, TRUE, "\"DISABLED\"");
}

static void
test_check_catalog_off_value (Fixture       *fixture,
                              gconstpointer  data)
{
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_RESEARCH_PAGE,
                               FAKE_LINKEDIN_MODE_NO_OFF_VALUE);
  assert_check (fixture, RESEARCH, FALSE, "true");

  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_RESEARCH_KEY, FALSE);
  assert_check (fixture, RESEARCH, TRUE, "false");
}

/* Neither the page nor the catalog says which value is off. */
static void
test_check_no_off_value_anywhere (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char platform_json[] =
    "{ \"id\": \"linkedin\", \"name\": \"LinkedIn\", \"homepage\": \"https://www.linkedin.com\","
    "  \"provider\": \"linkedin\", \"items\": [ {"
    "    \"id\": \"research-data\", \"kind\": \"toggle\", \"title\": \"Research\","
    "    \"description\": \"Research\", \"applies\": [ {} ],"
    "    \"url\": \"https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research\","
    "    \"sources\": [ \"https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research\" ],"
    "    \"setting\": { \"key\": \"allowAnonymizedDataResearch\","
    "                   \"page\": \"policy-and-academic-research\", \"desired\": \"off\" } } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (platform_json, strlen (platform_json));
  g_autoptr(UntrainPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *url = build_page_url (fixture, FAKE_LINKEDIN_RESEARCH_PAGE);
  gboolean is_desired = FALSE;

  platform = untrain_platform_new_from_bytes (bytes, "linkedin.json", &error);
  g_assert_no_error (error);
  g_assert_null (untrain_item_get_setting (untrain_platform_lookup_item (platform, RESEARCH))->off_value);

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_RESEARCH_PAGE,
                               FAKE_LINKEDIN_MODE_NO_OFF_VALUE);
  g_assert_false (check_with (fixture->provider, untrain_platform_lookup_item (platform, RESEARCH),
                              NULL, &is_desired, &value, &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED);
  g_assert_nonnull (strstr (error->message, url));
  g_clear_error (&error);

  /* With offValue on the page the catalog need not say. */
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_RESEARCH_PAGE, FAKE_LINKEDIN_MODE_SWITCH);
  g_assert_true (check_with (fixture->provider, untrain_platform_lookup_item (platform, RESEARCH),
                             NULL, &is_desired, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (is_desired);
}

/* All three at once, each in a different state: decoys on every page
 * show the opposite value, so a mix-up shows.
 */
typedef struct
{
  const char *item_id;
  GAsyncResult *result;
} Pending;

static void
test_check_all_at_once (Fixture       *fixture,
                        gconstpointer  data)
{
  Pending pending[] = {
    { AI_TRAINING, NULL },
    { ADS_SHARING, NULL },
    { RESEARCH, NULL },
  };
  const gboolean expected_desired[] = { TRUE, FALSE, TRUE };

  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY, FALSE);
  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_RESEARCH_KEY, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    untrain_provider_check_async (fixture->provider, get_item (fixture, pending[i].item_id),
                                  NULL, store_result, &pending[i].result);

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;
      gboolean is_desired = !expected_desired[i];

      g_assert_true (untrain_provider_check_finish (fixture->provider, wait_for (&pending[i].result),
                                                    &is_desired, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (is_desired, ==, expected_desired[i]);
      g_assert_cmpstr (value, ==, expected_desired[i] ? "false" : "true");
      g_clear_object (&pending[i].result);
    }

  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 3);
  g_assert_cmpuint (fake_linkedin_get_n_connections (fixture->fake), <=, 3);
}

/* One after the other, the checks share one kept-alive connection. */
static void
test_connection_reused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  assert_check (fixture, AI_TRAINING, FALSE, "true");
  assert_check (fixture, ADS_SHARING, FALSE, "true");
  assert_check (fixture, RESEARCH, FALSE, "true");
  name = whoami (fixture->provider, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 4);
  g_assert_cmpuint (fake_linkedin_get_n_connections (fixture->fake), ==, 1);
}

static void
test_headers (Fixture       *fixture,
              gconstpointer  data)
{
  const char * const *secrets = fake_linkedin_get_secrets (fixture->fake);
  g_autoptr(UntrainProvider) stranger = NULL;
  g_autofree char *cookie = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *restli = NULL;
  g_autofree char *message = NULL;

  assert_check (fixture, AI_TRAINING, FALSE, "true");

  cookie = fake_linkedin_dup_last_header (fixture->fake, "Cookie");
  csrf = fake_linkedin_dup_last_header (fixture->fake, "csrf-token");
  restli = fake_linkedin_dup_last_header (fixture->fake, "x-restli-protocol-version");
  g_assert_cmpstr (cookie, ==, fake_linkedin_get_cookies (fixture->fake));
  g_assert_cmpstr (csrf, ==, secrets[1]);
  g_assert_true (g_str_has_prefix (csrf, "ajax:"));
  g_assert_cmpstr (restli, ==, "2.0.0");
  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 0);

  /* Another session is not this one: the fake turns it away. */
  g_clear_object (&fixture->provider);
  stranger = new_provider ("li_at=someone-else; JSESSIONID=\"ajax:1\"");
  fixture->provider = g_object_ref (stranger);
  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT);
  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 1);
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  const FakeLinkedinMode modes[] = {
    FAKE_LINKEDIN_MODE_UNAUTHORIZED,
    FAKE_LINKEDIN_MODE_FORBIDDEN,
    FAKE_LINKEDIN_MODE_LOGIN_REDIRECT,
  };

  assert_modes_fail (fixture, modes, G_N_ELEMENTS (modes),
                     UNTRAIN_PROVIDER_ERROR_SIGNED_OUT, "sign in again", FALSE);

  /* The sign-in page itself was never asked for. */
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 3);
}

static void
test_page_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  const FakeLinkedinMode modes[] = {
    FAKE_LINKEDIN_MODE_NOT_FOUND,
    FAKE_LINKEDIN_MODE_GARBAGE,
    FAKE_LINKEDIN_MODE_REDIRECT_LOOP,
  };

  assert_modes_fail (fixture, modes, G_N_ELEMENTS (modes), UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                     "LinkedIn changed its settings page; check by hand at ", TRUE);

  /* A loop is followed a few times, then given up: 1 + 5 redirects */
  fake_linkedin_reset_counts (fixture->fake);
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE,
                               FAKE_LINKEDIN_MODE_REDIRECT_LOOP);
  g_free (check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED));
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 6);
}

static void
test_moved_on_same_host (Fixture       *fixture,
                         gconstpointer  data)
{
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_MOVED);
  assert_check (fixture, AI_TRAINING, FALSE, "true");
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 2);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  const FakeLinkedinMode modes[] = {
    FAKE_LINKEDIN_MODE_HUGE,
    FAKE_LINKEDIN_MODE_HUGE_CHUNKED,
  };

  assert_modes_fail (fixture, modes, G_N_ELEMENTS (modes), UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED,
                     "too large", TRUE);

  /* And the next answer is read as usual. */
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SWITCH);
  assert_check (fixture, AI_TRAINING, FALSE, "true");
}

/* Send a request with a Cookie straight to the other host: it notices. */
static void
send_directly (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Cookie", "probe=1");
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  body = soup_session_send_and_read_finish (session, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
}

static void
test_other_host_gets_no_cookie (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *url = build_page_url (fixture, FAKE_LINKEDIN_AI_TRAINING_PAGE);
  g_autofree char *elsewhere = NULL;

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_ELSEWHERE);
  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_PAGE_CHANGED);
  g_assert_nonnull (strstr (message, "another site"));
  g_assert_nonnull (strstr (message, url));

  g_assert_cmpuint (fake_linkedin_get_elsewhere_n_requests (fixture->fake), ==, 0);
  g_assert_false (fake_linkedin_get_elsewhere_saw_cookie (fixture->fake));

  /* The other host is there and would have told. */
  elsewhere = g_strconcat (fake_linkedin_get_elsewhere_url (fixture->fake),
                           "/mypreferences/d/settings/", FAKE_LINKEDIN_AI_TRAINING_PAGE, NULL);
  send_directly (elsewhere);
  g_assert_cmpuint (fake_linkedin_get_elsewhere_n_requests (fixture->fake), ==, 1);
  g_assert_true (fake_linkedin_get_elsewhere_saw_cookie (fixture->fake));
}

/* Busy */

static void
test_busy_then_answers (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 start;

  fake_linkedin_set_busy (fixture->fake, 429, 1, "1");
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_BUSY);

  start = g_get_monotonic_time ();
  assert_check (fixture, AI_TRAINING, FALSE, "true");
  g_assert_cmpfloat (seconds_since (start), >=, 0.95);
  g_assert_cmpfloat (seconds_since (start), <, 3.0);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 2);
}

static void
test_busy_retry_after_date (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 2);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  gint64 start;

  fake_linkedin_set_busy (fixture->fake, 503, 1, date);
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_BUSY);

  start = g_get_monotonic_time ();
  assert_check (fixture, AI_TRAINING, FALSE, "true");
  /* HTTP dates have whole seconds */
  g_assert_cmpfloat (seconds_since (start), >=, 0.9);
  g_assert_cmpfloat (seconds_since (start), <, 4.0);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 2);
}

static void
test_busy_gives_up (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  gint64 start;

  /* Three tries, no more */
  fake_linkedin_set_busy (fixture->fake, 429, 10, "1");
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_BUSY);
  start = g_get_monotonic_time ();
  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (message, "Can’t reach LinkedIn"));
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 3);
  g_assert_cmpfloat (seconds_since (start), >=, 1.9);
  g_clear_pointer (&message, g_free);

  /* A wait beyond the minute is not waited for at all. */
  fake_linkedin_reset_counts (fixture->fake);
  fake_linkedin_set_busy (fixture->fake, 503, 10, "120");
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_BUSY);
  start = g_get_monotonic_time ();
  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_cmpfloat (seconds_since (start), <, 1.0);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 1);
}

static void
test_busy_wait_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean is_desired = FALSE;
  gint64 start;

  fake_linkedin_set_busy (fixture->fake, 429, 1, "30");
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_BUSY);
  g_timeout_add_once (300, (GSourceOnceFunc)g_cancellable_cancel, cancellable);

  start = g_get_monotonic_time ();
  g_assert_false (check_with (fixture->provider, get_item (fixture, AI_TRAINING), cancellable,
                              &is_desired, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds_since (start), <, 2.0);
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 1);
}

/* Slow and unreachable */

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *message = NULL;
  gint64 start;

  g_setenv ("UNTRAIN_HTTP_TIMEOUT", "1", TRUE);
  g_clear_object (&fixture->provider);
  fixture->provider = new_provider (fake_linkedin_get_cookies (fixture->fake));
  fake_linkedin_set_slow_ms (fixture->fake, 4000);
  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SLOW);

  start = g_get_monotonic_time ();
  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_cmpfloat (seconds_since (start), >=, 0.9);
  g_assert_cmpfloat (seconds_since (start), <, 3.0);
  g_assert_cmpstr (message, ==, "Can’t reach LinkedIn: it didn’t answer within 1 second");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean is_desired = FALSE;
  gint64 start;

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_SLOW);
  g_timeout_add_once (200, (GSourceOnceFunc)g_cancellable_cancel, cancellable);

  start = g_get_monotonic_time ();
  g_assert_false (check_with (fixture->provider, get_item (fixture, AI_TRAINING), cancellable,
                              &is_desired, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds_since (start), <, 2.0);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = g_strdup (fake_linkedin_get_url (fixture->fake));
  g_autofree char *message = NULL;

  /* Nothing listens there any more. */
  g_clear_object (&fixture->fake);
  fixture->fake = fake_linkedin_new ();
  g_setenv ("UNTRAIN_LINKEDIN_URL", url, TRUE);
  g_clear_object (&fixture->provider);
  fixture->provider = new_provider (fake_linkedin_get_cookies (fixture->fake));
  g_assert_cmpstr (url, !=, fake_linkedin_get_url (fixture->fake));

  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (message, "Can’t reach LinkedIn: "));
}

static void
count_request (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  guint *n_requests = user_data;

  (*n_requests)++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static void
test_tls_error_not_bypassed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  guint n_requests = 0;
  GSList *listeners;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking) here");
      return;
    }

  certificate = g_tls_certificate_new_from_pem (untrusted_pem, -1, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, count_request, &n_requests, NULL);
  soup_server_listen (server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);

  listeners = soup_server_get_listeners (server);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_slist_free (listeners);
  g_assert_no_error (error);
  url = g_strdup_printf ("https://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  g_setenv ("UNTRAIN_LINKEDIN_URL", url, TRUE);
  g_clear_object (&fixture->provider);
  fixture->provider = new_provider (fake_linkedin_get_cookies (fixture->fake));

  message = check_fails (fixture, AI_TRAINING, UNTRAIN_PROVIDER_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (message, "Can’t reach LinkedIn: "));
  g_assert_cmpuint (n_requests, ==, 0);

  soup_server_disconnect (server);
}

/* Addresses and sessions */

static void
assert_base_url (const char *url,
                 const char *expected)
{
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("UNTRAIN_LINKEDIN_URL", url, TRUE);
  provider = untrain_linkedin_provider_new ("li_at=x; JSESSIONID=\"ajax:1\"", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (untrain_linkedin_provider_get_base_url (UNTRAIN_LINKEDIN_PROVIDER (provider)), ==, expected);
  g_assert_nonnull (untrain_linkedin_provider_get_session (UNTRAIN_LINKEDIN_PROVIDER (provider)));
}

static void
assert_refused (const char *url,
                int         code)
{
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("UNTRAIN_LINKEDIN_URL", url, TRUE);
  provider = untrain_linkedin_provider_new ("li_at=x; JSESSIONID=\"ajax:1\"", &error);
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, code);
  g_assert_null (provider);
  g_assert_null (strstr (error->message, "ajax:1"));
}

static void
test_base_url (void)
{
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
  provider = untrain_linkedin_provider_new ("li_at=x; JSESSIONID=\"ajax:1\"", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (untrain_linkedin_provider_get_base_url (UNTRAIN_LINKEDIN_PROVIDER (provider)),
                   ==, "https://www.linkedin.com");

  assert_base_url ("http://127.0.0.1:8080", "http://127.0.0.1:8080");
  assert_base_url ("http://127.1.2.3:8080/", "http://127.1.2.3:8080");
  assert_base_url ("http://localhost:1234/ignored/path", "http://localhost:1234");
  assert_base_url ("http://[::1]:8080", "http://[::1]:8080");
  assert_base_url ("https://example.com", "https://example.com");
  assert_base_url ("https://www.linkedin.com:443/", "https://www.linkedin.com");

  assert_refused ("http://example.com", UNTRAIN_PROVIDER_ERROR_INSECURE);
  assert_refused ("http://www.linkedin.com", UNTRAIN_PROVIDER_ERROR_INSECURE);
  assert_refused ("http://10.0.0.1:8080", UNTRAIN_PROVIDER_ERROR_INSECURE);
  assert_refused ("http://127.0.0.1.example.com", UNTRAIN_PROVIDER_ERROR_INSECURE);
  assert_refused ("ftp://127.0.0.1", UNTRAIN_PROVIDER_ERROR_INSECURE);
  assert_refused ("not an address", UNTRAIN_PROVIDER_ERROR_FAILED);

  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
}

static void
test_incomplete_session (void)
{
  const char *sessions[] = {
    "li_at=only-this",
    "li_at=x; JSESSIONID=\"\"",
    "li_at=x; JSESSIONID=\"ajax:1\"\r\nX-Injected: yes",
    "",
  };

  g_unsetenv ("UNTRAIN_LINKEDIN_URL");

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr(UntrainProvider) provider = NULL;
      g_autoptr(GError) error = NULL;

      provider = untrain_linkedin_provider_new (sessions[i], &error);
      g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT);
      g_assert_null (provider);
      g_assert_null (strstr (error->message, "only-this"));
    }
}

/* Turning a switch off */

static void
test_apply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY));

  g_assert_true (apply (fixture, AI_TRAINING, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "false");

  g_assert_false (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY));
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->fake), ==, 1);
  /* read, write, read again */
  g_assert_cmpuint (fake_linkedin_get_n_requests (fixture->fake), ==, 3);
  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 0);

  /* The others were left alone. */
  g_assert_true (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_ADS_SHARING_KEY));
  g_assert_true (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_RESEARCH_KEY));

  assert_check (fixture, AI_TRAINING, TRUE, "false");
}

static void
test_apply_forms (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_ADS_SHARING_PAGE,
                               FAKE_LINKEDIN_MODE_DISPLAY_VALUES);
  g_assert_true (apply (fixture, ADS_SHARING, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "\"DISABLED\"");
  g_assert_false (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_ADS_SHARING_KEY));
  g_clear_pointer (&value, g_free);

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_RESEARCH_PAGE,
                               FAKE_LINKEDIN_MODE_NO_OFF_VALUE);
  g_assert_true (apply (fixture, RESEARCH, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "false");
  g_assert_false (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_RESEARCH_KEY));

  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->fake), ==, 2);
  g_assert_cmpuint (fake_linkedin_get_n_rejected (fixture->fake), ==, 0);
}

static void
test_apply_already_off (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  fake_linkedin_set_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY, FALSE);
  g_assert_true (apply (fixture, AI_TRAINING, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "false");
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->fake), ==, 0);
}

static void
test_apply_does_not_stick (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *url = build_page_url (fixture, FAKE_LINKEDIN_AI_TRAINING_PAGE);

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_STUCK);
  g_assert_false (apply (fixture, AI_TRAINING, &value, &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_NOT_APPLIED);
  g_assert_nonnull (strstr (error->message, "still on"));
  g_assert_nonnull (strstr (error->message, "by hand"));
  g_assert_nonnull (strstr (error->message, url));
  assert_no_secret (fixture, error->message);
  g_assert_cmpint (untrain_provider_error_to_status (error), ==, UNTRAIN_STATUS_ERROR);

  /* What the re-read showed, for the history */
  g_assert_cmpstr (value, ==, "true");
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->fake), ==, 1);
  g_assert_true (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY));
}

static void
test_apply_signed_out (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  fake_linkedin_set_page_mode (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_LOGIN_REDIRECT);
  g_assert_false (apply (fixture, AI_TRAINING, &value, &error));
  g_assert_error (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_SIGNED_OUT);
  g_assert_null (value);
  g_assert_cmpuint (fake_linkedin_get_n_writes (fixture->fake), ==, 0);
  g_assert_true (fake_linkedin_get_setting_on (fixture->fake, FAKE_LINKEDIN_AI_TRAINING_KEY));
}

/* Secrets */

/* Loads the built-in catalog into @catalog and gives its LinkedIn switch
 * "Data for Generative AI Improvement".
 */
static const UntrainSetting *
load_ai_training_setting (UntrainCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;

  untrain_catalog_load_builtin (catalog, &error);
  g_assert_no_error (error);
  platform = untrain_catalog_lookup (catalog, "linkedin");

  return untrain_item_get_setting (untrain_platform_lookup_item (platform, AI_TRAINING));
}

/* Found by fuzzing (tests/fuzz). json-glib parses nested lists by
 * recursion: a <code> block nested a million times deep overflowed the
 * stack when a single-quoted string, which json-glib reads, hid a double
 * quote from the depth check; or what json-glib reads beyond JSON, in its
 * own ways, hid brackets: a comment (1.6 ends one at the next slash) or a
 * string it does not end at its quote ("\u1" takes the quote in). Such a
 * block is skipped and the rest of the page still read.
 */
static void
test_read_too_deep (void)
{
  static const char * const hiding[] = {
    "",
    "&#39;&quot;&#39;, ",
    "/* &quot; */ ",
    "/* ends here/ ",
    "&quot;\\u1&quot; &quot;, ",
  };
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  const UntrainSetting *setting = load_ai_training_setting (catalog);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hiding); i++)
    {
      g_autoptr(GString) html = g_string_new ("<html><body><code>[");
      g_autoptr(GBytes) page = NULL;
      g_autoptr(UntrainLinkedinReading) reading = NULL;

      g_string_append (html, hiding[i]);
      for (guint depth = 0; depth < 1000000; depth++)
        g_string_append_c (html, '[');
      for (guint depth = 0; depth < 1000001; depth++)
        g_string_append_c (html, ']');
      g_string_append (html, "</code>\n<code>{&quot;key&quot;:&quot;");
      g_string_append (html, setting->key);
      g_string_append (html, "&quot;,&quot;value&quot;:false,&quot;offValue&quot;:false}</code></body></html>\n");
      page = g_string_free_to_bytes (g_steal_pointer (&html));

      reading = _untrain_linkedin_read_setting (page, setting, "https://www.linkedin.com/test", &error);
      g_assert_no_error (error);
      g_assert_nonnull (reading);
      g_assert_true (reading->is_desired);
    }
}

/* Also found by fuzzing: json-glib reads a <code> block of two values as
 * two documents, keeps the first and leaks the others. The check missed
 * the second behind what it took for a comment running to the end of the
 * block (json-glib 1.6 ends one at the next slash), and the first was
 * read. A block with two values, or with a comment, is skipped as if it
 * held nothing, and the rest of the page read.
 */
static void
test_read_several_values (void)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  const UntrainSetting *setting = load_ai_training_setting (catalog);
  g_autoptr(UntrainLinkedinReading) reading = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  html = g_strdup_printf ("<html><body>"
                          "<code>{&quot;key&quot;:&quot;%s&quot;,&quot;value&quot;:true,&quot;offValue&quot;:false}"
                          " /* ends here/ [1]</code>\n"
                          "<code>{&quot;key&quot;:&quot;%s&quot;,&quot;value&quot;:false,&quot;offValue&quot;:false}</code>"
                          "</body></html>\n",
                          setting->key, setting->key);
  page = g_bytes_new (html, strlen (html));

  reading = _untrain_linkedin_read_setting (page, setting, "https://www.linkedin.com/test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reading);
  g_assert_true (reading->is_desired);
}

/* Also found by fuzzing: an empty answer has no data at all, which the
 * JSON parser refused with a critical; a deep one overflowed the stack;
 * one of two values leaked.
 */
static void
test_whoami_body (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GBytes) deep = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autoptr(GString) text = g_string_new ("{\"data\": ");
  g_autofree char *name = NULL;
  static const char profile_json[] = "{\"data\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}}";

  profile = g_bytes_new_static (profile_json, strlen (profile_json));
  name = _untrain_linkedin_read_profile_name (profile);
  g_assert_cmpstr (name, ==, "Ada Lovelace");

  g_assert_null (_untrain_linkedin_read_profile_name (empty));

  for (guint depth = 0; depth < 1000000; depth++)
    g_string_append_c (text, '[');
  for (guint depth = 0; depth < 1000000; depth++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  deep = g_string_free_to_bytes (g_steal_pointer (&text));
  g_assert_null (_untrain_linkedin_read_profile_name (deep));

  /* Two values, which json-glib would read as two documents, leaking one */
  two = g_bytes_new_static ("\"x\" {\"data\":{\"firstName\":\"Ada\"}}", 32);
  g_assert_null (_untrain_linkedin_read_profile_name (two));
}

static void
test_debug_log_has_no_secret (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(FakeLinkedin) fake = fake_linkedin_new ();
      g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
      g_autoptr(UntrainProvider) provider = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      UntrainPlatform *platform;
      UntrainItem *item;
      gboolean is_desired;

      /* GLib reads it at every message: from here on, all debug output */
      g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

      fake_linkedin_set_session (fake, DEBUG_LI_AT, DEBUG_JSESSIONID);
      g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (fake), TRUE);
      untrain_catalog_load_builtin (catalog, &error);
      g_assert_no_error (error);
      platform = untrain_catalog_lookup (catalog, "linkedin");
      item = untrain_platform_lookup_item (platform, AI_TRAINING);
      provider = untrain_linkedin_provider_new (fake_linkedin_get_cookies (fake), &error);
      g_assert_no_error (error);

      name = whoami (provider, &error);
      g_assert_no_error (error);

      g_assert_true (check_with (provider, item, NULL, &is_desired, NULL, &error));
      g_assert_no_error (error);

      untrain_provider_apply_async (provider, item, NULL, store_result, &result);
      g_assert_true (untrain_provider_apply_finish (provider, wait_for (&result), &value, &error));
      g_assert_no_error (error);

      /* Failures, with their messages printed for the parent to read */
      fake_linkedin_set_page_mode (fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_UNAUTHORIZED);
      g_assert_false (check_with (provider, item, NULL, &is_desired, NULL, &error));
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);

      fake_linkedin_set_page_mode (fake, FAKE_LINKEDIN_AI_TRAINING_PAGE, FAKE_LINKEDIN_MODE_ELSEWHERE);
      g_assert_false (check_with (provider, item, NULL, &is_desired, NULL, &error));
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);

      g_debug ("The subprocess is done");
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);

  g_test_trap_assert_passed ();

  /* Debug output was on, and the requests were logged ... */
  g_test_trap_assert_stdout ("*The subprocess is done*");
  g_test_trap_assert_stdout ("*GET /mypreferences/d/settings/data-for-ai-improvement*");
  g_test_trap_assert_stdout ("*PUT /mysettings-api/settingsApiSettings/allowDataForGenerativeAI*");
  g_test_trap_assert_stderr ("*LinkedIn signed you out*");

  /* ... without a secret anywhere */
  g_test_trap_assert_stdout_unmatched ("*" DEBUG_LI_AT "*");
  g_test_trap_assert_stdout_unmatched ("*7373737373737373737*");
  g_test_trap_assert_stderr_unmatched ("*" DEBUG_LI_AT "*");
  g_test_trap_assert_stderr_unmatched ("*7373737373737373737*");
}

int
main (int   argc,
      char *argv[])
{
  /* The GNOME proxy resolver reads the system's proxy settings, whose
   * schema is not in the isolated XDG_DATA_DIRS: loopback needs no proxy.
   */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/linkedin-provider/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("whoami", test_whoami);
  ADD ("whoami/signed-out", test_whoami_signed_out);
  ADD ("check/on-and-off", test_check_on_and_off);
  ADD ("check/display-values", test_check_display_values);
  ADD ("check/catalog-off-value", test_check_catalog_off_value);
  ADD ("check/no-off-value-anywhere", test_check_no_off_value_anywhere);
  ADD ("check/all-at-once", test_check_all_at_once);
  ADD ("check/connection-reused", test_connection_reused);
  ADD ("check/headers", test_headers);
  ADD ("check/signed-out", test_signed_out);
  ADD ("check/page-changed", test_page_changed);
  ADD ("check/moved-on-same-host", test_moved_on_same_host);
  ADD ("check/too-large", test_too_large);
  ADD ("check/other-host-gets-no-cookie", test_other_host_gets_no_cookie);
  ADD ("check/busy-then-answers", test_busy_then_answers);
  ADD ("check/busy-retry-after-date", test_busy_retry_after_date);
  ADD ("check/busy-gives-up", test_busy_gives_up);
  ADD ("check/busy-wait-cancelled", test_busy_wait_cancelled);
  ADD ("check/timeout", test_timeout);
  ADD ("check/cancelled", test_cancelled);
  ADD ("check/unreachable", test_unreachable);
  ADD ("check/tls-error-not-bypassed", test_tls_error_not_bypassed);
  ADD ("apply", test_apply);
  ADD ("apply/forms", test_apply_forms);
  ADD ("apply/already-off", test_apply_already_off);
  ADD ("apply/does-not-stick", test_apply_does_not_stick);
  ADD ("apply/signed-out", test_apply_signed_out);

#undef ADD

  g_test_add_func ("/linkedin-provider/base-url", test_base_url);
  g_test_add_func ("/linkedin-provider/incomplete-session", test_incomplete_session);
  g_test_add_func ("/linkedin-provider/debug-log-has-no-secret", test_debug_log_has_no_secret);
  g_test_add_func ("/linkedin-provider/read/too-deep", test_read_too_deep);
  g_test_add_func ("/linkedin-provider/read/several-values", test_read_several_values);
  g_test_add_func ("/linkedin-provider/whoami/body", test_whoami_body);

  return g_test_run ();
}
