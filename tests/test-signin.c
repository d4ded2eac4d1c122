/* test-signin.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "untrain-catalog.h"
#include "untrain-provider.h"
#include "untrain-signin.h"
#include "untrain-test-utils.h"

/* The sign-in window under Xvfb, loaded from the module in the build tree,
 * against a fake LinkedIn login page on 127.0.0.1: its page sets
 * JSESSIONID, as LinkedIn's does, and its form (which submits itself, so
 * that no typing is needed) sets li_at and sends the browser on to the
 * feed. The cookies are not Secure: WebKit drops Secure cookies over plain
 * http, loopback included. WebKit's sandbox is off, as containers may not
 * allow it; the app never turns it off.
 */

#define LI_AT "AQEDARealLookingSessionToken0123456789"
#define JSESSIONID "\"ajax:4711081512345678901\""
#define WINDOW_TITLE "Sign In to LinkedIn"
#define WAIT_SECONDS 60

#define LOGIN_FORM \
  "<form id=\"login\" method=\"post\" action=\"/login\">" \
  "<input name=\"session_key\" value=\"ada@example.org\">" \
  "<input type=\"password\" name=\"session_password\" value=\"correct horse\">" \
  "<button>Sign in</button></form>"

static GString *logged;

typedef struct
{
  UntrainCatalog *catalog;
  UntrainPlatform *linkedin;
  SoupServer     *server;
  GtkWidget      *parent;
  gboolean        submit_form;  /* the login page signs in by itself */
  guint           n_login_pages;
  guint           n_sign_ins;
  guint           n_feeds;

  gboolean        done;
  char           *cookies;
  GError         *error;

  /* The sign-in window as it was while it was open. */
  gboolean        seen_window;
  gboolean        seen_modal;
  gboolean        seen_parent;
  gboolean        seen_ephemeral;
} Fixture;

/* Every message the test process logs, debug ones included, so that the
 * test can assert no cookie is in any of them.
 */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        {
          g_string_append (logged, fields[i].value);
          g_string_append_c (logged, '\n');
        }
    }

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

static void
login_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  const char *method = soup_server_message_get_method (message);
  g_autofree char *page = NULL;

  if (g_strcmp0 (method, "POST") == 0)
    {
      fixture->n_sign_ins++;
      soup_message_headers_append (headers, "Set-Cookie",
                                   "li_at=" LI_AT "; Path=/; Max-Age=31536000; HttpOnly; SameSite=None");
      soup_message_headers_append (headers, "Set-Cookie", "lidc=\"b=VB42:s=V\"; Path=/");
      soup_server_message_set_redirect (message, SOUP_STATUS_SEE_OTHER, "/feed/");
      return;
    }

  fixture->n_login_pages++;
  soup_message_headers_append (headers, "Set-Cookie",
                               "JSESSIONID=" JSESSIONID "; Path=/; SameSite=None");
  soup_message_headers_append (headers, "Set-Cookie", "lang=v=2&lang=en-us; Path=/");

  page = g_strconcat ("<!DOCTYPE html><html><head><title>LinkedIn Login</title></head><body>"
                      LOGIN_FORM,
                      /* What a persistent session would keep on disk. */
                      "<script>localStorage.setItem('seen', 'yes');</script>",
                      fixture->submit_form ? "<script>document.getElementById('login').submit();</script>" : "",
                      "</body></html>",
                      NULL);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_COPY, page, strlen (page));
}

static void
feed_cb (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  static const char page[] = "<!DOCTYPE html><html><head><title>Feed | LinkedIn</title></head><body>Welcome, Ada</body></html>";
  Fixture *fixture = user_data;

  fixture->n_feeds++;
  soup_message_headers_append (soup_server_message_get_response_headers (message),
                               "Cache-Control", "private, max-age=3600");
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  fixture->catalog = untrain_test_load_catalog ();
  fixture->linkedin = untrain_catalog_lookup (fixture->catalog, "linkedin");
  g_assert_nonnull (fixture->linkedin);
  fixture->submit_form = TRUE;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/login", login_cb, fixture, NULL);
  soup_server_add_handler (fixture->server, "/feed", feed_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_setenv ("UNTRAIN_LINKEDIN_URL", url, TRUE);

  fixture->parent = gtk_window_new ();
  untrain_test_show_window (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  untrain_test_destroy_window (fixture->parent);

  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->catalog);

  g_clear_pointer (&fixture->cookies, g_free);
  g_clear_error (&fixture->error);
  g_unsetenv ("UNTRAIN_LINKEDIN_URL");
}

static GtkWindow *
find_signin_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), WINDOW_TITLE) == 0)
        return window;
    }

  return NULL;
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_null (object);
  fixture->cookies = untrain_signin_run_finish (result, &fixture->error);
  fixture->done = TRUE;

  /* The window is gone by the time its caller hears back. */
  g_assert_null (find_signin_window ());
}

static void
look_at_window (Fixture *fixture)
{
  GtkWindow *window = find_signin_window ();
  WebKitNetworkSession *session;
  GtkWidget *web_view;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;

  fixture->seen_window = TRUE;
  fixture->seen_modal = gtk_window_get_modal (window);
  fixture->seen_parent = gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->parent);

  /* A web view whose cookies, cache and storage live in memory only. */
  web_view = untrain_test_find_widget (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW, NULL);
  session = web_view != NULL ? webkit_web_view_get_network_session (WEBKIT_WEB_VIEW (web_view)) : NULL;
  fixture->seen_ephemeral = session != NULL &&
                            webkit_network_session_is_ephemeral (session) &&
                            webkit_website_data_manager_is_ephemeral (webkit_network_session_get_website_data_manager (session));
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* WebKit starts processes of its own on first use: longer than other UI
 * tests wait.
 */
static void
wait_for (Fixture   *fixture,
          gboolean (*done) (Fixture *fixture))
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (20, wake_up_cb, NULL);

  while (!done (fixture))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Waited %d s in vain: %u login pages, %u sign-ins, %u feeds",
                 WAIT_SECONDS, fixture->n_login_pages, fixture->n_sign_ins, fixture->n_feeds);
      g_main_context_iteration (NULL, TRUE);
      look_at_window (fixture);
    }

  g_source_remove (wake_up);
}

static gboolean
is_done (Fixture *fixture)
{
  return fixture->done;
}

static gboolean
shows_login_page (Fixture *fixture)
{
  return fixture->n_login_pages > 0 && fixture->seen_window;
}

static void
run (Fixture      *fixture,
     GCancellable *cancellable)
{
  untrain_signin_run_async (GTK_WINDOW (fixture->parent), fixture->linkedin, cancellable,
                            signed_in_cb, fixture);
}

static void
collect_files (const char *path,
               GPtrArray  *found)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_ptr_array_add (found, g_strdup (child));
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        collect_files (child, found);
    }
}

/* Ephemeral: WebKit kept nothing of the sign-in, in the person's data,
 * cache or configuration.
 */
static void
assert_nothing_kept (void)
{
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_cache_dir (), g_get_user_config_dir () };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    collect_files (dirs[i], found);

  for (guint i = 0; i < found->len; i++)
    g_test_message ("Left on disk: %s", (const char *)found->pdata[i]);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_module_missing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *module_dir = g_strdup (g_getenv ("UNTRAIN_SIGNIN_MODULE_DIR"));

  /* Before any test loads the module: once loaded, it stays. */
  g_setenv ("UNTRAIN_SIGNIN_MODULE_DIR", "/nonexistent/untrain", TRUE);
  g_assert_false (untrain_signin_is_available ());

  run (fixture, NULL);
  wait_for (fixture, is_done);

  g_assert_null (fixture->cookies);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (fixture->error->message, "paste your cookies"));
  g_assert_false (fixture->seen_window);
  g_assert_cmpuint (fixture->n_login_pages, ==, 0);

  g_setenv ("UNTRAIN_SIGNIN_MODULE_DIR", module_dir, TRUE);
  g_assert_true (untrain_signin_is_available ());
}

static void
test_signs_in (Fixture       *fixture,
               gconstpointer  user_data)
{
  run (fixture, NULL);
  wait_for (fixture, is_done);

  g_assert_no_error (fixture->error);
  g_assert_cmpstr (fixture->cookies, ==, "li_at=" LI_AT "; JSESSIONID=" JSESSIONID);

  /* A window of its own on the login page, modal for the one it came from;
   * the person signed in there, once.
   */
  g_assert_true (fixture->seen_window);
  g_assert_true (fixture->seen_modal);
  g_assert_true (fixture->seen_parent);
  g_assert_true (fixture->seen_ephemeral);
  g_assert_cmpuint (fixture->n_login_pages, ==, 1);
  g_assert_cmpuint (fixture->n_sign_ins, ==, 1);

  untrain_test_drain ();
  g_assert_null (find_signin_window ());
  assert_nothing_kept ();

  /* No cookie in any message, debug ones included. */
  g_assert_null (strstr (logged->str, LI_AT));
  g_assert_null (strstr (logged->str, "ajax:4711081512345678901"));
}

static void
test_signs_in_again (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* A second sign-in starts afresh: the first one's cookies are gone with
   * its window, so the login page shows again and sets them again.
   */
  for (guint i = 1; i <= 2; i++)
    {
      fixture->done = FALSE;
      g_clear_pointer (&fixture->cookies, g_free);

      run (fixture, NULL);
      wait_for (fixture, is_done);

      g_assert_no_error (fixture->error);
      g_assert_cmpstr (fixture->cookies, ==, "li_at=" LI_AT "; JSESSIONID=" JSESSIONID);
      g_assert_cmpuint (fixture->n_login_pages, ==, i);
      g_assert_cmpuint (fixture->n_sign_ins, ==, i);
    }

  assert_nothing_kept ();
}

static void
test_close_cancels (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWindow *window;

  /* The person looks at the login page, and closes the window. */
  fixture->submit_form = FALSE;
  run (fixture, NULL);
  wait_for (fixture, shows_login_page);
  g_assert_true (fixture->seen_modal);
  g_assert_true (fixture->seen_ephemeral);

  window = find_signin_window ();
  g_assert_nonnull (window);
  gtk_window_close (window);
  wait_for (fixture, is_done);

  g_assert_null (fixture->cookies);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (fixture->error->message, ==, "Sign-in was cancelled");
  g_assert_cmpuint (fixture->n_sign_ins, ==, 0);
  g_assert_null (find_signin_window ());
}

static void
test_cancellable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  /* The window that asked for the sign-in closes, say. */
  fixture->submit_form = FALSE;
  run (fixture, cancellable);
  wait_for (fixture, shows_login_page);

  g_cancellable_cancel (cancellable);
  wait_for (fixture, is_done);

  g_assert_null (fixture->cookies);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  untrain_test_drain ();
  g_assert_null (find_signin_window ());
}

static void
test_insecure (Fixture       *fixture,
               gconstpointer  user_data)
{
  /* Plain http:// only on this computer: the password would cross the
   * network in the clear.
   */
  g_setenv ("UNTRAIN_LINKEDIN_URL", "http://www.linkedin.example", TRUE);
  run (fixture, NULL);
  wait_for (fixture, is_done);

  g_assert_null (fixture->cookies);
  g_assert_error (fixture->error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_INSECURE);
  g_assert_nonnull (strstr (fixture->error->message, "https://"));
  g_assert_false (fixture->seen_window);
}

static void
test_no_provider (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UntrainPlatform *facebook = untrain_catalog_lookup (fixture->catalog, "facebook");

  g_assert_nonnull (facebook);
  untrain_signin_run_async (GTK_WINDOW (fixture->parent), facebook, NULL, signed_in_cb, fixture);
  wait_for (fixture, is_done);

  g_assert_null (fixture->cookies);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (fixture->seen_window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("UNTRAIN_SIGNIN_MODULE_DIR", SIGNIN_MODULE_BUILD_DIR, TRUE);
  /* For the tests only: containers may not allow WebKit's sandbox. */
  g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);
  /* The tests' own data folders have no system proxy settings for
   * WebKit's network process to read; nothing here needs a proxy.
   */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  /* Debug messages too, of this process only: WebKit's processes would
   * print theirs among the test's results.
   */
  logged = g_string_new (NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  untrain_test_init_widgets (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/signin/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* First: it asserts what happens before the module is loaded. */
  ADD ("module-missing", test_module_missing);
  ADD ("signs-in", test_signs_in);
  ADD ("signs-in-again", test_signs_in_again);
  ADD ("close-cancels", test_close_cancels);
  ADD ("cancellable", test_cancellable);
  ADD ("insecure", test_insecure);
  ADD ("no-provider", test_no_provider);

#undef ADD

  return g_test_run ();
}
