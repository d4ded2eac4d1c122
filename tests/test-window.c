/* test-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "untrain-application.h"
#include "untrain-item-row.h"
#include "untrain-letter-dialog.h"
#include "untrain-platform-row.h"
#include "untrain-status-model.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"
#include "untrain-wizard.h"

/* The real application and its window under Xvfb, with settings in memory
 * and the state in this test's own folders, driven through its actions.
 */

static UntrainItemRow *
find_row (UntrainWindow *window,
          const char    *platform_id,
          const char    *item_id)
{
  g_autoptr(GPtrArray) widgets = untrain_test_collect (GTK_WIDGET (window), GTK_TYPE_WIDGET);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *page = NULL;

  /* The row on that platform's page. */
  for (guint i = 0; i < widgets->len && page == NULL; i++)
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widgets->pdata[i]), "UntrainPlatformPage") &&
        g_str_equal (gtk_widget_get_name (widgets->pdata[i]), platform_id))
      page = widgets->pdata[i];
  g_assert_nonnull (page);

  rows = untrain_test_collect (page, UNTRAIN_TYPE_ITEM_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_widget_get_name (rows->pdata[i]), item_id))
      return rows->pdata[i];

  return NULL;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) labels = untrain_test_collect (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0 &&
        gtk_widget_is_drawable (labels->pdata[i]))
      return TRUE;

  return FALSE;
}

static char **
sidebar_platforms (UntrainWindow *window)
{
  g_autoptr(GPtrArray) rows = untrain_test_collect (GTK_WIDGET (window), UNTRAIN_TYPE_PLATFORM_ROW);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, gtk_widget_get_name (rows->pdata[i]));

  return g_strv_builder_end (builder);
}

static const char *
subtitle (UntrainItemRow *row)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

static void
activate (UntrainWindow *window,
          const char    *action,
          const char    *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target));
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return untrain_format_date (&today);
}

typedef void (*WindowTestFunc) (UntrainWindow *window);

static void
on_activate_cb (GApplication   *app,
                WindowTestFunc  func)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  func (UNTRAIN_WINDOW (window));

  /* Closing the window lets go of everything it showed. */
  untrain_test_destroy_window (GTK_WIDGET (window));
}

/* Runs Untrain as a person starts it, calls @func on its window, closes
 * the window, and checks that the application lets go of everything.
 */
static void
run_application (WindowTestFunc func)
{
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app = untrain_application_new ();

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

/* Each test starts with nothing saved. */
static void
forget_state (void)
{
  g_autoptr(GFile) file = untrain_test_get_state_file ();

  g_file_delete (file, NULL, NULL);
}

static GSettings *
settings_for (const char *country,
              const char *age_group)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  forget_state ();
  g_settings_reset (settings, "platforms");

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "country", country);
  g_settings_set_string (settings, "age-group", age_group);

  return settings;
}

static void
check_platforms_and_items (UntrainWindow *window)
{
  g_auto(GStrv) platforms = sidebar_platforms (window);
  UntrainItemRow *row;

  /* The person's platforms, in their order, on the first with something to do. */
  g_assert_cmpstrv (platforms, ((const char * const[]) { "linkedin", "facebook", NULL }));
  g_assert_cmpstr (untrain_window_get_visible_platform (window), ==, "linkedin");
  g_assert_true (shows_label (GTK_WIDGET (window), "0 of 3 done"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Applies since 3 November 2025 in Germany."));

  row = find_row (window, "linkedin", "ai-training");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Turn off “Data for Generative AI Improvement”");
  g_assert_cmpstr (subtitle (row), ==, "Applies since 3 November 2025 in Germany");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");

  row = find_row (window, "linkedin", "microsoft-ads-sharing");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Not applicable");
  g_assert_cmpstr (subtitle (row), ==, "Not applicable in Germany");

  row = find_row (window, "linkedin", "not-retroactive");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Good to know");

  activate (window, "win.show-platform", "facebook");
  g_assert_cmpstr (untrain_window_get_visible_platform (window), ==, "facebook");
}

static void
test_platforms_and_items (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");
  const char * const platforms[] = { "linkedin", "facebook", NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  run_application (check_platforms_and_items);
}

static void
check_mark_done_and_undo (UntrainWindow *window)
{
  UntrainItemRow *row = find_row (window, "linkedin", "ai-training");
  g_autofree char *today = today_text ();
  g_autofree char *confirmed = g_strdup_printf ("You confirmed on %s", today);

  activate (window, "win.mark-done", "linkedin/ai-training");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Done");
  g_assert_cmpstr (subtitle (row), ==, confirmed);
  g_assert_true (shows_label (GTK_WIDGET (window), "1 of 3 done"));

  activate (window, "win.undo-done", "linkedin/ai-training");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");
  g_assert_true (shows_label (GTK_WIDGET (window), "0 of 3 done"));

  /* Everything done: the page says so. */
  activate (window, "win.mark-done", "linkedin/ai-training");
  activate (window, "win.mark-done", "linkedin/research-data");
  {
    g_autoptr(UntrainStatusModel) model = g_list_model_get_item (untrain_window_get_models (window), 0);
    g_autoptr(GError) error = NULL;
    GDate sent;

    g_date_clear (&sent, 1);
    g_date_set_dmy (&sent, 1, 11, 2026);
    g_assert_true (untrain_status_model_record_submission (model, "objection-form", &sent, &error));
    g_assert_no_error (error);
  }
  g_assert_true (shows_label (GTK_WIDGET (window), "3 of 3 done"));
  g_assert_true (shows_label (GTK_WIDGET (window),
                              "All done for LinkedIn. Platforms change their settings, so Untrain will remind you to check again."));
}

static void
test_mark_done_and_undo (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  run_application (check_mark_done_and_undo);
}

static void
check_rows_follow_the_person (UntrainWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  UntrainItemRow *row;

  /* Someone in a country in no regulated group still sees what applies. */
  g_settings_set_string (settings, "country", "US");
  row = find_row (window, "linkedin", "ai-training");
  g_assert_cmpstr (subtitle (row), ==, "Applies since 18 September 2024 in United States");
  row = find_row (window, "linkedin", "microsoft-ads-sharing");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");

  /* Under 18: LinkedIn trains on nothing of theirs, and the page says why;
   * the switches that are not about AI training still apply.
   */
  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "under-18");
  row = find_row (window, "linkedin", "ai-training");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Not applicable");
  g_assert_cmpstr (subtitle (row), ==, "Not applicable: LinkedIn excludes members under 18");
  g_assert_true (shows_label (GTK_WIDGET (window),
                              "Not applicable: LinkedIn excludes members under 18. Some settings below still apply to you."));
  row = find_row (window, "linkedin", "research-data");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");

  /* Where nothing applies, the page says there is nothing to do. */
  g_settings_set_string (settings, "country", "US");
  activate (window, "win.show-platform", "facebook");
  g_assert_true (shows_label (GTK_WIDGET (window),
                              "Not applicable in United States. Nothing here needs doing."));
}

static void
test_rows_follow_the_person (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");
  const char * const platforms[] = { "linkedin", "facebook", NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  run_application (check_rows_follow_the_person);
}

static void
check_platform_choice (UntrainWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char * const none[] = { NULL };
  const char * const some[] = { "x", "linkedin", NULL };
  g_auto(GStrv) shown = NULL;

  g_settings_set_strv (settings, "platforms", none);
  g_assert_true (shows_label (GTK_WIDGET (window), "No Platforms Chosen"));

  g_settings_set_strv (settings, "platforms", some);
  shown = sidebar_platforms (window);
  g_assert_cmpstrv (shown, some);
  g_assert_false (shows_label (GTK_WIDGET (window), "No Platforms Chosen"));
}

static void
test_platform_choice (void)
{
  g_autoptr(GSettings) settings = settings_for ("FR", "adult");

  run_application (check_platform_choice);
}

static void
on_clipboard_changed_cb (GdkClipboard *clipboard,
                         gboolean     *changed)
{
  *changed = TRUE;
}

static void
check_open_setting_without_browser (UntrainWindow *window)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autofree char *text = NULL;
  gboolean changed = FALSE;

  /* This test's folders have no web browser: the address is copied. */
  g_signal_connect (clipboard, "changed", G_CALLBACK (on_clipboard_changed_cb), &changed);
  activate (window, "win.open-setting", "linkedin/ai-training");
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clipboard, on_clipboard_changed_cb, &changed);

  text = untrain_test_read_clipboard (GTK_WIDGET (window));
  g_assert_cmpstr (text, ==, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement");
}

static void
test_open_setting_without_browser (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  run_application (check_open_setting_without_browser);
}

static void
check_write_letter (UntrainWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GtkWindow *dialog = NULL;

  activate (window, "win.write-letter", "linkedin/objection-form");

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (UNTRAIN_IS_LETTER_DIALOG (l->data))
      dialog = l->data;

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
}

static void
test_write_letter (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  run_application (check_write_letter);
}

static void
check_narrow (UntrainWindow *window)
{
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (guint i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (window)) > 360; i++)
    g_main_context_iteration (NULL, TRUE);

  found = untrain_test_collect (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  leaflet = found->pdata[0];

  /* At phone width the sidebar and the page fold into one column. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  activate (window, "win.show-platform", "linkedin");
  g_assert_true (g_str_equal (G_OBJECT_TYPE_NAME (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))), "GtkBox"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
}

static void
test_narrow (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  run_application (check_narrow);
}

static gboolean
row_says_done (gpointer user_data)
{
  return g_strcmp0 (untrain_item_row_get_status_label (user_data), "Done") == 0;
}

static void
check_follows_other_writers (UntrainWindow *window)
{
  g_autoptr(GFile) file = untrain_test_get_state_file ();
  g_autoptr(UntrainStateStore) reminder = untrain_state_store_new (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  UntrainItemRow *row = find_row (window, "linkedin", "ai-training");

  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");

  /* The reminder, in a process of its own, finds the switch off. */
  g_assert_true (untrain_state_store_load (reminder, &error));
  untrain_state_store_set_live (reminder, "linkedin", "ai-training", UNTRAIN_STATUS_DONE, now, NULL);
  g_assert_true (untrain_state_store_save (reminder, &error));
  g_assert_no_error (error);

  untrain_test_wait_until (row_says_done, row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Checked just now");
}

static void
test_follows_other_writers (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  run_application (check_follows_other_writers);
}

static void
mark_research_data_done (UntrainWindow *window)
{
  activate (window, "win.mark-done", "linkedin/research-data");
}

static void
check_research_data_done (UntrainWindow *window)
{
  g_assert_cmpstr (untrain_item_row_get_status_label (find_row (window, "linkedin", "research-data")), ==, "Done");
  g_assert_cmpstr (untrain_item_row_get_status_label (find_row (window, "linkedin", "ai-training")), ==, "Action needed");
}

static void
test_mark_done_survives_restart (void)
{
  g_autoptr(GSettings) settings = settings_for ("FR", "adult");

  run_application (mark_research_data_done);
  run_application (check_research_data_done);
}

static void
on_first_run_activate_cb (GApplication *app,
                          gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *main_window;

  /* The first start shows the setup, not the checklist. */
  g_assert_true (UNTRAIN_IS_WIZARD (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "wizard.finish", NULL));
  untrain_test_drain ();

  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (UNTRAIN_IS_WINDOW (main_window));
  g_assert_cmpstr (untrain_window_get_visible_platform (UNTRAIN_WINDOW (main_window)), ==, "linkedin");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
}

static void
test_first_run (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app;

  g_settings_set_boolean (settings, "first-run-done", FALSE);

  app = untrain_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_first_run_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);

  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  untrain_test_init_application (&argc, &argv);

  g_test_add_func ("/window/platforms-and-items", test_platforms_and_items);
  g_test_add_func ("/window/mark-done-and-undo", test_mark_done_and_undo);
  g_test_add_func ("/window/follows-other-writers", test_follows_other_writers);
  g_test_add_func ("/window/rows-follow-the-person", test_rows_follow_the_person);
  g_test_add_func ("/window/platform-choice", test_platform_choice);
  g_test_add_func ("/window/open-setting-without-browser", test_open_setting_without_browser);
  g_test_add_func ("/window/write-letter", test_write_letter);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/mark-done-survives-restart", test_mark_done_survives_restart);
  g_test_add_func ("/window/first-run", test_first_run);

  return g_test_run ();
}
