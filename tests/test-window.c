/* test-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "untrain-application.h"
#include "untrain-item-row.h"
#include "untrain-letter-dialog.h"
#include "untrain-platform-page.h"
#include "untrain-platform-row.h"
#include "untrain-status-model.h"
#include "untrain-test-utils.h"
#include "untrain-window.h"
#include "untrain-wizard.h"

/* The real application and its window under Xvfb, with settings in memory
 * and the state in this test's own folders, driven through its actions.
 */

static GtkWidget *
find_page (UntrainWindow *window,
           const char    *platform_id)
{
  GtkWidget *page = untrain_test_find_widget (GTK_WIDGET (window), UNTRAIN_TYPE_PLATFORM_PAGE, platform_id);

  g_assert_nonnull (page);
  return page;
}

static UntrainItemRow *
find_row (UntrainWindow *window,
          const char    *platform_id,
          const char    *item_id)
{
  /* The row on that platform's page. */
  GtkWidget *page = find_page (window, platform_id);
  g_autoptr(GPtrArray) rows = untrain_test_collect (page, UNTRAIN_TYPE_ITEM_ROW);

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

/* Runs Untrain as a person starts it, with @on_activate called after its
 * own activation, and checks that the application lets go of everything.
 */
static void
run_application_with (GCallback on_activate,
                      gpointer  user_data)
{
  char *argv[] = { (char *)"untrain", NULL };
  UntrainApplication *app = untrain_application_new ();

  /* Other tests run Untrain at the same time: check this one's window. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", on_activate, user_data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

/* Runs Untrain, calls @func on its window once drawn, and closes the
 * window.
 */
static void
run_application (WindowTestFunc func)
{
  run_application_with (G_CALLBACK (on_activate_cb), func);
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

static gboolean
is_inactive (gpointer user_data)
{
  return !gtk_window_is_active (user_data);
}

static void
check_mark_done_and_undo (UntrainWindow *window)
{
  g_autoptr(UntrainStatusModel) model = g_list_model_get_item (untrain_window_get_models (window), 0);
  UntrainItemRow *row = find_row (window, "linkedin", "ai-training");
  UntrainItemRow *form_row = find_row (window, "linkedin", "objection-form");
  g_autofree char *sent_text = NULL;
  g_autofree char *answered_text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  GDate sent, answered;
  g_autofree char *today = today_text ();
  g_autofree char *confirmed = g_strdup_printf ("You confirmed on %s", today);
  GtkWidget *done_button = untrain_test_find_action_button (GTK_WIDGET (row), "win.mark-done");
  GtkWidget *undo_button = untrain_test_find_action_button (GTK_WIDGET (row), "win.undo-done");
  GtkWidget *other;

  /* The focus stays with the button that takes the place of the one
   * pressed, also while another window is the active one: a live check
   * may change the row while the person is elsewhere.
   */
  g_assert_true (gtk_widget_grab_focus (done_button));
  other = gtk_window_new ();
  untrain_test_show_window (other);
  untrain_test_wait_until (is_inactive, window);
  activate (window, "win.mark-done", "linkedin/ai-training");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Done");
  g_assert_cmpstr (subtitle (row), ==, confirmed);
  g_assert_true (shows_label (GTK_WIDGET (window), "1 of 3 done"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == undo_button);

  activate (window, "win.undo-done", "linkedin/ai-training");
  g_assert_cmpstr (untrain_item_row_get_status_label (row), ==, "Action needed");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == done_button);
  g_assert_true (shows_label (GTK_WIDGET (window), "0 of 3 done"));
  untrain_test_destroy_window (other);

  /* Everything done: the page says so. */
  activate (window, "win.mark-done", "linkedin/ai-training");
  activate (window, "win.mark-done", "linkedin/research-data");
  /* Sent five days ago: its answer is not due yet. */
  g_date_clear (&sent, 1);
  g_date_set_time_t (&sent, time (NULL));
  answered = sent;
  g_date_subtract_days (&sent, 5);
  g_date_subtract_days (&answered, 1);
  g_assert_true (untrain_status_model_record_submission (model, "objection-form", &sent, &error));
  g_assert_no_error (error);
  g_assert_true (shows_label (GTK_WIDGET (window), "3 of 3 done"));
  g_assert_true (shows_label (GTK_WIDGET (window),
                              "All done for LinkedIn. Platforms change their settings, so Untrain will remind you to check again."));

  /* The answer came before it was due: its row says so at once. */
  g_assert_true (untrain_status_model_record_answer (model, "objection-form", &answered, &error));
  g_assert_no_error (error);
  sent_text = untrain_format_date (&sent);
  answered_text = untrain_format_date (&answered);
  expected = g_strdup_printf ("Sent on %s, answered on %s", sent_text, answered_text);
  g_assert_cmpstr (subtitle (form_row), ==, expected);
}

static void
test_mark_done_and_undo (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  run_application (check_mark_done_and_undo);
}

/* The button of @row that activates @action_name, for the row's item */
static GtkWidget *
find_row_button (UntrainItemRow *row,
                 const char     *action_name)
{
  GtkWidget *button = untrain_test_find_action_button (GTK_WIDGET (row), action_name);
  g_autofree char *platform_id = NULL;
  g_autofree char *target = NULL;
  GVariant *target_value;

  if (button == NULL)
    return NULL;

  g_object_get (row, "platform-id", &platform_id, NULL);
  target = g_strdup_printf ("%s/%s", platform_id, gtk_widget_get_name (GTK_WIDGET (row)));
  target_value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target_value);
  g_assert_cmpstr (g_variant_get_string (target_value, NULL), ==, target);

  return button;
}

/* Whether @row shows, on screen, the button that activates @action_name */
static gboolean
shows_button (UntrainItemRow *row,
              const char     *action_name)
{
  GtkWidget *button = find_row_button (row, action_name);

  return button != NULL && gtk_widget_is_drawable (button);
}

static const char *
button_label (UntrainItemRow *row,
              const char     *action_name)
{
  GtkWidget *button = find_row_button (row, action_name);

  g_assert_nonnull (button);
  return gtk_button_get_label (GTK_BUTTON (button));
}

/* Whether all of @user_data, a widget, is inside its window */
static gboolean
is_in_sight (gpointer user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

static gboolean
row_is_open (gpointer user_data)
{
  GtkWidget *revealer = untrain_test_find_widget (user_data, GTK_TYPE_REVEALER, NULL);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* Opens @row as a click on its title does, and waits until it has slid
 * open.
 */
static void
open_row (UntrainItemRow *row)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  untrain_test_wait_until (row_is_open, row);
}

/* A row makes its buttons when it first opens: they show what the item's
 * state calls for then, whatever happened while the row was closed, and
 * follow it while it is open.
 */
static void
check_actions_made_when_opened (UntrainWindow *window)
{
  g_autoptr(UntrainStatusModel) model = g_list_model_get_item (untrain_window_get_models (window), 0);
  UntrainItemRow *switch_row = find_row (window, "linkedin", "ai-training");
  UntrainItemRow *research_row = find_row (window, "linkedin", "research-data");
  UntrainItemRow *form_row = find_row (window, "linkedin", "objection-form");
  g_autoptr(GError) error = NULL;
  GtkMenuButton *learn_more;
  GMenuModel *sources;
  g_autofree char *action = NULL;
  g_autofree char *url = NULL;
  GtkWidget *open_button;
  GDate sent;

  g_assert_cmpstr (untrain_platform_get_id (untrain_status_model_get_platform (model)), ==, "linkedin");

  /* The first thing to do is open, with its buttons; the rows below are
   * closed and have none yet.
   */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (switch_row)));
  g_assert_true (shows_button (switch_row, "win.mark-done"));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (research_row)));
  g_assert_null (untrain_test_find_action_button (GTK_WIDGET (research_row), "win.mark-done"));
  g_assert_null (untrain_test_find_widget (GTK_WIDGET (form_row), GTK_TYPE_MENU_BUTTON, NULL));

  /* While they are closed: the research switch is ticked off, the account
   * connected (as the page tells its rows), and the objection form was
   * sent so long ago that its answer is overdue.
   */
  activate (window, "win.mark-done", "linkedin/research-data");
  untrain_platform_page_set_account (UNTRAIN_PLATFORM_PAGE (find_page (window, "linkedin")), "Ada Lovelace");
  g_date_clear (&sent, 1);
  g_date_set_dmy (&sent, 2, 1, 2020);
  g_assert_true (untrain_status_model_record_submission (model, "objection-form", &sent, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (untrain_item_row_get_status_label (research_row), ==, "Done");
  g_assert_cmpstr (untrain_item_row_get_status_label (form_row), ==, "Action needed");

  /* Opened, each offers what its state calls for now. */
  open_row (research_row);
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (research_row), "A related LinkedIn switch about using your data for research."));
  g_assert_false (shows_button (research_row, "win.mark-done"));
  g_assert_true (shows_button (research_row, "win.undo-done"));
  g_assert_false (shows_button (research_row, "win.turn-off"));
  g_assert_false (shows_button (research_row, "win.write-letter"));
  g_assert_true (shows_button (research_row, "win.open-setting"));
  g_assert_cmpstr (button_label (research_row, "win.open-setting"), ==, "_Open Setting");
  open_button = find_row_button (research_row, "win.open-setting");
  g_assert_true (gtk_widget_has_css_class (open_button, "suggested-action"));

  open_row (form_row);
  g_assert_true (shows_button (form_row, "win.write-letter"));
  g_assert_cmpstr (button_label (form_row, "win.write-letter"), ==, "Write _Follow-Up…");
  g_assert_true (shows_button (form_row, "win.open-setting"));
  g_assert_cmpstr (button_label (form_row, "win.open-setting"), ==, "_Open Form");
  g_assert_false (shows_button (form_row, "win.mark-done"));
  g_assert_false (shows_button (form_row, "win.undo-done"));

  /* A form is sent by the person, connected or not: Untrain has no switch
   * of theirs to turn off.
   */
  g_assert_false (shows_button (form_row, "win.turn-off"));

  /* Open, they follow what happens: taken back, the switch can be turned
   * off for the person, who is connected, and the setting's page comes
   * second.
   */
  activate (window, "win.undo-done", "linkedin/research-data");
  g_assert_true (shows_button (research_row, "win.mark-done"));
  g_assert_false (shows_button (research_row, "win.undo-done"));
  g_assert_true (shows_button (research_row, "win.turn-off"));
  g_assert_false (gtk_widget_has_css_class (open_button, "suggested-action"));

  /* Signed out, nothing is turned off for them. */
  untrain_platform_page_set_account (UNTRAIN_PLATFORM_PAGE (find_page (window, "linkedin")), NULL);
  g_assert_false (shows_button (research_row, "win.turn-off"));
  g_assert_true (gtk_widget_has_css_class (open_button, "suggested-action"));

  /* A check in progress shows a spinner in place of the status icon. */
  g_assert_null (untrain_test_find_widget (GTK_WIDGET (switch_row), GTK_TYPE_SPINNER, NULL));
  untrain_status_model_set_checking (model, "ai-training");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (untrain_item_row_get_status_label (switch_row), ==, "Checking…");
  {
    GtkWidget *spinner = untrain_test_find_widget (GTK_WIDGET (switch_row), GTK_TYPE_SPINNER, NULL);

    g_assert_nonnull (spinner);
    g_assert_true (gtk_widget_is_drawable (spinner));
    g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (spinner), ==, "Checking…");

    untrain_status_model_set_live_result (model, "ai-training", UNTRAIN_STATUS_DONE, NULL);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpstr (untrain_item_row_get_status_label (switch_row), ==, "Done");
    g_assert_false (gtk_widget_get_visible (spinner));
    g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
    g_assert_false (shows_button (switch_row, "win.mark-done"));
  }

  /* Learn More lists the item's sources when it first opens. */
  learn_more = GTK_MENU_BUTTON (untrain_test_find_widget (GTK_WIDGET (research_row), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (learn_more);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (learn_more)));
  g_assert_null (gtk_menu_button_get_popover (learn_more));
  /* In sight, as a person clicks it: the page scrolls to what has the
   * focus, where it is laid out now.
   */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (learn_more)));
  untrain_test_wait_until (is_in_sight, learn_more);
  gtk_menu_button_popup (learn_more);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (gtk_menu_button_get_popover (learn_more));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (learn_more))));
  sources = gtk_menu_button_get_menu_model (learn_more);
  g_assert_cmpint (g_menu_model_get_n_items (sources), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (sources, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_true (g_menu_model_get_item_attribute (sources, 0, G_MENU_ATTRIBUTE_TARGET, "s", &url));
  g_assert_cmpstr (action, ==, "win.open-url");
  g_assert_cmpstr (url, ==, "https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research");
  gtk_menu_button_popdown (learn_more);
}

static void
test_actions_made_when_opened (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  /* Checked a moment ago: the window does not check again as it opens,
   * which would find no session for the account the test connects.
   */
  g_settings_set_int64 (settings, "last-check", g_get_real_time () / G_USEC_PER_SEC);

  run_application (check_actions_made_when_opened);
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
  g_assert_true (shows_label (GTK_WIDGET (window), "Nothing to do"));

  /* Where nothing is known yet, the sidebar does not say so. */
  {
    UntrainApplication *app = UNTRAIN_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
    UntrainPlatform *platform = untrain_catalog_lookup (untrain_application_get_catalog (app), "linkedin");
    g_autoptr(UntrainStatusModel) unknown = untrain_status_model_new (platform, untrain_application_get_store (app),
                                                                      NULL, UNTRAIN_AGE_UNKNOWN);
    GtkWidget *platform_row = g_object_ref_sink (untrain_platform_row_new (unknown));

    GtkWidget *page = g_object_ref_sink (untrain_platform_page_new (unknown, NULL));
    GtkWidget *choose = untrain_test_find_action_button (page, "app.preferences");

    g_assert_cmpuint (untrain_status_model_count_applicable (unknown), ==, 0);
    g_assert_true (untrain_status_model_needs_country (unknown));
    g_assert_nonnull (untrain_test_find_label (platform_row, "Choose your country"));
    g_assert_null (untrain_test_find_label (platform_row, "Nothing to do"));
    g_object_unref (platform_row);

    /* …and the page offers the way to choose it, which Preferences has. */
    g_assert_nonnull (choose);
    g_assert_true (gtk_widget_get_visible (choose));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (choose)), ==, "Choose _Country…");
    g_object_unref (page);

  }

  /* With a country, it does not. */
  {
    g_autoptr(UntrainStatusModel) known = g_list_model_get_item (untrain_window_get_models (window), 0);

    g_assert_false (untrain_status_model_needs_country (known));
    g_assert_false (gtk_widget_get_visible (untrain_test_find_action_button (find_page (window, "linkedin"),
                                                                            "app.preferences")));
  }
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
  g_autoptr(GPtrArray) status_pages = NULL;
  g_autoptr(GPtrArray) menu_buttons = NULL;
  GtkWidget *choose;

  g_settings_set_strv (settings, "platforms", none);
  g_assert_true (shows_label (GTK_WIDGET (window), "No Platforms Chosen"));

  g_settings_set_strv (settings, "platforms", some);
  shown = sidebar_platforms (window);
  g_assert_cmpstrv (shown, some);
  g_assert_false (shows_label (GTK_WIDGET (window), "No Platforms Chosen"));

  /* None again: the page made the first time shows again, with its
   * button to choose and the main menu.
   */
  g_settings_set_strv (settings, "platforms", none);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "No Platforms Chosen"));
  status_pages = untrain_test_collect (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (status_pages->len, ==, 1);
  choose = untrain_test_find_action_button (GTK_WIDGET (window), "app.preferences");
  g_assert_nonnull (choose);
  g_assert_true (gtk_widget_is_drawable (choose));
  menu_buttons = untrain_test_collect (gtk_widget_get_parent (status_pages->pdata[0]), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (menu_buttons->len, ==, 1);
  g_assert_true (gtk_widget_is_drawable (menu_buttons->pdata[0]));
  g_assert_true (gtk_menu_button_get_primary (menu_buttons->pdata[0]));
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

  gtk_window_unmaximize (GTK_WINDOW (window));
  untrain_test_resize_window (GTK_WIDGET (window), 360, 640);

  found = untrain_test_collect (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  leaflet = found->pdata[0];

  /* At phone width the sidebar and the page fold into one column. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  activate (window, "win.show-platform", "linkedin");
  g_assert_true (g_str_equal (G_OBJECT_TYPE_NAME (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))), "GtkBox"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
}

/* A size the window is given before its first frame, as a window manager
 * may give it, is the one it keeps: binding the size to the settings, once
 * that frame is drawn, does not put back the size the settings had.
 */
static void
on_size_kept_activate_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  int width, height;

  gtk_window_set_default_size (window, 800, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  untrain_test_drain ();

  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);

  /* Bound now: a new size goes to the settings. */
  gtk_window_set_default_size (window, 840, 620);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 840);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);

  untrain_test_destroy_window (GTK_WIDGET (window));
}

static void
test_size_kept (void)
{
  g_autoptr(GSettings) settings = settings_for ("DE", "adult");

  g_settings_set_int (settings, "window-width", 960);
  g_settings_set_int (settings, "window-height", 720);
  run_application_with (G_CALLBACK (on_size_kept_activate_cb), NULL);
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

  g_settings_set_boolean (settings, "first-run-done", FALSE);
  run_application_with (G_CALLBACK (on_first_run_activate_cb), NULL);

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
  g_test_add_func ("/window/actions-made-when-opened", test_actions_made_when_opened);
  g_test_add_func ("/window/follows-other-writers", test_follows_other_writers);
  g_test_add_func ("/window/rows-follow-the-person", test_rows_follow_the_person);
  g_test_add_func ("/window/platform-choice", test_platform_choice);
  g_test_add_func ("/window/open-setting-without-browser", test_open_setting_without_browser);
  g_test_add_func ("/window/write-letter", test_write_letter);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/size-kept", test_size_kept);
  g_test_add_func ("/window/mark-done-survives-restart", test_mark_done_survives_restart);
  g_test_add_func ("/window/first-run", test_first_run);

  return g_test_run ();
}
