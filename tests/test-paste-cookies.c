/* test-paste-cookies.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "untrain-catalog.h"
#include "untrain-paste-cookies-dialog.h"
#include "untrain-test-utils.h"

/* The "Paste Cookies" dialog under Xvfb, for LinkedIn: what a person
 * pastes from their browser, right or wrong, and what the dialog makes of
 * it. The cookies' values stand out, so that a message showing one would
 * be caught.
 */

#define LI_AT "AQEDASecretSessionValue42"
#define JSESSIONID "\"ajax:1234567890123456789\""
#define SESSION "li_at=" LI_AT "; JSESSIONID=" JSESSIONID

typedef struct
{
  UntrainCatalog *catalog;
  GtkWidget      *parent;
  GtkWidget      *dialog;
  char           *accepted;
  guint           n_accepted;
} Fixture;

static void
cookies_accepted_cb (GtkWidget  *dialog,
                     const char *cookies,
                     Fixture    *fixture)
{
  fixture->n_accepted++;
  g_free (fixture->accepted);
  fixture->accepted = g_strdup (cookies);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  UntrainPlatform *linkedin;

  fixture->catalog = untrain_test_load_catalog ();
  linkedin = untrain_catalog_lookup (fixture->catalog, "linkedin");
  g_assert_nonnull (linkedin);

  fixture->parent = gtk_window_new ();
  untrain_test_show_window (fixture->parent);

  fixture->dialog = untrain_paste_cookies_dialog_new (GTK_WINDOW (fixture->parent), linkedin);
  g_object_ref (fixture->dialog);
  g_signal_connect (fixture->dialog, "cookies-accepted", G_CALLBACK (cookies_accepted_cb), fixture);
  untrain_test_show_window (fixture->dialog);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Whatever happened, the dialog is gone and let go of everything. */
  if (fixture->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      untrain_test_drain ();
      g_assert_finalize_object (fixture->dialog);
    }

  untrain_test_destroy_window (fixture->parent);
  g_free (fixture->accepted);
  g_assert_finalize_object (fixture->catalog);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  GtkWidget *child = untrain_test_find_buildable (fixture->dialog, id);

  if (child == NULL)
    g_error ("The dialog has no “%s”", id);

  return child;
}

static GtkTextBuffer *
get_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (fixture, "text_view")));
}

static char *
get_pasted (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (fixture), &start, &end);

  return gtk_text_buffer_get_text (get_buffer (fixture), &start, &end, FALSE);
}

static void
paste (Fixture    *fixture,
       const char *text)
{
  gtk_text_buffer_set_text (get_buffer (fixture), text, -1);
  untrain_test_drain ();
}

static gboolean
can_connect (Fixture *fixture)
{
  return gtk_widget_get_sensitive (untrain_test_find_action_button (fixture->dialog, "paste-cookies.connect"));
}

static void
press_connect (Fixture *fixture)
{
  g_assert_true (can_connect (fixture));
  g_assert_true (gtk_widget_activate_action (fixture->dialog, "paste-cookies.connect", NULL));
  untrain_test_drain ();
}

static gboolean
is_open (Fixture *fixture)
{
  return gtk_widget_get_visible (fixture->dialog);
}

/* The dialog closed after accepting: it went away for good. */
static void
assert_closed (Fixture *fixture)
{
  g_assert_false (is_open (fixture));
  g_assert_finalize_object (g_steal_pointer (&fixture->dialog));
}

static const char *
get_error (Fixture *fixture)
{
  GtkWidget *label = get_child (fixture, "error_label");

  if (!gtk_widget_get_visible (label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (label));
}

/* The message says what is wrong and shows nothing that was pasted. */
static void
assert_rejected (Fixture    *fixture,
                 const char *pasted,
                 const char *wanted_in_message)
{
  const char *message;
  g_autofree char *after = NULL;

  paste (fixture, pasted);
  press_connect (fixture);

  g_assert_cmpuint (fixture->n_accepted, ==, 0);
  g_assert_true (is_open (fixture));

  message = get_error (fixture);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  if (wanted_in_message != NULL && strstr (message, wanted_in_message) == NULL)
    g_error ("The message “%s” does not mention “%s”", message, wanted_in_message);
  g_assert_null (strstr (message, LI_AT));
  g_assert_null (strstr (message, "ajax:1234567890123456789"));
  g_assert_null (strstr (message, "NotASessionSecret7"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, message));

  /* What was pasted stays, for the person to fix. */
  after = get_pasted (fixture);
  g_assert_cmpstr (after, ==, pasted);
}

static void
test_explains (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == GTK_WINDOW (fixture->parent));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Paste Cookies");

  /* How to copy either kind of cookies, from which site, and where they go. */
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "Sign in to LinkedIn in your web browser"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "sends them only to linkedin.com"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "open https://www.linkedin.com"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "copy the whole value of “Cookie”"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "cookies.txt"));
  g_assert_nonnull (untrain_test_find_label (fixture->dialog, "keyring"));

  /* Nothing to connect yet, and no complaint either. */
  g_assert_false (can_connect (fixture));
  g_assert_null (get_error (fixture));

  paste (fixture, "li_at");
  g_assert_true (can_connect (fixture));
  paste (fixture, "");
  g_assert_false (can_connect (fixture));
}

static void
test_cookie_line (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* As Firefox's "Copy Request Headers" gives it, with other headers and
   * other cookies around the session's.
   */
  paste (fixture,
         "GET /feed/ HTTP/2\r\n"
         "Host: www.linkedin.com\r\n"
         "Accept: text/html\r\n"
         "Cookie: bcookie=\"v=2&abc\"; JSESSIONID=" JSESSIONID "; lang=v=2&lang=en-us; li_at=" LI_AT "; lidc=\"b=VB42\"\r\n"
         "Connection: keep-alive\r\n");
  press_connect (fixture);

  g_assert_cmpuint (fixture->n_accepted, ==, 1);
  g_assert_cmpstr (fixture->accepted, ==, SESSION);
  assert_closed (fixture);
}

static void
test_bare_cookie_value (Fixture       *fixture,
                        gconstpointer  user_data)
{
  /* Chromium's developer tools copy just the header's value. */
  paste (fixture, "li_at=" LI_AT "; JSESSIONID=" JSESSIONID "\n");
  press_connect (fixture);

  g_assert_cmpuint (fixture->n_accepted, ==, 1);
  g_assert_cmpstr (fixture->accepted, ==, SESSION);
  assert_closed (fixture);
}

static void
test_cookies_txt (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* Another site's li_at comes first: only LinkedIn's counts. */
  paste (fixture,
         "# Netscape HTTP Cookie File\n"
         "# https://curl.se/docs/http-cookies.html\n"
         "\n"
         ".example.com\tTRUE\t/\tTRUE\t4102444800\tli_at\tNotASessionSecret7\n"
         ".www.linkedin.com\tTRUE\t/\tTRUE\t4102444800\tJSESSIONID\t" JSESSIONID "\n"
         ".linkedin.com\tTRUE\t/\tFALSE\t4102444800\tlang\tv=2&lang=en-us\n"
         "#HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t4102444800\tli_at\t" LI_AT "\n");
  press_connect (fixture);

  g_assert_cmpuint (fixture->n_accepted, ==, 1);
  g_assert_cmpstr (fixture->accepted, ==, SESSION);
  assert_closed (fixture);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  user_data)
{
  assert_rejected (fixture, "I am signed in, here is my password: NotASessionSecret7", NULL);

  /* A new paste takes the old message away. */
  paste (fixture, "li_at");
  g_assert_null (get_error (fixture));
}

static void
test_missing_cookie (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* Signed out in that browser: LinkedIn still sets JSESSIONID. */
  assert_rejected (fixture, "Cookie: JSESSIONID=" JSESSIONID "; lang=v=2&lang=en-us", "li_at");
  assert_rejected (fixture, "li_at=" LI_AT, "JSESSIONID");
}

static void
test_other_site (Fixture       *fixture,
                 gconstpointer  user_data)
{
  assert_rejected (fixture,
                   "# Netscape HTTP Cookie File\n"
                   ".example.com\tTRUE\t/\tTRUE\t4102444800\tli_at\tNotASessionSecret7\n"
                   ".example.com\tTRUE\t/\tTRUE\t4102444800\tJSESSIONID\t" JSESSIONID "\n",
                   "linkedin.com");
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  user_data)
{
  assert_rejected (fixture,
                   "# Netscape HTTP Cookie File\n"
                   ".www.linkedin.com\tTRUE\t/\tTRUE\t4102444800\tJSESSIONID\t" JSESSIONID "\n"
                   "#HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t946684800\tli_at\t" LI_AT "\n",
                   "li_at");
}

static void
test_fix_and_retry (Fixture       *fixture,
                    gconstpointer  user_data)
{
  assert_rejected (fixture, "li_at=" LI_AT, "JSESSIONID");

  paste (fixture, "li_at=" LI_AT "; JSESSIONID=" JSESSIONID);
  g_assert_null (get_error (fixture));
  press_connect (fixture);

  g_assert_cmpuint (fixture->n_accepted, ==, 1);
  g_assert_cmpstr (fixture->accepted, ==, SESSION);
  assert_closed (fixture);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GtkTextBuffer) buffer = g_object_ref (get_buffer (fixture));
  g_autofree char *left = NULL;
  GtkTextIter start, end;

  paste (fixture, "li_at=" LI_AT "; JSESSIONID=" JSESSIONID);

  /* The close button, and Escape, close without connecting. */
  g_assert_nonnull (untrain_test_find_action_button (fixture->dialog, "window.close"));
  g_assert_true (untrain_test_has_shortcut (fixture->dialog, "Escape", "window.close"));
  g_assert_true (gtk_widget_activate_action (fixture->dialog, "window.close", NULL));
  untrain_test_drain ();

  g_assert_cmpuint (fixture->n_accepted, ==, 0);
  assert_closed (fixture);

  /* The pasted session does not outlive the dialog. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (left, ==, "");
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  int minimum;

  /* It works on a phone: 360 pixels wide is enough. */
  gtk_widget_measure (fixture->dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  untrain_test_init_widgets (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/paste-cookies/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("explains", test_explains);
  ADD ("cookie-line", test_cookie_line);
  ADD ("bare-cookie-value", test_bare_cookie_value);
  ADD ("cookies-txt", test_cookies_txt);
  ADD ("garbage", test_garbage);
  ADD ("missing-cookie", test_missing_cookie);
  ADD ("other-site", test_other_site);
  ADD ("expired", test_expired);
  ADD ("fix-and-retry", test_fix_and_retry);
  ADD ("cancel", test_cancel);
  ADD ("narrow", test_narrow);

#undef ADD

  return g_test_run ();
}
