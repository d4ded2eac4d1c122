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
#include "untrain-status-model.h"
#include "untrain-window.h"

/* The real application and window under Xvfb, with settings in memory and
 * the state in this test's own folders.
 */

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (UNTRAIN_IS_ITEM_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static UntrainItemRow *
find_row (UntrainWindow *window,
          const char    *item_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (window), rows);

  for (guint i = 0; i < rows->len; i++)
    {
      UntrainItemRow *row = g_ptr_array_index (rows, i);
      UntrainItem *item = untrain_item_status_get_item (untrain_item_row_get_item_status (row));

      if (g_str_equal (untrain_item_get_id (item), item_id) &&
          gtk_widget_is_ancestor (GTK_WIDGET (row), GTK_WIDGET (window)))
        return row;
    }

  return NULL;
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *name)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && g_str_equal (gtk_widget_get_name (widget), name))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
status_label (UntrainItemRow *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *widget = GTK_WIDGET (row);

  /* The suffix label is the last GtkLabel with the "caption" class. */
  for (GtkWidget *w = widget; w != NULL;)
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "caption"))
        return gtk_label_get_label (GTK_LABEL (w));

      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != widget && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == widget ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  return NULL;
}

typedef void (*WindowTestFunc) (UntrainWindow *window);

static void
on_activate_cb (GApplication   *app,
                WindowTestFunc  func)
{
  UntrainWindow *window = UNTRAIN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (UNTRAIN_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  func (window);

  /* Closing the window lets go of everything it showed. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window);
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

static void
check_lists_platforms_and_items (UntrainWindow *window)
{
  UntrainItemRow *row;
  GtkWidget *group;

  group = find_group (GTK_WIDGET (window), "linkedin");
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "LinkedIn");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, "0 of 3 done");
  g_assert_nonnull (find_group (GTK_WIDGET (window), "facebook"));
  g_assert_nonnull (find_group (GTK_WIDGET (window), "x"));

  row = find_row (window, "ai-training");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Turn off “Data for Generative AI Improvement”");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Applies since 3 November 2025 in Germany");
  g_assert_cmpstr (status_label (row), ==, "Action needed");

  row = find_row (window, "microsoft-ads-sharing");
  g_assert_cmpstr (status_label (row), ==, "Not applicable");
}

static void
test_lists_platforms_and_items (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");

  run_application (check_lists_platforms_and_items);
}

static void
check_rows_follow_the_model (UntrainWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(UntrainStatusModel) model = NULL;
  g_autoptr(GError) error = NULL;
  UntrainItemRow *row;
  GtkWidget *group;

  model = g_list_model_get_item (untrain_window_get_models (window), 0);
  g_assert_cmpstr (untrain_platform_get_id (untrain_status_model_get_platform (model)), ==, "linkedin");

  row = find_row (window, "ai-training");
  group = find_group (GTK_WIDGET (window), "linkedin");

  untrain_status_model_mark_done (model, "ai-training", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status_label (row), ==, "Done");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, "1 of 3 done");

  untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_ERROR,
                                        "LinkedIn changed its settings page; check by hand");
  g_assert_cmpstr (status_label (row), ==, "Error");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "LinkedIn changed its settings page; check by hand");

  /* A person who moves or says they are under 18 sees the rules follow. */
  g_settings_set_string (settings, "country", "US");
  row = find_row (window, "microsoft-ads-sharing");
  g_assert_cmpstr (status_label (row), ==, "Action needed");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Applies since 3 November 2025 in United States");

  g_settings_set_string (settings, "age-group", "under-18");
  row = find_row (window, "ai-training");
  g_assert_cmpstr (status_label (row), ==, "Not applicable");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Not applicable: LinkedIn excludes members under 18");
}

static void
test_rows_follow_the_model (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "country", "DE");
  g_settings_set_string (settings, "age-group", "adult");

  run_application (check_rows_follow_the_model);
}

static void
mark_research_data_done (UntrainWindow *window)
{
  g_autoptr(UntrainStatusModel) model = g_list_model_get_item (untrain_window_get_models (window), 0);
  g_autoptr(GError) error = NULL;

  untrain_status_model_mark_done (model, "research-data", &error);
  g_assert_no_error (error);
}

static void
check_research_data_done (UntrainWindow *window)
{
  g_assert_cmpstr (status_label (find_row (window, "research-data")), ==, "Done");
  g_assert_cmpstr (status_label (find_row (window, "ai-training")), ==, "Action needed");
}

static void
test_mark_done_survives_restart (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "country", "FR");
  g_settings_set_string (settings, "age-group", "adult");

  run_application (mark_research_data_done);
  run_application (check_research_data_done);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_add_func ("/window/lists-platforms-and-items", test_lists_platforms_and_items);
  g_test_add_func ("/window/rows-follow-the-model", test_rows_follow_the_model);
  g_test_add_func ("/window/mark-done-survives-restart", test_mark_done_survives_restart);

  return g_test_run ();
}
