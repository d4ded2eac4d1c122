/* test-window-live.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "fake-linkedin.h"
#include "untrain-application.h"
#include "untrain-credentials.h"
#include "untrain-item-row.h"
#include "untrain-platform-page.h"
#include "untrain-status-model.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"

/* The window with a connected LinkedIn account: the real application, the
 * real keyring and the fake LinkedIn on loopback. It opens, sees that the
 * last check is old and checks; the person turns a switch off, confirms,
 * sees it verified, and signs out.
 */

static FakeLinkedin *server;

static UntrainItemStatus *
item_status (UntrainWindow *window,
             const char    *item_id)
{
  g_autoptr(UntrainStatusModel) model = g_list_model_get_item (untrain_window_get_models (window), 0);

  g_assert_cmpstr (untrain_platform_get_id (untrain_status_model_get_platform (model)), ==, "linkedin");
  return untrain_status_model_lookup (model, item_id);
}

static gboolean
is_checked_live (gpointer user_data)
{
  UntrainItemStatus *status = user_data;

  return untrain_item_status_get_evidence (status) == UNTRAIN_EVIDENCE_LIVE &&
         untrain_item_status_get_status (status) != UNTRAIN_STATUS_CHECKING;
}

static gboolean
is_done (gpointer user_data)
{
  return untrain_item_status_get_status (user_data) == UNTRAIN_STATUS_DONE;
}

static gboolean
is_signed_out (gpointer user_data)
{
  return untrain_platform_page_get_account (user_data) == NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
check_connected_window (UntrainWindow *window)
{
  UntrainItemStatus *ai_training = item_status (window, "ai-training");
  UntrainItemRow *row;
  UntrainPlatformPage *page;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *cookies = NULL;

  /* Opening with a last check long ago checks at once. */
  untrain_test_wait_until (is_checked_live, ai_training);
  g_assert_cmpint (untrain_item_status_get_status (ai_training), ==, UNTRAIN_STATUS_ACTION_NEEDED);

  page = UNTRAIN_PLATFORM_PAGE (untrain_test_find_widget (GTK_WIDGET (window), UNTRAIN_TYPE_PLATFORM_PAGE, "linkedin"));
  g_assert_cmpstr (untrain_platform_page_get_account (page), ==, "Ada Lovelace");
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (page), "Connected as Ada Lovelace"));

  row = UNTRAIN_ITEM_ROW (untrain_test_find_widget (GTK_WIDGET (page), UNTRAIN_TYPE_ITEM_ROW, "ai-training"));
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");

  /* An objection is a form the person sends: nothing to turn off for
   * them, whatever asks.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.turn-off", "s", "linkedin/objection-form"));
  g_assert_null (find_message_dialog ());

  /* Turn Off for Me asks first, saying what will change… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.turn-off", "s", "linkedin/ai-training"));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Data for Generative AI Improvement"));
  g_assert_true (fake_linkedin_get_setting_on (server, FAKE_LINKEDIN_AI_TRAINING_KEY));

  /* …then changes it, and shows it verified. */
  /* As the button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "turn-off");
  gtk_window_destroy (GTK_WINDOW (dialog));
  untrain_test_wait_until (is_done, ai_training);
  g_assert_false (fake_linkedin_get_setting_on (server, FAKE_LINKEDIN_AI_TRAINING_KEY));
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Done");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Off since "));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "verified 1 time"));

  /* Sign Out forgets the session. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", "s", "linkedin"));
  untrain_test_wait_until (is_signed_out, page);
  cookies = untrain_credentials_lookup_sync ("linkedin", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cookies);
}

static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  check_connected_window (UNTRAIN_WINDOW (window));

  untrain_test_destroy_window (GTK_WIDGET (window));
}

static void
test_connected (void)
{
  g_autoptr(GSettings) settings = untrain_test_new_settings ();
  g_autoptr(GFile) state_file = untrain_test_get_state_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app;

  /* Stores a real "linkedin" session: only in build-aux/test's keyring. */
  if (g_getenv ("UNTRAIN_TEST_THROWAWAY_KEYRING") == NULL)
    {
      g_test_skip ("Needs the throwaway keyring of build-aux/test: this test stores a LinkedIn session");
      return;
    }

  server = fake_linkedin_new ();
  fake_linkedin_set_profile (server, "Ada", "Lovelace");
  g_setenv ("UNTRAIN_LINKEDIN_URL", fake_linkedin_get_url (server), TRUE);

  g_assert_true (untrain_credentials_store_sync ("linkedin", "Ada Lovelace",
                                                 fake_linkedin_get_cookies (server), NULL, &error));
  g_assert_no_error (error);
  untrain_state_store_set_account (store, "linkedin", "Ada Lovelace");
  g_assert_true (untrain_state_store_save (store, &error));

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");
  g_settings_set_int64 (settings, "last-check", 0);

  app = untrain_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);

  /* The check brought last-check up to date. */
  g_assert_cmpint (g_settings_get_int64 (settings, "last-check"), >, 0);
  g_clear_object (&server);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  untrain_test_init_application (&argc, &argv);

  g_test_add_func ("/window-live/connected", test_connected);

  return g_test_run ();
}
