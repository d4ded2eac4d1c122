/* test-wizard.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "untrain-country-chooser.h"
#include "untrain-region.h"
#include "untrain-test-utils.h"
#include "untrain-wizard.h"

/* The first-run wizard under Xvfb, driven through its actions, with
 * settings in memory and the state in this test's own folders.
 */

enum {
  PAGE_WELCOME,
  PAGE_PERSON,
  PAGE_APPLIES,
  PAGE_PLATFORMS,
  PAGE_CONNECT,
  PAGE_REMINDERS,
  PAGE_DONE,
};

typedef struct
{
  GSettings         *settings;
  UntrainCatalog    *catalog;
  UntrainStateStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) state_file = untrain_test_get_state_file ();

  fixture->settings = untrain_test_new_settings ();
  fixture->catalog = untrain_test_load_catalog ();
  fixture->store = untrain_state_store_new (state_file);

  /* Where the locale says the person lives, for the country's default */
  untrain_test_set_locale_country ("de_DE.UTF-8");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->catalog);
  g_clear_object (&fixture->settings);
}

static UntrainWizard *
open_wizard (Fixture *fixture)
{
  GtkWidget *wizard = untrain_wizard_new (NULL, fixture->settings, fixture->catalog, fixture->store);

  g_assert_true (UNTRAIN_IS_WIZARD (wizard));
  untrain_test_show_window (wizard);

  return UNTRAIN_WIZARD (wizard);
}

/* Closing lets go of everything the wizard showed. */
static void
destroy_wizard (UntrainWizard *wizard)
{
  untrain_test_destroy_window (GTK_WIDGET (wizard));
}

static void
activate (UntrainWizard *wizard,
          const char    *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), action_name, NULL));
  untrain_test_drain ();
}

static void
assert_page (Fixture       *fixture,
             UntrainWizard *wizard,
             guint          page)
{
  AdwCarousel *carousel = ADW_CAROUSEL (untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_CAROUSEL, "carousel"));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));

  g_assert_cmpuint (untrain_wizard_get_page (wizard), ==, page);
  g_assert_cmpfloat_with_epsilon (adw_carousel_get_position (carousel), page, 0.001);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "wizard-page"), ==, page);

  /* Back only after the first page, Next only before the last */
  g_assert_cmpint (gtk_widget_is_sensitive (untrain_test_find_action_button (GTK_WIDGET (wizard), "wizard.back")),
                   ==, page > PAGE_WELCOME);
  g_assert_cmpint (gtk_widget_get_visible (untrain_test_find_action_button (GTK_WIDGET (wizard), "wizard.next")),
                   ==, page < PAGE_DONE);
}

static void
go_to (Fixture       *fixture,
       UntrainWizard *wizard,
       guint          page)
{
  while (untrain_wizard_get_page (wizard) < page)
    activate (wizard, "wizard.next");
  while (untrain_wizard_get_page (wizard) > page)
    activate (wizard, "wizard.back");

  assert_page (fixture, wizard, page);
}

static UntrainCountryChooser *
get_country_chooser (UntrainWizard *wizard)
{
  return UNTRAIN_COUNTRY_CHOOSER (untrain_test_find_widget (GTK_WIDGET (wizard), UNTRAIN_TYPE_COUNTRY_CHOOSER, NULL));
}

static AdwComboRow *
get_age_row (UntrainWizard *wizard)
{
  return ADW_COMBO_ROW (untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_COMBO_ROW, "age-row"));
}

static GtkCheckButton *
get_platform_check (UntrainWizard *wizard,
                    const char    *platform_id)
{
  GtkWidget *group = untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_PREFERENCES_GROUP, "platforms-group");

  return GTK_CHECK_BUTTON (untrain_test_find_widget (group, GTK_TYPE_CHECK_BUTTON, platform_id));
}

/* With a NULL @platform_id, the row on top */
static AdwActionRow *
get_applies_row (UntrainWizard *wizard,
                 const char    *platform_id)
{
  GtkWidget *group = untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_PREFERENCES_GROUP, "applies-group");

  return ADW_ACTION_ROW (untrain_test_find_widget (group, ADW_TYPE_ACTION_ROW, platform_id));
}

static const char *
get_summary (AdwActionRow *row)
{
  return gtk_label_get_label (GTK_LABEL (untrain_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "summary")));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* The country chooser */

static void
test_country_chooser (void)
{
  UntrainCountryChooser *chooser = g_object_ref_sink (UNTRAIN_COUNTRY_CHOOSER (untrain_country_chooser_new ()));
  GtkDropDown *drop_down = GTK_DROP_DOWN (untrain_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN, NULL));
  GListModel *names = gtk_drop_down_get_model (drop_down);
  guint n_notified = 0;
  gsize n_countries;

  g_signal_connect_swapped (chooser, "notify::country", G_CALLBACK (count_cb), &n_notified);

  /* Every country, by name, sorted for a person to find it, searchable */
  untrain_region_get_countries (&n_countries);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, n_countries);
  for (guint i = 1; i < n_countries; i++)
    {
      g_autoptr(GtkStringObject) before = g_list_model_get_item (names, i - 1);
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      g_assert_cmpint (g_utf8_collate (gtk_string_object_get_string (before),
                                       gtk_string_object_get_string (name)), <=, 0);
    }
  g_assert_true (gtk_drop_down_get_enable_search (drop_down));
  g_assert_nonnull (gtk_drop_down_get_expression (drop_down));

  /* Nothing chosen yet, and the button says to choose, not GTK's "(None)" */
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (untrain_test_find_label (GTK_WIDGET (chooser), "Choose…"));
  g_assert_null (untrain_test_find_label (GTK_WIDGET (chooser), "(None)"));

  untrain_country_chooser_set_country (chooser, "DE");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "DE");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop_down)), ==,
                   untrain_region_get_country_name ("DE"));
  g_assert_cmpuint (n_notified, ==, 1);

  /* The same again says nothing */
  g_object_set (chooser, "country", "DE", NULL);
  g_assert_cmpuint (n_notified, ==, 1);

  /* Picking from the list */
  for (guint i = 0; i < n_countries; i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (name), untrain_region_get_country_name ("CH")))
        gtk_drop_down_set_selected (drop_down, i);
    }
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "CH");
  g_assert_cmpuint (n_notified, ==, 2);

  /* A code that names no country clears the choice */
  untrain_country_chooser_set_country (chooser, "EU");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "");
  g_assert_cmpuint (n_notified, ==, 3);
  untrain_country_chooser_set_country (chooser, NULL);
  g_assert_cmpuint (n_notified, ==, 3);

  g_assert_finalize_object (chooser);
}

/* Moving through the pages */

static void
test_pages (Fixture       *fixture,
            gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (wizard)), ==, "Set Up Untrain");
  assert_page (fixture, wizard, PAGE_WELCOME);

  /* Back goes nowhere from the first page */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  untrain_test_drain ();
  assert_page (fixture, wizard, PAGE_WELCOME);

  for (guint page = PAGE_PERSON; page <= PAGE_DONE; page++)
    {
      activate (wizard, "wizard.next");
      assert_page (fixture, wizard, page);
    }

  /* Next goes nowhere from the last; the finish button has the focus.
   * The window's focus, not gtk_widget_has_focus(): that one is only
   * true while the X server has the window active, and the UI tests
   * running beside this one open windows of their own. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  untrain_test_drain ();
  assert_page (fixture, wizard, PAGE_DONE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (wizard)) == untrain_test_find_action_button (GTK_WIDGET (wizard), "wizard.finish"));

  activate (wizard, "wizard.back");
  assert_page (fixture, wizard, PAGE_REMINDERS);

  /* Only the page on screen takes the focus */
  g_assert_true (gtk_widget_get_can_focus (untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_STATUS_PAGE, "reminders")));
  g_assert_false (gtk_widget_get_can_focus (untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_STATUS_PAGE, "person")));

  /* Not finished: closing keeps the setup to do */
  destroy_wizard (wizard);
  g_assert_false (g_settings_get_boolean (fixture->settings, "first-run-done"));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "wizard-page"), ==, PAGE_REMINDERS);
}

/* Moving before the window is shown lands there when it is. */
static void
test_pages_before_shown (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *wizard = untrain_wizard_new (NULL, fixture->settings, fixture->catalog, fixture->store);

  activate (UNTRAIN_WIZARD (wizard), "wizard.next");
  activate (UNTRAIN_WIZARD (wizard), "wizard.next");
  g_assert_cmpuint (untrain_wizard_get_page (UNTRAIN_WIZARD (wizard)), ==, PAGE_APPLIES);

  untrain_test_show_window (wizard);
  assert_page (fixture, UNTRAIN_WIZARD (wizard), PAGE_APPLIES);

  destroy_wizard (UNTRAIN_WIZARD (wizard));
}

/* Where you live and your age group */

static void
test_person_from_locale (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  UntrainCountryChooser *chooser = get_country_chooser (wizard);
  AdwComboRow *age_row = get_age_row (wizard);

  /* Nothing chosen yet: the locale's country, which is also what "" means */
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "DE");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (age_row), ==, 0);

  /* Answers go to the settings as they are given */
  untrain_country_chooser_set_country (chooser, "FR");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "FR");

  adw_combo_row_set_selected (age_row, 2);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "age-group"), ==, "adult");
  adw_combo_row_set_selected (age_row, 1);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "age-group"), ==, "under-18");
  adw_combo_row_set_selected (age_row, 0);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "age-group"), ==, "unknown");

  /* And the controls follow the settings */
  g_settings_set_string (fixture->settings, "country", "IT");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "IT");
  g_settings_set_string (fixture->settings, "age-group", "adult");
  g_assert_cmpuint (adw_combo_row_get_selected (age_row), ==, 2);

  /* Back to "from the locale" */
  g_settings_set_string (fixture->settings, "country", "");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "DE");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "");

  destroy_wizard (wizard);
}

/* Activating the row opens the list, ready to search by typing. */
static void
test_person_country_search (Fixture       *fixture,
                            gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  GtkWidget *chooser = GTK_WIDGET (get_country_chooser (wizard));
  GtkWidget *popover = untrain_test_find_widget (chooser, GTK_TYPE_POPOVER, NULL);
  GtkWidget *search_entry = untrain_test_find_widget (popover, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *focus;

  go_to (fixture, wizard, PAGE_PERSON);
  g_assert_false (gtk_widget_get_visible (popover));

  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (chooser, ADW_TYPE_ACTION_ROW)));
  gtk_test_widget_wait_for_draw (popover);
  untrain_test_drain ();

  g_assert_true (gtk_widget_get_visible (popover));
  focus = gtk_root_get_focus (GTK_ROOT (wizard));
  g_assert_true (focus == search_entry || gtk_widget_is_ancestor (focus, search_entry));

  gtk_popover_popdown (GTK_POPOVER (popover));
  untrain_test_drain ();
  destroy_wizard (wizard);
}

static void
test_person_from_settings (Fixture       *fixture,
                           gconstpointer  user_data)
{
  UntrainWizard *wizard;

  g_settings_set_string (fixture->settings, "country", "GB");
  g_settings_set_string (fixture->settings, "age-group", "under-18");

  wizard = open_wizard (fixture);
  g_assert_cmpstr (untrain_country_chooser_get_country (get_country_chooser (wizard)), ==, "GB");
  g_assert_cmpuint (adw_combo_row_get_selected (get_age_row (wizard)), ==, 1);

  destroy_wizard (wizard);
}

/* What applies to you */

/* The wizard on that page, for someone of @age_group who lives in @country */
static UntrainWizard *
open_wizard_on_applies (Fixture    *fixture,
                        const char *country,
                        const char *age_group)
{
  UntrainWizard *wizard;

  g_settings_set_string (fixture->settings, "country", country);
  g_settings_set_string (fixture->settings, "age-group", age_group);
  wizard = open_wizard (fixture);
  go_to (fixture, wizard, PAGE_APPLIES);

  return wizard;
}

static void
test_applies_adult_in_germany (Fixture       *fixture,
                               gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard_on_applies (fixture, "DE", "adult");
  AdwActionRow *row;
  GtkWidget *not_retroactive;

  /* The person's platforms first */
  row = get_applies_row (wizard, NULL);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "linkedin");

  /* Since when and why, and how much there is to do */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "LinkedIn");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Applies since 3 November 2025 in Germany");
  g_assert_cmpstr (get_summary (row), ==, "3 things to do");

  /* Every platform is told about */
  row = get_applies_row (wizard, "facebook");
  g_assert_nonnull (row);
  assert_contains (adw_action_row_get_subtitle (row), "Germany");
  g_assert_cmpstr (get_summary (row), ==, "1 thing to do");

  not_retroactive = untrain_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_LABEL, "not-retroactive");
  g_assert_true (gtk_widget_is_visible (not_retroactive));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (not_retroactive)), ==,
                   "Turning these off stops future training; it does not undo training that already happened.");

  destroy_wizard (wizard);
}

/* A country in no regulated group still learns what applies there. */
static void
test_applies_adult_in_united_states (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard_on_applies (fixture, "US", "adult");
  AdwActionRow *row;

  row = get_applies_row (wizard, "linkedin");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Applies since 18 September 2024 in United States");
  g_assert_cmpstr (get_summary (row), ==, "4 things to do");

  /* Facebook's objection is for the EU and the EEA */
  row = get_applies_row (wizard, "facebook");
  assert_contains (adw_action_row_get_subtitle (row), "Not applicable in United States");
  assert_contains (adw_action_row_get_subtitle (row), "Nothing needs doing");
  g_assert_cmpstr (get_summary (row), ==, "Not covered");

  destroy_wizard (wizard);
}

static void
test_applies_under_18 (Fixture       *fixture,
                       gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard_on_applies (fixture, "DE", "under-18");
  AdwActionRow *row;

  row = get_applies_row (wizard, "linkedin");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Not applicable: LinkedIn excludes members under 18. Nothing needs doing for its AI training.");
  g_assert_cmpstr (get_summary (row), ==, "Not covered");

  destroy_wizard (wizard);
}

/* The page follows the answers, wherever they are given. */
static void
test_applies_follows_answers (Fixture       *fixture,
                              gconstpointer  user_data)
{
  UntrainWizard *wizard;

  g_settings_set_string (fixture->settings, "country", "DE");
  g_settings_set_string (fixture->settings, "age-group", "adult");
  wizard = open_wizard (fixture);

  go_to (fixture, wizard, PAGE_PERSON);
  untrain_country_chooser_set_country (get_country_chooser (wizard), "US");
  go_to (fixture, wizard, PAGE_APPLIES);
  g_assert_cmpstr (adw_action_row_get_subtitle (get_applies_row (wizard, "linkedin")), ==,
                   "Applies since 18 September 2024 in United States");

  go_to (fixture, wizard, PAGE_PERSON);
  adw_combo_row_set_selected (get_age_row (wizard), 1);
  go_to (fixture, wizard, PAGE_APPLIES);
  assert_contains (adw_action_row_get_subtitle (get_applies_row (wizard, "linkedin")), "under 18");

  /* Changed from elsewhere, too */
  g_settings_set_string (fixture->settings, "age-group", "adult");
  g_settings_set_string (fixture->settings, "country", "CH");
  g_assert_cmpstr (adw_action_row_get_subtitle (get_applies_row (wizard, "linkedin")), ==,
                   "Applies since 3 November 2025 in Switzerland");

  /* Which platform comes first follows the person's choice */
  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "x", "linkedin", NULL });
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (get_applies_row (wizard, NULL))), ==, "x");

  destroy_wizard (wizard);
}

/* Which platforms you use, and connecting them */

static void
test_platforms (Fixture       *fixture,
                gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  GtkWidget *connect_group;
  GtkWidget *connect_empty;
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalog));

  go_to (fixture, wizard, PAGE_PLATFORMS);

  /* A check per platform; LinkedIn's is on by default */
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (fixture->catalog), i);
      GtkCheckButton *check = get_platform_check (wizard, untrain_platform_get_id (platform));

      g_assert_nonnull (check);
      g_assert_cmpint (gtk_check_button_get_active (check), ==,
                       g_str_equal (untrain_platform_get_id (platform), "linkedin"));
    }

  gtk_check_button_set_active (get_platform_check (wizard, "facebook"), TRUE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "linkedin", "facebook", NULL });
  gtk_check_button_set_active (get_platform_check (wizard, "chatgpt"), TRUE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "linkedin", "facebook", "chatgpt", NULL });
  gtk_check_button_set_active (get_platform_check (wizard, "linkedin"), FALSE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "facebook", "chatgpt", NULL });

  /* Nothing to connect among these */
  go_to (fixture, wizard, PAGE_CONNECT);
  connect_group = untrain_test_find_widget (GTK_WIDGET (wizard), ADW_TYPE_PREFERENCES_GROUP, "connect-group");
  connect_empty = untrain_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_LABEL, "connect-empty");
  g_assert_false (gtk_widget_get_visible (connect_group));
  g_assert_true (gtk_widget_get_visible (connect_empty));

  /* Changed from elsewhere: the checks follow, LinkedIn can be connected */
  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "linkedin", "x", NULL });
  g_assert_true (gtk_check_button_get_active (get_platform_check (wizard, "linkedin")));
  g_assert_true (gtk_check_button_get_active (get_platform_check (wizard, "x")));
  g_assert_false (gtk_check_button_get_active (get_platform_check (wizard, "facebook")));
  g_assert_true (gtk_widget_get_visible (connect_group));
  g_assert_false (gtk_widget_get_visible (connect_empty));
  g_assert_nonnull (untrain_test_find_widget (connect_group, ADW_TYPE_ACTION_ROW, "linkedin"));
  g_assert_null (untrain_test_find_widget (connect_group, ADW_TYPE_ACTION_ROW, "x"));

  /* Connecting is offered, and the page is passed with Next without it. */
  {
    GtkWidget *button = untrain_test_find_widget (connect_group, GTK_TYPE_BUTTON, NULL);
    g_autoptr(GVariant) target = NULL;

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "wizard.connect");
    target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "linkedin");
  }

  /* Once connected, the row says who. */
  untrain_state_store_set_account (fixture->store, "linkedin", "Ada Lovelace");
  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "x", "linkedin", NULL });
  g_assert_nonnull (untrain_test_find_label (connect_group, "Connected as Ada Lovelace"));
  g_assert_null (untrain_test_find_widget (connect_group, GTK_TYPE_BUTTON, NULL));

  activate (wizard, "wizard.next");
  assert_page (fixture, wizard, PAGE_REMINDERS);

  destroy_wizard (wizard);
}

/* A platform this catalog does not know is kept. */
static void
test_platforms_keeps_unknown (Fixture       *fixture,
                              gconstpointer  user_data)
{
  UntrainWizard *wizard;

  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "myspace", "linkedin", NULL });
  wizard = open_wizard (fixture);

  gtk_check_button_set_active (get_platform_check (wizard, "linkedin"), FALSE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "myspace", NULL });
  gtk_check_button_set_active (get_platform_check (wizard, "x"), TRUE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "myspace", "x", NULL });

  destroy_wizard (wizard);
}

/* Reminders */

static void
test_reminders (Fixture       *fixture,
                gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  GtkSwitch *reminder_switch;
  GtkSpinButton *interval_spin;

  go_to (fixture, wizard, PAGE_REMINDERS);
  reminder_switch = GTK_SWITCH (untrain_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_SWITCH, "reminder-switch"));
  interval_spin = GTK_SPIN_BUTTON (untrain_test_find_widget (GTK_WIDGET (wizard), GTK_TYPE_SPIN_BUTTON, "interval-spin"));

  g_assert_true (gtk_switch_get_active (reminder_switch));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval_spin), ==, 30);

  gtk_spin_button_set_value (interval_spin, 14);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-interval-days"), ==, 14);

  /* Within the key's range */
  gtk_spin_button_set_value (interval_spin, 1000);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-interval-days"), ==, 365);

  gtk_switch_set_active (reminder_switch, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminder-enabled"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (interval_spin)));

  g_settings_set_boolean (fixture->settings, "reminder-enabled", TRUE);
  g_settings_set_uint (fixture->settings, "reminder-interval-days", 90);
  g_assert_true (gtk_switch_get_active (reminder_switch));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (interval_spin)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval_spin), ==, 90);

  destroy_wizard (wizard);
}

/* Finishing */

static void
test_finish (Fixture       *fixture,
             gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  guint n_finished = 0;

  g_signal_connect_swapped (wizard, "finished", G_CALLBACK (count_cb), &n_finished);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);

  go_to (fixture, wizard, PAGE_DONE);
  g_assert_cmpuint (n_finished, ==, 0);
  g_assert_false (g_settings_get_boolean (fixture->settings, "first-run-done"));

  activate (wizard, "wizard.finish");
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_true (g_settings_get_boolean (fixture->settings, "first-run-done"));

  /* The next setup starts from the beginning */
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "wizard-page"), ==, PAGE_WELCOME);

  /* It closed, and let go of everything */
  untrain_test_drain ();
  g_assert_null (wizard);
}

/* Closing half-way resumes there, with the answers kept. */
static void
test_resume (Fixture       *fixture,
             gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);
  guint n_finished = 0;

  go_to (fixture, wizard, PAGE_PERSON);
  untrain_country_chooser_set_country (get_country_chooser (wizard), "FR");
  adw_combo_row_set_selected (get_age_row (wizard), 2);
  go_to (fixture, wizard, PAGE_PLATFORMS);
  gtk_check_button_set_active (get_platform_check (wizard, "instagram"), TRUE);

  g_signal_connect_swapped (wizard, "finished", G_CALLBACK (count_cb), &n_finished);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  gtk_window_close (GTK_WINDOW (wizard));
  untrain_test_drain ();
  g_assert_null (wizard);
  g_assert_cmpuint (n_finished, ==, 0);
  g_assert_false (g_settings_get_boolean (fixture->settings, "first-run-done"));

  wizard = open_wizard (fixture);
  assert_page (fixture, wizard, PAGE_PLATFORMS);
  g_assert_cmpstr (untrain_country_chooser_get_country (get_country_chooser (wizard)), ==, "FR");
  g_assert_cmpuint (adw_combo_row_get_selected (get_age_row (wizard)), ==, 2);
  g_assert_true (gtk_check_button_get_active (get_platform_check (wizard, "instagram")));
  g_assert_true (gtk_check_button_get_active (get_platform_check (wizard, "linkedin")));

  /* And goes on from there */
  activate (wizard, "wizard.back");
  assert_page (fixture, wizard, PAGE_APPLIES);
  g_assert_cmpstr (adw_action_row_get_subtitle (get_applies_row (wizard, "linkedin")), ==,
                   "Applies since 3 November 2025 in France");

  destroy_wizard (wizard);
}

/* The keyboard: Alt+arrows and the page keys move, Escape closes. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  UntrainWizard *wizard = open_wizard (fixture);

  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (wizard), "<Alt>Left", "wizard.back"));
  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (wizard), "<Alt>Right", "wizard.next"));
  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (wizard), "Page_Up", "wizard.back"));
  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (wizard), "Page_Down", "wizard.next"));
  g_assert_true (untrain_test_has_shortcut (GTK_WIDGET (wizard), "Escape", "window.close"));

  /* Escape's action closes without finishing, keeping the page */
  activate (wizard, "wizard.next");
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  activate (wizard, "window.close");
  g_assert_null (wizard);
  g_assert_false (g_settings_get_boolean (fixture->settings, "first-run-done"));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "wizard-page"), ==, PAGE_PERSON);
}

/* Every page fits a phone-sized window. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *wizard = untrain_wizard_new (NULL, fixture->settings, fixture->catalog, fixture->store);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (wizard));
  int minimum;

  g_settings_set_string (fixture->settings, "country", "CD"); /* a long name */
  gtk_window_set_default_size (GTK_WINDOW (wizard), 360, 640);
  gtk_window_present (GTK_WINDOW (wizard));
  gtk_test_widget_wait_for_draw (wizard);

  for (guint page = PAGE_WELCOME; page <= PAGE_DONE; page++)
    {
      go_to (fixture, UNTRAIN_WIZARD (wizard), page);

      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
    }

  destroy_wizard (UNTRAIN_WIZARD (wizard));
}

int
main (int   argc,
      char *argv[])
{
  untrain_test_init_widgets (&argc, &argv);

  /* Pages change at once, so positions can be compared. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add ("/wizard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/wizard/country-chooser", test_country_chooser);
  ADD ("pages", test_pages);
  ADD ("pages/before-shown", test_pages_before_shown);
  ADD ("person/from-locale", test_person_from_locale);
  ADD ("person/from-settings", test_person_from_settings);
  ADD ("person/country-search", test_person_country_search);
  ADD ("applies/adult-in-germany", test_applies_adult_in_germany);
  ADD ("applies/adult-in-united-states", test_applies_adult_in_united_states);
  ADD ("applies/under-18", test_applies_under_18);
  ADD ("applies/follows-answers", test_applies_follows_answers);
  ADD ("platforms", test_platforms);
  ADD ("platforms/keeps-unknown", test_platforms_keeps_unknown);
  ADD ("reminders", test_reminders);
  ADD ("keyboard", test_keyboard);
  ADD ("narrow", test_narrow);
  ADD ("finish", test_finish);
  ADD ("resume", test_resume);
#undef ADD

  return g_test_run ();
}
