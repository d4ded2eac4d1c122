/* test-credentials.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "untrain-credentials.h"
#include "untrain-keyring.h"
#include "untrain-error.h"

/* Sessions in the real keyring, over the real session bus: build-aux/test
 * starts a throwaway gnome-keyring and unlocks it. Each test works on its
 * own made-up platform ("test-…"), so that runs against a keyring that is
 * shared, or left over from an earlier run, never meet, and removes what
 * it stored.
 */

#define SCHEMA_NAME "io.github.untrain.Untrain.Session"

/* What an account out-argument holds before the call, to tell that the
 * call set it, to NULL or not.
 */
static char unset[] = "unset";

typedef struct
{
  char *platform_id;
  char *other_platform_id;
  char *secret;
  char *other_secret;
} Fixture;

/* Every message logged while the tests run, debug ones included
 * (G_MESSAGES_DEBUG=all), to look for secrets in.
 */
static GString *log_text;

static GLogWriterOutput
record_log (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append_printf (log_text, "%s=%s\n", fields[i].key, (const char *)fields[i].value);
      else
        g_string_append_printf (log_text, "%s=%.*s\n", fields[i].key,
                                (int)fields[i].length, (const char *)fields[i].value);
    }

  /* Debug messages would go to standard output, into the TAP. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static char *
random_hex (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

/* Why the tests can't use the keyring, or NULL when they can. */
static const char *
get_keyring_problem (void)
{
  static char *problem;
  static gboolean checked;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  if (checked)
    return problem;
  checked = TRUE;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  if (service != NULL)
    collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                   SECRET_COLLECTION_NONE, NULL, &error);

  if (error != NULL)
    problem = g_strdup_printf ("No Secret Service on the session bus (%s); "
                               "build-aux/test runs these tests with a throwaway gnome-keyring",
                               error->message);
  else if (collection == NULL)
    problem = g_strdup ("The keyring has no default collection; "
                        "build-aux/test runs these tests with a throwaway gnome-keyring");
  else if (secret_collection_get_locked (collection))
    problem = g_strdup ("The keyring's default collection is locked; "
                        "build-aux/test runs these tests with a throwaway, unlocked gnome-keyring");

  return problem;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = random_hex ();
  g_autofree char *other_id = random_hex ();
  g_autofree char *token = random_hex ();
  g_autofree char *other_token = random_hex ();

  fixture->platform_id = g_strdup_printf ("test-%s", id);
  fixture->other_platform_id = g_strdup_printf ("test-%s", other_id);
  fixture->secret = g_strdup_printf ("li_at=AQEDAR%s; JSESSIONID=\"ajax:%s\"", token, token);
  fixture->other_secret = g_strdup_printf ("li_at=AQEDAR%s; JSESSIONID=\"ajax:%s\"", other_token, other_token);

  if (get_keyring_problem () != NULL)
    g_test_skip (get_keyring_problem ());
}

static void
assert_not_logged (const char *secret)
{
  g_autofree char *token = g_strndup (secret + strlen ("li_at=AQEDAR"), 16);

  g_assert_null (strstr (log_text->str, token));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (get_keyring_problem () == NULL)
    {
      g_autoptr(GError) error = NULL;

      untrain_credentials_clear_sync (fixture->platform_id, NULL, &error);
      g_assert_no_error (error);
      untrain_credentials_clear_sync (fixture->other_platform_id, NULL, &error);
      g_assert_no_error (error);
    }

  assert_not_logged (fixture->secret);
  assert_not_logged (fixture->other_secret);

  g_free (fixture->platform_id);
  g_free (fixture->other_platform_id);
  g_free (fixture->secret);
  g_free (fixture->other_secret);
}

/* The keyring's items of @platform_id, as any Secret Service client sees
 * them, whatever their schema.
 */
static GList *
find_items (const char *platform_id)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;

  g_hash_table_insert (attributes, (gpointer)"platform", (gpointer)platform_id);
  items = secret_service_search_sync (NULL, NULL, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);

  return items;
}

static guint
count_items (const char *platform_id)
{
  GList *items = find_items (platform_id);
  guint n_items = g_list_length (items);

  g_list_free_full (items, g_object_unref);

  return n_items;
}

static void
store (const char *platform_id,
       const char *account,
       const char *secret)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (untrain_credentials_store_sync (platform_id, account, secret, NULL, &error));
  g_assert_no_error (error);
}

/* Asserts that @platform_id's session is @secret of @account, or that
 * there is none when @secret is NULL.
 */
static void
assert_session (const char *platform_id,
                const char *account,
                const char *secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *found_account = NULL;
  char *account_out = unset;

  found = untrain_credentials_lookup_sync (platform_id, &account_out, NULL, &error);
  g_assert_true (account_out != unset);
  found_account = account_out;
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, secret);
  g_assert_cmpstr (found_account, ==, account);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **result_out = user_data;

  g_assert_null (object);
  *result_out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
store_async (const char    *platform_id,
             const char    *account,
             const char    *secret,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_credentials_store_async (platform_id, account, secret, cancellable, on_result, &result);
  return untrain_credentials_store_finish (wait_for (&result), error);
}

static char *
lookup_async (const char    *platform_id,
              char         **account,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_credentials_lookup_async (platform_id, cancellable, on_result, &result);
  return untrain_credentials_lookup_finish (wait_for (&result), account, error);
}

static gboolean
clear_async (const char    *platform_id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_credentials_clear_async (platform_id, cancellable, on_result, &result);
  return untrain_credentials_clear_finish (wait_for (&result), error);
}

/* Store, read back, sign in as someone else, sign out: the blocking
 * calls the command line uses.
 */
static void
test_round_trip_sync (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (get_keyring_problem () != NULL)
    return;

  assert_session (fixture->platform_id, NULL, NULL);

  store (fixture->platform_id, "Ada Lovelace", fixture->secret);
  assert_session (fixture->platform_id, "Ada Lovelace", fixture->secret);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 1);

  /* Signing in again as the same person refreshes the session. */
  store (fixture->platform_id, "Ada Lovelace", fixture->other_secret);
  assert_session (fixture->platform_id, "Ada Lovelace", fixture->other_secret);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 1);

  /* Someone else's session replaces it; nothing of the first lingers. */
  store (fixture->platform_id, "Charles Babbage", fixture->secret);
  assert_session (fixture->platform_id, "Charles Babbage", fixture->secret);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 1);

  g_assert_true (untrain_credentials_clear_sync (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);
  assert_session (fixture->platform_id, NULL, NULL);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 0);

  /* Signing out when signed out is no error. */
  g_assert_true (untrain_credentials_clear_sync (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);
}

/* The same with the calls the window uses. */
static void
test_round_trip_async (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *account = NULL;

  if (get_keyring_problem () != NULL)
    return;

  account = unset;
  secret = lookup_async (fixture->platform_id, &account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  g_assert_null (account);

  g_assert_true (store_async (fixture->platform_id, "Ada Lovelace", fixture->secret, NULL, &error));
  g_assert_no_error (error);

  secret = lookup_async (fixture->platform_id, &account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, fixture->secret);
  g_assert_cmpstr (account, ==, "Ada Lovelace");
  g_clear_pointer (&secret, g_free);
  g_clear_pointer (&account, g_free);

  g_assert_true (store_async (fixture->platform_id, "Charles Babbage", fixture->other_secret, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 1);

  /* The account is optional to ask for. */
  secret = lookup_async (fixture->platform_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, fixture->other_secret);
  g_clear_pointer (&secret, g_free);
  assert_session (fixture->platform_id, "Charles Babbage", fixture->other_secret);

  g_assert_true (clear_async (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);

  account = unset;
  secret = lookup_async (fixture->platform_id, &account, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  g_assert_null (account);

  g_assert_true (clear_async (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);
}

/* Signing in or out of one platform leaves the other alone. */
static void
test_platforms_apart (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (get_keyring_problem () != NULL)
    return;

  store (fixture->platform_id, "Ada Lovelace", fixture->secret);
  store (fixture->other_platform_id, "Charles Babbage", fixture->other_secret);
  assert_session (fixture->platform_id, "Ada Lovelace", fixture->secret);
  assert_session (fixture->other_platform_id, "Charles Babbage", fixture->other_secret);

  /* A new session on one platform does not prune the other's. */
  store (fixture->platform_id, "Grace Hopper", fixture->other_secret);
  assert_session (fixture->other_platform_id, "Charles Babbage", fixture->other_secret);

  g_assert_true (untrain_credentials_clear_sync (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);
  assert_session (fixture->platform_id, NULL, NULL);
  assert_session (fixture->other_platform_id, "Charles Babbage", fixture->other_secret);
}

/* The item is the contract's, so that other tools (and later versions)
 * find it: schema name, exactly the two attributes, a label a person
 * understands in "Passwords and Keys", text in the default collection.
 */
static void
test_item (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *item_label = NULL;
  g_autofree char *schema_name = NULL;
  g_autofree char *collection_path = NULL;
  GList *items, *found;
  SecretItem *item;

  if (get_keyring_problem () != NULL)
    return;

  store (fixture->platform_id, "Ada Lovelace", fixture->secret);

  items = find_items (fixture->platform_id);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;

  schema_name = secret_item_get_schema_name (item);
  g_assert_cmpstr (schema_name, ==, SCHEMA_NAME);

  attributes = secret_item_get_attributes (item);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, SCHEMA_NAME);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "platform"), ==, fixture->platform_id);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "account"), ==, "Ada Lovelace");

  /* The catalog has no such platform, so its id stands for its name. */
  label = g_strdup_printf ("Untrain: %s session for Ada Lovelace", fixture->platform_id);
  item_label = secret_item_get_label (item);
  g_assert_cmpstr (item_label, ==, label);

  value = secret_item_get_secret (item);
  g_assert_nonnull (value);
  g_assert_cmpstr (secret_value_get_content_type (value), ==, "text/plain");
  g_assert_cmpstr (secret_value_get_text (value), ==, fixture->secret);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  collection_path = g_strconcat (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)), "/", NULL);
  g_assert_true (g_str_has_prefix (g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)), collection_path));

  g_list_free_full (items, g_object_unref);

  /* The contract's schema, searched by platform alone, finds it too. */
  found = secret_password_search_sync (untrain_keyring_get_schema (), SECRET_SEARCH_ALL,
                                       NULL, &error,
                                       "platform", fixture->platform_id,
                                       NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (found), ==, 1);
  g_list_free_full (found, g_object_unref);
}

/* Stored before the person's name is known. */
static void
test_no_account (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *item_label = NULL;
  GList *items;

  if (get_keyring_problem () != NULL)
    return;

  store (fixture->platform_id, NULL, fixture->secret);
  assert_session (fixture->platform_id, NULL, fixture->secret);

  items = find_items (fixture->platform_id);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_item_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "account"), ==, "");
  label = g_strdup_printf ("Untrain: %s session", fixture->platform_id);
  item_label = secret_item_get_label (items->data);
  g_assert_cmpstr (item_label, ==, label);
  g_list_free_full (items, g_object_unref);

  /* Once known, the named session replaces the anonymous one. */
  store (fixture->platform_id, "Ada Lovelace", fixture->other_secret);
  assert_session (fixture->platform_id, "Ada Lovelace", fixture->other_secret);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 1);
}

/* Two sessions of a platform that another program left: the newer one
 * counts, and clearing removes both.
 */
static void
test_newest_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (get_keyring_problem () != NULL)
    return;

  secret_password_store_sync (untrain_keyring_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "older", fixture->other_secret, NULL, &error,
                              "platform", fixture->platform_id,
                              "account", "Charles Babbage",
                              NULL);
  g_assert_no_error (error);

  /* The keyring keeps times in whole seconds. */
  g_usleep (1100 * 1000);

  secret_password_store_sync (untrain_keyring_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "newer", fixture->secret, NULL, &error,
                              "platform", fixture->platform_id,
                              "account", "Ada Lovelace",
                              NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 2);

  assert_session (fixture->platform_id, "Ada Lovelace", fixture->secret);

  g_assert_true (untrain_credentials_clear_sync (fixture->platform_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (fixture->platform_id), ==, 0);
}

/* An item of the schema that holds no text is damage, said without the
 * bytes it holds.
 */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *account = NULL;
  g_autofree char *damaged = NULL;
  const char *message;

  if (get_keyring_problem () != NULL)
    return;

  /* libsecret takes UTF-8 of no content type for text, as old keyrings
   * stored it; bytes that are not UTF-8 are not.
   */
  damaged = g_strconcat ("\xff\xfe", fixture->secret, NULL);
  value = secret_value_new (damaged, -1, "application/octet-stream");
  secret_password_store_binary_sync (untrain_keyring_get_schema (), SECRET_COLLECTION_DEFAULT,
                                     "damaged", value, NULL, &error,
                                     "platform", fixture->platform_id,
                                     "account", "Ada Lovelace",
                                     NULL);
  g_assert_no_error (error);

  account = unset;
  secret = untrain_credentials_lookup_sync (fixture->platform_id, &account, NULL, &error);
  g_assert_null (secret);
  g_assert_null (account);
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
  message = error->message;
  g_assert_true (g_str_has_prefix (message, "The test-"));
  g_assert_nonnull (strstr (message, "session in the keyring is damaged; sign in again"));
  g_assert_null (strstr (message, "AQEDAR"));
  g_clear_error (&error);

  secret = lookup_async (fixture->platform_id, NULL, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "session in the keyring is damaged"));

  /* Signing in again mends it. */
  store (fixture->platform_id, "Ada Lovelace", fixture->secret);
  assert_session (fixture->platform_id, "Ada Lovelace", fixture->secret);
}

/* A cancelled call says so, and changes nothing. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  if (get_keyring_problem () != NULL)
    return;

  g_cancellable_cancel (cancellable);

  g_assert_false (untrain_credentials_store_sync (fixture->platform_id, "Ada Lovelace",
                                                  fixture->secret, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (store_async (fixture->platform_id, "Ada Lovelace", fixture->secret, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpuint (count_items (fixture->platform_id), ==, 0);

  store (fixture->platform_id, "Ada Lovelace", fixture->secret);

  secret = untrain_credentials_lookup_sync (fixture->platform_id, NULL, cancellable, &error);
  g_assert_null (secret);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  secret = lookup_async (fixture->platform_id, NULL, cancellable, &error);
  g_assert_null (secret);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (untrain_credentials_clear_sync (fixture->platform_id, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (clear_async (fixture->platform_id, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  assert_session (fixture->platform_id, "Ada Lovelace", fixture->secret);
}

/* With no keyring to talk to, each call says so in words a person can act
 * on, naming the platform as the catalog does, and never with the secret.
 * This needs no keyring: the child process is pointed at a bus that is
 * not there, so the real platform's id is safe to use.
 */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *secret = NULL;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/untrain-test-bus", TRUE);

      /* Never a person's real LinkedIn session. */
      g_assert_null (g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL));

      g_assert_false (untrain_credentials_store_sync ("linkedin", "Ada Lovelace",
                                                      "li_at=AQEDARnokeyringsecret", NULL, &error));
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
      printf ("store: %s\n", error->message);
      g_clear_error (&error);

      secret = untrain_credentials_lookup_sync ("linkedin", NULL, NULL, &error);
      g_assert_null (secret);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
      printf ("lookup: %s\n", error->message);
      g_clear_error (&error);

      secret = lookup_async ("linkedin", NULL, NULL, &error);
      g_assert_null (secret);
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
      printf ("lookup-async: %s\n", error->message);
      g_clear_error (&error);

      g_assert_false (untrain_credentials_clear_sync ("linkedin", NULL, &error));
      g_assert_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED);
      printf ("clear: %s\n", error->message);
      g_clear_error (&error);

      fflush (stdout);
      assert_not_logged ("li_at=AQEDARnokeyringsecret");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*store: Can’t save the LinkedIn session in the keyring: "
                             "no keyring is running; start GNOME Keyring or another Secret Service and try again\n"
                             "lookup: Can’t read the LinkedIn session from the keyring: no keyring is running;*\n"
                             "lookup-async: Can’t read the LinkedIn session from the keyring: no keyring is running;*\n"
                             "clear: Can’t remove the LinkedIn session from the keyring: no keyring is running;*");
  g_test_trap_assert_stdout_unmatched ("*nokeyringsecret*");
  g_test_trap_assert_stderr_unmatched ("*nokeyringsecret*");
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  /* Whatever libsecret and GLib log on the way is searched for secrets. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_log, NULL, NULL);

  add_test ("/credentials/round-trip/sync", test_round_trip_sync);
  add_test ("/credentials/round-trip/async", test_round_trip_async);
  add_test ("/credentials/platforms-apart", test_platforms_apart);
  add_test ("/credentials/item", test_item);
  add_test ("/credentials/no-account", test_no_account);
  add_test ("/credentials/newest-wins", test_newest_wins);
  add_test ("/credentials/damaged", test_damaged);
  add_test ("/credentials/cancelled", test_cancelled);
  g_test_add_func ("/credentials/no-keyring", test_no_keyring);

  return g_test_run ();
}
