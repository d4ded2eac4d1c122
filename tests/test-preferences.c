/* test-preferences.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "untrain-country-chooser.h"
#include "untrain-preferences-window.h"
#include "untrain-region.h"
#include "untrain-test-utils.h"

/* The preferences window under Xvfb: every control writes its key as it
 * changes, and follows the key when something else changes it.
 */

typedef struct
{
  GSettings      *settings;
  UntrainCatalog *catalog;
  GtkWidget      *preferences;
} Fixture;

static void
open_preferences (Fixture *fixture)
{
  fixture->preferences = untrain_preferences_window_new (NULL, fixture->settings, fixture->catalog);
  g_assert_true (UNTRAIN_IS_PREFERENCES_WINDOW (fixture->preferences));

  untrain_test_show_window (fixture->preferences);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->settings = untrain_test_new_settings ();
  fixture->catalog = untrain_test_load_catalog ();

  /* Where the locale says the person lives */
  untrain_test_set_locale_country ("sv_SE.UTF-8");

  /* A test that needs something set first opens the window itself. */
  if (user_data == NULL)
    open_preferences (fixture);
}

/* Closing lets go of everything the window showed. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->preferences != NULL)
    untrain_test_destroy_window (fixture->preferences);

  g_assert_finalize_object (fixture->catalog);
  g_clear_object (&fixture->settings);
}

static GtkCheckButton *
get_platform_check (Fixture    *fixture,
                    const char *platform_id)
{
  GtkWidget *group = untrain_test_find_widget (fixture->preferences, ADW_TYPE_PREFERENCES_GROUP, "platforms-group");

  return GTK_CHECK_BUTTON (untrain_test_find_widget (group, GTK_TYPE_CHECK_BUTTON, platform_id));
}

static void
test_window (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->preferences)), ==, "Preferences");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->preferences)));
}

/* It stays on top of the window it was opened from. */
static void
test_transient_for (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *parent = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (parent));
  fixture->preferences = untrain_preferences_window_new (GTK_WINDOW (parent), fixture->settings, fixture->catalog);
  gtk_window_present (GTK_WINDOW (fixture->preferences));
  gtk_test_widget_wait_for_draw (fixture->preferences);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->preferences)) == GTK_WINDOW (parent));

  /* And goes with it */
  g_object_add_weak_pointer (G_OBJECT (fixture->preferences), (gpointer *)&fixture->preferences);
  gtk_window_destroy (GTK_WINDOW (parent));
  untrain_test_drain ();
  g_assert_null (fixture->preferences);
}

static void
test_country (Fixture       *fixture,
              gconstpointer  user_data)
{
  UntrainCountryChooser *chooser;

  chooser = UNTRAIN_COUNTRY_CHOOSER (untrain_test_find_widget (fixture->preferences, UNTRAIN_TYPE_COUNTRY_CHOOSER, NULL));

  /* "" means "from the locale", and shows what the locale says */
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "SE");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "");

  untrain_country_chooser_set_country (chooser, "CA");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "CA");

  g_settings_set_string (fixture->settings, "country", "HK");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "HK");

  /* A code that names no country, from an old version or by hand */
  g_settings_set_string (fixture->settings, "country", "XX");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "SE");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "XX");

  g_settings_set_string (fixture->settings, "country", "");
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "SE");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "country"), ==, "");
}

static gboolean
time_is_up (gpointer user_data)
{
  return g_get_monotonic_time () >= *(gint64 *)user_data;
}

static gboolean
is_laid_out (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_height (user_data) > 0;
}

static gboolean
is_scrolled (gpointer user_data)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (user_data)) > 0;
}

static void
test_country_from_settings (Fixture       *fixture,
                            gconstpointer  user_data)
{
  UntrainCountryChooser *chooser;
  GtkWidget *popover;
  GtkWidget *list_view;
  gint64 end;

  g_settings_set_string (fixture->settings, "country", "GB");
  open_preferences (fixture);

  chooser = UNTRAIN_COUNTRY_CHOOSER (untrain_test_find_widget (fixture->preferences, UNTRAIN_TYPE_COUNTRY_CHOOSER, NULL));
  g_assert_cmpstr (untrain_country_chooser_get_country (chooser), ==, "GB");

  /* The list opens where that country is, not at Afghanistan. */
  popover = untrain_test_find_widget (GTK_WIDGET (chooser), GTK_TYPE_POPOVER, NULL);
  list_view = untrain_test_find_widget (popover, GTK_TYPE_LIST_VIEW, NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  untrain_test_wait_until (is_laid_out, list_view);
  untrain_test_wait_until (is_scrolled, list_view);
  g_assert_nonnull (untrain_test_find_label (list_view, untrain_region_get_country_name ("GB")));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view))), >, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The list may have opened under the pointer, which the tests running
   * beside this one share: GTK 4.8 then readies a tooltip for it, and
   * shows it half a second later from a surface that must still be there.
   */
  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  untrain_test_wait_until (time_is_up, &end);
}

static void
test_age_group (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char * const age_groups[] = { "unknown", "under-18", "adult" };
  AdwComboRow *age_row = ADW_COMBO_ROW (untrain_test_find_widget (fixture->preferences, ADW_TYPE_COMBO_ROW, "age-row"));
  GListModel *model = adw_combo_row_get_model (age_row);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (age_groups));
  g_assert_cmpuint (adw_combo_row_get_selected (age_row), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    {
      adw_combo_row_set_selected (age_row, (i + 1) % G_N_ELEMENTS (age_groups));
      g_assert_cmpstr (g_settings_get_string (fixture->settings, "age-group"), ==,
                       age_groups[(i + 1) % G_N_ELEMENTS (age_groups)]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (age_groups); i++)
    {
      g_settings_set_string (fixture->settings, "age-group", age_groups[i]);
      g_assert_cmpuint (adw_combo_row_get_selected (age_row), ==, i);
    }
}

static void
test_platforms (Fixture       *fixture,
                gconstpointer  user_data)
{
  guint n_platforms = g_list_model_get_n_items (G_LIST_MODEL (fixture->catalog));

  /* A check per platform; LinkedIn's is on by default */
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (fixture->catalog), i);
      GtkCheckButton *check = get_platform_check (fixture, untrain_platform_get_id (platform));

      g_assert_nonnull (check);
      g_assert_cmpint (gtk_check_button_get_active (check), ==,
                       g_str_equal (untrain_platform_get_id (platform), "linkedin"));
    }

  gtk_check_button_set_active (get_platform_check (fixture, "whatsapp"), TRUE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "linkedin", "whatsapp", NULL });
  gtk_check_button_set_active (get_platform_check (fixture, "claude"), TRUE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "linkedin", "whatsapp", "claude", NULL });
  gtk_check_button_set_active (get_platform_check (fixture, "whatsapp"), FALSE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "linkedin", "claude", NULL });

  /* None at all is a choice too */
  gtk_check_button_set_active (get_platform_check (fixture, "linkedin"), FALSE);
  gtk_check_button_set_active (get_platform_check (fixture, "claude"), FALSE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { NULL });

  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "x", "adobe", NULL });
  for (guint i = 0; i < n_platforms; i++)
    {
      g_autoptr(UntrainPlatform) platform = g_list_model_get_item (G_LIST_MODEL (fixture->catalog), i);
      const char *id = untrain_platform_get_id (platform);

      g_assert_cmpint (gtk_check_button_get_active (get_platform_check (fixture, id)), ==,
                       g_str_equal (id, "x") || g_str_equal (id, "adobe"));
    }

  /* Following the key wrote nothing back */
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "x", "adobe", NULL });
}

/* A platform this catalog does not know is kept. */
static void
test_platforms_keeps_unknown (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_settings_set_strv (fixture->settings, "platforms", (const char * const []) { "linkedin", "myspace", NULL });
  open_preferences (fixture);

  gtk_check_button_set_active (get_platform_check (fixture, "linkedin"), FALSE);
  untrain_test_assert_platforms (fixture->settings, (const char * const []) { "myspace", NULL });
}

static void
test_reminders (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkSwitch *reminder_switch = GTK_SWITCH (untrain_test_find_widget (fixture->preferences, GTK_TYPE_SWITCH, "reminder-switch"));
  GtkSpinButton *interval_spin = GTK_SPIN_BUTTON (untrain_test_find_widget (fixture->preferences, GTK_TYPE_SPIN_BUTTON, "interval-spin"));

  g_assert_true (gtk_switch_get_active (reminder_switch));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval_spin), ==, 30);

  gtk_switch_set_active (reminder_switch, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "reminder-enabled"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (interval_spin)));

  gtk_switch_set_active (reminder_switch, TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "reminder-enabled"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (interval_spin)));

  gtk_spin_button_set_value (interval_spin, 7);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-interval-days"), ==, 7);

  /* Within the key's range */
  gtk_spin_button_set_value (interval_spin, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-interval-days"), ==, 1);
  gtk_spin_button_set_value (interval_spin, 400);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "reminder-interval-days"), ==, 365);

  g_settings_set_boolean (fixture->settings, "reminder-enabled", FALSE);
  g_assert_false (gtk_switch_get_active (reminder_switch));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (interval_spin)));

  g_settings_set_uint (fixture->settings, "reminder-interval-days", 60);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval_spin), ==, 60);
}

static void
test_tray_icon (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkSwitch *tray_switch = GTK_SWITCH (untrain_test_find_widget (fixture->preferences, GTK_TYPE_SWITCH, "tray-switch"));

  g_assert_true (gtk_switch_get_active (tray_switch));

  gtk_switch_set_active (tray_switch, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-tray-icon"));

  g_settings_set_boolean (fixture->settings, "show-tray-icon", TRUE);
  g_assert_true (gtk_switch_get_active (tray_switch));
}

/* A person with a small screen gets every control. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *chooser = untrain_test_find_widget (fixture->preferences, UNTRAIN_TYPE_COUNTRY_CHOOSER, NULL);
  GtkWidget *page = untrain_test_find_widget (fixture->preferences, ADW_TYPE_PREFERENCES_PAGE, NULL);
  int minimum;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* As narrow as it goes: 360 px, and the 5 px GTK keeps on each side */
  untrain_test_resize_window (fixture->preferences, 370, 600);

  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (chooser), >, 0);
  g_assert_cmpint (gtk_widget_get_width (chooser), <, 360);
}

int
main (int   argc,
      char *argv[])
{
  untrain_test_init_widgets (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_UNOPENED(path, func) \
  g_test_add ("/preferences/" path, Fixture, "unopened", fixture_set_up, func, fixture_tear_down)

  ADD ("window", test_window);
  ADD_UNOPENED ("transient-for", test_transient_for);
  ADD ("country", test_country);
  ADD_UNOPENED ("country/from-settings", test_country_from_settings);
  ADD ("age-group", test_age_group);
  ADD ("platforms", test_platforms);
  ADD_UNOPENED ("platforms/keeps-unknown", test_platforms_keeps_unknown);
  ADD ("reminders", test_reminders);
  ADD ("tray-icon", test_tray_icon);
  ADD ("narrow", test_narrow);

#undef ADD_UNOPENED
#undef ADD

  return g_test_run ();
}
